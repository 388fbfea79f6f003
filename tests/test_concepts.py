"""The bilingual concept lexicon (toolkit/lang/concepts.py): well-formed, one concept per
word, and matched through clitics, light suffixes and English plurals."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from toolkit.lang import ar as ar_data
from toolkit.lang import en as en_data
from toolkit.lang import get_language
from toolkit.lang.concepts import CONCEPTS
from toolkit.text import norm

LANGS = ("ar", "en")
_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")  # one word token, as the scanner cuts it


def concept(code: str, word: str) -> str | None:
    return get_language(code).concept(norm(word))


def _listed(code: str) -> dict[str, set[str]]:
    """Normalised word -> the concepts that list it."""
    out: dict[str, set[str]] = defaultdict(set)
    for cid, words in CONCEPTS.items():
        for w in words[code]:
            out[norm(w)].add(cid)
    return out


# -- shape of the table ------------------------------------------------------------

def test_every_concept_has_both_languages():
    for cid, words in CONCEPTS.items():
        assert set(words) == {"en", "ar"}, cid
        assert words["en"], f"{cid}: no English word"
        assert words["ar"], f"{cid}: no Arabic word"


def test_words_are_single_tokens_of_their_language():
    for cid, words in CONCEPTS.items():
        for w in words["en"]:
            assert w == w.lower() and w.isascii() and _WORD.fullmatch(w), (cid, w)
        for w in words["ar"]:
            assert _WORD.fullmatch(w) and all("\u0621" <= c <= "\u064a" for c in norm(w)), (cid, w)
            assert len(norm(w)) >= 3, (cid, w)  # two letters hide in too many words


@pytest.mark.parametrize("code", LANGS)
def test_no_word_in_two_concepts(code):
    clashes = {w: sorted(cs) for w, cs in _listed(code).items() if len(cs) > 1}
    assert not clashes


@pytest.mark.parametrize("code", LANGS)
def test_no_word_listed_twice(code):
    seen: dict[str, str] = {}
    for cid, words in CONCEPTS.items():
        for w in words[code]:
            key = norm(w)
            assert key not in seen, f"{w!r} in {cid} repeats {seen[key]!r}"
            seen[key] = w


@pytest.mark.parametrize("code", LANGS)
def test_no_ambiguous_light_stem(code):
    """Words of two concepts with one light stem: a form reached only through that stem
    would get whichever concept was loaded last, unless the stem is itself a listed word."""
    lang = get_language(code)
    listed = _listed(code)
    stems: dict[str, set[str]] = defaultdict(set)
    for w, cs in listed.items():
        stems[lang.stem(w)] |= cs
    ambiguous = {s: sorted(cs) for s, cs in stems.items() if len(cs) > 1 and s not in listed}
    assert not ambiguous


# -- matching ----------------------------------------------------------------------

@pytest.mark.parametrize("code", LANGS)
def test_every_word_maps_to_its_concept(code):
    for cid, words in CONCEPTS.items():
        for w in words[code]:
            assert concept(code, w) == cid, (w, cid)


def test_arabic_clitic_forms_map_like_the_bare_word():
    for cid, words in CONCEPTS.items():
        for w in words["ar"]:
            bare = norm(w)
            forms = ["و" + bare]
            if not bare.startswith("ال"):
                forms += ["ال" + bare, "وال" + bare, "بال" + bare, "لل" + bare]
            for f in forms:
                assert concept("ar", f) == cid, (f, cid)


def test_english_plurals_map_like_the_singular():
    for cid, words in CONCEPTS.items():
        for w in words["en"]:
            if len(w) >= 4 and not w.endswith("s"):
                assert concept("en", w + "s") == cid, (w + "s", cid)


@pytest.mark.parametrize("form, bare", [
    ("والنواب", "نواب"), ("للميزانية", "ميزانية"), ("بالبورصة", "بورصة"), ("الميزانيات", "ميزانية"),
    ("والديوانة", "ديوانة"), ("بالولاية", "ولاية"), ("للفلاحة", "فلاحة"), ("والمعتمديات", "معتمدية"),
    ("الاستثمارية", "استثمار"), ("لمستثمرين", "مستثمر"), ("والصادرات", "تصدير"), ("بالأسعار", "سعر"),
    ("الحكومية", "حكومة"), ("والاحتجاجات", "احتجاج"), ("نائبا", "نائب"), ("الاجتماعية", "اجتماعي"),
    ("اجتماعه", "اجتماع"), ("بالمؤسسات", "مؤسسة"), ("وللعمال", "عمال"),
])
def test_arabic_forms(form, bare):
    assert concept("ar", bare) is not None
    assert concept("ar", form) == concept("ar", bare)


@pytest.mark.parametrize("form, bare", [
    ("budgets", "budget"), ("MPs", "mp"), ("Parliaments", "parliament"), ("taxes", "tax"),
    ("companies", "company"), ("Deputies", "deputy"), ("prices", "price"), ("losses", "loss"),
])
def test_english_forms(form, bare):
    assert concept("en", bare) is not None
    assert concept("en", form) == concept("en", bare)


@pytest.mark.parametrize("arabic, english", [
    ("نواب", "mps"), ("النواب", "deputies"), ("البرلمان", "parliament"), ("مجلس", "assembly"),
    ("الحكومة", "government"), ("الكتلة", "bloc"), ("حزب", "party"), ("الائتلاف", "coalition"),
    ("حركة", "movement"), ("المعارضة", "opposition"), ("الوزارة", "ministry"), ("الرئاسة", "presidency"),
    ("الوالي", "governor"), ("محافظ", "governor"), ("ولاية", "governorate"), ("معتمدية", "delegation"),
    ("البلدية", "municipality"), ("المحكمة", "court"), ("القاضي", "judge"), ("القانون", "law"),
    ("مشروع", "bill"), ("مرسوم", "decree"), ("الدستور", "constitution"), ("الفصل", "article"),
    ("التصويت", "vote"), ("جلسة", "session"), ("عامة", "plenary"), ("اللجنة", "committee"),
    ("الهيئة", "commission"), ("الاتحاد", "union"), ("النقابة", "union"), ("إضراب", "strike"),
    ("احتجاجات", "protests"), ("اتفاق", "agreement"), ("المفاوضات", "negotiations"), ("زيارة", "visit"),
    ("اجتماع", "meeting"), ("بيان", "statement"), ("بلاغ", "statement"), ("ندوة", "conference"),
    ("الناطق", "spokesman"), ("سفير", "ambassador"), ("السفارة", "embassy"), ("الأمن", "security"),
    ("الجيش", "army"), ("الشرطة", "police"), ("الإرهاب", "terrorism"), ("هجوم", "attack"),
    ("إيقاف", "arrest"), ("اعتقال", "arrest"), ("الفساد", "corruption"), ("تحقيق", "investigation"),
    ("الحملة", "campaign"), ("النتائج", "results"), ("مقاعد", "seats"),
    ("الميزانية", "budget"), ("الهدف", "target"), ("وتيرة", "pace"), ("العجز", "deficit"), ("الديون", "debt"), ("قرض", "loan"),
    ("الاقتراض", "borrowing"), ("التضخم", "inflation"), ("الأسعار", "prices"), ("مؤشر", "index"),
    ("النمو", "growth"), ("الناتج", "gdp"), ("الاستثمار", "investment"), ("المستثمرين", "investors"),
    ("الصادرات", "exports"), ("الواردات", "imports"), ("المبادلات", "trade"), ("الميزان", "balance"),
    ("الجباية", "tax"), ("الضرائب", "taxes"), ("الديوانة", "customs"), ("الجمارك", "customs"),
    ("المداخيل", "revenue"), ("أرباح", "profit"), ("مرابيح", "profits"), ("صافية", "net"),
    ("المعاملات", "turnover"), ("شركة", "company"), ("مؤسسة", "company"), ("القطاع", "sector"),
    ("الصناعة", "industry"), ("الفلاحة", "agriculture"), ("الزراعة", "agriculture"), ("السياحة", "tourism"),
    ("نزل", "hotel"), ("فندق", "hotel"), ("النفط", "oil"), ("البترول", "oil"), ("الغاز", "gas"),
    ("الفسفاط", "phosphate"), ("زيت", "oil"), ("الزيتون", "olive"), ("التمور", "dates"),
    ("النسيج", "textile"), ("الطاقة", "energy"), ("الكهرباء", "electricity"), ("المياه", "water"), ("التطهير", "sanitation"),
    ("النقل", "transport"), ("المطار", "airport"), ("الميناء", "port"), ("السكك", "railway"),
    ("البنك", "bank"), ("المركزي", "central"), ("الصرف", "exchange"), ("الدينار", "dinar"),
    ("الدولار", "dollar"), ("الأورو", "euro"), ("البورصة", "bourse"), ("السوق", "market"),
    ("التشغيل", "employment"), ("العمل", "jobs"), ("البطالة", "unemployment"), ("الأجور", "wages"), ("الأعوان", "workers"),
    ("العمال", "workers"), ("الموظفين", "employees"), ("التقاعد", "pension"), ("الضمان", "insurance"),
    ("الدعم", "subsidy"), ("الفقر", "poverty"), ("السكن", "housing"), ("الصحة", "health"),
    ("المستشفى", "hospital"), ("التعليم", "education"), ("التربية", "education"), ("مدرسة", "school"),
    ("الجامعة", "university"), ("الطلبة", "students"),
    ("السنة", "year"), ("سنوي", "annual"), ("شهر", "month"), ("أسبوع", "week"), ("الثلاثي", "quarter"),
    ("النصف", "half"), ("الفترة", "period"), ("الماضي", "last"), ("الفارط", "previous"), ("المقبل", "next"),
    ("الاشتراكي", "socialist"), ("الشيوعي", "communist"), ("الليبرالية", "liberal"), ("القومية", "nationalist"),
    ("اليساري", "leftist"), ("الدفاع", "defence"), ("التجهيز", "equipment"),
    ("أشار", "noted"), ("وأفاد", "told"), ("شدد", "stressed"), ("صرحت", "declared"),
])
def test_arabic_and_english_share_a_concept(arabic, english):
    assert concept("ar", arabic) is not None, arabic
    assert concept("ar", arabic) == concept("en", english), (arabic, english)


# -- words that must stay out ------------------------------------------------------

# Words that must not pick up a concept through clitic stripping or a light stem:
# إلى/وإلى (والي strips to الي), أجرى (stem of أجر), خاصة "especially" (stem خاص),
# كمال (ك + مال), مائة/بالمائة and ماي "May" (stem of مائي), بحدود "about" (ب + حدود).
_OUTSIDERS_AR = ["إلى", "وإلى", "أجرى", "خاصة", "كمال", "مائة", "بالمائة", "ماي", "بحدود", "لدى", "ضمن", "حتى",
                 "حسب", "بعض", "جميع", "نفس", "كذلك", "فقط", "إذا", "لأن", "أكثر", "أقل", "الصعبة",
                 # a city and given names that share a stem with news words (رياضة sport, إسلامي)
                 "الرياض", "رياض", "إسلام"]
_OUTSIDERS_EN = ["new", "more", "over", "under", "up", "down", "per", "other", "some", "all", "during",
                 "since", "however", "including", "against", "between", "could", "should", "may", "can"]


@pytest.mark.parametrize("code, words", [
    ("ar", ar_data.STOPWORDS + list(ar_data.MONTHS) + list(ar_data.WEEKDAYS) + ar_data.PERCENT_WORDS
     + ar_data.APPROXIMATORS + _OUTSIDERS_AR),
    ("en", en_data.STOPWORDS + list(en_data.MONTHS) + list(en_data.WEEKDAYS) + en_data.PERCENT_WORDS
     + en_data.APPROXIMATORS + _OUTSIDERS_EN),
])
def test_function_words_have_no_concept(code, words):
    """Unless listed on purpose (the reporting verbs قال، said), a function word, month,
    weekday or percent word gets no concept."""
    listed = _listed(code)
    leaks = {}
    for phrase in words:
        for tok in norm(phrase).split():
            if tok not in listed and concept(code, tok) is not None:
                leaks[tok] = concept(code, tok)
    assert not leaks


@pytest.mark.parametrize("en, ar, cid", [
    ("offices", "مكاتب", "office"), ("office", "مكتبا", "office"),
    ("volume", "الكمية", "quantity"), ("quantities", "كميات", "quantity"),
    ("latest", "الأخير", "last"),
])
def test_counted_and_measured_nouns_share_a_concept(en, ar, cid):
    assert concept("en", en) == concept("ar", ar) == cid


def test_contrasted_aspects_are_concepts():
    from toolkit.lang.concepts import CONTRASTS
    for pair in CONTRASTS:
        assert len(pair) >= 2 and all(a in CONCEPTS for a in pair)
