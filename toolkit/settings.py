"""The toolkit's settings: one frozen object, read from the environment in one place.

Every environment variable the toolkit reads is read here, parsed and checked once, into a
:class:`Settings`; the library and the command line both ask :func:`get_settings` for it (the
command line once, at start, so a bad value is one ``toolkit: error:`` line and exit 2 before
anything runs). An empty variable counts as unset. A bad value is a :class:`ConfigError`
naming the variable (``TOOLKIT_MAX_SOURCE_CHARS``, a limit on input, an :class:`InputError`).

The object is built on first use and kept; it is built again only when one of the variables
below changes (a program or a test that sets ``os.environ`` after the first call is heard; a
process that does not change them reads them once). Arguments always win over settings:
``LLMClient(timeout=5)``, ``fact_check(..., model=...)``, ``--max-chars``.

=========================== ======================= ==========================================
Variable                    Setting                 Default
=========================== ======================= ==========================================
``OPENAI_BASE_URL``         ``base_url``            OpenAI's API (an http(s) URL otherwise)
``OPENAI_API_KEY``          ``api_key``             none (a local server needs none)
``TOOLKIT_MODEL``           ``model``               ``gpt-4o-mini`` (openai backend)
``TOOLKIT_LLM_MODE``        ``mode``                tool calls for OpenAI, a JSON schema otherwise
``TOOLKIT_CACHE_DIR``       ``cache_dir``           ``$XDG_CACHE_HOME/newscheck-toolkit``, else
                                                    ``~/.cache/newscheck-toolkit``
``TOOLKIT_TIMEOUT``         ``timeout``             120 s (a local llama.cpp model: 900 s)
``TOOLKIT_CONNECT_TIMEOUT`` ``connect_timeout``     10 s
``TOOLKIT_DEADLINE``        ``deadline``            300 s per model call, retries included
                                                    (a local llama.cpp model: 2700 s)
``TOOLKIT_RETRIES``         ``retries``             3 (transient endpoint faults; 0: none)
``TOOLKIT_GGUF``            ``gguf``                the small Gemma model of the local extra
``TOOLKIT_MAX_SOURCE_CHARS`` ``max_source_chars``   1,000,000 characters
``TOOLKIT_PROMPTS_DIR``     ``prompts_dir``         none (the built-in prompt templates)
``TOOLKIT_DATASETS``        ``datasets``            ``../shared/datasets`` beside a checkout
``TOOLKIT_PROGRESS``        ``progress``            on (a status line, on a terminal only); 0 off
=========================== ======================= ==========================================

This module imports only the standard library and :mod:`toolkit.errors`.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError, InputError

__all__ = ["Settings", "get_settings", "ENVIRONMENT", "MODES", "APP_NAME"]

APP_NAME = "newscheck-toolkit"  # the cache folder's name
MODES = ("tools", "json_schema", "md_json")  # instructor's modes, by the names TOOLKIT_LLM_MODE takes
DEFAULT_RETRIES = 3

# setting -> environment variable, in the order of the table above
ENVIRONMENT: dict[str, str] = {
    "base_url": "OPENAI_BASE_URL", "api_key": "OPENAI_API_KEY", "model": "TOOLKIT_MODEL",
    "mode": "TOOLKIT_LLM_MODE", "cache_dir": "TOOLKIT_CACHE_DIR", "timeout": "TOOLKIT_TIMEOUT",
    "connect_timeout": "TOOLKIT_CONNECT_TIMEOUT", "deadline": "TOOLKIT_DEADLINE", "retries": "TOOLKIT_RETRIES",
    "gguf": "TOOLKIT_GGUF", "max_source_chars": "TOOLKIT_MAX_SOURCE_CHARS", "prompts_dir": "TOOLKIT_PROMPTS_DIR",
    "datasets": "TOOLKIT_DATASETS", "progress": "TOOLKIT_PROGRESS",
}
# also read, for the default cache folder
_CACHE_BASE = ("XDG_CACHE_HOME", "HOME")

def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME/newscheck-toolkit`` when ``XDG_CACHE_HOME`` is an absolute path (the
    XDG base directory rule: a relative one is ignored), else ``~/.cache/newscheck-toolkit``.

    Written by hand rather than with ``platformdirs``: it is not a dependency of the toolkit (nor
    installed beside it), and ``platformdirs`` would move the cache of macOS and Windows users
    (to ``~/Library/Caches``, ``%LOCALAPPDATA%``) away from where earlier versions kept it; on
    Linux both give this same folder."""
    env = os.environ if environ is None else environ
    xdg = (env.get("XDG_CACHE_HOME") or "").strip()
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / APP_NAME
    home = (env.get("HOME") or "").strip()
    return (Path(home) if home else Path.home()) / ".cache" / APP_NAME


