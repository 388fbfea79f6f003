"""External suites read from the shared datasets folder (never copied into the repo):
SummEdits news (English) and ANS stance pairs (Arabic headlines).

Which pairs count as number edits is decided from the digits alone, never by the toolkit
under test (``number_edit``): both texts write digits, and the second writes a digit string
(after digit-script normalisation) that the first does not. Pairs whose digits differ only in
script («12» / «١٢») are kept apart as pairs a verifier must not flag for a number.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ..models import VerificationReport
from .cases import DATASETS_HINT, MissingData
from .metrics import VALUE_KINDS, _balanced, _rate, digit_strings, naive_flags

Verifier = Callable[..., VerificationReport]


def _digits(text: str) -> set[str]:
    return {d for d, _, _ in digit_strings(text)}


def number_edit(a: str, b: str) -> bool:
    """``b`` replaces a number of ``a``: both write digits, and ``b`` writes one ``a`` does not."""
    da, db = _digits(a), _digits(b)
    return bool(da) and bool(db - da)


def digits_differ(a: str, b: str) -> bool:
    """The digit strings differ at all (a number changed, added or dropped)."""
    return _digits(a) != _digits(b)


def script_only(a: str, b: str) -> bool:
    """The same numbers, written in another digit script (12 / ١٢)."""
    raw = sorted(c for c in a if c.isdigit()) != sorted(c for c in b if c.isdigit())
    return raw and sorted(d for d, _, _ in digit_strings(a)) == sorted(d for d, _, _ in digit_strings(b))


def _row(row_id: str, source: str, summary: str, consistent: bool, before: str, report: VerificationReport) -> dict:
    return {"id": row_id, "consistent": consistent, "flagged": report.counts["contradicted"] > 0,
            "flagged_value": any(c.kind in VALUE_KINDS for c in report.contradicted),
            "naive_flagged": bool(naive_flags(source, summary)),
            "number_edit": not consistent and number_edit(before, summary),
            "digits_differ": not consistent and digits_differ(before, summary),
            "script_only": script_only(before, summary),
            "claim": next((f"«{c.text}»: {c.reason}" for c in report.contradicted), "")}


def _folder(datasets: Path | None, what: str) -> Path:
    if datasets is None:
        raise MissingData(f"{what} is in the external datasets folder: {DATASETS_HINT}")
    return datasets


def summedits(datasets: Path | None, verifier: Verifier, progress) -> Iterator[dict]:
    path = _folder(datasets, "SummEdits") / "summedits" / "summedits_news.json"
    if not path.exists():
        raise MissingData(f"{path} is not here")
    rows = json.loads(path.read_text(encoding="utf-8"))
    for row in progress(rows, "summedits"):
        report = verifier(row["doc"], row["summary"], lang="en")
        yield _row(row["id"], row["doc"], row["summary"], str(row["label"]) == "1", row["original_summary"], report)


def ans(datasets: Path | None, verifier: Verifier, progress) -> Iterator[dict]:
    folder = _folder(datasets, "ANS") / "ans" / "stance"
    if not folder.exists():
        raise MissingData(f"{folder} is not here")
    rows = []
    for split in ("train", "dev", "test"):
        with (folder / f"{split}.csv").open(encoding="utf-8") as fh:
            rows += [dict(r, id=f"{split}-{n}") for n, r in enumerate(csv.DictReader(fh))]
    for row in progress([r for r in rows if r["stance"] in ("agree", "disagree")], "ans"):
        report = verifier(row["s1"], row["s2"], lang="ar")
        yield _row(row["id"], row["s1"], row["s2"], row["stance"] == "agree", row["s1"], report)


def pair_metrics(rows: list[dict]) -> dict[str, float | int | None]:
    consistent = [r for r in rows if r["consistent"]]
    inconsistent = [r for r in rows if not r["consistent"]]
    numbers = [r for r in inconsistent if r["number_edit"]]
    differ = [r for r in inconsistent if r["digits_differ"]]
    script = [r for r in rows if r["script_only"]]

    def rates(flag: str, prefix: str = "") -> dict[str, float | None]:
        tpr = _rate(sum(r[flag] for r in inconsistent), len(inconsistent))
        tnr = _rate(sum(not r[flag] for r in consistent), len(consistent))
        return {f"{prefix}false_alarm_rate": _rate(sum(r[flag] for r in consistent), len(consistent)),
                f"{prefix}recall_number_edits": _rate(sum(r[flag] for r in numbers), len(numbers)),
                f"{prefix}recall_digit_changes": _rate(sum(r[flag] for r in differ), len(differ)),
                f"{prefix}recall_all_edits": tpr,
                f"{prefix}balanced_accuracy": _balanced(tpr, tnr)}

    return {"cases": len(rows), "consistent": len(consistent), "inconsistent": len(inconsistent),
            "number_edits": len(numbers), "digit_changes": len(differ), "script_only": len(script),
            **rates("flagged"),
            "script_only_flag_rate": _rate(sum(r["flagged_value"] for r in script), len(script)),
            **rates("naive_flagged", "naive_")}


EXTERNAL = {"summedits": summedits, "ans": ans}
