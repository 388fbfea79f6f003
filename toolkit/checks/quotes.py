"""Quotes: the source's exact words, or the same quotation with a word changed."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..models import Claim, Evidence
from .context import ClaimContext, evidence_span, result

QUOTE_ALTERED = 85.0  # fuzzy score above which a quote is the source's, changed
QUOTE_MIN_WORDS = 6  # shorter quotations resemble too many passages to call one altered


def _altered(quote: str, passage: str) -> bool:
    """The same quotation with a word or two changed: long enough to be sure it is the
    same quotation, and no more than a fifth of its words differ."""
    q, p = quote.split(), passage.split()
    if len(q) < QUOTE_MIN_WORDS:
        return False
    same = sum(1 for a, b in zip(q, p) if a == b)
    return len(q) - same <= max(1, len(q) // 5) and abs(len(q) - len(p)) <= 1


def check_quote(c: ClaimContext) -> Claim:
    if c.cross_lingual:
        return result(c, "unverifiable", "A translated quote cannot be checked word for word.")
    quote = str(c.m.value)
    source = c.src.scan.nt.text
    parts = [p.strip(" .…") for p in quote.replace("…", "...").split("...") if p.strip(" .…")]
    evidence: list[Evidence] = []
    for part in parts:
        pos = source.find(part)
        if pos >= 0:
            evidence.append(evidence_span(c.src, pos, pos + len(part)))
            continue
        al = fuzz.partial_ratio_alignment(part, source, score_cutoff=50)
        if al is not None and al.score >= QUOTE_ALTERED and _altered(part, source[al.dest_start:al.dest_end]):
            ev = evidence_span(c.src, al.dest_start, al.dest_end)
            return result(c, "contradicted", "The source's words differ from this quote.", [ev])
        return result(c, "unverifiable", "The source does not contain this quote.",
                       [evidence_span(c.src, al.dest_start, al.dest_end)] if al else [])
    return result(c, "supported", "The source contains these exact words.", evidence)


