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
