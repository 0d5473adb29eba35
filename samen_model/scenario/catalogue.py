"""The parameter catalogue: every key a scenario file may hold, with its kind and unit.

This is the single list the loader validates against, the assumptions register is built from,
and the uncertainty tools take their parameter paths from. ``*`` stands for a product or
referrer name chosen in the scenario file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "share",  # fraction in [0, 1]
    "signed_fraction",  # fraction in [-1, 1]
    "nonneg",  # number >= 0
    "positive",  # number > 0
    "percent",  # percent, may be negative
    "year",  # calendar year (integer)
    "bool",
    "path",  # a file path, relative to the scenario file that names it, or null
    "amounts",  # euros booked per given year, zero in years not listed
    "choice",  # one of the words in Spec.choices (a switch with more than two settings)
]


@dataclass(frozen=True)
class Spec:
    """How a parameter is checked: its kind, whether series and distributions are allowed.

    ``low`` and ``high`` (inclusive, in ``unit``) narrow the kind's range so every output stays
    finite and sane: rates that compound stay above -0.9 a year, money below a bound per unit.
    A number without its own ``high`` is still at most :data:`MAX_MAGNITUDE`.
    """

    kind: Kind
    unit: str
    series: bool = False
    dist: bool = False
    spec_section: str = ""
    choices: tuple[str, ...] = ()  # the allowed words of a "choice" parameter
    low: float | None = None
    high: float | None = None


#: Largest magnitude of any number in a scenario (EUR, persons, FTE, ...): 10^12.
MAX_MAGNITUDE = 1e12
#: Lowest yearly rate for rates that compound over the horizon (0.1^110 stays far from 0).
COMPOUND_LOW = -0.9
#: Highest price of one client-year, FTE-year or case (EUR, price base year).
UNIT_COST_HIGH = 1e7
#: Highest yearly amount in EUR (the whole municipality spends about 10^9).
YEARLY_EUR_HIGH = 1e11


CATALOGUE: dict[str, Spec] = {
    # time (SPEC §4)
    "time.first_year": Spec("year", "year", spec_section="§4"),
    "time.last_year": Spec("year", "year", spec_section="§4"),
    "time.samen_start_year": Spec("year", "year", spec_section="§2, §4"),
    "time.transition_end_year": Spec("year", "year", spec_section="§4"),
    "time.structural_start_year": Spec("year", "year", spec_section="§4"),
    "time.price_base_year": Spec("year", "year", spec_section="§9"),
    # population and volume (§6)
    "population.data_file": Spec("path", "file", spec_section="§6"),
    "population.growth_after_data": Spec(
        "signed_fraction", "fraction per year", series=True, dist=True, spec_section="§6",
        low=COMPOUND_LOW,
    ),
    # demand (§7)
    "demand.inflow_per_1000": Spec(
        "nonneg", "new cases per 1,000 aged 0-17 per year", series=True, dist=True,
        spec_section="§7", high=1000.0,
    ),
    "demand.inflow_trend": Spec("signed_fraction", "fraction per year", dist=True,
                                spec_section="§7", low=COMPOUND_LOW),
    "demand.prevention_effect": Spec("share", "fraction of inflow", series=True, dist=True,
                                     spec_section="§7"),
    # routing (§7)
    "routing.first_year_uptake": Spec("share", "fraction", dist=True, spec_section="§7"),
    "routing.leakage": Spec("share", "fraction of in-scope new cases", series=True, dist=True,
                            spec_section="§7"),
    "routing.samen_duration_factor": Spec("positive", "ratio", dist=True, spec_section="§8",
                                          low=0.01, high=100.0),
    "routing.step_up_share": Spec("share", "fraction of SAMEN. new clients", series=True,
                                  dist=True, spec_section="§7"),
    "routing.step_up_cost_eur_per_case": Spec("nonneg", "EUR per case (price base year)",
                                              dist=True, spec_section="§7, §9",
                                              high=UNIT_COST_HIGH),
    # the plan the budget and the hiring follow (§9, §10)
    "plan.leakage": Spec("share", "fraction of in-scope new cases", series=True, dist=True,
                         spec_section="§10"),
    "plan.first_year_uptake": Spec("share", "fraction", dist=True, spec_section="§10"),
    "plan.leakage_follows_realised": Spec("bool", "switch", spec_section="§10"),
    # capacity (§7)
    "capacity.caseload_per_fte": Spec("positive", "clients per FTE", dist=True,
                                      spec_section="§7", low=0.1, high=1000.0),
    "capacity.fte_at_start": Spec("nonneg", "FTE", dist=True, spec_section="§7", high=1e6),
    "capacity.max_fte_growth_per_year": Spec("nonneg", "FTE per year", series=True, dist=True,
                                             spec_section="§7", high=1e6),
    # costs (§9)
    "costs.cost_per_fte_eur": Spec("nonneg", "EUR per FTE-year (price base year)", dist=True,
                                   spec_section="§9", high=UNIT_COST_HIGH),
    "costs.overhead_share": Spec("nonneg", "fraction of staff cost", dist=True,
                                 spec_section="§9", high=10.0),
    "costs.other_youth_care_eur": Spec("nonneg", "EUR per year (price base year)", dist=True,
                                       spec_section="§9", high=YEARLY_EUR_HIGH),
    "costs.other_youth_care_real_growth": Spec("signed_fraction", "fraction per year",
                                               series=True, dist=True, spec_section="§9",
                                               low=COMPOUND_LOW),
    # index (§9, §10)
    "index.ova_assumed_pct": Spec("percent", "percent", series=True, dist=True,
                                  spec_section="§9"),
    "index.expected_cost_development": Spec("signed_fraction", "fraction", series=True,
                                            dist=True, spec_section="§10"),
    # budget rule (§10)
    "budget.ict_share": Spec("share", "fraction of final budget", spec_section="§10"),
    "budget.housing_share": Spec("share", "fraction of final budget", spec_section="§10"),
    "budget.structural_regime": Spec("choice", "switch", spec_section="§10",
                                     choices=("t2_rule", "settlement", "reeel")),
    "budget.reeel_wij_result": Spec("choice", "switch", spec_section="§10",
                                    choices=("kept", "settled")),
    # structural savings (§10 step 6)
    "savings.budget_cut_share": Spec("share", "fraction of the rechecked budget", series=True,
                                     dist=True, spec_section="§10"),
    "savings.specialist_referral_reduction": Spec(
        "share", "fraction of other youth-care spend", series=True, dist=True,
        spec_section="§10",
    ),
    # incidental budget (§11)
    "incidental.tranches_eur": Spec("amounts", "EUR per year", spec_section="§11",
                                    high=YEARLY_EUR_HIGH),
    "incidental.spending_eur": Spec("amounts", "EUR per year", spec_section="§11",
                                    high=YEARLY_EUR_HIGH),
    "incidental.return_year": Spec("year", "year", spec_section="§11"),
    # products and referrers (§7)
    "products.*.share_of_new_cases": Spec("share", "fraction", spec_section="§7"),
    "products.*.price_eur_per_client_year": Spec(
        "nonneg", "EUR per client-year (price base year)", dist=True, spec_section="§9",
        high=UNIT_COST_HIGH,
    ),
    "products.*.mean_duration_years": Spec("positive", "years", dist=True, spec_section="§8",
                                           low=0.01, high=50.0),
    "products.*.samen_entry_year": Spec("year", "year", spec_section="§7"),
    "referrers.*.share_of_new_cases": Spec("share", "fraction", spec_section="§7"),
    "referrers.*.samen_entry_year": Spec("year", "year", spec_section="§7"),
    # capacity shortfall: waiting list or overflow, and the uncertainty of hiring (§7, §9)
    "capacity.shortfall": Spec("choice", "switch", spec_section="§7",
                               choices=("waiting_list", "overflow")),
    "capacity.waiting_list_dropout_share": Spec(
        "share", "fraction of the waiting list per year", series=True, dist=True,
        spec_section="§7"),
    "capacity.waiting_list_specialist_share": Spec(
        "share", "fraction of those still waiting per year", series=True, dist=True,
        spec_section="§7"),
    "capacity.waiting_list_dropout_cost_eur_per_case": Spec(
        "nonneg", "EUR per case (price base year)", dist=True, spec_section="§7, §9"),
    "capacity.waiting_list_specialist_cost_eur_per_case": Spec(
        "nonneg", "EUR per case (price base year)", dist=True, spec_section="§7, §9"),
    "capacity.vacancy_rate": Spec("share", "fraction of the FTE target", series=True, dist=True,
                                  spec_section="§7, §9"),
    "capacity.realised_caseload_ratio": Spec("positive", "ratio", series=True, dist=True,
                                             spec_section="§7"),
    # the two readings of §8 left open (§10)
    "budget.lapsing_cost_ceiling": Spec("choice", "switch", spec_section="§10",
                                        choices=("off", "final_budget", "execution_budget")),
    "budget.population_growth_reading": Spec("choice", "switch", spec_section="§6, §10",
                                             choices=("up_to_t-2", "during_t-2")),
}

#: Plain-text fields an entity (product, referrer) may carry besides its parameters.
ENTITY_LABELS = ("label_nl", "label_en")
ENTITY_GROUPS = ("products", "referrers")

#: Keys every parameter leaf must have.
PARAM_KEYS = ("value", "unit", "description", "source")


def spec_for(path: str) -> Spec | None:
    """The spec of a concrete parameter path such as ``products.ib_basic.mean_duration_years``."""
    if path in CATALOGUE:
        return CATALOGUE[path]
    parts = path.split(".")
    if len(parts) == 3 and parts[0] in ENTITY_GROUPS:
        return CATALOGUE.get(f"{parts[0]}.*.{parts[2]}")
    return None


def group_fields(group: str) -> list[str]:
    """Parameter names allowed in a plain group (``routing`` -> ``leakage``, ...)."""
    return [p.split(".", 1)[1] for p in CATALOGUE if p.startswith(group + ".")]


def entity_fields(group: str) -> list[str]:
    """Parameter names allowed for one product or referrer."""
    return [p.split(".")[2] for p in CATALOGUE if p.startswith(group + ".*.")]


def plain_groups() -> list[str]:
    """The groups that are not entity lists, in catalogue order."""
    seen: list[str] = []
    for p in CATALOGUE:
        g = p.split(".")[0]
        if g not in ENTITY_GROUPS and g not in seen:
            seen.append(g)
    return seen
