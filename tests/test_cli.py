"""The command line as a user runs it: real files, exit codes, stdout and stderr. Most tests call
``toolkit.cli.main(argv)`` in this process; a few smoke tests run the real ``toolkit`` program
(the README's main command, exit codes on bad input, no command)."""

import io
import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

from toolkit.cli import main

from .conftest import ROOT, SEED_PUBLISHED

WRONG = "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.\n"
RIGHT = "اتصل بوتين في اليوم التالي لاجتماعه برؤساء بيلاروس وكازاخستان وأوزبكستان.\n"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    """``toolkit ARGS`` in this process: its exit status and what it wrote."""
    def call(*args, stdin=None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        capsys.readouterr()
        code = main([str(a) for a in args])
        out = capsys.readouterr()
        return Result(code, out.out, out.err)
    return call


def run_process(*args, stdin=None):
    """The real program, as a shell runs it."""
    return subprocess.run([sys.executable, "-m", "toolkit.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def summary(tmp_path):
    def write(text, name="summary.txt"):
        p = tmp_path / name
        p.write_text(text, encoding="utf-8")
        return p
    return write


def test_contradiction_exits_1_with_evidence(run, seed_path, summary):
    r = run("verify", seed_path, summary(WRONG), "--published", SEED_PUBLISHED)
    assert r.returncode == 1, r.stderr
    assert "[CONTRADICTED] date «يوم 16 أغسطس»" in r.stdout
    assert "evidence: «في اليوم التالي»" in r.stdout


def test_faithful_summary_exits_0(run, seed_path, summary):
    r = run("verify", seed_path, summary(RIGHT), "--published", SEED_PUBLISHED)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "0 contradicted" in r.stdout


def test_json_output_is_the_documented_shape(run, seed_path, summary, seed):
    r = run("verify", seed_path, summary(WRONG), "--format", "json", "--published", SEED_PUBLISHED)
    data = json.loads(r.stdout)
    (bad,) = [c for c in data["claims"] if c["verdict"] == "contradicted"]
    assert bad["kind"] == "date" and WRONG[bad["span"]["start"]:bad["span"]["end"]] == "يوم 16 أغسطس"
    for e in bad["evidence"]:
        assert seed[e["start"]:e["end"]] == e["text"]
    assert data["counts"]["contradicted"] == 1


def test_markdown_output(run, seed_path, summary):
    r = run("verify", seed_path, summary(WRONG), "--format", "markdown", "--published", SEED_PUBLISHED)
    assert "| CONTRADICTED | date | يوم 16 أغسطس |" in r.stdout


def test_summary_from_standard_input(run, seed_path):
    r = run("verify", seed_path, "-", "--published", SEED_PUBLISHED, stdin=WRONG)
    assert r.returncode == 1 and "CONTRADICTED" in r.stdout


@pytest.mark.parametrize("case, message", [
    ("missing", "summary file not found"),
    ("empty", "is empty"),
    ("latin1", "is not UTF-8"),
    ("binary", "is a binary file"),
    ("directory", "is a directory"),
])
def test_bad_files_exit_2_with_one_line(run, seed_path, tmp_path, case, message):
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
def test_bad_options_exit_2(run, seed_path, summary, args, message):
    r = run("verify", seed_path, summary(RIGHT), *args)
    assert r.returncode == 2 and message in r.stderr and "Traceback" not in r.stderr


def test_no_command_is_a_usage_error(run):
    r = run()
    assert r.returncode == 2 and r.stderr.startswith("toolkit: error:") and len(r.stderr.splitlines()) == 1


def test_summarize_marks_each_sentence_of_the_extractive_summary(run, seed_path, seed):
    r = run("summarize", seed_path, "--published", SEED_PUBLISHED)
    assert r.returncode == 0, r.stderr
    head, *lines = [line for line in r.stdout.splitlines() if line.startswith("[")]
    assert r.stdout.startswith("backend: extractive\n") and head.startswith("[SUPPORTED] ")
    assert len(lines) == 3 and all(line.startswith("[SUPPORTED] ") for line in lines)
    assert all(line.removeprefix("[SUPPORTED] ") in seed for line in lines)  # sentences copied from the article
    data = json.loads(run("summarize", seed_path, "--published", SEED_PUBLISHED, "--format", "json").stdout)
    assert data["backend"] == "extractive" and data["report"]["counts"] == {"contradicted": 0, "unverifiable": 0, "supported": 17}
    assert [s["text"] for s in data["summary_doc"]["sentences"]] == [line.removeprefix("[SUPPORTED] ") for line in lines]


# -- the real program (smoke tests) ----------------------------------------------------------------

def test_the_readmes_main_command(tmp_path):
    """``toolkit fact-check seeds/000_84ad6c98e610491e.txt --published 2025-08-19``, offline."""
    program = ROOT / ".venv" / "bin" / "toolkit"
    command = [str(program)] if program.exists() else [sys.executable, "-m", "toolkit.cli"]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}  # no model endpoint configured
    r = subprocess.run([*command, "fact-check", "seeds/000_84ad6c98e610491e.txt", "--published", "2025-08-19"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout.splitlines()[0] == "backend: extractive"
    assert "\nheadline: 1 claims: 0 contradicted" in r.stdout
    assert "\n17 claims: 0 contradicted, 0 unverifiable, 17 supported\n" in r.stdout
    assert "[SUPPORTED] date «في اليوم التالي» (summary chars 515-530)" in r.stdout


def test_the_real_program_exits_1_on_a_contradiction_and_2_on_bad_input(seed_path, summary):
    r = run_process("verify", seed_path, summary(WRONG), "--published", SEED_PUBLISHED)
    assert r.returncode == 1 and "[CONTRADICTED] date «يوم 16 أغسطس»" in r.stdout and r.stderr == ""
    r = run_process("verify", seed_path, seed_path.parent / "no-such-summary.txt")
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("toolkit: error: summary file not found: ") and len(r.stderr.splitlines()) == 1


def _choices(parser, command: str, option: str) -> set[str]:
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    return set(next(a for a in sub._actions if option in a.option_strings).choices)


def test_one_backend_registry_drives_the_cli_the_server_and_the_error_message():
    import typing

    from toolkit import ConfigError
    from toolkit.cli import build_parser
    from toolkit.llm.backends import BACKENDS, resolve_backend
    from toolkit.serve import FactCheckRequest

    names = set(BACKENDS)
    assert names == {"extractive", "openai", "llamacpp"} and all(k.description for k in BACKENDS.values())
    parser = build_parser()
    for command in ("summarize", "fact-check", "batch", "serve", "eval"):
        assert _choices(parser, command, "--backend") == names, command
    annotation = FactCheckRequest.model_fields["backend"].annotation
    served = {v for arg in typing.get_args(annotation) for v in typing.get_args(arg)}
    assert served == names
    with pytest.raises(ConfigError) as info:
        resolve_backend("nonesuch")
    assert all(name in str(info.value) for name in names)
