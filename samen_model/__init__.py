"""samen_model: financial simulation of Groningen's youth-care reform SAMEN.

The package's folders are its layers, each importing only from the ones below it:

    cli  ->  products  ->  present  ->  analysis  ->  model  ->  scenario

(``errors``, ``parallel`` and ``_version`` are shared by all and import none of them.) See
``docs/architecture.md``.

>>> from samen_model import load_scenario, simulate       # doctest: +SKIP
>>> result = simulate(load_scenario("scenarios/realised_2023.yaml"))  # doctest: +SKIP
>>> result.yearly                                        # doctest: +SKIP
"""

from samen_model._version import __version__
from samen_model.analysis.calibration.fit import Calibration, calibrate
from samen_model.errors import DataFileError, ObservationError, SamenInputError, ScenarioError
from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.scenario.observations import load_observations
from samen_model.scenario.scenario import Scenario, load_scenario

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
