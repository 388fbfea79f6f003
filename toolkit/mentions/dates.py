"""Dates, weekdays and relative days.

Values are ISO strings so they compare across languages: ``2025-08-15``, or
``XXXX-08-15`` when neither the text nor a publication date gives the year.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from functools import cache
from typing import Any, cast

from hijridate import Gregorian, Hijri

from ..lang import Language
from ..models import Mention
from .numbers import _word_sequence, parse_number_words
from .scan import Scan

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # values
_PLACEHOLDER_YEAR = 2001  # arithmetic on dates with an unknown year
_PLACEHOLDER_LEAP = 2000


# -- ISO date values ---------------------------------------------------------------

def iso(year: int | None, month: int, day: int | None = None) -> str:
    y = f"{year:04d}" if year else "XXXX"
    return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")


def date_of(m: Mention) -> str:
    """A date mention's value, an ISO string (read where the value is known to be set)."""
    return cast(str, m.value)


def parse_iso(value: str) -> tuple[int | None, int | None, int | None]:
    parts = value.split("-")
    year = None if parts[0] == "XXXX" else int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    return year, month, day


def shift(value: str, days: int) -> str | None:
    year, month, day = parse_iso(value)
    if month is None or day is None:
        return None
    base_year = year or (_PLACEHOLDER_LEAP if (month, day) == (2, 29) else _PLACEHOLDER_YEAR)
    d = date(base_year, month, day) + timedelta(days=days)
    return iso(d.year if year else None, d.month, d.day)


def weekday_of(value: str) -> str | None:
    year, month, day = parse_iso(value)
    if year is None or month is None or day is None:
        return None
    return WEEKDAY_NAMES[date(year, month, day).weekday()]


def same_date(a: str, b: str) -> bool:
    """Equal where both are defined; an unknown year matches any year."""
    ya, ma, da = parse_iso(a)
    yb, mb, db = parse_iso(b)
    if ya and yb and ya != yb:
        return False
    if ma and mb and ma != mb:
        return False
    if da and db and da != db:
        return False
    return (ma is None) == (mb is None) and (da is None) == (db is None)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False


def infer_year(month: int, day: int, published: date, marker: str | None) -> int | None:
    """The year of a day-month date in an article published on ``published``.

    A date marked future (المقبل/next) lies after publication; one marked past before it;
    unmarked, news dates more than half a year ahead are taken from the previous year.
    """
    if not _valid(published.year, month, day):
        return None
    candidate = date(published.year, month, day)
    if marker == "future":
        return published.year + (1 if candidate <= published else 0)
    if marker == "past":
        return published.year - (1 if candidate > published else 0)
    if candidate - published > timedelta(days=183):
        return published.year - 1
    return published.year


# -- ordinal days (الخامس عشر، الحادي والعشرين، fifteenth) -------------------------

@cache
def ordinal_days(lang: Language) -> dict[str, int]:
    table = dict(lang.ordinal_units)
    for unit, u in lang.ordinal_units.items():
        for teen in lang.ordinal_teens:
            if u < 10:
                table[f"{unit} {teen}"] = u + 10
        for tens, t in lang.ordinal_tens.items():
            if u < 10:
                table[f"{unit} {lang.conjunction}{tens}"] = u + t  # Arabic: الحادي والعشرين
                table[f"{unit} {lang.conjunction} {tens}"] = u + t
    for tens, t in lang.ordinal_tens.items():
        table.setdefault(tens, t)
        if lang.ordinal_hyphen_compounds:  # "twenty-first"
            for unit, u in lang.ordinal_units.items():
                if u < 10:
                    table[f"{tens}-{unit}"] = t + u
    table.update(lang.day_words)  # «غرة رمضان»
    return {k: v for k, v in table.items() if 1 <= v <= 31}


# -- finders ---------------------------------------------------------------------

def _marker(s: Scan, i: int) -> str | None:
    """'future' / 'past' when a marker such as المقبل or 'next' stands next to token i."""
    for k in (i, i + 1, i - 1):
        w = s.word(k)
        if w in s.lang.future_markers:
            return "future"
        if w in s.lang.past_markers:
            return "past"
    return None


def _skip_fillers(s: Scan, j: int) -> int:
    while s.word(j) in s.lang.date_fillers or (j < len(s.toks) and s.toks[j].text == ","):
        j += 1
    return j


def _day_at(s: Scan, j: int) -> tuple[int, int] | None:
    """(day, next index) for a day number or ordinal at token j."""
    if j >= len(s.toks):
        return None
    t = s.toks[j]
    if t.kind != "word":  # a number is a day or nothing (no ordinal, no number words)
        if t.kind == "num" and t.decimals == 0 and t.text.isdigit() and 1 <= t.value <= 31:
            return int(t.value), j + (2 if s.word(j + 1) in s.lang.day_suffixes else 1)
        return None
    hit = s.phrase(j, ordinal_days(s.lang))
    if hit:
        return hit.value, hit.end
    seq = _word_sequence(s, j)  # "واحد وعشرين مايو"
    if seq:
        value = parse_number_words(seq[0], s)
        if value and value.is_integer() and 1 <= value <= 31:
            return int(value), seq[1]
    return None


