"""The key figures: one registry of the headline numbers every product shows.

A key figure is a number per draw computed from a :class:`~samen_model.model.results.Result`
over a window of years that follows the scenario's own time parameters (the SAMEN. start, the
end of the transition, the structural years up to the horizon), with a unit and a label in
Dutch and English whose ``{years}`` is filled from that window. The CLI, the notebooks, the
workbook, the briefing and the explorer take their key figures from here by name, so a key
figure added with :func:`register` appears in all of them.

Units: ``eur`` (nominal euros), ``persons``, ``fte``, ``months``, ``year`` (a calendar year)
and ``share`` (a fraction of draws). Money is nominal unless the name says otherwise: the
``*_real_eur`` figures are in prices of ``time.price_base_year`` (2021), the
``*_discounted_eur`` figures real and discounted to the first SAMEN. year at the MKBA rate of
2.25% (``model/money.py``); their labels say so, and the nominal ones say "nominaal".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from samen_model.model.results import Result, median_payback_year

Unit = Literal["eur", "persons", "fte", "months", "year", "share"]

#: The structural years whose net savings are a key figure: at most these, from the first
#: structural year, up to the horizon (a model choice: five years after the transition).
SAVINGS_WINDOW = (2026, 2030)


@dataclass(frozen=True)
class Windows:
    """The years a scenario's key figures cover (inclusive)."""

    samen_start: int
    transition_end: int
    structural: tuple[int, int]
    horizon: int

    @classmethod
    def of(cls, result: Result, savings_window: tuple[int, int] = SAVINGS_WINDOW) -> Windows:
        v = result.scenario.value
        last = int(result.years[-1])
        first_structural = max(savings_window[0], int(v("time.structural_start_year")))
        return cls(int(v("time.samen_start_year")), int(v("time.transition_end_year")),
                   (first_structural, min(savings_window[1], last)), last)


@dataclass(frozen=True)
class KeyFigure:
    """One headline number: how it is computed per draw, over which years, in which unit.

    ``label`` maps a language to a text with ``{years}``; ``years`` picks the years it covers
    from the scenario's :class:`Windows` (a pair is written ``2026-2030``); ``values`` computes
    it per draw.
    """

    name: str
    unit: Unit
    label: dict[str, str]
    years: Callable[[Windows], int | tuple[int, int] | None]
    values: Callable[[Result, Windows], np.ndarray]
    #: shown in a briefing table only when some scenario has a value other than 0
    only_when_nonzero: bool = False

    def years_text(self, windows: Windows) -> str:
        span = self.years(windows)
        if span is None:
            return ""
        if isinstance(span, tuple):
            return f"{span[0]}-{span[1]}" if span[0] != span[1] else str(span[0])
        return str(span)


REGISTRY: dict[str, KeyFigure] = {}


def register(figure: KeyFigure) -> KeyFigure:
    """Add a key figure (the order of registration is the order of every table)."""
    REGISTRY[figure.name] = figure
    return figure


def _total(column: str, span: Callable[[Windows], tuple[int, int]]
           ) -> Callable[[Result, Windows], np.ndarray]:
    def values(result: Result, w: Windows) -> np.ndarray:
        first, last = span(w)
        return result.total_over(column, first, last)
    return values


def _at(column: str, year: Callable[[Windows], int]) -> Callable[[Result, Windows], np.ndarray]:
    def values(result: Result, w: Windows) -> np.ndarray:
        rows = np.flatnonzero(result.years == year(w))
        return result.arrays[column][rows[0] if rows.size else -1]
    return values


def _max_from_start(column: str) -> Callable[[Result, Windows], np.ndarray]:
    def values(result: Result, w: Windows) -> np.ndarray:
        rows = result.years >= w.samen_start
        a = result.arrays[column]
        return a[rows].max(axis=0) if rows.any() else np.zeros(a.shape[1])
    return values


