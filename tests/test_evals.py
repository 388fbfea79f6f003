"""The eval harness: frozen gold, the naive floor, and a gate with no back doors."""

import json

import pytest

import toolkit.checks.dates as date_checks
from toolkit.cli import main
from toolkit.evals import runner
from toolkit.evals.anchor import QuoteError, anchor_case, find_quote
from toolkit.evals.cases import Case, gold_mismatches, load_cases
from toolkit.evals.external import number_edit, script_only
from toolkit.evals.metrics import naive_flags
from toolkit.evals.perturb import perturb
from toolkit.mentions.dates import parse_iso

from .conftest import SEED_PUBLISHED

BASELINE = runner.ROOT / "evals" / "baseline.json"


def _baseline() -> dict:
    return json.loads(BASELINE.read_text())


def test_every_suite_file_loads_and_its_gold_covers_its_words():
    names = [n for n in runner.available_suites() if runner.suite_path(n).exists()]
    assert {"seed", "ant", "realistic", "seed-generated", "ant-generated"} <= set(names)
    for name in names:
        for case in load_cases(runner.suite_path(name)):
            source, _ = runner.resolve_source(case, root=runner.ROOT, datasets=runner.DEFAULT_DATASETS)
            assert gold_mismatches(case, source) == [], case.id
            if case.label == "error":
                assert case.summary[case.error.span.start:case.error.span.end].strip()


def test_a_moved_gold_span_is_caught_on_load(seed):
    case = Case(id="x", source=seed, summary="اتصل بوتين بثمانية قادة.", label="error",
                error={"kind": "count", "span": {"start": 11, "end": 17, "text": "بثمانية"}})
    assert gold_mismatches(case, seed) == ["x: error span [11, 17) is «بثماني», not «بثمانية»"]


def test_anchor_turns_quotes_into_offsets_and_refuses_ambiguity(seed):
    assert find_quote("ab ab", {"quote": "ab", "nth": 1}, "t") == {"start": 3, "end": 5, "text": "ab"}
    with pytest.raises(QuoteError, match="occurs 2 times"):
        find_quote("ab ab", "ab", "t")
    with pytest.raises(QuoteError, match="not in the text"):
        find_quote("ab", "cd", "t")
    line = anchor_case({"id": "t", "source": seed, "label": "error", "summary": "اتصل بوتين بتسعة قادة.",
                        "error": {"kind": "count", "quote": "بتسعة"}, "evidence": ["ثمانية"]})
    assert line["error"]["span"] == {"start": 11, "end": 16, "text": "بتسعة"}
    assert seed[line["gold_evidence"][0]["start"]:line["gold_evidence"][0]["end"]] == "ثمانية"


def test_the_naive_floor_compares_digit_strings_across_scripts():
    assert naive_flags("بلغ 12 مليون و 3579 عونا", "١٢ مليون و3579 عونا") == []
    assert [(f.start, f.end) for f in naive_flags("بلغ 12 مليون", "بلغ 13 مليون")] == [(4, 6)]


def test_external_pairs_are_chosen_by_digits_not_by_the_toolkit():
    assert number_edit("توفي عن 49 عاما", "توفي عن 80 عاما")
    assert not number_edit("إعدام 45 شخصا عام 2011", "براءة 45 شخصا")  # a number dropped: nothing to contradict
    assert not number_edit("السجن لستة صحفيين", "إطلاق 6 صحفيين")  # no digits on one side
    assert script_only("نيكاي منذ 1991", "نيكاي منذ ١٩٩١") and not script_only("منذ 1991", "منذ 1992")


def test_perturbations_plant_one_labelled_error_each(seed):
    case = Case(id="t", source=seed, summary="عقب قمة ألاسكا في 15 أغسطس، أجرى بوتين اتصالات مع ثمانية من القادة.",
                published=SEED_PUBLISHED, label="faithful")
    planted = perturb(case, seed, published=SEED_PUBLISHED)
    kinds = {c.error.kind for c in planted}
    assert {"date", "count", "wrong-event", "entity"} <= kinds
    for c in planted:
        assert c.summary != case.summary and c.label == "error" and c.generated
        assert c.summary[c.error.span.start:c.error.span.end] == c.error.replacement
    count = next(c for c in planted if c.error.kind == "count")
    assert count.error.replacement == "تسعة من القادة"  # the same gender form, one more
    assert perturb(case, seed, published=SEED_PUBLISHED) == planted  # deterministic


