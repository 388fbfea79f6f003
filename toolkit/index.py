"""Mentions -> passages: split a text into sentences and event passages, and align a
claim with the source passages about the same event.

Alignment deliberately ignores the values themselves (dates, numbers): a claim that
binds a value to the wrong event must still land on the passage about its event.
Keys are light stems, name skeletons (``n:btn`` for بوتين and Putin) and country codes
(``c:BY``), so an English claim aligns with an Arabic source through its names.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from .lang import Language
from .mentions import scan_text
from .mentions.names import adjective_country, without_possessive
from .mentions.scan import Scan
from .models import Mention
from .text import script_of, skeleton
from .translit import arabic_skeleton, latin_skeleton, skeletons_match

VALUE_KINDS = {"date", "weekday", "number", "percent", "count", "duration"}
# A name word as written ("n:~fathalli"): across scripts the source holds it wherever the
# transliteration model matches one of its words (Fathalli / «الفطحلي»), found or not as a name.
TRANSLIT = "n:~"
TRANSLIT_MIN = 4  # shorter words match too many others
_SENTENCE_END = {".", "!", "?", ";"}
_CLAUSE_MARKS = {",", "،", "-", "–", "—", ":"}  # before a clause break ('…, but'): it opens a new clause
PROXIMITY = 6.0  # tokens; words nearer the claimed value weigh more
MIN_KEYS = 3  # fewer words than this in a passage: align on its sentence


def _abbreviation(scan: Scan, i: int) -> bool:
    """Is the full stop at token i the end of an abbreviation ("No. 34", "U.S.", "J. Smith")?"""
    if scan.toks[i].text != "." or i == 0:
        return False
    prev = scan.toks[i - 1]
    if prev.end != scan.toks[i].start or prev.kind != "word":
        return False
    nxt = scan.toks[i + 1] if i + 1 < len(scan.toks) else None
    initial = len(prev.text) == 1 and prev.text.isascii() and nxt is not None
    return initial or prev.text in scan.lang.abbreviations


def _countries_in_word(lang: Language, word: str) -> list[str]:
    """Countries a word names as an adjective («الروسية»، "Syrian"), or the parts of a
    hyphenated compound do ("Russia-Ukraine-US")."""
    parts = word.split("-") if "-" in word else []
    codes = [lang.country(p) or adjective_country(lang, p) for p in parts if len(p) >= 2]
    return [c for c in dict.fromkeys(codes) if c]


def _ellipsis(scan: Scan, i: int) -> bool:
    """Is the full stop at token i part of an ellipsis (".." or "...", often inside a quote:
    «التونسية.. ونحن»)? The sentence goes on."""
    toks = scan.toks
    if toks[i].text != ".":
        return False
    return (i + 1 < len(toks) and toks[i + 1].text == "." and toks[i + 1].start == toks[i].end) or \
        (i > 0 and toks[i - 1].text == "." and toks[i - 1].end == toks[i].start)


def _without_conjunction(lang: Language, word: str) -> str:
    """A segment break written with 'and' on it («وبينما») is the break."""
    for c in lang.conjunction_prefixes:
        if word.startswith(c) and word[len(c):] in lang.segment_breaks:
            return word[len(c):]
    return word


# The keys two languages share (names, countries, concepts): all a claim can be aligned and framed
# by across languages.
CROSS_LINGUAL_KEYS = frozenset({"n:", "c:", "x:"})

@dataclass
class Segment:
    index: int
    start: int  # normalised offsets
    end: int
    sentence: int
    keys: dict[str, list[int]] = field(default_factory=dict)  # key -> token indices
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Alignment:
    segment: Segment
    score: float


class Document:
    """A scanned text cut into sentences and passages, with alignment keys per token."""

    def __init__(self, scan: Scan):
        self.scan = scan
        self.segments: list[Segment] = []
        self.sentences: list[tuple[int, int]] = []
        self._starts = sorted(((m._nstart, m) for m in scan.mentions), key=lambda x: x[0])
        self._mention_starts = [a for a, _ in self._starts]
        self._token_keys = self._keys_per_token()
        self._cut()
        self._segment_starts = [g.start for g in self.segments]

    # -- construction -------------------------------------------------------------
    def _keys_per_token(self) -> list[list[str]]:
        s = self.scan
        lang = s.lang
        valued = bytearray(len(s.nt.text))
        owner: dict[int, tuple[int, int, Mention]] = {}  # character -> entity covering it
        for m in s.mentions:
            a, b = m._nstart, m._nend
            if m.kind in VALUE_KINDS:
                valued[a:b] = b"\x01" * (b - a)
            elif m.kind == "entity":
                for pos in range(a, b):
                    owner.setdefault(pos, (a, b, m))
        keys: list[list[str]] = []
        for t in s.toks:
            if t.kind != "word" or valued[t.start]:
                keys.append([])
                continue
            hit = owner.get(t.start)
            ent = hit[2] if hit else None
            if ent is not None and isinstance(ent.value, str) and ent.value.startswith("country:"):
                keys.append(["c:" + ent.value[8:]])
                continue
            word = t.text
            if hit is not None:
                for prefix, rest in lang.clitic_splits(word):
                    if hit[0] >= t.start + len(prefix):
                        word = rest
                        break
            if word in lang.stopwords or len(word) < 2 or word in lang.titles:
                keys.append([])
                continue
            k = ["w:" + lang.stem(word)]
            concept = lang.concept(word)
            if concept:
                k.append("x:" + concept)
            k += ["c:" + code for code in _countries_in_word(lang, word)]  # «الروسية», "Russia-Ukraine"
            # A single-letter clitic (ب، ل، ك، ف) can't be told from a root letter, so
            # the word is also keyed without it: برؤساء matches رؤساء, لاجتماعه اجتماع.
            if len(word) >= 5 and word.startswith(lang.single_letter_clitics) \
                    and not (lang.article and word.startswith(lang.article)):
                k.append("w:" + lang.stem(word[1:]))
            if ent is not None:
                sk = skeleton(word)
                if len(sk) >= 2:
                    k.append("n:" + sk)
                written = without_possessive(lang, word)
                if ent.unit != "common" and len(written) >= TRANSLIT_MIN:
                    k.append(TRANSLIT + written)  # resolved against another script's source by SourceIndex
                if lang.article and word.startswith(lang.article) and len(word) > 4:  # الشاهد / Chahed: «شاهد»
                    k.append("n:" + skeleton(word[len(lang.article):]))
            keys.append(k)
        return keys

    def _cut(self) -> None:
        s = self.scan
        text = s.nt.text
        lang = s.lang
        seg_start = sent_start = 0
        sentence = 0
        for i, t in enumerate(s.toks):
            newline = "\n" in text[s.toks[i - 1].end : t.start] if i else False
            if newline and t.start > sent_start:
                self._close(seg_start, s.toks[i - 1].end, sentence)
                self.sentences.append((sent_start, s.toks[i - 1].end))
                sentence += 1
                seg_start = sent_start = t.start
            if t.kind == "word" and i and t.start > seg_start:
                word = _without_conjunction(lang, t.text)
                if word in lang.segment_breaks or s.phrase(i, lang.table("segment_breaks"), clitics=False) \
                        or (s.toks[i - 1].text in _CLAUSE_MARKS and word in lang.clause_breaks):
                    self._close(seg_start, t.start, sentence)
                    seg_start = t.start
            if t.text in _SENTENCE_END and not s.taken(t.start, t.end) and not _abbreviation(s, i) \
                    and not _ellipsis(s, i):
                self._close(seg_start, t.end, sentence)
                self.sentences.append((sent_start, t.end))
                sentence += 1
                seg_start = sent_start = t.end
        if s.toks and s.toks[-1].end > seg_start:
            self._close(seg_start, s.toks[-1].end, sentence)
        if s.toks and s.toks[-1].end > sent_start:
            self.sentences.append((sent_start, s.toks[-1].end))

    def _close(self, start: int, end: int, sentence: int) -> None:
        s = self.scan
        while start < end and s.nt.text[start] in " ,\n\t":
            start += 1
        if end <= start:
            return
        seg = Segment(len(self.segments), start, end, sentence)
        for i in range(self.scan.index_at(start), self.scan.index_at(end)):
            for key in self._token_keys[i]:
                seg.keys.setdefault(key, []).append(i)
        seg.mentions = [m for _, m in self._starts[bisect_left(self._mention_starts, start):
                                                    bisect_left(self._mention_starts, end)]]
        self.segments.append(seg)

    # -- lookup -------------------------------------------------------------------
    def token_keys(self, i: int) -> list[str]:
        """Alignment keys of token i (none for values, stopwords and titles)."""
        return self._token_keys[i]

    def segment_at(self, pos: int) -> Segment:
        k = bisect_right(self._segment_starts, pos) - 1
        if k >= 0 and self.segments[k].start <= pos < self.segments[k].end:
            return self.segments[k]
        return min(self.segments, key=lambda g: abs(g.start - pos))

    def sentence_span(self, sentence: int) -> tuple[int, int]:
        return self.sentences[min(sentence, len(self.sentences) - 1)]

    def claim_keys(self, m: Mention, *, comparable: AbstractSet[str] | None = None) -> dict[tuple[str, ...], float]:
        """Alignment keys of the passage around mention ``m``, weighted by nearness.

        Each token gives one group of alternative keys (its stem, its stem without a
        clitic, its name skeleton); a group counts once."""
        seg = self.segment_at(m._nstart)
        s = self.scan
        pos, end = s.index_at(m._nstart), s.index_at(m._nend)
        weights = self._weights(seg.start, seg.end, pos, end, m, comparable)
        if len(weights) < MIN_KEYS:  # a passage of values only: read the whole sentence
            weights = self._weights(*self.sentence_span(seg.sentence), pos, end, m, comparable)
        return weights

    def _weights(self, start: int, stop: int, pos: int, end: int, m: Mention,
                 comparable: AbstractSet[str] | None) -> dict[tuple[str, ...], float]:
        s = self.scan
        weights: dict[tuple[str, ...], float] = {}
        for i in range(s.index_at(start), s.index_at(stop)):  # the tokens starting in [start, stop)
            group = tuple(k for k in self._token_keys[i] if comparable is None or k[:2] in comparable)
            if not group or (pos <= i < end and m.kind not in VALUE_KINDS):
                continue  # an entity or quote must not align on itself
            d = 0 if pos <= i < end else min(abs(i - pos), abs(i - end + 1))
            weights[group] = max(weights.get(group, 0.0), 1.0 / (1.0 + d / PROXIMITY))
        return weights


class SourceIndex(Document):
    """The source document plus inverse document frequencies for alignment."""

    def __init__(self, scan: Scan):
        super().__init__(scan)
        self.cache: dict = {}  # lookups the checks repeat across claims (e.g. transliterated words)
        self._postings: dict[str, list[int]] = defaultdict(list)  # key -> the segments holding it
        for seg in self.segments:
            for key in seg.keys:
                self._postings[key].append(seg.index)
        # Passages counted for idf: those with a word in the article's own script. A line of
        # markup, code or another script (an injected prompt, an embedded tag) holds no prose
        # of the article and must not shift every weight, and with them the verdicts.
        toks = scan.toks
        self._passages = max(sum(1 for seg in self.segments
                                 if any(script_of(toks[i].text) == scan.lang.script
                                        for idx in seg.keys.values() for i in idx)), 1)
        n = self._passages
        self._idf = {k: math.log(1 + n / len(v)) for k, v in self._postings.items()}
        self._group_idf: dict[tuple[str, ...], float] = {}
        self._idf_unseen = math.log(1 + n)
        self._resolved: set[str] = set()  # transliterated name keys already placed
        words = {w for m in scan.mentions if m.kind == "entity" and m.unit in ("person", "name")
                 for w in str(m.value).split() if len(w) >= 3 and w not in scan.lang.name_links}
        # «بوتين وزيلينسكي» gives "وزيلينسكي": keep the name, not the conjunction
        conjunctions = scan.lang.conjunction_prefixes
        self.name_words = frozenset(w for w in words if not any(w.startswith(c) and w[len(c):] in words
                                                                for c in conjunctions))

    def scan_summary(self, summary: str, *, published=None, lang: str) -> Scan:
        """A summary scanned with what this source teaches a text in its language: its
        names (for clitic-bearing and misspelt mentions) and how it writes numbers."""
        same = lang == self.scan.lang.code
        return scan_text(summary, published=published, lang=lang,
                         known_names=self.name_words if same else frozenset(),
                         fmt=self.scan.fmt if same else None)

    def _transliterated(self, key: str) -> None:
        """Add a summary's name key (``n:~word``) to the passages whose words the
        transliteration model matches with it, once per key."""
        if key in self._resolved:
            return
        self._resolved.add(key)
        word = key[len(TRANSLIT):]
        s = self.scan
        if script_of(word) == s.lang.script:
            return  # the same script: the source's own name keys are written the same way
        latin = script_of(word) == "latin"
        own = latin_skeleton(word) if latin else arabic_skeleton(word)
        hits: list[tuple[Segment, int]] = []
        for i, t in enumerate(s.toks):
            if t.kind != "word" or not self._token_keys[i] or len(t.text) < TRANSLIT_MIN:
                continue  # values, stopwords and titles name no one
            for _, rest in s.lang.clitic_splits(t.text):
                if len(rest) < TRANSLIT_MIN - 1:
                    continue
                other = arabic_skeleton(rest) if latin else latin_skeleton(rest)
                if abs(len(other) - len(own)) <= 3 and (
                        skeletons_match(own, other) if latin else skeletons_match(other, own)):
                    hits.append((self.segment_at(t.start), i))
                    break
        for seg, i in hits:
            if key not in seg.keys:
                self._postings[key].append(seg.index)
            seg.keys.setdefault(key, []).append(i)
        if hits:
            self._idf[key] = math.log(1 + self._passages / len(self._postings[key]))
            # a group holding this key may have been weighed before it was placed
            self._group_idf = {g: v for g, v in self._group_idf.items() if key not in g}

    def idf(self, group: tuple[str, ...]) -> float:
        hit = self._group_idf.get(group)
        if hit is not None:
            return hit
        seen = [self._idf[k] for k in group if k in self._idf]
        self._group_idf[group] = value = min(seen) if seen else self._idf_unseen
        return value

    def align(self, weights: dict[tuple[str, ...], float]) -> list[Alignment]:
        """Source passages ranked by the idf-weighted share of the claim's keys they hold."""
        for g in weights:
            for k in g:
                if k.startswith(TRANSLIT):
                    self._transliterated(k)
        total = sum(self.idf(g) * w for g, w in weights.items())
        if total <= 0:
            return []
        terms: dict[int, list[float]] = {}  # segment -> what each group it holds adds, in the order of weights
        postings = self._postings
        for g, w in weights.items():  # only the segments holding a key of the group (inverted index)
            x = self.idf(g) * w
            for i in postings.get(g[0], ()) if len(g) == 1 else {i for k in g for i in postings.get(k, ())}:
                t = terms.get(i)
                if t is None:
                    terms[i] = [x]
                else:
                    t.append(x)
        ranked = []
        for i in sorted(terms):
            hit = sum(terms[i])
            if hit > 0:
                ranked.append(Alignment(self.segments[i], hit / total))
        ranked.sort(key=lambda a: -a.score)
        return ranked
