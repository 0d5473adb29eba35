"""Each step of the budget rule (framework-2022 §8; engine steps 11 and 12), checkable by hand."""

from __future__ import annotations

import numpy as np
import pytest

import samen_model as sm
from samen_model.model import budget_rule, kernel
from samen_model.model.steps import budget, flows


def col(values):
    return np.array(values, dtype=float)[:, None]


def test_past_reads_the_earlier_rows():
    x = col([1, 2, 3, 4])
    assert budget_rule.past(x, 1, 2)[:, 0].tolist() == [2.0, 3.0]  # x[t-1] for rows 2 and 3
    assert budget_rule.past(x, 2, 2)[:, 0].tolist() == [1.0, 2.0]


def test_budget_index_is_previous_ova_plus_correction():
    # years 2021..2023 need OVA from 2019: prov 2,3,4,5,6 ; def 2.5,3,4.5,5,6
    prov = col([2, 3, 4, 5, 6])
    definitive = col([2.5, 3, 4.5, 5, 6])
    idx = budget_rule.budget_index_pct(prov, definitive)[:, 0]
    # t=2021: prov[2020]=3 + def[2019]-prov[2019] = 3 + 0.5 = 3.5
    assert idx.tolist() == pytest.approx([3.5, 4.0, 5.5])


def test_budget_index_from_shipped_ova(realised_run):
    """2023 = 3.87 + (1.5 - 3.24); 2024 = 4.74 + (4.42 - 3.87); 2025 = 4.94 + (6.36 - 4.74)."""
    r = realised_run
    idx = dict(zip(r.years, r.arrays["budget_index"][:, 0], strict=True))
    assert idx[2023] == pytest.approx(2.13)
    assert idx[2024] == pytest.approx(5.29)
    assert idx[2025] == pytest.approx(6.56)
    assert idx[2026] == pytest.approx(4.18 + 6.00 - 4.94)
    # the budget identity of engine step 11 in every year of the output
    a = r.arrays
    np.testing.assert_allclose(
        a["budget_index"][2:], a["ova_provisional"][1:-1] + a["ova_definitive"][:-2]
        - a["ova_provisional"][:-2], rtol=1e-12)


def test_price_level_compounds_after_and_deflates_before_base_year():
    years = np.array([2019, 2020, 2021])
    level = budget.cumulative_factor(col([0.5, 0.1, 0.2]), years, 2020)[:, 0]
    assert level.tolist() == pytest.approx([1 / 1.1, 1.0, 1.2])


def test_provisional_budget_and_march_recheck_by_hand():
    cc = col([10, 20, 30, 40])
    pop = col([100, 110, 121, 121])
    steps = budget_rule.provisional_budget(cc, col([0.05] * 4), pop, col([2.0] * 4), col([0.5] * 4),
                                      first_row=3)
    # year index 3 (the only row asked for): estimate = CC[1] * 1.05 = 21;
    # volume = pop[1]/pop[0] = 1.1
    assert steps["estimate"][:, 0].tolist() == pytest.approx([21.0])
    assert steps["volume"][0, 0] == pytest.approx(1.1)
    assert steps["provisional"][0, 0] == pytest.approx(21 * 1.1 * 1.02 * 0.5)
    # 1 March: realised CC[2] = 30 against the estimate 21
    recheck = budget_rule.recheck_budget(steps["provisional"], steps["estimate"], cc, first_row=3)
    assert recheck[0, 0] == pytest.approx(21 * 1.1 * 1.02 * 0.5 * 30 / 21)
    # the rule needs t-3: asking for an earlier row has no history to read
    with pytest.raises(ValueError):
        budget_rule.provisional_budget(cc, col([0.05] * 4), pop, col([2.0] * 4), col([0.5] * 4),
                                  first_row=2)


def test_the_two_population_readings_by_hand():
    """Kaders van de opdracht en financiën (31 Aug 2022), §8 'Volumeontwikkeling': "de
    ontwikkeling van het aantal inwoners < 18 jaar in t-2". For t = row 3 with 0-17 counts
    100, 102, 105, 111 on 1 January of rows 0-3: growth up to 1 January t-2 (the default)
    is 102/100 = 1.02; growth during t-2 is 105/102."""
    cc, ecd, index, share = col([10, 20, 30, 40]), col([0.0] * 4), col([0.0] * 4), col([1.0] * 4)
    pop = col([100, 102, 105, 111])
    up_to = budget_rule.provisional_budget(cc, ecd, pop, index, share, first_row=3, volume_lag=2)
    during = budget_rule.provisional_budget(cc, ecd, pop, index, share, first_row=3, volume_lag=1)
    assert up_to["volume"][0, 0] == pytest.approx(1.02)
    assert during["volume"][0, 0] == pytest.approx(105 / 102)
    # estimate CC[1] = 20, so the provisional budgets are 20.4 and 20.588...
    assert up_to["provisional"][0, 0] == pytest.approx(20.4)
    assert during["provisional"][0, 0] == pytest.approx(20 * 105 / 102)


