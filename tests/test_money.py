"""Real terms and discounting (model/money.py, Result.real/discounted/payback_year_in).

A two-year example worked by hand: net savings of -€100 in 2023 and +€103 in 2024 with a
price level of 1.00 in 2023 and 1.03 in 2024 (3% index) are, in base-year prices, -100 and
+100 (103 / 1.03), and discounted to 2023 at 2.25%, -100 and +97.80 (100 / 1.0225).
Nominal they pay back in 2024 (+3), real they just pay back (0 stays >= 0), discounted
they never do (-2.20).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from samen_model.analysis import key_figures
from samen_model.model.columns import derived_name, markdown_table
from samen_model.model.money import DISCOUNT_RATE, discount_factors, discounted, real_terms
from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.scenario.scenario import load_scenario
from samen_model.scenario.sources import load_registry

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
YEARS = np.array([2023, 2024])


def _two_years() -> Result:
    scenario = load_scenario(SCENARIOS / "realised_2023.yaml")
    net = np.array([[-100.0], [103.0]])
    arrays = {"net_savings_eur": net, "cumulative_net_savings_eur": np.cumsum(net, axis=0),
              "price_level": np.array([[1.0], [1.03]])}
    return Result(scenario=scenario, years=YEARS, arrays=arrays, draws=1, seed=0,
                  sampled=False)


def test_rate_is_the_mkba_standard_and_registered():
    assert DISCOUNT_RATE == 0.0225
    source = load_registry()["discount-rate-2020"]
    assert "discontovoet" in source.title["nl"].lower()
    assert "2,25%" in source.date_note["nl"]


def test_two_year_example_by_hand():
    r = _two_years()
    assert r.real("net_savings_eur")[:, 0] == pytest.approx([-100.0, 100.0])
    assert r.discounted("net_savings_eur")[:, 0] == pytest.approx([-100.0, 100.0 / 1.0225])
    assert r.column("net_savings_discounted_eur")[1, 0] == pytest.approx(97.799511)
    assert r.payback_year_in("nominal")[0] == 2024
    assert r.payback_year_in("real")[0] == 2024
    assert np.isnan(r.payback_year_in("discounted")[0])


def test_pure_functions():
    assert discount_factors(np.array([2022, 2023, 2025]), 2023) == pytest.approx(
        [1.0225, 1.0, 1.0225 ** -2])
    assert real_terms(np.array([206.0]), np.array([1.03])) == pytest.approx([200.0])
    assert discounted(np.array([[1.0, 2.0], [1.0225, 3.0]]), YEARS, 2023)[1] == pytest.approx(
        [1.0, 3.0 / 1.0225])
    with pytest.raises(ValueError, match="rate"):
        discount_factors(YEARS, 2023, -1.5)


def test_model_run_reconciles_with_nominal():
    """On a real run, the real and discounted sums are the nominal ones reweighted by hand."""
    r = simulate(load_scenario(SCENARIOS / "savings_budget_cut.yaml"))
    k = key_figures.central(r)
    years, net = r.years, r.arrays["net_savings_eur"][:, 0]
    level = r.arrays["price_level"][:, 0]
    assert level[list(years).index(2021)] == pytest.approx(1.0)  # the price base year
    window = (years >= 2026) & (years <= 2030)
    real = net / level
    disc = real * 1.0225 ** -(years - 2023.0)
    assert k["net_savings_structural_real_eur"] == pytest.approx(real[window].sum())
    assert k["net_savings_structural_discounted_eur"] == pytest.approx(disc[window].sum())
    # the discounted payback year by hand: the first year from 2023 after which the running
    # sum of discounted net savings stays >= 0
    running = np.cumsum(disc)
    stays = [y for i, y in enumerate(years) if y >= 2023 and (running[i:] >= 0).all()]
    assert k["payback_year_discounted"] == (stays[0] if stays else pytest.approx(np.nan,
                                                                               nan_ok=True))
    # costs come first and savings later, so discounting can only delay the payback
    assert k["payback_year_discounted"] >= k["payback_year"]
    # prices rise after 2021, so later savings are worth less in 2021 euros than nominal
    assert abs(k["net_savings_structural_real_eur"]) < abs(k["net_savings_structural_eur"])


def test_derived_names_and_docs():
    assert derived_name("net_savings_real_eur") == ("net_savings_eur", "real")
    assert derived_name("samen_cost_discounted_eur") == ("samen_cost_eur", "discounted")
    assert derived_name("fte_samen_real_eur") is None
    with pytest.raises(KeyError, match="euro column"):
        _two_years().column("fte_real_eur")
    assert "_discounted_eur" in markdown_table()
