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


def test_a_direction_with_no_figure_against_the_one_change_its_passage_gives_that_measure():
    source = ("وأعرب النائب غازي الشواشي عن الأمل في الاستجابة لطلب الكتلة. واعتبر أن هناك ضبابية في تعاطي الحكومة مع "
              "ملف الفساد، ملاحظا أن تراجع وتيرة سلسلة الإيقافات في صفوف من تحوم حولهم شبهات الفساد يقيم الدليل على "
              "أن تحرك الحكومة لم يستند إلى سياسة مضبوطة.")
    summary = ("He said the {} pace of arrests of corruption suspects showed that the government's action had not "
               "rested on a set policy.")
    assert dict(verdicts(source, summary.format("accelerating"), lang="en"))["accelerating"] == "contradicted"
    assert verify(source, summary.format("slowing"), lang="en").counts["contradicted"] == 0
    # two changes side by side: the words around one are the other's too
    both = verify("الذهب يتعافى مع تراجع الدولار الأميركي", "ارتفاع الذهب مع تراجع الدولار")
    assert both.counts["contradicted"] == 0


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


def test_a_date_agrees_with_the_weekday_the_source_gives_that_week():
    # «الثلاثاء» in an article of Tuesday 20 December is that day; nothing in the passage says otherwise.
    source = "أكدت وزيرة المالية الثلاثاء بقصر باردو أن تونس قادرة على تحقيق نسبة نمو في حدود 1.5 بالمائة."
    report = verify(source, "أكدت وزيرة المالية يوم الثلاثاء 20 ديسمبر أن تونس قادرة على تحقيق نمو بنسبة 1.5 بالمائة.",
                    published="2016-12-20")
    assert {c.kind: c.verdict for c in report.claims if c.kind in ("date", "weekday")} == {
        "date": "supported", "weekday": "supported"}
    # an inferred day never contradicts: another date is unverifiable, not contradicted
    other = verify(source, "أكدت وزيرة المالية يوم 13 ديسمبر أن تونس قادرة على تحقيق نمو بنسبة 1.5 بالمائة.",
                   published="2016-12-20")
    assert other.counts["contradicted"] == 0


def test_a_weekday_the_source_gives_in_a_related_passage_is_supported():
    source = ("تطلق الخطوط التونسية خلال الموسم الصيفي خطين جديدين نحو قسنطينة وكوناكري انطلاقا من مطار تونس قرطاج. "
              "وأوضحت الناقلة الوطنية في بلاغ لها الخميس أن هاتين الوجهتين تندرجان في إطار استراتيجيتها التجارية. "
              "وتهدف الاستراتيجية إلى تعزيز الربط الجوي على المستوى الإفريقي. "
              "ويتمثل برنامج الرحلات في 3 رحلات أسبوعيا على خط تونس قسنطينة أيام الثلاثاء والجمعة.")
    # the summary's sentence aligns best with the first sentence; the day is in the second
    report = verify(source, "أعلنت الناقلة الوطنية، في بلاغ أصدرته يوم الخميس، عن إطلاق خطين جديدين نحو قسنطينة وكوناكري.",
                    published="2017-02-23")
    assert [c.verdict for c in report.claims if c.kind == "weekday"] == ["supported"]


def test_one_significant_figure_is_rounding_only_when_close():
    source = "Moderna reported fourth quarter revenues of $5.1bn, and a report found Binance moved $1.8 billion."
    got = dict(verdicts(source, "Moderna reported fourth quarter revenues of $5bn."))
    assert got["$5bn"] == "supported"
    assert dict(verdicts(source, "Moderna reported fourth quarter revenues of $10bn.")).get("$10bn") != "supported"
    assert dict(verdicts(source, "A report found Binance moved $2 billion.")).get("$2 billion") != "supported"


def test_a_figure_that_rounds_to_another_claim_is_still_a_rival():
    # "0.5%" is the source's own 0.5% cap, so 0.505% stays free to contradict "0.503%"
    source = ("The Bank of Japan said it would conduct emergency bond buying as the 10-year yields touched 0.505% "
              "for a second straight session, breaching the bank's 0.5% cap.")
    summary = ("The Bank of Japan said it would conduct emergency bond buying as the 10-year yields touched 0.503% "
               "for a second straight session, breaching the bank's 0.5% cap.")
    assert dict(verdicts(source, summary))["0.503%"] == "contradicted"


def test_four_digits_support_the_same_year_read_as_a_date():
    source = "تطلق الخطوط التونسية خلال الموسم الصيفي 2017 خطين جديدين نحو قسنطينة وكوناكري."
    got = verdicts(source, "تطلق الخطوط التونسية خطين جديدين نحو قسنطينة وكوناكري خلال صائفة 2017 يربطان تونس بالمدينتين.")
    assert ("2017", "supported") in got
    source = "وضعت الحكومة فرضية سعر صرف بـ2.250 دينار للدولار عند إعداد مشروع ميزانية الدولة 2017 باعتماد سعر النفط."
    got = verdicts(source, "بنت الحكومة ميزانية سنة 2017 على فرضية سعر صرف بـ2.250 دينار للدولار.")
    assert ("سنة 2017", "supported") in got


