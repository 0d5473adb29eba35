"""Invariants of the model on seeded random parameter sets (one vectorised call per set).

* clients are conserved: routing (in scope = leakage + overflow + new SAMEN. clients) and the
  stocks (opening + arrivals - exits = closing, per product, in the reference's stock ledger);
* the accounting identities of the closed square, the budget rule and the settlement;
* capacity and hiring: SAMEN. never holds more client-years than its staff can carry;
* SAMEN. never starting gives no deviation, no SAMEN. budget and no SAMEN. cost;
* the paired counterfactual does not depend on any SAMEN.-only parameter;
* a draw's result does not depend on the other draws in the same run.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from engine_reference import STOCK_NAMES, reference_ledger
from numpy.testing import assert_allclose, assert_array_equal

import samen_model as sm
from samen_model.model.from_scenario import resolve_inputs

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
N_DRAWS = 80
RTOL, ATOL = 1e-9, 1e-6  # EUR and persons
COUNTERFACTUAL = ("counterfactual_total_eur", "counterfactual_open_house_scope_cost_eur",
                  "counterfactual_other_youth_care_cost_eur", "new_cases_counterfactual")

#: Parameters that only act on SAMEN. (the counterfactual must not move with them).
SAMEN_ONLY: dict[str, tuple[float, float]] = {
    "routing.leakage": (0.0, 0.5),
    "routing.first_year_uptake": (0.2, 1.0),
    "routing.samen_duration_factor": (0.5, 2.0),
    "routing.step_up_share": (0.0, 0.25),
    "routing.step_up_cost_eur_per_case": (0.0, 40_000.0),
    "plan.leakage": (0.0, 0.5),
    "plan.first_year_uptake": (0.3, 1.0),
    "capacity.caseload_per_fte": (3.0, 15.0),
    "capacity.fte_at_start": (0.0, 120.0),
    "capacity.max_fte_growth_per_year": (0.0, 60.0),
    "costs.cost_per_fte_eur": (30_000.0, 100_000.0),
    "costs.overhead_share": (0.0, 0.4),
    "demand.prevention_effect": (0.0, 0.2),
    "index.expected_cost_development": (-0.1, 0.15),
    "savings.budget_cut_share": (0.0, 0.4),
    "savings.specialist_referral_reduction": (0.0, 0.15),
}
#: Parameters that also move the counterfactual.
SHARED: dict[str, tuple[float, float]] = {
    "demand.inflow_per_1000": (30.0, 75.0),
    "demand.inflow_trend": (-0.03, 0.03),
    "population.growth_after_data": (-0.01, 0.02),
    "index.ova_assumed_pct": (-1.0, 8.0),
    "costs.other_youth_care_eur": (30e6, 60e6),
    "costs.other_youth_care_real_growth": (-0.02, 0.04),
}


def random_values(scenario: sm.Scenario, n: int, seed: int, *, samen_only: bool = False
                  ) -> dict[str, np.ndarray]:
    """Seeded per-draw values; with ``samen_only`` just the SAMEN.-only parameters."""
    rng = np.random.default_rng(seed)
    ranges = SAMEN_ONLY if samen_only else {**SAMEN_ONLY, **SHARED}
    values = {path: rng.uniform(lo, hi, n) for path, (lo, hi) in ranges.items()}
    values["capacity.max_fte_growth_per_year"][: n // 3] *= 0.1  # low caps: overflow
    if not samen_only:
        for product in scenario.entities("products"):
            values[f"products.{product}.mean_duration_years"] = rng.uniform(0.2, 2.0, n)
            values[f"products.{product}.price_eur_per_client_year"] = rng.uniform(5e3, 2e4, n)
    return values


def close(actual, desired, rtol: float = RTOL, atol: float = ATOL, msg: str = "") -> None:
    assert_allclose(actual, desired, rtol=rtol, atol=atol, equal_nan=True, err_msg=msg)


# ----------------------------------------------------------------------------- fixtures


VARIANTS = {  # name -> changes to realised_2023
    "realised": {},
    "settlement": {"budget.structural_regime": "settlement"},
    "t2_rule": {"budget.structural_regime": "t2_rule"},
    "late_start": {"time.samen_start_year": 2025, "time.transition_end_year": 2026,
                   "time.structural_start_year": 2027, "incidental.return_year": 2026},
    "waiting_list": {"capacity.shortfall": "waiting_list",
                     "capacity.vacancy_rate": {2023: 0.0, 2025: 0.15},
                     "budget.lapsing_cost_ceiling": "final_budget"},
}
SEEDS = {"realised": 1, "settlement": 2, "late_start": 3, "waiting_list": 4, "t2_rule": 5}


@pytest.fixture(scope="module", params=sorted(VARIANTS))
def run(request, realised):
    """(scenario, values, result) for N_DRAWS random draws of one scenario variant."""
    scenario = realised.with_values(VARIANTS[request.param])
    values = random_values(scenario, N_DRAWS, seed=SEEDS[request.param])
    return scenario, values, sm.simulate(scenario, draws=N_DRAWS, values=values, sample=False)


def masks(scenario: sm.Scenario, years: np.ndarray) -> dict[str, np.ndarray]:
    v = scenario.value
    samen = years >= v("time.samen_start_year")
    structural = samen & (years >= v("time.structural_start_year"))
    regime = v("budget.structural_regime")
    after = samen & (years > v("time.transition_end_year"))
    settles = samen & ((years <= v("time.transition_end_year"))
                       | (regime == "settlement")
                       | (regime == "reeel" and v("budget.reeel_wij_result") == "settled"))
    return {"samen": samen, "structural": structural, "settles": settles,
            "lump_sum": samen & ~settles, "before": ~samen,
            "reeel": after if regime == "reeel" else np.zeros_like(samen)}


# ----------------------------------------------------------------------------- clients


def test_routing_conserves_clients(run) -> None:
    """in_scope_new_cases == leakage_cases + capacity_overflow_cases + new SAMEN. clients from
    the year's demand + joined the waiting list; the list carries the rest over the years."""
    scenario, _, result = run
    a = result.arrays
    from_demand = a["samen_new_clients"] - a["waiting_list_admitted_cases"]
    close(a["leakage_cases"] + a["capacity_overflow_cases"] + from_demand
          + a["waiting_list_joined_cases"], a["in_scope_new_cases"], atol=1e-9)
    opening = np.vstack([np.zeros((1, N_DRAWS)), a["waiting_list_cases"][:-1]])
    close(opening - a["waiting_list_dropout_cases"] - a["waiting_list_specialist_cases"]
          - a["waiting_list_admitted_cases"] + a["waiting_list_joined_cases"],
          a["waiting_list_cases"], atol=1e-9)
    for name in ("in_scope_new_cases", "leakage_cases", "capacity_overflow_cases",
                 "samen_new_clients", "samen_clients_served", "samen_client_years",
                 "open_house_scope_client_years", "new_cases", "waiting_list_cases",
                 "waiting_list_joined_cases", "waiting_time_months"):
        assert (a[name] >= -1e-9).all(), name
    assert (a["in_scope_new_cases"] <= a["new_cases"] * (1 + 1e-12)).all()
    assert (a["new_cases"] <= a["new_cases_counterfactual"] * (1 + 1e-12)).all()
    short = "waiting_list_joined_cases" if scenario.value("capacity.shortfall") == \
        "waiting_list" else "capacity_overflow_cases"
    assert (a[short] > 1e-6).any()


