"""``toolkit batch`` as a newsroom runs it: real worker processes on real files; the real program
killed at random moments and resumed, worker processes killed under it, a terminal's progress bar;
a model endpoint that refuses one article. Runs that nobody kills go through ``toolkit.cli.main``
in this process."""

import contextlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from toolkit.batch import TIMING_FIELDS
from toolkit.cli import main
from toolkit.inputs import ant_fields

from .conftest import ROOT, SEED, SEED_PUBLISHED
from .fakellm import FakeLLM, answer, error
from .processes import descendants, parent_cmd

WRONG = "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس."
RIGHT = "اتصل بوتين في اليوم التالي لاجتماعه برؤساء بيلاروس وكازاخستان وأوزبكستان."


def paragraphs() -> list[str]:
    return [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]


def feed_records(n: int = 48) -> list[dict]:
    """Articles cut from the seed (three paragraphs each, every rotation), half with a summary to
    check (some of them wrong), half for the toolkit to summarise."""
    ps = paragraphs()
    records = []
    for i in range(n):
        k = i % len(ps)
        text = "\n".join((ps + ps)[k:k + 3])
        record = {"id": f"a{i:03d}", "text": text, "published": SEED_PUBLISHED}
        if i % 4 == 1:
            record["summary"] = WRONG if "في اليوم التالي" in text else RIGHT
        elif i % 4 == 3:
            record["summary"] = RIGHT
        records.append(record)
    return records


BAD_LINES = [  # (line, the error its result line must carry)
    ('{"id": "empty", "text": "   "}', "article empty is empty"),
    ('{"id": "no-text", "summary": "x"}', 'has no "text"'),
    ('{"id": "bad-date", "text": "وصل الوفد يوم 15 أغسطس.", "published": "2025-8-19"}',
     "bad publication date '2025-8-19': expected YYYY-MM-DD"),
    ('{"id": "broken", "text": ', "is not JSON: Expecting value"),
    ('[1, 2]', "is not a JSON object"),
]


def write_feed(path: Path, records: list[dict], bad: bool = True) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if bad:
        for j, (line, _) in enumerate(BAD_LINES):
            lines.insert(5 + 7 * j, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


def batch(*args, env=None, stdin=None) -> Done:
    """``toolkit batch ARGS`` through ``toolkit.cli.main`` in this process (its worker processes are
    real), with ``env`` as the whole environment and ``stdin`` as standard input; the tests that
    kill it run the real program."""
    saved = dict(os.environ)
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["batch", *map(str, args)])
    finally:
        sys.stdin = real_stdin
        os.environ.clear()
        os.environ.update(saved)
    return Done(code, out.getvalue(), err.getvalue())


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_id(path: Path) -> dict:
    """The result lines by id, timing fields left out; every id exactly once."""
    records = lines(path)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), sorted(i for i in set(ids) if ids.count(i) > 1)
    return {r["id"]: {k: v for k, v in r.items() if k not in TIMING_FIELDS} for r in records}


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    return write_feed(tmp_path_factory.mktemp("feed") / "feed.jsonl", feed_records())


@pytest.fixture(scope="module")
def reference_run(feed, tmp_path_factory) -> tuple[Path, float, str]:
    """One uninterrupted run with two workers: its file, how long it took, its stderr."""
    out = tmp_path_factory.mktemp("ref") / "results.jsonl"
    started = time.monotonic()
    r = batch(feed, "-o", out, "--workers", 2)
    elapsed = time.monotonic() - started
    assert r.returncode == 1, r.stderr  # some summaries are wrong
    return out, elapsed, r.stderr


@pytest.fixture(scope="module")
def reference(reference_run) -> tuple[Path, float]:
    return reference_run[:2]


def test_one_line_per_article_with_verdicts_usage_and_errors(feed, reference):
    out, _ = reference
    records = lines(out)
    n_articles = len(feed_records()) + len(BAD_LINES)
    assert len(records) == n_articles
    got = {r["id"]: r for r in records}
    wrong = [r for r in feed_records() if r.get("summary") == WRONG]
    assert wrong
    for r in wrong:  # a planted wrong date is found
        line = got[r["id"]]
        assert line["ok"] and line["counts"]["contradicted"] >= 1
        bad = [c for c in line["claims"] if c["verdict"] == "contradicted"]
        assert any("16 أغسطس" in c["text"] and c["evidence"] for c in bad)
    written = got["a000"]  # no summary given: the toolkit wrote one and checked its headline too
    assert written["backend"] == "extractive" and written["headline"] and written["summary"]
    assert written["usage"] == {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0, "requests": 0}
    assert written["published"] == SEED_PUBLISHED and written["lang"] == "ar"
    failed = {r["id"]: r["error"] for r in records if not r["ok"]}
    assert len(failed) == len(BAD_LINES)
    for _, message in BAD_LINES:
        assert sum(message in e for e in failed.values()) == 1, (message, failed)
    assert failed["bad-date"] == "bad publication date '2025-8-19': expected YYYY-MM-DD"
    # n is the line number, so a failed line can be found in the feed
    feed_lines = feed.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(feed_lines[r["n"] - 1])["id"] == r["id"] for r in records if r["ok"])


