"""What to measure next (analysis/value_of_information.py) against answers known in closed form.

Synthetic linear model: ``y = mu + a x1 + b x2 + e`` with independent standard normal ``x1``,
``x2``, ``e`` (sd ``s``) and a third input ``x3`` without effect. Then

* the variance share of ``x1`` is ``a^2 / (a^2 + b^2 + s^2)`` (its first-order Sobol index);
* ``E[y | x1] = mu + a x1`` is normal with mean ``mu`` and sd ``|a|``, so its EVPPI for the
  choice "adopt (net benefit y) or not (0)" is ``E max(g, 0) - max(mu, 0)`` with
  ``E max(g, 0) = mu Phi(mu/a) + a phi(mu/a)``;
* the EVPI of ``y`` itself (sd ``t``) is ``mu Phi(mu/t) + t phi(mu/t) - max(mu, 0)``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import samen_model as sm
from samen_model.analysis.sensitivity import sobol
from samen_model.analysis.value_of_information import (
    NET_SAVINGS,
    evpi,
    measure_next,
    narrowing,
    rank_inputs,
    regress,
)
from samen_model.cli import main

MU, A, B, S = 0.5, 2.0, 1.0, 1.0
N = 20_000


def _expected_positive_part(mu: float, sd: float) -> float:
    z = mu / sd
    return mu * stats.norm.cdf(z) + sd * stats.norm.pdf(z)


@pytest.fixture(scope="module")
def sample():
    rng = np.random.default_rng(7)
    x1, x2, x3, e = rng.standard_normal((4, N))
    y = MU + A * x1 + B * x2 + S * e
    return {"x1": x1, "x2": x2, "x3": x3}, y


def test_variance_shares_are_the_sobol_indices(sample):
    inputs, y = sample
    total = A ** 2 + B ** 2 + S ** 2
    table = rank_inputs(inputs, {"y": y}, decision={"y": True}).set_index("parameter")
    # 4/6 and 1/6; binomial-like sampling error of a share at n=20,000 is about 0.005
    assert table.at["x1", "variance_share"] == pytest.approx(A ** 2 / total, abs=0.015)
    assert table.at["x2", "variance_share"] == pytest.approx(B ** 2 / total, abs=0.015)
    assert table.at["x3", "variance_share"] < 0.002
    assert list(table["rank"]) == [1, 2, 3]
    assert table.at["x1", "narrowing"] == pytest.approx(1 - np.sqrt(1 - 4 / 6), abs=0.015)


def test_evppi_matches_the_normal_formula(sample):
    inputs, y = sample
    table = rank_inputs(inputs, {"y": y}, decision={"y": True}).set_index("parameter")
    expected_x1 = _expected_positive_part(MU, A) - MU  # 0.5 Phi(.25) + 2 phi(.25) - .5 = 0.573
    expected_x2 = _expected_positive_part(MU, B) - MU  # 0.198
    assert expected_x1 == pytest.approx(0.5727, abs=1e-3)
    assert table.at["x1", "evppi"] == pytest.approx(expected_x1, rel=0.06)
    assert table.at["x2", "evppi"] == pytest.approx(expected_x2, rel=0.12)
    assert table.at["x3", "evppi"] < 0.02
    t = np.sqrt(A ** 2 + B ** 2 + S ** 2)
    assert evpi(y) == pytest.approx(_expected_positive_part(MU, t) - MU, rel=0.05)
    # partial information is never worth more than perfect information
    assert (table["evppi"] <= evpi(y) + 1e-12).all()


def test_nonlinear_effect_is_found():
    """A U-shaped effect has no linear correlation; the spline still explains it."""
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, 10_000)
    y = x ** 2 + 0.05 * rng.standard_normal(10_000)
    assert abs(np.corrcoef(x, y)[0, 1]) < 0.05
    share = regress(x, y).share
    # Var(x^2) = 4/45 for x ~ U(-1, 1); noise variance 0.0025
    assert share == pytest.approx((4 / 45) / (4 / 45 + 0.0025), abs=0.01)


def test_edge_cases():
    assert regress(np.ones(10), np.arange(10.0)).share == 0.0
    assert evpi(np.array([1.0, 2.0])) == 0.0  # always adopt: nothing to learn
    assert narrowing(0.75) == pytest.approx(0.5)


SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def test_top_ranks_agree_with_sobol_on_uncertainty_2023():
    """The regression's variance shares are first-order Sobol indices estimated from a plain
    Monte Carlo sample: on uncertainty_2023 (the reëel budget after 2025) the input that
    matters most (the caseload per FTE) comes first in both, the next one is among Sobol's
    first three, and their shares lie within the Sobol bootstrap interval + 0.05."""
    scenario = sm.load_scenario(SCENARIOS / "uncertainty_2023.yaml")
    sob = sobol(scenario, ["net_savings_2026_2030"], n=256, seed=1).set_index("parameter")
    voi = measure_next(scenario, draws=4000, seed=2).table
    net = voi[voi["output"] == NET_SAVINGS].set_index("parameter")
    by_s1 = list(sob.sort_values("S1", ascending=False).index)
    assert net.index[0] == by_s1[0] == "capacity.caseload_per_fte"
    assert net.index[1] in by_s1[:3]
    for p in net.index[:2]:
        assert net.at[p, "variance_share"] == pytest.approx(
            sob.at[p, "S1"], abs=sob.at[p, "S1_conf"] + 0.05)
    # the same seed reproduces the table exactly
    again = measure_next(scenario, draws=4000, seed=2).table
    pd.testing.assert_frame_equal(voi, again)


def test_cli_prints_the_council_table(capsys):
    code = main(["measure-next", str(SCENARIOS / "uncertainty_2023.yaml"), "--draws", "1000",
                 "--top", "3", "--language", "nl"])  # English by default, like the others
    text = capsys.readouterr().out
    assert code == 0
    assert "Deze gegevens maken de bandbreedte het smalst" in text
    assert "Opschaling naar specialistische hulp" in text
    # where to measure it (the column is cut to the terminal's width with an ellipsis)
    assert "cliënten van SAMEN. die later naar spec" in text
    assert "deel van de spreiding" in text
