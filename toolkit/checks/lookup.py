"""Indexes over a scanned document that let the checks look near a mention, or up a word,
without walking the whole document for every claim (which made a check's cost grow with the
source's size, and a summary's cost with the square of it).

Each is built once per document, on first use, and kept on the document (a source index is
shared across calls: see :mod:`toolkit.reuse`). They answer exactly what the walks they
replace answered.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection

from ..index import Document
from ..models import Mention


def kept(doc: Document, name, build):
    """What ``build()`` returns, built once per document and kept on it under ``name``."""
    store = doc.__dict__.setdefault("_lookups", {})
    hit = store.get(name)
    if hit is None:
        hit = store[name] = build()
    return hit


def value_cover(doc: Document, kinds: Collection[str]) -> dict[int, list[Mention]]:
    """Token index -> the mentions of ``kinds`` whose span covers the token, in mention order."""
    def build() -> dict[int, list[Mention]]:
        s = doc.scan
        cover: dict[int, list[Mention]] = {}
        for v in s.mentions:
            if v.kind in kinds:
                for i in range(s.index_at(v._nstart), s.index_at(v._nend)):
                    cover.setdefault(i, []).append(v)
        return cover
    return kept(doc, ("cover", tuple(sorted(kinds))), build)


class Stops:
    """The tokens covered by a mention of the value kinds other than ``m`` and its ``partners``
    (``i in stops``), read from :func:`value_cover` rather than collected over every mention."""

    def __init__(self, cover: dict[int, list[Mention]], m: Mention, partners: list[Mention]):
        self.cover, self.m, self.partners = cover, m, partners

    def __contains__(self, i: int) -> bool:
        return any(v is not self.m and v not in self.partners for v in self.cover.get(i, ()))


def near(doc: Document, m: Mention, reach: int) -> list[Mention]:
    """The mentions that end at most ``reach`` characters before ``m`` starts (and not after it
    starts), or start after ``m`` ends and at most ``reach`` characters after, in mention order:
    every mention whose gap to ``m`` can be ``reach`` characters or shorter."""
    def build():
        mentions = doc.scan.mentions
        order = {id(v): k for k, v in enumerate(mentions)}
        by_end = sorted(mentions, key=lambda v: v._nend)
        by_start = sorted(mentions, key=lambda v: v._nstart)
        return order, by_end, [v._nend for v in by_end], by_start, [v._nstart for v in by_start]
    order, by_end, ends, by_start, starts = kept(doc, "near", build)
    found = by_end[bisect_left(ends, m._nstart - reach):bisect_right(ends, m._nstart)]
    found += by_start[bisect_right(starts, m._nend):bisect_right(starts, m._nend + reach)]
    return sorted({id(v): v for v in found}.values(), key=lambda v: order[id(v)])


def first_token_reading(doc: Document) -> dict[str, int]:
    """Word -> the first word token that reads as it, clitics off (``lang.clitic_splits``)."""
    def build() -> dict[str, int]:
        s = doc.scan
        first: dict[str, int] = {}
        for i, t in enumerate(s.toks):
            if t.kind == "word":
                for _, rest in s.lang.clitic_splits(t.text):
                    first.setdefault(rest, i)
        return first
    return kept(doc, "first_token_reading", build)
