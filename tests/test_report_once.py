"""``samen report`` computes once: one Monte Carlo run per (scenario, draws, seed), one composed
briefing that the notebook shows and the PDF and Word render."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from samen_model.analysis import monte_carlo as mc
from samen_model.products import run_cache
from samen_model.products.briefing import compose
from samen_model.products.build import report as build
from samen_model.products.build.config import ReportConfig
from samen_model.scenario.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
DRAWS = 400  # the workbook's and the briefing's draws in this test (the same: shared)


@pytest.fixture(scope="module")
def counted_report(tmp_path_factory):
    """A report over two uncertain scenarios and the briefing notebook, counting the Monte
    Carlo runs and the briefing compositions of the build."""
    runs, composed = [], []
    real_run, real_compose = mc.run_draws, compose.compose_briefing

    def counting_run(scenario, draws, seed, columns=mc.SUMMARY_COLUMNS):
        runs.append((scenario.name, scenario.hash, draws, seed))
        return real_run(scenario, draws, seed, columns)

    def counting_compose(*args, **kwargs):
        composed.append(args)
        return real_compose(*args, **kwargs)

    config = ReportConfig(notebooks=[{"notebook": "04_briefing", "parameters": {
        "scenarios": ["realised_2023", "high_leakage"], "draws": DRAWS}}])
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(mc, "run_draws", counting_run)
        mp.setattr(compose, "compose_briefing", counting_compose)
        mp.setattr(build, "WORKBOOK_DRAWS", DRAWS)
        run_dir = build.build_report(SCENARIOS, tmp_path_factory.mktemp("reports"),
                                     names=["calibrated_2023", "uncertainty_2023"],
                                     config=config, progress=False)
    return run_dir, runs, composed


def test_one_monte_carlo_run_per_scenario_draws_and_seed(counted_report):
    run_dir, runs, composed = counted_report
    names = [r[0] for r in runs]
    # the workbook's two scenarios; the briefing reads calibrated_2023's run (its own regime)
    # and adds its two other regimes: four runs, none twice
    assert len(runs) == len(set(runs)) == 4
    assert names.count("calibrated_2023") == 3 and names.count("uncertainty_2023") == 1
    assert all(r[2:] == (DRAWS, 1) for r in runs)
    info = json.loads((run_dir / "manifest.json").read_text())
    assert sorted((m["hash"], m["draws"], m["seed"]) for m in info["monte_carlo"]) == \
        sorted(r[1:] for r in runs)
    assert len(composed) == 1
    # the kernels' folder is gone and not listed
    assert not (run_dir / ".shared").exists()
    assert not any(f.startswith(".shared") for f in info["files"])


def test_workbook_and_briefing_read_the_same_draws(counted_report):
    run_dir, _, _ = counted_report
    calibrated = load_scenario(SCENARIOS / "calibrated_2023.yaml")
    expected = mc.monte_carlo(calibrated, draws=DRAWS, seed=1)
    sheet = pd.read_excel(run_dir / "summary.xlsx", sheet_name="mc_uitkomsten")
    row = sheet[(sheet["scenario"] == "calibrated_2023")].iloc[1]  # net_savings_2026_2030
    assert row["p50"] == pytest.approx(expected.outputs.loc["net_savings_2026_2030", "p50"],
                                       rel=1e-12)


def _page_one(text: str) -> str:
    """The median and band of page 1, as the reader sees it."""
    text = re.sub(r"<[^>]+>", "", text).replace("\xa0", " ").replace("\n", " ")
    found = re.search(r"middelste uitkomst van [\d.]+ doorgerekende situaties.*?tussen (.*?) en "
                      r"(.*?) (?:extra kosten|besparing)", text)
    assert found, "page 1: the band of the net result"
    return found.group(0)


def test_briefing_html_pdf_and_word_show_the_one_composed_briefing(counted_report):
    import docx
    from pypdf import PdfReader

    run_dir, _, _ = counted_report
    html = _page_one((run_dir / "04_briefing.html").read_text(encoding="utf-8"))
    word = _page_one("\n".join(p.text for p in docx.Document(
        str(run_dir / "briefing.docx")).paragraphs))
    pdf = _page_one(" ".join(p.extract_text() for p in PdfReader(
        run_dir / "briefing.pdf").pages))
    assert html == word
    assert re.sub(r"\s+", "", html) == re.sub(r"\s+", "", pdf)  # PDF lines break anywhere
    assert f"{DRAWS} doorgerekende situaties" in html


def test_notebook_shows_the_saved_briefing_without_composing(tmp_path, monkeypatch):
    """With the report's folder named, notebook 04's call returns the saved briefing; with
    other parameters (or no folder) it composes."""
    from samen_model.products.briefing.content import Briefing

    saved = Briefing(title="Saved", subtitle="", language="nl")
    key = run_cache.briefing_key(["realised_2023"], "calibrated_2023", 50, 1, "nl", SCENARIOS,
                                 "")
    run_cache.save(tmp_path, mc.MonteCarloRuns(), saved, key)
    monkeypatch.setenv(run_cache.ENV, str(tmp_path))

    def refuse(*args, **kwargs):
        raise AssertionError("composed again")

    monkeypatch.setattr(compose, "compose_briefing", refuse)
    found = run_cache.briefing_for(["realised_2023"], "calibrated_2023", 50, 1, "nl",
                                   SCENARIOS)
    assert found.title == "Saved"
    with pytest.raises(AssertionError, match="composed again"):  # another seed: composed
        run_cache.briefing_for(["realised_2023"], "calibrated_2023", 50, 2, "nl", SCENARIOS)


def test_saved_draws_give_the_same_summary_without_running(tmp_path, monkeypatch):
    uncertain = load_scenario(SCENARIOS / "uncertainty_2023.yaml")
    runs = mc.MonteCarloRuns()
    direct = runs.monte_carlo(uncertain, draws=300, seed=7)
    run_cache.save(tmp_path, runs)
    monkeypatch.setenv(run_cache.ENV, str(tmp_path))
    monkeypatch.setattr(mc, "run_draws", lambda *a, **k: pytest.fail("ran again"))
    again = run_cache.monte_carlo(uncertain, draws=300, seed=7)
    pd.testing.assert_frame_equal(direct.outputs, again.outputs, check_exact=True)
    pd.testing.assert_frame_equal(direct.percentiles, again.percentiles, check_exact=True)
    assert np.array_equal(direct.shortfall_probability, again.shortfall_probability)
    with pytest.raises(pytest.fail.Exception, match="ran again"):  # other draws: run
        run_cache.monte_carlo(uncertain, draws=301, seed=7)
