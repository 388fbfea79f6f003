"""The scripted backend (toolkit.llm.testing): the pipeline with a model's answers scripted, no HTTP.
Issue 14's first target: a model-written summary in the wrong language, with out-of-range citations,
duplicate sentences or too many sentences never reaches the verifier unflagged."""

import asyncio

import pytest

import toolkit
from toolkit import EndpointError, ExtractionError, fact_check
from toolkit.llm.backends import Backend
from toolkit.llm.testing import ScriptedBackend, ScriptExhausted
from toolkit.pipeline import split_sentences

from .conftest import SEED_PUBLISHED
from .test_llm_checks import CALLS_AR, CALLS_EN, GOOD_AR, GOOD_EN, MEETING_AR, MEETING_EN, summary


@pytest.fixture
def verified(monkeypatch):
    """Every summary text the verifier is handed."""
    import toolkit.pipeline as pipeline

    seen: list[str] = []
    real = pipeline.verify

    def spy(source, text, **kwargs):
        seen.append(text)
        return real(source, text, **kwargs)
    monkeypatch.setattr(pipeline, "verify", spy)
    return seen


BROKEN = [
    pytest.param("en", summary("بوتين يبحث نتائج قمة ألاسكا", MEETING_AR, CALLS_AR, cites=[[2], [3]]), "language",
                 id="arabic-when-english-was-asked"),
    pytest.param("ar", summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, cites=[[2], [16]]), "citation_range",
                 id="citation-past-the-end"),
    pytest.param("ar", summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, cites=[[2], [-1]]), "citation_range",
                 id="negative-citation"),
    pytest.param("ar", summary("بوتين يبحث نتائج القمة", MEETING_AR, MEETING_AR, cites=[[2], [2]]),
                 "duplicate_sentence", id="duplicate-sentences"),
    pytest.param("ar", summary("بوتين يبحث نتائج القمة", MEETING_AR, CALLS_AR, MEETING_AR.replace("موسكو", "الكرملين"),
                               CALLS_AR.replace("جنوب أفريقيا", "الصين"), cites=[[2], [3], [2], [3]]),
                 "sentence_count", id="four-sentences-for-three"),
]


@pytest.mark.parametrize("lang, bad, rule", BROKEN)
def test_a_broken_summary_never_reaches_the_verifier(seed, verified, lang, bad, rule):
    backend = ScriptedBackend(lambda template, messages: bad)
    with pytest.raises(ExtractionError) as info:
        fact_check(seed, published=SEED_PUBLISHED, lang=lang, backend=backend)
    assert info.value.rule == rule
    assert verified == []  # nothing was verified: the broken summary was refused, with the rule named
    assert [c.template for c in backend.calls] == ["summarize"] * 3  # asked, re-asked twice, refused
    assert all(c.error for c in backend.calls)


@pytest.mark.parametrize("lang, bad, rule", BROKEN)
def test_a_broken_summary_is_reasked_and_only_the_corrected_one_is_verified(seed, verified, lang, bad, rule):
    good = GOOD_EN if lang == "en" else GOOD_AR
    backend = ScriptedBackend({"summarize": [bad, good], "extract_claims": [{"claims": []}]})
    result = fact_check(seed, published=SEED_PUBLISHED, lang=lang, backend=backend)
    assert result.summary_doc.headline == good["headline"]
    assert verified == [result.summary, good["headline"]]  # the summary and its headline, never the broken one
    first, second = backend.asked("summarize")
    assert first.error and second.error is None and second.messages[:2] == first.messages
    assert "Correct your previous answer" in second.messages[-1]["content"]
    assert result.runs[0].usage.requests == 2


def test_the_validation_context_is_the_real_backends(seed):
    backend = ScriptedBackend({"summarize": [GOOD_AR], "extract_claims": [{"claims": []}]})
    fact_check(seed, published=SEED_PUBLISHED, backend=backend)
    first = backend.calls[0]
    assert first.context == {"lang": "ar", "max_sentences": 3, "n_sources": len(split_sentences(seed))}
    assert first.messages[0]["role"] == "system" and "You summarise" in first.messages[0]["content"]
    assert backend.calls[1].template == "extract_claims" and backend.calls[1].context is None


def test_scripted_claims_are_verified_and_a_failing_stage_keeps_the_summary(seed):
    claim = {"text": "عقد بوتين اجتماعا داخليا يوم 16 أغسطس", "kind": "date", "subject": "بوتين", "predicate": "",
             "value": "18 أغسطس", "unit": "", "time": "16 أغسطس"}
    backend = ScriptedBackend({"summarize": [GOOD_AR], "extract_claims": [{"claims": [claim]}]})
    result = fact_check(seed, published=SEED_PUBLISHED, backend=backend)
    [checked] = result.claims
    assert checked.verdict == "contradicted" and checked.value_check == "disagrees"
    assert result.backend == "scripted" and result.report.counts["contradicted"] == 0

    import httpx
    import openai

    refused = openai.AuthenticationError("status 401", response=httpx.Response(
        401, request=httpx.Request("POST", "http://x.invalid")), body=None)
    failing = ScriptedBackend({"summarize": [GOOD_AR], "extract_claims": [EndpointError(refused)]})
    result = fact_check(seed, published=SEED_PUBLISHED, backend=failing)
    assert result.summary_doc.headline == GOOD_AR["headline"] and result.claims == []
    assert len(result.errors) == 1 and result.errors[0].startswith("claim extraction")


def test_the_judged_pass_with_a_scripted_judge(seed):
    def script(template, messages):
        if template == "summarize":
            return GOOD_EN
        if template == "extract_claims":
            return {"claims": []}
        passage = messages[1]["content"].split("<article>\n")[1].split("\n</article>")[0]
        return {"quote": " ".join(passage.split()[:5]), "verdict": "supported"}

    backend = ScriptedBackend(script)
    result = fact_check(seed, published=SEED_PUBLISHED, lang="en", backend=backend, judge=True)
    assert [j.verdict for j in result.judged] == ["supported"] * 3  # the headline and two sentences
    assert {c.template for c in backend.calls} == {"summarize", "extract_claims", "judge"}
    assert all(c.context and "passage" in c.context for c in backend.asked("judge"))


def test_a_script_that_runs_out_says_so():
    backend = ScriptedBackend([GOOD_AR])
    backend.summarize(["جملة."] * 4, "ar", 3)
    with pytest.raises(ScriptExhausted, match="no answer left"):
        backend.summarize(["جملة."] * 4, "ar", 3)


def test_it_is_a_backend_and_shared_across_concurrent_articles(seed):
    backend = ScriptedBackend(lambda template, messages: GOOD_AR if template == "summarize" else {"claims": []})
    chosen: Backend = backend  # the protocol the pipeline takes (mypy checks this line)
    assert chosen.name == "scripted" and callable(backend.judge)
    results = asyncio.run(toolkit.fact_check_many([seed] * 3, concurrency=3, backend=backend,
                                                  published=SEED_PUBLISHED))
    assert [r.summary_doc.headline for r in results] == [GOOD_AR["headline"]] * 3
    assert len(backend.asked("summarize")) == 3 and len(backend.asked("extract_claims")) == 3
    assert all(r.runs[0].usage.requests == 1 for r in results)