def test_a_reversed_tunisian_decimal_in_points_is_contradicted():
    source = ("أعلن المكلف بمهمة بوزارة التجارة أن العجز التجاري تقلص. وتبرز النتائج تحسن نسبة تغطية الصادرات للواردات "
              "بنسبة 7ر2 نقاط مقارنة بنفس الفترة من سنة 2014 لتصل إلى 2ر70 بالمائة.")
    summary = "وتحسنت نسبة تغطية الصادرات للواردات بـ7.2 نقاط لتصل إلى 70.2 بالمائة."
    assert dict(verdicts(source, summary, published="2015-07-05"))["7.2 نقاط"] == "contradicted"


def test_across_languages_the_only_figure_of_a_strongly_aligned_passage_contradicts():
    source = ("وعزا المعهد هذا الارتفاع الى تطور الانزلاق السنوي لمجموعة الملابس والاحذية والمتأتي اساسا من تقديم موعد "
              "انتهاء موسم التخفيضات الصيفية للملابس عن موعده المعتاد باسبوعين. "
              "وشهد مؤشر مجموعة السكن والطاقة المنزلية ارتفاعا بنسبة 5.9 بالمائة.")
    summary = "Clothing prices rose because the summer sales ended three weeks earlier than usual."
    assert dict(verdicts(source, summary, published="2016-10-08", lang="en"))["three weeks"] == "contradicted"
    # the same figure is never contradicted
    faithful = "Clothing prices rose because the summer sales ended two weeks earlier than usual."
    assert verify(source, faithful, published="2016-10-08", lang="en").counts["contradicted"] == 0


def test_a_figure_set_against_an_earlier_one_gives_the_direction():
    source = ("أعلنت الشركة نتائجها السنوية. ويبلغ عدد أعوان الشركة 3579 عونا، مع موفى ديسمبر 2016، "
              "مقابل 3712 عونا سنة قبل ذلك. وارتفعت المداخيل.")
    wrong = verify(source, "ارتفع عدد أعوان الشركة ليبلغ 3579 عونا مع موفى ديسمبر 2016.", published="2017-01-20")
    assert [c.verdict for c in wrong.claims if c.kind == "direction"] == ["contradicted"]
    right = verify(source, "تراجع عدد أعوان الشركة إلى 3579 عونا مع موفى ديسمبر 2016.", published="2017-01-20")
    assert [c.verdict for c in right.claims if c.kind == "direction"] == ["supported"]
    # two candidates side by side are no change over time
    votes = "فاز المترشح بـ678 صوتا مقابل 414 صوتا لمنافسه."
    report = verify(votes, "ارتفع عدد أصوات المترشح إلى 678 صوتا.")
    assert [c.verdict for c in report.claims if c.kind == "direction"] != ["contradicted"]


def test_a_series_number_is_checked_like_a_name():
    source = ("The company reported a fourth quarter decline in sales of its SARS-CoV-2 vaccine. "
              "Its RSV vaccine is expected to be filed for approval this year.")
    assert dict(verdicts(source, "Sales of its SARS-CoV-4 vaccine declined."))["SARS-CoV-4"] == "contradicted"
    assert dict(verdicts(source, "Sales of its SARS-CoV-2 vaccine declined."))["SARS-CoV-2"] == "supported"
    # a figure 2 elsewhere is not the series number
    assert dict(verdicts("Two vaccines were filed. Sales fell 2 percent.", "Sales of SARS-CoV-2 vaccines fell.")).get(
        "SARS-CoV-2") == "unverifiable"
    assert dict(verdicts("روسيا تعلن تسليم منظومة الدفاع الجوي اس-300 إلى سوريا",
                         "أمريكا تعلن تسليم منظومة الدفاع الجوي اس-500 لسوريا", lang="ar"))["اس-500"] == "contradicted"


def test_pounds_sterling_are_not_egyptian_pounds():
    report = verify("لوحة نيكولسون التي بيعت بـ 165 ألف استرليني مزيفة", "لوحة مزيفة لنيكولسون تباع ب900 ألف جنيه استرليني",
                    lang="ar")
    assert [(c.value, c.verdict) for c in report.claims if c.kind == "number"] == [(900000, "contradicted")]


