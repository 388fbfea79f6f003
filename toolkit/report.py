"""Result -> report for editors: one self-contained HTML file (jinja2, autoescaped, no
network: no external fonts, scripts or images) and Markdown for a CMS or a chat message.

The summary comes first, every claim marked by verdict with a text label (so it reads
without colour); activating a claim shows its reason and scrolls to its evidence,
highlighted in the full source beside it. ``report.html#claim-3`` opens on claim 3.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .inputs import check_result
from .lang import text_direction
from .models import Claim, FactCheckResult, worst
from .render import LABELS, _cell, md_text, render_markdown_report
from .resources import templates_dir

TEMPLATES = templates_dir()  # report.html.j2 and the other report templates, shipped in the package
SYMBOLS = {"supported": "✓", "unverifiable": "?", "contradicted": "✗"}


@dataclass
class Piece:
    """A run of text and the claims (summary) or evidence (source) covering all of it."""

    text: str
    claims: list[int]
    verdict: str | None = None
    anchors: tuple[str, ...] = ()
    ends: tuple[int, ...] = ()  # claims that end with this piece (their label follows it)


def _pieces(text: str, spans: list[tuple[int, int, int]], verdicts: Mapping[int, str] | None = None) -> list[Piece]:
    """Cut ``text`` at every span boundary; each piece lists the spans (by id) covering it."""
    cuts = sorted({0, len(text), *(a for a, _, _ in spans), *(b for _, b, _ in spans)})
    seen: set[int] = set()
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        ids = [i for s, e, i in spans if s <= a and b <= e]
        anchors = tuple(f"ev-{i}" for i in ids if i not in seen)
        seen.update(ids)
        verdict = worst(verdicts[i] for i in ids) if verdicts else None
        ends = tuple(i for s, e, i in spans if e == b and s < b)
        out.append(Piece(text[a:b], ids, verdict, anchors, ends))
    return out


def _direction(text: str) -> str:
    return text_direction(text)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _value(value) -> str:
    """A claim's normalised value as an editor reads it (empty when it has none)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _claim_view(n: int, c: Claim, part: str = "summary") -> dict:
    return {"id": n, "text": c.text, "kind": c.kind, "verdict": c.verdict, "label": LABELS[c.verdict],
            "reason": c.reason, "evidence": [e.model_dump() for e in c.evidence], "value": _value(c.value),
            "dir": _direction(c.text), "part": part}


JUDGED_LABELS = {"supported": "judged supported", "contradicted": "judged contradicted",
                 "not_in_source": "judged not in source", None: "judge failed"}
JUDGED_CLASSES = {"supported": "supported", "contradicted": "contradicted", "not_in_source": "unverifiable",
                  None: "unverifiable"}


def _judged_views(result: FactCheckResult) -> list[dict] | None:
    judged = getattr(result, "judged", None)
    if judged is None:
        return None
    return [{"part": j.part, "text": j.text, "dir": _direction(j.text), "label": JUDGED_LABELS[j.verdict],
             "cls": JUDGED_CLASSES[j.verdict], "quote": j.quote, "overruled": j.overruled,
             "deterministic": LABELS[j.deterministic] if j.deterministic else "no values",
             "error": j.error or ""} for j in judged]


def _extracted_views(result: FactCheckResult) -> list[dict]:
    return [{"verdict": c.verdict, "label": LABELS[c.verdict], "kind": c.claim.kind, "text": c.claim.text,
             "dir": _direction(c.claim.text),
             "value": " ".join(x for x in (c.claim.value, c.claim.unit) if x), "time": c.claim.time,
             "reason": c.reason} for c in result.claims]


