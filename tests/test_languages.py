"""Language as data: the schema of a data module, names from CLDR, the one language-detection
rule, and French, added as one data module (toolkit/lang/fr.py) for dates and numbers."""

from __future__ import annotations

import sys
import types

import pytest

import toolkit
from toolkit import InputError
from toolkit.errors import LanguageDataError
from toolkit.lang import SUPPORTED, detect_language, get_language, schema, text_direction
from toolkit.lang import ar as ar_data
from toolkit.lang import en as en_data
from toolkit.lang import fr as fr_data
from toolkit.lang.cldr import month_names, weekday_names
from toolkit.text import norm

from .conftest import ROOT, SEED_PUBLISHED

# -- the schema --------------------------------------------------------------------------------------


def _module(name: str = "toolkit.lang.xx", **tables) -> types.ModuleType:
    module = types.ModuleType(name)
    base = {t.name: t.default for t in schema.TABLES if not t.required}
    base.update(CODE=name.rsplit(".", 1)[-1], SCRIPT="latin", MONTHS={"jan": 1}, WEEKDAYS={"mon": 0},
                RELATIVE_DAYS={}, UNITS={"one": 1}, TENS={}, HUNDREDS={}, SCALES={}, CONJUNCTION="and",
                PERCENT_WORDS=["%"], APPROXIMATORS=[], NOUN_CLASSES={}, TITLES=[], STOPWORDS=[])
    base.update(tables)
    for key, value in base.items():
        if value is not None or key in tables:
            setattr(module, key, value)
    return module


def test_every_data_module_conforms_and_compiles():
    assert SUPPORTED == ("ar", "en", "fr")
    for module in (ar_data, en_data, fr_data):
        tables = schema.read_module(module)
        assert tables["CODE"] == module.__name__.rsplit(".", 1)[-1]
        assert get_language(tables["CODE"]).code == tables["CODE"]


def test_a_missing_table_is_an_error_naming_module_and_table():
    bad = _module()
    del bad.MONTHS
    with pytest.raises(LanguageDataError, match=r"toolkit\.lang\.xx: missing table MONTHS \(.*month name"):
        schema.read_module(bad)
    assert isinstance(LanguageDataError("x"), toolkit.ToolkitError)


def test_a_table_of_the_wrong_type_is_an_error_naming_module_and_table():
    with pytest.raises(LanguageDataError, match=r"toolkit\.lang\.xx: table MONTHS must be dict\[str, int\]"):
        schema.read_module(_module(MONTHS=["janvier"]))
    with pytest.raises(LanguageDataError, match=r"table SCRIPT must be"):
        schema.read_module(_module(SCRIPT="cyrillic"))
    with pytest.raises(LanguageDataError, match=r"table STOPWORDS must be a list of words"):
        schema.read_module(_module(STOPWORDS=[1, 2]))
    with pytest.raises(LanguageDataError, match=r"table CODE is 'yy', not the module's name"):
        schema.read_module(_module(CODE="yy"))


def test_optional_tables_default_to_empty():
    tables = schema.read_module(_module())
    assert tables["HIJRI_MONTHS"] == {} and tables["ARTICLE"] == "" and tables["NAMES_BY_CAPITALS"] is False


def test_a_bad_module_fails_the_import_of_the_languages(tmp_path, monkeypatch):
    """toolkit.lang reads every module named by a language code when it is imported (_discover):
    a broken one stops it there, with the module and the table named."""
    import toolkit.lang as lang

    (tmp_path / "zz.py").write_text('CODE = "zz"\nSCRIPT = "latin"\n', encoding="utf-8")
    monkeypatch.setattr(lang, "__path__", [*lang.__path__, str(tmp_path)])
    try:
        with pytest.raises(LanguageDataError, match=r"toolkit\.lang\.zz: missing table MONTHS"):
            lang._discover()
    finally:
        sys.modules.pop("toolkit.lang.zz", None)


# -- names from CLDR -----------------------------------------------------------------------------


def test_month_and_weekday_names_come_from_cldr():
    months = get_language("ar").months
    for locale in ("ar", "ar_TN", "ar_MA", "ar_LB", "ar_DZ"):
        for name, number in month_names(locale).items():
            assert months[norm(name)] == number, (locale, name)
    # the regional families: Tunisia and Algeria, Morocco, the Levant
    assert [months[norm(w)] for w in ("جانفي", "أوت", "غشت", "دجنبر", "كانون الثاني", "أيلول")] == [1, 8, 8, 12, 1, 9]
    # what CLDR lacks, added by hand
    assert months[norm("يونيه")] == 6 and months[norm("يوليه")] == 7 and months[norm("فبرير")] == 2
    assert get_language("en").months["sept"] == 9 and get_language("en").months["aug"] == 8
    fr = get_language("fr").months
    assert fr["août"] == fr["aout"] == 8 and fr["févr"] == 2 and fr["décembre"] == 12
    assert weekday_names("fr") == {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
                                   "dimanche": 6}
    assert get_language("ar").weekdays[norm("الإثنين")] == 0
    assert "sat" not in get_language("en").weekdays  # short weekday names are everyday words


# -- one detection rule --------------------------------------------------------------------------


