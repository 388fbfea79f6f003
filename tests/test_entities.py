"""Entity checks: names, places and countries across languages (toolkit/checks/entities.py)
and the English name finder's edges (toolkit/mentions/names.py). Texts written for these
tests, from general knowledge."""

from toolkit import find_mentions, verify


def entity_verdicts(source, summary, **kw):
    return {c.text: c.verdict for c in verify(source, summary, **kw).claims if c.kind == "entity"}


def names(text, lang="en"):
    return [(m.text, m.value) for m in find_mentions(text, lang=lang) if m.kind == "entity"]


# -- countries written as adjectives ------------------------------------------------------

def test_a_country_the_source_names_by_its_adjective():
    source = "أطلقت الشركة خطا جديدا نحو مدينة وهران الجزائرية انطلاقا من العاصمة."
    verdicts = entity_verdicts(source, "The company launched a new route to Oran in Algeria.", lang="en")
    assert verdicts["Algeria"] == "supported"


def test_an_adjective_the_source_writes_as_its_country():
    source = "التقى وزير الخارجية اليوم وفدا من رجال الأعمال التونسيين في الرباط."
    verdicts = entity_verdicts(source, "The foreign minister met a delegation of Tunisian businessmen in Rabat.",
                               lang="en")
    assert verdicts["Tunisian"] == "supported"


def test_the_summarys_own_adjective_does_not_stand_for_the_country():
    source = "دخل أكثر من 500 سائح جزائري إلى تونس عبر معبر ملولة خلال الأسبوع الماضي."
    verdicts = entity_verdicts(source, "دخل أكثر من 500 سائح جزائري الجزائر عبر معبر ملولة خلال الأسبوع الماضي.",
                               lang="ar")
    assert verdicts["الجزائر"] != "supported"


# -- family names and common words --------------------------------------------------------

def test_a_common_word_with_a_family_names_skeleton_is_not_that_name():
    source = ("أعلن عصام الشابي ترشحه للانتخابات البلدية في العاصمة. وفي موضوع آخر، قال وزير الفلاحة إن "
              "الموسم الفلاحي يمر بالظروف الصعبة بسبب الجفاف والحرائق.")
    summary = "قال الشابي إن الموسم الفلاحي يمر بالظروف الصعبة بسبب الجفاف والحرائق."
    assert entity_verdicts(source, summary, lang="ar")["الشابي"] != "supported"


def test_the_same_family_name_in_the_passage_is_still_found():
    source = "أعلن عصام الشابي ترشحه للانتخابات البلدية في العاصمة يوم السبت."
    assert entity_verdicts(source, "أعلن الشابي ترشحه للانتخابات البلدية.", lang="ar")["الشابي"] == "supported"


# -- English names: hyphens, possessives, titles, weekdays --------------------------------

def test_hyphenated_names_are_matched_word_by_word():
    source = "أقلعت الطائرة من مطار تونس قرطاج الدولي صباح اليوم نحو باريس."
    verdicts = entity_verdicts(source, "The plane took off from Tunis-Carthage airport for Paris this morning.",
                               lang="en")
    assert verdicts["Tunis-Carthage"] == "supported"


def test_a_possessive_is_no_part_of_the_name():
    assert ("Ennahdha's", "ennahdha") in names("He attended Ennahdha's congress in Hammamet.")


def test_a_title_compound_before_a_name_is_the_role():
    (m,) = [m for m in find_mentions("He said Prime Minister-designate Youssef Chahed met them.", lang="en")
            if m.kind == "entity"]
    assert m.value == "youssef chahed" and m.role == "Prime Minister-designate"


def test_plural_weekdays_are_not_names():
    values = [v for _, v in names("Flights to Oran run on Tuesdays and Fridays.")]
    assert "tuesdays" not in values and "fridays" not in values


def test_coordinated_words_of_an_organisation_keep_their_clitics_apart():
    source = "دعت النقابة الشركة التونسية للكهرباء والغاز إلى مراجعة الأسعار في أقرب الآجال."
    verdicts = entity_verdicts(source, "دعت النقابة الشركة التونسية للكهرباء والغاز إلى مراجعة الأسعار.", lang="ar")
    assert all(v == "supported" for v in verdicts.values())


def test_a_given_name_after_a_titles_descriptor_starts_the_name():
    (m,) = [m for m in find_mentions("وقع رئيس كونكت طارق الشريف الاتفاقية.", lang="ar") if m.kind == "entity"]
    assert m.value == "طارق الشريف" and m.role == "رئيس كونكت"


# -- who said it ----------------------------------------------------------------------------

SPEAKERS = ("قال وزير الفلاحة سمير الطيب إن الموسم سيكون جيدا. "
            "وفي سياق آخر، صرح رئيس اتحاد الفلاحين عبد المجيد الزار بأن أسعار الأعلاف ارتفعت بشكل كبير "
            "خلال الأشهر الأخيرة وأن الفلاحين يطالبون بالدعم.")


def test_words_given_to_someone_the_passage_does_not_name_are_contradicted():
    summary = ("Farmers' union head Abdelmajid Ezzar said fodder prices had risen sharply. "
               "Agriculture Minister Samir Taieb said fodder prices had risen sharply in recent months "
               "and farmers were asking for support.")
    claims = [c for c in verify(SPEAKERS, summary, lang="en").claims if c.kind == "entity"]
    (swapped,) = [c for c in claims if c.verdict == "contradicted"]
    assert swapped.text.endswith("Samir Taieb") or swapped.text == "Samir Taieb"
    assert "الزار" in SPEAKERS[swapped.evidence[0].start:swapped.evidence[0].end]


