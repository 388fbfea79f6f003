"""The schema of a language data module (``toolkit/lang/xx.py``): every table, its type, whether
it is required, and how it is normalised when compiled into a :class:`toolkit.lang.Language`.

A data module is plain Python: upper-case names bound to dicts, lists, strings, booleans. Words
are written as the press spells them; compiling normalises them (:func:`toolkit.text.norm`:
hamza forms, ة/ه, ى/ي, digits, lower case), so spelling variants need no entries of their own.
A table marked required must be there; any other table may be left out and is then empty (or
``False``). A missing required table, or a table of the wrong type, is a
:class:`~toolkit.errors.LanguageDataError` when :mod:`toolkit.lang` is imported, naming the
module and the table.

How each table is compiled (``kind``):

- ``table``: a dict whose keys are words or phrases, normalised;
- ``words``: a set of normalised words (membership);
- ``phrases``: a tuple of normalised words or phrases, in the order written (``startswith``);
- ``longest``: the same, longest first (prefixes and titles are tried longest first);
- ``lookup``: ``{normalised word: True}`` (a phrase table for names);
- ``raw``: as written (letters compared with the original text, class names, flags).
"""

from __future__ import annotations

import types
import typing
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, Literal, Union

from ..errors import LanguageDataError

Words = Collection[str]  # a list, tuple or set of words or phrases
Kind = Literal["table", "words", "phrases", "longest", "lookup", "raw"]
_REQUIRED: Any = object()


@dataclass(frozen=True)
class Table:
    name: str  # the module attribute
    type: Any  # what it must be (checked at import)
    kind: Kind
    doc: str
    default: Any = _REQUIRED

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED


def _t(name: str, type_: Any, kind: Kind, doc: str, default: Any = _REQUIRED) -> Table:
    return Table(name, type_, kind, doc, default)


E: tuple[str, ...] = ()  # an empty word list
Script = Literal["arabic", "latin"]

