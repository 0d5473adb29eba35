"""The waiting list (capacity.shortfall: waiting_list), hiring uncertainty and P(wachtlijst).

A scenario in which capacity binds for two years: staff carry 20% fewer clients than the plan
assumes in 2025-2026 and 5% more from 2027. Clients are conserved with the waiting list
counted, the closed square still adds up, and the list empties when capacity returns.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

import samen_model as sm
from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import monte_carlo

BINDS = {"capacity.shortfall": "waiting_list",
         "capacity.realised_caseload_ratio": {2024: 1.0, 2025: 0.8, 2026: 0.8, 2027: 1.05}}


@pytest.fixture(scope="module")
def binding(realised):
    return sm.simulate(realised.with_values(BINDS, name="binding"))


def col(result: sm.Result, name: str) -> dict[int, float]:
    return dict(zip(result.years.tolist(), result.arrays[name][:, 0].tolist(), strict=True))


def test_the_list_forms_when_capacity_binds_and_empties_when_it_returns(binding) -> None:
    waiting = col(binding, "waiting_list_cases")
    assert waiting[2023] == 0.0  # no waiting lists in 2023 (Evaluatie Basis jeugdhulp 2023)
    assert waiting[2025] > 50 and waiting[2026] > 50
    assert all(waiting[y] == 0.0 for y in range(2028, 2031))  # empty again, exactly
    assert col(binding, "waiting_list_admitted_cases")[2027] > 0
    assert sum(col(binding, "capacity_overflow_cases").values()) == 0.0  # nobody overflows


def test_clients_are_conserved_with_the_waiting_list_counted(binding) -> None:
    """New cases in scope = leakage + taken on from the year's demand + joined the list, and
    the list on 31 December = 1 January - drop-outs - specialist - admitted + joined."""
    a = binding.arrays
    from_demand = a["samen_new_clients"] - a["waiting_list_admitted_cases"]
    assert_allclose(a["leakage_cases"] + from_demand + a["waiting_list_joined_cases"],
                    a["in_scope_new_cases"], rtol=1e-12, atol=1e-9)
    opening = np.vstack([np.zeros((1, 1)), a["waiting_list_cases"][:-1]])
    assert_allclose(opening - a["waiting_list_dropout_cases"]
                    - a["waiting_list_specialist_cases"] - a["waiting_list_admitted_cases"]
                    + a["waiting_list_joined_cases"], a["waiting_list_cases"], atol=1e-9)
    for name in ("waiting_list_cases", "waiting_list_joined_cases", "samen_new_clients"):
        assert (a[name] >= -1e-9).all(), name


def test_drop_outs_specialist_care_and_their_cost_by_hand(binding, realised) -> None:
    """Of the list on 1 January 15% drop out, of the rest 10% go to specialist care at
    EUR 15,000 a case (2021 prices, indexed); drop-outs cost nothing (plan_2022.yaml)."""
    w = col(binding, "waiting_list_cases")
    drop, spec = col(binding, "waiting_list_dropout_cases"), col(
        binding, "waiting_list_specialist_cases")
    assert drop[2026] == pytest.approx(0.15 * w[2025])
    assert spec[2026] == pytest.approx(0.85 * 0.10 * w[2025])
    level = col(binding, "price_level")
    assert col(binding, "waiting_list_cost_eur")[2026] == pytest.approx(
        spec[2026] * 15_000 * level[2026])
    # the cost is in other youth care, so the closed square counts it
    base = sm.simulate(realised)
    assert col(binding, "other_youth_care_cost_eur")[2026] == pytest.approx(
        col(base, "other_youth_care_cost_eur")[2026] + col(binding, "waiting_list_cost_eur")[2026])


def test_the_closed_square_still_adds_up(binding) -> None:
    a = binding.arrays
    assert_allclose(a["other_youth_care_cost_eur"], a["counterfactual_other_youth_care_cost_eur"]
                    + a["step_up_cost_eur"] + a["waiting_list_cost_eur"]
                    - a["specialist_reduction_eur"], rtol=1e-12)
    assert_allclose(a["total_youth_care_eur"], a["open_house_scope_cost_eur"]
                    + a["other_youth_care_cost_eur"] + a["samen_cost_to_municipality_eur"],
                    rtol=1e-12)
    assert_allclose(a["square_deviation_eur"], a["total_youth_care_eur"]
                    - a["counterfactual_total_eur"], rtol=1e-12, atol=1e-6)


def test_waiting_time_by_littles_law(binding) -> None:
    """The list of 2025-2026 gives waits of weeks averaged over everyone asking SAMEN. for a
    place (most get one at once); none before capacity binds or after the list has gone
    (tests/test_capacity_process.py checks the in-year list by hand)."""
    months = col(binding, "waiting_time_months")
    assert 0.0 < months[2026] < months[2025] < 6.0
    assert months[2024] == 0.0 and months[2029] == 0.0


def test_key_figures_report_the_list(binding, realised_run) -> None:
    k = kf.central(binding)
    assert k["waiting_list_max_cases"] == pytest.approx(max(col(binding, "waiting_list_cases")
                                                            .values()))
    assert k["waiting_time_max_months"] == pytest.approx(col(binding, "waiting_time_months")[2025])
    assert kf.central(realised_run)["waiting_list_max_cases"] == 0.0


def test_overflow_and_waiting_list_differ_only_after_capacity_binds(realised) -> None:
    overflow = sm.simulate(realised.with_values({**BINDS, "capacity.shortfall": "overflow"}))
    waiting = sm.simulate(realised.with_values(BINDS))
    rows = overflow.years <= 2024
    for name in ("square_deviation_eur", "samen_new_clients", "fte_samen"):
        assert_allclose(waiting.arrays[name][rows], overflow.arrays[name][rows], rtol=1e-12)
    assert col(overflow, "capacity_overflow_cases")[2025] == pytest.approx(
        col(waiting, "waiting_list_joined_cases")[2025])


def test_vacancies_and_the_realised_caseload_by_hand(realised) -> None:
    """10% vacancies: year-end FTE 90% of the plan's target (88.1 -> 79.3 at the end of 2023,
    hiring not capped); staff carrying 90% of the planned caseload: capacity x 0.9 in 2023.
    From 2024 the plan has learned both (plan.capacity_follows_realised): it asks for
    1 / 0.9 FTE per planned client, so capacity is the base's again (in 2025 a little above
    it: staff hired to catch up in 2024 carry on)."""
    base = sm.simulate(realised)
    vacant = sm.simulate(realised.with_values({"capacity.vacancy_rate": 0.10}))
    assert col(vacant, "fte_samen")[2023] == pytest.approx(0.9 * col(base, "fte_samen")[2023])
    slower = sm.simulate(realised.with_values({"capacity.realised_caseload_ratio": 0.9}))
    assert col(slower, "samen_capacity_client_years")[2023] == pytest.approx(
        0.9 * col(base, "samen_capacity_client_years")[2023])
    assert col(slower, "fte_samen")[2023] == col(base, "fte_samen")[2023]
    for run in (vacant, slower):
        for year in (2024, *range(2026, 2031)):
            assert col(run, "samen_capacity_client_years")[year] == pytest.approx(
                col(base, "samen_capacity_client_years")[year])
    # filled posts: vacancies are made up for; a lighter caseload costs 1 / 0.9 the staff
    assert col(vacant, "fte_samen")[2026] == pytest.approx(col(base, "fte_samen")[2026])
    assert col(slower, "fte_samen")[2026] == pytest.approx(col(base, "fte_samen")[2026] / 0.9)


def test_shortfall_probability_per_year_is_a_real_output(uncertain) -> None:
    """uncertainty_2023 has hiring uncertainty: P(capacity shortfall) per year is not 0
    everywhere; 2023 (80+ FTE, no waiting lists) stays near 0."""
    mc = monte_carlo(uncertain, draws=4_000, seed=3)
    p = mc.shortfall_probability
    assert list(p.index) == list(range(2019, 2031)) and p.name == "P(capacity shortfall)"
    assert (p.loc[:2022] == 0).all()
    assert p.loc[2023] < 0.02
    assert p.loc[2027:].min() > 0.2 and p.max() <= 1.0
    r = sm.simulate(uncertain, draws=4_000, seed=3,
                    keep=("capacity_overflow_cases", "waiting_list_cases"))
    short = r.arrays["capacity_overflow_cases"] + r.arrays["waiting_list_cases"] > 0.5
    assert_allclose(p.to_numpy(), short.mean(axis=1))


@pytest.fixture(scope="module")
def hiring(uncertain):
    """uncertainty_2023 with 3,000 draws (seed 3): P(wachtlijst) per year."""
    return monte_carlo(uncertain, draws=3_000, seed=3)


def test_shortfall_table_gives_p_waiting_list_from_the_samen_start(hiring) -> None:
    """One row of percentages, the years from the SAMEN. start (time.samen_start_year 2023)
    to the horizon, the numbers those of MonteCarloSummary.shortfall_probability."""
    from samen_model.products.notebooks import toolkit as nt

    p = hiring.shortfall_probability
    table = nt.shortfall_table(hiring, "nl")
    assert list(table.index) == ["Kans op te weinig personeel"]
    assert table.columns.name == "jaar" and list(table.columns) == [
        str(y) for y in range(2023, 2031)]
    for year in range(2023, 2031):  # one decimal, Dutch decimal comma: 0.119 -> "11,9%"
        assert table.at[table.index[0], str(year)] == f"{100 * p.loc[year]:.1f}%".replace(
            ".", ",")
    # 2023 ran with 80+ FTE and no waiting lists (evaluation of 15 December 2023, §2): a
    # small share; 2024 (new products, a plan learning 2023's capacity) more, 2025 less; later
    # the plan, a year behind, misses a rising inflow trend (docs/assumptions.md)
    assert p.loc[2023] < 0.02 and p.loc[2025] < p.loc[2024] and p.loc[2027] > 0.2
    en = nt.shortfall_table(hiring, "en", decimals=0, first_year=2025)
    assert list(en.index) == ["Chance of too few staff"]
    assert list(en.columns) == [str(y) for y in range(2025, 2031)]
    assert en.iloc[0].tolist() == [f"{100 * p.loc[y]:.0f}%" for y in range(2025, 2031)]


def test_cli_uncertainty_writes_and_prints_p_waiting_list(tmp_path, capsys, uncertain) -> None:
    import argparse
    import json

    import pandas as pd

    from samen_model.cli import analysis as cli_analysis

    parser = argparse.ArgumentParser(prog="samen")
    cli_analysis.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["uncertainty", str(uncertain.path), "--draws", "500",
                              "--seed", "2", "--out", str(tmp_path / "mc")])
    assert args.func(args) == 0
    printed = capsys.readouterr().out
    assert "Chance of too few staff" in printed and "P(waiting list)" not in printed
    csv = pd.read_csv(tmp_path / "mc" / "shortfall.csv")  # plain CSV, fractions of draws
    expected = monte_carlo(uncertain, draws=500, seed=2).shortfall_probability.loc[2023:]
    assert csv["year"].tolist() == list(range(2023, 2031))
    assert_allclose(csv["shortfall_probability"].to_numpy(), expected.to_numpy())
    manifest = json.loads((tmp_path / "mc" / "manifest.json").read_text())
    assert "shortfall.csv" in manifest["files"]
