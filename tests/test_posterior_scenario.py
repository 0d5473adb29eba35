"""The posterior as a scenario: calibrated_2023 and its sample file; the observation format."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.calibration.fit import calibrate
from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.analysis.sensitivity import sobol, tornado
from samen_model.errors import ObservationError, ScenarioError
from samen_model.present.text.calibration import conditioned_sentence
from samen_model.products.posterior_file import save_calibrated
from samen_model.scenario.observations import load_observations
from samen_model.scenario.posterior import PosteriorMarginal, sample_sha256
from samen_model.scenario.sampling import sample_values
from samen_model.scenario.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
OBSERVATIONS = ROOT / "observations" / "groningen.yaml"


@pytest.fixture(scope="module")
def calibrated():
    return sm.load_scenario(SCENARIOS / "calibrated_2023.yaml")


def test_shipped_calibrated_2023_is_the_posterior_of_uncertainty_2023(calibrated, uncertain):
    block = calibrated.tree["posterior"]
    assert block["prior"] == {"name": "uncertainty_2023", "hash": uncertain.hash}
    assert block["observations"]["hash"] == load_observations(OBSERVATIONS).hash
    assert block["draws"] == 1_000_000 and block["ess"] > 1_000 and block["pareto_k"] < 0.7
    assert set(calibrated.uncertain_parameters()) == set(uncertain.uncertain_parameters())
    assert all(isinstance(calibrated.value(p), PosteriorMarginal)
               for p in calibrated.uncertain_parameters())
    assert calibrated.hash != uncertain.hash
    # the figures pinned the 2021 inflow: posterior 90% range within 50-58.5 per 1,000 (the
    # 967 counted in November reads as a year total of about 1,050-1,140)
    lo, hi = calibrated.value("demand.inflow_per_1000").bounds(0.90)
    assert 50 < lo < hi < 58.5


def test_monte_carlo_draws_whole_rows_of_the_sample(calibrated):
    values = sample_values(calibrated, 5_000, 3)
    sample = calibrated.value("routing.leakage").sample
    rows = {tuple(r) for r in np.round(sample.values, 12)}
    drawn = np.stack([values[p] for p in sample.parameters], axis=1)
    assert all(tuple(r) in rows for r in np.round(drawn[:200], 12))
    again = sample_values(calibrated, 5_000, 3)
    assert all(np.array_equal(values[p], again[p]) for p in values)


def test_2023_of_the_calibrated_scenario_matches_the_figures(calibrated):
    mc = sm.simulate(calibrated, 10_000, 1, sample=True,
                     keep=("samen_clients_served", "samen_new_clients", "fte_samen"))
    # 967 is a count in November: the model's count in mid-November (the year total less the
    # new clients of the last 46 days; nobody was in care on 1 January 2023) lies around it
    served, new = mc.arrays["samen_clients_served"][4], mc.arrays["samen_new_clients"][4]
    count = np.percentile(served - new * 46 / 365, [5, 50, 95])
    # (the likelihood is tempered by 2, so the figure's sd of 30 acts as about 30 x sqrt(2))
    assert 967 - 1.645 * 42 - 25 < count[0] and abs(count[1] - 967) < 30 \
        and count[2] < 967 + 1.645 * 42 + 25
    helped = np.percentile(served, [5, 50, 95])
    assert 1000 < helped[0] and 1050 <= helped[1] <= 1160 and helped[2] < 1200  # year total
    fte = np.percentile(mc.arrays["fte_samen"][4], [5, 50, 95])
    assert 79 < fte[0] and 80 <= fte[1] <= 95 and fte[2] < 110  # "ruim 80": at least 80
    central = sm.simulate(calibrated)  # posterior medians
    assert 1050 <= central.arrays["samen_clients_served"][4, 0] <= 1160


def test_analyses_run_on_the_posterior(calibrated):
    bars = tornado(calibrated, "deviation_2023_2025").set_index("parameter")
    lo, hi = calibrated.value("routing.leakage").bounds(0.90)
    assert bars.loc["routing.leakage", "value_low"] == pytest.approx(lo)
    assert bars.loc["routing.leakage", "value_high"] == pytest.approx(hi)
    assert len(sobol(calibrated, ["deviation_2023_2025"], n=8)) == len(
        calibrated.uncertain_parameters()) == 26  # one row per uncertain parameter
    assert monte_carlo(calibrated, draws=2_000, seed=1).draws == 2_000
    fixed = calibrated.with_values({"routing.leakage": 0.1})
    assert "routing.leakage" not in fixed.uncertain_parameters()
    assert np.all(sample_values(fixed, 100, 1)["routing.first_year_uptake"] > 0)


def test_save_and_load_round_trip(tmp_path):
    target = tmp_path / "scenarios" / "mine.yaml"
    shutil.copytree(SCENARIOS, target.parent, ignore=shutil.ignore_patterns("calibrated*"))
    prior = sm.load_scenario(target.parent / "uncertainty_2023.yaml")
    cal = calibrate(prior, OBSERVATIONS, draws=20_000, seed=5, sample_size=300, min_ess=100)
    loaded = save_calibrated(cal, target)
    sample = loaded.value("routing.leakage").sample
    assert sample.size == 300 and sample.path.name == "mine.posterior.csv"
    for p in cal.parameters:
        assert sample.column(p) == pytest.approx(cal.sample[p], rel=1e-8)
    assert read_yaml(target)["extends"] == "uncertainty_2023.yaml"
    # the scenario hash follows the sample's numbers, not the provenance lines
    csv = target.with_name("mine.posterior.csv")
    text = csv.read_text()
    csv.write_text(text.replace("# samen_model", "# edited provenance: samen_model", 1))
    assert sm.load_scenario(target).hash == loaded.hash
    lines = text.splitlines()
    lines[3] = lines[3].replace(lines[3][:3], "9.9", 1)
    csv.write_text("\n".join(lines) + "\n")
    with pytest.raises(ScenarioError, match="changed after calibration, calibrate again"):
        sm.load_scenario(target)


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"sha256": "abc"}, "posterior.sha256", "64 lowercase hex"),
    ({"colour": 1}, "posterior.colour", "no such key"),
    ({"sample": "nowhere.csv"}, "<file>", "an existing posterior sample file"),
])
def test_bad_posterior_block(tmp_path, change, field, words):
    shutil.copytree(SCENARIOS, tmp_path / "s")
    path = tmp_path / "s" / "calibrated_2023.yaml"
    text = path.read_text()
    for key, value in change.items():
        if key == "colour":
            text = text.replace("  draws:", f"  colour: {value}\n  draws:")
        else:
            text = "\n".join(f"  {key}: {value}" if ln.startswith(f"  {key}:") else ln
                             for ln in text.splitlines()) + "\n"
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        sm.load_scenario(path)
    assert info.value.field == field and words in str(info.value)


def test_sample_column_must_be_a_parameter_and_correlations_must_fit(tmp_path):
    shutil.copytree(SCENARIOS, tmp_path / "s")
    folder = tmp_path / "s"
    variant = folder / "variant.yaml"
    head = "schema_version: 1\nextends: calibrated_2023.yaml\ntitle: t\ndescription: d\n"
    # a new distribution correlated with a calibrated parameter cannot be honoured
    variant.write_text(head + "parameters: {costs: {other_youth_care_real_growth: {value: "
                       "{dist: uniform, low: 0.1, high: 0.2}, source: 'what-if: x'}}}\n"
                       "correlations:\n  - {parameters: [routing.leakage, "
                       "costs.other_youth_care_real_growth], rank_correlation: 0.3}\n")
    with pytest.raises(ScenarioError) as info:
        sm.load_scenario(variant)
    assert info.value.field == "correlations[0]" and "two calibrated parameters" in str(
        info.value)
    # ... without the correlation it is drawn on its own, the calibrated ones from the sample
    variant.write_text(head + "parameters: {costs: {other_youth_care_real_growth: {value: "
                       "{dist: uniform, low: 0.1, high: 0.2}, source: 'what-if: x'}}}\n")
    values = sample_values(sm.load_scenario(variant), 1_000, 1)
    growth = values["costs.other_youth_care_real_growth"]
    assert 0.1 <= growth.min() < growth.max()
    # a sample column that names no parameter
    csv = folder / "calibrated_2023.posterior.csv"
    text = csv.read_text().replace("routing.leakage", "routing.leak")
    csv.write_text(text)
    yaml_path = folder / "calibrated_2023.yaml"
    old = read_yaml(yaml_path)["posterior"]["sha256"]
    yaml_path.write_text(yaml_path.read_text().replace(old, sample_sha256(text)))
    with pytest.raises(ScenarioError) as info:
        sm.load_scenario(yaml_path)
    assert "path of a parameter of the scenario (got 'routing.leak')" in str(info.value)


def test_conditioned_sentence(calibrated, uncertain):
    nl = conditioned_sentence(calibrated, "nl")
    assert nl.startswith("Deze bandbreedtes zijn bijgesteld op de werkelijke cijfers tot en "
                         "met 2023: 967 jeugdigen geholpen in 2023, ruim 80 fte eind 2023")
    assert "€ 4,2 mln" in nl and "€ 1 mln" in nl
    assert "conditioned on the actual figures up to 2023" in conditioned_sentence(
        calibrated, "en")
    assert conditioned_sentence(uncertain) == ""


# ----------------------------------------------------------------------------- observations
def test_shipped_observations_carry_uncertainty_and_date():
    obs = {o.id: o for o in load_observations(OBSERVATIONS)}
    # Evaluatie Basis jeugdhulp 2023 (15 Dec 2023): 967 helped by the November count, a count
    # to a date (sd 30), not a year total
    assert obs["helped_2023"].value == 967 and obs["helped_2023"].date == "2023-11"
    assert obs["helped_2023"].to_date_flow == "samen_new_clients"
    assert obs["helped_2023"].stated_range() == pytest.approx((967 - 1.645 * 30,
                                                               967 + 1.645 * 30), abs=0.01)
    # "ruim 80 fte": a lower bound only
    assert obs["fte_2023"].stated_range() == (80, math.inf)
    # subsidy of 4,2 miljoen rounded to EUR 0.1M; expected overrun of 1 miljoen, sd 0.3M
    assert obs["subsidy_2023"].stated_range() == (4.15e6, 4.25e6)
    assert obs["overrun_2023"].uncertainty.kind == "normal"
    assert obs["overrun_2023"].uncertainty.sd == 0.3e6
    # MEMO 6 Dec 2021, bijlage 2: EUR 60M of which EUR 14M to SAMEN.; the total is a check
    assert obs["scope_cost_2021"].stated_range() == (13.5e6, 14.5e6)
    assert not obs["youth_care_2021"].calibrate
    assert all(o.uncertainty.source and o.uncertainty.basis in ("stated", "estimate")
               for o in obs.values())


@pytest.mark.parametrize(("old", "new", "field", "words"), [
    ("schema_version: 2", "schema_version: 1", "schema_version", "version 2 adds uncertainty"),
    ("    date: 2023-11\n", "", "observations[0].date", "this key is required"),
    ("    date: 2023-11\n", "    date: November\n", "observations[0].date", "YYYY-MM-DD"),
    ("      sd: 30\n", "      sd: 0\n", "observations[0].uncertainty.sd", "a positive number"),
    ("interval: [80, null]", "interval: [85, null]", "observations[1].uncertainty.interval",
     "contains the value 80"),
    ("interval: [80, null]", "interval: [null, null]",
     "observations[1].uncertainty.interval", "not both"),
    ("      basis: estimate\n      source: \"estimate: a count",
     "      basis: guess\n      source: \"estimate: a count",
     "observations[0].uncertainty.basis", "one of stated, estimate"),
    ("    calibrate: false", "    calibrate: 0", "observations[5].calibrate", "true or false"),
])
def test_bad_observation_files(tmp_path, old, new, field, words):
    text = OBSERVATIONS.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "obs.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ObservationError) as info:
        load_observations(path)
    assert info.value.field == field and words in str(info.value)
    assert str(info.value).startswith(f"{path}: {field}: ")


def test_register_describes_a_posterior_marginal_in_words() -> None:
    """The register and the comparison table show a calibrated parameter as the posterior's
    median and 90% range (the report's 02_compare failed on it before)."""
    from samen_model.present.parameters import value_text

    cal = sm.load_scenario(ROOT / "scenarios" / "calibrated_2023.yaml")
    info = cal.params["routing.leakage"]
    d = info.value
    text = value_text(info, cal, "nl")
    assert text.startswith("na kalibratie op de cijfers: mediaan ")
    low, high = float(d.ppf(0.05)), float(d.ppf(0.95))
    assert 0.0 <= low < high <= 1.0 and "90% tussen" in text
