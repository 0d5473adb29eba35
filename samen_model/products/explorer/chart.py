"""The explorer's chart: base and what-if side by side, per year, with the provenance footer."""

from __future__ import annotations

import io
from typing import Any

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.charts.base import add_footer, euro_formatter, new_figure
from samen_model.present.manifest import manifest
from samen_model.products.explorer.whatif import Band, WhatIf

PANELS = (("square_deviation_eur", "deviation"), ("cumulative_net_savings_eur", "cumulative"))
BASE_STYLE = {"color": "0.45", "ls": "--", "lw": 1.4}
WHAT_IF_STYLE = {"color": "#c0392b", "lw": 2.0, "marker": "o", "ms": 3}


def whatif_chart(whatif: WhatIf, language: str = "nl", info: dict[str, Any] | None = None,
                 band: Band | None = None) -> Figure:
    """Square deviation per year and cumulative net savings (EUR): base dashed, what-if solid,
    with the 5-95% band of the uncertain scenario when ``band`` is given."""
    fmt.check_language(language)
    fig, axes = new_figure(1, 2, figsize=(10.0, 3.6))
    start = whatif.base.scenario.value("time.samen_start_year")
    what_if_label = msg.text("explorer.chart.what_if", language)
    for ax, (column, key) in zip(axes, PANELS, strict=True):
        for run, label, style in ((whatif.base, whatif.base.scenario.title, BASE_STYLE),
                                  (whatif.result, what_if_label, WHAT_IF_STYLE)):
            m = run.years >= start
            ax.plot(run.years[m], run.arrays[column][m, 0], label=label, **style)
        if band is not None:
            m = band.years >= start
            ax.fill_between(band.years[m], band.low[column][m], band.high[column][m],
                            color=WHAT_IF_STYLE["color"], alpha=0.15, lw=0,
                            label=msg.text("explorer.chart.band", language))
        ax.axhline(0, color="0.3", lw=0.8)
        ax.yaxis.set_major_formatter(euro_formatter(language))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.year(v)))
        ax.set_title(msg.text(f"chart.title.{key}", language), fontsize=9)
        ax.grid(True, alpha=0.3)
        ax.tick_params(labelsize=8)
    axes[0].legend(fontsize=8)
    return add_footer(fig, info if info is not None else manifest([whatif.base, whatif.result]))


def png(fig: Figure, dpi: int = 90) -> bytes:
    """A figure as PNG bytes (for an image widget)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
