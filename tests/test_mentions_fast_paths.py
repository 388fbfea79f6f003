"""The fast paths of the mention finders give what the plain walks they replace gave."""

from __future__ import annotations

import random
import re

from toolkit.lang import get_language
from toolkit.mentions.scan import _TOKEN_RE, Scan, tokenize
from toolkit.text import _DELETED, _TABLE, normalize

SAMPLES = [
    "قال الرئيس الروسي فلاديمير بوتين يوم الاثنين 12 مارس 2018 إن 3ر643 مليون دينار، و231 336 شخصا.",
    "وصل أكثر من ثلاثة وعشرين ألفا إلى «صفاقس» في 2016، بنسبة 7.5 % (841 991 2 دولار).",
    "The U.S. President Donald Trump said on Monday that 1,234,567.5 people—or 12% of them—left.",
    "\u0625\u0650\u0646\u0651\u064e \u0627\u0644\u0644\u0647\u0640\u0640 \u200fو\u200e 0,23456 12261،2",
]


def _reference_normalize(original: str) -> tuple[str, tuple[int, ...]]:
    """What normalize computed before: str.translate, and a walk over every character."""
    return (original.translate(_TABLE),
            tuple([i for i, ch in enumerate(original) if ch not in _DELETED] + [len(original)]))


def test_normalize_matches_translate_and_the_character_walk():
    rng = random.Random(13)
    alphabet = [chr(c) for c in range(0x20, 0x700)] + ["\u064b", "\u0640", "\u200f", "\u200c", "\t", "\n"] * 20
    texts = SAMPLES + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(2000)]
    for text in texts:
        nt = normalize.__wrapped__(text)
        assert (nt.text, nt.offsets) == _reference_normalize(text), text


def test_the_token_regex_finds_what_the_number_first_order_found():
    """Words and punctuation are tried first now; no number alternative can start where they do."""
    body = _TOKEN_RE.pattern
    words = r"(?P<word>[^\W\d_]+(?:['\-][^\W\d_]+)*)"
    punct = r"(?P<punct>[^\s\w])"
    assert words in body and punct in body and body.endswith(")")
    numbers_first = body.replace(words, "(?!)").replace(punct, "(?!)")
    numbers_first = numbers_first[:-len(")")] + f"|{words}|{punct})"
    reference = re.compile(numbers_first, re.VERBOSE | re.UNICODE)
    rng = random.Random(7)
    alphabet = list("0123456789 ,.ر-'%$()abcXYZقالوزير\n") + ["،", "٫"]
    texts = [normalize(t).text for t in SAMPLES]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for text in texts:
        assert [(m.lastgroup, m.span()) for m in _TOKEN_RE.finditer(text)] == \
            [(m.lastgroup, m.span()) for m in reference.finditer(text)], text


def test_starting_with_is_the_walk_over_every_token():
    lang = get_language("ar")
    for text in SAMPLES:
        s = Scan(normalize(text), lang, None)
        vocabulary = {r for readings in s.readings for r in readings}
        for words in (set(), {"الرئيس"}, {"رئيس", "بوتين", "مليون"}, vocabulary, {"nowhere"}):
            assert s.starting_with(words) == [i for i, r in enumerate(s.readings) if r & words]
            assert s.starting_with(words, clitics=False) == [i for i, w in enumerate(s.words) if w in words]
        assert s.number_indices() == [i for i, t in enumerate(s.toks) if t.kind == "num"]


def test_tokens_keep_their_type_and_fields():
    toks, _ = tokenize(normalize(SAMPLES[0]).text)
    assert all(type(t).__name__ == "Tok" and len(t) == 6 for t in toks)
    word = next(t for t in toks if t.kind == "word")
    assert word.number is None and word.decimals == 0
