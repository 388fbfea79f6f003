"""What a user sees for bad input and faults, through the public API and the command line:
InputError with one message style, exit codes that mean what they say, nothing lost."""

import asyncio
import datetime as dt
import os
import re
import subprocess
import sys
import textwrap

import pytest

import toolkit
from toolkit import (FactCheckResult, InputError, extract_claims, fact_check, fact_check_many, find_mentions,
                     render_html, render_markdown, summarize, verify)
from toolkit.cli import main
from toolkit.inputs import DEFAULT_MAX_CHARS, MAX_DIGIT_RUN
from toolkit.llm.schemas import ClaimList, Run, Summary, SummarySentence

from .conftest import ROOT, SEED_PUBLISHED

SEED_SUMMARY = ROOT / "seeds" / "000_84ad6c98e610491e.summary.txt"
WRONG = "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.\n"
RIGHT = "اتصل بوتين في اليوم التالي لاجتماعه برؤساء بيلاروس وكازاخستان وأوزبكستان.\n"
BAD_HEADLINE = "قمة ألاسكا عقدت يوم 20 أغسطس"
# "<name> must be <what>, not <type>"
STYLE = re.compile(r"^[a-z_ ]+ must be [^,]+, not (one )?[A-Za-z]+( \(decode it first\))?$")


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


class Scripted:
    """A backend that writes a fixed summary, and claims or a failure."""

    name = "scripted"

    def __init__(self, headline="بوتين يتصل بالقادة", sentences=(WRONG.strip(),), claims_error=None, fail_on=None):
        self.headline, self.sentences, self.claims_error, self.fail_on = headline, sentences, claims_error, fail_on
        self.summarized = []

    def summarize(self, sentences, lang, max_sentences):
        text = " ".join(sentences)
        self.summarized.append(text)
        if self.fail_on and self.fail_on in text:
            raise RuntimeError(f"article failed: {self.fail_on}")
        return (Summary(headline=self.headline, sentences=[SummarySentence(text=s) for s in self.sentences]),
                Run(backend=self.name, model="s"))

    def extract_claims(self, summary, lang):
        if self.claims_error:
            raise self.claims_error
        return ClaimList(claims=[]), Run(backend=self.name, model="s")


# -- the public API validates its inputs -------------------------------------------------------

def _result(seed):
    return fact_check(seed, RIGHT, published=SEED_PUBLISHED)


WRONG_TYPES = [
    ("verify source None", lambda seed: verify(None, "x"), "source must be a string, not None"),
    ("verify summary bytes", lambda seed: verify(seed, b"x"), "summary must be a string, not bytes (decode it first)"),
    ("verify source int", lambda seed: verify(5, "x"), "source must be a string, not int"),
    ("verify lang int", lambda seed: verify(seed, "x", lang=1), "lang must be a string, not int"),
    ("verify published int", lambda seed: verify(seed, "x", published=20250819),
     "published must be a date or a YYYY-MM-DD string, not int"),
    ("find_mentions None", lambda seed: find_mentions(None), "text must be a string, not None"),
    ("find_mentions bytes", lambda seed: find_mentions(b"x"), "text must be a string, not bytes (decode it first)"),
    ("find_mentions list", lambda seed: find_mentions(["a"]), "text must be a string, not list"),
    ("summarize None", lambda seed: summarize(None), "source must be a string, not None"),
    ("summarize bytes", lambda seed: summarize(seed.encode()), "source must be a string, not bytes (decode it first)"),
    ("summarize int", lambda seed: summarize(5), "source must be a string, not int"),
    ("fact_check None", lambda seed: fact_check(None), "source must be a string, not None"),
    ("fact_check summary bytes", lambda seed: fact_check(seed, b"x"),
     "summary must be a string, not bytes (decode it first)"),
    ("afact_check int", lambda seed: asyncio.run(toolkit.afact_check(7)), "source must be a string, not int"),
    ("extract_claims None", lambda seed: extract_claims(None), "summary must be a string, not None"),
    ("render_html None", lambda seed: render_html(None), "result must be a FactCheckResult (from fact_check), not None"),
    ("render_html str", lambda seed: render_html("x"), "result must be a FactCheckResult (from fact_check), not str"),
    ("render_markdown dict", lambda seed: render_markdown({}),
     "result must be a FactCheckResult (from fact_check), not dict"),
    ("fact_check_many str", lambda seed: asyncio.run(fact_check_many(seed)),
     "sources must be an iterable of articles (strings), not one str"),
    ("fact_check_many int", lambda seed: asyncio.run(fact_check_many(5)),
     "sources must be an iterable of articles (strings), not int"),
    ("fact_check_many concurrency", lambda seed: asyncio.run(fact_check_many([seed], concurrency=0)),
     "concurrency must be a whole number of at least 1, not 0"),
    ("summarize max_sentences", lambda seed: summarize(seed, max_sentences=0),
     "max_sentences must be a whole number of at least 1, not 0"),
]


