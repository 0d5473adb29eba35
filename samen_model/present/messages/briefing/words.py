"""The council briefing's short words, both languages side by side: section titles, where a
better figure can come from, what each observation is, the source's words around a reported
figure, WIJ's result, the budget annex's row labels, the regimes, the register's notes, and the
few words of captions, page footers and the table of contents. The long sentence templates,
the charts' and the key-figure annex's words and the glossary are in :mod:`.nl` and
:mod:`.en`."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # the title, the subtitle and the section titles ({last_obs}, {first}, {last}, {end} filled in)
    "briefing.title.title": {
        "nl": "SAMEN.: wat de basisjeugdhulp bij WIJ de gemeente naar verwachting kost",
        "en": "SAMEN.: what basic youth care at WIJ is expected to cost the municipality"},
    "briefing.title.subtitle": {
        "nl": "Informatie voor de gemeenteraad · cijfers tot en met {last_obs} · "
              "verwachting van het rekenmodel tot en met {last}",
        "en": "Information for the municipal council · figures up to {last_obs} · "
              "the model's expectation up to {last}"},
    "briefing.title.summary": {"nl": "In het kort", "en": "In brief"},
    "briefing.title.occasion": {"nl": "1. Aanleiding en vraag", "en": "1. Occasion and question"},
    "briefing.title.context": {"nl": "2. SAMEN. en de afspraken over geld",
                               "en": "2. SAMEN. and the agreements on money"},
    "briefing.title.happened": {"nl": "3. Wat er is gebeurd (tot en met {last_obs})",
                                "en": "3. What happened (up to {last_obs})"},
    "briefing.title.expected": {"nl": "4. Wat het model verwacht ({first}–{last})",
                                "en": "4. What the model expects ({first}–{last})"},
    "briefing.title.choice": {"nl": "5. De keuze na {end}", "en": "5. The choice after {end}"},
    "briefing.title.risks": {"nl": "6. Risico's en kansen", "en": "6. Risks and opportunities"},
    "briefing.title.breakeven": {"nl": "7. Hoeveel besparing nodig is",
                                 "en": "7. How much saving is needed"},
    "briefing.title.measure": {"nl": "8. Welke cijfers de onzekerheid het meest verkleinen",
                               "en": "8. Which figures would narrow the uncertainty most"},
    "briefing.title.next": {"nl": "9. Vervolg", "en": "9. Next steps"},
    "briefing.title.limits": {"nl": "10. Wat het model niet zegt",
                              "en": "10. What the model does not tell"},
    "briefing.title.budget": {"nl": "Bijlage 1. De budgetregel jaar voor jaar",
                              "en": "Annex 1. The budget rule year by year"},
    "briefing.title.key_figures": {"nl": "Bijlage 2. Kerncijfers per scenario",
                                   "en": "Annex 2. Key figures per scenario"},
    "briefing.title.assumptions": {"nl": "Bijlage 3. Aannames", "en": "Annex 3. Assumptions"},
    "briefing.title.glossary": {"nl": "Bijlage 4. Begrippen", "en": "Annex 4. Terms"},
    "briefing.title.sources": {"nl": "Bijlage 5. Bronnen", "en": "Annex 5. Sources"},
    "briefing.title.colophon": {"nl": "Colofon", "en": "Colophon"},
    # where a better figure for an uncertain assumption can come from, by parameter ...
    "briefing.measure.capacity.caseload_per_fte": {
        "nl": "het aantal cliënten per fte, uit de registratie van WIJ",
        "en": "the number of clients per FTE, from WIJ's records"},
    "briefing.measure.capacity.realised_caseload_ratio": {
        "nl": "de werkelijke caseload per medewerker tegenover de geplande, uit de registratie "
              "van WIJ",
        "en": "the actual caseload per worker against the planned one, from WIJ's records"},
    "briefing.measure.capacity.vacancy_rate": {"nl": "de openstaande vacatures bij WIJ voor SAMEN.",
                                               "en": "WIJ's open vacancies for SAMEN."},
    "briefing.measure.capacity.fte_at_start": {"nl": "het personeel in dienst per kwartaal",
                                               "en": "the staff employed per quarter"},
    "briefing.measure.capacity.max_fte_growth_per_year": {
        "nl": "het personeel in dienst per kwartaal", "en": "the staff employed per quarter"},
    "briefing.measure.routing.samen_duration_factor": {
        "nl": "hoe lang trajecten bij SAMEN. duren tegenover de open house",
        "en": "how long SAMEN. trajectories last against open house"},
    "briefing.measure.routing.leakage": {
        "nl": "de verwijzingen naar specialistische hulp die buiten SAMEN. om gaan",
        "en": "referrals to specialist care that bypass SAMEN."},
    "briefing.measure.routing.step_up_share": {
        "nl": "de jeugdigen die na SAMEN. alsnog specialistische hulp krijgen",
        "en": "young people who still get specialist care after SAMEN."},
    "briefing.measure.routing.step_up_cost_eur_per_case": {
        "nl": "de kosten van de specialistische hulp na SAMEN.",
        "en": "the cost of specialist care after SAMEN."},
    "briefing.measure.routing.first_year_uptake": {
        "nl": "het aantal jeugdigen dat SAMEN. per jaar bereikt",
        "en": "the number of young people SAMEN. reaches a year"},
    "briefing.measure.costs.cost_per_fte_eur": {
        "nl": "de werkelijke loonkosten, uit de jaarrekening van WIJ",
        "en": "the actual wage cost, from WIJ's annual accounts"},
    "briefing.measure.costs.overhead_share": {
        "nl": "de overheadkosten, uit de jaarrekening van WIJ",
        "en": "the overhead cost, from WIJ's annual accounts"},
    # ... else by theme
    "briefing.measure_theme.demand": {"nl": "het aantal nieuwe hulpvragen per jaar",
                                      "en": "the number of new requests a year"},
    "briefing.measure_theme.products": {
        "nl": "de declaraties van de open-house-aanbieders bij de RIGG",
        "en": "the open-house providers' claims at the RIGG"},
    "briefing.measure_theme.index": {"nl": "de indexering die de gemeente toepast",
                                     "en": "the indexation the municipality applies"},
    "briefing.measure_theme.population": {"nl": "de bevolkingsprognose",
                                          "en": "the population forecast"},
    "briefing.measure_theme.capacity": {"nl": "de registratie van WIJ", "en": "WIJ's records"},
    "briefing.measure_theme.costs": {"nl": "de jaarrekening van WIJ",
                                     "en": "WIJ's annual accounts"},
    "briefing.measure_theme.routing": {"nl": "de verwijzingen van WIJ en de RIGG",
                                       "en": "the referrals of WIJ and the RIGG"},
    # what each observation is, and whether the document counted, received or expected it
    # (label, kind); the table of section 3 lists the observations in this order
    "briefing.observation.helped_2023": {"nl": ("Jeugdigen geholpen in 2023", "geteld"),
                                         "en": ("Young people helped in 2023", "counted")},
    "briefing.observation.fte_2023": {"nl": ("Personeel SAMEN.", "geteld"),
                                      "en": ("SAMEN. staff", "counted")},
    "briefing.observation.subsidy_2023": {"nl": ("Subsidie WIJ 2023", "ontvangen"),
                                          "en": ("WIJ subsidy 2023", "received")},
    "briefing.observation.overrun_2023": {
        "nl": ("Nadeel 2023 door meer specialistische hulp", "verwacht"),
        "en": ("Shortfall 2023 from more specialist care", "expected")},
    "briefing.observation.scope_cost_2021": {
        "nl": ("Jeugdhulp die naar SAMEN. gaat (2021)", "genoemd"),
        "en": ("Youth care moving to SAMEN. (2021)", "stated")},
    "briefing.observation.youth_care_2021": {
        "nl": ("Uitgaven jeugdhulp gemeente (2021)", "genoemd"),
        "en": ("Municipal youth-care spending (2021)", "stated")},
    # the words of the source around the reported figure (the figure itself is {reported})
    "briefing.reported.helped_2023": {
        "nl": "{reported} jeugdigen (cijfers WIJ Groningen november 2023)",
        "en": "{reported} young people (WIJ Groningen figures, November 2023)"},
    "briefing.reported.fte_2023": {"nl": "{reported} fte in dienst",
                                   "en": "{reported} FTE employed"},
    "briefing.reported.subsidy_2023": {"nl": "subsidie ontvangen van 4,2 miljoen euro",
                                       "en": "a subsidy of 4.2 million euros received"},
    "briefing.reported.overrun_2023": {
        "nl": "“We verwachten hierdoor in 2023 een incidenteel nadeel van 1 miljoen euro.”",
        "en": "an expected one-off shortfall of 1 million euros in 2023"},
    "briefing.reported.scope_cost_2021": {"nl": "14 mln. gaat naar SAMEN.",
                                          "en": "14 million goes to SAMEN."},
    "briefing.reported.youth_care_2021": {"nl": "Gemeente Groningen 60 mln.",
                                          "en": "Gemeente Groningen 60 mln."},
    # WIJ's own result (budget minus cost, positive = WIJ keeps money): (x >= 0, x < 0)
    "briefing.wij": {"nl": ("overschot", "tekort"), "en": ("surplus", "deficit")},
    # the row labels of the budget-rule annex (the step names of the budget table, in plain words)
    "briefing.budget_labels": {
        "nl": (
            "Kosten vergelijkbare zorg, twee jaar eerder",
            "Geraamde kosten, een jaar eerder",
            "Voorlopig budget (1 oktober van het jaar ervoor)",
            "Budget na de toets van 1 maart",
            "Taakstelling",
            "Definitief budget",
            "Naar ICT en huisvesting",
            "Uitvoeringsbudget WIJ",
            "Werkelijke kosten SAMEN.",
            "Verrekening (terug naar de gemeente)",
        ),
        "en": (
            "Cost of comparable care, two years earlier",
            "Estimated cost, one year earlier",
            "Provisional budget (1 October of the year before)",
            "Budget after the 1 March check",
            "Budget cut",
            "Final budget",
            "To ICT and housing",
            "WIJ execution budget",
            "Actual cost of SAMEN.",
            "Settlement (back to the municipality)",
        ),
    },
    # the ways of setting WIJ's budget after the transition (budget.structural_regime), by key:
    # (label, what it means, the "if" phrase of page 1); the briefing computes them in this order
    "briefing.regime.t2_rule": {
        "nl": (
            "Budgetregel loopt door, WIJ houdt het verschil",
            "Het budget volgt de kosten van twee jaar eerder, zoals in de overgangsperiode; wat "
            "over is houdt WIJ, een tekort draagt WIJ zelf.",
            "Als de budgetregel doorloopt en WIJ het verschil houdt",
        ),
        "en": (
            "Budget rule continues, WIJ keeps the difference",
            "The budget follows the cost of two years earlier, as in the transition; WIJ keeps "
            "what is left and bears a shortfall itself.",
            "If the budget rule continues and WIJ keeps the difference",
        ),
    },
    "briefing.regime.settlement": {
        "nl": (
            "Verrekening loopt door",
            "WIJ krijgt de werkelijke kosten vergoed: wat over is gaat terug naar de gemeente, "
            "een tekort vult de gemeente aan.",
            "Als de verrekening met de werkelijke kosten doorloopt",
        ),
        "en": (
            "Settlement continues",
            "WIJ is paid its actual cost: what is left returns to the municipality, a shortfall "
            "is topped up.",
            "If settlement against actual cost continues",
        ),
    },
    "briefing.regime.reeel": {
        "nl": (
            "Reëel budget op de werkelijke kosten",
            "Het budget volgt de werkelijke kosten van het laatste jaar van de overgangsperiode, "
            "daarna geïndexeerd voor loon, prijs en aantal jeugdigen, en nooit hoger dan de "
            "open-house-kosten die vervallen; wat over is houdt WIJ.",
            "Als het budget reëel wordt vastgesteld op de werkelijke kosten",
        ),
        "en": (
            "Realistic budget on the actual cost",
            "The budget follows the actual cost of the last transition year, indexed for wages, "
            "prices and the number of young people after that, and never above the open-house "
            "cost that lapses; WIJ keeps what is left.",
            "If the budget is set realistically on the actual cost",
        ),
    },
    # the regime as a short noun phrase inside a sentence ("zoals het model aanneemt: ...")
    "briefing.regime_short.t2_rule": {
        "nl": "de budgetregel loopt door en WIJ houdt het verschil",
        "en": "the budget rule continues and WIJ keeps the difference",
    },
    "briefing.regime_short.settlement": {
        "nl": "verrekening met de werkelijke kosten",
        "en": "settlement against the actual cost",
    },
    "briefing.regime_short.reeel": {"nl": "een reëel budget", "en": "a realistic budget"},
    # what a register value means under a regime after the transition: <parameter>.<regime>
    "briefing.register_note.budget.lapsing_cost_ceiling.reeel": {
        "nl": "deze schakelaar geldt bij ‘budgetregel loopt door’ en ‘verrekening’; bij een "
              "reëel budget (de regel van dit scenario) hoort het plafond bij de regel: het "
              "budget is nooit hoger dan de kosten die in open house vervallen",
        "en": "this switch applies to ‘budget rule continues’ and ‘settlement’; under a "
              "realistic budget (this scenario's rule) the ceiling is part of the rule: the "
              "budget is never above the cost that lapses in open house",
    },
    # register values a reader says otherwise (a ratio of exactly one): (as registered, as said)
    "briefing.value_words.one_duration": {
        "nl": ("1 maal de duur in open house", "even lang als in open house"),
        "en": ("1 times the open-house duration", "as long as in open house"),
    },
    # how many assumptions rest on what: (one, several), by basis
    "briefing.basis_plural.document": {
        "nl": ("rust op een document", "rusten op een document"),
        "en": ("rests on a document", "rest on a document"),
    },
    "briefing.basis_plural.figures": {
        "nl": ("op publieke cijfers", "op publieke cijfers"),
        "en": ("on public figures", "on public figures"),
    },
    "briefing.basis_plural.estimate": {
        "nl": ("is een schatting", "zijn schattingen"),
        "en": ("is an estimate", "are estimates"),
    },
    "briefing.basis_plural.what-if": {
        "nl": ("is een wat-als-aanname", "zijn wat-als-aannames"),
        "en": ("is a what-if assumption", "are what-if assumptions"),
    },
    "briefing.basis_plural.choice": {
        "nl": ("is een modelkeuze", "zijn modelkeuzes"),
        "en": ("is a modelling choice", "are modelling choices"),
    },
    # the word before a caption's number ("Figuur 3. ..."), the main scenario's column title
    "briefing.caption.figure": {"nl": "Figuur", "en": "Figure"},
    "briefing.caption.table": {"nl": "Tabel", "en": "Table"},
    "briefing.main_title": {"nl": "Hoofdscenario", "en": "Main scenario"},
    # a value that changes over the years ("20 in 2024 en 25 vanaf 2025"): (last, others)
    "briefing.since_at": {
        "nl": ("vanaf", "in"),
        "en": ("from", "in"),
    },
    # after the regime the model assumes, in the chart of page 1
    "briefing.assumed_mark": {"nl": " (aanname van het model)", "en": " (the model's assumption)"},
    # "<title> van <date>" (a source cited), "<parameter> van <product>"
    "briefing.of": {"nl": "van", "en": "of"},
    # the PDF's and Word file's page footer ("Pagina 2 van 9"), Word's table of contents
    "briefing.page": {
        "nl": ("Pagina", "van"),
        "en": ("Page", "of"),
    },
    "briefing.toc": {
        "nl": ("Inhoud", "De inhoudsopgave verschijnt als Word de velden bijwerkt (F9)."),
        "en": ("Contents", "The table of contents appears when Word updates the fields (F9)."),
    },
}
