"""Frames: what a value measures. A value's frame is the words of its clause around it,
up to the next value or clause mark («حصة السوق العربية 51 بالمائة مقابل 22 بالمائة للسوق
الأوروبية»: 51 measures «حصة السوق العربية», 22 «السوق الأوروبية»), keyed like alignment
(stems, concepts, name skeletons) and weighted by nearness.

A claim whose value the source also gives is *bound* to that figure only when the frames
agree: the same figure given for another measure, while the claim's own measure has another
figure, is a contradiction (the FactCC "wrong binding"), not support.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from ..index import Document, SourceIndex
from ..models import Mention
from .lookup import Stops, kept, near, value_cover

VALUE_KINDS = ("number", "percent", "count", "duration", "date")
CLAUSE_MARKS = {".", ",", ";", ":", "(", ")", "!", "?", '"', "-"}
LEFT, RIGHT = 6, 3  # words of the clause read before and after a value
NEARNESS = 3.0  # tokens; nearer words weigh more

Frame = dict[tuple[str, ...], float]  # key group -> weight


def frame(doc: Document, m: Mention, *, comparable: AbstractSet[str] | None = None) -> Frame:
    """The keyed words around ``m`` in its clause, stopping at another value."""
    memo = kept(doc, "frames", dict)  # a source's frames are read again for every claim
    key = (id(m), None if comparable is None else frozenset(comparable))
    if key in memo:
        return memo[key]
    s = doc.scan
    first, end = s.index_at(m._nstart), s.index_at(m._nend)
    partners = range_partners(doc, m)
    stops = Stops(value_cover(doc, VALUE_KINDS), m, partners)  # tokens of the other values (but partners)
    seg = doc.segment_at(m._nstart)  # «... و18 دوليا فيما تمركز الجزائر ... و25»: a passage break ends the frame
    low, high = s.index_at(seg.start), s.index_at(seg.end)
    out: Frame = {}

    def owner_before(i: int) -> Mention | None:
        """Leftwards, at a coordinating word: the value of the clause whose words come before
        it, if any: they are that value's frame («بنسبة 7 % من حيث القيمة و 19 % من حيث
        الكمية», "7% in value and 19% in volume": «القيمة» is the 7's, not the 19's)."""
        for k in range(i - 1, max(low - 1, i - 1 - 2 * LEFT), -1):
            if k in stops:
                return next(v for v in stops.cover[k] if v is not m and v not in partners)
            if s.toks[k].text in CLAUSE_MARKS:
                return None
        return None

    def take(i: int, d: int) -> bool:
        group = tuple(k for k in doc.token_keys(i) if comparable is None or k[:2] in comparable)
        if group:
            out[group] = max(out.get(group, 0.0), 1.0 / (1.0 + (d - 1) / NEARNESS))
        return bool(group)

    def walk_left() -> None:
        taken, i, skipped = 0, first - 1, False
        while i >= max(0, low) and taken < LEFT:
            t = s.toks[i]
            if i in stops or t.text in CLAUSE_MARKS:
                return
            if t.text in s.lang.frame_break_words and (owner := owner_before(i)) is not None:
                if taken or skipped:
                    return  # "... and the Arab market 51": the figure's own subject, not the one before
                # "exports rose 7% in value and 19% in volume": the figures share the subject before
                # the first, not its qualifier; read on before it
                i, skipped = s.index_at(owner._nstart) - 1, True
                continue
            taken += take(i, first - i)
            i -= 1

    def walk(indices, limit: int, rightwards: bool) -> None:
        taken = 0
        for d, i in enumerate(indices, 1):
            t = s.toks[i]
            if i in stops or t.text in CLAUSE_MARKS or taken >= limit:
                return
            # «…بـ 22 بالمائة والسوق العربية بـ 51», "... and the Arab market 51": the next frame
            if rightwards and (t.text in s.lang.frame_break_words or t.text.startswith(s.lang.frame_break_prefixes)):
                return
            taken += take(i, d)

    walk_left()
    walk(range(end, max(end, high)), RIGHT, True)
    memo[key] = out
    return out


def range_partners(doc: Document, m: Mention) -> list[Mention]:
    """The other end of a range («من 4 إلى 7 جانفي», "between 4 and 8"): one value with ``m``,
    so the frame reads past it."""
    text = doc.scan.nt.text
    out = []
    for v in near(doc, m, 8):  # the mentions a gap of 8 characters or less can separate from m
        if v is m or v.kind not in VALUE_KINDS:
            continue
        gap = text[v._nend:m._nstart] if v._nend <= m._nstart else text[m._nend:v._nstart]
        if len(gap) <= 8 and gap.split() and all(w == "-" or w in doc.scan.lang.range_words for w in gap.split()):
            out.append(v)
    if m.kind == "date":
        out += [v for v in _span_ends(doc, m) if v not in out]
    return out


SPAN_GAP = 30  # characters between a span's start date and its end («19 جوان 2017 وتنتهي يوم 10 أوت»)


def _span_ends(doc: Document, m: Mention) -> list[Mention]:
    """The other end of a span of days written with a verb of ending between its dates: «تنطلق
    ... يوم 19 جوان وتنتهي يوم 10 أوت», "runs from June 19 until August 10". Only a range-end word,
    range words and function words may stand between them."""
    lang = doc.scan.lang
    if not lang.range_end_words:
        return []
    text = doc.scan.nt.text
    out = []
    for v in near(doc, m, SPAN_GAP):
        if v is m or v.kind != "date":
            continue
        gap = text[v._nend:m._nstart] if v._nend <= m._nstart else text[m._nend:v._nstart]
        words = [w.strip(",،") for w in gap.split()]
        ends = [w for w in words if any(rest in lang.range_end_words for _, rest in lang.clitic_splits(w))]
        if len(ends) == 1 and all(w in ends or w in lang.stopwords or w in lang.range_words
                                  or any(rest in lang.range_words for _, rest in lang.clitic_splits(w))
                                  for w in words if w):
            out.append(v)
    return out


def frame_score(claim: Frame, other: Frame, src: SourceIndex) -> float:
    """Share of the claim's frame (idf-weighted) that the other frame holds."""
    total = sum(src.idf(g) * w for g, w in claim.items())
    if total <= 0:
        return 0.0
    other_keys: dict[str, float] = {}
    for g, w in other.items():
        for k in g:
            other_keys[k] = max(other_keys.get(k, 0.0), w)
    hit = sum(src.idf(g) * w * max((other_keys.get(k, 0.0) for k in g), default=0.0) for g, w in claim.items())
    return hit / total


def paired(doc: Document, a: Mention, b: Mention) -> bool:
    """Two figures of one measure in one clause: «من 2000 م د في القانون الأصلي إلى 3843»,
    "X against Y". Their frames cannot tell them apart: neither is the other's rival."""
    first, second = (a, b) if a._nstart <= b._nstart else (b, a)
    if doc.segment_at(first._nstart) is not doc.segment_at(second._nstart):
        return False
    if any(first._nend <= v._nstart < second._nstart and v.kind in VALUE_KINDS and v.kind != "date"
           for v in doc.scan.mentions):
        return False
    words = doc.scan.nt.text[first._nend:second._nstart].split()
    return len(words) <= 10 and any(w in doc.scan.lang.pair_words for w in words)
