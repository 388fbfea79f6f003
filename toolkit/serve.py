"""``toolkit serve``: the toolkit over HTTP for a CMS, and an editor's page for people.

An ASGI app (FastAPI on Starlette, served by uvicorn; the ``serve`` extra):

- ``POST /v1/verify`` {source, summary, published?, lang?} -> ``VerificationReport``
- ``POST /v1/fact-check`` {source, summary?, published?, lang?, backend?, model?} -> ``FactCheckResult``
- ``POST /v1/report`` (the same, and ``format``: html or markdown) -> the editor's report page, with
  the counts in ``X-Contradicted``, ``X-Unverifiable`` and ``X-Supported``
- ``GET /healthz``, ``GET /docs`` and ``/openapi.json``, and ``GET /`` the editor's page.

Every error is JSON, ``{"error": "<one line>"}``: 413 for a body over ``--max-body`` (read no
further than the limit), 415 for a body that is not ``application/json``, 400 for one that is
not UTF-8, not JSON or nested too deeply, 422 for a request the toolkit refuses (the same
messages as the command line and the Python API: ``source is empty``, ``bad publication date
'2025-8-19': expected YYYY-MM-DD``), 502/504 for a failing or slow model endpoint, 503 when
``--max-pending`` requests are already in progress, 500 for an internal error.

The checking is CPU work: it runs in a bounded pool of worker processes (``--workers``), never
on the event loop, and each request ends by ``--timeout`` (the model client's own deadline is
held under it in the workers).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

try:
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from starlette.datastructures import Headers
    from starlette.exceptions import HTTPException as StarletteHTTPException
except ImportError:  # the command line says how to get it, in one line, exit 2
    from .errors import ConfigError

    raise ConfigError("toolkit serve needs the serve extra: pip install -e '.[serve]'") from None

from .errors import ToolkitError
from .llm.backends import BACKEND_NAMES  # the one registry of backends (imports no model library)
from .models import VerificationReport
from .settings import ENVIRONMENT, get_settings

try:  # the result fact_check returns, with what the model layer adds (citation checks, the judged pass)
    from .pipeline import FactCheckResult
except ImportError:  # pragma: no cover
    from .models import FactCheckResult  # type: ignore[assignment]

logger = logging.getLogger(__name__)
API_PATHS = ("/v1/",)
_PRELOAD = ["toolkit.pipeline", "toolkit.report"]


# -- the request models (the responses are the Python API's own models) -------------------------------------

class VerifyRequest(BaseModel):
    """A summary to check against its source."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field(description="the article")
    summary: str = Field(description="the summary to check")
    published: str | None = Field(None, description="publication date of the source, YYYY-MM-DD",
                                  examples=["2025-08-19"])
    lang: str | None = Field(None, description="language of the summary, 'ar' or 'en' (detected when omitted)")


if TYPE_CHECKING:
    BackendName = str
else:  # the registry's names, as a Literal: a 422 for any other, and an enum in the OpenAPI schema
    BackendName = Literal[BACKEND_NAMES]


class FactCheckRequest(BaseModel):
    """An article, and a summary to check or none (then the toolkit writes one)."""

    model_config = ConfigDict(extra="forbid")
    source: str = Field(description="the article")
    summary: str | None = Field(None, description="the summary to check; omitted: the toolkit writes one")
    published: str | None = Field(None, description="publication date of the source, YYYY-MM-DD",
                                  examples=["2025-08-19"])
    lang: str | None = Field(None, description="language of the summary, 'ar' or 'en' (default: the source's)")
    backend: BackendName | None = Field(
        None, description="who writes the summary (default: the server's)")
    model: str | None = Field(None, description="model name, with the openai backend")
    judge: bool | None = Field(None, description="add the judged pass: a model's verdict per sentence, shown apart "
                                                 "from the deterministic verdicts (default: the server's --judge)")


class ReportRequest(FactCheckRequest):
    format: Literal["html", "markdown"] = Field("html", description="an HTML page or Markdown")


class ErrorBody(BaseModel):
    error: str = Field(description="what went wrong, one line")


ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorBody, "description": what} for code, what in [
    (400, "the body is not UTF-8, not JSON, or nested too deeply"), (413, "the body is over the size limit"),
    (415, "the body is not application/json"), (422, "the request is refused (the toolkit's message)"),
    (502, "the model endpoint failed"), (503, "too many requests in progress"), (504, "the request timed out")]}


# -- settings and the worker pool ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    workers: int = 1
    max_pending: int = 16
    max_body: int = 8 * 1024 * 1024
    timeout: float = 120.0
    max_chars: int | None = None
    backend: str | None = None
    model: str | None = None
    cache: bool = True
    judge: bool = False


class Busy(Exception):
    pass


