"""Binding: which source figure a claim's value belongs to. The claim's value found in the
source supports it only where it measures what the claim measures (frames, :mod:`.frames`);
the source's figure for the claim's own measure, found by the words around it, by the figure
the claim is written beside, by the time it is given for, contradicts a value bound elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from ..index import Document
from ..lang.concepts import CONTRASTS
from ..mentions.dates import same_date
from ..models import Claim, Mention
from .context import ALIGNED_FLOOR, AMBIGUITY, ClaimContext, result
from .frames import CLAUSE_MARKS, Frame, frame, paired
from .values import quantities_equal, year_of

BINDING = 0.4  # a rival's frame must hold this share of the claim's frame...
BINDING_MARGIN = 2.0  # ...and this many times what the same figure's frame holds
DECISIVE = 0.5  # a claim whose value the source never gives: a source figure whose frame holds this
DECISIVE_MARGIN = 0.2  # share of the claim's frame, this much more than any other figure's, is what it misstates


def found_elsewhere(c: ClaimContext, elsewhere: list[Mention], what: str) -> Claim:
    """The value is in the source, not in the passage about this event: supported when its
    passage still relates to the claim, else unverifiable."""
    best = max(elsewhere, key=c.score_of)
    if c.score_of(best) >= ALIGNED_FLOOR and (not c.cross_lingual or c.anchored or frames_agree(c, best)):
        return result(c, "supported", f"The source gives {what} in a related passage.", [best])
    return result(c, "unverifiable", f"{what[0].upper()}{what[1:]} appears in the source, but in a passage "
                   "about something else.", [best])



def bound_elsewhere(c: ClaimContext, same: list[Mention], rivals: list[Mention]) -> tuple[Mention, Mention] | None:
    """The claim's value is in the source (``same``), but bound to another measure: a rival
    value of the same kind sits in a frame that matches the claim's own frame far better.
    Returns (the rival, the same value's best mention), or None when the binding holds or is
    unclear."""
    if not rivals or not c.aligned:  # the frames decide here, once the claim has a passage at all
        return None
    if len(c.frame) < 2:
        return None  # too few words around the value to tell what it measures
    dated = _dated_side(c, same, rivals)
    if dated is not None:
        return dated
    rivals = [y for y in rivals if not any(paired(c.src, x, y) for x in same)]
    if not rivals:
        return None
    scored_same = max(((_paired_score(c, x), x) for x in same), key=lambda t: t[0])
    free = [y for y in rivals if not c.claimed_alongside(y)]
    scored_rival = max(((_paired_score(c, y), y) for y in free), key=lambda t: t[0], default=(0.0, None))
    if scored_rival[1] is not None and scored_rival[0] >= BINDING \
            and scored_rival[0] >= BINDING_MARGIN * scored_same[0] \
            and not _same_subject(c, scored_same[1], scored_rival[1]):
        return scored_rival[1], scored_same[1]
    contrasted = _contrasted(c, same, free)
    if contrasted is not None and not _same_subject(c, contrasted[1], contrasted[0]):
        return contrasted
    return None


_QUANTITIES = ("number", "percent", "count", "duration")


def _claim_figures(c: ClaimContext) -> list[Mention]:
    """The other figures of the claim's summary sentence."""
    a, b = c.summ.sentence_span(c.summ.segment_at(c.m._nstart).sentence)
    return [y for y in c.summ.scan.mentions if y is not c.m and a <= y._nstart < b and y.kind in _QUANTITIES]


def _sentence_figures(doc: Document, sentence: int) -> list[Mention]:
    a, b = doc.sentence_span(sentence)
    return [z for z in doc.scan.mentions if a <= z._nstart < b and z.kind in _QUANTITIES]


def _co_stated(c: ClaimContext, x: Mention) -> int:
    """How many other figures of the claim's summary sentence the source sentence holding ``x``
    also gives: the figures a sentence states together anchor it to one source event ("870
    infections ..., with 457 deaths in 21 countries")."""
    theirs = [z for z in _sentence_figures(c.src, c.src.segment_at(x._nstart).sentence) if z is not x]
    return sum(any(quantities_equal(y, z) for z in theirs) for y in _claim_figures(c))


def figure_beside_anchor(c: ClaimContext, candidate: Callable[[Mention], bool]) -> Mention | None:
    """The figure the source writes beside the figure the claim is written beside: the claim's
    neighbouring figure in its summary sentence is the anchor; in the one source sentence that
    gives it, the only ``candidate`` (by value) written next to it whose frame agrees with the
    claim's ("a net profit of 70 million dinars in 2016, 117 percent of its target" against
    «70 مليون دينار (107 بالمائة من الهدف)»). The same value there supports the claim, another
    contradicts it, whatever passage the claim's words align with best. Years are no anchor:
    too many sentences give them."""
    figures = sorted(_claim_figures(c) + [c.m], key=lambda y: y._nstart)
    at = figures.index(c.m)
    mine = [y for y in figures[max(0, at - 1):at + 2] if y is not c.m and year_of(y) is None
            and _words_between(c.summ, y, c.m) <= ANCHOR_REACH]
    if not mine:
        return None

    def anchor(z: Mention) -> bool:
        """Does the source's ``z`` write one of the claim's neighbouring figures?"""
        return any(z.value == y.value and quantities_equal(y, z) for y in mine)

    holding = {c.src.segment_at(z._nstart).sentence for z in c.src.scan.mentions
               if z.kind in _QUANTITIES and anchor(z)}
    if len(holding) != 1:
        return None
    theirs = _sentence_figures(c.src, holding.pop())
    anchors = [i for i, z in enumerate(theirs) if anchor(z)]
    # the candidate written next to an anchor, no other figure between («70 مليون دينار(107 بالمائة من الهدف)»)
    found = [z for i, z in enumerate(theirs) if candidate(z) and not c.claimed_alongside(z)
             and any(abs(i - a) == 1 and _words_between(c.src, z, theirs[a]) <= ANCHOR_REACH for a in anchors)]
    if len({str(z.value) for z in found}) != 1 or not frames_agree(c, found[0]):
        return None
    return found[0]


ANCHOR_REACH = 4  # words between an anchoring figure and the figure beside it


def _words_between(doc: Document, a: Mention, b: Mention) -> int:
    first, second = (a, b) if a._nstart <= b._nstart else (b, a)
    return sum(any(ch.isalnum() for ch in w) for w in doc.scan.nt.text[first._nend:second._nstart].split())


def misbound_elsewhere(c: ClaimContext, elsewhere: list[Mention], rivals: list[Mention]) -> tuple[Mention, Mention] | None:
    """The claimed value is only outside the aligned passage, whose figure ``rivals`` measures what
    the claim measures: (rival, the claimed value's mention) when the frames bind the claim to the
    rival as :func:`bound_elsewhere` requires, and the claim's other figures do not anchor it to
    the sentence of its value instead."""
    bound = bound_elsewhere(c, elsewhere, rivals)
    if bound is None or _co_stated(c, bound[1]) > _co_stated(c, bound[0]):
        return None
    return bound


CLAUSE_DATE_REACH = 3  # words between a figure and the date that times it («1800 مؤسسة اليوم»)


def _clause_date(doc: Document, m: Mention) -> Mention | None:
    """The date written right beside figure ``m``, in its clause: no other figure and no clause mark
    between them («3579 عونا، مع موفى ديسمبر 2016، مقابل 3712»: the date times neither by itself)."""
    s = doc.scan
    seg = doc.segment_at(m._nstart)
    first, last = s.index_at(m._nstart), s.index_at(m._nend)
    best: tuple[int, Mention] | None = None
    for d in seg.mentions:
        if d.kind != "date" or not d.value:
            continue
        gap = first - s.index_at(d._nend) if d._nend <= m._nstart else s.index_at(d._nstart) - last
        between = (d._nend, m._nstart) if d._nend <= m._nstart else (m._nend, d._nstart)
        if 0 <= gap <= CLAUSE_DATE_REACH and not any(
                between[0] <= v._nstart < between[1] and v.kind in _QUANTITIES
                for v in seg.mentions) and not any(ch in CLAUSE_MARKS for ch in s.nt.text[between[0]:between[1]]) \
                and (best is None or gap < best[0]):
            best = (gap, d)
    return best[1] if best else None


def _dated_side(c: ClaimContext, same: list[Mention], rivals: list[Mention]) -> tuple[Mention, Mention] | None:
    """Two figures of one measure set against each other, each timed («كان يعد 2160 مؤسسة، مقابل
    1800 مؤسسة اليوم», "from 66 in 2010 to 52 today"): the claim's figure, timed as the other
    side is, misstates that side. Returns (the other side, the claimed figure's mention)."""
    mine = _clause_date(c.summ, c.m)
    if mine is None:
        return None
    for x in same:
        for y in rivals:
            if not paired(c.src, x, y):
                continue
            dy, dx = _clause_date(c.src, y), _clause_date(c.src, x)
            if dy is not None and same_date(dy.value, mine.value) \
                    and (dx is None or not same_date(dx.value, mine.value)):
                return y, x
    return None


def _paired_score(c: ClaimContext, y: Mention) -> float:
    """How well ``y``'s frame holds the claim's, or the frame of the figure it is paired with:
    in «الاقتراض الداخلي من 2000 م د ... إلى 3843» the 3843 measures what the 2000 measures."""
    best = c.frame_share(y)
    for p in c.src.segment_at(y._nstart).mentions:
        if p is not y and p.kind == y.kind and paired(c.src, p, y):
            best = max(best, c.frame_share(p))
    return best


def _aspects(f: Frame) -> set[str]:
    return {k[2:] for g in f for k in g if k[:2] == "x:"}


def _contrasted(c: ClaimContext, same: list[Mention], rivals: list[Mention]) -> tuple[Mention, Mention] | None:
    """The claim's figure, written for one aspect of a measure (in value, exports), is the source's
    figure for the contrasting aspect (in volume, imports), and the figure next to it, in the same
    sentence, is given for the claim's aspect: (that figure, the same figure)."""
    mine = _aspects(c.frame)
    for pair in CONTRASTS:
        own = [a for a in pair if a in mine]
        if len(own) != 1:
            continue
        other = set(pair) - set(own)
        if any(own[0] in fx and not fx & other for fx in (_aspects(frame(c.src, x)) for x in same)):
            continue  # the source also gives the claimed figure for the claim's own aspect
        for x in same:
            fx = _aspects(frame(c.src, x))
            if own[0] in fx or not fx & other:
                continue
            sentence = c.src.segment_at(x._nstart).sentence
            found = [y for y in rivals if c.src.segment_at(y._nstart).sentence == sentence
                     and own[0] in (fy := _aspects(frame(c.src, y))) and not fy & other]
            if len(found) == 1:
                return found[0], x
    return None


def _sentence_names(doc: Document, m: Mention) -> set[str]:
    """The name and country keys of the sentence holding ``m``."""
    a, b = doc.sentence_span(doc.segment_at(m._nstart).sentence)
    s = doc.scan
    return {k for i in range(s.index_at(a), s.index_at(b)) for k in doc.token_keys(i) if k[:2] in ("n:", "c:")}


def _same_subject(c: ClaimContext, same: Mention, rival: Mention) -> bool:
    """Does the sentence with the same figure name someone or somewhere the claim's sentence
    names, which the rival's sentence does not? Then the words differ, not the subject
    («المرتبة 78 عالميا» for Tunisia's «المركز 78 دوليا», not Saudi Arabia's «المرتبة 16»)."""
    claim = _sentence_names(c.summ, c.m)
    return bool((claim & _sentence_names(c.src, same)) - _sentence_names(c.src, rival))


def frame_rival(c: ClaimContext, candidates: list[Mention],
                same: Callable[[Mention, Mention], bool] = quantities_equal) -> Mention | None:
    """The one source figure that measures what the claim measures (its frame holds at
    least ``DECISIVE`` of the claim's, and no other figure's comes within ``DECISIVE_MARGIN``)."""
    if len(c.frame) < (3 if c.cross_lingual else 2):  # names and concepts alone say less across languages
        return None
    scored = sorted(((c.frame_share(y), y) for y in candidates
                     if not c.claimed_alongside(y)), key=lambda t: -t[0])
    if not scored or scored[0][0] < DECISIVE:
        return None
    best, rival = scored[0]
    if any(score > best - DECISIVE_MARGIN and not same(y, rival) for score, y in scored[1:]):
        return None
    return rival


def _years_stated(doc: Document, m: Mention) -> set[str]:
    """The years the sentence holding ``m`` states on their own ("in 2023", «سنة 2016»): the
    period its figures are given for."""
    a, b = doc.sentence_span(doc.segment_at(m._nstart).sentence)
    return {x.value for x in doc.scan.mentions if x.kind == "date" and x.value and len(x.value) == 4
            and a <= x._nstart < b}


def period_rival(c: ClaimContext, candidates: list[Mention]) -> Mention | None:
    """The one source figure given for the year the claim's sentence gives its figure ("sales of
    $4bn in 2023" where the source's only sum of the sentences stating 2023 is "For the full year
    of 2023, ... sales contracted for delivery of $5bn"), when its frame holds part of the claim's
    frame and no figure of another period holds ``DECISIVE_MARGIN`` more of it: the period names
    the measure with the words."""
    years = _years_stated(c.summ, c.m)
    if len(years) != 1:
        return None
    free = [y for y in candidates if not c.claimed_alongside(y)]
    dated = [y for y in free if years <= _years_stated(c.src, y)]
    if not dated or any(not quantities_equal(y, dated[0]) for y in dated[1:]):
        return None
    score = max(c.frame_share(y) for y in dated)
    if score <= 0 or any(c.frame_share(y) > score + DECISIVE_MARGIN
                         for y in free if y not in dated):
        return None  # a figure of another period whose words fit the claim's much better
    return dated[0]


CROSS_FRAME = 0.3  # across languages, a rival with no shared name must share this much of the claim's frame


def frames_agree(c: ClaimContext, other: Mention) -> bool:
    """Does ``other`` measure what the claim measures, by the words around both (names,
    countries and concepts only, across languages)?"""
    return c.frame_share(other) >= CROSS_FRAME


def favoured_elsewhere(c: ClaimContext, same: list[Mention], rivals: list[Mention]) -> bool:
    """Is the claimed value, found in a passage that matches the claim nearly as well as the best
    one, the claim's rather than the best passage's differing figure? Its sentence also gives more
    of the claim's other figures («اللقاء الثلاثي ... سيعقد بعد أسبوعين أو ثلاثة أسابيع»), or its
    frame holds a larger share of the claim's (of two keys or more)."""
    if max(_co_stated(c, x) for x in same) > max(_co_stated(c, y) for y in rivals):
        return True
    if len(c.frame) < 2:
        return False
    own = max(c.frame_share(x) for x in same)
    return own > 0 and own > max(c.frame_share(y) for y in rivals)


def frames_decide(c: ClaimContext, value: Mention, elsewhere: list[Mention]) -> bool:
    """Across languages, with no name to anchor the claim, its concepts still tell the events
    apart when the aligned passage's ``value`` measures what the claim measures and the claimed
    value, found elsewhere, does not (and its passage aligns less than half as well)."""
    if not c.cross_lingual or c.anchored or not frames_agree(c, value):
        return False
    best = c.ranked[0].score if c.ranked else 0.0
    return not any(frames_agree(c, x) or c.score_of(x) >= AMBIGUITY * best for x in elsewhere)

