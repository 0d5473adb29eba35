"""Attribution: exact Shapley parts add up to the total and flip sign when A and B swap."""

from __future__ import annotations

import argparse
import itertools
import math
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.attribution import attribute, differences, group_of, shapley
from samen_model.analysis.outputs import output
from samen_model.cli import analysis as cli_analysis

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
TARGETS = ["net_savings_2026_2030", "deviation_2023_2025", "cumulative_net_savings_2030"]


@pytest.fixture(scope="module")
def mixed(realised) -> sm.Scenario:
    """Realised 2023 with differences in six groups: four as scalars, two not."""
    return realised.with_values({
        "routing.leakage": 0.2,  # leakage (scalar)
        "demand.inflow_per_1000": 48.0,  # inflow
        "costs.cost_per_fte_eur": 61_000.0,  # prices and index
        "capacity.caseload_per_fte": 7.0,  # capacity
        "savings.budget_cut_share": {2026: 0.05, 2028: 0.10},  # savings policy (series)
        "products.light_treatment.samen_entry_year": 2025,  # phase-in (a year)
    }, name="mixed")


@pytest.mark.parametrize("target", TARGETS)
def test_parts_add_up_and_flip_sign(realised, mixed, target) -> None:
    out = output(target)
    forward = attribute(realised, mixed, target)
    direct = out(sm.simulate(mixed))[0] - out(sm.simulate(realised))[0]
    assert forward.total == pytest.approx(direct, rel=1e-12, abs=1e-6)
    assert forward.table["contribution"].sum() == pytest.approx(direct, rel=1e-10, abs=1e-4)
    assert set(forward.table["group"]) == {"leakage", "inflow", "prices_and_index", "capacity",
                                           "savings_policy", "phase_in"}
    assert forward.engine_calls == 4  # 2^2 scenario rebuilds, 2^4 coalitions each by values=
    backward = attribute(mixed, realised, target)
    f = forward.table.set_index("group")["contribution"]
    b = backward.table.set_index("group")["contribution"]
    np.testing.assert_allclose(b.loc[f.index], -f, rtol=1e-9, atol=1e-4)


def test_scalar_differences_need_one_engine_call(realised) -> None:
    b = realised.with_values({"routing.leakage": 0.15, "costs.overhead_share": 0.2,
                              "demand.inflow_trend": 0.01})
    r = attribute(realised, b, "deviation_2023_2025")
    assert r.engine_calls == 1 and r.table["scalar"].all()
    assert r.table["contribution"].sum() == pytest.approx(r.total, abs=1e-4)


def test_shipped_scenarios_and_no_difference(realised) -> None:
    plan = sm.load_scenario(SCENARIOS / "plan_2022.yaml")
    r = attribute(plan, sm.load_scenario(SCENARIOS / "fast_phase_in.yaml"))
    # the realised scenarios' plan also learns the capacity: with no shortfall that adds 0
    assert list(r.table["group"]) == ["leakage", "capacity", "phase_in"]
    assert r.table.set_index("group").at["capacity", "contribution"] == pytest.approx(0.0,
                                                                                      abs=1e-6)
    assert r.table["contribution"].sum() == pytest.approx(r.total, abs=1e-4)
    same = attribute(realised, sm.load_scenario(SCENARIOS / "uncertainty_2023.yaml"))
    assert same.table.empty and same.total == 0.0  # distributions centred on the same values


def test_shapley_equals_the_average_over_orderings() -> None:
    rng = np.random.default_rng(0)
    k = 4
    v = rng.normal(size=2**k)
    v[0] = 0.0
    want = np.zeros(k)
    for order in itertools.permutations(range(k)):
        mask = 0
        for g in order:
            want[g] += v[mask | 1 << g] - v[mask]
            mask |= 1 << g
    np.testing.assert_allclose(shapley(v, k), want / math.factorial(k))


def test_groups_and_differences(realised) -> None:
    assert group_of("population.growth_after_data") == "volume"
    assert group_of("plan.first_year_uptake") == "leakage"
    assert group_of("products.ib_basic.price_eur_per_client_year") == "prices_and_index"
    assert group_of("products.ib_basic.samen_entry_year") == "phase_in"
    assert group_of("referrers.gp.share_of_new_cases") == "phase_in"
    # the switch that makes other youth care follow the 0-17 population is a volume choice
    assert group_of("costs.other_youth_care_follows_population") == "volume"
    assert group_of("costs.other_youth_care_eur") == "prices_and_index"
    assert group_of("time.last_year") == "other"
    assert group_of("products.ib_basic.mean_duration_years") == "other"
    assert differences(realised, realised) == {}


def test_cli_explain(tmp_path, capsys) -> None:
    parser = argparse.ArgumentParser(prog="samen")
    cli_analysis.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["explain", str(SCENARIOS / "plan_2022.yaml"),
                              str(SCENARIOS / "high_leakage.yaml"), "--output",
                              "deviation_2023_2025", "--out", str(tmp_path / "x")])
    assert args.func(args) == 0
    assert "leakage" in capsys.readouterr().out
    assert (tmp_path / "x" / "attribution.csv").is_file()
