"""Structured extraction through the official ``openai`` client and instructor, against any
OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, a llama.cpp server).

Configured by the standard ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` and a model name
(``TOOLKIT_MODEL``). Transient faults (timeouts, connection errors, 429 honouring
``Retry-After``, 5xx) are retried by tenacity with exponential backoff and jitter; 400 and
401 never are. Invalid output is re-asked by instructor a bounded number of times, then
:class:`ExtractionError` carries the last raw output. Usage is summed over every response,
re-asks and retries included. A disk cache keyed by model, template hash, messages and
schema makes a repeated call free.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import instructor
import openai
from instructor.core import InstructorRetryException
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, wait_exponential_jitter

from .schemas import Run, Usage

T = TypeVar("T", bound=BaseModel)
RETRY_AFTER_CAP = 60.0  # seconds; a server asking for longer is answered with an error
MODES = {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA,
         "md_json": instructor.Mode.MD_JSON}


class ExtractionError(RuntimeError):
    """The model's output never validated; ``raw`` is its last answer."""

    def __init__(self, message: str, raw: str | None, usage: Usage):
        super().__init__(message)
        self.raw = raw
        self.usage = usage


class ConfigError(ValueError):
    """The endpoint or model is not configured."""


def default_cache_dir() -> Path:
    return Path(os.environ.get("TOOLKIT_CACHE_DIR") or Path.home() / ".cache" / "newscheck-toolkit")


def choose_mode(base_url: str | None, override: str | None = None) -> instructor.Mode:
    """Tool calls for OpenAI itself; a JSON schema response format for other servers."""
    name = override or os.environ.get("TOOLKIT_LLM_MODE")
    if name:
        if name not in MODES:
            raise ConfigError(f"unknown mode {name!r}: expected one of {', '.join(MODES)}")
        return MODES[name]
    if base_url is None or "api.openai.com" in base_url:
        return instructor.Mode.TOOLS
    return instructor.Mode.JSON_SCHEMA


def _status(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None)


def transient(exc: BaseException) -> bool:
    """Worth another try: timeouts, lost connections, 429, 5xx. Never 400 or 401."""
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    status = _status(exc)
    return status is not None and (status == 429 or status >= 500)


def _retry_after(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class _Wait:
    """Retry-After when the server sends one, else exponential backoff with jitter."""

    def __init__(self, initial: float, maximum: float):
        self.backoff = wait_exponential_jitter(multiplier=initial, max=maximum)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        after = _retry_after(_unwrap(exc)) if exc else None
        return min(after, RETRY_AFTER_CAP) if after is not None else self.backoff(state)


def _unwrap(exc: BaseException) -> BaseException:
    """instructor may wrap a transport error; retry decisions look at the cause."""
    seen = exc
    while isinstance(seen, InstructorRetryException) or (
            seen.__cause__ is not None and not isinstance(seen, openai.APIError)):
        if seen.__cause__ is None:
            break
        seen = seen.__cause__
    return seen


@dataclass
class LLMClient:
    """One configured endpoint and model; ``extract`` fills a pydantic model."""

    model: str
    base_url: str | None = None
    api_key: str | None = None
    mode: str | None = None
    max_reasks: int = 2
    max_attempts: int = 4  # transport attempts
    timeout: float = 120.0
    cache: bool = True
    cache_dir: Path = field(default_factory=default_cache_dir)
    backoff_initial: float = 0.5
    backoff_max: float = 20.0
    max_tokens: int | None = 1024
    backend: str = "openai"
    http_client: object | None = None  # an httpx or httpx2 client, e.g. with a test transport
    cache_only: bool = False  # replay recorded answers; a request not in the cache is an error

    def __post_init__(self) -> None:
        if self.cache_only:  # never reaches a network
            self.base_url, self.api_key, self.cache = "http://replay.invalid/v1", "replay", True
        self.base_url = self.base_url or os.environ.get("OPENAI_BASE_URL") or None
        self.api_key = self.api_key or os.environ.get("OPENAI_API_KEY")
        if not self.api_key:
            if self.base_url is None:
                raise ConfigError("no endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for other servers)")
            self.api_key = "not-needed"  # local servers take any key
        # openai's own retries are off: tenacity does them, and counts them.
        raw = openai.OpenAI(api_key=self.api_key, base_url=self.base_url, timeout=self.timeout, max_retries=0,
                            http_client=self.http_client)
        self._mode = choose_mode(self.base_url, self.mode)
        self._client = instructor.from_openai(raw, mode=self._mode)

    def _key(self, messages, schema: type[BaseModel], template_hash: str | None) -> str:
        blob = json.dumps({"model": self.model, "template": template_hash, "messages": messages,
                           "schema": schema.model_json_schema()}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def extract(self, schema: type[T], messages: list[dict], *, template: str | None = None,
                template_hash: str | None = None, temperature: float = 0.0) -> tuple[T, Run]:
        run = Run(backend=self.backend, model=self.model, template=template, template_hash=template_hash)
        key = self._key(messages, schema, template_hash)
        path = self.cache_dir / key[:2] / f"{key}.json"
        if self.cache and path.exists():
            cached = json.loads(path.read_text(encoding="utf-8"))
            run.cached = True
            return schema.model_validate(cached["output"]), run
        if self.cache_only:
            raise ConfigError(f"no recorded answer of {self.model} for this {template or 'request'} in "
                              f"{self.cache_dir}: record it against a live endpoint first")

        usage = Usage()
        last_raw: list[str | None] = [None]

        def count(response) -> None:  # every raw response, re-asks included
            nonlocal usage
            u = getattr(response, "usage", None)
            usage = usage.add(Usage(prompt_tokens=getattr(u, "prompt_tokens", 0) or 0,
                                    completion_tokens=getattr(u, "completion_tokens", 0) or 0,
                                    total_tokens=getattr(u, "total_tokens", 0) or 0, requests=1))
            try:
                choice = response.choices[0].message
                last_raw[0] = choice.content or json.dumps(
                    [c.function.arguments for c in (choice.tool_calls or [])], ensure_ascii=False)
            except (AttributeError, IndexError):
                pass

        self._client.on("completion:response", count)
        try:
            for attempt in Retrying(stop=stop_after_attempt(self.max_attempts),
                                    wait=_Wait(self.backoff_initial, self.backoff_max),
                                    retry=retry_if_exception(lambda e: transient(_unwrap(e))), reraise=True):
                with attempt:
                    kwargs = {"max_tokens": self.max_tokens} if self.max_tokens else {}
                    output = self._client.chat.completions.create(
                        model=self.model, messages=messages, response_model=schema, max_retries=self.max_reasks,
                        temperature=temperature, **kwargs)
        except Exception as exc:
            cause = _unwrap(exc)
            run.usage = usage
            if isinstance(cause, openai.APIError):
                raise cause from None  # the endpoint's own error (401, 400, or retries spent)
            raise ExtractionError(f"the model's output did not validate as {schema.__name__} after "
                                  f"{self.max_reasks + 1} attempts: {str(exc).splitlines()[0][:200]}",
                                  last_raw[0], usage) from exc
        finally:
            self._client.off("completion:response", count)
        run.usage = usage
        if self.cache:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"output": output.model_dump(mode="json"), "run": run.model_dump(mode="json")},
                                      ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)  # atomic: a crash never leaves half a cache entry
        return output, run
