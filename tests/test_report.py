"""The editor's report, driven in a real headless Chromium."""

import re

import pytest

from toolkit import fact_check, render_html, render_markdown

from .browser import artifacts_dir, console_errors, run_chromium
from .conftest import SEED_PUBLISHED

WRONG = ("عقد بوتين اجتماعا داخليا في موسكو يوم 16 أغسطس.\n"
         "اتصل بوتين برؤساء بيلاروس وكازاخستان وأوزبكستان يوم 16 أغسطس.\n"
         "وقال ماكرون يوم الاثنين إن مكان لقاء بوتين وزيلينسكي سيحدد قريبا.")


@pytest.fixture(scope="module")
def seed_report(seed, tmp_path_factory):
    result = fact_check(seed, WRONG, published=SEED_PUBLISHED)
    path = artifacts_dir(tmp_path_factory.mktemp("artifacts")) / "report-seed.html"
    path.write_text(render_html(result), encoding="utf-8")
    return result, path


def test_report_is_self_contained_and_escaped(seed_report):
    _, path = seed_report
    page = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # no network
    assert "@import" not in page and "url(" not in page
    assert 'dir="rtl"' in page and 'lang="ar"' in page


def test_contradicted_claim_is_marked_and_its_evidence_highlighted(seed_report, tmp_path):
    result, path = seed_report
    (n,) = [i for i, c in enumerate(result.report.claims) if c.verdict == "contradicted"]
    run = run_chromium(f"{path.as_uri()}#claim-{n}", "--dump-dom", profile=tmp_path / "p")
    dom = run.stdout
    assert 'data-ready="1"' in dom, run.stderr[-2000:]
    assert console_errors(run.stderr) == []
    # the claim in the summary: marked contradicted, active, labelled in text
    mark = re.search(rf'<a class="claim v-contradicted active" href="#ev-{n}" data-claim="{n}"[^>]*>([^<]+)</a>', dom)
    assert mark and "16 أغسطس" in mark.group(1)
    # its evidence in the source: highlighted, and what the source says ("the next day") is among it
    active = re.findall(rf'<mark class="ev active" data-claims="[^"]*\b{n}\b[^"]*">([^<]+)</mark>', dom)
    assert "في اليوم التالي" in active
    # the reason is shown
    assert f'data-claim="{n}"' in dom and "17 August 2025" in dom.split('id="detail"')[1].split("</div>")[0]


def test_screenshot_artifact(seed_report, tmp_path):
    result, path = seed_report
    n = next(i for i, c in enumerate(result.report.claims) if c.verdict == "contradicted")
    shot = path.parent / "report-seed.png"
    shot.unlink(missing_ok=True)
    run = run_chromium(f"{path.as_uri()}#claim-{n}", f"--screenshot={shot}", "--window-size=1400,1000",
                       profile=tmp_path / "p")
    assert shot.exists() and shot.stat().st_size > 20_000, run.stderr[-2000:]


HOSTILE = ('بيان: <script>document.title="pwned"</script> و <img src=x onerror="document.title=\'pwned\'"> '
           'ثم </textarea><b>عريض</b> في 15 أغسطس 2025.')


def test_hostile_article_renders_as_text_and_runs_nothing(tmp_path):
    result = fact_check(HOSTILE, "نشر البيان في 15 أغسطس 2025 <script>document.title='pwned'</script>")
    path = tmp_path / "hostile.html"
    path.write_text(render_html(result), encoding="utf-8")
    run = run_chromium(path.as_uri(), "--dump-dom", profile=tmp_path / "p")
    dom = run.stdout
    assert 'data-ready="1"' in dom
    assert "pwned" not in dom.split("<title>")[1].split("</title>")[0]
    assert "<img" not in dom and "<b>" not in dom
    assert dom.count("<script") == 2  # the report's own data and code, nothing else
    assert "&lt;script&gt;" in dom and "&lt;/textarea&gt;" in dom


def test_fifty_kilobyte_article_renders_and_stays_usable(seed, tmp_path):
    article = "\n".join([seed] * 10)  # ~52 KB
    assert len(article.encode("utf-8")) > 50_000
    result = fact_check(article, WRONG, published=SEED_PUBLISHED)
    path = tmp_path / "big.html"
    path.write_text(render_html(result), encoding="utf-8")
    run = run_chromium(f"{path.as_uri()}#claim-0", "--dump-dom", profile=tmp_path / "p")
    assert 'data-ready="1"' in run.stdout and console_errors(run.stderr) == []


def test_markdown_report(seed_report):
    result, _ = seed_report
    md = render_markdown(result)
    assert md.startswith("## Fact-check\n\n> عقد بوتين")
    assert "| CONTRADICTED | date | يوم 16 أغسطس |" in md
    assert "backend: given" in md and f"published: {SEED_PUBLISHED}" in md


def test_report_command(seed_path, tmp_path, capsys):
    from toolkit.cli import main

    summary = tmp_path / "s.txt"
    summary.write_text(WRONG, encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(seed_path), str(summary), "--published", SEED_PUBLISHED, "-o", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == f"{out}: 1 contradicted, 0 unverifiable, 11 supported\n"
    assert 'id="claims-data"' in out.read_text(encoding="utf-8")
    assert main(["report", str(seed_path), str(summary), "--format", "markdown"]) == 1
    assert capsys.readouterr().out.startswith("## Fact-check")


def test_extracted_claims_and_stage_errors_are_listed(seed):
    from toolkit.llm.schemas import AtomicClaim, CheckedClaim

    result = fact_check(seed, WRONG, published=SEED_PUBLISHED)
    claim = AtomicClaim(text="اتصل بوتين يوم 16 أغسطس <b>", kind="date", subject="بوتين", value="16 أغسطس")
    result = result.model_copy(update={"claims": [CheckedClaim(claim=claim, verdict="contradicted")],
                                       "errors": ["claim extraction: <timeout>"]})
    page = render_html(result)
    assert "Claims the model extracted" in page and "اتصل بوتين يوم 16 أغسطس &lt;b&gt;" in page
    assert "claim extraction: &lt;timeout&gt;" in page
