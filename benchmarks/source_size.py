"""How `verify`'s time and peak memory grow with the size of the source.

Sources of 0.5, 1 and 5 MB (UTF-8) are built by repeating the dev ANT articles
(../shared/datasets/ant-sample/, only those listed in ant-splits/dev.txt), with a 20-sentence
summary made of the first sentences of the first 20 of them. Each size runs in its own
process (so that peak memory, ``resource.getrusage(...).ru_maxrss``, is its own), with the
size limit raised for the run. Printed: time, peak memory, and their ratios to the 0.5 MB
run, with the growth exponent log(ratio) / log(size ratio) (1 is linear, 2 quadratic).

    python benchmarks/source_size.py                    # 0.5, 1 and 5 MB
    python benchmarks/source_size.py --sizes 0.5 1 2 --timeout 300
    python benchmarks/source_size.py --sizes 0.03 0.3 3 --sentences 100   # the growth target (<= 1.1)
"""

from __future__ import annotations

import argparse
import json
import math
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
ARTICLES = DATASETS / "ant-sample"
DEV = DATASETS / "ant-splits" / "dev.txt"
PUBLISHED = "2017-02-22"
MB = 1_000_000


def dev_articles() -> list[str]:
    """The bodies (<TEXT>) of the dev articles, in the order dev.txt lists them."""
    bodies = []
    for line in DEV.read_text(encoding="utf-8").split():
        raw = (ARTICLES / line).read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        if m and m.group(1).strip():
            bodies.append(m.group(1).strip())
    return bodies


def build(megabytes: float, sentences: int = 20) -> tuple[str, str]:
    """A source of at least ``megabytes`` MB of UTF-8 (whole articles) and a summary of
    ``sentences`` sentences: the first sentence of each article, then the second, and so on."""
    from toolkit.pipeline import split_sentences

    articles = dev_articles()
    split = [split_sentences(a) for a in articles]
    picked: list[str] = []
    for k in range(max(len(s) for s in split)):
        picked += [s[k] for s in split if k < len(s)]
    summary = "\n".join(picked[:sentences])
    target, parts, size, i = int(megabytes * MB), [], 0, 0
    while size < target:
        article = articles[i % len(articles)]
        parts.append(article)
        size += len(article.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts), summary


def measure(megabytes: float, sentences: int = 20) -> dict:
    """One size, in this process: build, verify, report."""
    from toolkit import verify

    source, summary = build(megabytes, sentences)
    verify("قال الوزير إن 5 مشاريع تمت.", "5 مشاريع.")  # warm the tables: not part of the size's cost
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    report = verify(source, summary, published=PUBLISHED, max_chars=max(len(source), len(summary)) + 1)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"mb": megabytes, "bytes": len(source.encode("utf-8")), "chars": len(source), "seconds": seconds,
            "peak_mib": peak / 1024, "start_mib": before / 1024, "claims": len(report.claims),
            "counts": report.counts}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 5], help="sizes in MB (default 0.5 1 5)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed to each size")
    parser.add_argument("--sentences", type=int, default=20, help="summary sentences (default 20)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, args.sentences)))
        return
    rows = []
    for size in args.sizes:
        try:
            run = subprocess.run([sys.executable, __file__, "--one", str(size), "--sentences", str(args.sentences)],
                             capture_output=True, text=True,
                                 timeout=args.timeout, cwd=ROOT)
        except subprocess.TimeoutExpired:
            print(f"{size:5g} MB: not finished within {args.timeout:g} s", flush=True)
            continue
        if run.returncode:
            print(f"{size:5g} MB: failed: {run.stderr.strip().splitlines()[-1:]}", flush=True)
            continue
        row = json.loads(run.stdout.strip().splitlines()[-1])
        rows.append(row)
        base = rows[0]
        ratio = row["bytes"] / base["bytes"]
        t_ratio, m_ratio = row["seconds"] / base["seconds"], row["peak_mib"] / base["peak_mib"]
        grow = (row["peak_mib"] - row["start_mib"]) / max(base["peak_mib"] - base["start_mib"], 1e-9)
        exp = (lambda r, s=ratio: math.log(r) / math.log(s)) if ratio > 1.01 else (lambda r: float("nan"))
        print(f"{size:5g} MB ({row['bytes'] / MB:.2f} MB, {row['chars']:,} chars, {row['claims']} claims): "
              f"{row['seconds']:7.1f} s, peak {row['peak_mib']:7.0f} MiB (start {row['start_mib']:.0f}) | "
              f"vs first: size x{ratio:.2f}, time x{t_ratio:.2f} (exponent {exp(t_ratio):.2f}), "
              f"peak x{m_ratio:.2f} (exponent {exp(m_ratio):.2f}), growth over start x{grow:.2f} "
              f"(exponent {exp(grow) if grow > 0 else float('nan'):.2f})", flush=True)


if __name__ == "__main__":
    main()