def test_the_runner_reads_frozen_cases_and_never_regenerates_them(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the runner must not generate cases")

    monkeypatch.setattr("toolkit.evals.perturb.perturb", refuse)
    results = runner.run(["seed-generated"], show_progress=False)
    frozen = [c for c in load_cases(runner.suite_path("seed-generated"))]
    assert results[0].metrics["cases"] == len(frozen) and all(c.generated for c in frozen)


def test_realistic_suite_is_hand_written_on_dev_articles_only():
    dev = (runner.DEFAULT_DATASETS / "ant-splits" / "dev.txt").read_text().split()
    cases = load_cases(runner.suite_path("realistic"))
    articles = {c.source_path for c in cases}
    assert all(p == "seeds/000_84ad6c98e610491e.txt" or p.removeprefix("datasets:ant-sample/") in dev
               for p in articles)
    assert len(cases) >= 120 and len(articles) >= 41
    assert sum(c.lang == "en" for c in cases) >= len(cases) / 3
    assert not any(c.generated for c in cases)
    for c in cases:
        if c.label == "error":
            assert c.gold_evidence or c.error.type == "invented-entity", c.id
        else:
            assert c.checkable, c.id


def _months_ignored(a: str, b: str) -> bool:
    """A deliberately broken date comparison: only days and years count."""
    (ya, _, da), (yb, _, db) = parse_iso(a), parse_iso(b)
    return da == db and (ya is None or yb is None or ya == yb)


def test_a_verifier_that_ignores_months_fails_the_gate(monkeypatch):
    good = runner.run(["seed-generated"], show_progress=False)
    assert runner.compare(good, _baseline(), complete=False) == []
    monkeypatch.setattr(date_checks, "same_date", _months_ignored)
    broken = runner.run(["seed-generated"], show_progress=False)
    assert any(p.startswith("seed-generated") for p in runner.compare(broken, _baseline(), complete=False))


# -- the back doors, each closed ---------------------------------------------------------


def test_a_skipped_baselined_suite_fails_the_gate(tmp_path):
    results = runner.run(["summedits"], datasets=tmp_path, show_progress=False)
    assert results[0].skipped
    assert any("summedits: baselined suite was skipped" in p for p in runner.compare(results, _baseline(),
                                                                                      complete=False))


def test_missing_datasets_folder_is_an_error_not_a_pass(capsys):
    assert main(["eval", "--datasets", "/nonexistent", "--baseline", str(BASELINE)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "toolkit: error: datasets folder not found: /nonexistent"


def test_a_suite_that_cannot_run_makes_the_command_fail(tmp_path, capsys):
    assert main(["eval", "summedits", "--datasets", str(tmp_path)]) == 2
    assert "suite summedits could not run" in capsys.readouterr().err


def test_a_baselined_suite_that_disappears_fails_the_gate():
    results = runner.run(["seed"], show_progress=False)
    baseline = {**_baseline(), "retired-suite": {"recall_at_span": 0.5}}
    assert "retired-suite: baselined suite did not run (missing or renamed)" in runner.compare(results, baseline)
    assert runner.compare(results, baseline, complete=False) == []  # only seed was asked for


def test_a_metric_that_comes_out_none_fails_the_gate(tmp_path, monkeypatch):
    # An edited prompt template (or a lost recording) makes every replayed answer miss.
    monkeypatch.setattr(runner, "EVAL_CACHE", tmp_path)
    results = runner.run(["model-qwen"], show_progress=False)
    assert results[0].metrics["share_supported"] is None
    problems = runner.compare(results, _baseline(), complete=False)
    assert any(p.startswith("model-qwen: share_supported is None (baseline 0.79") for p in problems)


def test_a_suite_that_changes_size_fails_the_gate(tmp_path, monkeypatch):
    shorter = tmp_path / "seed.jsonl"
    shorter.write_text("\n".join(runner.suite_path("seed").read_text().splitlines()[:-1]) + "\n")
    monkeypatch.setattr(runner, "suite_path", lambda name: shorter)
    problems = runner.compare(runner.run(["seed"], show_progress=False), _baseline(), complete=False)
    assert any(p.startswith("seed: cases changed") for p in problems)


def test_update_baseline_refuses_to_lower_a_figure(tmp_path, capsys, monkeypatch):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"seed": {"recall_at_span": 1.01, "false_alarm_rate": 0.0}}))
    before = path.read_text()
    assert main(["eval", "seed", "--baseline", str(path), "--update-baseline"]) == 1
    err = capsys.readouterr().err
    assert "WOULD LOWER seed: recall_at_span 1.010 -> 1.000" in err and "--allow-regression" in err
    assert path.read_text() == before
    assert main(["eval", "seed", "--baseline", str(path), "--update-baseline", "--allow-regression"]) == 0
    assert "LOWERED seed: recall_at_span" in capsys.readouterr().err
    assert json.loads(path.read_text())["seed"]["recall_at_span"] == 1.0


