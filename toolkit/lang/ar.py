"""Arabic language data. Written as it is spelled in text; `toolkit.lang` normalises
every key once at import (hamza forms, ة/ه, ى/ي...), so spelling variants need no
entries of their own. The tables and what each holds: `toolkit/lang/schema.py`."""

from .cldr import month_names, weekday_names

CODE = "ar"
SCRIPT = "arabic"
SCRIPT_DEFAULT = True

# Gregorian months from CLDR: MSA (ar: Egypt, the Gulf), Tunisia and Algeria (ar_TN, ar_DZ:
# جانفي، فيفري، أفريل، جوان، جويلية، أوت), Morocco (ar_MA: يوليوز، غشت، شتنبر، نونبر، دجنبر) and
# the Levant and Iraq (ar_LB: كانون الثاني، شباط، آذار...).
MONTHS = month_names("ar", "ar_TN", "ar_MA", "ar_LB", "ar_DZ") | {
    # not in CLDR: Egyptian spellings of June and July, and a Moroccan spelling of February
    "يونيه": 6, "يوليه": 7, "فبرير": 2,
}
# Month names that are also everyday words (آب/أب "father", ماي, مارس "he practised"):
# accepted only next to a day number or a year, never alone.
AMBIGUOUS_MONTHS = {"آب", "ماي", "مارس"}

HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}
HIJRI_ERA = ["هـ", "ه", "هجري", "هجرية", "للهجرة"]
GREGORIAN_ERA = ["م", "ميلادي", "ميلادية", "للميلاد"]

# Python's weekday numbers: Monday = 0 (CLDR; «الإثنين» is «الاثنين» once normalised).
WEEKDAYS = weekday_names("ar", "ar_TN", "ar_MA", "ar_LB", "ar_DZ")
WEEKDAY_PREFIXES = ["يوم"]  # «يوم الأحد»
DAY_PREFIXES = ["يوم", "اليوم"]  # «يوم 15 أغسطس»، «في اليوم الثالث من أكتوبر» (a day of October, not today)
DAY_NUMBER_NOUNS = ["يوم"]  # «يوم 27»: a day of an unnamed month
DATE_FILLERS = ["من", "شهر", "الموافق"]  # «الخامس عشر من شهر أغسطس»، «الجمعة الموافق 15 أغسطس»
MONTH_NOUNS = ["شهر"]
# Ordinals before the noun they count: a weekday within its month («أول جمعة من رمضان»، «آخر جمعة من
# رمضان»; «الثلاثاء الأخير من مارس»), a day of a holiday («ثاني أيام عيد الأضحى»). (After a weekday,
# «الثالث من سبتمبر» is a day of the month.)
NOUN_ORDINALS = {"أول": 1, "ثاني": 2, "ثان": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "آخر": -1}
WEEKDAY_LAST_WORDS = ["الأخير", "الأخيرة"]

