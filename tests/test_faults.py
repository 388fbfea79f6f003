"""Faults of a flaky model endpoint and of a killed process, as a user meets them: a fake
OpenAI-compatible server in the test process drives the real command line (in-process, through
``toolkit.cli.main``) and ``fact_check_many``; ``eval --update-baseline`` is killed at random
moments."""

import asyncio
import json
import random
import signal
import subprocess
import sys
import time

import openai
import pytest

from toolkit import EndpointError, FactCheckResult, fact_check_many
from toolkit.cli import main

from .conftest import ROOT, SEED_PUBLISHED
from .fakellm import FakeLLM, Reply, answer, completion, error

GOOD = {"headline": "بوتين يتصل بالقادة",
        "sentences": [{"text": "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان في اليوم التالي لاجتماعه.",
                       "source_sentences": [2]}]}
# one sentence the source contradicts (the calls were the next day, 17 August)
CONTRADICTED = {"headline": "بوتين يتصل بالقادة",
                "sentences": [{"text": "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.",
                               "source_sentences": [2]}]}
BAD_HEADLINE = {**GOOD, "headline": "قمة ألاسكا عقدت يوم 20 أغسطس"}
CLAIMS = {"claims": [{"text": "اتصل بوتين برؤساء بيلاروس", "kind": "entity", "subject": "بوتين",
                      "value": "بيلاروس"}]}


