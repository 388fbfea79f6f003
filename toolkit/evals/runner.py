"""Run eval suites, print a table, write a JSON report, and gate on a baseline.

Deterministic: no model is called, no randomness; the same tree gives the same figures.
Gold is read from the suite files as written (hand-written, or generated once, reviewed and
frozen); nothing here derives gold from the verifier under test.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..checks import verify
from ..resources import checkout_root, data_path, default_datasets
from ..lang import detect_language
from .cases import Case, MissingData, gold_mismatches, load_cases, resolve_source
from .external import EXTERNAL, pair_metrics
from .metrics import Outcome, failures, judge, score

logger = logging.getLogger(__name__)
# The built-in suites, their baseline and recorded model answers ship in the package
# (toolkit/data/evals: the repository's evals/ folder, linked in a checkout, copied into a wheel),
# so `toolkit eval` finds them from any directory. Sources named by a path (seeds/...) are read
# from toolkit/data too; `datasets:` paths from the external datasets folder.
ROOT = checkout_root() or Path(__file__).resolve().parents[2]  # the repository, when run from one
SOURCES = data_path()
SUITES_DIR = data_path("evals", "suites")
GENERATED_DIR = SUITES_DIR / "generated"  # perturbations, generated once, reviewed, frozen
GENERATED = "-generated"
BASELINE = data_path("evals", "baseline.json")
# --datasets, else TOOLKIT_DATASETS, else ../shared/datasets beside the checkout (None: an
# installed toolkit without the setting; the suites that need the data are skipped, saying so)
DEFAULT_DATASETS = default_datasets()
EVAL_CACHE = data_path("evals", "cache")  # recorded model answers, replayed in CI
TOLERANCE = 0.02  # a metric may fall this much (absolute) below its baseline
LOWER_IS_BETTER = ("false_alarm_rate", "claim_false_alarm_rate", "share_contradicted", "script_only_flag_rate",
                   "summaries_failed", "judged_false_alarm_rate", "judged_flag_rate_faithful", "judge_failed",
                   "deterministic_false_alarm_rate")
# Sizes: a suite that grows or shrinks without a baseline change fails the gate.
COUNTS = ("cases", "faithful", "errors", "checkable", "consistent", "inconsistent", "number_edits",
          "digit_changes", "script_only", "articles")
# Descriptive, neither better nor worse; the naive floor does not depend on the verifier.
NOT_GATED = ("compression", "share_unverifiable", "claims", "claims_per_sentence")


def _gated(metric: str) -> bool:
    return metric not in NOT_GATED and not metric.startswith("naive_")


@dataclass
class SuiteResult:
    name: str
    metrics: dict = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    skipped: str | None = None


def available_suites() -> list[str]:
    return sorted([p.stem for p in SUITES_DIR.glob("*.jsonl")] + [p.stem for p in SUITES_DIR.glob("*.json")]
                  + [p.stem + GENERATED for p in GENERATED_DIR.glob("*.jsonl")] + list(EXTERNAL))


def suite_path(name: str) -> Path:
    if name.endswith(GENERATED):
        return GENERATED_DIR / f"{name[:-len(GENERATED)]}.jsonl"
    return SUITES_DIR / f"{name}.jsonl"


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


def run_case_suite(name: str, *, datasets: Path | None, verifier, progress) -> list[SuiteResult]:
    """A suite of cases with frozen gold; one result for the suite and one per language."""
    loaded = []
    try:
        for case in load_cases(suite_path(name)):
            source, published = resolve_source(case, root=SOURCES, datasets=datasets)
            loaded.append((case, source, case.published or published))
    except MissingData as exc:
        return [SuiteResult(name, skipped=str(exc))]
    broken = [p for case, source, _ in loaded for p in gold_mismatches(case, source)]
    if broken:
        raise ValueError(f"suite {name}: gold spans no longer match their words: " + "; ".join(broken[:5]))
    outcomes: list[Outcome] = []
    for case, source, pub in progress(loaded, name):
        lang = case.lang or detect_language(case.summary)
        report = verifier(source, case.summary, published=pub, lang=lang)
        outcomes.append(judge(report, case, source, lang))
    results = [SuiteResult(name, score(outcomes), failures(outcomes))]
    langs = sorted({o.lang for o in outcomes})
    if len(langs) > 1:
        results += [SuiteResult(f"{name}:{lang}", score([o for o in outcomes if o.lang == lang]))
                    for lang in langs]
    return results


def run_external(name: str, *, datasets: Path | None, verifier, progress) -> SuiteResult:
    try:
        rows = list(EXTERNAL[name](datasets, verifier, progress))
    except MissingData as exc:
        return SuiteResult(name, skipped=str(exc))
    missed = [f"{r['id']}: false alarm {r['claim']}" for r in rows if r["flagged"] and r["consistent"]]
    missed += [f"{r['id']}: missed number edit" for r in rows if r["number_edit"] and not r["flagged"]]
    missed += [f"{r['id']}: flagged a digit-script-only pair {r['claim']}" for r in rows
               if r["script_only"] and r["flagged_value"]]
    return SuiteResult(name, pair_metrics(rows), missed)


RECORDING_OPTIONS: dict[str, dict[str, Any]] = {"llamacpp": {"max_tokens": 900}}  # per backend, recorded and replayed


def _model_backend(spec: dict, backend: str | None, model: str | None, record: bool):
    """The recorded answers (replay) unless a live backend is asked for; which backends there are
    and how each is made come from the registry (``toolkit.llm.backends.BACKENDS``)."""
    from ..llm.backends import ModelBackend, backend_kind
    from ..llm.client import LLMClient

    name = backend or spec["backend"]
    kind = backend_kind(name)
    if kind.client is None:  # no model: nothing recorded, nothing to replay
        return kind.make(name)
    model_name = cast(str, model or spec.get("model"))
    options = dict(RECORDING_OPTIONS.get(name, {}))
    if backend is None:  # replay, with the options the answers were recorded with (they are part of the key)
        return ModelBackend(LLMClient(model=model_name, cache_only=True, cache_dir=EVAL_CACHE, backend=name,
                                      **options), name)
    if record:
        options.update(cache_dir=EVAL_CACHE, record_failures=True)
    # llamacpp: the server starts on the first answer that is not recorded yet; spec["gguf"] is its model
    return ModelBackend(kind.client(spec.get("gguf"), name=model_name, **options), name)


def key_facts(text: str, published, summary: str, lang: str,
              lead_sentences: int = 3) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The dates, counts, numbers and names of a news article's lead, and those the summary
    states (read with the article's number conventions, as the verifier reads it)."""
    from ..index import SourceIndex
    from ..mentions import scan_text

    def values(mentions) -> set[tuple[str, str]]:
        return {(m.kind if m.kind != "count" else "number", str(m.value)) for m in mentions
                if m.value is not None and m.kind in ("date", "count", "number", "percent", "entity")}

    doc = SourceIndex(scan_text(text, published=published))
    end = doc.sentences[min(lead_sentences, len(doc.sentences)) - 1][1] if doc.sentences else 0
    lead = values(m for m in doc.scan.mentions if m._nstart < end)
    return lead, values(doc.scan_summary(summary, published=published, lang=lang).mentions)