def _numbered_month(s: Scan, j: int) -> tuple[int, int, str] | None:
    """A month given by its number after the noun 'month' («بداية شهر 3», «من شهر ثلاثة»): (month, next
    index, ""). Not a count of something («شهر 12 يوما»), nor «شهر واحد» (one month)."""
    lang = s.lang
    t = s.toks[j]
    if t.kind == "num":
        if t.decimals or not t.text.isdigit() or len(t.text) > 2:
            return None
        value: float | None = t.value
        end = j + 1
    else:
        seq = _word_sequence(s, j)
        if not seq or seq[2] or seq[0][0] in lang.pronoun_numbers or lang.units.get(seq[0][0]) == 1:
            return None
        value, end = parse_number_words(seq[0], s), seq[1]
    if value is None or not value.is_integer() or not 1 <= value <= 12:
        return None
    after = s.word(end)
    if after and any(lang.noun_class(r) or lang.dual_class(r) for _, r in lang.clitic_splits(after)):
        return None
    return int(value), end, ""


def _month_at(s: Scan, j: int, table, *, clitics: bool = True) -> tuple[int, int, str] | None:
    hit = s.phrase(j, table, max_words=3, clitics=clitics)
    if not hit:  # after «شهر», a month's number
        return _numbered_month(s, j) if table is s.lang.months and 0 < j < len(s.toks) \
            and not s.readings[j - 1].isdisjoint(s.lang.month_nouns) else None
    key, month, k, _ = hit
    if k < len(s.toks) and s.toks[k].text == "." and len(key) <= 4:  # "Aug."
        k += 1
    return month, k, key


@cache
def _year_nouns(lang: Language) -> frozenset[str]:
    """The words of YEAR_WORDS that are the noun 'year' («عام», «سنة», 'year'), clitics off."""
    return frozenset(r for w in lang.year_words for _, r in lang.clitic_splits(w)
                     if lang.noun_classes.get(r) == "year")


def _year_in_words(s: Scan, k: int, *, after_year_noun: bool, hijri: bool = False) -> tuple[int, int] | None:
    """A year written in words at token k («ألفين وثمانية عشر», «ألف وتسعمائة وثمانية وسبعون»): (year,
    next index). A single word («ألفين») is a year only after the noun 'year' («عام ألفين»)."""
    seq = _word_sequence(s, k)
    if not seq or seq[2] or (len(seq[0]) < 2 and not after_year_noun):
        return None
    value = parse_number_words(seq[0], s)
    lo, hi = (1300, 1600) if hijri else (1800, 2200)
    if value is None or not value.is_integer() or not lo <= value <= hi:
        return None
    return int(value), seq[1]


def _year_at(s: Scan, j: int, *, hijri: bool = False) -> tuple[int, int] | None:
    k = j
    if k < len(s.toks) and s.toks[k].text == ",":
        k += 1
    after_year_noun = False
    while s.word(k) in s.lang.year_words or s.word(k) in s.lang.of_words:
        after_year_noun = after_year_noun or not s.readings[k].isdisjoint(_year_nouns(s.lang))
        k += 1
    era = s.lang.hijri_era if hijri else s.lang.gregorian_era
    if k < len(s.toks) and s.toks[k].kind == "num" and s.toks[k].decimals == 0 and len(s.toks[k].text) == 4:
        year = int(s.toks[k].value)
        lo, hi = (1300, 1600) if hijri else (1800, 2200)
        if lo <= year <= hi:
            k += 1
            if s.word(k) in era:
                k += 1
            return year, k
    elif s.word(k) is not None and k > j:  # after a comma, 'of' or 'year': «سبتمبر ، عام ألفين»
        words = _year_in_words(s, k, after_year_noun=after_year_noun, hijri=hijri)
        if words:
            year, k = words
            if s.word(k) in era:
                k += 1
            return year, k
    return None


def _weekday_at(s: Scan, j: int) -> tuple[int, int] | None:
    k = j + 1 if s.word(j) in s.lang.weekday_prefixes else j
    hit = s.phrase(k, s.lang.weekdays, max_words=1)
    if hit:
        return hit.value, hit.end
    return None


def _num(s: Scan, k: int) -> tuple[int, int] | None:
    """(value, digit count) of an integer token at k."""
    if 0 <= k < len(s.toks) and s.toks[k].kind == "num" and s.toks[k].text.isdigit():
        return int(s.toks[k].text), len(s.toks[k].text)
    return None