def test_one_or_two_workers_write_the_same_lines_and_the_last_line_tells_what_happened(feed, reference, tmp_path):
    out = tmp_path / "one.jsonl"
    r = batch(feed, "-o", out, "--workers", 1)
    assert r.returncode == 1
    assert by_id(out) == by_id(reference[0])
    last = r.stderr.strip().splitlines()[-1]
    n = len(feed_records()) + len(BAD_LINES)
    contradicted = sum(1 for x in lines(out) if x["ok"] and x["counts"]["contradicted"])
    assert contradicted >= 1
    assert last.startswith(f"{out}: {n} articles, {contradicted} with a contradiction, {len(BAD_LINES)} failed; "
                           f"{n} checked in "), last
    assert last.endswith(" articles/s")


def test_kill_9_at_random_moments_then_resume_loses_and_repeats_nothing(feed, reference, tmp_path):
    """Killed six times (once with Ctrl-C): during start-up, while reading what an earlier run
    wrote, while articles are checked and lines written (at a random line count, plus a random
    few milliseconds), resumed each time; the file ends as one uninterrupted run's."""
    ref, _ = reference
    n = len(lines(ref))
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(out), "--workers", "2",
               "--resume"]
    rng = random.Random(13)
    targets = sorted(rng.sample(range(3, n - 3), 4))
    plan = [("after", rng.uniform(0.05, 0.8)), ("lines", targets[0]), ("lines", targets[1]),
            ("ctrl-c at", targets[2]), ("after", rng.uniform(0.05, 0.5)), ("lines", targets[3])]
    partial = []
    for how, value in plan:
        before = out.read_bytes().count(b"\n") if out.exists() else 0
        if how == "ctrl-c at":  # after this run's own first line: Python itself dies of a Ctrl-C in its start-up
            value = max(value, before + 1)
        proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if how == "after":
            time.sleep(value)
        else:
            while proc.poll() is None and (not out.exists() or out.read_bytes().count(b"\n") < value):
                time.sleep(0.005)
            time.sleep(rng.uniform(0, 0.03))
        if how == "ctrl-c at":  # Ctrl-C once: the same promise, and a line saying how to go on
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 130, err
            assert err.strip().splitlines()[-1] == "toolkit: interrupted"
            assert "interrupted: run again with --resume to finish" in err
        else:
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=60)
        data = out.read_bytes() if out.exists() else b""
        partial.append(data.count(b"\n"))
        assert not data or data.endswith(b"\n")  # whole lines only, whatever the moment
    print(f"lines in the file after each kill ({', '.join(h for h, _ in plan)}): {partial} of {n}")
    r = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr
    assert by_id(out) == by_id(ref)
    assert sum(0 < k < n for k in partial) >= 3, partial  # kills landed in the middle of the work
    assert partial == sorted(partial)  # nothing a run wrote was ever lost
    assert f"; {partial[-1]} from an earlier run" in r.stderr and f"; {n - partial[-1]} checked in" in r.stderr


