"""``toolkit batch``: fact-check a whole feed into a JSONL file, in parallel, resumable.

INPUT is a directory of ``.txt`` files (plain articles, or ANT-style files with ``<TEXT>`` and
``<TIME>``), or a JSONL file (``-`` for standard input) with one article per line: ``id``,
``text``, and optionally ``summary``, ``published``, ``lang``. Both are streamed: at most a
bounded window of articles is in memory, whatever the size of the feed.

Every article gets exactly one line in the output, written by one ``write`` call on a file
opened for appending (so a kill at any moment leaves whole lines, and at most a partial last
line after a crash of the machine). A line carries ``key``: the SHA-256 of the options that
change results and of the article as read (its path and bytes, or its JSONL line). ``--resume``
reads the output, drops a partial last line, and skips every article whose key is there: after
Ctrl-C or ``kill -9`` at any moment no article is lost and none is written twice.

The per-article function is :func:`process_line` (:func:`process`, and its line encoded where it
was made): it never raises for a bad article (its error is its line). It runs in this process
(``--workers 1``), in worker processes (``concurrent.futures.ProcessPoolExecutor``), or as Ray
tasks (``--engine ray``); the main process reads the feed and appends the lines.

Only the standard library is imported at module level: ``toolkit.cli`` builds its parser
before anything heavy is loaded.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .settings import ENVIRONMENT, Settings, get_settings

logger = logging.getLogger(__name__)

WINDOW_PER_WORKER = 4  # articles in flight per worker: enough to keep workers busy, bounded memory
TIMING_FIELDS = ("seconds",)  # the only fields of a line that differ between two runs of the same feed
_PRELOAD = ["toolkit.pipeline"]  # imported once in the fork server, so workers start warm


# -- options and jobs ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Options:
    """What changes an article's result; its JSON form is part of every line's key."""

    backend: str
    model: str | None = None
    published: str | None = None  # the default for articles that carry no date
    lang: str | None = None  # the summary language for articles that name none
    max_chars: int | None = None
    cache: bool = True  # a cached answer is the same answer: not part of the key
    judge: bool = False  # the judged pass (a model's verdict per sentence, beside the deterministic ones)

    def fingerprint(self) -> dict:
        out = {"backend": self.backend, "model": self.model, "published": self.published, "lang": self.lang,
               "max_chars": self.max_chars}
        if self.judge:
            out["judge"] = True
        return out


@dataclass
class Job:
    """One article as read by the main process: enough to check it anywhere."""

    n: int  # 1-based: the file's place in the directory walk, or the line number in a JSONL file
    id: str | int | None  # a file's path under INPUT; None for a JSONL line (its id is inside)
    kind: str  # "file" or "jsonl"
    data: bytes = b""
    key: str = ""
    error: str | None = None  # a failure known before checking (an unreadable or oversized file)


def _fingerprint_bytes(options: Options) -> bytes:
    return json.dumps(options.fingerprint(), sort_keys=True).encode()


def _key(prefix: bytes, *parts: bytes) -> str:
    h = hashlib.sha256(prefix)
    for p in parts:
        h.update(b"\0")
        h.update(p)
    return h.hexdigest()


# -- input ----------------------------------------------------------------------------------------------

def _limit(max_chars: int | None) -> int:
    from .inputs import check_max_chars

    return check_max_chars(max_chars)


class Feed:
    """The articles of INPUT, read lazily, in a fixed order."""

    def __init__(self, path: str, max_chars: int | None):
        from .inputs import InputError

        self.path = path
        self.most = 4 * _limit(max_chars) + 4  # bytes: no character takes more than 4, plus a byte-order mark
        if path == "-":
            self.kind = "jsonl"
            return
        p = Path(path)
        if p.is_dir():
            self.kind = "dir"
        elif p.is_file():
            self.kind = "jsonl" if p.suffix.lower() in (".jsonl", ".ndjson") else "file"
        elif not p.exists():
            raise InputError(f"input not found: {path}")
        else:
            raise InputError(f"input is neither a file nor a directory: {path}")
        if self.kind == "file" and p.suffix.lower() != ".txt":
            raise InputError(f"input {path} is not a directory, a .jsonl file or a .txt file")

    # a directory: every .txt file under it, sorted, hidden ones skipped, symlinked folders not followed
    def _files(self, root: Path, rel: str = "") -> Iterator[tuple[str, Path]]:
        try:
            entries = sorted(os.scandir(root), key=lambda e: e.name)
        except OSError as exc:
            from .inputs import InputError

            raise InputError(f"cannot read directory {root}: {exc.strerror}") from None
        for e in entries:
            if e.name.startswith("."):
                continue
            name = f"{rel}{e.name}"
            if e.is_dir(follow_symlinks=False):
                yield from self._files(Path(e.path), name + "/")
            elif e.name.lower().endswith(".txt") and e.is_file():
                yield name, Path(e.path)

    def _lines(self) -> Iterator[tuple[int, bytes]]:
        from .inputs import InputError

        try:
            stream = sys.stdin.buffer if self.path == "-" else open(self.path, "rb")
        except OSError as exc:
            raise InputError(f"cannot read input {self.path}: {exc.strerror}") from None
        try:
            for n, line in enumerate(stream, 1):
                line = line.rstrip(b"\r\n")
                if line.strip():
                    yield n, line
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()

    def count(self) -> int | None:
        """How many articles (a quick pass that reads no text); None for standard input."""
        if self.path == "-":
            return None
        if self.kind == "dir":
            return sum(1 for _ in self._files(Path(self.path)))
        if self.kind == "file":
            return 1
        return sum(1 for _ in self._lines())

    def jobs(self, options: Options) -> Iterator[Job]:
        prefix = _fingerprint_bytes(options)
        if self.kind == "jsonl":
            for n, line in self._lines():
                yield Job(n, None, "jsonl", line, _key(prefix, b"jsonl", line))
            return
        files = self._files(Path(self.path)) if self.kind == "dir" else iter([(Path(self.path).name,
                                                                                 Path(self.path))])
        for n, (name, path) in enumerate(files, 1):
            yield self._read(n, name, path, prefix)

    def _read(self, n: int, name: str, path: Path, prefix: bytes) -> Job:
        try:
            size = path.stat().st_size
            if size > self.most:
                return Job(n, name, "file", b"", _key(prefix, b"file", name.encode(), b"size:%d" % size),
                           error=f"article {name} is over the {(self.most - 4) // 4:,}-character limit "
                                 f"({size:,} bytes; raise it with --max-chars or TOOLKIT_MAX_SOURCE_CHARS)")
            data = path.read_bytes()
        except OSError as exc:
            return Job(n, name, "file", b"", _key(prefix, b"file", name.encode(), b"unreadable"),
                       error=f"cannot read article {name}: {exc.strerror}")
        return Job(n, name, "file", data, _key(prefix, b"file", name.encode(), data))


# -- the per-article function ---------------------------------------------------------------------------

def _decode(data: bytes, what: str) -> str:
    """As the command line reads a file: UTF-8, or UTF-16/UTF-32 with a byte-order mark."""
    from .cli import BOMS
    from .inputs import InputError

    encoding, name = next(((enc, name) for bom, enc, name in BOMS if data.startswith(bom)), ("utf-8-sig", "UTF-8"))
    if encoding == "utf-8-sig" and b"\x00" in data:
        raise InputError(f"{what} is a binary file, not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not {name} (bad byte at offset {exc.start})") from None


def _article(job: Job, options: Options) -> tuple[str | int | None, str, str | None, str | None, str | None]:
    """id, text, summary, published, lang of a job (InputError for a bad one)."""
    from .inputs import InputError, ant_fields, check_text

    if job.kind == "file":
        what = f"article {job.id}"
        text = _decode(job.data, what)
        published = None
        if "<TEXT>" in text and "</TEXT>" in text:
            text, published = ant_fields(text)
        return job.id, check_text(text, what, max_chars=options.max_chars), None, published, None
    try:
        line = job.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"line {job.n} is not UTF-8 (bad byte at offset {exc.start})") from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {job.n} is not JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"line {job.n} is nested too deeply") from None
    if not isinstance(obj, dict):
        raise InputError(f"line {job.n} is not a JSON object")
    ident = obj.get("id", f"line {job.n}")
    if isinstance(ident, bool) or not isinstance(ident, (str, int)):
        raise InputError(f"line {job.n}: id must be a string or a whole number, not {type(ident).__name__}")
    job.id = ident
    if "text" not in obj:
        raise InputError(f"line {job.n} has no \"text\"")
    text = check_text(obj["text"], f"article {ident}", max_chars=options.max_chars)
    summary = obj.get("summary")
    if summary is not None:
        summary = check_text(summary, f"summary of {ident}", max_chars=options.max_chars)
    return ident, text, summary, obj.get("published"), obj.get("lang")


def backend_for(name: str, model: str | None, cache: bool):
    """One backend per process and configuration (a model client is built once, not per article);
    the settings are part of the configuration (another endpoint, another client)."""
    return _backend_for(name, model, cache, get_settings())


@lru_cache(maxsize=4)
def _backend_for(name: str, model: str | None, cache: bool, settings: Settings):
    from .llm.backends import resolve_backend

    return resolve_backend(name, model=model, cache=cache)


def _endpoint_error() -> tuple[type, ...]:
    """The error types that mean "the model endpoint failed"."""
    from .errors import EndpointError

    kinds: list[type] = [EndpointError]
    openai = sys.modules.get("openai")  # loaded only when a model was used
    if openai is not None:  # (the client wraps every openai error; a raw one would still be an endpoint's)
        kinds.append(openai.APIError)
    return tuple(kinds)


def _known_errors() -> tuple[type, ...]:
    """The errors the toolkit raises on purpose: bad input, configuration, model output."""
    from .errors import ToolkitError

    return (ToolkitError,)


def error_line(exc: BaseException) -> str:
    """What the command line prints for this error after ``toolkit: error:`` (or, for a bug,
    ``internal error: <Type>: <message>``)."""
    lines = str(exc).strip().splitlines()
    first = lines[0][:300] if lines else ""
    endpoint = _endpoint_error()
    if endpoint and isinstance(exc, endpoint):
        if type(exc).__module__.startswith("openai"):
            first = f"{type(exc).__name__}: {first}"
        return f"the model endpoint failed: {first}"
    if isinstance(exc, _known_errors()):
        return first or type(exc).__name__
    return f"internal error: {type(exc).__name__}" + (f": {first}" if first else "")


def is_timeout(exc: BaseException) -> bool:
    """A model endpoint that did not answer in time."""
    cause = exc.__cause__ if exc.__cause__ is not None else exc
    return "Timeout" in type(cause).__name__ or "Timeout" in type(exc).__name__


def _claims(report, where: str) -> list[dict]:
    return [{"in": where, "text": c.text, "kind": c.kind, "span": [c.span.start, c.span.end], "value": c.value,
             "verdict": c.verdict, "reason": c.reason,
             "evidence": [{"start": e.start, "end": e.end, "text": e.text} for e in c.evidence]}
            for c in report.claims]


def process(job: Job, options: Options) -> dict:
    """Check one article: its result line, as a dict. Never raises for a bad article."""
    started = time.perf_counter()
    record: dict = {"id": job.id, "n": job.n}
    try:
        from .inputs import InputError

        if job.error:
            raise InputError(job.error)
        ident, text, summary, published, lang = _article(job, options)
        record["id"] = ident
        from .pipeline import fact_check

        extra = {"judge": True} if options.judge else {}
        result = fact_check(text, summary, published=published or options.published, lang=lang or options.lang,
                            backend=backend_for(options.backend, options.model, options.cache),
                            model=options.model, cache=options.cache, max_chars=options.max_chars, **extra)
    except Exception as exc:
        record["id"] = job.id if job.id is not None else f"line {job.n}"
        record.update(ok=False, error=error_line(exc), counts=None)
    else:
        report = result.report
        record.update(ok=True, error=None, counts=result.counts, contradicted=len(result.contradicted),
                      published=result.published, lang=report.lang, source_lang=report.source_lang,
                      backend=result.backend, model=result.model, template_hash=result.template_hash,
                      headline=result.summary_doc.headline if result.summary_doc else None, summary=result.summary,
                      claims=_claims(report, "summary") + (_claims(result.headline_report, "headline")
                                                           if result.headline_report else []),
                      extracted=[{"text": c.claim.text, "kind": c.claim.kind, "verdict": c.verdict}
                                 for c in result.claims],
                      usage=result.usage.model_dump(), errors=list(result.errors))
        judged = getattr(result, "judged", None)
        if judged is not None:  # asked for (--judge): the model's verdicts, apart from the deterministic ones
            record["judged"] = [j.model_dump(mode="json") for j in judged]
    record["key"] = job.key
    record["options"] = options.fingerprint()
    record["seconds"] = round(time.perf_counter() - started, 4)
    return record


@dataclass(frozen=True)
class Line:
    """A result line as the output file gets it, and what the tally needs from it."""

    data: bytes
    ok: bool
    contradicted: bool


def encode(record: dict) -> Line:
    data = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    return Line(data, bool(record.get("ok")), bool((record.get("counts") or {}).get("contradicted")))


def process_line(job: Job, options: Options) -> Line:
    """:func:`process`, and its line encoded where it was made (the main process only writes it):
    the function every engine runs, once per article."""
    return encode(process(job, options))


def _failure(job: Job, options: Options, message: str) -> dict:
    """The line of an article whose worker died under it."""
    return {"id": job.id if job.id is not None else f"line {job.n}", "n": job.n, "ok": False, "error": message,
            "counts": None, "key": job.key, "options": options.fingerprint(), "seconds": 0.0}


# -- output -------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    articles: int = 0
    contradicted: int = 0
    failed: int = 0

    def add(self, ok: bool, contradicted: bool) -> None:
        self.articles += 1
        if not ok:
            self.failed += 1
        elif contradicted:
            self.contradicted += 1


class Done:
    """Keys already in the output, as a sorted array of 64-bit prefixes (8 bytes an article), each
    usable once: a feed with the same article twice gets two lines."""

    def __init__(self, keys: array.array):
        keys = array.array("Q", sorted(keys))
        self.keys = keys
        self.used = bytearray(len(keys))

    def take(self, key: str) -> bool:
        k = int(key[:16], 16)
        i = bisect.bisect_left(self.keys, k)
        while i < len(self.keys) and self.keys[i] == k:
            if not self.used[i]:
                self.used[i] = 1
                return True
            i += 1
        return False

    def __len__(self) -> int:
        return len(self.keys)


class Output:
    """The results file: locked, appended one whole line per write."""

    def __init__(self, path: Path, *, resume: bool, options: Options):
        from .inputs import InputError

        self.path = path
        self.tally = Tally()
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0), 0o644)
        except IsADirectoryError:
            raise InputError(f"output {path} is a directory") from None
        except OSError as exc:
            raise InputError(f"cannot write {path}: {exc.strerror}") from None
        try:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # not POSIX: no lock
            pass
        except OSError:
            os.close(self.fd)
            raise InputError(f"{path} is being written by another toolkit batch") from None
        size = os.fstat(self.fd).st_size
        keys = array.array("Q")
        if size and not resume:
            os.close(self.fd)
            raise InputError(f"{path} already exists: pass --resume to continue it, or choose another file")
        if size:
            try:
                self._scan(options, keys)
            except BaseException:
                os.close(self.fd)
                raise
        self.done = Done(keys)
        self.last_sync = time.monotonic()

    def _scan(self, options: Options, keys: array.array) -> None:
        """Read what an earlier run wrote: keys and tallies; a partial last line is cut off."""
        from .inputs import InputError

        want = options.fingerprint()
        good_end = 0
        with open(os.dup(self.fd), "rb") as f:
            f.seek(0)
            n = 0
            for raw in f:
                n += 1
                complete = raw.endswith(b"\n")
                try:
                    record = json.loads(raw)
                    if not (isinstance(record, dict) and isinstance(record.get("key"), str)
                            and len(record["key"]) == 64):
                        raise ValueError("not a result line")
                    int(record["key"], 16)
                except ValueError as exc:
                    if not complete or not f.peek(1):  # the last line: a write cut short
                        break
                    raise InputError(f"{self.path} line {n} is not a result line ({exc}); "
                                     f"remove it or write to another file") from None
                if not complete:  # a whole record without its newline: the write was cut short
                    break
                if record.get("options") != want:
                    changed = _diff(record.get("options"), want)
                    raise InputError(f"{self.path} was written with other options ({changed}): "
                                     f"resume with the same options, or write to another file")
                keys.append(int(record["key"][:16], 16))
                self.tally.add(bool(record.get("ok")), bool((record.get("counts") or {}).get("contradicted")))
                good_end += len(raw)
        if good_end < os.fstat(self.fd).st_size:
            os.ftruncate(self.fd, good_end)
            logger.warning("%s: dropped a partial last line (an interrupted write); its article is checked again",
                           self.path)

    def write(self, line: Line) -> None:
        from .inputs import InputError

        data = line.data
        try:
            while data:  # one write for a whole line (regular files take it whole); the loop is for a full disk
                data = data[os.write(self.fd, data):]
        except OSError as exc:
            raise InputError(f"cannot write {self.path}: {exc.strerror} (run again with --resume once fixed)") from None
        self.tally.add(line.ok, line.contradicted)
        now = time.monotonic()
        if now - self.last_sync > 5:  # a kill never loses written lines; this is for a crash of the machine
            os.fsync(self.fd)
            self.last_sync = now

    def close(self) -> None:
        try:
            os.fsync(self.fd)
        except OSError:
            pass
        os.close(self.fd)


def _diff(old, new) -> str:
    if not isinstance(old, dict):
        return "unknown"
    def show(v) -> str:
        return "none" if v is None else str(v)

    return "; ".join(f"{k}: {show(old.get(k))} before, {show(new[k])} now" for k in new
                     if old.get(k) != new[k]) or "unknown"


# -- engines --------------------------------------------------------------------------------------------------

def _inline(jobs: Iterator[Job], options: Options) -> Iterator[Line]:
    for job in jobs:
        yield process_line(job, options)


def die_with(pid: int) -> None:
    """In a worker: end the moment process ``pid`` (the batch or the server) ends, however it ends.

    A worker's parent is the fork server, not ``pid``, and the fork server lives as long as any
    worker does; so a killed batch would leave its workers behind. A thread waits on a pidfd for
    ``pid`` (or polls it where there is none). Ctrl-C is left to ``pid`` to handle."""
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        try:
            import select

            fd = os.pidfd_open(pid)
            select.select([fd], [], [])
        except (AttributeError, OSError):  # no pidfds here, or ``pid`` is already gone
            while True:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _new_pool(workers: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    ctx: BaseContext
    try:
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(_PRELOAD)
        ctx = server
    except ValueError:  # no fork server on this platform
        ctx = multiprocessing.get_context("spawn")
    from .cli import log_policy

    settings_env = {k: os.environ.get(k) for k in (*ENVIRONMENT.values(), "XDG_CACHE_HOME")}
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(os.getpid(), settings_env, log_policy()))


def _init_worker(batch_pid: int, settings_env: dict[str, str | None], policy: tuple[bool, bool] | None) -> None:
    """In a worker: end with the batch; log as its command line does; read the settings the batch
    reads now (the fork server keeps the environment it started with, which a program that ran a
    batch before may have changed)."""
    from .cli import log_like

    die_with(batch_pid)
    log_like(policy)
    for name, value in settings_env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _stop_pool(pool, *, kill: bool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    if not kill:
        pool.shutdown(wait=True)
        return
    pool.shutdown(wait=False, cancel_futures=True)
    for p in processes:
        try:
            p.kill()
        except (OSError, ValueError, AttributeError):
            pass
    for p in processes:
        try:
            p.join(5)
        except (OSError, ValueError, AssertionError):
            pass


def _top_up(inflight: dict, jobs: Iterator[Job], window: int, submit: Callable[[Job], Any]) -> bool:
    """Submit jobs until ``window`` are in flight (``inflight``: handle -> job), for either engine;
    False once the input is spent."""
    while len(inflight) < window:
        job = next(jobs, None)
        if job is None:
            return False
        inflight[submit(job)] = job
    return True


def _pool(jobs: Iterator[Job], options: Options, workers: int) -> Iterator[Line]:
    """Worker processes, a bounded window of articles in flight. A worker that dies (killed, out
    of memory) costs no article: the ones it may have held are checked again one at a time, and
    only one that kills its worker alone gets a failed line."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = _new_pool(workers)
    inflight: dict = {}
    window = workers * WINDOW_PER_WORKER
    clean = False
    try:
        more = True
        while True:
            more = more and _top_up(inflight, jobs, window, lambda job: pool.submit(process_line, job, options))
            if not inflight:
                break
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            lost = []
            for future in sorted(done, key=lambda f: inflight[f].n):
                job = inflight.pop(future)
                try:
                    record = future.result()
                except BrokenProcessPool:
                    lost.append(job)
                    continue
                yield record
            if not lost:
                continue
            lost += inflight.values()
            inflight.clear()
            _stop_pool(pool, kill=True)
            pool = _new_pool(workers)
            logger.warning("a worker process died; its articles are checked again, one at a time")
            for job in sorted(lost, key=lambda j: j.n):
                try:
                    record = pool.submit(process_line, job, options).result()
                except BrokenProcessPool:
                    _stop_pool(pool, kill=True)
                    pool = _new_pool(workers)
                    record = encode(_failure(job, options, "internal error: the worker process died while "
                                                           "checking this article"))
                yield record
        clean = True
    finally:
        _stop_pool(pool, kill=not clean)


