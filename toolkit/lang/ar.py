"""Arabic language data. Written as it is spelled in text; `toolkit.lang` normalises
every key once at import (hamza forms, ة/ه, ى/ي...), so spelling variants need no
entries of their own."""

CODE = "ar"

# Gregorian months: MSA (Egypt, Gulf), Levantine/Iraqi, Maghrebi (Tunisia, Algeria),
# Moroccan forms.
MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "جانفي": 1,
    "فبراير": 2, "شباط": 2, "فيفري": 2, "فبرير": 2,
    "مارس": 3, "آذار": 3,
    "أبريل": 4, "إبريل": 4, "نيسان": 4, "أفريل": 4, "ابريل": 4,
    "مايو": 5, "أيار": 5, "ماي": 5,
    "يونيو": 6, "يونيه": 6, "حزيران": 6, "جوان": 6,
    "يوليو": 7, "يوليه": 7, "تموز": 7, "جويلية": 7, "يوليوز": 7,
    "أغسطس": 8, "آب": 8, "أوت": 8, "غشت": 8, "اغسطس": 8,
    "سبتمبر": 9, "أيلول": 9, "شتنبر": 9,
    "أكتوبر": 10, "تشرين الأول": 10, "اكتوبر": 10,
    "نوفمبر": 11, "تشرين الثاني": 11, "نونبر": 11,
    "ديسمبر": 12, "كانون الأول": 12, "دجنبر": 12,
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

# Python's weekday numbers: Monday = 0.
WEEKDAYS = {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}

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
# "قبل يومين" (two days ago), "منذ ثلاثة أشهر", "بعد أسبوعين من الآن".
AGO_WORDS = ["قبل"]  # «منذ ثلاثين عاما» is a duration (for thirty years), not a date
FROM_NOW = {"بعد": "من الآن"}
VAGUE_AMOUNTS = ["بضعة", "بضع", "عدة"]
# A plural time noun with no number is a vague span («قبل أيام»: some days ago), not one unit.
VAGUE_PLURALS = ["أيام", "أسابيع", "أشهر", "شهور", "سنوات", "سنين", "أعوام", "ساعات", "دقائق"]
# Holidays: name -> (calendar, month, day); Hijri ones are placed in a Gregorian year.
HOLIDAYS = {
    "عيد الميلاد": ("gregorian", 12, 25), "رأس السنة الميلادية": ("gregorian", 1, 1),
    "عيد الحب": ("gregorian", 2, 14), "عيد العمال": ("gregorian", 5, 1),
    "عيد الفطر": ("hijri", 10, 1), "عيد الأضحى": ("hijri", 12, 10), "يوم عرفة": ("hijri", 12, 9),
    "رأس السنة الهجرية": ("hijri", 1, 1), "المولد النبوي": ("hijri", 3, 12),
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
FRACTIONS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3, "ثلثان": 2 / 3, "ثلثين": 2 / 3}
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
}
# Indefinite accusative nouns add an alif (وزيرا، نائبا): looked up without it.
ACCUSATIVE_ENDINGS = ["ا"]
# A singular noun plus one of these is its dual (نائبين، وزيرتين): a count of two.
DUAL_ENDINGS = ["ين", "ان"]
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
DURATION_CLASSES = {"day", "week", "month", "year", "hour", "minute"}
# Before an indefinite duration noun these make it one unit: «منذ أسبوع» = for a week.
DURATION_PREPOSITIONS = ["منذ", "لمدة", "طيلة", "طوال", "قرابة"]
# Abbreviations of the Tunisian press: "194،647 م د" is 194.647 million dinars.
CURRENCY_ABBREVIATIONS = {"م د": ("TND", 10**6), "مليون د": ("TND", 10**6), "مليار د": ("TND", 10**9),
                          "د": ("TND", 1), "م دينار": ("TND", 10**6)}
CURRENCIES = {"دينار": "TND", "دنانير": "TND", "دولار": "USD", "دولارات": "USD",
              "يورو": "EUR", "جنيه": "EGP", "ريال": "SAR", "درهم": "AED", "ليرة": "LBP"}

# Clitic prefixes, longest first is applied by the matcher; a name with a prefix is
# accepted only when the remainder is itself a known name.
CLITIC_PREFIXES = ["وبال", "فبال", "وال", "بال", "فال", "كال", "ولل", "فلل", "لل", "ال",
                   "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", "س"]
SUFFIXES = ["هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "نا", "ه", "ي", "ا"]

# Titles before a person's name; nationality adjectives (الروسي) may follow a title.
TITLES = ["الرئيس", "رئيس", "رئيسة", "الرئيسة", "زعيم", "نظيره", "نظيرته", "المبعوث",
          "مبعوث", "الوزير", "وزير", "وزيرة", "المستشار", "المستشارة", "الأمين العام",
          "الملك", "الأمير", "الشيخ", "السيد", "السيدة", "رئيس الوزراء", "رئيس الحكومة",
          "رئيسة الحكومة", "رئيسة المفوضية الأوروبية", "الناطق", "المتحدث", "السفير",
          "النائب", "الجنرال", "الأمين العام للناتو", "وزير الخارجية", "رئيسة الوزراء", "وزير خارجية",
          "وزير الشؤون الخارجية", "محافظ", "المدير العام", "مديرها العام"]
NAME_STOPWORDS = ["في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "الذي", "التي", "الذين",
                  "قد", "لا", "لم", "لن", "ما", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت",
                  "بين", "بعد", "قبل", "خلال", "عند", "حول", "أو", "ثم", "كل", "عدد",
                  "المنتهية", "ولايته", "إضافة", "وعدد", "وكل", "لإطلاعه", "أجرى", "قال",
                  "أعلن", "أكد", "أبدى", "يوم", "حيث", "كما", "لكن", "بل", "أي", "منذ"]

# Function words ignored when aligning a claim with source passages.
STOPWORDS = NAME_STOPWORDS + [
    "وفي", "ومن", "هو", "هي", "هم", "كما", "وقد", "التي", "الى", "انه", "أنه", "أنها", "إنه",
    "وأن", "وإن", "له", "لها", "به", "بها", "فيه", "فيها", "منه", "منها", "عليه", "عليها",
    "وكان", "هذا", "وهذا", "الذي", "تم", "يتم", "خلال", "أيضا", "ليس", "غير", "عدة", "مثل",
]

# Words that end a passage inside a sentence: the event after them may have another date.
SEGMENT_BREAKS = ["ثم", "بينما", "في حين", "فيما", "قبل أن", "بعد أن"]

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
