"""Scenario discovery: which combinations of assumptions make an output cross a threshold?

:func:`discover` samples the scenario's distributions (the prior; or per-draw ``values`` given by
the caller, such as a calibrated posterior sample), runs the model once over all draws, marks the
draws where the output is above (or below) the threshold as *cases of interest*, and runs PRIM
(Patient Rule Induction Method, Friedman and Fisher 1999, as used for scenario discovery by
Bryant and Lempert 2010). PRIM peels the parameter space step by step towards a box with ever
more cases of interest inside: each step of the *peeling trajectory* trades **coverage** (share
of all cases of interest that fall inside the box) for **density** (share of the draws inside
the box that are cases of interest).

The chosen box is the one with the highest coverage among the steps whose density reaches
``min_density`` (0.8 by default; the densest step if none does). Any other step can be
inspected with :meth:`Discovery.box`.

PRIM itself is the ``prim`` package (Project Platypus), the standalone version of the EMA
Workbench's PRIM (same algorithm, same peeling trajectory); this module is the only place that
calls it. See docs/uncertainty.md.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from samen_model.analysis.outputs import Output, output
from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.scenario.sampling import sample_values
from samen_model.scenario.scenario import Scenario

DEFAULT_DRAWS = 5_000
DEFAULT_MIN_DENSITY = 0.8
Direction = Literal["above", "below"]


def _prim():
    """The ``prim`` package (imported on first use: it imports matplotlib's pyplot)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportWarning)
        import prim

    return prim


@dataclass(frozen=True)
class Discovery:
    """What :func:`discover` found. Money in EUR, shares as fractions of draws.

    ``trajectory``: one row per peeling/pasting step (``coverage``, ``density``, ``mass`` =
    share of all draws inside the box, ``restricted`` = number of parameters the box limits).
    ``limits``: the chosen box, one row per restricted parameter (``low``, ``high``, the
    sampled range ``sample_low``/``sample_high`` and ``qp``, the quasi-p-value of the
    restriction, Bryant and Lempert 2010: small = the restriction matters).
    """

    scenario: str
    scenario_hash: str
    output: str
    threshold: float
    direction: Direction
    draws: int
    seed: int
    sample: str  # "prior" (sampled distributions) or "values" (given per-draw values)
    parameters: tuple[str, ...]
    cases: int
    trajectory: pd.DataFrame
    chosen: int
    limits: pd.DataFrame
    x: pd.DataFrame = field(repr=False)
    y: np.ndarray = field(repr=False)
    outcome: np.ndarray = field(repr=False)
    _box: Any = field(repr=False, compare=False, default=None)

    @property
    def share(self) -> float:
        """Share of all draws that are cases of interest (the density of the whole space)."""
        return self.cases / self.draws

    @property
    def coverage(self) -> float:
        return float(self.trajectory["coverage"].iloc[self.chosen])

    @property
    def density(self) -> float:
        return float(self.trajectory["density"].iloc[self.chosen])

    @property
    def mass(self) -> float:
        return float(self.trajectory["mass"].iloc[self.chosen])

    def box(self, step: int) -> pd.DataFrame:
        """The limits of another step of the trajectory (same columns as ``limits``)."""
        if not 0 <= step < len(self.trajectory):
            raise SamenInputError(None, "step", f"a step from 0 to {len(self.trajectory) - 1} "
                                  f"(got {step})")
        return _limits(self._box, step, self.x)

    def inside(self, step: int | None = None) -> np.ndarray:
        """Per draw: inside the chosen box (or the box of ``step``)? Shape (draws,)."""
        lim = self.limits if step is None else self.box(step)
        mask = np.ones(self.draws, dtype=bool)
        for path, row in lim.iterrows():
            mask &= (self.x[path].to_numpy() >= row["low"]) & (self.x[path].to_numpy()
                                                                <= row["high"])
        return mask


def _limits(box: Any, step: int, x: pd.DataFrame) -> pd.DataFrame:
    """Restricted parameters of a PRIM box at ``step``, most significant (smallest qp) first."""
    current = box._cur_box
    box.select(step)  # PrimBox.limits describes the selected step; selected back below
    try:
        lim = box.limits
    finally:
        box.select(current)
    rows = [{"parameter": str(p), "low": float(r["min"]), "high": float(r["max"]),
             "sample_low": float(x[str(p)].min()), "sample_high": float(x[str(p)].max()),
             "qp": float(r["qp values"])} for p, r in lim.iterrows()]
    cols = ["parameter", "low", "high", "sample_low", "sample_high", "qp"]
    return pd.DataFrame(rows, columns=cols).sort_values("qp", kind="stable").set_index(
        "parameter")


def choose_step(trajectory: pd.DataFrame, min_density: float) -> int:
    """Highest coverage among the steps with density >= ``min_density``; else the densest
    step (ties: the earlier, less restricted step)."""
    ok = trajectory.index[trajectory["density"] >= min_density - 1e-12]
    if len(ok):
        return int(trajectory.loc[ok, "coverage"].idxmax())
    return int(trajectory["density"].idxmax())


def discover(
    scenario: Scenario,
    output_name: str | Output = "deviation_2023_2025",
    above: float | None = None,
    below: float | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = 0,
    values: Mapping[str, np.ndarray] | None = None,
    min_density: float = DEFAULT_MIN_DENSITY,
    peel_alpha: float = 0.05,
    paste_alpha: float = 0.05,
    mass_min: float = 0.05,
) -> Discovery:
    """Find the box of parameter ranges where ``output_name`` is above ``above`` (or below
    ``below``): sample, run once over all draws, PRIM (see the module doc).

    ``values``: per-draw parameter values (path -> array of length ``draws``) to use instead
    of sampling the scenario's distributions, e.g. a posterior sample; the box is then found in
    those parameters. Raises :class:`~samen_model.errors.SamenInputError` for a scenario
    without distributions (and no ``values``), a threshold that no draw or every draw
    crosses, or bad settings.
    """
    if (above is None) == (below is None):
        raise SamenInputError(None, "threshold", "exactly one of above or below")
    if not 0 < min_density <= 1:
        raise SamenInputError(None, "min_density", f"a share in (0, 1] (got {min_density})")
    out = output(output_name)
    where = scenario.path or scenario.name
    if values is None:
        if not scenario.uncertain_parameters():
            raise SamenInputError(where, "draws", "a scenario with at least one distribution "
                                  "to sample (e.g. uncertainty_2023), or per-draw values")
        if not isinstance(draws, (int, np.integer)) or draws < 50:
            raise SamenInputError(None, "draws", f"an integer >= 50 (got {draws!r})")
        values = sample_values(scenario, int(draws), seed)
        sample = "prior"
    else:
        values = {k: np.asarray(v, dtype=float) for k, v in values.items()}
        lengths = {len(v) for v in values.values()}
        if not values or len(lengths) != 1:
            raise SamenInputError(None, "values", "per-draw arrays of one common length")
        draws, sample = lengths.pop(), "values"
    result = simulate(scenario, draws=draws, seed=seed, sample=False, values=dict(values),
                      keep=out.keep)
    outcome = out(result)
    threshold = float(above if above is not None else below)
    y = outcome > threshold if above is not None else outcome < threshold
    cases = int(y.sum())
    if cases == 0 or cases == draws:
        word = "above" if above is not None else "below"
        raise SamenInputError(None, word, f"a threshold that some draws cross and some do not "
                              f"({out.name} over {draws} draws runs from {outcome.min():,.0f} "
                              f"to {outcome.max():,.0f}; {cases} {word} {threshold:,.0f})")
    x = pd.DataFrame({p: values[p] for p in sorted(values)})
    trajectory, chosen, limits, box = find_box(x, y, min_density, peel_alpha, paste_alpha,
                                               mass_min)
    return Discovery(
        scenario=scenario.name, scenario_hash=scenario.hash, output=out.name,
        threshold=threshold, direction="above" if above is not None else "below",
        draws=int(draws), seed=seed, sample=sample, parameters=tuple(x.columns), cases=cases,
        trajectory=trajectory, chosen=chosen, limits=limits, x=x, y=y, outcome=outcome,
        _box=box)


def find_box(x: pd.DataFrame, y: np.ndarray, min_density: float = DEFAULT_MIN_DENSITY,
             peel_alpha: float = 0.05, paste_alpha: float = 0.05, mass_min: float = 0.05
             ) -> tuple[pd.DataFrame, int, pd.DataFrame, Any]:
    """PRIM on any data: ``x`` one column per parameter, ``y`` True for a case of interest.

    Returns the trajectory (``coverage``, ``density``, ``mass``, ``restricted`` per step), the
    chosen step (:func:`choose_step`), its limits (as :attr:`Discovery.limits`) and the PRIM box.
    """
    box = _prim().Prim(x, np.asarray(y, dtype=bool), threshold=None, peel_alpha=peel_alpha,
                       paste_alpha=paste_alpha, mass_min=mass_min).find_box()
    raw = box.peeling_trajectory
    trajectory = pd.DataFrame({"coverage": raw["coverage"].astype(float),
                               "density": raw["density"].astype(float),
                               "mass": raw["mass"].astype(float),
                               "restricted": raw["res dim"].astype(int)})
    trajectory.index.name = "step"
    chosen = choose_step(trajectory, min_density)
    return trajectory, chosen, _limits(box, chosen, x), box
