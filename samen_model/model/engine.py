"""The engine: the numbered steps of the model over years, vectorized over draws.

``run_block(inputs)`` is a pure function of :class:`~samen_model.model.inputs.Inputs`: it loops
over years only where a stock, the waiting list or the FTE path carries over
(:mod:`samen_model.model.stocks`), and computes everything else for all years and draws at once.
The paired counterfactual (SAMEN. switched off, same draws) comes out of the same call. Every
output is a ``(year, draw)`` array named as in :mod:`samen_model.model.columns`. Money in EUR,
shares as fractions, OVA in percent. Blocks of draws are run and stored by
:mod:`samen_model.model.stream`.
"""

from __future__ import annotations

import ctypes
import functools

import numpy as np

from samen_model.model import budget_rule
from samen_model.model.inputs import Inputs, assemble_ova, assemble_population
from samen_model.model.steps import budget, extra_money, flows
from samen_model.model.stocks import Demand, PhaseIn, yearly_flows


@functools.cache
def keep_freed_memory() -> bool:
    """Ask glibc's allocator to keep freed memory for reuse (once per process).

    A block makes many short-lived arrays of 0.1-3 MB. With glibc's defaults each one is handed
    back to the operating system when freed and the next one page-faults its memory in again,
    which measured as half the engine's time (10^6 draws: 1.9 s -> 1.0 s on 2 cores). Arrays
    above 32 MB (the outputs of big runs) are still returned. Returns False where this is not
    glibc (nothing changes there).
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3  # <malloc.h>
    return bool(libc.mallopt(m_mmap_threshold, 32 << 20)
                & libc.mallopt(m_trim_threshold, 512 << 20)
                & libc.mallopt(m_top_pad, 64 << 20))


def release_freed_memory() -> None:
    """Hand the memory freed blocks left with glibc back to the operating system
    (``malloc_trim``; nothing where this is not glibc). :func:`keep_freed_memory` keeps it for
    the next block; after a run whose caller goes on to large arrays of its own (a calibration's
    Pareto smoothing at 10^7 draws: 0.6 GB of its peak) it would only sit beside them."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def run_block(inp: Inputs) -> dict[str, np.ndarray]:
    """Every output column, shape (year, draw), for all draws of ``inp`` (one block).

    The caller keeps blocks small (:data:`samen_model.model.stream.CHUNK` draws) so the
    working set stays in cache; :func:`samen_model.model.stream.stream` runs many blocks on
    both cores. Columns that do not vary by draw are broadcast views.
    """
    return _run_block(inp)


def _draw_arrays(inp: Inputs) -> dict[str, np.ndarray]:
    """The inputs whose last axis is the draw axis (size 1 when shared by all draws)."""
    return {name: getattr(inp, name) for name in inp.__dataclass_fields__
            if isinstance(getattr(inp, name), np.ndarray) and getattr(inp, name).ndim >= 2}


def varies_by_draw(inp: Inputs) -> bool:
    """Whether any input differs between draws (else one draw stands for all)."""
    return any(a.shape[-1] > 1 for a in _draw_arrays(inp).values())


