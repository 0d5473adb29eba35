"""The vectorised engine against the per-draw pure-Python reference (engine_reference).

Hundreds of random parameter sets go through the engine in one vectorised call each; every
column of every draw must equal the reference to ``rtol=1e-9`` (``atol=1e-6`` for zeros, NaN
equal to NaN). The draws are built so that the capacity overflow, the hiring cap, staff
reductions, budget cuts, step-ups, extra money and both settlement regimes are all exercised.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from engine_reference import reference_run, reference_simulate
from numpy.testing import assert_allclose, assert_array_equal

import samen_model as sm
from samen_model.model import stream
from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.from_scenario import resolve_inputs
from samen_model.model.inputs import Inputs
from samen_model.scenario.values import Distribution

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
RTOL, ATOL = 1e-9, 1e-6
N_DRAWS = 256
N_SETTLE = 64

#: Per-draw ranges (all inside what the validator accepts): path -> (low, high).
RANGES: dict[str, tuple[float, float]] = {
    "routing.leakage": (0.0, 0.4),
    "routing.first_year_uptake": (0.3, 1.0),
    "routing.samen_duration_factor": (0.5, 1.8),
    "routing.step_up_share": (0.0, 0.2),
    "routing.step_up_cost_eur_per_case": (5_000.0, 30_000.0),
    "plan.leakage": (0.0, 0.4),
    "plan.first_year_uptake": (0.5, 1.0),
    "capacity.caseload_per_fte": (4.0, 14.0),
    "capacity.fte_at_start": (0.0, 120.0),
    "costs.cost_per_fte_eur": (40_000.0, 90_000.0),
    "costs.overhead_share": (0.0, 0.3),
    "costs.other_youth_care_eur": (30e6, 60e6),
    "costs.other_youth_care_real_growth": (-0.02, 0.04),
    "demand.inflow_per_1000": (30.0, 75.0),
    "demand.inflow_trend": (-0.03, 0.03),
    "demand.prevention_effect": (0.0, 0.15),
    "population.growth_after_data": (-0.01, 0.02),
    "index.expected_cost_development": (-0.05, 0.10),
    "index.ova_assumed_pct": (-1.0, 8.0),
    "savings.budget_cut_share": (0.0, 0.3),
    "savings.specialist_referral_reduction": (0.0, 0.1),
    "capacity.vacancy_rate": (0.0, 0.2),
    "capacity.realised_caseload_ratio": (0.7, 1.2),
    "capacity.staff_attrition_rate": (0.0, 0.3),
    "extra_money.amount_eur": (0.0, 3e6),
    "extra_money.capacity_share": (0.0, 1.0),
    "extra_money.prevention_effect_per_million_eur": (0.0, 0.05),
}
#: Waiting-list parameters (only a waiting list uses them).
WAITING_RANGES = {
    "capacity.waiting_list_dropout_share": (0.0, 0.5),
    "capacity.waiting_list_specialist_share": (0.0, 0.5),
    "capacity.waiting_list_dropout_cost_eur_per_case": (0.0, 5_000.0),
    "capacity.waiting_list_specialist_cost_eur_per_case": (5_000.0, 30_000.0),
}
PRODUCT_RANGES = {
    "mean_duration_years": (0.2, 2.0),
    "price_eur_per_client_year": (5_000.0, 20_000.0),
}


def random_values(scenario: sm.Scenario, n: int, seed: int) -> dict[str, np.ndarray]:
    """Per-draw values for ~30 parameters; the FTE growth cap is low in half of the draws."""
    rng = np.random.default_rng(seed)
    values = {path: rng.uniform(lo, hi, n) for path, (lo, hi) in RANGES.items()}
    for product in scenario.entities("products"):
        for field, (lo, hi) in PRODUCT_RANGES.items():
            values[f"products.{product}.{field}"] = rng.uniform(lo, hi, n)
    # Growth cap: low (0-12 FTE a year, overflow likely) or generous (12-100), and exactly 0
    # in a few draws; some draws also start without staff (no capacity at all in year one).
    low = rng.random(n) < 0.5
    values["capacity.max_fte_growth_per_year"] = np.where(
        low, rng.uniform(0.0, 12.0, n), rng.uniform(12.0, 100.0, n))
    values["capacity.max_fte_growth_per_year"][:4] = 0.0
    values["capacity.fte_at_start"][2:6] = 0.0
    # with generous hiring, no vacancies and staff carrying at least the planned caseload in
    # most draws, so that some draws never fall short of capacity
    values["capacity.vacancy_rate"][~low] = 0.0
    values["capacity.realised_caseload_ratio"][~low] = rng.uniform(1.0, 1.2, n)[~low]
    return values


def reference_arrays(inputs: Inputs) -> dict[str, np.ndarray]:
    """The reference for every draw of ``inputs``, stacked as (year, draw) arrays."""
    runs = [reference_run(inputs, k) for k in range(inputs.draws)]
    return {name: np.array([r[name] for r in runs], dtype=float).T for name in runs[0]}


def assert_engine_matches_reference(arrays: dict[str, np.ndarray], inputs: Inputs) -> None:
    """Every column of every draw: engine == reference (rtol 1e-9, atol 1e-6, NaN == NaN)."""
    expected = reference_arrays(inputs)
    assert set(arrays) == set(expected)
    years = inputs.years
    for name, want in expected.items():
        got = np.asarray(arrays[name])
        assert got.shape == want.shape == (len(years), inputs.draws), name
        bad = ~np.isclose(got, want, rtol=RTOL, atol=ATOL, equal_nan=True)
        where = ""
        if bad.any():
            t, k = np.argwhere(bad)[0]
            where = (f"; first mismatch: draw {k}, year {years[t]}: engine {got[t, k]!r}, "
                     f"reference {want[t, k]!r} ({int(bad.sum())} cells differ)")
        assert_allclose(got, want, rtol=RTOL, atol=ATOL, equal_nan=True,
                        err_msg=f"column {name}{where}")


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def random_run(realised):
    """N_DRAWS random parameter sets in one vectorised engine call, and the same inputs."""
    values = random_values(realised, N_DRAWS, seed=20230101)
    result = sm.simulate(realised, draws=N_DRAWS, values=values, sample=False)
    return result, resolve_inputs(realised, N_DRAWS, values)


@pytest.fixture(scope="module")
def waiting_run(realised):
    """As ``random_run`` with a waiting list, the 'reëel' ceiling on the execution budget, the
    other population reading (growth during t-2) and a plan that does not learn the
    capacity."""
    scenario = realised.with_values({"capacity.shortfall": "waiting_list",
                                     "plan.capacity_follows_realised": False,
                                     "budget.lapsing_cost_ceiling": "execution_budget",
                                     "budget.population_growth_reading": "during_t-2"})
    values = random_values(scenario, N_SETTLE, seed=9)
    rng = np.random.default_rng(10)
    values |= {path: rng.uniform(lo, hi, N_SETTLE) for path, (lo, hi) in WAITING_RANGES.items()}
    result = sm.simulate(scenario, draws=N_SETTLE, values=values, sample=False)
    return result, resolve_inputs(scenario, N_SETTLE, values)


@pytest.fixture(scope="module", params=["settlement", "t2_rule"])
def settle_run(request, realised):
    """As ``random_run`` under the other regimes after the transition
    (budget.structural_regime; the default reeel is ``random_run``)."""
    scenario = realised.with_values({"budget.structural_regime": request.param})
    values = random_values(scenario, N_SETTLE, seed=7)
    result = sm.simulate(scenario, draws=N_SETTLE, values=values, sample=False)
    return result, resolve_inputs(scenario, N_SETTLE, values)


# ----------------------------------------------------------------------------- shape of the API


def test_reference_returns_the_engine_columns(realised) -> None:
    inputs = resolve_inputs(realised)
    ref = reference_run(inputs, 0)
    out = stream.run(inputs)
    assert set(ref) == set(out)
    assert set(ref) == set(COLUMN_NAMES[1:])  # the column dictionary ("year" is the index)
    assert all(len(v) == len(inputs.years) for v in ref.values())
    assert all(type(x) is float for v in ref.values() for x in v)


def test_reference_refuses_a_draw_outside_the_inputs(realised) -> None:
    inputs = resolve_inputs(realised, 3, {"routing.leakage": np.array([0.1, 0.2, 0.3])})
    reference_run(inputs, 2)
    with pytest.raises(IndexError):
        reference_run(inputs, 3)


# ----------------------------------------------------------------------------- random draws


def test_random_draws_match_the_engine(random_run) -> None:
    result, inputs = random_run
    assert_engine_matches_reference(result.arrays, inputs)


def test_random_draws_under_the_other_regimes_match(settle_run) -> None:
    result, inputs = settle_run
    assert_engine_matches_reference(result.arrays, inputs)
    after = result.years > result.scenario.value("time.transition_end_year")
    a = result.arrays
    if inputs.structural_regime == "settlement":
        assert (a["wij_result_eur"][after] == 0.0).all()
        assert (a["settlement_eur"][after] != 0.0).any()
    else:
        assert (a["settlement_eur"][after] == 0.0).all()
        assert (a["wij_result_eur"][after] > 0.0).any() and (a["wij_result_eur"] < 0.0).any()


def test_random_draws_with_a_waiting_list_match(waiting_run) -> None:
    """The waiting list, the ceiling and the other population reading, draw by draw; the draws
    reach lists that form and lists that are taken on again."""
    result, inputs = waiting_run
    assert inputs.waiting_list and inputs.lapsing_cost_ceiling == "execution_budget"
    assert inputs.volume_lag == 1 and not inputs.capacity_follows_realised
    assert_engine_matches_reference(result.arrays, inputs)
    a = result.arrays
    assert (a["waiting_list_joined_cases"] > 1e-6).any(axis=0).sum() > 10
    assert (a["waiting_list_admitted_cases"] > 1e-6).any()
    assert (a["waiting_list_cost_eur"] > 0).any() and (a["budget_ceiling_cut_eur"] > 0).any()
    assert (a["capacity_overflow_cases"] == 0).all()


def test_random_draws_exercise_every_path(random_run) -> None:
    """The draws reach the branches worth checking (else the comparison proves little)."""
    result, _ = random_run
    a = result.arrays
    samen_years = result.years >= result.scenario.value("time.samen_start_year")
    structural = result.years >= result.scenario.value("time.structural_start_year")
    overflow = (a["capacity_overflow_cases"] > 1e-6).any(axis=0)
    assert 20 <= overflow.sum() <= N_DRAWS - 20  # both with and without capacity overflow
    no_room = (a["samen_new_clients"][samen_years] == 0.0).any(axis=0)
    assert no_room.any()  # no capacity at all (all SAMEN. demand overflows)
    hiring_capped = (np.diff(a["fte_samen"], axis=0)[samen_years[1:]] > 0).any(axis=0)
    staff_leave = (np.diff(a["fte_samen"], axis=0)[samen_years[1:]] < 0).any(axis=0)
    assert hiring_capped.sum() > 20 and staff_leave.sum() > 20
    assert (a["budget_cut_eur"][structural] > 0).all(axis=0).sum() > N_DRAWS // 2
    assert (a["specialist_reduction_eur"][structural] > 0).any()
    assert (a["step_up_cost_eur"] > 0).any()
    assert (a["settlement_eur"] > 0).any() and (a["settlement_eur"] < 0).any()
    assert (a["wij_result_eur"] < 0).any()  # reeel, kept: deficits (surpluses under t2_rule)
    after = result.years > result.scenario.value("time.transition_end_year")
    assert (a["budget_ceiling_cut_eur"][after] > 0).any()  # the reëel budget capped
    assert (a["square_deviation_eur"] > 0).any() and (a["square_deviation_eur"] < 0).any()
    assert (a["extra_fte_target"] > 0).any() and (a["extra_prevention_effect"] > 0).any()


# ----------------------------------------------------------------------------- other set-ups


@pytest.mark.parametrize("name", sorted(p.stem for p in SCENARIOS.glob("*.yaml")))
def test_shipped_scenarios_deterministic_match(name: str) -> None:
    scenario = sm.load_scenario(SCENARIOS / f"{name}.yaml")
    result = sm.simulate(scenario)
    assert_engine_matches_reference(result.arrays, resolve_inputs(scenario))


def test_other_timing_and_year_series_match(realised) -> None:
    """Later start, late and never-entering products/referrers, year series, another base year."""
    products = realised.entities("products")
    referrers = realised.entities("referrers")
    changes = {
        "time.samen_start_year": 2024,
        "time.transition_end_year": 2026,
        "time.structural_start_year": 2027,
        "time.price_base_year": 2023,
        "incidental.return_year": 2025,  # no spending from the return year on (§8)
        "incidental.spending_eur": {2022: 1_000_000, 2023: 2_000_000, 2024: 100_000},
        "routing.leakage": {2024: 0.25, 2027: 0.05},
        "routing.step_up_share": {2024: 0.0, 2030: 0.1},
        "plan.leakage": {2024: 0.2, 2026: 0.0},
        "demand.prevention_effect": {2025: 0.0, 2028: 0.1},
        "demand.inflow_per_1000": {2019: 50.0, 2030: 60.0},
        "capacity.max_fte_growth_per_year": {2024: 15.0, 2026: 40.0},
        "savings.budget_cut_share": {2027: 0.05, 2030: 0.2},
        "savings.specialist_referral_reduction": {2027: 0.0, 2029: 0.05},
        "extra_money.amount_eur": {2025: 500_000.0, 2028: 2_000_000.0},
        "extra_money.start_year": 2025,  # in the transition: the reëel budget's base year
        "extra_money.prevention_lag_years": 1,
        "extra_money.prevention_effect_per_million_eur": 0.03,
        "index.ova_assumed_pct": {2019: 2.0, 2030: 4.0},
        "index.expected_cost_development": {2024: 0.05, 2030: 0.02},
        "costs.other_youth_care_real_growth": {2019: 0.01, 2030: -0.01},
        "population.growth_after_data": {2025: 0.01, 2030: -0.005},
        f"products.{products[0]}.samen_entry_year": 2023,  # before the start
        f"products.{products[1]}.samen_entry_year": 2026,
        f"products.{products[2]}.samen_entry_year": 2025,
        f"products.{products[3]}.samen_entry_year": 2035,  # never within the horizon
        f"referrers.{referrers[0]}.samen_entry_year": 2020,
        f"referrers.{referrers[1]}.samen_entry_year": 2024,
        f"referrers.{referrers[2]}.samen_entry_year": 2027,
        f"referrers.{referrers[3]}.samen_entry_year": 2030,
    }
    scenario = realised.with_values(changes)
    values = {k: v for k, v in random_values(scenario, 32, seed=11).items()
              if k.startswith(("capacity.caseload", "costs.cost_per", "routing.samen_duration",
                               "routing.first_year", "products."))}
    result = sm.simulate(scenario, draws=32, values=values, sample=False)
    assert_engine_matches_reference(result.arrays, resolve_inputs(scenario, 32, values))
    deterministic = sm.simulate(scenario)
    assert_engine_matches_reference(deterministic.arrays, resolve_inputs(scenario))


def test_sampled_distributions_match_via_reference_simulate(realised) -> None:
    """The Monte Carlo path (seeded sampling) through both implementations."""
    scenario = sm.load_scenario(SCENARIOS / "uncertainty_2023.yaml").with_values({
        "capacity.max_fte_growth_per_year": Distribution("uniform", low=0.0, high=40.0),
        "demand.prevention_effect": Distribution("beta", alpha=2.0, beta=20.0),
    })
    result = sm.simulate(scenario, draws=48, seed=3)
    ref = reference_simulate(scenario, draws=48, seed=3)
    assert set(ref) == set(result.arrays)
    for name, want in ref.items():
        assert_allclose(result.arrays[name], want, rtol=RTOL, atol=ATOL, equal_nan=True,
                        err_msg=name)
    assert (result.arrays["capacity_overflow_cases"] > 1e-6).any()


def test_reference_simulate_single_and_values(realised) -> None:
    one = reference_simulate(realised)
    assert all(v.shape == (12, 1) for v in one.values())
    values = {"routing.leakage": np.array([0.0, 0.2, 0.4])}
    ref = reference_simulate(realised, values, draws=3)
    out = sm.simulate(realised, draws=3, values=values).arrays
    for name, want in ref.items():
        assert_allclose(out[name], want, rtol=RTOL, atol=ATOL, equal_nan=True, err_msg=name)
    with pytest.raises(ValueError, match="draws"):
        reference_simulate(realised, draws=0)


def test_blocks_and_threads_match(realised, monkeypatch) -> None:
    """Several draw blocks (a tiny CHUNK) with shared and per-draw inputs mixed."""
    monkeypatch.setattr(stream, "CHUNK", 5)
    values = {k: v for k, v in random_values(realised, 23, seed=5).items()
              if k.startswith(("routing.", "capacity.", "products.individual"))}
    result = sm.simulate(realised, draws=23, values=values, sample=False)
    inputs = resolve_inputs(realised, 23, values)
    assert_engine_matches_reference(result.arrays, inputs)
    keep = ("square_deviation_eur", "samen_clients_served", "fte_samen")
    kept = stream.run(inputs, keep)
    assert set(kept) == set(keep)
    for name in keep:
        assert_array_equal(kept[name], result.arrays[name], err_msg=name)


def test_draws_sharing_every_input_match(realised) -> None:
    """No input varies by draw: the engine computes one draw and repeats it."""
    result = sm.simulate(realised, draws=4, sample=False)
    assert_engine_matches_reference(result.arrays, resolve_inputs(realised, 4))
