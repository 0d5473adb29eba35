"""The calibration as deployed, checked where the model is wrong (analysis/calibration/check.py).

A small version of ``benchmarks/bench_calibration_check.py``: truths from a wider structure than
the prior (product and referrer shares and other youth care's growth varied, which the prior
holds fixed), figures written as the documents word them, calibrated with the file's
likelihood, coverage of the 90% intervals of parameters and forecasts.

Tolerance: with R replicates a coverage of 0.90 has a binomial sd of sqrt(0.9 x 0.1 / R)
(0.047 for R = 40); the mean over the 16 forecasts is asserted to be at least 0.85 (the
target) minus 2 sd, counting the replicates as the independent unit (the forecasts of one
replicate move together), and no single forecast below 0.90 - 4 sd.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.calibration.check import (
    RUIM_STEP,
    calibration_check,
    write_figures,
)
from samen_model.analysis.calibration.fit import as_observations
from samen_model.analysis.calibration.forecast_intervals import FORECAST_NAMES

ROOT = Path(__file__).resolve().parents[1]
OBSERVATIONS = ROOT / "observations" / "groningen.yaml"
REPLICATES = 40


def test_figures_are_written_as_the_documents_word_them():
    obs = as_observations(OBSERVATIONS)
    used = obs.select([o.id for o in obs.used()])
    truth = {"samen_clients_served@2023": 1103.4, "samen_new_clients@2023": 1103.4,
             "fte_samen@2023": 87.9, "execution_budget_eur@2023": 4_312_345.0,
             "square_deviation_eur@2023": 1_234_567.0, "comparable_cost_eur@2021": 14_400_000.0}
    figs = {o.id: o for o in write_figures(used, truth, np.random.default_rng(1))}
    # a count made on a day in November: between the counts on 1 and 28 November
    assert 1103.4 * 304 / 365 - 1 <= figs["helped_2023"].value <= 1103.4 * 332 / 365 + 1
    assert figs["helped_2023"].value == round(figs["helped_2023"].value)
    # "ruim 85": rounded down to 5, open above
    assert figs["fte_2023"].value == 85 == figs["fte_2023"].uncertainty.low
    assert figs["fte_2023"].uncertainty.high is None and RUIM_STEP == 5
    # rounded to the width of the stated interval (EUR 0.1M, whole millions), after the shared
    # error of the 2021 cost base, which moves both by the same factor
    sub, scope = figs["subsidy_2023"], figs["scope_cost_2021"]
    assert sub.uncertainty.high - sub.uncertainty.low == pytest.approx(0.1e6)
    assert sub.value % 100_000 == pytest.approx(0.0, abs=1e-6)
    assert scope.value % 1_000_000 == pytest.approx(0.0, abs=1e-6)
    assert abs(sub.value / 4_312_345 - 1) < 0.15 and abs(scope.value / 14.4e6 - 1) < 0.15
    # a forecast in whole millions
    assert figs["overrun_2023"].value % 1_000_000 == 0


@pytest.fixture(scope="module")
def check():
    prior = sm.load_scenario(ROOT / "scenarios" / "uncertainty_2023.yaml")
    return calibration_check(prior, OBSERVATIONS, replicates=REPLICATES, draws=6_000, seed=3,
                             temper=2.0)


def test_forecast_coverage_under_misspecification(check):
    sd = math.sqrt(0.9 * 0.1 / REPLICATES)
    assert list(check.forecasts.index) == list(FORECAST_NAMES)
    assert check.forecast_mean >= 0.85 - 2 * sd, check.forecasts.to_dict()
    assert check.forecasts.min() >= 0.90 - 4 * sd, check.forecasts.to_dict()
    # parameters: every uncertain parameter of the prior, most covered
    prior = sm.load_scenario(ROOT / "scenarios" / "uncertainty_2023.yaml")
    assert sorted(check.parameters.index) == sorted(prior.uncertain_parameters())
    assert len(check.parameters) == 26  # 25 and, since the capacity process, staff attrition
    assert check.parameters.mean() >= 0.85 - 2 * sd, check.parameters.to_dict()
