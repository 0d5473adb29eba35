"""The council briefing's sentence templates in English, written out per language because long
prose reads best that way; :mod:`.nl` has the same keys (checked at import), and
:mod:`samen_model.present.messages.briefing` makes them catalogue messages
``briefing.text.<key>``. The conventions they follow are in
:mod:`samen_model.products.briefing.text`."""

from __future__ import annotations

TEXT: dict[str, str | tuple[str, ...]] = {
    # page 1
    "bottom_cost": "**If WIJ's budget after {end} is set as the model assumes ({regime}; no "
                   "decision), SAMEN. is expected to cost the municipality a net {median} more "
                   "in {lo}–{hi} than the old way of working (middle outcome of the computed "
                   "situations).**",
    "bottom_saving": "**If WIJ's budget after {end} is set as the model assumes ({regime}; no "
                     "decision), SAMEN. is expected to save the municipality a net {median} in "
                     "{lo}–{hi} compared with the old way of working (middle outcome of the "
                     "computed situations).**",
    "central_gap": "The main scenario, with one value per assumption, gives {main}. The "
                   "computed situations use assumptions tuned to the figures of {last_obs}; "
                   "with only the middle value of each of those assumptions they give "
                   "{calibrated}. {why}",
    "central_only": "The main scenario, with one value per assumption, gives {main}.",
    "gap_calibration": "The difference from the main scenario therefore comes mostly from that "
                       "tuning to the figures of {last_obs}, not from the spread.",
    "gap_spread": "The difference from the main scenario therefore comes mostly from the "
                  "spread of the uncertain assumptions, less from the tuning to the figures "
                  "of {last_obs}.",
    "median_range": "That is the middle outcome of {draws} computed situations with uncertain "
                    "assumptions; in 9 of 10 computed situations the net result lies {range}.",
    "choice_line": "The choice that matters most is how WIJ's budget is set after {end}. "
                   "{best_label}, the middle outcome is {median} (9 of 10 situations: "
                   "{range}). Section 5 sets the options side by side.",
    "fig_regimes": "Net result {lo}–{hi} per way of setting the budget after {end}: the middle "
                   "outcome (dot) and the band that holds 9 of 10 computed situations. Right "
                   "of zero: saving; left: extra cost.",
    "more_square": "Over the transition {start}–{end} youth-care spending is expected to stay "
                   "{square} (middle outcome of the computed situations; in the main scenario "
                   "{central}; section 4).",
    "more_cut": "A budget cut of {share} on WIJ's budget from {struct} is enough in the main "
                "scenario to break even in {lo}–{hi} (section 7).",
    "more_risk": "The largest risk computed, “{title}”, turns the main scenario's {main} in "
                 "{lo}–{hi} into {net} (section 6).",
    # 1 occasion
    "occasion_1": "On 28 September 2022 the council agreed to the implementation plan for "
                  "basic youth care at WIJ Groningen, SAMEN. ({evaluation}, §1). The financial "
                  "framework agrees a transition {start}–{end} in which no savings are booked "
                  "in advance; from {struct} the structural effects are put into the budget "
                  "({framework}, §8). How WIJ's budget is set after {end}, the framework does "
                  "not fix.",
    "occasion_2": "This note answers three questions: what happened up to {last_obs}, what "
                  "SAMEN. is expected to cost or save the municipality up to {last}, and which "
                  "choices and risks matter most for that result. It uses the SAMEN. model, "
                  "which follows the framework's agreements and sets spending with and without "
                  "SAMEN. side by side.",
    "occasion_time": "The note was made in {made}. The model uses figures up to and including "
                     "{last_obs}; everything after that, also for years that have passed by "
                     "now, is the model's expectation.",
    # 2 context
    "context_1": "Since 1 January {start} WIJ Groningen itself provides basic youth care, such "
                 "as individual and family guidance. Before, that care went to providers in "
                 "the RIGG's open house, paid per young person. WIJ receives a yearly "
                 "budget for it. Forms of care and referrers move over step by step; the "
                 "model assumes: {phases}.",
    "context_2": "The budget for a year follows the actual cost of comparable care two years "
                 "earlier, adjusted for the number of young people, wages and prices and a "
                 "check on 1 March (annex 1). During the transition WIJ settles the difference "
                 "between budget and actual cost with the municipality, and total youth-care "
                 "spending counts as a closed square: with SAMEN. it is no higher than "
                 "without. On the budget rule the framework says: “{t2_quote}” ({framework}, "
                 "§8).",
    "phase": "{what} from {year}",
    # 3 happened
    "happened_intro": "The figures below are in the documents; the table gives them as the "
                      "source words them, with the date and whether they were counted or "
                      "expected. No figures for {after} have been included yet.",
    "happened_caption": "Figures on SAMEN. from the documents, as the source words them.",
    "happened_head": ("What", "As the source says", "Kind", "Date", "Source"),
    "happened_count": "The model arrives at {modelled} young people for the whole of {year}; "
                      "the evaluation's {reported} were counted in November {year}, so "
                      "without the last weeks of the year.",
    "happened_overrun": "The shortfall of {reported} for {year} is an expectation of December "
                        "{year}, not a settled result.",
    # 4 expected
    "expected_1": "From {first} on, all figures are the model's expectations. It uses the "
                  "figures up to {last_obs} and the assumptions of annex 3, and varies the "
                  "uncertain assumptions over {draws} computed situations.",
    "expected_square": "Over the transition {start}–{end} youth-care spending is expected to "
                       "stay {square} (middle outcome; 9 of 10 situations: {range}). In {share} "
                       "computed situations it ends above the closed square.",
    "expected_net": "After the transition, in {lo}–{hi}, the net result is expected to be "
                    "{median} (middle outcome of the computed situations). In {share} computed "
                    "situations the net result is less favourable than in the main scenario. "
                    "{gap}",
    "expected_payback": "In the main scenario SAMEN. {payback}; in {share} computed "
                        "situations it pays for itself before the end of {last}.",
    "payback_no": "does not pay for itself before the end of {last}",
    "payback_yes": "is expected to pay for itself in {year}",
    "expected_fte": "For the end of {end} the main scenario comes to {fte} FTE for SAMEN. In "
                    "December {last_obs} WIJ had “{reported} FTE” employed according to the "
                    "evaluation.",
    "fig_outlook": "Net result added up since the start, per year: the middle outcome, the "
                   "band of 9 of 10 computed situations and the main scenario. Above zero: "
                   "saving; below zero: extra cost.",
    # 5 choice
    "choice_1": "On the budget rule the framework says that it “{t2_quote}”. After {end} a "
                "choice is therefore needed on how WIJ's budget is set. {decided}The model "
                "computes the options with the same assumptions; only the way of budgeting "
                "differs.",
    "choice_caption": "Net result {lo}–{hi} per way of budgeting after {end}.",
    "choice_head": ("Budget after {end}", "What it means", "With one value per assumption",
                    "Middle outcome", "9 of 10 situations"),
    "choice_kept": "If the budget rule continues, WIJ is expected to keep {kept} in {struct} in "
                   "the main scenario "
                   "(the budget minus the cost of SAMEN.); over {lo}–{hi} that is "
                   "{kept_total}. The framework assumes WIJ keeps no deficits or surpluses "
                   "(principle 3), but states this only “in ieder geval gedurende de "
                   "overgangperiode”.",
    "choice_main": "The other sections use “{main}”, the row in bold. That is a modelling "
                   "choice, not a decision.",
    "choice_decided": "The budget for {struct} had to be set by 1 October {deadline}; whether "
                      "it was, and by which rule, is not in the model's sources, which go up "
                      "to {last_obs}. The comparison below shows what each rule "
                      "means; set the decision taken beside it. ",
    # 6 risks
    "risks_1": "The memo to the council on how SAMEN. came about names as risks of the "
               "introduction “{risk_quote}” ({memo}, §5); the evaluation names leakage to "
               "specialist care and the move of referrers. Each risk is computed as a "
               "scenario: the main scenario with one assumption changed. Beside the "
               "municipality's net result stands WIJ's own result: a scenario that saves the "
               "municipality money because WIJ carries a deficit is not good news. The column "
               "'together' adds both. The column 'how often' says in how many computed "
               "situations the municipality's net result is as bad or worse; for a scenario "
               "that is better for the municipality: as good or better.",
    "risks_caption": "Risks and opportunities {lo}–{hi}: the municipality's net result, WIJ's "
                     "own result and the difference of the two together from the main scenario "
                     "(municipality {main}, WIJ {main_wij}); differences computed before "
                     "rounding.",
    "risks_head": ("Scenario", "What is different", "Municipality", "WIJ",
                   "Together, difference", "How often"),
    "better": "{amount} better", "worse": "{amount} worse",
    "often_worse": "{n} in 10 as bad or worse", "often_better": "{n} in 10 as good or better",
    "often_rare": "fewer than 1 in 10",
    "staff": "**Staff.** In {share} computed situations WIJ cannot take on all new requests "
             "itself in {year}, because staff does not grow fast enough; in the main scenario "
             "that does not happen. Who cannot be helped goes to an open-house provider in the "
             "model; a waiting list is the other option. The evaluation reports for "
             "{last_obs}: “er zijn geen wachtlijsten”.",
    "waterbed": "**Waterbed effect.** Young people who still need specialist care after "
                "SAMEN.'s help are set to zero in the main scenario, because there are no "
                "figures; if that share grows, SAMEN. costs more.",
    "waterbed_run": "**Waterbed effect.** Young people who still need specialist care after "
                    "SAMEN.'s help are set to zero in the main scenario, because there are no "
                    "figures. In the scenario “{title}” {share} of SAMEN.'s new clients from "
                    "{year} on later still need specialist care. That is expected to cost the "
                    "municipality {cost} extra in {lo}–{hi}; the net result then becomes {net} "
                    "instead of {main}.",
    "waterbed_follow": "How often step-up happens is therefore one of the first things to "
                       "follow.",
    "waterbed_often": "In the computed situations of section 4 that share lies between {low} "
                      "and {high}; in {often} it is {share} or more.",
    "wij_carries": "**Who carries the difference.** After {end} WIJ keeps its own result in the "
                   "main scenario; in {lo}–{hi} that is expected to be {main}. Where a scenario "
                   "turns out better for the municipality, WIJ often carries the difference: "
                   "{items} (annex 2).",
    "wij_item": "with “{title}” {wij}",
    "gi": "**Referrals from the certified institutions.** The evaluation says: “{gi_quote}” "
          "(from 1 January {gi_year}). If that move comes a year later, the net result "
          "changes as the table shows.",
    # 7 break-even
    "breakeven_found": "In the main scenario a budget cut of {share} on WIJ's budget from "
                       "{struct} is enough to break even in {lo}–{hi} (net result zero). For "
                       "comparison: {examples}. The framework asks that a budget cut rests on "
                       "experience in practice (principle 1); the figures for {after} can give "
                       "that experience.",
    "breakeven_none": "In the main scenario no budget cut on WIJ's budget reaches a net result "
                      "of zero in {lo}–{hi}.",
    "breakeven_none_needed": "In the main scenario the net result in {lo}–{hi} is already a "
                             "saving; no budget cut is needed for it.",
    "breakeven_regime": "{regime}, a budget cut of {share} on WIJ's budget from {struct} is "
                        "enough to break even in {lo}–{hi} (one value per assumption). The "
                        "figures for {after} can ground that cut, as the framework asks "
                        "(principle 1).",
    "example": "{title} gives {net}",
    # 9 next
    # 8 what to measure
    "measure_1": "The band of 9 in 10 computed situations for {lo}–{hi} ({range}) is wide, "
                 "because many assumptions are still estimates. For each uncertain assumption "
                 "the model works out how much of the spread in the net result disappears if "
                 "that assumption were known exactly, in the same {draws} computed situations as "
                 "on page 1.",
    "measure_top": "A better figure for {label} helps most: if it were known, the band is "
                   "expected to become about {narrow} narrower. Next come {others}. The table "
                   "says where each figure can come from.",
    "measure_alone": "No assumption decides the band on its own; only when more of these "
                     "figures are known does the band become clearly narrower. The figures for "
                     "{after} give a first picture (section 9).",
    "measure_staff": "Whether WIJ has enough staff for all new requests (in {share} computed "
                     "situations it has not, in one or more years of {lo}–{hi}) depends mostly "
                     "on {label} ({what}).",
    "measure_few": "With {draws} computed situations it cannot be said reliably which "
                   "assumption decides the band most; that needs at least {min}.",
    "measure_caption": "The assumptions that decide the band of the net result {lo}–{hi} most, "
                       "and where a better figure can come from.",
    "measure_head": ("Assumption", "Share of the spread", "Band narrower by",
                     "Where the figure can come from"),
    "next": (
        "The figures for {after} (young people, FTE, budget and settlement) replace the "
        "model's estimates; then it is tuned again and this note made again.",
        "{decision}",
        "The evaluation announces its own monitoring of referrals from the certified "
        "institutions and an impact study: “{impact_quote}” Their results belong beside these "
        "figures.",
        "Staff growth, leakage and step-up to specialist care are the first to follow "
        "(section 6); section 8 names the figures that would narrow the uncertainty most.",
    ),
    # 10 limits
    "limits": (
        "The model computes money and numbers, not the quality of care or what it brings "
        "children and families. The impact study the evaluation announces is about that.",
        "The evaluation reports for {last_obs} that there are no waiting lists and that "
        "“{contact_quote}” The model does not compute waiting times to the first contact.",
        "A preventive effect of SAMEN. and step-up to specialist care are set to zero, because "
        "there are no figures (annex 3); section 6 shows what step-up can cost.",
        "All amounts are in euros of the year itself (nominal), without interest or present "
        "value.",
    ),
    # annexes
    "budget_caption": "From the cost of comparable care to WIJ's budget and the settlement, "
                      "main scenario; amounts in millions of euros. {first} matches the "
                      "evaluation; from {next_year} on they are expectations.",
    "budget_step": "Step",
    "register_count": "The main scenario has {n} assumptions: {parts}. Where an assumption "
                      "rests on a document, the words of that document are given.",
    "register_caption": "Assumptions: {theme}.",
    "register_head": ("Assumption", "Value", "Basis", "Source"),
    "sources_intro": "The documents and public figures this note and the assumptions refer "
                     "to.",
    "colophon": "This note was made on {created} (UTC) by {author}. It uses the main scenario "
                "{main} and the scenarios {others}, and {draws} computed situations "
                "(seed {seed}). Key of this calculation: **{key}**. With the same input the "
                "model gives the same key and the same figures. Which versions of the model "
                "and the input were used is in the file manifest.json beside this note.",
    "colophon_observations": "The figures for {last_obs} come from: {file}.",
    "decision_open": "Before the budget for {struct} is set (by 1 October {deadline}) the "
                     "municipal executive fixes how WIJ's budget is set after {end} (section 5).",
    "decision_taken": "The budget for {struct} had to be set by 1 October {deadline}. "
                      "Which rule was followed is not in the model's sources; set the decision "
                      "beside the comparison of section 5 and compute the model again with that "
                      "rule where needed.",
    # words
    "saving": "saving", "cost": "extra cost",
    "above": "{amount} above the closed square", "below": "{amount} below the closed square",
    "even": "almost exactly on the closed square",
    "between": "between {a} and {b}", "between_mixed": "between {a} {wa} and {b} {wb}",
    "and": "and",
    "square_sides": ("below", "above"),  # a band of closed-square deviations: (below, above)
    "square_band": "{band} the closed square",
    # a share of situations as a council member says it (in_ten)
    "in_ten": "{n} in 10", "in_hundred": "{n} in 100",
    "in_ten_most": "more than 99 in 100", "in_ten_fewest": "fewer than 1 in 100",
}


