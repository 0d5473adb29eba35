"""Shared pieces of the charts: sizes, titles, axis formatters, the figure, its footer (one
provenance line: scenario titles and run key) and its text alternative (alt text)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.manifest import manifest

FIGSIZE = (9.0, 4.6)
FOOTER_SIZE = 6.5
ALT_ATTRIBUTE = "samen_alt_text"  # where a chart keeps its text alternative

#: The chart titles by key in both languages (the explorer reads them; the words are in
#: :mod:`samen_model.present.messages`).
TITLES = msg.by_key("chart.title")


def _t(key: str, language: str) -> str:
    return msg.text(f"chart.title.{key}", fmt.check_language(language))


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


def chart_line(info: dict[str, Any], names: Sequence[str] | None = None,
               language: str = "nl") -> str:
    """The one provenance line under a chart: the titles of its scenarios and the run key.

    ``names`` picks the scenarios of ``info`` that the chart shows (default: all); the full
    manifest (hashes, version, commit, seeds) belongs in the colophon, not under each chart.
    """
    scenarios = info.get("scenarios", [])
    if names is not None:
        wanted = list(names)
        scenarios = sorted((s for s in scenarios if s["name"] in wanted),
                           key=lambda s: wanted.index(s["name"]))
    titles = "; ".join(s.get("title") or s["name"] for s in scenarios)
    key = info.get("run_key", "")
    head = f"{_t('scenarios', language)}: {titles}" if titles else "samen_model"
    return f"{head} · {_t('run', language)} {key}" if key else head


def add_footer(fig: Figure, info: dict[str, Any], names: Sequence[str] | None = None,
               language: str = "nl") -> Figure:
    """Write :func:`chart_line` at the foot of the figure; returns the figure.

    The line is wrapped to the figure's width and the layout keeps room for it.
    """
    width_chars = int(fig.get_figwidth() * 72 / (FOOTER_SIZE * 0.62))
    lines = textwrap.wrap(chart_line(info, names, language), width_chars)
    height = (len(lines) * FOOTER_SIZE * 1.3 + 4) / 72 / fig.get_figheight()
    fig.text(0.005, 0.006, "\n".join(lines), fontsize=FOOTER_SIZE, color="0.35",
             ha="left", va="bottom", linespacing=1.2)
    engine = fig.get_layout_engine()
    if engine is not None and hasattr(engine, "set"):
        engine.set(rect=(0, height, 1, 1 - height))
    return fig


def set_alt_text(fig: Figure, text: str) -> Figure:
    """Attach the text alternative of a chart (what a screen reader says instead of it)."""
    setattr(fig, ALT_ATTRIBUTE, text)
    return fig


def alt_text(fig: Figure) -> str:
    """The chart's text alternative; without one, the titles of its panels."""
    text = getattr(fig, ALT_ATTRIBUTE, "")
    return text or "; ".join(ax.get_title() for ax in fig.axes if ax.get_title())


def describe_series(label: str, years: Sequence[int], values: Sequence[float],
                    language: str = "nl") -> str:
    """``Realisatie 2023: van € 1,05 mln (2023) tot € 0,00 mln (2030), hoogste € 1,05 mln
    in 2023, laagste −€ 1,13 mln in 2025`` (for alt texts of line and bar charts, EUR)."""
    vals = np.asarray(values, dtype=float)
    hi, lo = int(np.nanargmax(vals)), int(np.nanargmin(vals))
    return msg.text("chart.alt.series", language, label=label,
                    a=fmt.eur_mln(vals[0], 2, language), ya=years[0],
                    b=fmt.eur_mln(vals[-1], 2, language), yb=years[-1],
                    h=fmt.eur_mln(vals[hi], 2, language), yh=years[hi],
                    low=fmt.eur_mln(vals[lo], 2, language), yl=years[lo])


def _info(results: Sequence[Result], info: dict[str, Any] | None) -> dict[str, Any]:
    return info if info is not None else manifest(list(results))


def _mask(result: Result, first: int | None) -> np.ndarray:
    first = result.scenario.value("time.samen_start_year") if first is None else first
    return result.years >= first


def _title(scenario_title: str, key: str, language: str) -> str:
    return f"{_t(key, language)} · {scenario_title}"