TABLES: tuple[Table, ...] = (
    # -- identity and detection ----------------------------------------------------------------
    _t("CODE", str, "raw", "the language code (ISO 639-1), the module's name"),
    _t("SCRIPT", Script, "raw", "the script the language is written in: 'arabic' or 'latin'"),
    _t("SCRIPT_DEFAULT", bool, "raw", "the language a text in this script is taken to be when its "
       "function words decide nothing (one per script)", False),
    _t("DETECTION_WORDS", Words, "words", "frequent function words that tell this language from the other "
       "languages of its script (detect_language)", E),
    # -- dates ------------------------------------------------------------------------------------
    _t("MONTHS", dict[str, int], "table", "month name -> 1..12 (from CLDR: see toolkit.lang.cldr)"),
    _t("AMBIGUOUS_MONTHS", Words, "words", "month names that are everyday words too: a month only next to a "
       "day or a year", E),
    _t("HIJRI_MONTHS", dict[str, int], "table", "Hijri month name -> 1..12", {}),
    _t("HIJRI_ERA", Words, "phrases", "era marks after a Hijri year", E),
    _t("GREGORIAN_ERA", Words, "phrases", "era marks after a Gregorian year", E),
    _t("WEEKDAYS", dict[str, int], "table", "weekday name -> 0 (Monday)..6 (from CLDR)"),
    _t("WEEKDAY_PREFIXES", Words, "words", "a word before a weekday that belongs to the date ('on', «يوم»)", E),
    _t("DAY_PREFIXES", Words, "words", "a word before a day number that belongs to the date ('the', «يوم»)", E),
    _t("DAY_NUMBER_NOUNS", Words, "words", "the noun 'day' before a day number of an unnamed month («يوم 27»)", E),
    _t("DAY_SUFFIXES", Words, "words", "suffixes written after a day number ('15th', '1er')", E),
    _t("DATE_FILLERS", Words, "words", "words between a weekday, day and month («من», 'of')", E),
    _t("NOUN_ORDINALS", dict[str, int], "table", "an ordinal written before the noun it counts: a weekday within "
       "its month («أول جمعة من رمضان», 'the first Monday of July'), a day of a holiday («ثاني أيام عيد "
       "الأضحى»): 1..5, or -1 for 'last'", {}),
    _t("WEEKDAY_LAST_WORDS", Words, "words", "'last' written after a weekday of a month («الثلاثاء الأخير من "
       "مارس»)", E),
    _t("MONTH_NOUNS", Words, "words", "the noun 'month' before a month name", E),
    _t("MONTH_THEN_DAY_WORDS", bool, "raw", "a day may follow its month in words ('August fifteenth'), not "
       "only in digits or as an ordinal day", False),
    _t("ORDINAL_HYPHEN_COMPOUNDS", bool, "raw", "ordinal days are hyphenated compounds ('twenty-first')", False),
    _t("RELATIVE_DAYS", dict[str, tuple[str, int]], "table", "phrase -> (anchor, days): anchor 'published' "
       "(the publication date) or 'previous' (the date the text gave last)"),
    _t("RELATIVE_MONTHS", dict[str, int], "table", "phrase -> months from the publication date's month", {}),
    _t("RELATIVE_YEARS", dict[str, int], "table", "phrase -> years from the publication date's year", {}),
    _t("SAME_MONTH", Words, "phrases", "'the same month': the month of the date the text gave last («في 3 من الشهر "
       "نفسه»)", E),
    _t("RELATIVE_DAY_FILLERS", Words, "words", "words left out when two relative days are compared", E),
    _t("AGO_WORDS", Words, "words", "a word before a duration that makes it a date before publication", E),
    _t("FROM_NOW", dict[str, str], "table", "a word before a duration -> the phrase after it that makes it a "
       "date after publication", {}),
    _t("RELATIVE_TO_EVENT_WORDS", Words, "words", "a word after 'N days ago' that counts from another event", E),
    _t("VAGUE_AMOUNTS", Words, "words", "'a few', 'several': a date, not a computable one", E),
    _t("VAGUE_PLURALS", Words, "words", "plural time nouns with no number: a vague span", E),
    _t("HOLIDAYS", dict[str, tuple[str, int, int]], "table", "name -> (calendar, month, day); the calendar "
       "'movable' (Easter: no fixed day) makes it a date found, not dated", {}),
    _t("FUTURE_MARKERS", Words, "words", "'next' after a date or weekday", E),
    _t("PAST_MARKERS", Words, "words", "'last' after a date or weekday", E),
    _t("YEAR_WORDS", Words, "words", "words before a year that belong to the date («عام», 'in')", E),
    _t("YEAR_PREPOSITIONS", Words, "words", "words that make a bare year a date («منذ», 'since')", E),
    _t("YEAR_ARTICLES", Words, "words", "an article of one before a bare four-digit figure makes it a year "
       "('a 1997 outbreak': one thing, not 1997 of them)", E),
    # -- numbers ----------------------------------------------------------------------------------
    _t("UNITS", dict[str, int], "table", "number words below the tens (every gender and case)"),
    _t("TEN_WORDS", dict[str, int], "table", "ten, alone or added to a unit (أحد عشر)", {}),
    _t("TENS", dict[str, int], "table", "twenty, thirty..."),
    _t("HUNDREDS", dict[str, int], "table", "hundred and its multiples"),
    _t("SCALES", dict[str, int], "table", "thousand, million... -> multiplier"),
    _t("SELF_COUNTED_SCALES", Words, "words", "duals that carry their own multiplier (ألفان)", E),
    _t("CONSTRUCT_DUAL_SCALES", Words, "words", "a lone construct dual counts two (مليارا دولار)", E),
    _t("VAGUE_SCALES", Words, "words", "plural scales alone ('thousands'): no value", E),
    _t("PRONOUN_NUMBERS", Words, "words", "number words that alone are no value: a pronoun («أحد»: one of) or "
       "an article (French «une»)", E),
    _t("ONE_OF_WORDS", Words, "words", "after the word 'one': a pronoun ('one of'), not a value", E),
    _t("CONJUNCTION", str, "raw", "'and' between number words (as written, also as a prefix: وعشرين)"),
    _t("FRACTIONS", dict[str, float], "table", "half, quarter, third", {}),
    _t("MULTIPLIED_FRACTIONS", dict[str, float], "table", "plural fractions: three quarters = 3 x 1/4", {}),
    _t("VOWELLED_FRACTIONS", dict[str, float], "table", "fractions spelt like other words, told by a vowel", {}),
    _t("FRACTION_VOWEL", str, "raw", "the vowel that marks a vowelled fraction", ""),
    _t("DECIMAL_POINT", Words, "words", "the word 'point' in spelt decimals", E),
    _t("DECIMAL_LETTERS", Words, "raw", "a letter between digits read as a decimal mark, fraction first "
       "(Tunisian 3ر643 = 643.3)", E),
    _t("NEGATIVE", Words, "words", "'minus' before a number", E),
    _t("PERCENT_WORDS", Words, "phrases", "'percent' after a number"),
    _t("PERCENT_BEFORE", Words, "words", "'percent' written before a number («بنسبة»)", E),
    _t("APPROXIMATORS", Words, "phrases", "'about', 'more than': the value is loose"),
    _t("LOWER_BOUNDS", Words, "phrases", "approximators that bound a value from below", E),
    _t("UPPER_BOUNDS", Words, "phrases", "approximators that bound a value from above", E),
    _t("ORDINAL_UNITS", dict[str, int], "table", "ordinals 1..10 (and English to 19)", {}),
    _t("ORDINAL_TEENS", dict[str, int], "table", "the 'teen' word of an ordinal (الخامس عشر)", {}),
    _t("ORDINAL_TENS", dict[str, int], "table", "ordinal tens (العشرين, 'twenty')", {}),
    _t("DAY_WORDS", dict[str, int], "table", "words that name a day of a month without an ordinal («غرة رمضان»: its "
       "first day)", {}),
    _t("GROUP_WORDS", dict[str, int], "table", "words for a group of n ('trilateral')", {}),
    _t("OF_WORDS", Words, "words", "'of' between a number and what it counts", E),
    _t("ARTICLE_WORDS", Words, "words", "a separate article after 'of' ('eight of the leaders')", E),
    _t("OR_WORDS", Words, "words", "'or' between alternative values", E),
    # -- counted nouns, durations, currencies -------------------------------------------------------
    _t("NOUN_CLASSES", dict[str, str], "table", "counted noun -> class (leader, person, day, ...)"),
    _t("DUAL_NOUNS", dict[str, str], "table", "dual noun -> class: a count of two", {}),
    _t("ACCUSATIVE_ENDINGS", Words, "phrases", "endings taken off a counted noun (وزيرا)", E),
    _t("DUAL_ENDINGS", Words, "phrases", "endings that make a listed singular a dual", E),
    _t("LEADER_HEADS", Words, "phrases", "'leaders of N countries' counts leaders", E),
    _t("COUNTED_BY_WORD_BEFORE", dict[str, str], "table", "a verbal noun heading a number, what it counts -> "
       "class: «مقتل 10» is 10 dead, «جرح 4 آخرين» 4 injured (where the noun after the number names no "
       "class, or only persons); part of the quantity's words, as the counted noun after a number is", {}),
    _t("DURATION_CLASSES", Words, "raw", "noun classes that are durations",
       ("day", "week", "month", "year", "hour", "minute")),
    _t("DURATION_PREPOSITIONS", Words, "words", "before an indefinite duration noun: one unit («منذ أسبوع»)", E),
    _t("CURRENCIES", dict[str, str], "table", "currency word or sign -> ISO code", {}),
    _t("CURRENCY_ABBREVIATIONS", dict[str, tuple[str, int]], "table", "abbreviation -> (ISO code, factor)", {}),
    # -- morphology -----------------------------------------------------------------------------
    _t("CLITIC_PREFIXES", Words, "longest", "prefixes a word may carry (و، ب، ال...)", E),
    _t("SUFFIXES", Words, "phrases", "light suffixes taken off for alignment", E),
    _t("ARTICLE", str, "raw", "the definite article written as a prefix (ال), normalised", ""),
    _t("ARTICLE_PREFIXES", Words, "phrases", "the article with the prefixes it takes (لل، بال، وال...): a noun "
       "so written describes, it does not name", E),
    _t("CONJUNCTION_PREFIXES", Words, "phrases", "'and' written onto the next word (و)", E),
    _t("SINGLE_LETTER_CLITICS", Words, "phrases", "one-letter clitics indistinguishable from a root letter "
       "(ب، ل، ك، ف): a word is also keyed without them", E),
    _t("OF_THE_PREFIXES", Words, "phrases", "'of the' written onto a word (لل): it continues an organisation's "
       "name", E),
    # -- names ----------------------------------------------------------------------------------
    _t("NAMES_BY_CAPITALS", bool, "raw", "names are told by their capital letters", False),
    _t("NOT_NAMES", Words, "words", "capitalised words that are never names ('The', 'However')", E),
    _t("SHORT_QUOTES_ARE_NAMES", bool, "raw", "a short quoted phrase («...») is a name", False),
    _t("TITLES", Words, "longest", "titles before a person's name"),
    _t("TITLE_DESCRIPTORS", Words, "words", "words between a title and the name that describe the office", E),
    _t("NISBA_ENDINGS", Words, "phrases", "endings of relational adjectives (الروسي، الأمريكية): they describe", E),
    _t("DEFINITE_DESCRIPTIVE_ENDINGS", Words, "phrases", "a definite word with this ending ends a family name", E),
    _t("PRESENT_VERB_PREFIXES", Words, "phrases", "prefixes of a present-tense verb (يؤكد، تصوت)", E),
    _t("FUTURE_VERB_PREFIXES", Words, "phrases", "the future prefix before a present verb (ستصوت)", E),
    _t("FUNCTION_WORD_FINALS", Words, "raw", "original final letters that mark a function word normalisation "
       "merged with a name («على» / «علي»)", E),
    _t("GIVEN_NAMES", Words, "lookup", "common given names: a given name and a family name are a person", E),
    _t("NAME_LINKS", Words, "words", "words joining parts of a name (بن، ابن, 'bin')", E),
    _t("ORG_HEADS", Words, "lookup", "head nouns of organisation names (وزارة، حزب)", E),
    _t("PARTY_HEADS", Words, "words", "organisation heads whose name need not carry the article", E),
    _t("PLACE_CUES", Words, "words", "words that introduce a place (ولاية، مدينة)", E),
    _t("PLACES", Words, "lookup", "places named without a cue", E),
    _t("NAME_STOPWORDS", Words, "words", "words that end a name (prepositions, reporting verbs)", E),
    _t("COMMON_WORD_ZIPF", Union[float, None], "raw", "a capitalised word at least this frequent (wordfreq) is "
       "a common noun, not a name (None: no capitals to mistake)", None),
    _t("COUNTRY_ALIASES", dict[str, Words], "raw", "ISO code -> names CLDR lacks (known in every language's text)",
       {}),
    _t("NOT_COUNTRIES", Words, "words", "words CLDR gives as a country's name that are common words in this "
       "language (French «réunion»)", E),
    # -- passages, alignment, frames ----------------------------------------------------------------
    _t("STOPWORDS", Words, "words", "function words ignored when aligning"),
    _t("SEGMENT_BREAKS", Words, "phrases", "words that end a passage inside a sentence ('then', «ثم»)", E),
    _t("CLAUSE_BREAKS", Words, "words", "words that end a passage where they open a clause after a comma or "
       "a dash ('…, but', «، لكن»): a contrast joins two statements, not one", E),
    _t("ABBREVIATIONS", Words, "words", "abbreviations whose full stop ends no sentence", E),
    _t("CONCEPTS", dict[str, Words], "raw", "concept id -> this language's words, added to the shared lexicon "
       "(toolkit/lang/concepts.py)", {}),
    _t("RISE_WORDS", Words, "words", "verbs and nouns of rising", E),
    _t("FALL_WORDS", Words, "words", "verbs and nouns of falling", E),
    _t("VERSUS_WORDS", Words, "phrases", "'against' between two figures of one measure", E),
    _t("FROM_WORDS", Words, "words", "'from' in 'from X to Y'", E),
    _t("TO_WORDS", Words, "words", "'to' in 'from X to Y'", E),
    _t("RANGE_WORDS", Words, "words", "words joining the two ends of a range ('to', 'and', «إلى»)", E),
    _t("FEMININE_DUAL_STEMS", dict[str, str], "raw", "(letter before a dual ending, the singular's "
       "ending): the dual «رحلتين» is the noun «رحلة» (normalised)", {}),
    _t("PARTIAL_LIST_WORDS", Words, "phrases", "words that open a partial list ('including', «من بينها»): "
       "its items are not all there are", E),
    _t("MEMBER_NOUNS", Words, "words", "nouns of membership ('members', «عضو»): counted, their class is the "
       "body they belong to", E),
    _t("MEMBER_BODIES", dict[str, str], "table", "a body -> the class of its members ('parliament' -> mp: "
       "«30 عضوا بمجلس النواب» are 30 MPs)", {}),
    _t("RANGE_END_WORDS", Words, "words", "verbs and words that give where a span of days ends after its start "
       "(«تنطلق ... 19 جوان وتنتهي 10 أوت», 'until')", E),
    _t("PAIR_WORDS", Words, "words", "words joining two figures of one measure in a clause", E),
    _t("FRAME_BREAK_WORDS", Words, "words", "a word that opens the next coordinated item ('and')", E),
    _t("FRAME_BREAK_PREFIXES", Words, "phrases", "a prefix that opens the next coordinated item (وال)", E),
)