def _ray_env(options: Options) -> dict:
    """The environment a Ray worker needs to behave as this process: the toolkit's variables,
    and the model endpoint's when a model backend is used."""
    # the variables as set here (not the parsed settings): a worker reads them as this process did
    names = [k for k in os.environ if k.startswith("TOOLKIT_")]
    if options.backend != "extractive":
        names += [k for k in (ENVIRONMENT["api_key"], ENVIRONMENT["base_url"]) if k in os.environ]
    return {k: os.environ[k] for k in names}


def _ray(jobs: Iterator[Job], options: Options, workers: int | None, address: str | None) -> Iterator[Line]:
    """The same :func:`process`, as Ray tasks: Ray schedules them over the cluster; this keeps a
    bounded window in flight and writes the lines as they come back."""
    from .inputs import InputError

    try:
        import ray
    except ImportError:
        raise InputError("--engine ray needs the ray extra: pip install -e '.[ray]'") from None
    started = False
    env = _ray_env(options)
    if not ray.is_initialized():
        kwargs: dict = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        if address is None and not os.environ.get("RAY_ADDRESS"):
            kwargs["num_cpus"] = workers or _cores()
        if env:
            kwargs["runtime_env"] = {"env_vars": env}
        try:
            ray.init(address=address, **kwargs)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            why = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"cannot reach the Ray cluster at {address or os.environ.get('RAY_ADDRESS')}: "
                             f"{why}") from None
        started = True
        if "num_cpus" in kwargs:
            _reap_local_ray()
    task = ray.remote(num_cpus=1, max_retries=2)(process_line)
    if env and not started:  # a Ray this process did not start: the environment goes with each task
        task = task.options(runtime_env={"env_vars": env})
    cpus = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    window = cpus * WINDOW_PER_WORKER
    inflight: dict = {}
    try:
        more = True
        while True:
            more = more and _top_up(inflight, jobs, window, lambda job: task.remote(job, options))
            if not inflight:
                break
            ready, _ = ray.wait(list(inflight), num_returns=1)
            for ref in ready:
                job = inflight.pop(ref)
                try:
                    record = ray.get(ref)
                except ray.exceptions.RayError as exc:
                    first = (str(exc).strip().splitlines() or [""])[0][:300]
                    record = encode(_failure(job, options, f"internal error: the Ray task failed: "
                                                           f"{type(exc).__name__}: {first}"))
                yield record
    finally:
        for ref in inflight:
            try:
                ray.cancel(ref, force=True)
            except Exception:
                pass
        if started:
            ray.shutdown()


