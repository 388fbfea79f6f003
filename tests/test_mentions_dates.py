import pytest

from toolkit import find_mentions


def dates(text, **kw):
    return [(m.text, m.value) for m in find_mentions(text, **kw) if m.kind == "date"]


@pytest.mark.parametrize("text, value", [
    ("وصل في 15 أغسطس 2025", "2025-08-15"),
    ("وصل في 15 اغسطس 2025", "2025-08-15"),          # without hamza
    ("وصل في 15 آب 2025", "2025-08-15"),             # Levantine
    ("وصل في 15 آب/أغسطس 2025", "2025-08-15"),       # double form
    ("وصل في 15 أغسطس (آب) 2025", "2025-08-15"),
    ("وصل في 3 تشرين الأول 2024", "2024-10-03"),
    ("وصل في 1 كانون الثاني 2024", "2024-01-01"),
    ("وصل يوم 12 جانفي 2017", "2017-01-12"),         # Maghrebi
    ("وصل يوم 5 فيفري 2017", "2017-02-05"),
    ("وصل يوم 7 أفريل 2017", "2017-04-07"),
    ("وصل يوم 1 ماي 2017", "2017-05-01"),
    ("وصل يوم 20 جوان 2017", "2017-06-20"),
    ("وصل يوم 14 جويلية 2017", "2017-07-14"),
    ("وصل يوم 15 أوت 2017", "2017-08-15"),
    ("وصل يوم ١٥ أغسطس ٢٠٢٥", "2025-08-15"),          # Eastern Arabic digits
    ("حدث في الخامس عشر من أغسطس 2025", "2025-08-15"),
    ("حدث في الحادي والعشرين من مارس 2020", "2020-03-21"),
    ("Putin met Trump on August 15, 2025.", "2025-08-15"),
    ("They met on 15 August 2025.", "2025-08-15"),
    ("وصل في 18/8/2025", "2025-08-18"),
])
def test_gregorian_dates_in_every_form(text, value):
    assert [v for _, v in dates(text)] == [value]


def test_year_unknown_without_publication_date():
    assert dates("وصل في 15 آب") == [("15 آب", "XXXX-08-15")]
    assert dates("They met on Aug. 18.") == [("Aug. 18", "XXXX-08-18")]


def test_year_from_publication_date_and_future_marker():
    assert dates("عقد في 16 أغسطس", published="2025-08-19") == [("16 أغسطس", "2025-08-16")]
    assert dates("سيعقد في 3 يناير المقبل", published="2025-08-19") == [("3 يناير المقبل", "2026-01-03")]
    # half a year ahead of publication, unmarked: last year's date
    assert dates("عقد في 28 ديسمبر", published="2017-01-21") == [("28 ديسمبر", "2016-12-28")]


def test_ambiguous_month_words_need_a_day_or_year():
    assert dates("هذا أب لثلاثة أطفال") == []
    assert dates("مارس الضغط على الحكومة") == []
    assert dates("في شهر أغسطس 2016") == [("أغسطس 2016", "2016-08")]
    assert dates("مارس الماضي ضغوطا على الحكومة") == []


def test_ambiguous_month_words_after_the_noun_month_or_before_last_or_next():
    assert dates("منتصف شهر مارس") == [("مارس", "XXXX-03")]
    assert dates("في شهر آب") == [("آب", "XXXX-08")]
    assert dates("منذ مارس الماضي") == [("مارس الماضي", "XXXX-03")]


def test_relative_days_resolve_against_previous_date_and_publication():
    text = "عقد اجتماعا يوم 16 أغسطس، ثم اتصل في اليوم التالي بالرؤساء. وفي اليوم نفسه تحدث مع ترامب."
    got = dates(text, published="2025-08-19")
    assert got == [("يوم 16 أغسطس", "2025-08-16"), ("في اليوم التالي", "2025-08-17"),
                   ("وفي اليوم نفسه", "2025-08-17")]
    assert dates("قال أمس إن", published="2017-01-21") == [("أمس", "2017-01-20")]
    assert dates("On August 17 he called; the next day he flew.") == [
        ("August 17", "XXXX-08-17"), ("the next day", "XXXX-08-18")]


def test_today_needs_a_publication_date_to_resolve():
    assert dates("قال اليوم إن") == [("اليوم", None)]
    assert dates("قال اليوم إن", published="2025-08-19") == [("اليوم", "2025-08-19")]


