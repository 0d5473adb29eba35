"""The council briefing, composed once from the runs, in the form of a raadsbrief.

:func:`compose_briefing` returns a :class:`~samen_model.products.briefing.content.Briefing`; the
notebook ``04_briefing`` shows it, ``samen report`` turns the same object into PDF and Word.

Page 1 holds one bottom-line sentence, the middle outcome (median) of the uncertainty run with
the band of 9 in 10 computed situations (5th-95th percentile), the choice that moves it most
(how WIJ's budget is set after the transition) and one chart. The body follows a raadsbrief:
aanleiding, context, what happened (only the documents' figures), what the model expects,
the choice after the transition (one :class:`RegimeResult` per way of budgeting, side by side),
risks, break-even, vervolg, limits. Annexes: the budget rule year by year, the assumptions
register (each "document" row with the words it rests on), terms, sources, colophon.

Each section is one function below; to add content, call a method on a section of the result
(see :mod:`samen_model.products.briefing.content`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.analysis.value_of_information import (
    MIN_DRAWS,
    MeasureNext,
)
from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.products.briefing import annexes as ax
from samen_model.products.briefing import charts
from samen_model.products.briefing import text as tx
from samen_model.products.briefing.annexes import key_figure_rows  # noqa: F401 (the registry's)
from samen_model.products.briefing.citing import cite, lower_first, quote
from samen_model.products.briefing.content import (
    COLOPHON,
    DEFAULT_AUTHOR,
    Briefing,
    Section,
)
from samen_model.products.briefing.glossary import glossary
from samen_model.products.briefing.measure import measure_for, measure_section
from samen_model.products.briefing.regimes import (
    REGIME_PARAMETER,
    RegimeResult,
    middle,
    net_output,
    share_at_or_below,
    square_output,
    transition_years,
    under_regime,
    years_of,
)
from samen_model.products.briefing.risks import risks_section
from samen_model.scenario import sources as src
from samen_model.scenario.observations import Observation, Observations
from samen_model.scenario.scenario import Scenario

MAIN_TITLE = {lang: msg.text("briefing.main_title", lang) for lang in msg.LANGUAGES}


def _title(result: Result, main: Result, language: str) -> str:
    return MAIN_TITLE[language] if result is main else result.scenario.title


# ------------------------------------------------------------------------------ sections
def calibrated_central(uncertain: Scenario | None, main: Result) -> Result | None:
    """The uncertainty scenario run once with its own central values, under the main
    scenario's regime after the transition (what its computed situations start from), or
    None without an uncertainty scenario."""
    if uncertain is None or not isinstance(uncertain, Scenario):
        return None
    return simulate(under_regime(uncertain, str(main.scenario.value(REGIME_PARAMETER))))


def _gap_words(median: float, main: float, calibrated: float, y: dict[str, int],
               language: str) -> str:
    """Why the middle outcome differs from the main scenario: the tuning to the observed
    figures (main -> calibrated central) or the spread (calibrated central -> median),
    whichever is larger (EUR)."""
    w = tx.t(language)
    why = w["gap_calibration" if abs(main - calibrated) >= abs(calibrated - median)
            else "gap_spread"].format(**y)
    return w["central_gap"].format(main=tx.net_words(main, language),
                                   calibrated=tx.net_words(calibrated, language), why=why, **y)


def _summary(s: Section, regimes: Sequence[RegimeResult], others: Sequence[Result],
             cut: float | None, y: dict[str, int], language: str,
             calibrated: Result | None = None) -> None:
    """Page 1: bottom line, middle outcome with its band, the choice, one chart, and three
    pointers into the body (the closed square, the break-even cut, the largest risk)."""
    w = tx.t(language)
    main = next(r for r in regimes if r.main)
    out = net_output(y)
    p5, p50, p95 = middle(main.summary, out)
    s.paragraph(w["bottom_saving" if p50 >= 0 else "bottom_cost"].format(
        median=tx.money(p50, language), regime=main.short(language), **y))
    words = w["median_range"].format(draws=fmt.count(main.summary.draws, language),
                                     range=tx.range_words(p5, p95, language))
    central = float(kf.central(main.result)["net_savings_structural_eur"])
    if calibrated is not None:
        words += " " + _gap_words(p50, central, float(kf.central(calibrated)
                                                      ["net_savings_structural_eur"]),
                                  y, language)
    s.paragraph(words)
    alternatives = [r for r in regimes if not r.main and r.summary is not None]
    if alternatives:
        best = max(alternatives, key=lambda r: abs(middle(r.summary, out)[1] - p50))
        b5, b50, b95 = middle(best.summary, out)
        s.paragraph(w["choice_line"].format(best_label=best.words(language)[2],
                                            median=tx.net_words(b50, language),
                                            range=tx.range_words(b5, b95, language), **y))
    shown = [r for r in regimes if r.summary is not None]
    stats = [middle(r.summary, out) for r in shown]
    mark = msg.text("briefing.assumed_mark", language)
    fig = charts.regime_chart([r.words(language)[0] + (mark if r.main else "") for r in shown],
                              [m[1] for m in stats],
                              [m[0] for m in stats], [m[2] for m in stats],
                              (y["lo"], y["hi"]), y["end"], language)
    s.figure(fig, w["fig_regimes"].format(**y))
    sq = middle(main.summary, square_output(y))[1]
    sq_central = float(kf.central(main.result)["deviation_transition_eur"])
    more = [w["more_square"].format(square=tx.square_words(sq, language),
                                    central=tx.square_words(sq_central, language), **y)]
    if cut is not None and p50 < 0:
        more.append(w["more_cut"].format(share=fmt.pct(cut, 2, language), **y))
    nets = {r.scenario.title: float(kf.central(r)["net_savings_structural_eur"])
            for r in others}
    worst = min(nets, key=nets.get) if nets else None
    if worst is not None and nets[worst] < central:
        more.append(w["more_risk"].format(title=worst, net=tx.net_words(nets[worst], language),
                                          main=tx.net_words(central, language), **y))
    s.bullets(more)


def made_on(info: Mapping[str, Any]) -> dt.date:
    """The date the run was made (UTC), from the manifest."""
    return dt.datetime.fromisoformat(str(info["created_utc"]).replace("Z", "+00:00")).date()


def budget_deadline(y: dict[str, int]) -> dt.date:
    """The day by which the budget of the first structural year is set: 1 October of the
    year before (the budget rule of the framework)."""
    return dt.date(y["struct"] - 1, 10, 1)


def decision_taken(made: dt.date, y: dict[str, int]) -> bool:
    """Whether the budget of the first structural year must have been set by ``made``."""
    return made > budget_deadline(y)


def _occasion(s: Section, y: dict[str, int], language: str, made: dt.date) -> None:
    w = tx.t(language)
    refs = {"evaluation": cite("evaluation-2023", language),
            "framework": cite("framework-2022", language)}
    s.paragraph(w["occasion_1"].format(**refs, **y))
    month = f"{src.MONTHS[language][made.month - 1]} {made.year}"
    s.paragraph(w["occasion_2"].format(**y) + " " + w["occasion_time"].format(made=month, **y))


def _phases(main: Result, language: str) -> str:
    """Which forms of care and referrers enter SAMEN. in which year, from the scenario."""
    sc = main.scenario
    by_year: dict[int, list[str]] = {}
    for group in ("products", "referrers"):
        for name in sc.tree["parameters"].get(group, {}):
            year = int(sc.value(f"{group}.{name}.samen_entry_year"))
            by_year.setdefault(year, []).append(lower_first(sc.label(group, name, language)))
    w = tx.t(language)
    return "; ".join(w["phase"].format(what=tx.join(items, language), year=year)
                     for year, items in sorted(by_year.items()))


def _context(s: Section, main: Result, y: dict[str, int], language: str) -> None:
    w = tx.t(language)
    s.paragraph(w["context_1"].format(phases=_phases(main, language), **y))
    s.paragraph(w["context_2"].format(
        t2_quote=quote("framework-2022", "deze methodiek speelt", "overgangperiode"),
        framework=cite("framework-2022", language), **y))


def _happened(s: Section, main: Result, observed: Sequence[Observation], y: dict[str, int],
              language: str) -> None:
    """Only the documents' figures, as the source words them, with date and kind."""
    w = tx.t(language)
    after = transition_years(y)
    s.paragraph(w["happened_intro"].format(after=after, **y))
    rows = []
    order = list(tx.OBSERVATION_WORDS)
    for o in sorted(observed, key=lambda o: (order.index(o.id) if o.id in order
                                             else len(order), -o.year)):
        what, kind = tx.OBSERVATION_WORDS.get(o.id, {}).get(language, (o.id, ""))
        said = tx.REPORTED_WORDS.get(o.id, {}).get(language, "{reported}").format(
            reported=o.reported[language])
        date = _date_words(o.date, language)
        source = src.cite(o.source, language)
        rows.append([what, said, kind, date, source])
    s.table(list(w["happened_head"]), rows, w["happened_caption"],
            widths=[2.3, 3.1, 1.3, 1.7, 3.1])
    helped = next((o for o in observed if o.id == "helped_2023"), None)
    if helped is not None:
        at = {int(yr): i for i, yr in enumerate(main.years)}
        modelled = float(main.arrays[helped.column][at[helped.year], 0])
        s.paragraph(w["happened_count"].format(year=helped.year,
                                               modelled=fmt.count(modelled, language),
                                               reported=helped.reported[language]))
    overrun = next((o for o in observed if o.id == "overrun_2023"), None)
    if overrun is not None:
        s.paragraph(w["happened_overrun"].format(year=overrun.year,
                                                 reported=overrun.reported[language]))


