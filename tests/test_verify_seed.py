"""The verifier on the seed article: faithful statements pass, every planted trap is caught
at its own span, with evidence that points at the source's characters."""

import pytest

from toolkit import verify

from .conftest import SEED_PUBLISHED


def check(seed, summary, **kw):
    kw.setdefault("published", SEED_PUBLISHED)
    return verify(seed, summary, **kw)


def claim_at(report, summary, text):
    start = summary.index(text)
    hits = [c for c in report.claims if c.span.start <= start < c.span.end]
    assert hits, f"no claim covers {text!r}: {[c.text for c in report.claims]}"
    return hits[0]


def assert_evidence_is_source_text(seed, report):
    for c in report.claims:
        for e in c.evidence:
            assert seed[e.start:e.end] == e.text


FAITHFUL = [
    "عقب قمة ألاسكا في 15 أغسطس، أجرى بوتين اتصالات مع ثمانية من القادة.",
    "عقد بوتين اجتماعا داخليا في موسكو يوم 16 أغسطس، ثم اتصل في اليوم التالي برؤساء بيلاروس وكازاخستان وأوزبكستان.",
    "وفي 18 أغسطس تحدث مع قادة جنوب أفريقيا وطاجيكستان والهند والبرازيل وقرغيزستان.",
    "تحدث بوتين مع ثمانية قادة: رؤساء بيلاروس وكازاخستان وأوزبكستان، ثم قادة جنوب أفريقيا وطاجيكستان والهند والبرازيل وقرغيزستان.",
    "قال ماكرون يوم الاثنين إن مكان لقاء بوتين وزيلنسكي سيحدد خلال الساعات القادمة.",
    "سيعقد اللقاء الثلاثي بعد أسبوعين أو ثلاثة أسابيع من لقاء الرئيسين.",
    "زار المبعوث الأمريكي ستيفن ويتكوف موسكو في 6 أغسطس.",
    "أبدى فولوديمير زيلينسكي استعداده للقاء مباشر مع بوتين.",
]


@pytest.mark.parametrize("summary", FAITHFUL)
def test_faithful_statements_raise_no_contradiction(seed, summary):
    report = check(seed, summary)
    assert report.counts["contradicted"] == 0, [(c.text, c.reason) for c in report.contradicted]
    assert report.counts["supported"] >= 1
    assert_evidence_is_source_text(seed, report)


def test_value_bound_to_the_wrong_event_is_contradicted(seed):
    # 16 August is the internal meeting; the calls were "the next day"
    summary = "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس."
    report = check(seed, summary)
    c = claim_at(report, summary, "16 أغسطس")
    assert c.verdict == "contradicted"
    assert [e.text for e in c.evidence] == ["في اليوم التالي", "يوم 16 أغسطس"]
    assert "17 August 2025" in c.reason
    assert_evidence_is_source_text(seed, report)


def test_next_day_resolves_to_the_calls(seed):
    summary = "Putin called the presidents of Belarus, Kazakhstan and Uzbekistan on August 17."
    c = claim_at(check(seed, summary), summary, "August 17")
    assert c.verdict == "supported" and c.evidence[0].text == "في اليوم التالي"


def test_eight_leaders_stated_and_three_plus_five_listed(seed):
    ok = "تحدث بوتين مع ثمانية قادة: رؤساء بيلاروس وكازاخستان وأوزبكستان، ثم قادة جنوب أفريقيا وطاجيكستان والهند والبرازيل وقرغيزستان."
    assert claim_at(check(seed, ok), ok, "ثمانية").verdict == "supported"
    wrong_total = ok.replace("ثمانية", "سبعة")
    c = claim_at(check(seed, wrong_total), wrong_total, "سبعة")
    assert c.verdict == "contradicted" and "3 + 5 = 8" in c.reason
    wrong_count = "أجرى بوتين اتصالات مع تسعة من القادة بعد قمة ألاسكا."
    c = claim_at(check(seed, wrong_count), wrong_count, "تسعة")
    assert c.verdict == "contradicted" and c.evidence[0].text in ("ثمانية من القادة", "ثماني دول")


def test_stated_count_against_listed_items(seed):
    summary = "في 18 أغسطس تحدث بوتين مع قادة أربع دول هي جنوب أفريقيا وطاجيكستان والهند والبرازيل وقرغيزستان."
    c = claim_at(check(seed, summary), summary, "أربع")
    assert c.verdict == "contradicted" and "4" in c.reason and "5" in c.reason


def test_count_against_the_sources_list(seed):
    summary = "اتصل بوتين برؤساء أربع دول لإطلاعهم على تفاصيل لقائه مع ترامب."
    c = claim_at(check(seed, summary), summary, "أربع")
    assert c.verdict == "contradicted"
    assert c.evidence[0].text == "بيلاروس وكازاخستان وأوزبكستان"


def test_a_claim_that_matches_two_events_equally_is_not_contradicted(seed):
    # "the day after his internal meeting" names the meeting (16 August) and the calls
    # (the next day) alike: the aligner cannot tell which passage the count is about.
    summary = "اتصل بوتين في اليوم التالي لاجتماعه الداخلي برؤساء أربع دول."
    assert claim_at(check(seed, summary), summary, "أربع").verdict == "unverifiable"


