"""The eval harness: cases, the perturbation generator, and the CI gate."""

import json

import pytest

import toolkit.checks as verifier_module
from toolkit.cli import main
from toolkit.evals import runner
from toolkit.evals.cases import Case, load_cases
from toolkit.evals.perturb import perturb
from toolkit.mentions.dates import parse_iso

from .conftest import SEED_PUBLISHED

BASELINE = runner.ROOT / "evals" / "baseline.json"


def test_suites_load_and_every_error_label_points_at_its_words():
    for name in ("seed", "ant"):
        for case in load_cases(runner.SUITES_DIR / f"{name}.jsonl"):
            assert case.summary.strip()
            if case.label == "error":
                assert case.summary[case.error.span.start:case.error.span.end].strip()


def test_perturbations_plant_one_labelled_error_each(seed):
    case = Case(id="t", source=seed, summary="عقب قمة ألاسكا في 15 أغسطس، أجرى بوتين اتصالات مع ثمانية من القادة.",
                published=SEED_PUBLISHED, label="faithful")
    planted = perturb(case, seed, published=SEED_PUBLISHED)
    kinds = {c.error.kind for c in planted}
    assert {"date", "count", "wrong-event", "entity"} <= kinds
    for c in planted:
        assert c.summary != case.summary and c.label == "error"
        assert c.summary[c.error.span.start:c.error.span.end] == c.error.replacement
    count = next(c for c in planted if c.error.kind == "count")
    assert count.error.replacement == "تسعة من القادة"  # the same gender form, one more
    assert perturb(case, seed, published=SEED_PUBLISHED) == planted  # deterministic


def test_seed_suite_meets_the_targets():
    (result,) = runner.run(["seed"], show_progress=False)
    assert result.metrics["false_alarm_rate"] == 0
    assert result.metrics["reported_at_span"] >= 0.9


def _months_ignored(a: str, b: str) -> bool:
    """A deliberately broken date comparison: only days and years count."""
    (ya, _, da), (yb, _, db) = parse_iso(a), parse_iso(b)
    return da == db and (ya is None or yb is None or ya == yb)


def test_a_verifier_that_ignores_months_fails_the_gate(monkeypatch):
    baseline = json.loads(BASELINE.read_text())
    good = runner.run(["seed"], show_progress=False)
    assert runner.compare(good, baseline) == []
    monkeypatch.setattr(verifier_module, "same_date", _months_ignored)
    broken = runner.run(["seed"], show_progress=False)
    regressions = runner.compare(broken, baseline)
    assert regressions and any("seed" in r for r in regressions)


def test_eval_command_gates_with_exit_code(tmp_path, capsys, monkeypatch):
    strict = tmp_path / "baseline.json"
    strict.write_text(json.dumps({"seed": {"recall_at_span": 1.0, "false_alarm_rate": 0.0}}))
    assert main(["eval", "seed", "--baseline", str(strict)]) == 1
    assert "REGRESSION seed: recall_at_span" in capsys.readouterr().err
    assert main(["eval", "seed", "--baseline", str(BASELINE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["seed"]["metrics"]["false_alarm_rate"] == 0


def test_unknown_suite_is_a_usage_error(capsys):
    assert main(["eval", "nope"]) == 2
    assert "unknown suite 'nope'" in capsys.readouterr().err


def test_missing_external_data_is_skipped_with_a_message(tmp_path, capsys):
    assert main(["eval", "summedits", "--datasets", str(tmp_path)]) == 0
    assert "skipped summedits" in capsys.readouterr().err


def test_extractive_summaries_are_fully_supported():
    (result,) = runner.run(["model-extractive"], show_progress=False)
    if result.skipped:
        pytest.skip(result.skipped)
    assert result.metrics["share_supported"] == 1.0  # sentences copied verbatim: nothing to contradict
    assert result.metrics["key_fact_coverage"] > 0.5 and 0 < result.metrics["compression"] < 1


def test_replay_never_calls_a_model(tmp_path):
    from toolkit import ConfigError, LLMClient, Summary

    client = LLMClient(model="m", cache_only=True, cache_dir=tmp_path)
    with pytest.raises(ConfigError, match="no recorded answer of m"):
        client.extract(Summary, [{"role": "user", "content": "x"}])
