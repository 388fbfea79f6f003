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

from jinja2 import FileSystemLoader, StrictUndefined, Template, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import ConfigError
from ..resources import builtin_prompts_dir, prompt_dirs

# The built-in templates (shipped in the package: toolkit/data/prompts); a folder named by
# TOOLKIT_PROMPTS_DIR overrides them by file name (see toolkit.resources.prompt_dirs).
PROMPTS = builtin_prompts_dir()
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
    override: Path | None = None  # the file, when it came from TOOLKIT_PROMPTS_DIR (not the package)

    def render(self, **variables) -> list[dict[str, str]]:
        """The chat messages. A broken template from ``TOOLKIT_PROMPTS_DIR`` (a syntax error, an
        unknown variable, no role line) is a :class:`ConfigError` naming its file; in a built-in
        template the same faults are bugs, and raised as they are."""
        try:
            return self._render(variables)
        except (TemplateError, ValueError) as exc:
            if self.override is None:
                raise
            lines = str(exc).strip().splitlines()
            raise ConfigError(f"prompt template {self.override} (TOOLKIT_PROMPTS_DIR): {type(exc).__name__}"
                              + (f": {lines[0][:200]}" if lines else "")) from exc

    def _render(self, variables: dict) -> list[dict[str, str]]:
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


def _environment() -> SandboxedEnvironment:
    return _environment_for(prompt_dirs())


@lru_cache(maxsize=8)
def _environment_for(dirs: tuple[Path, ...]) -> SandboxedEnvironment:
    env = SandboxedEnvironment(loader=FileSystemLoader([str(d) for d in dirs]), undefined=StrictUndefined,
                               autoescape=False, keep_trailing_newline=True)
    env.filters["article_safe"] = article_safe
    return env


def load_prompt(name: str) -> Prompt:
    """The template ``name``: from ``TOOLKIT_PROMPTS_DIR`` when that folder has it, else the built-in one."""
    return _load_prompt(name, prompt_dirs())


@lru_cache(maxsize=None)
def _load_prompt(name: str, dirs: tuple[Path, ...]) -> Prompt:
    builtin = builtin_prompts_dir()
    for folder in dirs:
        path = folder / f"{name}.j2"
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8"
                raise ConfigError(f"cannot read prompt template {path}: {why}") from None
            return Prompt(name, text, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                          None if folder == builtin else path)
    raise ConfigError(f"no prompt template {name}.j2 in {' or '.join(str(d) for d in dirs)}")