def _date_words(text: str, language: str) -> str:
    """``2023-12-15`` -> ``15 december 2023``; ``2023-11`` -> ``november 2023``."""
    parts = [int(p) for p in str(text).split("-")]
    months = src.MONTHS[language]
    if len(parts) == 3:
        return src.format_date(dt.date(*parts), language)
    if len(parts) == 2:
        return f"{months[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


def _expected(s: Section, main: Result, summary: MonteCarloSummary,
              observed: Sequence[Observation], y: dict[str, int], language: str,
              calibrated: Result | None = None) -> None:
    w = tx.t(language)
    draws = fmt.count(summary.draws, language)
    s.paragraph(w["expected_1"].format(draws=draws, **y))
    sq5, sq50, sq95 = middle(summary, square_output(y))
    exceeded = float(summary.probabilities.get("square_exceeded", np.nan))
    s.paragraph(w["expected_square"].format(square=tx.square_words(sq50, language),
                                            range=tx.square_range_words(sq5, sq95, language),
                                            share=tx.in_ten(exceeded, language), **y))
    p5, p50, p95 = middle(summary, net_output(y))
    k = kf.central(main)
    central = float(k["net_savings_structural_eur"])
    worse = share_at_or_below(summary, net_output(y), central)
    gap = _gap_words(p50, central, float(kf.central(calibrated)["net_savings_structural_eur"]),
                     y, language) if calibrated is not None else \
        tx.t(language)["central_only"].format(main=tx.net_words(central, language))
    s.paragraph(w["expected_net"].format(median=tx.net_words(p50, language), gap=gap,
                                         share=tx.in_ten(worse, language), **y))
    payback = float(k["payback_year"])
    words = w["payback_no"].format(**y) if payback != payback else w["payback_yes"].format(
        year=fmt.year(payback))
    paid = 1.0 - float(summary.probabilities.get("no_payback_within_horizon", np.nan))
    s.paragraph(w["expected_payback"].format(payback=words, share=tx.in_ten(paid, language),
                                             **y))
    fte = next((o for o in observed if o.column == "fte_samen"), None)
    if fte is not None:
        s.paragraph(w["expected_fte"].format(fte=fmt.count(k["fte_end_of_transition"],
                                                           language),
                                             reported=fte.reported[language], **y))
    frame = summary.percentiles.loc["cumulative_net_savings_eur"]
    frame = frame[frame.index >= y["start"]]
    years = [int(v) for v in frame.index]
    at = {int(yr): i for i, yr in enumerate(main.years)}
    central = [float(main.arrays["cumulative_net_savings_eur"][at[yr], 0]) for yr in years]
    s.figure(charts.outlook_chart(years, frame["p5"].to_numpy(), frame["p50"].to_numpy(),
                                  frame["p95"].to_numpy(), central, (y["start"], y["end"]),
                                  language, y["last_obs"]), w["fig_outlook"])


