"""realised_2023 against the Evaluatie Basis jeugdhulp 2023 (15 December 2023) and the financial
context of the MEMO info totstandkoming SAMEN. (6 December 2021)."""

from __future__ import annotations

import pytest


def at(run, column, year):
    return float(run.arrays[column][list(run.years).index(year), 0])


def test_young_people_helped_2023(realised_run):
    # Evaluatie Basis jeugdhulp 2023, §2: 967 young people received basic youth care from WIJ
    # in 2023
    assert at(realised_run, "samen_clients_served", 2023) == pytest.approx(967, rel=0.10)


def test_fte_end_of_2023(realised_run):
    # Evaluatie Basis jeugdhulp 2023, §2: "ruim 80 fte" employed for SAMEN.
    assert 80 <= at(realised_run, "fte_samen", 2023) <= 90


def test_subsidy_2023(realised_run):
    # Evaluatie Basis jeugdhulp 2023, 'Financiën': WIJ received a subsidy of EUR 4.2M in 2023
    assert at(realised_run, "execution_budget_eur", 2023) == pytest.approx(4.2e6, rel=0.05)


def test_square_deviation_2023(realised_run):
    # Evaluatie Basis jeugdhulp 2023, 'Financiën': an expected incidental overrun of EUR 1M in 2023
    assert at(realised_run, "square_deviation_eur", 2023) == pytest.approx(1.0e6, rel=0.25)


def test_plan_has_no_2023_overrun(plan_run):
    # with the plan's own assumptions (no leakage, full uptake) 2023 stays inside the square
    assert at(plan_run, "square_deviation_eur", 2023) < 0.25e6


def test_scope_is_14_of_60_million_in_base_year(realised_run):
    # MEMO info totstandkoming SAMEN. (2021), bijlage 2: EUR 60M Groningen youth care, of which
    # EUR 14M moves to SAMEN.
    scope = at(realised_run, "comparable_cost_eur", 2021)
    total = at(realised_run, "total_youth_care_eur", 2021)
    assert scope == pytest.approx(14e6, rel=0.03)
    assert total == pytest.approx(60e6, rel=0.03)


def test_before_samen_everything_is_open_house(realised_run):
    for year in (2019, 2020, 2021, 2022):
        assert at(realised_run, "samen_new_clients", year) == 0
        assert at(realised_run, "square_deviation_eur", year) == 0
        assert at(realised_run, "budget_final_eur", year) == 0