def test_a_count_the_source_states_twice_alike_contradicts_another():
    source = ("وصف رئيس حزب التحالف الديمقراطي، محمد الحامدي، قانون المصالحة الاقتصادية، بأنه محاولة لتبييض الفساد "
              "والفاسدين، معتبرا أنه سيحرم التونسيين من فرصة معرفة الحقيقة. "
              "وقال الحامدي، في تصريح لمراسلة الجوهرة أف أم، على هامش اجتماع شعبي نظمه الحزب الجمهوري تحت شعار "
              "\"تونس ضد الفساد\"، اليوم السبت "
              "في قصر المؤتمرات بالعاصمة، إن جزءا من المنظومة الحاكمة يعمل لمصلحة لوبيات الفساد. وستصدر الأحزاب الخمسة "
              "المشاركة في الاجتماع، بيانا يحدد موقفها الرافض لقانون المصالحة، ويؤكد انفتاحها على كل الأحزاب والمنظمات "
              "الوطنية لتشكيل جبهة واسعة لإسقاط القانون. وضم الاجتماع 5 أحزاب معارضة لقانون المصالحة، وهي التحالف "
              "الديموقراطي والتيار الديمقراطي وحركة الشعب والتكتل الديمقراطي من أجل العمل والحريات بالإضافة إلى الحزب "
              "الجمهوري، وبحضور عدد من الشخصيات الوطنية.")
    summary = ("وجاء تصريحه يوم السبت على هامش اجتماع شعبي للحزب الجمهوري بقصر المؤتمرات بالعاصمة، ضم {} معارضة "
               "للقانون من بينها التيار الديمقراطي وحركة الشعب، وتعتزم الأحزاب المشاركة إصدار بيان يؤكد انفتاحها "
               "على تشكيل جبهة واسعة لإسقاط القانون.")
    # the passage it aligns with is loosely matched, but the source says five parties twice and never another count
    assert dict(verdicts(source, summary.format("أربعة أحزاب"), published="2017-05-06"))["أربعة أحزاب"] == "contradicted"
    assert verify(source, summary.format("خمسة أحزاب"), published="2017-05-06").counts["contradicted"] == 0


@pytest.mark.parametrize("text, value", [
    ("بزيادة 0.4 نقطة مقارنة بشهر أوت", "XXXX-08"),  # the noun «شهر» with a clitic
    ("انطلقت الاستعدادات منذ جانفي", "XXXX-01"),
    ("بلغت النسبة 70.2 بالمائة موفى جوان", "XXXX-06"),
    ("preparations had begun in June", "XXXX-06"),
])
def test_a_month_alone_after_a_word_of_time_is_a_date(text, value):
    assert [m.value for m in find_mentions(text, published="2017-06-20") if m.kind == "date"] == [value]


def test_an_ambiguous_month_alone_is_no_date():
    assert [m for m in find_mentions("قال إنه مارس الضغط في الاجتماع", published="2017-06-20") if m.kind == "date"] == []


def test_the_first_day_of_a_range_takes_the_month_that_closes_it():
    dates = [m.value for m in find_mentions("يفتح باب الترشح من 19 إلى 26 سبتمبر", published="2017-05-06")
             if m.kind == "date"]
    assert dates == ["2017-09-19", "2017-09-26"]


def test_a_direction_word_governs_only_a_figure_without_a_nearer_one():
    # «تراجع» is the deficit's; 3.4 % is the exports' rise: the source's own words are never a contradiction
    source = ("أعلن المكلف بمهمة بوزارة التجارة النتائج الأولية للمبادلات التجارية. "
              "وتبرز النتائج تراجع العجز التجاري مقابل ارتفاع الصادرات بنسبة 3.4 بالمائة خلال السداسي الأول. "
              "وتقلصت الواردات بنسبة 0.6 بالمائة.")
    summary = "وتبرز النتائج تراجع العجز التجاري مقابل ارتفاع الصادرات بنسبة 3.4 بالمائة خلال السداسي الأول."
    assert verify(source, summary, published="2015-07-05").counts["contradicted"] == 0


def test_a_count_agrees_with_the_list_written_after_its_noun():
    source = ("التقى رئيس الحكومة ممثلي المنظمات الوطنية. وحضر الاجتماع قادة ثلاث منظمات ورؤساء أحزاب الجمهوري "
              "والنهضة ونداء تونس وآفاق تونس والمبادرة. وتطرق الاجتماع إلى الوضع في الجنوب.")
    report = verify(source, "وحضر الاجتماع رؤساء خمسة أحزاب.", published="2017-06-09")
    assert [(c.text, c.verdict) for c in report.claims if c.kind == "count"] == [("خمسة أحزاب", "supported")]
    # a list read this way never contradicts: its items are not recognised one by one
    other = verify(source, "وحضر الاجتماع رؤساء ستة أحزاب.", published="2017-06-09")
    assert other.counts["contradicted"] == 0


