"""What ``samen report`` runs: ``reports.yaml`` read, checked and planned as notebook jobs.

See ``docs/notebooks.md``; command-line flags override the file.
"""


from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samen_model.errors import SamenInputError
from samen_model.files import PLAIN_NAME_TEXT, plain_name
from samen_model.products.notebooks.params import (
    CHECKED_PARAMETERS,
    NotebookParameterError,
    check_params,
)
from samen_model.scenario.yaml_reader import LIMITS, read_text_limited, read_yaml

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
#: Largest seed (as on the command line) and most notebooks run at the same time.
MAX_SEED = 2**63 - 1
MAX_JOBS = 64
LANGUAGES = ("nl", "en")
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
    what = "report configuration (YAML)"
    raw = read_text_limited(path, SamenInputError, what, LIMITS.max_bytes)
    if not raw.strip():
        return ReportConfig()
    data = read_yaml(path, SamenInputError, what, "a mapping of settings")
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
        if key in data and (not isinstance(data[key], kind) or isinstance(data[key], bool)):
            raise SamenInputError(path, key, f"a {kind.__name__}")
    if "seed" in data and not 0 <= data["seed"] <= MAX_SEED:
        raise SamenInputError(path, "seed", f"an integer from 0 to {MAX_SEED} (got "
                              f"{data['seed']})")
    if "jobs" in data and not 1 <= data["jobs"] <= MAX_JOBS:
        raise SamenInputError(path, "jobs", f"notebooks at the same time, 1 to {MAX_JOBS} "
                              f"(got {data['jobs']})")
    if "language" in data and data["language"] not in LANGUAGES:
        raise SamenInputError(path, "language", f"one of {', '.join(LANGUAGES)} (got "
                              f"{data['language']!r})")
    if "base" in data and not plain_name(data["base"]):
        raise SamenInputError(path, "base", f"a scenario name: {PLAIN_NAME_TEXT}")
    if data.get("scenarios"):
        for i, name in enumerate(data["scenarios"]):
            if not plain_name(name):
                raise SamenInputError(path, f"scenarios[{i}]", f"a scenario name: "
                                      f"{PLAIN_NAME_TEXT} (got {name!r})")
    for key in ("notebooks", "extra_notebooks"):
        for i, item in enumerate(data.get(key) or []):
            _entry(item, path, f"{key}[{i}]")
    return ReportConfig(**data)


def _entry(item: str | dict[str, Any], where: str | Path, field: str = "notebooks"
           ) -> dict[str, Any]:
    """A notebook entry as a mapping; its notebook and output are plain names (they become
    file names inside the run folder)."""
    if isinstance(item, str):
        item = {"notebook": item}
    if not isinstance(item, dict) or not isinstance(item.get("notebook"), str):
        raise SamenInputError(where, field, "entries like {notebook: 01_scenario, "
                              "parameters: {...}} or a notebook name")
    unknown = set(item) - {"notebook", "parameters", "output", "hide_input"}
    if unknown:
        raise SamenInputError(where, f"{field}.{item['notebook']}",
                              f"only notebook, parameters, output, hide_input (not "
                              f"{', '.join(sorted(map(str, unknown)))})")
    for key in ("notebook", "output"):
        if item.get(key) is not None and not plain_name(item[key]):
            raise SamenInputError(where, f"{field}.{key}", f"a file name in the run folder: "
                                  f"{PLAIN_NAME_TEXT} (got {item[key]!r})")
    if item.get("parameters") is not None and not isinstance(item["parameters"], dict):
        raise SamenInputError(where, f"{field}.parameters", "a mapping of notebook parameters")
    scenario = (item.get("parameters") or {}).get("scenario")
    if scenario is not None and not plain_name(scenario):
        raise SamenInputError(where, f"{field}.parameters.scenario",
                              f"a scenario name: {PLAIN_NAME_TEXT} (got {scenario!r})")
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
        if not plain_name(output):  # a composed name that grew too long
            raise SamenInputError(path, "output", f"a file name in the run folder: "
                                  f"{PLAIN_NAME_TEXT} (got {output!r})")
        seen.add(output)
        jobs.append(NotebookJob(item["notebook"], output, params,
                                bool(item.get("hide_input", "briefing" in item["notebook"]))))
    return jobs


def briefing_job(plan: list[NotebookJob]) -> NotebookJob | None:
    """The first job of ``plan`` whose notebook is a briefing (its name says so), or None."""
    return next((j for j in plan if "briefing" in j.notebook), None)


def job_parameters(job: NotebookJob, notebook_dir: Path) -> dict[str, Any]:
    """Every parameter ``job``'s notebook runs with: its declared defaults, then the job's.

    A default that is not a plain value (a number, text, list) is refused: the build could not
    run what the notebook would.
    """
    import papermill as pm

    path = notebook_dir / f"{job.notebook}.ipynb"
    values: dict[str, Any] = {}
    for name, spec in pm.inspect_notebook(str(path)).items():
        if name in job.parameters:
            continue
        try:
            values[name] = ast.literal_eval(str(spec["default"]))
        except (ValueError, SyntaxError):
            raise SamenInputError(path, f"parameters.{name}", "a default that is a plain "
                                  f"value (got {spec['default']!r})") from None
    return {**values, **job.parameters}