def test_the_right_speaker_is_not_contradicted():
    summary = "Farmers' union head Abdelmajid Ezzar said fodder prices had risen sharply in recent months."
    assert verify(SPEAKERS, summary, lang="en").counts["contradicted"] == 0


def test_a_lower_case_word_is_nobodys_words():
    # A headline in title case makes "Company" a name word of the source; "the company stated"
    # in the summary still names no one, so it cannot be the wrong speaker.
    source = ("Company's Post-Pandemic Future Starts To Take Shape\n\n"
              "Zorvex's results hint that its future is taking shape as newer products inch closer to the market.\n\n"
              "Zorvex announced its earnings on 23 February, reporting fourth quarter revenues of $5.1bn and full year "
              "revenues of $19.3bn, nearly all of which came from global sales of its vaccine.\n\n"
              "But the firm is keen to establish itself as a multi-product company. \"The company continues to "
              "expand,\" its chief executive told the earnings call.")
    summary = "The company stated fourth quarter revenues of $5.1bn from global sales of its vaccine."
    assert verify(source, summary, lang="en").counts["contradicted"] == 0


def test_an_organisation_ends_where_its_heads_name_begins():
    found = [(m.value, m.unit) for m in find_mentions("صرح رئيس اتحاد الفلاحين عبد المجيد الزار بأن الأسعار ارتفعت.",
                                                      lang="ar") if m.kind == "entity"]
    assert ("اتحاد الفلاحين", "org") in found and ("عبد المجيد الزار", "person") in found


# -- an office the source gives someone else, across languages -----------------------------

OFFICES = ("زار وزير الفلاحة سمير الطيب صباح اليوم الاثنين ضيعة نموذجية في ولاية باجة. "
           "وفي سياق آخر، افتتح وزير الصحة عبد اللطيف المكي مستشفى جديدا.")


def test_an_office_given_to_someone_else_is_contradicted_across_languages():
    report = verify(OFFICES, "Agriculture Minister Mohamed Ben Salem visited a model farm in Beja on Monday.",
                    lang="en", published="2024-05-06")
    (claim,) = [c for c in report.claims if c.kind == "entity" and c.verdict == "contradicted"]
    assert claim.text == "Mohamed Ben Salem"
    assert OFFICES[claim.evidence[0].start:claim.evidence[0].end] == "سمير الطيب"


def test_the_office_holder_and_another_office_are_not_contradicted():
    for summary in ("Agriculture Minister Samir Taieb visited a model farm in Beja on Monday.",
                    "Health Minister Abdellatif Mekki visited a model farm in Beja on Monday."):
        assert verify(OFFICES, summary, lang="en", published="2024-05-06").counts["contradicted"] == 0


def test_a_name_ends_before_a_date():
    found = [(m.value, m.role) for m in find_mentions(OFFICES, lang="ar") if m.kind == "entity"]
    assert ("سمير الطيب", "وزير الفلاحة") in found


# -- whole names across scripts ----------------------------------------------------------------

def test_a_latin_compound_name_matches_the_arabic_name_written_apart():
    source = "أعلن رئيس الغرفة التجارية عبد الكريم بن عبد الله الزغبي اليوم عن بعث صندوق استثمار مشترك."
    verdicts = entity_verdicts(source, "Chamber of commerce head Abdelkarim Al-Zoghbi announced a joint investment fund.",
                               lang="en", published="2024-05-06")
    assert verdicts["Abdelkarim Al-Zoghbi"] == "supported"


def test_a_long_english_name_after_a_title_is_kept_whole():
    assert names("The council added MP Hajer Ben Cheikh Ahmed to its bureau.") == \
        [("Hajer Ben Cheikh Ahmed", "hajer ben cheikh ahmed")]


def test_party_names_align_through_their_current():
    source = "عبر الحزب الاشتراكي في بيان له عن رفضه لمشروع القانون."
    verdicts = entity_verdicts(source, "The Socialist Party rejected the bill in a statement.", lang="en")
    assert verdicts["Socialist Party"] == "supported"


def test_the_name_after_someone_elses_reporting_verb_is_no_speaker():
    from toolkit.checks.entities import _speaker
    from toolkit.index import Document
    from toolkit.mentions import scan_text

    def speakers(text, lang):
        doc = Document(scan_text(text, lang=lang))
        return {m.text: _speaker(doc, m) for m in doc.scan.mentions if m.kind == "entity"}

    assert speakers("On Monday, Ezzar said Taieb was aware of the problems.", "en") == \
        {"Ezzar": True, "Taieb": False}
    assert speakers("He said Samir Taieb was aware of the problems.", "en") == {"Samir Taieb": False}
    assert speakers("Prices will rise, said Samir Taieb.", "en") == {"Samir Taieb": True}
    assert speakers("وأوضح سمير الطيب أن الأسعار ستنخفض.", "ar") == {"سمير الطيب": True}


def test_a_rare_word_opening_a_sentence_is_a_name():
    assert names("Tunisair will open two new routes.") == [("Tunisair", "tunisair")]
    assert names("Officials said prices rose. Notwithstanding this, exports fell.") == []


def test_a_conjunction_on_a_function_word_and_a_title_end_arabic_names():
    text = ("قرر المجلس ضم ليلى الورغي كاتبة الدولة للشباب إلى المكتب، وعين المجلس عضوه منير الكافي عضو "
            "المجلس الوطني وتم تكليف هند الجلاصي بمهمة الناطقة الرسمية.")
    found = [m.text for m in find_mentions(text, lang="ar") if m.kind == "entity"]
    assert "ليلى الورغي" in found and "هند الجلاصي" in found  # «ليلى» ends like «على», but is a name
    assert not any("تكليف" in v or "كاتبة" in v for v in found)
