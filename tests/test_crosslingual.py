"""Cross-lingual alignment (toolkit/index.py): an English summary sentence finds its Arabic
passage through names the transliteration model matches, found or not as names in the
source. Texts written for these tests, from general knowledge."""

from toolkit import verify
from toolkit.index import Document, SourceIndex
from toolkit.mentions import scan_text

SOURCE = ("اعتبر المكلف بالإعلام في البلدية، أنس الورتاني، اليوم الخميس أن أشغال تهيئة الطريق ستنتهي في الصيف. "
          "وكان المجلس البلدي قد صادق يوم الاثنين على برنامج جديد لأشغال تهيئة الطرقات والأرصفة.")


def test_a_transliterated_name_aligns_an_english_claim_with_its_passage():
    summary = "Anas Ouertani, the municipality's information officer, said on Thursday the road works would end in summer."
    report = verify(SOURCE, summary, published="2024-05-02", lang="en")
    (weekday,) = [c for c in report.claims if c.kind == "weekday"]
    assert weekday.verdict == "supported"


def test_transliteration_keys_go_only_where_the_model_matches():
    src = SourceIndex(scan_text(SOURCE, lang="ar"))
    src.align({("n:~ouertani",): 1.0, ("n:~zarzis",): 1.0})
    assert [seg.index for seg in src.segments if "n:~ouertani" in seg.keys] == \
        [src.segment_at(scan_text(SOURCE, lang="ar").nt.text.index("الورتاني")).index]
    assert not any("n:~zarzis" in seg.keys for seg in src.segments)


def test_summary_name_words_carry_their_written_form():
    summ = Document(scan_text("The office of Anas Ouertani said the works would end.", lang="en"))
    keys = {k for i in range(len(summ.scan.toks)) for k in summ.token_keys(i)}
    assert "n:~ouertani" in keys


def test_hyphenated_countries_align_each_country():
    source = "أعرب وزير الخارجية عن أمله في عقد لقاء ثلاثي يجمع تونس والجزائر وليبيا الشهر المقبل."
    report = verify(source, "The minister hoped for a Tunisia-Algeria-Libya meeting next month.", lang="en",
                    published="2024-05-02")
    assert report.counts["contradicted"] == 0
    assert all(c.verdict == "supported" for c in report.claims if c.kind == "entity")


def test_an_ellipsis_does_not_end_the_sentence():
    doc = Document(scan_text('قال الوزير: "أصبحت مقاومة الفساد أولوية.. ونحن نرحب بذلك". وأضاف أن العمل سيتواصل... '
                             'إلى النهاية. ثم انتهى.', lang="ar"))
    assert len(doc.sentences) == 3


_COUNTED = "وأغلق البريد التونسي 45 مكتبا بسبب نقص الأعوان وتداعي البنايات. ويضم قطاع النسيج اليوم 320 مؤسسة فقط."


def test_counted_nouns_compare_across_languages_by_concept():
    # "offices" is «مكتب», "companies" «مؤسسة»: the same counted noun, so another figure contradicts
    cases = [("Tunisia's post office closed 54 offices because of staff shortages and dilapidated buildings.",
              "contradicted"),
             ("Tunisia's post office closed 45 offices because of staff shortages and dilapidated buildings.",
              "supported"),
             ("The textile sector now has only 230 companies.", "contradicted"),
             ("The textile sector now has only 320 companies.", "supported")]
    for summary, verdict in cases:
        (claim,) = [c for c in verify(_COUNTED, summary).claims if c.kind in ("number", "count")]
        assert claim.verdict == verdict, (summary, claim.reason)


_EVENTS = ("وانطلقت عملية تسجيل الناخبين في كامل الولايات يوم 12 مارس 2019. "
           "وتنطلق الحملة الانتخابية يوم 4 جوان 2019 وتتواصل ثلاثة أسابيع.")


def test_concepts_tell_events_apart_when_no_name_anchors_the_claim():
    # no name in either sentence: the concepts around the dates (campaign / registration) decide
    cases = [("The election campaign starts on 12 March 2019.", "contradicted"),
             ("The election campaign starts on 4 June 2019.", "supported"),
             ("Voter registration started on 12 March 2019.", "supported")]
    for summary, verdict in cases:
        (claim,) = [c for c in verify(_EVENTS, summary, published="2019-01-10").claims if c.kind == "date"]
        assert claim.verdict == verdict, (summary, claim.reason)


def test_concepts_tell_figures_of_two_passages_apart():
    source = ("وارتفعت صادرات الفسفاط بنسبة 12 بالمائة خلال السنة. "
              "وتراجع إنتاج الحبوب بنسبة 30 بالمائة في الموسم الماضي بسبب الجفاف.")
    cases = [("Phosphate exports rose 30% during the year.", "contradicted"),  # 30 % is the grain harvest's fall
             ("Phosphate exports rose 12% during the year.", "supported"),
             ("Grain production fell 30% last season because of the drought.", "supported")]
    for summary, verdict in cases:
        (claim,) = [c for c in verify(source, summary).claims if c.kind == "percent"]
        assert claim.verdict == verdict, (summary, claim.reason)
