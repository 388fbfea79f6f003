"""Headless Chromium for the report tests: a real browser, no network, no sandbox (root)."""

import os
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


def artifacts_dir(scratch: Path) -> Path:
    """Where a test leaves its screenshots and pages: the folder named by ``ARTIFACTS`` (for a CI
    that keeps them), else ``scratch`` (the test's own tmp_path); never the checkout."""
    named = os.environ.get("ARTIFACTS", "").strip()
    folder = Path(named) if named else scratch
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def chromium_or_skip():
    import pytest

    if CHROMIUM:
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail("Chromium is required in CI (.ci/run installs Debian's chromium package)")
    pytest.skip("Chromium is not installed (apt-get install chromium); report browser tests skipped")


def run_chromium(url: str, *args: str, profile: Path, timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run([chromium_or_skip(), *FLAGS, f"--user-data-dir={profile}", *args, url],
                          capture_output=True, text=True, timeout=timeout)


def console_errors(stderr: str) -> list[str]:
    """What the page itself wrote to the console or threw (Chromium's own noise excluded)."""
    return [line for line in stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
