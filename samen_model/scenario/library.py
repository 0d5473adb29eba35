"""Scenario and observation files by name: which folder, which names, load one.

Notebooks and the report name scenarios by file stem (``realised_2023``); this module finds the
folder they live in and loads them. Paths given explicitly are used as they are.
"""

from __future__ import annotations

import os
from pathlib import Path

from samen_model.errors import ScenarioError
from samen_model.scenario.scenario import SHIPPED_DIR, Scenario, load_scenario

#: The repository folder next to the package (an editable install / a clone).
REPOSITORY = Path(__file__).resolve().parents[2]

#: Environment variable that gives :func:`load_named` an ``input_root`` when none is passed
#: (``samen report --input-root DIR`` sets it for the notebooks it runs).
INPUT_ROOT_ENV = "SAMEN_INPUT_ROOT"


def find_dir(kind: str, given: str | Path | None = "") -> Path:
    """The folder ``kind`` (``scenarios`` or ``observations``).

    An explicit ``given`` is used as is. Empty: the first ``<kind>/`` folder with ``*.yaml``
    files in the working directory or one of its parents (papermill and nbval run a notebook
    with the working directory ``notebooks/``), else the repository's folder next to this
    package (editable install).
    """
    if given:
        return Path(given)
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / kind
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    return REPOSITORY / kind


def find_scenario_dir(scenario_dir: str | Path | None = "") -> Path:
    """The folder with the scenario files (:func:`find_dir` for ``scenarios``)."""
    return find_dir("scenarios", scenario_dir)


def scenario_names(scenario_dir: str | Path | None = "") -> list[str]:
    """Names (file stems) of the scenarios in the folder, sorted."""
    return sorted(p.stem for p in find_scenario_dir(scenario_dir).glob("*.yaml"))


def known_names(scenario_dir: str | Path | None = "") -> list[str]:
    """Names a notebook may use: the folder's scenarios and the shipped ones, sorted."""
    shipped = {p.stem for p in SHIPPED_DIR.glob("*.yaml")}
    return sorted(set(scenario_names(scenario_dir)) | shipped)


def named_file(name: str, scenario_dir: str | Path | None = "") -> Path:
    """``<scenario_dir>/<name>.yaml``, or the shipped scenario of that name when the folder
    has none (a folder of one's own needs no copy of ``plan_2022``)."""
    own = find_scenario_dir(scenario_dir) / f"{name}.yaml"
    shipped = SHIPPED_DIR / f"{name}.yaml"
    return shipped if not own.is_file() and shipped.is_file() else own


def load_named(name: str, scenario_dir: str | Path | None = "",
               horizon: int | None = None, input_root: str | Path | None = None) -> Scenario:
    """Load the scenario ``name`` (:func:`named_file`); with ``horizon`` set as its
    ``time.last_year``. ``input_root`` as in ``load_scenario`` (default: the environment
    variable :data:`INPUT_ROOT_ENV`, else the scenario's own folder)."""
    root = input_root or os.environ.get(INPUT_ROOT_ENV) or None
    scenario = load_scenario(named_file(name, scenario_dir), input_root=root)
    if horizon is not None and horizon != scenario.value("time.last_year"):
        scenario = scenario.with_values({"time.last_year": int(horizon)})
    return scenario


def resolve_scenario(text: str | Path, scenario_dir: str | Path | None = "") -> Path:
    """The file of a scenario given on the command line: a path, or a name in the folder.

    A text naming an existing file, or with a folder or a ``.yaml``/``.yml`` suffix, is a path
    (checked when loaded). Otherwise it is the name of ``<scenario_dir>/<name>.yaml``
    (:func:`find_scenario_dir`); an unknown name is refused with the names there.
    """
    text = str(text)
    path = Path(text)
    if not text.strip():
        raise ScenarioError("''", "<scenario>", "a scenario name or file (got an empty text)")
    if path.is_file() or path.suffix.lower() in (".yaml", ".yml") or len(path.parts) > 1:
        return path
    folder = find_scenario_dir(scenario_dir)
    candidate = folder / f"{text}.yaml"
    if candidate.is_file():
        return candidate
    names = scenario_names(scenario_dir)
    shown = ", ".join(names[:20]) + (" ..." if len(names) > 20 else "")
    here = next((f"./{text}{ext}" for ext in (".yaml", ".yml") if Path(text + ext).is_file()),
                None)
    hint = f" (did you mean {here}?)" if here else ""
    raise ScenarioError(text, "<scenario>", f"the path of a scenario file{hint} or the name of "
                        f"one in {folder} ({shown or 'none there'})")
