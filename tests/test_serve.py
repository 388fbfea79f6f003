"""``toolkit serve`` as a CMS meets it: a real server process on 127.0.0.1, real HTTP, hostile
bodies, a busy pool, a hung model endpoint, and a stop that leaves nothing behind."""

import http.client
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

import toolkit
from toolkit import InputError

from . import serving
from .conftest import ROOT, SEED_PUBLISHED
from .fakellm import FakeLLM, Reply, error
from .processes import descendants, gone, parent_cmd

serving.serve_or_skip()

WRONG = ("عقد بوتين اجتماعا داخليا في موسكو يوم 16 أغسطس.\n"
         "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.")
MAX_CHARS = 20_000


@pytest.fixture(scope="module")
def server():
    s = serving.start("--workers", "1", "--backend", "extractive", "--max-chars", str(MAX_CHARS),
                      "--max-body", str(4 * 1024 * 1024), "--timeout", "60")
    yield s
    s.stop()


def body(status_headers_body):
    status, headers, raw = status_headers_body
    return status, headers, json.loads(raw)


def test_verify_answers_what_the_python_api_returns(server, seed):
    status, headers, got = body(server.post("/v1/verify", {"source": seed, "summary": WRONG,
                                                           "published": SEED_PUBLISHED}))
    assert status == 200, got
    assert headers["content-type"] == "application/json"
    want = toolkit.verify(seed, WRONG, published=SEED_PUBLISHED).model_dump(mode="json")
    assert got == want
    assert [c["text"] for c in got["claims"] if c["verdict"] == "contradicted"] == ["يوم 16 أغسطس"]
    assert headers["x-contradicted"] == "1" and headers["x-supported"] == str(want["counts"]["supported"])


def test_fact_check_writes_a_summary_and_returns_the_whole_result(server, seed):
    status, _, got = body(server.post("/v1/fact-check", {"source": seed, "published": SEED_PUBLISHED}))
    assert status == 200, got
    want = toolkit.fact_check(seed, published=SEED_PUBLISHED, backend="extractive").model_dump(mode="json")
    for result in (got, want):
        result.pop("created")
    assert got == want
    assert got["backend"] == "extractive" and got["summary_doc"]["headline"] and got["headline_report"]


def test_the_report_is_the_editors_page_or_markdown(server, seed):
    status, headers, page = server.post("/v1/report", {"source": seed, "summary": WRONG,
                                                       "published": SEED_PUBLISHED})
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    html = page.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Fact-check report" in html
    assert '<a class="claim v-contradicted"' in html and headers["x-contradicted"] == "1"
    status, headers, md = server.post("/v1/report", {"source": seed, "summary": WRONG, "format": "markdown"})
    assert status == 200 and headers["content-type"] == "text/markdown; charset=utf-8"
    assert md.decode("utf-8").startswith("## Fact-check")


def test_health_docs_and_the_openapi_schema(server):
    status, _, health = body(server.request("GET", "/healthz"))
    assert status == 200 and health["status"] == "ok" and health["workers"] == 1
    status, _, spec = body(server.request("GET", "/openapi.json"))
    assert status == 200
    assert {"/v1/verify", "/v1/fact-check", "/v1/report", "/healthz"} <= set(spec["paths"])
    schemas = spec["components"]["schemas"]
    assert {"VerifyRequest", "FactCheckRequest", "VerificationReport", "FactCheckResult", "ErrorBody"} <= set(schemas)
    assert set(schemas["VerificationReport"]["properties"]) == set(toolkit.VerificationReport.model_fields)
    ok = spec["paths"]["/v1/verify"]["post"]["responses"]
    assert ok["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/VerificationReport")
    assert {"413", "415", "422"} <= set(ok)
    status, _, docs = server.request("GET", "/docs")
    assert status == 200 and b"swagger" in docs.lower()


def api_message(fn) -> str:
    with pytest.raises(InputError) as info:
        fn()
    return str(info.value)


