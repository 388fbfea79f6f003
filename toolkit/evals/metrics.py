"""Scores for the verifier: per-kind recall of planted errors at their span, false alarms
on faithful summaries, balanced accuracy, evidence accuracy."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Span, VerificationReport


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@dataclass
class Outcome:
    """What the verifier did with one case."""

    case_id: str
    label: str  # faithful | error
    kind: str | None
    flagged: bool  # something in the report is contradicted
    caught: bool = False  # contradicted at the error's span
    reported: bool = False  # contradicted or unverifiable at the error's span
    evidence_hit: bool | None = None  # evidence overlaps the gold passage (None: no gold)
    note: str = ""


def judge(report: VerificationReport, label: str, error_span: Span | None, kind: str | None,
          gold: list[Span], case_id: str) -> Outcome:
    flagged = report.counts["contradicted"] > 0
    out = Outcome(case_id, label, kind, flagged)
    if label == "faithful":
        if flagged:
            c = report.contradicted[0]
            out.note = f"false alarm on «{c.text}»: {c.reason}"
        return out
    at_span = [c for c in report.claims if error_span and _overlaps(c.span, error_span)]
    caught = [c for c in at_span if c.verdict == "contradicted"]
    out.caught = bool(caught)
    out.reported = bool(caught or [c for c in at_span if c.verdict == "unverifiable"])
    if caught and gold:
        out.evidence_hit = any(_overlaps(Span(start=e.start, end=e.end), g) for c in caught
                               for e in [*c.evidence, *([c.passage] if c.passage else [])] for g in gold)
    if not out.reported:
        out.note = "missed: " + (", ".join(f"«{c.text}» {c.verdict}" for c in at_span) or "no claim at the span")
    return out


@dataclass
class SuiteScore:
    outcomes: list[Outcome] = field(default_factory=list)

    def metrics(self) -> dict[str, float | int | None]:
        faithful = [o for o in self.outcomes if o.label == "faithful"]
        errors = [o for o in self.outcomes if o.label == "error"]
        m: dict[str, float | int | None] = {"cases": len(self.outcomes), "faithful": len(faithful),
                                            "errors": len(errors)}
        m["false_alarm_rate"] = _rate(sum(o.flagged for o in faithful), len(faithful))
        m["recall_at_span"] = _rate(sum(o.caught for o in errors), len(errors))
        m["reported_at_span"] = _rate(sum(o.reported for o in errors), len(errors))
        tpr = _rate(sum(o.flagged for o in errors), len(errors))
        tnr = _rate(sum(not o.flagged for o in faithful), len(faithful))
        m["balanced_accuracy"] = (tpr + tnr) / 2 if tpr is not None and tnr is not None else None
        with_gold = [o for o in errors if o.evidence_hit is not None]
        m["evidence_accuracy"] = _rate(sum(bool(o.evidence_hit) for o in with_gold), len(with_gold))
        by_kind: dict[str, list[Outcome]] = defaultdict(list)
        for o in errors:
            by_kind[o.kind or "other"].append(o)
        for kind, outs in sorted(by_kind.items()):
            m[f"recall[{kind}]"] = _rate(sum(o.caught for o in outs), len(outs))
            m[f"reported[{kind}]"] = _rate(sum(o.reported for o in outs), len(outs))
        return m

    def failures(self) -> list[str]:
        return [f"{o.case_id}: {o.note}" for o in self.outcomes if o.note]


def _rate(n: int, d: int) -> float | None:
    return n / d if d else None
