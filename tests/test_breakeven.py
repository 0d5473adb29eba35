"""Break-even: the root makes the target zero to tolerance; no root is reported; the CLI."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.breakeven import breakeven, evaluator, set_from_year
from samen_model.analysis.outputs import output
from samen_model.cli import analysis as cli_analysis
from samen_model.scenario.values import series_on_years

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
NET = output("net_savings_2026_2030")


@pytest.fixture(scope="module")
def stale(realised):
    """realised_2023 with a plan that stops learning after 2024 (leakage then costs twice),
    under the t-2 rule after the transition (budget.structural_regime: t2_rule; under the
    default reeel the municipality pays at most the open-house cost that lapses, so net
    savings 2026-2030 never fall below 0 and the -2M target has no root)."""
    return realised.with_values({"plan.leakage_follows_realised": False,
                                 "plan.leakage": {2023: 0.0, 2024: 0.10},
                                 "budget.structural_regime": "t2_rule"})


def test_root_meets_the_target(stale) -> None:
    r = breakeven(stale, "routing.leakage", "net_savings_2026_2030", value=-2e6)
    assert r.found and r.bracket == (0.0, 1.0)
    assert r.root_bracket[0] <= r.value <= r.root_bracket[1]
    direct = NET(sm.simulate(stale.with_values({"routing.leakage": r.value})))[0]
    assert direct == pytest.approx(-2e6, abs=1e-3)  # EUR
    assert r.output_at_root == pytest.approx(-2e6, abs=1e-3)
    assert r.iterations > 0 and "routing.leakage" in r.message


def test_root_from_a_year_on(realised, stale) -> None:
    # under the t-2 rule after 2025 (cumulative net savings 2030 below 0 without a reduction;
    # under the default reeel they are above it already)
    t2_rule = realised.with_values({"budget.structural_regime": "t2_rule"})
    r = breakeven(t2_rule, "savings.specialist_referral_reduction",
                  "cumulative_net_savings_2030", from_year=2026)
    assert r.found and 0 < r.value < 0.1
    s = set_from_year(t2_rule, "savings.specialist_referral_reduction", r.value, 2026)
    assert abs(output("cumulative_net_savings_2030")(sm.simulate(s))[0]) < 1e-3
    # leakage from 2026: the years before keep the scenario's values
    s = set_from_year(stale, "plan.leakage", 0.3, 2026)
    years = np.arange(2019, 2031)
    got = series_on_years(s.value("plan.leakage"), years)
    want = series_on_years(stale.value("plan.leakage"), years)
    np.testing.assert_allclose(got[years < 2026], want[years < 2026])
    assert (got[years >= 2026] == 0.3).all()


def test_no_root_is_reported(realised) -> None:
    """Under the t-2 rule after 2025 net savings 2026-2030 stay between -0.59M and -0.38M
    for any leakage (the budget follows the comparable cost): no root at 0."""
    t2_rule = realised.with_values({"budget.structural_regime": "t2_rule"})
    r = breakeven(t2_rule, "routing.leakage", "net_savings_2026_2030")
    assert not r.found and r.value is None and r.output_at_root is None
    assert "no root" in r.message and "below 0" in r.message
    assert r.output_range[1] < 0


def test_evaluator_paths_agree(realised) -> None:
    xs = np.array([0.05, 0.2, 0.4])
    vectorized = evaluator(realised, "routing.leakage", NET)(xs)
    one_by_one = [NET(sm.simulate(realised.with_values({"routing.leakage": x})))[0] for x in xs]
    np.testing.assert_allclose(vectorized, one_by_one, rtol=1e-12)
    r = breakeven(realised, "budget.ict_share", "deviation_2023_2025", high=0.5)
    assert r.found and r.function_calls > 10  # not per-draw: one scenario per evaluation


def _synthetic(monkeypatch, fun) -> None:
    """Make :func:`breakeven` evaluate ``fun`` (EUR per value) instead of the engine."""
    import samen_model.analysis.breakeven as be

    monkeypatch.setattr(be, "evaluator", lambda *a, **k: lambda x: fun(np.atleast_1d(x)))


def test_a_flat_stretch_is_not_a_root(monkeypatch, realised) -> None:
    """0 (give or take 1e-8 of rounding, alternating in sign) from 30% on: the answer is the
    stretch and where it begins, not the first of 20 sign changes in the rounding."""
    t2_rule = realised.with_values({"budget.structural_regime": "t2_rule"})
    wobble = 1e-8

    def fun(x):
        return np.maximum(0.0, 1e6 * (0.3 - x)) + np.where(x > 0.3, wobble * np.sign(
            np.sin(1e3 * x)), 0.0)
    _synthetic(monkeypatch, fun)
    r = breakeven(t2_rule, "routing.leakage", "net_savings_2026_2030")
    assert not r.found and r.flat and r.value is None
    assert r.flat_from == pytest.approx(0.3, abs=1e-6) and r.flat_to == 1.0
    assert r.flat_cause == ""
    assert "from about 30% on" in r.message and "no single break-even value" in r.message
    # within a euro counts as on the target; a real crossing with a flat part later is a root
    _synthetic(monkeypatch, lambda x: np.where(x < 0.6, 1e6 * (0.3 - x), -3e5))
    r = breakeven(t2_rule, "routing.leakage", "net_savings_2026_2030")
    assert r.found and not r.flat and r.value == pytest.approx(0.3, abs=1e-9)
    # flat in the middle: from 30% to the last grid point before 60%
    _synthetic(monkeypatch, lambda x: np.where(x < 0.3, 1e6 * (0.3 - x),
                                               np.where(x < 0.6, 0.4, -1e6 * (x - 0.6))))
    r = breakeven(t2_rule, "routing.leakage", "net_savings_2026_2030")
    assert r.flat and r.flat_from == pytest.approx(0.3, abs=1e-6)
    assert r.flat_to == pytest.approx(0.59375)  # grid point 19 of 33 on [0, 1]
    assert "from about 30% to 59%" in r.message


def test_leakage_under_the_reeel_cap_is_a_stretch(realised) -> None:
    """realised_2023, leakage changed from 2026: net savings 2026-2030 fall from €21.7M at 0%
    to 0 at about 37% and stay exactly 0 above it (the reëel budget is at most the open-house
    cost that lapses; WIJ keeps the deficit)."""
    r = breakeven(realised, "routing.leakage", "net_savings_2026_2030", from_year=2026)
    assert r.flat and r.flat_cause == "reeel_cap" and r.flat_to == 1.0
    assert 0.36 < r.flat_from < 0.38
    assert r.message == ("net_savings_2026_2030: with routing.leakage from about 37% on (set "
                         "from 2026) the result stays 0 (the cap); WIJ carries the deficit; "
                         "no single break-even value")
    below = NET(sm.simulate(set_from_year(realised, "routing.leakage", r.flat_from - 1e-3,
                                          2026)))[0]
    above = NET(sm.simulate(set_from_year(realised, "routing.leakage", 0.8, 2026)))[0]
    assert below > 1_000 and abs(above) < 1.0  # EUR
    from samen_model.present.tables.uncertainty import flat_text

    assert flat_text(realised, "routing.leakage", r, "nl") == (
        "vanaf ongeveer 37% blijft de uitkomst € 0 (het plafond); WIJ draagt het tekort")


@pytest.mark.parametrize("kwargs, match", [
    ({"parameter": "time.first_year"}, "numeric"),
    ({"parameter": "no.such"}, "parameter path"),
    ({"parameter": "routing.leakage", "low": 0.5, "high": 0.2}, "low < high"),
    ({"parameter": "routing.leakage", "low": -0.5, "high": 0.2}, "inside the allowed"),
    ({"parameter": "costs.cost_per_fte_eur"}, "search range"),
    ({"parameter": "routing.first_year_uptake", "from_year": 2026}, "year series"),
    ({"parameter": "routing.leakage", "from_year": 2040}, "horizon"),
    ({"parameter": "routing.leakage", "target": "nope"}, "output"),
])
def test_bad_input(realised, kwargs, match) -> None:
    with pytest.raises(sm.SamenInputError, match=match):
        breakeven(realised, **kwargs)


# ----------------------------------------------------------------------------- CLI


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="samen")
    cli_analysis.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_cli_breakeven(capsys) -> None:
    realised = str(SCENARIOS / "realised_2023.yaml")
    # under the default regime (reeel) net savings 2026-2030 fall from EUR 16.8M at leakage 0
    # to 0 at high leakage: a root for EUR 5M, none for EUR 20M
    assert run_cli(["breakeven", realised, "--parameter", "routing.leakage", "--target",
                    "net_savings_2026_2030", "--value=5e6", "--from-year", "2026"]) == 0
    root = breakeven(sm.load_scenario(realised), "routing.leakage", "net_savings_2026_2030",
                     value=5e6, from_year=2026)
    assert f"routing.leakage = {root.value:.6g} from 2026 on" in capsys.readouterr().out
    # no root in the range is an answer (exit 0); exit 1 is kept for bad input
    assert run_cli(["breakeven", realised, "--parameter", "routing.leakage", "--target",
                    "net_savings_2026_2030", "--value=20e6"]) == 0
    assert "no root" in capsys.readouterr().out
    with pytest.raises(sm.SamenInputError):
        run_cli(["breakeven", realised, "--parameter", "x.y", "--target", "deviation_2023_2025"])


def test_cli_uncertainty_tornado_sobol_write_tables(tmp_path, capsys) -> None:
    import pandas as pd

    unc = str(SCENARIOS / "uncertainty_2023.yaml")
    assert run_cli(["uncertainty", unc, "--draws", "500", "--seed", "2",
                    "--out", str(tmp_path / "mc")]) == 0
    probs = pd.read_csv(tmp_path / "mc" / "probabilities.csv")  # plain CSV
    assert "square_exceeded" in probs["name"].tolist()
    assert (tmp_path / "mc" / "manifest.json").is_file()
    files = json.loads((tmp_path / "mc" / "manifest.json").read_text())["files"]
    assert {"percentiles.csv", "probabilities.csv"} <= set(files)  # provenance beside them
    assert run_cli(["tornado", unc, "--output", "deviation_2023_2025",
                    "--out", str(tmp_path / "t")]) == 0
    assert len(pd.read_csv(tmp_path / "t" / "tornado.csv")) == len(
        sm.load_scenario(unc).uncertain_parameters())  # one row per uncertain parameter (11)
    assert run_cli(["sobol", unc, "--n", "64", "--output", "net_savings_2026_2030"]) == 0
    assert "routing.leakage" in capsys.readouterr().out