def _numeric_date(s: Scan, j: int):
    """18/8/2025, 2016/02/22, 21-04-2016, 9-18-15, 4/22, 2/2013, 11/12, 2016."""
    a = _num(s, j)
    if a is None or j + 2 >= len(s.toks) or s.toks[j + 1].text not in ("/", "-"):
        return None
    sep = s.toks[j + 1].text
    b = _num(s, j + 2)
    if b is None or not s.adjacent(j, j + 1) and sep == "-":
        return None
    c = _num(s, j + 4) if j + 4 < len(s.toks) and s.toks[j + 3].text == sep else None
    if c is not None:
        (x, _), (y, _), (z, zl) = a, b, c
        year: int | None
        if a[1] == 4:  # 2016/02/22
            year, month, day = x, y, z
        else:
            year = z if zl == 4 else 2000 + z if zl == 2 else None
            day, month = (x, y) if y <= 12 else (y, x)  # day first unless impossible
        if year and 1300 <= year <= 1600 and 1 <= month <= 12 and 1 <= day <= 30:  # 15/9/1434 هـ: a Hijri date
            end = j + 5 + (s.word(j + 5) in s.lang.hijri_era)
            return end, {"year": year, "month": month, "day": day, "calendar": "hijri"}
        if year and _valid(year, month, day):
            return j + 5, {"year": year, "month": month, "day": day, "calendar": "gregorian"}
        return None
    if sep != "/":
        return None
    (x, _), (y, yl) = a, b
    if yl == 4 and 1 <= x <= 12:  # 2/2013
        return j + 3, {"year": y, "month": x, "day": None, "calendar": "gregorian"}
    found = _year_at(s, j + 3)
    if found and x <= 12 and y <= 12:  # 11/12, 2016: day first, the Arabic order
        return found[1], {"year": found[0], "month": y, "day": x, "calendar": "gregorian"}
    if max(x, y) > 12 and min(x, y) <= 12 and max(x, y) <= 31:  # 4/22, 22/04; never 1/2
        month, day = (x, y) if y > 12 else (y, x)
        end = found[1] if found else j + 3
        return end, {"year": found[0] if found else None, "month": month, "day": day, "calendar": "gregorian"}
    return None


@cache
def _noun_ordinal_words(lang: Language) -> frozenset[str]:
    return frozenset(lang.noun_ordinals)


@cache
def _hijri_month_words(lang: Language) -> frozenset[str]:
    """First words of the Hijri month names."""
    return frozenset(k.split(" ")[0] for k in lang.hijri_months)


@cache
def _same_month(lang: Language) -> dict[str, bool]:
    return lang.table("same_month")


@cache
def _weekday_nouns(lang: Language) -> dict[str, int]:
    """Weekday names, also without the article (the weekday after an ordinal: «أول جمعة»)."""
    table = dict(lang.weekdays)
    if lang.article:
        for name, wd in lang.weekdays.items():
            if name.startswith(lang.article) and len(name) - len(lang.article) >= 3:
                table.setdefault(name[len(lang.article):], wd)
    return table


def _counted_weekday(s: Scan, i: int, found: tuple[int, int] | None) -> tuple[int, dict[str, Any]] | None:
    """A weekday counted within a month at token i: «أول جمعة من رمضان», «آخر اثنين من الشهر المقبل»,
    «الثلاثاء الأخير من شهر مارس», "the first Monday of July 2025" (``found``: the weekday at i, as
    :func:`_weekday_at` gives it). (end index, fields with "nth"), or None: the month is required
    (alone, «آخر جمعة» is no date)."""
    lang = s.lang
    if found:  # «الثلاثاء الأخير»
        if s.word(found[1]) not in lang.weekday_last_words:
            return None
        nth, weekday, k = -1, found[0], found[1] + 1
    else:
        ordinal = s.phrase(i, lang.noun_ordinals, max_words=1) if lang.noun_ordinals else None
        if not ordinal:
            return None
        nth, j = ordinal.value, ordinal.end
        if s.word(j) in lang.weekday_prefixes:  # «أول يوم جمعة»
            j += 1
        wd = s.phrase(j, _weekday_nouns(lang), max_words=1)
        if not wd:
            return None
        weekday, k = wd.value, wd.end
    k = _skip_fillers(s, k)
    fields: dict[str, Any] = {"nth": nth, "weekday": weekday, "year": None, "calendar": "gregorian"}
    relative = s.phrase(k, lang.relative_months)
    if relative:  # «آخر اثنين من الشهر القادم»
        fields["month_offset"] = relative.value
        return relative.end, fields
    month = _month_at(s, k, lang.months, clitics=False)
    if not month:
        month = _month_at(s, k, lang.hijri_months, clitics=False)
        fields["calendar"] = "hijri"
    if not month:
        return None
    fields["month"], k, _ = month
    k = _double_month(s, k)
    year = _year_at(s, k, hijri=fields["calendar"] == "hijri")
    if year:
        fields["year"], k = year
    return k, fields


def _days_of_month(year: int, month: int, calendar: str) -> list[date]:
    """The Gregorian dates of every day of a month of either calendar, in order."""
    out = []
    for day in range(1, 32):
        try:
            out.append(Hijri(year, month, day).to_gregorian() if calendar == "hijri" else date(year, month, day))
        except (ValueError, OverflowError):  # past the month's end, or outside the converter's years
            break
    return out


def _nth_weekday_of(year: int, month: int, calendar: str, weekday: int, nth: int) -> date | None:
    days = [d for d in _days_of_month(year, month, calendar) if d.weekday() == weekday]
    if not days or nth > len(days):
        return None
    return days[nth - 1] if nth > 0 else days[-1]