@pytest.mark.parametrize("name, call, message", WRONG_TYPES, ids=[w[0] for w in WRONG_TYPES])
def test_wrong_types_raise_input_error_in_one_style(seed, name, call, message):
    with pytest.raises(InputError) as info:
        call(seed)
    assert str(info.value) == message
    if " must be " in message and "whole number" not in message:
        assert STYLE.match(message), message


INVISIBLE = ["", "   \n\t", "\u200b\u200c\u200d\ufeff", "\u200e\u200f\u061c\u2066\u2069", "\u064b\u064e\u0651\u0652",
             "ـــ", " \u200fـ\u064e \u2060\u00a0"]
TEXT_FUNCTIONS = [
    ("verify source", lambda t, seed: verify(t, "اتصل بوتين يوم 16 أغسطس.")),
    ("verify summary", lambda t, seed: verify(seed, t)),
    ("find_mentions", lambda t, seed: find_mentions(t)),
    ("summarize", lambda t, seed: summarize(t)),
    ("fact_check", lambda t, seed: fact_check(t)),
    ("fact_check summary", lambda t, seed: fact_check(seed, t)),
    ("extract_claims", lambda t, seed: extract_claims(t)),
]


@pytest.mark.parametrize("text", INVISIBLE, ids=[repr(t) for t in INVISIBLE])
@pytest.mark.parametrize("name, call", TEXT_FUNCTIONS, ids=[f[0] for f in TEXT_FUNCTIONS])
def test_empty_or_invisible_only_text_is_refused(seed, name, call, text):
    with pytest.raises(InputError, match=r"is empty$|has no visible text \(only whitespace, zero-width"):
        call(text, seed)


def test_input_error_is_a_value_error_and_one_class():
    from toolkit.checks import InputError as checks_error
    from toolkit.pipeline import InputError as pipeline_error

    assert toolkit.InputError is checks_error is pipeline_error and issubclass(InputError, ValueError)


# -- publication dates: exactly YYYY-MM-DD, in range -------------------------------------------

@pytest.mark.parametrize("value", ["2025-08-19garbage", "2025-08-19T10:00", "20250819", "2025-W34-2", "2025-8-19",
                                   " 2025-08-19", "٢٠٢٥-٠٨-١٩", "2025-02-30", ""])
def test_published_must_be_exactly_a_date(seed, value):
    with pytest.raises(InputError, match="bad publication date"):
        verify(seed, RIGHT, published=value)
    with pytest.raises(InputError, match="bad publication date"):
        find_mentions("وصل الوفد أمس.", published=value)


@pytest.mark.parametrize("value", ["2025-08-19", dt.date(2025, 8, 19), dt.datetime(2025, 8, 19, 23, 30)])
def test_published_as_string_date_or_datetime(seed, value):
    assert verify(seed, RIGHT, published=value).published == "2025-08-19"


@pytest.mark.parametrize("published", ["0001-01-01", "1899-12-31", "2200-01-01", dt.date(9999, 12, 31),
                                       dt.date.min, dt.date.max])
@pytest.mark.parametrize("text", ["وصل الوفد أمس إلى القاهرة.", "وصل الوفد قبل يومين إلى القاهرة.",
                                  "يصل الوفد غدا يوم الاثنين."])
def test_a_publication_date_out_of_range_is_input_error_not_overflow(published, text):
    with pytest.raises(InputError, match=r"out of range: expected 1900-01-01 to 2199-12-31"):
        verify(text, text, published=published)


@pytest.mark.parametrize("published", ["1900-01-01", "2199-12-31"])
@pytest.mark.parametrize("text", ["وصل الوفد أمس إلى القاهرة.", "وصل الوفد قبل يومين إلى القاهرة.",
                                  "يصل الوفد غدا يوم الاثنين."])
def test_the_ends_of_the_range_work(published, text):
    report = verify(text, text, published=published)
    assert report.published == published and not report.contradicted


# -- long runs of digits -------------------------------------------------------------------------

