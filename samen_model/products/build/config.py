"""What ``samen report`` runs: ``reports.yaml`` read, checked and planned as notebook jobs.

See ``docs/notebooks.md``; command-line flags override the file.
"""


from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samen_model.errors import SamenInputError
from samen_model.products.notebooks.params import (
    CHECKED_PARAMETERS,
    NotebookParameterError,
    check_params,
)
from samen_model.scenario.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[3]  # the repository (editable install)
DEFAULT_CONFIG = "reports.yaml"
DEFAULT_NOTEBOOKS: tuple[dict[str, Any], ...] = (
    {"notebook": "00_calibration_2023"},
    {"notebook": "01_scenario", "parameters": {"scenario": "realised_2023"}},
    {"notebook": "02_compare"},
    {"notebook": "03_uncertainty", "parameters": {"draws": 10_000}},
    {"notebook": "04_briefing", "hide_input": True},
)
SHARED_PARAMETERS = ("scenarios", "base", "language", "scenario_dir", "seed")
# ipykernel 7 logs a warning about unencrypted local TCP on every start; keep real errors only
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]


class ReportError(RuntimeError):
    """The report could not be completed (a notebook failed); ``reports/latest`` is unchanged."""



@dataclass(frozen=True)
class NotebookJob:
    """One notebook to execute: source stem, output stem, parameters, HTML without input."""

    notebook: str
    output: str
    parameters: dict[str, Any] = field(default_factory=dict)
    hide_input: bool = False


@dataclass(frozen=True)
class ReportConfig:
    """What ``samen report`` runs (``reports.yaml``; flags override)."""

    scenarios: list[str] | None = None  # None: every *.yaml in the scenario folder
    base: str = "plan_2022"
    language: str = "nl"
    seed: int = 1  # seed of the sampled numbers (Monte Carlo notebooks)
    jobs: int = 2
    notebooks: list[dict[str, Any]] = field(default_factory=lambda: list(DEFAULT_NOTEBOOKS))
    extra_notebooks: list[str | dict[str, Any]] = field(default_factory=list)


def load_config(path: str | Path | None) -> ReportConfig:
    """Read a report configuration YAML; a missing default file gives the built-in defaults."""
    if path is None:
        return ReportConfig()
    path = Path(path)
    if path.is_file() and not path.read_text(encoding="utf-8").strip():
        return ReportConfig()
    data = read_yaml(path, SamenInputError, "report configuration (YAML)",
                     "a mapping of settings")
    known = {f for f in ReportConfig.__dataclass_fields__}
    for key in data:
        if key not in known:
            raise SamenInputError(path, key, f"one of the settings {', '.join(sorted(known))}")
    scen = data.get("scenarios", "all")
    if scen == "all" or scen is None:
        data["scenarios"] = None
    elif not (isinstance(scen, list) and all(isinstance(s, str) for s in scen)):
        raise SamenInputError(path, "scenarios", "'all' or a list of scenario names")
    for key, kind in (("jobs", int), ("seed", int), ("base", str), ("language", str),
                      ("notebooks", list), ("extra_notebooks", list)):
        if key in data and not isinstance(data[key], kind):
            raise SamenInputError(path, key, f"a {kind.__name__}")
    return ReportConfig(**data)


def _entry(item: str | dict[str, Any], where: str) -> dict[str, Any]:
    if isinstance(item, str):
        return {"notebook": item}
    if not isinstance(item, dict) or not isinstance(item.get("notebook"), str):
        raise SamenInputError(where, "notebooks", "entries like {notebook: 01_scenario, "
                              "parameters: {...}} or a notebook name")
    unknown = set(item) - {"notebook", "parameters", "output", "hide_input"}
    if unknown:
        raise SamenInputError(where, f"notebooks.{item['notebook']}",
                              f"only notebook, parameters, output, hide_input (not "
                              f"{', '.join(sorted(unknown))})")
    return item


def plan_jobs(config: ReportConfig, notebook_dir: Path, scenario_dir: Path,
              scenarios: list[str]) -> list[NotebookJob]:
    """The notebook jobs with their parameters, checked before any kernel starts.

    Shared settings (``scenarios``, ``base``, ``language``, ``scenario_dir``, ``seed``) are
    passed to a notebook only when it declares that parameter and the entry does not set it.
    """
    import papermill as pm

    jobs: list[NotebookJob] = []
    seen: set[str] = set()
    shared = {"scenarios": scenarios, "base": config.base, "language": config.language,
              "scenario_dir": str(scenario_dir.resolve()), "seed": config.seed}
    for raw in [*config.notebooks, *config.extra_notebooks]:
        item = _entry(raw, "report configuration")
        path = notebook_dir / f"{item['notebook']}.ipynb"
        if not path.is_file():
            raise SamenInputError(path, "<file>", f"an existing notebook in {notebook_dir}")
        declared = pm.inspect_notebook(str(path))
        params = dict(item.get("parameters") or {})
        for name in params:
            if name not in declared:
                raise SamenInputError(path, f"parameters.{name}", "a parameter the notebook "
                                      f"declares ({', '.join(declared) or 'none'})")
        for name in SHARED_PARAMETERS:
            if name in declared and name not in params:
                params[name] = shared[name]
        checkable = {k: v for k, v in params.items() if k in CHECKED_PARAMETERS}
        try:
            check_params(params.get("scenario_dir", str(scenario_dir)), **checkable)
        except NotebookParameterError as exc:
            raise SamenInputError(path, f"parameters.{exc.field}", exc.expected) from None
        output = item.get("output") or item["notebook"] + (
            f"_{item['parameters']['scenario']}"
            if "scenario" in (item.get("parameters") or {}) else "")
        while output in seen:
            output += "_"
        seen.add(output)
        jobs.append(NotebookJob(item["notebook"], output, params,
                                bool(item.get("hide_input", "briefing" in item["notebook"]))))
    return jobs