def _counted_weekday_value(f: dict[str, Any], published: date | None, marker: str | None) -> tuple[str | None, bool]:
    """(ISO value, year inferred) of a weekday counted within a month (see :func:`_counted_weekday`)."""
    calendar, weekday, nth = f["calendar"], f["weekday"], f["nth"]
    if "month_offset" in f:
        if published is None:
            return None, False
        y, m = _add_months(published.year, published.month, f["month_offset"])
        d = _nth_weekday_of(y, m, calendar, weekday, nth)
        return (d.isoformat() if d else None), False
    if f["year"]:
        d = _nth_weekday_of(f["year"], f["month"], calendar, weekday, nth)
        return (d.isoformat() if d else None), False
    if published is None:
        return None, False
    # the year that puts the day where a news date of this marker lies (see infer_year)
    if calendar == "hijri":
        try:
            base = Gregorian(published.year, published.month, published.day).to_hijri().year
        except (ValueError, OverflowError):
            return None, False
    else:
        base = published.year
    previous, this, following = (_nth_weekday_of(y, f["month"], calendar, weekday, nth)
                                 for y in (base - 1, base, base + 1))
    if this is None:
        return None, False
    if marker == "future":
        chosen = this if this > published else following
    elif marker == "past":
        chosen = this if this <= published else previous
    else:  # unmarked: this year's, unless more than half a year ahead
        chosen = this if this - published <= timedelta(days=183) else previous
    return (chosen.isoformat() if chosen else None), True


def _explicit_date(s: Scan, i: int):
    """Parse a date starting at token i: returns (end index, fields) or None.

    A weekday may come first («الأحد 12 ماي»); then the forms are tried from the most explicit:
    all digits («12/05/2024»), the day first («12 ماي 2024»), the month first ("May 12, 2024",
    or a month alone where the words around it make it a date)."""
    lang = s.lang
    wd = _weekday_at(s, i)
    if (lang.weekday_last_words and wd) or not s.readings[i].isdisjoint(_noun_ordinal_words(lang)):
        counted = _counted_weekday(s, i, wd)
        if counted:
            return counted
    j = i
    weekday = None
    if wd:
        weekday, j = wd
        j = _skip_fillers(s, j)
    numeric = _numeric_date(s, j)
    if numeric:
        end, f = numeric
        f["weekday"] = weekday
        return end, f
    if s.word(j) in lang.day_prefixes:
        j += 1
    day_first = _day_first_date(s, j, weekday)
    if day_first:
        return day_first
    # English order: August 15, 2025
    return _month_first_date(s, i, j, weekday)


def _day_first_date(s: Scan, j: int, weekday: int | None) -> tuple[int, dict[str, Any]] | None:
    """A date whose day comes first at token j: «20 من الشهر القادم» (a day of a month relative to
    the publication), «27 ماي 2024» or a hijri month, or «يوم 27» (a day of an unnamed month, kept
    unresolved). (end index, fields), or None."""
    lang = s.lang
    day = _day_at(s, j)
    if not day:
        return None
    dval, k = day
    if k < len(s.toks) and s.toks[k].text in ("-", ".", "/") and s.word(k + 1):
        k += 1  # "28-نوفمبر", "2. أكتوبر"
    k = _skip_fillers(s, k)
    relative = s.phrase(k, lang.relative_months)
    if relative:  # "20 من الشهر القادم"
        return relative.end, {"year": None, "month": None, "day": dval, "weekday": weekday, "calendar": "gregorian",
                              "month_offset": relative.value}
    month = _month_at(s, k, lang.months, clitics=False)  # "يوم 27 ومايو": و is a conjunction
    calendar = "gregorian"
    if not month:
        month = _month_at(s, k, lang.hijri_months, clitics=False)
        calendar = "hijri"
    same = s.phrase(k, _same_month(lang)) if not month and lang.same_month else None
    if same:  # «3 من الشهر نفسه»: the month of the date given last
        return same.end, {"year": None, "month": None, "day": dval, "weekday": weekday, "calendar": "gregorian",
                          "same_month": True}
    if not month and s.word(j - 1) in lang.day_number_nouns and s.toks[j].kind == "num":
        # "يوم 27": a day of an unnamed month, kept as an unresolved date (the «من» after it is not its)
        return day[1], {"year": None, "month": None, "day": dval, "weekday": weekday, "calendar": "gregorian",
                        "month_offset": None}
    if not month:
        return None
    mval, k, _ = month
    k = _double_month(s, k)
    year = _year_at(s, k, hijri=calendar == "hijri")
    yval = None
    if year:
        yval, k = year
    return k, {"year": yval, "month": mval, "day": dval, "weekday": weekday, "calendar": calendar}


def _month_first_date(s: Scan, i: int, j: int, weekday: int | None) -> tuple[int, dict[str, Any]] | None:
    """A date whose month comes first at token j (the date's first token is i): "August 15, 2025",
    «مايو الحادي عشر», or a month alone with a year or after a word of time («بشهر أوت»), which
    makes it a date rather than a name. (end index, fields), or None."""
    lang = s.lang
    month = _month_at(s, j, lang.months)
    if not month:
        return _hijri_month_alone(s, i, j) if j < len(s.toks) \
            and not s.readings[j].isdisjoint(_hijri_month_words(lang)) else None
    mval, k, key = month
    if k < len(s.toks) and s.toks[k].text == "-" and _num(s, k + 1):
        k += 1  # "يناير-1"
    # month first is English order ("August fifteenth"); Arabic text only writes a digit or
    # an ordinal day after the month (مايو الحادي عشر)
    day = _day_at(s, k) if lang.month_then_day_words else (
        (_num(s, k) or s.phrase(k, ordinal_days(lang))) and _day_at(s, k))
    if day:
        dval, k = day
        year = _year_at(s, k)
        yval = None
        if year:
            yval, k = year
        return k, {"year": yval, "month": mval, "day": dval, "weekday": weekday, "calendar": "gregorian"}
    k = _double_month(s, k)
    year = _year_at(s, k)
    # «بشهر أوت», «منذ جانفي», «موفى جوان», "in June": a month alone, after the noun "month" or a
    # word of time that takes a year too (clitics off: «بشهر» is «شهر»)
    before = {r for _, r in lang.clitic_splits(s.word(i - 1) or "")} if s.word(i - 1) else set()
    preceded_by_month_word = bool(before & (lang.month_nouns | lang.year_prepositions | lang.year_words))
    # a month name that is an everyday word too (مارس "he practised") is the month after the noun
    # "month" («في شهر مارس») or before 'last' / 'next' («في مارس الماضي»)
    unambiguous = key not in lang.ambiguous_months or bool(before & lang.month_nouns) or (
        s.word(k) in lang.future_markers or s.word(k) in lang.past_markers)
    if year or (preceded_by_month_word and unambiguous):
        return (year[1] if year else k), {
            "year": year[0] if year else None, "month": mval, "day": None, "weekday": None, "calendar": "gregorian"
        }
    return None