# Relative days: phrase -> (anchor, offset in days). "published" resolves against the
# publication date; "previous" against the date the text mentioned last.
RELATIVE_DAYS = {
    "في اليوم التالي": ("previous", 1), "اليوم التالي": ("previous", 1),
    "في اليوم الموالي": ("previous", 1), "اليوم الموالي": ("previous", 1),
    "في اليوم السابق": ("previous", -1), "اليوم السابق": ("previous", -1),
    "في اليوم نفسه": ("previous", 0), "اليوم نفسه": ("previous", 0),
    "في نفس اليوم": ("previous", 0), "نفس اليوم": ("previous", 0),
    "في ذات اليوم": ("previous", 0), "ذات اليوم": ("previous", 0),
    "في اليوم ذاته": ("previous", 0), "اليوم ذاته": ("previous", 0),
    "أول أمس": ("published", -2), "أمس الأول": ("published", -2),
    "أمس": ("published", -1), "البارحة": ("published", -1),
    "بعد غد": ("published", 2), "غدا": ("published", 1), "غداً": ("published", 1),
    "اليوم": ("published", 0), "في هذا اليوم": ("published", 0),
    "الأمس": ("published", -1), "قبل يوم أمس": ("published", -2), "يوم غد": ("published", 1),
    "غد": ("published", 1), "بكرة": ("published", 1), "بكرا": ("published", 1),
    "اليوم الآتي": ("previous", 1),
}
# Left out when two relative days are compared («في اليوم التالي» is «اليوم التالي»).
RELATIVE_DAY_FILLERS = ["في", "وفي", "و"]
# Relative months and years: phrase -> offset from the publication date's month / year.
RELATIVE_MONTHS = {
    "الشهر الجاري": 0, "الشهر الحالي": 0, "هذا الشهر": 0, "الشهر المقبل": 1, "الشهر القادم": 1,
    "الشهر التالي": 1, "الشهر الماضي": -1, "الشهر المنصرم": -1, "الشهر السابق": -1,
    "الشهر الفائت": -1,
}
RELATIVE_YEARS = {
    "العام الجاري": 0, "السنة الجارية": 0, "هذا العام": 0, "هذه السنة": 0, "العام الحالي": 0,
    "السنة الحالية": 0, "العام المقبل": 1, "العام القادم": 1, "السنة القادمة": 1,
    "السنة المقبلة": 1, "العام الماضي": -1, "السنة الماضية": -1, "العام المنصرم": -1,
    "السنة السابقة": -1, "العام السابق": -1, "العام الفائت": -1,
}
# The month of the date the text gave last: «في 3 من الشهر نفسه»، «يوم 25 من ذات الشهر».
SAME_MONTH = ["الشهر نفسه", "الشهر ذاته", "الشهر عينه", "نفس الشهر", "ذات الشهر"]
# "قبل يومين" (two days ago), "منذ ثلاثة أشهر", "بعد أسبوعين من الآن".
AGO_WORDS = ["قبل"]  # «منذ ثلاثين عاما» is a duration (for thirty years), not a date
FROM_NOW = {"بعد": "من الآن"}
# «قبل يومين من القمة» counts from another event, not from publication. («على», as in «قبل يومين
# على ...», was listed before in its unnormalised spelling and so never matched: left out to keep
# the verdicts as they were.)
RELATIVE_TO_EVENT_WORDS = ["من", "أو"]
VAGUE_AMOUNTS = ["بضعة", "بضع", "عدة"]
# A plural time noun with no number is a vague span («قبل أيام»: some days ago), not one unit.
VAGUE_PLURALS = ["أيام", "أسابيع", "أشهر", "شهور", "سنوات", "سنين", "أعوام", "ساعات", "دقائق"]
# Holidays: name -> (calendar, month, day); Hijri ones are placed in a Gregorian year.
HOLIDAYS = {
    "عيد الميلاد": ("gregorian", 12, 25), "رأس السنة الميلادية": ("gregorian", 1, 1),
    "عيد الحب": ("gregorian", 2, 14), "عيد العمال": ("gregorian", 5, 1),
    "عيد الفطر": ("hijri", 10, 1), "عيد الأضحى": ("hijri", 12, 10), "يوم عرفة": ("hijri", 12, 9),
    "رأس السنة الهجرية": ("hijri", 1, 1), "المولد النبوي": ("hijri", 3, 12),
    "عيد الشغل": ("gregorian", 5, 1), "اليوم العالمي للمرأة": ("gregorian", 3, 8),
    "عاشوراء": ("hijri", 1, 10), "الإسراء والمعراج": ("hijri", 7, 27),
    "عيد الفصح": ("movable", 0, 0), "عيد القيامة": ("movable", 0, 0),  # Easter: the churches' days differ
}
FUTURE_MARKERS = ["المقبل", "القادم", "المقبلة", "القادمة"]
PAST_MARKERS = ["الماضي", "المنصرم", "الفائت", "الماضية"]
YEAR_WORDS = ["عام", "سنة", "العام", "السنة"]
# Words before a bare year that make it a date: "في 2016", "أواخر 2016", "موفى 2016".
YEAR_PREPOSITIONS = ["في", "منذ", "خلال", "حتى", "أواخر", "أوائل", "منتصف", "موفى", "نهاية", "بداية",
                     "مطلع", "غضون", "لسنة"]

