"""Layer 1, scenario: what goes into a run.

Reads and validates scenario and observation files (the only code that parses YAML), holds the
parameter catalogue, parameter values and distributions, the data files shipped with the
package, and sampling (seeded uniforms, rank-correlation copula). Imports no other layer.
"""

from samen_model.scenario.scenario import Scenario, load_scenario

__all__ = ["Scenario", "load_scenario"]
