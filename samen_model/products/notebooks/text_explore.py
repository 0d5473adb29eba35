"""The words around the numbers in notebooks 05-07 (explorer, forecast against actual,
discovery), in Dutch and English; :func:`samen_model.products.notebooks.text.text` shows them."""

from __future__ import annotations

EXPLORE_TEXTS: dict[str, dict[str, str]] = {
    "05.title": {
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
    "06.title": {
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
    "06.figures": {
        "nl": "## De gerealiseerde cijfers\n\nElk cijfer met wat het meet, hoe onzeker het is "
              "(een standaardafwijking, of een bandbreedte met zachte randen; \"uit het "
              "document\" als het document de breedte geeft, bijvoorbeeld door afronding), de "
              "datum van de telling, of de kalibratie het gebruikt en de bron.",
        "en": "## The realised figures\n\nEach figure with what it measures, how uncertain it "
              "is (a standard deviation, or a range with soft edges; \"from the document\" when "
              "the document gives the width, e.g. by rounding), the date of the count, whether "
              "the calibration uses it and the source."},
    "06.trust": {
        "nl": "## Is de kalibratie te vertrouwen?\n\nDe effectieve steekproefomvang telt hoeveel "
              "trekkingen het gewicht dragen; een Pareto k-hat boven de grens betekent dat een "
              "paar trekkingen alles bepalen (Vehtari e.a. 2024). Dan wordt de uitkomst "
              "geweigerd.",
        "en": "## Can the calibration be trusted?\n\nThe effective sample size counts how many "
              "draws carry the weight; a Pareto k-hat above the limit means a few draws decide "
              "everything (Vehtari et al. 2024). Then the result is refused."},
    "06.parameters": {
        "nl": "## Prior en posterior per aanname\n\nMediaan en 5e–95e percentiel vóór en na; de "
              "krimp is het deel van de variantie van de prior dat de cijfers wegnamen. "
              "\"Geïnformeerd\" betekent een krimp van ten minste 20% of een verschuiving van "
              "het gemiddelde van ten minste een kwart standaardafwijking van de prior.",
        "en": "## Prior and posterior per assumption\n\nMedian and 5th–95th percentile before "
              "and after; the contraction is the share of the prior's variance the figures "
              "removed. \"Informed\" means a contraction of at least 20% or a shift of the "
              "mean of at least a quarter of the prior's standard deviation."},
    "06.check": {
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
    "06.forecast": {
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
    "06.dependence": {
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
    "07.title": {
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
    "07.words": {"nl": "## In gewone woorden", "en": "## In plain words"},
    "07.box": {
        "nl": "## De gekozen box en de afweging tussen dekking en dichtheid\n\nDe grenzen per "
              "begrensde aanname (quasi-p: klein betekent dat de grens ertoe doet), daarna het "
              "afpelen stap voor stap (elke derde stap, de gekozen stap gemarkeerd).",
        "en": "## The chosen box and the coverage/density trade-off\n\nBox limits per "
              "restricted assumption (quasi-p: small means the limit matters), then the "
              "peeling trajectory (every third step, the chosen one marked)."},
}
