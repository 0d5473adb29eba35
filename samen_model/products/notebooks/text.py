"""The words around the numbers in the notebooks, in Dutch and English (00-03 here, 05-07 in
:mod:`samen_model.products.notebooks.text_explore`).

The notebooks show these with ``nt.show_markdown(nt.text("01.budget", language))`` so that a
notebook run with ``language: nl`` is Dutch throughout and with ``en`` English.
"""

from __future__ import annotations

from samen_model.present import formatting as fmt
from samen_model.products.notebooks.text_explore import EXPLORE_TEXTS

TEXTS: dict[str, dict[str, str]] = {
    "00.title": {
        "nl": "# 00 · Het model naast de evaluatie van 2023\n\nHet eerste jaar van het model "
              "naast de cijfers uit de evaluatie van 15 december 2023 en het memo van "
              "6 december 2021: geholpen jeugdigen (967), personeel ('ruim 80 fte'), de "
              "subsidie 2023 (€ 4,2 mln), het verwachte nadeel (€ 1 mln) en € 14 mln van "
              "€ 60 mln binnen het pakket. Onder de tabel staat waar de verschillen vandaan "
              "komen.",
        "en": "# 00 · The model beside the 2023 evaluation\n\nThe model's first year next to "
              "what the evaluation of 15 December 2023 and the memo of 6 December 2021 report: "
              "young people helped (967), staff ('ruim 80 fte'), the 2023 subsidy (€4.2M), the "
              "expected overrun (€1M) and €14M of €60M in scope. The differences are explained "
              "below the table."},
    "00.compare": {"nl": "## Model tegenover gerapporteerd",
                   "en": "## Modelled against reported"},
    "00.explained": {"nl": "## De verschillen verklaard", "en": "## The differences explained"},
    "00.first_year": {"nl": "## Het eerste jaar in detail", "en": "## The first year in detail"},
    "manifest": {"nl": "## Verantwoording van deze berekening",
                 "en": "## Provenance of this calculation"},
    "01.title": {
        "nl": "# 01 · Eén scenario in detail\n\nStromen van jeugdigen, de budgetregel stap voor "
              "stap (van de kosten van twee jaar eerder tot de verrekening), het gesloten "
              "vierkant tegenover de situatie zonder SAMEN., het incidentele budget en wat "
              "weggaat bij open-house-aanbieders.",
        "en": "# 01 · One scenario in depth\n\nFlows of young people, the budget rule step by "
              "step (from the cost of two years earlier to the settlement), the closed square "
              "against the situation without SAMEN., the incidental budget and what moves away "
              "from the open-house providers."},
    "key_figures": {"nl": "## Kerncijfers", "en": "## Key figures"},
    "01.flows": {"nl": "## Stromen: jeugdigen, hulpvragen en personeel per jaar",
                 "en": "## Flows: young people, cases and staff per year"},
    "01.budget": {
        "nl": "## De budgetregel jaar voor jaar\n\nPer jaar t: de vergelijkbare kosten van "
              "t-2, de raming van 1 oktober voor t-1, het voorlopige budget (volume, "
              "indexering, gepland aandeel), de toets van 1 maart, de taakstelling, het "
              "definitieve budget, de overheveling van 10,9% voor ICT en huisvesting, het "
              "uitvoeringsbudget van WIJ, de werkelijke kosten van SAMEN. en de verrekening "
              "(positief: terug naar de gemeente).",
        "en": "## The budget rule year by year\n\nFor each year t: the comparable cost of t-2, "
              "the 1 October estimate for t-1, the provisional budget (volume, index, planned "
              "share), the 1 March recheck, the budget cut, the final budget, the 10.9% ICT and "
              "housing transfer, WIJ's execution budget, the actual SAMEN. cost and the "
              "settlement (positive: back to the municipality)."},
    "01.square": {"nl": "## Het gesloten vierkant tegenover de situatie zonder SAMEN.",
                  "en": "## The closed square against the situation without SAMEN."},
    "01.incidental": {"nl": "## Incidenteel budget en netto besparing",
                      "en": "## Incidental budget and net savings"},
    "01.providers": {"nl": "## Open-house-aanbieders: omzet die naar SAMEN. gaat (en het "
                           "aandeel in hun omzet in Groningen)",
                     "en": "## Open-house providers: revenue moving to SAMEN. (and the share "
                           "of their Groningen turnover)"},
    "02.title": {
        "nl": "# 02 · Scenario's vergeleken\n\nKerncijfers naast elkaar (afwijking van het "
              "gesloten vierkant in de overgang, netto besparing 2026–2030, terugverdienjaar, "
              "fte, geholpen jeugdigen), de afwijking en de opgetelde netto besparing per jaar, "
              "en welke aannames verschillen van het basisscenario.",
        "en": "# 02 · Scenarios compared\n\nKey figures side by side (square deviation over the "
              "transition, net savings 2026–2030, payback year, FTE, young people helped), the "
              "deviation and cumulative net savings per year, and which assumptions differ "
              "from the base scenario."},
    "02.lines": {"nl": "## Afwijking van het vierkant en opgetelde netto besparing per jaar",
                 "en": "## Square deviation and cumulative net savings per year"},
    "02.differ": {"nl": "## Welke aannames verschillen van het basisscenario",
                  "en": "## Which assumptions differ from the base scenario"},
    "03.title": {
        "nl": "# 03 · Onzekerheid\n\nTrekkingen over de aannames met een kansverdeling "
              "(herhaalbaar door een vast startgetal): banden per jaar voor de afwijking van "
              "het gesloten vierkant en de opgetelde netto besparing, de kans dat het vierkant "
              "wordt overschreden of dat SAMEN. zich niet terugverdient, een tornadodiagram "
              "(één aanname tegelijk), Sobol-indices (alle tegelijk) en omslagpunten.",
        "en": "# 03 · Uncertainty\n\nDraws over the assumptions with a distribution (repeatable "
              "through a fixed seed): bands per year for the closed-square deviation and the "
              "cumulative net savings, the chance that the square is exceeded or that SAMEN. "
              "does not pay for itself, a tornado (one assumption at a time), Sobol indices "
              "(all at once) and break-even values."},
    "03.key_figures": {
        "nl": "## Kerncijfers en kansen\n\nUitkomsten over de trekkingen (in miljoenen euro's, "
              "afgerond op € 10.000), het aandeel trekkingen onder nul en de kansen (aandeel "
              "trekkingen, twee decimalen); daarna de verdeling van het terugverdienjaar en "
              "de kans op te weinig personeel per jaar.",
        "en": "## Key figures and probabilities\n\nOutputs over the draws (in millions of euros, "
              "rounded to €10,000), the share of draws below zero and the probabilities (share "
              "of draws, two decimals); then the payback-year distribution and the chance of "
              "too few staff per year."},
    "03.shortfall": {
        "nl": "Kans op te weinig personeel per jaar vanaf de start van SAMEN.: het aandeel "
              "trekkingen waarin SAMEN. niet alle nieuwe hulpvragen kon aannemen omdat er te "
              "weinig personeel was (een wachtlijst, of doorverwijzing naar "
              "open-house-aanbieders).",
        "en": "Chance of too few staff per year from the start of SAMEN.: the share of draws in "
              "which SAMEN. could not take on all new cases because staff fell short (a "
              "waiting list, or referral to open-house providers)."},
    "03.fan": {
        "nl": "## Waaiergrafieken: afwijking van het vierkant en opgetelde netto besparing\n\n"
              "De banden lopen van het 5e tot het 95e en van het 25e tot het 75e percentiel; de "
              "lijn is de mediaan.",
        "en": "## Fan charts: square deviation and cumulative net savings\n\nThe bands are the "
              "5th–95th and 25th–75th percentile over the draws, the line the median."},
    "03.tornado": {
        "nl": "## Tornado: één aanname tegelijk\n\nElke aanname op haar 5e en 95e percentiel, "
              "de andere op hun centrale waarde; de grootste invloed bovenaan.",
        "en": "## Tornado: one assumption at a time\n\nEach assumption at its 5th and 95th "
              "percentile, all others at their central value; largest swing on top."},
    "03.sobol": {
        "nl": "## Sobol-indices: alle aannames tegelijk\n\nHet deel van de spreiding van een "
              "uitkomst dat door één aanname komt: alleen (eerste orde) en met haar "
              "wisselwerkingen (totaal), met 95%-betrouwbaarheidsintervallen. De aannames "
              "worden als onafhankelijk behandeld.",
        "en": "## Sobol indices: all assumptions at once\n\nThe share of an output's variance "
              "due to one assumption: alone (first order) and with its interactions (total), "
              "with 95% bootstrap confidence intervals. The assumptions are treated as "
              "independent."},
    "03.breakeven": {
        "nl": "## Omslagpunten\n\nDe waarde van één aanname waarbij de uitkomst nul is, de "
              "andere aannames centraal (de weglek alleen vanaf 2026 als een jaar genoemd is). "
              "Blijft de uitkomst vanaf een waarde nul (onder het reële budget: het plafond, "
              "WIJ draagt dan het tekort), dan is er geen enkel nulpunt en staat er vanaf welke "
              "waarde dat zo is.",
        "en": "## Break-even\n\nThe value of one assumption at which the target is zero, all "
              "other assumptions central (leakage only from 2026 on when a year is given). "
              "Where the result stays zero from some value on (under the reëel budget: the cap, "
              "with WIJ carrying the deficit) there is no single break-even value; the table "
              "says from which value on."},
    **EXPLORE_TEXTS,
}


def text(key: str, language: str = "nl") -> str:
    """The notebook text ``key`` (``"01.budget"``) in the chosen language, as Markdown."""
    return TEXTS[key][fmt.check_language(language)]


def scenario_heading(scenario, language: str = "nl") -> str:
    """The scenario's title in bold, with its (English) description in English notebooks."""
    if fmt.check_language(language) == "en" and scenario.description:
        return f"**{scenario.title}**: {scenario.description}"
    return f"**{scenario.title}**"
