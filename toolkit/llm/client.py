"""Structured extraction through the official ``openai`` client and instructor, against any
OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, a llama.cpp server).

Configured by the standard ``OPENAI_API_KEY`` and ``OPENAI_BASE_URL`` and a model name
(``TOOLKIT_MODEL``). Transient faults (timeouts, connection errors, 429 honouring
``Retry-After``, 5xx) are retried by tenacity with exponential backoff and jitter; 400 and
401 never are. Invalid output is re-asked by instructor a bounded number of times, then
:class:`ExtractionError` carries the last raw output. Usage is summed over every response,
re-asks and retries included: every HTTP attempt counts as a request, a failed one with no
tokens. A server asking to wait longer than ``RETRY_AFTER_CAP`` is not retried: its error is
raised at once. Each request has a read ``timeout`` and a ``connect_timeout``; one ``extract``
call, retries included, ends by its ``deadline``. What is not given comes from the settings
(:mod:`toolkit.settings`: ``OPENAI_BASE_URL``, ``OPENAI_API_KEY``, ``TOOLKIT_LLM_MODE``,
``TOOLKIT_CACHE_DIR``, ``TOOLKIT_TIMEOUT``, ``TOOLKIT_CONNECT_TIMEOUT``, ``TOOLKIT_DEADLINE``,
``TOOLKIT_RETRIES``).

A disk cache keyed by model, template hash, messages and schema, and by the endpoint, mode,
temperature and max tokens (:meth:`LLMClient.cache_key`: switching servers never replays another
server's answer) makes a repeated call free. The endpoint in the key is its base URL, except for a
local llama.cpp server, which listens on a new port each run: ``llamacpp:<model name>``. It
is safe to share between threads and processes: each writer writes its own temporary file and
renames it into place (the last writer wins; the answers are the same). An entry that cannot be
read or does not validate is logged, removed and asked again (in replay it is an error naming
the file); a cache that cannot be written is logged and the answer is still returned.

A ``context`` (what the request asked for: language, sentence bound, number of source
sentences, the passage a judge read) is handed to the response model's validators on every
attempt and on every cached answer, so a broken rule is re-asked with its message, and an
answer that breaks one is never served from the cache. When the re-asks are spent,
:class:`ExtractionError` names the rule (``.rule``).

An ``endpoint`` callable makes the client lazy: nothing is started or connected until a call
misses the cache (a local llama.cpp server is started only then). While a model works, one
status line on a terminal's stderr shows the elapsed time and tokens (``toolkit.llm.progress``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import math
import os
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, TypeVar, cast

import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException, ResponseParsingError
from instructor.core.hooks import Hooks
from pydantic import BaseModel, ValidationError
from tenacity import (RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_before_delay,
                      wait_exponential_jitter)

from ..errors import ConfigError, EndpointError, ExtractionError  # noqa: F401  (defined there; re-exported here)
from ..settings import MODES as MODE_NAMES, get_settings
from . import progress
from .schemas import RULES, Run, Usage

T = TypeVar("T", bound=BaseModel)
logger = logging.getLogger(__name__)
RETRY_AFTER_CAP = 60.0  # seconds; a server asking for longer is answered with an error
DEFAULT_TIMEOUT = 120.0  # seconds to wait for a response once connected (TOOLKIT_TIMEOUT)
DEFAULT_CONNECT_TIMEOUT = 10.0  # seconds to connect (TOOLKIT_CONNECT_TIMEOUT)
DEFAULT_BASE_URL = "https://api.openai.com/v1"  # what the openai client uses when no base URL is set
DEFAULT_DEADLINE = 300.0  # seconds for one extract call, retries included (TOOLKIT_DEADLINE)
MODES = {"tools": instructor.Mode.TOOLS, "json_schema": instructor.Mode.JSON_SCHEMA,
         "md_json": instructor.Mode.MD_JSON}
assert tuple(MODES) == MODE_NAMES  # the names TOOLKIT_LLM_MODE takes (toolkit.settings)



# what a model's answer that never validated raises inside instructor: anything else is a bug
_ANSWER_ERRORS: tuple[type[BaseException], ...] = (ValidationError, json.JSONDecodeError, ResponseParsingError,
                                                    IncompleteOutputException)


def _answer_failed(exc: BaseException) -> bool:
    """Whether instructor's exception says the model's answer never validated (or was cut off), and
    not that a programming error (a TypeError in a validator, say) broke the call: instructor wraps
    both in its retry exception, the cause tells them apart."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, _ANSWER_ERRORS):
            return True
        if not isinstance(seen, InstructorRetryException):
            return False
        if seen.__cause__ is None:  # a retry exception of its own (a token budget spent): judge its attempts
            return bool(getattr(seen, "failed_attempts", None))
        seen = seen.__cause__
    return False


