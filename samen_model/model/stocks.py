"""Engine steps 4-9: stocks, routing, hiring, capacity, comparable cost.

Only the stocks carry state from one year to the next, so only their recursions loop over years:
the counterfactual open house and the plan (which need nothing from SAMEN.'s year) each in one
loop, then hiring, capacity, the waiting list and SAMEN.'s stock together (they feed back).
Everything else is computed for all years, products and draws at once. Shapes: (year, product,
draw) for the stocks, (year, draw) for the columns. Units: persons (stocks), cases per year
(arrivals), person-years (client-years), FTE, EUR.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from samen_model.model.inputs import Inputs
from samen_model.model.steps import flows

#: The columns :func:`yearly_flows` fills, shape (year, draw).
FLOW_COLUMNS = (
    "in_scope_new_cases", "leakage_cases", "capacity_overflow_cases", "samen_new_clients",
    "samen_clients_served", "samen_client_years", "open_house_scope_client_years",
    "fte_samen", "fte_samen_avg", "samen_capacity_client_years", "planned_samen_share",
    "comparable_cost_eur", "open_house_scope_cost_eur",
    "counterfactual_open_house_scope_cost_eur",
)
#: The waiting-list columns (all zero with ``capacity.shortfall: overflow``).
WAITING_COLUMNS = (
    "waiting_list_joined_cases", "waiting_list_admitted_cases", "waiting_list_dropout_cases",
    "waiting_list_specialist_cases", "waiting_list_cases", "waiting_time_months",
)


class Demand(NamedTuple):
    """New scope cases per year (cases/year), shape (year, n)."""

    counterfactual: np.ndarray  # without SAMEN. (no prevention)
    actual: np.ndarray  # after the prevention effect
    prevention_free: bool  # no prevention in any year of the block: actual == counterfactual


class PhaseIn(NamedTuple):
    """Referrer-weighted shares of a product's new cases whose product and referrer are in
    SAMEN. (steps.flows.phase_in_weights), and the uptake of a combination's first year."""

    settled: np.ndarray  # (Y, P, 1) combinations in SAMEN. for more than a year
    first: np.ndarray  # (Y, P, 1) combinations in their first year
    uptake: np.ndarray  # (Y, 1, n) realised first-year uptake
    plan_uptake: np.ndarray  # (Y, 1, n) the plan's first-year uptake
    plan_leakage: np.ndarray  # (Y, n) the plan's leakage

    def in_scope(self, arrivals: np.ndarray, rows: slice) -> np.ndarray:
        """New cases (rows, P, n) that reach SAMEN.: ``arrivals x (settled + first x uptake)``."""
        return _weighted(arrivals, self.settled[rows], self.first[rows], self.uptake[rows])

    def plan(self, arrivals: np.ndarray, rows: slice) -> np.ndarray:
        """New cases (rows, P, n) the plan expects SAMEN. to take on: with the plan's uptake,
        minus the plan's leakage."""
        return (_weighted(arrivals, self.settled[rows], self.first[rows], self.plan_uptake[rows])
                * (1.0 - self.plan_leakage[rows, None]))


def _weighted(arrivals: np.ndarray, settled: np.ndarray, first: np.ndarray,
              uptake: np.ndarray) -> np.ndarray:
    """``arrivals x (settled + first x uptake)``; the uptake term only in the (few) years in
    which a product-referrer combination is in its first year."""
    out = np.empty(np.broadcast_shapes(arrivals.shape, settled.shape, first.shape,
                                       uptake.shape))
    np.multiply(arrivals, settled, out=out)
    for j in np.flatnonzero(first.any(axis=(1, 2))):
        out[j] += arrivals[j] * first[j] * uptake[j]
    return out


class RunOff(NamedTuple):
    """Run-off coefficients per (year, product, n): survival, ``a`` and ``b`` (steps.flows)."""

    survive: np.ndarray
    a: np.ndarray
    b: np.ndarray


class WaitingList(NamedTuple):
    """One year of the waiting list, persons per product (P, n) unless said otherwise."""

    dropouts: np.ndarray  # left the list without help on 1 January
    specialist: np.ndarray  # went to specialist care on 1 January
    admitted: np.ndarray  # taken on by SAMEN. on 1 January (first in line)
    joined: np.ndarray  # new SAMEN. demand that did not fit: waits
    closing: np.ndarray  # waiting on 31 December
    person_years: np.ndarray  # (n,) the list's average length over the year


