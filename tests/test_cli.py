"""The command line as a user runs it: real processes, real files, exit codes."""

import json
import subprocess
import sys

import pytest

from .conftest import SEED_PUBLISHED

WRONG = "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.\n"
RIGHT = "اتصل بوتين في اليوم التالي لاجتماعه برؤساء بيلاروس وكازاخستان وأوزبكستان.\n"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "toolkit.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def summary(tmp_path):
    def write(text, name="summary.txt"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p
    return write


def test_contradiction_exits_1_with_evidence(seed_path, summary):
    r = run("verify", seed_path, summary(WRONG), "--published", SEED_PUBLISHED)
    assert r.returncode == 1, r.stderr
    assert "[CONTRADICTED] date «يوم 16 أغسطس»" in r.stdout
    assert "evidence: «في اليوم التالي»" in r.stdout


def test_faithful_summary_exits_0(seed_path, summary):
    r = run("verify", seed_path, summary(RIGHT), "--published", SEED_PUBLISHED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 contradicted" in r.stdout


def test_json_output_is_the_documented_shape(seed_path, summary, seed):
    r = run("verify", seed_path, summary(WRONG), "--format", "json", "--published", SEED_PUBLISHED)
    data = json.loads(r.stdout)
    (bad,) = [c for c in data["claims"] if c["verdict"] == "contradicted"]
    assert bad["kind"] == "date" and WRONG[bad["span"]["start"]:bad["span"]["end"]] == "يوم 16 أغسطس"
    for e in bad["evidence"]:
        assert seed[e["start"]:e["end"]] == e["text"]
    assert data["counts"]["contradicted"] == 1


def test_markdown_output(seed_path, summary):
    r = run("verify", seed_path, summary(WRONG), "--format", "markdown", "--published", SEED_PUBLISHED)
    assert "| CONTRADICTED | date | يوم 16 أغسطس |" in r.stdout


def test_summary_from_standard_input(seed_path):
    r = run("verify", seed_path, "-", "--published", SEED_PUBLISHED, stdin=WRONG)
    assert r.returncode == 1 and "CONTRADICTED" in r.stdout


@pytest.mark.parametrize("case, message", [
    ("missing", "summary file not found"),
    ("empty", "is empty"),
    ("latin1", "is not UTF-8"),
    ("binary", "is a binary file"),
    ("directory", "is a directory"),
])
def test_bad_files_exit_2_with_one_line(seed_path, tmp_path, case, message):
    path = tmp_path / "s.txt"
    if case == "empty":
        path.write_text("  \n")
    elif case == "latin1":
        path.write_bytes("café résumé".encode("latin-1"))
    elif case == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    elif case == "directory":
        path = tmp_path
    r = run("verify", seed_path, path)
    assert r.returncode == 2
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args, message", [
    (["--published", "19/08/2025"], "bad publication date"),
    (["--published", "2025-02-30"], "bad publication date"),
    (["--lang", "xx"], "invalid choice"),
    (["--format", "pdf"], "invalid choice"),
])
def test_bad_options_exit_2(seed_path, summary, args, message):
    r = run("verify", seed_path, summary(RIGHT), *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_no_command_is_a_usage_error():
    r = run()
    assert r.returncode == 2 and "toolkit: error:" in r.stderr
