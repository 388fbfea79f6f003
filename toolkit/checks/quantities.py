"""Numbers, percentages, counts and durations: the value the source gives this event,
a count against a list (the source's, or the summary's own)."""

from __future__ import annotations

from ..models import Claim, Evidence, Mention
from .binding import (
    bound_elsewhere,
    favoured_elsewhere,
    figure_beside_anchor,
    found_elsewhere,
    frame_rival,
    frames_agree,
    frames_decide,
    misbound_elsewhere,
    period_rival,
)
from .context import ClaimContext, evidence_span, result
from .values import (
    lone_numbers,
    may_contradict,
    may_support,
    quantities_equal,
    series_of,
    unit_class,
    year_of,
)

# What a list of names counts: people, countries, parties and organisations, places.
_LIST_CLASSES = {"leader", "country", "person", "minister", "mp", "candidate", "party", "organisation",
                 "governorate", None}


# Lists whose items are found whole (countries by CLDR, people by title or given name): only
# these are counted against a stated number; organisation names are too often found in part.
_SURE_ITEMS = {"country", "person", "name"}


def _enumeration_total(enums: list[Mention]) -> int:
    return sum(len(e.value) for e in enums)


def _list_follows_noun(c: ClaimContext, enum: Mention, unit: str | None) -> bool:
    """Is the source list introduced by a noun of the counted class (برؤساء بيلاروس...)?"""
    s = c.src.scan
    i = s.index_at(enum._nstart)
    w = s.word(i - 1)
    if w is None:
        return False
    for _, rest in s.lang.clitic_splits(w):
        if unit_class(s.lang.noun_classes.get(rest)) == unit_class(unit) and unit is not None:
            return True
    return False


STRONG = 0.5  # across languages, alignment at which a passage's only figure of the claim's kind is its figure


def _sole_rival(c: ClaimContext, rivals: list[Mention], elsewhere: list[Mention]) -> bool:
    """Across languages, with no name to anchor it: the claim's value is nowhere in the source, and
    the passage it aligns with strongly gives one figure of its kind and class, in no other passage
    near it ("three weeks" against «باسبوعين»). Unit-less and loosely counted numbers never qualify:
    across languages their nouns cannot be compared."""
    q = c.m
    if elsewhere or len({str(r.value) for r in rivals}) != 1 or q.kind not in ("duration", "percent", "count"):
        return False
    if q.kind == "count" and unit_class(q.unit) not in _LIST_CLASSES - {None}:
        return False
    best = c.ranked[0]
    return best.score >= STRONG and all(r in best.segment.mentions for r in rivals) and len(c.aligned) == 1


def _listed_after_noun(c: ClaimContext) -> tuple[int, Evidence] | None:
    """(items, the noun) of a list the aligned passage writes right after the counted noun, its items
    joined by «و» up to the clause's end: «قطاعات الصحة والبنية التحتية والتعليم والصناعة» (4),
    «رؤساء أحزاب الجمهوري والنهضة ونداء تونس وافاق تونس والمبادرة» (5). Items are not recognised
    one by one, so such a count only ever supports."""
    q, s = c.m, c.src.scan
    lang = s.lang
    for a in c.aligned[:1]:
        seg = a.segment
        first, stop = s.index_at(seg.start), s.index_at(seg.end)
        for i in range(first, stop - 1):
            w = s.word(i)
            if w is None or not _counts_as(lang, w, q.unit):
                continue
            items, k = 1, i + 1
            while k < stop and (nxt := s.word(k)) is not None and nxt not in lang.stopwords:
                if k > i + 1 and nxt.startswith(lang.conjunction) and len(nxt) > len(lang.conjunction) + 1:
                    items += 1
                k += 1
            if k > i + 1 and items >= 2:
                return items, evidence_span(c.src, s.toks[i].start, s.toks[k - 1].end)
    return None


HEADED_ITEM_WORDS = 4  # words an item may have after its head noun («وحزب العمل الوطني الديمقراطي»)