def test_a_partial_last_line_is_dropped_and_its_article_checked_again(reference, feed, tmp_path, capsys):
    ref, _ = reference
    out = tmp_path / "results.jsonl"
    data = ref.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(data[:10]) + data[10][: len(data[10]) // 2])  # a write cut short by a crash
    r = batch(feed, "-o", out, "--resume", "--workers", 2)
    assert r.returncode == 1, r.stderr
    assert "toolkit: warning: " in r.stderr and "dropped a partial last line" in r.stderr
    assert by_id(out) == by_id(ref)
    assert f"; {len(data) - 10} checked in" in r.stderr and "; 10 from an earlier run" in r.stderr


def test_a_killed_worker_process_costs_no_article(feed, reference, tmp_path):
    ref, _ = reference
    out = tmp_path / "results.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(out),
                             "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 60
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        # a worker is a grandchild (under the fork server) that has started checking
        if out.exists() and out.read_bytes().count(b"\n") >= 3:
            for pid in descendants(proc.pid):
                if "forkserver" in parent_cmd(pid):  # forked by the fork server: a worker
                    os.kill(pid, signal.SIGKILL)  # the out-of-memory killer, say
                    killed = pid
                    break
        time.sleep(0.02)
    _, err = proc.communicate(timeout=300)
    assert killed is not None, "no worker to kill"
    assert proc.returncode == 1, err
    assert "a worker process died; its articles are checked again, one at a time" in err
    assert by_id(out) == by_id(ref)


def test_a_directory_of_text_and_ant_files(tmp_path):
    src = tmp_path / "in"
    (src / "politic").mkdir(parents=True)
    (src / ".hidden").mkdir()
    seed = SEED.read_text(encoding="utf-8")
    (src / "seed.txt").write_text(seed, encoding="utf-8")
    (src / "utf16.txt").write_text(seed, encoding="utf-16")  # with its byte-order mark
    ant = (f"<DOC>\n<DOCNO>JA-politic-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TIME>19/08/2025</TIME>\n"
           f"<TEXT>\n{seed}\n</TEXT>\n</DOC>\n")
    (src / "politic" / "JA-politic-1.txt").write_text(ant, encoding="utf-8")
    (src / "politic" / "empty.txt").write_text(" \n\u200b", encoding="utf-8")
    (src / "politic" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (src / "politic" / "latin1.txt").write_bytes("café 15 août".encode("latin-1"))
    (src / "notes.md").write_text("not an article", encoding="utf-8")
    (src / ".hidden" / "x.txt").write_text(seed, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    r = batch(src, "-o", out, "--published", SEED_PUBLISHED)
    assert r.returncode == 0, r.stderr
    got = {x["id"]: x for x in lines(out)}
    assert list(got) and sorted(got) == ["politic/JA-politic-1.txt", "politic/binary.txt", "politic/empty.txt",
                                         "politic/latin1.txt", "seed.txt", "utf16.txt"]
    assert sorted(x["n"] for x in got.values()) == list(range(1, 7))
    assert got["politic/JA-politic-1.txt"]["published"] == "2025-08-19"  # from <TIME>
    assert got["politic/JA-politic-1.txt"]["summary"] == got["seed.txt"]["summary"]  # <TEXT> only
    assert got["utf16.txt"]["summary"] == got["seed.txt"]["summary"]
    assert got["politic/empty.txt"]["error"] == ("article politic/empty.txt has no visible text (only whitespace, "
                                                 "zero-width or bidi marks, diacritics or tatweel)")
    assert got["politic/binary.txt"]["error"] == "article politic/binary.txt is a binary file, not text"
    assert got["politic/latin1.txt"]["error"] == "article politic/latin1.txt is not UTF-8 (bad byte at offset 3)"
    assert "6 articles, 0 with a contradiction, 3 failed" in r.stderr


def test_ant_fields_read_like_the_eval_reader(tmp_path):
    from toolkit.evals.cases import read_ant

    for when, iso in [("19/08/2025", "2025-08-19"), ("2016-07-29 10:00", "2016-07-29"), ("", None)]:
        raw = f"<DOC>\n<TIME>{when}</TIME>\n<TEXT>\nنص الخبر يوم 15 أغسطس.\n</TEXT>\n</DOC>\n"
        path = tmp_path / "a.txt"
        path.write_text(raw, encoding="utf-8")
        assert ant_fields(raw) == read_ant(path) == ("نص الخبر يوم 15 أغسطس.", iso)


def test_usage_errors_exit_2_with_one_line(feed, tmp_path):
    out = tmp_path / "r.jsonl"
    cases = [
        ((tmp_path / "nope.jsonl", "-o", out), f"toolkit: error: input not found: {tmp_path / 'nope.jsonl'}"),
        ((feed, "-o", out, "--workers", 0), "toolkit: error: --workers must be a whole number of at least 1, not 0"),
        ((feed, "-o", out, "--published", "2025-8-19"),
         "toolkit: error: bad publication date '2025-8-19': expected YYYY-MM-DD"),
        ((feed, "-o", out, "--address", "ray://x:10001"), "toolkit: error: --address goes with --engine ray"),
        ((feed, "-o", tmp_path), f"toolkit: error: output {tmp_path} is a directory"),
    ]
    for args, message in cases:
        r = batch(*args)
        assert r.returncode == 2 and r.stderr.strip() == message, (args, r.stderr)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    r = batch(empty, "-o", tmp_path / "e.jsonl")
    assert r.returncode == 2 and r.stderr.strip().splitlines()[-1] == f"toolkit: error: no articles in {empty}"


def test_an_existing_output_is_never_overwritten_or_mixed(feed, reference, tmp_path):
    ref, _ = reference
    out = tmp_path / "r.jsonl"
    out.write_bytes(ref.read_bytes())
    r = batch(feed, "-o", out)
    assert r.returncode == 2
    assert r.stderr.strip() == (f"toolkit: error: {out} already exists: pass --resume to continue it, "
                                f"or choose another file")
    r = batch(feed, "-o", out, "--resume", "--published", "2025-08-20")
    assert r.returncode == 2
    assert r.stderr.strip() == (f"toolkit: error: {out} was written with other options (published: none before, "
                                f"2025-08-20 now): resume with the same options, or write to another file")
    assert out.read_bytes() == ref.read_bytes()
    r = batch(feed, "-o", out, "--resume")  # nothing left to do: the same answer, nothing written
    assert r.returncode == 1 and out.read_bytes() == ref.read_bytes()
    assert "0 checked in" in r.stderr


def test_standard_input_and_a_feed_with_the_same_article_twice(tmp_path):
    record = json.dumps({"id": "x", "text": SEED.read_text(encoding="utf-8"), "summary": RIGHT,
                         "published": SEED_PUBLISHED}, ensure_ascii=False)
    out = tmp_path / "r.jsonl"
    r = batch("-", "-o", out, stdin=f"{record}\n" * 3)
    assert r.returncode == 0, r.stderr
    records = lines(out)
    assert [x["n"] for x in sorted(records, key=lambda x: x["n"])] == [1, 2, 3]
    assert len({x["key"] for x in records}) == 1  # the same article and options: the same key
    out.write_bytes(b"".join(out.read_bytes().splitlines(keepends=True)[:1]))
    r = batch("-", "-o", out, "--resume", stdin=f"{record}\n" * 3)
    assert r.returncode == 0 and len(lines(out)) == 3  # each copy gets its line, once


def test_a_progress_bar_with_rate_and_eta_on_a_terminal(feed, reference_run, tmp_path):
    import pty

    out = tmp_path / "r.jsonl"
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "160"}
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(out),
                             "--workers", "2"], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=follower, env=env)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end has closed
            break
        if not chunk:
            break
        screen += chunk
    proc.wait(timeout=300)
    os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert proc.returncode == 1
    n = len(feed_records()) + len(BAD_LINES)
    assert f"{n}/{n}" in text and "articles/s" in text and "ETA" in text
    assert f"{len(BAD_LINES)} failed" in text
    # without a terminal: no bar, only the last line
    err = reference_run[2]
    assert len(err.strip().splitlines()) == 1 and "ETA" not in err and "articles/s" in err