def _run_block(inp: Inputs) -> dict[str, np.ndarray]:
    """Every output column for the draws of ``inp``: the model's numbered steps."""
    g, draws = _draw_arrays(inp), inp.draws
    samen_on = (inp.years >= inp.samen_start_year)[:, None]
    structural_on = samen_on & (inp.years >= inp.structural_start_year)[:, None]

    ova_prov, ova_def, index_pct, price_level = index_and_prices(inp, g)  # 1.
    extra = extra_money_columns(inp, g, price_level)  # the council's extra money
    pop, demand = new_cases(inp, g, samen_on, extra["extra_prevention_effect"])  # 2.
    phase = phase_in(inp, g)  # 3.
    out = yearly_flows(inp, g, demand, phase, price_level, draws,
                       extra["extra_fte_target"])  # 4.-9.
    samen_cost = samen_cost_eur(out["fte_samen_avg"], g, price_level)  # 10.
    # the budget rule sets WIJ's result against the cost the extra money does not pay
    ruled_cost = _minus(samen_cost, extra["extra_money_capacity_eur"])
    budgets = budget_columns(inp, g, out, pop, index_pct, ruled_cost)  # 11.
    settled = budget_rule.yearly_settlement(inp.years, budget_rule_of(inp), budgets,
                                            ruled_cost)  # 12.
    other = other_youth_care(inp, g, out, price_level, structural_on)  # 13.
    square = closed_square(out, other, settled["samen_cost_to_municipality_eur"])  # 14.
    savings = incidental_and_net_savings(inp, square["square_deviation_eur"],
                                         extra["extra_money_eur"])  # 15.

    out.update(
        population_0_17=pop,
        new_cases=demand.actual,
        new_cases_counterfactual=demand.counterfactual,
        ova_provisional=ova_prov[2:],
        ova_definitive=ova_def[2:],
        budget_index=index_pct,
        price_level=price_level,
        samen_cost_eur=samen_cost,
        **budgets, **settled, **other, **square, **savings, **extra,
    )
    shape = (len(inp.years), draws)
    return {k: v if v.shape == shape else np.broadcast_to(v, shape) for k, v in out.items()}


