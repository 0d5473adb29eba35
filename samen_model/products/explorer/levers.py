"""The levers of the what-if explorer and what moving them changes in a scenario.

A :class:`Lever` is one slider (a parameter path, its range and step) or one list of choices
(a ``choice`` or ``bool`` parameter: the registry's choices, in the words of the assumptions
register). Adding a lever is one row of :data:`LEVERS`; its label defaults to the registry's.
The leakage path is four sliders (``routing.leakage`` in 2024, 2025, 2026 and 2030) that
together make one year series. :func:`start_settings` reads the base scenario's values into
slider positions; :func:`changed_values` turns positions back into the parameter values that
differ from the base, exactly what a saved what-if file lists. A lever within half a step of
the base counts as unchanged (a slider may snap the base value to its grid), so the run and the
saved file agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from samen_model.scenario.catalogue import CATALOGUE
from samen_model.scenario.labels import label_of
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.values import Distribution, series_on_years

Unit = Literal["share", "number", "eur", "year", "choice"]
Setting = float | str | bool

#: Years of the leakage path sliders; the value of the last one is held after it.
LEAKAGE_YEARS = (2024, 2025, 2026, 2030)
LEAKAGE = "routing.leakage"


@dataclass(frozen=True)
class Lever:
    """One slider: ``path`` (parameter), range and step in the parameter's unit, labels.

    ``year`` is set for a point of the leakage path. ``unit`` says how the slider reads out
    (a share as a percentage, euros, a year); ``"choice"`` is a list of the parameter's
    registry choices (a ``bool`` parameter: yes and no) without range or step. ``only_if``
    (lever key, setting): the lever counts only while that lever is at that setting (WIJ's
    result under a realistic budget matters only under that regime). Labels left empty are the
    registry's.
    """

    key: str
    path: str
    label_nl: str = ""
    label_en: str = ""
    minimum: float = 0.0
    maximum: float = 0.0
    step: float = 0.0
    unit: Unit = "number"
    year: int | None = None
    only_if: tuple[str, Setting] | None = None

    def label(self, language: str = "nl") -> str:
        own = self.label_nl if language == "nl" else self.label_en
        entry = label_of(self.path) if not own else None
        return own or (entry.label[language] if entry else self.path)

    def choices(self) -> tuple[Setting, ...]:
        """The settings of a choice lever, in the registry's order (``True, False`` for a
        switch)."""
        spec = CATALOGUE[self.path]
        return (True, False) if spec.kind == "bool" else spec.choices


LEVERS: tuple[Lever, ...] = (
    *(Lever(f"leakage_{y}", LEAKAGE, f"Weglek {y}", f"Leakage {y}", 0.0, 0.5, 0.01, "share", y)
      for y in LEAKAGE_YEARS),
    Lever("first_year_uptake", "routing.first_year_uptake", "Benutting eerste jaar",
          "First-year uptake", 0.4, 1.0, 0.01, "share"),
    Lever("inflow", "demand.inflow_per_1000", "Instroom per 1.000 jeugdigen",
          "Inflow per 1,000 young people", 30.0, 80.0, 0.5),
    Lever("population_growth", "population.growth_after_data", "Groei jeugdbevolking per jaar",
          "Youth population growth a year", -0.02, 0.03, 0.0005, "share"),
    Lever("caseload", "capacity.caseload_per_fte", "Cliënten per fte", "Clients per FTE",
          4.0, 14.0, 0.1),
    Lever("cost_per_fte", "costs.cost_per_fte_eur", "Kosten per fte (prijzen 2021)",
          "Cost per FTE (2021 prices)", 40_000.0, 90_000.0, 500.0, "eur"),
    Lever("budget_cut", "savings.budget_cut_share", "Taakstelling SAMEN.-budget",
          "Cut of the SAMEN. budget", 0.0, 0.25, 0.005, "share"),
    Lever("fewer_referrals", "savings.specialist_referral_reduction",
          "Minder specialistische verwijzingen", "Fewer specialist referrals",
          0.0, 0.10, 0.0025, "share"),
    Lever("structural_start", "time.structural_start_year", "Start structurele besparing",
          "Structural savings from", 2026, 2030, 1, "year"),
    Lever("attrition", "capacity.staff_attrition_rate", "Vertrek van personeel per jaar",
          "Staff leaving a year", 0.0, 0.30, 0.01, "share"),
    Lever("vacancy", "capacity.vacancy_rate", "Onvervulde formatie",
          "Unfilled posts", 0.0, 0.20, 0.01, "share"),
    Lever("capacity_follows", "plan.capacity_follows_realised", unit="choice"),
    Lever("regime", "budget.structural_regime", unit="choice"),
    Lever("wij_result", "budget.reeel_wij_result", unit="choice", only_if=("regime", "reeel")),
    Lever("other_care_follows", "costs.other_youth_care_follows_population", unit="choice"),
    Lever("extra_money", "extra_money.amount_eur",
          "Extra geld preventie en uitbreiding per jaar (prijzen 2021)",
          "Extra money for prevention and expansion a year (2021 prices)",
          0.0, 5_000_000.0, 50_000.0, "eur"),
    Lever("extra_prevention_effect", "extra_money.prevention_effect_per_million_eur",
          "Minder instroom per € 1 mln preventie", "Less inflow per €1M of prevention",
          0.0, 0.10, 0.0025, "share"),
)
BY_KEY = {lever.key: lever for lever in LEVERS}


def _level(value: Any, year: int) -> Setting:
    """A parameter's deterministic value in ``year`` (central value of a distribution; a
    choice or switch as it is)."""
    if isinstance(value, (str, bool)):
        return value
    if isinstance(value, Distribution):
        return float(value.central)
    if isinstance(value, dict):
        return float(series_on_years(value, np.array([year]))[0])
    return float(value)


def base_value(base: Scenario, lever: Lever) -> Setting:
    """The lever's position in the base scenario: the value in its year, else in the last year
    (a structural level such as a budget cut series ``{2026: 0.05, 2028: 0.10}`` reads 0.10)."""
    year = lever.year or int(base.value("time.last_year"))
    return _level(base.value(lever.path), year)


def lever_range(base: Scenario, lever: Lever) -> tuple[float, float]:
    """The slider's range: the lever's own, widened to hold the base value and the horizon
    (a numeric lever)."""
    value = base_value(base, lever)
    lo, hi = min(lever.minimum, value), max(lever.maximum, value)
    if lever.unit == "year":
        lo = max(lo, base.value("time.transition_end_year") + 1)
        hi = min(hi, base.value("time.last_year"))
        lo, hi = min(lo, value), max(hi, value)
    return lo, hi


def levers_for(base: Scenario) -> tuple[Lever, ...]:
    """The levers that fit the base's horizon (leakage years after its last year dropped)."""
    last = base.value("time.last_year")
    return tuple(lv for lv in LEVERS if lv.year is None or lv.year <= last)


