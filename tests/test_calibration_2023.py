"""Calibrating uncertainty_2023 on the shipped 2023 figures: posterior, refusal, determinism,
correlations, the manifest, forecast against actual, tables, charts and ``samen calibrate``.

The figures are those of the council letter "Evaluatie Basis jeugdhulp 2023" (15 December
2023, §2 and Financiën) and the memo "MEMO info totstandkoming SAMEN." (6 December 2021,
bijlage 2), as in observations/groningen.yaml.
"""

from __future__ import annotations

import dataclasses
import json
import warnings
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.calibration import diagnostics as diag
from samen_model.analysis.calibration.fit import calibrate
from samen_model.analysis.calibration.forecast import forecast_vs_actual
from samen_model.analysis.calibration.weights import CalibrationError, CalibrationWarning
from samen_model.cli.commands import main
from samen_model.present.charts import calibration as cc
from samen_model.present.manifest import run_key
from samen_model.present.parameters import label_text
from samen_model.present.tables import calibration as cr
from samen_model.present.text.calibration import verdict_sentence
from samen_model.products.posterior_file import calibration_manifest
from samen_model.scenario.observations import load_observations

ROOT = Path(__file__).resolve().parents[1]
OBSERVATIONS = ROOT / "observations" / "groningen.yaml"
DRAWS = 100_000


@pytest.fixture(scope="module")
def cal(uncertain):
    return calibrate(uncertain, OBSERVATIONS, draws=DRAWS, seed=1)


def test_posterior_predictive_2023_sits_within_each_figure(cal):
    check = diag.predictive_check(cal)
    assert cal.reliable and cal.ess > 1_000 and cal.pareto_k < 0.7
    for oid in ("helped_2023", "fte_2023", "subsidy_2023", "overrun_2023"):
        r = check.loc[oid]
        # the posterior median inside the figure's stated range (967 +- 1.645 x 30 counted in
        # mid-November; at least 80 FTE for "ruim 80"; EUR 4.15-4.25M for the subsidy of 4.2M
        # rounded, give or take the shared 2021 cost base; 1M +- 1.645 x 0.3M)
        low, high = r["range_low"], r["range_high"]
        if oid == "subsidy_2023":
            low, high = 0.95 * low, 1.05 * high
        assert low <= r["posterior_p50"] <= high, oid
        # and the 2023 interval much narrower than the prior's: at most 60% of its width with
        # the likelihood tempered by 2 (FTE, one-sided since "ruim 80" only says "at least",
        # 60%, allowed 70%; the overrun 51%)
        width = r["posterior_p95"] - r["posterior_p5"]
        share = 0.7 if oid == "fte_2023" else 0.6
        assert width <= share * (r["prior_p95"] - r["prior_p5"]), oid
    assert check["posterior_inside"].all()


def test_which_parameters_the_figures_inform(cal):
    table = diag.parameter_table(cal)
    informed = set(table.index[table["informed"]])
    # inflow (EUR 14M scope of 2021), uptake (967 helped), caseload ("ruim 80" FTE) are pinned;
    # the OVA assumed for later years and population growth after the data are not
    assert {"demand.inflow_per_1000", "routing.first_year_uptake",
            "capacity.caseload_per_fte"} <= informed
    assert not {"index.ova_assumed_pct", "population.growth_after_data"} & informed
    assert table.loc["demand.inflow_per_1000", "contraction"] > 0.75


def test_leave_one_out_predicts_each_figure_from_the_others(cal):
    loo = diag.leave_one_out(cal)
    assert list(loo.index) == [o.id for o in cal.used]  # youth_care_2021 is a check only
    assert loo["predicted"].all() and (loo["pareto_k"] < 0.7).all()
    # without the subsidy the model still puts it near EUR 4.3M (the budget rule)
    assert 4.1e6 < loo.loc["subsidy_2023", "loo_p50"] < 4.5e6


