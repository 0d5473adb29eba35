"""Charts of one scenario or several side by side (flows, budget, square, providers, ...)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from samen_model.analysis import key_figures as kf
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.charts.base import (
    FIGSIZE,
    _info,
    _mask,
    _t,
    _title,
    _year_axis,
    add_footer,
    alt_text,
    count_formatter,
    describe_series,
    euro_formatter,
    new_figure,
    set_alt_text,
)
from samen_model.present.manifest import manifest
from samen_model.present.text.dynamics import swing_annotation, transition_label


def _alt(key: str, language: str, **kw: Any) -> str:
    return msg.text(f"chart.alt.{key}", fmt.check_language(language), **kw)


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
    ax.set_title(_title(result.scenario.title, "flows", language), fontsize=10)
    ax.legend(fontsize=7)
    _year_axis(ax, language)
    fte = result.arrays["fte_samen"][m, 0]
    ax2.bar(years, fte, color="tab:gray")
    ax2.yaxis.set_major_formatter(count_formatter(language))
    ax2.set_title(_t("fte", language), fontsize=10)
    _year_axis(ax2, language)
    ax2.tick_params(axis="x", labelrotation=45)
    helped = result.arrays["samen_clients_served"][m, 0]
    set_alt_text(fig, _alt("flows", language, title=result.scenario.title, a=int(years[0]),
                           b=int(years[-1]), h0=fmt.count(helped[0], language),
                           h1=fmt.count(helped[-1], language), fte=fmt.count(fte[-1], language)))
    return add_footer(fig, _info([result], info), [result.scenario.name], language)


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
    ax.set_title(_title(result.scenario.title, "budget", language), fontsize=10)
    ax.legend(fontsize=7)
    _year_axis(ax, language)
    desc = describe_series(fmt.column_label("execution_budget_eur", language), list(years),
                           result.arrays["execution_budget_eur"][m, 0], language)
    set_alt_text(fig, _alt("budget", language, title=result.scenario.title, a=int(years[0]),
                           b=int(years[-1]), desc=desc))
    return add_footer(fig, _info([result], info), [result.scenario.name], language)


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
    ax.set_title(_title(result.scenario.title, "square", language), fontsize=10)
    ax.legend(fontsize=7)
    _year_axis(ax, language)
    dev = result.arrays["square_deviation_eur"][m, 0]
    ax2.bar(years, dev, color=np.where(dev > 0, "tab:red", "tab:green"))
    ax2.axhline(0, color="0.3", lw=0.8)
    ax2.yaxis.set_major_formatter(euro_formatter(language))
    ax2.set_title(fmt.column_label("square_deviation_eur", language), fontsize=10)
    _year_axis(ax2, language)
    desc = describe_series(fmt.column_label("square_deviation_eur", language), list(years), dev,
                           language)
    set_alt_text(fig, _alt("square", language, title=result.scenario.title, a=int(years[0]),
                           b=int(years[-1]), desc=desc))
    return add_footer(fig, _info([result], info), [result.scenario.name], language)


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
    ax.set_title(_title(result.scenario.title, "providers", language), fontsize=10)
    ax.legend(fontsize=7, ncols=2)
    _year_axis(ax, language)
    last = p[p["year"] == p["year"].max()]
    set_alt_text(fig, _alt("providers", language, title=result.scenario.title,
                           a=int(p["year"].min()), b=int(p["year"].max()),
                           total=fmt.eur_mln(last["revenue_moved_eur"].sum(), 1, language)))
    return add_footer(fig, _info([result], info), [result.scenario.name], language)


# ------------------------------------------------------------------------ several scenarios
#: More legend entries than this: the legend goes beside the axes, where it covers no data.
LEGEND_INSIDE_MAX = 5
#: Inches added to the figure's width for a legend beside the axes (the axes keep theirs).
LEGEND_WIDTH_IN = 3.4


def _legend(fig: Figure, ax: Any) -> None:
    """The legend of a chart with one line per scenario: inside the axes for a few entries,
    beside them (right of the plot, the figure widened) for more, so no line is covered."""
    if ax.get_legend() is not None:
        ax.get_legend().remove()
    fig.legends.clear()
    handles, labels = ax.get_legend_handles_labels()
    if len(labels) <= LEGEND_INSIDE_MAX:
        ax.legend(fontsize=7)
        return
    fig.set_figwidth(FIGSIZE[0] + LEGEND_WIDTH_IN)
    fig.legend(handles, labels, fontsize=7, loc="outside right upper", frameon=False)


def _per_scenario_lines(results: Sequence[Result], column: str, key: str, language: str,
                        info: dict[str, Any] | None, first: int | None) -> Figure:
    fig, ax = new_figure()
    for i, r in enumerate(results):
        m = _mask(r, first)
        ax.plot(r.years[m], r.arrays[column][m, 0], marker="o", ms=3, label=r.scenario.title,
                lw=2.2 if i == 0 else 1.3, zorder=3 if i == 0 else 2)
    ax.axhline(0, color="0.3", lw=0.8)
    ax.yaxis.set_major_formatter(euro_formatter(language))
    ax.set_title(_t(key, language), fontsize=10)
    _legend(fig, ax)
    _year_axis(ax, language)
    main = results[0]
    m = _mask(main, first)
    years = [int(y) for y in main.years[m]]
    set_alt_text(fig, _alt("lines", language, what=fmt.column_label(column, language).lower(),
                           a=years[0], b=years[-1], n=len(results),
                           desc=describe_series(main.scenario.title, years,
                                                main.arrays[column][m, 0], language)))
    return add_footer(fig, _info(results, info), [r.scenario.name for r in results], language)


def _annotate_swing(fig: Figure, result: Result, language: str, first: int | None) -> None:
    """Shade the transition years and point at the largest year-to-year change of the main
    scenario's deviation, with what drives it (:func:`~samen_model.present.text.dynamics.
    swing_annotation`)."""
    ax = fig.axes[0]
    v = result.scenario.value
    ax.axvspan(v("time.samen_start_year") - 0.5, v("time.transition_end_year") + 0.5,
               color="0.92", zorder=0, label=transition_label(language))
    note = swing_annotation(result, language)
    if note is None:
        return
    year, text = note
    at = {int(y): i for i, y in enumerate(result.years)}
    value = float(result.arrays["square_deviation_eur"][at[year], 0])
    low, high = ax.get_ylim()
    ax.annotate(text, (year, value), xytext=(year + 0.8, value + 0.3 * (high - low) *
                                             (1 if value < (low + high) / 2 else -1)),
                fontsize=7.5, ha="left", va="center",
                arrowprops={"arrowstyle": "->", "color": "0.25", "lw": 0.9},
                bbox={"boxstyle": "round,pad=0.3", "fc": "white", "ec": "0.6", "lw": 0.6})
    _legend(fig, ax)
    set_alt_text(fig, alt_text(fig) + msg.text("chart.alt.swing", language,
        label=text.replace("\n", " ")))


def deviation_chart(results: Sequence[Result], language: str = "nl",
                    info: dict[str, Any] | None = None, first: int | None = None,
                    annotate: bool = True) -> Figure:
    """Square deviation per year (EUR), one line per scenario; with ``annotate`` the first
    (main) scenario's transition years are shaded and its largest year-to-year change is
    labelled with what drives it."""
    fig = _per_scenario_lines(results, "square_deviation_eur", "deviation", language, info,
                              first)
    if annotate:
        _annotate_swing(fig, results[0], language, first)
    return fig


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
    values = [float(kf.central(r)[name]) for r in results]
    names = [r.scenario.title for r in results]
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
    ax.set_title(kf.label(name, language, results), fontsize=10)
    desc = "; ".join(f"{t}: {fmt.key_figure(name, v, language)}"
                     for t, v in zip(names, values, strict=True))
    set_alt_text(fig, _alt("bars", language, what=kf.label(name, language, results).lower(),
                           desc=desc))
    return add_footer(fig, _info(results, info), [r.scenario.name for r in results], language)


def calibration_chart(frame: Any, language: str = "nl",
                      info: dict[str, Any] | None = None) -> Figure:
    """Difference between model and report per target (%), from
    :func:`samen_model.present.tables.observed.calibration_frame`."""
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
    desc = "; ".join(f"{lab}: {fmt.number(x, 1, language)}%"
                     for lab, x in zip(labels, shares, strict=True))
    set_alt_text(fig, _alt("calibration", language, desc=desc))
    return add_footer(fig, info if info is not None else manifest([]), language=language)
