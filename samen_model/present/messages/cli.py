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
    "cli.uncertainty.shortfall": {"nl": "P(wachtlijst): aandeel trekkingen waarin SAMEN. niet "
                                        "alle nieuwe vraag kon opnemen omdat personeel "
                                        "tekortschoot",
                                  "en": "P(waiting list): share of draws in which SAMEN. could "
                                        "not take on all new demand because staff fell short"},
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
}
