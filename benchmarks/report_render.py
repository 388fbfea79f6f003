"""Time to verify and to render the editor's report, for the seed article and a 50 KB one,
measured side by side in one run (median of 5).

    python benchmarks/report_render.py
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from toolkit import fact_check, render_html

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "seeds" / "000_84ad6c98e610491e.txt").read_text(encoding="utf-8")
SUMMARY = (ROOT / "seeds" / "000_84ad6c98e610491e.summary.txt").read_text(encoding="utf-8")


def median_ms(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main() -> None:
    for name, article in (("seed", SEED), ("50 KB", "\n".join([SEED] * 10))):
        result = fact_check(article, SUMMARY, published="2025-08-19")
        verify_ms = median_ms(lambda text=article: fact_check(text + " ", SUMMARY, published="2025-08-19"))
        render_ms = median_ms(lambda r=result: render_html(r))
        size = len(article.encode("utf-8")) // 1024
        print(f"{name:6} ({size:3d} KB): verify {verify_ms:7.1f} ms, render {render_ms:6.1f} ms, "
              f"render/verify {render_ms / verify_ms:.2f}")


if __name__ == "__main__":
    main()