def _choice(s: Section, regimes: Sequence[RegimeResult], y: dict[str, int],
            language: str, made: dt.date) -> None:
    w = tx.t(language)
    decided = w["choice_decided"].format(deadline=budget_deadline(y).year, **y) \
        if decision_taken(made, y) else ""
    s.paragraph(w["choice_1"].format(
        t2_quote=quote("framework-2022", "speelt alleen maar", "overgangperiode"),
        decided=decided, **y))
    out = net_output(y)
    rows = []
    for r in regimes:
        label, meaning, _ = r.words(language)
        central = float(kf.central(r.result)["net_savings_structural_eur"])
        if r.summary is not None:
            p5, p50, p95 = middle(r.summary, out)
            cells = [tx.net_words(p50, language), tx.range_words(p5, p95, language)]
        else:
            cells = [fmt.MISSING, fmt.MISSING]
        rows.append([f"**{label}**" if r.main else label, meaning,
                     tx.net_words(central, language), *cells])
    head = [h.format(**y) for h in w["choice_head"]]
    s.table(head, rows, w["choice_caption"].format(**y), widths=[2.2, 3.4, 1.7, 1.7, 2.6])
    main = next(r for r in regimes if r.main)
    t2 = next((r for r in regimes if r.key == "t2_rule"), None)
    if t2 is not None:  # what WIJ keeps when the t-2 rule simply continues
        kept = t2.result.arrays["wij_result_eur"][:, 0]
        at = {int(yr): i for i, yr in enumerate(t2.result.years)}
        total = float(sum(kept[at[yr]] for yr in range(y["lo"], y["hi"] + 1)))
        s.paragraph(w["choice_kept"].format(kept=tx.wij_words(kept[at[y["struct"]]], language),
                                            kept_total=tx.wij_words(total, language), **y))
    s.paragraph(w["choice_main"].format(main=main.words(language)[0], **y))


