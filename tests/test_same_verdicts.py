"""Speed work must not change a single verdict.

The outputs of ``tests/same_verdicts.py`` (every eval-suite case's full VerificationReport JSON,
``fact_check`` and ``check_claims`` on dev ANT articles, ``find_mentions`` on the benchmark
cases and the dev ANT articles) are compared with a frozen snapshot generated from commit
74a5efc, before any speed work (``tests/data/same_verdicts.json.gz``). The snapshot is
regenerated (``python -m tests.same_verdicts --write``) only when a behaviour change is
intended, never to make this test pass after an optimisation.

A second reference needs no snapshot (and so survives behaviour changes merged from elsewhere):
the same outputs with the reuse of scanned sources turned off (``toolkit.reuse.disabled()``:
every call scans and indexes anew) against the reuse on, its caches warmed in another order.
"""

from __future__ import annotations

import difflib
import json

import pytest

from toolkit import reuse, verify

from . import same_verdicts

SNAPSHOT = same_verdicts.load()


def _explain(part: str, key: str, old: str, new: str | None) -> str:
    if new is None:
        return f"{part}/{key}: no output now (dataset missing?)"
    a = json.dumps(json.loads(old), indent=1, ensure_ascii=False).splitlines()
    b = json.dumps(json.loads(new), indent=1, ensure_ascii=False).splitlines()
    diff = list(difflib.unified_diff(a, b, "snapshot", "now", n=2, lineterm=""))
    return f"{part}/{key} differs:\n" + "\n".join(diff[:60])


def _compare(part: str, now: dict[str, str]) -> None:
    old = SNAPSHOT[part]
    if not now:
        pytest.skip("the external datasets folder is not here")
    missing = sorted(set(old) - set(now))
    if missing and len(now) < len(old):  # cases that need the datasets folder are left out without it
        old = {k: v for k, v in old.items() if k in now}
    bad = [k for k in old if now.get(k) != old[k]]
    extra = sorted(set(now) - set(old))
    assert not extra, f"{part}: outputs not in the snapshot (a new suite case? regenerate on purpose): {extra[:5]}"
    assert not bad, f"{len(bad)} of {len(old)} {part} outputs changed; first:\n" + _explain(
        part, bad[0], old[bad[0]], now.get(bad[0]))


def test_every_eval_case_has_the_same_report():
    _compare("verify", same_verdicts.verify_outputs())


def test_fact_check_and_check_claims_are_unchanged():
    _compare("fact_check", same_verdicts.fact_check_outputs())


def test_find_mentions_is_unchanged():
    _compare("mentions", same_verdicts.mention_outputs())


def test_reuse_changes_nothing():
    cases = list(same_verdicts.suite_cases())
    with reuse.disabled():
        reference = {key: verify(src, summ, published=pub, lang=lang).model_dump_json()
                     for key, src, summ, pub, lang in cases}
        reference_fc = same_verdicts.fact_check_outputs()
    reuse.clear()
    for key, src, summ, pub, lang in reversed(cases):  # every source cached, in another order
        verify(src, summ, published=pub, lang=lang)
    now = {key: verify(src, summ, published=pub, lang=lang).model_dump_json() for key, src, summ, pub, lang in cases}
    bad = [k for k in reference if now[k] != reference[k]]
    assert not bad, _explain("verify", bad[0], reference[bad[0]], now[bad[0]])
    now_fc = same_verdicts.fact_check_outputs()
    bad = [k for k in reference_fc if now_fc.get(k) != reference_fc[k]]
    assert not bad, _explain("fact_check", bad[0], reference_fc[bad[0]], now_fc.get(bad[0]))