# Cardinal number words. Gender and case forms are listed; clitics (و، ب، ل...) are
# stripped by the matcher.
UNITS = {
    "صفر": 0,
    "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "إثنين": 2,
    "اثني": 2, "اثنتي": 2,  # accusative/genitive of اثنا (اثني عشر مليارا)
    "ثلاثة": 3, "ثلاث": 3, "ثلاثٍ": 3,
    "أربعة": 4, "أربع": 4,
    "خمسة": 5, "خمس": 5,
    "ستة": 6, "ست": 6,
    "سبعة": 7, "سبع": 7,
    "ثمانية": 8, "ثماني": 8, "ثمان": 8, "ثمانٍ": 8, "ثمانى": 8,
    "تسعة": 9, "تسع": 9,
}
TEN_WORDS = {"عشرة": 10, "عشر": 10}  # alone = 10; after a unit = + 10 (أحد عشر)
TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
HUNDREDS = {
    "مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "مئتا": 200, "مائتا": 200,
    "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500,
    "خمسمائة": 500, "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700,
    "ثمانمئة": 800, "ثمانمائة": 800, "ثمانيمئة": 800, "ثمانيمائة": 800,
    "تسعمئة": 900, "تسعمائة": 900, "مئات": 100,
}
SCALES = {
    "ألف": 10**3, "آلاف": 10**3, "ألفا": 10**3, "ألفاً": 10**3, "الف": 10**3,
    "ألفان": 2 * 10**3, "ألفين": 2 * 10**3,
    "مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
    "مليار": 10**9, "مليارات": 10**9, "مليارا": 10**9, "ملياران": 2 * 10**9, "مليارين": 2 * 10**9,
    "بليون": 10**9, "بلايين": 10**9,
    "تريليون": 10**12, "ترليون": 10**12,
    "دزينة": 12, "دزينات": 12, "دستة": 12,
}
# Fractions: "واحد ونصف" = 1.5, "نصف مليون" = 500 000.
FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلثان": 2 / 3, "ثلثين": 2 / 3,
             "ثلثا": 2 / 3, "ثلثي": 2 / 3}  # the dual in construct drops its ن: «بأغلبية ثلثي الأعضاء»
# Plural fractions count a number of parts: "ثلاثة أرباع" = 3 x 1/4.
MULTIPLIED_FRACTIONS = {"أرباع": 1 / 4, "أثلاث": 1 / 3, "أخماس": 1 / 5, "أسداس": 1 / 6, "أسباع": 1 / 7,
                        "أثمان": 1 / 8, "أتساع": 1 / 9, "أعشار": 1 / 10}
# Fractions spelt like other words (خمس five, ثمن price, عشر ten): a fraction only when the
# text writes the damma of the fu'l pattern on the first letter (خُمس، ثُمن، عُشر).
VOWELLED_FRACTIONS = {"خمس": 1 / 5, "سدس": 1 / 6, "سبع": 1 / 7, "ثمن": 1 / 8, "تسع": 1 / 9, "عشر": 1 / 10}
FRACTION_VOWEL = "\u064f"  # damma
DECIMAL_POINT = ["فاصلة"]
NEGATIVE = ["سالب", "ناقص"]
PERCENT_BEFORE = ["نسبة", "بنسبة"]
# Scale words that carry their own multiplier (duals) must not multiply a preceding number.
SELF_COUNTED_SCALES = {"ألفان", "ألفين", "مليونان", "مليونين", "ملياران", "مليارين"}
CONJUNCTION = "و"
# Plural scales alone are no value («آلاف»: thousands). («مئات» was listed before in its
# unnormalised spelling and so never matched: it stays a number word, to keep the verdicts.)
VAGUE_SCALES = ["آلاف", "ملايين", "مليارات"]
PRONOUN_NUMBERS = ["أحد", "إحدى"]  # alone, «أحد» / «إحدى» is "one of", not a value
OF_WORDS = ["من"]  # «ثمانية من القادة»
OR_WORDS = ["أو"]  # «أسبوعين أو ثلاثة أسابيع»
# Tunisian decimals put the fraction first: «3ر643» is 643.3.
DECIMAL_LETTERS = ["ر"]
# Duals in construct lose their ن: "مليارا دولار" is two billion dollars. After a number
# the same spelling is the accusative singular ("ثلاثين ألفا"), so only a lone one doubles.
CONSTRUCT_DUAL_SCALES = ["ألفا", "مليونا", "مليارا"]

# Ordinals as used for days of the month (الخامس عشر من أغسطس).
ORDINAL_UNITS = {
    "أول": 1, "الأول": 1, "الأولى": 1, "الحادي": 1, "الحادية": 1, "الثاني": 2, "الثانية": 2,
    "الثالث": 3, "الثالثة": 3, "الرابع": 4, "الرابعة": 4, "الخامس": 5, "الخامسة": 5,
    "السادس": 6, "السادسة": 6, "السابع": 7, "السابعة": 7, "الثامن": 8, "الثامنة": 8,
    "التاسع": 9, "التاسعة": 9, "العاشر": 10, "العاشرة": 10,
}
ORDINAL_TEENS = {"عشر": 10, "عشرة": 10}
ORDINAL_TENS = {"العشرين": 20, "العشرون": 20, "الثلاثين": 30, "الثلاثون": 30}
DAY_WORDS = {"غرة": 1}  # «غرة شهر رمضان»: the first day of the month

