"""The budget after the transition, per regime (Kaders van de opdracht en financiën, 31 August
2022, §8), on an example small enough to check by hand, and on the shipped scenarios."""

from __future__ import annotations

import numpy as np
import pytest

import samen_model as sm
from samen_model.model import budget_rule

YEARS = np.arange(2020, 2028)  # SAMEN. from 2023, transition to 2025, structural from 2026
M = 1e6


def col(values) -> np.ndarray:
    return np.array(values, dtype=float)[:, None]


def run(regime: str, result: str = "kept", *, ceiling: str = "off", lapsing_m: float = 5.0,
        cut: float = 0.0) -> dict[str, dict[int, float]]:
    """The rule on flat inputs: comparable cost EUR 10M a year, open-house cost 10M before
    SAMEN. and 10M - ``lapsing_m`` from 2023, 0-17 population constant (volume 1), index 2%,
    expected development 0, planned share 0.5, actual SAMEN. cost EUR 4.0M in 2025 and 4.2M in
    2026 and 2027, ICT 4.9% + housing 6.0%."""
    rule = budget_rule.BudgetRule(
        samen_start=2023, transition_end=2025, structural_start=2026, regime=regime,
        reeel_wij_result=result, ceiling=ceiling, volume_lag=2, ict_share=0.049,
        housing_share=0.060)
    samen = YEARS >= 2023
    cc = col([10 * M] * len(YEARS))
    open_house = col(np.where(samen, (10 - lapsing_m) * M, 10 * M))
    cost = col([0, 0, 0, 3.8 * M, 3.9 * M, 4.0 * M, 4.2 * M, 4.2 * M])
    staff = col([10.0] * len(YEARS))  # the same on 31 December as over the year: cost itself
    out = budget_rule.yearly_budget(
        YEARS, rule, cc, open_house, col([0.5] * len(YEARS)), cost, staff, staff,
        col([100.0] * len(YEARS)),
        col([2.0] * len(YEARS)), col([0.0] * len(YEARS)),
        col(np.where(YEARS >= 2026, cut, 0.0)))
    out.update(budget_rule.yearly_settlement(YEARS, rule, out, cost))
    return {name: dict(zip(YEARS.tolist(), np.broadcast_to(x, (len(YEARS), 1))[:, 0].tolist(),
                           strict=True)) for name, x in out.items()}


def test_t2_rule_continues_and_wij_keeps_the_difference():
    """2026: estimate CC[2024] = 10M; provisional 10M x 1 x 1.02 x 0.5 = 5.1M; the recheck
    (CC[2025] / estimate = 1) keeps it. Execution 5.1M x 0.891 = 4.5441M; WIJ keeps
    4.5441M - 4.2M = 0.3441M; the municipality pays the final budget 5.1M."""
    r = run("t2_rule")
    assert r["budget_before_cut_eur"][2026] == pytest.approx(5.1 * M)
    assert r["execution_budget_eur"][2026] == pytest.approx(4.5441 * M)
    assert r["wij_result_eur"][2026] == pytest.approx(0.3441 * M)
    assert r["settlement_eur"][2026] == 0.0
    assert r["samen_cost_to_municipality_eur"][2026] == pytest.approx(5.1 * M)
    assert r["wij_result_eur"][2025] == 0.0  # the transition is settled in every regime
    assert r["settlement_eur"][2025] == pytest.approx(4.5441 * M - 4.0 * M)


def test_settlement_regime_pays_the_actual_cost():
    """Same budget as t2_rule; the 0.3441M flows back: the municipality pays 4.2M + the
    ICT/housing transfer 0.5559M = 4.7559M; WIJ has no result."""
    r = run("settlement")
    assert r["budget_final_eur"][2026] == pytest.approx(5.1 * M)
    assert r["settlement_eur"][2026] == pytest.approx(0.3441 * M)
    assert r["wij_result_eur"][2026] == 0.0
    assert r["samen_cost_to_municipality_eur"][2026] == pytest.approx(4.7559 * M)


def test_reeel_budget_from_the_last_transition_year():
    """2026: the 2025 cost 4.0M (at the year-end staff) over 0.891 (so that the execution
    budget covers it) is
    4.48934M, indexed 2% with volume 1: 4.57912M; execution 4.0M x 1.02 = 4.08M; WIJ keeps
    4.08M - 4.2M = -0.12M (a deficit); the municipality pays the final budget. 2027: 2% more."""
    r = run("reeel")
    assert r["budget_before_cut_eur"][2026] == pytest.approx(4.0 * M / 0.891 * 1.02)
    assert r["execution_budget_eur"][2026] == pytest.approx(4.08 * M)
    assert r["wij_result_eur"][2026] == pytest.approx(-0.12 * M)
    assert r["samen_cost_to_municipality_eur"][2026] == pytest.approx(4.0 * M / 0.891 * 1.02)
    assert r["execution_budget_eur"][2027] == pytest.approx(4.08 * M * 1.02)
    assert r["budget_recheck_eur"][2026] == pytest.approx(5.1 * M)  # the t-2 rule, reported
    assert r["budget_ceiling_cut_eur"][2026] == 0.0  # 4.58M is below the 5M that lapses


