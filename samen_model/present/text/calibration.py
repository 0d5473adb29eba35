"""Sentences about a calibration for the briefing and the notebooks (Dutch or English)."""

from __future__ import annotations

from samen_model.analysis.calibration.fit import Calibration
from samen_model.errors import SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.scenario.observations import Observation, load_observations
from samen_model.scenario.posterior import observations_path, posterior_block
from samen_model.scenario.scenario import Scenario


def figure_phrase(observation: Observation, language: str = "nl") -> str:
    """One figure in words ("967 jeugdigen geholpen in 2023"); other columns by their label."""
    o = observation
    default = "{label} {y}: {r}"
    return msg.words("text.calibration.phrase", language).get(o.column, default).format(
        r=o.reported[language], y=o.year, label=fmt.column_label(o.column, language))


def _join(parts: list[str], language: str) -> str:
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + msg.text("text.calibration.and", language) + parts[-1]


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
    return msg.text("text.calibration.conditioned", language,
                    year=max(o.year for o in items), figures=_join(figures, language))


def verdict_sentence(cal: Calibration, language: str = "nl") -> str:
    """Whether the calibration can be trusted, with the effective sample size and k-hat."""
    t = msg.words("text.calibration", language)
    if not cal.reliable:
        return t["verdict_bad"].format(why="; ".join(cal.problems))
    return t["verdict_ok"].format(ess=fmt.number(cal.ess, 0, language),
                                  n=fmt.number(cal.draws, 0, language),
                                  k=fmt.number(cal.pareto_k, 2, language),
                                  t=fmt.number(cal.weights.khat_threshold, 2, language))
