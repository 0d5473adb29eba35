"""The reading text of the notebooks (``notebooks/00``-``07``): titles, headings and the
paragraphs around the numbers, as Markdown. A notebook shows one with
``nt.show_markdown(nt.text("01.budget", language))`` (the key without ``notebook.page.``)."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # 00-03: calibration against 2023, one scenario, scenarios compared, uncertainty
    "notebook.page.00.title": {
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
    "notebook.page.00.compare": {"nl": "## Model tegenover gerapporteerd",
                                 "en": "## Modelled against reported"},
    "notebook.page.00.explained": {"nl": "## De verschillen verklaard",
                                   "en": "## The differences explained"},
    "notebook.page.00.first_year": {"nl": "## Het eerste jaar in detail",
                                    "en": "## The first year in detail"},
    "notebook.page.manifest": {"nl": "## Verantwoording van deze berekening",
                               "en": "## Provenance of this calculation"},
    "notebook.page.01.title": {
        "nl": "# 01 · Eén scenario in detail\n\nStromen van jeugdigen, de budgetregel stap voor "
              "stap (van de kosten van twee jaar eerder tot de verrekening), het gesloten "
              "vierkant tegenover de situatie zonder SAMEN., het incidentele budget en wat "
              "weggaat bij open-house-aanbieders.",
        "en": "# 01 · One scenario in depth\n\nFlows of young people, the budget rule step by "
              "step (from the cost of two years earlier to the settlement), the closed square "
              "against the situation without SAMEN., the incidental budget and what moves away "
              "from the open-house providers."},
    "notebook.page.key_figures": {"nl": "## Kerncijfers", "en": "## Key figures"},
    "notebook.page.01.flows": {"nl": "## Stromen: jeugdigen, hulpvragen en personeel per jaar",
                               "en": "## Flows: young people, cases and staff per year"},
    "notebook.page.01.budget": {
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
    "notebook.page.01.square": {
        "nl": "## Het gesloten vierkant tegenover de situatie zonder SAMEN.",
        "en": "## The closed square against the situation without SAMEN."},
    "notebook.page.01.incidental": {"nl": "## Incidenteel budget en netto besparing",
                                    "en": "## Incidental budget and net savings"},
    "notebook.page.01.providers": {
        "nl": "## Open-house-aanbieders: omzet die naar SAMEN. gaat (en het aandeel in hun "
              "omzet in Groningen)",
        "en": "## Open-house providers: revenue moving to SAMEN. (and the share of their "
              "Groningen turnover)"},
    "notebook.page.02.title": {
        "nl": "# 02 · Scenario's vergeleken\n\nKerncijfers naast elkaar (afwijking van het "
              "gesloten vierkant in de overgang, netto besparing 2026–2030, terugverdienjaar, "
              "fte, geholpen jeugdigen), de afwijking en de opgetelde netto besparing per jaar, "
              "en welke aannames verschillen van het basisscenario.",
        "en": "# 02 · Scenarios compared\n\nKey figures side by side (square deviation over the "
              "transition, net savings 2026–2030, payback year, FTE, young people helped), the "
              "deviation and cumulative net savings per year, and which assumptions differ "
              "from the base scenario."},
    "notebook.page.02.lines": {
        "nl": "## Afwijking van het vierkant en opgetelde netto besparing per jaar",
        "en": "## Square deviation and cumulative net savings per year"},
    "notebook.page.02.differ": {"nl": "## Welke aannames verschillen van het basisscenario",
                                "en": "## Which assumptions differ from the base scenario"},
    "notebook.page.03.title": {
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
    "notebook.page.03.key_figures": {
        "nl": "## Kerncijfers en kansen\n\nUitkomsten over de trekkingen (in miljoenen euro's, "
              "afgerond op € 10.000), het aandeel trekkingen onder nul en de kansen (aandeel "
              "trekkingen, twee decimalen); daarna de verdeling van het terugverdienjaar en "
              "de kans op te weinig personeel per jaar.",
        "en": "## Key figures and probabilities\n\nOutputs over the draws (in millions of euros, "
              "rounded to €10,000), the share of draws below zero and the probabilities (share "
              "of draws, two decimals); then the payback-year distribution and the chance of "
              "too few staff per year."},
    "notebook.page.03.shortfall": {
        "nl": "Kans op te weinig personeel per jaar vanaf de start van SAMEN.: het aandeel "
              "trekkingen waarin SAMEN. niet alle nieuwe hulpvragen kon aannemen omdat er te "
              "weinig personeel was (een wachtlijst, of doorverwijzing naar "
              "open-house-aanbieders).",
        "en": "Chance of too few staff per year from the start of SAMEN.: the share of draws in "
              "which SAMEN. could not take on all new cases because staff fell short (a "
              "waiting list, or referral to open-house providers)."},
    "notebook.page.03.fan": {
        "nl": "## Waaiergrafieken: afwijking van het vierkant en opgetelde netto besparing\n\n"
              "De banden lopen van het 5e tot het 95e en van het 25e tot het 75e percentiel; de "
              "lijn is de mediaan.",
        "en": "## Fan charts: square deviation and cumulative net savings\n\nThe bands are the "
              "5th–95th and 25th–75th percentile over the draws, the line the median."},
    "notebook.page.03.tornado": {
        "nl": "## Tornado: één aanname tegelijk\n\nElke aanname op haar 5e en 95e percentiel, "
              "de andere op hun centrale waarde; de grootste invloed bovenaan.",
        "en": "## Tornado: one assumption at a time\n\nEach assumption at its 5th and 95th "
              "percentile, all others at their central value; largest swing on top."},
    "notebook.page.03.sobol": {
        "nl": "## Sobol-indices: alle aannames tegelijk\n\nHet deel van de spreiding van een "
              "uitkomst dat door één aanname komt: alleen (eerste orde) en met haar "
              "wisselwerkingen (totaal), met 95%-betrouwbaarheidsintervallen. De aannames "
              "worden als onafhankelijk behandeld.",
        "en": "## Sobol indices: all assumptions at once\n\nThe share of an output's variance "
              "due to one assumption: alone (first order) and with its interactions (total), "
              "with 95% bootstrap confidence intervals. The assumptions are treated as "
              "independent."},
    "notebook.page.03.breakeven": {
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
    # 05-07: the what-if explorer, forecast against actual, scenario discovery
    "notebook.page.05.title": {
        "nl": "# 05 · Wat-als-verkenner\n\nVerschuif de knoppen (het verloop van de weglek, de "
              "benutting in het eerste jaar, de instroom, de groei van de jeugdbevolking, "
              "cliënten en kosten per fte, de taakstelling, minder verwijzingen naar "
              "specialistische hulp, de start van de structurele besparing): de kerncijfers "
              "en de grafiek volgen direct (één berekening duurt enkele milliseconden), naast "
              "het basisscenario. **Opslaan als scenario** schrijft een kort bestand dat op "
              "het basisscenario voortbouwt en alleen noemt wat anders is, met uw toelichting "
              "als bron; het wordt gecontroleerd zoals elk scenario.\n\nLosse pagina zonder "
              "code: `make explorer` (Voilà, alleen op deze computer).",
        "en": "# 05 · What-if explorer\n\nMove the levers (leakage path, first-year uptake, "
              "inflow, population growth, clients and cost per FTE, budget cut, fewer "
              "specialist referrals, start of structural savings): the key figures and the "
              "chart follow at once (one run takes a few milliseconds), next to the base "
              "scenario. **Save as scenario** writes a short file that extends the base and "
              "lists only what changed, with your note as the source; it is checked like any "
              "scenario.\n\nStandalone page without code: `make explorer` (Voilà, on this "
              "computer only)."},
    "notebook.page.06.title": {
        "nl": "# 06 · Voorspelling tegenover werkelijkheid, en de kalibratie erachter\n\n"
              "Een gekalibreerd scenario is een scenario met kansverdelingen (de prior), "
              "bijgesteld op de gerealiseerde cijfers: elke trekking weegt mee naar hoe goed "
              "zij de cijfers nabootst (importance sampling met Pareto-afgevlakte gewichten), "
              "en een steekproef met gelijke gewichten (de posterior) wordt bij het scenario "
              "bewaard. Dit notebook herhaalt die kalibratie zoals het scenario haar vastlegt "
              "en laat zien of zij te vertrouwen is (effectieve steekproefomvang, Pareto "
              "k-hat), wat de cijfers met elke aanname deden, elk cijfer tegenover het model "
              "vóór en na (en zonder dat cijfer), en wat elk scenario voor elk cijfer "
              "voorspelde tegenover wat er werkelijk gebeurde.",
        "en": "# 06 · Forecast against actual, and the calibration behind it\n\nA calibrated "
              "scenario is a scenario with distributions (the prior) conditioned on the "
              "realised figures: every draw is weighted by how well it reproduces the figures "
              "(importance sampling with Pareto-smoothed weights), and an equally weighted "
              "sample (the posterior) is kept beside the scenario. This notebook re-runs that "
              "calibration as the scenario records it and shows whether it can be trusted "
              "(effective sample size, Pareto k-hat), what the figures did to each assumption, "
              "each figure against the model before and after (and without that figure), and "
              "what each scenario forecast for each figure against what was realised."},
    "notebook.page.06.figures": {
        "nl": "## De gerealiseerde cijfers\n\nElk cijfer met wat het meet, hoe onzeker het is "
              "(een standaardafwijking, of een bandbreedte met zachte randen; \"uit het "
              "document\" als het document de breedte geeft, bijvoorbeeld door afronding), de "
              "datum van de telling, of de kalibratie het gebruikt en de bron.",
        "en": "## The realised figures\n\nEach figure with what it measures, how uncertain it "
              "is (a standard deviation, or a range with soft edges; \"from the document\" when "
              "the document gives the width, e.g. by rounding), the date of the count, whether "
              "the calibration uses it and the source."},
    "notebook.page.06.trust": {
        "nl": "## Is de kalibratie te vertrouwen?\n\nDe effectieve steekproefomvang telt hoeveel "
              "trekkingen het gewicht dragen; een Pareto k-hat boven de grens betekent dat een "
              "paar trekkingen alles bepalen (Vehtari e.a. 2024). Dan wordt de uitkomst "
              "geweigerd.",
        "en": "## Can the calibration be trusted?\n\nThe effective sample size counts how many "
              "draws carry the weight; a Pareto k-hat above the limit means a few draws decide "
              "everything (Vehtari et al. 2024). Then the result is refused."},
    "notebook.page.06.parameters": {
        "nl": "## Prior en posterior per aanname\n\nMediaan en 5e–95e percentiel vóór en na; de "
              "krimp is het deel van de variantie van de prior dat de cijfers wegnamen. "
              "\"Geïnformeerd\" betekent een krimp van ten minste 20% of een verschuiving van "
              "het gemiddelde van ten minste een kwart standaardafwijking van de prior.",
        "en": "## Prior and posterior per assumption\n\nMedian and 5th–95th percentile before "
              "and after; the contraction is the share of the prior's variance the figures "
              "removed. \"Informed\" means a contraction of at least 20% or a shift of the "
              "mean of at least a quarter of the prior's standard deviation."},
    "notebook.page.06.check": {
        "nl": "## Elk cijfer tegenover het model, vóór en na\n\nDe mediaan en het "
              "90%-interval van het model voor elk cijfer vóór de kalibratie (de prior), bij "
              "kalibratie op alle andere cijfers (zonder dit cijfer: voorspellen de andere "
              "cijfers dit cijfer?) en na de kalibratie, tegenover de bandbreedte van het "
              "cijfer. Een cijfer met * is alleen een controle (niet gebruikt bij de "
              "kalibratie). Bedragen in miljoenen euro's.",
        "en": "## Each figure against the model, before and after\n\nThe model's median and "
              "90% interval of each figure before calibration (the prior), when calibrated on "
              "all other figures (without this figure: do the others predict it?) and after "
              "calibration, against the figure's own range. A figure marked * is a check only "
              "(not used in the calibration). Amounts in millions of euros."},
    "notebook.page.06.forecast": {
        "nl": "## Voorspelling tegenover werkelijkheid\n\nWat elk scenario (met de versie van "
              "het model die het berekende) voorspelde voor elk cijfer en jaar, het "
              "90%-interval, en of de bandbreedte van het gerealiseerde cijfer erbinnen valt. "
              "Een gekalibreerd scenario heeft de cijfers gezien waarop het is gekalibreerd: "
              "die regels zijn gemarkeerd en zijn een passing, geen voorspelling. Elk jaar "
              "komen de nieuwe cijfers in het waarnemingenbestand; deze tabel laat dan zien "
              "hoe de vorige voorspelling uitkwam, voordat de kalibratie opnieuw wordt "
              "gedaan. Bedragen in miljoenen euro's.",
        "en": "## Forecast against actual\n\nWhat each scenario (with the model version that "
              "computed it) forecast for each figure and year, its 90% interval, and whether "
              "the realised figure's range falls inside. A calibrated scenario has seen the "
              "figures it was calibrated on: those rows are marked and are a fit, not a "
              "forecast. Each year the new figures go into the observation file; this table "
              "then shows how the previous forecast did, before the calibration is run again. "
              "Amounts in millions of euros."},
    "notebook.page.06.dependence": {
        "nl": "## Samenhang in de posterior\n\nRangcorrelaties tussen de aannames in de "
              "posterior (paren met een correlatie van ten minste 0,1 naar boven of beneden): "
              "de correlaties die het scenario zelf opgeeft blijven behouden, en de cijfers "
              "voegen er eigen samenhang aan toe: een trekking die de cijfers van 2023 haalt "
              "met een afwijkende waarde van de ene aanname, doet dat alleen met een passende "
              "waarde van een andere.",
        "en": "## Dependence in the posterior\n\nRank correlations between the assumptions in "
              "the posterior (pairs with a correlation of at least 0.1 up or down): the "
              "correlations the scenario itself states are kept, and the figures add their "
              "own: a draw that reaches the 2023 figures with an unusual value of one "
              "assumption does so only with a matching value of another."},
    "notebook.page.07.title": {
        "nl": "# 07 · Scenario's ontdekken: welke aannames leiden tot een overschrijding?\n\n"
              "Trekkingen uit de kansverdelingen van het scenario, één berekening over alle "
              "trekkingen, en PRIM (Patient Rule Induction Method): het gebied (de box) van "
              "aannamewaarden waarin de uitkomst de drempel overschrijdt. Elke PRIM-stap ruilt "
              "**dekking** (het aandeel van alle gevallen dat in de box ligt) in voor "
              "**dichtheid** (het aandeel gevallen onder de trekkingen in de box); de gekozen "
              "box heeft de grootste dekking bij ten minste de gevraagde dichtheid.",
        "en": "# 07 · Scenario discovery: which assumptions lead to an overrun?\n\nDraws from "
              "the scenario's distributions, one model run over all draws, and PRIM (Patient "
              "Rule Induction Method): the region (the box) of assumption values where the "
              "output crosses the threshold. Each PRIM step trades **coverage** (share of all "
              "cases inside the box) for **density** (share of the draws inside the box that "
              "are cases); the chosen box has the highest coverage with at least the requested "
              "density."},
    "notebook.page.07.words": {"nl": "## In gewone woorden", "en": "## In plain words"},
    "notebook.page.07.box": {
        "nl": "## De gekozen box en de afweging tussen dekking en dichtheid\n\nDe grenzen per "
              "begrensde aanname (quasi-p: klein betekent dat de grens ertoe doet), daarna het "
              "afpelen stap voor stap (elke derde stap, de gekozen stap gemarkeerd).",
        "en": "## The chosen box and the coverage/density trade-off\n\nBox limits per "
              "restricted assumption (quasi-p: small means the limit matters), then the "
              "peeling trajectory (every third step, the chosen one marked)."},
}
