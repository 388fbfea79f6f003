"""Dates and weekdays: the date the source gives the same event, a weekday against the
source's weekday or date, a guessed year never contradicting."""

from __future__ import annotations

import datetime as _dt
from typing import cast

from ..index import Document
from ..mentions.dates import parse_iso, same_date, weekday_of
from ..models import Claim, Mention
from .binding import (
    bound_elsewhere,
    found_elsewhere,
    frame_rival,
    frames_agree,
    frames_decide,
)
from .context import ALIGNED_FLOOR, ClaimContext, result
from .frames import range_partners
from .typed import DateValue, granularity_of
from .values import year_of


def fmt_date(value: str) -> str:
    year, month, day = parse_iso(value)
    if month is None:
        return str(year)
    name = _dt.date(2001, month, 1).strftime("%B")
    out = f"{day} {name}" if day else name
    return f"{out} {year}" if year else out


def _relative_phrase(doc: Document, m: Mention) -> str:
    """A relative day's words, less the fillers of its language («في اليوم التالي» is «اليوم التالي»)."""
    words = doc.scan.nt.text[m._nstart:m._nend].split()
    return " ".join(w for w in words if w not in doc.scan.lang.relative_day_fillers)


def _year_unwritten(c: ClaimContext, v: str) -> str:
    """A summary date whose year its words do not write ("a decision dated April 10"), taken from
    another date of its sentence by nearness: where the source gives that very day and month in
    the year next to it, the year was a guess, and the claim states the day and month only."""
    if len(v) != 10 or v.startswith("XXXX") or v[:4] in c.summ.scan.nt.text[c.m._nstart:c.m._nend]:
        return v
    year = int(v[:4])
    if any(d.kind == "date" and d.value and len(d.value) == 10 and d.value[4:] == v[4:]
           and abs(int(d.value[:4]) - year) == 1 for d in c.src.scan.mentions):
        return "XXXX" + v[4:]
    return v


def check_date(c: ClaimContext) -> Claim:
    pub = c.src.scan.published
    v = as_stated(c.m, pub)
    v = _year_unwritten(c, v) if v else v
    if not v:
        phrase = _relative_phrase(c.summ, c.m)
        same = [d for d in c.aligned_mentions("date") if d.relative and _relative_phrase(c.src, d) == phrase]
        if same:
            return result(c, "supported", "The source uses the same relative day for this event.", same[:1])
        return result(c, "unverifiable", "The relative day has no earlier date to count from.")
    gran = granularity_of(v)
    dates = [d for d in c.aligned_mentions("date") if d.value and granularity_of(d.value) == gran
             and (same_date(v, _stated(d, pub)) or not c.claimed_alongside(d))]
    match = [d for d in dates if same_date(v, _stated(d, pub))]
    if gran == "year" and not match:  # a year is stated by any date in it ("جوان 2017" for 2017)
        match = [d for d in c.aligned_mentions("date") if d.value and d.value[:4] == v]
    if gran == "year" and not match:  # ...or by the same four digits the source does not read as a date
        match = [x for x in c.sentence_mentions("number") if str(year_of(x)) == v]
    exact = [d for d in match if d.kind == "date" and d.value and len(d.value) == 10]
    if exact and len(v) == 10:  # the day the source gives another event of this passage
        rival = bound_elsewhere(c, exact, [d for d in dates if not same_date(v, _stated(d, pub))
                                           and not d.relative and not guessed_year(d, pub)])
        if rival is not None:
            theirs, ours = rival
            return result(c, "contradicted", f"The source dates what this claim describes {fmt_date(theirs.value)}; "
                          f"{fmt_date(ours.value)} is its date for something else.", [theirs, ours])
    other_end = _other_end(c, v, pub)
    if match and other_end is not None and len(v) == 10:
        # "from June 19 to August 18" where the source's span from 19 June ends on 10 August, and its
        # 18 August ends another span
        start, end = other_end
        return result(c, "contradicted", f"The source's span from {fmt_date(_stated(start, pub))} runs to "
                      f"{fmt_date(_stated(end, pub))}, not to {fmt_date(v)}.", [end, start])
    if match:
        return result(c, "supported", f"The source gives {fmt_date(v if match[0].kind == 'number' else match[0].value)} "
                      "for this event.", match[:1])
    named = _named_day(c, v) if not dates else None  # a date the passage states outweighs an inferred one
    if named is not None:  # «يوم الثلاثاء 20 ديسمبر» where the source says «الثلاثاء» of that week
        return result(c, "supported", f"The source's «{named.text}» is {fmt_date(v)}.", [named])
    nearby = [d for d in c.sentence_mentions("date") if d.value and same_date(v, _stated(d, pub))]
    if nearby and not dates:
        return result(c, "supported", f"The source sentence about this event gives {fmt_date(v)}.", nearby[:1])
    elsewhere = [d for seg in c.src.segments for d in seg.mentions
                 if d.kind == "date" and d.value and granularity_of(d.value) == gran and same_date(v, _stated(d, pub))]
    if dates and c.sure(dates) and (not c.ambiguous(elsewhere) or frames_decide(c, dates[0], elsewhere)):
        note = f"; {fmt_date(v)} belongs to another passage of the source" if elsewhere else ""
        return result(c, "contradicted",
                       f"The source dates this event {fmt_date(dates[0].value)}, not {fmt_date(v)}{note}.",
                       dates[:1] + elsewhere[:1])
    if other_end is not None and not elsewhere:  # «من 4 إلى 7 جانفي» where the source's «من 4 إلى 6 جانفي»
        start, end = other_end
        return result(c, "contradicted", f"The source's range from {fmt_date(_stated(start, pub))} runs to "
                      f"{fmt_date(_stated(end, pub))}, not to {fmt_date(v)}.", [end, start])
    others = [d for seg in c.src.segments for d in seg.mentions if d.kind == "date" and d.value
              and granularity_of(d.value) == gran and not d.relative and not same_date(v, _stated(d, pub))]
    misstated = frame_rival(c, others, lambda a, b: same_date(a.value, b.value)) if not elsewhere else None
    if misstated is not None:  # the date is nowhere in the source; the event's own date is another
        return result(c, "contradicted", f"The source dates what this claim describes {fmt_date(misstated.value)}, "
                      f"not {fmt_date(v)}; {fmt_date(v)} is nowhere in the source.", [misstated])
    if dates:  # the passage about this event says otherwise, but not clearly enough to contradict
        return result(c, "unverifiable",
                       f"The passage that best matches this claim gives {fmt_date(dates[0].value)}"
                       + (f"; {fmt_date(v)} appears in another passage." if elsewhere else "."),
                       dates[:1] + elsewhere[:1])
    if elsewhere:
        rival = _sentence_rival(c, max(elsewhere, key=c.score_of), v, pub)
        if rival is not None:
            return result(c, "unverifiable", f"The source's sentence with {fmt_date(v)} also dates something "
                          f"{fmt_date(rival[1].value)}; which of the two this claim describes is unclear.", list(rival))
        return found_elsewhere(c, elsewhere, fmt_date(v))
    return result(c, "unverifiable", f"The source gives no date for this event; {fmt_date(v)} is not in it.")


