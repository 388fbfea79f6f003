"""External suites read from the shared datasets folder (never copied into the repo):
SummEdits news (English) and ANS stance pairs (Arabic headlines)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..mentions import find_mentions
from ..models import VerificationReport
from .cases import MissingData
from .metrics import _rate

Verifier = Callable[..., VerificationReport]
_VALUE_KINDS = ("number", "percent", "count", "duration", "date")


def _values(text: str, lang: str) -> Counter:
    return Counter((m.kind if m.kind != "count" else "number", str(m.value))
                   for m in find_mentions(text, lang=lang) if m.kind in _VALUE_KINDS and m.value is not None)


def changes_a_number(a: str, b: str, lang: str) -> bool:
    """Does ``b`` state a value that ``a`` states differently? ``b`` must give a value of a
    kind ``a`` also gives, and ``a`` must not have it. Dropping a number is no change of
    it, nor is a change of digit script (12 / ١٢): values are compared, not digits."""
    va, vb = _values(a, lang), _values(b, lang)
    kinds_a = {k for k, _ in va}
    return any(kind in kinds_a and (kind, value) not in va for kind, value in vb)


def summedits(datasets: Path, verifier: Verifier, progress) -> Iterator[dict]:
    path = datasets / "summedits" / "summedits_news.json"
    if not path.exists():
        raise MissingData(f"{path} is not here")
    rows = json.loads(path.read_text(encoding="utf-8"))
    for row in progress(rows, "summedits"):
        report = verifier(row["doc"], row["summary"], lang="en")
        consistent = str(row["label"]) == "1"
        yield {"id": row["id"], "consistent": consistent, "flagged": report.counts["contradicted"] > 0,
               "number_edit": not consistent and changes_a_number(row["original_summary"], row["summary"], "en"),
               "edit_types": row.get("edit_types", ""),
               "claim": next((f"«{c.text}»: {c.reason}" for c in report.contradicted), "")}


def ans(datasets: Path, verifier: Verifier, progress) -> Iterator[dict]:
    folder = datasets / "ans" / "stance"
    if not folder.exists():
        raise MissingData(f"{folder} is not here")
    rows = []
    for split in ("train", "dev", "test"):
        with (folder / f"{split}.csv").open(encoding="utf-8") as fh:
            rows += [dict(r, id=f"{split}-{n}") for n, r in enumerate(csv.DictReader(fh))]
    rows = [r for r in rows if r["stance"] in ("agree", "disagree")]
    for row in progress(rows, "ans"):
        number_edit = row["stance"] == "disagree" and changes_a_number(row["s1"], row["s2"], "ar")
        if row["stance"] == "disagree" and not number_edit:
            continue  # other disagreements (antonyms, negation) are not what this suite measures
        report = verifier(row["s1"], row["s2"], lang="ar")
        yield {"id": row["id"], "consistent": row["stance"] == "agree",
               "flagged": report.counts["contradicted"] > 0, "number_edit": number_edit,
               "claim": next((f"«{c.text}»: {c.reason}" for c in report.contradicted), "")}


def pair_metrics(rows: list[dict]) -> dict[str, float | int | None]:
    consistent = [r for r in rows if r["consistent"]]
    inconsistent = [r for r in rows if not r["consistent"]]
    numbers = [r for r in inconsistent if r["number_edit"]]
    tpr = _rate(sum(r["flagged"] for r in inconsistent), len(inconsistent))
    tnr = _rate(sum(not r["flagged"] for r in consistent), len(consistent))
    return {
        "cases": len(rows), "consistent": len(consistent), "inconsistent": len(inconsistent),
        "number_edits": len(numbers),
        "false_alarm_rate": _rate(sum(r["flagged"] for r in consistent), len(consistent)),
        "recall_number_edits": _rate(sum(r["flagged"] for r in numbers), len(numbers)),
        "recall_all_edits": tpr,
        "balanced_accuracy": (tpr + tnr) / 2 if tpr is not None and tnr is not None else None,
    }


EXTERNAL = {"summedits": summedits, "ans": ans}
