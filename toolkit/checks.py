"""Claims -> checks -> report: the deterministic verifier (`toolkit.verify`).

Every checkable value of the summary becomes a claim. Each claim is aligned with the
source passages about the same event (:mod:`toolkit.index`) and its value is looked up
there. A value found only in another passage is a wrong-event binding. When the
evidence is ambiguous the verdict is *unverifiable*, never *contradicted*: a false alarm
on a faithful summary costs more than a miss.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .index import Alignment, Document, SourceIndex
from .mentions import parse_published, scan_text
from .mentions.dates import parse_iso, same_date, weekday_of
from .models import Claim, Evidence, Mention, Span, VerificationReport
from .text import detect_language, norm, skeleton

ALIGNED_FLOOR = 0.2  # a passage sharing less than this of the claim's words is unrelated
CONFIDENT = 0.4  # alignment needed before a differing value counts as a contradiction
TIE = 0.8  # passages within this share of the best one are aligned too
NEAR_TIE = 0.9  # another sentence this close to the best: the claim could be about either
AMBIGUITY = 0.5  # a passage with the claimed value scoring this share of the best: no contradiction
APPROXIMATE_SPREAD = 0.25  # a loosely stated value contradicts only one off by more than this
QUOTE_ALTERED = 85.0  # fuzzy score above which a quote is the source's, changed
QUOTE_MIN_WORDS = 6  # shorter quotations resemble too many passages to call one altered
_LIST_CLASSES = {"leader", "country", "person", "minister", "party", None}
# Unit classes the language tables know (anything else is a loose noun stem).
_CLASSES = {"leader", "country", "minister", "person", "dead", "injured", "time", "call", "tourist",
            "group", "party", "%", "TND", "USD", "EUR", "GBP", "EGP", "SAR", "AED", "LBP"}


class InputError(ValueError):
    """Bad input to the verifier: empty texts, unsupported language, bad date."""


@dataclass
class _Claim:
    """What a check needs: the summary mention, its alignment and both documents."""

    m: Mention
    src: SourceIndex
    summ: Document
    ranked: list[Alignment]
    cross_lingual: bool
    keys: dict[tuple[str, ...], float] | None = None  # the claim's alignment keys

    @property
    def anchored(self) -> bool:
        """Does the best passage share a name or a country with the claim?"""
        if not self.ranked or not self.keys:
            return False
        seg = self.ranked[0].segment
        return any(k in seg.keys for g in self.keys for k in g if k[:2] in ("n:", "c:"))

    @property
    def aligned(self) -> list[Alignment]:
        if not self.ranked or self.ranked[0].score < ALIGNED_FLOOR:
            return []
        best = self.ranked[0].score
        return [a for a in self.ranked if a.score >= max(ALIGNED_FLOOR, TIE * best)]

    @property
    def confident(self) -> bool:
        return self.sure()

    def sure(self, rivals: list[Mention] = ()) -> bool:
        """Aligned well, and with one event: any passage of another sentence that matches
        the claim (nearly) as well as the best one says the same as the ``rivals`` found."""
        if not self.ranked or self.ranked[0].score < CONFIDENT:
            return False
        best = self.ranked[0]
        said = {str(r.value) for r in rivals}
        return all(any(str(x.value) in said for x in a.segment.mentions)
                   for a in self.ranked[1:]
                   if a.segment.sentence != best.segment.sentence and a.score >= NEAR_TIE * best.score)

    def aligned_mentions(self, *kinds: str) -> list[Mention]:
        return [x for a in self.aligned for x in a.segment.mentions if x.kind in kinds]

    def score_of(self, mention: Mention) -> float:
        seg = self.src.segment_at(mention._nstart)
        return next((a.score for a in self.ranked if a.segment is seg), 0.0)

    def ambiguous(self, elsewhere: list[Mention]) -> bool:
        """Does a passage holding the claimed value align almost as well as the best one?"""
        if self.cross_lingual and elsewhere and not self.anchored:
            return True  # concept words alone align languages too coarsely to pick one event
        best = self.ranked[0].score if self.ranked else 0.0
        return any(self.score_of(x) >= AMBIGUITY * best for x in elsewhere)

    def claimed_alongside(self, x: Mention) -> bool:
        """Does the summary sentence of this claim also state ``x``'s value? Then a passage
        holding ``x`` is about that other claim, and ``x`` is no rival to this one."""
        seg = self.summ.segment_at(self.m._nstart)
        a, b = self.summ.sentence_span(seg.sentence)
        for other in self.summ.scan.mentions:
            if other is self.m or not a <= other._nstart < b or other.kind != x.kind:
                continue
            if x.kind == "date" and other.value and x.value and same_date(other.value, x.value):
                return True
            if x.kind in ("number", "percent", "count", "duration") and quantities_equal(other, x):
                return True
        return False

    def sentence_mentions(self, *kinds: str) -> list[Mention]:
        sentences = {a.segment.sentence for a in self.aligned}
        return [x for seg in self.src.segments if seg.sentence in sentences
                for x in seg.mentions if x.kind in kinds]

    def passage(self) -> Evidence | None:
        if not self.aligned:
            return None
        seg = self.aligned[0].segment
        return evidence_span(self.src, seg.start, seg.end)


def evidence_of(m: Mention) -> Evidence:
    return Evidence(start=m.start, end=m.end, text=m.text)


def evidence_span(doc: Document, nstart: int, nend: int) -> Evidence:
    a, b = doc.scan.nt.to_original(nstart, nend)
    return Evidence(start=a, end=b, text=doc.scan.nt.original[a:b])


# -- value comparison --------------------------------------------------------------

def _decimals(x: float) -> int:
    text = repr(float(x))
    return 0 if float(x).is_integer() else len(text.split(".")[1])


def values_equal(a: Mention, b: Mention) -> bool:
    """Numeric equality allowing for rounding and stated approximation."""
    xs = [float(v) for v in (a.alternatives or [a.value])]
    ys = [float(v) for v in (b.alternatives or [b.value])]
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
        zeros = len(str(int(x))) - len(str(int(x)).rstrip("0"))
        if zeros >= 3 and round(y / 10**zeros) * 10**zeros == x:
            return True
    return False


BOUND_REACH = 1.5  # "more than 800" is read as up to 1 200: past that a writer says more


def _within_bound(bounded: Mention, exact: Mention) -> bool:
    """Is ``exact`` a value that the bound ``bounded`` states, within its reach?"""
    if exact.bound:  # two bounds are the same statement only when they are equal ("over 40" / "over 50")
        return False
    x, y = float(bounded.value), float(exact.value)
    if bounded.bound == "at_least":
        return x <= y <= x * BOUND_REACH if x >= 0 else y >= x
    return x / BOUND_REACH <= y <= x if x >= 0 else y <= x


def _unit_class(u: str | None) -> str | None:
    return "leader" if u == "country" else u  # "leaders of 8 countries" = 8 leaders


DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}


def in_days(m: Mention) -> Mention:
    """A duration as a count of days, so that 'أسبوعين' and '14 يوما' compare."""
    factor = DAYS.get(m.unit or "", 1)
    return m.model_copy(update={"value": float(m.value) * factor, "unit": "day",
                                "alternatives": [a * factor for a in m.alternatives] if m.alternatives else None})


def quantities_equal(q: Mention, c: Mention) -> bool:
    if q.kind == c.kind == "duration":
        return values_equal(in_days(q), in_days(c))
    return values_equal(q, c)


def _may_support(q: Mention, c: Mention) -> bool:
    """Could ``c`` be the same quantity as ``q``? Units must agree where both are known."""
    if (q.kind == "percent") != (c.kind == "percent"):
        return False
    if (q.kind == "duration") != (c.kind == "duration"):
        return q.unit is None or c.unit is None
    if q.kind == "duration":
        return True
    uq, uc = _unit_class(q.unit), _unit_class(c.unit)
    if q.kind == c.kind == "count" or (uq and uc and uq in _CLASSES and uc in _CLASSES):
        return uq == uc or uq is None or uc is None
    return True


def _lone_numbers(c: _Claim, q: Mention, rival: Mention) -> bool:
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


def _may_contradict(q: Mention, c: Mention) -> bool:
    """Same kind of quantity about the same kind of thing; a loosely stated value ("نحو",
    "a billion") only against one that is off by more than a quarter."""
    if q.unit is None or c.unit is None:
        return False
    if (q.approximate or c.approximate) and not q.alternatives and not c.alternatives:
        x, y = float(q.value), float(c.value)
        if (q.bound and _within_bound(q, c)) or (c.bound and _within_bound(c, q)):
            return False  # on the bound's side and within its reach: true, or at worst loosely put
        if q.bound or c.bound:
            return True  # "أكثر من 22 مليون" is not 500 million
        if abs(x - y) <= APPROXIMATE_SPREAD * max(abs(x), abs(y)):
            return False
    if q.kind == "percent" or c.kind == "percent":
        return q.kind == c.kind
    if q.kind == c.kind == "duration":
        return True
    if {q.kind, c.kind} <= {"count", "number"}:
        return _unit_class(q.unit) == _unit_class(c.unit)
    return False


# -- checks --------------------------------------------------------------------------

def _result(c: _Claim, verdict: str, reason: str, evidence: list[Mention | Evidence] = (), *,
            kind: str | None = None) -> Claim:
    m = c.m
    sent = c.summ.sentence_span(c.summ.segment_at(m._nstart).sentence)
    sa, sb = c.summ.scan.nt.to_original(*sent)
    ev: list[Evidence] = []
    for e in evidence:
        e = evidence_of(e) if isinstance(e, Mention) else e
        if e not in ev:
            ev.append(e)
    return Claim(text=m.text, kind=kind or m.kind, span=Span(start=m.start, end=m.end), value=m.value,
                 verdict=verdict, evidence=ev, reason=reason, sentence=Span(start=sa, end=sb),
                 passage=c.passage())


def _found_elsewhere(c: _Claim, elsewhere: list[Mention], what: str) -> Claim:
    """The value is in the source, not in the passage about this event: supported when its
    passage still relates to the claim, else unverifiable."""
    best = max(elsewhere, key=c.score_of)
    if c.score_of(best) >= ALIGNED_FLOOR:
        return _result(c, "supported", f"The source gives {what} in a related passage.", [best])
    return _result(c, "unverifiable", f"{what[0].upper()}{what[1:]} appears in the source, but in a passage "
                   "about something else.", [best])


def _fmt_date(value: str) -> str:
    year, month, day = parse_iso(value)
    if month is None:
        return str(year)
    name = _dt.date(2001, month, 1).strftime("%B")
    out = f"{day} {name}" if day else name
    return f"{out} {year}" if year else out


def _relative_phrase(doc: Document, m: Mention) -> str:
    words = doc.scan.nt.text[m._nstart:m._nend].split()
    return " ".join(w for w in words if w not in ("في", "وفي", "و"))


def _granularity(value: str) -> int:
    return len(value)


def check_date(c: _Claim) -> Claim:
    pub = c.src.scan.published
    v = as_stated(c.m, pub)
    if not v:
        phrase = _relative_phrase(c.summ, c.m)
        same = [d for d in c.aligned_mentions("date") if d.relative and _relative_phrase(c.src, d) == phrase]
        if same:
            return _result(c, "supported", "The source uses the same relative day for this event.", same[:1])
        return _result(c, "unverifiable", "The relative day has no earlier date to count from.")
    gran = _granularity(v)
    dates = [d for d in c.aligned_mentions("date") if d.value and _granularity(d.value) == gran
             and (same_date(v, as_stated(d, pub)) or not c.claimed_alongside(d))]
    match = [d for d in dates if same_date(v, as_stated(d, pub))]
    if gran == 4 and not match:  # a year is stated by any date in it ("جوان 2017" for 2017)
        match = [d for d in c.aligned_mentions("date") if d.value and d.value[:4] == v]
    if match:
        return _result(c, "supported", f"The source gives {_fmt_date(match[0].value)} for this event.", match[:1])
    nearby = [d for d in c.sentence_mentions("date") if d.value and same_date(v, as_stated(d, pub))]
    if nearby and not dates:
        return _result(c, "supported", f"The source sentence about this event gives {_fmt_date(v)}.", nearby[:1])
    elsewhere = [d for seg in c.src.segments for d in seg.mentions
                 if d.kind == "date" and d.value and _granularity(d.value) == gran and same_date(v, as_stated(d, pub))]
    if dates and c.sure(dates) and not c.ambiguous(elsewhere):
        other = f"; {_fmt_date(v)} belongs to another passage of the source" if elsewhere else ""
        return _result(c, "contradicted",
                       f"The source dates this event {_fmt_date(dates[0].value)}, not {_fmt_date(v)}{other}.",
                       dates[:1] + elsewhere[:1])
    if dates:  # the passage about this event says otherwise, but not clearly enough to contradict
        return _result(c, "unverifiable",
                       f"The passage that best matches this claim gives {_fmt_date(dates[0].value)}"
                       + (f"; {_fmt_date(v)} appears in another passage." if elsewhere else "."),
                       dates[:1] + elsewhere[:1])
    if elsewhere:
        return _found_elsewhere(c, elsewhere, _fmt_date(v))
    return _result(c, "unverifiable", f"The source gives no date for this event; {_fmt_date(v)} is not in it.")


GUESS_DAYS = 90  # a year inferred for a date further than this from publication is a guess


def guessed_year(m: Mention, published: _dt.date | None) -> bool:
    """Is the year of this date a guess? The text gives none, and the date lies far enough
    from the publication date that the previous or next year would do as well."""
    if not m.year_inferred or not m.value or len(m.value) != 10:
        return False
    return published is None or abs((_dt.date.fromisoformat(m.value) - published).days) > GUESS_DAYS


def as_stated(m: Mention, published: _dt.date | None) -> str | None:
    """A date's value as its text states it: a guessed year is no year (XXXX-MM-DD)."""
    return "XXXX" + m.value[4:] if guessed_year(m, published) else m.value


