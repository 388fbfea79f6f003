"""Source -> summary -> claims -> checks: the calls that join the stages.

The model (if any) only writes; the deterministic verifier checks everything it wrote:
the summary and its headline, the source sentences each summary sentence cites
(:func:`check_citations`), and each extracted claim on its own words and on the value it
states (:func:`check_claims`). An optional judged pass (:func:`judge_summary`, ``judge=``)
has a model read each sentence against its aligned source passage; its verdicts are kept
apart, labelled as judged, and never change the deterministic ones or the exit status.
"""

from __future__ import annotations

import asyncio
import datetime as _dt
from collections.abc import Iterable
from typing import cast

import re

from pydantic import Field

from . import reuse
from .checks import verify
from .index import CROSS_LINGUAL_KEYS, Document
from .inputs import InputError, check_lang, check_positive_int, check_published, check_text
from .errors import ConfigError, ExtractionError
from .llm.backends import Backend, resolve_backend
from .llm.schemas import (AtomicClaim, CheckedClaim, CitationCheck, CitationStatus, JudgedSentence, Run, Summary,
                          SummaryPart, Usage, ValueCheck)
from .mentions import scan_text
from .models import Claim, Evidence, FactCheckResult as _FactCheckResult, Span, VerificationReport, worst
from .text import detect_language, norm, normalize

MAX_SENTENCES = 3
PASSAGE_SENTENCES = 2  # source sentences a judge reads at most
PASSAGE_CHARS = 700


class FactCheckResult(_FactCheckResult):
    """:class:`toolkit.FactCheckResult` with what the model layer adds: the citation checks of a
    summary the toolkit wrote, and the judged pass when it was asked for."""

    citations: list[CitationCheck] = Field(default_factory=list,
                                           description="each summary sentence's citations, checked")
    judged: list[JudgedSentence] | None = Field(
        None, description="the judged pass (judge=True): one model verdict per sentence and for the headline; "
                          "None when not asked for. Never merged with the deterministic verdicts.")

    @property
    def judged_contradicted(self) -> list[JudgedSentence]:
        return [j for j in self.judged or [] if j.verdict == "contradicted"]


class SummaryResult(Summary):
    """A summary and how it was written (backend, model, template name and hash, usage)."""

    lang: str
    run: Run


