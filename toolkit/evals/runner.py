"""Run eval suites, print a table, write a JSON report, and gate on a baseline.

Deterministic: no model is called, no randomness; the same tree gives the same figures.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import verify
from .cases import Case, MissingData, load_cases, resolve_source
from .external import EXTERNAL, pair_metrics
from .metrics import SuiteScore, judge
from .perturb import perturb

ROOT = Path(__file__).resolve().parents[2]
SUITES_DIR = ROOT / "evals" / "suites"
DEFAULT_DATASETS = ROOT.parent / "shared" / "datasets"
EVAL_CACHE = ROOT / "evals" / "cache"  # recorded model answers, replayed in CI
TOLERANCE = 0.02  # a metric may fall this much (absolute) below its baseline
LOWER_IS_BETTER = ("false_alarm_rate", "share_contradicted")
NOT_GATED = ("compression", "share_unverifiable")  # descriptive, neither better nor worse


@dataclass
class SuiteResult:
    name: str
    metrics: dict = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    skipped: str | None = None


def available_suites() -> list[str]:
    return sorted([p.stem for p in SUITES_DIR.glob("*.jsonl")] + [p.stem for p in SUITES_DIR.glob("*.json")]
                  + list(EXTERNAL))


def _progress(enabled: bool) -> Callable[[Iterable, str], Iterable]:
    if not enabled:
        return lambda items, label: items

    def bar(items: Iterable, label: str) -> Iterable:
        from rich.progress import Progress

        items = list(items)
        with Progress(transient=True, console=_stderr_console()) as progress:
            task = progress.add_task(label, total=len(items))
            for item in items:
                yield item
                progress.advance(task)
    return bar


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def run_hand_suite(name: str, *, datasets: Path, verifier, progress) -> SuiteResult:
    cases = load_cases(SUITES_DIR / f"{name}.jsonl")
    expanded = []
    try:
        for case in cases:
            source, published = resolve_source(case, root=ROOT, datasets=datasets)
            pub = case.published or published
            expanded.append((case, source, pub))
            if case.label == "faithful":
                expanded += [(c, source, pub) for c in perturb(case, source, published=pub)]
    except MissingData as exc:
        return SuiteResult(name, skipped=str(exc))
    score = SuiteScore()
    for case, source, pub in progress(expanded, name):
        report = verifier(source, case.summary, published=pub, lang=case.lang)
        err = case.error
        score.outcomes.append(judge(report, case.label, err.span if err else None, err.kind if err else None,
                                    case.gold_evidence, case.id))
    return SuiteResult(name, score.metrics(), score.failures())


def run_external(name: str, *, datasets: Path, verifier, progress) -> SuiteResult:
    try:
        rows = list(EXTERNAL[name](datasets, verifier, progress))
    except MissingData as exc:
        return SuiteResult(name, skipped=str(exc))
    failures = [f"{r['id']}: {'false alarm' if r['consistent'] else 'caught'} {r['claim']}"
                for r in rows if r["flagged"] and r["consistent"]]
    failures += [f"{r['id']}: missed number edit" for r in rows if r["number_edit"] and not r["flagged"]]
    return SuiteResult(name, pair_metrics(rows), failures)


def _model_backend(spec: dict, backend: str | None, model: str | None, record: bool):
    """The recorded answers (replay) unless a live backend is asked for."""
    from ..llm.backends import ModelBackend, local_server, resolve_backend
    from ..llm.client import LLMClient

    name = backend or spec["backend"]
    if name == "extractive":
        return resolve_backend("extractive")
    model_name = model or spec.get("model")
    cache_dir = EVAL_CACHE if (record or backend is None) else None
    if backend is None:  # replay
        return ModelBackend(LLMClient(model=model_name, cache_only=True, cache_dir=EVAL_CACHE, backend=name), name)
    extra = {"cache_dir": cache_dir} if cache_dir else {}
    if name == "llamacpp":
        server = local_server()
        client = LLMClient(model=model_name, base_url=server.base_url, api_key="local", backend=name,
                           max_tokens=900, **extra)
        return ModelBackend(client, name)
    return ModelBackend(LLMClient(model=model_name, backend=name, **extra), name)


def key_facts(text: str, published, lead_sentences: int = 3) -> set[tuple[str, str]]:
    """The dates, counts, numbers and names of a news article's lead."""
    from ..index import Document
    from ..mentions import scan_text

    doc = Document(scan_text(text, published=published))
    end = doc.sentences[min(lead_sentences, len(doc.sentences)) - 1][1] if doc.sentences else 0
    return {(m.kind if m.kind != "count" else "number", str(m.value)) for m in doc.scan.mentions
            if m._nstart < end and m.value is not None and m.kind in ("date", "count", "number", "percent", "entity")}


