"""English language data (lower-case; the matcher lower-cases text first). The tables and what
each holds: `toolkit/lang/schema.py`."""

from .cldr import month_names, weekday_names

CODE = "en"
SCRIPT = "latin"
SCRIPT_DEFAULT = True  # a Latin-script text is English unless its function words say otherwise
DETECTION_WORDS = ["the", "and", "of", "to", "is", "was", "were", "for", "with", "that", "said", "has", "have",
                   "by", "from", "this", "it", "his", "her", "their", "on", "at", "which", "who", "will", "be"]

# CLDR's wide and abbreviated names (January, Jan)...
MONTHS = month_names("en", abbreviated=True) | {
    "sept": 9,  # not in CLDR's en (Sep): British and news style abbreviate September so
}
AMBIGUOUS_MONTHS = {"may", "mar", "jan", "jun", "dec", "oct", "nov", "sep", "aug", "apr", "jul", "feb"}
HIJRI_MONTHS = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi al-thani": 4, "jumada al-awwal": 5,
    "jumada al-thani": 6, "rajab": 7, "shaban": 8, "sha'ban": 8, "ramadan": 9, "shawwal": 10,
    "dhu al-qadah": 11, "dhu al-hijjah": 12,
}
HIJRI_ERA = ["ah", "a.h"]
GREGORIAN_ERA = ["ad", "a.d", "ce"]

WEEKDAYS = weekday_names("en")  # the wide names only: "Sat", "Sun", "Wed" are everyday words
WEEKDAY_PREFIXES = ["on"]  # "on Sunday"
DAY_PREFIXES = ["the"]  # "the 15th of August"
DAY_SUFFIXES = ["st", "nd", "rd", "th"]  # "August 15th"
DATE_FILLERS = ["of", "the", "month"]  # "Friday the 15th of August"
MONTH_NOUNS = ["month"]
NOUN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}  # "first Monday of"
MONTH_THEN_DAY_WORDS = True  # "August fifteenth": a day may follow its month in words
ORDINAL_HYPHEN_COMPOUNDS = True  # "twenty-first"
RELATIVE_DAYS = {
    "the next day": ("previous", 1), "the following day": ("previous", 1),
    "a day later": ("previous", 1), "the day after": ("previous", 1),
    "the day before": ("previous", -1), "the previous day": ("previous", -1),
    "the same day": ("previous", 0), "that same day": ("previous", 0), "that day": ("previous", 0),
    "the day before yesterday": ("published", -2), "yesterday": ("published", -1),
    "today": ("published", 0), "tomorrow": ("published", 1),
    "the day after tomorrow": ("published", 2),
}
RELATIVE_MONTHS = {"this month": 0, "next month": 1, "last month": -1}
RELATIVE_YEARS = {"this year": 0, "next year": 1, "last year": -1}
SAME_MONTH = ["same month", "that month"]  # "on the 3rd of the same month" («the» is a date filler)
AGO_WORDS: list[str] = []
FROM_NOW: dict[str, str] = {}
RELATIVE_TO_EVENT_WORDS = ["of", "or", "after", "before"]
VAGUE_AMOUNTS = ["a few", "several"]
VAGUE_PLURALS = ["days", "weeks", "months", "years", "hours", "minutes"]
HOLIDAYS = {"christmas": ("gregorian", 12, 25), "christmas day": ("gregorian", 12, 25),
            "new year's day": ("gregorian", 1, 1), "eid al-fitr": ("hijri", 10, 1),
            "eid al-adha": ("hijri", 12, 10), "easter": ("movable", 0, 0), "easter sunday": ("movable", 0, 0)}
FUTURE_MARKERS = ["next", "coming", "upcoming"]
PAST_MARKERS = ["last", "past", "previous"]
YEAR_WORDS = ["in", "of", "year"]
YEAR_PREPOSITIONS = ["since", "until", "by", "during", "late", "early", "mid", "end", "throughout"]
YEAR_ARTICLES = ["a", "an"]  # "until a 1997 outbreak": the article counts one outbreak, so 1997 is its year

