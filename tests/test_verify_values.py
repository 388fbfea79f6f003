"""Values bound to what they measure; decisive on explicit evidence, silent on guesses."""

import pytest

from toolkit import find_mentions, verify


def verdicts(source, summary, **kw):
    return [(c.text, c.verdict) for c in verify(source, summary, **kw).claims]


def test_a_date_without_a_year_takes_the_year_of_its_sentence():
    source = ("حددت الهيئة يوم 17 ديسمبر 2017 موعدا للاقتراع على أن يصوت الأمنيون قبل ذلك بأسبوع يوم الأحد 10 ديسمبر. "
              "وتعلن النتائج في أجل أقصاه 20 ديسمبر والنتائج النهائية يوم 24 جانفي 2018.")
    dates = {m.text: m.value for m in find_mentions(source, published="2017-05-06") if m.kind == "date"}
    assert dates["يوم الأحد 10 ديسمبر"] == "2017-12-10"  # not 2016 from the publication date
    assert dates["20 ديسمبر"] == "2017-12-20"  # the year that puts it nearest to 24 January 2018
    summary = "يصوت الأمنيون يوم الأحد 10 ديسمبر."
    assert verify(source, summary, published="2017-05-06").counts["contradicted"] == 0


def test_a_guessed_year_never_contradicts_a_weekday():
    # 10 December, no year anywhere, in an article of May: 2016 or 2017 is a guess.
    source = "قالت الهيئة إن الأمنيين يصوتون يوم 10 ديسمبر."
    report = verify(source, "يصوت الأمنيون يوم الأحد 10 ديسمبر.", published="2017-05-06")
    weekday = next(c for c in report.claims if c.kind == "weekday")
    assert weekday.verdict == "unverifiable"


def test_a_near_date_still_contradicts_a_wrong_weekday():
    source = "اتصل الرئيس يوم 18 أغسطس بنظيره."
    report = verify(source, "اتصل الرئيس يوم الأحد 18 أغسطس بنظيره.", published="2025-08-19")
    assert ("weekday", "contradicted") in [(c.kind, c.verdict) for c in report.claims]


def test_some_days_ago_is_no_day():
    (m,) = [m for m in find_mentions("صرح قبل أيام", published="2017-01-20") if m.kind == "date"]
    assert m.value is None
    report = verify("وكان الوزير قد صرح قبل أيام بأن الأسعار ستنخفض.", "صرح الوزير الأربعاء الماضي بأن الأسعار ستنخفض.",
                    published="2017-01-20")
    assert report.counts["contradicted"] == 0


@pytest.mark.parametrize("summary, verdict", [
    ("زار البلاد أكثر من 800 ألف سائح.", "supported"),  # 830 000 is more than 800 000
    ("زار البلاد أكثر من 900 ألف سائح.", "contradicted"),  # and not more than 900 000
    ("زار البلاد أكثر من 500 ألف سائح.", "contradicted"),  # true, but far below: another figure
    ("زار البلاد أقل من 900 ألف سائح.", "supported"),
])
def test_bounds_hold_on_their_side(summary, verdict):
    source = "وزار البلاد 830 ألف سائح خلال الموسم الصيفي."
    (claim,) = [c for c in verify(source, summary).claims if c.kind == "count"]
    assert claim.verdict == verdict, claim.reason


def test_two_bounds_are_equal_or_not_at_all():
    source = "Rescuers said more than 50 people are missing after the collapse."
    (claim,) = [c for c in verify(source, "Over 40 people are missing after the collapse.").claims
                if c.kind == "count"]
    assert claim.verdict != "supported"


def test_a_list_with_an_item_it_did_not_recognise_is_not_counted():
    source = "The group operates in four countries, Tunisia, Algeria, northern Mali and north-western Niger."
    summary = "The group is active in four countries: Tunisia, Algeria, northern Mali and north-western Niger."
    assert verify(source, summary).counts["contradicted"] == 0
    assert not [m for m in find_mentions(summary) if m.kind == "enumeration"]


def test_a_count_may_cover_its_own_list_only():
    source = ("اتصل بوتين يوم 17 أغسطس برؤساء بيلاروس وكازاخستان وأوزبكستان، "
              "ويوم 18 أغسطس بقادة جنوب أفريقيا والهند والبرازيل.")
    summary = ("He called the presidents of three countries, Belarus, Kazakhstan and Uzbekistan, on August 17, "
               "and on August 18 the leaders of South Africa, India and Brazil.")
    assert verify(source, summary, published="2025-08-19").counts["contradicted"] == 0


