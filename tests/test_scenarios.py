"""Scenario files: every shipped file loads and runs, what-if variants move results the expected
way, variants never touch their base, the ``extends`` merge, and the year-series rule.

Money in EUR, shares as fractions, years as calendar years.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import numpy as np
import pytest
import yaml

from samen_model import ScenarioError, load_scenario, simulate
from samen_model.analysis import key_figures as kf
from samen_model.model.from_scenario import resolve_inputs
from samen_model.model.results import Result
from samen_model.scenario.scenario import deep_merge
from samen_model.scenario.values import Distribution, series_on_years
from samen_model.scenario.yaml_reader import read_yaml

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
ALL_FILES = sorted(SCENARIO_DIR.glob("*.yaml"))
BASE_FILES = {"plan_2022.yaml", "realised_2023.yaml"}
WHAT_IF_FILES = [p for p in ALL_FILES if p.name not in BASE_FILES]
EXPECTED_WHAT_IFS = {
    "high_leakage", "low_leakage", "population_growth", "population_decline", "slow_phase_in",
    "fast_phase_in", "staff_shortage", "savings_budget_cut", "savings_fewer_referrals",
    "uncertainty_2023", "waterbed_effect", "extra_prevention",
}
MONEY_COLUMNS = ("square_deviation_eur", "net_savings_eur", "total_youth_care_eur",
                 "counterfactual_total_eur", "execution_budget_eur", "samen_cost_eur")


@cache
def run(name: str) -> Result:
    """Deterministic run of ``scenarios/<name>.yaml`` (cached: results are read-only here)."""
    return simulate(load_scenario(SCENARIO_DIR / f"{name}.yaml"))


def col(name: str, column: str) -> np.ndarray:
    """One output column of a deterministic run as a (Y,) array."""
    return run(name).arrays[column][:, 0]


def at(name: str, column: str, year: int) -> float:
    years = run(name).years
    return float(col(name, column)[int(np.flatnonzero(years == year)[0])])


def total(name: str, column: str, first: int, last: int) -> float:
    return float(run(name).total_over(column, first, last)[0])


def years_mask(name: str, first: int, last: int) -> np.ndarray:
    years = run(name).years
    return (years >= first) & (years <= last)


# ------------------------------------------------------------------ every file loads and runs


def test_all_what_if_files_are_present() -> None:
    assert {p.stem for p in WHAT_IF_FILES} >= EXPECTED_WHAT_IFS


@pytest.mark.parametrize("path", ALL_FILES, ids=[p.stem for p in ALL_FILES])
def test_every_scenario_file_loads_and_runs(path: Path) -> None:
    scenario = load_scenario(path)
    assert scenario.name == path.stem
    assert scenario.title and scenario.description
    result = simulate(scenario)
    assert list(result.years) == list(range(scenario.value("time.first_year"),
                                            scenario.value("time.last_year") + 1))
    for column in MONEY_COLUMNS:
        assert np.isfinite(result.arrays[column]).all(), column
    assert (result.arrays["capacity_overflow_cases"] >= -1e-9).all()
    assert (result.arrays["leakage_cases"] >= -1e-9).all()


@pytest.mark.parametrize("path", WHAT_IF_FILES, ids=[p.stem for p in WHAT_IF_FILES])
def test_what_if_files_document_every_override(path: Path) -> None:
    """Each what-if extends a base and gives every override a 'what-if:' source."""
    raw = read_yaml(path)
    assert raw["extends"] in ("realised_2023.yaml", "uncertainty_2023.yaml")
    assert isinstance(raw["title"], str) and raw["title"].strip()
    assert isinstance(raw["description"], str) and len(raw["description"]) > 40

    leaves = []

    def walk(node: dict, where: str) -> None:
        if "value" in node:
            leaves.append((where, node))
            return
        for key, sub in node.items():
            assert isinstance(sub, dict), f"{where}.{key}"
            walk(sub, f"{where}.{key}")

    walk(raw.get("parameters", {}), "parameters")
    # a what-if changes values or their dependence; a calibrated scenario points to its posterior
    assert leaves or raw.get("correlations") or raw.get("posterior")
    for where, leaf in leaves:
        assert set(leaf) == {"value", "source"}, where  # unit/description come from the base
        assert leaf["source"].startswith("what-if: "), where
        assert len(leaf["source"]) > 40, where


# ------------------------------------------------------------------ variants leave the base alone


def _values(scenario) -> dict:
    return {k: p.value for k, p in scenario.params.items()}


@pytest.mark.parametrize("path", WHAT_IF_FILES, ids=[p.stem for p in WHAT_IF_FILES])
def test_variant_never_modifies_its_base(path: Path) -> None:
    base_path = SCENARIO_DIR / "realised_2023.yaml"
    before = load_scenario(base_path)
    tree_before = copy.deepcopy(before.tree)
    variant = load_scenario(path)
    after = load_scenario(base_path)
    assert variant.hash != before.hash
    assert after.hash == before.hash
    assert _values(after) == _values(before)
    assert after.tree == tree_before == before.tree
    plan = load_scenario(SCENARIO_DIR / "plan_2022.yaml")
    assert plan.value("routing.leakage") == 0.0  # the grandparent is untouched too


def test_deep_merge_does_not_modify_its_arguments() -> None:
    base = {"a": {"value": {2023: 1.0}, "unit": "x", "description": "d", "source": "s"},
            "b": {"value": 2.0}}
    override = {"a": {"value": {2025: 3.0}, "source": "t"}}
    base_copy, override_copy = copy.deepcopy(base), copy.deepcopy(override)
    merged = deep_merge(base, override)
    assert base == base_copy and override == override_copy
    # a value is replaced whole (a series is not merged year by year)
    assert merged["a"] == {"value": {2025: 3.0}, "unit": "x", "description": "d", "source": "t"}
    merged["b"]["value"] = 99.0
    assert base["b"]["value"] == 2.0


def test_with_values_leaves_the_scenario_alone() -> None:
    base = load_scenario(SCENARIO_DIR / "realised_2023.yaml")
    h = base.hash
    changed = base.with_values({"routing.leakage": 0.2}, name="more_leakage")
    assert changed.value("routing.leakage") == 0.2
    assert base.value("routing.leakage") == 0.1 and base.hash == h
    assert changed.hash != h


# ------------------------------------------------------------------ the extends merge


def test_extends_keeps_unit_and_description_of_the_base() -> None:
    plan = load_scenario(SCENARIO_DIR / "plan_2022.yaml")
    real = load_scenario(SCENARIO_DIR / "realised_2023.yaml")
    for path in ("routing.leakage", "routing.first_year_uptake", "plan.leakage_follows_realised"):
        assert real.params[path].unit == plan.params[path].unit
        assert real.params[path].description == plan.params[path].description
        assert real.params[path].source != plan.params[path].source
        assert real.params[path].value != plan.params[path].value
    # a parameter the variant does not mention is the base's in every respect
    assert real.params["costs.cost_per_fte_eur"] == plan.params["costs.cost_per_fte_eur"]


def test_extends_of_an_entity_keeps_its_labels_and_other_fields() -> None:
    base = load_scenario(SCENARIO_DIR / "realised_2023.yaml")
    slow = load_scenario(SCENARIO_DIR / "slow_phase_in.yaml")
    assert slow.entities("products") == base.entities("products")
    assert slow.label("products", "light_treatment") == "Lichte behandeling"
    p = "products.light_treatment"
    assert slow.value(f"{p}.samen_entry_year") == 2025
    assert slow.params[f"{p}.samen_entry_year"].unit == "year"
    assert slow.params[f"{p}.price_eur_per_client_year"] == \
        base.params[f"{p}.price_eur_per_client_year"]


def test_variant_takes_its_own_title_and_the_chain_lists_every_file(tmp_path: Path) -> None:
    for name in ("plan_2022.yaml", "realised_2023.yaml"):
        (tmp_path / name).write_text((SCENARIO_DIR / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    (tmp_path / "third.yaml").write_text(
        "schema_version: 1\nextends: realised_2023.yaml\n"
        "parameters:\n  routing:\n    leakage: {value: 0.2, source: 'what-if: test'}\n",
        encoding="utf-8")
    s = load_scenario(tmp_path / "third.yaml")
    assert [p.name for p in s.chain] == ["third.yaml", "realised_2023.yaml", "plan_2022.yaml"]
    assert s.name == "third" and s.title == "third"  # the base's name and title are not inherited
    assert s.value("routing.leakage") == 0.2
    assert s.value("routing.first_year_uptake") == 0.82  # from the middle file
    assert s.value("plan.first_year_uptake") == 1.0  # from the root


def test_relative_data_file_is_resolved_against_the_file_that_names_it(tmp_path: Path) -> None:
    base_dir = tmp_path / "base"
    base_dir.mkdir()
    csv = base_dir / "pop.csv"
    csv.write_text("year,population_0_17\n2019,34000\n2020,34100\n2021,34200\n2022,34300\n",
                   encoding="utf-8")
    tree = read_yaml(SCENARIO_DIR / "plan_2022.yaml")
    tree["parameters"]["population"]["data_file"]["value"] = "pop.csv"
    (base_dir / "base.yaml").write_text(yaml.safe_dump(tree, sort_keys=False), encoding="utf-8")
    (tmp_path / "variant.yaml").write_text(
        "schema_version: 1\nextends: base/base.yaml\nparameters: {}\n", encoding="utf-8")
    s = load_scenario(tmp_path / "variant.yaml")
    assert Path(s.value("population.data_file")) == csv.resolve()
    pop = simulate(s).arrays["population_0_17"][:, 0]
    assert pop[:4].tolist() == [34000, 34100, 34200, 34300]


# ------------------------------------------------------------------ year series


def test_series_on_years_rule() -> None:
    years = np.arange(2019, 2031)
    got = series_on_years({2023: 0.10, 2026: 0.03}, years)
    expected = {2019: 0.10, 2022: 0.10, 2023: 0.10, 2024: 0.10 - 0.07 / 3,
                2025: 0.10 - 0.14 / 3, 2026: 0.03, 2027: 0.03, 2030: 0.03}
    for year, value in expected.items():
        assert got[year - 2019] == pytest.approx(value, abs=1e-12), year
    # one given year: the same value in every year; unsorted keys are sorted
    assert series_on_years({2025: 0.5}, years) == pytest.approx(np.full(12, 0.5))
    assert series_on_years({2030: 1.0, 2020: 0.0}, years)[6] == pytest.approx(0.5)


def test_series_rule_through_resolved_inputs_of_real_scenarios() -> None:
    years = list(range(2019, 2031))
    low = resolve_inputs(load_scenario(SCENARIO_DIR / "low_leakage.yaml"))
    assert list(low.years) == years
    leak = low.leakage[:, 0]
    assert leak.shape == (12,)
    assert leak[: years.index(2023) + 1] == pytest.approx([0.10] * 5)  # held before
    assert leak[years.index(2024)] == pytest.approx(0.10 - 0.07 / 3)  # linear between
    assert leak[years.index(2025)] == pytest.approx(0.10 - 0.14 / 3)
    assert leak[years.index(2026):] == pytest.approx([0.03] * 5)  # held after
    cut = resolve_inputs(load_scenario(SCENARIO_DIR / "savings_budget_cut.yaml"))
    c = dict(zip(years, cut.budget_cut_share[:, 0], strict=True))
    assert (c[2026], c[2027], c[2028], c[2030]) == pytest.approx((0.05, 0.075, 0.10, 0.10))
    real = resolve_inputs(load_scenario(SCENARIO_DIR / "realised_2023.yaml"))
    plan_leak = dict(zip(years, real.plan_leakage[:, 0], strict=True))
    assert (plan_leak[2022], plan_leak[2023], plan_leak[2024], plan_leak[2030]) == \
        pytest.approx((0.0, 0.0, 0.10, 0.10))
    assert real.leakage[:, 0] == pytest.approx([0.10] * 12)  # a scalar is the same every year


# ------------------------------------------------------------------ direction checks


def test_high_leakage_raises_the_transition_deviation() -> None:
    assert total("high_leakage", "square_deviation_eur", 2023, 2025) > \
        total("realised_2023", "square_deviation_eur", 2023, 2025) + 1e6
    assert at("high_leakage", "leakage_cases", 2023) == pytest.approx(
        at("realised_2023", "leakage_cases", 2023))
    for year in range(2024, 2031):
        assert at("high_leakage", "leakage_cases", year) > at("realised_2023", "leakage_cases",
                                                              year)
        assert at("high_leakage", "samen_new_clients", year) < \
            at("realised_2023", "samen_new_clients", year)
    # the plan (and so budget and hiring) sees the extra leakage one year later
    mask = years_mask("high_leakage", 2019, 2024)
    assert col("high_leakage", "fte_samen")[mask] == pytest.approx(
        col("realised_2023", "fte_samen")[mask])
    assert at("high_leakage", "fte_samen", 2025) < at("realised_2023", "fte_samen", 2025)
    assert at("high_leakage", "planned_samen_share", 2025) < \
        at("realised_2023", "planned_samen_share", 2025)
    assert total("high_leakage", "net_savings_eur", 2026, 2030) < \
        total("realised_2023", "net_savings_eur", 2026, 2030)


def test_low_leakage_lowers_the_transition_deviation() -> None:
    assert total("low_leakage", "square_deviation_eur", 2023, 2025) < \
        total("realised_2023", "square_deviation_eur", 2023, 2025)
    assert at("low_leakage", "leakage_cases", 2026) < 0.5 * at("realised_2023", "leakage_cases",
                                                               2026)
    assert at("low_leakage", "samen_new_clients", 2025) > \
        at("realised_2023", "samen_new_clients", 2025)


@pytest.mark.parametrize(("name", "sign"), [("population_growth", 1), ("population_decline", -1)])
def test_population_growth_and_decline(name: str, sign: int) -> None:
    """Growth after the data (2024); the decline from 2024 on, the 2023 count kept. Both
    what-ifs let other youth care follow the number of young people."""
    data_years = years_mask(name, 2019, {1: 2024, -1: 2023}[sign])
    assert col(name, "population_0_17")[data_years] == pytest.approx(
        col("realised_2023", "population_0_17")[data_years])
    for column in ("population_0_17", "new_cases", "counterfactual_total_eur",
                   "execution_budget_eur", "counterfactual_other_youth_care_cost_eur"):
        diff = at(name, column, 2030) - at("realised_2023", column, 2030)
        assert sign * diff > 0, column
    ratio = at(name, "population_0_17", 2030) / at(name, "population_0_17", 2029)
    assert ratio == pytest.approx({1: 1.015, -1: 0.99}[sign])


def test_slow_phase_in_delays_clients() -> None:
    assert at("slow_phase_in", "in_scope_new_cases", 2023) == pytest.approx(
        at("realised_2023", "in_scope_new_cases", 2023))
    for year in (2024, 2025, 2026):
        assert at("slow_phase_in", "in_scope_new_cases", year) < \
            at("realised_2023", "in_scope_new_cases", year)
    later = years_mask("slow_phase_in", 2027, 2030)
    assert col("slow_phase_in", "in_scope_new_cases")[later] == pytest.approx(
        col("realised_2023", "in_scope_new_cases")[later])
    assert at("slow_phase_in", "fte_samen", 2025) < at("realised_2023", "fte_samen", 2025)
    assert at("slow_phase_in", "planned_samen_share", 2024) < \
        at("realised_2023", "planned_samen_share", 2024)


def test_fast_phase_in_brings_clients_forward() -> None:
    assert at("fast_phase_in", "in_scope_new_cases", 2023) > \
        1.1 * at("realised_2023", "in_scope_new_cases", 2023)
    assert at("fast_phase_in", "samen_clients_served", 2023) > \
        at("realised_2023", "samen_clients_served", 2023)
    assert at("fast_phase_in", "execution_budget_eur", 2023) > \
        at("realised_2023", "execution_budget_eur", 2023)
    later = years_mask("fast_phase_in", 2026, 2030)
    assert col("fast_phase_in", "in_scope_new_cases")[later] == pytest.approx(
        col("realised_2023", "in_scope_new_cases")[later])


def test_staff_shortage_overflows_capacity() -> None:
    overflow = col("staff_shortage", "capacity_overflow_cases")
    assert overflow.max() > 100
    assert overflow.sum() > col("realised_2023", "capacity_overflow_cases").sum() + 100
    fte = col("staff_shortage", "fte_samen")
    # 2023 as realised, then at most 20 FTE more a year
    assert at("staff_shortage", "fte_samen", 2023) == pytest.approx(
        at("realised_2023", "fte_samen", 2023))
    assert np.diff(fte[years_mask("staff_shortage", 2023, 2030)]).max() <= 20.0 + 1e-9
    assert at("staff_shortage", "fte_samen", 2024) < at("realised_2023", "fte_samen", 2024)
    assert total("staff_shortage", "samen_new_clients", 2023, 2030) < \
        total("realised_2023", "samen_new_clients", 2023, 2030)
    # overflow cases go to open house, not to leakage
    assert col("staff_shortage", "leakage_cases") == pytest.approx(
        col("realised_2023", "leakage_cases"))


def test_budget_cut_raises_structural_net_savings() -> None:
    assert total("savings_budget_cut", "net_savings_eur", 2026, 2030) > \
        total("realised_2023", "net_savings_eur", 2026, 2030) + 1e6
    cut = col("savings_budget_cut", "budget_cut_eur")
    # a share of the regime's budget before the cut (the reëel budget after 2025)
    before_cut = col("savings_budget_cut", "budget_before_cut_eur")
    assert (cut[years_mask("savings_budget_cut", 2019, 2025)] == 0).all()
    shares = dict(zip(run("savings_budget_cut").years.tolist(),
                      np.divide(cut, before_cut, out=np.zeros_like(cut), where=before_cut > 0),
                      strict=True))
    assert (shares[2026], shares[2027], shares[2028], shares[2030]) == \
        pytest.approx((0.05, 0.075, 0.10, 0.10))
    before = years_mask("savings_budget_cut", 2019, 2025)
    assert col("savings_budget_cut", "net_savings_eur")[before] == pytest.approx(
        col("realised_2023", "net_savings_eur")[before])


def test_fewer_referrals_raise_structural_net_savings() -> None:
    assert total("savings_fewer_referrals", "net_savings_eur", 2026, 2030) > \
        total("realised_2023", "net_savings_eur", 2026, 2030) + 1e6
    red = col("savings_fewer_referrals", "specialist_reduction_eur")
    other_cf = col("savings_fewer_referrals", "counterfactual_other_youth_care_cost_eur")
    years = run("savings_fewer_referrals").years.tolist()
    assert red[years.index(2025)] == 0.0
    assert red[years.index(2028)] / other_cf[years.index(2028)] == pytest.approx(0.02)
    assert red[years.index(2030)] / other_cf[years.index(2030)] == pytest.approx(0.03)
    before = years_mask("savings_fewer_referrals", 2019, 2025)
    assert col("savings_fewer_referrals", "square_deviation_eur")[before] == pytest.approx(
        col("realised_2023", "square_deviation_eur")[before])


# ------------------------------------------------------------------ the uncertainty scenario


UNCERTAIN = {
    "routing.leakage": "triangular",
    "routing.first_year_uptake": "beta",
    "demand.inflow_per_1000": "normal",
    "costs.cost_per_fte_eur": "lognormal",
    "capacity.caseload_per_fte": "uniform",
    "index.expected_cost_development": "triangular",
    "index.ova_assumed_pct": "triangular",
    "population.growth_after_data": "normal",
    "capacity.max_fte_growth_per_year": "triangular",
    "capacity.vacancy_rate": "triangular",
    "capacity.realised_caseload_ratio": "triangular",
    "capacity.staff_attrition_rate": "triangular",  # issue 19: staff leave at a rate
    # issue 20: every estimate of realised_2023 uncertain (docs/uncertainty.md)
    "demand.inflow_trend": "normal",
    "costs.overhead_share": "triangular",
    "capacity.fte_at_start": "triangular",
    "routing.step_up_share": "triangular",
    "routing.step_up_cost_eur_per_case": "triangular",
    "routing.samen_duration_factor": "triangular",
    **{f"products.{p}.{f}": "triangular"
       for p in ("individual_guidance_basic", "family_guidance", "individual_guidance_plus",
                 "light_treatment")
       for f in ("price_eur_per_client_year", "mean_duration_years")},
}


def test_uncertainty_scenario_has_distributions_centred_on_realised() -> None:
    unc = load_scenario(SCENARIO_DIR / "uncertainty_2023.yaml")
    real = load_scenario(SCENARIO_DIR / "realised_2023.yaml")
    assert set(unc.uncertain_parameters()) == set(UNCERTAIN)
    assert real.uncertain_parameters() == []
    for path, kind in UNCERTAIN.items():
        d = unc.value(path)
        assert isinstance(d, Distribution) and d.kind == kind, path
        assert d.central == pytest.approx(real.value(path), rel=1e-12), path
        lo, hi = d.bounds()
        # inside the 90% interval; a vacancy rate cannot go below 0, so its central value
        # (no vacancies, as realised) is the end of its range
        # (no vacancies, as realised) is the end of its range; so is no step-up (the plan's)
        assert lo < d.central < hi or (path in ("capacity.vacancy_rate", "routing.step_up_share")
                                       and d.central == 0.0 <= lo < hi), path
    # the central run is exactly realised_2023
    for name, a in run("uncertainty_2023").arrays.items():
        np.testing.assert_allclose(a, run("realised_2023").arrays[name], rtol=1e-12,
                                   atol=1e-6, err_msg=name)


def test_uncertainty_scenario_samples_reproducibly() -> None:
    unc = load_scenario(SCENARIO_DIR / "uncertainty_2023.yaml")
    first = simulate(unc, draws=200, seed=7)
    again = simulate(unc, draws=200, seed=7)
    dev = kf.arrays(first)["deviation_transition_eur"]
    assert dev.shape == (200,)
    assert np.array_equal(dev, kf.arrays(again)["deviation_transition_eur"])
    assert np.isfinite(dev).all()
    assert np.std(dev) > 1e5
    central = kf.arrays(run("uncertainty_2023"))["deviation_transition_eur"][0]
    assert np.percentile(dev, 5) < central < np.percentile(dev, 95)


# ------------------------------------------------------------------ SAMEN. that never starts


def test_samen_start_after_the_horizon_validates_and_changes_nothing() -> None:
    """A start after last_year (no SAMEN.) is valid even though transition_end < start."""
    real = load_scenario(SCENARIO_DIR / "realised_2023.yaml")
    never = real.with_values({"time.samen_start_year": 2031}, name="no_samen")
    assert never.value("time.transition_end_year") == 2025 < never.value("time.samen_start_year")
    a = simulate(never).arrays
    for column in ("square_deviation_eur", "samen_cost_eur", "execution_budget_eur",
                   "samen_new_clients", "fte_samen_avg"):
        assert np.abs(a[column]).max() == 0.0, column
    assert a["total_youth_care_eur"] == pytest.approx(a["counterfactual_total_eur"], rel=1e-12)


def test_samen_start_inside_the_horizon_still_needs_transition_end_not_before_it() -> None:
    real = load_scenario(SCENARIO_DIR / "realised_2023.yaml")
    with pytest.raises(ScenarioError) as info:
        real.with_values({"time.samen_start_year": 2026})
    assert info.value.field == "parameters.time.transition_end_year.value"
    assert "not before samen_start_year 2026" in str(info.value)
    ok = real.with_values({"time.samen_start_year": 2026, "time.transition_end_year": 2026})
    assert ok.value("time.samen_start_year") == 2026


def test_waterbed_effect_costs_its_step_ups() -> None:
    # 5% of SAMEN.'s new clients from 2024 need specialist care at € 15.000 (2021 prices)
    later = years_mask("waterbed_effect", 2024, 2030)
    new = col("waterbed_effect", "samen_new_clients")
    assert col("waterbed_effect", "step_up_cases")[later] == pytest.approx(0.05 * new[later])
    assert col("waterbed_effect", "step_up_cases")[~later] == pytest.approx(0.0)
    # SAMEN. itself runs as in realised_2023: the same clients, the same staff
    assert new == pytest.approx(col("realised_2023", "samen_new_clients"))
    # 2024: 5% of the new clients at € 15.000 times the price level of 2024 (> 1: indexed)
    cost_2024 = at("waterbed_effect", "step_up_cost_eur", 2024)
    assert cost_2024 > 0.05 * at("waterbed_effect", "samen_new_clients", 2024) * 15_000.0
    # the municipality pays them: the net result 2026-2030 falls by more than € 5 mln
    assert total("waterbed_effect", "net_savings_eur", 2026, 2030) < \
        total("realised_2023", "net_savings_eur", 2026, 2030) - 5e6
    assert total("waterbed_effect", "square_deviation_eur", 2023, 2025) > \
        total("realised_2023", "square_deviation_eur", 2023, 2025)
