"""Directions of change: «ارتفع»، «تراجع»، "rose", "fell" (the rise and fall words of each
language's table), so that a summary's direction can be checked against its source's."""

from __future__ import annotations

from .scan import Scan


def find_directions(s: Scan) -> None:
    for i, hit in list(s.matches(s.lang.directions, max_words=1)):
        t = s.toks[i]
        s.add("direction", t.start + hit.prefix, t.end, hit.value)