def test_lapsing_cost_ceiling_by_hand():
    """§8 uitgangspunt 1: the budget at most the current cost of the open-house products that
    lapse. Budgets 120 and 90 against a lapsing cost of 100, ICT + housing 10.9%."""
    final, lapsing = col([120.0, 90.0]), col([100.0, 100.0])
    assert budget_rule.lapsing_cost_ceiling(final, lapsing, "off", 0.109)[:, 0].tolist() == [0, 0]
    # the final budget (incl. ICT and housing) capped at 100: 20 cut, nothing below the cap
    cut = budget_rule.lapsing_cost_ceiling(final, lapsing, "final_budget", 0.109)[:, 0]
    assert cut.tolist() == pytest.approx([20.0, 0.0])
    # the execution budget (89.1% of the final) capped at 100: final at most 100 / 0.891
    cut = budget_rule.lapsing_cost_ceiling(final, lapsing, "execution_budget", 0.109)[:, 0]
    assert cut.tolist() == pytest.approx([120.0 - 100.0 / 0.891, 0.0])
    assert (120.0 - cut[0]) * 0.891 == pytest.approx(100.0)


def test_volume_factor_2023_uses_population_2021_over_2020(realised_run):
    r = realised_run
    y = list(r.years)
    pop = r.arrays["population_0_17"][:, 0]
    vol = r.arrays["volume_factor"][y.index(2023), 0]
    assert vol == pytest.approx(pop[y.index(2021)] / pop[y.index(2020)])
    assert vol == pytest.approx(35192 / 34938)


def test_budget_columns_follow_the_rule(realised_run):
    a = realised_run.arrays
    y = list(realised_run.years)
    t = y.index(2024)
    estimate = a["comparable_cost_eur"][t - 2] * (1 + a["expected_cost_development"][t])
    assert a["budget_estimate_eur"][t] == pytest.approx(estimate)
    assert a["budget_provisional_eur"][t] == pytest.approx(
        estimate * a["volume_factor"][t] * (1 + a["budget_index"][t] / 100)
        * a["planned_samen_share"][t])
    assert a["budget_recheck_eur"][t] == pytest.approx(
        a["budget_provisional_eur"][t] * a["comparable_cost_eur"][t - 1] / estimate)
    # the final budget starts from the regime's budget (the recheck in the transition, the
    # reëel budget after it by default), less the cut and the ceiling
    np.testing.assert_allclose(a["budget_final_eur"], a["budget_before_cut_eur"]
                               - a["budget_cut_eur"] - a["budget_ceiling_cut_eur"])
    transition = (realised_run.years >= 2023) & (realised_run.years <= 2025)
    np.testing.assert_allclose(a["budget_before_cut_eur"][transition],
                               a["budget_recheck_eur"][transition])


def test_ict_and_housing_take_10_9_percent(realised_run):
    a = realised_run.arrays
    np.testing.assert_allclose(a["ict_housing_transfer_eur"], 0.109 * a["budget_final_eur"])
    np.testing.assert_allclose(a["execution_budget_eur"], 0.891 * a["budget_final_eur"])


def test_settlement_in_transition_and_by_regime_after(realised, realised_run):
    """In the transition WIJ is settled whatever the regime (uitgangspunt 3); after it the
    default regime (reeel, result kept) and t2_rule leave the result with WIJ, settlement
    settles it."""
    a, y = realised_run.arrays, list(realised_run.years)
    for year in (2023, 2024, 2025):
        t = y.index(year)
        assert a["settlement_eur"][t] == pytest.approx(
            a["execution_budget_eur"][t] - a["samen_cost_eur"][t])
        assert a["samen_cost_to_municipality_eur"][t] == pytest.approx(
            a["samen_cost_eur"][t] + a["ict_housing_transfer_eur"][t])
    t = y.index(2027)
    assert a["settlement_eur"][t] == 0
    assert a["samen_cost_to_municipality_eur"][t] == pytest.approx(a["budget_final_eur"][t])
    assert a["wij_result_eur"][t] == pytest.approx(
        a["execution_budget_eur"][t] - a["samen_cost_eur"][t])
    settled = sm.simulate(realised.with_values({"budget.structural_regime": "settlement"}))
    s = settled.arrays
    assert s["settlement_eur"][t, 0] == pytest.approx(
        s["execution_budget_eur"][t, 0] - s["samen_cost_eur"][t, 0])
    assert s["wij_result_eur"][t, 0] == 0
    reeel_settled = sm.simulate(realised.with_values({"budget.reeel_wij_result": "settled"}))
    assert reeel_settled.arrays["wij_result_eur"][t, 0] == 0
    assert reeel_settled.arrays["samen_cost_to_municipality_eur"][t, 0] == pytest.approx(
        a["samen_cost_eur"][t, 0] + a["ict_housing_transfer_eur"][t, 0])


