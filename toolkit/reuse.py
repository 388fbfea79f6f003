"""Texts scanned and indexed once, reused across calls.

A source checked against several summaries (``verify`` per summary, the headline,
``check_claims`` per extracted claim, the citations and the judged pass of ``fact_check``) is
scanned and indexed once: :func:`source_index` keeps the last ``MAX_SOURCES`` indexes in an LRU
keyed by a hash of the text's content, the publication date and the language. An index is read
only once built; what checks cache on it for one summary language is kept apart per language
(:func:`for_summary`).

The reuse changes no result: ``with reuse.disabled():`` turns it off (every call scans and
indexes anew, as before it existed), which is the reference ``tests/test_same_verdicts.py``
compares against.
"""

from __future__ import annotations

import copy
import datetime as _dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

from .index import SourceIndex

__all__ = ["source_index", "for_summary", "language", "disabled", "enabled", "clear", "MAX_SOURCES", "MAX_CHARS"]

MAX_SOURCES = 16  # indexes kept...
MAX_CHARS = 2_000_000  # ...and their sources' characters in all (an index takes ~100 bytes a character);
# the most recent index is kept whatever its size, so that one call's stages share it

_lock = threading.Lock()
_sources: OrderedDict[tuple, tuple[SourceIndex, dict[str, dict]]] = OrderedDict()
_off = 0  # depth of ``disabled()`` blocks (process-wide)


def enabled() -> bool:
    return _off == 0


@contextmanager
def disabled() -> Iterator[None]:
    """Every call in this block scans and indexes its texts anew (the reference path)."""
    global _off
    with _lock:
        _off += 1
    try:
        yield
    finally:
        with _lock:
            _off -= 1


def clear() -> None:
    """Forget every kept index."""
    with _lock:
        _sources.clear()
        _languages.clear()


def _key(text: str, published: _dt.date | None, lang: str | None) -> tuple:
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()
    return digest, len(text), published, lang


def _build(text: str, published: _dt.date | None, lang: str | None) -> SourceIndex:
    from .mentions import scan_text

    index = SourceIndex(scan_text(text, published=published, lang=lang))
    index.__dict__["_lookups"] = {}  # what toolkit.checks.lookup builds on it, shared by every view
    return index


def _entry(text: str, published: _dt.date | None, lang: str | None) -> tuple[SourceIndex, dict[str, dict]]:
    lang = lang or language(text)  # what scan_text would detect: one entry whether or not it was given
    key = _key(text, published, lang)
    with _lock:
        hit = _sources.get(key)
        if hit is not None:
            _sources.move_to_end(key)
            return hit
    entry: tuple[SourceIndex, dict[str, dict]] = (_build(text, published, lang), {})
    with _lock:
        entry = _sources.setdefault(key, entry)  # another thread may have built it meanwhile
        _sources.move_to_end(key)
        while len(_sources) > 1 and (len(_sources) > MAX_SOURCES
                                     or sum(k[1] for k in _sources) > MAX_CHARS):
            _sources.popitem(last=False)
    return entry


_languages: OrderedDict[tuple, str] = OrderedDict()


def language(text: str) -> str:
    """``detect_language(text)``, remembered per content (a long source is read once)."""
    from .lang import detect_language

    if not enabled() or len(text) < 2000:
        return detect_language(text)
    key = _key(text, None, None)
    with _lock:
        code = _languages.get(key)
    if code is None:
        code = detect_language(text)
        with _lock:
            _languages[key] = code
            while len(_languages) > 4 * MAX_SOURCES:
                _languages.popitem(last=False)
    return code


def source_index(text: str, published: _dt.date | None = None, lang: str | None = None) -> SourceIndex:
    """``SourceIndex(scan_text(text, published=published, lang=lang))``, built once per content,
    date and language (``lang`` None: detected, as ``scan_text`` does). Treat it as read-only."""
    if not enabled():
        return _build(text, published, lang)
    return _entry(text, published, lang)[0]


def for_summary(text: str, published: _dt.date | None, lang: str | None, summary_lang: str) -> SourceIndex:
    """The source index for checking a summary in ``summary_lang``: the shared index, with the
    lookup cache the checks fill (``index.cache``) kept apart per summary language."""
    if not enabled():
        return _build(text, published, lang)
    index, caches = _entry(text, published, lang)
    view = copy.copy(index)
    with _lock:
        view.cache = caches.setdefault(summary_lang, {})
    return view