_TRADE = ("وتطورت الصادرات بنسبة 4ر3 بالمائة لتبلغ 14433 مليون دينار، فيما سجلت الواردات تراجعا بنسبة 6ر0 "
          "بالمائة. وتراجع عدد المؤسسات من 66 إلى 52 مؤسسة.")


@pytest.mark.parametrize("summary, verdict", [
    ("تراجعت الواردات بنسبة 0.6 بالمائة.", "supported"),
    ("ارتفعت الواردات بنسبة 0.6 بالمائة.", "contradicted"),  # the same figure, the other way
    ("Imports rose 0.6 percent.", "contradicted"),  # across languages: the figure binds the measure
    ("Imports fell 0.6 percent.", "supported"),
    ("ارتفع عدد المؤسسات إلى 52 مؤسسة.", "contradicted"),  # "from 66 to 52" is a fall
])
def test_direction_of_change_is_bound_to_its_figure(summary, verdict):
    (claim,) = [c for c in verify(_TRADE, summary).claims if c.kind == "direction"]
    assert claim.verdict == verdict, claim.reason


def test_a_direction_with_no_figure_is_never_contradicted_by_a_neighbour():
    source = "ارتفعت الصادرات هذا العام، فيما تراجعت الواردات."
    (claim,) = [c for c in verify(source, "تراجعت الصادرات هذا العام.").claims if c.kind == "direction"]
    assert claim.verdict != "contradicted"


def test_a_figure_given_for_another_measure_is_not_support():
    source = ("وحسب الوزير سجلت السوق الأوروبية عموما نموا بـ 22 بالمائة والسوق العربية بـ 51 بالمائة "
              "بفضل السوق الجزائرية والليبية أساسا.")
    wrong = verify(source, "وسجلت السوق العربية نموا بنسبة 22 بالمائة بفضل السوقين الجزائرية والليبية.")
    (claim,) = [c for c in wrong.claims if c.kind == "percent"]
    assert claim.verdict == "contradicted" and [e.text for e in claim.evidence] == ["51 بالمائة", "22 بالمائة"]
    right = verify(source, "وسجلت السوق العربية نموا بنسبة 51 بالمائة بفضل السوقين الجزائرية والليبية.")
    assert [c.verdict for c in right.claims if c.kind == "percent"] == ["supported"]


def test_a_misstated_figure_is_contradicted_by_the_figure_of_its_measure():
    source = ("وتراجعت عائدات زيت الزيتون بنسبة 66% بسبب ضعف الصابة، فيما ارتفعت صادرات التمور بنسبة 19% "
              "من حيث الكمية.")
    report = verify(source, "تراجعت عائدات زيت الزيتون بنسبة 68 بالمائة بسبب ضعف الصابة.")
    (claim,) = [c for c in report.claims if c.kind == "percent"]
    assert claim.verdict == "contradicted" and claim.evidence[0].text == "66%"


@pytest.mark.parametrize("summary, verdict", [
    ("يقدر عجز الميزانية بنحو 5.4 بالمائة.", "supported"),
    ("يقدر عجز الميزانية بنحو 6.4 بالمائة.", "contradicted"),  # "about" to a tenth is not 15 % off
])
def test_about_is_as_loose_as_the_figure_it_rounds(summary, verdict):
    source = "ويقدر عجز الميزانية بحوالي 5.4 بالمائة من الناتج."
    (claim,) = [c for c in verify(source, summary).claims if c.kind == "percent"]
    assert claim.verdict == verdict, claim.reason


def test_the_passage_about_the_same_event_states_its_weekday():
    source = ("طالبت الأمينة العامة للحزب الإدارة باتخاذ إجراءات جريئة. "
              "وأضافت خلال ندوة صحفية اليوم الأربعاء بالعاصمة أن الإدارة تعاني من المحاباة.")
    summary = "قالت الأمينة العامة للحزب في ندوة صحفية عقدتها يوم الثلاثاء بالعاصمة إن الإدارة تعاني من المحاباة."
    (claim,) = [c for c in verify(source, summary, published="2015-05-20").claims if c.kind == "weekday"]
    assert claim.verdict == "contradicted" and claim.evidence[0].text == "الأربعاء"
