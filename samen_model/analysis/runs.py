"""Runs of scenarios by name: what the notebooks, the briefing and the build ask for."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.scenario.library import load_named


def run_named(names: str | Sequence[str], scenario_dir: str | Path | None = "",
              horizon: int | None = None, seed: int = 0) -> list[Result]:
    """Deterministic runs (central values) of the named scenarios, in the given order."""
    if isinstance(names, str):
        names = [names]
    return [simulate(load_named(n, scenario_dir, horizon), seed=seed) for n in names]
