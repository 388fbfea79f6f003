"""Scores for the verifier, and the naive floor they are read against.

Per case (``judge``): did the verifier contradict anything in a faithful summary (a false
alarm), did it contradict or report the hand-marked error at its span, does its evidence
overlap the hand-written gold, and which of the hand-listed checkable values did it
support (coverage). Beside it, always: what a naive checker does on the same case — flag
a summary whose digit strings are absent from the source (``naive_flags``). A verifier is
worth its lift over that floor.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Evidence, Span, VerificationReport
from .cases import Case

VALUE_KINDS = ("date", "weekday", "count", "number", "percent", "duration")
# Error kinds of the values a summary states, reported together as the kind "values".
VALUE_ERROR_KINDS = VALUE_KINDS + ("direction",)
_DIGITS = re.compile(r"\d+")
# Sentence ends for the claims-per-sentence figure (a descriptive count, not alignment).
_SENTENCE_END = re.compile(r"[.!?؟]+(?=\s|$)|\n+")


def _overlaps(a: Span | Evidence, b: Span | Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def digit_strings(text: str) -> list[tuple[str, int, int]]:
    """Every run of digits, in any script, as ASCII digits with its offsets."""
    return [(str(int(m.group())), m.start(), m.end()) for m in _DIGITS.finditer(text)]


def naive_flags(source: str, summary: str) -> list[Span]:
    """The naive check: the summary's digit strings that the source never writes."""
    known = {d for d, _, _ in digit_strings(source)}
    return [Span(start=s, end=e) for d, s, e in digit_strings(summary) if d not in known]


def sentence_count(text: str) -> int:
    return max(1, len([p for p in _SENTENCE_END.split(text) if p.strip()]))


@dataclass
class Outcome:
    """What the verifier (and the naive floor) did with one case."""

    case_id: str
    label: str  # faithful | error
    lang: str
    kind: str | None = None
    binding: bool = False
    flagged: bool = False  # something in the report is contradicted
    claims: int = 0
    contradicted_claims: int = 0
    sentences: int = 1
    caught: bool = False  # contradicted at the error's span
    reported: bool = False  # contradicted or unverifiable at the error's span
    evidence_hit: bool | None = None  # a contradiction's evidence overlaps the gold (None: no gold)
    checkable: dict[str, list[bool]] = field(default_factory=dict)  # kind -> supported?
    naive_flagged: bool = False
    naive_caught: bool = False
    note: str = ""


def judge(report: VerificationReport, case: Case, source: str, lang: str) -> Outcome:
    err = case.error
    naive = naive_flags(source, case.summary)
    out = Outcome(case.id, case.label, lang, err.kind if err else None, bool(err and err.binding),
                  flagged=report.counts["contradicted"] > 0, claims=len(report.claims),
                  contradicted_claims=report.counts["contradicted"], sentences=sentence_count(case.summary),
                  naive_flagged=bool(naive))
    if case.label == "faithful":
        for value in case.checkable:
            at = [c for c in report.claims if _overlaps(c.span, value.span)]
            ok = bool(at) and all(c.verdict == "supported" for c in at)
            out.checkable.setdefault(value.kind, []).append(ok)
        if out.flagged:
            c = report.contradicted[0]
            out.note = f"false alarm on «{c.text}»: {c.reason}"
        return out
    assert err is not None  # an error case carries its planted error (checked on load)
    span = err.span
    out.naive_caught = any(_overlaps(f, span) for f in naive)
    at_span = [c for c in report.claims if _overlaps(c.span, span)]
    caught = [c for c in at_span if c.verdict == "contradicted"]
    out.caught = bool(caught)
    out.reported = bool(caught or [c for c in at_span if c.verdict == "unverifiable"])
    if caught and case.gold_evidence:
        out.evidence_hit = any(_overlaps(e, g) for c in caught
                               for e in [*c.evidence, *([c.passage] if c.passage else [])]
                               for g in case.gold_evidence)
    if not out.reported:
        out.note = "missed: " + (", ".join(f"«{c.text}» {c.verdict}" for c in at_span) or "no claim at the span")
    elif not out.caught:
        out.note = "unverifiable only: " + ", ".join(f"«{c.text}»: {c.reason}" for c in at_span)
    return out


def _rate(n: int, d: int) -> float | None:
    return n / d if d else None


def _balanced(tpr: float | None, tnr: float | None) -> float | None:
    return (tpr + tnr) / 2 if tpr is not None and tnr is not None else None


def score(outcomes: list[Outcome]) -> dict[str, float | int | None]:
    """The metrics of one suite (or one language of it); see ``evals/README.md``."""
    faithful = [o for o in outcomes if o.label == "faithful"]
    errors = [o for o in outcomes if o.label == "error"]
    m: dict[str, float | int | None] = {"cases": len(outcomes), "faithful": len(faithful), "errors": len(errors)}
    m["false_alarm_rate"] = _rate(sum(o.flagged for o in faithful), len(faithful))
    m["claim_false_alarm_rate"] = _rate(sum(o.contradicted_claims for o in faithful), sum(o.claims for o in faithful))
    m["recall_at_span"] = _rate(sum(o.caught for o in errors), len(errors))
    m["reported_at_span"] = _rate(sum(o.reported for o in errors), len(errors))
    m["balanced_accuracy"] = _balanced(_rate(sum(o.flagged for o in errors), len(errors)),
                                       _rate(sum(not o.flagged for o in faithful), len(faithful)))
    with_gold = [o for o in errors if o.evidence_hit is not None]
    m["evidence_accuracy"] = _rate(sum(bool(o.evidence_hit) for o in with_gold), len(with_gold))
    listed = [(k, ok) for o in faithful for k, oks in o.checkable.items() for ok in oks]
    m["checkable"] = len(listed)
    m["coverage"] = _rate(sum(ok for _, ok in listed), len(listed))
    values = [ok for k, ok in listed if k in VALUE_KINDS]
    m["coverage_values"] = _rate(sum(values), len(values))
    names = [ok for k, ok in listed if k not in VALUE_KINDS]
    m["coverage_names"] = _rate(sum(names), len(names))
    m["claims_per_sentence"] = _rate(sum(o.claims for o in faithful), sum(o.sentences for o in faithful))
    binding = [o for o in errors if o.binding]
    m["recall[binding]"] = _rate(sum(o.caught for o in binding), len(binding))
    m["reported[binding]"] = _rate(sum(o.reported for o in binding), len(binding))
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in errors:
        by_kind[o.kind or "other"].append(o)
        if o.kind in VALUE_ERROR_KINDS:
            by_kind["values"].append(o)  # the value kinds together (issue 9's target)
    for kind, outs in sorted(by_kind.items()):
        m[f"recall[{kind}]"] = _rate(sum(o.caught for o in outs), len(outs))
        m[f"reported[{kind}]"] = _rate(sum(o.reported for o in outs), len(outs))
    # The floor, on the same cases.
    m["naive_false_alarm_rate"] = _rate(sum(o.naive_flagged for o in faithful), len(faithful))
    m["naive_recall_at_span"] = _rate(sum(o.naive_caught for o in errors), len(errors))
    m["naive_balanced_accuracy"] = _balanced(_rate(sum(o.naive_flagged for o in errors), len(errors)),
                                             _rate(sum(not o.naive_flagged for o in faithful), len(faithful)))
    return {k: v for k, v in m.items() if v is not None or not k.startswith(("recall[", "reported["))}


def failures(outcomes: list[Outcome]) -> list[str]:
    return [f"{o.case_id}: {o.note}" for o in outcomes if o.note]
