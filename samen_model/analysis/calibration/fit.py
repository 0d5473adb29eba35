"""Calibration: the scenario's distributions (the prior) conditioned on observed figures.

:func:`calibrate` draws the prior, runs the engine once over all draws (one call, the
:func:`predictions` helper), weights every draw by the likelihood of the figures
(:mod:`~samen_model.analysis.calibration.likelihood`), Pareto-smooths the weights and checks
k-hat and the effective sample size (:mod:`~samen_model.analysis.calibration.weights`), and
resamples an equally weighted posterior sample. Importance sampling from the prior (sampling
importance resampling, Rubin 1988) with PSIS diagnostics (Vehtari et al. 2024); the choice and
its limits are in docs/calibration.md. Diagnostics: :mod:`calibration_diagnostics`; forecast
against actual: :mod:`calibration_forecast`; saving the posterior as a scenario: the report
layer (``report/posterior_file.py``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from samen_model.analysis.calibration.likelihood import (
    predict_reducer,
    total_loglik,
)
from samen_model.analysis.calibration.weights import (
    MIN_ESS,
    CalibrationError,
    CalibrationWarning,
    ImportanceWeights,
    problems,
    psis_weights,
    systematic_resample,
)
from samen_model.errors import ObservationError, SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.engine import release_freed_memory
from samen_model.model.simulate import simulate
from samen_model.scenario.observations import Observation, Observations, load_observations
from samen_model.scenario.posterior import posterior_block
from samen_model.scenario.sampling import draw_uniforms, quantiles, sample_values
from samen_model.scenario.scenario import Scenario

DEFAULT_DRAWS = 1_000_000
DEFAULT_SAMPLE_SIZE = 4_000
METHOD = ("importance sampling from the prior with Pareto-smoothed weights (PSIS, Vehtari et "
          "al. 2024), systematic resampling")


#: Draws sampled at a time when the prior values are collected (bounded working memory).
VALUE_BLOCK = 1 << 18


def prior_values(scenario: Scenario, draws: int, seed: int) -> dict[str, np.ndarray]:
    """The prior draws of every uncertain parameter, ``(draw,)`` each, sampled block by block
    (prefix-stable sampling: the same numbers ``simulate`` draws for this seed)."""
    out = {p: np.empty(draws) for p in sorted(scenario.uncertain_parameters())}
    for start in range(0, draws, VALUE_BLOCK):
        stop = min(start + VALUE_BLOCK, draws)
        for p, v in sample_values(scenario, stop - start, seed, start).items():
            out[p][start:stop] = v
    return out


def prior_sample(scenario: Scenario, draws: int, seed: int, index: np.ndarray
                 ) -> dict[str, np.ndarray]:
    """The prior values of the draws ``index`` (sorted) of every uncertain parameter, the same
    numbers as ``prior_values(...)[p][index]``: the uniform numbers are drawn block by block
    (the streams must be walked), the quantile functions evaluated only at ``index``."""
    params = sorted(scenario.uncertain_parameters())
    out = {p: np.empty(index.size) for p in params}
    bounds = np.searchsorted(index, np.arange(0, draws + VALUE_BLOCK, VALUE_BLOCK))
    for b, start in enumerate(range(0, draws, VALUE_BLOCK)):
        picked = slice(bounds[b], bounds[b + 1])
        if picked.start == picked.stop:
            continue
        local = index[picked] - start
        for p, u in draw_uniforms(scenario, min(VALUE_BLOCK, draws - start), seed,
                                  start).items():
            out[p][picked] = quantiles(scenario.value(p), u[local])
    return out


class PriorValues(Mapping[str, np.ndarray]):
    """The prior draws of each uncertain parameter, ``(draw,)``, sampled again when asked for
    (one parameter at a time, block by block: its own stream, and the streams of the
    parameters it is correlated with), so that a calibration of 10^7 draws does not hold
    10^7 x the number of parameters values. ``values[p]`` equals ``prior_values(...)[p]``."""

    def __init__(self, scenario: Scenario, draws: int, seed: int) -> None:
        self.scenario, self.draws, self.seed = scenario, int(draws), seed
        self._params = tuple(sorted(scenario.uncertain_parameters()))

    def __getitem__(self, path: str) -> np.ndarray:
        if path not in self._params:
            raise KeyError(path)
        dist = self.scenario.value(path)
        out = np.empty(self.draws)
        for start in range(0, self.draws, VALUE_BLOCK):
            stop = min(start + VALUE_BLOCK, self.draws)
            u = draw_uniforms(self.scenario, stop - start, self.seed, start, [path])[path]
            out[start:stop] = quantiles(dist, u)
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(self._params)

    def __len__(self) -> int:
        return len(self._params)


def predictions(scenario: Scenario, observations: tuple[Observation, ...], draws: int,
                seed: int) -> np.ndarray:
    """The one engine call of a calibration: the model's value of each figure per prior draw,
    ``(observation, draw)``. The engine streams over blocks of draws and keeps no output
    column, only these predictions (a reducer): memory grows with the number of figures, not
    with the model's columns."""
    result = simulate(scenario, draws=draws, seed=seed, sample=True, keep=(),
                      reduce={"predicted": predict_reducer(observations)})
    release_freed_memory()
    return result.reduced["predicted"]


