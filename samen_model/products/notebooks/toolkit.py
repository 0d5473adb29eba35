"""What the notebooks call, in one namespace: ``from samen_model.products import notebook as nt``.

Parameter checks and scenarios by name, display tables, calibration and uncertainty tables,
break-even cases and display helpers. The notebooks in ``notebooks/`` stay thin (no ``def`` or
``class``); everything they compute or format lives in the modules re-exported here.
"""

from samen_model.analysis.runs import run_named
from samen_model.analysis.breakeven import BreakEvenCase, breakeven_cases, run_breakeven
from samen_model.products.run_cache import briefing_for, monte_carlo
from samen_model.present.tables.observed import (
    DEFAULT_OBSERVATIONS,
    calibration_explanations,
    calibration_frame,
    calibration_table,
    default_observations,
)
from samen_model.products.notebooks.display import (
    print_briefing_table,
    show,
    show_briefing,
    show_markdown,
    show_table,
)
from samen_model.products.notebooks.files import CHECK_OUTPUT_MARK, strip_notebook
from samen_model.products.notebooks.params import (
    CHECKED_PARAMETERS,
    HORIZON_RANGE,
    SOBOL_N_MAX,
    NotebookParameterError,
    check_params,
    with_base,
)
from samen_model.products.notebooks.text import scenario_heading, text
from samen_model.present.tables.results import (
    BUDGET_STEPS,
    FLOW_COLUMNS,
    REGISTER_HEADERS,
    SQUARE_COLUMNS,
    budget_steps_frame,
    budget_steps_table,
    differing_table,
    flows_table,
    key_figures_table,
    manifest_table,
    money_table,
    print_table,
    provider_table,
    register_table,
)
from samen_model.present.tables.uncertainty import (
    breakeven_table,
    mc_outputs_table,
    parameter_value,
    payback_table,
    probability_table,
    shortfall_table,
    uncertain_register_table,
)
from samen_model.scenario.library import find_scenario_dir, load_named, scenario_names

__all__ = [
    "BUDGET_STEPS",
    "BreakEvenCase",
    "CHECKED_PARAMETERS",
    "CHECK_OUTPUT_MARK",
    "DEFAULT_OBSERVATIONS",
    "FLOW_COLUMNS",
    "HORIZON_RANGE",
    "NotebookParameterError",
    "REGISTER_HEADERS",
    "SOBOL_N_MAX",
    "SQUARE_COLUMNS",
    "breakeven_cases",
    "breakeven_table",
    "briefing_for",
    "budget_steps_frame",
    "budget_steps_table",
    "calibration_explanations",
    "calibration_frame",
    "calibration_table",
    "check_params",
    "default_observations",
    "differing_table",
    "find_scenario_dir",
    "flows_table",
    "key_figures_table",
    "load_named",
    "manifest_table",
    "mc_outputs_table",
    "money_table",
    "monte_carlo",
    "parameter_value",
    "payback_table",
    "print_briefing_table",
    "print_table",
    "probability_table",
    "provider_table",
    "register_table",
    "run_breakeven",
    "run_named",
    "scenario_heading",
    "scenario_names",
    "show",
    "show_briefing",
    "show_markdown",
    "show_table",
    "shortfall_table",
    "strip_notebook",
    "text",
    "uncertain_register_table",
    "with_base",
]
