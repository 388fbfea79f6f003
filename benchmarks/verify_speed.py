"""How fast ``verify`` is on the seed, and what more summaries of one source cost.

Printed per tree (this checkout, and with ``--compare PATH`` another checkout of the toolkit,
e.g. the commit before a speed-up, measured in the same run, alternating A B A B so that the
machine's noise falls on both alike):

* seed verify, warm: the median of repeated ``verify(seed, seed summary)`` calls in a warm
  process (tables loaded; the source index reused where the tree keeps one);
* seed verify, cold source: the same with the source-index cache cleared before each call;
* 10 summaries vs 1: the cost of verifying 10 different summaries of the seed (the first 10
  summaries of evals/suites/seed.jsonl) against that of the first alone, each started with an
  empty source-index cache (target: < 2x);
* the ratio of the two trees' figures.

    python benchmarks/verify_speed.py [--compare /tmp/base] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_84ad6c98e610491e.txt"
SEED_SUMMARY = ROOT / "seeds" / "000_84ad6c98e610491e.summary.txt"
SEED_SUITE = ROOT / "evals" / "suites" / "seed.jsonl"
PUBLISHED = "2025-08-19"


def _clear() -> None:
    try:
        from toolkit import reuse
    except ImportError:  # a tree without the source-index cache: nothing to clear
        return
    reuse.clear()


def measure(repeat: int) -> dict:
    from toolkit import verify

    source = SEED.read_text(encoding="utf-8")
    summary = SEED_SUMMARY.read_text(encoding="utf-8")
    summaries = [json.loads(line)["summary"] for line in SEED_SUITE.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("//")][:10]
    for _ in range(5):
        verify(source, summary, published=PUBLISHED)
    warm = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        verify(source, summary, published=PUBLISHED)
        warm.append(time.perf_counter() - t0)
    cold = []
    for _ in range(max(repeat // 2, 5)):
        _clear()
        t0 = time.perf_counter()
        verify(source, summary, published=PUBLISHED)
        cold.append(time.perf_counter() - t0)
    one, ten = [], []
    for _ in range(max(repeat // 5, 5)):
        _clear()
        t0 = time.perf_counter()
        verify(source, summaries[0], published=PUBLISHED)
        one.append(time.perf_counter() - t0)
        _clear()
        t0 = time.perf_counter()
        for s in summaries:
            verify(source, s, published=PUBLISHED)
        ten.append(time.perf_counter() - t0)
    med = statistics.median
    return {"warm_ms": 1000 * med(warm), "cold_ms": 1000 * med(cold), "one_ms": 1000 * med(one),
            "ten_ms": 1000 * med(ten), "ten_vs_one": med(ten) / med(one)}


def _child(tree: Path, repeat: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree), TOOLKIT_DATASETS=os.environ.get(
        "TOOLKIT_DATASETS", str(ROOT.parent / "shared" / "datasets")))
    out = subprocess.run([sys.executable, __file__, "--child", "--repeat", str(repeat)], env=env, cwd=tree,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", type=Path, help="another checkout of the toolkit, measured in the same run")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds per tree (median taken)")
    ap.add_argument("--repeat", type=int, default=40, help="warm calls per round")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.repeat)))
        return 0
    trees = {"this": ROOT}
    if args.compare:
        trees["compare"] = args.compare.resolve()
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            runs[name].append(_child(tree, args.repeat))
    rows = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
    print(f"{'tree':8} {'seed warm ms':>12} {'seed cold ms':>12} {'1 summary ms':>12} {'10 summaries ms':>15} "
          f"{'10 vs 1':>8}   (median of {args.rounds} rounds; load {os.getloadavg()[0]:.2f})")
    for name, r in rows.items():
        print(f"{name:8} {r['warm_ms']:12.2f} {r['cold_ms']:12.2f} {r['one_ms']:12.2f} {r['ten_ms']:15.2f} "
              f"{r['ten_vs_one']:7.2f}x   {trees[name]}")
    if "compare" in rows:
        a, b = rows["this"], rows["compare"]
        print(f"speed-up (compare / this): seed warm {b['warm_ms'] / a['warm_ms']:.2f}x, "
              f"seed cold {b['cold_ms'] / a['cold_ms']:.2f}x, 10 summaries {b['ten_ms'] / a['ten_ms']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
