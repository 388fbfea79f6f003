import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import find_mentions


def values(text, kinds=("number", "percent", "count", "duration")):
    return [(m.kind, m.value, m.unit) for m in find_mentions(text) if m.kind in kinds]


@pytest.mark.parametrize("text, value", [
    ("بلغ 3.7 نقطة", 3.7),
    ("بلغ ٣٫٧ نقطة", 3.7),
    ("بلغ 231 336 نقطة", 231336),
    ("بلغ ١٬٢٣٤ نقطة", 1234),
    ("بلغ 12261،2 نقطة", 12261.2),      # Arabic comma as decimal comma
    ("بلغ ١،٢٣٤،٥٦٧ نقطة", 1234567),    # and as thousands separator
    ("بلغ 3ر643 نقطة", 643.3),          # Tunisian: fraction first
    ("بلغ 4ر8 نقطة", 8.4),
    ("بلغ 1,234,567.5 نقطة", 1234567.5),
    ("بلغ 623 ألف نقطة", 623000),
    ("بلغ 1.5 مليار نقطة", 1.5e9),
])
def test_digit_formats(text, value):
    (got,) = [v for _, v, _ in values(text)]
    assert got == pytest.approx(value)


def test_tunisian_decimals_agree_with_the_articles_arithmetic():
    a, b, d = (m.value for m in find_mentions("من 1ر7687 إلى 8ر7043 أي بفارق 3ر643") if m.kind == "number")
    assert a - b == pytest.approx(d)


@pytest.mark.parametrize("text, value", [
    ("ثمانية", 8), ("ثماني", 8), ("ثمانٍ", 8), ("أحد عشر", 11), ("ثلاث عشرة", 13),
    ("عشرون", 20), ("عشرين", 20), ("ثلاثة وعشرين", 23), ("مئة", 100), ("مائة", 100),
    ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("ألف", 1000), ("ثلاثة آلاف", 3000), ("ألفين", 2000),
    ("مليون", 10**6), ("ثلاثة ملايين وخمسمائة ألف", 3_500_000), ("ألف ومائة وخمسون", 1150),
    ("بثمانية", 8), ("والثمانية", 8),
    ("eight", 8), ("a dozen", 12), ("twenty-one", 21), ("three hundred and twenty-five thousand", 325000),
])
def test_number_words_in_every_form(text, value):
    (got,) = [v for _, v, _ in values(f"قال إن {text} اجتمعوا" if text[0] > "z" else f"he said {text} met")]
    assert got == value


def test_two_numbers_side_by_side_stay_two():
    assert [v for _, v, _ in values("ثمانية وثماني")] == [8, 8]


def test_counted_nouns_and_leaders_of_countries():
    assert values("تحدث مع ثمانية من القادة") == [("count", 8, "leader")]
    assert values("تحدث مع قادة ثماني دول") == [("count", 8, "leader")]
    assert values("زار ثماني دول") == [("count", 8, "country")]
    assert values("spoke with eight leaders") == [("count", 8, "leader")]


@pytest.mark.parametrize("text, kind, unit", [
    ("اجتمع الرئيسين", "count", "leader"), ("زار دولتين", "count", "country"),
    ("بعد أسبوعين", "duration", "week"), ("وبشهرين", "duration", "month"),
])
def test_duals_count_two(text, kind, unit):
    assert values(text) == [(kind, 2, unit)]


def test_group_words():
    assert values("اللقاء الثلاثي والاجتماع الثنائي") == [("count", 3, "group"), ("count", 2, "group")]


def test_percentages_durations_and_alternatives():
    assert values("بلغت 137.2 % و15 بالمائة و٪٣") == [
        ("percent", 137.2, "%"), ("percent", 15, "%"), ("percent", 3, "%")]
    assert values("15 percent") == [("percent", 15, "%")]
    (m,) = [m for m in find_mentions("سيعقد بعد أسبوعين أو ثلاثة أسابيع") if m.kind == "duration"]
    assert (m.value, m.unit, m.alternatives) == (2, "week", [2, 3])
    assert m.text == "أسبوعين أو ثلاثة أسابيع"


