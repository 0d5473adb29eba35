"""The public entry point: scenario -> Result, one code path for one draw or a million."""

from __future__ import annotations

import numpy as np

from samen_model.model.engine import run
from samen_model.model.from_scenario import resolve_inputs
from samen_model.model.inputs import Inputs
from samen_model.model.results import Result
from samen_model.scenario.sampling import sample_values
from samen_model.scenario.scenario import Scenario


def simulation_inputs(
    scenario: Scenario, draws: int, seed: int, sample: bool,
    values: dict[str, np.ndarray] | None = None,
) -> Inputs:
    """The engine inputs of a run: sampled distributions (if ``sample``), then ``values``."""
    if not isinstance(draws, (int, np.integer)) or draws < 1:
        raise ValueError(f"draws: expected a positive integer, got {draws!r}")
    per_draw = sample_values(scenario, draws, seed) if sample else {}
    per_draw.update(values or {})
    return resolve_inputs(scenario, draws, per_draw)


def simulate(
    scenario: Scenario,
    draws: int = 1,
    seed: int = 0,
    sample: bool | None = None,
    values: dict[str, np.ndarray] | None = None,
    keep: tuple[str, ...] | None = None,
) -> Result:
    """Run the model with its paired counterfactual.

    ``draws`` draws of every parameter that has a distribution (seeded, reproducible); with
    ``draws=1`` and ``sample`` unset every parameter takes its central value (a deterministic
    run). ``values`` sets given parameters per draw (sensitivity and break-even use it) and
    takes precedence over sampling. ``keep`` stores only the named output columns (every step
    is still computed; large Monte Carlo runs keep what their summary needs).
    """
    sample = draws > 1 if sample is None else sample
    inputs = simulation_inputs(scenario, draws, seed, sample, values)
    return Result(scenario=scenario, years=inputs.years, arrays=run(inputs, keep), draws=draws,
                  seed=seed, sampled=sample)