def test_reeel_with_the_result_settled():
    """The difference -0.12M is topped up: the municipality pays 4.2M + 10.9% of 4.57912M."""
    r = run("reeel", "settled")
    assert r["wij_result_eur"][2026] == 0.0
    assert r["settlement_eur"][2026] == pytest.approx(-0.12 * M)
    assert r["samen_cost_to_municipality_eur"][2026] == pytest.approx(
        4.2 * M + 0.109 * 4.0 * M / 0.891 * 1.02)


def test_reeel_is_capped_at_the_lapsing_open_house_cost():
    """With 4.5M lapsing the final budget is cut by 4.57912M - 4.5M = 0.07912M; execution
    4.5M x 0.891 = 4.0095M; WIJ's deficit 0.1905M. In the transition the switch is off."""
    r = run("reeel", lapsing_m=4.5)
    assert r["budget_ceiling_cut_eur"][2026] == pytest.approx(4.0 * M / 0.891 * 1.02 - 4.5 * M)
    assert r["budget_final_eur"][2026] == pytest.approx(4.5 * M)
    assert r["wij_result_eur"][2026] == pytest.approx(4.0095 * M - 4.2 * M)
    assert r["budget_ceiling_cut_eur"][2025] == 0.0


def test_budget_cut_works_under_every_regime():
    """A 10% cut of the 2026 budget before the cut: t2_rule 5.1M -> 4.59M (WIJ keeps 0.51M x
    0.891 less), reeel 4.57912M -> 4.12121M (the execution budget 4.08M -> 3.672M); under
    settlement the cut lowers the budget but the settlement tops WIJ up to its cost: only the
    ICT/housing transfer (10.9% of the cut) moves."""
    for regime, before in (("t2_rule", 5.1 * M), ("reeel", 4.0 * M / 0.891 * 1.02),
                           ("settlement", 5.1 * M)):
        base, cut = run(regime), run(regime, cut=0.10)
        assert cut["budget_cut_eur"][2026] == pytest.approx(0.1 * before)
        assert cut["budget_final_eur"][2026] == pytest.approx(0.9 * before)
        saving = (base["samen_cost_to_municipality_eur"][2026]
                  - cut["samen_cost_to_municipality_eur"][2026])
        expected = 0.109 * 0.1 * before if regime == "settlement" else 0.1 * before
        assert saving == pytest.approx(expected)
        assert cut["budget_cut_eur"][2025] == 0.0


def test_no_reeel_budget_without_a_transition_year_to_learn_from():
    """A transition that ends before SAMEN. starts leaves no experience: the t-2 budget."""
    rule = budget_rule.BudgetRule(2023, 2022, 2023, "reeel", "kept", "off", 2, 0.049, 0.06)
    cost = col([0, 0, 0, 3.8 * M, 3.9 * M, 4.0 * M, 4.2 * M, 4.2 * M])
    ones = col([1.0] * len(YEARS))
    out = budget_rule.yearly_budget(YEARS, rule, 10 * M * ones, 5 * M * ones, 0.5 * ones, cost,
                                    ones, ones, 100 * ones, 0 * ones, 0 * ones, 0 * ones)
    np.testing.assert_allclose(out["budget_before_cut_eur"], out["budget_recheck_eur"])


def test_run_rate_is_the_cost_at_the_year_end_staff():
    """EUR 4.0M for an average of 80 FTE, 100 FTE on 31 December: 4.0M x 100 / 80 = 5.0M;
    without staff the cost itself."""
    rate = budget_rule.run_rate_cost(col([4.0 * M, 0.0]), col([100.0, 5.0]), col([80.0, 0.0]))
    assert rate[:, 0].tolist() == pytest.approx([5.0 * M, 0.0])


def test_regimes_on_realised_2023(realised):
    """The shipped default is reeel with the result kept; the 2026 budget is the 2025 cost at
    the staff of 31 December 2025, grossed up for ICT and housing, times the index and the
    volume of 2026 (or capped at the lapsing cost); t2_rule and settlement leave the
    transition untouched."""
    assert realised.value("budget.structural_regime") == "reeel"
    assert realised.value("budget.reeel_wij_result") == "kept"
    runs = {regime: sm.simulate(realised.with_values({"budget.structural_regime": regime}))
            for regime in budget_rule.REGIMES}
    y = list(runs["reeel"].years)
    a = runs["reeel"].arrays
    t = y.index(2026)
    run_rate = a["samen_cost_eur"][t - 1, 0] * a["fte_samen"][t - 1, 0] / a["fte_samen_avg"][
        t - 1, 0]
    expected = run_rate / 0.891 * (1 + a["budget_index"][t, 0] / 100) * a["volume_factor"][t, 0]
    assert a["budget_before_cut_eur"][t, 0] == pytest.approx(expected)
    assert a["budget_final_eur"][t, 0] == pytest.approx(
        min(expected, a["lapsing_open_house_cost_eur"][t, 0]))
    for regime in ("t2_rule", "settlement"):
        b = runs[regime].arrays
        np.testing.assert_allclose(b["square_deviation_eur"][:t], a["square_deviation_eur"][:t])
        np.testing.assert_allclose(b["budget_before_cut_eur"], b["budget_recheck_eur"])
    assert np.all(runs["settlement"].arrays["wij_result_eur"] == 0)