def render_html(result: FactCheckResult) -> str:
    """The report as one self-contained HTML page. When the toolkit wrote the summary its
    headline comes first, its claims marked like the summary's (numbered after them)."""
    check_result(result)
    claims = result.report.claims
    heads = result.headline_report.claims if result.headline_report else []
    every = list(claims) + list(heads)
    verdicts = {n: c.verdict for n, c in enumerate(every)}
    summary = _pieces(result.summary, [(c.span.start, c.span.end, n) for n, c in enumerate(claims)], verdicts)
    headline = None
    if result.summary_doc is not None:
        headline = _pieces(result.summary_doc.headline,
                           [(c.span.start, c.span.end, len(claims) + k) for k, c in enumerate(heads)], verdicts)
    evidence = [(e.start, e.end, n) for n, c in enumerate(every) for e in c.evidence]
    source = _pieces(result.source, evidence)
    views = [_claim_view(n, c) for n, c in enumerate(claims)]
    views += [_claim_view(len(claims) + k, c, "headline") for k, c in enumerate(heads)]
    return _environment().get_template("report.html.j2").render(
        result=result, counts=result.counts, claims=views, headline=headline,
        headline_dir=_direction(result.summary_doc.headline) if result.summary_doc else "ltr",
        summary=summary, source=source, summary_dir=_direction(result.summary),
        source_dir=_direction(result.source), lang=result.report.lang, source_lang=result.report.source_lang,
        created=result.created.strftime("%Y-%m-%d %H:%M UTC"), symbols=SYMBOLS,
        extracted=_extracted_views(result), judged=_judged_views(result),
        citations=[f"sentence {c.sentence + 1}: {c.reason}" for c in getattr(result, "citations", [])
                   if c.status == "wrong"],
    )


def render_markdown(result: FactCheckResult) -> str:
    """The report as Markdown: the summary, run details, then the claims table. Every piece of
    text that comes from outside (summary, claims, evidence, run details) is escaped: no raw
    HTML or links reach the CMS that renders it. When the toolkit wrote the summary its headline
    comes first and its claims follow the summary's."""
    check_result(result)
    meta = [f"backend: {md_text(result.backend)}"]
    if result.model:
        meta.append(f"model: {md_text(result.model)}")
    if result.template_hash:
        meta.append(f"template: {md_text(str(result.template))} ({md_text(result.template_hash[:12])})")
    if result.published:
        meta.append(f"published: {md_text(result.published)}")
    meta.append(f"run: {result.created.strftime('%Y-%m-%d %H:%M UTC')}")
    quoted = "\n".join(f"> {md_text(line)}" if line.strip() else ">" for line in result.summary.strip().splitlines())
    head = f"### {md_text(' '.join(result.summary_doc.headline.split()))}\n\n" if result.summary_doc else ""
    page = f"## Fact-check\n\n{head}{quoted}\n\n_{' · '.join(meta)}_\n\n" + render_markdown_report(result.report)
    if result.headline_report is not None:
        page += "\n#### Headline\n\n" + render_markdown_report(result.headline_report)
    if result.claims:
        page += ("\n#### Claims the model extracted, each checked\n\n"
                 "| verdict | kind | claim | value | time | reason |\n|---|---|---|---|---|---|\n")
        page += "".join(f"| {c['label']} | {_cell(c['kind'])} | {_cell(c['text'])} | {_cell(c['value'])} | "
                        f"{_cell(c['time'])} | {_cell(c['reason'])} |\n" for c in _extracted_views(result))
    wrong = [c for c in getattr(result, "citations", []) if c.status == "wrong"]
    if wrong:
        page += "\n#### Citations\n\n" + "".join(f"- sentence {c.sentence + 1}: {md_text(c.reason)}\n"
                                                 for c in wrong)
    judged = _judged_views(result)
    if judged is not None:
        page += ("\n#### Judged by the model (not the verifier)\n\n| judged | in | sentence | quote | deterministic |\n"
                 "|---|---|---|---|---|\n")
        page += "".join(f"| {j['label']}{' (overruled)' if j['overruled'] else ''} | {j['part']} | "
                        f"{_cell(j['text'])} | {_cell(j['quote'] or j['error'])} | {j['deterministic']} |\n"
                        for j in judged)
    return page
