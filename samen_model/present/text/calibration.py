"""Sentences about a calibration for the briefing and the notebooks (Dutch or English)."""

from __future__ import annotations

from samen_model.analysis.calibration.fit import Calibration
from samen_model.errors import SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.present import formatting as fmt
from samen_model.scenario.observations import Observation, load_observations
from samen_model.scenario.posterior import observations_path, posterior_block
from samen_model.scenario.scenario import Scenario

TEXTS = {
    "nl": {
        "conditioned": "Deze bandbreedtes zijn bijgesteld op de werkelijke cijfers tot en met "
                       "{year}: {figures}. Uitkomsten die met die cijfers in strijd zijn, "
                       "tellen niet meer mee.",
        "and": " en ",
        "verdict_ok": "De kalibratie is betrouwbaar: {ess} effectieve trekkingen van de {n} "
                      "(Pareto k-hat {k}, grens {t}).",
        "verdict_bad": "Let op: de kalibratie is niet betrouwbaar ({why}).",
    },
    "en": {
        "conditioned": "These ranges are conditioned on the actual figures up to {year}: "
                       "{figures}. Outcomes that contradict those figures no longer count.",
        "and": " and ",
        "verdict_ok": "The calibration is reliable: {ess} effective draws of {n} (Pareto "
                      "k-hat {k}, limit {t}).",
        "verdict_bad": "Note: the calibration is not reliable ({why}).",
    },
}


#: How a figure reads in a sentence, per column ({r}: the figure as reported, {y}: the year).
PHRASES = {
    "nl": {"samen_clients_served": "{r} jeugdigen geholpen in {y}",
           "fte_samen": "{r} fte eind {y}",
           "execution_budget_eur": "een subsidie van {r} in {y}",
           "square_deviation_eur": "een overschrijding van {r} in {y}",
           "comparable_cost_eur": "{r} jeugdhulp in de SAMEN.-producten in {y}",
           "total_youth_care_eur": "{r} jeugdhulp in totaal in {y}"},
    "en": {"samen_clients_served": "{r} young people helped in {y}",
           "fte_samen": "{r} FTE at the end of {y}",
           "execution_budget_eur": "a subsidy of {r} in {y}",
           "square_deviation_eur": "an overrun of {r} in {y}",
           "comparable_cost_eur": "{r} of youth care in the SAMEN. products in {y}",
           "total_youth_care_eur": "{r} of youth care in total in {y}"},
}


def figure_phrase(observation: Observation, language: str = "nl") -> str:
    """One figure in words ("967 jeugdigen geholpen in 2023"); other columns by their label."""
    o = observation
    default = "{label} {y}: {r}"
    return PHRASES[language].get(o.column, default).format(
        r=o.reported[language], y=o.year, label=fmt.column_label(o.column, language))


def _join(parts: list[str], language: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + TEXTS[language]["and"] + parts[-1]


def conditioned_sentence(scenario: Scenario, language: str = "nl") -> str:
    """For a calibrated scenario: that its ranges are conditioned on the observed figures,
    naming them (e.g. "Deze bandbreedtes zijn bijgesteld op de werkelijke cijfers tot en met
    2023: 967 jeugdigen geholpen in 2023, ruim 80 fte eind 2023, ..."). Empty for a scenario
    without a posterior.
    """
    fmt.check_language(language)
    block = posterior_block(scenario.tree)
    path = observations_path(scenario.tree)
    if block is None or path is None:
        return ""
    used = set((block.get("observations") or {}).get("used") or ())
    try:
        items = [o for o in load_observations(path, COLUMN_NAMES[1:]) if o.id in used]
    except SamenInputError:
        items = []
    if not items:
        raise SamenInputError(scenario.path, "posterior.observations", f"an observation file "
                              f"with the figures the scenario was calibrated on ({path})")
    figures = [figure_phrase(o, language) for o in items]
    return TEXTS[language]["conditioned"].format(year=max(o.year for o in items),
                                                 figures=_join(figures, language))


def verdict_sentence(cal: Calibration, language: str = "nl") -> str:
    """Whether the calibration can be trusted, with the effective sample size and k-hat."""
    t = TEXTS[fmt.check_language(language)]
    if not cal.reliable:
        return t["verdict_bad"].format(why="; ".join(cal.problems))
    return t["verdict_ok"].format(ess=fmt.number(cal.ess, 0, language),
                                  n=fmt.number(cal.draws, 0, language),
                                  k=fmt.number(cal.pareto_k, 2, language),
                                  t=fmt.number(cal.weights.khat_threshold, 2, language))
