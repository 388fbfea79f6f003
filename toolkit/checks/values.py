"""Comparing values: equality with rounding and stated approximation, bounds («أكثر من»،
"over"), durations in days, and which quantities may support or contradict each other
(a percentage is never an amount; counts compare only with counts of the same class).

The rules compare typed :class:`~toolkit.checks.typed.Quantity` values; the functions the
checks call take mentions and read their quantities."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..models import Mention
from .typed import Quantity

if TYPE_CHECKING:
    from .context import ClaimContext

APPROXIMATE_SPREAD = 0.25  # a loosely stated round value contradicts only one off by more than this
PRECISE_SPREAD = 0.1  # "نحو 6.4 بالمائة": loosely stated, but to a tenth


ROUND_DIGITS = 2  # significant digits of a round figure: 800, 2 600, 68 — not 2 610 nor 6.4


def _round(q: Quantity) -> bool:
    """A round figure ("نحو 800 ألف", "about a billion"), as opposed to "نحو 6.4" or "nearly 2,610"."""
    v = abs(q.amount)
    return v == 0 or (float(v).is_integer() and len(str(int(v)).rstrip("0")) <= ROUND_DIGITS)
_CLASSES = {"leader", "country", "minister", "person", "dead", "injured", "time", "call", "tourist",
            "group", "party", "%", "TND", "USD", "EUR", "GBP", "EGP", "SAR", "AED", "LBP"}



def _decimals(x: float) -> int:
    text = repr(float(x))
    return 0 if float(x).is_integer() else len(text.split(".")[1])


def values_equal(a: Quantity, b: Quantity) -> bool:
    """Numeric equality allowing for rounding and stated approximation."""
    xs, ys = a.values, b.values
    if len(xs) > 1 or len(ys) > 1:
        return sorted(set(xs)) == sorted(set(ys))
    x, y = xs[0], ys[0]
    if x == y:
        return True
    if a.bound or b.bound:  # "أكثر من 800" holds for 830, and for nothing under 800
        return _within_bound(a, b) if a.bound else _within_bound(b, a)
    if a.approximate or b.approximate:
        return abs(x - y) <= 0.05 * max(abs(x), abs(y))
    if round(y, _decimals(x)) == x:  # 137 for 137.2 is rounding, not an error
        return True
    if x >= 1000 and x.is_integer():  # 623 ألف for 623 456
        digits = str(int(x))
        zeros = len(digits) - len(digits.rstrip("0"))
        # ...but one significant figure is rounding only when it stays close: "$10bn" is not $5.1bn
        # rounded, nor "$2 billion" $1.8 billion
        close = len(digits) - zeros >= 2 or abs(x - y) <= ROUNDING_SPREAD * x
        if zeros >= 3 and round(y / 10**zeros) * 10**zeros == x and close:
            return True
    return False


ROUNDING_SPREAD = 0.05  # a figure rounded to one significant digit stays within this of the source


BOUND_REACH = 1.5  # "more than 800" is read as up to 1 200: past that a writer says more


def _within_bound(bounded: Quantity, exact: Quantity) -> bool:
    """Is ``exact`` a value that the bound ``bounded`` states, within its reach?"""
    if exact.bound:  # two bounds are the same statement only when they are equal ("over 40" / "over 50")
        return False
    x, y = bounded.amount, exact.amount
    if bounded.bound == "at_least":
        return x <= y <= x * BOUND_REACH if x >= 0 else y >= x
    return x / BOUND_REACH <= y <= x if x >= 0 else y <= x


def unit_class(u: str | None) -> str | None:
    return "leader" if u == "country" else u  # "leaders of 8 countries" = 8 leaders


@lru_cache(maxsize=4096)
def _unit_language(u: str) -> str:
    from ..lang import detect_language  # the checks import no language at load time
    return detect_language(u)


@lru_cache(maxsize=4096)
def _unit_concept(u: str) -> str | None:
    """The bilingual concept a counted noun's unit names, in the language it is written in."""
    from ..lang import get_language
    return get_language(_unit_language(u)).concept(u)


def same_unit(uq: str | None, uc: str | None) -> bool:
    """The same counted noun: the same class or stem, or, across scripts, the same concept
    ("2,610 companies" and «2160 مؤسسة», "76 offices" and «67 مكتبا»)."""
    uq, uc = unit_class(uq), unit_class(uc)
    if uq == uc:
        return True
    if uq is None or uc is None or uq in _CLASSES or uc in _CLASSES or _unit_language(uq) == _unit_language(uc):
        return False
    concept = _unit_concept(uq)
    return concept is not None and concept == _unit_concept(uc)