#: The words of the briefing's charts (``briefing.chart.<key>``).
CHART: dict[str, str] = {
    "saving": "saving →",
    "cost": "← extra cost",
    "median": "middle outcome",
    "range": "9 in 10 computed situations",
    "main": "main scenario (one value per assumption)",
    "year": "Year",
    "transition": "transition period",
    "y_outlook": "← extra cost    € M    saving →",
    "observed": "← figures up to {year} · expected after →",
    "alt_regimes": "Net result {lo}–{hi} per way of budgeting after {end}: {desc}.",
    "alt_regime": "{label}: middle outcome {median}, in 9 of 10 situations between {p5} and {p95}",
    "alt_outlook": "Net result of SAMEN. added up per year, {a}–{b}. Middle outcome at the end "
                   "of {b}: {median}; in 9 of 10 situations between {p5} and {p95}. Main "
                   "scenario at the end of {b}: {main}.",
    "unit": "€M",
}

#: The key-figure annex (``briefing.key_figure.<key>``): a row label per key figure, the
#: direction words of a signed amount, the table's head and caption.
KEY_FIGURES: dict[str, str | tuple[str, ...]] = {
    "dev": ("above", "below"),
    "net": ("saving", "extra cost"),
    "no_payback": "not before the end of {last}",
    "kf": "Key figure",
    "main": "Main scenario",
    "caption": "Key figures per scenario, with one value per assumption; from {first} on they "
               "are expectations.",
    "deviation_transition_eur": "Closed square {start}–{end}",
    "net_savings_structural_eur": "Net result {lo}–{hi}",
    "net_savings_structural_real_eur": "Net result {lo}–{hi} in {price} prices",
    "net_savings_structural_discounted_eur": "Net result {lo}–{hi}, present value {start} "
                                             "({rate})",
    "cumulative_net_savings_end_eur": "Net result added up to the end of {last}",
    "wij_result_structural_eur": "WIJ's result {lo}–{hi} (kept by WIJ)",
}