def _broken_rule(exc: BaseException) -> tuple[str | None, str | None]:
    """The rule and message of the last failed attempt's validation error, if it was one of ours."""
    attempts = getattr(exc, "failed_attempts", None) or []
    seen = [a.exception for a in attempts if getattr(a, "exception", None) is not None] or [exc]
    last = seen[-1]
    errors = getattr(last, "errors", None)
    if callable(errors):
        try:
            for e in errors():
                if e.get("type") in RULES:
                    return e["type"], str(e.get("msg", ""))
        except Exception:  # noqa: BLE001 — not a pydantic error after all
            pass
    return None, None



def default_cache_dir() -> Path:
    """``TOOLKIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/newscheck-toolkit``, else ``~/.cache/newscheck-toolkit``."""
    return get_settings().cache_dir


def choose_mode(base_url: str | None, override: str | None = None) -> instructor.Mode:
    """Tool calls for OpenAI itself; a JSON schema response format for other servers
    (``override``, else ``TOOLKIT_LLM_MODE``, decides when given)."""
    name = override or get_settings().mode
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
    """Seconds the server asks to wait: ``Retry-After`` as seconds or as an HTTP date."""
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None


def _asks_too_long(exc: BaseException) -> float | None:
    """The wait a server asks for when it is over ``RETRY_AFTER_CAP`` (not worth retrying)."""
    after = _retry_after(exc)
    return after if after is not None and after > RETRY_AFTER_CAP else None


def _retryable(exc: BaseException) -> bool:
    cause = _unwrap(exc)
    return transient(cause) and _asks_too_long(cause) is None


def _not_retried(exc: openai.APIError) -> openai.APIError:
    """The endpoint's error, its message saying why it was not retried when the wait was too long."""
    after = _asks_too_long(exc)
    if after is None or not isinstance(exc, openai.APIStatusError):
        return exc
    message = (f"{exc.message} (not retried: the server asked to wait {after:g} s, "
               f"more than the {RETRY_AFTER_CAP:g} s cap)")
    try:
        return type(exc)(message, response=exc.response, body=exc.body)
    except Exception:  # an unexpected constructor: keep the instance, change its message
        exc.message, exc.args = message, (message,)
        return exc


def _seconds(name: str, value: object, setting: float | None, default: float) -> float:
    """A positive number of seconds: the argument, else the setting (checked when read), else the default."""
    if value is None:
        return default if setting is None else setting
    try:
        seconds = float(value)  # type: ignore[arg-type]  # anything a caller passes; checked here
    except (TypeError, ValueError):
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise ConfigError(f"{name}={value!r} is not a number of seconds greater than 0")
    return seconds


@functools.cache
def _file_mode() -> int:
    """What a plain open() would give a new file (mkstemp makes it 0600): 0666 less the umask."""
    umask = 0o022
    with suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                umask = int(line.split()[1], 8)
    return 0o666 & ~umask


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


