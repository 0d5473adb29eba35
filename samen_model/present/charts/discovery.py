"""Charts of scenario discovery: the coverage/density trade-off and the box in two parameters."""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from samen_model.analysis.discovery import Discovery
from samen_model.present import formatting as fmt
from samen_model.present.charts.base import add_footer, new_figure
from samen_model.present.manifest import Run, manifest
from samen_model.present.tables.discovery import parameter_label, parameter_value, threshold_text

LABELS = {
    "nl": {"coverage": "Dekking (aandeel van alle gevallen in de box)",
           "density": "Dichtheid (aandeel gevallen binnen de box)",
           "restricted": "begrensde aannames", "chosen": "gekozen box",
           "trade": "Afweging dekking tegen dichtheid (PRIM)", "cases": "gevallen",
           "other": "overige trekkingen", "box": "Box in de twee belangrijkste aannames"},
    "en": {"coverage": "Coverage (share of all cases inside the box)",
           "density": "Density (share of cases inside the box)",
           "restricted": "restricted assumptions", "chosen": "chosen box",
           "trade": "Coverage against density (PRIM)", "cases": "cases",
           "other": "other draws", "box": "Box in the two most important assumptions"},
}


def _info(d: Discovery, scenario: Any, info: dict[str, Any] | None) -> dict[str, Any]:
    if info is not None:
        return info
    return manifest([Run(scenario, d.draws, d.seed, d.sample == "prior")] if scenario else [],
                    discovery=d.output)


def tradeoff_chart(d: Discovery, language: str = "nl", scenario: Any = None,
                   info: dict[str, Any] | None = None) -> Figure:
    """Density against coverage along the peeling trajectory; colour = restricted parameters."""
    lab = LABELS[fmt.check_language(language)]
    fig, ax = new_figure(figsize=(7.5, 4.6))
    t = d.trajectory
    points = ax.scatter(t["coverage"], t["density"], c=t["restricted"], cmap="viridis", s=22)
    ax.scatter([d.coverage], [d.density], s=160, facecolors="none", edgecolors="#c0392b",
               linewidths=2, label=lab["chosen"])
    bar = fig.colorbar(points, ax=ax, label=lab["restricted"])
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(lab["coverage"], fontsize=8)
    ax.set_ylabel(lab["density"], fontsize=8)
    ax.set_title(f"{lab['trade']} · {threshold_text(d, language)}", fontsize=9)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    return add_footer(fig, _info(d, scenario, info))


def box_chart(d: Discovery, language: str = "nl", scenario: Any = None,
              info: dict[str, Any] | None = None) -> Figure:
    """The draws in the two most significant box parameters: cases of interest red, the box
    drawn (one restricted parameter: against the second sampled parameter)."""
    lab = LABELS[fmt.check_language(language)]
    names = list(d.limits.index[:2])
    names += [p for p in d.parameters if p not in names][: 2 - len(names)]
    px, py = names
    fig, ax = new_figure(figsize=(7.5, 4.8))
    x, y = d.x[px].to_numpy(), d.x[py].to_numpy()
    ax.scatter(x[~d.y], y[~d.y], s=4, color="0.7", alpha=0.5, label=lab["other"])
    ax.scatter(x[d.y], y[d.y], s=4, color="#c0392b", alpha=0.6, label=lab["cases"])

    def lim(p: str) -> tuple[float, float]:
        if p in d.limits.index:
            return float(d.limits.at[p, "low"]), float(d.limits.at[p, "high"])
        return float(d.x[p].min()), float(d.x[p].max())

    (x0, x1), (y0, y1) = lim(px), lim(py)
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, lw=2, ec="black",
                           label=lab["chosen"]))
    for axis, p in ((ax.xaxis, px), (ax.yaxis, py)):  # labels and values as in the tables
        label = parameter_label(p, language)
        axis.set_label_text(label[:1].upper() + label[1:], fontsize=8)
        axis.set_major_formatter(FuncFormatter(
            lambda v, _pos, p=p: parameter_value(p, v, language)))
    ax.set_title(f"{lab['box']} · {threshold_text(d, language)}", fontsize=9)
    ax.legend(fontsize=8, markerscale=3, loc="best")
    ax.grid(True, alpha=0.3)
    return add_footer(fig, _info(d, scenario, info))
