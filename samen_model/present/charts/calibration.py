"""Charts of a calibration: prior against posterior, the predictive check, forecast vs actual."""

from __future__ import annotations

import math
import textwrap
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samen_model.analysis.calibration.fit import Calibration
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.charts.base import add_footer, new_figure
from samen_model.present.manifest import manifest
from samen_model.present.parameters import label_text
from samen_model.present.tables.calibration import amount
from samen_model.present.tables.uncertainty import parameter_value

BAR_COLOURS = {"before": "0.55", "loo": "tab:orange", "after": "tab:blue"}


def _c(key: str, language: str, **kw: Any) -> str:
    return msg.text(f"chart.calibration.{key}", fmt.check_language(language), **kw)


def _grid(n: int, ncols: int, height: float) -> tuple[Figure, np.ndarray]:
    nrows = max(1, math.ceil(n / ncols))
    fig, axes = new_figure(nrows, ncols, figsize=(9.0, height * nrows + 0.9), squeeze=False)
    for ax in axes.ravel()[n:]:
        ax.set_visible(False)
    return fig, axes.ravel()


def _unit_axis(ax: Axes, column: str, language: str, axis: str = "x") -> None:
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(5))
    target.set_major_formatter(FuncFormatter(lambda v, _pos: amount(column, v, language)))


def prior_posterior_chart(cal: Calibration, table: pd.DataFrame, language: str = "nl",
                          info: dict[str, Any] | None = None, bins: int = 40) -> Figure:
    """One panel per parameter: histogram of the prior draws and of the posterior (the same
    draws weighted), with the verdict of
    :func:`~samen_model.analysis.calibration.diagnostics.parameter_table` in the title."""
    params = list(table.index)
    fig, axes = _grid(len(params), 4, 1.9)
    w = cal.weights.weights
    for ax, p in zip(axes, params, strict=False):
        x = cal.values[p]
        edges = np.linspace(*np.quantile(x, [0.001, 0.999]), bins + 1)
        ax.hist(x, bins=edges, density=True, color="0.6", alpha=0.6,
                label=_c("prior", language))
        ax.hist(x, bins=edges, weights=w, density=True, histtype="step", color="tab:blue",
                lw=1.5, label=_c("posterior", language))
        verdict = "informed" if table.at[p, "informed"] else "not_informed"
        ax.set_title(f"{label_text(cal.prior, p, language)}\n{_c(verdict, language)}",
                     fontsize=7)
        ax.tick_params(labelsize=6)
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.xaxis.set_major_formatter(FuncFormatter(  # in the parameter's unit, nl or en
            lambda v, _pos, p=p: parameter_value(cal.prior, p, v, language, 1)))
        ax.set_yticks([])
    axes[0].legend(fontsize=6, loc="upper right")
    fig.suptitle(_c("params", language, s=cal.prior.title), fontsize=10)
    return add_footer(fig, info if info is not None else manifest([]))


def _bar(ax: Axes, y: float, lo: float, mid: float, hi: float, colour: str, label: str) -> None:
    ax.plot([lo, hi], [y, y], color=colour, lw=5, solid_capstyle="butt", label=label)
    ax.plot([mid], [y], marker="|", color="black", ms=9)