def _money(column: str, terms: str, span: Callable[[Windows], tuple[int, int]]
           ) -> Callable[[Result, Windows], np.ndarray]:
    """A euro column summed over the span in prices of the base year or discounted."""
    def values(result: Result, w: Windows) -> np.ndarray:
        first, last = span(w)
        rows = (result.years >= first) & (result.years <= last)
        return result.money(column, terms)[rows].sum(axis=0)
    return values


def _transition(w: Windows) -> tuple[int, int]:
    return (w.samen_start, w.transition_end)


register(KeyFigure(
    "deviation_transition_eur", "eur",
    {"nl": "Afwijking gesloten vierkant {years} (nominaal)",
     "en": "Square deviation {years} (nominal)"},
    _transition, _total("square_deviation_eur", _transition)))
register(KeyFigure(
    "net_savings_structural_eur", "eur",
    {"nl": "Netto besparing {years} (nominaal)", "en": "Net savings {years} (nominal)"},
    lambda w: w.structural, _total("net_savings_eur", lambda w: w.structural)))
register(KeyFigure(
    "net_savings_structural_real_eur", "eur",
    {"nl": "Netto besparing {years} (prijzen 2021)", "en": "Net savings {years} (2021 prices)"},
    lambda w: w.structural, _money("net_savings_eur", "real", lambda w: w.structural)))
register(KeyFigure(
    "net_savings_structural_discounted_eur", "eur",
    {"nl": "Netto besparing {years} (contante waarde 2023, 2,25%)",
     "en": "Net savings {years} (present value 2023, 2.25%)"},
    lambda w: w.structural, _money("net_savings_eur", "discounted", lambda w: w.structural)))
register(KeyFigure(
    "cumulative_net_savings_end_eur", "eur",
    {"nl": "Cumulatieve netto besparing (nominaal) eind {years}",
     "en": "Cumulative net savings (nominal) end of {years}"},
    lambda w: w.horizon, lambda r, w: r.arrays["cumulative_net_savings_eur"][-1]))
register(KeyFigure(
    "payback_year", "year", {"nl": "Terugverdienjaar (nominaal)",
                             "en": "Payback year (nominal)"},
    lambda w: None, lambda r, w: r.payback_year))
register(KeyFigure(
    "payback_year_discounted", "year",
    {"nl": "Terugverdienjaar (contante waarde, 2,25%)", "en": "Payback year (discounted, 2.25%)"},
    lambda w: None, lambda r, w: r.payback_year_in("discounted")))
register(KeyFigure(
    "young_people_helped_first_year", "persons",
    {"nl": "Jeugdigen geholpen {years}", "en": "Young people helped {years}"},
    lambda w: w.samen_start, _at("samen_clients_served", lambda w: w.samen_start)))
register(KeyFigure(
    "fte_end_of_transition", "fte",
    {"nl": "Fte SAMEN. eind {years}", "en": "SAMEN. FTE end of {years}"},
    lambda w: w.transition_end, _at("fte_samen", lambda w: w.transition_end)))
register(KeyFigure(
    "execution_budget_first_year_eur", "eur",
    {"nl": "Uitvoeringsbudget WIJ {years} (nominaal)",
     "en": "WIJ execution budget {years} (nominal)"},
    lambda w: w.samen_start, _at("execution_budget_eur", lambda w: w.samen_start)))
register(KeyFigure(
    "wij_result_structural_eur", "eur",
    {"nl": "Resultaat WIJ {years} (behouden)", "en": "WIJ's kept result {years}"},
    lambda w: w.structural, _total("wij_result_eur", lambda w: w.structural)))
register(KeyFigure(
    "extra_money_structural_eur", "eur",
    {"nl": "Extra geld preventie/uitbreiding {years} (nominaal)",
     "en": "Extra money prevention/expansion {years} (nominal)"},
    lambda w: w.structural, _total("extra_money_eur", lambda w: w.structural),
    only_when_nonzero=True))
register(KeyFigure(
    "waiting_list_max_cases", "persons",
    {"nl": "Grootste wachtlijst (jeugdigen, eind jaar)",
     "en": "Largest waiting list (young people, year end)"},
    lambda w: None, _max_from_start("waiting_list_cases"), only_when_nonzero=True))
