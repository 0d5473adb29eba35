"""What notebook 06 (forecast against actual) calls: its parameter checks and the re-run of a
calibrated scenario's calibration from what its ``posterior:`` block records."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samen_model.analysis.calibration.fit import Calibration, calibrate
from samen_model.model.columns import COLUMN_NAMES
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.manifest import Run, manifest
from samen_model.products.notebooks.params import NotebookParameterError
from samen_model.products.posterior_file import calibration_manifest, sample_text
from samen_model.scenario.library import find_dir, known_names, load_named
from samen_model.scenario.observations import Observations, load_observations
from samen_model.scenario.posterior import observations_path, posterior_block, sample_sha256
from samen_model.scenario.scenario import Scenario



@dataclass(frozen=True, eq=False)
class Rerun:
    """A calibrated scenario with its calibration re-run from the prior."""

    scenario: Scenario
    calibration: Calibration
    notes: tuple[str, ...]

    def manifest(self, **extra: Any) -> dict[str, Any]:
        return calibration_manifest(self.calibration, **extra)


def check_calibration_params(folder: Path, scenario: str, forecast_scenarios: Any,
                             observations: Any, calibration_draws: Any) -> None:
    """Notebook 06's own parameters (``check_params`` checks the shared ones)."""
    known = known_names(folder)
    if not posterior_block(load_named(scenario, folder).tree):
        raise NotebookParameterError("scenario", "a calibrated scenario (with a posterior: "
                                     "block, e.g. calibrated_2023)", scenario)
    if not (isinstance(forecast_scenarios, (list, tuple)) and forecast_scenarios
            and all(isinstance(s, str) and s in known for s in forecast_scenarios)):
        raise NotebookParameterError("forecast_scenarios", "a non-empty list of scenario names "
                                     f"in {folder}", forecast_scenarios)
    names = sorted(p.stem for p in find_dir("observations").glob("*.yaml"))
    if not isinstance(observations, str) or observations not in names:
        raise NotebookParameterError("observations", "the name of an observation file in "
                                     f"observations/ (one of: {', '.join(names)})",
                                     observations)
    if isinstance(calibration_draws, bool) or not isinstance(calibration_draws, int) or (
            calibration_draws != 0 and calibration_draws < 100):
        raise NotebookParameterError("calibration_draws", "0 (as recorded) or an integer "
                                     ">= 100", calibration_draws)


def load_observation_file(name: str) -> Observations:
    """``observations/<name>.yaml`` (found from the working folder), columns checked."""
    return load_observations(find_dir("observations") / f"{name}.yaml", COLUMN_NAMES[1:])


def rerun(name: str, folder: Path, calibration_draws: int = 0, language: str = "nl") -> Rerun:
    """Calibrate the prior of the calibrated scenario ``name`` again as its ``posterior:``
    block records (prior, observation file, draws, seed, sample size) and say whether that
    reproduces the saved sample and whether the observation file changed since."""
    scenario = load_named(name, folder)
    block = posterior_block(scenario.tree) or {}
    prior = load_named(str((block.get("prior") or {}).get("name")), folder)
    obs_file = observations_path(scenario.tree)
    obs = load_observations(obs_file, COLUMN_NAMES[1:])
    recorded = int(block.get("draws") or 0)
    draws = calibration_draws or recorded
    cal = calibrate(prior, obs, draws=draws, seed=int(block.get("seed") or 0),
                    sample_size=int(block.get("sample_size") or 4000), allow_unreliable=True)
    w = msg.words("notebook.calibration", language)
    notes = []
    old = (block.get("observations") or {}).get("hash")
    if old != obs.hash:
        notes.append(w["changed"].format(old=old, new=obs.hash))
    if draws != recorded:
        notes.append(w["draws"].format(n=fmt.number(draws, 0, language),
                                       m=fmt.number(recorded, 0, language)))
    elif sample_sha256(sample_text(cal, manifest([]))) == block.get("sha256"):
        notes.append(w["same"].format(sha=str(block.get("sha256"))[:12]))
    else:
        notes.append(w["differs"])
    return Rerun(scenario, cal, tuple(notes))


def forecast_manifest(scenarios: list[Scenario], draws: int, seed: int,
                      observations: Observations, **extra: Any) -> dict[str, Any]:
    """A manifest of the forecast runs, with the observation file and its hash."""
    runs = [Run(s, draws if s.uncertain_parameters() else 1, seed,
                bool(s.uncertain_parameters())) for s in scenarios]
    return manifest(runs, observations={"name": observations.name,
                                        "file": str(observations.path),
                                        "hash": observations.hash}, **extra)
