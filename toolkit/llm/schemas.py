"""What a model is asked to fill: JSON Schema of each model below is sent with the request.

Every field the model returns is checked. Rules that need to know the request (the language
asked for, the sentence bound, how many source sentences there are, the passage a judge
read) run when a validation context is given — instructor passes it on every attempt, and
a broken rule is re-asked with its message; the error's type names the rule
(``language``, ``sentence_count``, ``duplicate_sentence``, ``citation_range``,
``quote_not_in_passage``, ``quote_missing``), so an :class:`~toolkit.llm.client.ExtractionError`
after the last re-ask says which rule the model kept breaking.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from ..models import Claim, Evidence, Span
from ..text import norm

# What the verifier checks, plus ``event``: a fact with no value (who did what), left to the judged pass.
ClaimKind = Literal["date", "weekday", "number", "percent", "count", "duration", "entity", "quote", "direction",
                    "event"]
ValueCheck = Literal["agrees", "disagrees", "framed", "none"]  # CheckedClaim.value_check
CitationStatus = Literal["right", "wrong", "unchecked"]  # CitationCheck.status
SummaryPart = Literal["summary", "headline"]  # JudgedSentence.part
RULES = ("language", "sentence_count", "duplicate_sentence", "citation_range", "quote_missing",
         "quote_not_in_passage")
LANGUAGE_NAMES = {"ar": "Arabic", "en": "English"}


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

    @model_validator(mode="after")
    def _rules(self, info: ValidationInfo) -> "Summary":
        """The request's rules, when the request is known (``context``: lang, max_sentences, n_sources)."""
        context = info.context if isinstance(info.context, dict) else None
        if context:
            check_summary(self, lang=context.get("lang"), max_sentences=context.get("max_sentences"),
                          n_sources=context.get("n_sources"))
        return self


class AtomicClaim(BaseModel):
    """One fact stated by the summary: who or what, what is said of it, and the value stated."""

    text: str = Field(min_length=1, max_length=200,
                      description="the fact as one short sentence, in the summary's own words")
    kind: ClaimKind = Field(description="the kind of value stated; event when the fact has no value")
    subject: str = Field("", max_length=80, description="who or what the fact is about")
    predicate: str = Field("", max_length=120, description="what is said of the subject (the verb and its object)")
    value: str = Field("", max_length=80, description="the date, number, name or quote stated, exactly as the "
                                                      "summary writes it; empty for an event")
    unit: str = Field("", max_length=40, description="the unit or counted thing of a number (dinars, %, people)")
    time: str = Field("", max_length=60, description="when it happened, as the summary writes it; empty if not said")
    span: Span | None = Field(None, description="where the summary states it (set by the toolkit)")


class ClaimList(BaseModel):
    claims: list[AtomicClaim] = Field(max_length=10)


class Judgement(BaseModel):
    """A model's reading of one summary sentence against one source passage."""

    quote: str = Field(max_length=80, description="the few words of the passage that settle it, copied exactly; "
                                                   "empty when the passage does not speak of it")
    verdict: Literal["supported", "contradicted", "not_in_source"]

    @model_validator(mode="after")
    def _quoted(self, info: ValidationInfo) -> "Judgement":
        context = info.context if isinstance(info.context, dict) else None
        if context and context.get("passage") is not None:
            check_quote(self, context["passage"])
        return self


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
    """A claim the model extracted, with the deterministic checks of its text and its stated value."""

    claim: AtomicClaim
    verdict: Literal["supported", "contradicted", "unverifiable"]
    checks: list[Claim] = Field(default_factory=list)
    value_check: ValueCheck = Field(
        "none", description="agrees: the stated value is what the claim's text says; disagrees: it is not; "
                            "framed: the text does not state it, so it was checked in the claim's frame; "
                            "none: no checkable value stated")
    reason: str = Field("", description="why a stated value was contradicted, when it was")


class CitationCheck(BaseModel):
    """Whether a summary sentence's cited source sentences hold its checkable values."""

    sentence: int = Field(description="index of the summary sentence")
    span: Span = Field(description="the sentence, offsets into the summary text")
    cited: list[int] = Field(default_factory=list, description="source sentences the model cited")
    status: CitationStatus = Field(
        description="right: every value with evidence is in a cited sentence; wrong: cites the wrong passage; "
                    "unchecked: no citation or no value to place")
    found_in: list[int] = Field(default_factory=list, description="source sentences that hold the values instead")
    reason: str = ""


class JudgedSentence(BaseModel):
    """A model's verdict on one sentence (or the headline): labelled as judged, never merged with
    the deterministic verdicts, which win wherever both speak."""

    part: SummaryPart = "summary"
    span: Span = Field(description="the sentence, offsets into the summary (or the headline)")
    text: str
    verdict: Literal["supported", "contradicted", "not_in_source"] | None = Field(
        None, description="the model's verdict; None when its answer never validated")
    quote: str = ""
    evidence: Evidence | None = Field(None, description="the quote located in the source")
    passages: list[Evidence] = Field(default_factory=list, description="the source sentences the model read")
    deterministic: Literal["supported", "contradicted", "unverifiable"] | None = Field(
        None, description="the worst deterministic verdict of the sentence's values (None: no values)")
    overruled: bool = Field(False, description="the judge said supported where a deterministic check contradicts: "
                                               "the deterministic verdict stands")
    error: str | None = None
    run: Run


