"""Charts: Results (or uncertainty/sensitivity tables) in, a matplotlib Figure out.

Every function only draws what the Result (or a table built from it) already holds, labels in
Dutch (default) or English, formats euro axes with :mod:`samen_model.report.formatting` and puts the
provenance line (:func:`samen_model.report.manifest.provenance_line`) at the foot of the figure.
Figures are created without pyplot (``matplotlib.figure.Figure``), so nothing is shown twice in a
notebook and no global state is touched; show one with
:func:`samen_model.report.notebook_display.show` or save it with ``fig.savefig``.
"""

from samen_model.report.plotting.base import (
    add_footer,
    count_formatter,
    euro_formatter,
    new_figure,
)
from samen_model.report.plotting.scenario_charts import (
    budget_chart,
    calibration_chart,
    cumulative_savings_chart,
    deviation_chart,
    flows_chart,
    key_figure_chart,
    provider_chart,
    square_chart,
)
from samen_model.report.plotting.uncertainty_charts import (
    fan_chart,
    sobol_chart,
    tornado_chart,
)

__all__ = [
    "add_footer",
    "count_formatter",
    "euro_formatter",
    "new_figure",
    "budget_chart",
    "calibration_chart",
    "cumulative_savings_chart",
    "deviation_chart",
    "flows_chart",
    "key_figure_chart",
    "provider_chart",
    "square_chart",
    "fan_chart",
    "sobol_chart",
    "tornado_chart",
]