def check_weekday(c: _Claim) -> Claim:
    wd = c.m.value if c.m.kind == "weekday" else c.m.weekday
    if c.m.kind == "date" and c.m.value and not guessed_year(c.m, c.src.scan.published):  # a guess never contradicts
        actual = weekday_of(c.m.value)
        if actual and actual != wd:
            src = [d for d in c.aligned_mentions("date") if d.value and same_date(c.m.value, d.value)]
            return _result(c, "contradicted",
                           f"{_fmt_date(c.m.value)} is a {actual.title()}, not a {wd.title()}.", src[:1],
                           kind="weekday")
    stated = [w for w in c.aligned_mentions("weekday")] + [
        d for d in c.aligned_mentions("date") if d.weekday]
    for w in stated:
        name = w.value if w.kind == "weekday" else w.weekday
        if name == wd:
            return _result(c, "supported", f"The source says {wd.title()} for this event.", [w], kind="weekday")
    dated = [d for d in c.aligned_mentions("date") if d.value and weekday_of(d.value)]
    for d in dated:
        if weekday_of(d.value) == wd:
            return _result(c, "supported", f"The source's date, {_fmt_date(d.value)}, is a {wd.title()}.", [d],
                           kind="weekday")
    dated = [d for d in dated if not guessed_year(d, c.src.scan.published)]
    if (stated or dated) and c.sure(stated or dated):
        w = (stated or dated)[0]
        name = (w.value if w.kind == "weekday" else w.weekday) if stated else weekday_of(w.value)
        return _result(c, "contradicted", f"The source places this event on a {name.title()}, not a {wd.title()}.",
                       [w], kind="weekday")
    if c.m.kind == "date" and c.m.value and weekday_of(c.m.value) == wd:
        return _result(c, "supported", f"{wd.title()} agrees with the date it is written with.", [], kind="weekday")
    return _result(c, "unverifiable", "The source does not say on which weekday this happened.", kind="weekday")