def test_money_keeps_its_currency():
    assert values("بلغ 3ر643 مليون دينار") == [("number", 643_300_000, "TND")]


def test_lone_one_is_not_a_claim():
    assert values("أحد المسؤولين قال إن") == []


@given(st.integers(min_value=1000, max_value=10**9 - 1))
def test_thousands_separators_in_every_script(n):
    western = f"{n:,}"
    eastern = western.translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬"))
    spaced = western.replace(",", " ")
    for text in (western, eastern, spaced):
        assert [v for _, v, _ in values(f"بلغ {text} نقطة")] == [n]


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=9))
def test_decimals_in_every_script(whole, tenth):
    eastern = f"{whole}٫{tenth}".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    for text in (f"{whole}.{tenth}", eastern, f"{tenth}ر{whole}"):
        assert [v for _, v, _ in values(f"بلغ {text} نقطة")] == [pytest.approx(whole + tenth / 10)]


def test_thousands_written_as_words_and_digits():
    assert values("ليصل الى 231 الف و336 سائح") == [("count", 231336, "tourist")]
    assert [v for _, v, _ in values("و80 الف 696 ليبي")] == [80696]


def test_a_text_that_writes_digit_groups_reversed_is_read_reversed():
    # JA-economy-2: "نقل 841 991 2 مسافر" is 2 991 841; the same text's "321 666" is 666 321
    # (its own arithmetic: 666 321 / 602 269 = +11%, as the article says).
    got = [v for _, v, _ in values("بلغ 321 666 شخصا مقابل 269 602 ونقل 841 991 2 مسافر")]
    assert got == [666321, 602269, 2991841]
    assert [v for _, v, _ in values("بلغ 321 666 شخصا")] == [321666]  # no evidence: normal order


def test_a_text_with_a_decimal_comma_reads_one_group_as_decimals():
    got = values("معدل 71،8 بالمائة وعائدات 117،901 مليون دينار و194،647 م د")
    assert got == [("percent", 71.8, "%"), ("number", 117_901_000, "TND"), ("number", 194_647_000, "TND")]
    assert [v for _, v, _ in values("بلغ ١،٢٣٤،٥٦٧ و117،901 نقطة")] == [1234567, 117901]


def test_currency_signs_before_numbers():
    assert values("sales of $5bn and €20 million, £3.5m") == [
        ("number", 5_000_000_000, "USD"), ("number", 20_000_000, "EUR"), ("number", 3_500_000, "GBP")]


# -- the number forms news uses (verifier issue: values) ----------------------------------

@pytest.mark.parametrize("text, kind, value, unit", [
    ("بلغت الصادرات اثني عشر مليار دينار", "number", 12e9, "TND"),  # not 10 billion
    ("بلغت اثنتي عشرة مليون دينار", "number", 12e6, "TND"),
    ("ثلاثة أرباع المشاركين", "percent", 75, "%"),  # a share: the same value as 75 %
    ("ربع المشاركين", "percent", 25, "%"),
    ("بأغلبية ثلثي الأعضاء", "percent", 200 / 3, "%"),  # the dual in construct, without its ن
    ("وافق ثلثا النواب", "percent", 200 / 3, "%"),
    ("صوت النصف", "percent", 50, "%"),
    ("خُمس السكان", "percent", 20, "%"),  # the damma makes it a fifth
    ("three quarters of the voters", "percent", 75, "%"),
    ("سجلت الحرارة سالب ٥ درجات", "number", -5, "درج"),
    ("بلغت النسبة ٠,٢٣٤٥٦", "number", 0.23456, None),  # Arabic-Indic digits, ASCII comma
    ("بلغ 12،220,13 دينار", "number", 12220.13, "TND"),  # mixed marks: the last is the decimal one
    ("عين 12 وزيرا جديدا", "count", 12, "minister"),  # accusative alif, not the noun «زير»
    ("صوت نائبين", "count", 2, "mp"),  # a dual built on a listed singular
    ("وصوت اثنين من النواب", "count", 2, "mp"),
    ("67 MPs voted", "count", 67, "mp"),
    ("منذ ثلاثين عاما", "duration", 30, "year"),  # for thirty years, not a date in 1987
    ("منذ أسبوع", "duration", 1, "week"),
    ("في الدورة الثالثة عشرة للجنة", "number", 13, None),  # an ordinal, not «عشرة»
    ("نصف ساعة", "duration", 0.5, "hour"),
])
def test_number_forms(text, kind, value, unit):
    got = values(text)
    assert len(got) == 1 and got[0][0] == kind and got[0][2] == unit, got
    assert got[0][1] == pytest.approx(value)