BY_NAME = {t.name: t for t in TABLES}


def _conforms(value: Any, tp: Any) -> bool:
    """Is ``value`` of type ``tp`` (the few typing forms the schema uses)?"""
    if tp is Any:
        return True
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is Literal:
        return value in args
    if origin in (Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if tp is Words or origin is Collection:
        return isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, str) for v in value)
    if origin is dict:
        key, val = args
        return isinstance(value, dict) and all(_conforms(k, key) and _conforms(v, val) for k, v in value.items())
    if origin is tuple:
        return isinstance(value, tuple) and len(value) == len(args) and all(map(_conforms, value, args))
    if tp is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is type(None):
        return value is None
    return isinstance(value, tp)


def _describe(tp: Any) -> str:
    if tp is Words:
        return "a list of words"
    return str(getattr(tp, "__name__", tp)) if typing.get_origin(tp) is None else str(tp).replace("typing.", "")


def read_module(module: types.ModuleType) -> dict[str, Any]:
    """The tables of a language data module, each checked against the schema; tables it leaves
    out take their defaults. Raises LanguageDataError naming the module and the table."""
    name = module.__name__
    tables: dict[str, Any] = {}
    for t in TABLES:
        if not hasattr(module, t.name):
            if t.required:
                raise LanguageDataError(f"{name}: missing table {t.name} ({_describe(t.type)}: {t.doc})")
            tables[t.name] = t.default
            continue
        value = getattr(module, t.name)
        if not _conforms(value, t.type):
            raise LanguageDataError(f"{name}: table {t.name} must be {_describe(t.type)} ({t.doc}), "
                                    f"not {type(value).__name__}: {str(value)[:80]}")
        tables[t.name] = value
    if tables["CODE"] != name.rsplit(".", 1)[-1]:
        raise LanguageDataError(f"{name}: table CODE is {tables['CODE']!r}, not the module's name")
    return tables