UNITS = {
    "zero": 0, "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
    "a couple of": 2, "a pair of": 2, "both": 2,
}
TEN_WORDS: dict[str, int] = {}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
HUNDREDS = {"hundred": 100, "a hundred": 100, "hundreds": 100}
SCALES = {
    "thousand": 10**3, "thousands": 10**3, "million": 10**6, "millions": 10**6,
    "billion": 10**9, "billions": 10**9, "trillion": 10**12, "bn": 10**9, "m": 10**6,
    "mn": 10**6, "mln": 10**6, "bln": 10**9, "tn": 10**12,  # the press's abbreviations ("$5mn", "$2 bln")
    "dozen": 12, "a dozen": 12,
}
SELF_COUNTED_SCALES: set[str] = set()
# "quarter" and "third" alone are periods and ordinals far more often than fractions.
FRACTIONS = {"half": 0.5, "a half": 0.5, "a quarter": 0.25, "a third": 1 / 3}
MULTIPLIED_FRACTIONS = {"quarters": 1 / 4, "thirds": 1 / 3, "fifths": 1 / 5, "tenths": 1 / 10}
VOWELLED_FRACTIONS: dict[str, float] = {}
FRACTION_VOWEL = ""
DECIMAL_POINT = ["point"]
NEGATIVE = ["minus", "negative"]
PERCENT_BEFORE: list[str] = []
CONJUNCTION = "and"
VAGUE_SCALES = ["thousands", "millions", "hundreds", "billions"]  # "thousands of": no value
ONE_OF_WORDS = ["of"]  # "one of the ..." is a pronoun, not a value
OF_WORDS = ["of"]  # "eight of the leaders"
ARTICLE_WORDS = ["the"]
OR_WORDS = ["or"]  # "two or three weeks"
CONSTRUCT_DUAL_SCALES: list[str] = []

ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
ORDINAL_TEENS: dict[str, int] = {}
ORDINAL_TENS = {"twenty": 20, "thirty": 30}
GROUP_WORDS = {"bilateral": 2, "trilateral": 3, "three-way": 3, "tripartite": 3, "two-way": 2}

PERCENT_WORDS = ["percent", "per cent", "%", "pct"]
APPROXIMATORS = ["about", "around", "nearly", "almost", "roughly", "approximately",
                 "more than", "over", "some", "up to", "less than", "at least", "under", "fewer than"]
LOWER_BOUNDS = ["more than", "over", "at least"]
UPPER_BOUNDS = ["less than", "fewer than", "under", "up to"]

NOUN_CLASSES = {
    "leader": "leader", "leaders": "leader", "president": "leader", "presidents": "leader",
    "heads of state": "leader", "head of state": "leader",
    "country": "country", "countries": "country", "nation": "country", "nations": "country",
    "states": "country",
    "minister": "minister", "ministers": "minister", "person": "person", "people": "person",
    "dead": "dead", "killed": "dead", "injured": "injured", "wounded": "injured",
    "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "hour": "hour", "hours": "hour",
    "minute": "minute", "minutes": "minute", "time": "time", "times": "time",
    "call": "call", "calls": "call",
    "tourist": "tourist", "tourists": "tourist",
    "mp": "mp", "mps": "mp", "deputy": "mp", "deputies": "mp", "lawmaker": "mp", "lawmakers": "mp",
    "members of parliament": "mp",
    "party": "party", "parties": "party", "candidate": "candidate", "candidates": "candidate",
    "organisation": "organisation", "organisations": "organisation", "organization": "organisation",
    "organizations": "organisation", "governorate": "governorate", "governorates": "governorate",
    "points": "point", "percentage points": "point",  # a change of a rate ("up 0.4 points"), not a rate
}
ACCUSATIVE_ENDINGS: list[str] = []
DUAL_ENDINGS: list[str] = []
DUAL_NOUNS: dict[str, str] = {}
LEADER_HEADS = ["leaders of", "heads of", "presidents of"]
DURATION_CLASSES = {"day", "week", "month", "year", "hour", "minute"}
DURATION_PREPOSITIONS: list[str] = []  # "for a week": "a" is read as one
CURRENCY_ABBREVIATIONS: dict[str, tuple[str, int]] = {}
CURRENCIES = {"dinar": "TND", "dinars": "TND", "dollar": "USD", "dollars": "USD",
              "$": "USD", "euro": "EUR", "euros": "EUR", "€": "EUR", "£": "GBP", "pound": "GBP",
              "pounds": "GBP"}

