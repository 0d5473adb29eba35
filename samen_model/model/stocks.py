"""Engine steps 4-9, year by year: stocks, routing, hiring, capacity, comparable cost.

These are the only steps that carry state from one year to the next (client stocks and the FTE
path), so they loop over years; every statement is vectorized over the draws of a block. Units:
persons (stocks), cases per year (arrivals), person-years (client-years), FTE, EUR.
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


class Demand(NamedTuple):
    """New scope cases per year (cases/year), shape (year, n)."""

    counterfactual: np.ndarray  # without SAMEN. (no prevention)
    actual: np.ndarray  # after the prevention effect
    prevention_free: bool  # no prevention in any year of the block: actual == counterfactual


class PhaseIn(NamedTuple):
    """Fractions of a product's new cases, shape (year, product, n)."""

    in_scope: np.ndarray  # reach SAMEN. (product and referrer in, first-year uptake)
    plan: np.ndarray  # the plan expects SAMEN. to carry (planned uptake and leakage)


class RunOff(NamedTuple):
    """Run-off coefficients per (year, product, n): survival, ``a`` and ``b`` (steps.flows)."""

    survive: np.ndarray
    a: np.ndarray
    b: np.ndarray


def yearly_flows(inp: Inputs, g: dict[str, np.ndarray], demand: Demand, phase: PhaseIn,
                 price_eur: np.ndarray, draws: int) -> dict[str, np.ndarray]:
    """Steps 4-9 for every year of a block; returns :data:`FLOW_COLUMNS` as (year, draw).

    ``g`` holds the block's per-draw inputs by :class:`Inputs` field name; ``price_eur`` is the
    open-house price per client-year (year, product, n), indexed.
    """
    years = inp.years
    duration = g["product_duration_years"]
    oh = RunOff(*flows.run_off_coefficients(duration))  # open-house durations
    sm = RunOff(*flows.run_off_coefficients(duration * g["samen_duration_factor"][:, None]))
    share = inp.product_share  # (P, 1)
    out = {k: np.zeros((len(years), draws)) for k in FLOW_COLUMNS}

    # 4. Opening stocks: open house in steady state for the first year's inflow (SPEC §8).
    cf = flows.steady_state_stock(demand.counterfactual[0] * share, duration[0])  # no SAMEN.
    samen = plan_samen = plan_eq = np.zeros_like(cf)  # SAMEN. and the plan (SAMEN./OH durations)
    oh_stock = eq = cf  # open house (actual) and the scope population valued as open house
    fte_prev = np.zeros(draws)
    plan_fte_prev = fte_prev  # the hiring plan's own FTE path (what staff would be, uncapped)

    for i, year in enumerate(years):
        arrivals_cf = demand.counterfactual[i] * share  # (P, n)
        cf, cf_cy = flows.step_stock(cf, arrivals_cf, oh.survive[i], oh.a[i], oh.b[i])
        cf_cost = (cf_cy * price_eur[i]).sum(axis=0)
        out["counterfactual_open_house_scope_cost_eur"][i] = cf_cost
        if year < inp.samen_start_year:
            # Before SAMEN.: everything is open house, as in the counterfactual.
            oh_stock = eq = cf
            out["open_house_scope_client_years"][i] = cf_cy.sum(axis=0)
            out["open_house_scope_cost_eur"][i] = out["comparable_cost_eur"][i] = cf_cost
            if year == inp.samen_start_year - 1:
                fte_prev = np.broadcast_to(g["fte_at_start"][i], (draws,)).astype(float)
                plan_fte_prev = fte_prev
            out["fte_samen"][i] = fte_prev
            continue
        arrivals = arrivals_cf if demand.prevention_free else demand.actual[i] * share

        # 5. Routing (SPEC §7): in scope, leakage, the plan.
        in_scope = arrivals * phase.in_scope[i]
        leak = in_scope * g["leakage"][i]
        samen_demand = in_scope - leak
        plan_arrivals = arrivals * phase.plan[i]

        # 6. The plan and the hiring path (SPEC §9): FTE follow the plan, not realised clients.
        plan_samen, plan_cy = flows.step_stock(plan_samen, plan_arrivals, sm.survive[i],
                                               sm.a[i], sm.b[i])
        plan_eq, plan_eq_cy = flows.step_stock(plan_eq, plan_arrivals, oh.survive[i], oh.a[i],
                                               oh.b[i])
        target = flows.fte_target(plan_samen.sum(axis=0), plan_cy.sum(axis=0), plan_fte_prev,
                                  g["caseload_per_fte"][i])
        fte_end = flows.fte_path_step(fte_prev, target, g["max_fte_growth"][i])
        plan_fte_prev = target
        fte_avg = 0.5 * (fte_prev + fte_end)

        # 7. Capacity (SPEC §7): new SAMEN. clients beyond FTE x caseload overflow to open house.
        capacity = fte_avg * g["caseload_per_fte"][i]
        admit = flows.admitted_fraction(
            capacity, (samen * sm.a[i]).sum(axis=0), (samen_demand * sm.b[i]).sum(axis=0)
        )
        samen_new = samen_demand * admit

        # 8. Stocks and client-years (SPEC §8).
        served = samen.sum(axis=0) + samen_new.sum(axis=0)
        samen, samen_cy = flows.step_stock(samen, samen_new, sm.survive[i], sm.a[i], sm.b[i])
        oh_stock, oh_cy = flows.step_stock(oh_stock, arrivals - samen_new, oh.survive[i],
                                           oh.a[i], oh.b[i])
        if demand.prevention_free:
            eq_cost = cf_cost
        else:
            eq, eq_cy = flows.step_stock(eq, arrivals, oh.survive[i], oh.a[i], oh.b[i])
            eq_cost = (eq_cy * price_eur[i]).sum(axis=0)

        # 9. Comparable cost and planned share at open-house prices (SPEC §10 step 1-2).
        with np.errstate(divide="ignore", invalid="ignore"):
            planned = np.where(eq_cost > 0, (plan_eq_cy * price_eur[i]).sum(axis=0) / eq_cost,
                               0.0)
        new_total = samen_new.sum(axis=0)
        demand_total = samen_demand.sum(axis=0)
        in_scope_total = in_scope.sum(axis=0)

        out["in_scope_new_cases"][i] = in_scope_total
        out["leakage_cases"][i] = in_scope_total - demand_total
        out["capacity_overflow_cases"][i] = demand_total - new_total
        out["samen_new_clients"][i] = new_total
        out["samen_clients_served"][i] = served
        out["samen_client_years"][i] = samen_cy.sum(axis=0)
        out["open_house_scope_client_years"][i] = oh_cy.sum(axis=0)
        out["fte_samen"][i] = fte_end
        out["fte_samen_avg"][i] = fte_avg
        out["samen_capacity_client_years"][i] = capacity
        out["planned_samen_share"][i] = planned
        out["comparable_cost_eur"][i] = eq_cost
        out["open_house_scope_cost_eur"][i] = (oh_cy * price_eur[i]).sum(axis=0)
        fte_prev = fte_end
    return out
