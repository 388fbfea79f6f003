from hypothesis import given
from hypothesis import strategies as st

from toolkit.text import detect_language, normalize, skeleton

ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةـًٌٍَُِّْ«»،؛٠١٢٣٤٥٦٧٨٩۰۱۲ \n.,\"'%٪٫٬"


def test_letter_variants_digits_and_marks_are_unified():
    assert normalize("أحمد إلى آخر").text == "احمد الي اخر"
    assert normalize("مدرسةٌ").text == "مدرسه"
    assert normalize("١٢٣ ۴۵").text == "123 45"
    assert normalize("«تاس»، ثم").text == '"تاس", ثم'
    assert normalize("كـــبير").text == "كبير"


def test_offsets_point_at_original_characters():
    original = "قالَ «بوتين» في ١٥ آب"
    nt = normalize(original)
    pos = nt.text.index("بوتين")
    a, b = nt.to_original(pos, pos + len("بوتين"))
    assert original[a:b] == "بوتين"
    pos = nt.text.index("15")
    a, b = nt.to_original(pos, pos + 2)
    assert original[a:b] == "١٥"


@given(st.text(alphabet=ARABIC_ALPHABET + "abcXYZ", max_size=80))
def test_offset_map_is_monotonic_and_in_bounds(original):
    nt = normalize(original)
    assert len(nt.offsets) == len(nt.text) + 1
    assert nt.offsets[-1] == len(original)
    assert all(a < b for a, b in zip(nt.offsets[:-1], nt.offsets[1:]))
    for i in range(len(nt.text)):
        a, b = nt.to_original(i, i + 1)
        assert 0 <= a < b <= len(original)


@given(st.text(alphabet=ARABIC_ALPHABET, max_size=60), st.integers(0, 59), st.integers(0, 59))
def test_any_span_maps_to_a_span_that_normalises_back(original, i, j):
    nt = normalize(original)
    i, j = sorted((min(i, len(nt.text)), min(j, len(nt.text))))
    a, b = nt.to_original(i, j)
    assert normalize(original[a:b]).text == nt.text[i:j]


def test_skeletons_match_spelling_variants_and_scripts():
    assert skeleton("زيلينسكي") == skeleton("زيلنسكي") == skeleton("zelensky")
    assert skeleton("فلاديمير") == skeleton("فولوديمير")
    assert skeleton("بوتين") == skeleton("putin")
    assert skeleton("ترامب") == skeleton("trump")
    assert skeleton("بوتين") != skeleton("ترامب")


def test_language_detection():
    assert detect_language("قال الرئيس") == "ar"
    assert detect_language("The president said") == "en"
