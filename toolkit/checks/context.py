"""The claim context every check reads: the summary mention, its alignment with source
passages, and both documents, with the thresholds that decide when alignment is sure enough
to contradict. Shared result and evidence helpers live here too."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from ..index import CROSS_LINGUAL_KEYS, Alignment, Document, SourceIndex
from ..mentions.dates import same_date
from ..models import Claim, Evidence, Mention, MentionKind, Span, Verdict
from .frames import Frame, frame, frame_score
from .values import quantities_equal

ALIGNED_FLOOR = 0.2  # a passage sharing less than this of the claim's words is unrelated
CONFIDENT = 0.4  # alignment needed before a differing value counts as a contradiction
TIE = 0.8  # passages within this share of the best one are aligned too
NEAR_TIE = 0.9  # another sentence this close to the best: the claim could be about either
AMBIGUITY = 0.5  # a passage with the claimed value scoring this share of the best: no contradiction


@dataclass
class ClaimContext:
    """What a check needs to judge one claim.

    ``m`` is the summary's mention; ``src`` the indexed source; ``summ`` the summary cut into
    sentences and passages; ``ranked`` the source passages by alignment score (best first);
    ``cross_lingual`` whether the two texts are in different languages; ``keys`` the claim's
    alignment keys (what it shares with a passage: stems, name skeletons, country codes)."""

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

    @cached_property
    def frame(self) -> Frame:
        """What the claim's value measures: the keyed words around it (:func:`.frames.frame`),
        only those two languages share when the texts' languages differ."""
        return frame(self.summ, self.m, comparable=CROSS_LINGUAL_KEYS if self.cross_lingual else None)

    def frame_share(self, other: Mention) -> float:
        """The share of the claim's frame that the frame of the source's ``other`` holds."""
        return frame_score(self.frame, frame(self.src, other), self.src)

    @cached_property  # read by every check, several times: computed once per claim
    def aligned(self) -> list[Alignment]:
        if not self.ranked or self.ranked[0].score < ALIGNED_FLOOR:
            return []
        best = self.ranked[0].score
        return [a for a in self.ranked if a.score >= max(ALIGNED_FLOOR, TIE * best)]

    @property
    def confident(self) -> bool:
        return self.sure()

    def sure(self, rivals: Sequence[Mention] = ()) -> bool:
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
        return self._scores.get(id(seg), 0.0)

    @cached_property
    def _scores(self) -> dict[int, float]:
        """Each ranked passage's score (its first, as a walk over ``ranked`` finds it)."""
        scores: dict[int, float] = {}
        for a in self.ranked:
            scores.setdefault(id(a.segment), a.score)
        return scores

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
            if x.kind in ("number", "percent", "count", "duration") and quantities_equal(other, x) \
                    and (other.value == x.value or not self._stated_exactly(other)):
                return True
        return False

    def _stated_exactly(self, q: Mention) -> bool:
        """Does the source write ``q``'s very figure? Then that is what ``q`` states, and a figure
        ``q`` merely rounds to ("0.5%" beside "0.505%") is still free to be another claim's rival."""
        return any(x.kind == q.kind and x.value == q.value for x in self.src.scan.mentions)

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


def result(c: ClaimContext, verdict: Verdict, reason: str, evidence: Sequence[Mention | Evidence] = (), *,
            kind: MentionKind | None = None) -> Claim:
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