def test_stock_ledger_conserves_clients_and_matches_the_engine(run) -> None:
    """Per product and year: opening + arrivals - exits == closing; opening == last closing.

    The exits are the client-years over the duration (an independent formula), so the identity
    checks the run-off coefficients. The engine's columns are then tied to the ledger:
    samen_clients_served[t] == SAMEN. closing stock[t-1] + samen_new_clients[t], and every new
    case goes to SAMEN. or to open house.
    """
    scenario, values, result = run
    inputs = resolve_inputs(scenario, N_DRAWS, values)
    a = result.arrays
    start = scenario.value("time.samen_start_year")
    for draw in range(0, N_DRAWS, 5):
        ledger = reference_ledger(inputs, draw)
        assert set(ledger) == set(STOCK_NAMES)
        for name, years in ledger.items():
            for t, products in enumerate(years):
                for p, s in enumerate(products):
                    scale = s.opening + s.arrivals
                    assert s.opening + s.arrivals - s.exits == pytest.approx(
                        s.closing, rel=1e-12, abs=1e-12 * scale), (name, t, p)
                    assert s.closing >= 0.0 and s.exits >= 0.0
                    if t > 0:
                        assert s.opening == years[t - 1][p].closing
        samen, oh, eq, cf = (ledger[k] for k in ("samen", "open_house", "comparable",
                                                 "counterfactual"))
        assert all(s.opening == 0.0 for s in samen[0])
        closing_prev = [0.0] + [sum(s.closing for s in samen[t])
                                for t in range(len(samen) - 1)]
        close(a["samen_clients_served"][:, draw],
              np.array(closing_prev) + a["samen_new_clients"][:, draw], msg="served")
        close(a["samen_new_clients"][:, draw], [sum(s.arrivals for s in y) for y in samen])
        close(a["samen_client_years"][:, draw], [sum(s.client_years for s in y) for y in samen])
        close(a["open_house_scope_client_years"][:, draw],
              [sum(s.client_years for s in y) for y in oh])
        close(a["new_cases"][:, draw], [sum(s.arrivals for s in y) for y in eq])
        close(a["new_cases_counterfactual"][:, draw], [sum(s.arrivals for s in y) for y in cf])
        waiting = ledger["waiting_list"]
        for t in range(len(samen)):  # every new case goes to SAMEN., the list or open house
            for p in range(len(samen[t])):
                assert samen[t][p].arrivals + waiting[t][p].arrivals + oh[t][p].arrivals \
                    == pytest.approx(eq[t][p].arrivals + _admitted(a, waiting, t, p, draw),
                                     rel=1e-12, abs=1e-9)
        # the open-house opening stock is in steady state for the first year's inflow
        for s in oh[0]:
            assert s.closing == pytest.approx(s.opening, rel=1e-12)
        # before SAMEN. the actual open house is the counterfactual
        for t, year in enumerate(result.years):
            if year < start:
                for p in range(len(oh[t])):
                    assert oh[t][p].closing == pytest.approx(cf[t][p].closing, rel=1e-12)


