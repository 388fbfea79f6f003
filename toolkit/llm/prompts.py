"""Prompt templates: jinja2 in a sandbox with strict undefined variables, one file per task
in ``prompts/``. A rendered template is a list of chat messages; its hash and name are
recorded with every result."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"
_SECTION = re.compile(r"^### (system|user|assistant)\s*$", re.M)


def article_safe(text: str) -> str:
    """Text placed between delimiters cannot close them: '</article>' becomes inert."""
    return re.sub(r"</?\s*(article|summary)\s*>", lambda m: m.group(0).replace("<", "‹").replace(">", "›"),
                  str(text), flags=re.I)


@dataclass(frozen=True)
class Prompt:
    name: str
    text: str  # the template source
    sha256: str

    def render(self, **variables) -> list[dict[str, str]]:
        rendered = _environment().from_string(self.text).render(**variables)
        parts = _SECTION.split(rendered)
        messages = [{"role": role, "content": body.strip()} for role, body in zip(parts[1::2], parts[2::2])]
        if not messages:
            raise ValueError(f"template {self.name} has no '### system' or '### user' section")
        return messages


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(loader=FileSystemLoader(PROMPTS), undefined=StrictUndefined,
                               autoescape=False, keep_trailing_newline=True)
    env.filters["article_safe"] = article_safe
    return env


@lru_cache(maxsize=None)
def load_prompt(name: str) -> Prompt:
    path = PROMPTS / f"{name}.j2"
    text = path.read_text(encoding="utf-8")
    return Prompt(name, text, hashlib.sha256(text.encode("utf-8")).hexdigest())
