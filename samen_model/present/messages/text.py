"""Sentences of ``present/text``: plain-words summaries, the square's dynamics, calibration."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # plain-words summaries of a run (present/text/narrative.py)
    "text.narrative.intro": {"nl": "Deze notitie beschrijft de financiële gevolgen van SAMEN. "
                                   "(basisjeugdhulp bij WIJ Groningen met een vast budget vanaf "
                                   "2023) volgens een rekenmodel. Hoofdscenario: **{title}**. "
                                   "Alle bedragen zijn nominale euro's.",
                             "en": "This note describes the financial effect of SAMEN. (basic "
                                   "youth care at WIJ Groningen on a lump-sum budget from 2023) "
                                   "according to a simulation model. Main scenario: "
                                   "**{title}**. All amounts are nominal euros."},
    "text.narrative.helped": {"nl": "In {first_year} helpt SAMEN. naar schatting **{helped} "
                                    "jeugdigen**; eind {end_year} werken er **{fte} fte**. WIJ "
                                    "ontvangt in {first_year} een uitvoeringsbudget van "
                                    "**{budget}**.",
                              "en": "In {first_year} SAMEN. helps an estimated **{helped} young "
                                    "people**; at the end of {end_year} it employs **{fte} "
                                    "FTE**. WIJ receives an execution budget of **{budget}** in "
                                    "{first_year}."},
    "text.narrative.over": {"nl": "Over de transitie {start}–{end} wordt het gesloten vierkant "
                                  "**overschreden met {amount}**.",
                            "en": "Over the transition {start}–{end} the closed square is "
                                  "**overspent by {amount}**."},
    "text.narrative.under": {"nl": "Over de transitie {start}–{end} blijft de gemeente "
                                   "**{amount} binnen** het gesloten vierkant.",
                             "en": "Over the transition {start}–{end} the municipality stays "
                                   "**{amount} within** the closed square."},
    "text.narrative.even": {"nl": "Over de transitie {start}–{end} sluit het gesloten vierkant "
                                  "vrijwel precies (minder dan € 0,05 mln verschil).",
                            "en": "Over the transition {start}–{end} the closed square is "
                                  "almost exactly met (less than €0.05M apart)."},
    "text.narrative.saves": {"nl": "In {lo}–{hi} levert SAMEN. een **netto besparing van "
                                   "{amount}** op.",
                             "en": "In {lo}–{hi} SAMEN. yields **net savings of {amount}**."},
    "text.narrative.costs": {"nl": "In {lo}–{hi} kost SAMEN. **netto {amount} meer** dan de "
                                   "situatie zonder SAMEN.",
                             "en": "In {lo}–{hi} SAMEN. costs **{amount} more, net,** than the "
                                   "situation without SAMEN."},
    "text.narrative.payback": {"nl": "SAMEN. verdient zich terug in **{year}**.",
                               "en": "SAMEN. pays for itself in **{year}**."},
    "text.narrative.no_payback": {"nl": "Binnen de horizon (tot en met {last}) verdient SAMEN. "
                                        "zich **niet terug**.",
                                  "en": "Within the horizon (up to {last}) SAMEN. does **not "
                                        "pay for itself**."},
    "text.narrative.compare_head": {"nl": "Andere scenario's, vergeleken met het hoofdscenario:",
                                    "en": "Other scenarios, compared with the main scenario:"},
    "text.narrative.compare_row": {"nl": "- **{title}**: in {start}–{end} {dev} ({dev_diff}); "
                                         "in {lo}–{hi} {net} ({net_diff}).",
                                   "en": "- **{title}**: in {start}–{end} {dev} ({dev_diff}); "
                                         "in {lo}–{hi} {net} ({net_diff})."},
    "text.narrative.dev_words": {"nl": (
                                           "{amount} boven het gesloten vierkant",
                                           "{amount} binnen het gesloten vierkant",
                                       ),
                                 "en": (
                                           "{amount} above the closed square",
                                           "{amount} within the closed square",
                                       )},
    "text.narrative.net_words": {"nl": (
                                           "netto {amount} besparing",
                                           "netto {amount} extra kosten",
                                       ),
                                 "en": ("net savings of {amount}", "net extra cost of {amount}")},
    "text.narrative.better": {"nl": (
                                        "{amount} gunstiger",
                                        "{amount} ongunstiger",
                                        "gelijk",
                                        " dan het hoofdscenario",
                                        " aan het hoofdscenario",
                                    ),
                              "en": (
                                        "{amount} better",
                                        "{amount} worse",
                                        "the same",
                                        " than the main scenario",
                                        " as the main scenario",
                                    )},
    "text.narrative.range": {"nl": "De netto uitkomst {lo}–{hi} loopt uiteen van {low} bij "
                                   "{low_name} tot {high} bij {high_name}.",
                             "en": "The net result {lo}–{hi} ranges from {low} in {low_name} to "
                                   "{high} in {high_name}."},
    "text.narrative.caveat": {"nl": "Dit zijn modeluitkomsten met aannames die deels geschat "
                                    "zijn; het aannameregister achterin noemt per aanname de "
                                    "waarde en de bron.",
                              "en": "These are model results with partly estimated assumptions; "
                                    "the assumptions register at the end gives each "
                                    "assumption's value and source."},
    "text.narrative.count": {"nl": "Het model telt daarvoor iedereen die in {year} hulp van "
                                   "SAMEN. kreeg: wie op 1 januari al in zorg was plus alle "
                                   "nieuwe cliënten van het jaar. De evaluatie van {date} noemt "
                                   "**{reported} jeugdigen**: een telling van WIJ Groningen in "
                                   "november {year}, dus zonder de laatste weken van het jaar. "
                                   "Het verschil is {diff} jeugdigen ({share}).",
                             "en": "The model counts everyone who received help from SAMEN. in "
                                   "{year}: those in care on 1 January plus all new clients of "
                                   "the year. The evaluation of {date} reports **{reported} "
                                   "young people**: a WIJ Groningen count in November {year}, "
                                   "so without the last weeks of the year. The difference is "
                                   "{diff} young people ({share})."},
    "text.narrative.mc_saves": {"nl": "De netto besparing {lo}–{hi} ligt **met 90% zekerheid "
                                      "tussen {a} en {b}**",
                                "en": "Net savings {lo}–{hi} lie **with 90% certainty between "
                                      "{a} and {b}**"},
    "text.narrative.mc_costs": {"nl": "De netto extra kosten van SAMEN. in {lo}–{hi} liggen "
                                      "**met 90% zekerheid tussen {a} en {b}**",
                                "en": "The net extra cost of SAMEN. in {lo}–{hi} lies **with "
                                      "90% certainty between {a} and {b}**"},
    "text.narrative.mc_net_mixed": {"nl": "De netto uitkomst {lo}–{hi} ligt **met 90% zekerheid "
                                          "tussen {a} extra kosten en {b} besparing**",
                                    "en": "The net result {lo}–{hi} lies **with 90% certainty "
                                          "between {a} extra cost and {b} savings**"},
    "text.narrative.mc_over": {"nl": "Het gesloten vierkant {lo}–{hi} wordt **met 90% zekerheid "
                                     "tussen {a} en {b} overschreden**",
                               "en": "The closed square {lo}–{hi} is **overspent, with 90% "
                                     "certainty, by between {a} and {b}**"},
    "text.narrative.mc_under": {"nl": "Over {lo}–{hi} blijft de gemeente **met 90% zekerheid "
                                      "tussen {a} en {b} binnen** het gesloten vierkant",
                                "en": "Over {lo}–{hi} the municipality stays, **with 90% "
                                      "certainty, between {a} and {b} within** the closed square"},
    "text.narrative.mc_dev_mixed": {"nl": "De afwijking van het gesloten vierkant {lo}–{hi} "
                                          "ligt **met 90% zekerheid tussen {a} onderschrijding "
                                          "en {b} overschrijding**",
                                    "en": "The closed-square deviation {lo}–{hi} lies **with "
                                          "90% certainty between {a} underspend and {b} "
                                          "overspend**"},
    "text.narrative.mc_how": {"nl": " (5e tot 95e percentiel van {draws} trekkingen met "
                                    "onzekere aannames{of}).",
                              "en": " (5th to 95th percentile of {draws} draws with uncertain "
                                    "assumptions{of})."},
    "text.narrative.mc_of": {"nl": ", scenario {title}", "en": ", scenario {title}"},
    # what moves the closed square (present/text/dynamics.py)
    "text.dynamics.dev_over": {"nl": "{amount} boven het gesloten vierkant",
                               "en": "{amount} above the closed square"},
    "text.dynamics.dev_under": {"nl": "{amount} binnen het gesloten vierkant",
                                "en": "{amount} within the closed square"},
    "text.dynamics.dev_even": {"nl": "vrijwel precies op het gesloten vierkant",
                               "en": "almost exactly on the closed square"},
    "text.dynamics.jump": {"nl": "De afwijking van het gesloten vierkant verschilt per jaar. De "
                                 "grootste verandering zit tussen {p} en {y}: van {dev_p} naar "
                                 "{dev_y}.",
                           "en": "The closed-square deviation differs from year to year. The "
                                 "largest change is between {p} and {y}: from {dev_p} to "
                                 "{dev_y}."},
    "text.dynamics.settled": {"nl": "**Verrekening in {p}.** Het budget wordt nog met de "
                                    "werkelijke kosten verrekend: de gemeente betaalt wat "
                                    "SAMEN. kost ({cost}, plus {ict} voor ICT en huisvesting) "
                                    "en {settle}. Daartegenover valt {avoided} aan "
                                    "open-house-zorg weg.",
                              "en": "**Settlement in {p}.** The budget is still settled against "
                                    "the actual cost: the municipality pays what SAMEN. costs "
                                    "({cost}, plus {ict} for ICT and housing) and {settle}. "
                                    "Against that, {avoided} of open-house care falls away."},
    "text.dynamics.settle_back": {"nl": "wat WIJ van het budget overhoudt vloeit terug "
                                        "({amount})",
                                  "en": "what WIJ has left of the budget flows back ({amount})"},
    "text.dynamics.settle_top_up": {"nl": "vult het tekort van WIJ aan ({amount})",
                                    "en": "tops up WIJ's shortfall ({amount})"},
    "text.dynamics.ends": {"nl": "**Geen verrekening meer vanaf {y}.** De gemeente betaalt het "
                                 "hele budget van {budget} (waarvan {ict} voor ICT en "
                                 "huisvesting). WIJ krijgt {execution}, {kept} dan SAMEN. "
                                 "werkelijk kost, en {keeps} dat verschil.",
                           "en": "**No settlement from {y}.** The municipality pays the whole "
                                 "budget of {budget} (of which {ict} for ICT and housing). WIJ "
                                 "receives {execution}, {kept} than SAMEN. actually costs, and "
                                 "{keeps} the difference."},
    "text.dynamics.more": {"nl": "{amount} meer", "en": "{amount} more"},
    "text.dynamics.less": {"nl": "{amount} minder", "en": "{amount} less"},
    "text.dynamics.keeps": {"nl": "houdt", "en": "keeps"},
    "text.dynamics.bears": {"nl": "draagt", "en": "bears"},
    "text.dynamics.fixed": {"nl": "**Vast budget in {y}.** De gemeente betaalt het hele budget "
                                  "van {budget} (waarvan {ict} voor ICT en huisvesting). WIJ "
                                  "krijgt {execution}, {kept} dan SAMEN. werkelijk kost, en "
                                  "{keeps} dat verschil.",
                            "en": "**Fixed budget in {y}.** The municipality pays the whole "
                                  "budget of {budget} (of which {ict} for ICT and housing). WIJ "
                                  "receives {execution}, {kept} than SAMEN. actually costs, and "
                                  "{keeps} the difference."},
    "text.dynamics.both_settled": {"nl": "**Verrekening in {y}.** SAMEN. kost de gemeente dan "
                                         "{cost} (inclusief ICT en huisvesting), en {avoided} "
                                         "aan open-house-zorg valt weg.",
                                   "en": "**Settlement in {y}.** SAMEN. costs the municipality "
                                         "{cost} (including ICT and housing), and {avoided} of "
                                         "open-house care falls away."},
    "text.dynamics.basis": {"nl": "**Budget op basis van {y2}.** Het budget voor {y} is op 1 "
                                  "oktober {y1} geraamd op basis van de kosten van {y2} ({cc} "
                                  "aan vergelijkbare zorg in open house), met volume, "
                                  "indexering en het geplande aandeel van SAMEN. "
                                  "({provisional}).",
                            "en": "**Budget based on {y2}.** The budget for {y} was set on 1 "
                                  "October {y1} from the cost of {y2} ({cc} of comparable "
                                  "open-house care), with volume, index and SAMEN.'s planned "
                                  "share ({provisional})."},
    "text.dynamics.recheck_up": {"nl": " Bij de toets van 1 maart {y} is het met {amount} "
                                       "verhoogd, omdat de kosten van {y1} hoger uitvielen dan "
                                       "geraamd.",
                                 "en": " The 1 March {y} recheck raised it by {amount}, because "
                                       "the cost of {y1} turned out higher than estimated."},
    "text.dynamics.recheck_down": {"nl": " Bij de toets van 1 maart {y} is het met {amount} "
                                         "verlaagd, omdat de kosten van {y1} lager uitvielen "
                                         "dan geraamd.",
                                   "en": " The 1 March {y} recheck lowered it by {amount}, "
                                         "because the cost of {y1} turned out lower than "
                                         "estimated."},
    "text.dynamics.remaining": {"nl": "**Open house in {y}.** De gemeente betaalt nog {amount} "
                                      "aan open-house-aanbieders (lopende indicaties en "
                                      "weglek), tegen {without} zonder SAMEN.",
                                "en": "**Open house in {y}.** The municipality still pays "
                                      "{amount} to open-house providers (running indications "
                                      "and leakage), against {without} without SAMEN."},
    "text.dynamics.after": {"nl": " In {y} is de afwijking {dev}.",
                            "en": " In {y} the deviation is {dev}."},
    "text.dynamics.label_ends": {"nl": "{y}: verrekening stopt,\nhele budget betaald",
                                 "en": "{y}: settlement ends,\nwhole budget paid"},
    "text.dynamics.label_recheck": {"nl": "{y}: toets 1 maart\n{amount}",
                                    "en": "{y}: 1 March recheck\n{amount}"},
    "text.dynamics.label_basis": {"nl": "{y}: budget volgt\nkosten van {y2}",
                                  "en": "{y}: budget follows\ncost of {y2}"},
    "text.dynamics.transition": {"nl": "overgang: verrekening", "en": "transition: settled"},
    "text.dynamics.parts_head": {"nl": (
                                           "Kosten SAMEN. voor de gemeente",
                                           "waarvan werkelijke kosten SAMEN.",
                                           "waarvan ICT en huisvesting",
                                           "waarvan door WIJ behouden",
                                           "Vermeden kosten open house",
                                           "Verschil overige jeugdhulp",
                                           "Afwijking gesloten vierkant",
                                       ),
                                 "en": (
                                           "Cost of SAMEN. to the municipality",
                                           "of which actual SAMEN. cost",
                                           "of which ICT and housing",
                                           "of which kept by WIJ",
                                           "Open-house cost avoided",
                                           "Difference in other youth care",
                                           "Closed-square deviation",
                                       )},
    "text.dynamics.year": {"nl": "", "en": ""},
    "text.dynamics.side": {"nl": ("boven", "binnen"), "en": ("above", "within")},
    # calibration in words (present/text/calibration.py)
    "text.calibration.conditioned": {"nl": "Deze bandbreedtes zijn bijgesteld op de werkelijke "
                                           "cijfers tot en met {year}: {figures}. Uitkomsten "
                                           "die met die cijfers in strijd zijn, tellen niet "
                                           "meer mee.",
                                     "en": "These ranges are conditioned on the actual figures "
                                           "up to {year}: {figures}. Outcomes that contradict "
                                           "those figures no longer count."},
    "text.calibration.and": {"nl": " en ", "en": " and "},
    "text.calibration.verdict_ok": {"nl": "De kalibratie is betrouwbaar: {ess} effectieve "
                                          "trekkingen van de {n} (Pareto k-hat {k}, grens {t}).",
                                    "en": "The calibration is reliable: {ess} effective draws "
                                          "of {n} (Pareto k-hat {k}, limit {t})."},
    "text.calibration.verdict_bad": {"nl": "Let op: de kalibratie is niet betrouwbaar ({why}).",
                                     "en": "Note: the calibration is not reliable ({why})."},
    "text.calibration.phrase.samen_clients_served": {
        "nl": "{r} jeugdigen geholpen in {y}",
        "en": "{r} young people helped in {y}"},
    "text.calibration.phrase.fte_samen": {"nl": "{r} fte eind {y}",
                                          "en": "{r} FTE at the end of {y}"},
    "text.calibration.phrase.execution_budget_eur": {
        "nl": "een subsidie van {r} in {y}",
        "en": "a subsidy of {r} in {y}"},
    "text.calibration.phrase.square_deviation_eur": {
        "nl": "een overschrijding van {r} in {y}",
        "en": "an overrun of {r} in {y}"},
    "text.calibration.phrase.comparable_cost_eur": {
        "nl": "{r} jeugdhulp in de SAMEN.-producten in {y}",
        "en": "{r} of youth care in the SAMEN. products in {y}"},
    "text.calibration.phrase.total_youth_care_eur": {
        "nl": "{r} jeugdhulp in totaal in {y}",
        "en": "{r} of youth care in total in {y}"},
}
