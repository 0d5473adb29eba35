"""Charts of the uncertainty analysis: fan chart, tornado, Sobol indices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.charts.base import (
    _year_axis,
    add_footer,
    describe_series,
    euro_formatter,
    new_figure,
    set_alt_text,
)
from samen_model.present.manifest import manifest, run_key
from samen_model.present.parameters import label_text
from samen_model.scenario import labels as lb
from samen_model.scenario.scenario import Scenario


def _param_label(path: str, scenario: Scenario | None, language: str) -> str:
    """A parameter's label for a reader (the path when the labels file lacks it)."""
    if scenario is not None and path in scenario.params:
        return label_text(scenario, path, language)
    entry = lb.label_of(path)
    return entry.label[language] if entry else path


def _title_of(info: dict[str, Any], name: str) -> str:
    """The title of scenario ``name`` in a manifest (the name when it is not there)."""
    return next((s.get("title") or name for s in info.get("scenarios", [])
                 if s["name"] == name), name)


def _u(key: str, language: str, **kw: Any) -> str:
    return msg.text(f"chart.uncertainty.{key}", fmt.check_language(language), **kw)


def _summary_info(summary: MonteCarloSummary, info: dict[str, Any] | None) -> dict[str, Any]:
    """The given manifest, or one naming the summary's scenario, hash, seed and draws."""
    if info is not None:
        return info
    base = manifest([])
    base["scenarios"] = [{"name": summary.scenario, "hash": summary.scenario_hash,
                          "seed": summary.seed, "draws": summary.draws}]
    base["run_key"] = run_key(base)
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
        base["run_key"] = run_key(base)
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

    ``summary`` is a :class:`~samen_model.analysis.monte_carlo.MonteCarloSummary`; its
    ``percentiles``
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
    draws = _u("draws", language, n=fmt.count(summary.draws, language))
    info = _summary_info(summary, info)
    title = _title_of(info, summary.scenario)
    ax.set_title(f"{_u('fan', language, label=label)} · {title} · {draws}", fontsize=10)
    ax.legend(fontsize=7, loc="best")
    _year_axis(ax, language)
    set_alt_text(fig, _u("alt_fan", language, label=label.lower(), title=title,
                         n=fmt.count(summary.draws, language),
                         desc=describe_series(_u("median", language), [int(y) for y in years],
                                              frame["p50"].to_numpy(), language)))
    return add_footer(fig, info, [summary.scenario], language)


def _as_list(tables: pd.DataFrame | Sequence[pd.DataFrame]) -> list[pd.DataFrame]:
    return [tables] if isinstance(tables, pd.DataFrame) else list(tables)


def tornado_chart(tables: pd.DataFrame | Sequence[pd.DataFrame], language: str = "nl",
                  info: dict[str, Any] | None = None,
                  scenario: Scenario | None = None) -> Figure:
    """Tornado bars from :func:`~samen_model.analysis.sensitivity.tornado` tables, one panel per
    table.

    Each bar runs from the central output to the output with the parameter low (P5) or high
    (P95), in EUR; rows in the table's order (largest swing on top). The tick labels give the
    parameter (its label; ``scenario`` names products and referrers) with its low and high
    value.
    """
    tables = _as_list(tables)
    heights = [0.32 * len(t) + 1.3 for t in tables]
    fig, axes = new_figure(len(tables), 1, figsize=(9.0, sum(heights) + 0.4), squeeze=False,
                           height_ratios=heights)
    for ax, t in zip(axes[:, 0], tables, strict=True):
        y = np.arange(len(t))
        ax.barh(y, t["delta_low"], color="tab:orange", label=_u("low", language))
        ax.barh(y, t["delta_high"], color="tab:blue", label=_u("high", language))
        ax.set_yticks(y, [f"{_param_label(p, scenario, language)} "
                          f"({_short(lo, language)} – {_short(hi, language)})"
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
    set_alt_text(fig, " ".join(_u(
        "alt_tornado", language, label=fmt.output_label(t.attrs.get("output", ""), language),
        top=_param_label(t["parameter"].iloc[0], scenario, language) if len(t) else "–")
        for t in tables))
    info = _table_info(tables[0], info)
    name = tables[0].attrs.get("scenario")
    return add_footer(fig, info, [name] if name else None, language)


def sobol_chart(table: pd.DataFrame, language: str = "nl",
                info: dict[str, Any] | None = None, scenario: Scenario | None = None) -> Figure:
    """First-order and total Sobol indices per parameter with their confidence half-widths
    as error bars, one panel per output (:func:`~samen_model.analysis.sensitivity.sobol`'s table,
    rows
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
        ax.set_yticks(y, [_param_label(p, scenario, language) for p in part["parameter"]],
                      fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="0.3", lw=0.8)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.number(v, 1, language)))
        ax.set_title(_u("sobol", language, label=fmt.output_label(name, language)),
                     fontsize=10)
        ax.set_xlabel(_u("ci", language, pct=fmt.pct(conf, 0, language)), fontsize=8)
        ax.grid(True, axis="x", alpha=0.3)
        ax.legend(fontsize=7, loc="lower right")
    top = table.sort_values("ST", ascending=False).iloc[0]["parameter"] if len(table) else ""
    set_alt_text(fig, _u("alt_sobol", language,
                         labels=", ".join(fmt.output_label(o, language) for o in outputs),
                         top=_param_label(top, scenario, language) if top else "–"))
    info = _table_info(table, info)
    name = table.attrs.get("scenario")
    return add_footer(fig, info, [name] if name else None, language)
