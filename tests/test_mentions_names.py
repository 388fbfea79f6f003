import pytest

from toolkit import find_mentions


def kinds(text, kind):
    return [m for m in find_mentions(text) if m.kind == kind]


def test_countries_with_clitics_and_spelling_variants():
    ents = kinds("اتصل برؤساء بيلاروس وكازاخستان وأوزبكستان وقيرغيزستان", "entity")
    assert [m.value for m in ents] == ["country:BY", "country:KZ", "country:UZ", "country:KG"]
    assert [m.text for m in ents][1] == "كازاخستان"  # the clitic و stays outside the span


def test_titled_names_and_later_bare_mentions_with_clitics():
    text = "قال الرئيس الروسي فلاديمير بوتين إن ... ثم قال لبوتين. وزار بوتيكا"
    ents = kinds(text, "entity")
    assert ents[0].value == "فلاديمير بوتين" and ents[0].role == "الرئيس الروسي"
    assert [m.text for m in ents[1:]] == ["بوتين"]  # not "بوتيكا"


def test_clitic_is_stripped_only_onto_a_known_name():
    ents = kinds("التقى الرئيس بوتين. وقال بالرئيس وبوتين", "entity")
    assert [m.text for m in ents] == ["بوتين", "بوتين"]


def test_quotes_in_every_quote_style():
    for text in ('قال: «هذا اتفاق تاريخي بين البلدين»', 'قال: "هذا اتفاق تاريخي بين البلدين"',
                 "قال: “هذا اتفاق تاريخي بين البلدين”"):
        (q,) = kinds(text, "quote")
        assert q.value == "هذا اتفاق تاريخي بين البلدين"


def test_enumerations_count_their_items():
    (e,) = kinds("مع قادة جنوب أفريقيا، طاجيكستان، الهند، البرازيل وقرغيزستان", "enumeration")
    assert len(e.value) == 5 and len(e.items) == 5
    (e,) = kinds("spoke with the leaders of Belarus, Kazakhstan and Uzbekistan", "enumeration")
    assert e.value == ["Belarus", "Kazakhstan", "Uzbekistan"]


def test_seed_mentions(seed):
    ms = find_mentions(seed, published="2025-08-19")
    by = lambda k: [(m.text, m.value) for m in ms if m.kind == k]
    assert ("في اليوم التالي", "2025-08-17") in by("date")
    assert ("ثمانية من القادة", 8) in by("count") and ("ثماني دول", 8) in by("count")
    assert ("الرئيسين", 2) in by("count")
    assert sorted(len(v) for _, v in by("enumeration") if len(v) in (3, 5)) == [3, 5, 5]
    assert seed[ms[0].start:ms[0].end] == ms[0].text


# -- Arabic names without a trained model (given names, «بن» chains, organisations, places) --

def _entities(text):
    from toolkit import find_mentions
    return [(m.text, m.unit) for m in find_mentions(text) if m.kind == "entity"]


@pytest.mark.parametrize("text, expected", [
    ("قال رئيس الحكومة يوسف الشاهد إن الحكومة ستواصل", [("يوسف الشاهد", "person")]),
    ("التقى الباجي قائد السبسي بطارق بن علي", [("الباجي قائد السبسي", "person"), ("طارق بن علي", "person")]),
    ("أكد محمد الناصر أن المجلس سيصوت", [("محمد الناصر", "person")]),
    ("محمود عباس متهم بمعاداة السامية", [("محمود عباس", "person")]),  # a bare word does not end a name
    ("ستدعم وزارة الصناعة والتجارة المشروع", [("وزارة الصناعة والتجارة", "org")]),
    ("انضم إلى حزب نداء تونس", [("حزب نداء تونس", "org")]),  # a party's name may hold a country
    ("اجتماع الاتحاد العام التونسي للشغل", [("الاتحاد العام التونسي للشغل", "org")]),
    ("وقعت الحادثة بولاية سيدي بوزيد", [("سيدي بوزيد", "place")]),
    ("اجتمع النواب في باردو", [("باردو", "place")]),
    ("وافق على المشروع", []),  # «على» is a preposition, not the name «علي»
])
def test_arabic_names_from_cues(text, expected):
    assert _entities(text) == expected