def start_settings(base: Scenario) -> dict[str, Setting]:
    """Slider positions of the base scenario, by lever key."""
    return {lv.key: base_value(base, lv) for lv in levers_for(base)}


def _differs(lever: Lever, new: Setting, old: Setting) -> bool:
    if lever.unit == "choice":
        return new != old
    return abs(float(new) - old) > lever.step / 2 + 1e-12


def counts(lever: Lever, settings: Mapping[str, Setting], base: Scenario) -> bool:
    """Whether ``lever`` matters at ``settings`` (see :attr:`Lever.only_if`)."""
    if lever.only_if is None:
        return True
    key, wanted = lever.only_if
    return settings.get(key, base_value(base, BY_KEY[key])) == wanted


def changed_values(base: Scenario, settings: Mapping[str, Setting]) -> dict[str, Any]:
    """Parameter values that differ from ``base`` (path -> value), as a what-if file lists them.

    Single-value levers give a number (a year as an integer), a choice its word, a switch
    True or False; a lever that does not count at these settings (:func:`counts`) is left
    out. The leakage path gives a year
    series from the first changed slider year on (the base holds before it; the later slider
    years follow, the last held after). Over a base distribution the series starts at the first
    model year with the distribution's central value, since a series cannot extend a
    distribution (:mod:`samen_model.scenario.series`).
    """
    unknown = set(settings) - set(BY_KEY)
    if unknown:
        raise KeyError(f"unknown levers: {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    path_points: dict[int, float] = {}
    changed_years: list[int] = []
    for lever in levers_for(base):
        if lever.key not in settings or not counts(lever, settings, base):
            continue
        new, old = settings[lever.key], base_value(base, lever)
        if lever.unit == "choice":
            if _differs(lever, new, old):
                out[lever.path] = new
            continue
        new = float(new)
        if lever.year is not None:
            path_points[lever.year] = new if _differs(lever, new, old) else old
            if _differs(lever, new, old):
                changed_years.append(lever.year)
        elif _differs(lever, new, old):
            out[lever.path] = int(round(new)) if lever.unit == "year" else new
    if changed_years:
        first = min(changed_years)
        series = {y: v for y, v in sorted(path_points.items()) if y >= first}
        current = base.value(LEAKAGE)
        if isinstance(current, Distribution):
            series = {int(base.value("time.first_year")): current.central, **series}
        out[LEAKAGE] = series
    return out