def test_a_count_against_a_list_whose_items_repeat_the_counted_noun():
    source = ("التقى رئيس المجلس وفدا من المعارضة. ويضم ائتلاف الميثاق الذي أسسه محمد الكيلاني حزب العمل الوطني الديمقراطي وحزب الغد "
              "وحزب الطريق وحزب الثوابت والحزب الاشتراكي. ويعقد الائتلاف مؤتمره في الخريف.")
    wrong = verify(source, "ويضم ائتلاف الميثاق الذي أسسه محمد الكيلاني ستة أحزاب.", published="2016-07-18")
    assert [(c.text, c.verdict) for c in wrong.claims if c.kind == "count"] == [("ستة أحزاب", "contradicted")]
    claim = next(c for c in wrong.claims if c.kind == "count")
    assert "5" in claim.reason and "والحزب الاشتراكي" in claim.evidence[0].text
    assert verify(source, "ويضم ائتلاف الميثاق الذي أسسه محمد الكيلاني خمسة أحزاب.", published="2016-07-18").counts["contradicted"] == 0
    # a list that goes on with an item of another head is not counted whole
    longer = source.replace("والحزب الاشتراكي", "والحزب الاشتراكي وحركة الشعب")
    assert verify(longer, "ويضم ائتلاف الميثاق الذي أسسه محمد الكيلاني ستة أحزاب.", published="2016-07-18").counts["contradicted"] == 0
    # nor a list given as a part («من بينها», «منها»), nor its tail after an item of another head
    for partial in ("عدة أحزاب من بينها حزب", "تنظيمات مثل حزب", "تنظيمات من بينها حزب", "حركة الشعب وحزب"):
        text = source.replace("الكيلاني حزب", f"الكيلاني {partial}")
        claim = "ويضم ائتلاف الميثاق الذي أسسه محمد الكيلاني ستة أحزاب."
        assert verify(text, claim, published="2016-07-18").counts["contradicted"] == 0, partial


def test_a_value_only_in_another_passage_where_it_measures_something_else():
    # the passage with 14 matches the claim too (ambiguous alignment): the frames decide
    source = ("قال الخبير إن الدين العمومي في تونس يذهب إلى ميزانية التصرف في الوقت الذي وصلت فيه نسبة الأجور "
              "سنة 2017 إلى "
              "14 بالمائة من الناتج الداخلي الخام. وأوضح أن تونس ستجبر سنة 2017 على اقتراض 7 بالمائة من "
              "الناتج الداخلي الخام لإكمال الميزانية.")
    summary = "وأوضح الخبير أن تونس ستضطر سنة 2017 إلى اقتراض {} بالمائة من الناتج الداخلي الخام لإكمال الميزانية."
    assert dict(verdicts(source, summary.format(14), published="2017-02-24"))["14 بالمائة"] == "contradicted"
    assert dict(verdicts(source, summary.format(7), published="2017-02-24"))["7 بالمائة"] == "supported"


def test_an_exact_figure_of_another_measure_beats_a_loose_one_of_this_measure():
    source = ("وبحسب المعهد العربي لرؤساء المؤسسات، يوفر القطاع الخاص نحو 68 % من فرص العمل و63 % من الموارد "
              "الجبائية و72% من الصادرات.")
    summary = "Its study says the private sector provides around {}% of jobs."
    assert dict(verdicts(source, summary.format(72), lang="en"))["72%"] == "contradicted"
    assert verify(source, summary.format(68), lang="en").counts["contradicted"] == 0
    assert verify(source, summary.format(70), lang="en").counts["contradicted"] == 0  # "about 68" loosely


def test_figures_stated_together_keep_a_claim_on_their_sentence():
    source = ("In total, 870 people worldwide have been infected, and 457 deaths have been reported in 21 "
              "countries. But in the last seven years, the pace has slowed, with only around 170 infections "
              "and 50 deaths.")
    summary = "Since then, around 870 infections have been reported worldwide, with 457 deaths in 21 countries."
    assert verify(source, summary).counts["contradicted"] == 0


def test_a_span_written_with_a_verb_of_ending_has_its_own_end():
    source = ("تنطلق عملية تسجيل الناخبين يوم الاثنين 19 جوان 2017 وتنتهي يوم 10 اوت المقبل، ويتم وضع قائمات "
              "الناخبين على ذمة العموم من يوم 16 اوت الى غاية يوم 18 اوت 2017.")
    summary = "Voter registration runs from Monday, June 19 to August {}, and the voter lists are then put on display."
    assert dict(verdicts(source, summary.format(18), published="2017-04-20", lang="en"))["August 18"] == "contradicted"
    assert verify(source, summary.format(10), published="2017-04-20", lang="en").counts["contradicted"] == 0
    display = "The voter lists are on public display from August 16 to August 18."
    assert verify(source, display, published="2017-04-20", lang="en").counts["contradicted"] == 0


def test_a_date_found_outside_the_passage_beside_a_rival_date_supports_nothing():
    source = ("قالت وزيرة السياحة إن جربة تبقى على رأس الوجهات السياحية بحسب المؤشرات المسجلة إلى غاية 10 جوان "
              "الحالي. وأشارت وزيرة السياحة إلى استعدادات مكثفة لإنجاح الموسم من خلال تكثيف التعزيزات الأمنية "
              "بالمواقع السياحية بالإضافة إلى رصد امكانيات مهمة لتأمين نظافة الشواطئ. وأكدت أن الاستعدادات "
              "انطلقت منذ شهر جانفي لفائدة الموسم الحالي الذي ينطلق عادة منذ شهر جوان.")
    summary = ("She said preparations for the current season had begun in {}, with stepped-up security at tourist "
               "sites and significant resources to keep beaches clean.")
    # June starts the season; the preparations began in January: the sentence gives both
    assert dict(verdicts(source, summary.format("June"), published="2017-06-13", lang="en"))["June"] == "unverifiable"
    assert dict(verdicts(source, summary.format("January"), published="2017-06-13", lang="en"))["January"] == "supported"