def _enumeration_total(enums: list[Mention]) -> int:
    return sum(len(e.value) for e in enums)


def _list_follows_noun(c: _Claim, enum: Mention, unit: str | None) -> bool:
    """Is the source list introduced by a noun of the counted class (برؤساء بيلاروس...)?"""
    s = c.src.scan
    i = s.index_at(enum._nstart)
    w = s.word(i - 1)
    if w is None:
        return False
    for _, rest in s.lang.clitic_splits(w):
        if _unit_class(s.lang.noun_classes.get(rest)) == _unit_class(unit) and unit is not None:
            return True
    return False


def check_quantity(c: _Claim, listed_in_summary: bool = False) -> Claim:
    """``listed_in_summary``: the summary lists the counted items itself, and they agree."""
    q = c.m
    label = q.text
    kinds = ("number", "percent", "count", "duration")
    cands = [x for x in c.aligned_mentions(*kinds)]
    match = [x for x in cands if _may_support(q, x) and quantities_equal(q, x)]
    if match:
        return _result(c, "supported", "The source gives the same value for this event.", match[:1])
    enums = c.aligned_mentions("enumeration")
    if q.kind == "count" and q.unit in _LIST_CLASSES and not q.alternatives:
        for e in enums:
            if len(e.value) == q.value:
                return _result(c, "supported", f"The source lists {len(e.value)} for this event.", [e])
        if len(enums) > 1 and _enumeration_total(enums) == q.value:
            parts = " + ".join(str(len(e.value)) for e in enums)
            return _result(c, "supported", f"The source lists {parts} = {q.value} for this event.", enums)
    nearby = [x for x in c.sentence_mentions(*kinds) if _may_support(q, x) and quantities_equal(q, x)]
    if nearby:
        return _result(c, "supported", "The source sentence about this event gives the same value.", nearby[:1])
    elsewhere = [x for seg in c.src.segments for x in seg.mentions
                 if x.kind in kinds and _may_support(q, x) and quantities_equal(q, x)]
    rivals = [x for x in cands if (_may_contradict(q, x) or _lone_numbers(c, q, x))
              and not c.claimed_alongside(x)]
    if rivals and c.sure(rivals) and not c.ambiguous(elsewhere):
        other = "; that value belongs to another passage of the source" if elsewhere else ""
        return _result(c, "contradicted", f"The source gives «{rivals[0].text}» for this, not «{label}»{other}.",
                       rivals[:1] + elsewhere[:1])
    if rivals:
        return _result(c, "unverifiable", f"The passage that best matches this claim gives «{rivals[0].text}»"
                       + ("; the claimed value appears in another passage." if elsewhere else "."),
                       rivals[:1] + elsewhere[:1])
    if listed_in_summary and elsewhere:
        return _result(c, "supported", "The source gives this count, and the summary's list agrees with it.",
                       elsewhere[:1])
    if c.confident and q.kind == "count" and q.unit in _LIST_CLASSES - {None} and not q.alternatives \
            and not listed_in_summary:
        listed = [e for e in enums if _list_follows_noun(c, e, q.unit)]
        if listed and c.aligned and listed[0] in c.aligned[0].segment.mentions:
            e = listed[0]
            return _result(c, "contradicted",
                           f"The source lists {len(e.value)} ({', '.join(e.value)}), not {q.value}.", [e])
    if elsewhere:
        return _found_elsewhere(c, elsewhere, "this value")
    return _result(c, "unverifiable", "The source gives no such value for this event.")