@pytest.mark.parametrize("digits", ["1" * 5000, "١" * 4301, "۹" * 400, ",".join(["999"] * 120), "7" * (MAX_DIGIT_RUN + 1)])
@pytest.mark.parametrize("where", ["source", "summary"])
def test_a_long_run_of_digits_is_refused_not_a_crash(seed, digits, where):
    text = f"قال إن {digits} شخصا حضروا."
    args = (text, "حضر 5 أشخاص.") if where == "source" else (seed, text)
    with pytest.raises(InputError, match=rf"^{where} has a run of [\d,]+ digits at character \d+: not a news text"):
        verify(*args)


def test_numbers_up_to_the_digit_limit_still_verify():
    big = "9" * MAX_DIGIT_RUN
    report = verify(f"قال إن {big} شخصا حضروا.", f"حضر {big} شخصا.")
    assert not report.contradicted


# -- size limits ---------------------------------------------------------------------------------

def test_the_size_limit_is_documented_settable_and_clear(seed, monkeypatch):
    assert DEFAULT_MAX_CHARS == 1_000_000
    with pytest.raises(InputError, match=r"^source is 1,000,001 characters, over the 1,000,000-character limit"):
        verify("a" * 1_000_001, "x 5")
    with pytest.raises(InputError, match=r"over the 1,000-character limit \(raise it with max_chars="):
        verify(seed, RIGHT, max_chars=1000)
    monkeypatch.setenv("TOOLKIT_MAX_SOURCE_CHARS", "1000")
    with pytest.raises(InputError, match="over the 1,000-character limit"):
        fact_check(seed, RIGHT)
    assert verify(seed, RIGHT, max_chars=len(seed)).counts["contradicted"] == 0  # the argument wins
    monkeypatch.setenv("TOOLKIT_MAX_SOURCE_CHARS", "lots")
    with pytest.raises(InputError, match="TOOLKIT_MAX_SOURCE_CHARS='lots' is not a whole number"):
        verify(seed, RIGHT)
    with pytest.raises(InputError, match="max_chars must be a whole number of at least 1"):
        verify(seed, RIGHT, max_chars=0)


def test_cli_size_limit_exits_2_with_one_line(seed_path, tmp_path, capsys, monkeypatch):
    summary = tmp_path / "s.txt"
    summary.write_text(RIGHT, encoding="utf-8")
    assert main(["verify", str(seed_path), str(summary), "--max-chars", "1000"]) == 2
    assert "over the 1,000-character limit" in one_line(capsys.readouterr().err)
    monkeypatch.setenv("TOOLKIT_MAX_SOURCE_CHARS", "1000")
    assert main(["fact-check", str(seed_path), str(summary)]) == 2
    assert "limit" in one_line(capsys.readouterr().err)
    assert main(["verify", str(seed_path), str(summary), "--max-chars", "100000"]) == 0


# -- files: UTF-16 and UTF-32 by their byte-order mark ------------------------------------------

@pytest.mark.parametrize("encoding, bom", [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-32-le", "\ufeff"),
                                           ("utf-32-be", "\ufeff"), ("utf-8", "\ufeff")])
def test_utf16_and_utf32_files_are_decoded(seed_path, seed, tmp_path, capsys, encoding, bom):
    src, summ = tmp_path / "src.txt", tmp_path / "summ.txt"
    src.write_bytes((bom + seed).encode(encoding))
    summ.write_bytes((bom + WRONG).encode(encoding))
    assert main(["verify", str(src), str(summ), "--published", SEED_PUBLISHED]) == 1
    out = capsys.readouterr().out
    assert "[CONTRADICTED] date «يوم 16 أغسطس»" in out and "evidence: «في اليوم التالي»" in out


def test_a_broken_utf16_file_is_named_as_such(seed_path, tmp_path, capsys):
    summ = tmp_path / "summ.txt"
    summ.write_bytes("\ufeffاتصل".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    assert main(["verify", str(seed_path), str(summ)]) == 2
    assert "is not UTF-16" in one_line(capsys.readouterr().err)


def test_an_invisible_only_file_is_refused(seed_path, tmp_path, capsys):
    summ = tmp_path / "summ.txt"
    summ.write_text("\u200f\u200b ـ \u064e\n", encoding="utf-8")
    assert main(["verify", str(seed_path), str(summ)]) == 2
    assert f"summary {summ} has no visible text" in one_line(capsys.readouterr().err)


# -- exit codes ------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, message", [("2025-08-19garbage", "bad publication date"),
                                            ("0001-01-01", "out of range"), ("2025-8-19", "bad publication date")])