def test_of_two_figures_set_against_each_other_the_timed_one_answers_a_timed_claim():
    source = ("وأوضح رئيس الجامعة أن القطاع كان يعد قرابة 2160 مؤسسة، مقابل 1800 مؤسسة اليوم، بعد أن تم غلق "
              "قرابة 300 مؤسسة.")
    summary = "وأوضح رئيس الجامعة أن القطاع يعد اليوم قرابة {} مؤسسة بعد غلق حوالي 300 مؤسسة."
    assert dict(verdicts(source, summary.format(2160), published="2016-08-07"))["2160"] == "contradicted"
    assert verify(source, summary.format(1800), published="2016-08-07").counts["contradicted"] == 0
    # a date across a clause mark times neither figure
    staff = "ويبلغ عدد اعوان الشركة 3579 عونا، مع موفى ديسمبر 2016، مقابل 3712 عونا سنة قبل ذلك."
    claim = "وبلغ عدد أعوان الشركة 3579 عونا في موفى ديسمبر 2016 مقابل 3712 عونا قبل سنة."
    assert verify(staff, claim, published="2017-02-20").counts["contradicted"] == 0


def test_the_sentence_that_gives_a_claims_other_figures_answers_it():
    source = ("أكد المدير العام للبنك سمير الصياد، خلال جلسة إفصاح مالي عقدت الجمعة بمقر بورصة تونس، أن البنك يسير "
              "بثبات لتحقيق مخطط إعادة هيكلته. وبحسب الأرقام المقدمة، حقق البنك خلال سنة 2016 نتيجة صافية بقيمة 70 "
              "مليون دينار (107 بالمائة من الهدف) وناتجا بنكيا بقيمة 164 مليون دينار (104 بالمائة من الهدف).")
    summary = ("The bank posted a net profit of 70 million dinars in 2016, {} percent of its target, its CEO Samir "
               "Essayed told a financial disclosure session at the Tunis Stock Exchange.")
    said = {v: dict(verdicts(source, summary.format(v), published="2017-03-03", lang="en"))[f"{v} percent"]
            for v in (117, 107, 104)}
    # 117 is nowhere; 104 is the banking product's share of its target, not the profit's
    assert said == {117: "contradicted", 107: "supported", 104: "contradicted"}


def test_a_loosely_stated_figure_of_three_significant_digits_is_not_round():
    source = "وأوضح رئيس الجامعة أن الأرقام الرسمية تشير إلى أن قطاع النسيج كان يعد قرابة 2160 مؤسسة سنة 2010."
    summary = "وأوضح رئيس الجامعة أن الأرقام الرسمية تشير إلى أن قطاع النسيج كان يعد قرابة {} مؤسسة سنة 2010."
    # «قرابة 2610» states three digits: 17 % off is an error; «قرابة 2200» is a round figure near 2160
    assert dict(verdicts(source, summary.format(2610), published="2016-08-07"))["2610"] == "contradicted"
    assert dict(verdicts(source, summary.format(2200), published="2016-08-07"))["2200"] == "supported"


def test_a_figure_is_read_beside_the_figure_it_is_written_beside():
    source = ("وأكد المندوب الجهوي للسياحة بطبرقة أن عدد السواح الجزائريين بلغ رقما قياسيا. وأضاف أن عدد الوافدين على "
              "مدينة طبرقة بمفردها فاق سنة 2016 نحو 158 ألفا، أي بنسبة تطور تفوق 15 بالمائة مقارنة بالعام 2015. "
              "وأفاد المندوب الجهوي للسياحة بأن الليالي المقضاة بمدينة طبرقة وحدها سجلت نموا بنسبة تفوق 6 بالمائة، أي "
              "ما يعادل 305 آلاف ليلة.")
    summary = ("وأفاد المندوب الجهوي للسياحة بأن عدد الوافدين على مدينة طبرقة وحدها تجاوز 158 ألفا بنسبة تطور تفوق {} "
               "بالمائة، وأن الليالي المقضاة بها بلغت 305 آلاف ليلة.")
    # the sentence aligns best with the nights' passage (6 %); the arrivals' 158 000 carries its 15 %
    wrong = [c for c in verify(source, summary.format(25), published="2017-01-08").claims if c.kind == "percent"]
    assert [(c.verdict, [e.text for e in c.evidence]) for c in wrong] == [("contradicted", ["15 بالمائة"])]
    right = verify(source, summary.format(15), published="2017-01-08")
    assert right.counts["contradicted"] == 0


def test_a_feminine_dual_is_the_count_two_across_languages():
    source = "وبالنسبة لخط تونس كوناكري، برمجت الشركة رحلتين اسبوعيا كل يوم اثنين وخميس."
    summary = "The airline has scheduled {} flights a week on the Tunis-Conakry route."
    assert dict(verdicts(source, summary.format("two"), lang="en"))["two"] == "supported"
    assert dict(verdicts(source, summary.format("three"), lang="en"))["three"] != "supported"


