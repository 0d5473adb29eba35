"""The briefing's glossary: terms a council member meets, explained in plain words.

Taken from the framework (Kaders van de opdracht en financiën, 31 August 2022, §8) and the
model's columns. One word per concept: the text, the tables and the charts use these terms.
"""

from __future__ import annotations

GLOSSARY: dict[str, list[tuple[str, str]]] = {
    "nl": [
        ("Gesloten vierkant",
         "De afspraak dat de totale uitgaven aan jeugdhulp in de overgangsperiode 2023–2025 "
         "gelijk blijven: wat SAMEN. meer of minder kost, valt weg tegen minder of meer overige "
         "jeugdhulp. Boven het gesloten vierkant betekent dat de gemeente met SAMEN. meer "
         "uitgeeft dan zonder; onder het gesloten vierkant dat zij minder uitgeeft."),
        ("Weglek",
         "Nieuwe hulpvragen die binnen het pakket van SAMEN. vallen maar toch naar een "
         "open-house-aanbieder gaan, bijvoorbeeld omdat op inhoudelijke gronden voor "
         "specialistische hulp is gekozen."),
        ("Uitvoeringsbudget",
         "Het vaste budget (lumpsum) dat WIJ Groningen per jaar voor SAMEN. krijgt. Het deel "
         "voor ICT en huisvesting (samen 10,9%) gaat naar de budgetten van de gemeente."),
        ("Budgetregel",
         "Het budget voor een jaar wordt uiterlijk 1 oktober van het jaar ervoor bepaald op "
         "basis van de werkelijke kosten van twee jaar eerder en de verwachte ontwikkeling "
         "daarna. Op 1 maart van het jaar zelf wordt getoetst of de kosten van het vorige jaar "
         "kloppen met die verwachting; zo niet, dan wordt het budget aangepast."),
        ("Verrekening",
         "In de overgangsperiode betaalt WIJ terug wat van het budget over is en vult de "
         "gemeente een tekort aan. Of dat na 2025 zo blijft, is nog niet besloten; het "
         "hoofdscenario rekent met een vast budget zonder verrekening."),
        ("Open house",
         "De inkoop van jeugdhulp via de RIGG bij aanbieders die aan de voorwaarden voldoen, "
         "met een indicatie per jeugdige. Lopende indicaties blijven daar tot ze aflopen."),
        ("OVA",
         "Overheidsbijdrage in de Arbeidskostenontwikkeling: het percentage waarmee budgetten en "
         "tarieven jaarlijks voor loonstijging worden geïndexeerd."),
        ("Taakstelling",
         "Een vooraf opgelegde verlaging van het budget."),
        ("Incidenteel budget",
         "Eenmalig geld voor voorinvesteringen en transitiekosten in 2022–2024 (€ 4,0 mln); "
         "wat over is vloeit terug naar de gemeente."),
        ("Netto resultaat",
         "Wat de gemeente met SAMEN. minder uitgeeft dan zonder, na aftrek van het incidentele "
         "budget. Een positief resultaat heet in deze notitie besparing, een negatief "
         "resultaat extra kosten; in de grafieken staat een besparing rechts van of boven de "
         "nul."),
        ("Terugverdienjaar",
         "Het eerste jaar waarin het opgetelde netto resultaat sinds de start boven nul komt."),
        ("Hoofdscenario",
         "De berekening met één waarde per aanname: het plan van 2022, bijgesteld op de "
         "evaluatie van 2023 (bijlage 3)."),
        ("Doorgerekende situaties",
         "Het model rekent de toekomst vele keren door (het colofon noemt hoe vaak), telkens "
         "met andere waarden voor de aannames die onzeker zijn, binnen bereiken die passen bij "
         "de cijfers van 2023. De middelste uitkomst is die waarbij de helft van de situaties "
         "gunstiger en de helft ongunstiger uitvalt. '9 van de 10 situaties' is de band zonder "
         "de 5% gunstigste en de 5% ongunstigste. Dat is geen zekerheid: de bereiken zijn zelf "
         "aannames."),
    ],
    "en": [
        ("Closed square (gesloten vierkant)",
         "The agreement that total youth-care spend stays the same over the transition "
         "2023–2025: what SAMEN. costs more or less is offset by less or more other youth care. "
         "Above the closed square means the municipality spends more with SAMEN. than without; "
         "below it, that it spends less."),
        ("Leakage (weglek)",
         "New cases within SAMEN.'s scope that still go to an open-house provider, for example "
         "because specialist care was chosen on content grounds."),
        ("Execution budget (uitvoeringsbudget)",
         "The fixed (lump-sum) budget WIJ Groningen receives for SAMEN. each year. The part for "
         "ICT and housing (10.9% together) goes to the municipality's budgets."),
        ("Budget rule",
         "The budget for a year is set by 1 October of the year before from the actual cost "
         "of two years earlier and the expected development since. On 1 March of the year "
         "itself the cost of the previous year is checked against that expectation and the "
         "budget adjusted if it differs."),
        ("Settlement (verrekening)",
         "During the transition WIJ repays what is left of the budget and the municipality tops "
         "up a shortfall. Whether that continues after 2025 has not been decided; the main "
         "scenario assumes a fixed budget without settlement."),
        ("Open house",
         "Youth care purchased through the RIGG from any provider that meets the conditions, "
         "with an indication per young person. Running indications stay there until they end."),
        ("OVA",
         "Overheidsbijdrage in de Arbeidskostenontwikkeling: the percentage by which budgets and "
         "tariffs are indexed for wage growth each year."),
        ("Budget cut (taakstelling)", "A reduction of the budget imposed in advance."),
        ("Incidental budget",
         "One-off money for pre-investments and transition costs in 2022–2024 (€4.0M); what is "
         "left flows back to the municipality."),
        ("Net result",
         "What the municipality spends less with SAMEN. than without, after the incidental "
         "budget. A positive result is called a saving in this note, a negative one extra "
         "cost; in the charts a saving lies right of or above zero."),
        ("Payback year",
         "The first year in which the net result added up since the start exceeds zero."),
        ("Main scenario",
         "The calculation with one value per assumption: the 2022 plan, adjusted to the 2023 "
         "evaluation (annex 3)."),
        ("Computed situations",
         "The model computes the future many times (the colophon says how often), each time "
         "with other values for the uncertain assumptions, within ranges that fit the 2023 "
         "figures. The middle outcome is the one with half of the situations better and half "
         "worse. '9 in 10 situations' is the band without the 5% best and the 5% worst. That "
         "is no certainty: the ranges are assumptions themselves."),
    ],
}


def glossary(language: str = "nl") -> list[tuple[str, str]]:
    """The glossary entries (term, explanation) in the chosen language."""
    return list(GLOSSARY[language])