@pytest.mark.parametrize("text, lang", [
    ("قال الرئيس", "ar"),
    ("The president said", "en"),
    ("Le président a déclaré que la réunion aura lieu le 24 mars à Tunis.", "fr"),
    ("Putin called 8 leaders.", "en"),  # no function word either way: the script's default
    ("", "ar"),
    ("The minister visited Sfax (صفاقس) on Monday and met the governor of the region.", "en"),
    ("Macron a annoncé lundi une réunion tripartite dans deux ou trois semaines.", "fr"),
])
def test_one_language_detection_rule(text, lang):
    assert detect_language(text) == lang
    assert toolkit.text.detect_language(text) == lang  # the old import, the same rule


def test_text_direction_follows_the_script():
    assert text_direction("قال الرئيس") == "rtl" and text_direction("Le président") == "ltr"


def test_an_english_article_with_an_arabic_word_is_summarised_in_english():
    article = ("The Tunisian parliament approved the budget on Monday. The finance minister said that the deficit "
               "would fall to 6 percent next year. The vote in Bardo (باردو) was 120 to 40. "
               "Opposition MPs said the plan relied on new loans.")
    result = toolkit.summarize(article, backend="extractive")
    assert result.lang == "en"


def test_lang_accepts_every_data_module():
    assert toolkit.find_mentions("Le 24 mars 2017", lang="fr")
    with pytest.raises(InputError, match="unsupported language 'xx': expected 'ar' or 'en' or 'fr'"):
        toolkit.find_mentions("x", lang="xx")


# -- French, one data module ----------------------------------------------------------------------


def _found(mentions, text: str):
    return next(m for m in mentions if m.text == text)


def test_french_dates_and_numbers():
    text = "Le 24 mars 2017, 12 000 personnes ont manifesté à Tunis, soit 12,5 % de plus que l'an dernier."
    mentions = toolkit.find_mentions(text, lang="fr")
    assert _found(mentions, "Le 24 mars 2017").value == "2017-03-24"
    count = _found(mentions, "12 000 personnes")
    assert (count.kind, count.value, count.unit) == ("count", 12000, "person")
    assert _found(mentions, "12,5 %").value == 12.5
    dated = toolkit.find_mentions(text, lang="fr", published="2017-03-25")
    assert _found(dated, "l'an dernier").value == "2016"


@pytest.mark.parametrize("text, kind, value", [
    ("le 1er août 2025", "date", "2025-08-01"),
    ("le lundi 18 août 2025", "date", "2025-08-18"),
    ("le 15 aout", "date", "XXXX-08-15"),
    ("quatre-vingt-dix-sept députés", "count", 97),
    ("soixante-dix ministres", "count", 70),
    ("vingt et un ministres", "count", 21),
    ("deux cents personnes", "count", 200),
    ("1,5 MD", "number", 1_500_000),
    ("3 millions de dinars", "number", 3_000_000),
    ("deux ou trois semaines", "duration", 2),
    ("12 pour cent", "percent", 12),
])
def test_french_forms(text, kind, value):
    m = toolkit.find_mentions(text, lang="fr")[0]
    assert (m.kind, m.value) == (kind, value)


def test_french_relative_days_and_bounds():
    mentions = toolkit.find_mentions("Hier, plus de 800 personnes étaient là ; le lendemain, environ 300.",
                                     lang="fr", published="2025-08-19")
    assert _found(mentions, "Hier").value == "2025-08-18"
    assert _found(mentions, "800 personnes").bound == "at_least"
    assert _found(mentions, "le lendemain").value == "2025-08-19"
    assert _found(mentions, "300").approximate
    assert not [m for m in toolkit.find_mentions("Une réunion a eu lieu.", lang="fr") if m.kind != "entity"]


def test_a_french_summary_of_an_arabic_source(seed):
    summary = ("Après le sommet d'Alaska du 15 août, Vladimir Poutine a discuté de ses résultats avec huit "
               "dirigeants. Le 18 août, il s'est entretenu avec les dirigeants de l'Afrique du Sud, du Tadjikistan, "
               "de l'Inde, du Brésil et du Kirghizistan.")
    report = toolkit.verify(seed, summary, published=SEED_PUBLISHED)
    assert (report.lang, report.source_lang) == ("fr", "ar")
    assert report.counts["contradicted"] == 0
    verdicts = {c.text: c.verdict for c in report.claims}
    for text in ("15 août", "huit dirigeants", "Le 18 août", "Kirghizistan"):
        assert verdicts[text] == "supported", (text, report.claims)
    wrong = summary.replace("18 août", "19 août").replace("huit", "neuf")
    report = toolkit.verify(seed, wrong, published=SEED_PUBLISHED)
    verdicts = {c.text: c for c in report.claims}
    assert verdicts["Le 19 août"].verdict == "contradicted"
    assert "18 August 2025" in verdicts["Le 19 août"].reason
    assert verdicts["neuf dirigeants"].verdict == "contradicted"
    assert verdicts["neuf dirigeants"].evidence[0].text == "ثمانية من القادة"


def test_a_french_relative_day_is_checked_against_the_arabic_source(seed):
    summary = "Le 16 août, Poutine a tenu une réunion interne à Moscou, puis le lendemain il a appelé trois présidents."
    report = toolkit.verify(seed, summary, published=SEED_PUBLISHED, lang="fr")
    verdicts = {c.text: c.verdict for c in report.claims}
    assert verdicts["Le 16 août"] == verdicts["le lendemain"] == "supported"
    assert report.counts["contradicted"] == 0


def test_adding_a_language_is_one_module():
    """Nothing outside toolkit/lang/fr.py names French: the code reads its tables."""
    import re

    for path in (ROOT / "toolkit").rglob("*.py"):
        if path.parent.name == "lang" or path.parent.name == "llm":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""["']fr["']""", text), path
