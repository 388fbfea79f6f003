"""Text -> mentions: every checkable value in a text, with its span and normalised value."""

from __future__ import annotations

import datetime as _dt

from ..lang import detect_language, get_language
from ..models import Mention
from ..text import normalize
from .dates import find_dates
from .directions import find_directions
from .names import find_entities, find_enumerations
from .numbers import find_numbers
from .scan import NumberFormat, Scan

__all__ = ["find_mentions", "scan_text", "parse_published"]


def parse_published(published: str | _dt.date | None) -> _dt.date | None:
    """A date, a datetime (its date) or exactly ``YYYY-MM-DD``; raise InputError (a ValueError) otherwise."""
    from ..inputs import check_published

    return check_published(published)


def scan_text(text: str, *, published=None, lang: str | None = None,
              known_names: frozenset[str] = frozenset(), fmt: NumberFormat | None = None) -> Scan:
    """Run every finder over ``text``; the Scan keeps normalised offsets for alignment.

    ``known_names`` and ``fmt`` carry what another text (the source) taught: its names and
    how it writes numbers."""
    return _scan(text, parse_published(published), lang, known_names, fmt)


def _scan(text: str, published: _dt.date | None, lang: str | None,
          known_names: frozenset[str] = frozenset(), fmt: NumberFormat | None = None) -> Scan:
    """:func:`scan_text` with the publication date already checked."""
    scan = Scan(normalize(text), get_language(lang or detect_language(text)), published, fmt)
    find_dates(scan)
    find_numbers(scan)
    find_entities(scan, known_names)
    find_enumerations(scan)
    find_directions(scan)
    scan.mentions.sort(key=lambda m: (m.start, -m.end))
    return scan


def find_mentions(text: str, *, published: str | _dt.date | None = None,
                  lang: str | None = None, max_chars: int | None = None) -> list[Mention]:
    """Dates, weekdays, numbers, percentages, counts, durations, enumerations, names,
    quotes and directions of change in ``text``, each with offsets into ``text`` and a
    normalised value. Inputs are checked as :func:`toolkit.verify` checks them."""
    from ..inputs import check_lang, check_published, check_text

    check_text(text, "text", max_chars=max_chars)
    return _scan(text, check_published(published), check_lang(lang)).mentions
