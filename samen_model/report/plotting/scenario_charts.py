"""Charts of one scenario or several side by side (flows, budget, square, providers, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from samen_model.model.results import Result
from samen_model.report import formatting as fmt
from samen_model.report.manifest import manifest
from samen_model.report.plotting.base import (
    _info,
    _mask,
    _t,
    _title,
    _year_axis,
    add_footer,
    count_formatter,
    euro_formatter,
    new_figure,
)


def flows_chart(result: Result, language: str = "nl", info: dict[str, Any] | None = None,
                first: int | None = None) -> Figure:
    """New cases, in-scope cases, leakage and young people helped per year (persons); FTE."""
    fig, (ax, ax2) = new_figure(1, 2, width_ratios=(2, 1))
    m = _mask(result, first)
    years = result.years[m]
    for name in ("new_cases", "in_scope_new_cases", "samen_new_clients", "samen_clients_served",
                 "leakage_cases", "capacity_overflow_cases"):
        ax.plot(years, result.arrays[name][m, 0], marker="o", ms=3,
                label=fmt.column_label(name, language))
    ax.yaxis.set_major_formatter(count_formatter(language))
    ax.set_title(_title(result.scenario.name, "flows", language), fontsize=10)
    ax.legend(fontsize=7)
    _year_axis(ax, language)
    ax2.bar(years, result.arrays["fte_samen"][m, 0], color="tab:gray")
    ax2.yaxis.set_major_formatter(count_formatter(language))
    ax2.set_title(_t("fte", language), fontsize=10)
    _year_axis(ax2, language)
    ax2.tick_params(axis="x", labelrotation=45)
    return add_footer(fig, _info([result], info))


def budget_chart(result: Result, language: str = "nl", info: dict[str, Any] | None = None,
                 first: int | None = None) -> Figure:
    """Budget steps as lines (EUR) and the settlement as bars, per year."""
    fig, ax = new_figure()
    m = _mask(result, first)
    years = result.years[m]
    for name in ("budget_provisional_eur", "budget_final_eur", "execution_budget_eur",
                 "samen_cost_eur"):
        ax.plot(years, result.arrays[name][m, 0], marker="o", ms=3,
                label=fmt.column_label(name, language))
    ax.bar(years, result.arrays["settlement_eur"][m, 0], color="tab:green", alpha=0.5,
           label=fmt.column_label("settlement_eur", language))
    ax.axhline(0, color="0.3", lw=0.8)
    ax.yaxis.set_major_formatter(euro_formatter(language))
    ax.set_title(_title(result.scenario.name, "budget", language), fontsize=10)
    ax.legend(fontsize=7)
    _year_axis(ax, language)
    return add_footer(fig, _info([result], info))


def square_chart(result: Result, language: str = "nl", info: dict[str, Any] | None = None,
                 first: int | None = None) -> Figure:
    """Total youth-care spend with and without SAMEN. (EUR), and the deviation as bars."""
    fig, (ax, ax2) = new_figure(1, 2)
    m = _mask(result, first)
    years = result.years[m]
    for name in ("total_youth_care_eur", "counterfactual_total_eur"):
        ax.plot(years, result.arrays[name][m, 0], marker="o", ms=3,
                label=fmt.column_label(name, language))
    ax.yaxis.set_major_formatter(euro_formatter(language, 0))
    ax.set_title(_title(result.scenario.name, "square", language), fontsize=10)
    ax.legend(fontsize=7)
    _year_axis(ax, language)
    dev = result.arrays["square_deviation_eur"][m, 0]
    ax2.bar(years, dev, color=np.where(dev > 0, "tab:red", "tab:green"))
    ax2.axhline(0, color="0.3", lw=0.8)
    ax2.yaxis.set_major_formatter(euro_formatter(language))
    ax2.set_title(fmt.column_label("square_deviation_eur", language), fontsize=10)
    _year_axis(ax2, language)
    return add_footer(fig, _info([result], info))


def provider_chart(result: Result, language: str = "nl", info: dict[str, Any] | None = None,
                   first: int | None = None) -> Figure:
    """Revenue moved per open-house provider and year (EUR), stacked bars."""
    fig, ax = new_figure()
    p = result.providers()
    start = result.scenario.value("time.samen_start_year") if first is None else first
    p = p[p["year"] >= start]
    bottom = None
    for lab, g in p.groupby("label", sort=False):
        values = g["revenue_moved_eur"].to_numpy()
        ax.bar(g["year"], values, bottom=bottom, label=lab)
        bottom = values if bottom is None else bottom + values
    ax.yaxis.set_major_formatter(euro_formatter(language))
    ax.set_title(_title(result.scenario.name, "providers", language), fontsize=10)
    ax.legend(fontsize=7, ncols=2)
    _year_axis(ax, language)
    return add_footer(fig, _info([result], info))


# ------------------------------------------------------------------------ several scenarios
def _per_scenario_lines(results: Sequence[Result], column: str, key: str, language: str,
                        info: dict[str, Any] | None, first: int | None) -> Figure:
    fig, ax = new_figure()
    for r in results:
        m = _mask(r, first)
        ax.plot(r.years[m], r.arrays[column][m, 0], marker="o", ms=3, label=r.scenario.name)
    ax.axhline(0, color="0.3", lw=0.8)
    ax.yaxis.set_major_formatter(euro_formatter(language))
    ax.set_title(_t(key, language), fontsize=10)
    ax.legend(fontsize=7, ncols=2 if len(results) > 6 else 1)
    _year_axis(ax, language)
    return add_footer(fig, _info(results, info))


def deviation_chart(results: Sequence[Result], language: str = "nl",
                    info: dict[str, Any] | None = None, first: int | None = None) -> Figure:
    """Square deviation per year (EUR), one line per scenario."""
    return _per_scenario_lines(results, "square_deviation_eur", "deviation", language, info,
                               first)


def cumulative_savings_chart(results: Sequence[Result], language: str = "nl",
                             info: dict[str, Any] | None = None,
                             first: int | None = None) -> Figure:
    """Cumulative net savings per year (EUR), one line per scenario."""
    return _per_scenario_lines(results, "cumulative_net_savings_eur", "cumulative", language,
                               info, first)


def key_figure_chart(results: Sequence[Result], name: str, language: str = "nl",
                     info: dict[str, Any] | None = None) -> Figure:
    """One key figure (EUR) per scenario as horizontal bars, labelled with its value."""
    fig, ax = new_figure(figsize=(9.0, 0.45 * len(results) + 1.6))
    values = [float(r.key_figures()[name]) for r in results]
    names = [r.scenario.name for r in results]
    colors = ["tab:green" if v >= 0 else "tab:red" for v in values]
    if "deviation" in name:
        colors = ["tab:red" if v > 0 else "tab:green" for v in values]
    ax.barh(names, values, color=colors)
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", lw=0.8)
    for y, v in enumerate(values):
        ax.annotate(fmt.key_figure(name, v, language), (v, y), fontsize=7, va="center",
                    xytext=(3 if v >= 0 else -3, 0), textcoords="offset points",
                    ha="left" if v >= 0 else "right")
    ax.xaxis.set_major_formatter(euro_formatter(language))
    ax.margins(x=0.2)
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title(fmt.key_figure_label(name, language), fontsize=10)
    return add_footer(fig, _info(results, info))


def calibration_chart(frame: Any, language: str = "nl",
                      info: dict[str, Any] | None = None) -> Figure:
    """Difference between model and report per target (%), from
    :func:`samen_model.report.calibration_tables.calibration_frame`."""
    fig, ax = new_figure(figsize=(9.0, 3.4))
    labels = [f"{fmt.column_label(c, language)} {y}"
              for c, y in zip(frame["column"], frame["year"], strict=True)]
    shares = frame["difference_share"].to_numpy() * 100.0
    ax.barh(labels, shares, color="tab:blue")
    ax.invert_yaxis()
    ax.axvline(0, color="0.3", lw=0.8)
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _pos: fmt.number(v, 0, language) + "%"))
    ax.grid(True, axis="x", alpha=0.3)
    ax.set_title(_t("calibration", language), fontsize=10)
    return add_footer(fig, info if info is not None else manifest([]))