def _hijri_month_alone(s: Scan, i: int, j: int) -> tuple[int, dict[str, Any]] | None:
    """A Hijri month without a day (the date's first token is i, the month's j): after the noun
    'month' («خلال شهر رمضان»), with a Hijri year («رمضان 1434») or before 'last' / 'next' («رمضان
    الماضي»), never alone: «رمضان», «رجب», «شعبان» are names too. Its Gregorian days are two months'."""
    lang = s.lang
    month = _month_at(s, j, lang.hijri_months)
    if not month:
        return None
    mval, k, _ = month
    year = _year_at(s, k, hijri=True)
    named = (i > 0 and not s.readings[i - 1].isdisjoint(lang.month_nouns)) or \
        s.word(k) in lang.future_markers or s.word(k) in lang.past_markers
    if not (year or named):
        return None
    return (year[1] if year else k), {"year": year[0] if year else None, "month": mval, "day": None,
                                      "weekday": None, "calendar": "hijri"}


def _double_month(s: Scan, k: int) -> int:
    """Skip a second name of the same month: 'آب/أغسطس', 'آب (أغسطس)'."""
    if k < len(s.toks) and s.toks[k].text in ("/", "("):
        other = _month_at(s, k + 1, s.lang.months)
        if other:
            k = other[1]
            if k < len(s.toks) and s.toks[k].text == ")":
                k += 1
    return k


@cache
def _date_openers(lang: Language) -> frozenset[str]:
    """Words that can begin a date: a weekday, an ordinal day, a month, 'يوم'."""
    tables = (lang.weekdays, ordinal_days(lang), lang.months, lang.hijri_months, lang.number_words,
              lang.noun_ordinals)
    return frozenset(k.split(" ")[0] for t in tables for k in t) | lang.weekday_prefixes | lang.day_prefixes \
        | lang.day_number_nouns


def find_dates(s: Scan) -> None:
    lang = s.lang
    i = 0
    # a date begins at a number or at a word one of whose readings can open one
    for at in sorted({*s.number_indices(), *s.starting_with(_date_openers(lang))}):
        if at < i:
            continue  # inside the date just found
        i = at
        parsed = _explicit_date(s, i)
        if not parsed:
            i += 1
            continue
        end, f = parsed
        start_tok = i
        marker = _marker(s, end)
        if marker and s.word(end) in (lang.future_markers | lang.past_markers):
            end += 1
        nstart, nend = s.toks[start_tok].start, s.toks[end - 1].end
        weekday = WEEKDAY_NAMES[f["weekday"]] if f["weekday"] is not None else None
        if "nth" in f:  # «أول جمعة من رمضان»: the day is computed
            value, inferred = _counted_weekday_value(f, s.published, marker)
            extra: dict[str, Any] = {"relative": "published"} if "month_offset" in f else {}
            if f["calendar"] == "hijri":
                extra["hijri"] = iso(f["year"], f["month"])
            s.add("date", nstart, nend, value, calendar=f["calendar"], weekday=weekday, year_inferred=inferred,
                  **extra)
        elif f["calendar"] == "hijri":
            hijri = iso(f["year"], f["month"], f["day"])
            value = None
            if f["year"] and f["day"]:
                try:
                    value = Hijri(f["year"], f["month"], f["day"]).to_gregorian().isoformat()
                except (ValueError, OverflowError):
                    value = None
            s.add("date", nstart, nend, value, calendar="hijri", hijri=hijri, weekday=weekday)
        elif "same_month" in f:
            previous = [m for m in s.mentions if m.kind == "date" and m._nend <= nstart and m.value
                        and m.calendar == "gregorian" and len(date_of(m)) >= 7 and date_of(m)[5:7].isdigit()]
            value = None
            if previous:
                year, month, _ = parse_iso(date_of(max(previous, key=lambda m: m._nstart)))
                if month and (year is None or _valid(year, month, f["day"])):
                    value = iso(year, month, f["day"])
            s.add("date", nstart, nend, value, calendar="gregorian", weekday=weekday, relative="previous")
        elif "month_offset" in f:
            value = None
            if s.published and f["month_offset"] is not None:
                y, m = _add_months(s.published.year, s.published.month, f["month_offset"])
                value = iso(y, m, f["day"]) if _valid(y, m, f["day"]) else None
            s.add("date", nstart, nend, value, calendar="gregorian", weekday=weekday, relative="published")
        else:
            year = f["year"]
            inferred = year is None and bool(f["day"]) and s.published is not None
            if inferred and s.published is not None:
                year = infer_year(f["month"], f["day"], s.published, marker)
            if f["day"] and year and not _valid(year, f["month"], f["day"]):
                i = end
                continue
            s.add("date", nstart, nend, iso(year, f["month"], f["day"]), calendar="gregorian", weekday=weekday,
                  year_inferred=inferred)
        i = end
    _find_years(s)
    _days_listed_before(s)
    _years_from_the_sentence(s)
    _find_holidays(s)
    _find_ago(s)
    _find_relative_periods(s)
    _find_weekdays(s)
    _find_relative_days(s)