def test_refused_input_has_the_messages_of_the_python_api_and_the_command_line(server, seed, tmp_path, capsys):
    big = "\n".join([seed] * 8)
    assert len(big) > MAX_CHARS
    cases = [
        ({"source": seed, "summary": WRONG, "published": "2025-8-19"},
         lambda: toolkit.verify(seed, WRONG, published="2025-8-19")),
        ({"source": " \u200b\n", "summary": WRONG}, lambda: toolkit.verify(" \u200b\n", WRONG)),
        ({"source": seed, "summary": WRONG, "lang": "xx"}, lambda: toolkit.verify(seed, WRONG, lang="xx")),
        ({"source": seed, "summary": "في " + "7" * 300}, lambda: toolkit.verify(seed, "في " + "7" * 300)),
        ({"source": big, "summary": WRONG}, lambda: toolkit.verify(big, WRONG, max_chars=MAX_CHARS)),
        ({"source": "\ud800 نص", "summary": WRONG}, lambda: toolkit.verify("\ud800 نص", WRONG)),
    ]
    for request, python in cases:
        raw = json.dumps(request).encode("ascii")  # \ud800 travels as an escape, as JSON allows
        status, _, got = body(server.post("/v1/verify", raw=raw))
        assert status == 422, got
        assert got == {"error": api_message(python)}
    # and the command line says the same
    summary = tmp_path / "s.txt"
    summary.write_text(WRONG, encoding="utf-8")
    from toolkit.cli import main

    capsys.readouterr()
    assert main(["verify", str(ROOT / "seeds" / "000_84ad6c98e610491e.txt"), str(summary),
                 "--published", "2025-8-19"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "toolkit: error: bad publication date '2025-8-19': expected YYYY-MM-DD"
    _, _, got = body(server.post("/v1/verify", {"source": seed, "summary": WRONG, "published": "2025-8-19"}))
    assert f"toolkit: error: {got['error']}" == err.strip()


def chunked_post(server, path: str, chunks, content_type: str = "application/json"):
    conn = http.client.HTTPConnection(server.host, server.port, timeout=60)
    try:
        conn.request("POST", path, body=chunks, headers={"Content-Type": content_type}, encode_chunked=True)
        r = conn.getresponse()
        return r.status, json.loads(r.read())
    finally:
        conn.close()


def test_hostile_bodies_get_clear_4xx_and_the_server_stays_up(server, seed):
    ten_mb = b'{"source": "' + b"a" * (10 * 1024 * 1024) + b'", "summary": "x"}'
    status, _, got = body(server.post("/v1/verify", raw=ten_mb))
    assert status == 413 and got == {"error": f"request body is {len(ten_mb):,} bytes, over the 4,194,304-byte limit"}
    status, got = chunked_post(server, "/v1/verify", (b"a" * 65536 for _ in range(160)))  # 10 MB, no length
    assert status == 413 and got == {"error": "request body is larger, over the 4,194,304-byte limit"}
    cases = [
        (b'{"source": "\xff\xfe", "summary": "x"}', "application/json", 400,
         "request body is not UTF-8 (bad byte at offset 12)"),
        (b"[" * 100_000 + b"]" * 100_000, "application/json", 400, "request body is nested too deeply"),
        (b'{"source": ' + b"[" * 100_000, "application/json", 400, "request body is nested too deeply"),
        (b'{"source": "x", ', "application/json", 400,
         "request body is not JSON: Expecting property name enclosed in double quotes at line 1 column 17"),
        (b"source=x&summary=y", "application/x-www-form-urlencoded", 415,
         "expected Content-Type: application/json, not application/x-www-form-urlencoded"),
        (b'{"source": "x", "summary": "y"}', "text/plain", 415, "expected Content-Type: application/json, not text/plain"),
        (b'{"source": "x", "summary": "y"}', "application/json; charset=latin-1", 415,
         "expected Content-Type: application/json, not application/json; charset=latin-1"),
        (b'[1, 2]', "application/json", 422, "body: Input should be a valid dictionary or object to extract fields from"),
        (b'{"source": "x"}', "application/json", 422, "summary: Field required"),
        (b'{"source": 5, "summary": "y"}', "application/json", 422, "source: Input should be a valid string"),
        (b'{"source": "x", "sumary": "y"}', "application/json", 422, "summary: Field required (and 1 more)"),
        (b'{"source": ' + b"[" * 500 + b"]" * 500 + b', "summary": "y"}', "application/json", 422,
         "source: Input should be a valid string"),
    ]
    for raw, kind, code, message in cases:
        status, headers, got = body(server.post("/v1/verify", raw=raw, content_type=kind))
        assert (status, got["error"]) == (code, message), raw[:60]
        assert headers["content-type"] == "application/json"
    status, _, got = body(server.request("POST", "/v1/verify", b'{"source": "x", "summary": "y"}'))  # no type
    assert status == 415 and got == {"error": "expected Content-Type: application/json, not none"}
    status, _, got = body(server.request("GET", "/v1/verify"))
    assert status == 405 and got == {"error": "Method Not Allowed"}
    status, _, got = body(server.request("GET", "/nothing-here"))
    assert status == 404 and got == {"error": "Not Found"}
    # still up, and still right
    assert server.alive()
    status, _, got = body(server.post("/v1/verify", {"source": seed, "summary": WRONG, "published": SEED_PUBLISHED}))
    assert status == 200 and got["counts"]["contradicted"] == 1


def test_a_full_pool_answers_503_and_the_next_request_is_served(seed):
    s = serving.start("--workers", "1", "--max-pending", "1", "--backend", "extractive")
    try:
        heavy = "\n".join([seed] * 60)  # a few seconds of checking
        first: dict = {}
        t = threading.Thread(target=lambda: first.setdefault("r", s.post("/v1/fact-check", {"source": heavy})))
        t.start()
        assert serving.wait_until(lambda: json.loads(s.request("GET", "/healthz")[2])["pending"] == 1)
        status, headers, got = body(s.post("/v1/verify", {"source": seed, "summary": WRONG}))
        assert status == 503 and headers["retry-after"] == "1"
        assert got == {"error": "server busy: 1 requests in progress; try again shortly"}
        t.join(120)
        assert first["r"][0] == 200
        status, _, _ = s.post("/v1/verify", {"source": seed, "summary": WRONG})
        assert status == 200
    finally:
        s.stop()


def test_model_calls_end_by_the_timeout_and_a_refusing_endpoint_is_502(seed, tmp_path):
    def script(r):
        return Reply(delay=30) if "ARTICLE-HANG" in r.text else error(401)

    with FakeLLM(script) as fake:
        env = {**os.environ, "OPENAI_API_KEY": "k", "OPENAI_BASE_URL": fake.url,
               "TOOLKIT_CACHE_DIR": str(tmp_path / "cache")}
        env.pop("TOOLKIT_DEADLINE", None)
        env.pop("TOOLKIT_TIMEOUT", None)
        # 8 s: far below the 30 s hang, and room for the 401 answer on a loaded machine (3 s was too tight once)
        s = serving.start("--workers", "1", "--timeout", "8", "--no-cache", env=env)
        try:
            started = time.monotonic()
            status, _, got = body(s.post("/v1/fact-check", {"source": seed + "\nARTICLE-HANG", "backend": "openai",
                                                            "model": "m"}))
            elapsed = time.monotonic() - started
            assert status == 504, got
            assert elapsed < 20, elapsed
            assert got["error"].startswith(("the model endpoint failed: APITimeoutError", "the request took longer"))
            status, _, got = body(s.post("/v1/fact-check", {"source": seed, "backend": "openai", "model": "m"}))
            assert status == 502
            assert got["error"].startswith("the model endpoint failed: AuthenticationError")
            assert s.alive()
            status, _, got = body(s.post("/v1/verify", {"source": seed, "summary": WRONG}))
            assert status == 200
        finally:
            s.stop()


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_a_stopped_server_leaves_no_worker_behind(seed, how):
    s = serving.start("--workers", "2", "--backend", "extractive")
    assert s.post("/v1/verify", {"source": seed, "summary": WRONG})[0] == 200
    family = descendants(s.proc.pid)
    assert len(family) >= 3  # the fork server, its two workers (and a resource tracker)
    s.proc.send_signal(how)
    code = s.proc.wait(30)
    if how == signal.SIGINT:
        assert code == 130 and s.stderr[-1] == "toolkit: interrupted"
    assert serving.wait_until(lambda: gone(family), timeout=20), [p for p in family if Path(f"/proc/{p}").exists()]


def test_a_dead_worker_is_replaced(seed):
    s = serving.start("--workers", "1", "--backend", "extractive")
    try:
        assert s.post("/v1/verify", {"source": seed, "summary": WRONG})[0] == 200
        workers = [p for p in descendants(s.proc.pid) if "forkserver" in parent_cmd(p)]
        assert len(workers) == 1
        os.kill(workers[0], signal.SIGKILL)  # the out-of-memory killer, say
        serving.wait_until(lambda: gone(workers))
        status, _, got = body(s.post("/v1/verify", {"source": seed, "summary": WRONG, "published": SEED_PUBLISHED}))
        assert status == 200 and got["counts"]["contradicted"] == 1
        fresh = [p for p in descendants(s.proc.pid) if "forkserver" in parent_cmd(p)]
        assert len(fresh) == 1 and fresh != workers
        assert json.loads(s.request("GET", "/healthz")[2])["pending"] == 0
    finally:
        s.stop()