def test_incidental_tranches_carry_forward_and_return():
    years = np.arange(2022, 2027)
    tranches = np.array([2.5, 1.0, 0.5, 0, 0]) * 1e6
    spending = np.array([2.0, 1.2, 0.5, 0, 0]) * 1e6
    inc = budget.incidental_budget(tranches, spending, years, return_year=2025)
    assert inc["spent"].tolist() == pytest.approx([2.0e6, 1.2e6, 0.5e6, 0, 0])
    # 0.5 left in 2022; 1.5 available in 2023, 0.3 left; 0.8 available in 2024, 0.3 left
    assert inc["carry"].tolist() == pytest.approx([0.5e6, 0.3e6, 0.3e6, 0, 0])
    assert inc["returned"].tolist() == pytest.approx([0, 0, 0, 0.3e6, 0])
    # overspending is capped by what is available
    over = budget.incidental_budget(tranches, np.array([3.0, 1.0, 0.5, 0, 0]) * 1e6, years, 2025)
    assert over["spent"][0] == pytest.approx(2.5e6)


def test_shipped_incidental_budget_is_4_million_in_three_tranches(realised_run):
    a, y = realised_run.arrays, list(realised_run.years)
    tranche = {year: a["incidental_budget_eur"][y.index(year), 0] for year in (2022, 2023, 2024)}
    assert tranche == {2022: 2.5e6, 2023: 1.0e6, 2024: 0.5e6}
    assert a["incidental_budget_eur"].sum() == pytest.approx(4.0e6)
    assert a["incidental_spent_eur"].sum() == pytest.approx(4.0e6)
    assert a["incidental_returned_eur"].sum() == 0


def test_run_off_coefficients_for_one_year_duration():
    survive, a, b = flows.run_off_coefficients(np.array([1.0]))
    assert survive[0] == pytest.approx(np.exp(-1))
    assert a[0] == pytest.approx(1 - np.exp(-1))
    assert b[0] == pytest.approx(np.exp(-1))  # 1 - a = e^-1 when D = 1
    # the steady state N * D stays put and carries N * D client-years
    # (the compiled stock step of the engine, one product and one draw, price EUR 2 per year)
    stock, cy, value = np.array([[100.0]]), np.zeros(1), np.zeros(1)
    coefficient = [np.array([[x[0]]]) for x in (survive, a, b)]
    kernel._run_off(stock, np.array([[100.0]]), *coefficient, np.array([[2.0]]), 1, cy, value)
    assert stock[0, 0] == pytest.approx(100.0) and cy[0] == pytest.approx(100.0)
    assert value[0] == pytest.approx(200.0)


def test_phase_in_weights_and_first_year():
    years = np.array([2022, 2023, 2024, 2025])
    settled, first = flows.phase_in_weights(
        years, 2023, product_entry_year=np.array([2023, 2024]),
        referrer_entry_year=np.array([2023, 2025]), referrer_share=np.array([0.6, 0.4]))
    # product 0: referrer 0 from 2023, referrer 1 from 2025
    assert first[:, 0].tolist() == pytest.approx([0, 0.6, 0, 0.4])
    assert settled[:, 0].tolist() == pytest.approx([0, 0, 0.6, 0.6])
    # product 1 enters 2024
    assert first[:, 1].tolist() == pytest.approx([0, 0, 0.6, 0.4])
    assert settled[:, 1].tolist() == pytest.approx([0, 0, 0, 0.6])


def test_capacity_admits_what_fits():
    # room = max(capacity - opening client-years, 0); the fraction of the demand that fits
    fracs = [kernel.fits(max(capacity - opening, 0.0), wanted) for capacity, opening, wanted
             in ((100.0, 40.0, 30.0), (100.0, 40.0, 120.0), (10.0, 50.0, 20.0), (5.0, 0.0, 0.0))]
    assert fracs == pytest.approx([1.0, 0.5, 0.0, 1.0])


