"""LLM-assisted summarisation and fact-checking of news, Arabic first, English too.

The public names are imported on first use (PEP 562), so ``import toolkit`` and the
command line start fast and an interrupt during start-up is handled by ``toolkit.cli.main``.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it)

# The library logs (retries, cache hits, backend choice, skipped suites) under "toolkit.*" and
# prints nothing unless the application configures logging; the command line shows its
# warnings, and INFO with -v.
logging.getLogger(__name__).addHandler(logging.NullHandler())

_EXPORTS = {
    "verify": ".checks", "find_mentions": ".mentions", "summarize": ".pipeline", "extract_claims": ".pipeline",
    "fact_check": ".pipeline", "afact_check": ".pipeline", "asummarize": ".pipeline", "fact_check_many": ".pipeline",
    "render_html": ".report", "render_markdown": ".report",
    "ToolkitError": ".errors", "InputError": ".errors", "ConfigError": ".errors", "ExtractionError": ".errors",
    "EndpointError": ".errors", "LLMClient": ".llm.client", "Settings": ".settings", "get_settings": ".settings",
    "AtomicClaim": ".llm.schemas", "CheckedClaim": ".llm.schemas", "ClaimList": ".llm.schemas", "Run": ".llm.schemas",
    "Summary": ".llm.schemas", "SummarySentence": ".llm.schemas", "Usage": ".llm.schemas",
    "Claim": ".models", "Evidence": ".models", "FactCheckResult": ".models", "Mention": ".models", "Span": ".models",
    "VerificationReport": ".models",
}

__all__ = ["verify", "find_mentions", "summarize", "extract_claims", "fact_check", "afact_check", "asummarize",
           "fact_check_many", "render_html", "render_markdown", "ToolkitError", "InputError", "ConfigError",
           "ExtractionError", "EndpointError", "LLMClient", "Settings", "get_settings", "AtomicClaim", "CheckedClaim", "ClaimList", "Run", "Summary", "SummarySentence", "Usage",
           "Claim", "Evidence", "FactCheckResult", "Mention", "Span", "VerificationReport"]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    from .errors import ConfigError, EndpointError, ExtractionError, InputError, ToolkitError
    from .llm.client import LLMClient
    from .settings import Settings, get_settings
    from .llm.schemas import AtomicClaim, CheckedClaim, ClaimList, Run, Summary, SummarySentence, Usage
    from .models import Claim, Evidence, FactCheckResult, Mention, Span, VerificationReport
    from .checks import verify
    from .mentions import find_mentions
    from .pipeline import afact_check, asummarize, extract_claims, fact_check, fact_check_many, summarize
    from .report import render_html, render_markdown
