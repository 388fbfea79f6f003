"""``toolkit batch`` with 1 and with 2 worker processes over the ANT articles, in one run.

    python benchmarks/batch_rate.py [--limit N] [--datasets ../shared/datasets]

Each run is the real command (``toolkit batch DIR -o results.jsonl --workers N``, extractive
summary and verification of every article) in its own process, so the figures include what a
user waits for. It prints, per run, the articles per second the batch reports (from its first
article to its last line), the wall time from process start to exit, the CPU time of its processes
(and so how many cores it kept busy), the peak memory of the largest process, and the load average of the machine when the run started
(other work on the cores lowers the ratio); then the ratio of the rates (target: >= 1.8x on 2
cores) and whether the two output files hold the same lines apart from timing.

A third run over the first 100 articles gives the peak memory for a tenth of the feed: the
memory of a batch does not grow with the number of articles.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASETS = ROOT.parent / "shared" / "datasets"

TICK = os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            todo += map(int, Path(f"/proc/{p}/task/{p}/children").read_text().split())
        except OSError:
            pass
    return out


def _usage(pid: int) -> tuple[float, float] | None:
    """CPU seconds so far and peak resident memory (MiB) of one process."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        hwm = next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None
    return (int(fields[11]) + int(fields[12])) / TICK, int(hwm.split()[1]) / 1024


def run(source: Path, out: Path, workers: int) -> dict:
    """One batch in its own process; the CPU time and peak memory of its whole process tree are
    sampled from /proc while it runs (its workers are not its children to wait for)."""
    load = os.getloadavg()[0]
    cmd = [sys.executable, "-m", "toolkit.cli", "batch", str(source), "-o", str(out), "--workers", str(workers),
           "--no-progress", "--backend", "extractive"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: dict[int, tuple[float, float]] = {}
    while proc.poll() is None:
        for pid in _tree(proc.pid):
            u = _usage(pid)
            if u:
                seen[pid] = u
        time.sleep(0.1)
    wall = time.monotonic() - started
    err = proc.stderr.read()
    line = err.strip().splitlines()[-1] if err.strip() else ""
    m = re.search(r"(\d+) articles, (\d+) with a contradiction, (\d+) failed; (\d+) checked in ([\d.]+) s", line)
    if proc.returncode not in (0, 1) or not m:
        raise SystemExit(f"batch failed ({proc.returncode}): {err}")
    articles, contradicted, failed, checked, seconds = m.groups()
    cpu = sum(c for c, _ in seen.values())
    return {"workers": workers, "articles": int(articles), "contradicted": int(contradicted), "failed": int(failed),
            "rate": int(checked) / float(seconds), "batch_s": float(seconds), "wall_s": wall, "cpu_s": cpu,
            "cores": cpu / wall, "peak_mib": max((h for _, h in seen.values()), default=0.0), "load": load}


def records(path: Path) -> dict:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        r.pop("seconds")
        out[r["id"]] = r
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    ap.add_argument("--limit", type=int, help="the first N articles only (default: all 840)")
    args = ap.parse_args()
    ant = args.datasets / "ant-sample"
    if not ant.is_dir():
        print(f"skipped: {ant} is not here (the ANT sample of ../shared/datasets)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = sorted(p for p in ant.rglob("*.txt"))
        source = ant
        if args.limit:
            source = tmp / "subset"
            for p in files[:args.limit]:
                dest = source / p.relative_to(ant)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.symlink_to(p)
        small = tmp / "small"
        for p in files[:100]:
            dest = small / p.relative_to(ant)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.symlink_to(p)
        print(f"toolkit batch over {ant} ({args.limit or len(files)} articles), extractive summary + verify; "
              f"{os.cpu_count()} cores")
        runs = []
        for workers in (1, 2):
            r = run(source, tmp / f"w{workers}.jsonl", workers)
            runs.append(r)
            print(f"  --workers {workers}: {r['articles']} articles ({r['contradicted']} with a contradiction, "
                  f"{r['failed']} failed): {r['rate']:.1f} articles/s ({r['batch_s']:.1f} s; wall {r['wall_s']:.1f} s "
                  f"with start-up), CPU {r['cpu_s']:.1f} s = {r['cores']:.2f} cores busy, largest process {r['peak_mib']:.0f} MiB, "
                  f"load average before {r['load']:.2f}")
            time.sleep(2)
        same = records(tmp / "w1.jsonl") == records(tmp / "w2.jsonl")
        ratio = runs[1]["rate"] / runs[0]["rate"]
        wall = runs[0]["wall_s"] / runs[1]["wall_s"]
        print(f"rate ratio, 2 workers / 1: {ratio:.2f}x (target >= 1.8x); wall-time ratio {wall:.2f}x; "
              f"identical lines: {'yes' if same else 'NO'}")
        # What the run could not show when other work held the cores: the CPU each article costs.
        per = [r["articles"] / r["cpu_s"] for r in runs]
        print(f"articles per CPU-second: {per[0]:.1f} with 1 worker, {per[1]:.1f} with 2 (the main process, the fork "
              f"server and the second worker's start included): on 2 free cores 2 workers can go at most "
              f"{2 * per[1] / per[0]:.2f}x as fast as 1; cores kept busy: {runs[0]['cores']:.2f} and {runs[1]['cores']:.2f}")
        r = run(small, tmp / "small.jsonl", 1)
        print(f"memory: largest process {r['peak_mib']:.0f} MiB for 100 articles, {runs[0]['peak_mib']:.0f} MiB "
              f"for {runs[0]['articles']} (1 worker)")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