def check_listed_count(c: _Claim, summary_enums: list[Mention]) -> Claim | bool:
    """A count in the summary followed by its own list: the two must agree.

    Returns the contradiction, True when a list follows and agrees, False when none follows."""
    q = c.m
    if q.kind != "count" or q.unit not in _LIST_CLASSES or q.alternatives:
        return False
    s = c.summ.scan
    sent = c.summ.sentence_span(c.summ.segment_at(q._nstart).sentence)
    following = [e for e in summary_enums if q._nend <= e._nstart < sent[1]]
    if not following or s.index_at(following[0]._nstart) - s.index_at(q._nend) > 6:
        return False
    stop = next((x._nstart for x in s.mentions if x.kind in ("count", "number") and x._nstart > q._nend), sent[1])
    listed = [e for e in following if e._nstart < stop]
    total = _enumeration_total(listed)
    if any(_enumeration_total(listed[:n]) == q.value for n in range(1, len(listed) + 1)):
        return True  # the count covers its own list, or that list and the ones after it (3 + 5 = 8)
    parts = " + ".join(str(len(e.value)) for e in listed)
    return _result(c, "contradicted", f"The summary says {q.value} but lists {parts}"
                   + (f" = {total}" if len(listed) > 1 else "") + " items.", [], kind="count")


