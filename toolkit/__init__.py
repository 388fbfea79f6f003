"""LLM-assisted summarisation and fact-checking of news, Arabic first, English too."""

from .checks import InputError, verify
from .mentions import find_mentions
from .models import Claim, Evidence, FactCheckResult, Mention, Span, VerificationReport
from .pipeline import fact_check
from .report import render_html, render_markdown

__all__ = ["verify", "find_mentions", "fact_check", "render_html", "render_markdown", "InputError",
           "Claim", "Evidence", "FactCheckResult", "Mention", "Span", "VerificationReport"]