def test_the_sentence_that_states_a_claims_figures_together_supports_it_over_a_near_tie():
    source = ("وقال ماكرون للصحفيين في ختام الاجتماع في البيت الأبيض، يوم الاثنين: في ختام لقائنا جرى اتصال بين الرئيس "
              "بوتين والرئيس ترامب وتقرر أنه ستكون هناك رغبة في عقد اجتماع ثنائي بين الرئيسين زيلينسكي وبوتين في مكان "
              "سيتم تحديده خلال الساعات القادمة. وأعرب ماكرون عن أمله في أن يعقد هذا اللقاء في الأيام القريبة، مضيفا أن "
              "اللقاء الثلاثي الروسي الأوكراني الأمريكي المخطط له بعد لقاء بوتين مع زيلينسكي سيعقد بعد أسبوعين أو ثلاثة "
              "أسابيع من ذلك.")
    summary = ("وقال ماكرون يوم الاثنين إن مكان لقاء بوتين وزيلينسكي سيتحدد خلال الساعات القادمة، وإن اللقاء الثلاثي "
               "سيعقد بعد أسبوعين أو ثلاثة أسابيع.")
    # the bilateral meeting's sentence matches best; the trilateral one gives «الثلاثي» with the weeks
    assert dict(verdicts(source, summary, published="2025-08-19"))["الثلاثي"] == "supported"


def test_members_of_parliament_and_mps_are_one_count():
    source = ("أمضى ثلاثون عضوا بمجلس نواب الشعب، خلال جلسة عامة انعقدت اليوم الثلاثاء، على عريضة للتعبير عن استيائهم "
              "من تصريحات الوزير الأول الفرنسي السابق مانوال فالس.")
    summary = "احتج {} نائبا بمجلس نواب الشعب، عبر عريضة وقعوها يوم الثلاثاء خلال جلسة عامة، على تصريحات مانوال فالس."
    assert dict(verdicts(source, summary.format("أربعون"), published="2016-04-05"))["أربعون نائبا"] == "contradicted"
    assert dict(verdicts(source, summary.format("ثلاثون"), published="2016-04-05"))["ثلاثون نائبا"] == "supported"


def test_a_range_with_the_same_start_and_another_end_is_contradicted():
    source = ("اعتبر نائب وزير خارجية الصين أن الصين تعتبر تونس شريكا مثاليا على المستوى الإفريقي. "
              "ويؤدي نائب وزير الخارجية الصيني زيارة رسمية إلى تونس من 4 إلى 6 جانفي.")
    summary = "أكد نائب وزير الخارجية الصيني، خلال زيارته الرسمية إلى تونس الممتدة من 4 إلى {} جانفي، أن الصين ترى في تونس شريكا مثاليا."
    assert dict(verdicts(source, summary.format(7), published="2017-01-05"))["7 جانفي"] == "contradicted"
    assert verify(source, summary.format(6), published="2017-01-05").counts["contradicted"] == 0


_ASPECTS = "وارتفعت صادرات زيت الزيتون بنسبة 12 % من حيث القيمة و 30 % من حيث الكمية خلال السنة الماضية."


@pytest.mark.parametrize("summary, verdict", [
    ("Olive oil exports rose 30% in value last year.", "contradicted"),  # 30 % is the rise in volume
    ("Olive oil exports rose 12% in value last year.", "supported"),
    ("Olive oil exports rose 30% in volume last year.", "supported"),  # the subject before 12 % is 30 %'s too
    ("ارتفعت صادرات زيت الزيتون بنسبة 30 % من حيث القيمة خلال السنة الماضية.", "contradicted"),
    ("ارتفعت صادرات زيت الزيتون بنسبة 30 % من حيث الكمية خلال السنة الماضية.", "supported"),
])
def test_a_figure_given_in_volume_is_not_the_figure_in_value(summary, verdict):
    (claim,) = [c for c in verify(_ASPECTS, summary).claims if c.kind == "percent"]
    assert claim.verdict == verdict, claim.reason
    if verdict == "contradicted":
        assert [e.text for e in claim.evidence] == ["12 %", "30 %"]


_BORROWING = ("وتم تقليص الاقتراض الخارجي من 4500 مليون دينار مقدرة في الميزانية الأصلية، والزيادة في الاقتراض "
              "الداخلي من 1800 مليون دينار في الميزانية الأصلية الى 3700 مليون دينار.")


@pytest.mark.parametrize("summary, verdict", [
    ("Domestic borrowing was raised from 1,800 million to 4,500 million dinars.", "contradicted"),
    ("Domestic borrowing was raised from 1,800 million to 3,700 million dinars.", "supported"),
    ("وارتفع الاقتراض الداخلي من 1800 مليون دينار الى 4500 مليون دينار.", "contradicted"),
])
def test_the_end_of_a_from_to_pair_measures_what_its_start_measures(summary, verdict):
    # 3700 has no words of its own («... الى 3700 مليون دينار»): it measures what 1800 measures
    claim = [c for c in verify(_BORROWING, summary).claims if c.kind == "number"][-1]
    assert claim.verdict == verdict, claim.reason
    if verdict == "contradicted":
        assert claim.evidence[0].text == "3700 مليون دينار"


