"""The engine: the numbered steps of the model over years, vectorized over draws.

``run(inputs)`` is a pure function of :class:`~samen_model.model.inputs.Inputs`: it loops over
years only where a stock or the FTE path carries over (:mod:`samen_model.model.stocks`), and
computes everything else for all years and draws at once. The paired counterfactual (SAMEN.
switched off, same draws) comes out of the same call. Every output is a ``(year, draw)`` array
named as in :mod:`samen_model.model.columns`. Money in EUR, shares as fractions, OVA in percent.
"""

from __future__ import annotations

import ctypes
import functools
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from samen_model.model.inputs import Inputs, assemble_ova, assemble_population
from samen_model.model.steps import budget, flows
from samen_model.model.stocks import Demand, PhaseIn, yearly_flows
from samen_model.parallel import THREADS

#: Draws per block: keeps the per-year working set in cache for large runs.
CHUNK = 8_192


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


def run(inp: Inputs, keep: tuple[str, ...] | None = None) -> dict[str, np.ndarray]:
    """All output arrays, shape (year, draw), for the draws of ``inp``.

    Draws are computed in blocks of :data:`CHUNK` and written into preallocated arrays;
    ``keep`` limits the stored outputs (every step is still computed). When no input varies
    by draw, one draw is computed and repeated.
    """
    keep_freed_memory()
    per_draw = _draw_arrays(inp)
    varies = any(a.shape[-1] > 1 for a in per_draw.values())
    if not varies:
        block = _run_block(inp, per_draw, slice(0, 1), 1)
        return {k: np.repeat(np.broadcast_to(v, (len(inp.years), 1)), inp.draws, axis=1)
                for k, v in block.items() if keep is None or k in keep}
    out: dict[str, np.ndarray] = {}
    slices = [slice(f, min(f + CHUNK, inp.draws)) for f in range(0, inp.draws, CHUNK)]

    def one(sl: slice) -> None:
        block = _run_block(inp, per_draw, sl, sl.stop - sl.start)
        for k, v in block.items():
            if keep is None or k in keep:
                if k not in out:  # only the first block, before the threads start
                    out[k] = np.empty((len(inp.years), inp.draws))
                out[k][:, sl] = v

    one(slices[0])  # allocates the outputs before the threads write into them
    if len(slices) > 1:
        # numpy releases the GIL inside its loops, so blocks on two cores overlap well.
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            list(pool.map(one, slices[1:]))
    return out


def _draw_arrays(inp: Inputs) -> dict[str, np.ndarray]:
    """The inputs whose last axis is the draw axis (size 1 when shared by all draws)."""
    return {name: getattr(inp, name) for name in inp.__dataclass_fields__
            if isinstance(getattr(inp, name), np.ndarray) and getattr(inp, name).ndim >= 2}


def _block(x: np.ndarray, sl: slice) -> np.ndarray:
    """The draws ``sl`` of an input array whose last axis is 1 (shared) or draws."""
    return x if x.shape[-1] == 1 else x[..., sl]


def _run_block(inp: Inputs, per_draw: dict[str, np.ndarray], sl: slice, draws: int
               ) -> dict[str, np.ndarray]:
    """Every output column for the draws ``sl`` of the inputs: the model's numbered steps."""
    g = {name: _block(a, sl) for name, a in per_draw.items()}
    years = inp.years
    samen_on = (years >= inp.samen_start_year)[:, None]
    structural_on = samen_on & (years >= inp.structural_start_year)[:, None]

    ova_prov, ova_def, index_pct, price_level = index_and_prices(inp, g)  # 1.
    pop, demand = new_cases(inp, g, samen_on)  # 2.
    phase = phase_in(inp, g)  # 3.
    price_eur = g["product_price_eur"] * price_level[:, None]  # (Y, P, n) EUR per client-year
    out = yearly_flows(inp, g, demand, phase, price_eur, draws)  # 4.-9.
    samen_cost = samen_cost_eur(out["fte_samen_avg"], g, price_level)  # 10.
    budgets = budget_rule(inp, g, out, pop, index_pct, samen_on, structural_on)  # 11.
    settled = settlement(inp, budgets, samen_cost, samen_on)  # 12.
    other = other_youth_care(inp, g, out["samen_new_clients"], price_level, structural_on)  # 13.
    square = closed_square(out, other, settled["samen_cost_to_municipality_eur"])  # 14.
    savings = incidental_and_net_savings(inp, square["square_deviation_eur"])  # 15.

    def full(x: np.ndarray) -> np.ndarray:
        return np.broadcast_to(x, (len(years), draws))

    out.update(
        population_0_17=pop,
        new_cases=demand.actual,
        new_cases_counterfactual=demand.counterfactual,
        step_up_cases=other["step_up_cases"],
        ova_provisional=ova_prov[2:],
        ova_definitive=ova_def[2:],
        budget_index=index_pct,
        price_level=price_level,
        samen_cost_eur=samen_cost,
        **budgets, **settled,
        **{k: v for k, v in other.items() if k != "step_up_cases"},
        **square, **savings,
    )
    return {k: full(v) for k, v in out.items()}


