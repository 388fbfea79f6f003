"""LLM-assisted summarisation and fact-checking of news, Arabic first, English too."""

from .checks import InputError, verify
from .mentions import find_mentions
from .models import Claim, Evidence, FactCheckResult, Mention, Span, VerificationReport
from .llm.client import ConfigError, ExtractionError, LLMClient
from .llm.schemas import AtomicClaim, CheckedClaim, ClaimList, Run, Summary, SummarySentence, Usage
from .pipeline import afact_check, asummarize, extract_claims, fact_check, fact_check_many, summarize
from .report import render_html, render_markdown

__all__ = ["verify", "find_mentions", "summarize", "extract_claims", "fact_check", "afact_check", "asummarize",
           "fact_check_many", "render_html", "render_markdown", "InputError", "ConfigError", "ExtractionError",
           "LLMClient", "AtomicClaim", "CheckedClaim", "ClaimList", "Run", "Summary", "SummarySentence", "Usage",
           "Claim", "Evidence", "FactCheckResult", "Mention", "Span", "VerificationReport"]
