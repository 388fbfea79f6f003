"""Claims -> checks -> report: the deterministic verifier (`toolkit.verify`).

Every checkable value of the summary becomes a claim. Each claim is aligned with the
source passages about the same event (:mod:`toolkit.index`) and its value is looked up
there. A value found only in another passage is a wrong-event binding. When the
evidence is ambiguous the verdict is *unverifiable*, never *contradicted*: a false alarm
on a faithful summary costs more than a miss.
"""


import datetime as _dt
from collections import Counter
from collections.abc import Callable

from .. import reuse
from ..index import CROSS_LINGUAL_KEYS, Document
from ..inputs import InputError, check_lang, check_published, check_text
from ..lang import detect_language
from ..models import Claim, Mention, VerificationReport
from .context import ClaimContext
from .dates import check_date, check_weekday
from .directions import check_direction
from .entities import check_entity
from .quantities import check_listed_count, check_quantity
from .quotes import check_quote

__all__ = ["CHECKERS", "Checker", "InputError", "verify"]

# -- entry point -----------------------------------------------------------------------

def _dated(c: ClaimContext, enums: list[Mention]) -> list[Claim]:
    """A date, and the weekday written with it."""
    return [check_date(c)] + ([check_weekday(c)] if c.m.weekday else [])


def _entity(c: ClaimContext, enums: list[Mention]) -> list[Claim]:
    """A name; a capitalised common word ("Faculty", "Law", "IMF") is a claim only when the
    source has its counterpart, else it is noise to an editor, not a finding."""
    claim = check_entity(c, enums)
    return [] if c.m.unit == "common" and claim.verdict != "supported" else [claim]


def _quantity(c: ClaimContext, enums: list[Mention]) -> list[Claim]:
    """A count with its own list in the summary is checked against that list first."""
    internal = check_listed_count(c, enums)
    return [internal if isinstance(internal, Claim) else check_quantity(c, internal)]


# The registry: the check for each kind of claim. ``enums`` are the summary's own lists.
Checker = Callable[[ClaimContext, list[Mention]], list[Claim]]
CHECKERS: dict[str, Checker] = {
    "date": _dated,
    "weekday": lambda c, enums: [check_weekday(c)],
    "number": _quantity, "percent": _quantity, "count": _quantity, "duration": _quantity,
    "entity": lambda c, enums: _entity(c, enums),
    "quote": lambda c, enums: [check_quote(c)],
    "direction": lambda c, enums: [check_direction(c)],
}


def verify(source: str, summary: str, *, published: str | _dt.date | None = None,
           lang: str | None = None, max_chars: int | None = None) -> VerificationReport:
    """Check every date, weekday, number, count, name, quote and direction of change of
    ``summary`` against ``source``.

    ``lang`` is the summary's language (detected when omitted); the source's language is
    always detected. ``published`` (a date, or exactly ``YYYY-MM-DD``, 1900-01-01 to
    2199-12-31) resolves years, weekdays and relative days such as «أمس». Each text may be
    at most ``max_chars`` characters (default: ``TOOLKIT_MAX_SOURCE_CHARS``, else 1,000,000).
    Bad input raises :class:`~toolkit.inputs.InputError` (see :mod:`toolkit.inputs`).
    """
    check_text(source, "source", max_chars=max_chars)
    check_text(summary, "summary", max_chars=max_chars)
    pub, lang = check_published(published), check_lang(lang)
    src_lang = reuse.language(source)
    summ_lang = lang or detect_language(summary)
    src = reuse.for_summary(source, pub, src_lang, summ_lang)  # scanned and indexed once per source
    cross = summ_lang != src_lang
    summ = Document(src.scan_summary(summary, published=pub, lang=summ_lang))
    comparable = CROSS_LINGUAL_KEYS if cross else None
    enums = [m for m in summ.scan.mentions if m.kind == "enumeration"]
    quotes = [m for m in summ.scan.mentions if m.kind == "quote"]

    claims: list[Claim] = []
    for m in summ.scan.mentions:
        if m.kind == "enumeration":
            continue
        if m.kind == "entity" and any(qm._nstart <= m._nstart < qm._nend for qm in quotes):
            continue  # a name inside a quote is checked with the quote
        keys = summ.claim_keys(m, comparable=comparable)
        claims += CHECKERS[m.kind](ClaimContext(m, src, summ, src.align(keys), cross, keys), enums)
    counts = Counter(cl.verdict for cl in claims)
    return VerificationReport(
        claims=claims,
        counts={v: counts.get(v, 0) for v in ("supported", "contradicted", "unverifiable")},
        lang=summ_lang, source_lang=src_lang, published=pub.isoformat() if pub else None,
    )
