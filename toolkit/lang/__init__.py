"""Per-language data tables, compiled once into normalised lookups (the dateparser way:
language knowledge is data; code reads it through :class:`Language`).

Each language is one data module, ``toolkit/lang/<code>.py`` (``ar``, ``en``, ``fr``): plain
tables of words, checked against the schema in :mod:`toolkit.lang.schema` when this package
is imported (a missing table is an error naming the module and the table), and compiled by
:func:`get_language` on first use. Month and weekday names come from CLDR through Babel
(:mod:`toolkit.lang.cldr`); country names too. Adding a language means adding one module;
:func:`detect_language` and the ``lang`` arguments know it from then on.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Any

from rapidfuzz.distance import Levenshtein

from ..errors import LanguageDataError
from ..text import norm
from . import schema
from .concepts import CONCEPTS

__all__ = ["Language", "get_language", "detect_language", "text_direction", "decimal_letters", "SUPPORTED",
           "LanguageDataError"]

_CODE = re.compile(r"[a-z]{2,3}")


def _discover() -> dict[str, dict[str, Any]]:
    """Every data module of this package (a module named by a language code), its tables checked."""
    found: dict[str, dict[str, Any]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if _CODE.fullmatch(info.name):
            module: ModuleType = importlib.import_module(f"{__name__}.{info.name}")
            found[info.name] = schema.read_module(module)
    return found


_TABLES = _discover()
SUPPORTED = tuple(_TABLES)
_BY_SCRIPT: dict[str, list[str]] = {}
for _code, _t in _TABLES.items():
    _BY_SCRIPT.setdefault(_t["SCRIPT"], []).append(_code)
for _script, _codes in _BY_SCRIPT.items():
    _defaults = [c for c in _codes if _TABLES[c]["SCRIPT_DEFAULT"]]
    if len(_codes) > 1 and len(_defaults) != 1:
        raise LanguageDataError(f"the languages written in the {_script} script ({', '.join(_codes)}) need exactly "
                                f"one with SCRIPT_DEFAULT = True, not {len(_defaults)}")
SCRIPT_DIRECTIONS = {"arabic": "rtl", "latin": "ltr"}


def decimal_letters() -> str:
    """Letters some language writes between digits as a decimal mark (Tunisian ر), all languages together:
    numbers are tokenised alike in every text."""
    return "".join(sorted({ch for t in _TABLES.values() for ch in t["DECIMAL_LETTERS"]}))


_WORD = re.compile(r"[^\W\d_]+")
DETECTION_SAMPLE = 20_000  # characters read for function words (the script is counted over the whole text)


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_ASCII_LETTER = re.compile("[A-Za-z]")  # what c.isascii() and c.isalpha() accept


def detect_language(text: str) -> str:
    """The language of ``text``, the one rule every part of the toolkit uses.

    The script first: Arabic letters against Latin ones (the Arabic script wins a tie, an empty
    text too). Among the languages written in that script, the one whose function words
    (``DETECTION_WORDS``) the text uses most, read from its first ``DETECTION_SAMPLE``
    characters; the script's default language (``SCRIPT_DEFAULT``) when none uses more."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_ASCII_LETTER.findall(text))
    codes = _BY_SCRIPT.get("arabic" if arabic >= latin else "latin", [])
    if not codes:  # pragma: no cover — every installed script has a language
        return SUPPORTED[0]
    default = next((c for c in codes if _TABLES[c]["SCRIPT_DEFAULT"]), codes[0])
    if len(codes) == 1:
        return codes[0]
    words = Counter(_WORD.findall(text[:DETECTION_SAMPLE].lower()))
    scores = {c: sum(words[w] for w in _detection_words(c)) for c in codes}
    best = max(scores.values())
    leaders = [c for c, n in scores.items() if n == best]
    return leaders[0] if best > 0 and len(leaders) == 1 else default


@lru_cache(maxsize=None)
def _detection_words(code: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _TABLES[code]["DETECTION_WORDS"])


