"""One draw of the engine inputs as plain Python floats and lists (for the reference)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from samen_model.model.inputs import Inputs, assemble_ova, assemble_population

NAN = float("nan")

#: The stocks the model keeps per product (see :func:`reference_ledger`).
STOCK_NAMES = (
    "samen",  # SAMEN. clients, at SAMEN. durations
    "open_house",  # scope clients at open-house providers, open-house durations
    "comparable",  # all scope clients as if in open house (comparable cost, CC)
    "counterfactual",  # open house without SAMEN. (no prevention, no routing)
    "plan_samen",  # the plan's SAMEN. clients at SAMEN. durations (hiring)
    "plan_open_house",  # the plan's SAMEN. clients at open-house durations (planned share)
    "waiting_list",  # SAMEN. demand waiting for a place (exits: drop-outs, specialist, admitted)
)


# ============================================================================ picking one draw


def _column(x: np.ndarray, draw: int) -> int:
    """Index on the last (draw) axis: 0 when the input is shared by all draws (size 1)."""
    return 0 if x.shape[-1] == 1 else draw


def _series(x: np.ndarray, draw: int) -> list[float]:
    """A (year, n) input as a list over years of Python floats."""
    col = _column(x, draw)
    return [float(v) for v in x[:, col].tolist()]


def _product_series(x: np.ndarray, draw: int) -> list[list[float]]:
    """A (year, product, n) input as ``[year][product]`` Python floats."""
    col = _column(x, draw)
    return [[float(v) for v in row] for row in x[:, :, col].tolist()]


def _floats(x: Sequence) -> list[float]:
    """A one-dimensional input (no draw axis) as Python floats."""
    return [float(v) for v in np.asarray(x).tolist()]


@dataclass(frozen=True)
class _Draw:
    """All inputs of one draw as plain Python values (lists over years ``[t]``, ``[t][p]``)."""

    years: list[int]
    samen_start: int
    transition_end: int
    structural_start: int
    price_base: int
    incidental_return: int
    population: list[float]  # persons on 1 January
    ova_provisional: list[float]  # percent, years first-2 .. last
    ova_definitive: list[float]  # percent, years first-2 .. last
    inflow_per_1000: list[float]  # new scope cases per 1,000 aged 0-17
    inflow_trend: list[float]  # fraction per year
    prevention_effect: list[float]  # fraction of inflow
    first_year_uptake: list[float]  # fraction
    leakage: list[float]  # fraction of in-scope new cases
    samen_duration_factor: list[float]  # ratio
    step_up_share: list[float]  # fraction of SAMEN. new clients
    step_up_cost: list[float]  # EUR per case, price base year
    plan_leakage: list[float]  # fraction
    plan_first_year_uptake: list[float]  # fraction
    caseload_per_fte: list[float]  # clients per FTE
    fte_at_start: list[float]  # FTE
    max_fte_growth: list[float]  # FTE per year
    vacancy_rate: list[float]  # fraction of the FTE target left unfilled
    staff_attrition_rate: list[float]  # fraction of 1 January staff leaving in the year
    capacity_follows: bool  # the plan learns last year's capacity (caseload, vacancies, fit)
    realised_caseload_ratio: list[float]  # caseload carried / planned caseload
    waiting_list: bool  # shortfall waits (True) or overflows to open house (False)
    waiting_dropout_share: list[float]  # fraction of the 1 January list per year
    waiting_specialist_share: list[float]  # fraction of those still waiting per year
    waiting_dropout_cost: list[float]  # EUR per case, price base year
    waiting_specialist_cost: list[float]  # EUR per case, price base year
    cost_per_fte: list[float]  # EUR per FTE-year, price base year
    overhead_share: list[float]  # fraction of staff cost
    other_youth_care: list[float]  # EUR per year, price base year
    other_real_growth: list[float]  # fraction per year
    expected_cost_development: list[float]  # fraction
    ict_share: float
    housing_share: float
    structural_regime: str  # after the transition: "t2_rule", "settlement" or "reeel"
    reeel_wij_result: str  # under "reeel": "kept" or "settled"
    lapsing_cost_ceiling: str  # "off", "final_budget" or "execution_budget"
    volume_lag: int  # 2: pop[t-2] / pop[t-3]; 1: pop[t-1] / pop[t-2]
    budget_cut_share: list[float]  # fraction of the rechecked budget
    specialist_referral_reduction: list[float]  # fraction of other youth care
    extra_money: list[float]  # EUR per year, price base year
    extra_start: int  # first year of the extra money
    extra_capacity_share: list[float]  # fraction of the extra money for staff
    extra_effect_per_million: list[float]  # fraction of inflow per EUR 1 mln a year
    extra_lag: int  # years between prevention money and less inflow
    incidental_tranches: list[float]  # EUR per year
    incidental_spending: list[float]  # EUR per year
    product_share: list[float]  # fraction of new scope cases, per product
    product_price: list[list[float]]  # EUR per client-year, price base year, [t][p]
    product_duration: list[list[float]]  # years, open house, [t][p]
    product_entry: list[int]
    referrer_share: list[float]
    referrer_entry: list[int]


def _pick_draw(inp: Inputs, draw: int) -> _Draw:
    """Take draw ``draw`` of every per-draw input (index 0 of inputs shared by all draws)."""
    if not 0 <= draw < inp.draws:
        raise IndexError(f"draw {draw} outside 0..{inp.draws - 1}")
    s = _series
    # population and OVA of this draw only (assembling them for every draw would cost O(draws))
    growth = inp.growth_after_data[:, [_column(inp.growth_after_data, draw)]]
    assumed = inp.ova_assumed_pct[:, [_column(inp.ova_assumed_pct, draw)]]
    ova_prov, ova_def = assemble_ova(inp.ova_provisional_data, inp.ova_definitive_data, assumed)
    return _Draw(
        years=[int(y) for y in inp.years.tolist()],
        samen_start=int(inp.samen_start_year),
        transition_end=int(inp.transition_end_year),
        structural_start=int(inp.structural_start_year),
        price_base=int(inp.price_base_year),
        incidental_return=int(inp.incidental_return_year),
        population=s(assemble_population(inp.population_known, growth), 0),
        ova_provisional=s(ova_prov, 0),
        ova_definitive=s(ova_def, 0),
        inflow_per_1000=s(inp.inflow_per_1000, draw),
        inflow_trend=s(inp.inflow_trend, draw),
        prevention_effect=s(inp.prevention_effect, draw),
        first_year_uptake=s(inp.first_year_uptake, draw),
        leakage=s(inp.leakage, draw),
        samen_duration_factor=s(inp.samen_duration_factor, draw),
        step_up_share=s(inp.step_up_share, draw),
        step_up_cost=s(inp.step_up_cost_eur_per_case, draw),
        plan_leakage=s(inp.plan_leakage, draw),
        plan_first_year_uptake=s(inp.plan_first_year_uptake, draw),
        caseload_per_fte=s(inp.caseload_per_fte, draw),
        fte_at_start=s(inp.fte_at_start, draw),
        max_fte_growth=s(inp.max_fte_growth_per_year, draw),
        vacancy_rate=s(inp.vacancy_rate, draw),
        staff_attrition_rate=s(inp.staff_attrition_rate, draw),
        capacity_follows=bool(inp.capacity_follows_realised),
        realised_caseload_ratio=s(inp.realised_caseload_ratio, draw),
        waiting_list=bool(inp.waiting_list),
        waiting_dropout_share=s(inp.waiting_list_dropout_share, draw),
        waiting_specialist_share=s(inp.waiting_list_specialist_share, draw),
        waiting_dropout_cost=s(inp.waiting_list_dropout_cost_eur_per_case, draw),
        waiting_specialist_cost=s(inp.waiting_list_specialist_cost_eur_per_case, draw),
        cost_per_fte=s(inp.cost_per_fte_eur, draw),
        overhead_share=s(inp.overhead_share, draw),
        other_youth_care=s(inp.other_youth_care_eur, draw),
        other_real_growth=s(inp.other_youth_care_real_growth, draw),
        expected_cost_development=s(inp.expected_cost_development, draw),
        ict_share=float(inp.ict_share),
        housing_share=float(inp.housing_share),
        structural_regime=str(inp.structural_regime),
        reeel_wij_result=str(inp.reeel_wij_result),
        lapsing_cost_ceiling=str(inp.lapsing_cost_ceiling),
        volume_lag=int(inp.volume_lag),
        budget_cut_share=s(inp.budget_cut_share, draw),
        specialist_referral_reduction=s(inp.specialist_referral_reduction, draw),
        extra_money=s(inp.extra_money_amount_eur, draw),
        extra_start=int(inp.extra_money_start_year),
        extra_capacity_share=s(inp.extra_money_capacity_share, draw),
        extra_effect_per_million=s(inp.extra_money_prevention_effect_per_million_eur, draw),
        extra_lag=int(inp.extra_prevention_lag),
        incidental_tranches=_floats(inp.incidental_tranches_eur),
        incidental_spending=_floats(inp.incidental_spending_eur),
        product_share=[row[_column(inp.product_share, draw)]
                       for row in np.asarray(inp.product_share, dtype=float).tolist()],
        product_price=_product_series(inp.product_price_eur_per_client_year, draw),
        product_duration=_product_series(inp.product_mean_duration_years, draw),
        product_entry=[int(y) for y in np.asarray(inp.product_entry_year).tolist()],
        referrer_share=_floats(inp.referrer_share),
        referrer_entry=[int(y) for y in np.asarray(inp.referrer_entry_year).tolist()],
    )


