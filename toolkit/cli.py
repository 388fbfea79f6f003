"""Command line: ``toolkit verify | summarize | fact-check | report | eval``.

Exit codes: 0 nothing contradicted, 1 something contradicted, 2 bad input or usage
(one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NoReturn

from .checks import InputError, verify
from .llm.client import ConfigError, ExtractionError
from .mentions import parse_published
from .models import worst
from .render import render_json, render_markdown_report, render_text

EXIT_OK, EXIT_CONTRADICTED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad input from the command line; printed as one line, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def read_text(path: str, what: str) -> str:
    """Read a UTF-8 text file (``-`` is standard input) or raise UsageError."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{what} file not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"{what} is a directory, not a file: {path}") from None
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None
    if b"\x00" in data:
        raise UsageError(f"{what} {path} is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{what} {path} is not UTF-8 (bad byte at offset {exc.start})") from None
    if not text.strip():
        raise UsageError(f"{what} {path} is empty")
    return text


def _published(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return parse_published(value).isoformat()
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="toolkit", description="Summarise news and check every fact against the source.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    v = sub.add_parser("verify", help="check a summary against its source article")
    v.add_argument("source", help="source article (UTF-8 text file)")
    v.add_argument("summary", help="summary to check (UTF-8 text file, or - for standard input)")
    v.add_argument("--published", help="publication date of the source, YYYY-MM-DD")
    v.add_argument("--lang", choices=["ar", "en"], help="language of the summary (detected if omitted)")
    v.add_argument("--format", choices=["text", "json", "markdown"], default="text")

    def model_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--backend", choices=["extractive", "openai", "llamacpp"],
                       help="who writes the summary (default: openai when OPENAI_API_KEY or OPENAI_BASE_URL "
                            "is set, else extractive)")
        p.add_argument("--model", help="model name (openai) or GGUF path (llamacpp)")
        p.add_argument("--no-cache", action="store_true", help="always call the model")

    sm = sub.add_parser("summarize", help="summarise an article and mark each sentence's verdict")
    sm.add_argument("file", help="article (UTF-8 text file, or - for standard input)")
    sm.add_argument("--lang", choices=["ar", "en"], help="language of the summary (default: the article's)")
    sm.add_argument("--published", help="publication date of the article, YYYY-MM-DD")
    sm.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    model_options(sm)

    def source_and_summary(p: argparse.ArgumentParser) -> None:
        p.add_argument("source", help="source article (UTF-8 text file)")
        p.add_argument("summary", nargs="?", help="summary to check; omitted: the toolkit writes one")
        p.add_argument("--published", help="publication date of the source, YYYY-MM-DD")
        p.add_argument("--lang", choices=["ar", "en"], help="language of the summary (detected if omitted)")
        model_options(p)

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
    e.add_argument("--datasets", type=Path, help="external datasets folder (default: ../shared/datasets)")
    e.add_argument("--output", type=Path, help="also write the JSON report to this file")
    e.add_argument("--failures", action="store_true", help="list the cases each suite got wrong")
    e.add_argument("--backend", choices=["extractive", "openai", "llamacpp"],
                   help="model suites: write summaries live with this backend (default: replay recorded answers)")
    e.add_argument("--model", help="model suites: the model name (openai) for a live run")
    e.add_argument("--record", action="store_true", help="model suites: store live answers in evals/cache")
    return parser


def cmd_verify(args: argparse.Namespace) -> int:
    source = read_text(args.source, "source")
    summary = read_text(args.summary, "summary")
    report = verify(source, summary, published=_published(args.published), lang=args.lang)
    render = {"text": render_text, "json": render_json, "markdown": render_markdown_report}[args.format]
    sys.stdout.write(render(report))
    return EXIT_CONTRADICTED if report.counts["contradicted"] else EXIT_OK


def _fact_check(args: argparse.Namespace):
    from .pipeline import fact_check

    source = read_text(args.source, "source")
    summary = read_text(args.summary, "summary") if args.summary else None
    return fact_check(source, summary, published=_published(args.published), lang=args.lang,
                      backend=args.backend, model=args.model, cache=not args.no_cache)


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
    result = _fact_check(args)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        from .report import render_markdown

        sys.stdout.write(render_markdown(result))
    else:
        print(_run_line(result))
        if result.summary_doc:
            print(f"\n{result.summary_doc.headline}\n")
        print(result.summary.strip() + "\n")
        sys.stdout.write(render_text(result.report))
        for c in result.claims:
            print(f"[{c.verdict.upper()}] extracted claim «{c.claim.text}»")
    for e in result.errors:
        print(f"toolkit: warning: {e}", file=sys.stderr)
    return EXIT_CONTRADICTED if result.report.counts["contradicted"] else EXIT_OK


def cmd_summarize(args: argparse.Namespace) -> int:
    from .pipeline import fact_check

    text = read_text(args.file, "article")
    result = fact_check(text, None, published=_published(args.published), lang=args.lang, backend=args.backend,
                        model=args.model, cache=not args.no_cache)
    if args.format == "json":
        sys.stdout.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    doc = result.summary_doc
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
        print(f"## {doc.headline}\n")
        for label, text_ in lines:
            print(f"- **{label}** {text_}")
        print(f"\n_{_run_line(result)}_")
    else:
        print(_run_line(result))
        print(f"\n{doc.headline}\n")
        for label, text_ in lines:
            print(f"[{label}] {text_}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_html, render_markdown

    result = _fact_check(args)
    page = render_html(result) if args.format == "html" else render_markdown(result)
    if args.output:
        try:
            args.output.write_text(page, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror}") from None
        c = result.report.counts
        print(f"{args.output}: {c['contradicted']} contradicted, {c['unverifiable']} unverifiable, "
              f"{c['supported']} supported", file=sys.stderr)
    else:
        sys.stdout.write(page)
    return EXIT_CONTRADICTED if result.report.counts["contradicted"] else EXIT_OK


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
        except (OSError, json.JSONDecodeError) as exc:
            raise UsageError(f"cannot read baseline {args.baseline}: {exc}") from None
    try:
        results = runner.run(args.suites or None, datasets=args.datasets or runner.DEFAULT_DATASETS,
                             backend=args.backend, model=args.model, record=args.record)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    out = runner.render_json(results) if args.format == "json" else runner.render_table(
        results, markdown=args.format == "markdown")
    sys.stdout.write(out)
    if args.failures:
        for r in results:
            for f in r.failures:
                print(f"  [{r.name}] {f}")
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
        runner.write_atomic(args.baseline, json.dumps(runner.merge_baseline(results, baseline or {}), indent=2) + "\n")
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


COMMANDS = {"verify": cmd_verify, "summarize": cmd_summarize, "fact-check": cmd_fact_check,
            "report": cmd_report, "eval": cmd_eval}


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except (UsageError, InputError, ConfigError) as exc:
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ExtractionError as exc:
        print(f"toolkit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # the model's endpoint failed after its retries
        import openai

        if isinstance(exc, openai.APIError):
            print(f"toolkit: error: the model endpoint failed: {type(exc).__name__}: {str(exc)[:300]}",
                  file=sys.stderr)
            return EXIT_USAGE
        raise
    except KeyboardInterrupt:
        print("toolkit: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