def test_a_prior_that_barely_reaches_the_figures_is_refused(uncertain):
    obs = load_observations(OBSERVATIONS)
    far = obs.select({"helped_2023"})
    helped = dataclasses.replace(far.items[0], value=3000.0, uncertainty=dataclasses.replace(
        far.items[0].uncertainty, kind="normal", sd=20.0, low=None, high=None))
    far = dataclasses.replace(far, items=(helped,))
    with pytest.raises(CalibrationError) as info:
        calibrate(uncertain, far, draws=20_000, seed=1)
    text = str(info.value)
    assert "Pareto k-hat" in text and "effective sample size" in text
    assert "helped_2023 = 3,000" in text and "--allow-unreliable" in text
    with pytest.warns(CalibrationWarning, match="Pareto k-hat"):
        kept = calibrate(uncertain, far, draws=20_000, seed=1, allow_unreliable=True)
    assert not kept.reliable and kept.ess < 400
    assert "niet betrouwbaar" in verdict_sentence(kept, "nl")


def test_deterministic_for_seed_and_hashes(uncertain):
    a = calibrate(uncertain, OBSERVATIONS, draws=20_000, seed=7, min_ess=100)
    b = calibrate(uncertain, OBSERVATIONS, draws=20_000, seed=7, min_ess=100)
    c = calibrate(uncertain, OBSERVATIONS, draws=20_000, seed=8, min_ess=100)
    assert np.array_equal(a.sample_index, b.sample_index)
    assert np.array_equal(a.weights.log_weights, b.weights.log_weights)
    assert a.ess == b.ess and a.pareto_k == b.pareto_k
    assert not np.array_equal(a.sample_index, c.sample_index)


def test_rank_correlations_survive_calibration():
    # uncertainty_correlated: Spearman -0.5 between uptake and leakage. Calibrated on the 2021
    # scope only (which neither parameter moves), the posterior keeps the prior's -0.5.
    prior = sm.load_scenario(ROOT / "scenarios" / "uncertainty_correlated.yaml")
    obs = load_observations(OBSERVATIONS).select({"scope_cost_2021"})
    cal = calibrate(prior, obs, draws=40_000, seed=3, sample_size=20_000)
    r = diag.rank_correlations(cal.sample)
    assert r.loc["routing.first_year_uptake", "routing.leakage"] == pytest.approx(-0.5,
                                                                                  abs=0.05)


def test_manifest_records_the_observation_file_and_its_hash(cal):
    info = calibration_manifest(cal)
    obs = load_observations(OBSERVATIONS)
    assert info["observations"]["hash"] == obs.hash and len(obs.hash) == 16
    assert info["observations"]["file"].endswith("groningen.yaml")
    assert info["observations"]["used"] == [o.id for o in obs.used()]
    assert info["calibration"]["draws"] == DRAWS and info["calibration"]["seed"] == 1
    assert info["scenarios"][0]["name"] == "uncertainty_2023"


def test_forecast_against_actual(uncertain):
    plan = sm.load_scenario(ROOT / "scenarios" / "plan_2022.yaml")
    calibrated = sm.load_scenario(ROOT / "scenarios" / "calibrated_2023.yaml")
    f = forecast_vs_actual([plan, uncertain, calibrated], OBSERVATIONS, draws=2_000, seed=1)
    assert len(f) == 18 and set(f["version"]) == {sm.__version__}
    p = f[f["scenario"] == "plan_2022"].set_index("observation")
    assert (p["p5"] == p["p95"]).all()  # no distributions: a point forecast
    # the 2022 plan routed every new request through SAMEN. and foresaw no overrun
    assert not p.loc["helped_2023", "inside"] and p.loc["helped_2023", "p50"] > 1050
    assert not p.loc["overrun_2023", "inside"] and p.loc["overrun_2023", "p50"] < 0.5e6
    c = f[f["scenario"] == "calibrated_2023"].set_index("observation")
    assert c.loc["helped_2023", "in_sample"] and not c.loc["youth_care_2021", "in_sample"]
    assert c["inside"].all()


