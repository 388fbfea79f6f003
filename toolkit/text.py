"""Text layer: matching normalisation that keeps an offset map back to the original.

Every later stage (mentions, alignment, evidence) works on the normalised text and
maps spans back through :class:`NormalizedText`, so evidence always points at the
characters of the source as the user gave it.

Hand-written because no library normalises Arabic *and* keeps a per-character
offset map (pyarabic and camel-tools return a new string and lose positions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Characters removed outright: harakat, Quranic marks, tatweel, bidi marks, ZWJ/ZWNJ.
_DROPPED = set(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)

# One-to-one replacements: letter variants, digits in every script, punctuation.
_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ۀ": "ه", "ڤ": "ف", "گ": "ك", "پ": "ب", "چ": "ج",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‹": '"', "›": '"',
    "‘": "'", "’": "'", "‚": "'", "`": "'",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ",
    "–": "-", "—": "-", "ـ": "",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Eastern Arabic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus, for each of its characters, the index in the original."""

    original: str
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to the original string."""
        if start >= end:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def original_slice(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


# str.translate does the one-to-one part; characters it deletes are the only ones whose
# removal shifts offsets, so the map is built from the kept positions alone.
_TABLE: dict[int, str | None] = {ord(c): None for c in _DROPPED}
_TABLE.update({ord(k): (v or None) for k, v in _MAP.items()})
_TABLE.update({c: chr(c).lower() for c in range(ord("A"), ord("Z") + 1)})
_TABLE.update({c: chr(c).lower() for c in range(0xC0, 0x250)
               if len(chr(c).lower()) == 1 and chr(c).lower() != chr(c)})
_DELETED = {chr(c) for c, v in _TABLE.items() if v is None}
# The same mapping applied by a regex over the characters it changes: a text has few of them, and
# str.translate looks every character up in the table (about 3x slower on an article).
_REPLACEMENT = {chr(c): (v or "") for c, v in _TABLE.items() if v != chr(c)}
_CHANGED_RE = re.compile("[" + re.escape("".join(sorted(_REPLACEMENT))) + "]")
_DELETED_RE = re.compile("[" + re.escape("".join(sorted(_DELETED))) + "]")


def _replace(changed: re.Match) -> str:
    return _REPLACEMENT[changed.group()]


@lru_cache(maxsize=256)
def normalize(original: str) -> NormalizedText:
    """Normalise for matching; lower-case Latin letters; keep the offset map."""
    text = _CHANGED_RE.sub(_replace, original)
    if _DELETED_RE.search(original) is None:
        offsets = tuple(range(len(original) + 1))
    else:
        kept: list[int] = []  # the positions between deleted characters, range by range
        after_deleted = 0
        for deleted in _DELETED_RE.finditer(original):
            kept.extend(range(after_deleted, deleted.start()))
            after_deleted = deleted.end()
        kept.extend(range(after_deleted, len(original) + 1))
        offsets = tuple(kept)
    return NormalizedText(original, text, offsets)


def norm(text: str) -> str:
    """The normalised string alone (for building lookup tables)."""
    return normalize(text).text


def is_arabic(token: str) -> bool:
    """Is the token written in the Arabic script (by its first character)?"""
    return bool(token) and "\u0600" <= token[0] <= "\u06ff"


def script_of(token: str) -> str:
    """The script a token is written in: 'arabic' or 'latin' (by its first character)."""
    return "arabic" if is_arabic(token) else "latin"


def detect_language(text: str) -> str:
    """The language of ``text``: :func:`toolkit.lang.detect_language` (the one rule; kept here
    for older imports)."""
    from .lang import detect_language as detect

    return detect(text)


# Consonant skeletons let names match across spelling variants (زيلينسكي/زيلنسكي,
# فلاديمير/فولوديمير) and across scripts (بوتين/Putin): long vowels and h-sounds
# are dropped, close consonants merged.
_AR_SKELETON = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "", "خ": "k", "د": "d", "ذ": "z",
    "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "", "و": "", "ي": "", "ا": "", "ء": "",
}
_EN_DIGRAPHS = [("ph", "f"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("kh", "k"), ("gh", "g"),
                ("dh", "d"), ("ck", "k"), ("x", "ks"), ("ou", "")]
_EN_SKELETON = {"p": "b", "v": "f", "c": "k", "q": "k", "j": "g", "w": "", "h": "", "y": "",
                "a": "", "e": "", "i": "", "o": "", "u": ""}


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of a normalised word, comparable across Arabic and Latin script."""
    if is_arabic(word):
        out = "".join(_AR_SKELETON.get(c, "") for c in word)
    else:
        w = word.lower()
        for a, b in _EN_DIGRAPHS:
            w = w.replace(a, b)
        out = "".join(_EN_SKELETON.get(c, c) for c in w if c.isalpha())
    return re.sub(r"(.)\1+", r"\1", out)