def _breakeven(s: Section, regimes: Sequence[RegimeResult], others: Sequence[Result],
               cuts: Mapping[str, float], y: dict[str, int], language: str) -> None:
    """The budget cut at which the net result is zero: for the main scenario, or, when that
    already saves, for each other regime that costs extra (``cuts`` by regime key)."""
    w = tx.t(language)
    main = next(r for r in regimes if r.main)
    net = float(kf.central(main.result)["net_savings_structural_eur"])
    after = transition_years(y)
    examples = [w["example"].format(title=r.scenario.title,
                                    net=tx.net_words(kf.central(r)
                                                     ["net_savings_structural_eur"], language))
                for r in others if float(kf.central(r)["net_savings_structural_eur"]) > 0]
    if net < 0:
        if main.key not in cuts:
            s.paragraph(w["breakeven_none"].format(**y))
            return
        s.paragraph(w["breakeven_found"].format(share=fmt.pct(cuts[main.key], 2, language),
                                                examples="; ".join(examples) or "–",
                                                after=after, **y))
        return
    s.paragraph(w["breakeven_none_needed"].format(**y))
    for r in regimes:
        if not r.main and r.key in cuts:
            s.paragraph(w["breakeven_regime"].format(
                regime=r.words(language)[2], share=fmt.pct(cuts[r.key], 2, language),
                after=after, **y))


def _next(s: Section, main: Result, y: dict[str, int], language: str, made: dt.date) -> None:
    w = tx.t(language)
    after = transition_years(y)
    impact = quote("evaluation-2023", "Als onderdeel van de monitoring", "impactmeting uit.")
    decision = w["decision_taken" if decision_taken(made, y) else "decision_open"].format(
        deadline=budget_deadline(y).year, **y)
    s.bullets([b.format(after=after, impact_quote=impact, decision=decision, **y)
               for b in w["next"]])


def _limits(s: Section, y: dict[str, int], language: str) -> None:
    w = tx.t(language)
    contact = quote("evaluation-2023", "Binnen 5 werkdagen", "inwoner.")
    s.bullets([b.format(contact_quote=contact, **y) for b in w["limits"]])