def test_tables_and_charts(cal, tmp_path):
    w = cr.weights_table(cal, "nl").set_index("veld")["waarde"]
    # scenario and observation file by their titles, the figures by their labels
    assert w["oordeel"] == "betrouwbaar"
    assert w["scenario vóór kalibratie (prior)"] == f"{cal.prior.title} #{cal.prior.hash}"
    assert w["waarnemingen"].startswith("Gerealiseerde cijfers SAMEN. Groningen #")
    assert w["gebruikte cijfers"].startswith("Jeugdigen geholpen door SAMEN. 2023, ")
    assert "uncertainty_2023" not in " ".join(w) and "helped_2023" not in " ".join(w)
    table = diag.parameter_table(cal)
    text = cr.parameter_text_table(table, cal.prior, "en")
    assert text.index.name == "assumption" and "routing.leakage" not in text.index
    assert text.at[label_text(cal.prior, "routing.first_year_uptake", "en"),
                   "informed"] == "yes"
    check, loo = diag.predictive_check(cal), diag.leave_one_out(cal)
    ppc = cr.predictive_text_table(check, "nl", loo)
    # three rows per figure (before, without the figure, after), like the chart's bars
    assert len(ppc) == 3 * len(check)
    first = ppc.index[0]  # 967 helped by November 2023, 967 +- 1.645 x 30 (groningen.yaml)
    assert first[:4] == ("Jeugdigen geholpen door SAMEN.", "2023", "967", "918 – 1.016")
    assert [i[4] for i in ppc.index[:3]] == ["vóór kalibratie", "zonder dit cijfer",
                                            "na kalibratie"]
    after = check.loc["helped_2023"]
    assert ppc.iloc[2]["mediaan (P5–P95)"] == cr.span(
        "samen_clients_served", after["posterior_p5"], after["posterior_p95"], "nl",
        after["posterior_p50"])
    subsidy = ppc.xs("Uitvoeringsbudget WIJ (€ mln)", level="cijfer")  # € 4,2 mln as 4,20
    assert subsidy.index[0][1:3] == ("4,20", "4,15 – 4,25")
    assert ppc.index[-1][0].endswith("*")  # a check only: no leave-one-out row
    assert ppc.iloc[-2].tolist() == ["–", "–"]
    info = calibration_manifest(cal)
    for name, fig in {"params": cc.prior_posterior_chart(cal, table, "nl", info),
                      "check": cc.predictive_chart(check, "en", loo, info)}.items():
        texts = " ".join(t.get_text() for t in fig.texts)
        # the one provenance line under a chart: scenario title and run key (full manifest in
        # the colophon / manifest table)
        assert cal.prior.title in texts and run_key(info) in texts
        fig.savefig(tmp_path / f"{name}.png")


def test_cli_calibrate_writes_tables_manifest_and_scenario(tmp_path, capsys):
    out, saved = tmp_path / "out", tmp_path / "cal" / "my_calibration.yaml"
    code = main(["calibrate", str(ROOT / "scenarios" / "uncertainty_2023.yaml"),
                 "--observations", str(OBSERVATIONS), "--draws", "30000", "--seed", "2",
                 "--sample-size", "500", "--out", str(out), "--save", str(saved)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "effective draws" in printed and "leave one out" in printed
    info = json.loads((out / "manifest.json").read_text())
    assert info["observations"]["hash"] == load_observations(OBSERVATIONS).hash
    assert {"parameters.csv", "predictive_check.csv", "leave_one_out.csv",
            "posterior_sample.csv"} <= {p.name for p in out.iterdir()}
    # a shipped prior is extended by its name, so the file loads from its own folder
    assert "--input-root" not in printed
    assert "extends: uncertainty_2023\n" in saved.read_text(encoding="utf-8")
    scenario = sm.load_scenario(saved)
    assert (saved.parent / "my_calibration.posterior.csv").is_file()
    assert scenario.tree["posterior"]["draws"] == 30000


def test_cli_refuses_an_unreliable_calibration(tmp_path, capsys):
    bad = tmp_path / "far.yaml"
    text = OBSERVATIONS.read_text(encoding="utf-8").replace("value: 967\n", "value: 3000\n")
    bad.write_text(text.replace("interval: [967, 1050]", "interval: [3000, 3100]"),
                   encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CalibrationWarning)
        code = main(["calibrate", str(ROOT / "scenarios" / "uncertainty_2023.yaml"),
                     "--observations", str(bad), "--draws", "5000"])
    assert code != 0
    assert "helped_2023 = 3,000" in capsys.readouterr().err
