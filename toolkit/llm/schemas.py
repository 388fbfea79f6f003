"""What a model is asked to fill: JSON Schema of each model below is sent with the request."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..models import Claim, Span

ClaimKind = Literal["date", "weekday", "number", "percent", "count", "duration", "entity", "quote", "other"]


class SummarySentence(BaseModel):
    text: str = Field(min_length=1, max_length=400, description="one sentence of the summary")
    source_sentences: list[int] = Field(default_factory=list, max_length=5,
                                        description="numbers of the source sentences it draws on")


class Summary(BaseModel):
    """A headline and a few sentences, each citing the numbered source sentences it uses."""

    headline: str = Field(min_length=1, max_length=150)
    sentences: list[SummarySentence] = Field(min_length=1, max_length=5)

    @property
    def text(self) -> str:
        return "\n".join(s.text.strip() for s in self.sentences)


class AtomicClaim(BaseModel):
    """One fact stated by the summary: who or what, and the value stated about it."""

    text: str = Field(min_length=1, max_length=200, description="the fact as one short sentence")
    kind: ClaimKind
    subject: str = Field(max_length=80, description="who or what the fact is about")
    value: str = Field(max_length=80, description="the date, number, name or quote stated")
    span: Span | None = Field(None, description="where the summary states it (set by the toolkit)")


class ClaimList(BaseModel):
    claims: list[AtomicClaim] = Field(max_length=10)


class Usage(BaseModel):
    """Tokens and requests of one call, summed over every attempt (retries and re-asks)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    requests: int = 0

    def add(self, other: "Usage") -> "Usage":
        return Usage(**{k: getattr(self, k) + getattr(other, k) for k in Usage.model_fields})


class Run(BaseModel):
    """How a result was produced, for reproducibility."""

    backend: str
    model: str | None = None
    template: str | None = None
    template_hash: str | None = None
    usage: Usage = Field(default_factory=Usage)
    cached: bool = False


class CheckedClaim(BaseModel):
    """A claim the model extracted, with the deterministic checks of its values."""

    claim: AtomicClaim
    verdict: Literal["supported", "contradicted", "unverifiable"]
    checks: list[Claim] = Field(default_factory=list)