def _name_matches(a: Mention, b: Mention) -> bool:
    va, vb = str(a.value), str(b.value)
    if va.startswith("country:") or vb.startswith("country:"):
        return va == vb
    wa = [w for w in va.split() if len(w) >= 3] or va.split()
    wb = vb.split()
    return all(any(_word_matches(x, y) for y in wb) for x in wa)


def _word_matches(x: str, y: str) -> bool:
    if x == y:
        return True
    sx, sy = skeleton(x), skeleton(y)
    if not sx or not sy:
        return False
    if sx == sy:
        return True
    return min(len(sx), len(sy)) >= 4 and Levenshtein.distance(sx, sy) <= 1


def _words_in_passages(c: _Claim, e: Mention) -> list[Evidence]:
    """Evidence that every word of the name stands in an aligned passage (clitics allowed)."""
    if str(e.value).startswith("country:"):
        return []
    s = c.src.scan
    found = []
    for w in [w for w in str(e.value).split() if len(w) >= 3]:
        hit = None
        for a in c.aligned:
            for t in s.toks[s.index_at(a.segment.start):s.index_at(a.segment.end)]:
                if t.kind == "word" and any(_word_matches(w, rest) for _, rest in s.lang.clitic_splits(t.text)):
                    hit = evidence_span(c.src, t.start, t.end)
                    break
            if hit:
                break
        if hit is None:
            return []
        found.append(hit)
    return found


