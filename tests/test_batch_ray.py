"""``toolkit batch --engine ray``: the same per-article function as Ray tasks on a local Ray
started here (``ray.init(num_cpus=2)``), the same lines and the same resume as the local engine."""

import os
import subprocess
import sys

import pytest

from toolkit.cli import main

from .conftest import ROOT
from .test_batch import by_id, feed_records, lines, write_feed

try:
    import ray
except ImportError:  # pragma: no cover — CI installs the ray extra
    if os.environ.get("CI"):
        raise RuntimeError("the ray extra is required in CI (.ci/run installs '.[ray]')") from None
    pytest.skip("ray is not installed (pip install -e '.[ray]'): the Ray engine tests are skipped",
                allow_module_level=True)


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    return write_feed(tmp_path_factory.mktemp("feed") / "feed.jsonl", feed_records(24))


@pytest.fixture(scope="module")
def local_lines(feed, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "local.jsonl"
    assert main(["batch", str(feed), "-o", str(out), "--workers", "1"]) == 1
    return out


def test_ray_tasks_write_the_lines_the_local_engine_writes(local_ray, feed, local_lines, tmp_path, capsys):
    out = tmp_path / "ray.jsonl"
    assert main(["batch", str(feed), "-o", str(out), "--engine", "ray"]) == 1
    assert by_id(out) == by_id(local_lines)
    n = len(lines(local_lines))
    assert f"{out}: {n} articles," in capsys.readouterr().err
    assert local_ray.is_initialized()  # a Ray the caller started is left running


def test_ray_resumes_what_another_engine_left(local_ray, feed, local_lines, tmp_path, capsys):
    out = tmp_path / "ray.jsonl"
    data = local_lines.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(data[:9]) + data[9][:40])  # 9 lines and a cut one, as after a kill
    assert main(["batch", str(feed), "-o", str(out), "--engine", "ray", "--resume"]) == 1
    assert by_id(out) == by_id(local_lines)
    err = capsys.readouterr().err
    assert "dropped a partial last line" in err and f"{len(data) - 9} checked in" in err
    assert "; 9 from an earlier run" in err


def test_a_batch_joins_a_running_cluster_by_its_address(local_ray, feed, local_lines, tmp_path):
    """What ``--address`` does on a real cluster: another process joins this Ray as a driver."""
    address = local_ray.get_runtime_context().gcs_address
    out = tmp_path / "joined.jsonl"
    r = subprocess.run([sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(out), "--engine", "ray",
                        "--address", address], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 1, r.stderr
    assert by_id(out) == by_id(local_lines)
    assert r.stderr.strip().splitlines()[-1].startswith(f"{out}: {len(lines(local_lines))} articles")


def test_an_unreachable_cluster_is_one_line_and_exit_2(tmp_path, feed):
    r = subprocess.run([sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(tmp_path / "x.jsonl"),
                        "--engine", "ray", "--address", "ray://127.0.0.1:9"], capture_output=True, text=True,
                       timeout=300, cwd=ROOT)
    assert r.returncode == 2, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("toolkit: error: cannot reach the Ray cluster at ray://127.0.0.1:9"), r.stderr


def test_kill_9_of_a_batch_on_its_own_ray_then_resume(local_ray, feed, local_lines, tmp_path):
    """A batch that started its own Ray is killed mid-run: whole lines only, nothing of its Ray
    left running, and a resume (on another Ray) finishes the file."""
    import signal

    from .processes import descendants, gone
    from .serving import wait_until

    out = tmp_path / "killed.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "batch", str(feed), "-o", str(out), "--engine",
                             "ray", "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert wait_until(lambda: out.exists() and out.read_bytes().count(b"\n") >= 3 or proc.poll() is not None,
                      timeout=180)
    family = descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    data = out.read_bytes()
    assert data.endswith(b"\n") and 3 <= data.count(b"\n") < len(lines(local_lines))
    assert len(family) >= 3  # Ray's own processes: its GCS, raylet, workers and agents
    assert wait_until(lambda: gone(family), timeout=30), [p for p in family if os.path.exists(f"/proc/{p}")]
    assert main(["batch", str(feed), "-o", str(out), "--engine", "ray", "--resume"]) == 1
    assert by_id(out) == by_id(local_lines)