def _headed_list(c: ClaimContext) -> tuple[int, Evidence] | None:
    """(items, the list) of the one list in the aligned passage whose every item repeats the
    counted noun as its head, joined by «و» and closed by the clause's end: «حزب العمل وحزب الغد
    وحزب الطريق والحزب الاشتراكي» (4). The repeated head marks each item, so the count is sure;
    a list that goes on with an item of another head («وحركة الشعب») is not counted. Hand-written:
    no library segments Arabic coordinated noun phrases."""
    q, s = c.m, c.src.scan
    lang = s.lang
    if not c.aligned or not lang.clitic_prefixes:
        return None
    seg = c.aligned[0].segment
    first, stop = s.index_at(seg.start), s.index_at(seg.end)

    def head(i: int) -> tuple[str, str] | None:
        """(prefix, noun) when word i is the counted noun, with its clitics split off."""
        w = s.word(i)
        if w is None:
            return None
        return next(((p, rest) for p, rest in lang.clitic_splits(w) if lang.noun_class(rest) == q.unit), None)

    found: list[tuple[int, Evidence]] = []
    i = first
    while i < stop:
        h = head(i)
        if h is None or h[0].startswith(lang.conjunction):  # «وحزب …» goes on a list, it opens none
            i += 1
            continue
        items, k, last = 1, i + 1, i
        while k < stop and (word := s.word(k)) is not None and k - last <= HEADED_ITEM_WORDS:
            nxt = head(k)
            if nxt is not None and nxt[1] == h[1] and nxt[0].startswith(lang.conjunction):
                items, last = items + 1, k
            elif word.startswith(lang.conjunction) and k > last + 1:
                break  # another item, not headed by the noun: the list is not counted whole
            k += 1
        closed = k >= stop or s.word(k) is None  # a clause mark or the passage's end
        if items >= 2 and closed and k - last <= HEADED_ITEM_WORDS + 1 and not _opens_partial_list(s, i):
            found.append((items, evidence_span(c.src, s.toks[i].start, s.toks[k - 1].end)))
        i = k
    return found[0] if len(found) == 1 else None


PARTIAL_REACH = 3  # words before a list in which 'including', «من بينها» make it partial


def _opens_partial_list(s, i: int) -> bool:
    """Is the list at token i introduced as a part of something ('including', «من بينها»)?"""
    words = [w for k in range(max(0, i - PARTIAL_REACH), i) if (w := s.word(k)) is not None]
    text = " ".join(words)
    return any(text == p or text.endswith(" " + p) or p in words for p in s.lang.partial_list_words)


def _counts_as(lang, word: str, unit: str | None) -> bool:
    """Is ``word`` a noun of the class or stem ``unit`` («أحزاب» for party, «قطاعات» for قطاع)?"""
    if unit is None:
        return False
    for _, rest in lang.clitic_splits(word):
        if lang.noun_class(rest) == unit or lang.dual_class(rest) == unit:
            return True
    return lang.stem(word) == unit


def _unanimous(c: ClaimContext, rivals: list[Mention]) -> bool:
    """A count of parties, countries, ministers… that the source states more than once, always
    with the same figure, and in the passage the claim aligns with: that figure is the count,
    even where the alignment is too loose to be sure of one event («5 أحزاب» … «الأحزاب الخمسة»)."""
    q = c.m
    cls = unit_class(q.unit)
    if q.kind != "count" or cls not in _LIST_CLASSES - {None} or q.alternatives or not c.aligned:
        return False
    stated = [x for x in c.src.scan.mentions if x.kind == "count" and unit_class(x.unit) == cls]
    return len(stated) >= 2 and len({x.value for x in stated}) == 1 and stated[0].value == rivals[0].value \
        and any(x in c.aligned[0].segment.mentions for x in stated)


def _check_series(c: ClaimContext) -> Claim:
    """A series number ("SARS-CoV-2", «اس-300») names one thing, like a name: anywhere in the source
    the same series with the same number supports it; the series named only with other numbers
    contradicts it."""
    q = c.m
    series = [x for x in c.src.scan.mentions if x.kind == q.kind and x.unit == q.unit]
    same = [x for x in series if x.value == q.value]
    if same:
        return result(c, "supported", f"The source names «{same[0].text}».", same[:1])
    if series:
        return result(c, "contradicted", f"The source names «{series[0].text}», never «{q.text}».", series[:1])
    return result(c, "unverifiable", "The source does not name this series.")


def _misbound(c: ClaimContext, other: Mention, same: Mention) -> Claim:
    return result(c, "contradicted", f"The source gives «{other.text}» for what this claim measures; "
                  f"«{same.text}» is its figure for something else.", [other, same])