# ----------------------------------------------------------------------------- the steps
def index_and_prices(inp: Inputs, g: dict[str, np.ndarray]
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """1. Index and prices: OVA provisional and definitive (percent, years
    first-2..last), the budget index per year (percent) and the price level (ratio to the
    price base year)."""
    ova_prov, ova_def = assemble_ova(inp.ova_provisional_data, inp.ova_definitive_data,
                                     g["ova_assumed_pct"])
    index_pct = budget_rule.budget_index_pct(ova_prov, ova_def)
    price_level = budget.cumulative_factor(index_pct / 100.0, inp.years, inp.price_base_year)
    return ova_prov, ova_def, index_pct, price_level


def new_cases(inp: Inputs, g: dict[str, np.ndarray], samen_on: np.ndarray,
              extra_prevention: np.ndarray | None = None) -> tuple[np.ndarray, Demand]:
    """2. Demand: the 0-17 population (persons) and the new cases in the SAMEN.
    product scope (cases/year), with trend and, in SAMEN. years, the prevention effect and
    that of the extra money for prevention (fraction of inflow, (year, n); None: none):
    ``counterfactual * (1 - prevention) * (1 - extra prevention)``; and the new cases the
    hiring plan expects (:func:`expected_demand`)."""
    pop = assemble_population(inp.population_known, g["growth_after_data"])
    trend = budget.cumulative_factor(g["inflow_trend"], inp.years, inp.price_base_year)
    counterfactual = pop * (g["inflow_per_1000"] * (trend / 1000.0))
    actual = counterfactual
    if not _is_zero(g["prevention_effect"]):
        actual = counterfactual * (1.0 - np.where(samen_on, g["prevention_effect"], 0.0))
    if extra_prevention is not None and not _is_zero(extra_prevention):
        actual = actual * (1.0 - extra_prevention)
    return pop, Demand(counterfactual, actual, expected_demand(actual, pop))


def expected_demand(actual: np.ndarray, pop: np.ndarray) -> np.ndarray:
    """New cases the hiring plan expects (cases/year, (Y, n)): those WIJ saw the year before,
    grown with the 0-17 population, ``actual[t-1] * pop[t] / pop[t-1]`` (the first year:
    its own). The plan for year t is made in the autumn of t-1 (as the budget: one year's
    lag); a trend in the rate or a prevention effect reaches it a year late."""
    out = np.empty(np.broadcast_shapes(actual.shape, pop.shape))
    out[0] = actual[0]
    out[1:] = actual[:-1] * (pop[1:] / pop[:-1])
    return out


def phase_in(inp: Inputs, g: dict[str, np.ndarray]) -> PhaseIn:
    """3. Phase-in: the shares of each product's new cases whose product and
    referrer are in SAMEN. (settled, or in their first year, where the first-year uptake
    applies), with the realised and the planned uptake and the plan's leakage."""
    settled_w, first_w = flows.phase_in_weights(
        inp.years, inp.samen_start_year, inp.product_entry_year, inp.referrer_entry_year,
        inp.referrer_share,
    )
    return PhaseIn(settled_w, first_w, g["first_year_uptake"], g["plan_first_year_uptake"],
                   g["plan_leakage"])


def samen_cost_eur(fte_avg: np.ndarray, g: dict[str, np.ndarray], price_level: np.ndarray
                   ) -> np.ndarray:
    """10. SAMEN. cost, EUR: average FTE x cost per FTE (indexed) x (1 + overhead).
    WIJ hires for the plan, so this follows the plan's FTE path, not the realised clients."""
    return fte_avg * g["cost_per_fte_eur"] * price_level * (1.0 + g["overhead_share"])


def budget_rule_of(inp: Inputs) -> budget_rule.BudgetRule:
    """The scenario's dates and choices the budget rule reads."""
    return budget_rule.BudgetRule(
        samen_start=inp.samen_start_year, transition_end=inp.transition_end_year,
        structural_start=inp.structural_start_year, regime=inp.structural_regime,
        reeel_wij_result=inp.reeel_wij_result, ceiling=inp.lapsing_cost_ceiling,
        volume_lag=inp.volume_lag, ict_share=inp.ict_share, housing_share=inp.housing_share)


def budget_columns(inp: Inputs, g: dict[str, np.ndarray], flows_out: dict[str, np.ndarray],
                   pop: np.ndarray, index_pct: np.ndarray, samen_cost: np.ndarray
           ) -> dict[str, np.ndarray]:
    """11. The budget rule of the framework, EUR unless a ratio, with the planned
    share: :func:`samen_model.model.budget_rule.yearly_budget`."""
    planned = budget_rule.planned_share(flows_out.pop("planned_samen_value_eur"),
                                        flows_out["comparable_cost_eur"])
    out = budget_rule.yearly_budget(
        inp.years, budget_rule_of(inp), flows_out["comparable_cost_eur"],
        flows_out["open_house_scope_cost_eur"], planned, samen_cost,
        flows_out["fte_samen"], flows_out["fte_samen_avg"],
        pop, index_pct, g["expected_cost_development"], g["budget_cut_share"])
    out["planned_samen_share"] = planned
    return out


def other_youth_care(inp: Inputs, g: dict[str, np.ndarray], flows_out: dict[str, np.ndarray],
                     price_level: np.ndarray, structural_on: np.ndarray
                     ) -> dict[str, np.ndarray]:
    """13. Other youth care, EUR: the rest of the municipal spend with
    its real growth and the index, plus step-ups to specialist care and the cost of the
    waiting list (drop-outs and specialist care from the list), minus fewer referrals in
    structural years."""
    counterfactual = (g["other_youth_care_eur"]
                      * budget.cumulative_factor(g["other_youth_care_real_growth"], inp.years,
                                                 inp.price_base_year)) * price_level
    everywhere = np.ones((len(inp.years), 1), dtype=bool)
    step_up_cases = _masked(everywhere, flows_out["samen_new_clients"], g["step_up_share"])
    step_up_cost = _masked(everywhere, step_up_cases * price_level, g["step_up_cost_eur_per_case"])
    waiting_cost = _plus(
        _masked(everywhere, flows_out["waiting_list_dropout_cases"] * price_level,
                g["waiting_list_dropout_cost_eur_per_case"]),
        _masked(everywhere, flows_out["waiting_list_specialist_cases"] * price_level,
                g["waiting_list_specialist_cost_eur_per_case"]))
    reduction = _masked(structural_on, counterfactual, g["specialist_referral_reduction"])
    return {
        "step_up_cases": step_up_cases,
        "step_up_cost_eur": step_up_cost,
        "waiting_list_cost_eur": waiting_cost,
        "specialist_reduction_eur": reduction,
        "other_youth_care_cost_eur": _minus(_plus(_plus(counterfactual, step_up_cost),
                                                  waiting_cost), reduction),
        "counterfactual_other_youth_care_cost_eur": counterfactual,
    }


def closed_square(flows_out: dict[str, np.ndarray], other: dict[str, np.ndarray],
                  samen_to_municipality: np.ndarray) -> dict[str, np.ndarray]:
    """14. The closed square against the paired counterfactual, EUR; a positive
    deviation is an overspend."""
    total = (flows_out["open_house_scope_cost_eur"] + other["other_youth_care_cost_eur"]
             + samen_to_municipality)
    counterfactual = (flows_out["counterfactual_open_house_scope_cost_eur"]
                      + other["counterfactual_other_youth_care_cost_eur"])
    return {"total_youth_care_eur": total, "counterfactual_total_eur": counterfactual,
            "square_deviation_eur": total - counterfactual}


def incidental_and_net_savings(inp: Inputs, deviation: np.ndarray,
                               extra_paid: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """15. Incidental budget and net savings, EUR: outside the square; net savings
    are the saving (minus the deviation) less the incidental budget plus what returns, less
    the extra money paid (``extra_paid``, (year, n); also outside the square)."""
    inc = budget.incidental_budget(inp.incidental_tranches_eur, inp.incidental_spending_eur,
                                   inp.years, inp.incidental_return_year)
    net = (inc["returned"] - inc["budget"])[:, None] - deviation
    if extra_paid is not None:
        net = _minus(net, extra_paid)
    return {
        "incidental_budget_eur": inc["budget"][:, None],
        "incidental_spent_eur": inc["spent"][:, None],
        "incidental_carry_forward_eur": inc["carry"][:, None],
        "incidental_returned_eur": inc["returned"][:, None],
        "net_savings_eur": net,
        "cumulative_net_savings_eur": budget.running_sum(net),
    }


def extra_money_columns(inp: Inputs, g: dict[str, np.ndarray], price_level: np.ndarray
                        ) -> dict[str, np.ndarray]:
    """The council's extra money (:mod:`samen_model.model.steps.extra_money`): paid and its
    capacity part (EUR, nominal), the FTE it adds to the hiring target and the fraction of
    inflow its prevention part removes; shared zero columns without extra money."""
    names = ("extra_money_eur", "extra_money_capacity_eur", "extra_fte_target",
             "extra_prevention_effect")
    if _is_zero(g["extra_money_amount_eur"]):
        return {name: np.zeros((len(inp.years), 1)) for name in names}
    share = g["extra_money_capacity_share"]
    amount = extra_money.amount(g["extra_money_amount_eur"], inp.years, inp.extra_money_start_year)
    return dict(zip(names, (
        amount * price_level,
        amount * share * price_level,
        extra_money.capacity_fte(amount, share, g["cost_per_fte_eur"], g["overhead_share"]),
        extra_money.prevention_effect(
            amount, share, g["extra_money_prevention_effect_per_million_eur"],
            inp.extra_prevention_lag),
    ), strict=True))


# ----------------------------------------------------------------------------- helpers
def _is_zero(x: np.ndarray) -> bool:
    """A term that is 0 in every year and in every draw (shared by all draws)."""
    return x.shape[-1] == 1 and not np.any(x)


def _masked(mask: np.ndarray, x: np.ndarray, factor: np.ndarray) -> np.ndarray:
    """``x * factor`` where ``mask`` holds, else 0; a shared zero column when ``factor`` is
    zero everywhere (most scenarios have no step-ups, cuts or waiting list: no pass over the
    draws is spent on them)."""
    if _is_zero(factor):
        return np.zeros((len(mask), 1))
    return np.where(mask, x * factor, 0.0)


def _plus(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x + y``, without a pass over the draws when ``y`` is a shared zero."""
    return x if _is_zero(y) else x + y


def _minus(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x - y``, without a pass over the draws when ``y`` is a shared zero."""
    return x if _is_zero(y) else x - y