def _years_from_the_sentence(s: Scan) -> None:
    """A day and month without a year take their year from a date written in full in the
    same sentence («17 ديسمبر 2017 ... يوم الأحد 10 ديسمبر»): the year that puts them nearest
    to it, not a guess from the publication date. The year is then the text's own."""
    text = s.nt.text
    full = [m for m in s.mentions if m.kind == "date" and m.value and len(date_of(m)) == 10
            and not m.year_inferred and m.calendar == "gregorian" and not m.relative]
    marks: list[int] | None = None  # where the text's sentence-end characters are (_sentence_end's)
    for m in s.mentions:
        if m.kind != "date" or not m.year_inferred or not m.value:
            continue
        marks = _sentence_marks(text) if marks is None else marks
        same = [(f._nstart, date_of(f)) for f in full
                if not _marked(marks, min(f._nend, m._nend), max(f._nstart, m._nstart))]
        same += [(t.start, t.text) for t in _list_years(s, m._nend)  # "March 24, 25 and 26, 2017": the year
                 if t.kind == "num" and len(t.text) == 4 and not t.decimals and 1900 <= t.value <= 2100  # closing
                 and t.start >= m._nend and _day_list(s.lang.conjunction).fullmatch(text, m._nend, t.start)]  # a list
        if not same:
            continue
        nearest = min(same, key=lambda f: abs(f[0] - m._nstart))[1]
        _, month, day = parse_iso(date_of(m))
        if month is None or day is None:  # never: a year is inferred for a day and a month
            continue
        if len(nearest) == 4:  # "March 24, 25 and 26, 2017": the year the sentence writes
            if _valid(int(nearest), month, day):
                m.value, m.year_inferred = iso(int(nearest), month, day), False
            continue
        anchor = date.fromisoformat(nearest)
        years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(y, month, day)]
        if years:
            year = min(years, key=lambda y: abs((date(y, month, day) - anchor).days))
            m.value, m.year_inferred = iso(year, month, day), False


def _days_listed_before(s: Scan) -> None:
    """«أيام 24 و25 و26 مارس 2017», "on 24 and 25 March", «من 19 إلى 26 سبتمبر»: every day of the
    list or range is a date of the month that closes it."""
    joins = {",", "-", s.lang.conjunction} | s.lang.range_words
    for m in [m for m in s.mentions if m.kind == "date" and m.value and len(date_of(m)) == 10]:
        k = s.index_at(m._nstart)
        if s.toks[k].kind != "num":
            continue  # the list runs up to a date that starts with its day
        while k >= 2 and s.toks[k - 2].kind == "num" and s.toks[k - 1].text in joins \
                and s.toks[k - 2].value and 1 <= s.toks[k - 2].value <= 31 and not s.toks[k - 2].decimals \
                and not s.taken(s.toks[k - 2].start, s.toks[k - 2].end):
            year, month, _ = parse_iso(date_of(m))
            day = int(s.toks[k - 2].value)
            if year is None or month is None or not _valid(year, month, day):
                break
            s.add("date", s.toks[k - 2].start, s.toks[k - 2].end, iso(year, month, day), calendar="gregorian",
                  year_inferred=m.year_inferred)
            k -= 2


@cache
def _day_list(conjunction: str) -> re.Pattern[str]:
    """Days listed with commas and the language's 'and' ("24, 25 and 26", «24 و25 و26»)."""
    return re.compile(r"[\s,]*(?:(?:\d{1,2}|" + re.escape(conjunction) + r")[\s,]*)*")


@cache
def _day_list_chars(conjunction: str) -> re.Pattern[str]:
    """What a list of days is written with: white space, commas, digits and 'and' (the language
    of :func:`_day_list`; read greedily, it reaches every end where that pattern fits)."""
    return re.compile(r"(?:[\s,\d]|" + re.escape(conjunction) + r")*")


def _list_years(s: Scan, start: int) -> list:
    """The tokens that can close a list of days running from ``start``: those starting no later
    than a list of days can reach (instead of every token of the text)."""
    gap = _day_list_chars(s.lang.conjunction).match(s.nt.text, start)  # a starred group: always matches
    reach = gap.end() if gap else start
    return s.toks[s.index_at(start):bisect_right(s.tok_starts, reach)]


def _sentence_end(text: str, a: int, b: int) -> bool:
    return any(ch in ".!?;\n" for ch in text[a:b])


_SENTENCE_MARK = re.compile(r"[.!?;\n]")


def _sentence_marks(text: str) -> list[int]:
    """Positions of the characters :func:`_sentence_end` looks for, in order."""
    return [m.start() for m in _SENTENCE_MARK.finditer(text)]