def _rival_to_exact(q: Mention, x: Mention, match: list[Mention]) -> bool:
    """Could ``x`` be the figure the claim misbinds? A value that differs, as ever; and where the
    source writes the claimed figure exactly ("72%" of exports), also one that only a stated
    approximation brings near it («نحو 68 %» of jobs): an exact figure of another measure is a
    closer reading than a loose one of this measure."""
    if quantities_equal(q, x):
        return False
    if may_contradict(q, x):
        return True
    exact = any(m.value == q.value for m in match) and not q.bound and not x.bound
    return exact and (q.approximate or x.approximate) and may_contradict(q, x, loosely=False)


def check_quantity(c: ClaimContext, listed_in_summary: bool = False) -> Claim:
    """``listed_in_summary``: the summary lists the counted items itself, and they agree."""
    q = c.m
    label = q.text
    if series_of(q) is not None:
        return _check_series(c)
    kinds = ("number", "percent", "count", "duration")
    cands = [x for x in c.aligned_mentions(*kinds)]
    match = [x for x in cands if may_support(q, x) and quantities_equal(q, x)]
    if match:
        rival = bound_elsewhere(c, match, [x for x in cands if _rival_to_exact(q, x, match)])
        if rival is not None:
            return _misbound(c, *rival)
        return result(c, "supported", "The source gives the same value for this event.", match[:1])
    enums = c.aligned_mentions("enumeration")
    if q.kind == "count" and q.unit in _LIST_CLASSES and not q.alternatives:
        for e in enums:
            if len(e.value) == q.value:
                return result(c, "supported", f"The source lists {len(e.value)} for this event.", [e])
        if len(enums) > 1 and _enumeration_total(enums) == q.value:
            parts = " + ".join(str(len(e.value)) for e in enums)
            return result(c, "supported", f"The source lists {parts} = {q.value} for this event.", enums)
    listed = _listed_after_noun(c) if q.kind in ("count", "number") and q.unit and not q.alternatives else None
    if listed is not None and listed[0] == q.value:
        return result(c, "supported", f"The source lists {listed[0]} after «{listed[1].text}» for this event.",
                      [listed[1]])
    headed = _headed_list(c) if q.kind == "count" and q.unit in _LIST_CLASSES - {None} \
        and not q.alternatives and not listed_in_summary else None
    if headed is not None and headed[0] != q.value and c.sure() and not any(
            x.kind == "count" and x.value == q.value and unit_class(x.unit) == unit_class(q.unit)
            for x in c.src.scan.mentions):  # a count the source states for something is not this list's
        return result(c, "contradicted", f"The source lists {headed[0]} for this event, not {q.value}.",
                      [headed[1]])
    nearby = [x for x in c.sentence_mentions(*kinds) if may_support(q, x) and quantities_equal(q, x)]
    if nearby:
        rival = bound_elsewhere(c, nearby, [x for x in c.sentence_mentions(*kinds)
                                            if may_contradict(q, x) and not quantities_equal(q, x)])
        if rival is not None:
            return _misbound(c, *rival)
        return result(c, "supported", "The source sentence about this event gives the same value.", nearby[:1])
    elsewhere = [x for seg in c.src.segments for x in seg.mentions
                 if x.kind in kinds and may_support(q, x) and quantities_equal(q, x)]
    beside = figure_beside_anchor(c, lambda x: x.kind in kinds and (
        may_contradict(q, x) or (may_support(q, x) and quantities_equal(q, x))))
    if beside is not None:  # the source writes this measure's figure beside the claim's neighbouring figure
        if quantities_equal(q, beside):
            return result(c, "supported", "The source gives the same value beside the figure this claim is "
                          "written beside.", [beside])
        if elsewhere:  # the claimed value is the source's figure for another measure
            return _misbound(c, beside, max(elsewhere, key=c.score_of))
        return result(c, "contradicted", f"The source sentence that gives this claim's neighbouring figure gives "
                      f"«{beside.text}» beside it for what this claim measures, not «{label}».", [beside])
    rivals = [x for x in cands if (may_contradict(q, x) or lone_numbers(c, q, x))
              and not c.claimed_alongside(x)]
    if rivals and (c.sure(rivals) or _unanimous(c, rivals)) \
            and (not c.ambiguous(elsewhere) or frames_decide(c, rivals[0], elsewhere)) and (
            not c.cross_lingual or c.anchored or frames_agree(c, rivals[0]) or _sole_rival(c, rivals, elsewhere)):
        other = "; that value belongs to another passage of the source" if elsewhere else ""
        return result(c, "contradicted", f"The source gives «{rivals[0].text}» for this, not «{label}»{other}.",
                       rivals[:1] + elsewhere[:1])
    if rivals and elsewhere and (bound := misbound_elsewhere(c, elsewhere, rivals)) is not None:
        return _misbound(c, *bound)  # the claimed value is the source's figure for another measure
    if rivals and elsewhere and c.ambiguous(elsewhere) and favoured_elsewhere(c, elsewhere, rivals):
        return found_elsewhere(c, elsewhere, "this value")  # two passages match; the claimed value's is the claim's
    if rivals:
        return result(c, "unverifiable", f"The passage that best matches this claim gives «{rivals[0].text}»"
                       + ("; the claimed value appears in another passage." if elsewhere else "."),
                       rivals[:1] + elsewhere[:1])
    if listed_in_summary and elsewhere:
        return result(c, "supported", "The source gives this count, and the summary's list agrees with it.",
                       elsewhere[:1])
    if c.confident and q.kind == "count" and q.unit in _LIST_CLASSES - {None} and not q.alternatives \
            and not listed_in_summary:
        following = [e for e in enums if e.unit in _SURE_ITEMS and _list_follows_noun(c, e, q.unit)]
        if following and c.aligned and following[0] in c.aligned[0].segment.mentions:
            e = following[0]
            return result(c, "contradicted",
                           f"The source lists {len(e.value)} ({', '.join(e.value)}), not {q.value}.", [e])
    if elsewhere:
        return found_elsewhere(c, elsewhere, "this value")
    year = year_of(q)
    years = [d for d in c.sentence_mentions("date") if year is not None and d.value == str(year)]
    if years:  # «صائفة 2017» for the source's «الموسم الصيفي 2017»: the same year, read as a date there
        return result(c, "supported", f"The source gives the year {year} for this event.", years[:1])
    misstated = frame_rival(c, [x for x in c.src.scan.mentions if x.kind in kinds and may_contradict(q, x)])
    if misstated is not None:  # the value is nowhere in the source; its measure has another figure
        return result(c, "contradicted", f"The source gives «{misstated.text}» for what this claim measures, "
                      f"not «{label}»; «{label}» is nowhere in the source.", [misstated])
    dated = period_rival(c, [x for x in c.src.scan.mentions if x.kind in kinds and may_contradict(q, x)])
    if dated is not None:  # the value is nowhere in the source; the year it is given for has another figure
        return result(c, "contradicted", f"The source gives «{dated.text}» for this measure in the year the claim "
                      f"gives, not «{label}»; «{label}» is nowhere in the source.", [dated])
    return result(c, "unverifiable", "The source gives no such value for this event.")


