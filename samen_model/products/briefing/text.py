"""The briefing's words: section titles and sentence templates (Dutch, English on request) and
the few helpers that turn a signed amount into words.

One sign convention: a saving for the municipality is positive ("besparing"), a negative net
result is "extra kosten"; the closed square is "boven" or "onder". One word per concept: "netto
resultaat", "middelste uitkomst" (the median of the computed situations), "9 van de 10
doorgerekende situaties" (5th to 95th percentile). Figures the model expects are written in the
future tense or with "naar verwachting"; only the documents' own figures are told as facts,
each with its date and whether it was counted or expected.
"""

from __future__ import annotations

from samen_model.present import formatting as fmt
from samen_model.products.briefing.text_en import TEXT_EN
from samen_model.products.briefing.text_nl import TEXT_NL

EVEN_EUR = 50_000.0  # a closed-square deviation below this (EUR) reads as "vrijwel precies"

TITLES: dict[str, dict[str, str]] = {
    "nl": {
        "title": "SAMEN.: wat de basisjeugdhulp bij WIJ de gemeente naar verwachting kost",
        "subtitle": "Informatie voor de gemeenteraad · cijfers tot en met {last_obs} · "
                    "verwachting van het rekenmodel tot en met {last}",
        "summary": "In het kort", "occasion": "1. Aanleiding en vraag",
        "context": "2. SAMEN. en de afspraken over geld",
        "happened": "3. Wat er is gebeurd (tot en met {last_obs})",
        "expected": "4. Wat het model verwacht ({first}–{last})",
        "choice": "5. De keuze na {end}", "risks": "6. Risico's en kansen",
        "breakeven": "7. Hoeveel besparing nodig is",
        "measure": "8. Welke cijfers de onzekerheid het meest verkleinen",
        "next": "9. Vervolg", "limits": "10. Wat het model niet zegt",
        "budget": "Bijlage 1. De budgetregel jaar voor jaar",
        "key_figures": "Bijlage 2. Kerncijfers per scenario",
        "assumptions": "Bijlage 3. Aannames", "glossary": "Bijlage 4. Begrippen",
        "sources": "Bijlage 5. Bronnen", "colophon": "Colofon",
    },
    "en": {
        "title": "SAMEN.: what basic youth care at WIJ is expected to cost the municipality",
        "subtitle": "Information for the municipal council · figures up to {last_obs} · "
                    "the model's expectation up to {last}",
        "summary": "In brief", "occasion": "1. Occasion and question",
        "context": "2. SAMEN. and the agreements on money",
        "happened": "3. What happened (up to {last_obs})",
        "expected": "4. What the model expects ({first}–{last})",
        "choice": "5. The choice after {end}", "risks": "6. Risks and opportunities",
        "breakeven": "7. How much saving is needed",
        "measure": "8. Which figures would narrow the uncertainty most",
        "next": "9. Next steps", "limits": "10. What the model does not tell",
        "budget": "Annex 1. The budget rule year by year",
        "key_figures": "Annex 2. Key figures per scenario",
        "assumptions": "Annex 3. Assumptions", "glossary": "Annex 4. Terms",
        "sources": "Annex 5. Sources", "colophon": "Colophon",
    },
}

TEXT: dict[str, dict[str, str]] = {"nl": TEXT_NL, "en": TEXT_EN}

