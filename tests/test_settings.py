"""One settings object (toolkit/settings.py): read once, checked once, shared by the command line
and the Python API; the cache folder follows XDG_CACHE_HOME; a bad value is one line naming it."""

import json
import re

import httpx
import pytest
import respx

import toolkit
from toolkit import ConfigError, EndpointError, InputError, LLMClient, Summary
from toolkit.cli import main
from toolkit.settings import ENVIRONMENT, Settings, get_settings

from .conftest import ROOT, SEED_PUBLISHED
from .test_llm import BASE, URL, error, messages

RIGHT = "اتصل بوتين في اليوم التالي لاجتماعه برؤساء بيلاروس وكازاخستان وأوزبكستان.\n"


@pytest.fixture
def env(monkeypatch, tmp_path):
    """An environment with none of the toolkit's variables, and a home of its own."""
    for variable in (*ENVIRONMENT.values(), "XDG_CACHE_HOME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return monkeypatch


@pytest.fixture
def summary_file(tmp_path):
    path = tmp_path / "summary.txt"
    path.write_text(RIGHT, encoding="utf-8")
    return path


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# -- the cache folder ------------------------------------------------------------------------

def test_the_cache_folder_follows_xdg_cache_home(env, tmp_path):
    assert get_settings().cache_dir == tmp_path / "home" / ".cache" / "newscheck-toolkit"
    env.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert get_settings().cache_dir == tmp_path / "xdg" / "newscheck-toolkit"
    client = LLMClient(model="m", base_url=BASE, api_key="k")
    assert client.cache_dir == tmp_path / "xdg" / "newscheck-toolkit"  # where answers are written
    from toolkit.llm.local import models_dir

    assert models_dir() == tmp_path / "xdg" / "newscheck-toolkit" / "models"  # and GGUF files
    env.setenv("XDG_CACHE_HOME", "relative/cache")  # the XDG rule: a relative path is ignored
    assert get_settings().cache_dir == tmp_path / "home" / ".cache" / "newscheck-toolkit"
    env.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    env.setenv("TOOLKIT_CACHE_DIR", str(tmp_path / "mine"))  # the toolkit's own variable wins
    assert get_settings().cache_dir == tmp_path / "mine"
    assert LLMClient(model="m", base_url=BASE, api_key="k", cache_dir=tmp_path / "arg").cache_dir == tmp_path / "arg"


@respx.mock
def test_an_answer_is_cached_under_xdg_cache_home(env, tmp_path):
    env.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    from .test_llm import GOOD, completion

    route = respx.post(URL).mock(return_value=completion(json.dumps(GOOD)))
    client = LLMClient(model="m", base_url=BASE, api_key="k", http_client=httpx.Client())
    client.extract(Summary, messages())
    (entry,) = (tmp_path / "xdg" / "newscheck-toolkit").rglob("*.json")
    assert json.loads(entry.read_text(encoding="utf-8"))["output"]["headline"] == GOOD["headline"]
    assert not (tmp_path / "home").exists()
    client.extract(Summary, messages())
    assert route.call_count == 1


# -- bad values ------------------------------------------------------------------------------

@pytest.mark.parametrize("variable, value, message", [
    ("TOOLKIT_TIMEOUT", "soon", "is not a number of seconds greater than 0"),
    ("TOOLKIT_TIMEOUT", "-1", "is not a number of seconds greater than 0"),
    ("TOOLKIT_CONNECT_TIMEOUT", "nan", "is not a number of seconds greater than 0"),
    ("TOOLKIT_DEADLINE", "inf", "is not a number of seconds greater than 0"),
    ("TOOLKIT_RETRIES", "-1", "is not a whole number of at least 0"),
    ("TOOLKIT_RETRIES", "two", "is not a whole number of at least 0"),
    ("TOOLKIT_LLM_MODE", "xml", "is not a mode: expected one of tools, json_schema, md_json"),
    ("OPENAI_BASE_URL", "localhost:8080/v1", "is not an http:// or https:// URL"),
    ("TOOLKIT_PROGRESS", "maybe", "is not on or off: expected 1 or 0"),
])
def test_a_bad_value_is_one_config_error_naming_the_variable(env, variable, value, message):
    env.setenv(variable, value)
    with pytest.raises(ConfigError) as info:
        get_settings()
    assert str(info.value) == f"{variable}={value!r} {message}"
    assert "\n" not in str(info.value)


def test_the_size_limit_stays_an_input_error(env):
    env.setenv("TOOLKIT_MAX_SOURCE_CHARS", "0")
    with pytest.raises(InputError, match=r"^TOOLKIT_MAX_SOURCE_CHARS='0' is not a whole number of characters"):
        get_settings()


def test_a_bad_timeout_is_one_line_and_exit_2_on_the_command_line(env, seed_path, summary_file, capsys):
    env.setenv("TOOLKIT_TIMEOUT", "soon")
    # even the offline verify: the settings are read, and checked, before any work
    assert main(["verify", str(seed_path), str(summary_file), "--published", SEED_PUBLISHED]) == 2
    captured = capsys.readouterr()
    assert one_line(captured.err) == "toolkit: error: TOOLKIT_TIMEOUT='soon' is not a number of seconds greater than 0"
    assert captured.out == ""
    with pytest.raises(ConfigError, match="^TOOLKIT_TIMEOUT='soon'"):
        LLMClient(model="m", base_url=BASE, api_key="k")
    assert main(["--version"]) == 0  # what reads no settings still works


def test_empty_and_blank_variables_are_unset(env, tmp_path):
    for variable in ENVIRONMENT.values():
        env.setenv(variable, "  ")
    assert get_settings() == Settings(cache_dir=tmp_path / "home" / ".cache" / "newscheck-toolkit")


def test_values_are_parsed(env, tmp_path):
    values = {"OPENAI_BASE_URL": "http://127.0.0.1:8080/v1", "OPENAI_API_KEY": "sk-secret", "TOOLKIT_MODEL": "qwen",
              "TOOLKIT_LLM_MODE": "md_json", "TOOLKIT_CACHE_DIR": "~/c", "TOOLKIT_TIMEOUT": "7",
              "TOOLKIT_CONNECT_TIMEOUT": "2.5", "TOOLKIT_DEADLINE": "30", "TOOLKIT_RETRIES": "0",
              "TOOLKIT_GGUF": "m.gguf", "TOOLKIT_MAX_SOURCE_CHARS": "2_000", "TOOLKIT_PROMPTS_DIR": str(tmp_path),
              "TOOLKIT_DATASETS": str(tmp_path / "d"), "TOOLKIT_PROGRESS": "off"}
    assert set(values) == set(ENVIRONMENT.values())
    for variable, value in values.items():
        env.setenv(variable, value)
    s = get_settings()
    assert s == Settings(base_url="http://127.0.0.1:8080/v1", api_key="sk-secret", model="qwen", mode="md_json",
                         cache_dir=tmp_path / "home" / "c", timeout=7.0, connect_timeout=2.5, deadline=30.0,
                         retries=0, gguf="m.gguf", max_source_chars=2000, prompts_dir=tmp_path,
                         datasets=tmp_path / "d", progress=False)
    assert "sk-secret" not in repr(s)  # the key never reaches a log line or a traceback
    client = LLMClient(model="m")
    assert (client.base_url, client.api_key, client.mode) == ("http://127.0.0.1:8080/v1", "sk-secret", "md_json")
    assert (client.timeout, client.connect_timeout, client.deadline, client.max_attempts) == (7, 2.5, 30, 1)
    with pytest.raises(AttributeError):
        s.timeout = 1  # frozen: nobody changes the process's settings under another's feet


@respx.mock
def test_retries_come_from_the_settings(env, tmp_path):
    env.setenv("TOOLKIT_RETRIES", "1")
    route = respx.post(URL).mock(return_value=error(503))
    client = LLMClient(model="m", base_url=BASE, api_key="k", cache=False, http_client=httpx.Client(),
                       backoff_initial=0.01, backoff_max=0.02)
    with pytest.raises(EndpointError):
        client.extract(Summary, messages())
    assert route.call_count == 2  # one try, one retry


# -- read once, shared -------------------------------------------------------------------------

def test_read_once_and_again_only_when_a_variable_changes(env, monkeypatch):
    reads = []
    real = Settings.from_env.__func__

    def counting(cls, environ=None):
        reads.append(1)
        return real(cls, environ)

    monkeypatch.setattr(Settings, "from_env", classmethod(counting))
    env.setenv("TOOLKIT_MODEL", "a")
    first = get_settings()
    assert get_settings() is first and toolkit.get_settings() is first and len(reads) == 1
    env.setenv("TOOLKIT_MODEL", "b")
    assert get_settings().model == "b" and len(reads) == 2


def test_the_command_line_and_the_api_read_the_same_object(env, monkeypatch, seed, seed_path, summary_file, capsys):
    made = []
    real = Settings.from_env.__func__

    def recording(cls, environ=None):
        made.append(real(cls, environ))
        return made[-1]

    monkeypatch.setattr(Settings, "from_env", classmethod(recording))
    env.setenv("TOOLKIT_MAX_SOURCE_CHARS", "1000")
    assert main(["verify", str(seed_path), str(summary_file)]) == 2
    assert "over the 1,000-character limit" in one_line(capsys.readouterr().err)
    with pytest.raises(InputError, match="over the 1,000-character limit"):
        toolkit.verify(seed, RIGHT)
    assert len(made) == 1 and get_settings() is made[0]  # one read, one object, for both


def test_the_default_backend_follows_the_settings(env):
    from toolkit.llm.backends import resolve_backend

    assert resolve_backend().name == "extractive"
    env.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    env.setenv("TOOLKIT_MODEL", "served-model")
    chosen = resolve_backend()
    assert chosen.name == "openai" and chosen.client.model == "served-model"


# -- one place ---------------------------------------------------------------------------------

def test_no_other_module_reads_the_toolkits_variables():
    pattern = re.compile(r"""(environ|getenv)\W{1,8}["'](TOOLKIT_|OPENAI_|XDG_)""")
    readers = [str(p.relative_to(ROOT)) for p in (ROOT / "toolkit").rglob("*.py")
               if p.name != "settings.py" and pattern.search(p.read_text(encoding="utf-8"))]
    assert readers == []


def test_the_readme_documents_every_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Z_]+)` \| `([a-z_]+)` \|", section, re.M)
    assert rows == list((variable, name) for name, variable in ENVIRONMENT.items())
    assert rows and list(Settings.__dataclass_fields__) == list(ENVIRONMENT)


def test_the_size_limit_follows_its_variable_between_calls(env):
    text = "ارتفعت الأسعار بنسبة 5 بالمائة. " * 40  # about 1,300 characters
    assert toolkit.find_mentions(text)
    env.setenv("TOOLKIT_MAX_SOURCE_CHARS", "1000")
    with pytest.raises(InputError, match="over the 1,000-character limit"):
        toolkit.find_mentions(text)
    env.setenv("TOOLKIT_MAX_SOURCE_CHARS", "many")
    with pytest.raises(InputError, match=r"^TOOLKIT_MAX_SOURCE_CHARS='many'"):
        toolkit.find_mentions(text)
    env.delenv("TOOLKIT_MAX_SOURCE_CHARS")
    assert toolkit.find_mentions(text)