# ----------------------------------------------------------------------------- the steps
def index_and_prices(inp: Inputs, g: dict[str, np.ndarray]
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """1. Index and prices (SPEC §9, §10): OVA provisional and definitive (percent, years
    first-2..last), the budget index per year (percent) and the price level (ratio to the
    price base year)."""
    ova_prov, ova_def = assemble_ova(inp.ova_provisional_data, inp.ova_definitive_data,
                                     g["ova_assumed_pct"])
    index_pct = budget.budget_index_pct(ova_prov, ova_def)
    price_level = budget.cumulative_factor(index_pct / 100.0, inp.years, inp.price_base_year)
    return ova_prov, ova_def, index_pct, price_level


def new_cases(inp: Inputs, g: dict[str, np.ndarray], samen_on: np.ndarray
              ) -> tuple[np.ndarray, Demand]:
    """2. Demand (SPEC §6-7): the 0-17 population (persons) and the new cases in the SAMEN.
    product scope (cases/year), with trend and, in SAMEN. years, the prevention effect."""
    pop = assemble_population(inp.population_known, g["population_growth"])
    trend = budget.cumulative_factor(g["inflow_trend"], inp.years, inp.price_base_year)
    counterfactual = pop * g["inflow_per_1000"] * trend / 1000.0
    prevention = np.where(samen_on, g["prevention_effect"], 0.0)
    actual = counterfactual * (1.0 - prevention)
    return pop, Demand(counterfactual, actual, not np.any(prevention))


def phase_in(inp: Inputs, g: dict[str, np.ndarray]) -> PhaseIn:
    """3. Phase-in (SPEC §7): the fraction of each product's new cases whose product and
    referrer are in SAMEN. (first-year uptake applied), realised and as planned (the plan's
    uptake, minus the plan's leakage)."""
    settled_w, first_w = flows.phase_in_weights(
        inp.years, inp.samen_start_year, inp.product_entry_year, inp.referrer_entry_year,
        inp.referrer_share,
    )
    in_scope = settled_w[:, :, None] + first_w[:, :, None] * g["first_year_uptake"][:, None]
    plan = settled_w[:, :, None] + first_w[:, :, None] * g["plan_first_year_uptake"][:, None]
    return PhaseIn(in_scope, plan * (1.0 - g["plan_leakage"][:, None]))


def samen_cost_eur(fte_avg: np.ndarray, g: dict[str, np.ndarray], price_level: np.ndarray
                   ) -> np.ndarray:
    """10. SAMEN. cost (SPEC §9), EUR: average FTE x cost per FTE (indexed) x (1 + overhead).
    WIJ hires for the plan, so this follows the plan's FTE path, not the realised clients."""
    return fte_avg * g["cost_per_fte_eur"] * price_level * (1.0 + g["overhead_share"])


def budget_rule(inp: Inputs, g: dict[str, np.ndarray], flows_out: dict[str, np.ndarray],
                pop: np.ndarray, index_pct: np.ndarray, samen_on: np.ndarray,
                structural_on: np.ndarray) -> dict[str, np.ndarray]:
    """11. The budget rule (SPEC §10 steps 2-4), in SAMEN. years only; EUR unless a ratio.

    Provisional budget (1 October t-1), 1 March recheck, structural budget cut, final budget,
    the ICT/housing transfer and WIJ's execution budget.
    """
    cc = flows_out["comparable_cost_eur"]
    steps = budget.provisional_budget(cc, g["expected_cost_development"], pop, index_pct,
                                      flows_out["planned_samen_share"])
    recheck = np.where(samen_on, budget.recheck_budget(steps["provisional"], steps["estimate"],
                                                       cc), 0.0)
    cut = np.where(structural_on, recheck * g["budget_cut_share"], 0.0)
    final = recheck - cut
    transfer = final * (inp.ict_share + inp.housing_share)
    return {
        "expected_cost_development": np.where(samen_on, g["expected_cost_development"], np.nan),
        "volume_factor": np.where(samen_on, steps["volume"], np.nan),
        "budget_estimate_eur": np.where(samen_on, steps["estimate"], 0.0),
        "budget_provisional_eur": np.where(samen_on, steps["provisional"], 0.0),
        "budget_recheck_eur": recheck,
        "budget_cut_eur": cut,
        "budget_final_eur": final,
        "ict_housing_transfer_eur": transfer,
        "execution_budget_eur": final - transfer,
    }


def settlement(inp: Inputs, budgets: dict[str, np.ndarray], samen_cost: np.ndarray,
               samen_on: np.ndarray) -> dict[str, np.ndarray]:
    """12. Settlement (SPEC §10 step 5), EUR: in the transition (or by switch) the difference
    between execution budget and actual cost flows back or is topped up, so WIJ has no result;
    otherwise the lump sum stands and the difference is WIJ's result."""
    years = inp.years
    execution, transfer = budgets["execution_budget_eur"], budgets["ict_housing_transfer_eur"]
    settles = samen_on & ((years <= inp.transition_end_year)[:, None]
                          | inp.settle_after_transition)
    settled = np.where(settles, execution - samen_cost, 0.0)
    return {
        "settlement_eur": settled,
        "samen_cost_to_municipality_eur": np.where(samen_on, execution - settled + transfer,
                                                   0.0),
        "wij_result_eur": np.where(samen_on & ~settles, execution - samen_cost, 0.0),
    }


def other_youth_care(inp: Inputs, g: dict[str, np.ndarray], samen_new_clients: np.ndarray,
                     price_level: np.ndarray, structural_on: np.ndarray
                     ) -> dict[str, np.ndarray]:
    """13. Other youth care (SPEC §9, §10 step 6), EUR: the rest of the municipal spend with
    its real growth and the index, plus step-ups to specialist care, minus fewer referrals
    in structural years."""
    counterfactual = (g["other_youth_care_eur"] * price_level
                      * budget.cumulative_factor(g["other_youth_care_real_growth"], inp.years,
                                                 inp.price_base_year))
    step_up_cases = samen_new_clients * g["step_up_share"]
    step_up_cost = step_up_cases * g["step_up_cost_eur"] * price_level
    reduction = np.where(structural_on,
                         counterfactual * g["specialist_referral_reduction"], 0.0)
    return {
        "step_up_cases": step_up_cases,
        "step_up_cost_eur": step_up_cost,
        "specialist_reduction_eur": reduction,
        "other_youth_care_cost_eur": counterfactual + step_up_cost - reduction,
        "counterfactual_other_youth_care_cost_eur": counterfactual,
    }


def closed_square(flows_out: dict[str, np.ndarray], other: dict[str, np.ndarray],
                  samen_to_municipality: np.ndarray) -> dict[str, np.ndarray]:
    """14. The closed square against the paired counterfactual (SPEC §12), EUR; a positive
    deviation is an overspend."""
    total = (flows_out["open_house_scope_cost_eur"] + other["other_youth_care_cost_eur"]
             + samen_to_municipality)
    counterfactual = (flows_out["counterfactual_open_house_scope_cost_eur"]
                      + other["counterfactual_other_youth_care_cost_eur"])
    return {"total_youth_care_eur": total, "counterfactual_total_eur": counterfactual,
            "square_deviation_eur": total - counterfactual}


def incidental_and_net_savings(inp: Inputs, deviation: np.ndarray) -> dict[str, np.ndarray]:
    """15. Incidental budget (SPEC §11) and net savings, EUR: outside the square; net savings
    are the saving (minus the deviation) less the incidental budget plus what returns."""
    inc = budget.incidental_budget(inp.incidental_tranches_eur, inp.incidental_spending_eur,
                                   inp.years, inp.incidental_return_year)
    net = -deviation - inc["budget"][:, None] + inc["returned"][:, None]
    return {
        "incidental_budget_eur": inc["budget"][:, None],
        "incidental_spent_eur": inc["spent"][:, None],
        "incidental_carry_forward_eur": inc["carry"][:, None],
        "incidental_returned_eur": inc["returned"][:, None],
        "net_savings_eur": net,
        "cumulative_net_savings_eur": np.cumsum(net, axis=0),
    }
