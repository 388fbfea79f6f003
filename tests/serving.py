"""``toolkit serve`` in a real process on 127.0.0.1 (a free port it picks), for the tests."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field

from .conftest import ROOT

try:
    import fastapi
    import uvicorn  # noqa: F401
except ImportError:  # pragma: no cover — CI installs the serve extra
    fastapi = None


def serve_or_skip() -> None:
    import pytest

    if fastapi is not None:
        return
    if os.environ.get("CI"):
        pytest.fail("the serve extra is required in CI (.ci/run installs '.[serve]')")
    pytest.skip("the serve extra is not installed (pip install -e '.[serve]'): server tests skipped")


@dataclass
class Server:
    proc: subprocess.Popen
    host: str
    port: int
    stderr: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 120) -> tuple[int, dict, bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def post(self, path: str, obj=None, *, raw: bytes | None = None, content_type: str = "application/json",
             timeout: float = 120) -> tuple[int, dict, bytes]:
        body = raw if raw is not None else json.dumps(obj, ensure_ascii=False).encode("utf-8")
        return self.request("POST", path, body, {"Content-Type": content_type}, timeout)

    def alive(self) -> bool:
        status, _, body = self.request("GET", "/healthz", timeout=10)
        return self.proc.poll() is None and status == 200 and json.loads(body)["status"] == "ok"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start(*args: str, env: dict | None = None, timeout: float = 60) -> Server:
    """Start ``toolkit serve --port 0 ARGS`` and wait for its 'listening on' line."""
    proc = subprocess.Popen([sys.executable, "-m", "toolkit.cli", "serve", "--host", "127.0.0.1", "--port", "0",
                             *args], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stderr:
            lines.append(line.rstrip("\n"))
            if "listening on http://" in line:
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(timeout) or proc.poll() is not None:
        proc.kill()
        raise RuntimeError("the server did not start:\n" + "\n".join(lines))
    line = next(x for x in lines if "listening on http://" in x)
    host, port = line.split("http://", 1)[1].split("/", 1)[0].rsplit(":", 1)
    return Server(proc, host, int(port), lines)


def wait_until(predicate, timeout: float = 30, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()
