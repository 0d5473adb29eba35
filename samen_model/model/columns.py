"""The column dictionary: meaning, unit and engine step of every output column.

One list shared by the code (the order and names of ``Result.yearly``), the docs
(``docs/columns.md`` is generated from it) and the Dutch and English labels of tables and charts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    unit: str
    step: str  # the numbered step of ``model.engine._run_block`` that computes it
    meaning: str
    label_nl: str


_C = Column
COLUMNS: tuple[Column, ...] = (
    _C("year", "year", "–", "Calendar year.", "Jaar"),
    _C("population_0_17", "persons", "2", "Young people aged 0-17 on 1 January.", "0-17-jarigen"),
    _C("new_cases", "cases/year", "2",
       "New cases of the products in SAMEN. scope, after any prevention effect.",
       "Nieuwe hulpvragen"),
    _C("new_cases_counterfactual", "cases/year", "2",
       "New cases without SAMEN. (no prevention effect).", "Nieuwe hulpvragen zonder SAMEN."),
    _C("in_scope_new_cases", "cases/year", "5",
       "New cases whose product and referrer are in SAMEN. that year, times the first-year uptake.",
       "Nieuwe hulpvragen binnen SAMEN."),
    _C("leakage_cases", "cases/year", "5",
       "In-scope new cases that still go to open-house providers (specialist deployment).",
       "Weglek naar aanbieders"),
    _C("capacity_overflow_cases", "cases/year", "8",
       "In-scope new cases sent to open house because SAMEN. staff was full (apart from leakage).",
       "Overloop door capaciteit"),
    _C("waiting_list_joined_cases", "cases/year", "7",
       "New SAMEN. demand that did not fit in capacity and joined the waiting list "
       "(capacity.shortfall: waiting_list).", "Nieuw op wachtlijst"),
    _C("waiting_list_admitted_cases", "persons/year", "7",
       "Young people taken on by SAMEN. from the waiting list on 1 January (first in line).",
       "Van wachtlijst in zorg"),
    _C("waiting_list_dropout_cases", "persons/year", "7",
       "Young people leaving the waiting list without help on 1 January "
       "(capacity.waiting_list_dropout_share of the list).", "Uitval van wachtlijst"),
    _C("waiting_list_specialist_cases", "persons/year", "7",
       "Young people going from the waiting list to specialist care on 1 January "
       "(capacity.waiting_list_specialist_share of those still waiting).",
       "Van wachtlijst naar specialistisch"),
    _C("waiting_list_cases", "persons", "7",
       "Young people on the waiting list on 31 December: 1 January list - drop-outs - "
       "specialist - admitted + joined.", "Wachtlijst (31 dec)"),
    _C("waiting_time_months", "months", "7",
       "Average wait of the young people asking SAMEN. for a place in the year (still waiting "
       "on 1 January, and the new demand): 12 x the person-years on the list within the year "
       "(places wanted over places staff offer, both moving linearly through the year) / "
       "those asking (Little's law).",
       "Gemiddelde wachttijd (maanden)"),
    _C("samen_new_clients", "persons/year", "8", "New clients taken on by SAMEN.",
       "Nieuwe cliënten SAMEN."),
    _C("samen_clients_served", "persons/year", "8",
       "Young people helped by SAMEN. in the year: in care on 1 January plus new clients.",
       "Jeugdigen geholpen door SAMEN."),
    _C("samen_client_years", "person-years", "8", "Client-years in SAMEN. (average stock).",
       "Cliëntjaren SAMEN."),
    _C("open_house_scope_client_years", "person-years", "8",
       "Client-years of the scope products at open-house providers (incl. running indications).",
       "Cliëntjaren open house (scope)"),
    _C("fte_samen", "FTE", "6", "SAMEN. staff at the end of the year.", "Fte SAMEN. (eind)"),
    _C("fte_samen_avg", "FTE", "6", "Average SAMEN. staff over the year (cost basis).",
       "Fte SAMEN. (gemiddeld)"),
    _C("samen_capacity_client_years", "person-years", "7",
       "Capacity: average FTE times caseload per FTE.", "Capaciteit (cliëntjaren)"),
    _C("ova_provisional", "percent", "1", "Provisional OVA of the year.", "OVA voorlopig"),
    _C("ova_definitive", "percent", "1",
       "Definitive OVA of the year (= provisional where not yet known).", "OVA definitief"),
    _C("budget_index", "percent", "1",
       "Index for year t: ova_provisional[t-1] + ova_definitive[t-2] - ova_provisional[t-2].",
       "Indexatie"),
    _C("price_level", "ratio", "1",
       "Price level relative to the price base year (product of 1 + budget_index).",
       "Prijsniveau"),
    _C("expected_cost_development", "fraction", "11",
       "Cost development in t-1 expected on 1 October t-1 (NaN before SAMEN.).",
       "Verwachte kostenontwikkeling"),
    _C("volume_factor", "ratio", "11",
       "population_0_17[t-2] / population_0_17[t-3], or [t-1] / [t-2] with "
       "budget.population_growth_reading: during_t-2 (NaN before SAMEN.).", "Volumefactor"),
    _C("planned_samen_share", "fraction", "11",
       "Share of the comparable cost the plan expects SAMEN. to carry (phase-in, planned leakage).",
       "Gepland aandeel SAMEN."),
    _C("comparable_cost_eur", "EUR", "9",
       "Scope client population valued at open-house prices and durations (CC).",
       "Vergelijkbare kosten open house"),
    _C("budget_estimate_eur", "EUR", "11",
       "CC[t-2] * (1 + expected_cost_development): the 1 October estimate of CC[t-1] "
       "(0 before SAMEN.).",
       "Raming kosten t-1"),
    _C("budget_provisional_eur", "EUR", "11",
       "Estimate * volume_factor * (1 + budget_index/100) * planned_samen_share (1 October t-1).",
       "Voorlopig budget (1 okt)"),
    _C("budget_recheck_eur", "EUR", "11",
       "Provisional budget * CC[t-1] / estimate (1 March recheck).",
       "Budget na toets 1 maart"),
    _C("budget_before_cut_eur", "EUR", "11",
       "The budget the regime sets, before the cut and the ceiling: budget_recheck_eur (the t-2 "
       "rule; in every year of the transition), or after it under budget.structural_regime: "
       "reeel the actual SAMEN. cost of the last transition year / (1 - ict - housing share), "
       "carried forward with (1 + budget_index/100) * volume_factor each year.",
       "Budget vóór taakstelling"),
    _C("budget_cut_eur", "EUR", "11",
       "Structural cut: savings.budget_cut_share * budget_before_cut_eur from the structural "
       "start year (the first savings form of the framework, §8).", "Taakstelling"),
    _C("lapsing_open_house_cost_eur", "EUR", "11",
       "Open-house cost that lapses: comparable_cost_eur - open_house_scope_cost_eur (0 before "
       "SAMEN.); the §8 'reëel' ceiling.", "Vervallen kosten open house"),
    _C("budget_above_lapsing_cost_eur", "EUR", "11",
       "budget_before_cut_eur - budget_cut_eur - lapsing_open_house_cost_eur: the budget's "
       "excess over the ceiling (negative: room below it).", "Budget boven vervallen kosten"),
    _C("budget_ceiling_cut_eur", "EUR", "11",
       "What the ceiling cuts (budget.lapsing_cost_ceiling; 0 when off; under "
       "budget.structural_regime: reeel always on after the transition).",
       "Korting door plafond"),
    _C("budget_final_eur", "EUR", "11",
       "budget_before_cut_eur - budget_cut_eur - budget_ceiling_cut_eur.", "Definitief budget"),
    _C("ict_housing_transfer_eur", "EUR", "11",
       "(ict_share + housing_share, 4.9% + 6.0% by default) x final budget, moved to the "
       "municipality.",
       "Overheveling ICT en huisvesting"),
    _C("execution_budget_eur", "EUR", "11",
       "budget_final_eur - ict_housing_transfer_eur: the subsidy WIJ receives.",
       "Uitvoeringsbudget WIJ"),
    _C("samen_cost_eur", "EUR", "10",
       "Actual SAMEN. cost: average FTE * cost per FTE (indexed) * (1 + overhead).",
       "Werkelijke kosten SAMEN."),
    _C("settlement_eur", "EUR", "12",
       "execution_budget_eur + extra_money_capacity_eur - samen_cost_eur where settled "
       "(positive flows back): in the "
       "transition, and after it under the regimes settlement and reeel with its result "
       "settled; else 0.",
       "Verrekening"),
    _C("samen_cost_to_municipality_eur", "EUR", "12",
       "What SAMEN. costs the municipality inside the closed square: execution budget - "
       "settlement + ICT/housing transfer (the extra money is beside it: extra_money_eur).",
       "Kosten SAMEN. voor gemeente"),
    _C("wij_result_eur", "EUR", "12",
       "The result WIJ keeps: execution_budget_eur + extra_money_capacity_eur - "
       "samen_cost_eur in the years not settled "
       "(after the transition under the regimes t2_rule and reeel with its result kept; "
       "negative: a deficit WIJ bears), else 0.", "Resultaat WIJ (behouden)"),
    _C("open_house_scope_cost_eur", "EUR", "8",
       "Open-house cost of the scope products: client-years * indexed price.",
       "Kosten open house (scope)"),
    _C("step_up_cases", "cases/year", "13",
       "SAMEN. clients who later need specialist care.", "Opschaling naar specialistisch"),
    _C("step_up_cost_eur", "EUR", "13", "Cost of step-up cases (in other youth care).",
       "Kosten opschaling"),
    _C("waiting_list_cost_eur", "EUR", "13",
       "Cost of the waiting list in other youth care: drop-outs and specialist cases from the "
       "list times their cost per case (indexed).", "Kosten wachtlijst"),
    _C("specialist_reduction_eur", "EUR", "13",
       "Structural reduction of other youth care (fewer specialist referrals).",
       "Besparing specialistische inkoop"),
    _C("other_youth_care_cost_eur", "EUR", "13",
       "Other youth care (RIGG, non-contracted, PGB) + step-ups + waiting list - reduction.",
       "Overige jeugdhulp"),
    _C("total_youth_care_eur", "EUR", "14",
       "open_house_scope_cost_eur + other_youth_care_cost_eur + samen_cost_to_municipality_eur.",
       "Totaal jeugdhulp"),
    _C("counterfactual_open_house_scope_cost_eur", "EUR", "4",
       "Open-house cost of the scope products without SAMEN. (same draws).",
       "Kosten open house zonder SAMEN."),
    _C("counterfactual_other_youth_care_cost_eur", "EUR", "13",
       "Other youth care without SAMEN.", "Overige jeugdhulp zonder SAMEN."),
    _C("counterfactual_total_eur", "EUR", "14", "Total youth-care spend without SAMEN.",
       "Totaal zonder SAMEN."),
    _C("square_deviation_eur", "EUR", "14",
       "total_youth_care_eur - counterfactual_total_eur (positive = overspend).",
       "Afwijking gesloten vierkant"),
    _C("incidental_budget_eur", "EUR", "15", "Incidental tranche paid in the year.",
       "Incidenteel budget (tranche)"),
    _C("incidental_spent_eur", "EUR", "15", "Incidental budget spent in the year.",
       "Incidenteel besteed"),
    _C("incidental_carry_forward_eur", "EUR", "15",
       "Unspent incidental budget carried to the next year.", "Reservering volgende tranche"),
    _C("incidental_returned_eur", "EUR", "15", "Unspent incidental budget flowing back.",
       "Incidenteel teruggevloeid"),
    _C("extra_money_eur", "EUR", "1b",
       "Extra money for prevention and expansion paid in the year (extra_money.amount_eur "
       "indexed): a council decision outside the closed square, beside SAMEN.'s result.",
       "Extra geld (preventie en uitbreiding)"),
    _C("extra_money_capacity_eur", "EUR", "1b",
       "The part of extra_money_eur for SAMEN. staff, paid to WIJ beside the execution budget "
       "(the budget rule counts it as WIJ's income).", "Extra geld voor uitbreiding"),
    _C("extra_fte_target", "FTE", "1b",
       "FTE the extra money for staff adds to the year-end hiring target: the capacity part "
       "over cost per FTE x (1 + overhead), both in prices of the price base year.",
       "Extra fte in het aannamedoel"),
    _C("extra_prevention_effect", "fraction", "1b",
       "Fraction of new cases the extra money for prevention removes (its effect per EUR 1 mln "
       "a year x the prevention money of prevention_lag_years earlier, at most 1).",
       "Minder instroom door extra preventie"),
    _C("net_savings_eur", "EUR", "15",
       "-square_deviation_eur - incidental_budget_eur + incidental_returned_eur - "
       "extra_money_eur.",
       "Netto besparing"),
    _C("cumulative_net_savings_eur", "EUR", "15", "Running sum of net_savings_eur.",
       "Cumulatieve netto besparing"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}


def label(name: str, language: str = "nl") -> str:
    """Human label of a column: Dutch by default, English falls back to the column name."""
    col = BY_NAME[name]
    return col.label_nl if language == "nl" else col.name.replace("_", " ")


#: Readings of every euro column derived after the run (``Result.column``, model/money.py):
#: suffix, unit, meaning.
DERIVED_READINGS: tuple[tuple[str, str, str], ...] = (
    ("_real_eur", "EUR of time.price_base_year",
     "The nominal column divided by `price_level` (the model's OVA-based price index): euros "
     "in prices of the price base year (2021 in the shipped scenarios)."),
    ("_discounted_eur", "EUR of time.price_base_year, present value",
     "The real column discounted to the first SAMEN. year (2023) at 2.25% a year, the "
     "standard real discount rate of Dutch social cost-benefit analysis (MKBA; Rapport "
     "Werkgroep discontovoet 2020): real / 1.0225^(year - 2023)."),
)


def derived_name(name: str) -> tuple[str, str] | None:
    """``(euro column, terms)`` of a derived reading (``net_savings_real_eur`` ->
    ``("net_savings_eur", "real")``), or None when ``name`` is not one."""
    for suffix, terms in (("_real_eur", "real"), ("_discounted_eur", "discounted")):
        base = name[: -len(suffix)] + "_eur" if name.endswith(suffix) else None
        if base is not None and base in BY_NAME and BY_NAME[base].unit == "EUR":
            return base, terms
    return None


def markdown_table() -> str:
    """The dictionary as a Markdown table (``docs/columns.md``)."""
    lines = [
        "# Output columns of `Result.yearly`",
        "",
        "Generated from `samen_model/model/columns.py` (`python -m samen_model.model.columns`); "
        "a test keeps "
        "this file in step with the code. Money is in nominal euros.",
        "",
        "The engine step is the number of the step in `samen_model/model/engine.py` "
        "(`_run_block`) that computes the column: 1 index and prices, 1b the council's extra "
        "money (after the prices, before demand), 2 demand, 3 phase-in, "
        "4 opening stocks and the counterfactual, 5 routing, 6 the plan and hiring, "
        "7 capacity and the waiting list, 8 SAMEN.'s stock and open house, 9 comparable cost, "
        "10 SAMEN. cost, 11 the budget rule, 12 settlement, 13 other youth care, "
        "14 the closed square, 15 incidental budget and net savings.",
        "",
        "| column | unit | engine step | meaning | Dutch label |",
        "|---|---|---|---|---|",
    ]
    lines += [f"| `{c.name}` | {c.unit} | {c.step} | {c.meaning} | {c.label_nl} |"
              for c in COLUMNS]
    lines += [
        "",
        "## Real and discounted readings",
        "",
        "Every column in EUR (nominal) has two readings computed from the kept arrays after the "
        "run (`Result.column(name)`, `Result.real`, `Result.discounted`; "
        "`samen_model/model/money.py`), e.g. `net_savings_real_eur` and "
        "`net_savings_discounted_eur`:",
        "",
        "| suffix | unit | meaning |",
        "|---|---|---|",
    ]
    lines += [f"| `*{s}` | {u} | {m} |" for s, u, m in DERIVED_READINGS]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(markdown_table(), end="")