def split_sentences(text: str) -> list[str]:
    """The text's sentences, as the verifier cuts them, in the original characters."""
    return [text[a:b] for a, b in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of :func:`split_sentences`' sentences in ``text`` (the numbers a model cites)."""
    doc = reuse.source_index(text)  # scanned once for the summariser, the citations and the judge
    spans = []
    for a, b in doc.sentences:
        if b <= a:
            continue
        start, end = doc.scan.nt.to_original(a, b)
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        end -= len(piece) - len(piece.rstrip())
        if end > start:
            spans.append((start, end))
    return spans


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


def _same_value(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    if isinstance(a, str) and isinstance(b, str):
        if re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d", a) and re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d", b):
            return a[5:] == b[5:] and (a[:4] == b[:4] or "XXXX" in (a[:4], b[:4]))
        return norm(a) == norm(b)
    return a == b


_FAMILY = {"count": "number", "number": "number", "percent": "percent", "duration": "duration", "date": "date",
           "weekday": "weekday", "entity": "entity", "quote": "quote", "direction": "direction"}


def _value_check(source: str, claim: AtomicClaim, checks: list[Claim], published, lang: str
                 ) -> tuple[ValueCheck, str, list[Claim]]:
    """Does the claim's stated value (and time) agree with its own words, and with the source in
    the claim's frame? Returns (value_check, reason, extra checks)."""
    stated = [x for x in (" ".join(p for p in (claim.value.strip(), claim.unit.strip()) if p), claim.time.strip())
              if x]
    if not stated or claim.kind == "event" and not claim.value.strip():
        stated = [claim.time.strip()] if claim.time.strip() else []
    if not stated:
        return "none", "", []
    text = claim.text
    status: ValueCheck = "agrees"
    reason, extra = "", []
    unframed: list[str] = []
    for piece in stated:
        if norm(piece) and norm(piece) in norm(text):
            continue  # the claim's own words say it
        mentions = [m for m in scan_text(piece, published=published, lang=lang).mentions if m.kind in _FAMILY]
        if not mentions:
            continue  # nothing checkable stated
        for m in mentions:
            own = [c for c in checks if _FAMILY.get(c.kind) == _FAMILY[m.kind]]
            if any(_same_value(m.value, c.value) for c in own):
                continue
            if own:
                status = "disagrees"
                reason = (f"The claim states «{piece}» but its own words say «{own[0].text}».")
                break
            unframed.append(piece)
            break
        if status == "disagrees":
            break
    if status == "disagrees":
        return status, reason, []
    if unframed:
        sep = "، " if lang == "ar" else ", "
        base = text.strip().rstrip(".。!؟?")
        framed = base + "".join(f"{sep}{piece}" for piece in unframed) + "."
        try:
            report = verify(source, framed, published=published, lang=lang)
        except InputError:
            return "none", "", []
        extra = [c for c in report.claims if c.span.start >= len(base)]
        bad = [c for c in extra if c.verdict == "contradicted"]
        if bad:
            reason = f"The stated value «{bad[0].text}», read in the claim's frame: {bad[0].reason}"
        return "framed", reason, extra
    return status, reason, extra


def check_claims(source: str, claims: list[AtomicClaim], *, published=None, lang: str) -> list[CheckedClaim]:
    """Each extracted claim verified on its own words, and its stated ``value`` (and ``time``)
    checked against those words and, when they do not state it, against the source in the
    claim's frame. Its worst verdict is its verdict: a stated value that disagrees with the
    claim's own words is contradicted."""
    out = []
    for c in claims:
        try:
            checks = verify(source, c.text, published=published, lang=lang).claims
        except InputError:  # the model's claim has no text to check (e.g. only zero-width characters)
            checks = []
        value_check, reason, extra = _value_check(source, c, checks, published, lang)
        verdicts = [x.verdict for x in checks + extra]
        if value_check == "disagrees":
            verdicts.append("contradicted")
        verdict = worst(verdicts) or "unverifiable"
        out.append(CheckedClaim(claim=c, verdict=verdict, checks=checks + extra, value_check=value_check,
                                reason=reason))
    return out


def check_citations(source: str, summary: Summary, report: VerificationReport, *,
                    published=None) -> list[CitationCheck]:
    """Whether each summary sentence's cited source sentences hold its checkable values.

    A value is placed in the source by its evidence (a supported value where it was found; a
    contradicted one, the passage of its event) and by every source mention of the same value.
    A sentence with a placed value that none of its cited sentences holds "cites the wrong
    passage"; one without citations or placed values is unchecked."""
    spans = sentence_spans(source)
    mentions = reuse.source_index(source, check_published(published)).scan.mentions
    out = []
    offset = 0
    text = summary.text

    def sentence_of(start: int, end: int) -> set[int]:
        return {k for k, (a, b) in enumerate(spans) if a < end and start < b}

    for i, s in enumerate(summary.sentences):
        body = s.text.strip()
        start = text.find(body, offset)
        start = start if start >= 0 else offset
        end = start + len(body)
        offset = end
        cited = [k for k in s.source_sentences if 0 <= k < len(spans)]
        claims = [c for c in report.claims if start <= c.span.start < end and c.verdict != "unverifiable"]
        wrong, found, placed = [], set(), 0
        for c in claims:
            where: set[int] = set()
            evidence = c.evidence if c.verdict == "supported" else c.evidence[:1]
            for e in evidence:
                where |= sentence_of(e.start, e.end)
            if c.verdict == "supported":
                for m in mentions:
                    if _FAMILY.get(m.kind) == _FAMILY.get(c.kind) and _same_value(m.value, c.value):
                        where |= sentence_of(m.start, m.end)
            if not where:
                continue
            placed += 1
            if not where & set(cited):
                wrong.append(c)
                found |= where
        status: CitationStatus
        if not cited or not placed:
            status, reason = "unchecked", ("no citation" if not cited else "no value to place")
        elif wrong:
            status = "wrong"
            reason = (f"cites the wrong passage: cites source sentence{'s' if len(cited) > 1 else ''} "
                      f"{', '.join(map(str, cited))}, but «{wrong[0].text}» is in source sentence"
                      f"{'s' if len(found) > 1 else ''} {', '.join(map(str, sorted(found)))}")
        else:
            status, reason = "right", ""
        out.append(CitationCheck(sentence=i, span=Span(start=start, end=end), cited=list(s.source_sentences),
                                 status=status, found_in=sorted(found), reason=reason))
    return out


# -- the judged pass ------------------------------------------------------------------------

def _locate(source: str, quote: str, within: list[tuple[int, int]]) -> Evidence | None:
    """The quote in the source (normalised, punctuation-blind), preferably inside the passage."""
    letters = "".join(re.findall(r"\w+", norm(quote)))
    if not letters:
        return None
    nt = normalize(source)
    pattern = re.compile(r"\W*".join(re.escape(ch) for ch in letters))  # blind to spaces and punctuation
    hits = list(pattern.finditer(nt.text))
    if not hits:
        return None
    spans = [nt.to_original(*h.span()) for h in hits]
    inside = [sp for sp in spans if any(a <= sp[0] and sp[1] <= b for a, b in within)]
    a, b = (inside or spans)[0]
    return Evidence(start=a, end=b, text=source[a:b])


class _Aligner:
    """Source sentences for a summary sentence: those its deterministic claims were aligned with,
    then those sharing the most of its alignment keys (stems, name skeletons, country codes)."""

    def __init__(self, source: str, published, lang: str):
        self.source = source
        self.spans = sentence_spans(source)
        self.index = reuse.source_index(source, check_published(published))
        self.lang = lang
        self.cross = lang != self.index.scan.lang.code

    def sentences_for(self, text: str, hints: list[Evidence]) -> list[int]:
        chosen: list[int] = []
        for h in hints:
            for k, (a, b) in enumerate(self.spans):
                if a < h.end and h.start < b and k not in chosen:
                    chosen.append(k)
        doc = Document(self.index.scan_summary(text, lang=self.lang))
        comparable = CROSS_LINGUAL_KEYS if self.cross else None
        weights: dict[tuple[str, ...], float] = {}
        for i in range(len(doc.scan.toks)):
            group = tuple(k for k in doc.token_keys(i) if comparable is None or k[:2] in comparable)
            if group:
                weights[group] = 1.0
        scores: dict[int, float] = {}
        nt = self.index.scan.nt
        for al in self.index.align(weights):
            a, b = nt.to_original(al.segment.start, al.segment.end)
            for k, (s0, s1) in enumerate(self.spans):
                if s0 < b and a < s1:
                    scores[k] = max(scores.get(k, 0.0), al.score)
        for k in sorted(scores, key=lambda k: (-scores[k], k)):
            if len(chosen) >= PASSAGE_SENTENCES:
                break
            if k not in chosen and scores[k] >= 0.15:
                chosen.append(k)
        if not chosen:
            chosen = list(range(min(2, len(self.spans))))
        keep: list[int] = []
        size = 0
        for k in chosen:  # the best first, within the size bound
            length = self.spans[k][1] - self.spans[k][0]
            if keep and size + length > PASSAGE_CHARS:
                continue
            keep.append(k)
            size += length
        return sorted(keep)

    def passage(self, ks: list[int]) -> tuple[str, list[Evidence]]:
        """The passage a judge reads: its source sentences, one a line, «…» where sentences were skipped."""
        parts, evidence = [], []
        for n, k in enumerate(ks):
            a, b = self.spans[k]
            if n and ks[n - 1] != k - 1:
                parts.append("…")
            parts.append(self.source[a:b])
            evidence.append(Evidence(start=a, end=b, text=self.source[a:b]))
        return "\n".join(parts), evidence


def _sentences_of(summary: str, summary_doc: Summary | None) -> list[tuple[int, int]]:
    if summary_doc is not None and summary_doc.text == summary:
        spans, offset = [], 0
        for s in summary_doc.sentences:
            body = s.text.strip()
            start = summary.find(body, offset)
            if start < 0:
                break
            spans.append((start, start + len(body)))
            offset = start + len(body)
        else:
            return spans
    return sentence_spans(summary)


def judge_summary(source: str, summary: str, judge: Backend, *, report: VerificationReport | None = None,
                  published=None, lang: str | None = None, summary_doc: Summary | None = None,
                  headline_report: VerificationReport | None = None,
                  citations: list[CitationCheck] | None = None,
                  passages: dict[str, tuple[str, list[Evidence]]] | None = None) -> list[JudgedSentence]:
    """The judged pass: for each summary sentence (and the headline of a summary the toolkit
    wrote), ``judge`` reads the aligned source passage and answers supported, contradicted or
    not in source, quoting the passage. A sentence whose answer never validated has verdict
    None and its error. The deterministic verdicts are given beside each judged one; where a
    deterministic check contradicts a value, a judged "supported" is marked overruled.

    ``passages`` (sentence text -> (passage, its source sentences)) fixes what the judge reads for the
    sentences it names, instead of aligning them anew: eval suites replay recorded answers
    with the passages they were recorded with, whatever the aligner has learnt since. Sentences
    it does not name are aligned, and what they read is added to it."""
    judge_one = getattr(judge, "judge", None)  # a model backend's: (sentence, passage, lang) -> (Judgement, Run)
    if not callable(judge_one):
        raise ConfigError(f"the judged pass needs a model backend (openai or llamacpp), not "
                          f"{getattr(judge, 'name', type(judge).__name__)!r}")
    published = check_published(published)
    lang = check_lang(lang) or (report.lang if report else detect_language(summary))
    if report is None:
        report = verify(source, summary, published=published, lang=lang)
    aligner = _Aligner(source, published, lang)
    right = {c.sentence: c.cited for c in citations or [] if c.status == "right"}
    parts: list[tuple[SummaryPart, int, int, str, list[Claim], list[int] | None]] = []
    for n, (a, b) in enumerate(_sentences_of(summary, summary_doc)):
        claims = [c for c in report.claims if a <= c.span.start < b]
        parts.append(("summary", a, b, summary[a:b], claims, right.get(n)))
    if summary_doc is not None and summary_doc.headline.strip():
        heads = headline_report.claims if headline_report else []
        parts.append(("headline", 0, len(summary_doc.headline), summary_doc.headline, heads, None))
    out = []
    for part, a, b, text, claims, cited in parts:
        if passages is not None and text in passages:
            passage, evidence = passages[text]
        else:
            ks = sorted(cited) if cited else aligner.sentences_for(text, [c.passage for c in claims if c.passage])
            passage, evidence = aligner.passage(ks)
            if passages is not None:  # what was read, for whoever wants to fix it
                passages[text] = (passage, evidence)
        deterministic = worst(c.verdict for c in claims)
        try:
            answer, run = judge_one(text, passage, lang)
        except ExtractionError as exc:
            out.append(JudgedSentence(part=part, span=Span(start=a, end=b), text=text, passages=evidence,
                                      deterministic=deterministic, error=_stage_error("judge", exc),
                                      run=Run(backend=getattr(judge, "name", "?"), template="judge",
                                              usage=exc.usage)))
            continue
        found = _locate(source, answer.quote, [(e.start, e.end) for e in evidence]) if answer.quote else None
        out.append(JudgedSentence(part=part, span=Span(start=a, end=b), text=text, verdict=answer.verdict,
                                  quote=answer.quote, evidence=found, passages=evidence, deterministic=deterministic,
                                  overruled=answer.verdict == "supported" and deterministic == "contradicted",
                                  run=run))
    return out


def _stage_error(stage: str, exc: BaseException) -> str:
    """One line naming a failed stage and its error."""
    lines = str(exc).strip().splitlines()
    return f"{stage}: {type(exc).__name__}: {lines[0][:300]}" if lines else f"{stage}: {type(exc).__name__}"


def _judge_backend(judge, chosen: Backend | None, backend, model: str | None, cache: bool) -> Backend:
    """Who judges: ``judge`` itself when it is a backend or a backend's name, else (``True``) the
    backend that wrote the summary, else the one ``backend``/``model`` name."""
    if isinstance(judge, str):
        return resolve_backend(judge, model=model, cache=cache)
    if judge is not True and callable(getattr(judge, "judge", None)):
        return judge
    return chosen if chosen is not None else _backend(backend, model, cache)


def fact_check(source: str, summary: str | None = None, *, published: str | _dt.date | None = None,
               lang: str | None = None, backend: str | Backend | None = None, model: str | None = None,
               extract: bool | None = None, cache: bool = True, max_chars: int | None = None,
               judge: bool | str | Backend = False) -> FactCheckResult:
    """Summarise ``source`` when no summary is given, then verify every checkable value.

    The deterministic pass over the summary always runs, and over the headline when the
    toolkit wrote the summary (``result.headline_report``), as does the check of each summary
    sentence's citations (``result.citations``). When a model backend is used its extracted
    claims are verified too (``extract`` turns that on or off); if that stage fails, whatever
    the failure, the summary and its verdicts are kept and the stage's error is in
    ``result.errors``. ``judge`` (off by default: ``True``, a backend or a backend's name) adds
    the judged pass (``result.judged``, see :func:`judge_summary`); it never changes the
    deterministic verdicts or ``result.contradicted``. Inputs are checked as :func:`verify`
    checks them."""
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
    citations = check_citations(source, summary_doc, report, published=published) if summary_doc else []
    checked: list[CheckedClaim] = []
    runs = [run]
    if extract or (extract is None and chosen is not None and chosen.name != "extractive"):
        try:
            claims, claim_run = extract_claims(summary, lang=report.lang, backend=chosen or backend, model=model,
                                               cache=cache)
            checked = check_claims(source, claims, published=published, lang=report.lang)
            runs.append(claim_run)
        except Exception as exc:  # noqa: BLE001 — whatever failed, the summary and its verdicts stand
            errors.append(_stage_error("claim extraction", exc))
            usage = getattr(exc, "usage", None)
            runs.append(Run(backend=run.backend, model=run.model, template="extract_claims",
                            usage=usage if isinstance(usage, Usage) else Usage()))
    judged = None
    if judge is not False and judge is not None:
        judge_with = _judge_backend(judge, chosen, backend, model, cache)
        try:
            judged = judge_summary(source, summary, judge_with, report=report, published=published,
                                   lang=report.lang, summary_doc=summary_doc, headline_report=headline_report,
                                   citations=citations)
        except ConfigError:
            raise  # asked for, and impossible: a usage error, not a failed stage
        except Exception as exc:  # noqa: BLE001 — the deterministic verdicts stand
            errors.append(_stage_error("judged pass", exc))
            judged = []
        runs += [j.run for j in judged]
        errors += [f"judged pass: {j.part} «{j.text[:60]}»: {j.error}" for j in judged if j.error]
    return FactCheckResult(source=source, summary=summary, published=report.published, report=report,
                           headline_report=headline_report, backend=run.backend, model=run.model,
                           template=run.template, template_hash=run.template_hash, summary_doc=summary_doc,
                           claims=checked, runs=runs, errors=errors, citations=citations, judged=judged)


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
                setattr(outcome, "results", outcomes)  # noqa: B010 — attributes of the exception raised
                setattr(outcome, "index", i)  # noqa: B010
                raise outcome
    return cast("list[FactCheckResult | Exception]", outcomes)  # (no BaseException is left: raised above)


__all__ = ["summarize", "extract_claims", "fact_check", "afact_check", "asummarize",
           "fact_check_many", "split_sentences", "sentence_spans", "check_claims", "check_citations",
           "judge_summary", "FactCheckResult", "SummaryResult", "InputError"]