def _text(name: str, raw: str) -> str:
    return raw


def _url(name: str, raw: str) -> str:
    if not raw.lower().startswith(("http://", "https://")):
        raise ConfigError(f"{name}={raw!r} is not an http:// or https:// URL")
    return raw


def _mode(name: str, raw: str) -> str:
    if raw not in MODES:
        raise ConfigError(f"{name}={raw!r} is not a mode: expected one of {', '.join(MODES)}")
    return raw


def _path(name: str, raw: str) -> Path:
    return Path(raw).expanduser()


def _seconds(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        raise ConfigError(f"{name}={raw!r} is not a number of seconds greater than 0")
    return value


def _count(name: str, raw: str) -> int:
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(f"{name}={raw!r} is not a whole number of at least 0")
    return value


def _chars(name: str, raw: str) -> int:
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = 0
    if value < 1:  # a limit on input: an InputError, as it always was
        raise InputError(f"{name}={raw!r} is not a whole number of characters of at least 1")
    return value


_ON, _OFF = ("1", "true", "yes", "on", "auto"), ("0", "false", "no", "off")


def _switch(name: str, raw: str) -> bool:
    if raw.lower() in _OFF:
        return False
    if raw.lower() in _ON:
        return True
    raise ConfigError(f"{name}={raw!r} is not on or off: expected 1 or 0")


_PARSERS: dict[str, Callable[[str, str], object]] = {
    "base_url": _url, "api_key": _text, "model": _text, "mode": _mode, "cache_dir": _path, "timeout": _seconds,
    "connect_timeout": _seconds, "deadline": _seconds, "retries": _count, "gguf": _text, "max_source_chars": _chars,
    "prompts_dir": _path, "datasets": _path, "progress": _switch,
}


@dataclass(frozen=True)
class Settings:
    """What the environment configures (see the module's table). ``None`` means unset: the
    caller's default applies (a hosted and a local model have different timeouts)."""

    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    model: str | None = None
    mode: str | None = None
    cache_dir: Path = field(default_factory=default_cache_dir)
    timeout: float | None = None
    connect_timeout: float | None = None
    deadline: float | None = None
    retries: int = DEFAULT_RETRIES
    gguf: str | None = None
    max_source_chars: int | None = None
    prompts_dir: Path | None = None
    datasets: Path | None = None
    progress: bool = True

    @property
    def endpoint_configured(self) -> bool:
        """Whether a model endpoint is configured (``OPENAI_API_KEY`` or ``OPENAI_BASE_URL``): the
        default backend is then ``openai``, else ``extractive``."""
        return bool(self.api_key or self.base_url)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read and check every setting from ``environ`` (default: ``os.environ``)."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for name, variable in ENVIRONMENT.items():
            raw = (env.get(variable) or "").strip()
            if raw:
                values[name] = _PARSERS[name](variable, raw)
        if "cache_dir" not in values:
            values["cache_dir"] = default_cache_dir(env)
        return cls(**values)  # type: ignore[arg-type]  # each value parsed to its field's type above


_one: dict[str, tuple[str | None, object]] = {}


def get_setting(name: str) -> object:
    """One setting of :class:`Settings`, read from its one variable (``None`` when unset): for the
    hot paths that need one limit per call, where reading every variable would cost more than the
    work (a short text's ``find_mentions``). Raises as :func:`get_settings` does for that variable."""
    variable = ENVIRONMENT[name]
    raw = os.environ.get(variable)
    hit = _one.get(name)
    if hit is not None and hit[0] == raw:
        return hit[1]
    text = (raw or "").strip()
    value = _PARSERS[name](variable, text) if text else None
    _one[name] = (raw, value)
    return value


def _snapshot(environ: Mapping[str, str]) -> tuple[str | None, ...]:
    return tuple(environ.get(v) for v in (*ENVIRONMENT.values(), *_CACHE_BASE))


_lock = threading.Lock()
_current: tuple[tuple[str | None, ...], Settings] | None = None


def get_settings() -> Settings:
    """The settings of this process: read from the environment on first use, read again only when
    one of the variables changed. Raises :class:`ConfigError` (or :class:`InputError` for
    ``TOOLKIT_MAX_SOURCE_CHARS``) naming the first bad variable."""
    global _current
    key = _snapshot(os.environ)
    with _lock:
        if _current is None or _current[0] != key:
            _current = (key, Settings.from_env(os.environ))
        return _current[1]