def prior_predictions(scenario: Scenario, observations: tuple[Observation, ...], draws: int,
                      seed: int) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """The prior draws per uncertain parameter ``(draw,)`` and :func:`predictions`."""
    return prior_values(scenario, draws, seed), predictions(scenario, observations, draws, seed)


@dataclass(frozen=True, eq=False)
class Calibration:
    """A calibrated prior: draws, their weights, diagnostics and the posterior sample."""

    prior: Scenario
    observations: Observations
    draws: int
    seed: int
    #: prior draws per uncertain parameter, ``(draw,)`` (:class:`PriorValues`: sampled again
    #: when read)
    values: Mapping[str, np.ndarray]
    #: the model's value of every figure of the file (also ``calibrate: false``), per draw
    predicted: np.ndarray
    weights: ImportanceWeights
    #: indices of the prior draws that form the equally weighted posterior sample
    sample_index: np.ndarray
    problems: tuple[str, ...]
    #: the values of the posterior sample per parameter, ``(sample_size,)``
    sampled: dict[str, np.ndarray]

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(sorted(self.values))

    @property
    def used(self) -> tuple[Observation, ...]:
        return self.observations.used()

    @property
    def method(self) -> str:
        """:data:`METHOD`, with the tempering of the likelihood when the file asks for it."""
        t = self.observations.temper
        return METHOD if t == 1.0 else f"{METHOD}; log-likelihood divided by {t:g} (tempered)"

    @property
    def reliable(self) -> bool:
        return not self.problems

    @property
    def pareto_k(self) -> float:
        return self.weights.pareto_k

    @property
    def ess(self) -> float:
        return self.weights.ess

    @property
    def sample(self) -> dict[str, np.ndarray]:
        """The posterior sample: values per parameter ``(sample_size,)``, equally weighted."""
        return self.sampled

    def sample_frame(self) -> pd.DataFrame:
        """The posterior sample as a table: one row per draw, one column per parameter."""
        return pd.DataFrame(self.sample, columns=list(self.parameters))

    def provenance(self) -> dict:
        """What a manifest records of the calibration: observations file, hash, diagnostics."""
        path = self.observations.path
        return {
            "observations": {"name": self.observations.name,
                             "file": str(path) if path is not None else None,
                             "hash": self.observations.hash,
                             "used": [o.id for o in self.used]},
            "calibration": {"method": self.method, "prior": self.prior.name,
                            "prior_hash": self.prior.hash, "draws": self.draws,
                            "seed": self.seed, "sample_size": int(self.sample_index.size),
                            "temper": self.observations.temper,
                            "ess": round(self.ess, 1), "pareto_k": round(self.pareto_k, 3),
                            "reliable": self.reliable, "problems": list(self.problems)},
        }


def as_observations(observations: Observations | str | Path) -> Observations:
    """An observation file, loaded (columns checked) if given as a path."""
    if isinstance(observations, Observations):
        return observations
    return load_observations(observations, COLUMN_NAMES[1:])


def _unreachable(predicted: np.ndarray, used: tuple[Observation, ...]) -> list[str]:
    """Figures whose stated range holds under 1% of the prior draws, worded for a message."""
    out = []
    for i, o in enumerate(used):
        lo, hi = o.stated_range()
        share = float(np.mean((predicted[i] >= lo) & (predicted[i] <= hi)))
        if share < 0.01:
            p5, p95 = np.percentile(predicted[i], [5, 95])
            out.append(f"{o.id} = {o.value:,.6g} (range {lo:,.6g} to {hi:,.6g}) holds "
                       f"{share:.1%} of the prior draws, whose 90% interval is {p5:,.6g} to "
                       f"{p95:,.6g}")
    return out


