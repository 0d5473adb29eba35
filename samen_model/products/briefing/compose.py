"""The council briefing, composed once from the runs: text, tables, charts, glossary, register.

:func:`compose_briefing` returns a :class:`~samen_model.products.briefing.content.Briefing`; the
notebook ``04_briefing`` shows it, ``samen report`` turns the same object into PDF and Word.
Each section is one function below (``_summary``, ``_key_figures``, ...); to add content, call
a method on a section of the result (see :mod:`samen_model.products.briefing.content`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.model.results import Result
from samen_model.present import charts as pl
from samen_model.present import formatting as fmt
from samen_model.present import parameters as rp
from samen_model.present.tables.results import budget_steps_frame, budget_steps_table
from samen_model.present.tables.uncertainty import shortfall_table
from samen_model.present.text import dynamics as dyn
from samen_model.present.text import narrative as na
from samen_model.present.text.calibration import conditioned_sentence
from samen_model.products.briefing.colophon import colophon
from samen_model.products.briefing.content import COLOPHON, Briefing, Section
from samen_model.products.briefing.glossary import glossary
from samen_model.scenario import labels as lb
from samen_model.scenario import sources as src
from samen_model.scenario.observations import Observations
from samen_model.scenario.scenario import Scenario

TITLES: dict[str, dict[str, str]] = {
    "nl": {"title": "SAMEN.: financiële stand voor de raad",
           "subtitle": "Hoofdscenario: {main} · berekend op {date}",
           "summary": "Samenvatting", "key_figures": "Kerncijfers per scenario",
           "dynamics": "Waarom de afwijking per jaar schommelt",
           "scenarios": "Scenario's vergeleken", "uncertainty": "Onzekerheid",
           "budget": "De budgetregel jaar voor jaar (hoofdscenario)",
           "glossary": "Begrippen", "assumptions": "Bijlage: aannames",
           "sources": "Bronnen", COLOPHON: "Colofon",
           "kf_caption": "Uitkomsten per scenario. Boven of binnen: ten opzichte van het "
                         "gesloten vierkant; extra kosten of besparing: netto, na het "
                         "incidentele budget.",
           "parts_caption": "Opbouw van de afwijking van het gesloten vierkant ({main}); "
                            "bedragen in miljoenen euro's.",
           "budget_caption": "Van de kosten van twee jaar eerder naar het budget van WIJ en de "
                             "verrekening ({main}); bedragen in miljoenen euro's.",
           "differ_head": "Wat de andere scenario's anders aannemen",
           "register_intro": "Alle aannames van het hoofdscenario ({main}), per thema. De "
                             "kolom 'soort' zegt waar een waarde op rust: een document, "
                             "publieke cijfers, een schatting van het model, een wat-als-"
                             "aanname of een modelkeuze.",
           "sources_intro": "Documenten en publieke cijfers waarnaar de aannames en de "
                            "gerapporteerde cijfers verwijzen.",
           "figure": "Figuur", "no_payback": "niet binnen de horizon",
           "header": ("Aanname", "Waarde", "Soort", "Bron"), "kf": "Kerncijfer",
           "fig_deviation": "Afwijking van het gesloten vierkant per jaar; het grijze vlak is "
                            "de overgangsperiode.",
           "fig_cumulative": "Opgetelde netto besparing sinds de start (onder nul: extra "
                             "kosten).",
           "fig_net": "Netto resultaat 2026–2030 per scenario.",
           "fig_budget": "Budget, kosten en verrekening van SAMEN. in het hoofdscenario.",
           "fig_fan": "Onzekerheid van de opgetelde netto besparing.",
           "shortfall_head": "Kans op te weinig personeel",
           "shortfall_caption": "Aandeel van de {n} trekkingen waarin SAMEN. in dat jaar niet "
                                "alle nieuwe hulpvragen kon aannemen omdat het personeel "
                                "tekortschoot; wie niet past, komt op een wachtlijst of gaat "
                                "naar een open-house-aanbieder ({title}).",
           "year": "Jaar"},
    "en": {"title": "SAMEN.: financial position for the council",
           "subtitle": "Main scenario: {main} · computed on {date}",
           "summary": "Summary", "key_figures": "Key figures per scenario",
           "dynamics": "Why the deviation swings from year to year",
           "scenarios": "Scenarios compared", "uncertainty": "Uncertainty",
           "budget": "The budget rule year by year (main scenario)",
           "glossary": "Terms", "assumptions": "Annex: assumptions",
           "sources": "Sources", COLOPHON: "Colophon",
           "kf_caption": "Results per scenario. Above or within: against the closed square; "
                         "extra cost or savings: net, after the incidental budget.",
           "parts_caption": "What the closed-square deviation is made of ({main}); amounts "
                            "in millions of euros.",
           "budget_caption": "From the cost of two years earlier to WIJ's budget and the "
                             "settlement ({main}); amounts in millions of euros.",
           "differ_head": "What the other scenarios assume differently",
           "register_intro": "All assumptions of the main scenario ({main}), by theme. The "
                             "column 'basis' says what a value rests on: a document, public "
                             "figures, a modelling estimate, a what-if assumption or a "
                             "modelling choice.",
           "sources_intro": "Documents and public figures the assumptions and the reported "
                            "figures refer to.",
           "figure": "Figure", "no_payback": "not within the horizon",
           "header": ("Assumption", "Value", "Basis", "Source"), "kf": "Key figure",
           "fig_deviation": "Closed-square deviation per year; the grey area is the "
                            "transition.",
           "fig_cumulative": "Net savings added up since the start (below zero: extra cost).",
           "fig_net": "Net result 2026–2030 per scenario.",
           "fig_budget": "Budget, cost and settlement of SAMEN. in the main scenario.",
           "fig_fan": "Uncertainty of the cumulative net savings.",
           "shortfall_head": "Chance of too few staff",
           "shortfall_caption": "Share of the {n} draws in which SAMEN. could not take on all new "
                                "requests in that year because staff fell short; who does not "
                                "fit waits or goes to an open-house provider ({title}).",
           "year": "Year"},
}
KEY_FIGURE_WORDS = {
    "nl": {"dev": ("boven", "binnen"), "net": ("besparing", "extra kosten"),
           "deviation_transition_eur": "Gesloten vierkant {start}–{end}",
           "net_savings_structural_eur": "Netto resultaat {lo}–{hi}",
           "cumulative_net_savings_end_eur": "Netto resultaat opgeteld tot eind {last}"},
    "en": {"dev": ("above", "within"), "net": ("savings", "extra cost"),
           "deviation_transition_eur": "Closed square {start}–{end}",
           "net_savings_structural_eur": "Net result {lo}–{hi}",
           "cumulative_net_savings_end_eur": "Net result added up to the end of {last}"},
}


def key_figure_rows(results: Sequence[Result], language: str = "nl"
                    ) -> tuple[list[str], list[list[str]]]:
    """Key figures with the signs in words; (header of scenario titles, rows)."""
    t, w = TITLES[language], KEY_FIGURE_WORDS[language]
    years = na._years(results[0])
    rows = []
    centrals = [kf.central(r) for r in results]
    for name in kf.REGISTRY:
        values = [float(c[name]) for c in centrals]
        if kf.REGISTRY[name].only_when_nonzero and not any(values):
            continue
        if name in w:
            words = w["dev"] if name.startswith("deviation") else w["net"]
            label = w[name].format(**years)
            cells = [fmt.signed_words(v, words, 2, language) for v in values]
        elif name == "payback_year":
            label = kf.label(name, language, results)
            cells = [t["no_payback"] if v != v else fmt.year(v) for v in values]
        else:
            label = kf.label(name, language, results)
            cells = [fmt.key_figure(name, v, language) for v in values]
        rows.append([label, *cells])
    return [t["kf"], *[r.scenario.title for r in results]], rows


def _text_blocks(section: Section, markdown: str) -> None:
    """Paragraphs and ``- `` bullet lists of a generated text into a section."""
    for part in (p for p in markdown.split("\n\n") if p.strip()):
        lines = part.splitlines()
        if all(ln.startswith("- ") for ln in lines):
            section.bullets([ln[2:] for ln in lines])
        else:
            section.paragraph(" ".join(lines))


def _register(section: Section, scenario: Scenario, language: str) -> None:
    t = TITLES[language]
    section.paragraph(t["register_intro"].format(main=scenario.title))
    rows = rp.register_rows(scenario, language)
    for theme in dict.fromkeys(r.theme for r in rows):
        section.heading(lb.theme_label(theme, language))
        section.table(list(t["header"]),
                      [[r.label, r.value, rp.BASIS_WORDS[language][r.basis], r.source]
                       for r in rows if r.theme == theme], widths=[3, 3, 1.3, 5])


def _shortfall(section: Section, summary: MonteCarloSummary, first: int, language: str,
               title: str) -> None:
    """P(wachtlijst) per year from ``first`` on: the share of draws with a capacity shortfall
    (:attr:`MonteCarloSummary.shortfall_probability`), as a one-row table."""
    table = shortfall_table(summary, language, decimals=0, first_year=first)
    if table.empty:
        return
    t = TITLES[language]
    n = len(table.columns)
    section.heading(t["shortfall_head"])
    section.table([t["year"], *table.columns], [[table.index[0], *table.iloc[0]]],
                  t["shortfall_caption"].format(n=fmt.number(summary.draws, 0, language),
                                                title=title),
                  widths=[2.6, *[0.8] * n], align=["l", *["r"] * n])


def compose_briefing(results: Sequence[Result], info: dict[str, Any], language: str = "nl",
                     uncertainty: MonteCarloSummary | None = None,
                     uncertain: Scenario | None = None,
                     observations: Observations | None = None) -> Briefing:
    """The briefing of ``results`` (the first is the main scenario).

    ``info``: the run's manifest (:func:`samen_model.present.manifest.manifest`), shown in the
    colophon and as the run key under each chart. ``uncertainty`` / ``uncertain``: a Monte
    Carlo summary and its scenario (90% intervals, fan chart). ``observations``: the realised
    figures (the evaluation's count of young people helped is set beside the model's).
    """
    fmt.check_language(language)
    t = TITLES[language]
    main = results[0]
    created = dt.date.fromisoformat(info["created_utc"][:10])
    b = Briefing(t["title"], t["subtitle"].format(
        main=main.scenario.title, date=src.format_date(created, language)), language,
        created=created.isoformat())

    def section(key: str) -> Section:
        return b.add_section(key, t[key])

    observed = tuple(observations) if observations is not None else ()
    helped = next((o for o in observed if o.column == "samen_clients_served"
                   and o.year == main.scenario.value("time.samen_start_year")), None)
    utitle = uncertain.title if uncertain is not None else None
    _text_blocks(section("summary"), na.briefing_text(results, language, uncertainty, helped,
                                                      utitle))
    header, rows = key_figure_rows(results, language)
    section("key_figures").table(header, rows, t["kf_caption"],
                                 widths=[2.2, *[1.0] * len(results)],
                                 align=["l", *["r"] * len(results)])

    s = section("dynamics")
    _text_blocks(s, dyn.swing_paragraph(main, language))
    s.figure(pl.deviation_chart(results, language, info), t["fig_deviation"])
    head, rows = dyn.deviation_parts_rows(main, language)
    s.table(head, rows, t["parts_caption"].format(main=main.scenario.title),
            widths=[2.6, *[1.0] * (len(head) - 1)], align=["l", *["r"] * (len(head) - 1)])

    s = section("scenarios")
    s.figure(pl.cumulative_savings_chart(results, language, info), t["fig_cumulative"])
    s.figure(pl.key_figure_chart(results, "net_savings_structural_eur", language, info),
             t["fig_net"])

    if uncertainty is not None:
        s = section("uncertainty")
        if uncertain is not None and (conditioned := conditioned_sentence(uncertain, language)):
            s.paragraph(conditioned)
        s.paragraph(na.uncertainty_sentence(uncertainty, "deviation_2023_2025", language,
                                            utitle))
        s.paragraph(na.uncertainty_sentence(uncertainty, "net_savings_2026_2030", language,
                                            utitle))
        s.figure(pl.fan_chart(uncertainty, "cumulative_net_savings_eur", language, info),
                 t["fig_fan"])
        _shortfall(s, uncertainty, main.scenario.value("time.samen_start_year"), language,
                   utitle or "")

    s = section("budget")
    steps = budget_steps_table(main, language, last=main.scenario.value(
        "time.transition_end_year") + 2)
    frame = budget_steps_frame(main, last=main.scenario.value("time.transition_end_year") + 2)
    s.table([steps.index.name, *steps.columns],
            [[label, *[fmt.number(v / 1e6, 2, language) for v in values]]
             for label, values in zip(steps.index, frame.to_numpy(), strict=True)],
            t["budget_caption"].format(main=main.scenario.title),
            widths=[2.6, *[1.0] * len(steps.columns)], align=["l", *["r"] * len(steps.columns)])
    s.figure(pl.budget_chart(main, language, info), t["fig_budget"])

    section("glossary").definitions(glossary(language))

    s = section("assumptions")
    differ = rp.differing_rows([r.scenario for r in results], main.scenario, language)
    if differ:
        s.heading(t["differ_head"])
        s.table(list(differ[0]), [list(d.values()) for d in differ], widths=[2.5, 2, 2.5, 2.5])
    _register(s, main.scenario, language)

    texts = [p.source for r in results for p in r.scenario.params.values()]
    texts += [o.source for o in observed]
    if uncertain is not None:
        texts += [p.source for p in uncertain.params.values()]
    s = section("sources")
    s.paragraph(t["sources_intro"])
    s.bullets([d.full(language) for d in src.cited_sources(texts)])

    colophon(section(COLOPHON), info, language, observations)
    return b
