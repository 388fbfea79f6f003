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


@lru_cache(maxsize=256)
def normalize(original: str) -> NormalizedText:
    """Normalise for matching; lower-case Latin letters; keep the offset map."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(original):
        if ch in _DROPPED:
            continue
        rep = _MAP.get(ch, ch)
        if rep == "":
            continue
        if rep.isascii() and rep.isalpha():
            rep = rep.lower()
        elif len(rep) == 1 and "\u00c0" <= rep <= "\u024f":
            low = rep.lower()
            rep = low if len(low) == 1 else rep
        chars.append(rep)
        offsets.append(i)
    offsets.append(len(original))
    return NormalizedText(original, "".join(chars), tuple(offsets))


def norm(text: str) -> str:
    """The normalised string alone (for building lookup tables)."""
    return normalize(text).text


TOKEN_RE = re.compile(r"[^\W_]+(?:['-][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets into the normalised text
    end: int


def tokenize(normalized: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(normalized)]


def is_arabic(token: str) -> bool:
    return bool(token) and "\u0600" <= token[0] <= "\u06ff"


def detect_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en'."""
    arabic = sum(1 for c in text if "\u0621" <= c <= "\u064a")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return "ar" if arabic >= latin else "en"


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
