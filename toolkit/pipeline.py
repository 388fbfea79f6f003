"""Source -> summary -> claims -> checks: the calls that join the stages.

The model (if any) only writes; the deterministic verifier checks everything it wrote.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
from collections.abc import Iterable

from .checks import verify
from .index import Document
from .inputs import InputError, check_lang, check_positive_int, check_published, check_text
from .llm.backends import Backend, resolve_backend
from .llm.schemas import AtomicClaim, CheckedClaim, Run, Summary, Usage
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
    if model is not None and not isinstance(model, str):
        raise InputError(f"model must be a string, not {type(model).__name__}")
    if backend is None or isinstance(backend, str):
        return resolve_backend(backend, model=model, cache=cache)
    if not (callable(getattr(backend, "summarize", None)) and callable(getattr(backend, "extract_claims", None))):
        raise InputError(f"backend must be a backend name or a Backend, not {type(backend).__name__}")
    return backend


def summarize(text: str, *, lang: str | None = None, backend: str | Backend | None = None,
              model: str | None = None, max_sentences: int = MAX_SENTENCES, cache: bool = True,
              max_chars: int | None = None) -> SummaryResult:
    """Summarise ``text`` (in its own language unless ``lang`` asks for another)."""
    check_text(text, "source", max_chars=max_chars)
    check_positive_int(max_sentences, "max_sentences")
    lang = check_lang(lang) or detect_language(text)
    chosen = _backend(backend, model, cache)
    summary, run = chosen.summarize(split_sentences(text), lang, max_sentences)
    return SummaryResult(**summary.model_dump(), lang=lang, run=run)


def extract_claims(summary: str | Summary, *, lang: str | None = None, backend: str | Backend | None = None,
                   model: str | None = None, cache: bool = True) -> tuple[list[AtomicClaim], Run]:
    """Atomic claims of a summary, each located in it where the model quoted it faithfully."""
    text = check_text(summary.text if isinstance(summary, Summary) else summary, "summary")
    lang = check_lang(lang) or detect_language(text)
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
        try:
            checks = verify(source, c.text, published=published, lang=lang).claims
        except InputError:  # the model's claim has no text to check (e.g. only zero-width characters)
            checks = []
        verdict = worst(x.verdict for x in checks) or "unverifiable"
        out.append(CheckedClaim(claim=c, verdict=verdict, checks=checks))
    return out


def _stage_error(stage: str, exc: BaseException) -> str:
    """One line naming a failed stage and its error."""
    lines = str(exc).strip().splitlines()
    return f"{stage}: {type(exc).__name__}: {lines[0][:300]}" if lines else f"{stage}: {type(exc).__name__}"


def fact_check(source: str, summary: str | None = None, *, published: str | _dt.date | None = None,
               lang: str | None = None, backend: str | Backend | None = None, model: str | None = None,
               extract: bool | None = None, cache: bool = True, max_chars: int | None = None) -> FactCheckResult:
    """Summarise ``source`` when no summary is given, then verify every checkable value.

    The deterministic pass over the summary always runs, and over the headline when the
    toolkit wrote the summary (``result.headline_report``). When a model backend is used its
    extracted claims are verified too (``extract`` turns that on or off); if that stage fails,
    whatever the failure, the summary and its verdicts are kept and the stage's error is in
    ``result.errors``. Inputs are checked as :func:`verify` checks them."""
    check_text(source, "source", max_chars=max_chars)
    if summary is not None:
        check_text(summary, "summary", max_chars=max_chars)
    published, lang = check_published(published), check_lang(lang)
    run = Run(backend="given")
    summary_doc = None
    chosen = None
    errors: list[str] = []
    if summary is None:
        chosen = _backend(backend, model, cache)
        summary_doc = summarize(source, lang=lang, backend=chosen, cache=cache, max_chars=max_chars)
        summary, run, lang = summary_doc.text, summary_doc.run, summary_doc.lang
    report = verify(source, summary, published=published, lang=lang)
    headline_report = None
    if summary_doc is not None:  # the headline is the toolkit's writing too: checked like the summary
        try:
            headline_report = verify(source, summary_doc.headline, published=published, lang=report.lang)
        except InputError as exc:
            errors.append(f"headline: {exc}")
    checked: list[CheckedClaim] = []
    runs = [run]
    if extract or (extract is None and chosen is not None and chosen.name != "extractive"):
        try:
            claims, claim_run = extract_claims(summary, lang=report.lang, backend=chosen or backend, model=model,
                                               cache=cache)
            checked = _check_claims(source, claims, published, report.lang)
            runs.append(claim_run)
        except Exception as exc:  # noqa: BLE001 — whatever failed, the summary and its verdicts stand
            errors.append(_stage_error("claim extraction", exc))
            usage = getattr(exc, "usage", None)
            runs.append(Run(backend=run.backend, model=run.model, template="extract_claims",
                            **({"usage": usage} if isinstance(usage, Usage) else {})))
    return FactCheckResult(source=source, summary=summary, published=report.published, report=report,
                           headline_report=headline_report, backend=run.backend, model=run.model,
                           template=run.template, template_hash=run.template_hash, summary_doc=summary_doc,
                           claims=checked, runs=runs, errors=errors)


async def afact_check(source: str, summary: str | None = None, **kwargs) -> FactCheckResult:
    """:func:`fact_check` off the event loop (the client is synchronous and thread-safe)."""
    return await asyncio.to_thread(fact_check, source, summary, **kwargs)


async def asummarize(text: str, **kwargs) -> SummaryResult:
    return await asyncio.to_thread(summarize, text, **kwargs)


async def fact_check_many(sources: Iterable[str], *, concurrency: int = 4, return_exceptions: bool = False,
                          **kwargs) -> list[FactCheckResult | Exception]:
    """Fact-check a batch with at most ``concurrency`` articles in flight: one result per
    article, in order. Every article runs to its end whatever happens to the others.

    With ``return_exceptions=True`` (as :func:`asyncio.gather`) a failed article's slot holds its
    exception. Otherwise, once all have finished, the first failed article's exception (in
    article order) is raised with the whole list attached as ``.results`` (results and
    exceptions, one per article) and its position as ``.index``."""
    if isinstance(sources, (str, bytes, bytearray)):
        raise InputError(f"sources must be an iterable of articles (strings), not one {type(sources).__name__}")
    try:
        articles = list(sources)
    except TypeError:
        raise InputError(f"sources must be an iterable of articles (strings), not {type(sources).__name__}") from None
    gate = asyncio.Semaphore(check_positive_int(concurrency, "concurrency"))

    async def one(text: str) -> FactCheckResult:
        async with gate:
            return await afact_check(text, **kwargs)

    outcomes = list(await asyncio.gather(*(one(s) for s in articles), return_exceptions=True))
    for outcome in outcomes:
        if isinstance(outcome, BaseException) and not isinstance(outcome, Exception):
            raise outcome  # cancellation and the like are not an article's result
    if not return_exceptions:
        for i, outcome in enumerate(outcomes):
            if isinstance(outcome, Exception):
                outcome.results, outcome.index = outcomes, i
                raise outcome
    return outcomes


__all__ = ["summarize", "extract_claims", "fact_check", "afact_check", "asummarize",
           "fact_check_many", "split_sentences", "SummaryResult", "InputError"]
