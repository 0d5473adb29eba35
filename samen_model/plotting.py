"""Charts: Results (or uncertainty/sensitivity tables) in, a matplotlib Figure out.

Every function only draws what the Result (or a table built from it) already holds, labels in
Dutch (default) or English, formats euro axes with :mod:`samen_model.formatting` and puts the
provenance line (:func:`samen_model.manifest.provenance_line`) at the foot of the figure.
Figures are created without pyplot (``matplotlib.figure.Figure``), so nothing is shown twice in a
notebook and no global state is touched; show one with
:func:`samen_model.notebook_tools.show` or save it with ``fig.savefig``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samen_model import formatting as fmt
from samen_model.manifest import manifest, provenance_line
from samen_model.results import Result

if TYPE_CHECKING:
    from samen_model.uncertainty import MonteCarloSummary

FIGSIZE = (9.0, 4.6)
FOOTER_SIZE = 6.5

TITLES: dict[str, dict[str, str]] = {
    "flows": {"nl": "Instroom en cliënten van SAMEN.", "en": "Inflow and clients of SAMEN."},
    "fte": {"nl": "Fte SAMEN. (eind jaar)", "en": "SAMEN. FTE (end of year)"},
    "budget": {"nl": "Budget en kosten van SAMEN.", "en": "Budget and cost of SAMEN."},
    "square": {"nl": "Gesloten vierkant: met en zonder SAMEN.",
               "en": "Closed square: with and without SAMEN."},
    "deviation": {"nl": "Afwijking gesloten vierkant per jaar (positief = overschrijding)",
                  "en": "Square deviation per year (positive = overspend)"},
    "cumulative": {"nl": "Cumulatieve netto besparing", "en": "Cumulative net savings"},
    "providers": {"nl": "Omzet die van open-house-aanbieders naar SAMEN. gaat",
                  "en": "Revenue moving from open-house providers to SAMEN."},
    "calibration": {"nl": "Model tegenover evaluatie 2023 (verschil in %)",
                    "en": "Model against the 2023 evaluation (difference in %)"},
    "year": {"nl": "Jaar", "en": "Year"},
}


def _t(key: str, language: str) -> str:
    return TITLES[key][fmt.check_language(language)]


def euro_formatter(language: str = "nl", decimals: int = 1) -> FuncFormatter:
    """Tick formatter for an axis in euros, shown in millions (``€ 1,2 mln``)."""
    fmt.check_language(language)
    return FuncFormatter(lambda v, _pos: fmt.eur_mln(v, decimals, language))


def count_formatter(language: str = "nl") -> FuncFormatter:
    """Tick formatter for persons, cases or FTE (``1.234``)."""
    fmt.check_language(language)
    return FuncFormatter(lambda v, _pos: fmt.count(v, language))


def _year_axis(ax: Axes, language: str) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.year(v)))
    ax.set_xlabel(_t("year", language))
    ax.grid(True, alpha=0.3)


def new_figure(nrows: int = 1, ncols: int = 1, figsize: tuple[float, float] = FIGSIZE,
               **kw: Any) -> tuple[Figure, Any]:
    """A Figure with constrained layout that leaves room for the footer."""
    fig = Figure(figsize=figsize, layout="constrained")
    axes = fig.subplots(nrows, ncols, **kw)
    return fig, axes


def add_footer(fig: Figure, info: dict[str, Any]) -> Figure:
    """Write the provenance line of a manifest at the foot of the figure; returns the figure.

    The line is wrapped to the figure's width and the layout keeps room for it.
    """
    width_chars = int(fig.get_figwidth() * 72 / (FOOTER_SIZE * 0.62))
    lines = textwrap.wrap(provenance_line(info), width_chars)
    height = (len(lines) * FOOTER_SIZE * 1.3 + 4) / 72 / fig.get_figheight()
    fig.text(0.005, 0.006, "\n".join(lines), fontsize=FOOTER_SIZE, color="0.35",
             ha="left", va="bottom", linespacing=1.2)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, height, 1, 1 - height))
    return fig


def _info(results: Sequence[Result], info: dict[str, Any] | None) -> dict[str, Any]:
    return info if info is not None else manifest(list(results))


def _mask(result: Result, first: int | None) -> np.ndarray:
    first = result.scenario.value("time.samen_start_year") if first is None else first
    return result.years >= first


def _title(scenario_name: str, key: str, language: str) -> str:
    return f"{_t(key, language)} · {scenario_name}"


# ------------------------------------------------------------------------ one scenario
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
    :func:`samen_model.notebook_tools.calibration_frame`."""
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


