"""Report -> text for people: plain terminal text and Markdown (JSON is the model dump)."""

from __future__ import annotations

import json
import re

from .models import SEVERITY, Claim, VerificationReport

LABELS = {"supported": "SUPPORTED", "contradicted": "CONTRADICTED", "unverifiable": "UNVERIFIABLE"}


def _counts_line(report: VerificationReport) -> str:
    c = report.counts
    return (f"{len(report.claims)} claims: {c['contradicted']} contradicted, "
            f"{c['unverifiable']} unverifiable, {c['supported']} supported")


def _evidence(claim: Claim) -> list[str]:
    return [f"«{e.text}» (source chars {e.start}-{e.end})" for e in claim.evidence]


def render_text(report: VerificationReport, where: str = "summary") -> str:
    """The counts, then each claim (worst first) with its reason and evidence; ``where`` names
    the text the offsets point into (the summary, or the headline)."""
    lines = [_counts_line(report) if where == "summary" else f"{where}: {_counts_line(report)}"]
    for cl in sorted(report.claims, key=lambda c: (SEVERITY[c.verdict], c.span.start)):
        lines.append(f"[{LABELS[cl.verdict]}] {cl.kind} «{cl.text}» ({where} chars {cl.span.start}-{cl.span.end})")
        lines.append(f"    {cl.reason}")
        for e in _evidence(cl):
            lines.append(f"    evidence: {e}")
    return "\n".join(lines) + "\n"


_MD_ESCAPES = {"\\": "\\\\", "&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]"}
_MD_SPECIAL = re.compile(r"[\\&<>\[\]]")


def md_text(text: str) -> str:
    """User-supplied text made inert in Markdown: no raw HTML (``&``, ``<``, ``>`` become entities)
    and no links or images (brackets and backslashes are backslash-escaped). Everything else,
    Arabic punctuation included, is left as it is."""
    return _MD_SPECIAL.sub(lambda m: _MD_ESCAPES[m.group(0)], str(text))


def _cell(text: str) -> str:
    """Text for one cell of a Markdown table: escaped, on one line, pipes escaped."""
    return " ".join(md_text(text).replace("|", "\\|").split())


def render_markdown_report(report: VerificationReport) -> str:
    lines = [f"**{_counts_line(report)}**", "", "| verdict | kind | claim | reason | evidence |",
             "|---|---|---|---|---|"]
    for cl in sorted(report.claims, key=lambda c: (SEVERITY[c.verdict], c.span.start)):
        ev = "<br>".join(_cell(e) for e in _evidence(cl))
        lines.append(f"| {LABELS[cl.verdict]} | {_cell(cl.kind)} | {_cell(cl.text)} | {_cell(cl.reason)} | {ev} |")
    return "\n".join(lines) + "\n"


def render_json(report: VerificationReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
