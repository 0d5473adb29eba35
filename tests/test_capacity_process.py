"""Capacity as a managed process: hiring a year behind the demand, attrition, learning, the list.

Small variants of ``realised_2023`` (8 clients per FTE, hiring up to 80 FTE a year, 10% of
staff leaving a year, a plan that learns leakage and capacity), checked by hand:

* the hiring plan for year t expects the cases WIJ saw in t-1 grown with the population, so
  a jump in demand in 2027 reaches the FTE target of 2028 (one year's lag), and the shortfall
  it causes shrinks as hiring catches up, faster or slower by the labour-market limit;
* staff above the target leave at the attrition rate, not at once;
* the plan hires with the clients an FTE carried the year before, and the budget's planned
  share counts the part of SAMEN.'s demand taken on the year before;
* the waiting time follows the list's flow within the year (Little's law).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import samen_model as sm
from samen_model.model import kernel
from samen_model.model.from_scenario import resolve_inputs

JUMP = {"demand.inflow_per_1000": {2026: 52.0, 2027: 62.4}}  # +20% from 2027 on
DROP = {"demand.inflow_per_1000": {2026: 52.0, 2027: 36.4}}  # -30% from 2027 on


def col(result: sm.Result, name: str) -> dict[int, float]:
    return dict(zip(result.years.tolist(), result.arrays[name][:, 0].tolist(), strict=True))


@pytest.fixture(scope="module")
def base(realised):
    return sm.simulate(realised)


def test_a_demand_jump_gives_a_shortfall_that_hiring_closes_within_the_lag(realised, base):
    jump = sm.simulate(realised.with_values(JUMP))
    overflow, fte = col(jump, "capacity_overflow_cases"), col(jump, "fte_samen")
    # 2027: the plan (made on 2026's cases) hires as if nothing happened
    assert fte[2027] == pytest.approx(col(base, "fte_samen")[2027], rel=1e-12)
    assert overflow[2026] == 0.0 and overflow[2027] > 50
    # 2028: the plan has seen 2027, WIJ hires up to it within the year (well under 80 FTE)
    assert 0.0 <= overflow[2028] < overflow[2027]
    assert all(overflow[y] == 0.0 for y in (2029, 2030))
    # at the end the staff are about 20% more: the demand grew 20%
    assert fte[2030] == pytest.approx(1.2 * col(base, "fte_samen")[2030], rel=0.01)


def test_a_tight_labour_market_makes_the_shortfall_last_longer(realised):
    capped = sm.simulate(realised.with_values(
        {**JUMP, "capacity.max_fte_growth_per_year": {2026: 80.0, 2027: 5.0}}))
    overflow, fte = col(capped, "capacity_overflow_cases"), col(capped, "fte_samen")
    assert fte[2028] == pytest.approx(fte[2027] + 5.0)  # 5 FTE more a year, no more
    assert fte[2029] == pytest.approx(fte[2028] + 5.0)
    assert overflow[2027] > 0 and overflow[2028] > 0
    assert overflow[2028] > overflow[2029] > overflow[2030]  # shrinking as staff grow


def test_staff_fall_no_faster_than_attrition(realised):
    drop = sm.simulate(realised.with_values(DROP))
    fte = col(drop, "fte_samen")
    # the plan sees the drop in 2028 and wants about 30% fewer staff; 10% leave a year
    assert fte[2028] == pytest.approx(0.9 * fte[2027], rel=1e-12)
    assert fte[2029] == pytest.approx(0.9 * fte[2028], rel=1e-12)
    assert all(fte[y] >= 0.9 * fte[y - 1] * (1 - 1e-12) for y in range(2024, 2031))
    faster = col(sm.simulate(realised.with_values(
        {**DROP, "capacity.staff_attrition_rate": 0.2})), "fte_samen")
    assert faster[2028] == pytest.approx(0.8 * faster[2027], rel=1e-12)


def test_fte_path_step_by_hand():
    # up: 10 FTE on 1 January, target 30, 5% vacant: 28.5 wanted, at most 10 + 12 = 22
    assert kernel.fte_path_step(10.0, 30.0, 12.0, 0.05, 0.1) == pytest.approx(22.0)
    # down: 100 FTE, target 60: 15% leave, 85 stay; target 90: 90 (no one more leaves)
    assert kernel.fte_path_step(100.0, 60.0, 12.0, 0.0, 0.15) == pytest.approx(85.0)
    assert kernel.fte_path_step(100.0, 90.0, 12.0, 0.0, 0.15) == pytest.approx(90.0)


def test_the_plan_learns_the_realised_capacity(realised, base):
    scenario = realised.with_values({"capacity.realised_caseload_ratio": 0.9,
                                     "capacity.vacancy_rate": 0.05})
    inputs = resolve_inputs(scenario)
    plan = dict(zip(inputs.years.tolist(), inputs.plan_caseload[:, 0].tolist(), strict=True))
    assert plan[2023] == 8.0  # the start: the planned caseload
    assert plan[2024] == pytest.approx(8.0 * 0.9 * 0.95)  # 6.84 clients per FTE asked for
    stale = resolve_inputs(scenario.with_values({"plan.capacity_follows_realised": False}))
    assert (stale.plan_caseload == 8.0).all()
    # the budget's planned share counts what SAMEN. could take on the year before: hiring
    # limited to 20 FTE in 2024 leaves staff short on 1 January 2025, demand goes to open
    # house in 2025, and the 2026 share is lower, by at most the share of 2025's demand not
    # taken on (the plan's clients of earlier years stay)
    stop = sm.simulate(realised.with_values({"capacity.max_fte_growth_per_year": {
        2023: 80.0, 2024: 20.0, 2025: 80.0}}))
    over = col(stop, "capacity_overflow_cases")[2025]
    demand = (col(stop, "in_scope_new_cases")[2025] - col(stop, "leakage_cases")[2025])
    taken_on = 1.0 - over / demand
    share, before = col(stop, "planned_samen_share"), col(base, "planned_samen_share")
    assert over > 50 and share[2025] == pytest.approx(before[2025])
    assert before[2026] * taken_on < share[2026] < before[2026]
    not_learning = sm.simulate(realised.with_values({
        "plan.capacity_follows_realised": False,
        "capacity.max_fte_growth_per_year": {2023: 80.0, 2024: 20.0, 2025: 80.0}}))
    assert col(not_learning, "planned_samen_share")[2026] == pytest.approx(before[2026])


def test_list_person_years_by_hand():
    # all year: the mean excess; clears within the year: a triangle; builds from zero: too
    assert kernel.list_person_years(10.0, 20.0) == pytest.approx(20.0)
    assert kernel.list_person_years(30.0, -10.0) == pytest.approx(30.0 ** 2 / (2 * 80.0))
    assert kernel.list_person_years(-10.0, 5.0) == pytest.approx(20.0 ** 2 / (2 * 30.0))
    assert kernel.list_person_years(-10.0, -6.0) == 0.0  # from -10 to -2: no list


def test_waiting_time_follows_the_list_within_the_year(realised):
    """Staff carry 15% fewer clients from 2026: a list forms in 2026 and lasts the year; the
    hiring plan learns it and the list clears within 2027. By hand, with every product lasting
    0.7 years (run-off factors a and b of the stock formulas): excess on 1 January g0 =
    clients + still waiting - FTE x 8 x 0.85; mean excess = their client-years + demand x b -
    capacity; the person-years on the list (triangle or trapezium) x 12 / those asking."""
    same = {f"products.{p}.mean_duration_years": 0.7 for p in realised.entities("products")}
    r = sm.simulate(realised.with_values({
        **same, "capacity.shortfall": "waiting_list",
        "capacity.realised_caseload_ratio": {2025: 1.0, 2026: 0.85}}))
    c = {name: col(r, name) for name in (
        "samen_clients_served", "samen_new_clients", "waiting_list_cases",
        "waiting_list_dropout_cases", "waiting_list_specialist_cases", "in_scope_new_cases",
        "leakage_cases", "fte_samen", "samen_capacity_client_years", "waiting_time_months")}
    a = 0.7 * (1 - math.exp(-1 / 0.7))
    b = 0.7 * (1 - a)
    months = {}
    for year in (2026, 2027):
        still = (c["waiting_list_cases"][year - 1] - c["waiting_list_dropout_cases"][year]
                 - c["waiting_list_specialist_cases"][year])
        clients = c["samen_clients_served"][year] - c["samen_new_clients"][year]  # 1 January
        demand = c["in_scope_new_cases"][year] - c["leakage_cases"][year]
        g0 = clients + still - c["fte_samen"][year - 1] * 8 * 0.85
        mean = (clients + still) * a + demand * b - c["samen_capacity_client_years"][year]
        g1 = 2 * mean - g0
        if year == 2026:  # the list lasts all year: the mean excess
            assert g0 > 0 and g1 > 0
            years_waited = mean
        else:  # those waiting on 1 January are taken on within the year
            assert g0 > 0 > g1
            years_waited = g0 ** 2 / (2 * (g0 - g1))
        months[year] = 12 * years_waited / (still + demand)
        assert c["waiting_time_months"][year] == pytest.approx(months[year], rel=1e-9)
    assert c["waiting_list_cases"][2026] > 100 and c["waiting_list_cases"][2027] == 0.0
    assert 0.0 < months[2027] < months[2026] < 12.0
    assert months[2027] < 1.0  # weeks, not 0 or 6 months
    assert np.isfinite(list(months.values())).all()