# -- rules ---------------------------------------------------------------------------------

_LATIN_LANGS = ("en", "fr", "es", "de", "it", "pt", "nl", "tr", "id")
_LATIN_NAMES = {"fr": "French", "es": "Spanish", "de": "German", "it": "Italian", "pt": "Portuguese",
                "nl": "Dutch", "tr": "Turkish", "id": "Indonesian"}
_PERSIAN_ONLY = set("پچژگکیۀےٹڈڑںھ")  # Arabic-script letters Arabic does not use


def script_counts(text: str) -> dict[str, int]:
    """Letters per script: arabic, latin, and every other script by its Unicode name's first word."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            key = "persian" if ch in _PERSIAN_ONLY else "arabic"
        elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
            key = "latin"
        else:
            try:
                key = unicodedata.name(ch).split()[0].lower()
            except ValueError:
                key = "other"
        counts[key] = counts.get(key, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _best_latin_language(word: str) -> str | None:
    from wordfreq import zipf_frequency

    scores = {lang: zipf_frequency(word, lang) for lang in _LATIN_LANGS}
    best = max(scores.values())
    if best < 2.0:
        return None  # a rare word or a name: no evidence either way
    return "en" if scores["en"] >= best - 0.5 else max(scores, key=lambda k: scores[k])


def language_problem(text: str, lang: str) -> str | None:
    """Why ``text`` is not written in ``lang`` (``ar`` or ``en``), or None: its script first, then,
    for Latin script, which language its common words belong to (wordfreq)."""
    counts = script_counts(text)
    letters = sum(counts.values())
    if letters == 0:
        return None
    main = max(counts, key=lambda k: counts[k])
    if lang == "ar":
        arabic = counts.get("arabic", 0) + counts.get("persian", 0)
        if arabic < 0.5 * letters:
            return f"it is written in {main.capitalize()} script, not in Arabic"
        if counts.get("persian", 0) > max(2, 0.03 * arabic):
            return "it uses Persian or Urdu letters (پ چ ژ گ ک ی), not Arabic"
        return None
    if lang == "en":
        if counts.get("latin", 0) < 0.8 * letters:
            return f"it is written in {main.capitalize()} script, not in English"
        words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)]
        votes = [v for v in (_best_latin_language(w) for w in words) if v is not None]
        if len(votes) >= 3:
            english = sum(v == "en" for v in votes) / len(votes)
            if english < 0.5:
                other = max(set(votes) - {"en"}, key=votes.count)
                return f"it reads as {_LATIN_NAMES.get(other, other)}, not English"
    return None


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", norm(text)))


def check_summary(summary: Summary, *, lang: str | None, max_sentences: int | None, n_sources: int | None) -> None:
    """Raise a PydanticCustomError naming the first rule the summary breaks."""
    name = LANGUAGE_NAMES.get(lang or "", lang)
    if lang in LANGUAGE_NAMES:
        parts = [("the headline", summary.headline)] + [(f"sentence {i + 1}", s.text)
                                                         for i, s in enumerate(summary.sentences)]
        for where, text in parts:
            problem = language_problem(text, lang)
            if problem:
                raise PydanticCustomError(
                    "language", "{where} is not in {name}: {problem}. Write the headline and every sentence in {name}.",
                    {"where": where, "name": name, "problem": problem})
    n = len(summary.sentences)
    if max_sentences and n > max_sentences:
        raise PydanticCustomError(
            "sentence_count", "{n} sentences, more than the {most} asked for: write at most {most} sentences.",
            {"n": n, "most": max_sentences})
    seen: dict[str, int] = {}
    for i, s in enumerate(summary.sentences):
        key = _words(s.text)
        for other, j in seen.items():
            if key == other or (min(len(key), len(other)) >= 20 and (key in other or other in key)):
                raise PydanticCustomError(
                    "duplicate_sentence", "sentence {i} repeats sentence {j}: every sentence must say something new.",
                    {"i": i + 1, "j": j + 1})
        seen[key] = i
    if n_sources is not None:
        for i, s in enumerate(summary.sentences):
            bad = [k for k in s.source_sentences if not 0 <= k < n_sources]
            if bad:
                raise PydanticCustomError(
                    "citation_range", "sentence {i} cites source sentence {k}, but the article's sentences are "
                    "numbered 0 to {last}: cite only numbers that exist.",
                    {"i": i + 1, "k": bad[0], "last": n_sources - 1})


def _loose(text: str) -> str:
    """For finding a quote: normalised letters and digits only («و أوضح» and «وأوضح» are one)."""
    return "".join(re.findall(r"\w+", norm(text)))


def check_quote(judgement: Judgement, passage: str) -> None:
    """A supported or contradicted verdict quotes the passage; a not_in_source one has nothing to
    quote (whatever it wrote there is dropped)."""
    if judgement.verdict == "not_in_source":
        judgement.quote = ""
        return
    quote = judgement.quote.strip().strip("«»\"'“”")
    if not quote:
        raise PydanticCustomError(
            "quote_missing", "a {verdict} verdict needs the passage's words that settle it: copy them into quote.",
            {"verdict": judgement.verdict})
    if quote and _loose(quote) not in _loose(passage):
        raise PydanticCustomError(
            "quote_not_in_passage", "the quote «{quote}» is not in the passage: copy the passage's words exactly "
            "(or leave quote empty with not_in_source).", {"quote": quote[:80]})
