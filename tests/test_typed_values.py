"""Typed values (toolkit.checks.typed): what the checks compare, read off the mentions."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from toolkit import find_mentions
from toolkit.checks.typed import DateValue, Quantity


def first(text, kind, **kw):
    return next(m for m in find_mentions(text, **kw) if m.kind == kind)


def test_a_sum_has_its_currency_and_a_percentage_none():
    assert Quantity.of(first("بلغت المداخيل 12 مليون دينار", "number")).currency == "TND"
    pct = Quantity.of(first("ارتفعت الأسعار بنسبة 5.9 بالمائة", "percent"))
    assert (pct.kind, pct.amount, pct.currency) == ("percent", 5.9, None)


def test_alternatives_approximation_and_bound_are_kept():
    two_or_three = Quantity.of(first("ستدوم الأشغال أسبوعين أو ثلاثة أسابيع", "duration"))
    assert two_or_three.values == (2.0, 3.0) and two_or_three.unit == "week"
    assert two_or_three.in_days().values == (14.0, 21.0)
    assert Quantity.of(first("استقبلت الولاية نحو 800 ألف سائح", "count")).approximate
    assert Quantity.of(first("more than 800 people attended", "count", lang="en")).bound == "at_least"


def test_a_series_number_names_its_series():
    q = Quantity.of(first("A new variant of SARS-CoV-2 was found", "number", lang="en"))
    assert q.series == "sars-cov"


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["day", "week", "month", "year"]))
def test_durations_in_days_scale_every_figure_alike(n, unit):
    q = Quantity(kind="duration", amount=float(n), unit=unit, alternatives=(float(n), float(n + 1)))
    days = q.in_days()
    assert days.unit == "day" and days.amount / n == days.alternatives[1] / (n + 1)


def test_a_year_is_a_guess_only_far_from_publication():
    near = first("عقد المجلس جلسته يوم 10 ديسمبر", "date", published="2017-12-12")
    far = first("عقد المجلس جلسته يوم 10 جوان", "date", published="2017-12-12")
    written = first("عقد المجلس جلسته يوم 10 جوان 2017", "date", published="2017-12-12")
    published = dt.date(2017, 12, 12)
    assert DateValue.of(near, published).certainty == "inferred"
    assert DateValue.of(far, published).certainty == "guessed" and DateValue.of(far, published).iso == "XXXX-06-10"
    assert DateValue.of(written, published) == DateValue("2017-06-10", "day", "stated")
    assert DateValue.of(first("في سنة 2016", "date"), None).granularity == "year"
