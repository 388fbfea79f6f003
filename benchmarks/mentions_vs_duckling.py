"""Score ``toolkit.find_mentions`` side by side with Duckling on the same cases.

Corpora (read by path, never copied): ``../shared/datasets/recognizers-text-ar/`` (cases
whose ``NotSupported`` names dotnet are left out: the reference never verified them) and
``../shared/datasets/duckling-ar/``. Prints recall, precision, value accuracy and time per
case for both systems, measured in one run, and the speed ratio.

    python benchmarks/mentions_vs_duckling.py [--datasets ../shared/datasets] [--json out.json]

Needs the ``bench`` extra (``pip install -e '.[bench]'``) for Duckling; without it, only
the toolkit's figures are printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from toolkit import find_mentions

ROOT = Path(__file__).resolve().parent.parent

# recognizers-text file -> (category, news-relevant?, our kinds, Duckling dimensions)
RECOGNIZERS = {
    "Specs_DateTime_Arabic_DateExtractor.json": ("date", True),
    "Specs_DateTime_Arabic_DateParser.json": ("date", True),
    "Specs_Number_Arabic_NumberModel.json": ("number", True),
    "Specs_Number_Arabic_PercentModel.json": ("percent", True),
    "Specs_DateTime_Arabic_DurationExtractor.json": ("duration", False),
    "Specs_DateTime_Arabic_DatePeriodExtractor.json": ("daterange", False),
    "Specs_DateTime_Arabic_HolidayExtractor.json": ("holiday", False),
    "Specs_DateTime_Arabic_TimeExtractor.json": ("time", False),
}
OUR_KINDS = {
    "date": {"date", "weekday"}, "daterange": {"date", "weekday"}, "holiday": {"date"},
    "time": {"date"}, "number": {"number", "count", "percent", "duration"},
    "percent": {"percent"}, "duration": {"duration"},
}
DUCKLING_DIMS = {
    "date": ["time"], "daterange": ["time"], "holiday": ["time"], "time": ["time"],
    "number": ["number"], "percent": ["number"], "duration": ["duration"],
}
# duckling-ar corpus dimension -> our category
DUCKLING_CORPUS = {
    "Time": ("date", True), "Numeral": ("number", True), "Numeral_EG": ("number", False),
    "Duration": ("duration", False), "AmountOfMoney": ("number", False),
    "Ordinal": ("ordinal", False), "Quantity": ("number", False), "Volume": ("number", False),
    "Temperature": ("number", False),
}
OUR_KINDS["ordinal"] = {"number"}
OUR_KINDS["week"] = {"date"}
DUCKLING_DIMS["week"] = ["time"]
DUCKLING_DIMS["ordinal"] = ["ordinal"]
DUCKLING_DIMS["article"] = ["time", "number", "duration"]  # a whole news article: every dimension it has
DUCKLING_NOW = dt.datetime(2013, 2, 12, 4, 30, tzinfo=dt.timezone(dt.timedelta(hours=-2)))


@dataclass
class Case:
    corpus: str
    category: str
    news: bool
    text: str
    spans: list[tuple[int, int]]  # expected [start, end)
    values: list[str | None]
    reference: dt.datetime | None = None
    negative: bool = False


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0
    values_checked: int = 0
    values_right: int = 0
    negatives: int = 0
    negatives_clean: int = 0
    seconds: float = 0.0
    cases: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    def precision(self) -> float | None:
        return self.predicted_right / self.predicted if self.predicted else None


def _value_of_result(r: dict) -> str | None:
    if "Value" in r and isinstance(r["Value"], dict):
        timex = r["Value"].get("Timex", "")
        return timex if re.fullmatch(r"(\d{4}|XXXX)-\d\d-\d\d", timex) else None
    res = r.get("Resolution") or {}
    v = res.get("value")
    if isinstance(v, str):
        return v.rstrip("%").replace(",", "")
    return None


def load_recognizers(folder: Path) -> list[Case]:
    cases = []
    for name, (category, news) in RECOGNIZERS.items():
        path = folder / name
        if not path.exists():
            continue
        for item in json.loads(path.read_text(encoding="utf-8-sig")):
            if "dotnet" in str(item.get("NotSupported", "")).lower():
                continue
            spans, values = [], []
            for r in item.get("Results", []):
                start = r["Start"]
                end = start + r["Length"] if "Length" in r else r["End"] + 1
                spans.append((start, end))
                values.append(_value_of_result(r))
            ref = item.get("Context", {}).get("ReferenceDateTime")
            cases.append(Case("recognizers-text-ar", category, news, item["Input"], spans, values,
                              dt.datetime.fromisoformat(ref) if ref else None))
    return cases


def _duckling_value(expected: str | None) -> str | None:
    if not expected:
        return None
    m = re.match(r"NumeralValue (-?[\d.e]+)", expected)
    if m:
        return m.group(1)
    m = re.match(r"datetime \((\d+), (\d+), (\d+)(?:, [^)]*)?\) Day", expected)
    if m:
        return "%04d-%02d-%02d" % tuple(map(int, m.groups()))
    return None


def _time_grain(expected: str) -> tuple[str, bool]:
    """Calendar dates (day, month, year grain, holidays) are what news summaries state;
    clock times, weeks and intervals are scored but not counted toward the target."""
    if "nterval" in expected:
        return "daterange", False
    if "Holiday" in expected:
        return "date", True
    grain = re.search(r"\) (\w+)\s*$", expected)
    grain = grain.group(1) if grain else ""
    if grain in ("Day", "Month", "Year"):
        return "date", True
    return ("week", False) if grain == "Week" else ("time", False)


def load_duckling(folder: Path) -> list[Case]:
    cases = []
    path = folder / "duckling_ar_corpus.jsonl"
    if not path.exists():
        return cases
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        category, news = DUCKLING_CORPUS[row["dimension"]]
        if row["dimension"] == "Time" and not row["negative"]:
            category, news = _time_grain(row["expected"])
        text = row["text"]
        cases.append(Case("duckling-ar", category, news, text,
                          [] if row["negative"] else [(0, len(text))],
                          [] if row["negative"] else [_duckling_value(row["expected"])],
                          DUCKLING_NOW.replace(tzinfo=None), row["negative"]))
    return cases


def _same_value(expected: str | None, got) -> bool | None:
    if expected is None or got is None:
        return None
    try:
        return abs(float(expected) - float(got)) < 1e-6
    except (TypeError, ValueError):
        e, g = str(expected), str(got)
        return e[-5:] == g[-5:] and (e[:4] == g[:4] or "XXXX" in (e[:4], g[:4]))


def ours(case: Case) -> list[tuple[int, int, object]]:
    ref = case.reference.date() if case.reference else None
    return [(m.start, m.end, m.value) for m in find_mentions(case.text, published=ref, lang="ar")
            if m.kind in OUR_KINDS[case.category]]


class Duckling:
    """Duckling in a worker process: some Arabic inputs («سأعود يوم الأحد الثاني») crash
    the Haskell runtime and would take the benchmark down with it. Parse time is
    measured inside the worker, so the pipe costs Duckling nothing."""

    def __init__(self) -> None:
        import duckling  # noqa: F401  (fail early when the bench extra is missing)

        self.crashes = 0
        self._start()

    def _start(self) -> None:
        import subprocess

        self.proc = subprocess.Popen([sys.executable, __file__, "--duckling-worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     encoding="utf-8")

    def __call__(self, case: Case) -> tuple[list[tuple[int, int, object]], float]:
        ref = case.reference or dt.datetime(2016, 11, 7)
        stamp = int(ref.replace(tzinfo=dt.timezone.utc).timestamp())
        self.proc.stdin.write(json.dumps({"text": case.text, "category": case.category, "stamp": stamp}) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:  # the runtime died on this input: a miss, and a new worker
            self.crashes += 1
            self.proc.wait()
            self._start()
            return [], 0.0
        data = json.loads(line)
        return [tuple(x) for x in data["found"]], data["seconds"]


class OtherTree:
    """The toolkit of another checkout (``--compare PATH``, e.g. the commit before a speed-up) in a
    worker process, timed inside the worker like Duckling, in the same run as this one."""

    def __init__(self, tree: Path) -> None:
        import os
        import subprocess

        env = dict(os.environ, PYTHONPATH=str(tree))
        self.proc = subprocess.Popen([sys.executable, __file__, "--toolkit-worker"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env, cwd=tree)
        self.crashes = 0

    def __call__(self, case: Case) -> tuple[list[tuple[int, int, object]], float]:
        ref = case.reference.date().isoformat() if case.reference else None
        self.proc.stdin.write(json.dumps({"text": case.text, "category": case.category, "published": ref}) + "\n")
        self.proc.stdin.flush()
        data = json.loads(self.proc.stdout.readline())
        return [tuple(x) for x in data["found"]], data["seconds"]


def toolkit_worker() -> None:
    import toolkit
    from toolkit.text import normalize

    print(f"toolkit from {Path(toolkit.__file__).parent}", file=sys.stderr)
    for line in sys.stdin:
        req = json.loads(line)
        if req["category"] == "article":
            normalize.cache_clear()  # as timed_article does
            t0 = time.perf_counter()
            mentions = toolkit.find_mentions(req["text"], published=req["published"])
            seconds = time.perf_counter() - t0
            found = [(m.start, m.end, m.value) for m in mentions]
        else:
            t0 = time.perf_counter()
            mentions = toolkit.find_mentions(req["text"], published=req["published"], lang="ar")
            seconds = time.perf_counter() - t0
            found = [(m.start, m.end, m.value) for m in mentions if m.kind in OUR_KINDS[req["category"]]]
        print(json.dumps({"found": found, "seconds": seconds}), flush=True)


def duckling_worker() -> None:
    import duckling

    tz = duckling.load_time_zones("/usr/share/zoneinfo")
    locale = duckling.default_locale_lang(duckling.parse_lang("AR"))
    dims = {k: duckling.parse_dimensions(v) for k, v in DUCKLING_DIMS.items()}
    for line in sys.stdin:
        req = json.loads(line)
        t0 = time.perf_counter()
        ctx = duckling.Context(duckling.parse_ref_time(tz, "UTC", req["stamp"]), locale)
        found = []
        for r in duckling.parse(req["text"], ctx, dims[req["category"]], False):
            v = r.get("value", {}).get("value")
            if isinstance(v, str) and "T" in v:
                v = v[:10]
            found.append((r["start"], r["end"], v))
        seconds = time.perf_counter() - t0
        print(json.dumps({"found": found, "seconds": seconds}), flush=True)


def timed_ours(case: Case) -> tuple[list[tuple[int, int, object]], float]:
    t0 = time.perf_counter()
    found = ours(case)
    return found, time.perf_counter() - t0


PASSES = 3


def score(cases: list[Case], systems: dict) -> dict[str, dict[tuple[str, str, bool], Score]]:
    """Whole passes over the cases, alternating systems (A B A B A B), so that machine
    noise falls on both alike; each system's time is its median pass."""
    results: dict[str, dict[tuple[str, str, bool], Score]] = {}
    passes: dict[str, list[dict[tuple, float]]] = {name: [] for name in systems}
    for k in range(PASSES):
        for name, system in systems.items():
            scores: dict[tuple[str, str, bool], Score] = {}
            for case in cases:
                _score_case(case, system, scores.setdefault((case.corpus, case.category, case.news), Score()))
            passes[name].append({key: sc.seconds for key, sc in scores.items()})
            if k == 0:
                results[name] = scores
    for name, runs in passes.items():
        middle = sorted(runs, key=lambda r: sum(r.values()))[len(runs) // 2]
        for key, sc in results[name].items():
            sc.seconds = middle[key]
    return results


def _score_case(case: Case, system, s: Score) -> None:
    found, seconds = system(case)
    s.seconds += seconds
    s.cases += 1
    if case.negative:
        s.negatives += 1
        s.negatives_clean += not found
        return
    for (a, b), value in zip(case.spans, case.values):
        s.expected += 1
        hit = [f for f in found if f[0] < b and a < f[1]]
        if hit:
            s.found += 1
            same = _same_value(value, hit[0][2])
            if same is not None:
                s.values_checked += 1
                s.values_right += same
        elif len(s.misses) < 400:
            s.misses.append(case.text[a:b])
    if case.corpus == "recognizers-text-ar":  # extractor files label every mention
        for f in found:
            s.predicted += 1
            s.predicted_right += any(f[0] < b and a < f[1] for a, b in case.spans)


def ant_articles(datasets: Path, limit: int) -> list[Case]:
    """The dev ANT articles (ant-splits/dev.txt, in its order; at most ``limit``), as cases
    without gold: timed, not scored."""
    dev = datasets / "ant-splits" / "dev.txt"
    if not dev.exists():
        return []
    out = []
    for name in dev.read_text(encoding="utf-8").split()[:limit]:
        raw = (datasets / "ant-sample" / name).read_text(encoding="utf-8")
        text = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        when = re.search(r"<TIME>\s*(\d{4})-(\d\d)-(\d\d)", raw)
        if text and text.group(1).strip():
            ref = dt.datetime(*map(int, when.groups())) if when else None
            out.append(Case("ant-dev", "article", True, text.group(1).strip(), [], [], ref))
    return out


def time_articles(articles: list[Case], systems: dict) -> dict[str, list[float]]:
    """Seconds per article for each system: the median of PASSES alternating passes."""
    import statistics

    times: dict[str, list[list[float]]] = {name: [] for name in systems}
    for _ in range(PASSES):
        for name, system in systems.items():
            times[name].append([system(case)[1] for case in articles])
    return {name: [statistics.median(p[k] for p in runs) for k in range(len(articles))]
            for name, runs in times.items()}


def timed_article(case: Case) -> tuple[list, float]:
    """find_mentions on a whole article, every kind (names and quotes too)."""
    from toolkit.text import normalize

    ref = case.reference.date() if case.reference else None
    normalize.cache_clear()  # each pass reads the article anew
    t0 = time.perf_counter()
    found = find_mentions(case.text, published=ref)
    return [(m.start, m.end, m.value) for m in found], time.perf_counter() - t0


def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=ROOT.parent / "shared" / "datasets")
    ap.add_argument("--json", type=Path, help="write all figures here")
    ap.add_argument("--misses", action="store_true", help="print the toolkit's missed cases")
    ap.add_argument("--ant", type=int, default=100, metavar="N",
                    help="also time both on the first N dev ANT articles (0: not)")
    ap.add_argument("--compare", type=Path, metavar="TREE",
                    help="also time the toolkit of another checkout (e.g. before a speed-up), in the same run")
    ap.add_argument("--duckling-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--toolkit-worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.duckling_worker:
        duckling_worker()
        return 0
    if args.toolkit_worker:
        toolkit_worker()
        return 0
    cases = load_recognizers(args.datasets / "recognizers-text-ar") + load_duckling(args.datasets / "duckling-ar")
    if not cases:
        print(f"no corpora under {args.datasets}: nothing to score", file=sys.stderr)
        return 0
    systems = {"toolkit": timed_ours}
    if args.compare:  # both toolkits in worker processes, timed alike
        systems = {"toolkit": OtherTree(ROOT), "compare": OtherTree(args.compare.resolve())}
    try:
        systems["duckling"] = Duckling()
    except ImportError:
        print("Duckling not installed (pip install -e '.[bench]'): toolkit figures only", file=sys.stderr)
    for system in systems.values():  # warm-up: tables, caches, Duckling's own start
        for case in cases[:20]:
            system(case)
    results = score(cases, systems)

    keys = sorted(results["toolkit"], key=lambda k: (not k[2], k[0], k[1]))
    header = f"{'corpus':20} {'category':9} {'news':4} {'cases':>5}"
    for name in systems:
        header += f" | {name:>8} recall  prec  value  neg-ok  ms/case"
    print(header)
    summary: dict = {}
    for key in keys:
        line = f"{key[0]:20} {key[1]:9} {'yes' if key[2] else 'no':4} {results['toolkit'][key].cases:5}"
        for name in systems:
            s = results[name][key]
            value = s.values_right / s.values_checked if s.values_checked else None
            neg = s.negatives_clean / s.negatives if s.negatives else None
            line += (f" | {'':8} {_pct(s.recall())} {_pct(s.precision())} {_pct(value)} {_pct(neg)}"
                     f" {1000 * s.seconds / s.cases:7.3f}")
            summary.setdefault(name, {})["/".join(map(str, key))] = {
                "recall": s.recall(), "precision": s.precision(), "value_accuracy": value,
                "negatives_clean": neg, "ms_per_case": 1000 * s.seconds / s.cases, "cases": s.cases}
        print(line)
    for name in systems:
        news = [s for k, s in results[name].items() if k[2]]
        exp = sum(s.expected for s in news)
        found = sum(s.found for s in news)
        secs = sum(s.seconds for s in results[name].values())
        n = sum(s.cases for s in results[name].values())
        print(f"{name}: news-relevant recall {found}/{exp} = {_pct(found / exp)}; "
              f"{1000 * secs / n:.3f} ms per case over {n} cases")
        summary[name]["news_recall"] = found / exp
        summary[name]["ms_per_case"] = 1000 * secs / n
    if "duckling" in systems:
        ratio = summary["duckling"]["ms_per_case"] / summary["toolkit"]["ms_per_case"]
        print(f"speed: toolkit is {ratio:.1f}x Duckling's speed (same cases, same run); "
              f"Duckling crashed on {systems['duckling'].crashes} cases (counted as misses)")
        summary["speed_ratio"] = ratio
    articles = ant_articles(args.datasets, args.ant) if args.ant else []
    if articles:
        import statistics

        on_articles = {"toolkit": timed_article, **{k: v for k, v in systems.items() if k != "toolkit"}}
        if args.compare:
            on_articles["toolkit"] = systems["toolkit"]
        per = time_articles(articles, on_articles)
        line = f"{len(articles)} dev ANT articles (ant-splits/dev.txt), median ms per article:"
        for name, secs in per.items():
            line += f" {name} {1000 * statistics.median(secs):.2f} (total {sum(secs):.2f} s)"
            summary.setdefault(name, {})["ant_ms_per_article"] = 1000 * statistics.median(secs)
        print(line)
        if "duckling" in per:
            ratio = statistics.median(per["duckling"]) / statistics.median(per["toolkit"])
            print(f"speed on articles: toolkit is {ratio:.1f}x Duckling's speed (median per article; Duckling "
                  f"parses {', '.join(DUCKLING_DIMS['article'])}, the toolkit every kind)")
            summary["ant_speed_ratio"] = ratio
    if "compare" in systems:
        ratio = summary["compare"]["ms_per_case"] / summary["toolkit"]["ms_per_case"]
        print(f"speed-up over {args.compare}: {ratio:.2f}x on the cases"
              + (f", {summary['compare']['ant_ms_per_article'] / summary['toolkit']['ant_ms_per_article']:.2f}x "
                 "on the articles (median)" if "ant_ms_per_article" in summary.get("compare", {}) else ""))
        if "duckling" in systems:
            print(f"compare is {summary['duckling']['ms_per_case'] / summary['compare']['ms_per_case']:.1f}x "
                  "Duckling's speed on the cases" + (
                      f", {summary['duckling']['ant_ms_per_article'] / summary['compare']['ant_ms_per_article']:.1f}x "
                      "on the articles" if "ant_ms_per_article" in summary.get("compare", {}) else ""))
    if args.misses:
        for key in keys:
            if key[2]:
                print(f"\nmissed {key}:", " | ".join(results["toolkit"][key].misses))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