# ------------------------------------------------------------------------ uncertainty
UNCERTAINTY_TITLES: dict[str, dict[str, str]] = {
    "fan": {"nl": "{label}: onzekerheid per jaar", "en": "{label}: uncertainty per year"},
    "band_90": {"nl": "90%-band (P5–P95)", "en": "90% band (P5–P95)"},
    "band_50": {"nl": "50%-band (P25–P75)", "en": "50% band (P25–P75)"},
    "median": {"nl": "mediaan", "en": "median"},
    "tornado": {"nl": "Tornado: {label}", "en": "Tornado: {label}"},
    "low": {"nl": "parameter laag (P5)", "en": "parameter low (P5)"},
    "high": {"nl": "parameter hoog (P95)", "en": "parameter high (P95)"},
    "central": {"nl": "verschil met centrale waarde {value}",
                "en": "difference from the central value {value}"},
    "sobol": {"nl": "Sobol-indices: {label}", "en": "Sobol indices: {label}"},
    "S1": {"nl": "eerste orde (S1)", "en": "first order (S1)"},
    "ST": {"nl": "totaal (ST)", "en": "total (ST)"},
    "ci": {"nl": "foutstreep: {pct}-betrouwbaarheidsinterval (bootstrap)",
           "en": "error bar: {pct} confidence interval (bootstrap)"},
    "draws": {"nl": "{n} trekkingen, seed {seed}", "en": "{n} draws, seed {seed}"},
}


def _u(key: str, language: str, **kw: Any) -> str:
    return UNCERTAINTY_TITLES[key][fmt.check_language(language)].format(**kw)


def _summary_info(summary: MonteCarloSummary, info: dict[str, Any] | None) -> dict[str, Any]:
    """The given manifest, or one naming the summary's scenario, hash, seed and draws."""
    if info is not None:
        return info
    base = manifest([])
    base["scenarios"] = [{"name": summary.scenario, "hash": summary.scenario_hash,
                          "seed": summary.seed, "draws": summary.draws}]
    return base


def _table_info(table: pd.DataFrame, info: dict[str, Any] | None) -> dict[str, Any]:
    """The given manifest, or one from a sensitivity table's ``attrs`` (scenario and hash)."""
    if info is not None:
        return info
    base = manifest([])
    if "scenario" in table.attrs:
        base["scenarios"] = [{"name": table.attrs["scenario"],
                              "hash": table.attrs.get("scenario_hash", ""),
                              "seed": table.attrs.get("seed", 0),
                              "draws": table.attrs.get("evaluations", len(table) * 2 + 1)}]
    return base


def _short(value: float, language: str) -> str:
    """A parameter value with three significant digits (``0,0625``, ``58.000``)."""
    if value == 0 or not np.isfinite(value):
        return fmt.number(value, 0, language)
    decimals = max(0, 2 - int(np.floor(np.log10(abs(value)))))
    return fmt.number(value, min(decimals, 6), language)


def fan_chart(summary: MonteCarloSummary, column: str = "cumulative_net_savings_eur",
              language: str = "nl", info: dict[str, Any] | None = None,
              first: int | None = None) -> Figure:
    """Percentile bands per year of one column (EUR) from a Monte Carlo summary.

    ``summary`` is a :class:`samen_model.uncertainty.MonteCarloSummary`; its ``percentiles``
    frame (index (column, year), columns ``p5`` .. ``p95``) is drawn as it is: the 5–95 and
    25–75 bands and the median line, from ``first`` (default the first year with any spread).
    """
    frame = summary.percentiles.loc[column]
    for needed in ("p5", "p25", "p50", "p75", "p95"):
        if needed not in frame.columns:
            raise ValueError(f"percentiles: expected a column {needed} (have "
                             f"{', '.join(frame.columns)})")
    if first is None:
        moving = frame.index[(frame["p95"] - frame["p5"]).abs() > 0]
        first = int(moving[0]) if len(moving) else int(frame.index[0])
    frame = frame[frame.index >= first]
    years = frame.index.to_numpy()
    fig, ax = new_figure()
    ax.fill_between(years, frame["p5"], frame["p95"], color="tab:blue", alpha=0.18,
                    label=_u("band_90", language))
    ax.fill_between(years, frame["p25"], frame["p75"], color="tab:blue", alpha=0.35,
                    label=_u("band_50", language))
    ax.plot(years, frame["p50"], color="tab:blue", marker="o", ms=3,
            label=_u("median", language))
    ax.axhline(0, color="0.3", lw=0.8)
    ax.yaxis.set_major_formatter(euro_formatter(language))
    label = fmt.column_label(column, language).removesuffix(" (EUR)")
    draws = _u("draws", language, n=fmt.count(summary.draws, language), seed=summary.seed)
    ax.set_title(f"{_u('fan', language, label=label)} · {summary.scenario} · {draws}",
                 fontsize=10)
    ax.legend(fontsize=7, loc="best")
    _year_axis(ax, language)
    return add_footer(fig, _summary_info(summary, info))


