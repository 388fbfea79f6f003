"""Input validation for the public API and the command line: one place, one message style.

Every public function (``verify``, ``find_mentions``, ``summarize``, ``fact_check``,
``afact_check``, ``fact_check_many``, ``extract_claims``, ``render_html``,
``render_markdown``) checks what it is given here and raises :class:`InputError` (a
``ValueError``) with one readable line, e.g. ``source must be a string, not bytes``:

- texts must be ``str``, neither empty nor invisible-only (whitespace, zero-width and bidi
  marks, Arabic diacritics and tatweel), nor contain unpaired surrogates;
- a text may not be longer than the size limit: ``DEFAULT_MAX_CHARS`` characters unless
  ``TOOLKIT_MAX_SOURCE_CHARS`` or a ``max_chars=`` argument (``--max-chars``) says otherwise;
- a run of more than ``MAX_DIGIT_RUN`` digits (any script, thousands separators included)
  is not a news text and is refused;
- ``published`` is a ``datetime.date``, a ``datetime.datetime`` or exactly ``YYYY-MM-DD``,
  between ``MIN_PUBLISHED`` and ``MAX_PUBLISHED``;
- ``lang`` is ``None`` or the code of a language with a data module in ``toolkit/lang/``
  (``toolkit.lang.SUPPORTED``).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from typing import cast

from .errors import InputError  # a ToolkitError and a ValueError
from .settings import ENVIRONMENT, get_setting

__all__ = ["InputError", "check_text", "check_lang", "check_published", "check_max_chars", "max_source_chars",
           "check_result", "check_positive_int", "DEFAULT_MAX_CHARS", "MAX_DIGIT_RUN", "MIN_PUBLISHED",
           "MAX_PUBLISHED", "MAX_CHARS_ENV"]

DEFAULT_MAX_CHARS = 1_000_000  # characters: 1 MB of English, about 1.8 MB of Arabic in UTF-8 (~25 s to verify)
MAX_CHARS_ENV = ENVIRONMENT["max_source_chars"]  # TOOLKIT_MAX_SOURCE_CHARS
# Longer runs of digits are no news text; past about 300 digits a number no longer fits a
# float and past 4,300 Python refuses to convert it, so they are refused at the door.
MAX_DIGIT_RUN = 200
MIN_PUBLISHED = _dt.date(1900, 1, 1)
MAX_PUBLISHED = _dt.date(2199, 12, 31)

# Invisible: whitespace and controls, format characters (zero-width, bidi marks and isolates,
# the BOM), combining marks (harakat and other diacritics), tatweel and the blank "letters".
_INVISIBLE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"})
_BLANK = frozenset("\u0640\u115f\u1160\u3164\uffa0\u2800")
# A run of digits (every script: \d is Unicode), thousands groups after a separator included.
_DIGIT_RUN = re.compile(r"\d+(?:[,.'\u066b\u066c\u00a0\u2009\u202f ]\d{3})*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _type_name(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _visible(ch: str) -> bool:
    return ch not in _BLANK and unicodedata.category(ch) not in _INVISIBLE_CATEGORIES


def check_text(value: object, name: str = "text", *, max_chars: int | None = None) -> str:
    """``value`` as a usable text, or InputError saying what is wrong with it."""
    if not isinstance(value, str):
        hint = " (decode it first)" if isinstance(value, (bytes, bytearray, memoryview)) else ""
        raise InputError(f"{name} must be a string, not {_type_name(value)}{hint}")
    if not value.strip():
        raise InputError(f"{name} is empty")
    if not any(map(_visible, value)):
        raise InputError(f"{name} has no visible text (only whitespace, zero-width or bidi marks, "
                         f"diacritics or tatweel)")
    limit = check_max_chars(max_chars)
    if len(value) > limit:
        raise InputError(f"{name} is {len(value):,} characters, over the {limit:,}-character limit "
                         f"(raise it with max_chars=, --max-chars or {MAX_CHARS_ENV})")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{name} has an unpaired surrogate at character {exc.start}: not valid Unicode text") from None
    for m in _DIGIT_RUN.finditer(value):
        if m.end() - m.start() > MAX_DIGIT_RUN:
            digits = sum(c.isdigit() for c in m.group())
            if digits > MAX_DIGIT_RUN:
                raise InputError(f"{name} has a run of {digits:,} digits at character {m.start()}: not a news text "
                                 f"(at most {MAX_DIGIT_RUN} digits in a row)")
    return value


def check_lang(lang: object) -> str | None:
    """None, or the code of a language the toolkit has a data module for (toolkit/lang/<code>.py)."""
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise InputError(f"lang must be a string, not {_type_name(lang)}")
    from .lang import SUPPORTED

    if lang not in SUPPORTED:
        raise InputError(f"unsupported language {lang!r}: expected {' or '.join(repr(c) for c in SUPPORTED)}")
    return lang


def check_published(published: object) -> _dt.date | None:
    """A publication date: a date, a datetime (its date) or exactly ``YYYY-MM-DD``, in range."""
    if published is None:
        return None
    if isinstance(published, _dt.datetime):
        day = published.date()
    elif isinstance(published, _dt.date):
        day = published
    elif isinstance(published, str):
        if not _ISO_DATE.fullmatch(published):
            raise InputError(f"bad publication date {published!r}: expected YYYY-MM-DD")
        try:
            day = _dt.date.fromisoformat(published)
        except ValueError:
            raise InputError(f"bad publication date {published!r}: no such day") from None
    else:
        raise InputError(f"published must be a date or a YYYY-MM-DD string, not {_type_name(published)}")
    if not MIN_PUBLISHED <= day <= MAX_PUBLISHED:
        raise InputError(f"publication date {day.isoformat()} is out of range: expected "
                         f"{MIN_PUBLISHED.isoformat()} to {MAX_PUBLISHED.isoformat()}")
    return day


def check_positive_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InputError(f"{name} must be a whole number of at least 1, not {value!r}")
    return value


def max_source_chars() -> int:
    """The size limit: ``TOOLKIT_MAX_SOURCE_CHARS`` when set, else ``DEFAULT_MAX_CHARS``."""
    configured = get_setting("max_source_chars")  # checked when read (an InputError naming the variable)
    return DEFAULT_MAX_CHARS if configured is None else cast(int, configured)


def check_max_chars(max_chars: object) -> int:
    """The limit to apply: the argument when given, else the environment's or the default."""
    return max_source_chars() if max_chars is None else check_positive_int(max_chars, "max_chars")


def check_result(result: object, name: str = "result"):
    from .models import FactCheckResult

    if not isinstance(result, FactCheckResult):
        raise InputError(f"{name} must be a FactCheckResult (from fact_check), not {_type_name(result)}")
    return result


def ant_fields(raw: str) -> tuple[str, str | None]:
    """Text and publication date (ISO) of an ANT-style article (``<TIME>`` and ``<TEXT>`` tags): the
    format of the ANT corpus, read by ``toolkit batch`` and by the eval suites."""
    def tag(name: str) -> str:
        m = re.search(f"<{name}>(.*?)</{name}>", raw, re.S)
        return m.group(1).strip() if m else ""

    when = tag("TIME")
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", when)
    published = "-".join(m.groups()) if m else None
    if not m and (m := re.match(r"(\d\d)/(\d\d)/(\d{4})", when)):
        published = f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return tag("TEXT"), published
