"""The briefing's glossary: terms a council member meets, explained in plain words.

Taken from the framework (Kaders van de opdracht en financiën, 31 August 2022, §8) and the
model's columns (docs/columns.md).
"""

from __future__ import annotations

GLOSSARY: dict[str, list[tuple[str, str]]] = {
    "nl": [
        ("Gesloten vierkant",
         "De afspraak dat de totale uitgaven aan jeugdhulp in de overgangsperiode 2023–2025 "
         "gelijk blijven: wat SAMEN. meer of minder kost, valt weg tegen minder of meer overige "
         "jeugdhulp. De afwijking is het verschil tussen de uitgaven met en zonder SAMEN.; "
         "boven het vierkant betekent dat de gemeente meer uitgeeft dan zonder SAMEN."),
        ("Weglek",
         "Nieuwe hulpvragen die binnen het pakket van SAMEN. vallen maar toch naar een "
         "open-house-aanbieder gaan, bijvoorbeeld omdat op inhoudelijke gronden voor "
         "specialistische hulp is gekozen."),
        ("Uitvoeringsbudget",
         "Het vaste budget (lumpsum) dat WIJ Groningen per jaar voor SAMEN. krijgt. Het deel "
         "voor ICT en huisvesting (samen 10,9%) gaat naar de budgetten van de gemeente."),
        ("Budgetregel (t-2 en toets 1 maart)",
         "Het budget voor jaar t wordt uiterlijk 1 oktober van het jaar ervoor bepaald op basis "
         "van de gerealiseerde kosten van twee jaar eerder (t-2) en de verwachte ontwikkeling. "
         "Op 1 maart van jaar t wordt getoetst of de kosten van het vorige jaar kloppen met die "
         "verwachting; zo niet, dan wordt het budget aangepast."),
        ("Verrekening",
         "In de overgangsperiode betaalt WIJ terug wat van het budget over is en vult de "
         "gemeente een tekort aan. Daarna krijgt WIJ in dit model een vast budget."),
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
        ("Netto besparing",
         "Wat de gemeente met SAMEN. minder uitgeeft dan zonder, na aftrek van het incidentele "
         "budget. Is de uitkomst negatief, dan heet dat hier extra kosten."),
        ("Terugverdienjaar",
         "Het eerste jaar waarin de opgetelde netto besparing sinds de start boven nul komt."),
        ("Rekenrun",
         "Het kenmerk van de berekening onder elke grafiek; het colofon zegt wat erin zit. "
         "Dezelfde invoer geeft hetzelfde kenmerk."),
    ],
    "en": [
        ("Closed square (gesloten vierkant)",
         "The agreement that total youth-care spend stays the same over the transition "
         "2023–2025: what SAMEN. costs more or less is offset by less or more other youth care. "
         "The deviation is spend with SAMEN. minus spend without it; above the square means "
         "the municipality spends more than without SAMEN."),
        ("Leakage (weglek)",
         "New cases within SAMEN.'s scope that still go to an open-house provider, for example "
         "because specialist care was chosen on content grounds."),
        ("Execution budget (uitvoeringsbudget)",
         "The fixed (lump-sum) budget WIJ Groningen receives for SAMEN. each year. The part for "
         "ICT and housing (10.9% together) goes to the municipality's budgets."),
        ("Budget rule (t-2 and 1 March recheck)",
         "The budget for year t is set by 1 October of the year before from the realised cost "
         "of two years earlier (t-2) and the expected development. On 1 March of year t the "
         "cost of the previous year is checked against that expectation and the budget adjusted "
         "if it differs."),
        ("Settlement (verrekening)",
         "During the transition WIJ repays what is left of the budget and the municipality tops "
         "up a shortfall. After it, WIJ gets a fixed budget in this model."),
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
        ("Net savings",
         "What the municipality spends less with SAMEN. than without, after the incidental "
         "budget. A negative result is called extra cost here."),
        ("Payback year",
         "The first year in which the net savings added up since the start exceed zero."),
        ("Run key",
         "The key of the calculation under each chart; the colophon says what is in it. The "
         "same inputs give the same key."),
    ],
}


def glossary(language: str = "nl") -> list[tuple[str, str]]:
    """The glossary entries (term, explanation) in the chosen language."""
    return list(GLOSSARY[language])