class _Wait:
    """Retry-After when the server sends one, else exponential backoff with jitter."""

    def __init__(self, initial: float, maximum: float):
        self.backoff = wait_exponential_jitter(multiplier=initial, max=maximum)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        after = _retry_after(_unwrap(exc)) if exc else None
        return min(after, RETRY_AFTER_CAP) if after is not None else self.backoff(state)


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    logger.info("attempt %d failed (%s): retrying in %.1f s", state.attempt_number,
                _first_line(_unwrap(exc)) if exc else "no answer", wait)


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
    max_attempts: int | None = None  # transport attempts; TOOLKIT_RETRIES + 1, else 4
    timeout: float | None = None  # read timeout of one request; TOOLKIT_TIMEOUT, else 120 s
    cache: bool = True
    cache_dir: Path | None = None  # TOOLKIT_CACHE_DIR, else $XDG_CACHE_HOME/newscheck-toolkit, else ~/.cache/...
    backoff_initial: float = 0.5
    backoff_max: float = 20.0
    max_tokens: int | None = 1024
    backend: str = "openai"
    http_client: Any = None  # an httpx or httpx2 client, e.g. with a test transport
    cache_only: bool = False  # replay recorded answers; a request not in the cache is an error
    connect_timeout: float | None = None  # TOOLKIT_CONNECT_TIMEOUT, else 10 s
    deadline: float | None = None  # one extract call, retries included; TOOLKIT_DEADLINE, else 300 s
    endpoint: Callable[[], str] | None = None  # lazy: gives base_url on the first cache miss (starts a server)
    probe: Callable[[], tuple[int, int, int] | None] | None = None  # live token counts for the status line
    record_failures: bool = False  # also store output that never validated, for replay (eval recordings)
    endpoint_id: str | None = None  # the endpoint in the cache key; default: see _endpoint_identity

    def __post_init__(self) -> None:
        settings = get_settings()  # read once here: a client keeps what it was made with
        self.timeout = _seconds("timeout", self.timeout, settings.timeout, DEFAULT_TIMEOUT)
        self.connect_timeout = _seconds("connect_timeout", self.connect_timeout, settings.connect_timeout,
                                        DEFAULT_CONNECT_TIMEOUT)
        self.deadline = _seconds("deadline", self.deadline, settings.deadline, DEFAULT_DEADLINE)
        if self.max_attempts is None:
            self.max_attempts = settings.retries + 1
        self.cache_dir = Path(self.cache_dir) if self.cache_dir is not None else settings.cache_dir
        self.base_url = self.base_url or settings.base_url
        self.api_key = self.api_key or settings.api_key
        self.mode = self.mode or settings.mode
        self._client: instructor.Instructor | None = None
        self._connecting = threading.Lock()
        # what the cache key names, fixed before a replay client forgets its endpoint (below)
        self.endpoint_id = self.endpoint_id or self._endpoint_identity()
        self._key_mode = self._mode_name()
        if self.cache_only:  # never reaches a network
            self.base_url, self.api_key, self.cache, self.endpoint = "http://replay.invalid/v1", "replay", True, None
        if self.endpoint is None:
            self._connect()

    def _endpoint_identity(self) -> str:
        """The endpoint as the cache key names it: a local llama.cpp server (a new port each run) or a
        lazy endpoint by backend and model, ``llamacpp:<model name>``; any other by its base URL."""
        if self.backend == "llamacpp" or self.endpoint is not None:
            return f"{self.backend}:{self.model}"
        return (self.base_url or DEFAULT_BASE_URL).rstrip("/")

    def _mode_name(self) -> str:
        """The mode the answers are (or will be) asked in, without connecting: as :func:`choose_mode`."""
        if self.mode:
            return self.mode
        local = self.backend == "llamacpp" or self.endpoint is not None  # a server of ours, never OpenAI
        mode = choose_mode("http://127.0.0.1/v1" if local else self.base_url, None)
        return next(name for name, value in MODES.items() if value == mode)

    def cache_key(self, messages: list[dict], schema: type[BaseModel], template_hash: str | None, *,
                  temperature: float = 0.0, max_tokens: int | None = None) -> str:
        """The answer cache's key of one request (``max_tokens`` as sent: None or 0 sends none)."""
        blob = json.dumps({"model": self.model, "template": template_hash, "messages": messages,
                           "schema": schema.model_json_schema(), "endpoint": self.endpoint_id,
                           "mode": self._key_mode, "temperature": temperature, "max_tokens": max_tokens or None},
                          sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    @property
    def connected(self) -> bool:
        """Whether an endpoint has been set up (a lazy client connects on its first cache miss)."""
        return self._client is not None

    def _connect(self) -> None:
        if self.endpoint is not None:
            self.base_url = self.endpoint()
        if not self.api_key:
            if self.base_url is None:
                raise ConfigError("no endpoint configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for other servers)")
            self.api_key = "not-needed"  # local servers take any key
        # openai's own retries are off: tenacity does them, and counts them.
        # (openai's own Timeout type: openai speaks httpx2, and converts it for a plain httpx client)
        try:
            raw = openai.OpenAI(api_key=self.api_key, base_url=self.base_url, max_retries=0,
                                timeout=openai.Timeout(self.timeout, connect=self.connect_timeout),
                                http_client=self.http_client)
        except Exception as exc:  # openai's own errors, or its HTTP library's InvalidURL: the endpoint is wrong
            if not (isinstance(exc, openai.OpenAIError) or type(exc).__name__ == "InvalidURL"):
                raise
            raise ConfigError(f"cannot use the endpoint {self.base_url!r}: {_first_line(exc)}") from exc
        self._mode = choose_mode(self.base_url, self.mode)
        self._client = instructor.from_openai(raw, mode=self._mode)

    def _load(self, path: Path, schema: type[T], context: dict | None = None) -> T | None:
        """The cached answer, or None for a miss; an entry that is unreadable or invalid is removed."""
        problem: Exception
        try:
            text = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, ValueError) as exc:  # unreadable, or not UTF-8
            problem = exc
        else:
            try:
                data = json.loads(text)
                if isinstance(data, dict) and "failure" in data and "output" not in data:
                    self._recorded_failure(data["failure"])  # raises, for a replaying or recording client
                    return None
                return schema.model_validate(data["output"], context=context)
            except (ValueError, KeyError, TypeError) as exc:  # empty, truncated, garbage, or another schema
                problem = exc
        if self.cache_only:
            raise ConfigError(f"the recorded answer {path} is unreadable or invalid ({_first_line(problem)}): "
                              f"delete it and record it again against a live endpoint")
        logger.warning("cache entry %s is unreadable or invalid (%s): removed, asking the model again",
                       path, _first_line(problem))
        with suppress(OSError):
            path.unlink()
        return None

    def _recorded_failure(self, failure: dict) -> None:
        """A recorded failure (output that never validated): raised again in replay and by the
        recording client itself, so that a replay tells a model's failure from a lost recording;
        any other client asks the model again."""
        if not (self.cache_only or self.record_failures):
            return None
        raise ExtractionError(str(failure["message"]), failure.get("raw"), Usage(), failure.get("rule"))

    def _store(self, path: Path, text: str) -> None:
        """Write a cache entry: a temporary file of this writer's own, then an atomic rename."""
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            with suppress(OSError):
                os.chmod(tmp, _file_mode())
            os.replace(tmp, path)  # atomic: readers see the old entry or the new, never half of one
            tmp = None
        except OSError as exc:
            logger.warning("answer not cached: cannot write %s (%s)", path, _first_line(exc))
        finally:
            if tmp is not None:
                with suppress(OSError):
                    os.unlink(tmp)

    def _limits(self) -> tuple[Path, float, float, float, int]:
        """cache folder, timeout, connect timeout, deadline, attempts: as ``__post_init__`` resolved them."""
        assert self.cache_dir is not None and self.timeout is not None and self.connect_timeout is not None
        assert self.deadline is not None and self.max_attempts is not None
        return self.cache_dir, self.timeout, self.connect_timeout, self.deadline, self.max_attempts

    def extract(self, schema: type[T], messages: list[dict], *, template: str | None = None,
                template_hash: str | None = None, temperature: float = 0.0,
                context: dict | None = None, max_reasks: int | None = None,
                max_tokens: int | None = None) -> tuple[T, Run]:
        """Fill ``schema`` from the model's answer to ``messages`` (the cache first); ``context``
        goes to the schema's validators (see the module's docstring); ``max_reasks`` and
        ``max_tokens`` override the client's for this call."""
        run = Run(backend=self.backend, model=self.model, template=template, template_hash=template_hash)
        max_tokens = self.max_tokens if max_tokens is None else max_tokens
        key = self.cache_key(messages, schema, template_hash, temperature=temperature, max_tokens=max_tokens)
        path = self._limits()[0] / key[:2] / f"{key}.json"
        if self.cache:
            cached = self._load(path, schema, context)
            if cached is not None:
                run.cached = True
                logger.info("cache hit: %s answer of %s from %s", template or schema.__name__, self.model, path)
                return cached, run
        if self.cache_only:
            raise ConfigError(f"no recorded answer of {self.model} for this {template or 'request'} in "
                              f"{self.cache_dir}: record it against a live endpoint first")
        if self._client is None:
            with self._connecting:  # a lazy client: the model is started only now, on a miss, once
                if self._client is None:
                    self._connect()
        with progress.working(template or schema.__name__, self.model, self.probe) as status:
            return self._ask(schema, messages, run, path, temperature, context, status,
                             self.max_reasks if max_reasks is None else max_reasks, max_tokens)

    def _ask(self, schema: type[T], messages: list[dict], run: Run, path: Path, temperature: float,
             context: dict | None, status: progress.Call, reasks: int, max_tokens: int | None) -> tuple[T, Run]:
        usage = Usage()
        last_raw: list[str | None] = [None]
        malformed = [False]  # the endpoint answered something that is not a chat completion

        def count(response) -> None:  # every raw response, re-asks included
            nonlocal usage
            u = getattr(response, "usage", None)
            usage = usage.add(Usage(prompt_tokens=getattr(u, "prompt_tokens", 0) or 0,
                                    completion_tokens=getattr(u, "completion_tokens", 0) or 0,
                                    total_tokens=getattr(u, "total_tokens", 0) or 0, requests=1))
            status.add(getattr(u, "completion_tokens", 0) or 0)
            try:
                choice = response.choices[0].message
                last_raw[0] = choice.content or json.dumps(
                    [c.function.arguments for c in (choice.tool_calls or [])], ensure_ascii=False)
            except (AttributeError, IndexError, TypeError):  # not a chat completion at all
                malformed[0] = True

        def failed(error, **_) -> None:  # an HTTP attempt without an answer: a request, no tokens
            nonlocal usage
            if isinstance(error, openai.APIError):
                usage = usage.add(Usage(requests=1))

        # instructor turns an exception in a hook into a warning: a bug in ours is kept and raised
        hook_errors: list[Exception] = []

        def kept(handler: Callable[..., None]) -> Callable[..., None]:
            @functools.wraps(handler)
            def call(*args, **kwargs) -> None:
                try:
                    handler(*args, **kwargs)
                except Exception as exc:
                    hook_errors.append(exc)
            return call

        # hooks of this call only: concurrent calls on one client must not count each other's responses
        hooks = Hooks()
        hooks.on("completion:response", kept(count))
        hooks.on("completion:error", kept(failed))
        _, timeout, connect_timeout, deadline, max_attempts = self._limits()
        client = self._client
        assert client is not None  # connected by extract
        started = time.monotonic()
        try:
            for attempt in Retrying(stop=stop_after_attempt(max_attempts) | stop_before_delay(deadline),
                                    wait=_Wait(self.backoff_initial, self.backoff_max),
                                    retry=retry_if_exception(_retryable), reraise=True,
                                    before_sleep=_log_retry):
                with attempt:
                    left = max(deadline - (time.monotonic() - started), 0.001)
                    kwargs: dict[str, Any] = {"max_tokens": max_tokens} if max_tokens else {}
                    output = client.chat.completions.create(
                        model=self.model, messages=cast(Any, messages),  # chat message dicts, as openai takes them
                        response_model=schema, max_retries=reasks,
                        temperature=temperature, hooks=hooks, context=context,
                        timeout=openai.Timeout(min(timeout, left), connect=min(connect_timeout, left)),
                        **kwargs)
        except Exception as exc:
            cause = _unwrap(exc)
            run.usage = usage
            if isinstance(cause, openai.APIError):
                error = _not_retried(cause)
                setattr(error, "usage", usage)  # noqa: B010 — every attempt, failed ones included
                # the endpoint's own error (401, 400, or retries spent) as a ToolkitError, itself the cause
                raise EndpointError(error, usage) from error
            if hook_errors:  # our own hook broke (instructor only warns): the bug, not the model
                raise hook_errors[0] from None
            if not (_answer_failed(exc) or malformed[0]):  # a bug (ours, a validator's, instructor's): unchanged
                bug: BaseException = exc
                while isinstance(bug, InstructorRetryException) and bug.__cause__ is not None:
                    bug = bug.__cause__  # the exception itself, not instructor's wrapper
                raise bug
            attempts = getattr(exc, "n_attempts", None) or reasks + 1
            rule, said = _broken_rule(exc)
            detail = exc.args[0] if isinstance(exc, InstructorRetryException) and exc.args else exc
            lines = str(detail).strip().splitlines()
            why = f"rule {rule!r}: {(said or '')[:200]}" if rule else (lines[0][:200] if lines else type(exc).__name__)
            failure = ExtractionError(f"the model's output did not validate as {schema.__name__} after {attempts} "
                                      f"attempt{'' if attempts == 1 else 's'}: {why}", last_raw[0], usage, rule)
            if self.cache and self.record_failures:
                self._store(path, json.dumps({"failure": {"message": str(failure), "raw": last_raw[0], "rule": rule},
                                              "run": run.model_dump(mode="json")}, ensure_ascii=False))
            raise failure from exc
        if hook_errors:
            raise hook_errors[0]
        run.usage = usage
        if self.cache:
            self._store(path, json.dumps({"output": output.model_dump(mode="json"),
                                          "run": run.model_dump(mode="json")}, ensure_ascii=False))
        return output, run