GIVEN_NAMES: list[str] = []  # English names are capitalised: capital letters are the cue
NAMES_BY_CAPITALS = True
# Capitalised words that are never names (sentence openers, pronouns, connectives).
NOT_NAMES = ["the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "but", "and", "after", "before",
             "this", "that", "his", "her", "their", "however", "meanwhile", "according", "earlier", "later", "also",
             "as", "for", "with", "by", "if", "when", "while", "of", "to", "from", "i", "mr", "mrs", "ms"]
# Words between a title and the name that describe the office ("the former US president").
TITLE_DESCRIPTORS = ["former", "the", "foreign", "us", "u.s", "russian", "american", "french", "chinese"]
NAME_LINKS = ["ben", "bin", "ibn", "bou", "abu"]
ORG_HEADS: list[str] = []
PARTY_HEADS: list[str] = []
PLACE_CUES: list[str] = []
PLACES: list[str] = []

CLITIC_PREFIXES: list[str] = []
SUFFIXES = ["'s", "s"]
TITLES = ["president", "prime minister", "minister", "chancellor", "king", "prince", "mp", "deputy",
          "governor", "ambassador", "spokesperson", "secretary of state", "head of government", "speaker",
          "envoy", "secretary general", "secretary-general", "leader", "mr", "mrs", "ms",
          "general", "spokesman", "spokeswoman", "ambassador"]
NAME_STOPWORDS = ["the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "with",
                  "by", "from", "that", "this", "said", "says", "who", "which"]
STOPWORDS = NAME_STOPWORDS + [
    "is", "was", "were", "are", "be", "been", "has", "have", "had", "it", "its", "his", "her",
    "their", "they", "he", "she", "as", "after", "before", "also", "but", "not", "will",
    "would", "about", "into", "than", "then", "there", "these", "those", "we", "our",
]
SEGMENT_BREAKS = ["then", "while", "whereas", "before", "after which"]
CLAUSE_BREAKS = ["but"]  # "opened in Italy in 2018 - but the chain has come back": two statements
# Abbreviations whose full stop ends no sentence ("Law No. 34", "Art. 89", "Dr. Ali").
ABBREVIATIONS = ["no", "nos", "art", "arts", "dr", "mr", "mrs", "ms", "prof", "st", "gen", "col", "lt", "sgt",
                 "gov", "sen", "rep", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "approx", "dept",
                 "est", "fig", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                 "nov", "dec", "mt", "ft", "e.g", "i.e"]
# A capitalised word this common in English is a noun at a sentence's head ("Faculty",
# "Law", "Justice"), not a name: Zipf frequency (wordfreq) at or above this.
COMMON_WORD_ZIPF = 4.0

RISE_WORDS = ["rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases", "increasing",
              "grew", "grow", "grows", "growing", "climbed", "climbs", "jumped", "jumps", "doubled", "gained",
              "improved", "appreciated", "appreciation", "accelerated", "accelerating"]
FALL_WORDS = ["fell", "fall", "falls", "falling", "fallen", "dropped", "drops", "declined", "decline", "declines",
              "declining", "decreased", "decrease", "decreases", "shrank", "shrunk", "contracted", "slid", "slumped",
              "depreciated", "depreciation", "slowed", "slowing", "eased"]
VERSUS_WORDS = ["compared with", "compared to", "against", "versus", "vs"]
FROM_WORDS = ["from"]  # "from 66 to 52"
TO_WORDS = ["to"]
RANGE_WORDS = ["to", "and"]  # "between 4 and 8"
PARTIAL_LIST_WORDS = ["including", "among them", "among which", "such as", "like", "notably", "especially"]
MEMBER_NOUNS = ["member", "members"]
MEMBER_BODIES = {"parliament": "mp", "the parliament": "mp", "congress": "mp", "the house": "mp",
                 "the assembly": "mp", "the national assembly": "mp"}
RANGE_END_WORDS = ["until", "till", "through", "ends", "ending", "closes"]  # "runs from June 19 until August 10"
PAIR_WORDS = ["to", "against", "compared"]
FRAME_BREAK_WORDS = ["and"]  # "...22 percent and the Arab market 51": the next figure's frame

# Country names not in CLDR's display names but common in news (read in every language's text).
COUNTRY_ALIASES = {
    "GB": ["Britain", "UK", "U.K."],
    "US": ["USA", "U.S.", "US", "America"],
    "KG": ["Kyrgyz Republic"],
}
