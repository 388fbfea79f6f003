"""The editor's page, in a real headless Chromium against the real server on 127.0.0.1: paste an
article and a summary, press the button, read the report, click a claim; leave the summary
empty and get one written; make a mistake and read why."""

import pytest

from . import serving
from .browser import artifacts_dir
from .cdp import Chromium
from .conftest import SEED_PUBLISHED

serving.serve_or_skip()

WRONG = ("عقد بوتين اجتماعا داخليا في موسكو يوم 16 أغسطس.\n"
         "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.\n"
         "وقال ماكرون يوم الاثنين إن مكان لقاء بوتين وزيلينسكي سيحدد قريبا.")
DONE = "document.body.dataset.state === 'done' || document.body.dataset.state === 'error'"
REPORT = "document.getElementById('report').contentDocument"


@pytest.fixture(scope="module")
def server():
    s = serving.start("--workers", "1", "--backend", "extractive")
    yield s
    s.stop()


@pytest.fixture
def browser(tmp_path):
    with Chromium(tmp_path / "profile", width=1400, height=1300) as b:
        yield b


def check(browser, *, source: str, summary: str = "", published: str = "") -> str:
    browser.type("#source", source)
    browser.type("#summary", summary)
    browser.type("#published", published)
    browser.click("#go")
    browser.wait_for(DONE)
    return browser.js("document.body.dataset.state")


def test_paste_check_and_follow_a_contradiction_to_its_evidence(server, browser, seed, tmp_path):
    browser.goto(server.url + "/")
    assert browser.js("document.title") == "Fact-check a summary — newscheck"
    assert check(browser, source=seed, summary=WRONG, published=SEED_PUBLISHED) == "done"
    counts = browser.js("document.getElementById('counts').innerText")
    assert "✗ 1 contradicted" in counts and "supported" in counts
    assert browser.js("document.getElementById('error').hidden") is True
    # the report itself, in the page: the wrong date is marked, with a text label
    marked = browser.js(f"Array.from({REPORT}.querySelectorAll('a.claim.v-contradicted')).map(a => a.textContent)")
    assert any("16 أغسطس" in m for m in marked)
    browser.click("a.claim.v-contradicted", frame="#report")
    detail = browser.wait_for(f"{REPORT}.getElementById('detail').dataset.claim && "
                              f"{REPORT}.getElementById('detail').innerText")
    assert detail.startswith("CONTRADICTED") and "17 August 2025" in detail
    evidence = browser.js(f"Array.from({REPORT}.querySelectorAll('mark.ev.active')).map(m => m.textContent)")
    assert "في اليوم التالي" in evidence  # what the source says, highlighted
    assert browser.console_errors() == []
    browser.js("window.scrollTo(0, 0)")
    shot = browser.screenshot(artifacts_dir(tmp_path) / "serve-editor.png")
    assert shot.stat().st_size > 50_000


def test_an_empty_summary_is_written_by_the_extractive_backend_and_checked(server, browser, seed):
    browser.goto(server.url + "/")
    assert check(browser, source=seed, published=SEED_PUBLISHED) == "done"
    status = browser.js("document.getElementById('status').textContent")
    assert status == "Summary written by the extractive backend, and checked."
    meta = browser.js(f"{REPORT}.querySelector('.meta').textContent")
    assert "backend: extractive" in meta
    assert browser.js(f"{REPORT}.getElementById('headline-h') !== null")  # the headline it wrote, checked too
    assert browser.js(f"{REPORT}.querySelectorAll('a.claim').length") > 3
    assert browser.console_errors() == []


@pytest.mark.parametrize("source, published, message", [
    (" \n ", "", "source is empty"),
    (None, "19/08/2025", "bad publication date '19/08/2025': expected YYYY-MM-DD"),
], ids=["blank article", "bad date"])
def test_a_mistake_is_explained_in_the_page(server, browser, seed, source, published, message):
    browser.goto(server.url + "/")
    assert check(browser, source=seed if source is None else source, summary=WRONG, published=published) == "error"
    assert browser.js("document.getElementById('error').hidden") is False
    assert browser.js("document.getElementById('error').textContent") == message
    assert browser.js("document.querySelector('[role=alert]').id") == "error"
    assert browser.js("document.getElementById('go').disabled") is False  # try again at once
    assert browser.console_errors() == []


def test_a_hostile_article_stays_text_in_the_page(server, browser):
    hostile = ('بيان: <script>document.title="pwned"</script> و <img src=x onerror="parent.document.title=\'pwned\'"> '
               'في 15 أغسطس 2025.')
    browser.goto(server.url + "/")
    assert check(browser, source=hostile, summary="نشر البيان في 15 أغسطس 2025 <b>عريض</b>") == "done"
    assert browser.js("document.title") == "Fact-check a summary — newscheck"
    assert browser.js(f"{REPORT}.title").startswith("Fact-check report")
    assert browser.js(f"{REPORT}.querySelectorAll('img, b').length") == 0
    assert "<script>" in browser.js(f"{REPORT}.querySelector('.source').textContent")