def _source_token(c: _Claim, word: str) -> list[Evidence]:
    s = c.src.scan
    for t in s.toks:
        if t.kind == "word" and any(rest == word for _, rest in s.lang.clitic_splits(t.text)):
            return [evidence_span(c.src, t.end - len(word), t.end)]
    return []


def check_entity(c: _Claim, summary_enums: list[Mention]) -> Claim:
    e = c.m
    for lst in summary_enums:  # a list item swapped for a name the source lists elsewhere
        if lst._nstart <= e._nstart < lst._nend:
            contra = _list_swap(c, e, lst)
            if contra:
                return contra
    near = [x for x in c.aligned_mentions("entity") if _name_matches(e, x)]
    if near:
        return _result(c, "supported", "The source names them in the passage about this event.", near[:1])
    in_passage = _words_in_passages(c, e)
    if in_passage:
        return _result(c, "supported", "The passage about this event has this name.", in_passage)
    if e.role and _name_like(e):
        same_role = [x for x in c.aligned_mentions("entity")
                     if x.role and _role_key(x.role) == _role_key(e.role) and _name_like(x)]
        if same_role and c.confident:
            return _result(c, "contradicted", f"The source names the {e.role} «{same_role[0].text}».", same_role[:1])
    in_sentence = [x for x in c.sentence_mentions("entity") if _name_matches(e, x)]
    elsewhere = [x for seg in c.src.segments for x in seg.mentions if x.kind == "entity" and _name_matches(e, x)]
    if in_sentence or (elsewhere and not c.aligned):
        return _result(c, "supported", "The source names them.", (in_sentence or elsewhere)[:1])
    if elsewhere:
        best = max(elsewhere, key=c.score_of)
        return _result(c, "unverifiable", "The source names them, but not in the passage about this event.",
                       [best])
    if not str(e.value).startswith("country:"):
        words = [w for w in str(e.value).split() if len(w) >= 3]
        found = [_source_token(c, w) for w in words]
        if words and all(found):
            return _result(c, "supported", "The source contains this name.", [f[0] for f in found])
    return _result(c, "unverifiable", "The source does not mention this name.")


def _name_like(e: Mention) -> bool:
    """A first and a last name, neither shaped like an Arabic present-tense verb (يأمر،
    تدعو): headlines often put a verb where a name would follow the title."""
    words = str(e.value).split()
    return len(words) >= 2 and not any(w[0] in "يت" for w in words)


