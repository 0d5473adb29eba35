"""Forecast against actual: what a scenario predicted for each figure, and what was realised.

For every observation (figure and year) inside a scenario's horizon, :func:`forecast_vs_actual`
gives the scenario's P5, median and P95 of the model's value (Monte Carlo over its
distributions or its posterior sample; one value for a scenario without distributions), the
realised figure with its stated range, and ``inside``: whether the forecast's 90% interval and
the figure's range overlap. ``in_sample`` marks figures the scenario was calibrated on (those
are fitted, not forecast). The package version is recorded per row: a forecast belongs to a
scenario *and* to the model that computed it. This is the yearly workflow: when a year's
figures are added to the observation file, the forecast of the earlier scenarios can be checked
against them before calibrating again (docs/calibration.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from samen_model._version import __version__
from samen_model.analysis.calibration.diagnostics import QUANTILES, overlaps
from samen_model.analysis.calibration.fit import as_observations
from samen_model.analysis.calibration.likelihood import observed_columns, predict
from samen_model.model.simulate import simulate
from samen_model.scenario.observations import Observations
from samen_model.scenario.posterior import posterior_block
from samen_model.scenario.scenario import Scenario

COLUMNS = ("scenario", "scenario_hash", "version", "observation", "column", "year", "value",
           "range_low", "range_high", "p5", "p50", "p95", "inside", "in_sample", "draws", "seed")


def _calibrated_on(scenario: Scenario, observations: Observations) -> set[str]:
    """Ids of the figures of this observation file the scenario was calibrated on."""
    block = posterior_block(scenario.tree) or {}
    obs = block.get("observations")
    if not isinstance(obs, dict) or obs.get("name") != observations.name:
        return set()
    return {str(i) for i in obs.get("used") or ()}


def forecast(scenario: Scenario, observations: Observations | str, draws: int = 10_000,
             seed: int = 0) -> pd.DataFrame:
    """One scenario's forecast of every figure inside its horizon (see module docstring).

    A scenario with distributions (or a posterior) runs ``draws`` seeded Monte Carlo draws;
    one without runs once (P5 = median = P95).
    """
    obs = as_observations(observations)
    first, last = scenario.value("time.first_year"), scenario.value("time.last_year")
    items = tuple(o for o in obs.items if first <= o.year <= last)
    if not items:
        return pd.DataFrame(columns=list(COLUMNS))
    sampled = bool(scenario.uncertain_parameters())
    n = draws if sampled else 1
    result = simulate(scenario, draws=n, seed=seed, sample=sampled,
                      keep=observed_columns(items))
    predicted = predict(result.arrays, result.years, items)
    q = np.quantile(predicted, QUANTILES, axis=1)  # (3, observation)
    fitted = _calibrated_on(scenario, obs)
    rows = []
    for i, o in enumerate(items):
        low, high = o.stated_range()
        rows.append({
            "scenario": scenario.name, "scenario_hash": scenario.hash, "version": __version__,
            "observation": o.id, "column": o.column, "year": o.year, "value": o.value,
            "range_low": low, "range_high": high,
            "p5": q[0, i], "p50": q[1, i], "p95": q[2, i],
            "inside": overlaps(q[0, i], q[2, i], low, high), "in_sample": o.id in fitted,
            "draws": n, "seed": seed if sampled else None,
        })
    return pd.DataFrame(rows, columns=list(COLUMNS))


def forecast_vs_actual(scenarios: Sequence[Scenario], observations: Observations | str,
                       draws: int = 10_000, seed: int = 0) -> pd.DataFrame:
    """:func:`forecast` of several scenarios, one row per scenario and figure, in order."""
    obs = as_observations(observations)
    frames = [forecast(s, obs, draws, seed) for s in scenarios]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
