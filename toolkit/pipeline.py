"""Source (+ summary) -> fact-check result: the entry point that joins the stages."""

from __future__ import annotations

import datetime as _dt

from .checks import InputError, verify
from .models import FactCheckResult


def fact_check(source: str, summary: str, *, published: str | _dt.date | None = None,
               lang: str | None = None) -> FactCheckResult:
    """Verify ``summary`` against ``source`` and keep both texts with the report, ready
    for :func:`toolkit.render_html` and :func:`toolkit.render_markdown`."""
    report = verify(source, summary, published=published, lang=lang)
    return FactCheckResult(source=source, summary=summary, published=report.published, report=report)


__all__ = ["fact_check", "InputError"]
