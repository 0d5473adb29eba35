"""Section 6 of the briefing, risks and opportunities: each what-if scenario against the main
scenario for the municipality, WIJ and both together, how often the computed situations are as
bad, the waterbed effect of step-ups to specialist care, and who carries a difference."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from samen_model.analysis import key_figures as kf
from samen_model.analysis.calibration.fit import prior_values
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present import parameters as rp
from samen_model.products.briefing import text as tx
from samen_model.products.briefing.citing import cite, quote
from samen_model.products.briefing.content import Section
from samen_model.products.briefing.regimes import net_output, share_at_or_below
from samen_model.scenario.scenario import Scenario

#: The share of SAMEN.'s new clients who later still need specialist care (waterbed effect).
STEP_UP = "routing.step_up_share"


def change_words(scenario: Scenario, path: str, language: str) -> str:
    """What a what-if sets ``path`` to, for a reader: ``Weglek: 10% in 2023, 25% vanaf 2024
    van de nieuwe hulpvragen`` (a year series is linear between its years and holds its last
    value after, so the last one reads "vanaf"); a label ending in "vanaf" takes its year
    without a colon."""
    info = scenario.params[path]
    label = rp.label_text(scenario, path, language)
    value = info.value
    if isinstance(value, dict) and value:
        unit = rp.unit_text(path, scenario, language)
        years = sorted(value)
        since, at = msg.texts("briefing.since_at", language)
        parts = []
        for i, year in enumerate(years):
            text = rp.value_text(info, scenario, language, value=value[year])
            shared = bool(unit) and unit.split()[0] in ("van", "of")
            if shared and text.endswith(unit):
                text = text[:-len(unit)].rstrip()
            parts.append(f"{text} {since if i == len(years) - 1 else at} {year}")
        words = tx.join(parts, language) + (f" {unit}" if unit and unit.split()[0] in
                                            ("van", "of") else "")
    else:
        words = rp.value_text(info, scenario, language)
    last = label.split()[-1].lower() if label else ""
    return f"{label} {words}" if last in ("vanaf", "from") else f"{label}: {words}"


def together(result: Result) -> float:
    """The municipality's net result plus WIJ's own result over the structural years (EUR):
    what SAMEN. saves the municipality and WIJ together."""
    k = kf.central(result)
    return float(k["net_savings_structural_eur"]) + float(k["wij_result_structural_eur"])


def risk_rows(main: Result, others: Sequence[Result], summary: MonteCarloSummary,
              y: dict[str, int], language: str) -> list[tuple[Result, str, str, str, str, str]]:
    """Per what-if scenario, worst for municipality and WIJ together first: the run, what
    differs, the municipality's net result, WIJ's own result, both together against the main
    scenario, and how often the computed situations are as bad (or as good) for the
    municipality."""
    w = tx.t(language)
    out = net_output(y)
    base = float(kf.central(main)["net_savings_structural_eur"])
    rows = []
    for r in sorted(others, key=together):
        k = kf.central(r)
        net = float(k["net_savings_structural_eur"])
        below = share_at_or_below(summary, out, net)
        if net < base:
            often = w["often_worse"].format(n=round(10 * below)) if below >= 0.05 \
                else w["often_rare"]
        else:
            often = w["often_better"].format(n=round(10 * (1 - below))) if below <= 0.95 \
                else w["often_rare"]
        what = "; ".join(change_words(r.scenario, path, language)
                         for path in rp.differing_paths([r.scenario], main.scenario))
        diff = together(r) - together(main)
        versus = w["better" if diff >= 0 else "worse"].format(amount=tx.money(diff, language))
        rows.append((r, what, tx.net_words(net, language),
                     tx.wij_words(k["wij_result_structural_eur"], language), versus, often))
    return rows


def risks_section(s: Section, main: Result, others: Sequence[Result], summary: MonteCarloSummary,
           y: dict[str, int], language: str, uncertain: Scenario | None = None) -> None:
    w = tx.t(language)
    s.paragraph(w["risks_1"].format(
        risk_quote=quote("memo-2021", "tekort aan personeel", "waterbedeffect"),
        memo=cite("memo-2021", language)))
    rows = [[r.scenario.title, what, net_cell, wij_cell, versus, often]
            for r, what, net_cell, wij_cell, versus, often
            in risk_rows(main, others, summary, y, language)]
    if rows:
        k = kf.central(main)
        s.table(list(w["risks_head"]), rows, w["risks_caption"].format(
                    main=tx.net_words(k["net_savings_structural_eur"], language),
                    main_wij=tx.wij_words(k["wij_result_structural_eur"], language), **y),
                widths=[2.2, 3.4, 1.3, 1.3, 1.4, 1.6], align=["l", "l", "r", "r", "r", "l"])
    shortfall = summary.shortfall_probability
    if len(shortfall) and y["struct"] in shortfall.index:
        s.paragraph(w["staff"].format(share=tx.in_ten(float(shortfall.loc[y["struct"]]),
                                                       language),
                                      year=y["struct"], **y))
    s.paragraph(w["gi"].format(
        gi_quote=quote("evaluation-2023", "Met ingang van 1 januari worden", "toegevoegd."),
        gi_year=int(main.scenario.value("referrers.certified_institutions.samen_entry_year"))
        if "referrers.certified_institutions.samen_entry_year" in main.scenario.params
        else y["first"]))
    _waterbed(s, main, others, y, language, uncertain, summary)
    _wij_carries(s, main, others, y, language)


def _window_total(result: Result, column: str, y: dict[str, int]) -> float:
    """``column`` of a central run summed over the structural years ``lo``..``hi`` (EUR)."""
    return float(result.total_over(column, y["lo"], y["hi"])[0])


def _waterbed(s: Section, main: Result, others: Sequence[Result], y: dict[str, int],
              language: str, uncertain: Scenario | None = None,
              summary: MonteCarloSummary | None = None) -> None:
    """The waterbed effect: with the result of the scenario that adds step-ups to specialist
    care (the one with the most step-up cost over the structural years), when there is one;
    and how often the computed situations (``uncertain``, the summary's draws and seed) have
    at least that share of step-ups, when the share is uncertain there."""
    w = tx.t(language)
    base = _window_total(main, "step_up_cost_eur", y)
    costs = {id(r): _window_total(r, "step_up_cost_eur", y) - base for r in others}
    run = max(others, key=lambda r: costs[id(r)], default=None)
    if run is None or costs[id(run)] < 1.0:
        s.paragraph(w["waterbed"])
        return
    cases, new = run.arrays["step_up_cases"][:, 0], run.arrays["samen_new_clients"][:, 0]
    first = int(np.flatnonzero((cases > 0) & (new > 0))[0])
    share = cases[first] / new[first]
    text = [w["waterbed_run"].format(
        title=run.scenario.title, year=int(run.years[first]),
        share=fmt.pct_auto(share, language), cost=tx.money(costs[id(run)], language),
        net=tx.net_words(kf.central(run)["net_savings_structural_eur"], language),
        main=tx.net_words(kf.central(main)["net_savings_structural_eur"], language), **y)]
    if uncertain is not None and summary is not None and \
            STEP_UP in uncertain.uncertain_parameters():
        drawn = prior_values(uncertain, summary.draws, summary.seed)[STEP_UP]
        text.append(w["waterbed_often"].format(
            low=fmt.pct_auto(round(float(drawn.min()), 3), language),
            high=fmt.pct_auto(round(float(drawn.max()), 3), language),
            share=fmt.pct_auto(share, language),
            often=tx.in_ten(float(np.mean(drawn >= share - 1e-12)), language)))
    s.paragraph(" ".join([*text, w["waterbed_follow"]]))


def _wij_carries(s: Section, main: Result, others: Sequence[Result], y: dict[str, int],
                 language: str) -> None:
    """Scenarios that are better for the municipality because WIJ keeps a smaller result
    (more than € 0,5 mln less over the structural years): who carries the difference."""
    w = tx.t(language)
    name, net = "wij_result_structural_eur", "net_savings_structural_eur"
    k = kf.central(main)
    items = [w["wij_item"].format(title=r.scenario.title.split(" (")[0],
                                  wij=tx.wij_words(kf.central(r)[name], language))
             for r in others
             if kf.central(r)[net] > k[net] and kf.central(r)[name] < k[name] - 500_000.0]
    if items:
        s.paragraph(w["wij_carries"].format(main=tx.wij_words(k[name], language),
                                            items=tx.join(items, language), **y))
