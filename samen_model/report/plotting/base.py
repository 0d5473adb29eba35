"""Shared pieces of the charts: sizes, titles, axis formatters, the figure and its footer."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samen_model.model.results import Result
from samen_model.report import formatting as fmt
from samen_model.report.manifest import manifest, provenance_line

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