def check_listed_count(c: ClaimContext, summary_enums: list[Mention]) -> Claim | bool:
    """A count in the summary followed by its own list: the two must agree.

    Returns the contradiction, True when a list follows and agrees, False when none follows."""
    q = c.m
    if q.kind != "count" or q.unit not in _LIST_CLASSES or q.alternatives:
        return False
    s = c.summ.scan
    sent = c.summ.sentence_span(c.summ.segment_at(q._nstart).sentence)
    following = [e for e in summary_enums if q._nend <= e._nstart < sent[1] and e.unit in _SURE_ITEMS]
    if not following or s.index_at(following[0]._nstart) - s.index_at(q._nend) > 6:
        return False
    stop = next((x._nstart for x in s.mentions if x.kind in ("count", "number") and x._nstart > q._nend), sent[1])
    listed = [e for e in following if e._nstart < stop]
    total = _enumeration_total(listed)
    if any(_enumeration_total(listed[:n]) == q.value for n in range(1, len(listed) + 1)):
        return True  # the count covers its own list, or that list and the ones after it (3 + 5 = 8)
    parts = " + ".join(str(len(e.value)) for e in listed)
    return result(c, "contradicted", f"The summary says {q.value} but lists {parts}"
                   + (f" = {total}" if len(listed) > 1 else "") + " items.", [], kind="count")


