"""One status line on stderr while a model works: what it is doing, elapsed seconds, tokens.

Shown only when stderr is a terminal (and ``TOOLKIT_PROGRESS`` is not ``0``), redrawn in
place twice a second and erased when the last call in flight ends, so that piped or
redirected output never holds it. Calls in flight at once (threads, ``fact_check_many``)
share the line. Token counts come from the server when it can say them mid-request
(llama.cpp's ``/slots``: prompt tokens read, tokens generated), and from every finished
attempt's usage otherwise.
"""

from __future__ import annotations

import itertools
import os
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..settings import get_settings

Probe = Callable[[], "tuple[int, int, int] | None"]  # (prompt read, prompt total, generated) of the current request
INTERVAL = 0.5


def enabled(stream=None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if not get_settings().progress:
        return False
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


@dataclass
class Call:
    label: str
    model: str | None
    probe: Probe | None = None
    started: float = field(default_factory=time.monotonic)
    done_tokens: int = 0  # completion tokens of finished attempts (re-asks)
    attempts: int = 0

    def add(self, completion_tokens: int) -> None:
        self.done_tokens += completion_tokens
        self.attempts += 1

    def line(self, now: float) -> str:
        parts = [self.label + (f" ({self.model})" if self.model else ""), f"{now - self.started:.0f} s"]
        live = None
        if self.probe is not None:
            try:
                live = self.probe()
            except Exception:  # noqa: BLE001 — a status line never breaks a call
                live = None
        generated = self.done_tokens + (live[2] if live else 0)
        if live and live[1] and live[0] < live[1] and not live[2]:
            parts.append(f"reading prompt {live[0]}/{live[1]} tokens")
        parts.append(f"{generated} tokens generated")
        if self.attempts:
            parts.append(f"re-ask {self.attempts}")
        return " · ".join(parts)


class _Line:
    """The shared status line and the thread that redraws it."""

    def __init__(self, stream=None):
        self.stream = stream
        self.calls: dict[int, Call] = {}
        self.ids = itertools.count()
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.thread: threading.Thread | None = None
        self.shown = False

    def _out(self):
        return self.stream if self.stream is not None else sys.stderr

    def _write(self, text: str) -> None:
        try:
            out = self._out()
            out.write(text)
            out.flush()
        except (OSError, ValueError, AttributeError):
            pass

    def _draw(self) -> None:
        with self.lock:
            calls = list(self.calls.values())
        if not calls:
            return
        now = time.monotonic()
        text = calls[0].line(now) if len(calls) == 1 else f"{len(calls)} model calls · " + calls[0].line(now)
        width = 120
        try:
            width = max(20, os.get_terminal_size(self._out().fileno()).columns - 1)
        except (OSError, ValueError, AttributeError):
            pass
        self._write("\r\x1b[K toolkit: " + text[:width - 11])
        self.shown = True

    def _loop(self) -> None:
        while True:
            self._draw()
            self.wake.wait(INTERVAL)
            self.wake.clear()
            with self.lock:
                if not self.calls:
                    self.thread = None
                    if self.shown:
                        self._write("\r\x1b[K")
                        self.shown = False
                    return

    def start(self, call: Call) -> int:
        with self.lock:
            key = next(self.ids)
            self.calls[key] = call
            if self.thread is None:
                self.thread = threading.Thread(target=self._loop, name="toolkit-progress", daemon=True)
                self.thread.start()
        return key

    def stop(self, key: int) -> None:
        with self.lock:
            self.calls.pop(key, None)
            thread = self.thread if not self.calls else None
        self.wake.set()
        if thread is not None and thread is not threading.current_thread():
            thread.join(2)


_LINE = _Line()


@contextmanager
def working(label: str, model: str | None = None, probe: Probe | None = None, *, stream=None):
    """Show ``label`` with elapsed time and tokens while the block runs (on a terminal only).
    Yields the :class:`Call`, whose ``add`` counts a finished attempt's tokens."""
    call = Call(label, model, probe)
    if not enabled(stream):
        yield call
        return
    line = _LINE if stream is None else _Line(stream)
    key = line.start(call)
    try:
        yield call
    finally:
        line.stop(key)
