"""Public data model of the verifier (pydantic, JSON-serialisable; see README "JSON output")."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

MentionKind = Literal[
    "date", "weekday", "number", "percent", "count", "duration", "enumeration", "entity", "quote", "direction"
]
Verdict = Literal["supported", "contradicted", "unverifiable"]
SEVERITY = {"contradicted": 0, "unverifiable": 1, "supported": 2}  # worst first


def worst(verdicts) -> Verdict | None:
    """The most serious of some verdicts (None for none)."""
    return min(verdicts, key=SEVERITY.__getitem__, default=None)
Value = Union[int, float, str, list[str], None]


class Span(BaseModel):
    """Half-open character offsets [start, end) into the string the caller passed in."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int


class Mention(BaseModel):
    """A checkable value found in a text.

    ``value`` by kind: date -> ISO ``YYYY-MM-DD`` (``XXXX-MM-DD`` when the year is unknown,
    ``YYYY-MM`` or ``YYYY`` for coarser dates); weekday -> English day name; number, percent,
    count, duration -> the number; enumeration -> the items; entity -> the normalised name
    (``country:XX`` for countries); quote -> the quoted words; direction -> ``rise`` or
    ``fall`` (a verb or noun of change: ارتفع، تراجع، rose, fell).
    """

    kind: MentionKind
    start: int
    end: int
    text: str
    if TYPE_CHECKING:  # the value's type follows the kind (above): code reads it by kind
        value: Any
    else:
        value: Value
    unit: str | None = Field(None, description="counted noun class, currency, duration unit or '%'")
    alternatives: list[float] | None = Field(None, description="'2 or 3 weeks' -> [2, 3]")
    approximate: bool = False
    bound: Literal["at_least", "at_most"] | None = Field(
        None, description="'أكثر من 800' / 'over 800': the value is a lower (or upper) bound")
    year_inferred: bool = Field(False, description="the text gives no year, nor a full date in the same sentence: "
                                                  "the year was inferred from the publication date")
    weekday: str | None = Field(None, description="weekday written next to a date (English name)")
    date: str | None = Field(None, description="resolved ISO date of a weekday mention")
    calendar: Literal["gregorian", "hijri"] | None = None
    hijri: str | None = Field(None, description="the Hijri date as written, YYYY-MM-DD (Hijri)")
    relative: Literal["published", "previous"] | None = Field(
        None, description="what a relative day was resolved against"
    )
    role: str | None = Field(None, description="title written before a name (المبعوث الأمريكي)")
    items: list[Span] | None = Field(None, description="enumeration items")

    # Offsets into the normalised text, for internal alignment.
    _nstart: int = PrivateAttr(0)
    _nend: int = PrivateAttr(0)


class Evidence(BaseModel):
    start: int
    end: int
    text: str


class Claim(BaseModel):
    """One checkable value of the summary, with its verdict."""

    text: str = Field(description="the words of the summary that make the claim")
    kind: MentionKind
    span: Span = Field(description="offsets into the summary")
    value: Value = None
    verdict: Verdict
    evidence: list[Evidence] = Field(default_factory=list, description="offsets into the source")
    reason: str
    sentence: Span = Field(description="the summary sentence the claim belongs to")
    passage: Evidence | None = Field(None, description="the source passage the claim was aligned with")


class VerificationReport(BaseModel):
    claims: list[Claim]
    counts: dict[Verdict, int]
    lang: str = Field(description="language of the summary")
    source_lang: str
    published: str | None = None

    @property
    def contradicted(self) -> list[Claim]:
        return [c for c in self.claims if c.verdict == "contradicted"]


class FactCheckResult(BaseModel):
    """A summary of a source with its verification, and how it was produced."""

    source: str
    summary: str
    published: str | None = None
    report: VerificationReport
    headline_report: VerificationReport | None = Field(
        None, description="the headline checked like the summary, when the toolkit wrote it (offsets into the headline)")
    backend: str = Field("given", description="what wrote the summary: 'given' when the caller supplied it")
    model: str | None = None
    template: str | None = None
    template_hash: str | None = None
    created: _dt.datetime = Field(default_factory=lambda: _dt.datetime.now(_dt.timezone.utc))
    summary_doc: "Summary | None" = Field(None, description="the structured summary, when the toolkit wrote it")
    claims: "list[CheckedClaim]" = Field(default_factory=list, description="claims a model extracted, each checked")
    runs: "list[Run]" = Field(default_factory=list, description="every model call behind this result, with usage")
    errors: list[str] = Field(default_factory=list, description="stages that failed; what they had is kept")

    @property
    def contradicted(self) -> list[Claim]:
        """Every contradicted claim: the summary's, then the headline's."""
        return self.report.contradicted + (self.headline_report.contradicted if self.headline_report else [])

    @property
    def counts(self) -> dict[str, int]:
        """Claims per verdict over the summary and the headline."""
        h = self.headline_report.counts if self.headline_report else {}
        return {v: n + h.get(v, 0) for v, n in self.report.counts.items()}

    @property
    def usage(self) -> "Usage":
        total = Usage()
        for r in self.runs:
            total = total.add(r.usage)
        return total


from .llm.schemas import CheckedClaim, Run, Summary, Usage  # noqa: E402  (they use Claim and Span)

FactCheckResult.model_rebuild()