def _admitted(a: dict, waiting: list, t: int, p: int, draw: int) -> float:
    """Young people of product ``p`` taken on from the waiting list in year ``t``. Drop-outs,
    specialist care and admission take the same fraction of every product's list, so the
    product's share of the list's exits is its share of those admitted."""
    exits = sum(w.exits for w in waiting[t])
    if exits == 0:
        return 0.0
    admitted = a["waiting_list_admitted_cases"][t, draw]
    return admitted * waiting[t][p].exits / exits


def test_one_population_with_equal_durations(realised) -> None:
    """With SAMEN. durations equal to open-house ones, SAMEN. + open house == comparable."""
    values = random_values(realised, 20, seed=99)
    values["routing.samen_duration_factor"] = np.ones(20)
    inputs = resolve_inputs(realised, 20, values)
    a = sm.simulate(realised, draws=20, values=values, sample=False).arrays
    for draw in range(20):
        ledger = reference_ledger(inputs, draw)
        comparable = [sum(s.client_years for s in y) for y in ledger["comparable"]]
        close(a["samen_client_years"][:, draw] + a["open_house_scope_client_years"][:, draw],
              comparable, rtol=1e-9)


# ----------------------------------------------------------------------------- capacity


def test_capacity_and_hiring(run) -> None:
    scenario, values, result = run
    a, m = result.arrays, masks(scenario, result.years)
    samen = m["samen"]
    growth = values["capacity.max_fte_growth_per_year"]
    fte, avg = a["fte_samen"], a["fte_samen_avg"]
    start_row = int(np.argmax(samen))
    close(fte[start_row - 1], values["capacity.fte_at_start"], msg="FTE on 1 January")
    close(avg[samen], 0.5 * (fte[np.roll(samen, -1)] + fte[samen]), msg="average FTE")
    assert (np.diff(fte, axis=0)[samen[1:]] <= growth + 1e-9).all()  # hiring cap
    assert (avg[~samen] == 0.0).all() and (a["samen_capacity_client_years"][~samen] == 0).all()
    close(a["samen_capacity_client_years"], avg * values["capacity.caseload_per_fte"]
          * scenario.params["capacity.realised_caseload_ratio"].value)
    new, cy, cap = a["samen_new_clients"], a["samen_client_years"], a["samen_capacity_client_years"]
    admitted = new > 1e-9
    assert (cy[admitted] <= cap[admitted] * (1 + 1e-9) + 1e-9).all()
    short = a["capacity_overflow_cases"] + a["waiting_list_joined_cases"]
    full = admitted & (short > 1e-6)
    assert full.any()
    close(cy[full], cap[full], msg="full capacity")
    # a list is admitted before anyone new: nobody new joins while room is left
    joined, left = a["waiting_list_joined_cases"], cap - cy
    assert (left[joined > 1e-6] <= 1e-6 * cap[joined > 1e-6] + 1e-6).all()
    close(a["samen_cost_eur"], avg * values["costs.cost_per_fte_eur"] * a["price_level"]
          * (1 + values["costs.overhead_share"]))