register(KeyFigure(
    "waiting_time_max_months", "months",
    {"nl": "Langste gemiddelde wachttijd (maanden)",
     "en": "Longest average waiting time (months)"},
    lambda w: None, _max_from_start("waiting_time_months"), only_when_nonzero=True))

#: Payback years (a year per draw, NaN when never): over draws the year by which half paid back.
PAYBACK_FIGURES = ("payback_year", "payback_year_discounted")

#: Figures a run over several draws adds to :func:`central` (not computed per draw).
OVER_DRAWS: dict[str, dict[str, str]] = {
    "payback_share_within_horizon": {
        "nl": "Aandeel trekkingen dat zich terugverdient",
        "en": "Share of draws that pay back"},
    "payback_year_median_if_paid_back": {
        "nl": "Mediaan terugverdienjaar (alleen trekkingen die terugverdienen)",
        "en": "Median payback year (only draws that pay back)"},
}


def unit(name: str) -> Unit:
    """The unit of a key figure (also of the two figures over draws)."""
    if name in REGISTRY:
        return REGISTRY[name].unit
    return "share" if name == "payback_share_within_horizon" else "year"


def arrays(result: Result, savings_window: tuple[int, int] = SAVINGS_WINDOW
           ) -> dict[str, np.ndarray]:
    """Every registered key figure per draw (shape ``(draw,)``), in registry order."""
    w = Windows.of(result, savings_window)
    return {name: np.asarray(kf.values(result, w), dtype=float)
            for name, kf in REGISTRY.items()}


def central(result: Result, savings_window: tuple[int, int] = SAVINGS_WINDOW) -> pd.Series:
    """The key figures of one run: its values, or over several draws the median.

    The payback year over draws is the year by which at least half of the draws have paid
    back (NaN when fewer than half do), never the median of only those that do; two figures
    are added for several draws: the share that pays back within the horizon and the median
    year among those.
    """
    per_draw = arrays(result, savings_window)
    values = {k: (float(np.nanmedian(a)) if np.isfinite(a).any() else float("nan"))
              for k, a in per_draw.items() if k not in PAYBACK_FIGURES}
    for k in PAYBACK_FIGURES:
        values[k] = median_payback_year(per_draw[k])
    payback = per_draw["payback_year"]
    if result.draws > 1:
        paid = payback[~np.isnan(payback)]
        values["payback_share_within_horizon"] = float(paid.size / payback.size)
        values["payback_year_median_if_paid_back"] = (float(np.median(paid)) if paid.size
                                                      else float("nan"))
    order = [*per_draw, *OVER_DRAWS]
    return pd.Series({k: values[k] for k in order if k in values}, name=result.scenario.name)


def table(results: Sequence[Result], savings_window: tuple[int, int] = SAVINGS_WINDOW
          ) -> pd.DataFrame:
    """Key figures, one row per scenario (medians over draws for Monte Carlo results)."""
    df = pd.DataFrame([central(r, savings_window) for r in results])
    df.index.name = "scenario"
    return df


def label(name: str, language: str = "nl", results: Sequence[Result] | Result | None = None,
          savings_window: tuple[int, int] = SAVINGS_WINDOW) -> str:
    """The label of a key figure with the years it covers in these results.

    Without results, or when the results cover different years, the label names no years.
    """
    if language not in ("nl", "en"):
        raise ValueError(f"language must be 'nl' or 'en' (got {language!r})")
    if name in OVER_DRAWS:
        return OVER_DRAWS[name][language]
    if name not in REGISTRY:
        return name.replace("_", " ")
    kf = REGISTRY[name]
    if isinstance(results, Result):
        results = [results]
    spans = {kf.years_text(Windows.of(r, savings_window)) for r in results or ()}
    years = spans.pop() if len(spans) == 1 else ""
    text = kf.label[language].format(years=years)
    return " ".join(text.split()).removesuffix(" eind").removesuffix(" end of")