@pytest.mark.parametrize("text", ["ارتفع ثمن الخبز", "خمس وزارات", "الربع الأول من السنة"])
def test_words_that_only_look_like_fractions(text):
    assert not [v for v in values(text) if v[0] == "percent" or (v[1] is not None and 0 < abs(v[1]) < 1)]


def test_a_year_after_a_duration_noun_is_when_not_how_long():
    assert values("بلغ 2.76 مليون سنة 2015") == [("number", 2760000, None)]


_SCRIPTS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"]


@given(st.integers(min_value=1000, max_value=10**9 - 1), st.sampled_from(_SCRIPTS), st.sampled_from([",", "،", "٬"]))
def test_grouped_digits_in_any_script_keep_their_value(n, script, mark):
    grouped = f"{n:,}".replace(",", mark).translate(str.maketrans("0123456789", script))
    assert [v for _, v, _ in values(f"بلغ {grouped} دينار")] == [n]


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(_SCRIPTS))
def test_a_leading_zero_decimal_is_one_number(frac, script):
    text = f"0,{frac:05d}".translate(str.maketrans("0123456789", script))
    assert [v for _, v, _ in values(f"بلغت النسبة {text}")] == [pytest.approx(float(f"0.{frac:05d}"))]


@given(st.integers(min_value=-999, max_value=-1))
def test_negative_numbers_keep_their_sign(n):
    assert [v for _, v, _ in values(f"سجلت سالب {-n} نقطة")] == [n]


@pytest.mark.parametrize("text, expected", [
    # a range writes the unit once, after its last figure
    ("خفض الاقتراض الخارجي من 4594 إلى 3970 مليون دينار",
     [("number", 4594e6, "TND"), ("number", 3970e6, "TND")]),
    ("قفزت الأسعار من 5.1 إلى 9.3 بالمائة", [("percent", 5.1, "%"), ("percent", 9.3, "%")]),
    ("prices rose from 5.1 to 9.3 percent", [("percent", 5.1, "%"), ("percent", 9.3, "%")]),
    # a comparison writes it once, after its first figure
    ("فاز بـ678 صوتا مقابل 414 لمنافسه", [("number", 678, "صوت"), ("number", 414, "صوت")]),
    ("نقلت 2.99 مليون مسافر مقابل 2.76 سنة 2015", [("number", 2.99e6, "مسافر"), ("number", 2.76e6, "مسافر")]),
    # a figure with its own unit keeps it; a year stays a year
    ("ارتفع من 10 دنانير إلى 3 بالمائة", [("number", 10, "TND"), ("percent", 3, "%")]),
    ("بلغ 5 بالمائة مقابل 2016", [("percent", 5, "%")]),
])
def test_figures_of_one_measure_share_the_unit_written_once(text, expected):
    assert [(k, pytest.approx(v), u) for k, v, u in values(text)] == expected


@pytest.mark.parametrize("text, value", [("sales of $5mn", 5e6), ("a $2 bln loan", 2e9), ("3 mln people", 3e6)])
def test_the_press_abbreviations_of_million_and_billion(text, value):
    (got,) = [v for _, v, _ in values(text)]
    assert got == pytest.approx(value)