def test_update_baseline_keeps_suites_it_did_not_run(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"ans": {"false_alarm_rate": 0.0}}))
    assert main(["eval", "seed", "--baseline", str(path), "--update-baseline"]) == 0
    written = json.loads(path.read_text())
    assert written["ans"] == {"false_alarm_rate": 0.0} and written["seed"]["cases"] > 0


def test_eval_command_gates_with_exit_code(tmp_path, capsys):
    strict = tmp_path / "baseline.json"
    strict.write_text(json.dumps({"seed-generated": {"recall_at_span": 1.0, "false_alarm_rate": 0.0}}))
    assert main(["eval", "seed-generated", "--baseline", str(strict)]) == 1
    assert "REGRESSION seed-generated: recall_at_span" in capsys.readouterr().err
    assert main(["eval", "seed", "--baseline", str(BASELINE), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["seed"]["metrics"]["false_alarm_rate"] == 0 and "naive_false_alarm_rate" in out["seed"]["metrics"]


def test_unknown_suite_is_a_usage_error(capsys):
    assert main(["eval", "nope"]) == 2
    assert "unknown suite 'nope'" in capsys.readouterr().err


def test_extractive_summaries_are_fully_supported_and_a_changed_number_is_not(monkeypatch):
    (result,) = runner.run(["model-extractive"], show_progress=False)
    assert not result.skipped
    assert result.metrics["share_supported"] == 1.0  # sentences copied verbatim: nothing to contradict
    assert result.metrics["key_fact_coverage"] > 0.5 and 0 < result.metrics["compression"] < 1
    # The same summaries with one date changed in each: the suite's figures must see it (a grader
    # that scored every copied sentence as supported, whatever it said, would pass the line above).
    import re

    from toolkit import pipeline

    real = pipeline.summarize
    changed = []

    def one_day_later(text, **kwargs):
        summary = real(text, **kwargs)
        for i, s in enumerate(summary.sentences):
            edited = re.sub(r"(?<!\d)(1[0-9]|2[0-7])(?= (?:أغسطس|يناير|فبراير|مارس|أبريل|مايو|يونيو|جويلية|جانفي))",
                            lambda m: str(int(m.group(1)) + 1), s.text, count=1)
            if edited != s.text:
                changed.append(edited)
                sentences = [*summary.sentences[:i], s.model_copy(update={"text": edited}), *summary.sentences[i + 1:]]
                return summary.model_copy(update={"sentences": sentences})
        return summary

    monkeypatch.setattr(pipeline, "summarize", one_day_later)
    (edited,) = runner.run(["model-extractive"], show_progress=False)
    assert changed, "no summary had a date to change"
    assert edited.metrics["share_contradicted"] > 0 and edited.metrics["share_supported"] < 1.0
    assert any(" contradicted «" in f for f in edited.failures)


def test_replay_never_calls_a_model(tmp_path):
    from toolkit import ConfigError, LLMClient, Summary

    client = LLMClient(model="m", cache_only=True, cache_dir=tmp_path)
    with pytest.raises(ConfigError, match="no recorded answer of m"):
        client.extract(Summary, [{"role": "user", "content": "x"}])


def test_the_value_kinds_are_also_scored_together():
    from toolkit.evals.metrics import Outcome, score

    outs = [Outcome("a", "error", "ar", kind="date", caught=True, reported=True),
            Outcome("b", "error", "ar", kind="direction", caught=False, reported=True),
            Outcome("c", "error", "ar", kind="count", caught=False, reported=False),
            Outcome("d", "error", "ar", kind="entity", caught=True, reported=True),
            Outcome("e", "faithful", "ar")]
    m = score(outs)
    assert (m["recall[values]"], m["reported[values]"]) == (1 / 3, 2 / 3)  # the name is no value kind
    assert m["recall[entity]"] == 1.0