def test_the_day_before_an_ordinal_day_of_a_month_is_that_day_not_today():
    # «اليوم الثالث من أكتوبر» is the third day of October: one date, no «اليوم» (today) beside it
    assert dates("عاد في اليوم الثالث من أكتوبر", published="2013-02-12") == [
        ("اليوم الثالث من أكتوبر", "2012-10-03")]
    assert dates("في اليوم الأول من الشهر الجاري", published="2013-02-12") == [
        ("اليوم الأول من الشهر الجاري", "2013-02-01")]
    assert dates("قال اليوم 12 شخصا", published="2013-02-12") == [("اليوم", "2013-02-12")]


def test_the_day_before_an_ordinal_is_no_relative_day():
    assert dates("في اليوم الثاني من الزيارة", published="2013-02-12") == []
    assert dates("قال اليوم، الأول من نوعه", published="2013-02-12") == [("اليوم", "2013-02-12")]


def test_weekdays_alone_and_with_dates():
    ms = find_mentions("وقال ماكرون يوم الاثنين إن", published="2025-08-19")
    wd = [m for m in ms if m.kind == "weekday"]
    assert [(m.text, m.value, m.date) for m in wd] == [("يوم الاثنين", "monday", "2025-08-18")]
    ms = find_mentions("يوم الأحد 17 أغسطس 2025")
    assert [(m.kind, m.value, m.weekday) for m in ms] == [("date", "2025-08-17", "sunday")]


@pytest.mark.parametrize("text, value", [
    ("سأعود أول يوم جمعة من يوليو", "2013-07-05"),
    ("صلاة أول جمعة من شهر رمضان", "2013-07-12"),             # a Hijri month: the day converted
    ("في آخر جمعة من رمضان", "2013-08-02"),
    ("الثلاثاء الأخير من شهر مارس", "2013-03-26"),             # 'last' after the weekday
    ("اخر اثنين من الشهر القادم", "2013-03-25"),
    ("ثاني اربعاء من شهر اكتوبر من عام 2014", "2014-10-08"),
    ("on the first Monday of July 2025", "2025-07-07"),
])
def test_a_weekday_counted_within_its_month(text, value):
    assert [v for _, v in dates(text, published="2013-02-12")] == [value]


def test_a_weekday_then_an_ordinal_day_is_a_day_of_the_month_and_other_is_no_date():
    assert dates("الثلاثاء الثالث من شهر ايلول من عام 2014") == [
        ("الثلاثاء الثالث من شهر ايلول من عام 2014", "2014-09-03")]
    assert dates("آخر اثنين من المعتقلين", published="2013-02-12") == []
    assert dates("في يوم آخر من الأسبوع", published="2013-02-12") == []


def test_a_month_given_by_its_number_after_the_noun_month():
    assert dates("بداية شهر 3") == [("3", "XXXX-03")]
    assert dates("في اليوم الأول من شهر ثلاثة", published="2013-02-12") == [
        ("اليوم الأول من شهر ثلاثة", "2013-03-01")]
    assert dates("يوم 5 من شهر 3", published="2013-02-12") == [("يوم 5 من شهر 3", "2013-03-05")]
    # one month, or a month and a count of days, is no month number
    assert dates("خلال شهر واحد") == []
    assert dates("منذ شهر 12 يوما") == []


def test_years_written_in_words():
    assert dates("وقع ذلك سنة ألفين وثمانية عشر") == [("سنة ألفين وثمانية عشر", "2018")]
    assert dates("منذ عام ألفين") == [("عام ألفين", "2000")]
    assert dates("العاشر من سبتمبر عام ألفين") == [("العاشر من سبتمبر عام ألفين", "2000-09-10")]
    assert dates("سبتمبر الحادي والعشرين من ألف وتسعمائة وثمانية وسبعون") == [
        ("سبتمبر الحادي والعشرين من ألف وتسعمائة وثمانية وسبعون", "1978-09-21")]
    # a count after a date is no year; nor a number after «العام» ('general')
    assert dates("وصل في 3 مارس ألفان من اللاجئين") == [("3 مارس", "XXXX-03-03")]
    assert dates("قال الأمين العام ألفين") == []


