"""A fake OpenAI-compatible chat-completions server in the test process (127.0.0.1, a random
port), scripted per test: each request is answered by a function of its number and body."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | dict | str = b""
    headers: dict = field(default_factory=dict)
    delay: float = 0.0  # seconds to sit on the request before answering (a hang)


def completion(content: str, tokens: tuple[int, int] = (100, 20)) -> Reply:
    """A chat completion whose message is ``content``."""
    return Reply(200, {"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": content}}],
                       "usage": {"prompt_tokens": tokens[0], "completion_tokens": tokens[1],
                                 "total_tokens": sum(tokens)}})


def answer(obj) -> Reply:
    return completion(json.dumps(obj, ensure_ascii=False))


def error(status: int, headers: dict | None = None) -> Reply:
    return Reply(status, {"error": {"message": f"status {status}", "type": "x", "code": status}}, headers or {})


@dataclass
class Request:
    n: int  # 0-based, in arrival order
    body: dict

    @property
    def text(self) -> str:
        """Every message's content, joined."""
        return "\n".join(str(m.get("content")) for m in self.body.get("messages", []))

    @property
    def task(self) -> str:
        """'summarize' or 'extract_claims', from the system prompt."""
        return "summarize" if "You summarise" in self.text else "extract_claims"


class FakeLLM:
    def __init__(self, script: Callable[[Request], Reply]):
        self.script = script
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._release = threading.Event()  # set on close: hung requests end at once
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = {}
                with fake._lock:
                    request = Request(len(fake.requests), body)
                    fake.requests.append(request)
                reply = fake.script(request)
                if reply.delay:
                    fake._release.wait(reply.delay)
                data = reply.body
                if isinstance(data, dict):
                    data = json.dumps(data, ensure_ascii=False).encode("utf-8")
                    ctype = "application/json"
                else:
                    data = data.encode("utf-8") if isinstance(data, str) else data
                    ctype = reply.headers.get("content-type", "application/json")
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", ctype)
                    self.send_header("content-length", str(len(data)))
                    for k, v in reply.headers.items():
                        if k.lower() != "content-type":
                            self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def count(self, task: str | None = None) -> int:
        return sum(1 for r in self.requests if task is None or r.task == task)

    def __enter__(self) -> "FakeLLM":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()