def test_a_year_taken_by_nearness_from_another_date_is_a_guess():
    # "March 12" takes 2020 from "November 24, 2019" (the nearer year); the source's 12 March 2019
    # is the same day and month, so the year the summary never wrote cannot contradict it.
    source = ("تجرى الانتخابات البلدية يوم 24 نوفمبر 2019. وصدر بالرائد الرسمي قرار الهيئة المؤرخ في 12 مارس 2019 "
              "والمتعلق بروزنامة الانتخابات البلدية.")
    summary = "The municipal elections will be held on November 24, 2019, under a calendar set in a decision dated March 12."
    claims = {c.text: c.verdict for c in verify(source, summary, published="2019-05-02").claims if c.kind == "date"}
    assert claims["March 12"] == "supported"


def test_a_weekday_agreeing_with_its_date_is_not_checked_against_another_day():
    source = ("تنطلق عملية تسجيل الناخبين يوم الاثنين 17 جوان 2019 وتنتهي يوم 8 اوت، وتقبل الاعتراضات على قائمات "
              "الناخبين بعد ذلك. وأعلنت الهيئة أن الحملة الانتخابية تنطلق يوم السبت 17 اوت 2019 في كامل الولايات.")
    summary = "Objections to the voter lists can be filed from Saturday, August 17."
    (weekday,) = [c for c in verify(source, summary, published="2019-05-02").claims if c.kind == "weekday"]
    assert weekday.verdict != "contradicted", weekday.reason  # «الاثنين» is 17 June's weekday, not 17 August's
    wrong = verify(source, "Objections to the voter lists can be filed from Sunday, August 17.", published="2019-05-02")
    assert [c.verdict for c in wrong.claims if c.kind == "weekday"] == ["contradicted"]  # 17 August 2019 is a Saturday


_RANKS = ("وجاء المغرب في المرتبة الثانية عربيا و14 دوليا فيما حلت مصر في المرتبة الرابعة عربيا و30 دوليا "
          "باحتياطي من الذهب يقدر بنحو 80 طنا.")


@pytest.mark.parametrize("summary, verdict", [
    ("وحلت مصر في المرتبة 14 دوليا باحتياطي من الذهب يقدر بنحو 80 طنا.", "contradicted"),  # 14 is Morocco's
    ("وحلت مصر في المرتبة 30 دوليا باحتياطي من الذهب يقدر بنحو 80 طنا.", "supported"),
    ("وجاء المغرب في المرتبة 14 دوليا.", "supported"),
])
def test_a_figure_frame_ends_at_the_passage_break(summary, verdict):
    # «فيما» opens Egypt's passage: its words are 30's, not 14's, and 30's own words run back to it
    claim = [c for c in verify(_RANKS, summary).claims if c.kind in ("number", "count")][0]
    assert claim.verdict == verdict, claim.reason
    if verdict == "contradicted":
        assert [e.text for e in claim.evidence] == ["30", "14"]


def test_a_figure_given_for_both_aspects_supports_either():
    source = ("وارتفعت صادرات التمور بنسبة 30 % من حيث الكمية، فيما ارتفعت صادرات القوارص بنسبة 12 % من حيث القيمة "
              "و 30 % من حيث الكمية أيضا. وارتفعت صادرات الزيت بنسبة 30 % من حيث القيمة.")
    (claim,) = [c for c in verify(source, "Oil exports rose 30% in value.").claims if c.kind == "percent"]
    assert claim.verdict != "contradicted", claim.reason


@pytest.mark.parametrize("summary", ["The budget deficit is put at more than 10.78 billion dinars.",
                                     "ويقدر عجز الميزانية بأكثر من 10 مليار دينار."])
def test_a_bounded_amount_is_never_compared_with_a_percentage(summary):
    source = "ويقدر عجز الميزانية بنحو 5.4 بالمائة من الناتج."
    (claim,) = [c for c in verify(source, summary).claims if c.kind == "number"]
    assert claim.verdict == "unverifiable", claim.reason


def test_a_four_digit_figure_after_an_article_of_one_is_a_year():
    # "a 1997 outbreak" is one outbreak, of 1997: a year, not a count of 1997 outbreaks.
    source = "The virus was not deemed a threat to humans until a 1997 outbreak in Hong Kong."
    (m,) = [m for m in find_mentions(source) if "1997" in m.text]
    assert (m.kind, m.value) == ("date", "1997")
    report = verify(source, "The virus was not deemed a threat to humans until 1987, after an outbreak in Hong Kong.")
    assert [c.verdict for c in report.claims if c.kind == "date"] == ["contradicted"]
    assert verify(source, "The virus was not deemed a threat until 1997.").counts["contradicted"] == 0


