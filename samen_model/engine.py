"""The engine: numbered steps over years, vectorized over draws (SPEC §3).

``run(inputs)`` is a pure function of :class:`~samen_model.inputs.Inputs`: it loops over years
only where a stock or the FTE path carries over, and computes everything else for all years and
draws at once. The paired counterfactual (SAMEN. switched off, same draws) comes out of the same
call. Every output is a ``(year, draw)`` array named as in :mod:`samen_model.columns`.
"""

from __future__ import annotations

import ctypes
import functools
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from samen_model import budget, flows
from samen_model.inputs import Inputs, assemble_ova, assemble_population
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
    years = inp.years
    n_years = len(years)
    g = {name: _block(a, sl) for name, a in per_draw.items()}
    samen_on = (years >= inp.samen_start_year)[:, None]
    structural_on = samen_on & (years >= inp.structural_start_year)[:, None]

    # 1. Index and prices (SPEC §9, §10): budget index per year, price level vs. the base year.
    ova_prov, ova_def = assemble_ova(inp.ova_provisional_data, inp.ova_definitive_data,
                                     g["ova_assumed_pct"])
    index_pct = budget.budget_index_pct(ova_prov, ova_def)
    price_level = budget.cumulative_factor(index_pct / 100.0, years, inp.price_base_year)

    # 2. Demand (SPEC §7): new cases in the SAMEN. product scope, with trend and prevention.
    pop = assemble_population(inp.population_known, g["population_growth"])
    trend = budget.cumulative_factor(g["inflow_trend"], years, inp.price_base_year)
    new_cases_cf = pop * g["inflow_per_1000"] * trend / 1000.0
    prevention = np.where(samen_on, g["prevention_effect"], 0.0)
    new_cases = new_cases_cf * (1.0 - prevention)

    # 3. Phase-in weights (SPEC §7): products x referrers active in SAMEN., first-year uptake.
    settled_w, first_w = flows.phase_in_weights(
        years, inp.samen_start_year, inp.product_entry_year, inp.referrer_entry_year,
        inp.referrer_share,
    )
    in_scope_frac = settled_w[:, :, None] + first_w[:, :, None] * g["first_year_uptake"][:, None]
    plan_frac = settled_w[:, :, None] + first_w[:, :, None] * g["plan_first_year_uptake"][:, None]

    # Run-off coefficients per product: open house and SAMEN. durations.
    duration = g["product_duration_years"]
    oh_s, oh_a, oh_b = flows.run_off_coefficients(duration)
    sm_s, sm_a, sm_b = flows.run_off_coefficients(duration * g["samen_duration_factor"][:, None])
    share = inp.product_share  # (P, 1)
    price = g["product_price_eur"] * price_level[:, None]  # (Y, P, n) EUR per client-year
    plan_frac = plan_frac * (1.0 - g["plan_leakage"][:, None])
    # Without prevention the actual scope population equals the counterfactual one.
    prevention_free = not np.any(prevention)

    shape = (n_years, draws)
    out = {k: np.zeros(shape) for k in (
        "in_scope_new_cases", "leakage_cases", "capacity_overflow_cases", "samen_new_clients",
        "samen_clients_served", "samen_client_years", "open_house_scope_client_years",
        "fte_samen", "fte_samen_avg", "samen_capacity_client_years", "planned_samen_share",
        "comparable_cost_eur", "open_house_scope_cost_eur",
        "counterfactual_open_house_scope_cost_eur",
    )}

    # 4. Opening stocks: open house in steady state for the first year's inflow (SPEC §8).
    cf = flows.steady_state_stock(new_cases_cf[0] * share, duration[0])  # no SAMEN.
    oh = cf  # open house, actual
    eq = cf  # the scope population valued as if all in open house (for CC)
    samen = plan_samen = plan_eq = np.zeros_like(cf)  # SAMEN. and the plan (SAMEN./OH durations)
    fte_prev = np.zeros(draws)
    plan_fte_prev = fte_prev  # the hiring plan's own FTE path (what staff would be, uncapped)

    for i, year in enumerate(years):
        arrivals_cf = new_cases_cf[i] * share  # (P, n)
        cf, cf_cy = flows.step_stock(cf, arrivals_cf, oh_s[i], oh_a[i], oh_b[i])
        cf_cost = (cf_cy * price[i]).sum(axis=0)
        row = out
        row["counterfactual_open_house_scope_cost_eur"][i] = cf_cost
        if year < inp.samen_start_year:
            # Before SAMEN.: everything is open house, as in the counterfactual.
            oh = eq = cf
            row["open_house_scope_client_years"][i] = cf_cy.sum(axis=0)
            row["open_house_scope_cost_eur"][i] = row["comparable_cost_eur"][i] = cf_cost
            if year == inp.samen_start_year - 1:
                fte_prev = np.broadcast_to(g["fte_at_start"][i], (draws,)).astype(float)
                plan_fte_prev = fte_prev
            row["fte_samen"][i] = fte_prev
            continue
        arrivals = arrivals_cf if prevention_free else new_cases[i] * share

        # 5. Routing (SPEC §7): in scope, leakage, the plan.
        in_scope = arrivals * in_scope_frac[i]
        leak = in_scope * g["leakage"][i]
        samen_demand = in_scope - leak
        plan_arrivals = arrivals * plan_frac[i]

        # 6. The plan and the hiring path (SPEC §9): FTE follow the plan, not realised clients.
        plan_samen, plan_cy = flows.step_stock(plan_samen, plan_arrivals, sm_s[i], sm_a[i],
                                               sm_b[i])
        plan_eq, plan_eq_cy = flows.step_stock(plan_eq, plan_arrivals, oh_s[i], oh_a[i], oh_b[i])
        target = flows.fte_target(plan_samen.sum(axis=0), plan_cy.sum(axis=0), plan_fte_prev,
                                  g["caseload_per_fte"][i])
        fte_end = flows.fte_path_step(fte_prev, target, g["max_fte_growth"][i])
        plan_fte_prev = target
        fte_avg = 0.5 * (fte_prev + fte_end)

        # 7. Capacity (SPEC §7): new SAMEN. clients beyond FTE x caseload overflow to open house.
        capacity = fte_avg * g["caseload_per_fte"][i]
        admit = flows.admitted_fraction(
            capacity, (samen * sm_a[i]).sum(axis=0), (samen_demand * sm_b[i]).sum(axis=0)
        )
        samen_new = samen_demand * admit

        # 8. Stocks and client-years (SPEC §8).
        served = samen.sum(axis=0) + samen_new.sum(axis=0)
        samen, samen_cy = flows.step_stock(samen, samen_new, sm_s[i], sm_a[i], sm_b[i])
        oh, oh_cy = flows.step_stock(oh, arrivals - samen_new, oh_s[i], oh_a[i], oh_b[i])
        if prevention_free:
            eq_cost = cf_cost
        else:
            eq, eq_cy = flows.step_stock(eq, arrivals, oh_s[i], oh_a[i], oh_b[i])
            eq_cost = (eq_cy * price[i]).sum(axis=0)

        # 9. Comparable cost and planned share at open-house prices (SPEC §10 step 1-2).
        with np.errstate(divide="ignore", invalid="ignore"):
            planned = np.where(eq_cost > 0, (plan_eq_cy * price[i]).sum(axis=0) / eq_cost, 0.0)
        new_total = samen_new.sum(axis=0)
        demand_total = samen_demand.sum(axis=0)
        in_scope_total = in_scope.sum(axis=0)

        row["in_scope_new_cases"][i] = in_scope_total
        row["leakage_cases"][i] = in_scope_total - demand_total
        row["capacity_overflow_cases"][i] = demand_total - new_total
        row["samen_new_clients"][i] = new_total
        row["samen_clients_served"][i] = served
        row["samen_client_years"][i] = samen_cy.sum(axis=0)
        row["open_house_scope_client_years"][i] = oh_cy.sum(axis=0)
        row["fte_samen"][i] = fte_end
        row["fte_samen_avg"][i] = fte_avg
        row["samen_capacity_client_years"][i] = capacity
        row["planned_samen_share"][i] = planned
        row["comparable_cost_eur"][i] = eq_cost
        row["open_house_scope_cost_eur"][i] = (oh_cy * price[i]).sum(axis=0)
        fte_prev = fte_end

    # 10. SAMEN. cost from FTE (SPEC §9): hired for the plan, indexed with the OVA.
    samen_cost = (out["fte_samen_avg"] * g["cost_per_fte_eur"] * price_level
                  * (1.0 + g["overhead_share"]))

    # 11. Budget rule (SPEC §10 steps 2-4), only in SAMEN. years.
    steps = budget.provisional_budget(out["comparable_cost_eur"], g["expected_cost_development"],
                                      pop, index_pct, out["planned_samen_share"])
    provisional = np.where(samen_on, steps["provisional"], 0.0)
    recheck = np.where(samen_on, budget.recheck_budget(
        steps["provisional"], steps["estimate"], out["comparable_cost_eur"]), 0.0)
    cut = np.where(structural_on, recheck * g["budget_cut_share"], 0.0)
    final = recheck - cut
    transfer = final * (inp.ict_share + inp.housing_share)
    execution = final - transfer

    # 12. Settlement (SPEC §10 step 5): in the transition (or by switch) WIJ has no result.
    settles = samen_on & ((years <= inp.transition_end_year)[:, None]
                          | inp.settle_after_transition)
    settlement = np.where(settles, execution - samen_cost, 0.0)
    samen_to_municipality = np.where(samen_on, execution - settlement + transfer, 0.0)
    wij_result = np.where(samen_on & ~settles, execution - samen_cost, 0.0)

    # 13. Other youth care (SPEC §9, §10 step 6): trend, index, step-ups, fewer referrals.
    other_cf = (g["other_youth_care_eur"] * price_level
                * budget.cumulative_factor(g["other_youth_care_real_growth"], years,
                                           inp.price_base_year))
    step_up_cases = out["samen_new_clients"] * g["step_up_share"]
    step_up_cost = step_up_cases * g["step_up_cost_eur"] * price_level
    reduction = np.where(structural_on, other_cf * g["specialist_referral_reduction"], 0.0)
    other = other_cf + step_up_cost - reduction

    # 14. Closed square vs. the paired counterfactual (SPEC §12).
    total = out["open_house_scope_cost_eur"] + other + samen_to_municipality
    counterfactual = out["counterfactual_open_house_scope_cost_eur"] + other_cf
    deviation = total - counterfactual

    # 15. Incidental budget (SPEC §11) and net savings, outside the square.
    inc = budget.incidental_budget(inp.incidental_tranches_eur, inp.incidental_spending_eur,
                                   years, inp.incidental_return_year)
    net = -deviation - inc["budget"][:, None] + inc["returned"][:, None]

    def full(x: np.ndarray) -> np.ndarray:
        return np.broadcast_to(x, shape)

    out.update(
        population_0_17=full(pop),
        new_cases=full(new_cases),
        new_cases_counterfactual=full(new_cases_cf),
        step_up_cases=full(step_up_cases),
        ova_provisional=full(ova_prov[2:]),
        ova_definitive=full(ova_def[2:]),
        budget_index=full(index_pct),
        price_level=full(price_level),
        expected_cost_development=full(np.where(samen_on, g["expected_cost_development"],
                                                np.nan)),
        volume_factor=full(np.where(samen_on, steps["volume"], np.nan)),
        budget_estimate_eur=full(np.where(samen_on, steps["estimate"], 0.0)),
        budget_provisional_eur=full(provisional),
        budget_recheck_eur=full(recheck),
        budget_cut_eur=full(cut),
        budget_final_eur=full(final),
        ict_housing_transfer_eur=full(transfer),
        execution_budget_eur=full(execution),
        samen_cost_eur=full(samen_cost),
        settlement_eur=full(settlement),
        samen_cost_to_municipality_eur=full(samen_to_municipality),
        wij_result_eur=full(wij_result),
        step_up_cost_eur=full(step_up_cost),
        specialist_reduction_eur=full(reduction),
        other_youth_care_cost_eur=full(other),
        counterfactual_other_youth_care_cost_eur=full(other_cf),
        total_youth_care_eur=full(total),
        counterfactual_total_eur=full(counterfactual),
        square_deviation_eur=full(deviation),
        incidental_budget_eur=full(inc["budget"][:, None]),
        incidental_spent_eur=full(inc["spent"][:, None]),
        incidental_carry_forward_eur=full(inc["carry"][:, None]),
        incidental_returned_eur=full(inc["returned"][:, None]),
        net_savings_eur=full(net),
        cumulative_net_savings_eur=full(np.cumsum(net, axis=0)),
    )
    return out