# Words for a group of n (اللقاء الثلاثي = a three-party meeting).
GROUP_WORDS = {"الثنائي": 2, "الثنائية": 2, "ثنائي": 2, "ثنائية": 2, "الثلاثي": 3,
               "الثلاثية": 3, "ثلاثي": 3, "ثلاثية": 3, "الرباعي": 4, "الرباعية": 4,
               "رباعي": 4, "رباعية": 4, "الخماسي": 5, "الخماسية": 5, "السداسي": 6}

PERCENT_WORDS = ["بالمائة", "بالمئة", "في المائة", "في المئة", "%"]
# A value stated as approximate is compared with a tolerance.
APPROXIMATORS = ["نحو", "حوالي", "حوالى", "قرابة", "زهاء", "أكثر من", "أزيد من", "أقل من",
                 "ما يقارب", "ما يزيد على", "ما يناهز", "يناهز", "تقريبا"]
# Of those, the ones that bound a value from one side ("أكثر من 800" is any value above).
LOWER_BOUNDS = ["أكثر من", "أزيد من", "ما يزيد على", "ما يزيد عن", "ما لا يقل عن"]
UPPER_BOUNDS = ["أقل من", "ما لا يزيد على", "ما لا يزيد عن"]

# Counted nouns: surface form -> (lemma class). Duals give the count 2 by themselves.
NOUN_CLASSES = {
    "قائد": "leader", "قادة": "leader", "زعيم": "leader", "زعماء": "leader",
    "رئيس": "leader", "رؤساء": "leader", "رئيسة": "leader",
    "دولة": "country", "دول": "country", "بلد": "country", "بلدان": "country", "بلاد": "country",
    "وزير": "minister", "وزراء": "minister",
    "شخص": "person", "أشخاص": "person", "شخصا": "person", "فرد": "person", "أفراد": "person",
    "عنصر": "person", "عناصر": "person", "عنصرا": "person", "قتيل": "dead", "قتلى": "dead",
    "جريح": "injured", "جرحى": "injured",
    "يوم": "day", "أيام": "day", "يوما": "day", "أسبوع": "week", "أسابيع": "week",
    "شهر": "month", "أشهر": "month", "شهور": "month", "سنة": "year", "سنوات": "year",
    "عام": "year", "أعوام": "year", "عاما": "year", "ساعة": "hour", "ساعات": "hour",
    "دقيقة": "minute", "دقائق": "minute",
    "مرة": "time", "مرات": "time", "اتصال": "call", "اتصالات": "call",
    "سائح": "tourist", "سياح": "tourist", "سائحا": "tourist",
    "نائب": "mp", "نواب": "mp",
    "حزب": "party", "أحزاب": "party", "مرشح": "candidate", "مرشحين": "candidate", "مرشحون": "candidate",
    "مترشح": "candidate", "مترشحين": "candidate", "مترشحون": "candidate", "منظمة": "organisation",
    "منظمات": "organisation", "جمعية": "organisation", "جمعيات": "organisation", "ولاية": "governorate",
    "ولايات": "governorate",
    # percentage points: a change of a rate, never the rate itself («تحسن بـ2.7 نقاط»)
    "نقطة": "point", "نقاط": "point",
}
# Indefinite accusative nouns add an alif (وزيرا، نائبا): looked up without it.
ACCUSATIVE_ENDINGS = ["ا"]
# A singular noun plus one of these is its dual (نائبين، وزيرتين): a count of two.
DUAL_ENDINGS = ["ين", "ان"]
FEMININE_DUAL_STEMS = {"ت": "ه"}
PARTIAL_LIST_WORDS = ["من بينها", "من بينهم", "من بينهن", "منها", "منهم", "بينها", "بينهم", "مثل", "على غرار",
                      "ومن بينها", "ومن بينهم", "ومنها", "ومنهم", "خاصة", "لا سيما", "ولا سيما", "بما في ذلك",
                      "بما فيها", "بما فيهم"]
