"""LLM-assisted summarisation and fact-checking of news, Arabic first, English too."""

from .mentions import find_mentions
from .checks import InputError, verify
from .models import Claim, Evidence, Mention, Span, VerificationReport

__all__ = ["verify", "find_mentions", "InputError", "Claim", "Evidence", "Mention", "Span", "VerificationReport"]
