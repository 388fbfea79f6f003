"""What ``tests/test_same_verdicts.py`` compares: every output of the verifier that a speed-up
must leave unchanged, computed on a fixed corpus.

* ``verify``: the full VerificationReport JSON (claims, verdicts, reasons, evidence offsets,
  passages) of every case of every local eval suite (``evals/suites/*.jsonl`` and
  ``evals/suites/generated/*.jsonl``; cases whose source is in the external datasets folder
  only when it is here);
* ``fact_check``: ``fact_check`` with the extractive backend (summary, headline report,
  citations) and ``check_claims`` on claims made from the summary sentences, for the first
  ``FACT_CHECK_ARTICLES`` dev ANT articles;
* ``mentions``: ``find_mentions`` on the Duckling benchmark cases
  (benchmarks/mentions_vs_duckling.py) and on the 100 dev ANT articles.

The frozen snapshot (``tests/data/same_verdicts.json.gz``) was generated from commit 74a5efc,
before any speed work, and regenerated from 84b9035 (the verifier's behaviour changes of the
same day, made without the speed work) before the two were merged. Regenerate it ONLY when a behaviour change is intended (and say so in
the commit)::

    python -m tests.same_verdicts --write
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "same_verdicts.json.gz"
FACT_CHECK_ARTICLES = 12
DEV_ARTICLES = 100


def datasets() -> Path | None:
    from toolkit.evals import runner

    return runner.DEFAULT_DATASETS


def suite_cases() -> Iterator[tuple[str, str, str, str | None, str]]:
    """(key, source, summary, published, lang) of every case of every local case suite."""
    from toolkit.evals import runner
    from toolkit.evals.cases import MissingData, load_cases, resolve_source
    from toolkit.lang import detect_language

    paths = sorted(runner.SUITES_DIR.glob("*.jsonl")) + sorted(runner.GENERATED_DIR.glob("*.jsonl"))
    for path in paths:
        suite = path.stem + (runner.GENERATED if path.parent == runner.GENERATED_DIR else "")
        for case in load_cases(path):
            try:
                source, published = resolve_source(case, root=runner.SOURCES, datasets=datasets())
            except MissingData:
                continue
            yield (f"{suite}/{case.id}", source, case.summary, case.published or published,
                   case.lang or detect_language(case.summary))


def dev_articles(limit: int = DEV_ARTICLES) -> list[tuple[str, str, str | None]]:
    """(name, text, published) of the first ``limit`` dev ANT articles (ant-splits/dev.txt)."""
    from toolkit.evals.cases import read_ant

    root = datasets()
    if root is None or not (root / "ant-splits" / "dev.txt").exists():
        return []
    out = []
    for name in (root / "ant-splits" / "dev.txt").read_text(encoding="utf-8").split()[:limit]:
        text, published = read_ant(root / "ant-sample" / name)
        if text.strip():
            out.append((name, text, published))
    return out


def benchmark_cases() -> list:
    root = datasets()
    if root is None:
        return []
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import mentions_vs_duckling as bench
    finally:
        sys.path.pop(0)
    return bench.load_recognizers(root / "recognizers-text-ar") + bench.load_duckling(root / "duckling-ar")


def _mentions_json(mentions) -> list:
    return [m.model_dump(mode="json") for m in mentions]


def verify_outputs() -> dict[str, str]:
    from toolkit import verify

    return {key: verify(source, summary, published=pub, lang=lang).model_dump_json()
            for key, source, summary, pub, lang in suite_cases()}


def fact_check_outputs() -> dict[str, str]:
    from toolkit.llm.schemas import AtomicClaim
    from toolkit.pipeline import check_claims, fact_check

    out = {}
    for name, text, pub in dev_articles(FACT_CHECK_ARTICLES):
        result = fact_check(text, published=pub, backend="extractive")
        out[f"fact_check/{name}"] = result.model_dump_json(exclude={"created"})
        claims = []
        for k, sentence in enumerate(s.text.strip() for s in result.summary_doc.sentences):
            if not sentence:
                continue
            # alternately: the sentence as an event, and with a value its words do not state
            claims.append(AtomicClaim(text=sentence[:200], kind="event") if k % 2 == 0 else
                          AtomicClaim(text=sentence[:200], kind="number", value=str(1000 + k), unit=""))
        checked = check_claims(text, claims, published=pub, lang=result.report.lang)
        out[f"check_claims/{name}"] = json.dumps([c.model_dump(mode="json") for c in checked], ensure_ascii=False)
    return out


def mention_outputs() -> dict[str, str]:
    from toolkit import find_mentions

    out = {}
    for n, case in enumerate(benchmark_cases()):
        ref = case.reference.date() if case.reference else None
        out[f"bench/{n:05d}"] = json.dumps(_mentions_json(find_mentions(case.text, published=ref, lang="ar")),
                                           ensure_ascii=False)
    for name, text, pub in dev_articles():
        out[f"ant/{name}"] = json.dumps(_mentions_json(find_mentions(text, published=pub)), ensure_ascii=False)
    return out


def compute() -> dict[str, dict[str, str]]:
    return {"verify": verify_outputs(), "fact_check": fact_check_outputs(), "mentions": mention_outputs()}


def load() -> dict[str, dict[str, str]]:
    return json.loads(gzip.decompress(SNAPSHOT.read_bytes()).decode("utf-8"))


def digest(outputs: dict[str, dict[str, str]]) -> str:
    return hashlib.sha256(json.dumps(outputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def main() -> None:
    if "--write" not in sys.argv:
        print(__doc__)
        return
    outputs = compute()
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(outputs, sort_keys=True, ensure_ascii=False).encode("utf-8")
    SNAPSHOT.write_bytes(gzip.compress(data, mtime=0))
    print({k: len(v) for k, v in outputs.items()}, f"{len(data):,} bytes", digest(outputs))


if __name__ == "__main__":
    main()