def run_model_suite(name: str, *, datasets: Path | None, verifier, progress, backend: str | None = None,
                    model: str | None = None, record: bool = False) -> SuiteResult:
    """Summaries written by a backend, graded by the verifier."""
    from ..pipeline import summarize

    spec = json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    chosen = _model_backend(spec, backend, model, record)
    verdicts = {"supported": 0, "contradicted": 0, "unverifiable": 0}
    coverage, compression, failures = [], [], []
    failed = 0
    for article in progress(spec["articles"], name):
        case = Case(id=article["id"], source_path=article["source_path"], summary="-", label="faithful")
        try:
            source, published = resolve_source(case, root=SOURCES, datasets=datasets)
        except MissingData as exc:
            return SuiteResult(name, skipped=str(exc))
        published = article.get("published") or published
        try:
            summary = summarize(source, backend=chosen, lang=article.get("lang"))
        except Exception as exc:  # a summary that could not be written is a failure to report
            failed += 1
            failures.append(f"{article['id']}: no summary: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        report = verifier(source, summary.text, published=published, lang=summary.lang)
        for c in report.claims:
            verdicts[c.verdict] += 1
            if c.verdict != "supported":
                failures.append(f"{article['id']}: {c.verdict} «{c.text}»: {c.reason}")
        facts, summary_values = key_facts(source, published, summary.text, summary.lang)
        if facts:
            coverage.append(len(facts & summary_values) / len(facts))
        compression.append(len(summary.text) / max(len(source), 1))
    total = sum(verdicts.values())
    metrics: dict[str, float | None] = {"articles": len(spec["articles"]), "summaries_failed": failed,
                                        "claims": total}
    for verdict, n in verdicts.items():
        metrics[f"share_{verdict}"] = n / total if total else None
    metrics["key_fact_coverage"] = sum(coverage) / len(coverage) if coverage else None
    metrics["compression"] = sum(compression) / len(compression) if compression else None
    return SuiteResult(name, metrics, failures)


def run_judged_suite(name: str, spec: dict, *, datasets: Path | None, verifier, progress, backend: str | None = None,
                     model: str | None = None, record: bool = False) -> list[SuiteResult]:
    """A case suite (``spec["cases"]``) judged by a model, sentence by sentence (the judged pass,
    answers replayed from ``evals/cache``), scored beside the deterministic verdicts on the
    same cases; one result for the suite and one per language."""
    from ..models import Evidence
    from ..pipeline import judge_summary

    judge = _model_backend(spec, backend, model, record)
    loaded = []
    try:
        for case in load_cases(suite_path(spec["cases"])):
            source, published = resolve_source(case, root=SOURCES, datasets=datasets)
            loaded.append((case, source, case.published or published))
    except MissingData as exc:
        return [SuiteResult(name, skipped=str(exc))]
    # What the judge read for each sentence, frozen when the answers were recorded: a replay
    # asks the same questions whatever the aligner (the verifier's index) has learnt since.
    frozen_path = EVAL_CACHE / "passages" / f"{name}.json"
    frozen = _read_passages(frozen_path) if backend is None else {}
    rows, failures = [], []
    for case, source, pub in progress(loaded, name):
        lang = case.lang or detect_language(case.summary)
        report = verifier(source, case.summary, published=pub, lang=lang)
        passages = {text: (v["passage"], [Evidence(start=a, end=b, text=source[a:b]) for a, b in v["sentences"]])
                    for text, v in frozen.get(case.id, {}).items()}
        judged = judge_summary(source, case.summary, judge, report=report, published=pub, lang=lang,
                               passages=passages)
        frozen[case.id] = {text: {"passage": passage, "sentences": [[e.start, e.end] for e in evidence]}
                           for text, (passage, evidence) in passages.items()}
        span = case.error.span if case.error else None

        def at(a: int, b: int) -> bool:
            return span is None or (a < span.end and span.start < b)

        row = {"lang": lang, "label": case.label, "sentences": len(judged),
               "failed": sum(j.verdict is None for j in judged),
               "judged_contradicted": any(j.verdict == "contradicted" and at(j.span.start, j.span.end)
                                          for j in judged),
               "judged_flagged": any(j.verdict in ("contradicted", "not_in_source") and at(j.span.start, j.span.end)
                                     for j in judged),
               "det_contradicted": any(c.verdict == "contradicted" and at(c.span.start, c.span.end)
                                       for c in report.claims),
               "det_reported": any(c.verdict != "supported" and at(c.span.start, c.span.end) for c in report.claims)}
        rows.append(row)
        for j in judged:
            if case.label == "error" and at(j.span.start, j.span.end) and j.verdict not in ("contradicted",
                                                                                             "not_in_source"):
                failures.append(f"{case.id}: missed: judged {j.verdict or 'failed'} «{j.text[:80]}»"
                                + (f" ({j.error})" if j.error else ""))
            if case.label == "faithful" and j.verdict == "contradicted":
                failures.append(f"{case.id}: false alarm: judged contradicted «{j.text[:80]}» quote «{j.quote[:80]}»")

    def score(rs: list[dict]) -> dict:
        errors = [r for r in rs if r["label"] == "error"]
        faithful = [r for r in rs if r["label"] == "faithful"]

        def share(items: list[dict], key: str) -> float | None:
            return sum(bool(r[key]) for r in items) / len(items) if items else None

        sentences = sum(r["sentences"] for r in rs)
        return {"cases": len(rs), "faithful": len(faithful), "errors": len(errors),
                "judged_reported_at_span": share(errors, "judged_flagged"),
                "judged_contradicted_at_span": share(errors, "judged_contradicted"),
                "judged_false_alarm_rate": share(faithful, "judged_contradicted"),
                "judged_flag_rate_faithful": share(faithful, "judged_flagged"),
                "judge_failed": sum(r["failed"] for r in rs) / sentences if sentences else None,
                "deterministic_recall_at_span": share(errors, "det_contradicted"),
                "deterministic_reported_at_span": share(errors, "det_reported"),
                "deterministic_false_alarm_rate": share(faithful, "det_contradicted"),
                "combined_reported_at_span": (sum(r["det_contradicted"] or r["judged_flagged"] for r in errors)
                                              / len(errors)) if errors else None}

    if record:
        frozen_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(frozen_path, json.dumps(frozen, ensure_ascii=False, indent=1) + "\n")
    results = [SuiteResult(name, score(rows), failures)]
    langs = sorted({r["lang"] for r in rows})
    if len(langs) > 1:
        results += [SuiteResult(f"{name}:{lang}", score([r for r in rows if r["lang"] == lang])) for lang in langs]
    return results


def _read_passages(path: Path) -> dict:
    """Frozen judge passages: case id -> sentence -> {"passage": text, "sentences": [[start, end], ...]}."""
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def run(names: list[str] | None = None, *, datasets: Path | None = DEFAULT_DATASETS, verifier=verify,
        show_progress: bool = True, backend: str | None = None, model: str | None = None,
        record: bool = False) -> list[SuiteResult]:
    progress = _progress(show_progress and sys.stderr.isatty())
    results: list[SuiteResult] = []
    for name in names or available_suites():
        if name in EXTERNAL:
            results.append(run_external(name, datasets=datasets, verifier=verifier, progress=progress))
        elif suite_path(name).exists():
            results += run_case_suite(name, datasets=datasets, verifier=verifier, progress=progress)
        elif (SUITES_DIR / f"{name}.json").exists() and "cases" in (
                spec := json.loads((SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))):
            results += run_judged_suite(name, spec, datasets=datasets, verifier=verifier, progress=progress,
                                        backend=backend, model=model, record=record)
        elif (SUITES_DIR / f"{name}.json").exists():
            results.append(run_model_suite(name, datasets=datasets, verifier=verifier, progress=progress,
                                           backend=backend, model=model, record=record))
        else:
            raise ValueError(f"unknown suite {name!r}; available: {', '.join(available_suites())}")
    for r in results:
        if r.skipped:
            logger.info("suite %s skipped: %s", r.name, r.skipped)
    return results


def _suite_of(result_name: str) -> str:
    return result_name.split(":")[0]


def compare(results: list[SuiteResult], baseline: dict, tolerance: float = TOLERANCE, *,
            complete: bool = True) -> list[str]:
    """Why these results fail the baseline (empty: they pass).

    A baselined suite that was skipped, or (``complete``: every suite was asked for) did not
    run, fails; so does a baselined metric that is missing or None, a count that changed, and
    a metric that fell more than ``tolerance`` below its baseline."""
    problems = []
    by_name = {r.name: r for r in results}
    ran = {_suite_of(r.name) for r in results}
    for name, base_metrics in sorted(baseline.items()):
        r = by_name.get(name)
        if r is None:
            if complete or _suite_of(name) in ran:
                problems.append(f"{name}: baselined suite did not run (missing or renamed)")
            continue
        if r.skipped:
            problems.append(f"{name}: baselined suite was skipped: {r.skipped}")
            continue
        for metric, base in sorted(base_metrics.items()):
            if not _gated(metric):
                continue
            value = r.metrics.get(metric)
            if value is None:
                problems.append(f"{name}: {metric} is {'missing' if metric not in r.metrics else 'None'} "
                                f"(baseline {base})")
            elif metric in COUNTS:
                if value != base:
                    problems.append(f"{name}: {metric} changed {base} -> {value} without a baseline change")
            elif metric in LOWER_IS_BETTER:
                if value - base > tolerance:
                    problems.append(f"{name}: {metric} {_num(value)} vs baseline {_num(base)} (tolerance {tolerance})")
            elif base - value > tolerance:
                problems.append(f"{name}: {metric} {_num(value)} vs baseline {_num(base)} (tolerance {tolerance})")
    return problems


def _num(v) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def to_baseline(results: list[SuiteResult]) -> dict:
    return {r.name: {k: v for k, v in r.metrics.items() if isinstance(v, (int, float)) and _gated(k)}
            for r in results if not r.skipped}


def baseline_drops(results: list[SuiteResult], old: dict) -> list[str]:
    """What writing these results as the new baseline would lower: any gated metric that is
    worse, a suite, language or metric that disappears, a suite that shrinks. A skipped
    suite is refused before this is asked."""
    new = to_baseline(results)
    ran = {_suite_of(r.name) for r in results}
    drops = []
    for name, metrics in sorted(old.items()):
        if name not in new:
            if _suite_of(name) in ran:  # suites that did not run keep their baseline
                drops.append(f"{name}: suite would leave the baseline")
            continue
        for metric, base in sorted(metrics.items()):
            value = new[name].get(metric)
            if value is None:
                drops.append(f"{name}: {metric} {_num(base)} -> none")
            elif metric in COUNTS:
                if value < base:
                    drops.append(f"{name}: {metric} {base} -> {value} (fewer cases)")
            elif (value > base) if metric in LOWER_IS_BETTER else (value < base):
                drops.append(f"{name}: {metric} {_num(base)} -> {_num(value)}")
    return drops


def merge_baseline(results: list[SuiteResult], old: dict) -> dict:
    """The old baseline with the suites that ran replaced (suites not run are kept)."""
    ran = {_suite_of(r.name) for r in results}
    kept = {n: m for n, m in old.items() if _suite_of(n) not in ran}
    return dict(sorted({**kept, **to_baseline(results)}.items()))


def write_atomic(path: Path, text: str) -> None:
    """Write a file so that a kill leaves the old content or the new, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- output ----------------------------------------------------------------------------


RATIOS = ("claims_per_sentence",)  # not shares: printed as numbers


def _fmt(v, metric: str = "") -> str:
    if v is None:
        return "-"
    if metric in RATIOS:
        return f"{v:.2f}"
    return f"{100 * v:.1f}%" if isinstance(v, float) else str(v)


def _beside(m: dict, metric: str, naive: str | None = None) -> str:
    """A figure with the naive floor in brackets."""
    text = _fmt(m.get(metric), metric)
    return f"{text} ({_fmt(m.get(naive))})" if naive else text


_CASE_COLUMNS = [  # header, metric, naive floor
    ("cases", "cases", None), ("false alarms (naive)", "false_alarm_rate", "naive_false_alarm_rate"),
    ("contradicted claims, faithful", "claim_false_alarm_rate", None),
    ("errors caught at span (naive)", "recall_at_span", "naive_recall_at_span"),
    ("errors reported at span", "reported_at_span", None), ("binding caught", "recall[binding]", None),
    ("coverage: values", "coverage_values", None), ("coverage: names", "coverage_names", None),
    ("evidence accuracy", "evidence_accuracy", None),
    ("balanced accuracy (naive)", "balanced_accuracy", "naive_balanced_accuracy"),
    ("claims / sentence", "claims_per_sentence", None)]
_PAIR_COLUMNS = [
    ("pairs", "cases", None), ("false alarms (naive)", "false_alarm_rate", "naive_false_alarm_rate"),
    ("number edits", "number_edits", None),
    ("number edits caught (naive)", "recall_number_edits", "naive_recall_number_edits"),
    ("digit changes caught (naive)", "recall_digit_changes", "naive_recall_digit_changes"),
    ("all edits caught (naive)", "recall_all_edits", "naive_recall_all_edits"),
    ("script-only pairs flagged", "script_only_flag_rate", None),
    ("balanced accuracy (naive)", "balanced_accuracy", "naive_balanced_accuracy")]
_JUDGED_COLUMNS = [
    ("cases", "cases", None), ("errors reported by the judge", "judged_reported_at_span", None),
    ("errors judged contradicted", "judged_contradicted_at_span", None),
    ("faithful judged contradicted", "judged_false_alarm_rate", None),
    ("faithful judged contradicted or not in source", "judged_flag_rate_faithful", None),
    ("judge failed (sentences)", "judge_failed", None),
    ("verifier: errors contradicted / reported", "deterministic_recall_at_span", "deterministic_reported_at_span"),
    ("verifier false alarms", "deterministic_false_alarm_rate", None),
    ("verifier or judge", "combined_reported_at_span", None)]
_MODEL_COLUMNS = [(c, c, None) for c in ("articles", "summaries_failed", "claims", "share_supported",
                                         "share_contradicted", "share_unverifiable", "key_fact_coverage",
                                         "compression")]


def _table(rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        return (["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
                + ["| " + " | ".join(row) + " |" for row in rows[1:]])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]


Columns = Sequence[tuple[str, str, str | None]]  # (heading, metric, naive metric)


def render_table(results: list[SuiteResult], *, markdown: bool = False) -> str:
    groups: list[tuple[str, Columns, Callable[[SuiteResult], bool]]] = [
              ("", _CASE_COLUMNS, lambda r: "recall_at_span" in r.metrics),
              ("external pairs (number edits chosen by digits, not by the toolkit):", _PAIR_COLUMNS,
               lambda r: "number_edits" in r.metrics),
              ("model-written summaries, graded by the verifier:", _MODEL_COLUMNS,
               lambda r: "share_supported" in r.metrics),
              ("judged pass (a model's verdicts per sentence; the verifier's beside them, in brackets its "
               "reported share):", _JUDGED_COLUMNS, lambda r: "judged_reported_at_span" in r.metrics)]
    lines: list[str] = []
    for title, columns, belongs in groups:
        chosen = [r for r in results if not r.skipped and belongs(r)]
        if not chosen:
            continue
        if lines:
            lines.append("")
        if title:
            lines.append(title)
        rows = [["suite", *(c[0] for c in columns)]]
        rows += [[r.name, *(_beside(r.metrics, metric, naive) for _, metric, naive in columns)] for r in chosen]
        lines += _table(rows, markdown)
    for r in results:
        if r.skipped:
            lines.append(f"{r.name}: SKIPPED: {r.skipped}")
    kinds = sorted({k[7:-1] for r in results for k in r.metrics if k.startswith("recall[")})
    kinds.sort(key=lambda k: (k in ("values", "binding"), k == "binding"))  # the aggregates last
    by_kind = [r for r in results if any(f"recall[{k}]" in r.metrics for k in kinds)]
    if by_kind:
        lines += ["", "errors caught / reported at their span, by kind (values: the value kinds together; "
                      "binding: any kind, bound to the wrong event or entity):"]
        rows = [["suite", *kinds]] + [[r.name, *(f"{_fmt(r.metrics.get(f'recall[{k}]'))} / "
                                                 f"{_fmt(r.metrics.get(f'reported[{k}]'))}"
                                                 if f"recall[{k}]" in r.metrics else "" for k in kinds)]
                                      for r in by_kind]
        lines += _table(rows, markdown)
    return "\n".join(lines) + "\n"


def render_json(results: list[SuiteResult]) -> str:
    return json.dumps({r.name: {"metrics": r.metrics, "skipped": r.skipped, "failures": r.failures[:50]}
                       for r in results}, ensure_ascii=False, indent=2) + "\n"