#: Where a better figure for an uncertain assumption can come from (by parameter, else by
#: theme): the "wat meten" section names it beside the assumption.
MEASURE_WORDS: dict[str, dict[str, str]] = {
    "capacity.caseload_per_fte": {
        "nl": "het aantal cliënten per fte, uit de registratie van WIJ",
        "en": "the number of clients per FTE, from WIJ's records"},
    "capacity.realised_caseload_ratio": {
        "nl": "de werkelijke caseload per medewerker tegenover de geplande, uit de registratie "
              "van WIJ",
        "en": "the actual caseload per worker against the planned one, from WIJ's records"},
    "capacity.vacancy_rate": {"nl": "de openstaande vacatures bij WIJ voor SAMEN.",
                              "en": "WIJ's open vacancies for SAMEN."},
    "capacity.fte_at_start": {"nl": "het personeel in dienst per kwartaal",
                              "en": "the staff employed per quarter"},
    "capacity.max_fte_growth_per_year": {"nl": "het personeel in dienst per kwartaal",
                                         "en": "the staff employed per quarter"},
    "routing.samen_duration_factor": {
        "nl": "hoe lang trajecten bij SAMEN. duren tegenover de open house",
        "en": "how long SAMEN. trajectories last against open house"},
    "routing.leakage": {
        "nl": "de verwijzingen naar specialistische hulp die buiten SAMEN. om gaan",
        "en": "referrals to specialist care that bypass SAMEN."},
    "routing.step_up_share": {
        "nl": "de jeugdigen die na SAMEN. alsnog specialistische hulp krijgen",
        "en": "young people who still get specialist care after SAMEN."},
    "routing.step_up_cost_eur_per_case": {
        "nl": "de kosten van de specialistische hulp na SAMEN.",
        "en": "the cost of specialist care after SAMEN."},
    "routing.first_year_uptake": {"nl": "het aantal jeugdigen dat SAMEN. per jaar bereikt",
                                  "en": "the number of young people SAMEN. reaches a year"},
    "costs.cost_per_fte_eur": {"nl": "de werkelijke loonkosten, uit de jaarrekening van WIJ",
                               "en": "the actual wage cost, from WIJ's annual accounts"},
    "costs.overhead_share": {"nl": "de overheadkosten, uit de jaarrekening van WIJ",
                             "en": "the overhead cost, from WIJ's annual accounts"},
}
MEASURE_THEME_WORDS: dict[str, dict[str, str]] = {
    "demand": {"nl": "het aantal nieuwe hulpvragen per jaar",
               "en": "the number of new requests a year"},
    "products": {"nl": "de declaraties van de open-house-aanbieders bij de RIGG",
                 "en": "the open-house providers' claims at the RIGG"},
    "index": {"nl": "de indexering die de gemeente toepast",
              "en": "the indexation the municipality applies"},
    "population": {"nl": "de bevolkingsprognose", "en": "the population forecast"},
    "capacity": {"nl": "de registratie van WIJ", "en": "WIJ's records"},
    "costs": {"nl": "de jaarrekening van WIJ", "en": "WIJ's annual accounts"},
    "routing": {"nl": "de verwijzingen van WIJ en de RIGG",
                "en": "the referrals of WIJ and the RIGG"},
}


def measure_words(path: str, theme: str, language: str = "nl") -> str:
    """Where a better figure for the parameter ``path`` (of ``theme``) can come from."""
    words = MEASURE_WORDS.get(path) or MEASURE_THEME_WORDS.get(theme)
    return words[language] if words else "–"


#: What each observation is, and whether the document counted, received or expected it.
OBSERVATION_WORDS = {
    "helped_2023": {"nl": ("Jeugdigen geholpen in 2023", "geteld"),
                    "en": ("Young people helped in 2023", "counted")},
    "fte_2023": {"nl": ("Personeel SAMEN.", "geteld"), "en": ("SAMEN. staff", "counted")},
    "subsidy_2023": {"nl": ("Subsidie WIJ 2023", "ontvangen"),
                     "en": ("WIJ subsidy 2023", "received")},
    "overrun_2023": {"nl": ("Nadeel 2023 door meer specialistische hulp", "verwacht"),
                     "en": ("Shortfall 2023 from more specialist care", "expected")},
    "scope_cost_2021": {"nl": ("Jeugdhulp die naar SAMEN. gaat (2021)", "genoemd"),
                        "en": ("Youth care moving to SAMEN. (2021)", "stated")},
    "youth_care_2021": {"nl": ("Uitgaven jeugdhulp gemeente (2021)", "genoemd"),
                        "en": ("Municipal youth-care spending (2021)", "stated")},
}
#: The words of the source around the reported figure (the figure itself is ``{reported}``).
REPORTED_WORDS = {
    "helped_2023": {"nl": "{reported} jeugdigen (cijfers WIJ Groningen november 2023)",
                    "en": "{reported} young people (WIJ Groningen figures, November 2023)"},
    "fte_2023": {"nl": "{reported} fte in dienst", "en": "{reported} FTE employed"},
    "subsidy_2023": {"nl": "subsidie ontvangen van 4,2 miljoen euro",
                     "en": "a subsidy of 4.2 million euros received"},
    "overrun_2023": {"nl": "“We verwachten hierdoor in 2023 een incidenteel nadeel van 1 "
                           "miljoen euro.”",
                     "en": "an expected one-off shortfall of 1 million euros in 2023"},
    "scope_cost_2021": {"nl": "14 mln. gaat naar SAMEN.", "en": "14 million goes to SAMEN."},
    "youth_care_2021": {"nl": "Gemeente Groningen 60 mln.", "en": "Gemeente Groningen 60 mln."},
}