def test_hiring_rules_by_hand():
    # year-end target: enough for the closing caseload (20 / 20 = 1 FTE) and for the year's
    # client-years averaged over 1 January and 31 December ((2 * 25 - 1 * 20) / 20 = 1.5 FTE)
    assert kernel.fte_target(20.0, 25.0, 1.0, 20.0) == pytest.approx(1.5)
    assert kernel.fte_target(40.0, 25.0, 1.0, 20.0) == pytest.approx(2.0)
    # 10% of the target stays vacant (18 of 20), hiring capped at 4 FTE a year (10 + 4)
    assert kernel.fte_path_step(10.0, 20.0, 4.0, 0.1, 0.1) == pytest.approx(14.0)
    assert kernel.fte_path_step(10.0, 20.0, 10.0, 0.1, 0.1) == pytest.approx(18.0)
    # above the target staff shrink by their leavers only: 10% of 10 leave, 9 stay (not 5)
    assert kernel.fte_path_step(10.0, 5.0, 4.0, 0.0, 0.1) == pytest.approx(9.0)
    assert kernel.fte_path_step(10.0, 9.5, 4.0, 0.0, 0.1) == pytest.approx(9.5)


def test_waiting_time_by_littles_law():
    assert kernel.waiting_time_months(5.0, 10.0) == pytest.approx(6.0)  # 12 x 5 / 10
    assert kernel.waiting_time_months(0.0, 10.0) == 0.0  # nobody waits
    assert kernel.waiting_time_months(0.0, 0.0) == 0.0  # nobody asks


def test_payback_year_needs_savings_that_stay_positive():
    years = np.arange(2022, 2026)
    cum = np.array([[-3, -1, -1], [-1, 1, 1], [0.5, -1, 1], [2, 1, -1]], dtype=float)
    pay = budget.payback_year(cum, years, 2023)
    assert pay[0] == 2024
    assert pay[1] == 2025
    assert np.isnan(pay[2])


def _by_year(result, name):
    return dict(zip(result.years.tolist(), result.arrays[name][:, 0].tolist(), strict=True))


def test_ceiling_on_the_final_budget_in_realised_2023(realised, realised_run):
    """With budget.lapsing_cost_ceiling: final_budget the 2023 budget falls from EUR 4.80M to
    the EUR 3.54M of open-house cost that lapses (the excess column shows the EUR 1.26M). In the
    transition the settlement tops WIJ up, so the square moves only by the ICT/housing share
    of the cut (10.9%); after it the lump sum falls by the whole cut."""
    capped = sm.simulate(realised.with_values({"budget.lapsing_cost_ceiling": "final_budget"}))
    base = realised_run
    lapsing = _by_year(base, "lapsing_open_house_cost_eur")
    above = _by_year(base, "budget_above_lapsing_cost_eur")
    assert lapsing[2023] == pytest.approx(3.544e6, rel=1e-3)
    assert above[2023] == pytest.approx(_by_year(base, "budget_final_eur")[2023] - lapsing[2023])
    assert above[2023] == pytest.approx(1.259e6, rel=1e-3)
    assert _by_year(base, "budget_ceiling_cut_eur")[2023] == 0.0  # off by default
    cut = _by_year(capped, "budget_ceiling_cut_eur")
    assert cut[2023] == pytest.approx(above[2023])
    assert _by_year(capped, "budget_final_eur")[2023] == pytest.approx(lapsing[2023])
    assert _by_year(capped, "execution_budget_eur")[2023] == pytest.approx(0.891 * lapsing[2023])
    dev, dev0 = _by_year(capped, "square_deviation_eur"), _by_year(base, "square_deviation_eur")
    assert dev[2023] - dev0[2023] == pytest.approx(-0.109 * cut[2023])
    assert dev[2026] - dev0[2026] == pytest.approx(-cut[2026])


def test_the_population_readings_in_realised_2023(realised, realised_run):
    """During t-2 the budget of 2025 follows the 0-17 count of 1 January 2024 over 2023
    (36,570 / 35,700, +2.4% in the shipped estimate) instead of 2023 over 2022 (+0.7%): the
    execution budget of 2025 is 1.7% higher, that of 2026 1.8% lower (docs/assumptions.md)."""
    during = sm.simulate(realised.with_values({"budget.population_growth_reading": "during_t-2"}))
    vol = _by_year(during, "volume_factor")
    assert vol[2025] == pytest.approx(36570 / 35700)
    assert _by_year(realised_run, "volume_factor")[2025] == pytest.approx(35700 / 35446)
    e, e0 = _by_year(during, "execution_budget_eur"), _by_year(realised_run, "execution_budget_eur")
    assert e[2025] / e0[2025] - 1 == pytest.approx(0.0171, abs=5e-4)
    assert e[2026] / e0[2026] - 1 == pytest.approx(-0.0176, abs=5e-4)
