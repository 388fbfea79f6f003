"""A real headless Chromium driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``:
no port, no websocket library): type into a page, click it, read it, take screenshots."""

from __future__ import annotations

import base64
import fcntl
import json
import os
import subprocess
import threading
import time
from pathlib import Path

from .browser import FLAGS, chromium_or_skip


class PageError(AssertionError):
    pass


class Chromium:
    """One browser, one page. ``events`` keeps console messages and uncaught exceptions."""

    def __init__(self, profile: Path, width: int = 1400, height: int = 1000):
        binary = chromium_or_skip()
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def fds():  # the browser reads commands on fd 3 and answers on fd 4 (Python's own fds close on exec)
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (to_browser_r, from_browser_w)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        flags = [f for f in FLAGS if not f.startswith(("--enable-logging", "--v="))]
        self.proc = subprocess.Popen([binary, *flags, "--remote-debugging-pipe", f"--user-data-dir={profile}",
                                      f"--window-size={width},{height}", "about:blank"],
                                     close_fds=False, preexec_fn=fds, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._id = 0
        self._answers: dict[int, dict] = {}
        self._cond = threading.Condition()
        self.events: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self._stderr = []
        threading.Thread(target=lambda: self._stderr.extend(self.proc.stderr), daemon=True).start()
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_browser, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._answers[-1] = {"error": {"message": "the browser closed the pipe"}}
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                message = json.loads(raw)
                with self._cond:
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                    self._cond.notify_all()

    def send(self, method: str, session: str | None = None, timeout: float = 60, **params) -> dict:
        with self._cond:
            self._id += 1
            n = self._id
        message = {"id": n, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._to_browser, data):]
        deadline = time.monotonic() + timeout
        with self._cond:
            while n not in self._answers and -1 not in self._answers:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{method}: no answer in {timeout} s")
                self._cond.wait(left)
            answer = self._answers.pop(n, None) or self._answers[-1]
        if "error" in answer:
            raise PageError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def call(self, method: str, **params) -> dict:
        return self.send(method, self.session, **params)

    # -- what a person does --------------------------------------------------------------------------------

    def goto(self, url: str, ready: str = "document.body && document.body.dataset.ready === '1'") -> None:
        self.call("Page.navigate", url=url)
        self.wait_for(ready)

    def js(self, expression: str):
        answer = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in answer:
            raise PageError(f"{expression}: {answer['exceptionDetails'].get('exception', {}).get('description')}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60) -> object:
        deadline = time.monotonic() + timeout
        while True:
            value = self.js(f"(function () {{ try {{ return ({expression}); }} catch (e) {{ return null; }} }})()")
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} s for {expression}")
            time.sleep(0.05)

    def click(self, selector: str, frame: str | None = None) -> None:
        """A real mouse click in the middle of the element's first box (a link may wrap over two lines),
        inside the iframe ``frame`` if given."""
        where = (f"document.querySelector({json.dumps(frame)}).contentDocument" if frame else "document")
        box = self.js(f"""(function () {{
            var el = {where}.querySelector({json.dumps(selector)});
            el.scrollIntoView({{block: 'center'}});
            var r = el.getClientRects()[0] || el.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
            {f'var f = document.querySelector({json.dumps(frame)}).getBoundingClientRect(); x += f.left; y += f.top;' if frame else ''}
            return [x, y];
        }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type(self, selector: str, text: str) -> None:
        """Focus a field and type into it (the browser's own text input, as a paste or an IME does)."""
        self.js(f"document.querySelector({json.dumps(selector)}).focus()")
        self.js(f"document.querySelector({json.dumps(selector)}).select && document.querySelector({json.dumps(selector)}).select()")
        self.call("Input.insertText", text=text)

    def screenshot(self, path: Path) -> Path:
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def console_errors(self) -> list[str]:
        """What the page wrote to the console as an error, or threw."""
        out = []
        for e in self.events:
            if e.get("method") == "Runtime.exceptionThrown":
                out.append(e["params"]["exceptionDetails"].get("exception", {}).get("description", "exception"))
            elif e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description"))) for a in e["params"]["args"]))
        return out

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except (PageError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
