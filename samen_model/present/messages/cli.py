"""Words the ``samen`` command prints."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # labels of Monte Carlo numbers
    "cli.label.square_exceeded": {"nl": "Gesloten vierkant overschreden 2023-2025",
                                  "en": "Square exceeded 2023-2025 (overrun)"},
    "cli.label.no_payback_within_horizon": {"nl": "Niet terugverdiend binnen de horizon",
                                            "en": "No payback within the horizon"},
    "cli.label.share_below_zero": {"nl": "aandeel onder nul", "en": "share below zero"},
    "cli.label.share": {"nl": "aandeel trekkingen", "en": "share of draws"},
    "cli.label.cumulative_share": {"nl": "terugverdiend tot dan", "en": "paid back by then"},
    "cli.label.year": {"nl": "jaar", "en": "year"},
    "cli.label.mean": {"nl": "gemiddelde", "en": "mean"},
    "cli.label.output": {"nl": "uitkomst", "en": "output"},
    "cli.label.not within horizon": {"nl": "niet binnen de horizon",
                                     "en": "not within the horizon"},
    # samen tornado and sobol: column headers
    "cli.label.value_low": {"nl": "waarde laag", "en": "value low"},
    "cli.label.value_central": {"nl": "waarde centraal", "en": "value central"},
    "cli.label.value_high": {"nl": "waarde hoog", "en": "value high"},
    "cli.label.output_low": {"nl": "uitkomst laag", "en": "output low"},
    "cli.label.output_central": {"nl": "uitkomst centraal", "en": "output central"},
    "cli.label.output_high": {"nl": "uitkomst hoog", "en": "output high"},
    "cli.label.delta_low": {"nl": "verschil laag", "en": "change low"},
    "cli.label.delta_high": {"nl": "verschil hoog", "en": "change high"},
    "cli.label.swing": {"nl": "uitslag", "en": "swing"},
    "cli.label.S1_conf": {"nl": "S1 marge (95%)", "en": "S1 margin (95%)"},
    "cli.label.ST_conf": {"nl": "ST marge (95%)", "en": "ST margin (95%)"},
    "cli.tornado.head": {"nl": "{name} (#{hash}): {output}, balken over het centrale "
                               "{coverage}-interval",
                         "en": "{name} (#{hash}): {output}, bars at the central {coverage} "
                               "interval"},
    "cli.sobol.head": {"nl": "{name} (#{hash}): Sobol-indices, N={n} ({runs} modelruns), "
                             "95%-bootstrapintervallen",
                       "en": "{name} (#{hash}): Sobol indices, N={n} ({runs} runs), 95% "
                             "bootstrap intervals"},
    # samen run / uncertainty / measure-next: what is printed
    "cli.label.cumulative_below_zero": {"nl": "Cumulatieve netto besparing onder nul in {year}",
                                        "en": "Cumulative net savings below zero in {year}"},
    "cli.key_figures.value": {"nl": "waarde", "en": "value"},
    "cli.key_figures.median": {"nl": "mediaan", "en": "median"},
    "cli.key_figures.payback": {"nl": "{label} (mediaan van de {share} trekkingen die "
                                      "terugverdienen)",
                                "en": "{label} (median of the {share} of draws that pay back)"},
    "cli.uncertainty.chances": {"nl": "Kansen (aandeel trekkingen)",
                                "en": "Chances (share of draws)"},
    "cli.uncertainty.share": {"nl": "aandeel trekkingen", "en": "share of draws"},
    "cli.uncertainty.outputs": {"nl": "Uitkomsten over de trekkingen (percentielen)",
                                "en": "Outputs over the draws (percentiles)"},
    "cli.uncertainty.payback": {"nl": "Terugverdienjaar", "en": "Payback year"},
    "cli.uncertainty.shortfall": {"nl": "Kans op te weinig personeel: aandeel trekkingen waarin "
                                        "SAMEN. niet alle nieuwe vraag kon opnemen omdat "
                                        "personeel tekortschoot",
                                  "en": "Chance of too few staff: share of draws in which "
                                        "SAMEN. could not take on all new demand because staff "
                                        "fell short"},
    "cli.uncertainty.shortfall_row": {"nl": "Kans op te weinig personeel",
                                      "en": "Chance of too few staff"},
    # the first line of run, uncertainty and measure-next
    "cli.head.draws": {"nl": "{name} (#{hash}): {draws} trekking(en), seed {seed}",
                       "en": "{name} (#{hash}): {draws} draw(s), seed {seed}"},
    "cli.head.central": {"nl": "centrale waarden", "en": "central values"},
    "cli.head.sampled": {"nl": "getrokken waarden", "en": "sampled"},
    "cli.measure.method": {
        "nl": "niet-parametrische regressie van de Monte-Carlosteekproef op elke invoer "
              "(kubische regressiespline in de rangorde van de invoer, 6 inwendige knopen; "
              "Strong, Oakley en Brennan 2014): de verwachte waarde van gedeeltelijk volmaakte "
              "informatie (EVPPI) voor de keuze tussen doorgaan met SAMEN. en terug naar open "
              "house, en het deel van de variantie dat elke invoer verklaart (eerste-orde "
              "Sobol-index)",
        "en": "nonparametric regression of the Monte Carlo sample on each input (cubic "
              "regression spline in the input's rank, 6 interior knots; Strong, Oakley and "
              "Brennan 2014): EVPPI of 'continue SAMEN.' against 'return to open house', and "
              "the share of the variance explained (first-order Sobol index)"},
    # samen explain
    "cli.explain.head": {
        "nl": "{output}: {a} {value_a} -> {b} {value_b} (verschil {total}); exacte "
              "Shapley-waarden over {groups} groep(en), {calls} modelaanroep(en)",
        "en": "{output}: {a} {value_a} -> {b} {value_b} (difference {total}); exact Shapley "
              "values over {groups} group(s), {calls} engine call(s)"},
    "cli.explain.columns": {
        "nl": ("groep", "bijdrage", "aandeel van het verschil", "parameters"),
        "en": ("group", "contribution", "share of the difference", "parameters")},
    "cli.explain.group.volume": {"nl": "volume (aantal jeugdigen)", "en": "volume (young people)"},
    "cli.explain.group.inflow": {"nl": "instroom", "en": "inflow"},
    "cli.explain.group.leakage": {"nl": "weglek", "en": "leakage"},
    "cli.explain.group.prices_and_index": {"nl": "prijzen en indexering",
                                           "en": "prices and index"},
    "cli.explain.group.capacity": {"nl": "capaciteit", "en": "capacity"},
    "cli.explain.group.phase_in": {"nl": "invoering", "en": "phase-in"},
    "cli.explain.group.savings_policy": {"nl": "besparingsbeleid", "en": "savings policy"},
    "cli.explain.group.other": {"nl": "overig", "en": "other"},
    "cli.measure.net": {"nl": "Netto besparing {first}-{last} (nominaal): 90% tussen {p5} en "
                              "{p95}, kans op besparing {chance}%; waarde van volledige "
                              "zekerheid {evpi}.",
                        "en": "Net savings {first}-{last} (nominal): 90% between {p5} and "
                              "{p95}, chance of savings {chance}%; value of perfect information "
                              "{evpi}."},
    "cli.measure.no_sign_change": {"nl": "In geen enkele trekking wisselt de uitkomst van "
                                         "teken, dus geen gegeven kan de keuze tussen doorgaan "
                                         "en terug naar open house veranderen (waarde van "
                                         "zekerheid nul); wel maken gegevens de bandbreedte "
                                         "smaller.",
                                   "en": "The sign never changes between draws, so no data can "
                                         "change the choice between continuing and returning to "
                                         "open house (value of information zero); data still "
                                         "narrow the range."},
    "cli.measure.narrow_most": {"nl": "Deze gegevens maken de bandbreedte het smalst:",
                                "en": "These data narrow the range most:"},
    "cli.measure.shortfall": {"nl": "Kans op te weinig personeel in {first}-{last}: {p}%; dit "
                                    "bepaalt het meest of dat gebeurt:",
                              "en": "Chance of too few staff in {first}-{last}: {p}%; this "
                                    "decides most whether it happens:"},
    # extra money (samen validate and run): its nominal amounts, a warning for a tiny amount
    "cli.extra_money.nominal": {
        "nl": "extra geld: {amount} per jaar in prijzen {base} wordt nominaal {first} in "
              "{first_year} tot {last} in {last_year} (geïndexeerd als de kosten per fte)",
        "en": "extra money: {amount} a year in {base} prices is {first} in {first_year} to "
              "{last} in {last_year} nominal (indexed like the cost per FTE)"},
    "cli.extra_money.series": {"nl": "een bedrag per jaar", "en": "an amount set per year"},
    "cli.extra_money.tiny": {
        "nl": "waarschuwing: {file}: parameters.extra_money.amount_eur: {amount} per jaar; het "
              "bedrag is in euro's, niet in miljoenen (€ 1 mln is 1000000)",
        "en": "warning: {file}: parameters.extra_money.amount_eur: {amount} a year; the amount "
              "is in euros, not millions (€1M is 1000000)"},
}
