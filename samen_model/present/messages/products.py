"""Words of the products that are no briefing: the workbook, the report pages, the notebooks."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # summary.xlsx: sheet names and headers
    "workbook.comparison": {"nl": "vergelijking", "en": "comparison"},
    "workbook.assumptions": {"nl": "aannames", "en": "assumptions"},
    "workbook.mc": {"nl": "montecarlo", "en": "monte_carlo"},
    "workbook.mc_outputs": {"nl": "mc_uitkomsten", "en": "mc_outputs"},
    "workbook.mc_probabilities": {"nl": "mc_kansen", "en": "mc_probabilities"},
    "workbook.scenario": {"nl": "scenario", "en": "scenario"},
    "workbook.draws": {"nl": "trekkingen", "en": "draws"},
    "workbook.seed": {"nl": "seed", "en": "seed"},
    "workbook.output": {"nl": "uitkomst", "en": "output"},
    "workbook.year": {"nl": "jaar", "en": "year"},
    "workbook.mean": {"nl": "gemiddelde", "en": "mean"},
    "workbook.share_below_zero": {"nl": "kans < 0", "en": "P(< 0)"},
    "workbook.event": {"nl": "gebeurtenis", "en": "event"},
    "workbook.probability": {"nl": "kans", "en": "probability"},
    "workbook.parameter": {"nl": "parameter", "en": "parameter"},
    "workbook.value": {"nl": "waarde", "en": "value"},
    "workbook.value_text": {"nl": "waarde (reeks of verdeling)",
                            "en": "value (series or distribution)"},
    "workbook.unit": {"nl": "eenheid", "en": "unit"},
    "workbook.description": {"nl": "omschrijving", "en": "description"},
    "workbook.source": {"nl": "bron", "en": "source"},
    "workbook.field": {"nl": "veld", "en": "field"},
    # summary.xlsx: Monte Carlo events ({year} filled in)
    "workbook.events.square_exceeded": {"nl": "Gesloten vierkant overschreden in de "
                                              "overgangsperiode",
                                        "en": "Closed square exceeded in the transition period"},
    "workbook.events.cumulative_net_savings_below_zero_": {
        "nl": "Cumulatieve netto besparing eind {year} onder nul",
        "en": "Cumulative net savings end of {year} below zero"},
    "workbook.events.no_payback_within_horizon": {
        "nl": "Niet terugverdiend binnen de horizon",
        "en": "No payback within the horizon"},
    "workbook.events.shortfall": {"nl": "Kans op te weinig personeel in {year}",
                                  "en": "Chance of too few staff in {year}"},
    # summary.xlsx: units after a column header
    "workbook.unit.EUR": {"nl": "€", "en": "EUR"},
    "workbook.unit.cases/year": {"nl": "hulpvragen/jaar", "en": "cases/year"},
    "workbook.unit.persons/year": {"nl": "personen/jaar", "en": "persons/year"},
    "workbook.unit.persons": {"nl": "personen", "en": "persons"},
    "workbook.unit.person-years": {"nl": "cliëntjaren", "en": "client-years"},
    "workbook.unit.FTE": {"nl": "fte", "en": "FTE"},
    "workbook.unit.percent": {"nl": "%", "en": "%"},
    "workbook.unit.ratio": {"nl": "verhouding", "en": "ratio"},
    "workbook.unit.fraction": {"nl": "aandeel", "en": "share"},
    "workbook.draw_column": {"nl": "trekking", "en": "draw"},
    "workbook.euro": {"nl": "€", "en": "EUR"},
    # samen report: the index page, one line per notebook
    "report.page.04_briefing": {"nl": "Raadsnotitie: de uitkomsten in gewone taal, zonder code; "
                                      "begin hier.",
                                "en": "Council briefing: the results in plain words, without "
                                      "code; start here."},
    "report.page.02_compare": {"nl": "Scenario's naast elkaar: kerncijfers, grafieken per jaar "
                                     "en de aannames die verschillen.",
                               "en": "Scenarios side by side: key figures, charts per year and "
                                     "the assumptions that differ."},
    "report.page.01_scenario": {"nl": "Eén scenario in de diepte: instroom, cliënten, fte, "
                                      "budget en gesloten vierkant per jaar.",
                                "en": "One scenario in depth: inflow, clients, FTE, budget and "
                                      "the closed square per year."},
    "report.page.03_uncertainty": {"nl": "Onzekerheid: Monte Carlo-banden, tornado, "
                                         "Sobol-indices en break-evenpunten.",
                                   "en": "Uncertainty: Monte Carlo bands, tornado, Sobol "
                                         "indices and break-even points."},
    "report.page.06_forecast_vs_actual": {"nl": "Voorspelling tegen realisatie: hoe goed het "
                                                "afgestemde model de cijfers voorspelt.",
                                          "en": "Forecast against actual: how well the "
                                                "calibrated model predicts the figures."},
    "report.page.00_calibration_2023": {"nl": "Afstemming op de cijfers van 2021 en 2023: hoe "
                                              "de onzekere aannames zijn bijgesteld (voor wie "
                                              "de methode wil toetsen).",
                                        "en": "Calibration on the 2021 and 2023 figures: how "
                                              "the uncertain assumptions were updated (for "
                                              "those who check the method)."},
    "report.page.07_discovery": {"nl": "Scenario-ontdekking: welke combinaties van aannames tot "
                                       "een overschrijding leiden.",
                                 "en": "Scenario discovery: which combinations of assumptions "
                                       "lead to an overrun."},
    "report.index.title": {"nl": "SAMEN. rapportage", "en": "SAMEN. report"},
    "report.index.first": {"nl": "Begin hier", "en": "Start here"},
    "report.index.first_text": {"nl": "Lees eerst de raadsnotitie; de andere pagina's werken "
                                      "onderdelen uit.",
                                "en": "Read the council briefing first; the other pages work "
                                      "out its parts."},
    "report.index.pages": {"nl": "Pagina's, in leesvolgorde", "en": "Pages, in reading order"},
    "report.index.briefing": {"nl": "Raadsnotitie", "en": "Council briefing"},
    "report.index.also": {"nl": "ook als", "en": "also as"},
    "report.index.explorer": {"nl": "Zelf verkennen", "en": "Explore yourself"},
    "report.index.explorer_text": {"nl": "Schuif zelf aan de aannames (weglek, instroom, fte, "
                                         "taakstelling) en zie de kerncijfers en de "
                                         "onzekerheidsband meebewegen: start in de map van het "
                                         "model <code>make explorer</code> en open "
                                         "<code>http://127.0.0.1:8866</code> (alleen op deze "
                                         "computer). Een verkenning bewaart u met <em>Opslaan "
                                         "als scenario</em>; <code>samen report</code> neemt "
                                         "het bestand daarna mee.",
                                   "en": "Move the assumptions yourself (leakage, inflow, FTE, "
                                         "budget cut) and watch the key figures and the "
                                         "uncertainty band follow: run <code>make "
                                         "explorer</code> in the model's folder and open "
                                         "<code>http://127.0.0.1:8866</code> (this computer "
                                         "only). Keep an exploration with <em>Save as "
                                         "scenario</em>; <code>samen report</code> then "
                                         "includes the file."},
    "report.index.tables": {"nl": "Tabellen", "en": "Tables"},
    "report.index.per_scenario": {"nl": "per scenario, vergelijking, aannames, manifest",
                                  "en": "per scenario, comparison, assumptions, manifest"},
    "report.index.run": {"nl": "Run", "en": "Run"},
    "report.index.total": {"nl": "totale tijd", "en": "total time"},
    "report.index.notebook": {"nl": "notebook", "en": "notebook"},
    "report.footer": {"nl": "Verantwoording", "en": "Provenance"},
    "report.full": {"nl": "volledige verantwoording", "en": "full provenance"},
    # notebooks: the calibration tables
    "notebook.calibration.same": {"nl": "De herhaalde kalibratie geeft precies de opgeslagen "
                                        "steekproef (sha256 {sha}...).",
                                  "en": "The re-run calibration gives exactly the saved sample "
                                        "(sha256 {sha}...)."},
    "notebook.calibration.differs": {"nl": "Let op: de herhaalde kalibratie geeft een andere "
                                           "steekproef dan is opgeslagen; kalibreer opnieuw met "
                                           "samen calibrate --save.",
                                     "en": "Note: the re-run calibration gives another sample "
                                           "than the saved one; calibrate again with samen "
                                           "calibrate --save."},
    "notebook.calibration.draws": {"nl": "De kalibratie is herhaald met {n} in plaats van de "
                                         "vastgelegde {m} trekkingen; de opgeslagen steekproef "
                                         "is niet vergeleken.",
                                   "en": "The calibration was re-run with {n} instead of the "
                                         "recorded {m} draws; the saved sample was not compared."},
    "notebook.calibration.changed": {"nl": "Het waarnemingenbestand is gewijzigd sinds de "
                                           "kalibratie (hash {old} -> {new}): nieuwe cijfers? "
                                           "Kalibreer opnieuw (docs/calibration.md).",
                                     "en": "The observation file changed since the calibration "
                                           "(hash {old} -> {new}): new figures? Calibrate again "
                                           "(docs/calibration.md)."},
}