def test_and_after_a_scale_starts_a_new_figure_unless_it_fills_the_places():
    assert [v for _, v, _ in values("sales of $5mn and 3 new stores")] == [5e6, 3]
    assert [v for _, v, _ in values("بلغ 231 الف و336 وحدة")] == [231336]


@pytest.mark.parametrize("text, expected", [
    ("عجز المترشحون الخمسة عن نيل الأغلبية", [("count", 5, "candidate")]),
    ("تراجع الدينار خلال الأيام الثلاثة الأخيرة", [("duration", 3, "day")]),
    ("تتحسن خلال السنوات الخمس الموالية", [("duration", 5, "year")]),
    ("وستصدر الأحزاب الخمسة المشاركة بيانا", [("count", 5, "party")]),
])
def test_a_definite_number_after_a_definite_noun_counts_it(text, expected):
    assert values(text) == expected


def test_points_after_a_rate_word_are_points_not_a_percentage():
    assert values("تحسنت نسبة التغطية بنسبة 7ر2 نقاط") == [("count", 2.7, "point")]
    assert values("ارتفعت الصادرات بنسبة 5 بالمائة") == [("percent", 5, "%")]
    assert values("inflation was up 0.4 points") == [("count", 0.4, "point")]


def test_the_noun_left_out_after_or_is_the_first_figures():
    (m,) = [m for m in find_mentions("على أن يليها لقاء بعد أسبوعين أو ثلاثة.") if m.kind == "duration"]
    assert (m.value, m.unit, m.alternatives) == (2, "week", [2, 3])
    # «قتل 5 أشخاص» counts the dead (COUNTED_BY_WORD_BEFORE); the digits after «أو» are another figure
    assert values("قتل 5 أشخاص أو 6") == [("count", 5, "dead"), ("number", 6, None)]


def test_within_a_year_is_a_duration_of_one_year():
    assert values("تقارب نسبة النمو 5 بالمائة في غضون عام") == [("percent", 5, "%"), ("duration", 1, "year")]


def test_since_years_is_no_single_year():
    assert values("التضخم في أعلى مستوياته منذ أعوام") == []
    assert values("أطلقت الحكومة الحملة منذ أسبوع") == [("duration", 1, "week")]


def test_since_the_month_of_a_named_month_is_no_duration():
    # «منذ شهر جانفي» is since January (a date), «منذ شهر» since a month
    assert values("انطلقت الاستعدادات منذ شهر جانفي") == []
    assert values("انطلقت الاستعدادات منذ شهر") == [("duration", 1, "month")]


def test_a_currency_sign_keeps_its_unit_before_a_noun():
    # "a $5bn deal" is a sum in dollars; the noun after it says what the sum is for, not what it counts
    assert values("They signed a $5bn deal and paid a €20 fine.") == [("number", 5e9, "USD"), ("number", 20, "EUR")]


def test_a_feminine_dual_of_a_known_noun_counts_two():
    # «رحلتين» is two «رحلة» (flights), counted by the noun's stem as «ثلاث رحلات» is
    assert values("برمجت الشركة رحلتين أسبوعيا") == [("count", 2, "رحل")]
    assert values("وستؤمن الناقلة ثلاث رحلات أسبوعيا")[0][2] == "رحل"
    # «ـين» on a masculine noun is a plural too; a word of no known noun is no count
    assert values("التقى الوزير المواطنين") == []
    assert values("أنهى الفريق المرحلتين") == []


def test_members_of_a_parliament_are_counted_as_mps():
    assert values("أمضى ثلاثون عضوا بمجلس نواب الشعب على العريضة") == [("count", 30, "mp")]
    assert values("صوت 120 عضوا في البرلمان لصالح القانون") == [("count", 120, "mp")]
    assert values("Thirty members of parliament signed it") == [("count", 30, "mp")]
    # members of another body stay members
    assert values("يضم المكتب التنفيذي 12 عضوا") == [("number", 12, "عضو")]
