"""The public entry point: scenario -> Result, one code path for one draw or ten million.

A deterministic run, Monte Carlo, calibration (reducers, nothing kept), sensitivity and
break-even (per-draw ``values``) all go through :func:`simulate`: blocks of draws are sampled,
turned into engine inputs and computed on both cores (:mod:`samen_model.model.stream`),
keeping only the columns and reductions asked for.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from samen_model.errors import SamenInputError
from samen_model.model.from_scenario import InputBuilder
from samen_model.model.inputs import Inputs
from samen_model.model.results import Result
from samen_model.model.stream import Reducer, stream
from samen_model.scenario.sampling import sample_values
from samen_model.scenario.scenario import Scenario


def _check_run(scenario: Scenario, draws: int, sample: bool,
               values: Mapping[str, np.ndarray]) -> None:
    """Refuse what cannot be run: a bad number of draws, per-draw values of the wrong length,
    Monte Carlo on a scenario without any distribution."""
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)) or draws < 1:
        raise ValueError(f"draws: expected a positive integer, got {draws!r}")
    for path, v in values.items():
        if np.ndim(v) != 1 or len(v) != draws:
            raise ValueError(f"values[{path!r}] must have length draws={draws}")
    if sample and not values and not scenario.uncertain_parameters():
        raise SamenInputError(
            scenario.path, "draws",
            f"a scenario with at least one parameter with a distribution for Monte Carlo "
            f"(draws > 1 or sample=True); {scenario.name} has none, so every draw would be the "
            "same: run it with draws=1, or use a scenario with distributions such as "
            "uncertainty_2023")


def simulation_inputs(
    scenario: Scenario, draws: int, seed: int, sample: bool,
    values: dict[str, np.ndarray] | None = None,
) -> Inputs:
    """The engine inputs of all draws of a run at once: sampled distributions (if ``sample``),
    then ``values`` (the pure-Python reference uses this; :func:`simulate` streams blocks)."""
    values = dict(values or {})
    _check_run(scenario, draws, sample, values)
    per_draw = sample_values(scenario, draws, seed) if sample else {}
    per_draw.update(values)
    return InputBuilder(scenario).build(draws, per_draw)


def simulate(
    scenario: Scenario,
    draws: int = 1,
    seed: int = 0,
    sample: bool | None = None,
    values: dict[str, np.ndarray] | None = None,
    keep: tuple[str, ...] | list[str] | None = None,
    reduce: Mapping[str, Reducer] | None = None,
) -> Result:
    """Run the model with its paired counterfactual.

    ``draws`` draws of every parameter that has a distribution (seeded, reproducible,
    prefix-stable: draw k does not depend on ``draws``); with ``draws=1`` and ``sample`` unset
    every parameter takes its central value (a deterministic run). Monte Carlo on a scenario
    without distributions is refused (:class:`~samen_model.errors.SamenInputError`, field
    ``draws``) unless ``values`` gives per-draw values. ``values`` sets given parameters per
    draw (sensitivity and break-even use it) and takes precedence over sampling.

    ``keep``: the output columns to store (``None`` all, ``()`` none). ``reduce``: name ->
    ``fn(block, years)`` returning ``(b,)`` or ``(k, b)`` numbers per draw of each block
    (``block`` maps every column to a ``(year, b)`` array), concatenated over the draws in
    ``Result.reduced[name]``. A request whose stored outputs would not fit in memory is refused
    before anything is computed.
    """
    values = dict(values or {})
    sample = draws > 1 if sample is None else bool(sample)
    _check_run(scenario, draws, sample, values)
    builder = InputBuilder(scenario)

    def block_inputs(start: int, stop: int) -> Inputs:
        per_draw = sample_values(scenario, stop - start, seed, start) if sample else {}
        per_draw.update({p: np.asarray(v, dtype=float)[start:stop] for p, v in values.items()})
        return builder.build(stop - start, per_draw)

    varies = bool(values) or (sample and bool(scenario.uncertain_parameters()))
    try:
        out = stream(block_inputs, draws, builder.years, keep, reduce, varies=varies)
    except SamenInputError as exc:
        if exc.file != "<input>" or scenario.path is None:
            raise
        raise SamenInputError(scenario.path, exc.field, exc.expected) from None
    return Result(scenario=scenario, years=builder.years, arrays=out.arrays, draws=draws,
                  seed=seed, sampled=sample, reduced=out.reduced)