# Run beside a batch that started its own Ray: once the batch has ended, however it ended, end
# whatever of that Ray is left (after a kill -9 of the driver, Ray's agents wait for a GCS that
# is gone). It knows them by the files they hold open in that Ray's session folder.
_REAPER = """
import os, select, signal, sys, time
pid, session = int(sys.argv[1]), sys.argv[2]
try:
    select.select([os.pidfd_open(pid)], [], [])
except (AttributeError, OSError):
    while os.path.exists(f"/proc/{pid}"):
        time.sleep(0.5)
time.sleep(3)
for p in os.listdir("/proc"):
    if p.isdigit() and int(p) != os.getpid():
        try:
            if any(os.readlink(f"/proc/{p}/fd/{f}").startswith(session + "/") for f in os.listdir(f"/proc/{p}/fd")):
                os.kill(int(p), signal.SIGKILL)
        except OSError:
            pass
"""


def _reap_local_ray() -> None:
    import subprocess

    try:
        import ray

        session = getattr(ray._private.worker, "_global_node").get_session_dir_path()
    except Exception:
        return
    if not session or not Path("/proc").is_dir():
        return
    subprocess.Popen([sys.executable, "-c", _REAPER, str(os.getpid()), str(session)], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# -- the command ------------------------------------------------------------------------------------------------

@dataclass
class Run:
    output: Path
    tally: Tally = field(default_factory=Tally)
    before: int = 0  # lines an earlier run had written
    checked: int = 0  # articles checked by this run
    seconds: float = 0.0

    def line(self, interrupted: bool = False) -> str:
        t = self.tally
        rate = f", {self.checked / self.seconds:.1f} articles/s" if self.seconds > 0 and self.checked else ""
        line = (f"{self.output}: {t.articles} articles, {t.contradicted} with a contradiction, {t.failed} failed; "
                f"{self.checked} checked in {self.seconds:.1f} s{rate}")
        if self.before:
            line += f"; {self.before} from an earlier run"
        if interrupted:
            line += "; interrupted: run again with --resume to finish"
        return line


def _resolve(args) -> Options:
    """The options, with the backend and model resolved as every command resolves them; an
    unconfigured backend is an error now, not 840 failed lines."""
    from .inputs import InputError, check_lang, check_max_chars, check_published

    published = check_published(args.published)
    check_lang(args.lang)
    try:
        check_max_chars(args.max_chars)
    except InputError as exc:
        raise InputError(f"--max-chars: {exc}" if args.max_chars is not None else str(exc)) from None
    name = args.backend
    if name is None:
        name = "openai" if get_settings().endpoint_configured else "extractive"
    model = args.model
    if name != "extractive" or model is not None:  # (the extractive backend needs no model layer here)
        from .llm.backends import resolve_backend

        chosen = resolve_backend(name, model=args.model, cache=not args.no_cache)  # ConfigError if unconfigured
        client = getattr(chosen, "client", None)
        if name == "openai" and client is not None:
            model = client.model  # as resolved here (TOOLKIT_MODEL...), the same in every worker
    return Options(backend=name, model=model, published=published.isoformat() if published else None,
                   lang=args.lang, max_chars=args.max_chars, cache=not args.no_cache,
                   judge=bool(getattr(args, "judge", False)))


def _progress(total: int | None, stream):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Articles per second since the first one was handed out (the ETA uses the recent rate)."""

        def render(self, task) -> Text:
            elapsed = task.elapsed or 0
            speed = task.completed / elapsed if task.completed and elapsed > 0 else None
            return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="progress.data.speed")

    columns = [TextColumn("checking"), BarColumn(), MofNCompleteColumn(), Rate(), TextColumn("ETA"),
               TimeRemainingColumn(), TextColumn("{task.fields[note]}"), TimeElapsedColumn()]
    progress = Progress(*columns, console=Console(file=stream), transient=False, speed_estimate_period=20)
    task = progress.add_task("batch", total=total, note="")
    return progress, task


def run(args) -> int:
    """``toolkit batch``: exit 1 when an article of the output has a contradiction, else 0; 2 when
    the batch cannot run (bad INPUT or options, an output that exists without --resume) or when
    every article failed. A failed article is a line with its error, counted in the last line."""
    from .inputs import InputError, check_positive_int

    started = time.monotonic()
    if args.workers is not None:
        check_positive_int(args.workers, "--workers")
    if args.address and args.engine != "ray":
        raise InputError("--address goes with --engine ray")
    options = _resolve(args)
    feed = Feed(args.input, args.max_chars)
    out = Output(Path(args.output), resume=args.resume, options=options)
    state = Run(Path(args.output), out.tally, before=out.tally.articles)
    show = not args.no_progress and sys.stderr is not None and sys.stderr.isatty()
    progress = task = None
    interrupted = finished = False
    try:
        if show:
            total = feed.count()
            progress, task = _progress(None if total is None else max(total - len(out.done), 0), sys.stderr)
            progress.start()
        jobs = (job for job in feed.jobs(options) if not out.done.take(job.key))
        if args.engine == "ray":
            records = _ray(jobs, options, args.workers, args.address)
        elif (args.workers or _cores()) == 1:
            records = _inline(jobs, options)
        else:
            records = _pool(jobs, options, args.workers or _cores())
        try:
            for record in records:
                out.write(record)
                state.checked += 1
                if progress is not None:
                    t = out.tally
                    progress.update(task, advance=1, note=f"{t.contradicted} contradicted, {t.failed} failed")
        finally:
            close = getattr(records, "close", None)
            if close:
                close()  # workers stop now, whatever happened
        finished = True
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        state.seconds = time.monotonic() - started
        if progress is not None:
            progress.stop()
        out.close()
        if interrupted or (finished and state.tally.articles):
            _say(state.line(interrupted))
    if state.tally.articles == 0:
        raise InputError(f"no articles in {args.input}")
    if state.tally.contradicted:
        return 1
    if state.tally.failed == state.tally.articles:
        return 2
    return 0


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


__all__ = ["TIMING_FIELDS", "Feed", "Job", "Options", "error_line", "process", "run"]