# ----------------------------------------------------------------------------- money


def test_closed_square_identities(run) -> None:
    scenario, _, result = run
    a, m = result.arrays, masks(scenario, result.years)
    close(a["total_youth_care_eur"], a["open_house_scope_cost_eur"]
          + a["other_youth_care_cost_eur"] + a["samen_cost_to_municipality_eur"])
    close(a["counterfactual_total_eur"], a["counterfactual_open_house_scope_cost_eur"]
          + a["counterfactual_other_youth_care_cost_eur"])
    close(a["square_deviation_eur"], a["total_youth_care_eur"] - a["counterfactual_total_eur"])
    close(a["other_youth_care_cost_eur"], a["counterfactual_other_youth_care_cost_eur"]
          + a["step_up_cost_eur"] + a["waiting_list_cost_eur"] - a["specialist_reduction_eur"])
    close(a["net_savings_eur"], -a["square_deviation_eur"] - a["incidental_budget_eur"]
          + a["incidental_returned_eur"])
    close(a["cumulative_net_savings_eur"], np.cumsum(a["net_savings_eur"], axis=0))
    # before SAMEN. the actual world is the counterfactual, to the cent and beyond
    assert (a["square_deviation_eur"][m["before"]] == 0.0).all()
    assert (a["specialist_reduction_eur"][~m["structural"]] == 0.0).all()
    # the incidental budget: every euro paid is spent, carried or returned
    paid = np.cumsum(a["incidental_budget_eur"], axis=0)
    close(paid, np.cumsum(a["incidental_spent_eur"] + a["incidental_returned_eur"], axis=0)
          + a["incidental_carry_forward_eur"])


