"""The answer cache shared by threads and processes, broken entries, unwritable caches; Retry-After
beyond the cap, every HTTP attempt counted, timeouts and the deadline. HTTP faked by respx."""

import json
import logging
import multiprocessing
import os
import stat
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import openai
import pytest
import respx

from toolkit import ConfigError, EndpointError, ExtractionError, LLMClient, Summary

from .test_llm import BASE, GOOD, URL, completion, error, messages

LOGGER = "toolkit.llm.client"


def make_client(cache_dir, **kwargs) -> LLMClient:
    options = {"model": "m", "base_url": BASE, "api_key": "k", "http_client": httpx.Client(),
               "backoff_initial": 0.01, "backoff_max": 0.02, **kwargs}
    return LLMClient(cache_dir=cache_dir, **options)


@pytest.fixture
def client(tmp_path):
    return make_client(tmp_path / "cache")


def entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.json"))


def leftovers(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*") if p.is_file() and p.suffix != ".json")


def assert_healthy(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert Summary.model_validate(data["output"]).headline == GOOD["headline"]


def warnings_of(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == LOGGER and r.levelno == logging.WARNING]


# -- shared cache --------------------------------------------------------------------------

@respx.mock
def test_eight_threads_writing_one_key_leave_one_valid_entry(client):
    in_flight = threading.Barrier(8, timeout=5)

    def answer(request):
        in_flight.wait()  # all eight requests are out before any answer comes back: the writes race
        return completion(json.dumps(GOOD))

    route = respx.post(URL).mock(side_effect=answer)
    start = threading.Barrier(8, timeout=5)
    results, failures = [], []

    def work():
        try:
            start.wait()
            results.append(client.extract(Summary, messages(), template_hash="h"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert failures == [] and len(results) == 8 and route.call_count == 8
    # one client, eight concurrent calls: each counts its own request only
    assert [run.usage.requests for _, run in results] == [1] * 8
    (entry,) = entries(client.cache_dir)
    assert_healthy(entry)
    assert leftovers(client.cache_dir) == []  # no temporary file left behind


def _hammer(cache_dir: str, rounds: int) -> None:
    """One process: drop the entry and ask again, over and over, with the other doing the same."""
    problems = []

    class Collect(logging.Handler):
        def emit(self, record):
            problems.append(record.getMessage())

    logging.getLogger(LOGGER).addHandler(Collect(logging.WARNING))
    with respx.mock:
        respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
        client = make_client(Path(cache_dir))
        for _ in range(rounds):
            for entry in entries(Path(cache_dir)):
                entry.unlink(missing_ok=True)
            summary, _ = client.extract(Summary, messages(), template_hash="h")
            assert summary.headline == GOOD["headline"]
            summary, _ = client.extract(Summary, messages(), template_hash="h")  # usually a hit
            assert summary.headline == GOOD["headline"]
    if problems:  # a reader never sees half an entry
        raise SystemExit(f"warnings: {problems[:3]}")


def test_two_processes_hammering_one_key_keep_the_entry_valid(tmp_path):
    cache_dir = tmp_path / "cache"
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_hammer, args=(str(cache_dir), 40)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    (entry,) = entries(cache_dir)
    assert_healthy(entry)
    assert leftovers(cache_dir) == []


# -- broken entries --------------------------------------------------------------------------

BROKEN = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "garbage": lambda good: b"\x00\xff\xfe not json at all",
    "other schema": lambda good: json.dumps({"output": {"headline": ""}}).encode(),
    "no output": lambda good: b"[1, 2, 3]",
}


@respx.mock
@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_entry_is_logged_removed_and_asked_again(client, caplog, kind):
    route = respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
    client.extract(Summary, messages(), template_hash="h")
    (entry,) = entries(client.cache_dir)
    entry.write_bytes(BROKEN[kind](entry.read_bytes()))
    route.reset()

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        summary, run = client.extract(Summary, messages(), template_hash="h")
    assert summary.headline == GOOD["headline"] and not run.cached
    assert route.call_count == 1  # asked again, as if the entry were not there
    (warning,) = warnings_of(caplog)
    assert entry.name in warning
    assert_healthy(entry)  # rewritten
    _, again = client.extract(Summary, messages(), template_hash="h")
    assert again.cached and route.call_count == 1


@respx.mock
def test_replaying_a_broken_entry_is_a_config_error_naming_the_file(client):
    respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
    client.extract(Summary, messages(), template_hash="h")
    (entry,) = entries(client.cache_dir)
    entry.write_text('{"output": {"headl', encoding="utf-8")
    replay = LLMClient(model="m", base_url=BASE, cache_only=True, cache_dir=client.cache_dir)  # the same endpoint
    with pytest.raises(ConfigError, match=entry.name) as info:
        replay.extract(Summary, messages(), template_hash="h")
    assert "\n" not in str(info.value)
    assert entry.exists()  # a recorded answer is never deleted by a replay


# -- caches that cannot be written -------------------------------------------------------------

@respx.mock
def test_an_unwritable_cache_dir_is_a_warning_and_the_answer_is_kept(tmp_path, caplog):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)  # 0o500
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: chmod does not stop writes")
        route = respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
        client = make_client(locked)
        with caplog.at_level(logging.WARNING, logger=LOGGER):
            summary, run = client.extract(Summary, messages(), template_hash="h")
        assert summary.headline == GOOD["headline"] and run.usage.requests == 1 and route.call_count == 1
        (warning,) = warnings_of(caplog)
        assert "not cached" in warning
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(stat.S_IRWXU)


@respx.mock
def test_a_cache_dir_that_is_a_file_is_a_warning_and_the_answer_is_kept(tmp_path, caplog):
    not_a_dir = tmp_path / "cache"
    not_a_dir.write_text("a file, not a folder", encoding="utf-8")
    route = respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
    client = make_client(not_a_dir)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        summary, run = client.extract(Summary, messages(), template_hash="h")
        again, _ = client.extract(Summary, messages(), template_hash="h")
    assert summary.headline == again.headline == GOOD["headline"] and route.call_count == 2
    assert len(warnings_of(caplog)) == 2 and all("not cached" in w for w in warnings_of(caplog))
    assert not_a_dir.read_text(encoding="utf-8") == "a file, not a folder"


# -- Retry-After beyond the cap ---------------------------------------------------------------

def _in_two_hours() -> str:
    return format_datetime(datetime.now(timezone.utc) + timedelta(hours=2), usegmt=True)


@respx.mock
@pytest.mark.parametrize("after, asked", [("3600", "3600"), (_in_two_hours(), "7")], ids=["seconds", "http-date"])
def test_retry_after_beyond_the_cap_fails_at_once(client, monkeypatch, after, asked):
    waits = []
    monkeypatch.setattr("tenacity.nap.time.sleep", waits.append)
    route = respx.post(URL).mock(side_effect=[error(429, {"retry-after": after}), completion(json.dumps(GOOD))])
    started = time.monotonic()
    with pytest.raises(EndpointError) as info:
        client.extract(Summary, messages())
    assert time.monotonic() - started < 2
    assert route.call_count == 1 and waits == []
    assert isinstance(info.value.__cause__, openai.RateLimitError)
    message = str(info.value.__cause__)
    assert "status 429" in message  # the server's own message is kept
    assert "not retried" in message and f"wait {asked}" in message
    assert info.value.status_code == 429 and info.value.usage.requests == 1


# -- every attempt counted ---------------------------------------------------------------------

@respx.mock
def test_every_http_attempt_is_a_request(client):
    respx.post(URL).mock(side_effect=[error(500), error(500), completion(json.dumps(GOOD))])
    _, run = client.extract(Summary, messages())
    assert (run.usage.requests, run.usage.total_tokens) == (3, 120)


@respx.mock
def test_attempts_are_counted_when_retries_are_spent(client):
    route = respx.post(URL).mock(return_value=error(503))
    with pytest.raises(EndpointError) as info:
        client.extract(Summary, messages())
    assert isinstance(info.value.__cause__, openai.InternalServerError)
    assert route.call_count == client.max_attempts == 4
    assert (info.value.usage.requests, info.value.usage.total_tokens) == (4, 0)


@respx.mock
def test_attempts_are_counted_when_the_output_never_validates(client):
    invalid = completion('{"headline": "x"}', tokens=(50, 5))
    route = respx.post(URL).mock(side_effect=[error(500), invalid, invalid, invalid])
    with pytest.raises(ExtractionError) as info:
        client.extract(Summary, messages())
    assert route.call_count == 4
    assert (info.value.usage.requests, info.value.usage.total_tokens) == (4, 165)


# -- timeouts and the deadline -----------------------------------------------------------------

@respx.mock
def test_a_hung_endpoint_fails_by_the_deadline(tmp_path):
    route = respx.post(URL).mock(side_effect=httpx.ReadTimeout("hung"))
    client = make_client(tmp_path, deadline=1, max_attempts=10_000, backoff_initial=0.02, backoff_max=0.05)
    started = time.monotonic()
    with pytest.raises(EndpointError) as info:
        client.extract(Summary, messages())
    elapsed = time.monotonic() - started
    assert isinstance(info.value.__cause__, openai.APITimeoutError)
    assert elapsed < 3, elapsed
    assert 1 < route.call_count < 10_000  # retried, until the deadline rather than the attempts ran out
    assert info.value.usage.requests == route.call_count


@respx.mock
def test_timeouts_default_and_come_from_the_environment(tmp_path, monkeypatch):
    for name in ("TOOLKIT_TIMEOUT", "TOOLKIT_CONNECT_TIMEOUT", "TOOLKIT_DEADLINE"):
        monkeypatch.delenv(name, raising=False)
    default = make_client(tmp_path)
    assert (default.timeout, default.connect_timeout, default.deadline) == (120, 10, 300)
    assert (default._client.client.timeout.read, default._client.client.timeout.connect) == (120, 10)

    monkeypatch.setenv("TOOLKIT_TIMEOUT", "7")
    monkeypatch.setenv("TOOLKIT_CONNECT_TIMEOUT", "2.5")
    monkeypatch.setenv("TOOLKIT_DEADLINE", "30")
    route = respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
    configured = make_client(tmp_path, cache=False)
    assert (configured.timeout, configured.connect_timeout, configured.deadline) == (7, 2.5, 30)
    configured.extract(Summary, messages())
    sent = route.calls[0].request.extensions["timeout"]
    assert (sent["read"], sent["connect"]) == (7, 2.5)

    explicit = make_client(tmp_path, timeout=3, connect_timeout=1, deadline=9)
    assert (explicit.timeout, explicit.connect_timeout, explicit.deadline) == (3, 1, 9)


@pytest.mark.parametrize("value", ["soon", "0", "-5", "nan", "inf"])
def test_an_invalid_timeout_is_a_one_line_config_error(tmp_path, monkeypatch, value):
    monkeypatch.setenv("TOOLKIT_DEADLINE", value)
    with pytest.raises(ConfigError, match="TOOLKIT_DEADLINE") as info:
        make_client(tmp_path)
    assert "\n" not in str(info.value)
    monkeypatch.delenv("TOOLKIT_DEADLINE")
    with pytest.raises(ConfigError, match="timeout"):
        make_client(tmp_path, timeout=value)


# -- what the cache key holds ------------------------------------------------------------------

def test_the_key_holds_endpoint_mode_temperature_and_max_tokens(tmp_path, monkeypatch):
    monkeypatch.delenv("TOOLKIT_LLM_MODE", raising=False)
    asked = messages()

    def key(client, **kwargs):
        return client.cache_key(asked, Summary, "h", **kwargs)

    base = make_client(tmp_path)
    same = key(base, temperature=0.0, max_tokens=1024)
    assert key(make_client(tmp_path), temperature=0.0, max_tokens=1024) == same  # deterministic
    others = [key(make_client(tmp_path, base_url="http://other.test/v1"), temperature=0.0, max_tokens=1024),
              key(make_client(tmp_path, mode="md_json"), temperature=0.0, max_tokens=1024),
              key(base, temperature=0.7, max_tokens=1024),
              key(base, temperature=0.0, max_tokens=900),
              key(base, temperature=0.0, max_tokens=None)]
    assert len({same, *others}) == 6


def test_switching_servers_never_replays_another_servers_answer(tmp_path):
    other = "http://other.test/v1"
    with respx.mock:
        first = respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
        second = respx.post(f"{other}/chat/completions").mock(return_value=completion(json.dumps(
            {**GOOD, "headline": "من الخادم الآخر"})))
        a, _ = make_client(tmp_path).extract(Summary, messages(), template_hash="h")
        b, run = make_client(tmp_path, base_url=other).extract(Summary, messages(), template_hash="h")
        assert (first.call_count, second.call_count) == (1, 1) and not run.cached
        assert a.headline == GOOD["headline"] and b.headline == "من الخادم الآخر"
        again, run = make_client(tmp_path).extract(Summary, messages(), template_hash="h")
        assert run.cached and again.headline == GOOD["headline"] and first.call_count == 1


def test_a_local_server_is_keyed_by_its_model_not_its_port(tmp_path, monkeypatch):
    from toolkit.llm.backends import local_client

    monkeypatch.delenv("TOOLKIT_LLM_MODE", raising=False)
    recording = local_client("some.gguf", name="qwen", cache_dir=tmp_path, max_tokens=900)
    replay = LLMClient(model="qwen", backend="llamacpp", cache_only=True, cache_dir=tmp_path, max_tokens=900)
    assert not recording.connected  # lazy: no server was started to compute a key
    assert recording.endpoint_id == replay.endpoint_id == "llamacpp:qwen"
    assert recording.cache_key(messages(), Summary, "h", max_tokens=900) == \
        replay.cache_key(messages(), Summary, "h", max_tokens=900)
    assert local_client("some.gguf", name="gemma", cache_dir=tmp_path).endpoint_id == "llamacpp:gemma"
