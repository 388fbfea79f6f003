"""Directions of change: a rise or a fall, bound to the figure it governs."""

from __future__ import annotations

from itertools import pairwise

from ..index import Document
from ..models import Claim, Mention
from .binding import DECISIVE
from .context import ClaimContext, result
from .values import may_support, quantities_equal

_QUANTITIES = ("number", "count", "percent")


def _from_to(doc: Document, x: Mention) -> str | None:
    """'من 66 إلى 52' / 'from 66 to 52' around ``x``: the direction those figures show."""
    seg = doc.segment_at(x._nstart)
    values = [m for m in seg.mentions if m.kind in _QUANTITIES and isinstance(m.value, (int, float))]
    text = doc.scan.nt.text
    lang = doc.scan.lang  # FROM_WORDS, TO_WORDS: «من ... إلى», "from ... to"
    for a, b in pairwise(values):
        if x is not a and x is not b or a.value == b.value or not may_support(a, b):
            continue
        between = " ".join(text[a._nend:b._nstart].split())
        before = text[max(0, a._nstart - 6):a._nstart].split()
        if between in lang.to_words and before and before[-1] in lang.from_words:
            return "rise" if b.value > a.value else "fall"
    return None


EARLIER_REACH = 5  # words after the older figure in which a past marker («قبل»، «الماضي»، "last") must come


def _against_earlier(doc: Document, x: Mention) -> str | None:
    """«3579 عونا … مقابل 3712 عونا سنة قبل ذلك», "8.8 % against 11.3 % last year": a figure set
    against the same measure's earlier figure shows the direction. Only when the second figure is
    marked as earlier: «678 صوتا مقابل 414» sets two candidates side by side, not two times."""
    seg = doc.segment_at(x._nstart)
    values = [m for m in seg.mentions if m.kind in _QUANTITIES and isinstance(m.value, (int, float))]
    s, lang = doc.scan, doc.scan.lang
    for a, b in pairwise(values):
        if a is not x or a.value == b.value or not may_support(a, b):
            continue
        before_b = " ".join(s.nt.text[a._nend:b._nstart].split()[-2:])
        if not any(before_b == v or before_b.endswith(" " + v) for v in lang.versus_words):
            continue
        end = s.index_at(b._nend)
        after = [w for k in range(end, min(end + EARLIER_REACH, len(s.toks))) if (w := s.word(k))]
        if any(w in lang.past_markers or w in lang.ago_words for w in after):
            return "rise" if a.value > b.value else "fall"
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
    figures = _from_to(doc, x) or _against_earlier(doc, x)
    return (figures, x) if figures else None


def _governed(doc: Document, m: Mention) -> Mention | None:
    """The quantity a direction word governs: the first after it in its passage («ارتفع …
    بنسبة 5»), else the last before it."""
    seg = doc.segment_at(m._nstart)
    values = [x for x in seg.mentions if x.kind in _QUANTITIES]
    after = [x for x in values if x._nstart >= m._nend]
    before = [x for x in values if x._nend <= m._nstart]
    return after[0] if after else (before[-1] if before else None)


def check_direction(c: ClaimContext) -> Claim:
    """A rise or a fall, bound to the value it governs: the source's word for that same
    value decides; without a value, only the passage about the measure can support it."""
    want = c.m.value
    verb = "rose" if want == "rise" else "fell"
    q = _governed(c.summ, c.m)
    if q is not None and (own := direction_of(c.summ, q)) is not None and own[1] is not c.m:
        # the figure has a nearer rise or fall word of its own («تراجع العجز … وارتفاع الصادرات بـ3.4»):
        # read both texts by the same rule, or the source's word for it would be set against this one
        q = None
    if q is not None:
        same_value = [x for x in c.src.scan.mentions if x.kind in _QUANTITIES and may_support(q, x)
                      and quantities_equal(q, x)]
        found = [(d, x) for x in same_value if (d := direction_of(c.src, x))]
        agree = [(d, x) for d, x in found if d[0] == want]
        if agree:
            d, x = agree[0]
            return result(c, "supported", f"The source says this {verb}, with the same figure.", [d[1], x])
        if found and len(same_value) == 1:  # one passage holds the figure: its word is decisive
            d, x = found[0]
            said = "fell" if want == "rise" else "rose"
            return result(c, "contradicted", f"The source says this {said} (by the same figure), not that it "
                           f"{verb}.", [d[1], x] if d[1] is not x else [x])
    best = c.ranked[0].segment.mentions if c.aligned else []
    same = [w for w in best if w.kind == "direction" and w.value == want]
    if same:
        return result(c, "supported", f"The passage about this says it {verb}.", same[:1])
    opposite = _opposite_for_measure(c, best) if q is None else None
    if opposite is not None:  # «تراجع وتيرة الإيقافات» for "the accelerating pace of arrests"
        said = "fell" if want == "rise" else "rose"
        return result(c, "contradicted", f"The passage about this says it {said}, not that it {verb}.", [opposite])
    return result(c, "unverifiable", "The source does not say, for this figure, whether it rose or fell.")


CLAUSE_WORDS = 6  # another direction word this near shares the claim's words around it


def _opposite_for_measure(c: ClaimContext, passage: list[Mention]) -> Mention | None:
    """With no figure to bind to: the one direction word of the passage the claim aligns with
    surely, the opposite of the claim's, where its words around it are the claim's words around
    it (its frame holds ``DECISIVE`` of the claim's, of two keys or more)."""
    words = [w for w in passage if w.kind == "direction"]
    if len(words) != 1 or words[0].value == c.m.value or not c.sure():
        return None
    s = c.summ.scan
    here = s.index_at(c.m._nstart)
    if any(w is not c.m and w.kind == "direction" and abs(s.index_at(w._nstart) - here) <= CLAUSE_WORDS
           for w in c.summ.segment_at(c.m._nstart).mentions):
        return None  # «ارتفاع الذهب مع تراجع الدولار»: two changes, and the words around are both's
    if len(c.frame) < 2 or c.frame_share(words[0]) < DECISIVE:
        return None
    return words[0]


