"""What an installed toolkit needs from its own package (prompts, the report template, the
built-in suites, their baseline, the seed article) and the settings that move it, its version,
its errors (one ToolkitError base) and its logging (silent unless asked). The wheel itself is
built, installed into a fresh venv and run from outside the checkout by .ci/run."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

import toolkit
from toolkit import cli, resources
from toolkit.errors import ConfigError, EndpointError, ExtractionError, InputError, ToolkitError
from toolkit.evals import runner

from .conftest import ROOT, SEED, SEED_PUBLISHED


# -- the package's own files ---------------------------------------------------------------------

def test_shipped_data_is_found_through_the_package():
    assert resources.data_path("evals", "baseline.json").is_file()
    assert resources.data_path("seeds", SEED.name).read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")
    assert (resources.builtin_prompts_dir() / "summarize.j2").is_file()
    assert (resources.templates_dir() / "report.html.j2").is_file()
    assert runner.SUITES_DIR == resources.data_path("evals", "suites")
    assert {"seed", "ant", "realistic", "seed-generated", "ant-generated"} <= set(runner.available_suites())


def test_every_shipped_data_file_is_in_the_wheel():
    """The package-data globs of pyproject.toml cover every file under toolkit/data (the links
    into evals/, prompts/ and seeds/), so a new suite or prompt cannot be left out of the wheel."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["toolkit"]
    package = ROOT / "toolkit"
    files = [(Path(folder) / name).relative_to(package).as_posix()
             for folder, _, names in os.walk(package / "data", followlinks=True) for name in names
             if not name.endswith(".md") and not name.startswith(".")]
    assert files
    missing = [f for f in files if not any(fnmatch(f, pattern) and f.count("/") == pattern.count("/")
                                           for pattern in patterns)]
    assert missing == []


def test_prompt_overrides_come_from_a_folder(tmp_path, monkeypatch):
    from toolkit.llm.prompts import load_prompt

    builtin = load_prompt("summarize")
    (tmp_path / "summarize.j2").write_text("### system\nBe brief.\n### user\n{{ lang }}\n", encoding="utf-8")
    monkeypatch.setenv(resources.PROMPTS_DIR_ENV, str(tmp_path))
    override = load_prompt("summarize")
    assert override.render(lang="ar") == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "ar"}]
    assert override.sha256 != builtin.sha256  # the run records which template wrote it
    assert load_prompt("extract_claims").text == (resources.builtin_prompts_dir() / "extract_claims.j2").read_text(
        encoding="utf-8")  # what the folder lacks comes from the package
    monkeypatch.setenv(resources.PROMPTS_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match="TOOLKIT_PROMPTS_DIR=.* is not a folder"):
        load_prompt("summarize")


def test_datasets_folder_setting(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.DATASETS_ENV, str(tmp_path))
    assert resources.default_datasets() == tmp_path
    monkeypatch.delenv(resources.DATASETS_ENV)
    assert resources.default_datasets() == ROOT.parent / "shared" / "datasets"  # beside the checkout


def test_without_a_datasets_folder_external_suites_say_how_to_give_one():
    results = runner.run(["ant", "summedits"], datasets=None, show_progress=False)
    assert all(r.skipped and "--datasets PATH or set TOOLKIT_DATASETS" in r.skipped for r in results)


def test_eval_runs_the_builtin_suites_from_any_directory(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["eval", "seed", "--format", "json", "--output", "seed.json"]) == 0
    report = json.loads((tmp_path / "seed.json").read_text(encoding="utf-8"))
    assert report["seed"]["skipped"] is None and report["seed"]["metrics"]["cases"] > 0


# -- version, errors, logging -------------------------------------------------------------------

def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"toolkit {toolkit.__version__}"


def test_every_error_the_api_raises_is_a_toolkit_error():
    for error in (InputError, ConfigError, ExtractionError, EndpointError):
        assert issubclass(error, ToolkitError)
    assert issubclass(InputError, ValueError) and issubclass(ConfigError, ValueError)
    assert toolkit.ToolkitError is ToolkitError and toolkit.EndpointError is EndpointError
    with pytest.raises(ToolkitError):
        toolkit.verify("", "x")
    cause = TimeoutError("read timed out\nsecond line")
    wrapped = EndpointError(cause, usage=None)
    assert wrapped.__cause__ is cause and str(wrapped) == "TimeoutError: read timed out"


def test_the_library_is_silent_by_default():
    code = ("import logging, toolkit; logging.getLogger('toolkit.llm.client').warning('cache entry broken'); "
            "logging.getLogger('toolkit.evals.runner').info('suite skipped')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""


def test_verbose_shows_what_the_toolkit_does(capsys):
    argv = ["fact-check", str(SEED), "--published", SEED_PUBLISHED]
    assert cli.main(argv) == 0
    assert "info" not in capsys.readouterr().err
    assert cli.main(["-v", *argv]) == 0
    assert "toolkit: info: backend extractive: no model endpoint is configured" in capsys.readouterr().err.splitlines()


def test_other_libraries_log_lines_only_with_debug(monkeypatch, capsys):
    def noisy(args) -> int:
        logging.getLogger("instructor.v2.retry").error("API call failed on attempt 1: 401")
        logging.getLogger("toolkit.llm.client").warning("answer not cached")
        return 0

    monkeypatch.setitem(cli.COMMANDS, "verify", noisy)
    argv = ["verify", str(SEED), str(SEED)]
    assert cli.main(argv) == 0
    assert capsys.readouterr().err.splitlines() == ["toolkit: warning: answer not cached"]
    assert cli.main(["--debug", *argv]) == 0
    assert "instructor.v2.retry: error: API call failed on attempt 1: 401" in capsys.readouterr().err


def test_offline_commands_never_import_the_model_layer():
    code = ("import sys, toolkit.cli; sys.stdout = open('/dev/null', 'w'); "
            f"code = toolkit.cli.main(['verify', {str(SEED)!r}, {str(SEED)!r}]); sys.stdout = sys.__stdout__; "
            "print(code, [m for m in ('openai', 'instructor') if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=Path(ROOT))
    assert done.stdout.split(maxsplit=1)[1].strip() == "[]", done.stdout + done.stderr
