"""Eval cases: a source, a summary, and a label — faithful, or one error at a span.

Suites are JSONL files, one case per line (see ``evals/README.md``). A case names its
source either inline (``source``) or by path (``source_path``): ``datasets:`` paths are read
from the external datasets folder (never copied into the repository), others from the
repository root.

Gold (error spans, evidence spans, checkable values) is written by hand and frozen in the
suite file; a quoted ``text`` beside each span is checked against the offsets on load, so
an edited summary or a moved source cannot silently shift the gold.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from ..inputs import ant_fields
from ..models import Span

ErrorKind = Literal["date", "weekday", "count", "number", "percent", "duration", "direction", "entity", "quote",
                    "wrong-event", "event", "negation", "other"]
ValueKind = Literal["date", "weekday", "count", "number", "percent", "duration", "entity", "quote"]


class QuotedSpan(Span):
    """Offsets with the words they cover (checked on load when given)."""

    text: str | None = None


class PlantedError(BaseModel):
    kind: ErrorKind
    span: QuotedSpan = Field(description="the wrong words, offsets into the summary")
    original: str = Field("", description="what the source supports instead")
    replacement: str = ""
    type: str | None = Field(None, description="realistic error type: digit-slip, month-swap, reversed-decimal, …")
    binding: bool = Field(False, description="the value is the source's value for another event or entity")
    note: str = ""


class Checkable(BaseModel):
    """A value a faithful summary states that a verifier should support (for coverage)."""

    kind: ValueKind
    span: QuotedSpan = Field(description="offsets into the summary")
    evidence: list[QuotedSpan] = Field(default_factory=list, description="offsets into the source")


class Case(BaseModel):
    id: str
    source: str | None = None
    source_path: str | None = None
    summary: str
    published: str | None = None
    lang: str | None = Field(None, description="language of the summary")
    label: Literal["faithful", "error"]
    error: PlantedError | None = None
    gold_evidence: list[QuotedSpan] = Field(default_factory=list, description="source passages that settle the claim")
    checkable: list[Checkable] = Field(default_factory=list, description="faithful cases: values to support")
    generated: bool = Field(False, description="planted by the perturbation generator")
    note: str = ""


class MissingData(Exception):
    """A suite needs external data that is not on this machine."""


def read_ant(path: Path) -> tuple[str, str | None]:
    """Text and publication date (ISO) of an ANT corpus article."""
    return ant_fields(path.read_text(encoding="utf-8"))


DATASETS_HINT = "pass --datasets PATH or set TOOLKIT_DATASETS"


def resolve_source(case: Case, *, root: Path, datasets: Path | None) -> tuple[str, str | None]:
    """The source text of a case, and the publication date its file gives (if any).
    ``datasets`` None: no external datasets folder is known (an installed toolkit)."""
    if case.source is not None:
        return case.source, None
    if not case.source_path:
        raise ValueError(f"case {case.id} has neither source nor source_path")
    if case.source_path.startswith("datasets:"):
        if datasets is None:
            raise MissingData(f"{case.source_path} is in the external datasets folder: {DATASETS_HINT}")
        path = datasets / case.source_path[len("datasets:"):]
        if not path.exists():
            raise MissingData(f"{path} is not here")
    else:
        path = root / case.source_path
    if "ant-sample" in str(path):
        return read_ant(path)
    return path.read_text(encoding="utf-8"), None


def gold_mismatches(case: Case, source: str) -> list[str]:
    """Quoted spans whose offsets no longer cover their words."""
    bad = []

    def check(span: QuotedSpan, text: str, what: str) -> None:
        if not 0 <= span.start < span.end <= len(text):
            bad.append(f"{case.id}: {what} [{span.start}, {span.end}) is outside the text")
        elif span.text is not None and text[span.start:span.end] != span.text:
            bad.append(f"{case.id}: {what} [{span.start}, {span.end}) is «{text[span.start:span.end]}», "
                       f"not «{span.text}»")

    if case.error:
        check(case.error.span, case.summary, "error span")
    for span in case.gold_evidence:
        check(span, source, "gold evidence")
    for value in case.checkable:
        check(value.span, case.summary, "checkable value")
        for span in value.evidence:
            check(span, source, "checkable evidence")
    return bad


def load_cases(path: Path) -> list[Case]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                cases.append(Case.model_validate(json.loads(line)))
            except (ValueError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}:{n}: {exc}") from None
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate case ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return cases
