"""Eval cases: a source, a summary, and a label — faithful, or one planted error at a span.

Suites are JSONL files, one case per line (see ``evals/README.md``). A case names its
source either inline (``source``) or by path (``source_path``): ``datasets:`` paths are read
from the external datasets folder (never copied into the repository), others from the
repository root.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from ..models import Span

ErrorKind = Literal["date", "weekday", "count", "number", "percent", "entity", "quote", "wrong-event",
                    "negation", "other"]


class PlantedError(BaseModel):
    kind: ErrorKind
    span: Span = Field(description="the changed words, offsets into the summary")
    original: str = ""
    replacement: str = ""


class Case(BaseModel):
    id: str
    source: str | None = None
    source_path: str | None = None
    summary: str
    published: str | None = None
    lang: str | None = Field(None, description="language of the summary")
    label: Literal["faithful", "error"]
    error: PlantedError | None = None
    gold_evidence: list[Span] = Field(default_factory=list, description="source passages that settle the claim")
    generated: bool = Field(False, description="planted by the perturbation generator")


class MissingData(Exception):
    """A suite needs external data that is not on this machine."""


def read_ant(path: Path) -> tuple[str, str | None]:
    """Text and publication date (ISO) of an ANT corpus article."""
    raw = path.read_text(encoding="utf-8")

    def tag(name: str) -> str:
        m = re.search(f"<{name}>(.*?)</{name}>", raw, re.S)
        return m.group(1).strip() if m else ""

    when = tag("TIME")
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", when)
    published = "-".join(m.groups()) if m else None
    if not m and (m := re.match(r"(\d\d)/(\d\d)/(\d{4})", when)):
        published = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return tag("TEXT"), published


def resolve_source(case: Case, *, root: Path, datasets: Path) -> tuple[str, str | None]:
    """The source text of a case, and the publication date its file gives (if any)."""
    if case.source is not None:
        return case.source, None
    if not case.source_path:
        raise ValueError(f"case {case.id} has neither source nor source_path")
    if case.source_path.startswith("datasets:"):
        path = datasets / case.source_path[len("datasets:"):]
        if not path.exists():
            raise MissingData(f"{path} is not here")
    else:
        path = root / case.source_path
    if "ant-sample" in str(path):
        return read_ant(path)
    return path.read_text(encoding="utf-8"), None


def load_cases(path: Path) -> list[Case]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            try:
                cases.append(Case.model_validate(json.loads(line)))
            except (ValueError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}:{n}: {exc}") from None
    return cases