def quantities_equal(q: Mention, c: Mention) -> bool:
    """The same figure, durations in days («أسبوعين» and «14 يوما»)."""
    a, b = Quantity.of(q), Quantity.of(c)
    if a.kind == b.kind == "duration":
        return values_equal(a.in_days(), b.in_days())
    return values_equal(a, b)


def series_of(m: Mention) -> str | None:
    """The series a series number belongs to ("SARS-CoV-2" -> "sars-cov"), else None."""
    return Quantity.of(m).series


def may_support(m: Mention, n: Mention) -> bool:
    """Could ``n`` be the same quantity as ``m``? Units must agree where both are known."""
    q, c = Quantity.of(m), Quantity.of(n)
    if q.series != c.series:  # "SARS-CoV-2" is a name, not the figure 2
        return False
    if (q.kind == "percent") != (c.kind == "percent"):
        return False
    if (q.kind == "duration") != (c.kind == "duration"):
        return q.unit is None or c.unit is None
    if q.kind == "duration":
        return True
    uq, uc = unit_class(q.unit), unit_class(c.unit)
    if q.kind == c.kind == "count" or (uq and uc and uq in _CLASSES and uc in _CLASSES):
        return same_unit(uq, uc) or uq is None or uc is None or _persons_of_a_kind(uq, uc)
    return True


_PERSON_KINDS = {"dead", "injured"}  # counts of persons told apart by what befell them


def _persons_of_a_kind(a: str, b: str) -> bool:
    """A count of persons may be a count of the dead or the injured: "10 people" where the source
    writes «مقتل 10 أشخاص» (10 dead) may be the same figure; it never contradicts one."""
    return "person" in (a, b) and ({a, b} - {"person"}) <= _PERSON_KINDS


def lone_numbers(c: ClaimContext, q: Mention, rival: Mention) -> bool:
    """Unit-less numbers compare only as the one number of the claim's sentence against
    the one number of the passage: then they are the same quantity (٧٧ مليار / ٦٦ مليار)."""
    if q.kind != "number" or rival.kind != "number" or q.unit is not None or rival.unit is not None:
        return False
    seg = c.summ.segment_at(q._nstart)
    a, b = c.summ.sentence_span(seg.sentence)
    mine = [x for x in c.summ.scan.mentions if a <= x._nstart < b and x.kind in ("number", "count", "percent")]
    src_seg = c.src.segment_at(rival._nstart)
    theirs = [x for x in src_seg.mentions if x.kind in ("number", "count", "percent")]
    return len(mine) == 1 and len(theirs) == 1


def may_contradict(m: Mention, n: Mention, *, loosely: bool = True) -> bool:
    """Same kind of quantity about the same kind of thing; a loosely stated value ("نحو",
    "a billion") only against one that is off by more than a quarter. ``loosely=False``
    reads both as if stated exactly."""
    q, c = Quantity.of(m), Quantity.of(n)
    if not loosely:
        q, c = q.stated_exactly(), c.stated_exactly()
    if q.unit is None or c.unit is None:
        return False
    if (q.kind == "percent") != (c.kind == "percent"):
        return False  # a percentage is never an amount, bounded or not
    if (q.approximate or c.approximate) and not q.alternatives and not c.alternatives:
        x, y = q.amount, c.amount
        spread = APPROXIMATE_SPREAD if all(_round(v) for v in (q, c) if v.approximate) else PRECISE_SPREAD
        if (q.bound and _within_bound(q, c)) or (c.bound and _within_bound(c, q)):
            return False  # on the bound's side and within its reach: true, or at worst loosely put
        if q.bound or c.bound:
            return True  # "أكثر من 22 مليون" is not 500 million
        if abs(x - y) <= spread * max(abs(x), abs(y)):
            return False
    if q.kind == "percent" or c.kind == "percent":
        return q.kind == c.kind
    if q.kind == c.kind == "duration":
        return True
    if {q.kind, c.kind} <= {"count", "number"}:
        return same_unit(q.unit, c.unit)
    return False


def year_of(m: Mention) -> int | None:
    """The year a four-digit figure may be: a number between 1900 and 2100 written as four digits,
    counting nothing of a known class («ميزانية 2017», "a 1997 outbreak"). Whether it is a year or
    a count is the reader's guess, so it only ever supports a year, never contradicts one."""
    if m.kind != "number" or m.alternatives or not isinstance(m.value, int) or not 1900 <= m.value <= 2100:
        return None
    if m.unit is not None and (m.unit in _CLASSES or m.unit.isupper()):
        return None
    return m.value if m.text.strip().isdigit() and len(m.text.strip()) == 4 else None