def ok(summary=GOOD):
    """Answers every request correctly: the summary, then the claims."""
    return lambda r: answer(summary if r.task == "summarize" else CLAIMS)


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("TOOLKIT_LLM_MODE", "TOOLKIT_TIMEOUT", "TOOLKIT_DEADLINE", "TOOLKIT_CONNECT_TIMEOUT",
                 "TOOLKIT_MODEL", "TOOLKIT_MAX_SOURCE_CHARS"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def cli(server, env, *args, command="fact-check"):
    env.setenv("OPENAI_BASE_URL", server.url)
    from .conftest import SEED

    return main([command, str(SEED), "--backend", "openai", "--model", "m", "--no-cache",
                 "--published", SEED_PUBLISHED, *args])


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in text, text
    return lines[0]


# -- transport faults ------------------------------------------------------------------------------

def test_500s_then_success_is_retried_and_every_attempt_counted(env, capsys):
    def script(r):
        return error(500) if r.task == "summarize" and r.n < 2 else ok()(r)

    with FakeLLM(script) as server:
        assert cli(server, env, "--format", "json") == 0
        data = json.loads(capsys.readouterr().out)
    assert data["summary"] == GOOD["sentences"][0]["text"]
    assert [run["usage"]["requests"] for run in data["runs"]] == [3, 1]
    assert server.count("summarize") == 3 and server.count("extract_claims") == 1


def test_429_with_retry_after_is_honoured(env, capsys):
    def script(r):
        return error(429, {"retry-after": "1"}) if r.n == 0 else ok()(r)

    with FakeLLM(script) as server:
        started = time.monotonic()
        assert cli(server, env) == 0
        assert time.monotonic() - started >= 1.0
    assert "0 contradicted" in capsys.readouterr().out


def test_429_asking_for_an_hour_fails_at_once_with_one_line(env, capsys):
    with FakeLLM(lambda r: error(429, {"retry-after": "3600"})) as server:
        started = time.monotonic()
        assert cli(server, env) == 2
        assert time.monotonic() - started < 10 and server.count() == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith("toolkit: error: the model endpoint failed: RateLimitError")
    assert "not retried: the server asked to wait 3600 s" in line


def test_a_hung_endpoint_fails_by_the_deadline(env, capsys):
    env.setenv("TOOLKIT_TIMEOUT", "0.5")
    env.setenv("TOOLKIT_DEADLINE", "2")
    with FakeLLM(lambda r: Reply(delay=30)) as server:
        started = time.monotonic()
        assert cli(server, env) == 2
        elapsed = time.monotonic() - started
    assert elapsed < 8, elapsed
    assert one_line(capsys.readouterr().err).startswith("toolkit: error: the model endpoint failed: APITimeoutError")


GARBAGE = [
    ("html page", lambda r: Reply(200, "<html>oops</html>", {"content-type": "text/html"})),
    ("broken json", lambda r: Reply(200, "{not json")),
    ("not a completion", lambda r: Reply(200, {"foo": 1})),
    ("no choices", lambda r: Reply(200, {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                                         "choices": []})),
    ("empty body", lambda r: Reply(200, b"")),
    ("prose, not json", lambda r: completion("I cannot help with that.")),
    ("5xx html", lambda r: Reply(502, "<html>bad gateway</html>", {"content-type": "text/html"})),
]


@pytest.mark.parametrize("name, script", GARBAGE, ids=[g[0] for g in GARBAGE])
@pytest.mark.parametrize("command", ["fact-check", "summarize", "report"])
def test_garbage_bodies_are_one_line_and_exit_2(env, capsys, name, script, command):
    env.setenv("TOOLKIT_DEADLINE", "2")
    with FakeLLM(script) as server:
        assert cli(server, env, command=command) == 2
    captured = capsys.readouterr()
    assert one_line(captured.err).startswith("toolkit: error: ")
    assert captured.out == ""


def test_schema_invalid_json_is_reasked_then_one_line(env, capsys):
    with FakeLLM(lambda r: completion(json.dumps({"headline": "", "sentences": []}))) as server:
        assert cli(server, env) == 2
        assert server.count() == 3  # asked, then re-asked twice
    line = one_line(capsys.readouterr().err)
    assert line.startswith("toolkit: error: the model's output did not validate as Summary after 3 attempts")


# -- nothing lost ------------------------------------------------------------------------------------

@pytest.mark.parametrize("failure", [error(503), error(400), completion('{"claims": "none"}'),
                                     Reply(200, "<html>oops</html>", {"content-type": "text/html"})],
                         ids=["503", "400", "schema", "garbage"])
def test_a_failed_claim_extraction_keeps_the_summary_and_its_verdicts(env, capsys, failure):
    env.setenv("TOOLKIT_DEADLINE", "2")
    with FakeLLM(lambda r: answer(CONTRADICTED) if r.task == "summarize" else failure) as server:
        assert cli(server, env) == 1  # the summary's contradiction still decides
    captured = capsys.readouterr()
    assert CONTRADICTED["sentences"][0]["text"] in captured.out
    assert "[CONTRADICTED] date «يوم 16 أغسطس»" in captured.out
    assert one_line(captured.err).startswith("toolkit: warning: claim extraction: ")


def test_summarize_exits_1_when_it_prints_a_contradicted_sentence(env, capsys):
    with FakeLLM(ok(CONTRADICTED)) as server:
        assert cli(server, env, command="summarize") == 1
        out = capsys.readouterr().out
        assert f"[CONTRADICTED] {CONTRADICTED['sentences'][0]['text']}" in out
        assert cli(server, env, "--format", "json", command="summarize") == 1
        capsys.readouterr()
    with FakeLLM(ok(GOOD)) as server:
        assert cli(server, env, command="summarize") == 0


def test_the_headline_is_verified_in_every_output(env, capsys, tmp_path):
    with FakeLLM(ok(BAD_HEADLINE)) as server:
        assert cli(server, env, command="summarize") == 1
        assert f"[CONTRADICTED] {BAD_HEADLINE['headline']}" in capsys.readouterr().out
        assert cli(server, env) == 1
        out = capsys.readouterr().out
        assert "headline: 2 claims: 1 contradicted" in out
        start = BAD_HEADLINE["headline"].index("يوم 20 أغسطس")
        assert f"[CONTRADICTED] date «يوم 20 أغسطس» (headline chars {start}-{start + 12})" in out
        assert cli(server, env, "--format", "json") == 1
        data = json.loads(capsys.readouterr().out)
        assert data["headline_report"]["counts"]["contradicted"] == 1 and data["report"]["counts"]["contradicted"] == 0
        assert cli(server, env, "--format", "markdown") == 1
        md = capsys.readouterr().out
        assert "#### Headline" in md and "| CONTRADICTED | date | يوم 20 أغسطس |" in md
        page = tmp_path / "r.html"
        assert cli(server, env, "-o", str(page), command="report") == 1
        assert "1 contradicted" in capsys.readouterr().err
        html = page.read_text(encoding="utf-8")
        assert '<a class="claim v-contradicted"' in html.split('<div class="headline summary"')[1].split("</div>")[0]


def _401_on_article_2(r):
    if "ARTICLE-2" in r.text:
        return error(401)
    return ok(CONTRADICTED if "ARTICLE-3" in r.text else GOOD)(r)


@pytest.mark.parametrize("return_exceptions", [True, False])
def test_fact_check_many_with_a_401_on_the_second_of_three(env, seed, return_exceptions):
    articles = [f"{seed}\nARTICLE-{i}" for i in (1, 2, 3)]
    with FakeLLM(_401_on_article_2) as server:
        env.setenv("OPENAI_BASE_URL", server.url)
        run = fact_check_many(articles, backend="openai", model="m", cache=False, published=SEED_PUBLISHED,
                              concurrency=3, return_exceptions=return_exceptions)
        if return_exceptions:
            results = asyncio.run(run)
        else:
            with pytest.raises(EndpointError) as info:
                asyncio.run(run)
            results = info.value.results
            assert info.value.index == 1 and results[1] is info.value
    assert len(results) == 3
    first, second, third = results
    assert isinstance(first, FactCheckResult) and not first.contradicted and not first.errors
    assert isinstance(second, EndpointError) and second.status_code == 401
    assert isinstance(second.__cause__, openai.AuthenticationError)
    assert isinstance(third, FactCheckResult) and [c.text for c in third.contradicted] == ["يوم 16 أغسطس"]
    assert server.count("summarize") == 3  # the 401 was not retried, and stopped nobody else


def test_three_articles_through_the_cli_with_a_401_on_the_second(env, tmp_path, seed, capsys):
    codes = []
    with FakeLLM(_401_on_article_2) as server:
        env.setenv("OPENAI_BASE_URL", server.url)
        for i in (1, 2, 3):
            path = tmp_path / f"a{i}.txt"
            path.write_text(f"{seed}\nARTICLE-{i}", encoding="utf-8")
            codes.append(main(["fact-check", str(path), "--backend", "openai", "--model", "m", "--no-cache",
                               "--published", SEED_PUBLISHED]))
    assert codes == [0, 2, 1]
    err = capsys.readouterr().err
    assert one_line(err).startswith("toolkit: error: the model endpoint failed: AuthenticationError")


# -- kills during eval --update-baseline -----------------------------------------------------------------

def test_a_killed_baseline_update_leaves_the_old_or_the_new_file(tmp_path):
    baseline = json.loads((ROOT / "evals" / "baseline.json").read_text(encoding="utf-8"))
    old = {k: v for k, v in baseline.items() if not str(k).startswith("seed")}
    assert old != baseline
    path = tmp_path / "baseline.json"
    old_text = json.dumps(old, indent=2) + "\n"
    command = [sys.executable, "-m", "toolkit.cli", "eval", "seed", "--baseline", str(path), "--update-baseline"]

    path.write_text(old_text, encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=ROOT)
    full = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    new_text = path.read_text(encoding="utf-8")
    assert new_text != old_text and json.loads(new_text)

    rng = random.Random(11)
    seen = set()
    for _ in range(6):
        path.write_text(old_text, encoding="utf-8")
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        time.sleep(rng.uniform(0.3, 1.1) * full)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        text = path.read_text(encoding="utf-8")
        if text != old_text:  # then the whole new file (its figures may move with the tree: compare its shape)
            written = json.loads(text)
            assert set(written) == set(json.loads(new_text)) and text.endswith("}\n")
        seen.add("old" if text == old_text else "new")
    assert "old" in seen  # some kills came before the write
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "baseline.json"]
    assert all(name.endswith(".tmp") for name in leftovers), leftovers  # at most a killed writer's own temp file
