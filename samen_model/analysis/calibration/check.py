"""Does the calibration, as deployed, cover the truth when the model is wrong?

A simulation-based check under misspecification (docs/calibration.md):

1. **Truths from a wider structure** than the one calibrated: the prior's uncertain parameters
   drawn from the prior, and besides them what the prior holds fixed is varied too: the
   product and referrer shares (Dirichlet around the scenario's shares, concentration
   :data:`SHARE_CONCENTRATION`, in :data:`SHARE_SETS` sets) and the real growth of other youth
   care (normal, sd :data:`OTHER_GROWTH_SD` a year).
2. **Figures in the real format** (:func:`write_figures`): each figure of the observation file is
   written from the truth as the documents word it: a count at a random day of the month of its
   date (``to_date``), rounded to a whole person; a one-sided "ruim X" (X the truth rounded down
   to :data:`RUIM_STEP`); an amount rounded to the width of its stated interval; a forecast
   (normal) with its own error and rounded to whole millions; figures that share an error get
   one common relative error first.
3. **Calibrate** on the same prior draws as the deployed calibration (one engine call for all
   replicates: the weights of each replicate come from its own figures), with the file's
   likelihood, optionally tempered (``temper`` > 1 divides the log-likelihood: a likelihood
   that admits the model is wrong).
4. **Coverage**: the share of replicates whose 90% posterior interval holds the truth, per
   parameter and per forecast (:mod:`.forecast_intervals`: 2024-2026 young people helped,
   FTE, SAMEN. cost, execution budget, square deviation; net savings 2026-2030).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from samen_model.analysis.calibration.fit import as_observations, prior_values
from samen_model.analysis.calibration.forecast_intervals import FORECAST_NAMES, forecast_values
from samen_model.analysis.calibration.likelihood import predict, total_loglik
from samen_model.analysis.calibration.weights import psis_weights, weighted_quantiles
from samen_model.model.simulate import simulate
from samen_model.scenario.observations import Observation, Observations
from samen_model.scenario.sampling import sample_values
from samen_model.scenario.scenario import Scenario

#: Dirichlet concentration of the varied shares: a share of 0.47 gets an sd of about 0.07.
SHARE_CONCENTRATION = 50.0
#: Sets of shares (each a rebuilt scenario, one engine call each).
SHARE_SETS = 8
#: sd of the real growth of other youth care a year (the prior holds it at 0).
OTHER_GROWTH_SD = 0.01
#: "ruim X": X is the truth rounded down to this step.
RUIM_STEP = 5.0
#: Forecast error of a figure the document gives as a forecast (normal), relative sd of its
#: stated sd: the figure is the truth plus this error, then rounded to whole millions.
FORECAST_ERROR_SHARE = 0.5
LEVELS = (0.05, 0.95)


@dataclass(frozen=True)
class Truths:
    """Replicates of a wider truth: parameter values ``(draw,)``, the raw columns the figures
    read and the forecasts ``(forecast, draw)``."""

    values: dict[str, np.ndarray]
    columns: dict[str, np.ndarray]  # "column@year" -> (draw,)
    forecasts: np.ndarray


def _raw_reducer(observations: tuple[Observation, ...]):
    keys = sorted({(o.column, o.year) for o in observations}
                  | {(o.to_date_flow, o.year) for o in observations if o.to_date_flow})

    def reduce(block: Mapping[str, np.ndarray], years: np.ndarray) -> np.ndarray:
        rows = {int(y): i for i, y in enumerate(years)}
        return np.stack([np.asarray(block[c][rows[y]], dtype=float) for c, y in keys]
                        + list(forecast_values(block, years)))
    return keys, reduce


def _dirichlet_shares(scenario: Scenario, group: str, rng: np.random.Generator
                      ) -> dict[str, float]:
    names = scenario.entities(group)
    base = np.array([scenario.value(f"{group}.{n}.share_of_new_cases") for n in names])
    drawn = rng.dirichlet(SHARE_CONCENTRATION * base)
    return {f"{group}.{n}.share_of_new_cases": float(x) for n, x in zip(names, drawn,
                                                                          strict=True)}


def wider_truths(prior: Scenario, observations: tuple[Observation, ...], replicates: int,
                 seed: int) -> Truths:
    """``replicates`` truths: the prior's parameters drawn from the prior (seed ``seed``),
    shares and other youth care's real growth varied besides (module docstring)."""
    rng = np.random.default_rng([seed, 20])
    sets = min(SHARE_SETS, replicates)
    keys, reduce = _raw_reducer(observations)
    values = {p: v for p, v in sample_values(prior, replicates, seed).items()}
    values["costs.other_youth_care_real_growth"] = rng.normal(0.0, OTHER_GROWTH_SD, replicates)
    raw = np.empty((len(keys) + len(FORECAST_NAMES), replicates))
    bounds = np.linspace(0, replicates, sets + 1).astype(int)
    for k in range(sets):
        lo, hi = bounds[k], bounds[k + 1]
        shares = {**_dirichlet_shares(prior, "products", rng),
                  **_dirichlet_shares(prior, "referrers", rng)}
        truth = prior.with_values(shares)
        result = simulate(truth, draws=int(hi - lo), sample=False, keep=(),
                          values={p: v[lo:hi] for p, v in values.items()},
                          reduce={"raw": reduce})
        raw[:, lo:hi] = result.reduced["raw"]
    columns = {f"{c}@{y}": raw[i] for i, (c, y) in enumerate(keys)}
    return Truths(values=values, columns=columns, forecasts=raw[len(keys):])


def _round(x: float, step: float) -> float:
    return float(step * math.floor(x / step + 0.5))