def test_budget_rule_and_settlement_identities(run) -> None:
    scenario, values, result = run
    a, m = result.arrays, masks(scenario, result.years)
    ict, housing = scenario.value("budget.ict_share"), scenario.value("budget.housing_share")
    assert (ict, housing) == (0.049, 0.060)
    final = a["budget_final_eur"]
    before_cut = a["budget_before_cut_eur"]
    close(final, before_cut - a["budget_cut_eur"] - a["budget_ceiling_cut_eur"])
    close(a["budget_above_lapsing_cost_eur"], before_cut - a["budget_cut_eur"]
          - a["lapsing_open_house_cost_eur"])
    close(a["lapsing_open_house_cost_eur"][m["samen"]],
          (a["comparable_cost_eur"] - a["open_house_scope_cost_eur"])[m["samen"]])
    # the t-2 rule in the transition and under t2_rule and settlement; the reëel budget after
    reeel, t2 = m["reeel"], m["samen"] & ~m["reeel"]
    close(before_cut[t2], a["budget_recheck_eur"][t2])
    rows = np.flatnonzero(reeel)
    if len(rows):
        b = rows[0] - 1  # the last transition year, at its year-end staff
        run_rate = a["samen_cost_eur"][b] * a["fte_samen"][b] / a["fte_samen_avg"][b]
        close(before_cut[rows[0]], run_rate / (1 - 0.049 - 0.060)
              * (1 + a["budget_index"][rows[0]] / 100) * a["volume_factor"][rows[0]])
        close(before_cut[rows[1:]], before_cut[rows[:-1]]
              * (1 + a["budget_index"][rows[1:]] / 100) * a["volume_factor"][rows[1:]])
    capped = m["samen"] if scenario.value("budget.lapsing_cost_ceiling") == "final_budget" \
        else reeel
    if capped.any():  # the 'reëel' ceiling on the final budget
        assert (final[capped] <= a["lapsing_open_house_cost_eur"][capped]
                * (1 + 1e-12) + 1e-6).all()
        close(a["budget_ceiling_cut_eur"][capped],
              np.maximum(a["budget_above_lapsing_cost_eur"], 0)[capped])
    assert (a["budget_ceiling_cut_eur"][~capped] == 0).all()
    close(a["execution_budget_eur"], final - a["ict_housing_transfer_eur"])
    close(a["ict_housing_transfer_eur"], final * (0.049 + 0.060))
    cut_share = values["savings.budget_cut_share"]
    close(a["budget_cut_eur"], np.where(m["structural"][:, None], before_cut * cut_share, 0.0))
    # the 1 October estimate and the 1 March recheck (column dictionary)
    cc = a["comparable_cost_eur"]
    s = m["samen"]
    rows = np.flatnonzero(s)
    close(a["budget_estimate_eur"][rows],
          cc[rows - 2] * (1 + values["index.expected_cost_development"]))
    close(a["budget_recheck_eur"][rows],
          a["budget_provisional_eur"][rows] * cc[rows - 1] / a["budget_estimate_eur"][rows])
    pop = a["population_0_17"]
    close(a["volume_factor"][rows], pop[rows - 2] / pop[rows - 3])
    close(a["budget_provisional_eur"][rows],
          a["budget_estimate_eur"][rows] * a["volume_factor"][rows]
          * (1 + a["budget_index"][rows] / 100) * a["planned_samen_share"][rows])
    # settlement in the transition (or by switch), a lump sum otherwise
    st, lump = m["settles"], m["lump_sum"]
    close(a["settlement_eur"][st], a["execution_budget_eur"][st] - a["samen_cost_eur"][st])
    close(a["samen_cost_to_municipality_eur"][st],
          a["samen_cost_eur"][st] + a["ict_housing_transfer_eur"][st])
    assert (a["wij_result_eur"][st] == 0.0).all()
    assert (a["settlement_eur"][lump] == 0.0).all()
    close(a["samen_cost_to_municipality_eur"][lump], final[lump])
    close(a["wij_result_eur"][lump], a["execution_budget_eur"][lump] - a["samen_cost_eur"][lump])
    # nothing before SAMEN.
    before = m["before"]
    for name in ("budget_estimate_eur", "budget_provisional_eur", "budget_recheck_eur",
                 "budget_cut_eur", "budget_final_eur", "ict_housing_transfer_eur",
                 "execution_budget_eur", "samen_cost_eur", "settlement_eur",
                 "samen_cost_to_municipality_eur", "wij_result_eur", "samen_new_clients"):
        assert (a[name][before] == 0.0).all(), name
    assert np.isnan(a["expected_cost_development"][before]).all()
    assert np.isnan(a["volume_factor"][before]).all()
    assert not np.isnan(a["budget_final_eur"]).any()


# ----------------------------------------------------------------------------- SAMEN. off


def test_samen_never_starting_changes_nothing(realised) -> None:
    """SAMEN. starting after the horizon: no deviation, no SAMEN. budget, no SAMEN. cost."""
    last = realised.value("time.last_year")
    scenario = realised.with_values({"time.samen_start_year": last + 1})
    values = random_values(scenario, 40, seed=4)
    result = sm.simulate(scenario, draws=40, values=values, sample=False)
    a = result.arrays
    assert (a["square_deviation_eur"] == 0.0).all()
    assert (a["budget_final_eur"] == 0.0).all()
    assert (a["samen_cost_eur"] == 0.0).all()
    for name in ("samen_new_clients", "samen_clients_served", "fte_samen_avg",
                 "execution_budget_eur", "settlement_eur", "samen_cost_to_municipality_eur",
                 "wij_result_eur", "step_up_cost_eur", "specialist_reduction_eur"):
        assert (a[name] == 0.0).all(), name
    assert_array_equal(a["total_youth_care_eur"], a["counterfactual_total_eur"])
    close(a["net_savings_eur"], -a["incidental_budget_eur"] + a["incidental_returned_eur"])


# ----------------------------------------------------------------------------- counterfactual


