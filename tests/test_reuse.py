"""A source is scanned and indexed once per content, date and language, and reused across
summaries, claims and stages (toolkit.reuse); the results are those of a fresh scan."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from toolkit import reuse, verify
from toolkit.llm.schemas import AtomicClaim
from toolkit.pipeline import check_claims, fact_check

from .conftest import SEED_PUBLISHED

SUMMARIES = ["عقب قمة ألاسكا في 15 أغسطس، أجرى بوتين اتصالات مع ثمانية من القادة.",
             "زار المبعوث الأمريكي ستيفن ويتكوف موسكو في 6 أغسطس.",
             "Putin spoke with eight leaders after the Alaska summit on 15 August."]


@pytest.fixture
def builds(monkeypatch):
    reuse.clear()
    count = []
    real = reuse._build

    def counted(*args):
        count.append(args[1:])
        return real(*args)

    monkeypatch.setattr(reuse, "_build", counted)
    yield count
    reuse.clear()


def test_a_source_is_scanned_once_for_many_summaries(seed, builds):
    reports = [verify(seed, s, published=SEED_PUBLISHED) for s in SUMMARIES * 2]
    assert len(builds) == 1
    with reuse.disabled():
        fresh = [verify(seed, s, published=SEED_PUBLISHED) for s in SUMMARIES * 2]
    assert len(builds) == 1 + len(fresh)
    assert [r.model_dump_json() for r in reports] == [r.model_dump_json() for r in fresh]


def test_date_and_language_are_part_of_the_key(seed, builds):
    verify(seed, SUMMARIES[0], published=SEED_PUBLISHED)
    verify(seed, SUMMARIES[0], published="2025-08-20")
    verify(seed, SUMMARIES[0], published=dt.date(2025, 8, 19))  # the same date, given as a date
    verify(seed, SUMMARIES[0])
    assert len(builds) == 3


def test_fact_check_and_its_claims_share_the_index(seed, builds):
    result = fact_check(seed, published=SEED_PUBLISHED, backend="extractive")
    claims = [AtomicClaim(text=s.text.strip()[:200], kind="event") for s in result.summary_doc.sentences]
    check_claims(seed, claims, published=dt.date(2025, 8, 19), lang="ar")
    # one index for the sentence cut (no date) and one for the checks (with the date)
    assert len(builds) == 2


def test_checks_keep_their_lookups_apart_per_summary_language(seed):
    reuse.clear()
    pub = dt.date(2025, 8, 19)
    ar, ar2, en = (reuse.for_summary(seed, pub, "ar", lang) for lang in ("ar", "ar", "en"))
    assert ar.cache is ar2.cache and ar.cache is not en.cache
    assert ar.segments is en.segments  # one index underneath


def test_the_lru_is_bounded(monkeypatch):
    reuse.clear()
    monkeypatch.setattr(reuse, "MAX_SOURCES", 3)
    texts = [f"قال الوزير إن {n} مشاريع تمت في تونس." for n in range(6)]
    for t in texts:
        reuse.source_index(t)
    assert len(reuse._sources) == 3
    monkeypatch.setattr(reuse, "MAX_CHARS", len(texts[0]) + 1)
    reuse.source_index(texts[0])
    assert len(reuse._sources) == 1  # the newest is kept whatever its size
    reuse.clear()


def test_threads_share_an_index_safely(seed):
    reuse.clear()
    with reuse.disabled():
        expected = [verify(seed, s, published=SEED_PUBLISHED).model_dump_json() for s in SUMMARIES * 3]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda s: verify(seed, s, published=SEED_PUBLISHED).model_dump_json(), SUMMARIES * 3))
    assert got == expected
