"""samen_model: financial simulation of Groningen's youth-care reform SAMEN.

>>> from samen_model import load_scenario, simulate       # doctest: +SKIP
>>> result = simulate(load_scenario("scenarios/realised_2023.yaml"))  # doctest: +SKIP
>>> result.yearly                                        # doctest: +SKIP
"""

__version__ = "0.1.0"

from samen_model.errors import DataFileError, SamenInputError, ScenarioError  # noqa: E402
from samen_model.results import Result  # noqa: E402
from samen_model.scenarios import Scenario, load_scenario  # noqa: E402
from samen_model.simulate import simulate  # noqa: E402

__all__ = [
    "DataFileError",
    "Result",
    "SamenInputError",
    "Scenario",
    "ScenarioError",
    "__version__",
    "load_scenario",
    "simulate",
]