def _role_key(role: str) -> str:
    return " ".join(w[2:] if w.startswith("ال") else w for w in norm(role).split())


def _list_swap(c: _Claim, e: Mention, lst: Mention) -> Claim | None:
    """An item of a summary list missing from the matching source list was swapped in."""
    items = [x for x in c.summ.scan.mentions if x.kind == "entity" and lst._nstart <= x._nstart < lst._nend]
    for src_list in c.aligned_mentions("enumeration"):
        src_items = [x for x in c.src.scan.mentions
                     if x.kind == "entity" and src_list._nstart <= x._nstart < src_list._nend]
        if any(_name_matches(e, y) for y in src_items):
            return None
        shared = sum(1 for x in items if any(_name_matches(x, y) for y in src_items))
        if shared * 2 >= len(items) and shared >= 1 and c.confident:
            return _result(c, "contradicted",
                           f"The source lists {', '.join(src_list.value)} here; «{e.text}» is not among them.",
                           [src_list])
    return None


_FROM = {"من", "from"}
_TO = {"الى", "to", "حتى"}
_QUANTITIES = ("number", "count", "percent")


def _from_to(doc: Document, x: Mention) -> str | None:
    """'من 66 إلى 52' / 'from 66 to 52' around ``x``: the direction those figures show."""
    seg = doc.segment_at(x._nstart)
    values = [m for m in seg.mentions if m.kind in _QUANTITIES and isinstance(m.value, (int, float))]
    text = doc.scan.nt.text
    for a, b in zip(values, values[1:]):
        if x is not a and x is not b or a.value == b.value or not _may_support(a, b):
            continue
        between = " ".join(text[a._nend:b._nstart].split())
        before = text[max(0, a._nstart - 6):a._nstart].split()
        if between in _TO and before and before[-1] in _FROM:
            return "rise" if b.value > a.value else "fall"
    return None


def direction_of(doc: Document, x: Mention) -> tuple[str, Mention] | None:
    """The direction a passage gives the quantity ``x``: the nearest rise or fall word
    before it in its passage («تراجع الواردات بنسبة 6ر0»), else one right after it."""
    seg = doc.segment_at(x._nstart)
    words = [m for m in seg.mentions if m.kind == "direction"]
    before = [w for w in words if w._nend <= x._nstart]
    if before:
        return before[-1].value, before[-1]
    s = doc.scan
    after = [w for w in words if w._nstart >= x._nend and s.index_at(w._nstart) - s.index_at(x._nend) <= 3]
    if after:
        return after[0].value, after[0]
    figures = _from_to(doc, x)
    return (figures, x) if figures else None


def _governed(doc: Document, m: Mention) -> Mention | None:
    """The quantity a direction word governs: the first after it in its passage («ارتفع …
    بنسبة 5»), else the last before it."""
    seg = doc.segment_at(m._nstart)
    values = [x for x in seg.mentions if x.kind in _QUANTITIES]
    after = [x for x in values if x._nstart >= m._nend]
    before = [x for x in values if x._nend <= m._nstart]
    return after[0] if after else (before[-1] if before else None)


def check_direction(c: _Claim) -> Claim:
    """A rise or a fall, bound to the value it governs: the source's word for that same
    value decides; without a value, only the passage about the measure can support it."""
    want = c.m.value
    verb = "rose" if want == "rise" else "fell"
    q = _governed(c.summ, c.m)
    if q is not None:
        same_value = [x for x in c.src.scan.mentions if x.kind in _QUANTITIES and _may_support(q, x)
                      and quantities_equal(q, x)]
        found = [(d, x) for x in same_value if (d := direction_of(c.src, x))]
        agree = [(d, x) for d, x in found if d[0] == want]
        if agree:
            d, x = agree[0]
            return _result(c, "supported", f"The source says this {verb}, with the same figure.", [d[1], x])
        if found and len(same_value) == 1:  # one passage holds the figure: its word is decisive
            d, x = found[0]
            said = "fell" if want == "rise" else "rose"
            return _result(c, "contradicted", f"The source says this {said} (by the same figure), not that it "
                           f"{verb}.", [d[1], x] if d[1] is not x else [x])
    best = c.ranked[0].segment.mentions if c.aligned else []
    same = [w for w in best if w.kind == "direction" and w.value == want]
    if same:
        return _result(c, "supported", f"The passage about this says it {verb}.", same[:1])
    return _result(c, "unverifiable", "The source does not say, for this figure, whether it rose or fell.")


