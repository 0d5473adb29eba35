"""Layer 2, model: from a scenario to numbers.

Turns a scenario into arrays (``from_scenario``), runs the engine as numbered steps of pure
functions (``engine``, ``steps/``), and wraps the arrays as a :class:`Result` with the column
dictionary. The engine and its steps import only numpy: no YAML, files, pandas or plotting.
``reference/`` is an independent per-draw pure-Python implementation the tests hold it to.
Imports only the scenario layer.
"""

from samen_model.model.results import Result
from samen_model.model.simulate import simulate

__all__ = ["Result", "simulate"]
