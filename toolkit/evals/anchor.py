"""Turn hand-written gold quotes into frozen offsets, and check a suite's gold.

Case writers quote words (the wrong words of a summary, the source passage that settles a
claim) instead of counting characters; this tool finds each quote and writes the offsets
with the quote beside them. It never runs the verifier: gold stays what a person wrote.

    python -m toolkit.evals.anchor show datasets:ant-sample/economy/JA-economy-2-20170120.txt
    python -m toolkit.evals.anchor anchor drafts.jsonl -o evals/suites/realistic.jsonl
    python -m toolkit.evals.anchor check evals/suites/realistic.jsonl

A draft line is a case (see ``evals/README.md``) whose spans are quotes:
``"error": {"kind": "date", "quote": "17 جانفي", ...}``, ``"evidence": ["source words", ...]``,
``"checkable": [{"kind": "number", "quote": "3579", "evidence": ["3579 عونا"]}]``. A quote is a
string, or ``{"quote": "...", "nth": k}`` when the words occur more than once (k counts from 0).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import cast

from ..resources import data_path, default_datasets
from .cases import Case, gold_mismatches, load_cases, resolve_source

ROOT = data_path()  # sources named by a path (seeds/...) are read from the shipped data
DATASETS = default_datasets()  # TOOLKIT_DATASETS, else ../shared/datasets beside the checkout


class QuoteError(ValueError):
    pass


def find_quote(text: str, quote: str | dict, what: str) -> dict:
    """``{"start", "end", "text"}`` of a quote in ``text``; ambiguous or absent quotes are errors."""
    nth = None
    if isinstance(quote, dict):
        nth = quote.get("nth")
        quote = cast(str, quote["quote"])
    if not quote:
        raise QuoteError(f"{what}: empty quote")
    starts, at = [], text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    if not starts:
        raise QuoteError(f"{what}: «{quote}» is not in the text")
    if nth is None and len(starts) > 1:
        raise QuoteError(f"{what}: «{quote}» occurs {len(starts)} times; add \"nth\" or quote more words")
    k = nth or 0
    if k >= len(starts):
        raise QuoteError(f"{what}: «{quote}» occurs {len(starts)} times, no occurrence {k}")
    return {"start": starts[k], "end": starts[k] + len(quote), "text": quote}


def anchor_case(draft: dict, datasets: Path | None = DATASETS) -> dict:
    """A suite line from a draft line: every quote replaced by its offsets."""
    line = {k: v for k, v in draft.items() if k not in ("evidence", "error", "checkable")}
    stub = Case.model_validate({**line, "summary": draft["summary"]})
    source, _ = resolve_source(stub, root=ROOT, datasets=datasets)
    cid = draft["id"]
    if draft.get("error"):
        error = {k: v for k, v in draft["error"].items() if k not in ("quote", "nth")}
        error["span"] = find_quote(draft["summary"], {"quote": draft["error"]["quote"],
                                                      "nth": draft["error"].get("nth")}, f"{cid} error")
        error.setdefault("replacement", error["span"]["text"])
        line["error"] = error
    line["gold_evidence"] = [find_quote(source, q, f"{cid} evidence") for q in draft.get("evidence", [])]
    line["checkable"] = [
        {"kind": value["kind"],
         "span": find_quote(draft["summary"], {"quote": value["quote"], "nth": value.get("nth")},
                            f"{cid} checkable"),
         "evidence": [find_quote(source, q, f"{cid} checkable evidence") for q in value.get("evidence", [])]}
        for value in draft.get("checkable", [])]
    case = Case.model_validate(line)
    if case.label == "error" and not case.error:
        raise QuoteError(f"{cid}: an error case needs an error")
    if case.label == "faithful" and case.error:
        raise QuoteError(f"{cid}: a faithful case has no error")
    return case.model_dump(mode="json", exclude_defaults=True)


def show(source_path: str, datasets: Path | None = DATASETS) -> str:
    case = Case(id="show", source_path=source_path, summary="-", label="faithful")
    text, published = resolve_source(case, root=ROOT, datasets=datasets)
    head = f"published: {published}"
    if published:
        head += f" ({dt.date.fromisoformat(published):%A})"
    return f"{head}\n{len(text)} characters\n\n{text}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evals.anchor")
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("show", help="print an article as the suites read it, with its publication date")
    s.add_argument("source_path")
    a = sub.add_parser("anchor", help="quotes -> offsets")
    a.add_argument("drafts")
    a.add_argument("-o", "--output", help="write here (default: standard output)")
    c = sub.add_parser("check", help="every quoted span of a suite still covers its words")
    c.add_argument("suite")
    for p in (s, a, c):
        p.add_argument("--datasets", type=Path, default=DATASETS)
    args = parser.parse_args(argv)
    if args.command == "show":
        sys.stdout.write(show(args.source_path, args.datasets))
        return 0
    if args.command == "check":
        problems = []
        for case in load_cases(Path(args.suite)):
            source, _ = resolve_source(case, root=ROOT, datasets=args.datasets)
            problems += gold_mismatches(case, source)
        print("\n".join(problems) or "gold spans match", file=sys.stderr)
        return 1 if problems else 0
    lines, problems = [], []
    for n, raw in enumerate(Path(args.drafts).read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            lines.append(raw)
            continue
        try:
            lines.append(json.dumps(anchor_case(json.loads(raw), args.datasets), ensure_ascii=False))
        except (QuoteError, ValueError, KeyError) as exc:
            problems.append(f"{args.drafts}:{n}: {exc}")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    out = "\n".join(lines) + "\n"
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
