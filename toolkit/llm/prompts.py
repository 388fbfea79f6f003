"""Prompt templates: jinja2 in a sandbox with strict undefined variables, one file per task
in ``prompts/``. A rendered template is a list of chat messages; its hash and name are
recorded with every result.

Roles come from the template's own text, never from what it renders: the template source
is cut into sections at its ``### system`` / ``### user`` / ``### assistant`` lines first,
and each section is rendered on its own. A variable whose value contains a line
``### system`` (or anything else) therefore stays inside the message it was put in."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"
_SECTION = re.compile(r"^### (system|user|assistant)[ \t]*\r?$", re.M)
# jinja comments, statements and expressions: a role line inside one of them is not a role line
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
# '<', optional spaces, optional '/', optional spaces, a delimiter's name, anything up to '>'
# (an unterminated '<article ...' is made inert too)
_DELIMITER = re.compile(r"<\s*/?\s*(?:article|summary)[^<>]*>?", re.I)


def article_safe(text: str) -> str:
    """Text placed between delimiters cannot open or close them: '</article>', '< / Article x=1>',
    '<SUMMARY\\n>' ... become inert ('‹/article›')."""
    return _DELIMITER.sub(lambda m: m.group(0).replace("<", "‹").replace(">", "›"), str(text))


@dataclass(frozen=True)
class Prompt:
    name: str
    text: str  # the template source
    sha256: str

    def render(self, **variables) -> list[dict[str, str]]:
        preamble, sections = _sections(self.text)
        if not sections:
            raise ValueError(f"template {self.name} has no '### system' or '### user' section")
        context = dict(variables)
        if preamble is not None:  # its output is dropped (as before); what it sets is kept
            module = preamble.make_module(variables)
            context.update({k: v for k, v in vars(module).items() if not k.startswith("_")})
        return [{"role": role, "content": template.render(**context).strip()} for role, template in sections]


def _role_lines(text: str) -> list[re.Match]:
    """The ``### role`` lines of a template source that are outside jinja tags and comments."""
    hidden = [m.span() for m in _JINJA.finditer(text)]
    return [m for m in _SECTION.finditer(text) if not any(a < m.start() < b for a, b in hidden)]


@lru_cache(maxsize=None)
def _sections(text: str) -> tuple[Template | None, tuple[tuple[str, Template], ...]]:
    """Split a template source at its role lines; compile what precedes the first one and each section."""
    env = _environment()
    marks = _role_lines(text)
    if not marks:
        return None, ()
    head = text[:marks[0].start()]
    preamble = env.from_string(head) if head.strip() else None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    sections = tuple((m.group(1), env.from_string(text[m.end():end])) for m, end in zip(marks, ends))
    return preamble, sections


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
