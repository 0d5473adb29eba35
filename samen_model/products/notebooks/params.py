"""Notebook parameters: check what papermill injects, and run scenarios by name.

:func:`check_params` stops a notebook (and ``samen report``, before any kernel starts) with a
message naming the parameter and what was expected.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from samen_model.analysis.outputs import OUTPUT_NAMES, output
from samen_model.errors import SamenInputError
from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.scenario.library import find_scenario_dir, known_names, load_named

HORIZON_RANGE = (2025, 2100)


class NotebookParameterError(SamenInputError):
    """A notebook parameter with a wrong type or value; names the parameter and the expectation."""

    def __init__(self, name: str, expected: str, got: Any) -> None:
        super().__init__("notebook parameters", name, f"expected {expected}, got {got!r}")


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def _check_name(name: str, value: Any, known: list[str], folder: Path) -> None:
    if not isinstance(value, str):
        raise NotebookParameterError(name, "a scenario name (text)", value)
    if value not in known:
        raise NotebookParameterError(
            name, f"a scenario name in {folder} or a shipped one (one of: "
            f"{', '.join(known)})", value)


#: Parameters :func:`check_params` knows (the report checks these before any kernel starts).
CHECKED_PARAMETERS = ("scenario", "base", "scenarios", "horizon", "language", "seed", "draws",
                      "uncertainty_scenario", "breakeven_scenario", "outputs", "sobol_n")
SOBOL_N_MAX = 65_536


def _check_uncertain(name: str, value: str, folder: Path) -> None:
    if not load_named(value, folder).uncertain_parameters():
        raise NotebookParameterError(
            name, "a scenario with at least one parameter with a distribution (e.g. "
            "uncertainty_2023)", value)


def _check_outputs(name: str, value: Any) -> None:
    expected = (f"a non-empty list of output names ({', '.join(OUTPUT_NAMES)}, any years, or "
                "COLUMN:YEAR / COLUMN:FIRST-LAST)")
    if not isinstance(value, (list, tuple)) or not value:
        raise NotebookParameterError(name, expected, value)
    for item in value:
        if not isinstance(item, str):
            raise NotebookParameterError(name, expected, item)
        try:
            output(item)
        except SamenInputError:
            raise NotebookParameterError(name, expected, item) from None


def check_params(scenario_dir: str | Path | None = "", uncertain: Sequence[str] = (),
                 **params: Any) -> Path:
    """Check a notebook's parameters; return the scenario folder they refer to.

    Known parameters: ``scenario``, ``base`` and ``breakeven_scenario`` (a scenario name),
    ``uncertainty_scenario`` (a scenario name with at least one distribution), ``scenarios`` (a
    non-empty list of scenario names), ``horizon`` (a year, integer 2025-2100), ``language``
    ("nl" or "en"), ``seed`` (integer >= 0), ``draws`` (integer >= 1), ``outputs`` (a
    non-empty list of output names, :func:`samen_model.analysis.outputs.output`), ``sobol_n`` (a
    power of two from 2 to 65536). The scenario parameters named in ``uncertain`` must also
    have a distribution. Raises :class:`NotebookParameterError` naming the parameter and what
    was expected.
    """
    if scenario_dir is not None and not isinstance(scenario_dir, (str, Path)):
        raise NotebookParameterError("scenario_dir", "a folder path (text) or ''", scenario_dir)
    folder = find_scenario_dir(scenario_dir)
    if not folder.is_dir():
        raise NotebookParameterError("scenario_dir", "an existing folder with scenario files",
                                     str(folder))
    known = known_names(folder)
    for name, value in params.items():
        if name in ("scenario", "base", "breakeven_scenario", "uncertainty_scenario"):
            _check_name(name, value, known, folder)
            if name == "uncertainty_scenario" or name in uncertain:
                _check_uncertain(name, value, folder)
        elif name == "scenarios":
            if not isinstance(value, (list, tuple)) or not value:
                raise NotebookParameterError(name, "a non-empty list of scenario names", value)
            for item in value:
                _check_name(name, item, known, folder)
        elif name == "horizon":
            lo, hi = HORIZON_RANGE
            if not _is_int(value) or not lo <= value <= hi:
                raise NotebookParameterError(name, f"a year as an integer from {lo} to {hi}",
                                             value)
        elif name == "language":
            if value not in fmt.LANGUAGES:
                raise NotebookParameterError(name, f"one of {', '.join(fmt.LANGUAGES)}", value)
        elif name == "seed":
            if not _is_int(value) or value < 0:
                raise NotebookParameterError(name, "an integer >= 0", value)
        elif name == "draws":
            if not _is_int(value) or value < 1:
                raise NotebookParameterError(name, "an integer >= 1", value)
        elif name == "outputs":
            _check_outputs(name, value)
        elif name == "author":
            if not isinstance(value, str):
                raise NotebookParameterError(name, "a text (empty for the municipality)", value)
        elif name == "sobol_n":
            if not _is_int(value) or not 2 <= value <= SOBOL_N_MAX or value & (value - 1):
                raise NotebookParameterError(
                    name, f"a power of two from 2 to {SOBOL_N_MAX} (e.g. 256)", value)
        else:
            raise NotebookParameterError(name, "a known notebook parameter", value)
    return folder


def with_base(scenarios: Sequence[str], base: str) -> list[str]:
    """The scenario list with ``base`` first (added if missing), no duplicates."""
    return [base, *[s for s in dict.fromkeys(scenarios) if s != base]]