def _sentence_rival(c: ClaimContext, found: Mention, v: str, pub: _dt.date | None) -> tuple[Mention, Mention] | None:
    """Outside the aligned passage, the claimed date's sentence gives another date of its precision
    whose words match the claim's at least as well («انطلقت الاستعدادات منذ شهر جانفي لفائدة الموسم
    ... الذي ينطلق عادة منذ شهر جوان»): then the claim may take either, and the sentence supports
    neither. Returns (the claimed date's mention, that other date)."""
    a, b = c.src.sentence_span(c.src.segment_at(found._nstart).sentence)
    own = c.frame_share(found)
    for d in c.src.scan.mentions:
        if d.kind == "date" and a <= d._nstart < b and d.value and not d.relative \
                and granularity_of(d.value) == granularity_of(v) and not same_date(v, _stated(d, pub)) \
                and not c.claimed_alongside(d) and c.frame_share(d) >= max(own, 1e-9):
            return found, d
    return None


def _other_end(c: ClaimContext, v: str, pub: _dt.date | None) -> tuple[Mention, Mention] | None:
    """The claim is one end of a range whose other end the source states as the end of its own
    range, with another date at this end, and as the end of no range with this date: (the shared
    end, the source's end for this one)."""
    partners = [p for p in range_partners(c.summ, c.m) if p.kind == "date" and p.value]
    found = []
    for p in partners:
        for start in (d for d in c.src.scan.mentions if d.kind == "date" and d.value
                      and same_date(_stated(d, pub), as_stated(p, pub) or "")):
            ends = [e for e in range_partners(c.src, start) if e.kind == "date" and e.value
                    and len(e.value) == len(v) and (e._nstart > start._nstart) == (c.m._nstart > p._nstart)]
            if len(ends) != 1:
                continue
            if same_date(_stated(ends[0], pub), v):
                return None
            found.append((start, ends[0]))
    return found[0] if found else None


def _named_day(c: ClaimContext, v: str) -> Mention | None:
    """A weekday of the aligned passage that the publication date puts on the claimed day.

    Only support is drawn from it: the day a bare weekday names is an inference, so a weekday
    resolved to another date never contradicts."""
    if len(v) != 10 or v.startswith("XXXX"):
        return None
    return next((w for w in c.aligned_mentions("weekday") if w.date == v), None)


