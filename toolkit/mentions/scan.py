"""The token stream that mention finders walk, and the helpers they share.

Numbers are kept whole as one token in every format the press uses (3.7, 1,234,
231 336, 12261،2, the Tunisian 3ر643), so finders never re-parse digits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator, Set as AbstractSet
from dataclasses import dataclass, field
from functools import partial
from datetime import date
from typing import Any, NamedTuple, cast

from ..lang import Language, decimal_letters
from ..models import Mention
from ..text import NormalizedText

# Letters some language writes between digits as a decimal mark, fraction first (the Tunisian
# «3ر643» is 643.3): the DECIMAL_LETTERS of every language, since numbers are tokenised alike in
# every text.
_DECIMAL_LETTERS = decimal_letters()
_TUN = rf"(?P<tun>(?<![\d.,])\d+[{re.escape(_DECIMAL_LETTERS)}]\d+)(?!\d)|" if _DECIMAL_LETTERS else ""
# Words and punctuation come first (most tokens are words, and no number can start where they do:
# every number alternative starts with a digit), and the lookahead lets the engine pass over
# white space without trying each alternative there: the same tokens, several times faster.
_TOKEN_RE = re.compile(
    r"""(?=\S)(?:
    (?P<word>[^\W\d_]+(?:['\-][^\W\d_]+)*)
   |(?P<punct>[^\s\w])
   |""" + _TUN + r"""
    (?P<thd>(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+,\d{1,2})(?![\d.,])  # 12،220,13: mixed marks
   |(?P<th>(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?)(?![\d])  # 1,234,567(.5)
   |(?P<spr>(?<![\d.,])\d{3}(?:\ \d{3})*\ \d{1,2})(?![\d.,])  # 841 991 2 = 2 991 841
   |(?P<sp>(?<![\d.,])\d{1,3}(?:\ \d{3})+)(?![\d.,])    # 231 336
   |(?P<dec>(?<![\d.,])\d+\.\d+|(?<![\d.,])(?:\d+,(?:\d{1,2}|\d{4,})|0,\d+))(?![\d])  # 3.7, 12261،2, 0,23456
   |(?P<int>\d+)
    )""",
    re.VERBOSE | re.UNICODE,
)


class PhraseHit(NamedTuple):
    """A phrase of a table found at a token: its key, the table's value for it, the index of the
    token after it (``end``) and the length of the clitic written before its first word
    (``prefix``), so that a mention can start after «ب» or «وال»."""

    key: str
    value: Any
    end: int
    prefix: int


class Tok(NamedTuple):
    text: str
    start: int  # offsets into the normalised text
    end: int
    kind: str  # "num" | "word" | "punct"
    number: float | None = None
    decimals: int = 0

    @property
    def value(self) -> float:
        """The number of a "num" token (read only once its kind is checked)."""
        return cast(float, self.number)


_new_tok = partial(tuple.__new__, Tok)  # Tok(...) without the keyword-default handling: all six fields given
_NO_READINGS: frozenset[str] = frozenset()


def _num_value(kind: str, s: str, reversed_groups: bool) -> tuple[float, int]:
    if kind == "tun":  # "3ر643" is 643.3: logical order puts the fraction first
        frac, whole = re.split(f"[{re.escape(_DECIMAL_LETTERS)}]", s)
        return float(f"{whole}.{frac}"), len(frac)
    if kind == "th":
        s = s.replace(",", "")
    elif kind == "thd":  # the last mark is the decimal one
        whole, frac = s.rsplit(",", 1)
        s = whole.replace(",", "") + "." + frac
    elif kind == "spr" or (kind == "sp" and reversed_groups):
        s = "".join(reversed(s.split(" ")))
    elif kind == "sp":
        s = s.replace(" ", "")
    elif kind == "dec":
        s = s.replace(",", ".")
    decimals = len(s.split(".")[1]) if "." in s else 0
    return float(s), decimals


@dataclass(frozen=True)
class NumberFormat:
    """How a text writes numbers, read from the text itself (see :func:`tokenize`)."""

    reversed_groups: bool = False
    comma_decimal: bool = False

    def __or__(self, other: NumberFormat) -> NumberFormat:
        return NumberFormat(self.reversed_groups or other.reversed_groups, self.comma_decimal or other.comma_decimal)


def _format_of(numbers: list[tuple[int, re.Match, str]]) -> NumberFormat:
    return NumberFormat(any(kind == "spr" for _, _, kind in numbers),
                        any(kind == "dec" and "," in m.group() for _, m, kind in numbers))


def tokenize(text: str, fmt: NumberFormat | None = None) -> tuple[list[Tok], NumberFormat]:
    """Tokens of a normalised text, and how it writes numbers.

    Some Arabic texts were typed in visual order, so that a number's digit groups come
    reversed: "841 991 2" is 2 991 841 (and the Tunisian decimal "3ر643" is 643.3). A
    text that writes a short last group shows it; then its "321 666" is 666 321 too."""
    toks: list[Tok | None] = []
    numbers: list[tuple[int, re.Match, str]] = []  # (index in toks, match, kind): read once the format is known
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        if kind == "word" or kind == "punct":
            start, end = m.span()
            toks.append(_new_tok((m.group(), start, end, kind, None, 0)))
        else:
            numbers.append((len(toks), m, cast(str, kind)))
            toks.append(None)
    # A text whose comma is a decimal mark ("71،8") writes "117،901" for 117.901 too;
    # only several groups ("1،234،567") are then read as thousands. ``fmt`` adds what
    # another text shows (a summary inherits its source's conventions).
    fmt = _format_of(numbers) | (fmt or NumberFormat())
    reversed_groups, comma_decimal = fmt.reversed_groups, fmt.comma_decimal
    for at, m, kind in numbers:
        if kind == "th" and comma_decimal and m.group().count(",") == 1 and "." not in m.group():
            kind = "dec"
        value, decimals = _num_value(kind, m.group(), reversed_groups)
        toks[at] = Tok(m.group(), m.start(), m.end(), "num", value, decimals)
    return cast(list[Tok], toks), fmt


_MENTION_DEFAULTS = {name: f.default for name, f in Mention.model_fields.items() if not f.is_required()}
_MENTION_FIELDS = tuple(Mention.model_fields)
_set_attribute = object.__setattr__


# every field of a Mention in its order, with its default (the required ones are always set by Scan.add)
_MENTION_TEMPLATE = {name: _MENTION_DEFAULTS.get(name) for name in _MENTION_FIELDS}


def _construct(state: dict[str, Any], nstart: int, nend: int) -> Mention:
    """``Mention.model_construct(**state)`` for a fresh ``state`` holding every field in order (what
    model_construct sets: the fields in their order, all of them set, no extra) and the normalised
    offsets as its private attributes, without model_construct's per-field dispatch."""
    m = Mention.__new__(Mention)
    # ...the offsets also as plain attributes, read without pydantic's private-attribute __getattr__
    # (~5 µs a read on the hot paths of alignment and checking); not fields, so never serialised
    state["_nstart"], state["_nend"] = nstart, nend
    _set_attribute(m, "__dict__", state)
    _set_attribute(m, "__pydantic_fields_set__", set(_MENTION_FIELDS))
    _set_attribute(m, "__pydantic_extra__", None)
    _set_attribute(m, "__pydantic_private__", {"_nstart": nstart, "_nend": nend})
    return m


@dataclass
class Scan:
    """Everything a finder needs about one text."""

    nt: NormalizedText
    lang: Language
    published: date | None
    fmt: NumberFormat | None = None
    toks: list[Tok] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _mask: bytearray = field(default_factory=bytearray)  # 1 where a finder took the character
    _reading_positions: dict[str, list[int]] | None = None  # see _positions
    _word_positions: dict[str, list[int]] | None = None
    _number_indices: list[int] | None = None

    def __post_init__(self) -> None:
        self.toks, self.fmt = tokenize(self.nt.text, self.fmt)
        self.tok_starts = [t.start for t in self.toks]
        self._mask = bytearray(len(self.nt.text))
        self.words = [t.text if t.kind == "word" else None for t in self.toks]
        # every reading of each word with its clitics off, for fast table rejection
        readings_of = self.lang._word_memo("_readings")  # the same words recur across texts
        self.readings = []
        for w in self.words:
            if not w:
                self.readings.append(_NO_READINGS)
                continue
            readings = readings_of.get(w)
            if readings is None:
                readings = frozenset(r for _, r in self.lang.clitic_splits(w))
                if len(readings_of) < 200_000:
                    readings_of[w] = readings
            self.readings.append(readings)

    # -- spans -----------------------------------------------------------------
    def taken(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, max(end, start + 1)) != -1

    def add(self, kind: str, nstart: int, nend: int, value: Any, *, claim: bool = True, **fields: Any) -> Mention:
        """Record a mention; ``claim`` marks its span so later finders skip it."""
        a, b = self.nt.to_original(nstart, nend)
        # Built from values the finders computed themselves: no validation needed.
        state = _MENTION_TEMPLATE.copy()
        state["kind"], state["start"], state["end"], state["text"], state["value"] = \
            kind, a, b, self.nt.original[a:b], value
        for name, given in fields.items():
            if name in state:  # a name that is no field is dropped (no extra), as before
                state[name] = given
        m = _construct(state, nstart, nend)
        self.mentions.append(m)
        if claim:
            self._mask[nstart:nend] = b"\x01" * (nend - nstart)
        return m

    # -- token helpers -----------------------------------------------------------
    def word(self, i: int) -> str | None:
        return self.words[i] if 0 <= i < len(self.words) else None

    def adjacent(self, i: int, j: int) -> bool:
        """Tokens i and j (i < j) are separated by white space only."""
        return not self.nt.text[self.toks[i].end : self.toks[j].start].strip()

    def phrase(self, i: int, table, *, clitics: bool = True, max_words: int = 4) -> PhraseHit | None:
        """Longest phrase of ``table`` starting at token i; the first word may carry a clitic.

        Returns a PhraseHit (key, value, next index, prefix length) or None.
        """
        if not 0 <= i < len(self.words) or self.words[i] is None:
            return None
        shape = _SHAPES.get(id(table))
        if shape is None or shape[0] is not table:
            shape = _table_shape(table)
        _, starts, longest = shape
        if clitics:
            if starts.isdisjoint(self.readings[i]):
                return None
        elif self.words[i] not in starts:
            return None
        run = _adjacent_words(self, i, min(max_words, longest))  # no key of the table has more words
        for n in range(len(run), 0, -1):
            words = run[:n]
            splits = self.lang.clitic_splits(words[0]) if clitics else [("", words[0])]
            for prefix, first in splits:
                key = " ".join([first, *words[1:]])
                if key in table:
                    return PhraseHit(key, table[key], i + n, len(prefix))
        return None

    def matches(self, table, *, clitics: bool = True, max_words: int = 4) -> Iterator[tuple[int, PhraseHit]]:
        """Non-overlapping phrases of ``table``, left to right, on spans no finder took yet:
        yields (token index, phrase hit). Only tokens that can begin a phrase are tried."""
        i = 0
        for k in self.starting_with(_first_words(self.lang, table), clitics=clitics):
            if k < i:
                continue  # inside the phrase just yielded
            hit = self.phrase(k, table, clitics=clitics, max_words=max_words)
            if hit and not self.taken(self.toks[k].start, self.toks[hit.end - 1].end):
                yield k, hit
                i = hit.end

    def starting_with(self, words: AbstractSet[str], *, clitics: bool = True) -> list[int]:
        """Indices, in order, of the word tokens one of whose readings (``clitics``), or which as
        written, is in ``words``."""
        positions = self._positions(clitics)
        # walk the smaller side (dict_keys & frozenset would walk the whole frozenset: a table's)
        if len(words) < len(positions):
            present = [positions[w] for w in words if w in positions]
        else:
            present = [at for w, at in positions.items() if w in words]
        if len(present) == 1:
            return present[0]
        if not present:  # most tables have no word in a given text
            return []
        return sorted(set().union(*present))

    def number_indices(self) -> list[int]:
        """Indices of the number tokens, in order."""
        if self._number_indices is None:
            self._number_indices = [i for i, t in enumerate(self.toks) if t.kind == "num"]
        return self._number_indices

    def word_positions(self) -> dict[str, list[int]]:
        """Each word of the text as written, and the indices of its tokens, in order."""
        return self._positions(False)

    def _positions(self, clitics: bool) -> dict[str, list[int]]:
        """Where each reading of a word (``clitics``) or each word as written stands: token
        indices in order. Built once per text, so that a table's matches visit only the tokens
        its first words can begin, not every token once per table."""
        cached = self._reading_positions if clitics else self._word_positions
        if cached is None:
            at: defaultdict[str, list[int]] = defaultdict(list)
            if clitics:
                for i, readings in enumerate(self.readings):
                    for r in readings:
                        at[r].append(i)
            else:
                for i, w in enumerate(self.words):
                    if w is not None:
                        at[w].append(i)
            cached = dict(at)  # a plain dict: a word not in the text must not be added by a lookup
            if clitics:
                self._reading_positions = cached
            else:
                self._word_positions = cached
        return cached

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.tok_starts, pos)


def _adjacent_words(s: Scan, i: int, most: int) -> list[str]:
    """The words from token i on, up to ``most``, while they follow each other with white space only."""
    if most < 1:
        return []
    words = s.words
    run = [cast(str, words[i])]  # callers start on a word
    k = i + 1
    while len(run) < most and k < len(words):
        w = words[k]
        if w is None or not s.adjacent(k - 1, k):
            break
        run.append(w)
        k += 1
    return run


# id(table) -> (the table, first words of its keys, the most words a key has), read on every phrase
# lookup: a plain dict by id is the cheapest key (the table is kept, so its id is never reused)
_SHAPES: dict[int, tuple[Any, frozenset[str], int]] = {}


def _table_shape(table) -> tuple[Any, frozenset[str], int]:
    """First words of a phrase table's keys, and the most words a key has (see _SHAPES)."""
    shape = (table, frozenset(k.split(" ")[0] for k in table), max((k.count(" ") + 1 for k in table), default=0))
    _SHAPES[id(table)] = shape
    return shape


def first_words_of(lang: Language, *tables) -> frozenset[str]:
    """First words of the keys of several phrase tables (one set, built once per language)."""
    key = ("first_words_of", *map(id, tables))
    hit = lang._cache.get(key)
    if hit is None or any(a is not b for a, b in zip(hit[0], tables)):
        hit = (tables, frozenset().union(*(_first_words(lang, t) for t in tables)))
        lang._cache[key] = hit
    return hit[1]


def _first_words(lang: Language, table) -> frozenset[str]:
    """First words of a phrase table's keys, to reject most tokens at once."""
    shape = _SHAPES.get(id(table))
    if shape is None or shape[0] is not table:
        shape = _table_shape(table)
    return shape[1]
