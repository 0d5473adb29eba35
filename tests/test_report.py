"""``samen report``: notebooks, HTML without code in the briefing, Excel, provenance, failure."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import samen_model as sm
from samen_model import cli
from samen_model.analysis import key_figures as kf
from samen_model.products.build.config import ReportConfig, ReportError, load_config
from samen_model.products.build.report import build_report

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
NAMES = ["plan_2022", "realised_2023", "high_leakage"]
CI_DRAWS = 500  # Monte Carlo draws in the tests (reports.yaml: 10_000)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """One full report (all five notebooks, two at a time) over three scenarios; the Monte
    Carlo notebooks with fewer draws than the shipped reports.yaml."""
    out = tmp_path_factory.mktemp("reports")
    config = ReportConfig(notebooks=[
        {"notebook": "00_calibration_2023"},
        {"notebook": "01_scenario", "parameters": {"scenario": "realised_2023", "horizon": 2027}},
        {"notebook": "02_compare"},
        {"notebook": "03_uncertainty", "parameters": {"draws": CI_DRAWS, "sobol_n": 32}},
        {"notebook": "04_briefing", "parameters": {"scenarios": NAMES[::-1],
                                                   "draws": CI_DRAWS}},
    ])
    run_dir = build_report(SCENARIOS, out, names=NAMES, config=config, jobs=2, progress=False)
    return out, run_dir


def briefing_text(run_dir: Path) -> str:
    return (run_dir / "04_briefing.html").read_text(encoding="utf-8")


def test_report_writes_everything_and_points_latest(report):
    out, run_dir = report
    assert (out / "latest").resolve() == run_dir.resolve()
    names = {p.name for p in run_dir.iterdir()}
    assert {"index.html", "summary.xlsx", "manifest.json", "comparison.csv",
            "00_calibration_2023.html", "01_scenario_realised_2023.html", "02_compare.html",
            "03_uncertainty.html", "04_briefing.html", "notebooks", *NAMES} <= names
    files = json.loads((run_dir / "manifest.json").read_text())["files"]
    for name in NAMES:
        for table in ("yearly", "providers", "assumptions"):
            assert f"{name}/{table}.csv" in files  # provenance beside the plain CSV
            assert not pd.read_csv(run_dir / name / f"{table}.csv").empty


def test_manifest_has_wall_times_and_scenario_hashes(report):
    _, run_dir = report
    info = json.loads((run_dir / "manifest.json").read_text())
    t = info["timings_s"]
    assert set(t["notebooks"]) == {"00_calibration_2023", "01_scenario_realised_2023",
                                   "02_compare", "03_uncertainty", "04_briefing"}
    assert t["total"] >= t["notebooks_wall"] > 0 and info["jobs"] == 2
    assert [s["name"] for s in info["scenarios"]] == NAMES
    assert all(len(s["hash"]) == 16 for s in info["scenarios"])
    assert info["notebooks"][1]["parameters"]["horizon"] == 2027
    assert info["notebooks"][3]["parameters"]["draws"] == CI_DRAWS
    assert info["notebooks"][3]["parameters"]["seed"] == 1  # the shared seed
    briefing = next(s for s in info["notebooks"] if s["notebook"] == "04_briefing")
    assert briefing["parameters"]["draws"] == CI_DRAWS


def test_uncertainty_page(report):
    html = (report[1] / "03_uncertainty.html").read_text(encoding="utf-8")
    assert "Gesloten vierkant 2023-2025 overschreden" in html
    assert "geen nulpunt binnen bereik" in html
    assert html.count("<img") == 4 and "Sobol" in html and "Tornado" in html


def test_briefing_html_has_no_code(report):
    html = briefing_text(report[1])
    assert 'class="jp-InputArea' not in html and 'class="highlight' not in html
    assert "nt.show" not in html and "import samen_model" not in html
    assert "In&nbsp;[" not in html and 'class="jp-InputPrompt' not in html


def test_briefing_html_has_key_figures_in_dutch_format(report):
    _, run_dir = report
    html = briefing_text(run_dir)
    realised = kf.central(sm.simulate(sm.load_scenario(SCENARIOS / "realised_2023.yaml")))
    for label in ("In het kort", "1. Aanleiding en vraag", "4. Wat het model verwacht",
                  "5. De keuze na 2025", "6. Risico", "Bijlage 3. Aannames",
                  "Bijlage 4. Begrippen", "Colofon"):
        assert label in html, label
    assert f"{realised['young_people_helped_first_year']:.0f} jeugdigen" in html
    assert re.search(r"€\xa0\d{1,3},\d{1,2}\xa0mln", html)  # € 1,2 mln, never broken
    assert not re.search(r"€.?\d+\.\d{1,2}.?mln", html)  # no decimal point in Dutch millions
    assert "subsidie ontvangen van 4,2 miljoen euro" in html  # as the evaluation says it
    sentence = re.search(r"middelste uitkomst van (\S+) doorgerekende situaties met onzekere "
                         r"aannames; in 9 van de 10 doorgerekende situaties ligt het netto "
                         r"resultaat tussen (.*?) (?:extra kosten )?en (.*?) "
                         r"(?:extra kosten|besparing)", html)
    assert sentence, "page 1: the band of the net result"
    assert sentence.group(1) == "500"
    assert re.fullmatch(r"€\xa0\d+,\d{1,2}\xa0mln", sentence.group(2))
    assert "met 90% zekerheid" not in html and "trekkingen" not in html
    assert "<title>SAMEN.: wat de basisjeugdhulp bij WIJ de gemeente naar verwachting kost" \
        "</title>" in html
    assert '<html lang="nl"' in html


def test_briefing_pdf_and_docx_carry_the_same_content_and_run_key(report):
    import docx
    from pypdf import PdfReader

    _, run_dir = report
    html = briefing_text(run_dir)
    key = re.search(r"Kenmerk van deze berekening: <strong>([0-9a-f]{8})</strong>",
                    html).group(1)
    pdf = "\n".join(p.extract_text() for p in PdfReader(run_dir / "briefing.pdf").pages)
    word = "\n".join(p.text for p in docx.Document(str(run_dir / "briefing.docx")).paragraphs)
    for text in (pdf, word):
        assert key in text and "In het kort" in text and "Colofon" in text
        assert "977 jeugdigen" in text.replace("\xa0", " ")  # the model's 2023 count


def test_every_html_page_has_a_visible_provenance_footer(report):
    _, run_dir = report
    info = json.loads((run_dir / "manifest.json").read_text())
    for page in run_dir.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'class="samen-provenance"' in text, page.name
        assert info["run_id"] in text and 'href="manifest.json"' in text, page.name
        assert str(ROOT) not in text, page.name  # no absolute paths of this machine
    briefing = briefing_text(run_dir)  # the colophon: the run key; hashes in the manifest
    assert all(s["hash"] not in briefing for s in info["scenarios"])
    assert all(len(s["hash"]) == 16 for s in info["scenarios"])


def test_index_links_every_notebook_and_table(report):
    _, run_dir = report
    index = (run_dir / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"]+)"', index):
        assert (run_dir / href).exists(), href
    assert "04_briefing.html" in index and "summary.xlsx" in index


def test_workbook_sheets(report):
    _, run_dir = report
    sheets = pd.read_excel(run_dir / "summary.xlsx", sheet_name=None)
    assert list(sheets) == [*NAMES, "vergelijking", "aannames", "manifest"]
    assert len(sheets["realised_2023"]) == 12
    assert sheets["vergelijking"]["scenario"].tolist() == NAMES
    assert {"scenario", "parameter", "waarde", "eenheid", "bron"} <= set(sheets["aannames"])
    manifest = dict(zip(sheets["manifest"]["veld"], sheets["manifest"]["waarde"], strict=True))
    assert manifest["provenance"].startswith("samen_model")


def test_executed_notebooks_are_kept(report):
    nb = nbformat.read(report[1] / "notebooks" / "02_compare.ipynb", as_version=4)
    assert any(c.get("outputs") for c in nb.cells)


def failing_notebooks(tmp_path: Path) -> Path:
    folder = tmp_path / "nbs"
    folder.mkdir()
    params = nbformat.v4.new_code_cell('language: str = "nl"  # labels')
    params.metadata["tags"] = ["parameters"]
    nb = nbformat.v4.new_notebook(cells=[
        params, nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("raise ValueError('boom in the model')")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}})
    nbformat.write(nb, folder / "00_fails.ipynb")
    return folder


def test_failed_notebook_names_cell_and_error_and_keeps_latest(tmp_path, capsys):
    out = tmp_path / "reports"
    first = build_report(SCENARIOS, out, names=["plan_2022"], notebooks=[], progress=False)
    folder = failing_notebooks(tmp_path)
    with pytest.raises(ReportError, match=r"00_fails\.ipynb .*cell 3 .*ValueError: boom"):
        build_report(SCENARIOS, out, names=["plan_2022"], notebooks=["00_fails"],
                     notebook_dir=folder, progress=False)
    assert (out / "latest").resolve() == first.resolve()
    assert sorted(p.name for p in out.iterdir()) == sorted([first.name, "latest"])
    code = cli.main(["report", "--scenario-dir", str(SCENARIOS), "--scenarios", "plan_2022",
                     "--out", str(out), "--notebook-dir", str(folder), "--notebooks",
                     "00_fails", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1 and "00_fails.ipynb" in err and "ValueError" in err and "unchanged" in err
    assert (out / "latest").resolve() == first.resolve()


def test_bad_configuration_is_refused_before_any_kernel(tmp_path):
    with pytest.raises(sm.SamenInputError, match="parameters.colour"):
        build_report(SCENARIOS, tmp_path, names=["plan_2022"], progress=False,
                     notebooks=[{"notebook": "01_scenario", "parameters": {"colour": 1}}])
    with pytest.raises(sm.SamenInputError, match="parameters.scenario: expected a scenario"):
        build_report(SCENARIOS, tmp_path, names=["plan_2022"], progress=False,
                     notebooks=[{"notebook": "01_scenario", "parameters": {"scenario": "x"}}])
    bad = tmp_path / "r.yaml"
    bad.write_text("scenarios: all\ncolour: red\n")
    with pytest.raises(sm.SamenInputError, match="colour"):
        load_config(bad)
    assert not (tmp_path / "latest").exists()


def test_shipped_configuration_loads():
    config = load_config(ROOT / "reports.yaml")
    assert config.scenarios is None and config.language == "nl"
    assert [n["notebook"] for n in config.notebooks] == [
        "00_calibration_2023", "01_scenario", "02_compare", "03_uncertainty", "04_briefing",
        "06_forecast_vs_actual", "07_discovery"]
    draws = {n["notebook"]: (n.get("parameters") or {}).get("draws") for n in config.notebooks}
    assert draws["03_uncertainty"] == draws["04_briefing"] == 10_000 > CI_DRAWS


def test_index_opens_on_the_briefing_with_a_line_per_page_and_the_explorer():
    """The front page says what to read first, what each page is, and how to start the
    explorer; the pages follow the reading order whatever order they ran in."""
    from samen_model.products.build.config import NotebookJob
    from samen_model.products.build.html import PAGES, index_html

    info = {"version": "0", "created_utc": "2026-12-02T00:00:00+00:00", "run_id": "r1",
            "git_commit": None,
            "timings_s": {"total": 1.0, "notebooks": {}}}
    jobs = [NotebookJob("00_calibration_2023", "00_calibration_2023"),
            NotebookJob("01_scenario", "01_scenario_realised_2023"),
            NotebookJob("02_compare", "02_compare"),
            NotebookJob("04_briefing", "04_briefing", hide_input=True)]
    for language, start, words in (("nl", "Begin hier", "make explorer"),
                                   ("en", "Start here", "make explorer")):
        page = index_html(info, jobs, ["plan_2022"], language, ["briefing.pdf", "briefing.docx"])
        first = page.index(start)
        assert first < page.index('href="04_briefing.html"') < page.index('href="02_compare.html"')
        assert 'href="briefing.pdf"' in page and words in page and "127.0.0.1:8866" in page
        pages = page[page.index('<ol class="samen-pages">'):page.index("</ol>")]
        order = re.findall(r'<li><a href="([^"]+)\.html"', pages)
        assert order == ["04_briefing", "02_compare", "01_scenario_realised_2023",
                         "00_calibration_2023"]
        for job in jobs:  # one line that says what the page is
            assert html_escape(PAGES[job.notebook][language]) in pages


def html_escape(text: str) -> str:
    import html

    return html.escape(text)


def test_briefing_main_scenario_is_the_shipped_one_unless_named(tmp_path):
    """An analyst's own folder with two what-ifs (aaa, zzz): the briefing's main scenario stays
    realised_2023 (the shipped one, found by name), not the alphabetically first file; a
    ``main`` in reports.yaml or ``--main`` names another."""
    from samen_model.products.build.config import DEFAULT_MAIN, briefing_job, plan_jobs
    from samen_model.products.build.report import scenario_files
    from samen_model.scenario.library import SHIPPED_DIR, named_file

    text = (SCENARIOS / "staff_shortage.yaml").read_text(encoding="utf-8").replace(
        "extends: realised_2023.yaml", f"extends: {SCENARIOS / 'realised_2023.yaml'}")
    for name in ("aaa", "zzz"):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    names = [f.stem for f in scenario_files(tmp_path)]
    assert names == ["aaa", "zzz"]
    notebooks = ROOT / "notebooks"
    config = ReportConfig(notebooks=[{"notebook": "04_briefing"}])
    job = briefing_job(plan_jobs(config, notebooks, tmp_path, names))
    assert DEFAULT_MAIN == "realised_2023"
    assert job.parameters["scenarios"] == ["realised_2023", "aaa", "zzz"]
    assert named_file("realised_2023", tmp_path) == SHIPPED_DIR / "realised_2023.yaml"
    # named in the configuration: that one is main, the others follow in their order
    (tmp_path / "reports.yaml").write_text("main: zzz\nnotebooks: [{notebook: 04_briefing}]\n",
                                           encoding="utf-8")
    named = load_config(tmp_path / "reports.yaml")
    assert named.main == "zzz"
    job = briefing_job(plan_jobs(named, notebooks, tmp_path, names))
    assert job.parameters["scenarios"] == ["zzz", "aaa"]
    # an explicit list without a named main keeps its own first scenario
    listed = ReportConfig(notebooks=[{"notebook": "04_briefing",
                                      "parameters": {"scenarios": ["zzz", "aaa"]}}])
    assert briefing_job(plan_jobs(listed, notebooks, tmp_path, names)).parameters[
        "scenarios"] == ["zzz", "aaa"]
    (tmp_path / "bad.yaml").write_text("main: 'a b/c'\n", encoding="utf-8")
    with pytest.raises(sm.SamenInputError, match="main"):
        load_config(tmp_path / "bad.yaml")
    # the command line option reaches the configuration
    assert cli.build_parser().parse_args(["report", "--main", "zzz"]).main == "zzz"
