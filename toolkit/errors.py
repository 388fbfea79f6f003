"""The errors the toolkit raises. Every one is a :class:`ToolkitError`, so a caller can catch
them all at once; each also keeps the standard base it always had (``InputError`` and
``ConfigError`` are ``ValueError``, ``ExtractionError`` a ``RuntimeError``).

- :class:`InputError` — bad input to a public function (see :mod:`toolkit.inputs`).
- :class:`ConfigError` — a backend, endpoint, model, prompt folder or setting is missing or wrong.
- :class:`ExtractionError` — the model's output never validated (``.raw``, ``.usage``, ``.rule``).
- :class:`EndpointError` — the model's endpoint failed (after its retries): the ``openai``
  error is its ``__cause__``; ``.usage`` counts every attempt, ``.status_code`` is the HTTP
  status (None for timeouts and connection errors).
- :class:`LanguageDataError` — a language data module (``toolkit/lang/xx.py``) lacks a table
  or has one of the wrong type.

This module imports nothing: raising or catching these never loads the model layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .llm.schemas import Usage

__all__ = ["ToolkitError", "InputError", "ConfigError", "ExtractionError", "EndpointError", "LanguageDataError"]


class ToolkitError(Exception):
    """Base of every error the toolkit raises on purpose."""


class InputError(ToolkitError, ValueError):
    """Bad input to the toolkit: wrong types, empty or invisible text, an unsupported
    language, a bad publication date, a text over the size limit."""


class ConfigError(ToolkitError, ValueError):
    """The endpoint, model, backend or a setting is not configured, or wrongly."""


class ExtractionError(ToolkitError, RuntimeError):
    """The model's output never validated; ``raw`` is its last answer, ``rule`` the rule of the
    last failed attempt (``language``, ``sentence_count``, ``duplicate_sentence``,
    ``citation_range``, ``quote_missing``, ``quote_not_in_passage``; None for a schema error)."""

    def __init__(self, message: str, raw: str | None, usage: Usage, rule: str | None = None):
        super().__init__(message)
        self.raw = raw
        self.usage = usage
        self.rule = rule


class EndpointError(ToolkitError, RuntimeError):
    """The model's endpoint failed: a 4xx answer, or timeouts, lost connections, 429 or 5xx once
    the retries were spent. The ``openai`` error is ``__cause__``; its message starts with that
    error's type (``RateLimitError: ...``)."""

    def __init__(self, cause: BaseException, usage: Usage | None = None):
        lines = str(cause).strip().splitlines()
        super().__init__(f"{type(cause).__name__}: {lines[0][:300]}" if lines else type(cause).__name__)
        self.__cause__ = cause
        self.usage = usage if usage is not None else getattr(cause, "usage", None)
        self.status_code: int | None = getattr(cause, "status_code", None)

    @property
    def cause(self) -> BaseException:
        """The endpoint's own error (the ``openai`` exception)."""
        assert self.__cause__ is not None
        return self.__cause__


class LanguageDataError(ToolkitError, TypeError):
    """A language data module lacks a table its schema requires, or a table has the wrong type."""
