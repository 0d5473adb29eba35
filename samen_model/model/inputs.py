"""The engine's inputs: every parameter as a numpy array over (year, draw).

Arrays have shape ``(year, n)`` with ``n`` either 1 (the same in every draw; numpy broadcasts it)
or the number of draws. Product parameters have shape ``(year, product, n)``. The engine reads
only this object, never a scenario. Pure numpy: no files, no YAML, no pandas.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

YEAR_AXIS, DRAW_AXIS = 0, -1


@dataclass(frozen=True)
class Inputs:
    """Numeric inputs of one engine call. Money in EUR, shares as fractions, OVA in percent."""

    years: np.ndarray  # (Y,) int
    draws: int
    samen_start_year: int
    transition_end_year: int
    structural_start_year: int
    price_base_year: int
    incidental_return_year: int
    population_known: np.ndarray  # (Y,) persons aged 0-17 on 1 January; NaN where it grows
    growth_after_data: np.ndarray  # (Y, n) fraction per year, applied where known is NaN
    ova_provisional_data: np.ndarray  # (Y + 2,) percent, years first_year - 2 .. last_year; NaN
    ova_definitive_data: np.ndarray  # (Y + 2,) percent; NaN where not published
    ova_assumed_pct: np.ndarray  # (Y + 2, n) percent for years without data
    inflow_per_1000: np.ndarray  # (Y, n) new scope cases per 1,000 aged 0-17
    inflow_trend: np.ndarray  # (Y, n) fraction per year
    prevention_effect: np.ndarray  # (Y, n) fraction of inflow
    first_year_uptake: np.ndarray  # (Y, n)
    leakage: np.ndarray  # (Y, n)
    samen_duration_factor: np.ndarray  # (Y, n)
    step_up_share: np.ndarray  # (Y, n)
    step_up_cost_eur_per_case: np.ndarray  # (Y, n) per case, price base year
    plan_leakage: np.ndarray  # (Y, n)
    plan_first_year_uptake: np.ndarray  # (Y, n)
    caseload_per_fte: np.ndarray  # (Y, n) clients per FTE (the hiring plan's)
    fte_at_start: np.ndarray  # (Y, n) FTE on 1 January of the start year
    max_fte_growth_per_year: np.ndarray  # (Y, n) FTE per year
    vacancy_rate: np.ndarray  # (Y, n) fraction of the FTE target left unfilled
    staff_attrition_rate: np.ndarray  # (Y, n) fraction of 1 January staff leaving a year
    plan_caseload: np.ndarray  # (Y, n) clients per FTE the hiring plan reckons with
    capacity_follows_realised: bool  # the budget's plan takes on last year's admitted share
    realised_caseload_ratio: np.ndarray  # (Y, n) caseload carried / planned caseload
    waiting_list: bool  # demand above capacity waits (True) or overflows to open house
    waiting_list_dropout_share: np.ndarray  # (Y, n) fraction of the 1 January list per year
    waiting_list_specialist_share: np.ndarray  # (Y, n) fraction of those still waiting per year
    waiting_list_dropout_cost_eur_per_case: np.ndarray  # (Y, n) per case, price base year
    waiting_list_specialist_cost_eur_per_case: np.ndarray  # (Y, n) per case, price base year
    cost_per_fte_eur: np.ndarray  # (Y, n) per FTE-year, price base year
    overhead_share: np.ndarray  # (Y, n)
    other_youth_care_eur: np.ndarray  # (Y, n) base-year spend
    other_youth_care_real_growth: np.ndarray  # (Y, n) with the 0-17 volume if it follows it
    expected_cost_development: np.ndarray  # (Y, n)
    ict_share: float
    housing_share: float
    structural_regime: str  # after the transition: "t2_rule", "settlement" or "reeel"
    reeel_wij_result: str  # under "reeel": WIJ's result "kept" or "settled"
    lapsing_cost_ceiling: str  # "off", "final_budget" or "execution_budget" (§8 'reëel')
    volume_lag: int  # 2: pop[t-2] / pop[t-3] (growth up to t-2); 1: pop[t-1] / pop[t-2]
    budget_cut_share: np.ndarray  # (Y, n)
    specialist_referral_reduction: np.ndarray  # (Y, n)
    extra_money_amount_eur: np.ndarray  # (Y, n) per year, price base year (0 before the start year)
    extra_money_start_year: int  # first year of the extra money
    extra_money_capacity_share: np.ndarray  # (Y, n) fraction of it for SAMEN. staff
    extra_money_prevention_effect_per_million_eur: np.ndarray  # (Y, n) inflow fraction per EUR 1M
    extra_prevention_lag: int  # whole years between prevention money and less inflow
    incidental_tranches_eur: np.ndarray  # (Y,)
    incidental_spending_eur: np.ndarray  # (Y,)
    product_share: np.ndarray  # (P, 1)
    product_price_eur_per_client_year: np.ndarray  # (Y, P, n) price base year, per client-year
    product_mean_duration_years: np.ndarray  # (Y, P, n)
    product_entry_year: np.ndarray  # (P,) int
    referrer_share: np.ndarray  # (R,)
    referrer_entry_year: np.ndarray  # (R,) int
    product_names: tuple[str, ...]
    referrer_names: tuple[str, ...]


def assemble_population(known: np.ndarray, growth: np.ndarray) -> np.ndarray:
    """(Y, n) 0-17 population: the data, then the last data year grown at ``growth`` a year.

    ``known`` holds the data years first (no gaps, checked on loading) and NaN after them.
    """
    n_known = int(np.count_nonzero(~np.isnan(known)))
    if n_known == len(known):
        return known[:, None]
    out = np.empty((len(known), growth.shape[1]))
    out[:n_known] = known[:n_known, None]
    for i in range(n_known, len(known)):  # a loop over rows: cumprod on axis 0 is slow
        out[i] = out[i - 1] * (1.0 + growth[i])
    return out


def assemble_ova(
    provisional_data: np.ndarray, definitive_data: np.ndarray, assumed: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Provisional and definitive OVA (percent), shape (Y + 2, n).

    Years without data take ``assumed``; a year with a provisional but no definitive figure takes
    definitive = provisional (no later correction assumed).
    """
    prov = np.empty((len(provisional_data), assumed.shape[1]))
    prov[:] = provisional_data[:, None]
    missing = np.isnan(provisional_data)
    prov[missing] = assumed[missing]
    definitive = prov.copy()
    published = ~np.isnan(definitive_data)
    definitive[published] = definitive_data[published, None]
    return prov, definitive
