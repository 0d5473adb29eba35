"""A calibration keeps per draw only the predictions and the weights: the prior values are
sampled again when read (analysis/calibration/fit.py, ``PriorValues``), those of the posterior
sample once (``prior_sample``). Both are the very numbers ``prior_values`` samples, bit for bit,
with and without a rank correlation, across the blocks in which they are sampled."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import samen_model as sm
from samen_model.analysis.calibration import fit
from samen_model.analysis.calibration.fit import PriorValues, prior_sample, prior_values

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["uncertainty_2023", "uncertainty_correlated"])
def test_values_sampled_again_are_the_same_numbers(name, monkeypatch):
    monkeypatch.setattr(fit, "VALUE_BLOCK", 1000)  # several blocks, the last one short
    scenario = sm.load_scenario(ROOT / "scenarios" / f"{name}.yaml")
    draws = 3500
    full = prior_values(scenario, draws, 4)
    lazy = PriorValues(scenario, draws, 4)
    assert list(lazy) == sorted(full) and len(lazy) == len(full) >= 20
    for p in full:
        assert np.array_equal(lazy[p], full[p])
    index = np.sort(np.r_[0, 0, 999, 1000, 2999, draws - 1,
                          np.random.default_rng(1).integers(0, draws, 300)])
    sample = prior_sample(scenario, draws, 4, index)
    for p in full:
        assert np.array_equal(sample[p], full[p][index])
    with pytest.raises(KeyError):
        lazy["no.such_parameter"]
    if scenario.correlations:  # the correlation survives sampling one parameter at a time
        a, b = scenario.correlations[0].parameters
        assert abs(np.corrcoef(lazy[a], lazy[b])[0, 1]) > 0.1