def join(items: list[str], language: str) -> str:
    """``a, b en c`` (nl) or ``a, b and c`` (en)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t(language)['and']} " + items[-1]


def t(language: str) -> dict:
    """The sentence templates of ``language`` (``nl`` or ``en``)."""
    return TEXT[fmt.check_language(language)]


def money(x: float, language: str = "nl") -> str:
    """An amount without its sign, in millions: two decimals below € 1 mln, else one."""
    x = abs(float(x))
    return fmt.eur_mln(x, 2 if x < 995_000 else 1, language)


#: WIJ's own result (budget minus cost, positive = WIJ keeps money): (x >= 0, x < 0).
WIJ_WORDS = {"nl": ("overschot", "tekort"), "en": ("surplus", "deficit")}


def wij_words(x: float, language: str = "nl") -> str:
    """WIJ's result in words: ``€ 2,5 mln overschot`` or ``€ 0,93 mln tekort``."""
    return f"{money(x, language)} {WIJ_WORDS[language][0 if x >= 0 else 1]}"


def net_words(x: float, language: str = "nl") -> str:
    """A net result in words: ``€ 4,0 mln extra kosten`` or ``€ 8,3 mln besparing``."""
    w = t(language)
    return f"{money(x, language)} {w['saving'] if x >= 0 else w['cost']}"


def _band(low: float, high: float, below: str, above: str, language: str) -> str:
    """A band of signed amounts with one direction word where both ends agree: ``tussen
    € 0,46 mln en € 13,0 mln {below}``, else each end with its own word."""
    w = t(language)
    if low >= 0:
        return w["between"].format(a=money(low, language), b=money(high, language)) + \
            f" {above}"
    if high < 0:
        return w["between"].format(a=money(high, language), b=money(low, language)) + \
            f" {below}"
    return w["between_mixed"].format(a=money(low, language), wa=below,
                                     b=money(high, language), wb=above)


def range_words(low: float, high: float, language: str = "nl") -> str:
    """A band of net results in words, one direction word where both ends agree:
    ``tussen € 0,46 mln en € 13,0 mln extra kosten``."""
    w = t(language)
    return _band(low, high, w["cost"], w["saving"], language)


def square_words(x: float, language: str = "nl") -> str:
    """A closed-square deviation (EUR, positive = more spending) in words."""
    w = t(language)
    if abs(x) < EVEN_EUR:
        return w["even"]
    return w["above" if x > 0 else "below"].format(amount=money(x, language))


def square_range_words(low: float, high: float, language: str = "nl") -> str:
    """A band of closed-square deviations in words (``tussen € 2,6 mln onder en € 2,9 mln
    boven het gesloten vierkant``)."""
    under, over = ("onder", "boven") if language == "nl" else ("below", "above")
    tail = " het gesloten vierkant" if language == "nl" else " the closed square"
    return _band(low, high, under, over, language) + tail


def in_ten(share: float, language: str = "nl") -> str:
    """A share of situations as a council member says it: ``7 van de 10``, ``minder dan 1 van
    de 100``."""
    n = round(10 * share)
    if language == "nl":
        if share > 0.99:
            return "meer dan 99 van de 100"
        if share < 0.01:
            return "minder dan 1 van de 100"
        return f"{n} van de 10" if n >= 1 else f"{round(100 * share)} van de 100"
    if share > 0.99:
        return "more than 99 in 100"
    if share < 0.01:
        return "fewer than 1 in 100"
    return f"{n} in 10" if n >= 1 else f"{round(100 * share)} in 100"
