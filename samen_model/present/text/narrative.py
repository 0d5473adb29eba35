"""Short briefing text generated from results: Dutch by default, English on request.

Only words around numbers that :meth:`~samen_model.model.results.Result.key_figures` already
holds; signs
become words ("overschrijding"/"onderschrijding", "besparing"/"extra kosten") so a reader never
has to interpret a minus sign. Amounts are nominal euros, formatted by
:mod:`samen_model.present.formatting`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.analysis.outputs import output as uncertainty_output
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.scenario.observations import Observation
from samen_model.scenario.sources import parse, registry

EVEN_EUR = 50_000.0  # |deviation| below this (EUR) reads as "almost exactly met"


def _years(result: Result) -> dict[str, int]:
    v = result.scenario.value
    start, end = v("time.samen_start_year"), v("time.transition_end_year")
    lo = max(2026, v("time.structural_start_year"))
    return {"start": start, "end": end, "lo": lo, "hi": min(2030, int(result.years[-1])),
            "last": int(result.years[-1]), "first_year": start, "end_year": end}


def _better(diff: float, higher_is_better: bool, language: str, versus: bool = False) -> str:
    """A difference with the main scenario in words: ``€ 0,27 mln ongunstiger`` (with
    ``versus``: ``... dan het hoofdscenario``)."""
    t = msg.words("text.narrative", language)["better"]
    if abs(diff) < 5_000:
        return t[2] + (t[4] if versus else "")
    good = (diff > 0) == higher_is_better
    return t[0 if good else 1].format(amount=fmt.eur_mln(abs(diff), 2, language)) + (
        t[3] if versus else "")


def _dev_words(dev: float, language: str) -> str:
    t = msg.words("text.narrative", language)["dev_words"]
    return t[0 if dev >= 0 else 1].format(amount=fmt.eur_mln(abs(dev), 2, language))


def _net_words(net: float, language: str) -> str:
    t = msg.words("text.narrative", language)["net_words"]
    return t[0 if net >= 0 else 1].format(amount=fmt.eur_mln(abs(net), 2, language))


def square_sentence(result: Result, language: str = "nl") -> str:
    """One sentence on the square deviation over the transition (EUR, positive = overspend)."""
    t = msg.words("text.narrative", language)
    dev = float(kf.central(result)["deviation_transition_eur"])
    key = "even" if abs(dev) < EVEN_EUR else ("over" if dev > 0 else "under")
    return t[key].format(amount=fmt.eur_mln(abs(dev), 2, language),
                         **_years(result))


def savings_sentence(result: Result, language: str = "nl") -> str:
    """One sentence on net savings in the structural years (EUR, positive = saving)."""
    t = msg.words("text.narrative", language)
    net = float(kf.central(result)["net_savings_structural_eur"])
    key = "saves" if net >= 0 else "costs"
    return t[key].format(amount=fmt.eur_mln(abs(net), 2, language), **_years(result))


def payback_sentence(result: Result, language: str = "nl") -> str:
    """When SAMEN. pays for itself, or that it does not within the horizon."""
    t = msg.words("text.narrative", language)
    year = float(kf.central(result)["payback_year"])
    if math.isnan(year):
        return t["no_payback"].format(**_years(result))
    return t["payback"].format(year=fmt.year(year))


def main_paragraph(result: Result, language: str = "nl",
                   helped: Observation | None = None) -> str:
    """The paragraphs on the main scenario: scale (and how the model's young people helped
    relate to the evaluation's count, the ``helped`` observation), square, savings, payback."""
    t = msg.words("text.narrative", language)
    k = kf.central(result)
    intro = t["intro"].format(title=result.scenario.title)
    observation = helped
    scale = t["helped"].format(
        helped=fmt.count(k["young_people_helped_first_year"], language),
        fte=fmt.count(k["fte_end_of_transition"], language),
        budget=fmt.eur_mln(k["execution_budget_first_year_eur"], 1, language),
        **_years(result))
    count = helped_sentence(result, observation, language)
    body = " ".join([square_sentence(result, language), savings_sentence(result, language),
                     payback_sentence(result, language)])
    return "\n\n".join([intro, f"{scale} {count}".strip(), body])


def helped_sentence(result: Result, observation: Observation | None,
                    language: str = "nl") -> str:
    """How the model's young people helped in the first year relate to the count in the
    evaluation (an observation of ``samen_clients_served``); '' without an observation."""
    if observation is None:
        return ""
    t = msg.words("text.narrative", language)
    at = {int(y): i for i, y in enumerate(result.years)}
    if observation.year not in at:
        return ""
    modelled = float(result.arrays[observation.column][at[observation.year], 0])
    source = registry()[parse(observation.source)[0].key]
    diff = modelled - observation.value
    return t["count"].format(year=observation.year, date=source.when(language),
                             reported=observation.reported[language],
                             diff=fmt.count(abs(diff), language),
                             share=fmt.pct(abs(diff) / observation.value, 1, language))


def comparison_paragraph(main: Result, others: Sequence[Result], language: str = "nl") -> str:
    """One bullet per other scenario with its difference to the main one, and the range;
    signs as words (boven / binnen, besparing / extra kosten, gunstiger / ongunstiger)."""
    if not others:
        return ""
    t = msg.words("text.narrative", language)
    k0 = kf.central(main)
    lines = [t["compare_head"], ""]
    for r in others:
        k = kf.central(r)
        dev, net = k["deviation_transition_eur"], k["net_savings_structural_eur"]
        lines.append(t["compare_row"].format(
            title=r.scenario.title, dev=_dev_words(dev, language),
            dev_diff=_better(dev - k0["deviation_transition_eur"], False, language, True),
            net=_net_words(net, language),
            net_diff=_better(net - k0["net_savings_structural_eur"], True, language),
            **_years(main)))
    everyone = [main, *others]
    nets = [float(kf.central(r)["net_savings_structural_eur"]) for r in everyone]
    low, high = nets.index(min(nets)), nets.index(max(nets))
    lines += ["", t["range"].format(
        low=_net_words(nets[low], language), low_name=everyone[low].scenario.title,
        high=_net_words(nets[high], language), high_name=everyone[high].scenario.title,
        **_years(main))]
    return "\n".join(lines)


def uncertainty_sentence(summary: MonteCarloSummary, output: str = "net_savings_2026_2030",
                         language: str = "nl", title: str | None = None) -> str:
    """One sentence with the 90% interval (5th-95th percentile over the draws, EUR) of a named
    output of a Monte Carlo summary: ``net_savings_YYYY_YYYY`` or ``deviation_YYYY_YYYY``.

    Signs become words (besparing / extra kosten, overschrijding / onderschrijding).
    ``title``: the scenario's title, named in the closing brackets when given.
    """
    t = msg.words("text.narrative", language)
    out = uncertainty_output(output)
    if output not in summary.outputs.index or out.column not in ("net_savings_eur",
                                                                 "square_deviation_eur"):
        raise ValueError(f"output: expected a net_savings_* or deviation_* output of the "
                         f"summary ({', '.join(summary.outputs.index)}), got {output!r}")
    p5, p95 = (float(summary.outputs.loc[output, c]) for c in ("p5", "p95"))
    savings = out.column == "net_savings_eur"
    if p5 >= 0:  # all savings / all overspend
        key, a, b = ("mc_saves" if savings else "mc_over"), p5, p95
    elif p95 < 0:  # all extra cost / all within the square
        key, a, b = ("mc_costs" if savings else "mc_under"), -p95, -p5
    else:  # a is the size of the negative end, b of the positive end
        key, a, b = ("mc_net_mixed" if savings else "mc_dev_mixed"), -p5, p95
    text = t[key].format(lo=out.first, hi=out.last, a=fmt.eur_mln(a, 2, language),
                         b=fmt.eur_mln(b, 2, language))
    how = t["mc_how"].format(draws=fmt.count(summary.draws, language),
                             of=t["mc_of"].format(title=title) if title else "")
    return text + how


def briefing_text(results: Sequence[Result], language: str = "nl",
                  uncertainty: MonteCarloSummary | None = None,
                  helped: Observation | None = None, uncertainty_title: str | None = None
                  ) -> str:
    """The briefing's text as Markdown: the first result is the main scenario; with a Monte
    Carlo ``uncertainty`` summary, the 90% interval of its net savings 2026-2030 follows; with
    the ``helped`` observation (the evaluation's count), how the model's figure relates to it.

    >>> import samen_model as sm  # doctest: +SKIP
    >>> print(briefing_text([sm.simulate(sm.load_scenario("scenarios/realised_2023.yaml"))]))
    ... # doctest: +SKIP
    """
    if not results:
        raise ValueError("results: expected at least one Result")
    t = msg.words("text.narrative", language)
    parts = [main_paragraph(results[0], language, helped),
             uncertainty_sentence(uncertainty, language=language, title=uncertainty_title)
             if uncertainty else "",
             comparison_paragraph(results[0], results[1:], language), t["caveat"]]
    return "\n\n".join(p for p in parts if p)