def _marked(marks: list[int], a: int, b: int) -> bool:
    """``_sentence_end(text, a, b)`` with ``marks = _sentence_marks(text)``, without reading the text."""
    k = bisect_left(marks, a)
    return k < len(marks) and marks[k] < b


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + offset
    return n // 12, n % 12 + 1


def _shift_date(d: date, n: float, unit: str) -> date | None:
    if unit in ("month", "year"):
        y, m = _add_months(d.year, d.month, int(n * (12 if unit == "year" else 1)))
        for day in (d.day, 30, 29, 28):
            if _valid(y, m, day):
                return date(y, m, day)
    days = {"day": 1, "week": 7}.get(unit)
    return d + timedelta(days=n * days) if days else None


def _day_of_holiday(s: Scan, i: int) -> tuple[int, int] | None:
    """(n, where the ordinal starts in the normalised text) where «ثاني أيام» / 'the second day of' stands before the holiday at
    token i: the holiday's n-th day. Only days counted from its first (not 'last': holidays last
    differently long)."""
    lang = s.lang
    k = i - 1
    while k > 0 and s.word(k) in lang.of_words:  # 'the second day of Eid'
        k -= 1
    if k < 1 or s.word(k) is None or not any(lang.noun_classes.get(r) == "day" for r in s.readings[k]):
        return None
    ordinal = s.phrase(k - 1, lang.noun_ordinals, max_words=1)
    if not ordinal or ordinal.end != k or ordinal.value < 1:
        return None
    return ordinal.value, s.toks[k - 1].start + ordinal.prefix


def _find_holidays(s: Scan) -> None:
    for i, hit in list(s.matches(s.lang.holidays)):
        calendar, month, day = hit.value
        start = s.toks[i].start + hit.prefix
        nth = _day_of_holiday(s, i) if s.lang.noun_ordinals else None
        if nth and not s.taken(nth[1], start):  # «ثاني أيام عيد الأضحى»: its second day
            start = nth[1]
        end = hit.end
        year = _year_at(s, end)
        yval: int | None
        if year:
            yval, end = year
        else:
            yval = s.published.year if s.published else None
        value = None
        if calendar == "movable":  # Easter: its day moves, and the churches keep it on different days
            calendar = "gregorian"
        elif yval and calendar == "gregorian":
            value = iso(yval, month, day)
        elif yval:  # the Hijri holiday that falls in that Gregorian year
            for h in range(yval - 579, yval - 577):
                try:
                    g = Hijri(h, month, day).to_gregorian()
                except (ValueError, OverflowError):  # outside the converter's years (1343-1500 AH)
                    break  # a holiday of an unknown day: found, not dated
                if g.year == yval:
                    value = g.isoformat()
                    break
        if nth and start < s.toks[i].start and value:
            value = shift(value, nth[0] - 1)
        s.add("date", start, s.toks[end - 1].end, value, calendar=calendar)


def _duration_at(s: Scan, j: int) -> tuple[float | None, str, int] | None:
    """(amount, unit, next index) of 'يومين', 'ثلاثة أشهر', '2 weeks', 'شهر'."""
    lang = s.lang
    w = s.word(j)
    if w is not None and not s.readings[j].isdisjoint(lang.month_nouns) and (
            _month_at(s, j + 1, lang.months) or _month_at(s, j + 1, lang.hijri_months)):
        return None  # «قبل شهر رمضان»: before the month of Ramadan, not a month ago
    if w is not None:
        for _, rest in lang.clitic_splits(w):
            cls = lang.dual_class(rest)
            if cls in lang.duration_classes:
                return 2, cls, j + 1
            cls = lang.noun_classes.get(rest)
            if cls in lang.duration_classes:  # «قبل أيام»: some days, not one
                return (None if rest in lang.vague_plurals else 1), cls, j + 1
    if w in lang.vague_amounts:  # "قبل بضعة أشهر": a date, but not a computable one
        noun = s.word(j + 1)
        if noun and lang.noun_classes.get(noun) in lang.duration_classes:
            return None, lang.noun_classes[noun], j + 2
    amount: float | None = None
    k = j
    n = _num(s, j)
    if n:
        amount, k = n[0], j + 1
    else:
        seq = _word_sequence(s, j)
        if seq:
            amount, k = parse_number_words(seq[0], s), seq[1]
    if amount is None:
        return None
    noun = s.word(k)
    cls = lang.noun_classes.get(noun) if noun else None
    if cls in lang.duration_classes:
        return amount, cls, k + 1
    return None


@cache
def _ago_or_from_now(lang: Language) -> frozenset[str]:
    return lang.ago_words | frozenset(lang.from_now)


def _find_ago(s: Scan) -> None:
    """'قبل يومين' (two days ago), 'بعد أسبوعين من الآن' (in two weeks): dates, not durations."""
    lang = s.lang
    for i in s.starting_with(_ago_or_from_now(lang)):
        w = next((r for r in s.readings[i] if r in lang.ago_words or r in lang.from_now), None)
        if w is None:
            continue
        sign = -1 if w in lang.ago_words else 1
        dur = _duration_at(s, i + 1)
        if not dur:
            continue
        amount, unit, end = dur
        if sign > 0:  # "بعد أسبوعين" alone counts from an event the text names: a duration
            tail = s.phrase(end, lang.table("from_now_tails"), clitics=False)
            if not tail:
                continue
            end = tail.end
        elif s.word(end) in lang.relative_to_event_words:
            continue  # "قبل يومين من القمة" counts from another event
        if s.taken(s.toks[i].start, s.toks[end - 1].end):
            continue
        value = None
        if s.published and amount is not None:
            d = _shift_date(s.published, sign * amount, unit)
            value = d.isoformat() if d else None
        s.add("date", s.toks[i].start, s.toks[end - 1].end, value, calendar="gregorian", relative="published")