# ------------------------------------------------------------------------------ compose
def compose_briefing(results: Sequence[Result], info: dict[str, Any], language: str = "nl",
                     uncertainty: MonteCarloSummary | None = None,
                     uncertain: Any = None,
                     observations: Observations | None = None,
                     regimes: Sequence[RegimeResult] | None = None,
                     breakeven_cuts: Mapping[str, float] | None = None,
                     author: str = "", measure: MeasureNext | None = None) -> Briefing:
    """The briefing of ``results`` (the first is the main scenario, the others the what-if
    scenarios of the risks section).

    ``info``: the run's manifest (:func:`samen_model.present.manifest.manifest`), summarised in
    the colophon. ``uncertainty`` / ``uncertain``: the Monte Carlo summary (with the outputs
    ``deviation_<start>_<end>`` and ``net_savings_<structural start>_<last>``; percentiles
    1..99 make "hoe vaak" exact to the per cent) and its scenario. ``regimes``: one
    :class:`RegimeResult` per way of budgeting after the transition (default: only the main
    scenario's). ``breakeven_cuts``: per regime key, the budget-cut share at which that
    regime's central net result is zero (only regimes that cost extra and have such a
    share). ``observations``: the documents' figures. ``measure``: what to measure next
    (default: :func:`measure_for` the uncertainty scenario, the same computed situations as
    page 1; with too few of them the section says so; left out without ``uncertain``).
    """
    fmt.check_language(language)
    if uncertainty is None:
        raise ValueError("uncertainty: expected the Monte Carlo summary of the uncertainty "
                         "scenario (page 1 states its middle outcome and band)")
    main, others = results[0], list(results[1:])
    observed = tuple(observations) if observations is not None else ()
    y = years_of(main, observed)
    own = str(main.scenario.value(REGIME_PARAMETER))
    regimes = list(regimes) if regimes else [RegimeResult(own, main, uncertainty, True)]
    if sum(r.main for r in regimes) != 1:
        raise ValueError("regimes: expected exactly one regime marked main")
    t = tx.TITLES[language]
    author = author or DEFAULT_AUTHOR
    b = Briefing(t["title"], t["subtitle"].format(**y), language,
                 created=info["created_utc"], author=author)

    def section(key: str, new_page: bool = False) -> Section:
        return b.add_section(key, t[key].format(**y), new_page=new_page)

    made = made_on(info)
    calibrated = calibrated_central(uncertain, main)
    _summary(section("summary"), regimes, others, (breakeven_cuts or {}).get(
        next(r.key for r in regimes if r.main)), y, language, calibrated)
    _occasion(section("occasion", new_page=True), y, language, made)
    _context(section("context"), main, y, language)
    _happened(section("happened"), main, observed, y, language)
    _expected(section("expected"), main, uncertainty, observed, y, language, calibrated)
    _choice(section("choice"), regimes, y, language, made)
    risks_section(section("risks"), main, others, uncertainty, y, language, uncertain)
    _breakeven(section("breakeven"), regimes, others, breakeven_cuts or {}, y, language)
    if measure is None and uncertain is not None:
        measure = measure_for(uncertain, main, uncertainty, y)
    if measure is not None:
        measure_section(section("measure"), measure, uncertain if uncertain is not None
                        else main.scenario, y, language)
    elif uncertain is not None:  # too few computed situations to rank the assumptions
        section("measure").paragraph(tx.t(language)["measure_few"].format(
            draws=fmt.count(uncertainty.draws, language), min=fmt.count(MIN_DRAWS, language)))
    _next(section("next"), main, y, language, made)
    _limits(section("limits"), y, language)
    ax.budget(section("budget", new_page=True), main, y, language)
    ax.key_figures(section("key_figures"), results, y, language)
    ax.register(section("assumptions"), results, language)
    section("glossary").definitions(glossary(language))
    ax.sources(section("sources"), results, uncertain, observed, language)
    ax.colophon(section(COLOPHON), info, main, others, uncertainty, observations, y, author,
                language)
    return b