def _init_worker(server: int, timeout: float, policy: tuple[bool, bool] | None = None) -> None:
    """In each worker: it ends with the server; Ctrl-C is the server's to handle; it logs as the
    server's command line does; model calls end before the request does."""
    from .batch import die_with
    from .cli import log_like

    die_with(server)
    log_like(policy)
    try:
        configured = get_settings()
        limits = {"deadline": configured.deadline, "timeout": configured.timeout}
    except ToolkitError:  # a bad value (refused by `toolkit serve` at start): replaced here
        limits = {"deadline": None, "timeout": None}
    for name, current in limits.items():
        if current is None or current > timeout:  # this worker's settings, read again by its model clients
            os.environ[ENVIRONMENT[name]] = f"{max(timeout - 1, 0.5):g}"


class Pool:
    """A bounded pool of worker processes: at most ``max_pending`` jobs running or queued."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pending = 0
        self.executor = self._new()
        self._tasks: set[asyncio.Task] = set()

    def _new(self) -> ProcessPoolExecutor:
        import multiprocessing
        from multiprocessing.context import BaseContext

        ctx: BaseContext
        try:
            server = multiprocessing.get_context("forkserver")
            server.set_forkserver_preload(_PRELOAD)
            ctx = server
        except ValueError:
            ctx = multiprocessing.get_context("spawn")
        from .cli import log_policy

        return ProcessPoolExecutor(self.settings.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(os.getpid(), self.settings.timeout, log_policy()))

    async def run(self, fn, *args):
        """The job's answer; Busy when the pool is full; TimeoutError past the timeout. A job whose
        worker died (it may have died idle, or under another job) is tried once more in a new pool:
        the jobs are pure functions of the request."""
        if self.pending >= self.settings.max_pending:
            raise Busy()
        self.pending += 1  # until the job itself ends, even when its request has timed out
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.settings.timeout
        try:
            for attempt in (1, 2):
                executor = self.executor
                try:
                    future = executor.submit(fn, *args)
                except (BrokenProcessPool, RuntimeError):  # broken since the last request
                    executor = self.restart(executor)
                    future = executor.submit(fn, *args)
                held = asyncio.Event()

                def release(_future, held=held) -> None:
                    try:
                        loop.call_soon_threadsafe(held.set)
                    except RuntimeError:  # the loop is closed: the server is stopping
                        pass

                future.add_done_callback(release)
                try:
                    return await asyncio.wait_for(asyncio.wrap_future(future), max(deadline - loop.time(), 0.01))
                except BrokenProcessPool:
                    self.restart(executor)
                    if attempt == 2:
                        raise
                except TimeoutError:
                    self._hold(held)  # the slot stays taken until the job really ends
                    raise
        finally:
            self.pending -= 1

    def _hold(self, ended: asyncio.Event) -> None:
        self.pending += 1

        async def wait() -> None:
            await ended.wait()
            self.pending -= 1

        task = asyncio.get_running_loop().create_task(wait())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def restart(self, broken: ProcessPoolExecutor) -> ProcessPoolExecutor:
        """A new pool in place of a broken one (once, however many requests saw it break)."""
        if self.executor is broken:
            self.executor = self._new()
            _stop(broken)
        return self.executor

    def close(self) -> None:
        _stop(self.executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        try:
            p.kill()
            p.join(5)
        except (OSError, ValueError, AssertionError, AttributeError):
            pass


# -- the jobs, in the workers: each returns ("ok", payload, extra) or ("error", status, message) -----------------

def _failure(exc: BaseException) -> tuple:
    """An error as (status, the command line's message for it)."""
    from .batch import _endpoint_error, error_line, is_timeout
    from .inputs import InputError

    message = error_line(exc)
    endpoint = _endpoint_error()
    if endpoint and isinstance(exc, endpoint):
        return ("error", 504 if is_timeout(exc) else 502, message)
    if isinstance(exc, InputError) or type(exc).__name__ == "ConfigError":
        return ("error", 422, message)
    if not message.startswith("internal error"):  # the model's output never validated, and the like
        return ("error", 502, message)
    logger.exception("internal error")
    return ("error", 500, message)


def job_verify(req: dict, settings: Settings) -> tuple:
    try:
        from .checks import verify

        report = verify(req["source"], req["summary"], published=req.get("published"), lang=req.get("lang"),
                        max_chars=settings.max_chars)
        return ("ok", report.model_dump_json().encode("utf-8"), report.counts)
    except Exception as exc:
        return _failure(exc)


def _fact_check(req: dict, settings: Settings):
    from .batch import backend_for
    from .inputs import InputError, check_lang
    from .pipeline import fact_check

    check_lang(req.get("lang"))
    name = req.get("backend") or settings.backend
    model = req.get("model")
    if model is not None and name == "llamacpp":
        raise InputError("model cannot be chosen per request with the llamacpp backend")
    model = model or (settings.model if name == settings.backend else None)
    backend = None
    if req.get("summary") is None:
        backend = backend_for(name or _default_backend(), model, settings.cache)
    judge = settings.judge if req.get("judge") is None else req["judge"]
    extra = {"judge": True} if judge else {}
    return fact_check(req["source"], req.get("summary"), published=req.get("published"), lang=req.get("lang"),
                      backend=backend, model=model, cache=settings.cache, max_chars=settings.max_chars, **extra)


def _default_backend() -> str:
    return "openai" if get_settings().endpoint_configured else "extractive"


def job_fact_check(req: dict, settings: Settings) -> tuple:
    try:
        result = _fact_check(req, settings)
        return ("ok", result.model_dump_json().encode("utf-8"), result.counts)
    except Exception as exc:
        return _failure(exc)


def job_report(req: dict, settings: Settings) -> tuple:
    try:
        from .report import render_html, render_markdown

        result = _fact_check(req, settings)
        page = render_html(result) if req.get("format", "html") == "html" else render_markdown(result)
        return ("ok", page.encode("utf-8"), result.counts)
    except Exception as exc:
        return _failure(exc)


# -- the body guard: size, type, encoding, JSON, before FastAPI sees the request -----------------------------------

def _error(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


class BodyGuard:
    """Pure ASGI middleware: a body over ``max_body`` is never held in memory (413); API bodies
    must be JSON (415), UTF-8 and parseable (400). The body is then replayed to the app."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        api = scope["path"].startswith(API_PATHS)
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return await _error(400, "bad Content-Length header")(scope, receive, send)
            if int(length) > self.max_body:
                await self._drain(receive, int(length))
                return await self._too_big(int(length))(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._drain(receive, None)
                return await self._too_big(None)(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if api:
            problem = self._check(headers, body)
            if problem:
                return await problem(scope, receive, send)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    def _too_big(self, size: int | None) -> JSONResponse:
        what = f"{size:,} bytes" if size is not None else "larger"
        return _error(413, f"request body is {what}, over the {self.max_body:,}-byte limit")

    async def _drain(self, receive, length: int | None) -> None:
        """Read (and drop) what the client is still sending, up to a point, so that it reads the
        413 instead of a reset connection."""
        left = min(length if length is not None else 8 * self.max_body, 8 * self.max_body)
        while left > 0:
            message = await receive()
            if message["type"] != "http.request":
                return
            left -= len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    @staticmethod
    def _check(headers: Headers, body: bytes) -> JSONResponse | None:
        kind = headers.get("content-type", "")
        mime, _, params = kind.partition(";")
        charset = params.strip().lower().removeprefix("charset=").strip('"') if "charset" in params.lower() else "utf-8"
        if mime.strip().lower() != "application/json" or charset not in ("utf-8", "utf8"):
            return _error(415, f"expected Content-Type: application/json, not {kind or 'none'}")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _error(400, f"request body is not UTF-8 (bad byte at offset {exc.start})")
        try:
            json.loads(text)
        except json.JSONDecodeError as exc:
            return _error(400, f"request body is not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        except RecursionError:
            return _error(400, "request body is nested too deeply")
        return None


# -- the app -------------------------------------------------------------------------------------------------

def _validation_message(errors) -> str:
    parts = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ()) if x != "body"]
        parts.append(f"{'.'.join(loc) or 'body'}: {e.get('msg', 'invalid')}")
    more = f" (and {len(parts) - 1} more)" if len(parts) > 1 else ""
    return (parts[0] if parts else "invalid request") + more


@lru_cache(maxsize=4)
def editor_page(max_chars: int) -> str:
    from pathlib import Path

    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined)
    return env.get_template("editor.html.j2").render(max_chars=max_chars, languages=_languages())


def _languages() -> list[tuple[str, str]]:
    """The summary languages the toolkit has data for, with their English names."""
    try:
        from .lang import SUPPORTED
    except ImportError:
        SUPPORTED = ("ar", "en")
    from babel import Locale

    names = []
    for code in SUPPORTED:
        try:
            names.append((code, Locale.parse(code).get_display_name("en") or code))
        except (ValueError, LookupError):
            names.append((code, code))
    return names


EDITOR_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
              "img-src data:; frame-src 'self' about:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")


def create_app(settings: Settings) -> FastAPI:
    from contextlib import asynccontextmanager

    from .inputs import check_max_chars

    state: dict = {}

    @asynccontextmanager
    async def lifespan(app):
        pool = Pool(settings)
        state["pool"] = pool
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(title="newscheck toolkit", version=_version(), lifespan=lifespan,
                  description="Summaries of news you can trust: every date, count, number, name and quote of a "
                              "summary checked against its source, with the source passage as evidence.")
    app.add_middleware(BodyGuard, max_body=settings.max_body)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return JSONResponse({"error": _validation_message(errors), "detail": errors}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        return _error(500, f"internal error: {type(exc).__name__}")

    async def call(job, req: BaseModel, media_type: str):
        pool: Pool = state["pool"]
        try:
            outcome = await pool.run(job, req.model_dump(), settings)
        except Busy:
            return _error(503, f"server busy: {pool.pending} requests in progress; try again shortly",
                          {"Retry-After": "1"})
        except TimeoutError:
            return _error(504, f"the request took longer than {settings.timeout:g} s")
        except BrokenProcessPool:
            return _error(500, "internal error: a worker process died; try again")
        if outcome[0] == "error":
            return _error(outcome[1], outcome[2])
        _, payload, counts = outcome
        headers = {f"X-{k.capitalize()}": str(v) for k, v in counts.items()}
        return Response(payload, media_type=media_type, headers=headers)

    @app.post("/v1/verify", response_model=VerificationReport, responses=ERRORS, tags=["check"],
              summary="Check a summary against its source")
    async def verify(req: VerifyRequest):
        return await call(job_verify, req, "application/json")

    @app.post("/v1/fact-check", response_model=FactCheckResult, responses=ERRORS, tags=["check"],
              summary="Summarise (unless a summary is given) and check every fact")
    async def fact_check(req: FactCheckRequest):
        return await call(job_fact_check, req, "application/json")

    @app.post("/v1/report", response_class=HTMLResponse, responses=ERRORS, tags=["check"],
              summary="The editor's report: one self-contained HTML page (or Markdown)")
    async def report(req: ReportRequest):
        media = "text/html; charset=utf-8" if req.format == "html" else "text/markdown; charset=utf-8"
        return await call(job_report, req, media)

    @app.get("/healthz", tags=["service"], summary="Liveness and load")
    async def healthz():
        pool: Pool | None = state.get("pool")
        return {"status": "ok", "version": _version(), "workers": settings.workers,
                "pending": pool.pending if pool else 0, "max_pending": settings.max_pending}

    limit = check_max_chars(settings.max_chars)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def editor():
        return HTMLResponse(editor_page(limit), headers={"Content-Security-Policy": EDITOR_CSP,
                                                          "X-Content-Type-Options": "nosniff",
                                                          "Referrer-Policy": "no-referrer"})

    return app


def _version() -> str:
    import toolkit

    version = getattr(toolkit, "__version__", None)
    if version:
        return str(version)
    try:
        from importlib.metadata import version as installed

        return installed("newscheck-toolkit")
    except Exception:
        return "0"


# -- the command -------------------------------------------------------------------------------------------------

def _cores() -> int:
    from .batch import _cores

    return _cores()


def run(args) -> int:
    """``toolkit serve``: until interrupted."""
    from .errors import ConfigError
    from .inputs import InputError, check_max_chars, check_positive_int

    try:
        import uvicorn
    except ImportError:
        raise ConfigError("toolkit serve needs the serve extra: pip install -e '.[serve]'") from None

    workers = check_positive_int(args.workers, "--workers") if args.workers is not None else _cores()
    pending = check_positive_int(args.max_pending, "--max-pending") if args.max_pending is not None else 16 * workers
    check_positive_int(args.max_body, "--max-body")
    if not args.timeout > 0:
        raise InputError(f"--timeout must be a number of seconds above 0, not {args.timeout!r}")
    try:
        check_max_chars(args.max_chars)
    except InputError as exc:
        raise InputError(f"--max-chars: {exc}") from None
    if args.backend not in (None, "extractive"):  # an unconfigured backend is an error now, not in every request
        from .batch import _resolve

        _resolve(_BackendArgs(args.backend, args.model, args.no_cache))
    settings = Settings(workers=workers, max_pending=pending, max_body=args.max_body, timeout=args.timeout,
                        max_chars=args.max_chars, backend=args.backend, model=args.model, cache=not args.no_cache,
                        judge=bool(getattr(args, "judge", False)))
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=args.access_log,
                            server_header=False, timeout_graceful_shutdown=5, lifespan="on")
    server = uvicorn.Server(config)

    async def serve():
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if server.started:
            print(f"toolkit serve: listening on http://{shown}:{port}/ (editor's page; API docs at /docs) with "
                  f"{workers} worker{'s' if workers != 1 else ''}", file=sys.stderr, flush=True)
        await task

    asyncio.run(serve())
    return 0


@dataclass
class _BackendArgs:
    backend: str
    model: str | None
    no_cache: bool
    published: str | None = None
    lang: str | None = None
    max_chars: int | None = None


__all__ = ["FactCheckRequest", "ReportRequest", "Settings", "VerifyRequest", "create_app", "run"]