def _altered(quote: str, passage: str) -> bool:
    """The same quotation with a word or two changed: long enough to be sure it is the
    same quotation, and no more than a fifth of its words differ."""
    q, p = quote.split(), passage.split()
    if len(q) < QUOTE_MIN_WORDS:
        return False
    same = sum(1 for a, b in zip(q, p) if a == b)
    return len(q) - same <= max(1, len(q) // 5) and abs(len(q) - len(p)) <= 1


def check_quote(c: _Claim) -> Claim:
    if c.cross_lingual:
        return _result(c, "unverifiable", "A translated quote cannot be checked word for word.")
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
            return _result(c, "contradicted", "The source's words differ from this quote.", [ev])
        return _result(c, "unverifiable", "The source does not contain this quote.",
                       [evidence_span(c.src, al.dest_start, al.dest_end)] if al else [])
    return _result(c, "supported", "The source contains these exact words.", evidence)


# -- entry point -----------------------------------------------------------------------

def _check_texts(source: str, summary: str, lang: str | None) -> None:
    for name, text in (("source", source), ("summary", summary)):
        if not isinstance(text, str):
            raise InputError(f"{name} must be a string, not {type(text).__name__}")
        if not text.strip():
            raise InputError(f"{name} is empty")
    if lang is not None and lang not in ("ar", "en"):
        raise InputError(f"unsupported language {lang!r}: expected 'ar' or 'en'")


def verify(source: str, summary: str, *, published: str | _dt.date | None = None,
           lang: str | None = None) -> VerificationReport:
    """Check every date, weekday, number, count, name and quote of ``summary`` against ``source``.

    ``lang`` is the summary's language (detected when omitted); the source's language is
    always detected. ``published`` (``YYYY-MM-DD``) resolves years, weekdays and
    relative days such as «أمس».
    """
    _check_texts(source, summary, lang)
    try:
        pub = parse_published(published)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    src_lang = detect_language(source)
    summ_lang = lang or detect_language(summary)
    src = SourceIndex(scan_text(source, published=pub, lang=src_lang))
    cross = summ_lang != src_lang
    summ = Document(src.scan_summary(summary, published=pub, lang=summ_lang))
    comparable = {"n:", "c:", "x:"} if cross else None
    enums = [m for m in summ.scan.mentions if m.kind == "enumeration"]
    quotes = [m for m in summ.scan.mentions if m.kind == "quote"]

    claims: list[Claim] = []
    for m in summ.scan.mentions:
        if m.kind == "enumeration":
            continue
        if m.kind == "entity" and any(qm._nstart <= m._nstart < qm._nend for qm in quotes):
            continue  # a name inside a quote is checked with the quote
        keys = summ.claim_keys(m, comparable=comparable)
        c = _Claim(m, src, summ, src.align(keys), cross, keys)
        if m.kind == "date":
            claims.append(check_date(c))
            if m.weekday:
                claims.append(check_weekday(c))
        elif m.kind == "weekday":
            claims.append(check_weekday(c))
        elif m.kind in ("number", "percent", "count", "duration"):
            internal = check_listed_count(c, enums)
            claims.append(internal if isinstance(internal, Claim) else check_quantity(c, internal))
        elif m.kind == "entity":
            claims.append(check_entity(c, enums))
        elif m.kind == "quote":
            claims.append(check_quote(c))
        elif m.kind == "direction":
            claims.append(check_direction(c))
    counts = Counter(cl.verdict for cl in claims)
    return VerificationReport(
        claims=claims,
        counts={v: counts.get(v, 0) for v in ("supported", "contradicted", "unverifiable")},
        lang=summ_lang, source_lang=src_lang, published=pub.isoformat() if pub else None,
    )