def predictive_chart(check: pd.DataFrame, language: str = "nl",
                     loo: pd.DataFrame | None = None, info: dict[str, Any] | None = None,
                     scenario: str = "") -> Figure:
    """One panel per figure: its stated range (band) and reported value (line) against the
    model's 90% interval and median before calibration, without the figure (``loo``) and
    after calibration (``scenario``: the prior's title, in the legend's title), from
    :func:`~samen_model.analysis.calibration.diagnostics.
    predictive_check`."""
    fig, axes = _grid(len(check), 2, 1.35)
    for ax, (oid, r) in zip(axes, check.iterrows(), strict=False):
        c = r["column"]
        bars = [("before", r["prior_p5"], r["prior_p50"], r["prior_p95"])]
        if loo is not None and oid in loo.index:
            bars.append(("loo", loo.at[oid, "loo_p5"], loo.at[oid, "loo_p50"],
                         loo.at[oid, "loo_p95"]))
        bars.append(("after", r["posterior_p5"], r["posterior_p50"], r["posterior_p95"]))
        for i, (key, lo, mid, hi) in enumerate(bars):
            _bar(ax, len(bars) - i, lo, mid, hi, BAR_COLOURS[key], _c(key, language))
        left, right = ax.get_xlim()
        ax.axvspan(max(r["range_low"], left), min(r["range_high"], right), color="tab:green",
                   alpha=0.18, label=_c("range", language))
        ax.axvline(r["value"], color="tab:green", lw=1.2, label=_c("value", language))
        ax.set_xlim(left, right)
        ax.set_ylim(0.3, len(bars) + 0.7)
        ax.set_yticks([])
        ax.set_title(f"{fmt.column_label(c, language)} {r['year']}"
                     + ("" if r["calibrate"] else " *"), fontsize=8)
        _unit_axis(ax, c, language)
        ax.tick_params(labelsize=6)
        ax.grid(True, axis="x", alpha=0.3)
    handles, labels = axes[0].get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))
    fig.legend(unique.values(), unique.keys(), fontsize=7, loc="outside upper center",
               ncols=len(unique), title=_c("check", language, s=scenario), title_fontsize=10,
               frameon=False)
    return add_footer(fig, info if info is not None else manifest([]))


def forecast_chart(frame: pd.DataFrame, language: str = "nl",
                   info: dict[str, Any] | None = None) -> Figure:
    """One panel per figure and year: each scenario's forecast (P5–P95 and median) against
    the realised figure (its range as a band, the value as a line), from
    :func:`~samen_model.analysis.calibration.forecast.forecast_vs_actual`; scenarios by their
    titles in ``info`` (the forecast manifest). A scenario calibrated on the figure is marked
    "(calibrated)"."""
    keys = list(dict.fromkeys(zip(frame["observation"], frame["year"], strict=True)))
    fig, axes = _grid(len(keys), 2, 1.6)
    scenarios = list(dict.fromkeys(frame["scenario"]))
    titles = {s["name"]: s.get("title") or s["name"] for s in (info or {}).get("scenarios", [])}
    for ax, (oid, year) in zip(axes, keys, strict=False):
        rows = frame[(frame["observation"] == oid) & (frame["year"] == year)]
        c = rows["column"].iloc[0]
        for _, r in rows.iterrows():
            y = len(scenarios) - scenarios.index(r["scenario"])
            colour = "tab:blue" if r["inside"] else "tab:red"
            _bar(ax, y, r["p5"], r["p50"], r["p95"], colour, "")
            if r["p5"] == r["p95"]:
                ax.plot([r["p50"]], [y], marker="o", color=colour, ms=5)
        left, right = ax.get_xlim()
        first = rows.iloc[0]
        ax.axvspan(max(first["range_low"], left), min(first["range_high"], right),
                   color="tab:green", alpha=0.18)
        ax.axvline(first["value"], color="tab:green", lw=1.2)
        ax.set_xlim(left, right)
        ax.set_ylim(0.3, len(scenarios) + 0.7)
        fitted = set(rows.loc[rows["in_sample"], "scenario"])
        ax.set_yticks([len(scenarios) - i for i in range(len(scenarios))],
                      [textwrap.fill(titles.get(s, s) + (f" {_c('fitted', language)}"
                                                         if s in fitted else ""), 30)
                       for s in scenarios], fontsize=6)
        ax.set_title(f"{fmt.column_label(c, language)} {year}", fontsize=8)
        _unit_axis(ax, c, language)
        ax.tick_params(axis="x", labelsize=6)
        ax.grid(True, axis="x", alpha=0.3)
    fig.suptitle(_c("forecast", language), fontsize=10)
    return add_footer(fig, info if info is not None else manifest([]))