@pytest.mark.parametrize("command", ["verify", "fact-check", "report", "summarize"])
def test_cli_strict_published(seed_path, tmp_path, capsys, command, value, message):
    summ = tmp_path / "s.txt"
    summ.write_text(RIGHT, encoding="utf-8")
    args = [command, str(seed_path)] + ([str(summ)] if command != "summarize" else [])
    assert main(args + ["--published", value]) == 2
    assert message in one_line(capsys.readouterr().err)


def test_cli_a_long_digit_run_exits_2(seed_path, tmp_path, capsys):
    summ = tmp_path / "s.txt"
    summ.write_text("حضر " + "1" * 5000 + " شخص.", encoding="utf-8")
    assert main(["verify", str(seed_path), str(summ)]) == 2
    assert "a run of 5,000 digits" in one_line(capsys.readouterr().err)


def _boom(*args, **kwargs):
    raise RuntimeError("boom\nsecond line")


@pytest.mark.parametrize("command", ["verify", "fact-check", "report", "summarize"])
def test_an_internal_error_is_exit_3_with_one_line(seed_path, tmp_path, capsys, monkeypatch, command):
    monkeypatch.setattr("toolkit.checks.verify", _boom)
    monkeypatch.setattr("toolkit.pipeline.verify", _boom)
    summ = tmp_path / "s.txt"
    summ.write_text(RIGHT, encoding="utf-8")
    args = [command, str(seed_path)] + ([str(summ)] if command != "summarize" else [])
    assert main(args) == 3
    line = one_line(capsys.readouterr().err)
    assert line.startswith("toolkit: internal error: RuntimeError: boom")
    assert main(["--debug"] + args) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "_boom" in err and err.strip().endswith("toolkit: internal error: RuntimeError: boom")
    assert main(args + ["--debug"]) == 3 and "Traceback" in capsys.readouterr().err


def test_eval_internal_error_is_exit_3(capsys, monkeypatch):
    monkeypatch.setattr("toolkit.evals.runner.run", _boom)
    assert main(["eval", "seed"]) == 3
    assert one_line(capsys.readouterr().err).startswith("toolkit: internal error: RuntimeError: boom")


def test_keyboard_interrupt_is_one_line_and_130(seed_path, tmp_path, capsys, monkeypatch):
    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("toolkit.checks.verify", interrupt)
    monkeypatch.setattr("toolkit.pipeline.verify", interrupt)
    summ = tmp_path / "s.txt"
    summ.write_text(RIGHT, encoding="utf-8")
    assert main(["verify", str(seed_path), str(summ)]) == 130
    assert one_line(capsys.readouterr().err) == "toolkit: interrupted"


INTERRUPT_DURING_IMPORT = textwrap.dedent("""
    import os, signal, sys
    class Interrupt:
        def find_spec(self, name, path=None, target=None):
            if name == {module!r}:
                {how}
            return None
    sys.meta_path.insert(0, Interrupt())
    from toolkit.cli import main
    sys.exit(main(sys.argv[1:]))
""")