# «ثلاثون عضوا بمجلس نواب الشعب»: members counted by the body they sit in
MEMBER_NOUNS = ["عضو", "عضوا", "أعضاء", "عضوة", "عضوات"]
_PARLIAMENTS = ["مجلس النواب", "مجلس نواب الشعب", "البرلمان", "مجلس الشعب", "مجلس الأمة", "المجلس الوطني التأسيسي",
                "المجلس التأسيسي"]
MEMBER_BODIES = {f"{pre}{body}": "mp" for body in _PARLIAMENTS for pre in ("", "في ")}  # «بمجلس»: a clitic  # «رحلتين»، «زيارتان»: the «ة» of the singular (normalised «ه») is «ت»
DUAL_NOUNS = {
    "رئيسين": "leader", "رئيسان": "leader", "الرئيسين": "leader", "الرئيسان": "leader",
    "زعيمين": "leader", "زعيمان": "leader", "قائدين": "leader",
    "دولتين": "country", "دولتان": "country", "بلدين": "country",
    "وزيرين": "minister", "شخصين": "person",
    "يومين": "day", "يومان": "day", "أسبوعين": "week", "أسبوعان": "week",
    "شهرين": "month", "شهران": "month", "عامين": "year", "عامان": "year",
    "سنتين": "year", "سنتان": "year", "ساعتين": "hour", "ساعتان": "hour",
    "مرتين": "time", "مرتان": "time", "طرفين": "party", "الطرفين": "party",
}
# "leaders of N countries" counts leaders.
LEADER_HEADS = ["قادة", "زعماء", "رؤساء"]
# A verbal noun heading a number (in construct) names what it counts: «مقتل 10 في اشتباكات» (10 dead),
# «جرح 4 آخرين» (4 injured). English has no such construct ("killing 12 people" is a verb and its object).
COUNTED_BY_WORD_BEFORE = {"مقتل": "dead", "قتل": "dead", "وفاة": "dead", "جرح": "injured", "إصابة": "injured"}
DURATION_CLASSES = {"day", "week", "month", "year", "hour", "minute"}
# Before an indefinite duration noun these make it one unit: «منذ أسبوع» = for a week.
DURATION_PREPOSITIONS = ["منذ", "لمدة", "طيلة", "طوال", "قرابة", "أجل", "مهلة", "مدة", "خلال",
                         "غضون"]  # «في غضون عام»: within a year
# Abbreviations of the Tunisian press: "194،647 م د" is 194.647 million dinars.
CURRENCY_ABBREVIATIONS = {"م د": ("TND", 10**6), "مليون د": ("TND", 10**6), "مليار د": ("TND", 10**9),
                          "د": ("TND", 1), "م دينار": ("TND", 10**6)}
CURRENCIES = {"دينار": "TND", "دنانير": "TND", "دولار": "USD", "دولارات": "USD",
              "يورو": "EUR", "جنيه": "EGP", "ريال": "SAR", "درهم": "AED", "ليرة": "LBP",
              # the pound sterling: «جنيه استرليني», or «استرليني» alone
              "جنيه استرليني": "GBP", "جنيهات استرلينية": "GBP", "استرليني": "GBP"}

