"""Per-language data tables, compiled once into normalised lookups (the dateparser way:
language knowledge is data; code reads it through :class:`Language`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType

from babel import Locale

from rapidfuzz.distance import Levenshtein

from ..text import norm
from . import ar, en
from .concepts import CONCEPTS

_MODULES: dict[str, ModuleType] = {"ar": ar, "en": en}
SUPPORTED = tuple(_MODULES)

# Country names not in CLDR's display names but common in news.
_COUNTRY_ALIASES = {
    "GB": ["بريطانيا", "Britain", "UK", "U.K."],
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "USA", "U.S.", "US", "America"],
    "RU": ["روسيا الاتحادية"],
    "KG": ["قرغيزستان", "Kyrgyz Republic"],
    "KP": ["كوريا الشمالية"],
    "KR": ["كوريا الجنوبية"],
    "CN": ["بيجين"],
    "EG": ["جمهورية مصر العربية"],
}


def _normalised(mapping: dict, value_fn=lambda v: v) -> dict:
    return {norm(k): value_fn(v) for k, v in mapping.items()}


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per language
class Language:
    code: str
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    hijri_era: tuple[str, ...]
    gregorian_era: tuple[str, ...]
    weekdays: dict[str, int]
    relative_days: dict[str, tuple[str, int]]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    ago_words: frozenset[str]
    from_now: dict[str, str]
    from_now_tails: tuple[str, ...]
    vague_amounts: frozenset[str]
    vague_plurals: frozenset[str]
    holidays: dict[str, tuple[str, int, int]]
    fractions: dict[str, float]
    multiplied_fractions: dict[str, float]
    vowelled_fractions: dict[str, float]
    fraction_vowel: str
    decimal_point: frozenset[str]
    negative: frozenset[str]
    percent_before: frozenset[str]
    future_markers: frozenset[str]
    past_markers: frozenset[str]
    year_words: frozenset[str]
    year_prepositions: frozenset[str]
    units: dict[str, int]
    ten_words: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]
    self_counted_scales: frozenset[str]
    conjunction: str
    construct_dual_scales: frozenset[str]
    ordinal_units: dict[str, int]
    ordinal_teens: dict[str, int]
    ordinal_tens: dict[str, int]
    group_words: dict[str, int]
    percent_words: tuple[str, ...]
    approximators: tuple[str, ...]
    lower_bounds: tuple[str, ...]
    upper_bounds: tuple[str, ...]
    noun_classes: dict[str, str]
    dual_nouns: dict[str, str]
    leader_heads: tuple[str, ...]
    duration_classes: frozenset[str]
    duration_prepositions: frozenset[str]
    accusative_endings: tuple[str, ...]
    dual_endings: tuple[str, ...]
    currencies: dict[str, str]
    currency_abbreviations: dict[str, tuple[str, int]]
    clitic_prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    titles: tuple[str, ...]
    given_names: dict[str, bool]
    name_links: frozenset[str]
    org_heads: dict[str, bool]
    party_heads: frozenset[str]
    place_cues: frozenset[str]
    places: dict[str, bool]
    name_stopwords: frozenset[str]
    stopwords: frozenset[str]
    segment_breaks: tuple[str, ...]
    abbreviations: frozenset[str]
    common_word_zipf: float | None
    directions: dict[str, str]  # normalised word -> "rise" | "fall"
    versus_words: tuple[str, ...]
    countries: dict[str, str]  # normalised name -> ISO code
    concepts: dict[str, str]  # normalised word (and its light stem) -> concept id
    country_lengths: dict[int, tuple[str, ...]] = field(default_factory=dict)  # one-word names by length
    _cache: dict = field(default_factory=dict, repr=False)

    def table(self, name: str) -> dict[str, bool]:
        """A word list of this language as a lookup table (for phrase matching)."""
        key = ("table", name)
        if key not in self._cache:
            self._cache[key] = {w: True for w in getattr(self, name)}
        return self._cache[key]

    @property
    def number_words(self) -> dict[str, int]:
        table = self._cache.get("number_words")
        if table is None:
            table = {**self.units, **self.ten_words, **self.tens, **self.hundreds, **self.scales,
                     **self.fractions, **self.multiplied_fractions}
            self._cache["number_words"] = table
        return table

    def common_word(self, word: str) -> bool:
        """Is this a common word of the language (wordfreq's Zipf scale), not a name?"""
        if self.common_word_zipf is None:
            return False
        from wordfreq import zipf_frequency  # loaded on first use: its word lists take a moment

        return zipf_frequency(word, self.code) >= self.common_word_zipf

    def noun_class(self, word: str) -> str | None:
        """The class of a counted noun (its accusative form too: وزيرا is وزير)."""
        hit = self.noun_classes.get(word)
        if hit is None:
            for ending in self.accusative_endings:
                if word.endswith(ending) and len(word) > len(ending) + 1:
                    hit = self.noun_classes.get(word[: -len(ending)])
                    if hit:
                        break
        return hit

    def dual_class(self, word: str) -> str | None:
        """The class of a dual noun: listed (يومين), or a listed singular plus a dual ending
        (نائبين، وزيرتين). A listed form is a plural, not a dual (سنين)."""
        hit = self.dual_nouns.get(word)
        if hit is not None or word in self.noun_classes:
            return hit
        for ending in self.dual_endings:
            base = word[: -len(ending)]
            if word.endswith(ending) and len(base) >= 3:
                hit = self.noun_classes.get(base) or (
                    self.noun_classes.get(base[:-1] + "ه") if base.endswith("ت") else None)
                if hit:
                    return hit
        return None

    def clitic_splits(self, token: str) -> list[tuple[str, str]]:
        """(prefix, remainder) candidates, the token itself first, longer prefixes after."""
        cached = self._cache.get(token)
        if cached is None:
            cached = [("", token)] + [(p, token[len(p):]) for p in self.clitic_prefixes
                                      if token.startswith(p) and len(token) - len(p) >= 2]
            if len(self._cache) < 200_000:
                self._cache[token] = cached
        return cached

    def stem(self, token: str) -> str:
        """Light stem for aligning passages (after Larkey's light10): the article and
        و come off, single-letter clitics do not (لقاء، بوتين would lose a root letter)."""
        if not self.clitic_prefixes:  # English: plural s
            return token[:-1] if len(token) > 4 and token.endswith("s") else token
        word = token
        for p in self.clitic_prefixes:
            if (len(p) > 1 or p == "و") and word.startswith(p) and len(word) - len(p) >= 3:
                word = word[len(p):]
                break
        for s in self.suffixes:
            if word.endswith(s) and len(word) - len(s) >= 3:
                word = word[: -len(s)]
                break
        return word

    def concept(self, token: str) -> str | None:
        """The bilingual concept a word names, clitics and light suffixes tolerated."""
        for _, rest in self.clitic_splits(token):
            hit = self.concepts.get(rest)
            if hit:
                return hit
        stem = self.stem(token)
        return self.concepts.get(stem) or self._stem_concepts().get(stem)

    def _stem_concepts(self) -> dict[str, str]:
        table = self._cache.get("stem_concepts")
        if table is None:
            table = {self.stem(w): c for w, c in self.concepts.items()}
            self._cache["stem_concepts"] = table
        return table

    def country(self, words: str) -> str | None:
        """ISO code of a normalised country name, tolerating one letter of spelling
        variation in long names (قرغيزستان/قيرغيزستان)."""
        code = self.countries.get(words)
        if code is None and " " not in words and len(words) >= 6:
            key = ("country", words)
            if key not in self._cache:
                self._cache[key] = next(
                    (self.countries[name] for n in (len(words) - 1, len(words), len(words) + 1)
                     for name in self.country_lengths.get(n, ())
                     if Levenshtein.distance(words, name, score_cutoff=1) <= 1), None)
            code = self._cache[key]
        return code


def _countries(code: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for loc in {code, "en"}:
        for iso, name in Locale(loc).territories.items():
            if iso.isalpha() and len(iso) == 2:
                names[norm(name)] = iso
    for iso, aliases in _COUNTRY_ALIASES.items():
        for a in aliases:
            names[norm(a)] = iso
    # Arabic text writes many names with the article (الهند، البرازيل) and some without.
    return names


def _concepts(code: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for w in words.get(code, []):
            out[norm(w)] = concept
    return out


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    if code not in _MODULES:
        raise ValueError(f"unsupported language {code!r}; expected one of {', '.join(SUPPORTED)}")
    m = _MODULES[code]
    countries = _countries(code)
    lengths: dict[int, list[str]] = {}
    for name in countries:
        if " " not in name and len(name) >= 6:
            lengths.setdefault(len(name), []).append(name)
    return Language(
        code=code,
        months=_normalised(m.MONTHS),
        ambiguous_months=frozenset(norm(x) for x in m.AMBIGUOUS_MONTHS),
        hijri_months=_normalised(m.HIJRI_MONTHS),
        hijri_era=tuple(norm(x) for x in m.HIJRI_ERA),
        gregorian_era=tuple(norm(x) for x in m.GREGORIAN_ERA),
        weekdays=_normalised(m.WEEKDAYS),
        relative_days=_normalised(m.RELATIVE_DAYS),
        relative_months=_normalised(m.RELATIVE_MONTHS),
        relative_years=_normalised(m.RELATIVE_YEARS),
        ago_words=frozenset(norm(x) for x in m.AGO_WORDS),
        from_now={norm(k): norm(v) for k, v in m.FROM_NOW.items()},
        from_now_tails=tuple(norm(v) for v in m.FROM_NOW.values()),
        vague_amounts=frozenset(norm(x) for x in m.VAGUE_AMOUNTS),
        vague_plurals=frozenset(norm(x) for x in m.VAGUE_PLURALS),
        holidays=_normalised(m.HOLIDAYS),
        fractions=_normalised(m.FRACTIONS),
        multiplied_fractions=_normalised(m.MULTIPLIED_FRACTIONS),
        vowelled_fractions=_normalised(m.VOWELLED_FRACTIONS),
        fraction_vowel=m.FRACTION_VOWEL,
        decimal_point=frozenset(norm(x) for x in m.DECIMAL_POINT),
        negative=frozenset(norm(x) for x in m.NEGATIVE),
        percent_before=frozenset(norm(x) for x in m.PERCENT_BEFORE),
        future_markers=frozenset(norm(x) for x in m.FUTURE_MARKERS),
        past_markers=frozenset(norm(x) for x in m.PAST_MARKERS),
        year_words=frozenset(norm(x) for x in m.YEAR_WORDS),
        year_prepositions=frozenset(norm(x) for x in m.YEAR_PREPOSITIONS),
        units=_normalised(m.UNITS),
        ten_words=_normalised(m.TEN_WORDS),
        tens=_normalised(m.TENS),
        hundreds=_normalised(m.HUNDREDS),
        scales=_normalised(m.SCALES),
        self_counted_scales=frozenset(norm(x) for x in m.SELF_COUNTED_SCALES),
        conjunction=m.CONJUNCTION,
        construct_dual_scales=frozenset(norm(x) for x in m.CONSTRUCT_DUAL_SCALES),
        ordinal_units=_normalised(m.ORDINAL_UNITS),
        ordinal_teens=_normalised(m.ORDINAL_TEENS),
        ordinal_tens=_normalised(m.ORDINAL_TENS),
        group_words=_normalised(m.GROUP_WORDS),
        percent_words=tuple(norm(x) for x in m.PERCENT_WORDS),
        approximators=tuple(norm(x) for x in m.APPROXIMATORS),
        lower_bounds=tuple(norm(x) for x in m.LOWER_BOUNDS),
        upper_bounds=tuple(norm(x) for x in m.UPPER_BOUNDS),
        noun_classes=_normalised(m.NOUN_CLASSES),
        dual_nouns=_normalised(m.DUAL_NOUNS),
        leader_heads=tuple(norm(x) for x in m.LEADER_HEADS),
        duration_classes=frozenset(m.DURATION_CLASSES),
        duration_prepositions=frozenset(norm(x) for x in m.DURATION_PREPOSITIONS),
        accusative_endings=tuple(norm(x) for x in m.ACCUSATIVE_ENDINGS),
        dual_endings=tuple(norm(x) for x in m.DUAL_ENDINGS),
        currencies=_normalised(m.CURRENCIES),
        currency_abbreviations=_normalised(m.CURRENCY_ABBREVIATIONS),
        clitic_prefixes=tuple(sorted((norm(x) for x in m.CLITIC_PREFIXES), key=len, reverse=True)),
        suffixes=tuple(norm(x) for x in m.SUFFIXES),
        titles=tuple(sorted((norm(x) for x in m.TITLES), key=len, reverse=True)),
        given_names={norm(x): True for x in m.GIVEN_NAMES},
        name_links=frozenset(norm(x) for x in m.NAME_LINKS),
        org_heads={norm(x): True for x in m.ORG_HEADS},
        party_heads=frozenset(norm(x) for x in m.PARTY_HEADS),
        place_cues=frozenset(norm(x) for x in m.PLACE_CUES),
        places={norm(x): True for x in m.PLACES},
        name_stopwords=frozenset(norm(x) for x in m.NAME_STOPWORDS),
        stopwords=frozenset(norm(x) for x in m.STOPWORDS),
        segment_breaks=tuple(norm(x) for x in m.SEGMENT_BREAKS),
        abbreviations=frozenset(norm(x) for x in m.ABBREVIATIONS),
        common_word_zipf=m.COMMON_WORD_ZIPF,
        directions={**{norm(w): "rise" for w in m.RISE_WORDS}, **{norm(w): "fall" for w in m.FALL_WORDS}},
        versus_words=tuple(norm(x) for x in m.VERSUS_WORDS),
        countries=countries,
        concepts=_concepts(code),
        country_lengths={n: tuple(v) for n, v in lengths.items()},
    )
