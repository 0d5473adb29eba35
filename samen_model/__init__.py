"""samen_model: financial simulation of Groningen's youth-care reform SAMEN.

The package's folders are its layers, each importing only from the ones below it:

    cli  ->  products  ->  present  ->  analysis  ->  model  ->  scenario

(``errors``, ``parallel`` and ``_version`` are shared by all and import none of them.) See
``docs/architecture.md``.

>>> from samen_model import load_scenario, simulate       # doctest: +SKIP
>>> result = simulate(load_scenario("scenarios/realised_2023.yaml"))  # doctest: +SKIP
>>> result.yearly                                        # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from samen_model._version import __version__
from samen_model.errors import DataFileError, ObservationError, SamenInputError, ScenarioError

if TYPE_CHECKING:  # imported on first use (the `samen` command starts without numpy/pandas)
    from samen_model.analysis.calibration.fit import Calibration, calibrate
    from samen_model.model.results import Result
    from samen_model.model.simulate import simulate
    from samen_model.scenario.observations import load_observations
    from samen_model.scenario.scenario import Scenario, load_scenario

#: Public names imported on first use: name -> module.
_LAZY = {
    "Calibration": "samen_model.analysis.calibration.fit",
    "calibrate": "samen_model.analysis.calibration.fit",
    "Result": "samen_model.model.results",
    "simulate": "samen_model.model.simulate",
    "load_observations": "samen_model.scenario.observations",
    "Scenario": "samen_model.scenario.scenario",
    "load_scenario": "samen_model.scenario.scenario",
}


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562), so ``import samen_model`` stays light."""
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'samen_model' has no attribute {name!r}")


__all__ = [
    "Calibration",
    "DataFileError",
    "ObservationError",
    "Result",
    "SamenInputError",
    "Scenario",
    "ScenarioError",
    "__version__",
    "calibrate",
    "load_observations",
    "load_scenario",
    "simulate",
]