def calibrate(scenario: Scenario, observations: Observations | str | Path,
              draws: int = DEFAULT_DRAWS, seed: int = 0,
              sample_size: int = DEFAULT_SAMPLE_SIZE, min_ess: float = MIN_ESS,
              allow_unreliable: bool = False) -> Calibration:
    """Condition the scenario's distributions on the figures of an observation file.

    ``draws`` prior draws (seeded; ``correlations:`` applied) run through the engine once;
    each draw is weighted by the likelihood of the figures with ``calibrate: true``; the
    weights are Pareto smoothed (the log-likelihood divided by the file's ``temper``, 1 unless
    the file says otherwise); ``sample_size`` draws are resampled into an equally weighted
    posterior sample. When Pareto k-hat exceeds ``min(1 - 1/log10(draws), 0.7)`` or the
    effective sample size is below ``min_ess``, raises :class:`CalibrationError` naming the
    figures the prior hardly reaches, or with ``allow_unreliable`` warns
    (:class:`CalibrationWarning`) and marks the result unreliable. Deterministic for a given
    scenario hash, observation file hash, ``draws`` and ``seed``.
    """
    obs = as_observations(observations)
    if not scenario.uncertain_parameters():
        raise SamenInputError(scenario.path, "parameters", "a prior: a scenario with at least "
                              "one parameter with a distribution (e.g. uncertainty_2023)")
    if posterior_block(scenario.tree) is not None:
        raise SamenInputError(scenario.path, "posterior", "a prior, not an already calibrated "
                              "scenario: calibrate its prior against all observations")
    used = obs.used()
    if not used:
        raise SamenInputError(obs.path, "observations", "at least one figure with "
                              "calibrate: true")
    if not isinstance(draws, (int, np.integer)) or draws < 100:
        raise SamenInputError(None, "draws", f"an integer of at least 100 (got {draws!r})")
    if not isinstance(sample_size, (int, np.integer)) or sample_size < 1:
        raise SamenInputError(None, "sample_size", f"a positive integer (got {sample_size!r})")
    first, last = scenario.value("time.first_year"), scenario.value("time.last_year")
    for i, o in enumerate(obs.items):  # the observation file is at fault, not the scenario
        if not first <= o.year <= last:
            raise ObservationError(obs.path, f"observations[{i}].year", f"a year inside the "
                                   f"horizon {first}-{last} of {scenario.name} (got {o.year})")
    # only the predictions and the weights are kept per draw: the prior values are sampled
    # again when read (PriorValues), those of the posterior sample once at the end
    predicted = predictions(scenario, obs.items, int(draws), seed)
    mask = np.array([o.calibrate for o in obs.items])
    with np.errstate(all="ignore"):  # an overflow shows as a weight that is not finite
        loglik = total_loglik(predicted, used, np.flatnonzero(mask), obs.shared_errors) \
            / obs.temper
    if np.isnan(loglik).any() or np.isposinf(loglik).any() or not np.isfinite(loglik).any():
        raise ObservationError(obs.path, "observations", "figures and uncertainties whose "
                               "likelihood is a finite number for some prior draws (check "
                               "values and sd for extreme numbers)")
    iw = psis_weights(loglik)
    found = problems(iw, min_ess)
    if found:
        message = (f"a posterior that can be trusted; calibrating {scenario.name} against "
                   f"{obs.name} gives {' and '.join(found)}. "
                   + "; ".join(_unreachable(predicted[mask], used))
                   + (". " if _unreachable(predicted[mask], used) else "")
                   + "Check those figures and their uncertainty, widen the prior, or use more "
                   "draws; allow_unreliable=True (--allow-unreliable) keeps the result with a "
                   "warning")
        if not allow_unreliable:
            raise CalibrationError(obs.path, "observations", message)
        warnings.warn(f"{obs.path}: observations: {message}", CalibrationWarning, stacklevel=2)
    index = systematic_resample(iw.weights, int(sample_size), seed)
    return Calibration(prior=scenario, observations=obs, draws=int(draws), seed=seed,
                       values=PriorValues(scenario, int(draws), seed), predicted=predicted,
                       weights=iw, sample_index=index, problems=tuple(found),
                       sampled=prior_sample(scenario, int(draws), seed, index))