def text_direction(text: str) -> str:
    """'rtl' or 'ltr': the writing direction of the script of ``text``'s language."""
    return SCRIPT_DIRECTIONS[_TABLES[detect_language(text)]["SCRIPT"]]


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per language
class Language:
    """One language's tables, normalised (see :mod:`toolkit.lang.schema` for what each holds)."""

    code: str
    script: str
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    hijri_months: dict[str, int]
    hijri_era: tuple[str, ...]
    gregorian_era: tuple[str, ...]
    weekdays: dict[str, int]
    weekday_prefixes: frozenset[str]
    day_prefixes: frozenset[str]
    day_number_nouns: frozenset[str]
    day_suffixes: frozenset[str]
    date_fillers: frozenset[str]
    noun_ordinals: dict[str, int]
    weekday_last_words: frozenset[str]
    month_nouns: frozenset[str]
    month_then_day_words: bool
    ordinal_hyphen_compounds: bool
    relative_days: dict[str, tuple[str, int]]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    same_month: tuple[str, ...]
    relative_day_fillers: frozenset[str]
    ago_words: frozenset[str]
    from_now: dict[str, str]
    from_now_tails: tuple[str, ...]
    relative_to_event_words: frozenset[str]
    vague_amounts: frozenset[str]
    vague_plurals: frozenset[str]
    holidays: dict[str, tuple[str, int, int]]
    future_markers: frozenset[str]
    past_markers: frozenset[str]
    year_words: frozenset[str]
    year_prepositions: frozenset[str]
    year_articles: frozenset[str]
    units: dict[str, int]
    ten_words: dict[str, int]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]
    self_counted_scales: frozenset[str]
    construct_dual_scales: frozenset[str]
    vague_scales: frozenset[str]
    pronoun_numbers: frozenset[str]
    one_of_words: frozenset[str]
    conjunction: str
    fractions: dict[str, float]
    multiplied_fractions: dict[str, float]
    vowelled_fractions: dict[str, float]
    fraction_vowel: str
    decimal_point: frozenset[str]
    negative: frozenset[str]
    percent_words: tuple[str, ...]
    percent_before: frozenset[str]
    approximators: tuple[str, ...]
    lower_bounds: tuple[str, ...]
    upper_bounds: tuple[str, ...]
    ordinal_units: dict[str, int]
    ordinal_teens: dict[str, int]
    ordinal_tens: dict[str, int]
    day_words: dict[str, int]
    group_words: dict[str, int]
    of_words: frozenset[str]
    article_words: frozenset[str]
    or_words: frozenset[str]
    noun_classes: dict[str, str]
    dual_nouns: dict[str, str]
    accusative_endings: tuple[str, ...]
    dual_endings: tuple[str, ...]
    leader_heads: tuple[str, ...]
    counted_by_word_before: dict[str, str]
    duration_classes: frozenset[str]
    duration_prepositions: frozenset[str]
    currencies: dict[str, str]
    currency_abbreviations: dict[str, tuple[str, int]]
    clitic_prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    article: str
    article_prefixes: tuple[str, ...]
    conjunction_prefixes: tuple[str, ...]
    single_letter_clitics: tuple[str, ...]
    of_the_prefixes: tuple[str, ...]
    names_by_capitals: bool
    not_names: frozenset[str]
    short_quotes_are_names: bool
    titles: tuple[str, ...]
    title_descriptors: frozenset[str]
    nisba_endings: tuple[str, ...]
    definite_descriptive_endings: tuple[str, ...]
    present_verb_prefixes: tuple[str, ...]
    future_verb_prefixes: tuple[str, ...]
    function_word_finals: tuple[str, ...]
    given_names: dict[str, bool]
    name_links: frozenset[str]
    org_heads: dict[str, bool]
    party_heads: frozenset[str]
    place_cues: frozenset[str]
    places: dict[str, bool]
    name_stopwords: frozenset[str]
    common_word_zipf: float | None
    stopwords: frozenset[str]
    segment_breaks: tuple[str, ...]
    clause_breaks: frozenset[str]
    abbreviations: frozenset[str]
    directions: dict[str, str]  # normalised word -> "rise" | "fall"
    versus_words: tuple[str, ...]
    from_words: frozenset[str]
    to_words: frozenset[str]
    range_words: frozenset[str]
    range_end_words: frozenset[str]
    member_nouns: frozenset[str]
    partial_list_words: tuple[str, ...]
    member_bodies: dict[str, str]
    feminine_dual_stems: dict[str, str]
    pair_words: frozenset[str]
    frame_break_words: frozenset[str]
    frame_break_prefixes: tuple[str, ...]
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
        return next((c for singular, _ in self._dual_singulars(word) if (c := self.noun_classes.get(singular))), None)

    def feminine_dual_noun(self, word: str) -> str | None:
        """The singular of a feminine dual of a known noun («رحلتين» -> «رحله», «زيارتان»):
        the dual ending after the «ت» of a noun in «ة» (normalised «ه»), where the singular is a
        word of the concept lexicon. Unambiguous, unlike «ـين» on a masculine noun, which is a
        plural too («المواطنين»)."""
        return next((singular for singular, feminine in self._dual_singulars(word)
                     if feminine and self.concept(singular) is not None), None)

    def _dual_singulars(self, word: str) -> Iterator[tuple[str, bool]]:
        """(singular, feminine?) readings of ``word`` as a dual, in order: for each dual ending, the
        word less it, then that base with a feminine stem turned back into the singular's ending."""
        for ending in self.dual_endings:
            base = word[: -len(ending)]
            if word.endswith(ending) and len(base) >= 3:
                yield base, False
                for before, singular in self.feminine_dual_stems.items():
                    if base.endswith(before):
                        yield base[: -len(before)] + singular, True

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
        stems = self._word_memo("_stems")
        hit = stems.get(token)
        if hit is None:
            hit = self._stem(token)
            if len(stems) < 200_000:
                stems[token] = hit
        return hit

    def _word_memo(self, name: str) -> dict:
        """A per-word memo of this language (``name`` has an underscore: no token has one)."""
        memo = self._cache.get(name)
        if memo is None:
            memo = self._cache.setdefault(name, {})
        return memo

    def _stem(self, token: str) -> str:
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
        concepts = self._word_memo("_concepts")
        if token in concepts:
            return concepts[token]
        hit = self._concept(token)
        if len(concepts) < 200_000:
            concepts[token] = hit
        return hit

    def _concept(self, token: str) -> str | None:
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
            if key not in self._cache:  # the first name within one edit, in country_lengths order
                near = _near_names(self, words)
                self._cache[key] = self.countries[near] if near is not None else None
            code = self._cache[key]
        return code


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _near_names(lang: Language, words: str) -> str | None:
    """The first name of ``lang.country_lengths`` (by length: one letter shorter, as long, one
    longer; then in listed order) within one edit of ``words``, found through an index of the
    names and their one-letter deletions rather than by a scan: two words within one edit
    share the word itself or a one-letter deletion (candidates are then checked)."""
    index = lang._cache.get("near_names")
    if index is None:
        index = {}
        for n, names in lang.country_lengths.items():
            for pos, name in enumerate(names):
                for variant in _deletions(name) | {name}:
                    index.setdefault(variant, []).append((n, pos, name))
        lang._cache["near_names"] = index
    candidates = {c for variant in _deletions(words) | {words} for c in index.get(variant, ())}
    found = [(n - len(words), pos, name) for n, pos, name in candidates
             if abs(n - len(words)) <= 1 and Levenshtein.distance(words, name, score_cutoff=1) <= 1]
    return min(found)[2] if found else None