def run_model_suite(name: str, *, datasets: Path, verifier, progress, backend: str | None = None,
                    model: str | None = None, record: bool = False) -> SuiteResult:
    """Summaries written by a backend, graded by the verifier."""
    from ..mentions import scan_text
    from ..pipeline import summarize

    spec = json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    chosen = _model_backend(spec, backend, model, record)
    verdicts = {"supported": 0, "contradicted": 0, "unverifiable": 0}
    coverage, compression, failures = [], [], []
    failed = 0
    for article in progress(spec["articles"], name):
        case = Case(id=article["id"], source_path=article["source_path"], summary="-", label="faithful")
        try:
            source, published = resolve_source(case, root=ROOT, datasets=datasets)
        except MissingData as exc:
            return SuiteResult(name, skipped=str(exc))
        published = article.get("published") or published
        try:
            summary = summarize(source, backend=chosen)
        except Exception as exc:  # a summary that could not be written is a failure to report
            failed += 1
            failures.append(f"{article['id']}: no summary: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        report = verifier(source, summary.text, published=published, lang=summary.lang)
        for c in report.claims:
            verdicts[c.verdict] += 1
            if c.verdict != "supported":
                failures.append(f"{article['id']}: {c.verdict} «{c.text}»: {c.reason}")
        facts = key_facts(source, published)
        summary_values = {(m.kind if m.kind != "count" else "number", str(m.value))
                          for m in scan_text(summary.text, published=published).mentions}
        if facts:
            coverage.append(len(facts & summary_values) / len(facts))
        compression.append(len(summary.text) / max(len(source), 1))
    total = sum(verdicts.values())
    metrics = {"articles": len(spec["articles"]), "summaries_failed": failed, "claims": total}
    for verdict, n in verdicts.items():
        metrics[f"share_{verdict}"] = n / total if total else None
    metrics["key_fact_coverage"] = sum(coverage) / len(coverage) if coverage else None
    metrics["compression"] = sum(compression) / len(compression) if compression else None
    return SuiteResult(name, metrics, failures)


def run(names: list[str] | None = None, *, datasets: Path = DEFAULT_DATASETS, verifier=verify,
        show_progress: bool = True, backend: str | None = None, model: str | None = None,
        record: bool = False) -> list[SuiteResult]:
    progress = _progress(show_progress and sys.stderr.isatty())
    results = []
    for name in names or available_suites():
        if name in EXTERNAL:
            results.append(run_external(name, datasets=datasets, verifier=verifier, progress=progress))
        elif (SUITES_DIR / f"{name}.jsonl").exists():
            results.append(run_hand_suite(name, datasets=datasets, verifier=verifier, progress=progress))
        elif (SUITES_DIR / f"{name}.json").exists():
            results.append(run_model_suite(name, datasets=datasets, verifier=verifier, progress=progress,
                                           backend=backend, model=model, record=record))
        else:
            raise ValueError(f"unknown suite {name!r}; available: {', '.join(available_suites())}")
    return results


def compare(results: list[SuiteResult], baseline: dict, tolerance: float = TOLERANCE) -> list[str]:
    """Metrics that fell below their baseline by more than ``tolerance``."""
    regressions = []
    for r in results:
        if r.skipped:
            continue
        for metric, base in baseline.get(r.name, {}).items():
            value = r.metrics.get(metric)
            if base is None or value is None or metric in NOT_GATED:
                continue
            worse = value - base > tolerance if metric in LOWER_IS_BETTER else base - value > tolerance
            if worse:
                regressions.append(f"{r.name}: {metric} {value:.3f} vs baseline {base:.3f} (tolerance {tolerance})")
    return regressions


def to_baseline(results: list[SuiteResult]) -> dict:
    return {r.name: {k: v for k, v in r.metrics.items() if isinstance(v, float)}
            for r in results if not r.skipped}


# -- output ----------------------------------------------------------------------------

_COLUMNS = ["cases", "false_alarm_rate", "recall_at_span", "reported_at_span", "balanced_accuracy",
            "evidence_accuracy", "recall_number_edits"]
_MODEL_COLUMNS = ["articles", "summaries_failed", "claims", "share_supported", "share_contradicted", "share_unverifiable",
                  "key_fact_coverage", "compression"]


def _fmt(v) -> str:
    if v is None:
        return "-"
    return f"{100 * v:.1f}%" if isinstance(v, float) else str(v)


def render_table(results: list[SuiteResult], *, markdown: bool = False) -> str:
    model = [r for r in results if "share_supported" in r.metrics]
    rows = [["suite", *_COLUMNS]]
    for r in results:
        if r in model:
            continue
        rows.append([r.name, *(["skipped: " + (r.skipped or "")] + [""] * (len(_COLUMNS) - 1)
                               if r.skipped else [_fmt(r.metrics.get(c)) for c in _COLUMNS])])
    kinds = sorted({k for r in results for k in r.metrics if k.startswith("recall[")})
    lines = []
    if len(rows) == 1:  # only model suites: no verifier table
        pass
    elif markdown:
        lines.append("| " + " | ".join(rows[0]) + " |")
        lines.append("|" + "---|" * len(rows[0]))
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    else:
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in rows]
    if model:
        lines.append("")
        lines.append("model-written summaries, graded by the verifier:")
        table = [["suite", *_MODEL_COLUMNS]] + [[r.name, *[_fmt(r.metrics.get(c)) for c in _MODEL_COLUMNS]]
                                                  for r in model]
        widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in table]
    if kinds:
        lines.append("")
        lines.append("recall of planted errors at their span, by kind (contradicted / reported):")
        for r in results:
            parts = [f"{k[7:-1]} {_fmt(r.metrics[k])} / {_fmt(r.metrics.get('reported' + k[6:]))}"
                     for k in kinds if k in r.metrics]
            if parts:
                lines.append(f"  {r.name}: " + ", ".join(parts))
    return "\n".join(lines) + "\n"


def render_json(results: list[SuiteResult]) -> str:
    return json.dumps({r.name: {"metrics": r.metrics, "skipped": r.skipped, "failures": r.failures[:50]}
                       for r in results}, ensure_ascii=False, indent=2) + "\n"
