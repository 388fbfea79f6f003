"""Every error the public API raises is a ToolkitError, defined once (toolkit/errors.py); the
endpoint's own (openai) errors reach a caller only as the cause of an EndpointError."""

import importlib
import inspect
import json
import pkgutil

import httpx
import openai
import pytest
import respx

import toolkit
from toolkit import ConfigError, EndpointError, ExtractionError, LLMClient, Summary, ToolkitError, errors
from toolkit.cli import main
from toolkit.llm.backends import ModelBackend

from .conftest import SEED_PUBLISHED
from .test_llm import BASE, GOOD, URL, completion, error, messages


def test_each_error_is_defined_once_in_toolkit_errors():
    modules = [toolkit]
    for info in pkgutil.walk_packages(toolkit.__path__, "toolkit."):
        try:
            modules.append(importlib.import_module(info.name))
        except ToolkitError:  # an optional extra that is not installed (toolkit.serve without fastapi)
            continue
    ours = {name: getattr(errors, name) for name in errors.__all__}
    seen = 0
    for module in modules:
        for name, value in vars(module).items():
            if inspect.isclass(value) and issubclass(value, ToolkitError):
                assert value.__module__ == "toolkit.errors", f"{module.__name__}.{name} is defined outside toolkit.errors"
            if name in ours:
                assert value is ours[name], f"{module.__name__}.{name} is not toolkit.errors.{name}"
                seen += 1
    from toolkit.llm import client

    assert client.ConfigError is ConfigError and client.ExtractionError is ExtractionError  # re-exported, not redefined
    assert seen > len(ours)  # the errors are imported (and checked) in many modules


@pytest.fixture
def client(tmp_path):
    return LLMClient(model="m", base_url=BASE, api_key="k", cache_dir=tmp_path / "cache", http_client=httpx.Client(),
                     max_attempts=2, backoff_initial=0.01, backoff_max=0.02)


FAILURES = {
    "400": [error(400)], "401": [error(401)], "403": [error(403)], "404": [error(404)], "422": [error(422)],
    "429 asking for 2 minutes": [error(429, {"retry-after": "120"})],
    "500 twice": [error(500), error(500)], "connection refused twice": [httpx.ConnectError("refused")] * 2,
    "read timeout twice": [httpx.ReadTimeout("slow")] * 2,
    "invalid output, then 503 twice": [completion(json.dumps({"headline": "", "sentences": []})), error(503), error(503)],
}


@respx.mock
@pytest.mark.parametrize("case", list(FAILURES))
def test_every_endpoint_failure_is_an_endpoint_error(client, case):
    respx.post(URL).mock(side_effect=FAILURES[case])
    with pytest.raises(ToolkitError) as info:
        client.extract(Summary, messages())
    assert type(info.value) is EndpointError, repr(info.value)
    assert isinstance(info.value.__cause__, openai.APIError) and not isinstance(info.value, openai.OpenAIError)
    assert info.value.usage.requests == len(FAILURES[case])


@respx.mock
def test_the_public_functions_raise_the_endpoint_error_too(client, seed):
    respx.post(URL).mock(return_value=error(401))
    backend = ModelBackend(client)
    for call in (lambda: toolkit.summarize(seed, backend=backend),
                 lambda: toolkit.fact_check(seed, backend=backend, published=SEED_PUBLISHED)):
        with pytest.raises(EndpointError) as info:
            call()
        assert isinstance(info.value.__cause__, openai.AuthenticationError)


def test_an_endpoint_that_cannot_be_set_up_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match=r"^cannot use the endpoint 'http://\[::1': InvalidURL"):
        LLMClient(model="m", base_url="http://[::1", api_key="k", cache_dir=tmp_path)


@pytest.mark.parametrize("template, kind", [
    ("### system\nWrite.\n### user\n{{ no_such_variable }}\n", "UndefinedError"),
    ("### system\nWrite.\n### user\n{% if %}\n", "TemplateSyntaxError"),
    ("Write a summary of {{ sentences }}.\n", "ValueError"),  # no role line
])
def test_a_broken_prompt_override_is_a_config_error_naming_its_file(tmp_path, monkeypatch, seed, seed_path, capsys,
                                                                    template, kind):
    (tmp_path / "summarize.j2").write_text(template, encoding="utf-8")
    monkeypatch.setenv("TOOLKIT_PROMPTS_DIR", str(tmp_path))
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")  # never reached: the prompt fails first
    with pytest.raises(ConfigError) as info:
        toolkit.fact_check(seed, backend="openai", cache=False)
    assert str(info.value).startswith(f"prompt template {tmp_path / 'summarize.j2'} (TOOLKIT_PROMPTS_DIR): {kind}")
    assert main(["fact-check", str(seed_path), "--backend", "openai", "--no-cache"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("toolkit: error: prompt template ") and "\n" not in err


def test_an_unreadable_prompt_override_is_a_config_error(tmp_path, monkeypatch):
    from toolkit.llm.prompts import load_prompt

    (tmp_path / "judge.j2").write_bytes("### user\ncafé\n".encode("latin-1"))
    monkeypatch.setenv("TOOLKIT_PROMPTS_DIR", str(tmp_path))
    with pytest.raises(ConfigError, match=r"cannot read prompt template .*judge\.j2: not UTF-8"):
        load_prompt("judge")
