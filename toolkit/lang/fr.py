"""French language data, for dates and numbers: the Tunisian and Maghrebi press writes in French
as well as Arabic, and French summaries of Arabic articles are checked like English ones.

Written as the press spells it, accents and all (the matcher lower-cases text first). The
tables and what each holds: `toolkit/lang/schema.py`; a table left out is empty."""

from .cldr import month_names, weekday_names

CODE = "fr"
SCRIPT = "latin"
# Function words that tell French from English (the default of the Latin script).
DETECTION_WORDS = ["le", "la", "les", "l", "des", "du", "de", "et", "est", "une", "dans", "pour", "sur", "au",
                   "aux", "avec", "qui", "que", "par", "été", "ont", "sont", "cette", "ces", "selon", "mais",
                   "ne", "pas", "il", "elle", "ils", "à", "lors", "leur", "leurs"]

# -- dates ------------------------------------------------------------------------------------------
# CLDR's wide and abbreviated names (janvier, janv.), accents as CLDR writes them...
MONTHS = month_names("fr", abbreviated=True) | {
    # not in CLDR: the same names without their accents, as online copy often writes them
    "fevrier": 2, "fevr": 2, "aout": 8, "decembre": 12, "dec": 12,
}
AMBIGUOUS_MONTHS = ["mars", "mai"]  # the planet, "but": a month only next to a day or a year
HIJRI_MONTHS = {
    "mouharram": 1, "moharram": 1, "safar": 2, "rabia al awal": 3, "rabia al thani": 4, "joumada al oula": 5,
    "joumada al thania": 6, "rajab": 7, "chaabane": 8, "ramadan": 9, "ramadhan": 9, "chawwal": 10,
    "dhou al qi'da": 11, "dhou al hijja": 12,
}
HIJRI_ERA = ["h", "hégire"]
WEEKDAYS = weekday_names("fr")
WEEKDAY_PREFIXES = ["le"]  # «le lundi 24 mars»
DAY_PREFIXES = ["le"]  # «le 24 mars»
DAY_SUFFIXES = ["er", "re"]  # «le 1er mars»
DATE_FILLERS = ["du", "mois", "de"]  # «le 24 du mois de mars»
MONTH_NOUNS = ["mois"]
RELATIVE_DAYS = {
    "le lendemain": ("previous", 1), "le jour suivant": ("previous", 1),
    "la veille": ("previous", -1), "le jour précédent": ("previous", -1),
    "le même jour": ("previous", 0), "le jour même": ("previous", 0), "ce jour-là": ("previous", 0),
    "avant-hier": ("published", -2), "hier": ("published", -1), "aujourd'hui": ("published", 0),
    "demain": ("published", 1), "après-demain": ("published", 2),
}
RELATIVE_MONTHS = {"ce mois": 0, "ce mois-ci": 0, "le mois prochain": 1, "le mois dernier": -1,
                   "le mois passé": -1, "le mois précédent": -1}
RELATIVE_YEARS = {"cette année": 0, "l'année prochaine": 1, "l'an prochain": 1, "l'année dernière": -1,
                  "l'an dernier": -1, "l'année passée": -1, "l'an passé": -1}
RELATIVE_TO_EVENT_WORDS = ["de", "du", "ou", "après", "avant"]
VAGUE_AMOUNTS = ["quelques", "plusieurs"]
VAGUE_PLURALS = ["jours", "semaines", "années", "heures", "minutes"]
HOLIDAYS = {"noël": ("gregorian", 12, 25), "le jour de l'an": ("gregorian", 1, 1),
            "la fête du travail": ("gregorian", 5, 1), "aïd el-fitr": ("hijri", 10, 1),
            "aïd el-kébir": ("hijri", 12, 10), "aïd al-adha": ("hijri", 12, 10)}
FUTURE_MARKERS = ["prochain", "prochaine"]
PAST_MARKERS = ["dernier", "dernière", "passé", "passée", "écoulé", "écoulée"]
YEAR_WORDS = ["en", "année", "an"]
YEAR_PREPOSITIONS = ["depuis", "jusqu'en", "fin", "début", "mi", "durant", "pendant", "courant", "dès"]

# -- numbers ----------------------------------------------------------------------------------------
UNITS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16,
}
# 17-19 are written dix-sept, dix-huit, dix-neuf; 70 and 90 soixante-dix, quatre-vingt-dix: the
# compound is cut into these words and added up (toolkit.mentions.numbers).
TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
        "quatre-vingt": 80, "quatre-vingts": 80}