#: The glossary, in order: (term, explanation) (``briefing.glossary.<n>``).
GLOSSARY: tuple[tuple[str, str], ...] = (
    ("Closed square (gesloten vierkant)",
     "The agreement that total youth-care spend stays the same over the transition 2023–2025: "
     "what SAMEN. costs more or less is offset by less or more other youth care. Above the "
     "closed square means the municipality spends more with SAMEN. than without; below it, that "
     "it spends less."),
    ("Leakage (weglek)",
     "New cases within SAMEN.'s scope that still go to an open-house provider, for example "
     "because specialist care was chosen on content grounds."),
    ("Execution budget (uitvoeringsbudget)",
     "The fixed (lump-sum) budget WIJ Groningen receives for SAMEN. each year. The part for ICT "
     "and housing (10.9% together) goes to the municipality's budgets."),
    ("Budget rule",
     "The budget for a year is set by 1 October of the year before from the actual cost of two "
     "years earlier and the expected development since. On 1 March of the year itself the cost "
     "of the previous year is checked against that expectation and the budget adjusted if it "
     "differs."),
    ("Settlement (verrekening)",
     "During the transition WIJ repays what is left of the budget and the municipality tops up a "
     "shortfall. Whether that continues after 2025 has not been decided; the main scenario "
     "assumes a fixed budget without settlement."),
    ("Open house",
     "Youth care purchased through the RIGG from any provider that meets the conditions, with an "
     "indication per young person. Running indications stay there until they end."),
    ("OVA",
     "Overheidsbijdrage in de Arbeidskostenontwikkeling: the percentage by which budgets and "
     "tariffs are indexed for wage growth each year."),
    ("Budget cut (taakstelling)",
     "A reduction of the budget imposed in advance."),
    ("Incidental budget",
     "One-off money for pre-investments and transition costs in 2022–2024 (€4.0M); what is left "
     "flows back to the municipality."),
    ("Net result",
     "What the municipality spends less with SAMEN. than without, after the incidental budget. A "
     "positive result is called a saving in this note, a negative one extra cost; in the charts "
     "a saving lies right of or above zero."),
    ("Payback year",
     "The first year in which the net result added up since the start exceeds zero."),
    ("Main scenario",
     "The calculation with one value per assumption: the 2022 plan, adjusted to the 2023 "
     "evaluation (annex 3)."),
    ("Computed situations",
     "The model computes the future many times (the colophon says how often), each time with "
     "other values for the uncertain assumptions, within ranges that fit the 2023 figures. The "
     "middle outcome is the one with half of the situations better and half worse. '9 in 10 "
     "situations' is the band without the 5% best and the 5% worst. That is no certainty: the "
     "ranges are assumptions themselves."),
)