@pytest.mark.parametrize("text, passages", [
    ("The chain faced a boycott when it opened in Italy in 2018 - but it has come back with a new range.", 2),
    ("The chain faced a boycott when it opened in Italy in 2018, but it has come back with a new range.", 2),
    ("He lashed out at the party but also at its allies.", 1),  # no clause mark: one statement
    ("ارتفعت الصادرات بنسبة 7 بالمائة، لكن الواردات تراجعت بنسبة 3 بالمائة.", 2),
])
def test_a_contrast_after_a_clause_mark_opens_another_passage(text, passages):
    from toolkit.index import Document
    from toolkit.mentions import scan_text
    assert len(Document(scan_text(text)).segments) == passages


def test_a_claim_aligns_with_its_own_statement_not_the_one_after_but():
    # The year claim's passage ends at «- but»: the second statement's words do not dilute its alignment.
    source = ("The next coffee trend involves olive oil and it is launching in Italy on Wednesday. "
              "Starbucks opened its first branch in Italy in 2018, causing outcry and prompting calls for a boycott. "
              "Last year a pizza chain pulled out of Italy after failing to win over the home of pizza.")
    summary = ("Starbucks faced a protest when it first opened in Italy in {} - but the chain has come back "
               "swinging with an olive oil range of coffee launching in Italy on Wednesday.")
    assert [c.verdict for c in verify(source, summary.format(2017), lang="en").claims if c.kind == "date"] \
        == ["contradicted"]
    assert verify(source, summary.format(2018), lang="en").counts["contradicted"] == 0


def test_a_verbal_noun_heading_a_number_says_what_it_counts():
    # «مقتل 10» is "the killing of 10": 10 dead; «جرح 4 آخرين» 4 injured («آخرين», "others", names no class).
    found = {m.text: (m.kind, m.value, m.unit, m.bound) for m in
             find_mentions("مقتل 10 في اشتباكات وجرح 4 آخرين ومقتل أكثر من 20 شخصا", lang="ar")
             if m.kind in ("count", "number")}
    assert found == {"مقتل 10": ("count", 10, "dead", None), "جرح 4": ("count", 4, "injured", None),
                     "مقتل أكثر من 20 شخصا": ("count", 20, "dead", "at_least")}
    source = "وقوع 3 قتلى في إطار الانتخابات البرلمانية والرئاسية في تركيا"
    claim = "الانتخابات التركية: مقتل {} في اشتباكات قبيل الانتخابات البرلمانية والرئاسية"
    assert [c.verdict for c in verify(source, claim.format(10), lang="ar").claims if c.kind == "count"] \
        == ["contradicted"]
    assert verify(source, claim.format(3), lang="ar").counts["contradicted"] == 0


def test_a_count_of_persons_may_be_the_count_of_the_dead():
    # «مقتل 10 أشخاص» counts the dead; "10 people" who died is the same figure, not another measure.
    source = "أعلنت الحماية المدنية مقتل 10 أشخاص في حادث مرور على الطريق السريعة."
    summary = "لقي 10 أشخاص حتفهم في حادث مرور على الطريق السريعة."
    assert [c.verdict for c in verify(source, summary, lang="ar").claims if c.kind == "count"] == ["supported"]


PERIOD_SOURCE = ("Moderna reported fourth quarter revenues of $5.1bn and full year revenues of $19.3bn. "
                 "Profit for the fourth quarter was $1.5bn. "
                 "For the full year of 2023, Moderna expects Spikevax to have sales contracted for delivery of $5bn. "
                 "Gilead reported a 26.3% decline in sales of its antiviral in its fourth quarter earnings. "
                 '(Also see "Biktarvy Sales Cross $10bn Mark" - Scrip, 2 Feb, 2023.)')  # another period's sales


@pytest.mark.parametrize("summary, verdict", [
    ("The company reported a fourth quarter decline in vaccine sales and guided for sales of $4bn in 2023.",
     "contradicted"),  # the one sum the source gives for 2023, of sales
    ("The company reported a fourth quarter decline in vaccine sales and guided for sales of $5bn in 2023.",
     "supported"),
    ("The company expects a profit of $2bn in 2023.", "unverifiable"),  # 2023's sum is of sales, not profit
])
def test_a_figure_given_for_a_year_against_the_sources_figure_for_that_year(summary, verdict):
    (claim,) = [c for c in verify(PERIOD_SOURCE, summary, lang="en").claims if c.kind == "number"]
    assert claim.verdict == verdict


def test_two_sums_given_for_the_year_leave_a_third_unverifiable():
    source = ("Moderna reported revenues of $19.3bn. For the full year of 2023, Moderna expects Spikevax to have "
              "sales contracted for delivery of $5bn. Rivals forecast their vaccine sales at $3bn in 2023, analysts "
              "said. Gilead reported a 26.3% decline in sales of its antiviral in its fourth quarter earnings.")
    summary = "The company reported a fourth quarter decline in vaccine sales and guided for sales of $4bn in 2023."
    (claim,) = [c for c in verify(source, summary, lang="en").claims if c.kind == "number"]
    assert claim.verdict == "unverifiable"  # 2023 has two sums of sales: which one the claim misstates is unclear