def yearly_flows(inp: Inputs, g: dict[str, np.ndarray], demand: Demand, phase: PhaseIn,
                 price_level: np.ndarray, draws: int) -> dict[str, np.ndarray]:
    """Steps 4-9 for every year of a block; returns :data:`FLOW_COLUMNS` and
    :data:`WAITING_COLUMNS` as (year, draw) arrays (or (year, 1) when the same for all draws).

    ``g`` holds the block's per-draw inputs by :class:`Inputs` field name; ``price_level`` the
    index level (year, n) that turns the open-house prices of the price base year into EUR.
    """
    years = inp.years
    r0 = int(np.sum(years < inp.samen_start_year))  # the first SAMEN. year's row
    columns = _columns(len(years), draws, r0, inp.waiting_list)

    # 4. Opening stocks: open house in steady state for the first year's inflow (SPEC §8); the
    # counterfactual (no SAMEN.) runs through every year, open house follows it before SAMEN.
    cf = merge_products(inp, g, phase, by_entry=False)  # it needs only durations and prices
    cf_run_off = RunOff(*flows.run_off_coefficients(cf.duration))
    arrivals_cf = demand.counterfactual[:, None] * cf.share  # (Y, K, n) cases/year
    cf_cy = np.empty(_stock_shape(arrivals_cf, cf_run_off.a))
    cf_start = run_stock(flows.steady_state_stock(arrivals_cf[0], cf.duration[0]), arrivals_cf,
                         cf_run_off, range(r0), cf_cy)
    run_stock(cf_start, arrivals_cf[r0:], cf_run_off, range(r0, len(years)), cf_cy[r0:])
    cf_cost = value(cf_cy, cf.price, price_level,
                    columns["counterfactual_open_house_scope_cost_eur"])
    cf_total = cf_cy.sum(axis=1)
    columns["open_house_scope_client_years"][:r0] = cf_total[:r0]
    columns["open_house_scope_cost_eur"][:r0] = columns["comparable_cost_eur"][:r0] = cf_cost[:r0]
    if r0 and years[r0 - 1] == inp.samen_start_year - 1:  # staff of 1 January of the start
        columns["fte_samen"][r0 - 1] = g["fte_at_start"][r0 - 1]
    if r0 == len(years):  # SAMEN. never starts within the horizon
        return columns
    after = {name: column[r0:] for name, column in columns.items()
             if name in FLOW_COLUMNS or inp.waiting_list}  # views of the SAMEN. years

    # 5. Routing (SPEC §7), all SAMEN. years at once: in scope, leakage, the plan.
    products = merge_products(inp, g, phase, by_entry=True)
    oh = RunOff(*flows.run_off_coefficients(products.duration))  # open-house durations
    factor = g["samen_duration_factor"]
    same = factor.shape[-1] == 1 and bool(np.all(factor == 1.0))  # SAMEN. lasts as long
    sm = oh if same else RunOff(*flows.run_off_coefficients(products.duration * factor[:, None]))
    rows, price = slice(r0, None), products.price[r0:]
    arrivals = (demand.counterfactual if demand.prevention_free else demand.actual
                )[rows, None] * products.share
    in_scope = products.phase.in_scope(arrivals, rows)
    samen_demand = in_scope * (1.0 - g["leakage"][rows, None])
    plan_arrivals = products.phase.plan(arrivals, rows)
    demand_total = samen_demand.sum(axis=1)
    total(in_scope, after["in_scope_new_cases"])
    np.subtract(after["in_scope_new_cases"], demand_total, out=after["leakage_cases"])

    # 6. The plan (SPEC §9): WIJ hires for it, and the budget's planned share values it.
    plan_closing = np.empty(_stock_shape(plan_arrivals, sm.a))
    plan_cy = np.empty(plan_closing.shape)
    run_stock(np.zeros((1, 1)), plan_arrivals, sm, range(r0, len(years)), plan_cy,
              plan_closing)
    if same:
        plan_eq_cy = plan_cy
    else:
        plan_eq_cy = np.empty(_stock_shape(plan_arrivals, oh.a))
        run_stock(np.zeros((1, 1)), plan_arrivals, oh, range(r0, len(years)), plan_eq_cy)

    # 6.-8. Hiring, capacity (with the waiting list or overflow) and SAMEN.'s stock.
    samen = samen_years(inp, g, r0, sm, samen_demand, plan_closing.sum(axis=1),
                        plan_cy.sum(axis=1), after)
    new_total = total(samen["new"], after["samen_new_clients"])
    if inp.waiting_list:
        after["capacity_overflow_cases"][:] = 0.0
        new_total += after["waiting_list_admitted_cases"]
    else:
        np.subtract(demand_total, new_total, out=after["capacity_overflow_cases"])
    samen_total = total(samen["client_years"], after["samen_client_years"])

    # 8. Open house: with equal durations and overflow it is the counterfactual minus SAMEN.
    # (both run off alike and every new case goes to one of them); else its own stock.
    start = cf_start if products.groups == cf.groups else None
    if same and demand.prevention_free and not inp.waiting_list:
        np.subtract(cf_total[rows], samen_total, out=after["open_house_scope_client_years"])
        samen_value = value(samen["client_years"], price, price_level[rows],
                            np.empty_like(after["open_house_scope_cost_eur"]))
        np.subtract(cf_cost[rows], samen_value, out=after["open_house_scope_cost_eur"])
    else:
        start = _start_stock(demand, products, oh, r0) if start is None else start
        gone = samen_demand if inp.waiting_list else samen["new"]  # admitted or waiting
        oh_cy = np.empty((*arrivals.shape[:2], draws))
        run_stock(start, arrivals - gone, oh, range(r0, len(years)), oh_cy)
        total(oh_cy, after["open_house_scope_client_years"])
        value(oh_cy, price, price_level[rows], after["open_house_scope_cost_eur"])

    # 9. Comparable cost and planned share at open-house prices (SPEC §10 steps 1-2).
    eq_cost = after["comparable_cost_eur"]
    if demand.prevention_free:
        eq_cost[:] = cf_cost[rows]
    else:
        start = _start_stock(demand, products, oh, r0) if start is None else start
        eq_cy = np.empty(_stock_shape(arrivals, oh.a))
        run_stock(start, arrivals, oh, range(r0, len(years)), eq_cy)
        value(eq_cy, price, price_level[rows], eq_cost)
    planned = value(plan_eq_cy, price, price_level[rows], after["planned_samen_share"])
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(planned, eq_cost, out=planned, where=eq_cost > 0)
    planned[eq_cost <= 0] = 0.0
    return columns