def _find_relative_periods(s: Scan) -> None:
    """'الشهر الماضي', 'العام المقبل': a month or a year counted from publication."""
    for table, unit in ((s.lang.relative_months, "month"), (s.lang.relative_years, "year")):
        for i, hit in s.matches(table):
            value = None
            if s.published:
                if unit == "year":
                    value = f"{s.published.year + hit.value:04d}"
                else:
                    y, m = _add_months(s.published.year, s.published.month, hit.value)
                    value = iso(y, m)
            s.add("date", s.toks[i].start + hit.prefix, s.toks[hit.end - 1].end, value, calendar="gregorian",
                  relative="published")


@cache
def _year_cues(lang: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The words after a Hijri year (its era marks), and those with the words that may open a year in
    words (the noun 'year'), for one pass over the text."""
    era = frozenset(lang.hijri_era)
    return era, era | _year_nouns(lang)


def _find_years(s: Scan) -> None:
    """'عام 2016', 'في 2016', 'in 2016', «عام ألفين وثمانية عشر», «عام 1445 هـ»: a year on its own;
    'a 1997 outbreak' too (an article of one before the figure: it cannot count 1997 things)."""
    era, cues = _year_cues(s.lang)
    for k in s.starting_with(cues):
        if s.readings[k].isdisjoint(era):  # «عام ألفين وثمانية عشر»
            if s.word(k + 1) is None or s.taken(s.toks[k].start, s.toks[k + 1].end):
                continue
            if s.lang.article and cast(str, s.word(k)).startswith(s.lang.article):
                continue  # «العام» is also the adjective 'general' («الأمين العام»)
            words = _year_in_words(s, k + 1, after_year_noun=True)
            if words:
                s.add("date", s.toks[k].start, s.toks[words[1] - 1].end, f"{words[0]:04d}", calendar="gregorian")
            continue
        i, t = k - 1, s.toks[k - 1]  # «1445 هـ»: a Hijri year, told by its era mark; no Gregorian value
        if k > 0 and t.kind == "num" and len(t.text) == 4 and not t.decimals and 1300 <= t.value <= 1600 \
                and not s.taken(t.start, s.toks[k].end):
            start = s.toks[i - 1].start if i > 0 and not s.readings[i - 1].isdisjoint(_year_nouns(s.lang)) else t.start
            s.add("date", start, s.toks[k].end, None, calendar="hijri", hijri=f"{int(t.value):04d}")
    for i in s.number_indices():  # the number tokens only, not every token
        t = s.toks[i]
        if t.decimals or len(t.text) != 4 or not 1800 <= t.value <= 2200:
            continue
        if s.taken(t.start, t.end):
            continue
        prev = s.word(i - 1)
        if prev is None:
            continue
        stripped = {r for _, r in s.lang.clitic_splits(prev)}
        if stripped & (s.lang.year_words | s.lang.year_prepositions | s.lang.year_articles):
            start = s.toks[i - 1].start if prev in s.lang.year_words or stripped & s.lang.year_words else t.start
            s.add("date", start, t.end, f"{int(t.value):04d}", calendar="gregorian")


def _find_weekdays(s: Scan) -> None:
    for i, hit in s.matches(s.lang.weekdays, max_words=1):
        t = s.toks[i]
        wd = hit.value
        start = s.toks[i - 1].start if s.word(i - 1) in s.lang.weekday_prefixes else t.start
        resolved = None
        if s.published:
            marker = _marker(s, i + 1)
            delta = (s.published.weekday() - wd) % 7
            d = s.published - timedelta(days=delta)
            if marker == "future":
                d = s.published + timedelta(days=(wd - s.published.weekday()) % 7 or 7)
            elif marker == "past" and delta == 0:
                d -= timedelta(days=7)
            resolved = d.isoformat()
        s.add("weekday", start, t.end, WEEKDAY_NAMES[wd], date=resolved)


def _find_relative_days(s: Scan) -> None:
    for i, (_, (anchor, offset), end, _) in list(s.matches(s.lang.relative_days)):
        if s.phrase(end, ordinal_days(s.lang)) and s.adjacent(end - 1, end):
            continue  # «في اليوم الثاني من الزيارة»: the second day of the visit, not today
        nstart, nend = s.toks[i].start, s.toks[end - 1].end
        if anchor == "published":  # unresolved without a publication date, but still a date
            value = (s.published + timedelta(days=offset)).isoformat() if s.published else None
        else:
            previous = [m for m in s.mentions if m.kind == "date" and m._nend <= nstart
                        and m.value and len(date_of(m)) == 10]
            # Unresolved, it is still a claim: the source may say "the next day" too.
            value = shift(date_of(max(previous, key=lambda m: m._nstart)), offset) if previous else None
        s.add("date", nstart, nend, value, calendar="gregorian", relative=anchor)