HUNDREDS = {"cent": 100, "cents": 100, "centaine": 100, "centaines": 100}
SCALES = {"mille": 10**3, "millier": 10**3, "milliers": 10**3, "million": 10**6, "millions": 10**6,
          "milliard": 10**9, "milliards": 10**9, "mds": 10**9, "billion": 10**12,
          "billions": 10**12}
VAGUE_SCALES = ["milliers", "millions", "milliards", "centaines"]  # «des milliers de»: no value
PRONOUN_NUMBERS = ["un", "une"]  # alone, the article far more often than "one" («une réunion»)
ONE_OF_WORDS = ["des", "d'entre"]  # «un des manifestants» is a pronoun, not a value
CONJUNCTION = "et"  # «vingt et un», «soixante et onze»
FRACTIONS = {"demi": 0.5, "moitié": 0.5, "quart": 0.25}
MULTIPLIED_FRACTIONS = {"quarts": 1 / 4, "tiers": 1 / 3, "cinquièmes": 1 / 5, "dixièmes": 1 / 10}
DECIMAL_POINT = ["virgule"]
NEGATIVE = ["moins"]
PERCENT_WORDS = ["pour cent", "pourcent", "%"]
APPROXIMATORS = ["environ", "près de", "quelque", "presque", "approximativement", "autour de", "plus de",
                 "moins de", "au moins", "au plus", "jusqu'à", "plus d'", "moins d'", "pas moins de"]
LOWER_BOUNDS = ["plus de", "plus d'", "au moins", "pas moins de"]
UPPER_BOUNDS = ["moins de", "moins d'", "au plus", "jusqu'à"]
ORDINAL_UNITS = {
    "premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3, "quatrième": 4,
    "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9, "dixième": 10,
}
ORDINAL_TENS = {"vingtième": 20, "trentième": 30}
GROUP_WORDS = {"bilatéral": 2, "bilatérale": 2, "trilatéral": 3, "trilatérale": 3, "tripartite": 3}
OF_WORDS = ["de", "d'", "des"]  # «12 millions de dinars», «trois des ministres»
ARTICLE_WORDS = ["la", "le", "les"]
OR_WORDS = ["ou"]  # «deux ou trois semaines»

NOUN_CLASSES = {
    "dirigeant": "leader", "dirigeants": "leader", "chef": "leader", "chefs": "leader",
    "président": "leader", "présidents": "leader", "chefs d'état": "leader",
    "pays": "country", "état": "country", "états": "country", "nation": "country", "nations": "country",
    "ministre": "minister", "ministres": "minister",
    "personne": "person", "personnes": "person", "individus": "person", "habitants": "person",
    "mort": "dead", "morts": "dead", "tués": "dead", "victimes": "dead",
    "blessé": "injured", "blessés": "injured",
    "jour": "day", "jours": "day", "journée": "day", "journées": "day", "semaine": "week", "semaines": "week",
    "mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year",
    "heure": "hour", "heures": "hour", "minute": "minute", "minutes": "minute",
    "fois": "time", "appel": "call", "appels": "call", "touriste": "tourist", "touristes": "tourist",
    "député": "mp", "députés": "mp", "parti": "party", "partis": "party",
    "candidat": "candidate", "candidats": "candidate", "candidate": "candidate", "candidates": "candidate",
    "organisation": "organisation", "organisations": "organisation", "association": "organisation",
    "associations": "organisation", "gouvernorat": "governorate", "gouvernorats": "governorate",
}
LEADER_HEADS = ["dirigeants de", "chefs de", "présidents de"]
CURRENCIES = {"dinar": "TND", "dinars": "TND", "dollar": "USD", "dollars": "USD", "$": "USD",
              "euro": "EUR", "euros": "EUR", "€": "EUR", "livre": "GBP", "livres": "GBP", "£": "GBP"}
# The Tunisian press: «1,5 MD» is 1.5 million dinars, «250 DT» 250 dinars.
CURRENCY_ABBREVIATIONS = {"md": ("TND", 10**6), "mdt": ("TND", 10**6), "dt": ("TND", 1)}

# -- alignment and the rest -------------------------------------------------------------------------
CLITIC_PREFIXES = ["l'", "d'", "qu'"]  # «l'année», «d'Alger»
SUFFIXES = ["s", "x"]
TITLES = ["président", "présidente", "premier ministre", "ministre", "chef du gouvernement", "roi", "prince",
          "député", "députée", "gouverneur", "ambassadeur", "ambassadrice", "porte-parole", "secrétaire général",
          "secrétaire d'état", "maire"]
