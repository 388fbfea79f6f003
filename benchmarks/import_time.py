"""Start-up cost: what ``import toolkit`` and the offline ``toolkit verify`` import, and how long
it takes, measured with ``python -X importtime`` in fresh interpreters (median of 5).

    python benchmarks/import_time.py            # a table
    python benchmarks/import_time.py --json     # the same figures as JSON
    python benchmarks/import_time.py --check    # exit 1 unless `import toolkit` < 300 ms and neither
                                                # `import toolkit` nor `toolkit verify` imports openai/instructor

Figures:

- ``import toolkit``: the cumulative time ``-X importtime`` reports for the ``toolkit`` line;
- ``import toolkit; toolkit.verify``: every import made by the code after interpreter start-up
  (the top-level ``-X importtime`` entries not made by ``python -c pass``), summed;
- ``toolkit verify``: the command line on the seed article and its summary, in-process through
  ``toolkit.cli.main``, the same sum; and which heavy libraries each of the three imported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_84ad6c98e610491e.txt"
SUMMARY = ROOT / "seeds" / "000_84ad6c98e610491e.summary.txt"
TARGET_MS = 300.0
LLM_LIBRARIES = ("openai", "instructor")
WATCHED = LLM_LIBRARIES + ("httpx", "jinja2", "rich", "babel", "rapidfuzz", "wordfreq", "hijridate", "pydantic")

CASES = {
    "import toolkit": "import toolkit",
    "import toolkit; toolkit.verify": "import toolkit; toolkit.verify",
    "toolkit verify": ("import sys, toolkit.cli; sys.stdout = open('/dev/null', 'w'); "
                       f"toolkit.cli.main(['verify', {str(SEED)!r}, {str(SUMMARY)!r}, '--published', '2025-08-19'])"),
}


def _importtime(code: str) -> list[tuple[int, int, int, str]]:
    """(self µs, cumulative µs, depth, module) for every import ``code`` makes in a fresh interpreter."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                          env=env, timeout=300)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip(" "))) // 2
        rows.append((int(own), int(cumulative), depth, name.strip()))
    return rows


def _startup_modules() -> set[str]:
    return {name for _, _, _, name in _importtime("pass")}


def measure(runs: int = 5) -> dict[str, dict]:
    startup = _startup_modules()
    out: dict[str, dict] = {}
    for label, code in CASES.items():
        totals, modules = [], set()
        for _ in range(runs):
            rows = _importtime(code)
            modules = {name for _, _, _, name in rows} - startup
            if label == "import toolkit":
                totals.append(next(c for _, c, d, n in rows if n == "toolkit" and d == 0))
            else:
                totals.append(sum(c for _, c, d, n in rows if d == 0 and n not in startup))
        heaviest = sorted(((c, n) for _, c, d, n in rows if d == 0 and n not in startup), reverse=True)[:5]
        out[label] = {
            "median_ms": round(statistics.median(totals) / 1000, 1),
            "modules": len(modules),
            "imports": {lib: any(m == lib or m.startswith(lib + ".") for m in modules) for lib in WATCHED},
            "heaviest": [[n, round(c / 1000, 1)] for c, n in heaviest],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--check", action="store_true", help="fail unless the targets are met")
    args = ap.parse_args(argv)
    figures = measure(args.runs)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(f"{'':34} {'median':>9} {'modules':>8}  imports openai / instructor   heaviest top-level imports")
        for label, f in figures.items():
            llm = " / ".join("yes" if f["imports"][lib] else "no" for lib in LLM_LIBRARIES)
            heavy = ", ".join(f"{n} {ms:.0f} ms" for n, ms in f["heaviest"][:3])
            print(f"{label:34} {f['median_ms']:7.1f} ms {f['modules']:8d}  {llm:28} {heavy}")
    problems = []
    if figures["import toolkit"]["median_ms"] >= TARGET_MS:
        problems.append(f"import toolkit takes {figures['import toolkit']['median_ms']} ms (target < {TARGET_MS:.0f})")
    for label in ("import toolkit", "toolkit verify"):
        for lib in LLM_LIBRARIES:
            if figures[label]["imports"][lib]:
                problems.append(f"{label} imports {lib}")
    for p in problems:
        print(f"import_time: {p}", file=sys.stderr)
    return 1 if (args.check and problems) else 0


if __name__ == "__main__":
    sys.exit(main())