# -- compiling a data module ------------------------------------------------------------------

# Tables read by the compiler itself rather than copied to a field of the same name.
_DERIVED = {"CODE", "SCRIPT_DEFAULT", "DETECTION_WORDS", "DECIMAL_LETTERS", "RISE_WORDS", "FALL_WORDS",
            "COUNTRY_ALIASES", "NOT_COUNTRIES", "CONCEPTS"}


def _compile(kind: str, value: Any) -> Any:
    if kind == "table":
        return {norm(k): v for k, v in value.items()}
    if kind == "words":
        return frozenset(norm(x) for x in value)
    if kind == "phrases":
        return tuple(norm(x) for x in value)
    if kind == "longest":
        return tuple(sorted((norm(x) for x in value), key=len, reverse=True))
    if kind == "lookup":
        return {norm(x): True for x in value}
    if isinstance(value, (list, set, frozenset)):  # raw words: class names, original letters
        return frozenset(value) if isinstance(value, (set, frozenset)) else tuple(value)
    return value


def _countries(code: str) -> dict[str, str]:
    """Country names in this language's text: CLDR's names in the language and in English, and
    every language's aliases (names CLDR lacks)."""
    from .cldr import territory_names

    names: dict[str, str] = {}
    for loc in {code, "en"}:
        for name, iso in territory_names(loc):
            names[norm(name)] = iso
    for tables in _TABLES.values():
        for iso, aliases in tables["COUNTRY_ALIASES"].items():
            for a in aliases:
                names[norm(a)] = iso
    for word in _TABLES[code]["NOT_COUNTRIES"]:
        names.pop(norm(word), None)
    # Arabic text writes many names with the article (الهند، البرازيل) and some without.
    return names


def _concepts(code: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for w in words.get(code, []):
            out[norm(w)] = concept
    for concept, own in _TABLES[code]["CONCEPTS"].items():  # a data module's own concept words
        for w in own:
            out[norm(w)] = concept
    return out


@lru_cache(maxsize=None)
def get_language(code: str) -> Language:
    if code not in _TABLES:
        raise ValueError(f"unsupported language {code!r}; expected one of {', '.join(SUPPORTED)}")
    t = _TABLES[code]
    fields: dict[str, Any] = {table.name.lower(): _compile(table.kind, t[table.name])
                              for table in schema.TABLES if table.name not in _DERIVED}
    fields["duration_classes"] = frozenset(t["DURATION_CLASSES"])
    fields["function_word_finals"] = tuple(t["FUNCTION_WORD_FINALS"])
    fields["from_now"] = {norm(k): norm(v) for k, v in t["FROM_NOW"].items()}
    fields["from_now_tails"] = tuple(norm(v) for v in t["FROM_NOW"].values())
    fields["directions"] = {**{norm(w): "rise" for w in t["RISE_WORDS"]}, **{norm(w): "fall" for w in t["FALL_WORDS"]}}
    fields["article"] = norm(t["ARTICLE"]) if t["ARTICLE"] else ""
    countries = _countries(code)
    lengths: dict[int, list[str]] = {}
    for name in countries:
        if " " not in name and len(name) >= 6:
            lengths.setdefault(len(name), []).append(name)
    return Language(code=code, countries=countries, concepts=_concepts(code),
                    country_lengths={n: tuple(v) for n, v in lengths.items()}, **fields)