def _start_stock(demand: Demand, products: Products, run_off: RunOff, r0: int) -> np.ndarray:
    """Open house on 1 January of the start year by the SAMEN. grouping of the products: the
    counterfactual's stock (steady state, then the years before SAMEN.)."""
    arrivals = demand.counterfactual[:r0, None] * products.share
    scratch = np.empty(_stock_shape(arrivals, run_off.a))
    return run_stock(flows.steady_state_stock(arrivals[0], products.duration[0]), arrivals,
                     run_off, range(r0), scratch)


def samen_years(inp: Inputs, g: dict[str, np.ndarray], r0: int, sm: RunOff,
                samen_demand: np.ndarray, plan_closing: np.ndarray, plan_cy: np.ndarray,
                out: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Steps 6-8 year by year from the SAMEN. start (row ``r0``): they feed back.

    6. FTE follow the plan's year-end caseload ``plan_closing`` and client-years ``plan_cy``
    (persons, person-years per year and draw), not the realised clients, plus the young people
    still waiting on 1 January; hiring is capped and vacancies stay open.
    7. Capacity is average FTE x the caseload staff carry; demand beyond it waits (first in line
    the next year) or overflows to open house.
    8. SAMEN.'s stock runs off. Writes ``samen_clients_served``, ``fte_samen``,
    ``fte_samen_avg``, ``samen_capacity_client_years`` and the waiting-list columns of the
    SAMEN. years into ``out`` (year, draw); returns ``new`` (year, K, n), the new clients from
    each year's demand, and SAMEN.'s ``client_years`` (year, K, n).
    """
    n_years, k = samen_demand.shape[:2]
    draws = out["fte_samen"].shape[1]
    fte_prev = np.broadcast_to(g["fte_at_start"][r0 - 1], (draws,)).astype(float)
    plan_prev = fte_prev  # the plan's own FTE path (what staff would be, uncapped)
    samen = waiting = np.zeros((k, 1))
    new = np.empty((n_years, k, draws))
    client_years = np.empty(new.shape)
    demand_cy = (samen_demand * sm.b[r0:]).sum(axis=1)  # if all were admitted
    for j in range(n_years):
        i = r0 + j
        caseload = g["caseload_per_fte"][i]
        target = flows.fte_target(plan_closing[j], plan_cy[j], plan_prev, caseload)
        plan_prev = target
        if inp.waiting_list:  # on 1 January some leave the list; WIJ hires for the rest too
            exits = flows.waiting_list_exits(waiting, g["waiting_dropout_share"][i],
                                             g["waiting_specialist_share"][i])
            target = target + flows.backlog_fte((exits[2] * sm.a[i]).sum(axis=0), caseload)
        fte_end = flows.fte_path_step(fte_prev, target, g["max_fte_growth"][i],
                                      g["vacancy_rate"][i])
        fte_avg = 0.5 * (fte_prev + fte_end)
        capacity = fte_avg * (caseload * g["realised_caseload_ratio"][i])
        opening_cy = (samen * sm.a[i]).sum(axis=0)
        if inp.waiting_list:
            wl = waiting_list_year(exits, capacity, opening_cy, samen_demand[j], demand_cy[j],
                                   sm.a[i])
            np.subtract(samen_demand[j], wl.joined, out=new[j])
            samen, waiting = samen + wl.admitted, wl.closing
            _waiting_columns(out, j, wl)
        else:
            np.multiply(samen_demand[j],
                        flows.admitted_fraction(capacity, opening_cy, demand_cy[j]), out=new[j])
        out["samen_clients_served"][j] = samen.sum(axis=0) + new[j].sum(axis=0)
        samen, _ = flows.step_stock(samen, new[j], sm.survive[i], sm.a[i], sm.b[i],
                                    client_years[j])
        out["fte_samen"][j], out["fte_samen_avg"][j] = fte_end, fte_avg
        out["samen_capacity_client_years"][j] = capacity
        fte_prev = fte_end
    return {"new": new, "client_years": client_years}


def value(client_years: np.ndarray, base_price: np.ndarray, price_level: np.ndarray,
          out: np.ndarray) -> np.ndarray:
    """Open-house cost (year, n) of client-years (year, K, n): the products' client-years at
    the prices of the price base year, times the price level; written into ``out``."""
    return np.multiply(total(client_years * base_price, out), price_level, out=out)


def total(x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``x`` (year, K, n) summed over the products into ``out`` (year, draw)."""
    if x.shape[-1] == out.shape[-1]:
        return np.sum(x, axis=1, out=out)
    out[...] = x.sum(axis=1)  # the same in every draw
    return out


def run_stock(opening: np.ndarray, arrivals: np.ndarray, run_off: RunOff, rows: range,
              client_years: np.ndarray, closing: np.ndarray | None = None) -> np.ndarray:
    """Step a stock through the years ``rows`` (row indices of the run-off coefficients) with
    ``arrivals[j]`` in the ``j``-th of them; write each year's client-years (and, if given, the
    closing stock) into row ``j`` of the output arrays. Returns the last closing stock."""
    for j, i in enumerate(rows):
        opening, _ = flows.step_stock(opening, arrivals[j], run_off.survive[i], run_off.a[i],
                                      run_off.b[i], client_years[j])
        if closing is not None:
            closing[j] = opening
    return opening


def _stock_shape(arrivals: np.ndarray, coefficient: np.ndarray) -> tuple[int, ...]:
    """(years of ``arrivals``, products, draws) of a stock's client-years."""
    return (arrivals.shape[0], arrivals.shape[1], max(arrivals.shape[2], coefficient.shape[2]))


def _columns(n_years: int, draws: int, r0: int, waiting_list: bool) -> dict[str, np.ndarray]:
    """The output columns (year, draw), zero before SAMEN. (rows ``:r0``); without a waiting
    list its columns are a shared zero (year, 1)."""
    names = (*FLOW_COLUMNS, *(WAITING_COLUMNS if waiting_list else ()))
    block = np.empty((len(names), n_years, draws))
    block[:, :r0] = 0.0
    columns = dict(zip(names, block, strict=True))
    if not waiting_list:
        columns.update(dict.fromkeys(WAITING_COLUMNS, np.zeros((n_years, 1))))
    return columns


class Products(NamedTuple):
    """The products as stocks: groups of products that run off alike (merge_products)."""

    share: np.ndarray  # (K, 1) of the scope's new cases
    duration: np.ndarray  # (Y, K, n) years in open house
    price: np.ndarray  # (Y, K, n) open-house price of the price base year, EUR/client-year
    phase: PhaseIn  # the phase-in weights per group
    groups: tuple[tuple[int, ...], ...]  # product indices of each group


def merge_products(inp: Inputs, g: dict[str, np.ndarray], phase: PhaseIn, by_entry: bool
                   ) -> Products:
    """Products that run off alike (the same durations in every year, shared by all draws)
    and, with ``by_entry``, enter SAMEN. in the same year form one stock, valued at the group's
    share-weighted price. Stocks are linear in their arrivals, so a group costs what its
    products cost apart; only fewer arrays are stepped (the per-product accounts are the
    reference's). The counterfactual groups by duration alone, so it does not depend on any
    SAMEN. parameter, not even in the last bit."""
    duration, price, share = g["product_duration_years"], g["product_price_eur"], \
        inp.product_share
    alone = tuple((p,) for p in range(len(share)))
    if duration.shape[-1] != 1:
        return Products(share, duration, price, phase, alone)
    keys = [(int(inp.product_entry_year[p]) if by_entry else 0, duration[:, p, 0].tobytes())
            for p in range(len(share))]
    groups = tuple(tuple(p for p in range(len(keys)) if keys[p] == k)
                   for k in dict.fromkeys(keys))
    if len(groups) == len(keys):
        return Products(share, duration, price, phase, alone)
    first = [grp[0] for grp in groups]
    merged_share = np.array([[share[list(grp), 0].sum()] for grp in groups])
    merged_price = np.stack([sum(share[p, 0] * price[:, p] for p in grp) / merged_share[k, 0]
                             for k, grp in enumerate(groups)], axis=1)
    # with by_entry the products of a group share their phase-in weights; without it the
    # weights are not used (the counterfactual has no SAMEN.)
    return Products(merged_share, duration[:, first], merged_price,
                    phase._replace(settled=phase.settled[:, first], first=phase.first[:, first]),
                    groups)


def waiting_list_year(exits: tuple[np.ndarray, np.ndarray, np.ndarray], capacity: np.ndarray,
                      opening_cy: np.ndarray, samen_demand: np.ndarray, demand_cy: np.ndarray,
                      a: np.ndarray) -> WaitingList:
    """Step 7 with a waiting list. ``exits``: the list's drop-outs, specialist cases and those
    still waiting on 1 January (:func:`~samen_model.model.steps.flows.waiting_list_exits`).
    Those still waiting are admitted first (as opening clients, ``a`` client-years each); new
    demand that does not fit joins the list. Persons per product (P, n)."""
    dropouts, specialist, still = exits
    from_list, admit = flows.admitted_fractions(capacity, opening_cy, (still * a).sum(axis=0),
                                                demand_cy)
    admitted = still * from_list
    joined = samen_demand - samen_demand * admit
    left = still - admitted  # waits all year
    return WaitingList(dropouts, specialist, admitted, joined, left + joined,
                       left.sum(axis=0) + 0.5 * joined.sum(axis=0))


def _waiting_columns(out: dict[str, np.ndarray], j: int, wl: WaitingList) -> None:
    """Write the waiting-list columns of SAMEN. year ``j``."""
    for name, x in zip(WAITING_COLUMNS[:5], (wl.joined, wl.admitted, wl.dropouts,
                                             wl.specialist, wl.closing), strict=True):
        out[name][j] = x.sum(axis=0)
    out["waiting_time_months"][j] = flows.waiting_time_months(
        wl.person_years, out["waiting_list_joined_cases"][j])