CLAIMS = {"claims": [{"text": "اتصل بوتين برؤساء بيلاروس", "kind": "entity", "subject": "بوتين",
                      "value": "بيلاروس"}]}
GOOD = {"headline": "بوتين يتصل بالقادة",
        "sentences": [{"text": "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان في اليوم التالي لاجتماعه.",
                       "source_sentences": [2]}]}


def test_a_model_backend_records_usage_and_one_refused_article_is_its_own_line(tmp_path):
    from toolkit.llm.schemas import AtomicClaim
    from toolkit.pipeline import check_claims

    seed = SEED.read_text(encoding="utf-8")
    records = [{"id": f"m{i}", "text": f"{seed}\nARTICLE-{i}", "published": SEED_PUBLISHED} for i in range(4)]
    feed = write_feed(tmp_path / "feed.jsonl", records, bad=False)

    def script(r):
        if "ARTICLE-2" in r.text:
            return error(401)
        return answer(GOOD if r.task == "summarize" else CLAIMS)

    env = {**os.environ, "OPENAI_API_KEY": "k", "TOOLKIT_CACHE_DIR": str(tmp_path / "cache")}
    with FakeLLM(script) as server:
        env["OPENAI_BASE_URL"] = server.url
        out = tmp_path / "r.jsonl"
        r = batch(feed, "-o", out, "--backend", "openai", "--model", "m", "--no-cache", "--workers", 2, env=env)
        assert r.returncode == 0, r.stderr
        got = {x["id"]: x for x in lines(out)}
        assert got["m2"]["ok"] is False
        assert got["m2"]["error"].startswith("the model endpoint failed: AuthenticationError")
        for i in (0, 1, 3):
            assert got[f"m{i}"]["ok"] and got[f"m{i}"]["backend"] == "openai" and got[f"m{i}"]["model"] == "m"
            assert got[f"m{i}"]["usage"] == {"prompt_tokens": 200, "completion_tokens": 40, "total_tokens": 240,
                                             "requests": 2}
            (claim,) = got[f"m{i}"]["extracted"]  # the model's claim, checked
            assert claim["text"] == CLAIMS["claims"][0]["text"] and claim["kind"] == "entity"
            (expected,) = check_claims(f"{seed}\nARTICLE-{i}", [AtomicClaim(**CLAIMS["claims"][0])],
                                       published=SEED_PUBLISHED, lang="ar")
            assert claim["verdict"] == expected.verdict  # the verifier's verdict, as the Python API gives it
        assert "4 articles, 0 with a contradiction, 1 failed" in r.stderr
        # every article refused: the batch as a whole failed
        out2 = tmp_path / "r2.jsonl"
        with FakeLLM(lambda r: error(401)) as refusing:
            env["OPENAI_BASE_URL"] = refusing.url
            r = batch(feed, "-o", out2, "--backend", "openai", "--model", "m", "--no-cache", env=env)
        assert r.returncode == 2 and "4 articles, 0 with a contradiction, 4 failed" in r.stderr
    r = batch(feed, "-o", tmp_path / "r3.jsonl", "--backend", "openai",
              env={k: v for k, v in env.items() if not k.startswith("OPENAI_")})
    assert r.returncode == 2
    assert r.stderr.strip() == ("toolkit: error: no endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL "
                                "for other servers)")
    assert not (tmp_path / "r3.jsonl").exists()