# (verify never imports the model layer, openai or instructor: interrupt what it does import)
@pytest.mark.parametrize("module", ["toolkit.index", "toolkit.lang", "babel"])
@pytest.mark.parametrize("how", ["raise KeyboardInterrupt", "os.kill(os.getpid(), signal.SIGINT)"])
def test_an_interrupt_during_start_up_is_one_line_and_130(seed_path, tmp_path, module, how):
    summ = tmp_path / "s.txt"
    summ.write_text(RIGHT, encoding="utf-8")
    code = INTERRUPT_DURING_IMPORT.format(module=module, how=how)
    r = subprocess.run([sys.executable, "-c", code, "verify", str(seed_path), str(summ)], capture_output=True,
                       text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 130, r.stderr
    assert one_line(r.stderr) == "toolkit: interrupted" and r.stdout == ""


def test_importing_the_command_line_imports_nothing_heavy():
    code = ("import sys, toolkit.cli; heavy = [m for m in ('openai', 'pydantic', 'instructor', 'toolkit.checks') "
            "if m in sys.modules]; print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert r.stdout.strip() == "[]", r.stdout + r.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["verify", "eval"])
def test_a_full_disk_on_stdout_is_one_line_and_3(seed_path, command):
    args = ["verify", str(seed_path), str(SEED_SUMMARY)] if command == "verify" else ["eval", "seed"]
    with open("/dev/full", "w") as full:
        r = subprocess.run([sys.executable, "-m", "toolkit.cli", *args], stdout=full, stderr=subprocess.PIPE,
                           text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 3
    assert one_line(r.stderr) == "toolkit: error: cannot write to standard output: No space left on device"


def test_a_closed_pipe_exits_quietly(seed_path):
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "verify", str(seed_path), str(SEED_SUMMARY)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()  # the reader has gone before anything is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and err == ""


def test_eval_output_into_a_missing_folder_is_exit_2(tmp_path, capsys):
    assert main(["eval", "seed", "--output", str(tmp_path / "no" / "such" / "r.json")]) == 2
    assert "cannot write" in one_line(capsys.readouterr().err)


def test_a_bad_gguf_path_is_exit_2(seed_path, tmp_path, capsys):
    pytest.importorskip("xllamacpp")
    not_a_model = tmp_path / "model.gguf"
    not_a_model.write_text("not a model")
    assert main(["summarize", str(seed_path), "--backend", "llamacpp", "--model", str(tmp_path / "missing.gguf")]) == 2
    assert "GGUF model not found" in one_line(capsys.readouterr().err)
    assert main(["summarize", str(seed_path), "--backend", "llamacpp", "--model", str(not_a_model)]) == 2
    assert "llama.cpp could not serve" in one_line(capsys.readouterr().err)


# -- nothing lost --------------------------------------------------------------------------------

@pytest.mark.parametrize("failure", [RuntimeError("socket closed"), TimeoutError("read timed out"),
                                     toolkit.ExtractionError("never validated", "raw", toolkit.Usage(requests=3))])
def test_a_failed_claim_extraction_keeps_the_summary_and_its_verdicts(seed, failure):
    result = fact_check(seed, published=SEED_PUBLISHED, backend=Scripted(claims_error=failure))
    assert result.summary == WRONG.strip()
    assert [c.text for c in result.report.contradicted] == ["يوم 16 أغسطس"]
    assert result.errors == [f"claim extraction: {type(failure).__name__}: {failure}"]
    assert result.runs[-1].template == "extract_claims"


def test_a_contradicted_headline_is_verified_shown_and_counted(seed):
    result = fact_check(seed, published=SEED_PUBLISHED, backend=Scripted(headline=BAD_HEADLINE, sentences=(RIGHT.strip(),)))
    assert result.report.counts["contradicted"] == 0  # the summary itself is right
    assert [c.text for c in result.headline_report.contradicted] == ["يوم 20 أغسطس"]
    assert [c.text for c in result.contradicted] == ["يوم 20 أغسطس"] and result.counts["contradicted"] == 1
    assert result.model_dump(mode="json")["headline_report"]["counts"]["contradicted"] == 1
    md = render_markdown(result)
    assert f"### {BAD_HEADLINE}" in md and "#### Headline" in md and "| CONTRADICTED | date | يوم 20 أغسطس |" in md
    page = render_html(result)
    headline = page.split('<div class="headline summary"')[1].split("</div>")[0]
    assert '<a class="claim v-contradicted"' in headline and "يوم 20 أغسطس</a>" in headline
    assert "<td>headline</td>" in page and "✗ 1 contradicted" in page


def test_a_given_summary_has_no_headline(seed):
    result = fact_check(seed, RIGHT, published=SEED_PUBLISHED)
    assert result.headline_report is None and "Headline" not in render_html(result)


@pytest.mark.parametrize("return_exceptions", [True, False])
def test_fact_check_many_keeps_every_article_in_order(seed, return_exceptions):
    backend = Scripted(fail_on="ARTICLE-2")
    articles = [seed + "\nARTICLE-1", seed + "\nARTICLE-2", "", seed + "\nARTICLE-4"]
    run = fact_check_many(articles, concurrency=2, backend=backend, published=SEED_PUBLISHED,
                          return_exceptions=return_exceptions)
    if return_exceptions:
        results = asyncio.run(run)
    else:
        with pytest.raises(RuntimeError, match="article failed: ARTICLE-2") as info:
            asyncio.run(run)
        results, first = info.value.results, info.value.index
        assert first == 1 and results[1] is info.value
    assert len(results) == 4
    assert isinstance(results[0], FactCheckResult) and results[0].source.endswith("ARTICLE-1")
    assert isinstance(results[1], RuntimeError)
    assert isinstance(results[2], InputError) and str(results[2]) == "source is empty"
    assert isinstance(results[3], FactCheckResult) and results[3].source.endswith("ARTICLE-4")
    assert len(backend.summarized) == 3  # every valid article ran, the failure did not stop the others