def test_the_nth_day_of_a_holiday():
    assert dates("في ثاني أيام عيد الأضحى", published="2013-02-12") == [("ثاني أيام عيد الأضحى", "2013-10-16")]
    assert dates("أول أيام عيد الفطر", published="2013-02-12") == [("أول أيام عيد الفطر", "2013-08-08")]
    assert dates("on the second day of Eid al-Adha", published="2013-02-12") == [
        ("second day of Eid al-Adha", "2013-10-16")]
    # its last day depends on the holiday: the holiday alone
    assert dates("آخر أيام عيد الأضحى", published="2013-02-12") == [("عيد الأضحى", "2013-10-15")]


def test_a_hijri_month_without_a_day():
    ms = [m for m in find_mentions("خلال شهر رمضان 1434 هـ") if m.kind == "date"]
    assert [(m.calendar, m.hijri, m.value) for m in ms] == [("hijri", "1434-09", None)]
    assert dates("منتصف شهر رمضان") == [("رمضان", None)]
    assert dates("في رمضان الماضي") == [("رمضان الماضي", None)]
    assert dates("قال رمضان إن الاتفاق") == []  # a name too: a month only after «شهر», with a year or a marker
    assert dates("رجب طيب أردوغان") == []


def test_before_the_month_of_is_no_month_ago():
    assert dates("قبل شهر رمضان", published="2013-02-12") == [("رمضان", None)]
    assert dates("قبل شهر أبريل", published="2013-02-12") == [("أبريل", "XXXX-04")]
    assert dates("قبل شهر", published="2013-02-12") == [("قبل شهر", "2013-01-12")]


def test_a_day_of_an_unnamed_month_ends_with_its_number():
    assert dates("عاد يوم 27 من أجل الاجتماع") == [("يوم 27", None)]


def test_a_day_of_the_same_month_takes_the_month_of_the_date_before():
    assert dates("وصل في 2 مارس 2013 ثم عاد في 3 من الشهر نفسه") == [
        ("2 مارس 2013", "2013-03-02"), ("3 من الشهر نفسه", "2013-03-03")]  # no duration of 3 months
    assert dates("اجتمع يوم 20 يناير، ثم يوم 25 من ذات الشهر") == [
        ("يوم 20 يناير", "XXXX-01-20"), ("يوم 25 من ذات الشهر", "XXXX-01-25")]
    assert dates("في الخامس من الشهر ذاته") == [("الخامس من الشهر ذاته", None)]
    assert dates("He arrived on 2 March 2013 and left on the 9th of the same month.") == [
        ("2 March 2013", "2013-03-02"), ("the 9th of the same month", "2013-03-09")]


def test_the_first_day_of_a_month_by_name():
    assert dates("يبدأ الصيام في غرة شهر رمضان 1434") == [("غرة شهر رمضان 1434", "2013-07-09")]
    assert dates("غرة الشهر الجاري", published="2013-02-12") == [("غرة الشهر الجاري", "2013-02-01")]
    assert dates("في غرة الحملة") == []


def test_holidays_of_the_news():
    assert dates("احتفالات عيد الفصح المجيد", published="2013-02-12") == [("عيد الفصح", None)]  # movable
    assert dates("في عيد الشغل", published="2013-02-12") == [("عيد الشغل", "2013-05-01")]
    assert dates("يوم عاشوراء", published="2013-02-12") == [("عاشوراء", "2013-11-13")]
    assert dates("بمناسبة اليوم العالمي للمرأة", published="2013-02-12") == [
        ("اليوم العالمي للمرأة", "2013-03-08")]  # not «اليوم», today
    assert dates("He spoke on Easter Sunday.") == [("Easter Sunday", None)]


def test_hijri_dates_are_recognised_and_converted():
    ms = find_mentions("في 15 رمضان 1446 هـ")
    assert [(m.calendar, m.hijri, m.value) for m in ms] == [("hijri", "1446-09-15", "2025-03-15")]


def test_hijri_dates_in_digits_and_hijri_years():
    ms = [m for m in find_mentions("صدر في 15/9/1434 هـ ثم عام 1445 هـ", lang="ar") if m.kind == "date"]
    assert [(m.calendar, m.hijri, m.value) for m in ms] == [("hijri", "1434-09-15", "2013-07-23"),
                                                              ("hijri", "1445", None)]
    assert [m.kind for m in find_mentions("رقم 1445 هو", lang="ar")] == ["number"]


def test_spans_point_into_the_original_text():
    text = "وصلَ في ١٥ آبَ ٢٠٢٥ إلى موسكو"
    (m,) = [m for m in find_mentions(text) if m.kind == "date"]
    assert text[m.start:m.end] == m.text == "١٥ آبَ ٢٠٢٥"
