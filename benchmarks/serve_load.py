"""A bounded load test of ``toolkit serve`` on 127.0.0.1.

    python benchmarks/serve_load.py [--requests 2000] [--concurrency 32] [--workers 2]

Starts the real server (``toolkit serve --port 0``, extractive backend) in its own process,
warms it up, then sends ``--requests`` POST /v1/verify requests from ``--concurrency`` client
threads over keep-alive connections: the seed article and one of its summaries from ``seeds/``
(Arabic and English, about 6 KB a body). It prints throughput, latency percentiles, the
errors (any answer but 200, any failed connection) and the memory of the server and its worker
processes along the run (sampled twice a second), then stops the server. Only the loopback
address is used; the run ends by itself (``--requests`` requests, ``--deadline`` seconds at most).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def start(workers: int) -> tuple[subprocess.Popen, int]:
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "serve", "--host", "127.0.0.1", "--port", "0",
                             "--workers", str(workers), "--backend", "extractive"], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if "listening on http://" in line:
            threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
            return proc, int(line.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)[1])
    raise SystemExit(f"the server did not start (exit {proc.wait()})")


def rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(x for x in status.splitlines() if x.startswith("VmRSS:")).split()[1])
            todo += map(int, Path(f"/proc/{p}/task/{p}/children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2, help="the server's worker processes")
    ap.add_argument("--deadline", type=float, default=600, help="stop sending after this many seconds")
    args = ap.parse_args()

    source = (SEEDS / "000_84ad6c98e610491e.txt").read_text(encoding="utf-8")
    bodies = [json.dumps({"source": source, "summary": (SEEDS / name).read_text(encoding="utf-8"),
                          "published": "2025-08-19"}, ensure_ascii=False).encode("utf-8")
              for name in ("000_84ad6c98e610491e.summary.txt", "000_84ad6c98e610491e.summary.en.txt")]
    proc, port = start(args.workers)
    print(f"toolkit serve on 127.0.0.1:{port}, {args.workers} workers; {args.requests} POST /v1/verify, "
          f"{args.concurrency} concurrent, bodies of {len(bodies[0]):,} and {len(bodies[1]):,} bytes; "
          f"{os.cpu_count()} cores shared with the client, load before {os.getloadavg()[0]:.2f}")

    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    issued = 0
    stop_at = time.monotonic() + args.deadline

    def client(k: int, count: int | None = None) -> None:
        nonlocal issued
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if count is None:
                    if issued >= args.requests or time.monotonic() > stop_at:
                        break
                    issued += 1
                    n = issued
                else:
                    if count <= 0:
                        break
                    count -= 1
                    n = count
            body = bodies[n % 2]
            started = time.perf_counter()
            try:
                conn.request("POST", "/v1/verify", body=body, headers={"Content-Type": "application/json"})
                r = conn.getresponse()
                payload = r.read()
                ok = r.status == 200 and json.loads(payload)["counts"]
                problem = None if ok else f"{r.status} {payload[:200]!r}"
            except (OSError, http.client.HTTPException, ValueError) as exc:
                problem = f"{type(exc).__name__}: {exc}"
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = time.perf_counter() - started
            if count is None:
                with lock:
                    latencies.append(elapsed)
                    if problem:
                        errors.append(problem)
        conn.close()

    try:
        warm = [threading.Thread(target=client, args=(k, 10)) for k in range(args.workers * 2)]
        for t in warm:
            t.start()
        for t in warm:
            t.join()
        samples: list[tuple[int, float]] = [(0, rss_mib(proc.pid))]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.5):
                with lock:
                    n = len(latencies)
                samples.append((n, rss_mib(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.concurrency)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        samples.append((len(latencies), rss_mib(proc.pid)))
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()

    lat = sorted(latencies)

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000

    print(f"{len(lat)} requests in {wall:.1f} s: {len(lat) / wall:.1f} requests/s; latency p50 {pct(50):.0f} ms, "
          f"p90 {pct(90):.0f} ms, p99 {pct(99):.0f} ms, max {lat[-1] * 1000:.0f} ms, mean "
          f"{statistics.fmean(lat) * 1000:.0f} ms; errors: {len(errors)}")
    for e in errors[:5]:
        print(f"  error: {e}")

    def at(fraction: float) -> float:
        target = fraction * len(lat)
        return next((m for n, m in samples if n >= target), samples[-1][1])

    quarter = at(0.25)
    print(f"memory (server and its workers): {samples[0][1]:.0f} MiB after warm-up, {quarter:.0f} MiB at 25%, "
          f"{at(0.5):.0f} MiB at 50%, {at(0.75):.0f} MiB at 75%, {samples[-1][1]:.0f} MiB at the end "
          f"(peak {max(m for _, m in samples):.0f} MiB; {samples[-1][1] - quarter:+.0f} MiB from 25% to the end)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
