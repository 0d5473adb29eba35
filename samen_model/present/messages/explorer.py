"""Words of the what-if explorer (``products/explorer``): the page, its save messages, the
key figures and band tables, the chart and the levers' own labels."""

MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {
    # the page: boxes, buttons, headings, status lines
    "explorer.ui.base": {"nl": "Basisscenario", "en": "Base scenario"},
    "explorer.ui.levers": {"nl": "Knoppen", "en": "Levers"},
    "explorer.ui.reset": {"nl": "Terug naar basis", "en": "Back to base"},
    "explorer.ui.name": {"nl": "Naam", "en": "Name"},
    "explorer.ui.note": {"nl": "Toelichting", "en": "Note"},
    "explorer.ui.save": {"nl": "Opslaan als scenario", "en": "Save as scenario"},
    "explorer.ui.note_hint": {"nl": "waarom deze waarden? (wordt de bron in het bestand)",
                              "en": "why these values? (becomes the source in the file)"},
    "explorer.ui.changes": {"nl": "Wat verandert (dit bestand wordt opgeslagen)",
                            "en": "What changes (this file is saved)"},
    "explorer.ui.no_changes": {
        "nl": "Nog niets veranderd: alle knoppen staan op het basisscenario.",
        "en": "Nothing changed yet: every lever is at the base scenario."},
    "explorer.ui.saved": {"nl": "Opgeslagen", "en": "Saved"},
    "explorer.ui.valid": {"nl": "samen validate: ok", "en": "samen validate: ok"},
    "explorer.ui.ran": {"nl": "berekend in", "en": "computed in"},
    "explorer.ui.saving": {"nl": "Bezig met opslaan …", "en": "Saving …"},
    # the page: why a save was refused
    "explorer.ui.empty_name": {
        "nl": "Geef het scenario een naam (letters, cijfers, _ of -), bijvoorbeeld "
              "analist_weglek.",
        "en": "Give the scenario a name (letters, digits, _ or -), e.g. analyst_leakage."},
    "explorer.ui.bad_name": {
        "nl": "‘{name}’ kan geen bestandsnaam worden: gebruik alleen letters, cijfers, _ of - "
              "(hoogstens 64 tekens, beginnend met een letter of cijfer), bijvoorbeeld "
              "analist_weglek.",
        "en": "‘{name}’ cannot be a file name: use only letters, digits, _ or - (at most 64 "
              "characters, starting with a letter or digit), e.g. analyst_leakage."},
    "explorer.ui.nothing": {
        "nl": "Niet opgeslagen: er is nog niets veranderd ten opzichte van het basisscenario. "
              "Verschuif eerst een knop.",
        "en": "Not saved: nothing differs from the base scenario yet. Move a lever first."},
    "explorer.ui.need_note": {
        "nl": "Niet opgeslagen: schrijf bij ‘Toelichting’ waarom deze waarden (die tekst wordt "
              "de bron van elke gewijzigde waarde).",
        "en": "Not saved: write under ‘Note’ why these values (the text becomes the source of "
              "every changed value)."},
    "explorer.ui.exists": {"nl": "Niet opgeslagen: {path} bestaat al. Kies een andere naam.",
                           "en": "Not saved: {path} exists already. Choose another name."},
    "explorer.ui.elsewhere": {
        "nl": "Niet opgeslagen: het basisscenario {base} ligt in een andere map dan {folder}, "
              "en samen validate leest het bestand daar alleen met --input-root. Sla op in de "
              "map van het basisscenario.",
        "en": "Not saved: the base scenario {base} lies in another folder than {folder}, and "
              "samen validate reads the file there only with --input-root. Save in the base "
              "scenario's folder."},
    "explorer.ui.invalid": {
        "nl": "Niet opgeslagen: de controle van samen validate keurt het bestand af "
              "({field}: {expected}).",
        "en": "Not saved: the check of samen validate refuses the file ({field}: {expected})."},
    # the key figures table (the third header also ends the what-if's title)
    "explorer.key_figures.header": {"nl": ("kerncijfer", "basis", "wat-als", "verschil"),
                                    "en": ("key figure", "base", "what-if", "difference")},
    "explorer.key_figures.years": {"nl": "{n} jaar", "en": "{n} yr"},
    # the uncertainty band table
    "explorer.band.title": {"nl": "Onzekerheid (90%-band)", "en": "Uncertainty (90% band)"},
    "explorer.band.year": {"nl": "jaar", "en": "year"},
    "explorer.band.low": {"nl": "afwijking vierkant, 5%", "en": "square deviation, 5%"},
    "explorer.band.high": {"nl": "afwijking vierkant, 95%", "en": "square deviation, 95%"},
    "explorer.band.short": {"nl": "kans op personeelstekort",
                            "en": "chance of too few staff"},
    "explorer.band.from": {"nl": "{draws} trekkingen van {name}, met de knoppen zoals ingesteld",
                           "en": "{draws} draws of {name}, with the levers as set"},
    # the chart's legend
    "explorer.chart.what_if": {"nl": "wat-als", "en": "what-if"},
    "explorer.chart.band": {"nl": "90%-band", "en": "90% band"},
    # a saved what-if's title and description
    "explorer.saved.title": {"nl": "Wat-als", "en": "What-if"},
    "explorer.saved.description": {
        "nl": "Wat-als op {title} ({name}), opgeslagen met de verkenner.",
        "en": "What-if on {title} ({name}), saved with the explorer."},
    # the levers' own labels (a lever without one shows the registry's label)
    "explorer.lever.leakage": {"nl": "Weglek {year}", "en": "Leakage {year}"},
    "explorer.lever.first_year_uptake": {"nl": "Benutting eerste jaar",
                                         "en": "First-year uptake"},
    "explorer.lever.inflow": {"nl": "Instroom per 1.000 jeugdigen",
                              "en": "Inflow per 1,000 young people"},
    "explorer.lever.population_growth": {"nl": "Groei jeugdbevolking per jaar",
                                         "en": "Youth population growth a year"},
    "explorer.lever.caseload": {"nl": "Cliënten per fte", "en": "Clients per FTE"},
    "explorer.lever.cost_per_fte": {"nl": "Kosten per fte (prijzen 2021)",
                                    "en": "Cost per FTE (2021 prices)"},
    "explorer.lever.budget_cut": {"nl": "Taakstelling SAMEN.-budget",
                                  "en": "Cut of the SAMEN. budget"},
    "explorer.lever.fewer_referrals": {"nl": "Minder specialistische verwijzingen",
                                       "en": "Fewer specialist referrals"},
    "explorer.lever.structural_start": {"nl": "Start structurele besparing",
                                        "en": "Structural savings from"},
    "explorer.lever.attrition": {"nl": "Vertrek van personeel per jaar",
                                 "en": "Staff leaving a year"},
    "explorer.lever.vacancy": {"nl": "Onvervulde formatie", "en": "Unfilled posts"},
    "explorer.lever.extra_money": {
        "nl": "Extra geld preventie en uitbreiding per jaar (prijzen 2021)",
        "en": "Extra money for prevention and expansion a year (2021 prices)"},
    "explorer.lever.extra_prevention_effect": {"nl": "Minder instroom per € 1 mln preventie",
                                               "en": "Less inflow per €1M of prevention"},
}
