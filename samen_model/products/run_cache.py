"""What one ``samen report`` run computes once and hands to its notebooks.

The build runs the Monte Carlo of each (scenario, draws, seed) once
(:class:`~samen_model.analysis.monte_carlo.MonteCarloRuns`) and composes the council briefing
once. Before the notebooks start it saves both into a folder of the run (:func:`save`) and
names that folder to the notebook kernels in the environment variable :data:`ENV`. Notebook
03 then summarises the saved draws (:func:`monte_carlo`) and notebook 04 shows the composed
briefing (:func:`briefing_for`) instead of computing them again; opened on their own (no such
folder), they compute as before. Every entry is found by what determines it (scenario hash,
draws and seed; the briefing's parameters), so a folder never hands over numbers of other
inputs. Draws are stored as ``.npz`` (exact float64), the briefing as JSON
(:meth:`~samen_model.products.briefing.content.Briefing.to_dict`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from samen_model.analysis.monte_carlo import (
    MonteCarloDraws,
    MonteCarloRuns,
    MonteCarloSummary,
)
from samen_model.products.briefing.content import Briefing
from samen_model.scenario.library import find_scenario_dir
from samen_model.scenario.scenario import Scenario

#: The environment variable that names the run's shared folder to the notebook kernels.
ENV = "SAMEN_REPORT_SHARED"
BRIEFING_FILE = "briefing.json"
_META = ("scenario", "scenario_hash", "draws", "seed", "samen_start_year",
         "transition_end_year")


def shared_folder() -> Path | None:
    """The folder :data:`ENV` names (set by ``samen report`` for its notebooks), or None."""
    value = os.environ.get(ENV, "")
    return Path(value) if value and Path(value).is_dir() else None


def _npz_name(key: tuple[str, int, int]) -> str:
    return "draws-{}-{}-{}.npz".format(*key)


def save(folder: Path, runs: MonteCarloRuns, briefing: Briefing | None = None,
         briefing_key: dict[str, Any] | None = None) -> None:
    """Write every run of ``runs`` (one ``.npz`` each) and the composed ``briefing`` with the
    parameters it was composed from (``briefing_key``, :func:`briefing_key`) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for run in runs:
        meta = json.dumps({k: getattr(run, k) for k in _META})
        np.savez(folder / _npz_name(run.key), meta=np.array(meta), years=run.years,
                 shortfall=run.shortfall, columns=np.array(list(run.arrays)),
                 **{f"column_{i}": a for i, a in enumerate(run.arrays.values())})
    if briefing is not None:
        (folder / BRIEFING_FILE).write_text(
            json.dumps({"key": briefing_key, "briefing": briefing.to_dict()}), encoding="utf-8")


def load_draws(folder: Path, scenario: Scenario, draws: int, seed: int
               ) -> MonteCarloDraws | None:
    """The saved run of ``scenario`` with ``draws`` and ``seed`` in ``folder``, or None."""
    path = folder / _npz_name((scenario.hash, draws, seed))
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        columns = [str(c) for c in data["columns"]]
        arrays = {c: data[f"column_{i}"] for i, c in enumerate(columns)}
        return MonteCarloDraws(**meta, years=data["years"], arrays=arrays,
                               shortfall=data["shortfall"])


def briefing_key(scenarios: Sequence[str], uncertainty_scenario: str | None, draws: int,
                 seed: int, language: str, scenario_dir: str | Path | None,
                 author: str) -> dict[str, Any]:
    """What a composed briefing depends on besides the scenario files (the folder resolved)."""
    return {"scenarios": list(scenarios), "uncertainty_scenario": uncertainty_scenario,
            "draws": int(draws), "seed": int(seed), "language": language,
            "scenario_dir": str(find_scenario_dir(scenario_dir).resolve()), "author": author}


def load_briefing(folder: Path, key: dict[str, Any]) -> Briefing | None:
    """The briefing saved in ``folder`` if it was composed from ``key``, else None."""
    path = folder / BRIEFING_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Briefing.from_dict(data["briefing"]) if data["key"] == key else None


def _runs_of(folder: Path | None, scenarios: Sequence[Scenario], draws: int, seed: int
             ) -> MonteCarloRuns:
    """The runs of ``scenarios`` saved in ``folder`` (those there are)."""
    found = [load_draws(folder, s, draws, seed) for s in scenarios] if folder else []
    return MonteCarloRuns([r for r in found if r is not None])


def monte_carlo(scenario: Scenario, draws: int = 10_000, seed: int = 0,
                **options: Any) -> MonteCarloSummary:
    """:func:`~samen_model.analysis.monte_carlo.monte_carlo` (``options``: columns,
    percentiles, savings_year, outputs), from the report's saved draws when there are any."""
    runs = _runs_of(shared_folder(), [scenario], draws, seed)
    return runs.monte_carlo(scenario, draws, seed, **options)


def briefing_for(scenarios: Sequence[str], uncertainty_scenario: str | None, draws: int,
                 seed: int, language: str = "nl", scenario_dir: str | Path | None = "",
                 author: str = "") -> Briefing:
    """The briefing ``samen report`` composed for these parameters (what its PDF and Word
    show), or, outside a report, :func:`~samen_model.products.briefing.run.briefing_for`."""
    from samen_model.products.briefing.run import briefing_for as compose

    folder = shared_folder()
    key = briefing_key(scenarios, uncertainty_scenario, draws, seed, language, scenario_dir,
                       author)
    found = load_briefing(folder, key) if folder else None
    if found is not None:
        return found
    return compose(scenarios, uncertainty_scenario, draws, seed, language, scenario_dir,
                   author=author)