def test_judge_adds_the_models_verdicts_to_each_line_and_to_the_key(tmp_path):
    def script(r):
        system = str(r.body.get("messages", [{}])[0].get("content"))
        if "You check one sentence" not in system:
            return answer({"claims": []})
        user = str(r.body["messages"][1]["content"])
        passage = user.split("<article>\n")[1].split("\n</article>")[0]
        return answer({"quote": " ".join(passage.split()[:6]), "verdict": "supported"})

    records = [{"id": f"j{i}", "text": "\n".join(paragraphs()[:4]), "summary": RIGHT, "published": SEED_PUBLISHED}
               for i in range(2)]
    feed = write_feed(tmp_path / "feed.jsonl", records, bad=False)
    env = {**os.environ, "OPENAI_API_KEY": "k", "TOOLKIT_CACHE_DIR": str(tmp_path / "cache")}
    with FakeLLM(script) as server:
        env["OPENAI_BASE_URL"] = server.url
        out = tmp_path / "r.jsonl"
        r = batch(feed, "-o", out, "--backend", "openai", "--model", "m", "--judge", "--workers", 1, env=env)
        assert r.returncode == 0, r.stderr
        for line in lines(out):
            assert line["ok"] and line["options"]["judge"] is True
            assert [j["verdict"] for j in line["judged"]] == ["supported"]
            assert line["judged"][0]["text"] == RIGHT
        plain = tmp_path / "plain.jsonl"
        assert batch(feed, "-o", plain, "--backend", "openai", "--model", "m", env=env).returncode == 0
        assert all("judged" not in x and "judge" not in x["options"] for x in lines(plain))
        r = batch(feed, "-o", plain, "--backend", "openai", "--model", "m", "--judge", "--resume", env=env)
        assert r.returncode == 2 and "(judge: none before, True now)" in r.stderr


def test_worker_processes_print_what_the_command_line_prints(tmp_path):
    """The real program with two workers and a refusing endpoint: the summary line on stderr and
    nothing else (instructor logs every failed attempt; a worker must not let it through)."""
    records = [r for r in feed_records(4) if "summary" not in r]  # the model writes both summaries
    feed = write_feed(tmp_path / "feed.jsonl", records, bad=False)
    env = {**os.environ, "OPENAI_API_KEY": "k", "TOOLKIT_CACHE_DIR": str(tmp_path / "cache")}
    with FakeLLM(lambda r: error(401)) as refusing:
        env["OPENAI_BASE_URL"] = refusing.url
        out = tmp_path / "r.jsonl"
        r = subprocess.run([sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(out), "--workers", "2",
                            "--backend", "openai", "--model", "m", "--no-cache"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=300)
    assert r.returncode == 2
    assert r.stderr.startswith(f"{out}: 2 articles, 0 with a contradiction, 2 failed; ") and r.stderr.count("\n") == 1
    assert all(x["error"].startswith("the model endpoint failed: AuthenticationError") for x in lines(out))