def write_figures(observations: Observations, truth: Mapping[str, float],
                  rng: np.random.Generator) -> tuple[Observation, ...]:
    """The file's figures written from one truth (``"column@year" -> value``) in the format
    the documents use (module docstring, step 2); uncertainties keep the file's sd."""
    shared = {f: rng.normal(0.0, g.sd_relative) for g in observations.shared_errors
              for f in g.figures}
    out = []
    for o in observations.items:
        u = o.uncertainty
        true = truth[f"{o.column}@{o.year}"] * (1.0 + shared.get(o.id, 0.0))
        if o.to_date_flow:  # counted on a random day of the month of the date
            y, m = (int(x) for x in o.date.split("-")[:2])
            first = dataclasses.replace(o, date=f"{y:04d}-{m:02d}-01").elapsed_share()
            last = dataclasses.replace(o, date=f"{y:04d}-{m:02d}-28").elapsed_share()
            s = rng.uniform(first, last)
            true -= truth[f"{o.to_date_flow}@{o.year}"] * (1.0 - s)
        if u.kind == "normal" and not o.to_date_flow:  # a forecast, in whole millions
            step = 1e6 if abs(o.value) >= 1e6 else 1.0
            value = _round(true + rng.normal(0.0, FORECAST_ERROR_SHARE * u.sd), step)
            out.append(dataclasses.replace(o, value=value))
        elif u.kind == "normal":  # a count
            out.append(dataclasses.replace(o, value=_round(true, 1.0)))
        elif u.high is None:  # "ruim X"
            x = RUIM_STEP * math.floor(true / RUIM_STEP)
            out.append(dataclasses.replace(o, value=x, uncertainty=dataclasses.replace(
                u, low=x)))
        else:  # rounded to the width of the stated interval
            step = u.high - u.low
            v = _round(true, step)
            out.append(dataclasses.replace(o, value=v, uncertainty=dataclasses.replace(
                u, low=v - step / 2, high=v + step / 2)))
    return tuple(out)


@dataclass(frozen=True)
class CheckResult:
    """Coverage of the 90% posterior intervals: per parameter and per forecast."""

    parameters: pd.Series
    forecasts: pd.Series
    replicates: int
    draws: int
    temper: float
    ess_median: float
    khat_max: float

    @property
    def forecast_mean(self) -> float:
        return float(self.forecasts.mean())


def calibration_check(prior: Scenario, observations: Observations | str, replicates: int = 200,
                      draws: int = 100_000, seed: int = 0, temper: float | tuple | None = None
                      ) -> CheckResult | dict[float, CheckResult]:
    """Coverage of the deployed calibration under misspecification (module docstring).

    ``draws`` prior draws (the calibration's, seed ``seed``), ``replicates`` wider truths (seed
    ``seed + 1``), each calibrated on its own figures. ``temper``: one value, or several (a
    tuple) to compare on the same draws and truths (then a dict by value); None: the file's.
    """
    obs = as_observations(observations)
    temper = obs.temper if temper is None else temper
    used = obs.used()
    keys, reduce = _raw_reducer(used)
    result = simulate(prior, draws=draws, seed=seed, sample=True, keep=(),
                      reduce={"raw": reduce, "fc": forecast_values})
    prior_cols = {c: {} for c, _ in keys}
    for i, (c, y) in enumerate(keys):
        prior_cols[c][y] = result.reduced["raw"][i]
    years = np.array(sorted({y for _, y in keys}))
    arrays = {c: np.stack([by_year.get(int(y), np.zeros(draws)) for y in years])
              for c, by_year in prior_cols.items()}
    predicted = predict(arrays, years, used)  # the to-date readings use the file's date
    forecasts = result.reduced["fc"]
    values = prior_values(prior, draws, seed)
    params = sorted(values)
    truths = wider_truths(prior, used, replicates, seed + 1)
    used_obs = dataclasses.replace(obs, items=used)
    tempers = temper if isinstance(temper, tuple) else (temper,)
    rng = np.random.default_rng([seed, 30])
    figures = [write_figures(used_obs, {k: float(v[r]) for k, v in truths.columns.items()}, rng)
               for r in range(replicates)]
    hits_p = np.zeros((len(tempers), replicates, len(params)), dtype=bool)
    hits_f = np.zeros((len(tempers), replicates, len(FORECAST_NAMES)), dtype=bool)
    ess = np.zeros((len(tempers), replicates))
    khat = np.zeros((len(tempers), replicates))
    for r in range(replicates):
        ll = total_loglik(predicted, figures[r], list(range(len(used))), obs.shared_errors)
        for k, t in enumerate(tempers):
            iw = psis_weights(ll / t)
            w = iw.weights
            ess[k, r], khat[k, r] = iw.ess, iw.pareto_k
            for j, p in enumerate(params):
                lo, hi = weighted_quantiles(values[p], w, LEVELS)
                hits_p[k, r, j] = lo <= truths.values[p][r] <= hi
            for j in range(len(FORECAST_NAMES)):
                lo, hi = weighted_quantiles(forecasts[j], w, LEVELS)
                hits_f[k, r, j] = lo <= truths.forecasts[j, r] <= hi
    out = {t: CheckResult(
        parameters=pd.Series(hits_p[k].mean(axis=0), index=pd.Index(params, name="parameter"),
                             name="coverage"),
        forecasts=pd.Series(hits_f[k].mean(axis=0),
                            index=pd.Index(FORECAST_NAMES, name="forecast"), name="coverage"),
        replicates=replicates, draws=draws, temper=t, ess_median=float(np.median(ess[k])),
        khat_max=float(np.max(khat[k]))) for k, t in enumerate(tempers)}
    return out if isinstance(temper, tuple) else out[tempers[0]]
