"""Words of the charts (``present/charts``): titles, axis labels and text alternatives."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # chart titles
    "chart.title.flows": {"nl": "Instroom en cliënten van SAMEN.",
                          "en": "Inflow and clients of SAMEN."},
    "chart.title.fte": {"nl": "Fte SAMEN. (eind jaar)", "en": "SAMEN. FTE (end of year)"},
    "chart.title.budget": {"nl": "Budget en kosten van SAMEN.", "en": "Budget and cost of SAMEN."},
    "chart.title.square": {"nl": "Gesloten vierkant: met en zonder SAMEN.",
                           "en": "Closed square: with and without SAMEN."},
    "chart.title.deviation": {"nl": "Afwijking gesloten vierkant per jaar (boven nul = "
                                    "overschrijding)",
                              "en": "Square deviation per year (above zero = overspend)"},
    "chart.title.cumulative": {"nl": "Cumulatieve netto besparing", "en": "Cumulative net savings"},
    "chart.title.providers": {"nl": "Omzet die van open-house-aanbieders naar SAMEN. gaat",
                              "en": "Revenue moving from open-house providers to SAMEN."},
    "chart.title.calibration": {"nl": "Model tegenover evaluatie 2023 (verschil in %)",
                                "en": "Model against the 2023 evaluation (difference in %)"},
    "chart.title.year": {"nl": "Jaar", "en": "Year"},
    "chart.title.run": {"nl": "rekenrun", "en": "run"},
    "chart.title.scenarios": {"nl": "Scenario's", "en": "Scenarios"},
    # text alternatives of the scenario charts: {fields} are filled by the chart
    "chart.alt.flows": {"nl": "Lijngrafiek en staafdiagram van {title}, {a}–{b}: jeugdigen "
                              "geholpen door SAMEN. van {h0} tot {h1} per jaar; fte SAMEN. eind "
                              "{b}: {fte}.",
                        "en": "Line and bar chart of {title}, {a}–{b}: young people helped by "
                              "SAMEN. from {h0} to {h1} a year; SAMEN. FTE at the end of {b}: "
                              "{fte}."},
    "chart.alt.budget": {"nl": "Lijngrafiek van budget en kosten van SAMEN. in {title}, "
                               "{a}–{b}. {desc}.",
                         "en": "Line chart of the budget and cost of SAMEN. in {title}, "
                               "{a}–{b}. {desc}."},
    "chart.alt.square": {"nl": "Totale uitgaven aan jeugdhulp met en zonder SAMEN. in {title}, "
                               "{a}–{b}, en de afwijking per jaar als staven. {desc}.",
                         "en": "Total youth-care spend with and without SAMEN. in {title}, "
                               "{a}–{b}, and the deviation per year as bars. {desc}."},
    "chart.alt.providers": {"nl": "Gestapelde staven: omzet die per jaar van "
                                  "open-house-aanbieders naar SAMEN. gaat in {title}, {a}–{b}; "
                                  "in {b} in totaal {total}.",
                            "en": "Stacked bars: revenue moving from open-house providers to "
                                  "SAMEN. per year in {title}, {a}–{b}; {total} in total in {b}."},
    "chart.alt.lines": {"nl": "Lijngrafiek: {what} per jaar, {a}–{b}, voor {n} scenario's. "
                              "{desc}.",
                        "en": "Line chart: {what} per year, {a}–{b}, for {n} scenarios. {desc}."},
    "chart.alt.series": {"nl": "{label}: van {a} ({ya}) tot {b} ({yb}); hoogste {h} in {yh}, "
                               "laagste {low} in {yl}",
                         "en": "{label}: from {a} ({ya}) to {b} ({yb}); highest {h} in {yh}, "
                               "lowest {low} in {yl}"},
    "chart.alt.swing": {"nl": " Gemarkeerd: {label}.", "en": " Marked: {label}."},
    "chart.alt.bars": {"nl": "Staafdiagram: {what} per scenario. {desc}.",
                       "en": "Bar chart: {what} per scenario. {desc}."},
    "chart.alt.calibration": {"nl": "Staafdiagram: verschil tussen model en gerapporteerde "
                                    "cijfers in procenten. {desc}.",
                              "en": "Bar chart: difference between the model and the reported "
                                    "figures in per cent. {desc}."},
    # calibration charts
    "chart.calibration.params": {"nl": "Prior en posterior per aanname · {s}",
                                 "en": "Prior and posterior per assumption · {s}"},
    "chart.calibration.prior": {"nl": "prior", "en": "prior"},
    "chart.calibration.posterior": {"nl": "posterior", "en": "posterior"},
    "chart.calibration.informed": {"nl": "geïnformeerd", "en": "informed"},
    "chart.calibration.not_informed": {"nl": "niet geïnformeerd", "en": "not informed"},
    "chart.calibration.check": {"nl": "Cijfers tegenover het model (90%-interval) · {s}",
                                "en": "Figures against the model (90% interval) · {s}"},
    "chart.calibration.before": {"nl": "vóór kalibratie", "en": "before calibration"},
    "chart.calibration.loo": {"nl": "zonder dit cijfer", "en": "without this figure"},
    "chart.calibration.after": {"nl": "na kalibratie", "en": "after calibration"},
    "chart.calibration.range": {"nl": "bandbreedte cijfer", "en": "range of the figure"},
    "chart.calibration.value": {"nl": "gerapporteerd", "en": "reported"},
    "chart.calibration.forecast": {"nl": "Voorspelling tegenover werkelijkheid (P5–P95, mediaan)",
                                   "en": "Forecast against actual (P5–P95, median)"},
    "chart.calibration.fitted": {"nl": "(gekalibreerd)", "en": "(calibrated)"},
    # uncertainty charts
    "chart.uncertainty.fan": {"nl": "{label}: onzekerheid per jaar",
                              "en": "{label}: uncertainty per year"},
    "chart.uncertainty.band_90": {"nl": "90%-band (P5–P95)", "en": "90% band (P5–P95)"},
    "chart.uncertainty.band_50": {"nl": "50%-band (P25–P75)", "en": "50% band (P25–P75)"},
    "chart.uncertainty.median": {"nl": "mediaan", "en": "median"},
    "chart.uncertainty.tornado": {"nl": "Tornado: {label}", "en": "Tornado: {label}"},
    "chart.uncertainty.low": {"nl": "parameter laag (P5)", "en": "parameter low (P5)"},
    "chart.uncertainty.high": {"nl": "parameter hoog (P95)", "en": "parameter high (P95)"},
    "chart.uncertainty.central": {"nl": "verschil met centrale waarde {value}",
                                  "en": "difference from the central value {value}"},
    "chart.uncertainty.sobol": {"nl": "Sobol-indices: {label}", "en": "Sobol indices: {label}"},
    "chart.uncertainty.S1": {"nl": "eerste orde (S1)", "en": "first order (S1)"},
    "chart.uncertainty.ST": {"nl": "totaal (ST)", "en": "total (ST)"},
    "chart.uncertainty.ci": {"nl": "foutstreep: {pct}-betrouwbaarheidsinterval (bootstrap)",
                             "en": "error bar: {pct} confidence interval (bootstrap)"},
    "chart.uncertainty.draws": {"nl": "{n} trekkingen", "en": "{n} draws"},
    "chart.uncertainty.alt_fan": {"nl": "Waaiergrafiek: {label} per jaar over {n} trekkingen "
                                        "met onzekere aannames ({title}); banden van het 5e tot "
                                        "95e en 25e tot 75e percentiel en de mediaan. {desc}.",
                                  "en": "Fan chart: {label} per year over {n} draws with "
                                        "uncertain assumptions ({title}); bands from the 5th to "
                                        "95th and 25th to 75th percentile and the median. "
                                        "{desc}."},
    "chart.uncertainty.alt_tornado": {"nl": "Tornadodiagram: verandering van {label} als één "
                                            "aanname naar haar 5e of 95e percentiel gaat. "
                                            "Grootste invloed: {top}.",
                                      "en": "Tornado chart: change of {label} when one "
                                            "assumption moves to its 5th or 95th percentile. "
                                            "Largest effect: {top}."},
    "chart.uncertainty.alt_sobol": {"nl": "Staafdiagram van Sobol-indices per aanname voor "
                                          "{labels}. Grootste totale index: {top}.",
                                    "en": "Bar chart of Sobol indices per assumption for "
                                          "{labels}. Largest total index: {top}."},
}