def guessed_year(m: Mention, published: _dt.date | None) -> bool:
    """Is the year of this date a guess? The text gives none, and the date lies far enough
    from the publication date that the previous or next year would do as well."""
    typed = DateValue.of(m, published)
    return typed is not None and typed.guessed


def as_stated(m: Mention, published: _dt.date | None) -> str | None:
    """A date's value as its text states it: a guessed year is no year (XXXX-MM-DD)."""
    typed = DateValue.of(m, published)
    return typed.iso if typed is not None else None


def _stated(d: Mention, published: _dt.date | None) -> str:
    """:func:`as_stated` for a source date that has a value."""
    return cast(str, as_stated(d, published))


def _day_of(m: Mention) -> str | None:
    """The weekday a mention states or implies."""
    return m.value if m.kind == "weekday" else (m.weekday or weekday_of(m.value))


def check_weekday(c: ClaimContext) -> Claim:
    wd = cast(str, c.m.value if c.m.kind == "weekday" else c.m.weekday)  # a weekday, or a date written with one
    if c.m.kind == "date" and c.m.value and not guessed_year(c.m, c.src.scan.published):  # a guess never contradicts
        actual = weekday_of(c.m.value)
        if actual and actual != wd:
            src = [d for d in c.aligned_mentions("date") if d.value and same_date(c.m.value, d.value)]
            return result(c, "contradicted",
                           f"{fmt_date(c.m.value)} is a {actual.title()}, not a {wd.title()}.", src[:1],
                           kind="weekday")
    # A claim's weekday that agrees with its own date is compared only with what the source says of
    # that date: a source date of another day ("Monday 19 June" beside "Saturday, August 19") names
    # another day, and the date's own check says whether the claim has the right one.
    own = c.m.value if c.m.kind == "date" and c.m.value and weekday_of(c.m.value) == wd else None

    def same_day(d: Mention) -> bool:
        return own is None or same_date(own, d.value or "")

    stated = [w for w in c.aligned_mentions("weekday")] + [
        d for d in c.aligned_mentions("date") if d.weekday and same_day(d)]
    for w in stated:
        name = w.value if w.kind == "weekday" else w.weekday
        if name == wd:
            return result(c, "supported", f"The source says {wd.title()} for this event.", [w], kind="weekday")
    dated = [d for d in c.aligned_mentions("date") if d.value and weekday_of(d.value)]
    for d in dated:
        if weekday_of(d.value) == wd:
            return result(c, "supported", f"The source's date, {fmt_date(d.value)}, is a {wd.title()}.", [d],
                           kind="weekday")
    dated = [d for d in dated if not guessed_year(d, c.src.scan.published) and same_day(d)]
    if (stated or dated) and c.sure(stated or dated):
        w = (stated or dated)[0]
        name = cast(str, (w.value if w.kind == "weekday" else w.weekday) if stated else weekday_of(w.value))
        return result(c, "contradicted", f"The source places this event on a {name.title()}, not a {wd.title()}.",
                       [w], kind="weekday")
    if c.m.kind == "date" and c.m.value and weekday_of(c.m.value) == wd:
        return result(c, "supported", f"{wd.title()} agrees with the date it is written with.", [], kind="weekday")
    pub = c.src.scan.published
    said = [w for w in c.src.scan.mentions if w.kind == "weekday" or (w.kind == "date" and w.weekday)] + [
        d for d in c.src.scan.mentions if d.kind == "date" and d.value and not d.weekday and weekday_of(d.value)
        and not guessed_year(d, pub)]
    rival = frame_rival(c, said, lambda a, b: _day_of(a) == _day_of(b))  # the event's own passage states its day
    if rival is not None:
        name = cast(str, _day_of(rival))  # every mention in ``said`` states or implies a day
        if name == wd:
            return result(c, "supported", f"The source says {wd.title()} for what this claim describes.", [rival],
                          kind="weekday")
        return result(c, "contradicted", f"The source places what this claim describes on a {name.title()}, "
                      f"not a {wd.title()}.", [rival], kind="weekday")
    naming_it = [w for w in said if _day_of(w) == wd]
    if naming_it:  # the source names this day in a passage that still relates to the claim
        best = max(naming_it, key=c.score_of)
        if c.score_of(best) >= ALIGNED_FLOOR and (not c.cross_lingual or c.anchored or frames_agree(c, best)):
            return result(c, "supported", f"The source says {wd.title()} in a related passage.", [best],
                          kind="weekday")
    return result(c, "unverifiable", "The source does not say on which weekday this happened.", kind="weekday")


