"""Typed values: what a mention's value means, per kind, for the checks that compare them.

A :class:`~toolkit.models.Mention` keeps one JSON-friendly ``value`` for every kind (a number,
an ISO string, a list of items). The checks compare typed values instead: a :class:`Quantity`
(amount, or the alternatives "2 or 3"; unit; stated approximation or bound; currency and series
read off the unit) and a :class:`DateValue` (the ISO date as the text states it, its
granularity, and how sure its year is). A new kind of value is a new class here and a check
module of its own.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from typing import Literal

from ..mentions.numbers import DESIGNATION
from ..models import Mention

QuantityKind = Literal["number", "percent", "count", "duration"]
QUANTITY_KINDS: tuple[QuantityKind, ...] = ("number", "percent", "count", "duration")
DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number, percentage, count or duration."""

    kind: QuantityKind
    amount: float
    unit: str | None = None  # counted-noun class or stem, currency code, '%', duration unit, series
    alternatives: tuple[float, ...] = ()  # "2 or 3 weeks": (2, 3)
    approximate: bool = False  # «نحو», "about"
    bound: Literal["at_least", "at_most"] | None = None  # «أكثر من 800», "over 800"

    @classmethod
    def of(cls, m: Mention) -> Quantity:
        if m.kind not in QUANTITY_KINDS:
            raise ValueError(f"a {m.kind} mention is no quantity")
        return cls(kind=m.kind, amount=float(m.value), unit=m.unit,
                   alternatives=tuple(float(a) for a in m.alternatives or ()), approximate=m.approximate,
                   bound=m.bound)

    @property
    def values(self) -> tuple[float, ...]:
        """The figures it states: its alternatives, else its amount."""
        return self.alternatives or (self.amount,)

    @property
    def series(self) -> str | None:
        """The series a series number belongs to ("SARS-CoV-2" -> "sars-cov"), else None."""
        return self.unit[len(DESIGNATION):] if self.unit and self.unit.startswith(DESIGNATION) else None

    @property
    def currency(self) -> str | None:
        """The ISO currency code of a sum ("TND", "USD"), else None."""
        u = self.unit
        return u if u and len(u) == 3 and u.isalpha() and u.isupper() else None

    def in_days(self) -> Quantity:
        """A duration as a count of days, so that «أسبوعين» and «14 يوما» compare."""
        factor = DAYS.get(self.unit or "", 1)
        return replace(self, amount=self.amount * factor, unit="day",
                       alternatives=tuple(a * factor for a in self.alternatives))

    def stated_exactly(self) -> Quantity:
        """The same figure without its stated approximation."""
        return replace(self, approximate=False)


Granularity = Literal["year", "month", "day"]
Certainty = Literal["stated", "inferred", "guessed"]
GUESS_DAYS = 90  # a year inferred for a date further than this from publication is a guess


def granularity_of(iso: str) -> Granularity:
    """``YYYY-MM-DD`` (or ``XXXX-MM-DD``) a day, ``YYYY-MM`` a month, ``YYYY`` a year."""
    return "day" if len(iso) == 10 else "month" if len(iso) == 7 else "year"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as its text states it: ``iso`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, with
    ``XXXX`` for a year the text does not give or that is only a guess."""

    iso: str
    granularity: Granularity
    certainty: Certainty  # the year: written, inferred from publication (near it), or a guess
    relative: bool = False  # «أمس», "yesterday": counted from another date

    @classmethod
    def of(cls, m: Mention, published: _dt.date | None) -> DateValue | None:
        """None for a date with no value (a relative day with nothing to count from)."""
        if m.kind != "date" or not m.value:
            return None
        value: str = m.value
        granularity = granularity_of(value)
        certainty: Certainty = "stated"
        if m.year_inferred and granularity == "day":
            far = published is None or abs((_dt.date.fromisoformat(value) - published).days) > GUESS_DAYS
            certainty = "guessed" if far else "inferred"
        iso = "XXXX" + value[4:] if certainty == "guessed" else value
        return cls(iso=iso, granularity=granularity, certainty=certainty, relative=m.relative is not None)

    @property
    def guessed(self) -> bool:
        """Is its year a guess? Then it never contradicts a year."""
        return self.certainty == "guessed"
