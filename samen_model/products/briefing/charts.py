"""The briefing's own charts, drawn at the width of an A4 text column (16 cm) so that their
text is printed at the size it is set in: the choice after 2025 (page 1), the expected course
of the net result.

One sign convention throughout: a saving for the municipality is positive (right of or above
zero), extra cost negative. No provenance line under the charts; the colophon has it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure

from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.charts.base import new_figure, set_alt_text
from samen_model.products.briefing.text import money

WIDTH_IN = 6.3  # 16 cm: the text width of the A4 page
FONT = 8.0
BLUE = "#1f5f9f"
PLAIN = {"fc": "white", "ec": "none", "pad": 0.6}  # a label's white background

#: The charts' words by language (catalogue messages ``briefing.chart.*``).
WORDS: dict[str, dict[str, str]] = {lang: msg.words("briefing.chart", lang)
                                    for lang in msg.LANGUAGES}


def _style(ax) -> None:
    ax.tick_params(labelsize=FONT)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(True, axis="x", alpha=0.3)


def _mln(x: float, language: str) -> str:
    """The amount as the text writes it (:func:`~samen_model.products.briefing.text.money`),
    with a minus for extra cost: the charts' sign convention."""
    return ("−" if x < 0 else "") + money(x, language)


def _mln_axis(ax, axis: str, language: str) -> None:
    """Ticks as plain millions (``−10``, ``0``, ``5``); the unit goes in the axis label, so
    tick labels never run into each other at A4 width."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=7, steps=[1, 2, 2.5, 5, 10]))
    target.set_major_formatter(FuncFormatter(lambda v, _p: fmt.number(v / 1e6, 0, language)))


def regime_chart(labels: Sequence[str], medians: Sequence[float], p5: Sequence[float],
                 p95: Sequence[float], years: tuple[int, int], end: int,
                 language: str = "nl") -> Figure:
    """Net result over ``years`` (EUR, saving positive) per regime after ``end``: the middle
    outcome (median) as a dot with its value, 9 in 10 situations (5th-95th percentile) as a
    bar; each regime's name above its bar."""
    w = WORDS[fmt.check_language(language)]
    n = len(labels)
    fig, ax = new_figure(figsize=(WIDTH_IN, 0.85 * n + 1.1))
    y = np.arange(n)
    ax.barh(y, np.subtract(p95, p5), left=p5, height=0.32, color=BLUE, alpha=0.25,
            label=w["range"])
    ax.plot(medians, y, "o", color=BLUE, ms=6, label=w["median"])
    lo_all, hi_all = min(min(p5), 0.0), max(max(p95), 0.0)
    span = hi_all - lo_all or 1.0
    left, right = lo_all - 0.2 * span, hi_all + 0.2 * span
    for yi, label, m, lo, hi in zip(y, labels, medians, p5, p95, strict=True):
        ax.text(left, yi - 0.3, label, fontsize=FONT, fontweight="bold", va="bottom",
                ha="left", zorder=5, bbox={"fc": "white", "ec": "none", "pad": 1.0})
        ax.annotate(_mln(m, language), (m, yi), xytext=(0, -7), textcoords="offset points",
                    ha="center", va="top", fontsize=FONT, color=BLUE)
        # the band's ends on white, so the zero line never runs through their text
        ax.annotate(_mln(lo, language), (lo, yi), xytext=(-3, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=FONT - 1, color="0.3", zorder=5,
                    bbox=PLAIN)
        ax.annotate(_mln(hi, language), (hi, yi), xytext=(3, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=FONT - 1, color="0.3", zorder=5,
                    bbox=PLAIN)
    ax.axvline(0, color="0.2", lw=0.9)
    ax.set_yticks([])
    ax.invert_yaxis()
    ax.set_ylim(n - 0.45, -0.85)
    ax.set_xlim(left, right)
    _mln_axis(ax, "x", language)
    unit = w["unit"]
    ax.set_xlabel(f"{w['cost']}      {years[0]}–{years[1]}, {unit}      {w['saving']}",
                  fontsize=FONT)
    _style(ax)
    ax.spines["left"].set_visible(False)
    # above the plot, inside the figure's frame (constrained layout keeps a margin round it)
    fig.legend(fontsize=FONT - 1, loc="outside upper center", frameon=False, ncols=2)
    desc = "; ".join(w["alt_regime"].format(label=lab, median=_mln(m, language),
                                            p5=_mln(a, language), p95=_mln(b, language))
                     for lab, m, a, b in zip(labels, medians, p5, p95, strict=True))
    return set_alt_text(fig, w["alt_regimes"].format(lo=years[0], hi=years[1], end=end,
                                                     desc=desc))


def outlook_chart(years: Sequence[int], p5: Sequence[float], p50: Sequence[float],
                  p95: Sequence[float], main: Sequence[float], transition: tuple[int, int],
                  language: str = "nl", last_observed: int | None = None) -> Figure:
    """Net result added up since the start (EUR, saving positive) per year: the band of 9 in 10
    situations, the middle outcome and the main scenario; the transition shaded; a line after
    ``last_observed``, the last year with figures from the documents."""
    w = WORDS[fmt.check_language(language)]
    fig, ax = new_figure(figsize=(WIDTH_IN, 3.1))
    ax.axvspan(transition[0] - 0.5, transition[1] + 0.5, color="0.93", zorder=0,
               label=w["transition"])
    ax.fill_between(years, p5, p95, color=BLUE, alpha=0.2, label=w["range"])
    ax.plot(years, p50, color=BLUE, marker="o", ms=3, lw=1.8, label=w["median"])
    ax.plot(years, main, color="0.25", ls="--", lw=1.2, label=w["main"])
    ax.axhline(0, color="0.2", lw=0.9)
    _mln_axis(ax, "y", language)
    ax.set_ylabel(w["y_outlook"], fontsize=FONT)
    ax.set_xticks(list(years), [str(y) for y in years], fontsize=FONT)
    if last_observed is not None and years[0] <= last_observed < years[-1]:
        x = last_observed + 0.5
        ax.axvline(x, color="0.35", lw=0.9, ls=":")
        # above the plot area from the line on (its arrows point to either side of it),
        # clear of the band and the lines
        ax.text(x + 0.05, 1.02, w["observed"].format(year=last_observed), ha="left",
                va="bottom", fontsize=FONT - 1, color="0.3",
                transform=ax.get_xaxis_transform())
    _style(ax)
    ax.grid(True, axis="y", alpha=0.3)
    fig.legend(fontsize=FONT - 1, loc="outside lower center", frameon=False, ncols=2)
    set_alt_text(fig, w["alt_outlook"].format(
        a=years[0], b=years[-1], median=_mln(p50[-1], language), p5=_mln(p5[-1], language),
        p95=_mln(p95[-1], language), main=_mln(main[-1], language)))
    return fig