# Clitic prefixes, longest first is applied by the matcher; a name with a prefix is
# accepted only when the remainder is itself a known name.
CLITIC_PREFIXES = ["وبال", "فبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال",
                   "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "س"]
SUFFIXES = ["هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "نا", "ه", "ي", "ا"]

# The article, the prefixes it takes, and the clitics written onto a word.
ARTICLE = "ال"
ARTICLE_PREFIXES = ["ال", "لل", "بال", "وال", "فال", "كال"]  # الشركة، للشركة، بالبنك: a noun that describes
CONJUNCTION_PREFIXES = ["و"]
SINGLE_LETTER_CLITICS = ["ب", "ل", "ك", "ف"]  # برؤساء is keyed as رؤساء too
OF_THE_PREFIXES = ["لل"]  # «الاتحاد العام التونسي للشغل»
# Relational adjectives (الروسي، الأمريكية) describe, never name; a definite word in ية ends a name.
NISBA_ENDINGS = ["ي", "ية"]
DEFINITE_DESCRIPTIVE_ENDINGS = ["ية"]
# A present or future verb (يؤكد، تصوت، ستصوت) after a given name is no family name.
PRESENT_VERB_PREFIXES = ["ي", "ت"]
FUTURE_VERB_PREFIXES = ["س"]
# «على» (on) and «علي» (a name) are one word once normalised: the text's own final letter tells.
FUNCTION_WORD_FINALS = ["ى"]
SHORT_QUOTES_ARE_NAMES = True  # «بوتين»: short names are often put in guillemets
# Words between a title and the name that describe the office (وزير الشؤون الخارجية، رئيس وزراء
# أرمينيا، المنتهية ولايته); words with the article are descriptors already.
TITLE_DESCRIPTORS = ["وزراء", "ولايته", "نظام"]

# Titles before a person's name; nationality adjectives (الروسي) may follow a title.
TITLES = ["الرئيس", "رئيس", "رئيسة", "الرئيسة", "زعيم", "نظيره", "نظيرته", "المبعوث",
          "مبعوث", "الوزير", "وزير", "وزيرة", "الوزيرة", "المستشار", "المستشارة", "الأمين العام",
          "الملك", "الأمير", "الشيخ", "السيد", "السيدة", "رئيس الوزراء", "رئيس الحكومة",
          "رئيسة الحكومة", "الناطق", "المتحدث", "السفير", "السفيرة", "النائب", "النائبة",
          "الجنرال", "وزير الخارجية", "رئيسة الوزراء", "وزير خارجية", "وزير الشؤون الخارجية",
          "محافظ", "المدير العام", "مديرها العام", "مديره العام", "كاتب الدولة", "كاتبة الدولة",
          "الكاتب العام", "الكاتبة العامة", "الأمين العام المساعد", "الناطق الرسمي", "الناطق الرسمي باسم",
          "المتحدث الرسمي", "المتحدث باسم", "الناطقة الرسمية", "والي", "الوالي", "القيادي", "القيادية",
          "عضو", "عضوة", "الخبير", "الخبيرة", "الأستاذ", "الأستاذة", "الدكتور", "الدكتورة", "القاضي",
          "المحامي", "المحامية", "العميد", "المقرر", "رئيس الجمهورية", "رئيس البرلمان",
          "رئيس مجلس نواب الشعب", "رئيس الكتلة", "رئيسة الكتلة", "الممثل", "ممثل", "مدير", "المدير"]
# Common given names of the Arab world and the Maghreb, as the press writes them (Tunisian
# names often carry the article: الحبيب، المنصف). A given name followed by a family name is
# a person: the strongest cue Arabic offers where it has no capital letters.
GIVEN_NAMES = [
    "محمد", "أحمد", "محمود", "مصطفى", "علي", "حسن", "حسين", "عمر", "عثمان", "خالد", "سعيد", "سعد",
    "يوسف", "إبراهيم", "إسماعيل", "يونس", "موسى", "عيسى", "سليمان", "داود", "زكرياء", "زكريا", "يحيى",
    "إلياس", "أيوب", "آدم", "نوح", "صالح", "هشام", "وليد", "طارق", "رياض", "رضا", "كمال", "جمال",
    "نبيل", "سمير", "منير", "بشير", "نذير", "سليم", "كريم", "رشيد", "راشد", "مراد", "فريد", "فاروق",
    "أنور", "منصور", "ناصر", "نصر", "فتحي", "لطفي", "حمدي", "شكري", "صبري", "فوزي", "رمزي", "مهدي",
    "هادي", "الهادي", "الحبيب", "حبيب", "المنصف", "منصف", "الطاهر", "طاهر", "الصادق", "صادق",
    "الباجي", "المولدي", "الناصر", "العربي", "الأزهر", "الطيب", "المختار", "مختار", "المنجي", "منجي",
    "الحبيب", "الصحبي", "نور الدين", "عز الدين", "صلاح الدين", "خير الدين", "سيف الدين", "علاء الدين",
    "بدر الدين", "شمس الدين", "حسام الدين", "نجم الدين", "زين العابدين", "غازي", "زياد", "زهير", "ماهر",
    "مالك", "حاتم", "حازم", "عادل", "عماد", "عصام", "إسلام", "أيمن", "أسامة", "باسم", "بلال", "أنيس",
    "إلياس", "أمين", "الأمين", "معز", "المعز", "مروان", "ياسين", "توفيق", "رفيق", "شفيق", "عبيد",
    "نجيب", "لسعد", "الأسعد", "حمادي", "الحمادي", "فيصل", "قيس", "سفيان", "وسام", "هيثم", "جلال",
    "كمال", "عبد الله", "عبد الرحمن", "عبد الكريم", "عبد العزيز", "عبد المجيد", "عبد الحميد",
    "عبد اللطيف", "عبد الرزاق", "عبد الفتاح", "عبد الوهاب", "عبد القادر", "عبد السلام", "عبد الرحيم",
    "عبد الجليل", "عبد الباسط", "عبد الحكيم", "عبد الملك", "عبد الناصر", "عبد الإله", "عبد الرؤوف",
    "فاطمة", "عائشة", "خديجة", "مريم", "زينب", "سلمى", "سامية", "سميرة", "ليلى", "نادية", "نجلاء",
    "هند", "سعاد", "أمال", "آمال", "منية", "نزيهة", "راضية", "سنية", "سهام", "سندة", "فاتن", "لمياء",
    "ماجدة", "بشرى", "هالة", "رجاء", "وفاء", "إيمان", "يسرى", "نورة", "سارة", "أسماء", "حياة", "جميلة",
    "كلثوم", "بسمة", "منى", "ريم", "سلوى", "عبير", "نبيهة", "زهرة", "فوزية", "حنان", "إيناس", "مباركة",
]
# Words that join a family name to a given name: «طارق بن علي» is one name, never cut at بن.
NAME_LINKS = ["بن", "ابن", "بنت", "أبو", "أبي", "بو"]
# Heads of organisation names: «وزارة الصناعة والتجارة»، «حزب نداء تونس»، «كتلة الحرة».
ORG_HEADS = ["وزارة", "حزب", "حركة", "كتلة", "الكتلة", "الاتحاد", "اتحاد", "هيئة", "الهيئة", "جمعية",
             "الجمعية", "منظمة", "المنظمة", "الجامعة العامة", "جامعة", "ديوان", "الديوان", "البنك", "بنك",
             "المجلس", "مجلس", "المعهد", "معهد", "وكالة", "الوكالة", "محكمة", "المحكمة", "الجبهة", "جبهة",
             "التيار", "ائتلاف", "الائتلاف", "نقابة", "النقابة", "الشركة", "شركة", "صندوق", "الصندوق",
             "المرصد", "مرصد", "المركز", "مركز", "الإدارة العامة", "رئاسة"]
# Organisation heads whose name need not carry the article: «حزب آفاق تونس»، «حركة مشروع تونس».
PARTY_HEADS = ["حزب", "حركة", "كتلة", "الكتلة", "الجبهة", "جبهة", "ائتلاف", "الائتلاف", "التيار"]
# Words that introduce a place: «بولاية صفاقس»، «مدينة بنزرت»، «معتمدية الرقاب».
PLACE_CUES = ["ولاية", "مدينة", "معتمدية", "بلدية", "جهة", "منطقة", "قرية", "عاصمة", "قصر", "محافظة",
              "إقليم", "جزيرة", "ميناء", "مطار", "معبر"]
# Tunisia's governorates and seats of power, which the Tunisian press names without a cue.
PLACES = ["تونس", "أريانة", "بن عروس", "منوبة", "نابل", "زغوان", "بنزرت", "باجة", "جندوبة", "الكاف",
          "سليانة", "سوسة", "المنستير", "المهدية", "صفاقس", "القيروان", "القصرين", "سيدي بوزيد", "قابس",
          "مدنين", "تطاوين", "قفصة", "توزر", "قبلي", "قرطاج", "باردو", "القصبة", "جربة", "الحمامات",
          "جرجيس", "طبرقة", "الحمامات", "المرسى", "حلق الوادي", "رادس", "بن قردان", "الرقاب", "ذهيبة",
          "الجزائر", "طرابلس", "القاهرة", "الرباط", "نواكشوط", "الرياض", "الدوحة", "أبو ظبي", "دبي",
          "بيروت", "دمشق", "بغداد", "عمان", "الكويت", "المنامة", "مسقط", "صنعاء", "الخرطوم",
          "باريس", "لندن", "واشنطن", "موسكو", "برلين", "روما", "مدريد", "بروكسل", "جنيف", "بكين"]
NAME_STOPWORDS = ["في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "الذي", "التي", "الذين",
                  "قد", "لا", "لم", "لن", "ما", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت",
                  "بين", "بعد", "قبل", "خلال", "عند", "حول", "أو", "ثم", "كل", "عدد",
                  "المنتهية", "ولايته", "إضافة", "وعدد", "وكل", "يوم", "حيث", "كما", "لكن", "بل", "أي", "منذ",
                  # the common verbs of reporting and of meetings: a name ends where one begins
                  "قال", "أعلن", "أكد", "أبدى", "أوضح", "أشار", "أضاف", "بين", "أفاد", "دعا", "طالب", "أجرى",
                  "التقى", "استقبل", "زار", "شارك", "ترأس", "حضر", "صرح", "اعتبر", "لاحظ", "شدد", "نفى",
                  "قالت", "أعلنت", "أكدت", "أوضحت", "أشارت", "أضافت", "بينت", "أفادت", "دعت", "طالبت",
                  "أجرت", "التقت", "استقبلت", "زارت", "شاركت", "ترأست", "حضرت", "صرحت", "اعتبرت"]

# Function words ignored when aligning a claim with source passages.
STOPWORDS = NAME_STOPWORDS + [
    "وفي", "ومن", "هو", "هي", "هم", "كما", "وقد", "التي", "الى", "انه", "أنه", "أنها", "إنه",
    "وأن", "وإن", "له", "لها", "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها",
    "وكان", "هذا", "وهذا", "الذي", "تم", "يتم", "خلال", "أيضا", "ليس", "غير", "عدة", "مثل",
]

# Words that end a passage inside a sentence: the event after them may have another date.
SEGMENT_BREAKS = ["ثم", "بينما", "في حين", "فيما", "قبل أن", "بعد أن"]
CLAUSE_BREAKS = ["لكن", "ولكن"]  # «…، لكن …»: a contrast opens another statement
ABBREVIATIONS: list[str] = []  # Arabic abbreviations (م.د، ص.ب) are rare in news; none listed yet
COMMON_WORD_ZIPF = None  # Arabic has no capital letters to mistake

# Direction of change: verbs and nouns of rising and falling (clitics are stripped by the
# matcher; accusative nouns are listed with their alif).
RISE_WORDS = ["ارتفع", "ارتفعت", "يرتفع", "ترتفع", "ارتفاع", "ارتفاعا", "ازداد", "ازدادت", "يزداد", "تزداد",
              "صعد", "صعدت", "يصعد", "تصعد", "تضاعف", "تضاعفت", "نما", "نمت", "ينمو", "تنمو", "نمو", "نموا",
              "ارتقى", "ارتقت", "قفز", "قفزت", "يقفز", "تقفز", "تحسن", "تحسنت", "يتحسن", "تتحسن", "تحسنا"]
FALL_WORDS = ["انخفض", "انخفضت", "ينخفض", "تنخفض", "انخفاض", "انخفاضا", "تراجع", "تراجعت", "يتراجع",
              "تتراجع", "تراجعا", "تقلص", "تقلصت", "يتقلص", "تتقلص", "تقلصا", "هبط", "هبطت", "يهبط", "تهبط",
              "هبوط", "هبوطا", "تدنى", "تدنت", "انكمش", "انكمشت", "تدهور", "تدهورت", "تدهورا"]
# Two figures of one measure: "3579 مقابل 3712" is the new value against the old one.
VERSUS_WORDS = ["مقابل"]
FROM_WORDS = ["من"]  # «من 66 إلى 52»
TO_WORDS = ["إلى", "حتى"]
RANGE_WORDS = ["إلى", "حتى", "و"]  # «من 4 إلى 7 جانفي»
RANGE_END_WORDS = ["تنتهي", "ينتهي", "تختتم", "يختتم", "غاية"]  # «تنطلق يوم 19 جوان وتنتهي يوم 10 أوت»
PAIR_WORDS = ["إلى", "حتى", "مقابل"]  # «من 2000 م د في القانون الأصلي إلى 3843»
# «…بـ 22 بالمائة والسوق العربية بـ 51»: a coordinated noun opens the next figure's frame.
FRAME_BREAK_PREFIXES = ["وال"]
FRAME_BREAK_WORDS = ["و"]  # «7 % من حيث القيمة و 19 % من حيث الكمية»: a lone «و» opens the next figure

# Country names not in CLDR's display names but common in news (read in every language's text).
COUNTRY_ALIASES = {
    "GB": ["بريطانيا"],
    "US": ["أمريكا", "أميركا", "الولايات المتحدة الأمريكية"],
    "RU": ["روسيا الاتحادية"],
    "KG": ["قرغيزستان"],
    "KP": ["كوريا الشمالية"],
    "KR": ["كوريا الجنوبية"],
    "CN": ["بيجين"],
    "EG": ["جمهورية مصر العربية"],
}
