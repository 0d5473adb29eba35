"""Extra money for prevention and expansion (the group ``extra_money``), checked by hand.

plan_2022 is the base: no leakage, full uptake, hiring for the plan (no overflow), cost per FTE
EUR 58,000 with 12% overhead (2021 prices), so one FTE costs EUR 64,960 a year and
EUR 1,299,200 with half for staff buys exactly 10 FTE. The money is counted beside the
closed square: net savings fall by the money paid, less what it saves.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis import key_figures as kf

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
FTE_COST = 58_000.0 * 1.12  # EUR per FTE-year with overhead, 2021 prices
TEN_FTE = 2 * 10 * FTE_COST  # EUR a year; half of it buys 10 FTE


def years_from(result: sm.Result, year: int) -> np.ndarray:
    return result.years >= year


def a(result: sm.Result, column: str) -> np.ndarray:
    return result.arrays[column][:, 0]


@pytest.fixture(scope="module")
def ten_fte(plan) -> sm.Result:
    return sm.simulate(plan.with_values({"extra_money.amount_eur": TEN_FTE}))


def test_no_extra_money_leaves_every_output_unchanged(realised, realised_run) -> None:
    """Amount 0: whatever the other extra-money settings, every column bit for bit the same."""
    other = realised.with_values({"extra_money.start_year": 2023,
                                  "extra_money.capacity_share": 0.3,
                                  "extra_money.prevention_effect_per_million_eur": 0.5,
                                  "extra_money.prevention_lag_years": 0})
    run = sm.simulate(other)
    assert set(run.arrays) == set(realised_run.arrays)
    for name, values in realised_run.arrays.items():
        np.testing.assert_array_equal(run.arrays[name], values, err_msg=name)
    for name in ("extra_money_eur", "extra_money_capacity_eur", "extra_fte_target",
                 "extra_prevention_effect"):
        assert not run.arrays[name].any()


def test_money_for_staff_raises_fte_by_amount_over_cost(plan_run, ten_fte) -> None:
    later = years_from(ten_fte, 2026)
    assert a(ten_fte, "extra_fte_target")[later] == pytest.approx(10.0, rel=1e-12)
    assert not a(ten_fte, "extra_fte_target")[~later].any()
    extra = a(ten_fte, "fte_samen") - a(plan_run, "fte_samen")
    assert extra[~later] == pytest.approx(0.0, abs=1e-9)
    assert extra[later] == pytest.approx(10.0, rel=1e-9)  # within the limit of 80 FTE a year
    # the average over 2026 counts half of them; the money is paid at 2026 prices
    level = a(ten_fte, "price_level")
    row = int(np.flatnonzero(ten_fte.years == 2026)[0])
    avg = a(ten_fte, "fte_samen_avg") - a(plan_run, "fte_samen_avg")
    assert avg[row] == pytest.approx(5.0, rel=1e-9)
    assert a(ten_fte, "extra_money_eur")[later] == pytest.approx(TEN_FTE * level[later])
    assert a(ten_fte, "extra_money_capacity_eur")[later] == pytest.approx(
        TEN_FTE / 2 * level[later])
    # the staff costs exactly the money for staff once all are in (2027 on)
    cost = a(ten_fte, "samen_cost_eur") - a(plan_run, "samen_cost_eur")
    assert cost[row] == pytest.approx(5 * FTE_COST * level[row])
    assert cost[row + 1:] == pytest.approx(10 * FTE_COST * level[row + 1:])


def test_the_hiring_limit_holds_with_extra_money(plan) -> None:
    """From 2026 WIJ can add 4 FTE a year: the extra money does not buy staff faster."""
    limited = plan.with_values({"capacity.max_fte_growth_per_year":
                                {2023: 80.0, 2025: 80.0, 2026: 4.0}})
    base = sm.simulate(limited)
    run = sm.simulate(limited.with_values({"extra_money.amount_eur": TEN_FTE}))
    later = years_from(run, 2026)
    growth = np.diff(a(run, "fte_samen"))[later[1:]]
    assert growth == pytest.approx([4.0] * 5, rel=1e-12)  # 2026-2030: the limit every year
    extra = (a(run, "fte_samen") - a(base, "fte_samen"))[later]
    assert (extra < 10.0 - 1e-6).all()  # fewer than the 10 FTE the money pays for
    # 2030: 4 FTE a year from the 2025 staff, against the base's own path
    fte_2025 = a(run, "fte_samen")[run.years == 2025][0]
    assert a(run, "fte_samen")[-1] == pytest.approx(fte_2025 + 5 * 4.0)


def test_money_for_prevention_lowers_inflow_after_its_lag(plan, plan_run) -> None:
    """EUR 1 mln a year from 2026, a quarter for staff: 0.75 mln for prevention at 4% less
    inflow per mln is 3% less inflow, from 2028 (lag 2)."""
    run = sm.simulate(plan.with_values({
        "extra_money.amount_eur": 1e6, "extra_money.capacity_share": 0.25,
        "extra_money.prevention_effect_per_million_eur": 0.04}))
    effect = a(run, "extra_prevention_effect")
    assert effect[years_from(run, 2028)] == pytest.approx(0.03, rel=1e-12)
    assert not effect[~years_from(run, 2028)].any()
    ratio = a(run, "new_cases") / a(plan_run, "new_cases")
    assert ratio[years_from(run, 2028)] == pytest.approx(0.97, rel=1e-12)
    assert ratio[~years_from(run, 2028)] == pytest.approx(1.0, rel=1e-15)
    # the counterfactual (no SAMEN.) does not get the prevention
    np.testing.assert_array_equal(a(run, "new_cases_counterfactual"),
                                  a(plan_run, "new_cases_counterfactual"))
    assert a(run, "extra_fte_target")[years_from(run, 2026)] == pytest.approx(
        250_000.0 / FTE_COST)
    no_lag = sm.simulate(run.scenario.with_values({"extra_money.prevention_lag_years": 0}))
    assert a(no_lag, "extra_prevention_effect")[years_from(run, 2026)] == pytest.approx(0.03)


def test_the_money_is_counted_beside_the_square(plan, plan_run) -> None:
    """All for prevention with no effect: the square is untouched and net savings fall by
    exactly the money paid (EUR 1 mln at each year's price level)."""
    run = sm.simulate(plan.with_values({
        "extra_money.amount_eur": 1e6, "extra_money.capacity_share": 0.0}))
    paid = 1e6 * a(run, "price_level") * years_from(run, 2026)
    np.testing.assert_array_equal(a(run, "square_deviation_eur"),
                                  a(plan_run, "square_deviation_eur"))
    assert a(run, "extra_money_eur") == pytest.approx(paid)
    assert a(run, "net_savings_eur") - a(plan_run, "net_savings_eur") == pytest.approx(
        -paid, abs=1e-6)
    first, last = kf.Windows.of(run).structural
    assert kf.central(run)["extra_money_structural_eur"] == pytest.approx(
        paid[(run.years >= first) & (run.years <= last)].sum())


def test_money_for_staff_is_wij_income_in_the_budget_rule(plan, plan_run, ten_fte) -> None:
    """reëel, kept (plan_2022): WIJ keeps what the staff money did not pay in 2026 (half a
    year of 10 FTE) and nets it to 0 later; the square is as without the money, so net savings
    fall by the money paid. Under settlement what the staff money did not pay returns: net
    savings fall by the prevention half and the extra staff's cost."""
    later = years_from(ten_fte, 2026)
    level = a(ten_fte, "price_level")
    row = int(np.flatnonzero(ten_fte.years == 2026)[0])
    wij = a(ten_fte, "wij_result_eur") - a(plan_run, "wij_result_eur")
    assert wij[row] == pytest.approx(5 * FTE_COST * level[row])
    assert wij[row + 1:] == pytest.approx(0.0, abs=1e-6)
    assert a(ten_fte, "square_deviation_eur") == pytest.approx(
        a(plan_run, "square_deviation_eur"), abs=1e-6)
    net = a(ten_fte, "net_savings_eur") - a(plan_run, "net_savings_eur")
    assert net == pytest.approx(-a(ten_fte, "extra_money_eur"), abs=1e-6)
    assert net[later] == pytest.approx(-TEN_FTE * level[later])

    settled = plan.with_values({"budget.structural_regime": "settlement"})
    base, run = sm.simulate(settled), sm.simulate(
        settled.with_values({"extra_money.amount_eur": TEN_FTE}))
    net = a(run, "net_savings_eur") - a(base, "net_savings_eur")
    staff_cost = a(run, "samen_cost_eur") - a(base, "samen_cost_eur")
    prevention = a(run, "extra_money_eur") - a(run, "extra_money_capacity_eur")  # the other half
    assert net == pytest.approx(-prevention - staff_cost, abs=1e-6)
    assert net[row] == pytest.approx(-(TEN_FTE / 2 + 5 * FTE_COST) * level[row])
    assert not a(run, "wij_result_eur")[later].any()


def test_the_extra_prevention_what_if(realised_run) -> None:
    """EUR 1 mln a year from 2026 (2021 prices), half for staff: 7.70 FTE more on 31 December
    2026 (EUR 500,000 / EUR 64,960) and net savings lower by about the money paid."""
    run = sm.simulate(sm.load_scenario(SCENARIOS / "extra_prevention.yaml"))
    row = int(np.flatnonzero(run.years == 2026)[0])
    extra_fte = a(run, "fte_samen") - a(realised_run, "fte_samen")
    assert extra_fte[row] == pytest.approx(500_000.0 / FTE_COST)
    assert a(run, "extra_prevention_effect")[years_from(run, 2028)] == pytest.approx(0.01)
    paid = run.total_over("extra_money_eur", 2026, 2030)[0]
    assert paid == pytest.approx(1e6 * a(run, "price_level")[row:row + 5].sum())
    lower = (realised_run.total_over("net_savings_eur", 2026, 2030)[0]
             - run.total_over("net_savings_eur", 2026, 2030)[0])
    assert 0.95 * paid < lower < paid  # prevention gives a little back to the municipality


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"extra_money.amount_eur": 1e6, "extra_money.start_year": 2022},
     "parameters.extra_money.start_year.value", "not before samen_start_year 2023"),
    ({"extra_money.prevention_lag_years": 1.5},
     "parameters.extra_money.prevention_lag_years.value", "whole number"),
    ({"extra_money.amount_eur": 1e6, "extra_money.start_year": 2040},
     "parameters.extra_money.start_year.value", "inside the horizon"),
])
def test_bad_extra_money_is_refused(plan, changes, field, words) -> None:
    with pytest.raises(sm.ScenarioError) as info:
        plan.with_values(changes)
    assert info.value.field == field and words in info.value.expected


def test_without_money_the_start_year_is_not_read(plan, plan_run) -> None:
    """A horizon that ends before the (unused) start year still loads and runs unchanged."""
    short = plan.with_values({"time.last_year": 2027, "extra_money.start_year": 2029})
    run = sm.simulate(short)
    np.testing.assert_array_equal(a(run, "net_savings_eur"), a(plan_run, "net_savings_eur")[:9])