NAMES_BY_CAPITALS = True
NOT_NAMES = ["le", "la", "les", "l", "un", "une", "des", "du", "de", "et", "en", "au", "aux", "il", "elle", "ils",
             "elles", "selon", "mais", "après", "avant", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs",
             "dans", "pour", "par", "sur", "avec", "lors", "ainsi", "toutefois", "cependant", "m", "mme"]
TITLE_DESCRIPTORS = ["ancien", "ancienne", "le", "la", "tunisien", "tunisienne", "français", "française",
                     "algérien", "algérienne", "russe", "américain", "américaine"]
NAME_LINKS = ["ben", "bin", "ibn", "bou", "abou", "el", "al"]
# CLDR's English name of La Réunion is a French word («une réunion»): not a country in French
# text (the island is «La Réunion», which stays).
NOT_COUNTRIES = ["réunion", "reunion"]
NAME_STOPWORDS = ["le", "la", "les", "un", "une", "de", "du", "des", "à", "au", "aux", "en", "et", "ou", "pour",
                  "par", "sur", "dans", "avec", "qui", "que", "a", "dit", "déclaré", "selon"]
COMMON_WORD_ZIPF = 4.0  # wordfreq has French: «Selon», «Loi» at a sentence's head are no names
STOPWORDS = NAME_STOPWORDS + [
    "est", "sont", "été", "était", "ont", "avait", "il", "elle", "ils", "elles", "son", "sa", "ses", "leur",
    "leurs", "ce", "cette", "ces", "se", "ne", "pas", "plus", "aussi", "mais", "comme", "lors", "après", "avant",
    "entre", "vers", "d", "l", "qu",
]
SEGMENT_BREAKS = ["puis", "tandis que", "alors que", "avant de", "après quoi"]
CLAUSE_BREAKS = ["mais"]  # «…, mais …»: a contrast opens another statement
ABBREVIATIONS = ["m", "mme", "mlle", "dr", "pr", "me", "st", "ste", "art", "no", "n°", "av", "bd", "etc", "env",
                 "janv", "févr", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec"]

RISE_WORDS = ["hausse", "augmenté", "augmente", "augmentent", "augmentation", "progressé", "progresse",
              "progression", "croissance", "grimpé", "grimpe", "bondi", "bond", "accru", "accroissement", "doublé"]
FALL_WORDS = ["baisse", "baissé", "diminué", "diminue", "diminution", "recul", "reculé", "recule", "chuté",
              "chute", "régressé", "régression", "repli", "replié", "contracté", "contraction", "fléchi"]
VERSUS_WORDS = ["contre", "par rapport à", "comparé à"]
FROM_WORDS = ["de"]  # «de 66 à 52»
TO_WORDS = ["à"]
RANGE_WORDS = ["à", "et", "au"]  # «du 4 au 7 janvier», «entre 4 et 8»
PAIR_WORDS = ["à", "contre"]
FRAME_BREAK_WORDS = ["et"]

# Concept words of French, added to the shared bilingual lexicon (toolkit/lang/concepts.py), so a
# French summary aligns with the passage of an Arabic or English source about the same event.
CONCEPTS = {
    "call": ["appel", "appels", "téléphonique"],
    "meet": ["réunion", "réunions", "rencontre", "rencontré", "réuni", "entretien"],
    "summit": ["sommet", "sommets"],
    "president": ["président", "présidents", "présidente"],
    "leader": ["dirigeant", "dirigeants", "chef", "chefs"],
    "minister": ["ministre", "ministres"],
    "government": ["gouvernement", "gouvernements"],
    "parliament": ["parlement", "assemblée", "conseil"],
    "election": ["élection", "élections", "électoral", "électorale", "scrutin"],
    "party": ["parti", "partis"],
    "said": ["déclaré", "annoncé", "affirmé", "indiqué", "souligné"],
    "protest": ["manifestation", "manifestations", "manifestants", "manifesté", "protestation", "rassemblement"],
    "strike": ["grève", "grèves", "grévistes"],
    "budget": ["budget", "budgétaire"],
    "inflation": ["inflation"],
    "unemployment": ["chômage", "chômeurs"],
    "tourism": ["touristes", "touristique", "tourisme"],
    "export": ["exportations", "exportation", "exporté"],
    "import": ["importations", "importation", "importé"],
    "growth": ["croissance"],
}