def test_duals(seed):
    ok = "قال ماكرون إنه تقرر عقد اجتماع ثنائي بين الرئيسين زيلينسكي وبوتين."
    assert claim_at(check(seed, ok), ok, "الرئيسين").verdict == "supported"
    wrong = "سيعقد اللقاء الثلاثي بعد شهرين من لقاء بوتين مع زيلينسكي."
    c = claim_at(check(seed, wrong), wrong, "شهرين")
    assert c.verdict == "contradicted" and c.evidence[0].text == "أسبوعين أو ثلاثة أسابيع"


def test_weekday_checks(seed):
    wrong = "قال ماكرون للصحفيين في البيت الأبيض يوم الثلاثاء إن مكان اللقاء سيحدد قريبا."
    c = claim_at(check(seed, wrong), wrong, "الثلاثاء")
    assert c.verdict == "contradicted" and c.evidence[0].text == "يوم الاثنين"
    # a weekday that disagrees with its own date: 18 August 2025 was a Monday
    inconsistent = "وفي يوم الأحد 18 أغسطس 2025 تحدث بوتين مع قادة جنوب أفريقيا وطاجيكستان والهند."
    report = check(seed, inconsistent)
    wd = [c for c in report.claims if c.kind == "weekday"]
    assert wd and wd[0].verdict == "contradicted" and "Monday" in wd[0].reason
    date = [c for c in report.claims if c.kind == "date"]
    assert date[0].verdict == "supported"  # the date itself is right; the year is not moved


def test_entity_swaps(seed):
    swapped_in_list = "اتصل بوتين في اليوم التالي برؤساء بيلاروس وكازاخستان وأذربيجان."
    c = claim_at(check(seed, swapped_in_list), swapped_in_list, "أذربيجان")
    assert c.verdict == "contradicted" and c.evidence[0].text == "بيلاروس وكازاخستان وأوزبكستان"
    swapped_role = "زار المبعوث الأمريكي مارك روته موسكو في 6 أغسطس."
    c = claim_at(check(seed, swapped_role), swapped_role, "مارك روته")
    assert c.verdict == "contradicted" and "ستيفن ويتكوف" in c.evidence[0].text
    invented = "وأكد الرئيس البولندي أندريه دودا دعمه."
    c = claim_at(check(seed, invented), invented, "أندريه")
    assert c.verdict == "unverifiable"


def test_spelling_variants_and_clitics_are_the_same_name(seed):
    summary = "أبدى زيلنسكي استعداده للقاء فلاديمير بوتين، وقال لبوتين إنه مستعد."
    report = check(seed, summary)
    for name in ("زيلنسكي", "فلاديمير بوتين"):
        assert claim_at(report, summary, name).verdict == "supported"


def test_quotes(seed):
    exact = 'قال ماكرون: "في ختام لقائنا جرى اتصال بين الرئيس بوتين والرئيس ترامب"'
    c = claim_at(check(seed, exact), exact, "في ختام")
    assert c.verdict == "supported" and c.evidence[0].text.startswith("في ختام لقائنا")
    altered = 'قال ماكرون: «في ختام لقائنا جرى اتصال بين الرئيس بوتين والرئيس ماكرون»'
    assert claim_at(check(seed, altered), altered, "في ختام").verdict == "contradicted"
    invented = 'قال بوتين: "لن نتراجع عن شروطنا مهما كان الثمن"'
    assert claim_at(check(seed, invented), invented, "لن نتراجع").verdict == "unverifiable"


def test_english_summary_of_the_arabic_source(seed):
    summary = ("After the Alaska summit on August 15, Vladimir Putin discussed its results with eight leaders. "
               "On August 18 he spoke with the leaders of South Africa, Tajikistan, India, Brazil and Kyrgyzstan.")
    report = check(seed, summary, lang="en")
    assert report.lang == "en" and report.source_lang == "ar"
    assert report.counts["contradicted"] == 0
    for text in ("August 15", "eight leaders", "August 18", "Kyrgyzstan"):
        assert claim_at(report, summary, text).verdict == "supported"
    wrong = summary.replace("August 18", "August 19").replace("eight", "nine")
    report = check(seed, wrong, lang="en")
    assert claim_at(report, wrong, "August 19").verdict == "contradicted"
    assert claim_at(report, wrong, "nine leaders").verdict == "contradicted"


def test_report_json_shape(seed):
    report = check(seed, "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.")
    data = report.model_dump(mode="json")
    claim = data["claims"][0]
    assert set(claim) >= {"text", "kind", "span", "verdict", "evidence", "reason"}
    assert set(claim["span"]) == {"start", "end"}
    assert data["counts"] == {"supported": 4, "contradicted": 1, "unverifiable": 0}


def test_bad_input_is_refused(seed):
    from toolkit import InputError
    with pytest.raises(InputError, match="summary is empty"):
        verify(seed, "  \n")
    with pytest.raises(InputError, match="bad publication date"):
        verify(seed, "نص", published="19/08/2025")
    with pytest.raises(InputError, match="unsupported language"):
        verify(seed, "نص", lang="xx")


def test_summary_inherits_the_sources_number_conventions():
    # the source shows reversed digit groups ("841 991 2"); the summary copies only "321 666"
    source = "بلغ عدد المسافرين 321 666 شخصا. ونقلت الشركة 841 991 2 مسافر."
    report = verify(source, "بلغ عدد المسافرين 321 666 شخصا.")
    assert [(c.value, c.verdict) for c in report.claims] == [(666321, "supported")]
