"""Fuzzing the public API with hypothesis: any string gives a report (or a list of mentions)
whose offsets hold, or InputError; nothing else. Strings mix Arabic and Latin letters, digits of
every script, punctuation, zero-width and bidi characters, diacritics and tatweel, and words
and numbers that news uses (dates, relative days, counts, scales), so that the finders run deep.

``TOOLKIT_FUZZ_EXAMPLES`` raises the number of examples (200 by default) and
``TOOLKIT_FUZZ_RANDOM=1`` draws new ones on each run instead of the fixed, reproducible set."""

import os
import sys
import unicodedata

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from toolkit import InputError, VerificationReport, find_mentions, verify
from toolkit.models import Mention

EXAMPLES = int(os.environ.get("TOOLKIT_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("TOOLKIT_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], print_blob=True)

DIGITS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Nd"]
ARABIC = [chr(c) for c in range(0x0621, 0x064B)] + ["ى", "ة", "ـ"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2066", "\u2067", "\u2068", "\u2069",
             "\ufeff", "\u2060", "\u064b", "\u064e", "\u0650", "\u0651", "\u0652", "\u0670", "\u00a0", "\u202f"]
PUNCTUATION = list(".,،؛؟!?:;\"'«»“”()[]-–—/%٪٫٬+*#&<>@$€£") + [" ", " ", " ", "\n", "\t"]
WORDS = ["أمس", "اليوم", "غدا", "قبل", "بعد", "يومين", "أيام", "أسبوع", "شهر", "عام", "سنة", "يوم", "الاثنين",
         "الجمعة", "أغسطس", "آب", "يناير", "كانون", "رمضان", "هـ", "م", "ألف", "مليون", "مليار", "بالمئة", "في المائة",
         "ثلاثة", "ثماني", "اثني عشر", "عشرين", "نصف", "ربع", "أكثر من", "نحو", "قادة", "وزيرا", "دولار", "دينار",
         "قال", "بوتين", "ترامب", "مصر", "ثم", "في اليوم التالي", "ارتفع", "تراجع", "yesterday", "today", "on",
         "Monday", "August", "15", "2025", "1,200", "3.5", "%", "million", "billion", "percent", "leaders", "said",
         "two", "twelve", "over", "about", "days ago", "weeks", "Putin", "Egypt", "then", "rose", "fell", "«", "»"]
CHARS = st.sampled_from(DIGITS + ARABIC + INVISIBLE + PUNCTUATION + list("abcdefghijklmnopqrstuvwxyzABCXYZ"))
TOKENS = st.one_of(st.sampled_from(WORDS), st.integers(0, 10**7).map(str), st.text(CHARS, min_size=1, max_size=6),
                   st.sampled_from(DIGITS).flatmap(lambda d: st.integers(1, 6).map(lambda n: d * n)))
NEWSLIKE = st.lists(TOKENS, max_size=40).flatmap(
    lambda toks: st.lists(st.sampled_from([" ", " ", " ", "، ", ". ", "\n", "", "\u200f", " و"]),
                          min_size=len(toks), max_size=len(toks)).map(
        lambda seps: "".join(t + s for t, s in zip(toks, seps))))
TEXTS = st.one_of(st.text(CHARS, max_size=120), NEWSLIKE, st.text(max_size=60))
PUBLISHED = st.sampled_from([None, "2025-08-19", "1900-01-01", "2199-12-31", "2024-02-29"])
LANG = st.sampled_from([None, "ar", "en"])


def _check_report(report: VerificationReport, source: str, summary: str) -> None:
    assert isinstance(report, VerificationReport)
    event(f"report with {'no' if not report.claims else 'some'} claims")
    for verdict, n in report.counts.items():
        if n:
            event(f"a {verdict} claim")
    assert sum(report.counts.values()) == len(report.claims)
    for c in report.claims:
        assert 0 <= c.span.start <= c.span.end <= len(summary)
        assert summary[c.span.start:c.span.end] == c.text
        assert c.reason.strip()  # every verdict says why
        assert c.verdict != "contradicted" or c.evidence  # a contradiction shows what the source says
        for e in c.evidence:
            assert 0 <= e.start <= e.end <= len(source) and source[e.start:e.end] == e.text


@FUZZ
@given(source=TEXTS, summary=TEXTS, published=PUBLISHED, lang=LANG)
def test_verify_any_strings(source, summary, published, lang):
    try:
        report = verify(source, summary, published=published, lang=lang)
    except InputError:
        event("InputError")
        return
    _check_report(report, source, summary)


@pytest.mark.parametrize("published", ["1900-01-01", "2100-01-01"])
def test_a_holiday_outside_the_hijri_converters_years_is_not_a_crash(published):
    # hijridate converts 1343-1500 AH (1924-2077): outside, the holiday is found but not dated
    report = verify("0", "eid Al-AdhA", published=published)
    assert report.counts["contradicted"] == 0
    assert [(c.kind, c.verdict) for c in report.claims] == [("date", "unverifiable")]


@FUZZ
@given(text=TEXTS, published=PUBLISHED, lang=LANG)
def test_find_mentions_any_string(text, published, lang):
    try:
        mentions = find_mentions(text, published=published, lang=lang)
    except InputError:
        event("InputError")
        return
    assert isinstance(mentions, list)
    event(f"{'no' if not mentions else 'some'} mentions")
    for m in mentions:
        assert isinstance(m, Mention)
        assert 0 <= m.start <= m.end <= len(text) and text[m.start:m.end] == m.text


@FUZZ
@given(summary=TEXTS)
def test_verify_any_summary_of_the_seed(seed, summary):
    try:
        report = verify(seed, summary, published="2025-08-19")
    except InputError:
        event("InputError")
        return
    _check_report(report, seed, summary)
