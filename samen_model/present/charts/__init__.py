"""Charts: Results (or uncertainty/sensitivity tables) in, a matplotlib Figure out.

Every function only draws what the Result (or a table built from it) already holds, labels in
Dutch (default) or English, names scenarios by their title, formats euro axes with
:mod:`samen_model.present.formatting`, puts one provenance line (scenario titles and run key,
:func:`chart_line`) at the foot of the figure and attaches a text alternative (:func:`alt_text`).
Figures are created without pyplot (``matplotlib.figure.Figure``), so nothing is shown twice in a
notebook and no global state is touched; show one with
:func:`samen_model.products.notebooks.display.show` or save it with ``fig.savefig``.
"""

from samen_model.present.charts.base import (
    add_footer,
    alt_text,
    chart_line,
    count_formatter,
    euro_formatter,
    new_figure,
    set_alt_text,
)
from samen_model.present.charts.scenario import (
    budget_chart,
    calibration_chart,
    cumulative_savings_chart,
    deviation_chart,
    flows_chart,
    key_figure_chart,
    provider_chart,
    square_chart,
)
from samen_model.present.charts.uncertainty import (
    fan_chart,
    sobol_chart,
    tornado_chart,
)

__all__ = [
    "add_footer",
    "alt_text",
    "chart_line",
    "count_formatter",
    "set_alt_text",
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
