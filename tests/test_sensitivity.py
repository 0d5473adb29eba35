"""Tornado bars equal direct runs; the Sobol wrapper recovers the Ishigami indices."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.outputs import output
from samen_model.analysis.sensitivity import (
    bar_bounds,
    sobol,
    sobol_indices,
    tornado,
    unit_to_values,
)

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


@pytest.mark.parametrize("target", ["net_savings_2026_2030", "deviation_2023_2025"])
def test_tornado_bars_equal_direct_runs(uncertain, target) -> None:
    table = tornado(uncertain, target)
    out = output(target)
    assert len(table) == len(uncertain.uncertain_parameters())
    assert table["swing"].is_monotonic_decreasing
    central = out(sm.simulate(uncertain))[0]
    assert table["output_central"].eq(central).all()
    for row in table.itertuples():
        lo, hi = uncertain.value(row.parameter).bounds(0.90)
        assert (row.value_low, row.value_high) == (lo, hi)
        at_lo = out(sm.simulate(uncertain.with_values({row.parameter: lo})))[0]
        at_hi = out(sm.simulate(uncertain.with_values({row.parameter: hi})))[0]
        assert row.output_low == pytest.approx(at_lo, rel=1e-12, abs=1e-6)
        assert row.output_high == pytest.approx(at_hi, rel=1e-12, abs=1e-6)


def test_tornado_shows_that_expected_cost_development_cancels(uncertain) -> None:
    table = tornado(uncertain, "net_savings_2026_2030").set_index("parameter")
    assert table.loc["index.expected_cost_development", "swing"] < 1.0  # EUR, rounding only
    assert table["swing"].is_monotonic_decreasing  # sorted, largest bar first
    # under the t-2 rule after 2025, a plan that stops learning pays twice for leakage after
    # the transition: leakage moves up among the largest bars (with the caseload staff carry:
    # young people SAMEN. cannot take on go to open house while the lump sum stands, the same
    # double payment). (Under the default reeel budget the lump sum follows WIJ's real cost.)
    stale = uncertain.with_values({"plan.leakage_follows_realised": False,
                                   "plan.leakage": {2023: 0.0, 2024: 0.10},
                                   "budget.structural_regime": "t2_rule"})
    bars = tornado(stale, "net_savings_2026_2030").set_index("parameter")
    # (after the step-ups to specialist care, the waterbed effect, and the caseload)
    assert "routing.leakage" in bars.index[:3]
    learning = tornado(uncertain.with_values({"budget.structural_regime": "t2_rule"}),
                       "net_savings_2026_2030", parameters=["routing.leakage"])
    assert bars.loc["routing.leakage", "swing"] > 10 * learning.set_index("parameter").loc[
        "routing.leakage", "swing"]


def test_tornado_bounds_and_bad_input(uncertain) -> None:
    leak = uncertain.value("routing.leakage")
    assert bar_bounds(leak, 1.0) == (0.05, 0.20)
    table = tornado(uncertain, "deviation_2023_2025", parameters=["routing.leakage"], coverage=1.0)
    assert table[["value_low", "value_high"]].iloc[0].tolist() == [0.05, 0.20]
    with pytest.raises(sm.SamenInputError, match="with a distribution"):
        tornado(uncertain, parameters=["budget.ict_share"])
    with pytest.raises(sm.SamenInputError, match="coverage"):
        tornado(uncertain, coverage=1.5)
    with pytest.raises(sm.SamenInputError, match="at least one"):
        tornado(sm.load_scenario(SCENARIOS / "realised_2023.yaml"))


def ishigami(u: np.ndarray, a: float = 7.0, b: float = 0.1) -> np.ndarray:
    x = -np.pi + 2.0 * np.pi * u
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def test_sobol_wrapper_recovers_ishigami() -> None:
    a, b = 7.0, 0.1
    v1 = 0.5 * (1 + b * np.pi**4 / 5) ** 2
    v2 = a**2 / 8
    v13 = b**2 * np.pi**8 * (1 / 18 - 1 / 50)
    var = v1 + v2 + v13
    s1 = np.array([v1, v2, 0.0]) / var  # 0.314, 0.442, 0
    st = np.array([v1 + v13, v2, v13]) / var  # 0.558, 0.442, 0.244
    table = sobol_indices(ishigami, ["x1", "x2", "x3"], n=4096, seed=1)
    np.testing.assert_allclose(table["S1"], s1, atol=0.03)
    np.testing.assert_allclose(table["ST"], st, atol=0.03)
    assert (table["S1_conf"] > 0).all() and (table["ST_conf"] < 0.1).all()
    assert table.attrs["evaluations"] == 4096 * 5
    multi = sobol_indices(lambda u: {"f": ishigami(u), "g": u[:, 0]}, ["x1", "x2", "x3"], n=256)
    assert set(multi["output"]) == {"f", "g"}
    with pytest.raises(sm.SamenInputError, match="power of two"):
        sobol_indices(ishigami, ["x1", "x2", "x3"], n=1000)


def test_sobol_of_the_model(uncertain) -> None:
    # the t-2 rule after 2025 (the double payment of a stale plan, as in the tornado test)
    stale = uncertain.with_values({"plan.leakage_follows_realised": False,
                                   "plan.leakage": {2023: 0.0, 2024: 0.10},
                                   "budget.structural_regime": "t2_rule"})
    table = sobol(stale, ["net_savings_2026_2030", "deviation_2023_2025"], n=256, seed=3)
    k = len(uncertain.uncertain_parameters())
    assert len(table) == 2 * k and table.attrs["evaluations"] == 256 * (k + 2)
    net = table[table["output"] == "net_savings_2026_2030"].set_index("parameter")
    # with a plan that does not learn the leakage, leakage matters for the structural result
    # (with a learning plan its total index is about 0)
    assert net.loc["routing.leakage", "ST"] > 0.08
    # step-ups to specialist care (the waterbed effect, 0-10% of new clients) and leakage come
    # first; the caseload staff carry no longer does: the plan learns the capacity
    assert list(net.index[:2]) == ["routing.step_up_share", "routing.leakage"]
    assert net.loc["capacity.realised_caseload_ratio", "ST"] < 0.05
    assert net.loc["index.expected_cost_development", "ST"] < 1e-6  # cancels by construction
    assert net["S1"].sum() <= 1.05
    dev = table[table["output"] == "deviation_2023_2025"].set_index("parameter")
    # in the transition WIJ's staff cost is settled: staffing drives the deviation
    assert set(dev.index[:2]) == {"capacity.caseload_per_fte", "costs.cost_per_fte_eur"}
    assert "routing.step_up_share" in dev.index[:4]  # step-ups cost money from the start
    again = sobol(stale, ["net_savings_2026_2030", "deviation_2023_2025"], n=256, seed=3)
    assert table.equals(again)


def test_unit_to_values_uses_the_quantile_function(uncertain) -> None:
    u = np.array([[0.0, 0.5], [0.05, 1.0]])
    v = unit_to_values(uncertain, ["routing.leakage", "demand.inflow_per_1000"], u)
    assert v["routing.leakage"][1] == pytest.approx(uncertain.value("routing.leakage").bounds()[0])
    assert v["demand.inflow_per_1000"][0] == pytest.approx(52.0)
    assert np.isfinite(v["demand.inflow_per_1000"]).all()