def _as_list(tables: pd.DataFrame | Sequence[pd.DataFrame]) -> list[pd.DataFrame]:
    return [tables] if isinstance(tables, pd.DataFrame) else list(tables)


def tornado_chart(tables: pd.DataFrame | Sequence[pd.DataFrame], language: str = "nl",
                  info: dict[str, Any] | None = None) -> Figure:
    """Tornado bars from :func:`samen_model.sensitivity.tornado` tables, one panel per table.

    Each bar runs from the central output to the output with the parameter low (P5) or high
    (P95), in EUR; rows in the table's order (largest swing on top). The tick labels give the
    parameter with its low and high value.
    """
    tables = _as_list(tables)
    heights = [0.32 * len(t) + 1.3 for t in tables]
    fig, axes = new_figure(len(tables), 1, figsize=(9.0, sum(heights) + 0.4), squeeze=False,
                           height_ratios=heights)
    for ax, t in zip(axes[:, 0], tables, strict=True):
        y = np.arange(len(t))
        ax.barh(y, t["delta_low"], color="tab:orange", label=_u("low", language))
        ax.barh(y, t["delta_high"], color="tab:blue", label=_u("high", language))
        ax.set_yticks(y, [f"{p} ({_short(lo, language)} – {_short(hi, language)})"
                          for p, lo, hi in zip(t["parameter"], t["value_low"], t["value_high"],
                                               strict=True)], fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="0.3", lw=0.8)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
        ax.xaxis.set_major_formatter(euro_formatter(language, 2))
        central = float(t["output_central"].iloc[0]) if len(t) else 0.0
        ax.set_xlabel(_u("central", language, value=fmt.eur_mln(central, 2, language)),
                      fontsize=8)
        name = t.attrs.get("output", "")
        ax.set_title(_u("tornado", language, label=fmt.output_label(name, language)),
                     fontsize=10)
        ax.grid(True, axis="x", alpha=0.3)
        ax.legend(fontsize=7, loc="lower right")
    return add_footer(fig, _table_info(tables[0], info))


def sobol_chart(table: pd.DataFrame, language: str = "nl",
                info: dict[str, Any] | None = None) -> Figure:
    """First-order and total Sobol indices per parameter with their confidence half-widths
    as error bars, one panel per output (:func:`samen_model.sensitivity.sobol`'s table, rows
    in its order: largest total index on top)."""
    outputs = list(dict.fromkeys(table["output"]))
    parts = [table[table["output"] == o] for o in outputs]
    heights = [0.38 * len(p) + 1.3 for p in parts]
    fig, axes = new_figure(len(parts), 1, figsize=(9.0, sum(heights) + 0.5), squeeze=False,
                           height_ratios=heights)
    conf = table.attrs.get("conf_level", 0.95)
    for ax, name, part in zip(axes[:, 0], outputs, parts, strict=True):
        y = np.arange(len(part))
        ax.barh(y - 0.2, part["S1"], height=0.4, xerr=part["S1_conf"], color="tab:cyan",
                label=_u("S1", language), error_kw={"lw": 0.8, "capsize": 2})
        ax.barh(y + 0.2, part["ST"], height=0.4, xerr=part["ST_conf"], color="tab:purple",
                label=_u("ST", language), error_kw={"lw": 0.8, "capsize": 2})
        ax.set_yticks(y, list(part["parameter"]), fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="0.3", lw=0.8)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.number(v, 1, language)))
        ax.set_title(_u("sobol", language, label=fmt.output_label(name, language)),
                     fontsize=10)
        ax.set_xlabel(_u("ci", language, pct=fmt.pct(conf, 0, language)), fontsize=8)
        ax.grid(True, axis="x", alpha=0.3)
        ax.legend(fontsize=7, loc="lower right")
    return add_footer(fig, _table_info(table, info))
