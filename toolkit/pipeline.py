"""Source -> summary -> claims -> checks: the calls that join the stages.

The model (if any) only writes; the deterministic verifier checks everything it wrote.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
from collections.abc import Iterable

from .checks import InputError, verify
from .index import Document
from .llm.backends import Backend, resolve_backend
from .llm.client import ExtractionError
from .llm.schemas import AtomicClaim, CheckedClaim, Run, Summary
from .mentions import scan_text
from .models import FactCheckResult, Span, worst
from .text import detect_language

MAX_SENTENCES = 3


class SummaryResult(Summary):
    """A summary and how it was written (backend, model, template name and hash, usage)."""

    lang: str
    run: Run


def split_sentences(text: str) -> list[str]:
    """The text's sentences, as the verifier cuts them, in the original characters."""
    doc = Document(scan_text(text))
    return [text[slice(*doc.scan.nt.to_original(a, b))].strip() for a, b in doc.sentences if b > a]


def _backend(backend: str | Backend | None, model: str | None, cache: bool) -> Backend:
    return backend if backend is not None and not isinstance(backend, str) else \
        resolve_backend(backend, model=model, cache=cache)


def summarize(text: str, *, lang: str | None = None, backend: str | Backend | None = None,
              model: str | None = None, max_sentences: int = MAX_SENTENCES, cache: bool = True) -> SummaryResult:
    """Summarise ``text`` (in its own language unless ``lang`` asks for another)."""
    if not text.strip():
        raise InputError("source is empty")
    lang = lang or detect_language(text)
    chosen = _backend(backend, model, cache)
    summary, run = chosen.summarize(split_sentences(text), lang, max_sentences)
    return SummaryResult(**summary.model_dump(), lang=lang, run=run)


def extract_claims(summary: str | Summary, *, lang: str | None = None, backend: str | Backend | None = None,
                   model: str | None = None, cache: bool = True) -> tuple[list[AtomicClaim], Run]:
    """Atomic claims of a summary, each located in it where the model quoted it faithfully."""
    text = summary.text if isinstance(summary, Summary) else summary
    lang = lang or detect_language(text)
    claims, run = _backend(backend, model, cache).extract_claims(text, lang)
    located = []
    for c in claims.claims:
        pos = text.find(c.text) if c.text else -1
        if pos < 0 and c.value:
            pos = text.find(c.value)
            span = Span(start=pos, end=pos + len(c.value)) if pos >= 0 else None
        else:
            span = Span(start=pos, end=pos + len(c.text)) if pos >= 0 else None
        located.append(c.model_copy(update={"span": span}))
    return located, run


def _check_claims(source: str, claims: list[AtomicClaim], published, lang: str) -> list[CheckedClaim]:
    """Each extracted claim verified on its own words: its worst verdict is its verdict."""
    out = []
    for c in claims:
        report = verify(source, c.text, published=published, lang=lang)
        verdict = worst(x.verdict for x in report.claims) or "unverifiable"
        out.append(CheckedClaim(claim=c, verdict=verdict, checks=report.claims))
    return out


def fact_check(source: str, summary: str | None = None, *, published: str | _dt.date | None = None,
               lang: str | None = None, backend: str | Backend | None = None, model: str | None = None,
               extract: bool | None = None, cache: bool = True) -> FactCheckResult:
    """Summarise ``source`` when no summary is given, then verify every checkable value.

    The deterministic pass over the summary always runs; when a model backend is used its
    extracted claims are verified too (``extract`` turns that on or off)."""
    run = Run(backend="given")
    summary_doc = None
    chosen = None
    if summary is None:
        chosen = _backend(backend, model, cache)
        summary_doc = summarize(source, lang=lang, backend=chosen, cache=cache)
        summary, run, lang = summary_doc.text, summary_doc.run, summary_doc.lang
    report = verify(source, summary, published=published, lang=lang)
    checked: list[CheckedClaim] = []
    runs = [run]
    errors: list[str] = []
    if extract or (extract is None and chosen is not None and chosen.name != "extractive"):
        try:
            claims, claim_run = extract_claims(summary, lang=report.lang, backend=chosen or backend, model=model,
                                               cache=cache)
            checked = _check_claims(source, claims, published, report.lang)
            runs.append(claim_run)
        except ExtractionError as exc:  # the summary and its deterministic verdicts stand
            errors.append(f"claim extraction: {exc}")
            runs.append(Run(backend=run.backend, model=run.model, template="extract_claims", usage=exc.usage))
    return FactCheckResult(source=source, summary=summary, published=report.published, report=report,
                           backend=run.backend, model=run.model, template=run.template,
                           template_hash=run.template_hash, summary_doc=summary_doc, claims=checked, runs=runs,
                           errors=errors)


async def afact_check(source: str, summary: str | None = None, **kwargs) -> FactCheckResult:
    """:func:`fact_check` off the event loop (the client is synchronous and thread-safe)."""
    return await asyncio.to_thread(fact_check, source, summary, **kwargs)


async def asummarize(text: str, **kwargs) -> SummaryResult:
    return await asyncio.to_thread(summarize, text, **kwargs)


async def fact_check_many(sources: Iterable[str], *, concurrency: int = 4, **kwargs) -> list[FactCheckResult]:
    """Fact-check a batch with at most ``concurrency`` articles in flight; results keep order."""
    gate = asyncio.Semaphore(concurrency)

    async def one(text: str) -> FactCheckResult:
        async with gate:
            return await afact_check(text, **kwargs)

    return await asyncio.gather(*(one(s) for s in sources))


__all__ = ["summarize", "extract_claims", "fact_check", "afact_check", "asummarize", "fact_check_many",
           "split_sentences", "SummaryResult", "InputError"]