def _counterfactual_variants(scenario: sm.Scenario) -> dict[str, dict]:
    products, referrers = scenario.entities("products"), scenario.entities("referrers")
    entries = {f"products.{p}.samen_entry_year": 2023 + 2 * i for i, p in enumerate(products)}
    entries |= {f"referrers.{r}.samen_entry_year": 2026 - i for i, r in enumerate(referrers)}
    variants = {
        "leakage_and_uptake": {"routing.leakage": 0.45, "routing.first_year_uptake": 0.3},
        "leakage_series": {"routing.leakage": {2023: 0.4, 2027: 0.0}},
        "plan": {"plan.leakage": 0.35, "plan.first_year_uptake": 0.4},
        "capacity": {"capacity.caseload_per_fte": 3.0, "capacity.fte_at_start": 0.0,
                     "capacity.max_fte_growth_per_year": 4.0},
        "staff_cost": {"costs.cost_per_fte_eur": 95_000.0, "costs.overhead_share": 0.4},
        "savings": {"savings.budget_cut_share": 0.3,
                    "savings.specialist_referral_reduction": 0.12},
        "step_ups": {"routing.step_up_share": 0.25, "routing.step_up_cost_eur_per_case": 4e4},
        "duration": {"routing.samen_duration_factor": 1.9},
        "prevention": {"demand.prevention_effect": 0.2},
        "entry_years": entries,
        "settlement": {"budget.structural_regime": "settlement", "budget.ict_share": 0.2},
        "timing": {"time.samen_start_year": 2024, "time.transition_end_year": 2027,
                   "time.structural_start_year": 2028},
        "never": {"time.samen_start_year": 2031},
        "expected_development": {"index.expected_cost_development": 0.12},
    }
    variants["everything"] = {k: v for d in variants.values() for k, v in d.items()
                              if not k.startswith("time.")}
    return variants


def test_counterfactual_ignores_samen_parameters(realised) -> None:
    base = sm.simulate(realised).arrays
    for label, changes in _counterfactual_variants(realised).items():
        other = sm.simulate(realised.with_values(changes)).arrays
        moved = [k for k in ("square_deviation_eur", "budget_provisional_eur")
                 if not np.array_equal(other[k], base[k])]
        assert moved, f"{label}: the change did not reach the model"
        for name in COUNTERFACTUAL:
            assert_array_equal(other[name], base[name], err_msg=f"{label}: {name}")


def test_counterfactual_ignores_samen_parameters_per_draw(realised) -> None:
    """The same, with 60 draws of every SAMEN.-only parameter in one vectorised call."""
    base = sm.simulate(realised).arrays
    values = random_values(realised, 60, seed=2024, samen_only=True)
    a = sm.simulate(realised, draws=60, values=values, sample=False).arrays
    assert np.ptp(a["square_deviation_eur"][-1]) > 0  # the draws do differ
    for name in COUNTERFACTUAL:
        assert_array_equal(a[name], np.repeat(base[name], 60, axis=1), err_msg=name)


def test_expected_cost_development_cancels_in_the_recheck(realised) -> None:
    """The 1 March recheck rescales by CC[t-1] / estimate, so the expected development only
    moves the 1 October figures (estimate, provisional), never the final budget or the square.
    """
    base = sm.simulate(realised).arrays
    values = {"index.expected_cost_development": np.linspace(-0.1, 0.15, 6)}
    a = sm.simulate(realised, draws=6, values=values, sample=False).arrays
    assert np.ptp(a["budget_provisional_eur"][-1]) > 0
    for name in ("budget_recheck_eur", "budget_final_eur", "square_deviation_eur",
                 "net_savings_eur"):
        close(a[name], np.repeat(base[name], 6, axis=1), msg=name)


# ----------------------------------------------------------------------------- draws


def test_a_draw_does_not_depend_on_the_other_draws(realised) -> None:
    """Draw k of a joint run equals a run of that draw alone (same code path or not)."""
    values = random_values(realised, 12, seed=8)
    values["demand.prevention_effect"][::2] = 0.0  # mixes the with/without-prevention paths
    joint = sm.simulate(realised, draws=12, values=values, sample=False).arrays
    for k in range(12):
        alone = sm.simulate(realised, draws=1, values={p: v[k:k + 1] for p, v in values.items()},
                            sample=False).arrays
        for name, arr in alone.items():
            close(joint[name][:, k], arr[:, 0], rtol=1e-12, atol=1e-9, msg=f"draw {k}: {name}")
