"""The reference run: every output column of one draw, and the slow per-draw baseline."""

from __future__ import annotations

import numpy as np

from engine_reference.draw import STOCK_NAMES, _pick_draw
from engine_reference.steps_budget import (
    budget_rule,
    closed_square,
    comparable_cost,
    cost_of,
    incidental,
    net_savings,
    other_youth_care,
    samen_cost,
    settlement,
)
from engine_reference.steps_extra import extra_money
from engine_reference.steps_flows import (
    StockYear,
    WaitingYear,
    admit,
    backlog,
    budget_index_pct,
    demand,
    expected_cases,
    hiring,
    in_year_list_person_years,
    level_vs_base,
    opening_stocks,
    phase_in,
    routing,
    stock_year,
    stock_year_with_entries,
    waiting_list_exits,
    waiting_list_year,
    waiting_time_months,
)
from samen_model.model.inputs import Inputs
from samen_model.model.simulate import simulation_inputs
from samen_model.scenario.scenario import Scenario

# ============================================================================ the whole run


def _compute(inp: Inputs, draw: int,
             ledger: dict[str, list[list[StockYear]]] | None = None) -> dict[str, list[float]]:
    """All output columns of one draw; fills ``ledger`` (stock accounts) when given."""
    d = _pick_draw(inp, draw)
    years = d.years
    products = range(len(d.product_share))

    # 1. Index (percent) and price level (ratio to the price base year).
    index_pct = budget_index_pct(d.ova_provisional, d.ova_definitive)
    price_level = level_vs_base([x / 100.0 for x in index_pct], years, d.price_base)

    # 2. Demand (cases/year), 3. phase-in weights, 4. opening stocks (persons).
    extra = extra_money(d, price_level)
    new_cases_cf, new_cases = demand(d, level_vs_base(d.inflow_trend, years, d.price_base),
                                     extra["prevention"])
    settled_w, first_w = phase_in(d)
    stocks = opening_stocks(d, new_cases_cf)
    if ledger is not None:
        ledger.clear()
        ledger.update({name: [] for name in STOCK_NAMES})

    expected = expected_cases(d, new_cases)
    cols: dict[str, list[float]] = {}
    fte_prev = plan_fte_prev = 0.0
    taken_on = 1.0  # share of SAMEN.'s demand taken on in the year before (the plan learns it)
    for i in range(len(years)):
        dur_oh = d.product_duration[i]
        dur_sm = [dur * d.samen_duration_factor[i] for dur in dur_oh]
        price = [d.product_price[i][p] * price_level[i] for p in products]  # EUR/client-year
        arrivals = [new_cases[i] * d.product_share[p] for p in products]
        arrivals_cf = [new_cases_cf[i] * d.product_share[p] for p in products]

        # 5. Routing.
        route = routing(d, i, arrivals, settled_w[i], first_w[i],
                        [expected[i] * d.product_share[p] for p in products], taken_on)

        # 6. The plan (at SAMEN. and at open-house durations) and the hiring path.
        plan_sm = [stock_year(stocks["plan_samen"][p], route.plan_arrivals[p], dur_sm[p])
                   for p in products]
        plan_oh = [stock_year(stocks["plan_open_house"][p], route.budget_arrivals[p], dur_oh[p])
                   for p in products]
        exits = waiting_list_exits(d, i, stocks["waiting_list"])  # on 1 January
        need = backlog(exits[2], dur_sm) if d.waiting_list else 0.0
        fte_end, fte_avg, plan_fte_prev = hiring(d, i, fte_prev, plan_fte_prev, plan_sm, need,
                                                 extra["fte"][i])

        # 7. Capacity (person-years: staff carry the realised caseload) and admission: the
        # waiting list first in line, or the demand that does not fit overflows to open house.
        carried = d.caseload_per_fte[i] * d.realised_caseload_ratio[i]  # clients per FTE
        capacity = fte_avg * carried
        wait_years = 0.0
        if d.waiting_list:  # the list within the year, before anyone is taken on
            wanted = [s + w for s, w in zip(stocks["samen"], exits[2], strict=True)]
            wanted_cy = sum(stock_year(s, n, dur).client_years for s, n, dur in zip(
                wanted, route.samen_demand, dur_sm, strict=True))
            wait_years = in_year_list_person_years(sum(wanted) - fte_prev * carried,
                                                   wanted_cy - capacity)
            wl, samen_new = waiting_list_year(capacity, stocks["samen"], stocks["waiting_list"],
                                              exits, route.samen_demand, dur_sm)
            overflow = [0.0 for _ in products]
            to_open_house = [a - n for a, n in zip(arrivals, route.samen_demand, strict=True)]
        else:
            samen_new, overflow = admit(capacity, stocks["samen"], route.samen_demand, dur_sm)
            empty = [0.0 for _ in products]
            wl = WaitingYear(empty, empty, empty, empty, empty, empty, empty)
            to_open_house = [a - n for a, n in zip(arrivals, samen_new, strict=True)]

        # 8. Stocks: SAMEN., open house (everyone not in SAMEN. nor waiting), comparable,
        # counterfactual, the plan, the waiting list.
        accounts = {
            "samen": [stock_year_with_entries(stocks["samen"][p], wl.admitted[p], samen_new[p],
                                              dur_sm[p]) for p in products],
            "open_house": [stock_year(stocks["open_house"][p], to_open_house[p], dur_oh[p])
                           for p in products],
            "comparable": [stock_year(stocks["comparable"][p], arrivals[p], dur_oh[p])
                           for p in products],
            "counterfactual": [stock_year(stocks["counterfactual"][p], arrivals_cf[p],
                                          dur_oh[p]) for p in products],
            "plan_samen": plan_sm,
            "plan_open_house": plan_oh,
            "waiting_list": [wl.account(p) for p in products],
        }
        demanded = sum(route.samen_demand)
        if d.capacity_follows and d.years[i] >= d.samen_start:
            taken_on = sum(samen_new) / demanded if demanded > 0.0 else 1.0
        for name, year_accounts in accounts.items():
            stocks[name] = [s.closing for s in year_accounts]
            if ledger is not None:
                ledger[name].append(year_accounts)
        sm, oh, cf = accounts["samen"], accounts["open_house"], accounts["counterfactual"]

        # 9. Comparable cost and the planned share.
        cc, planned = comparable_cost(accounts["comparable"], plan_oh, price)

        row = {
            "in_scope_new_cases": sum(route.in_scope),
            "leakage_cases": sum(route.leakage),
            "capacity_overflow_cases": sum(overflow),
            "waiting_list_joined_cases": sum(wl.joined),
            "waiting_list_admitted_cases": sum(wl.admitted),
            "waiting_list_dropout_cases": sum(wl.dropouts),
            "waiting_list_specialist_cases": sum(wl.specialist),
            "waiting_list_cases": sum(wl.closing),
            "waiting_time_months": waiting_time_months(
                wait_years, sum(exits[2]) + sum(route.samen_demand)) if d.waiting_list else 0.0,
            "samen_new_clients": sum(s.arrivals for s in sm),
            "samen_clients_served": sum(s.opening + s.arrivals for s in sm),
            "samen_client_years": sum(s.client_years for s in sm),
            "open_house_scope_client_years": sum(s.client_years for s in oh),
            "fte_samen": fte_end,
            "fte_samen_avg": fte_avg,
            "samen_capacity_client_years": capacity,
            "planned_samen_share": planned,
            "comparable_cost_eur": cc,
            "open_house_scope_cost_eur": cost_of(oh, price),
            "counterfactual_open_house_scope_cost_eur": cost_of(cf, price),
        }
        for k, v in row.items():
            cols.setdefault(k, []).append(v)
        fte_prev = fte_end

    # 10. SAMEN. cost; 11-12. budget rule and settlement.
    cost = samen_cost(d, cols["fte_samen_avg"], price_level)
    # the reëel budget starts from the cost the extra money for staff does not pay
    ruled = [c - k for c, k in zip(cost, extra["capacity"], strict=True)]
    b = budget_rule(d, cols["comparable_cost_eur"], cols["open_house_scope_cost_eur"],
                    cols["planned_samen_share"], index_pct, ruled, cols["fte_samen"],
                    cols["fte_samen_avg"])
    s = settlement(d, b["execution"], b["transfer"], cost, extra["capacity"])

    # 13. Other youth care; 14. the closed square; 15. incidental budget and net savings.
    other = other_youth_care(d, cols, price_level)
    square = closed_square(cols["open_house_scope_cost_eur"], other["actual"],
                           s["to_municipality"], cols["counterfactual_open_house_scope_cost_eur"],
                           other["counterfactual"])
    inc = incidental(d)
    net, cumulative = net_savings(square["deviation"], inc, extra["paid"])

    cols.update(
        population_0_17=list(d.population),
        new_cases=new_cases,
        new_cases_counterfactual=new_cases_cf,
        step_up_cases=other["step_up_cases"],
        ova_provisional=d.ova_provisional[2:],
        ova_definitive=d.ova_definitive[2:],
        budget_index=index_pct,
        price_level=price_level,
        expected_cost_development=b["expected"],
        volume_factor=b["volume"],
        budget_estimate_eur=b["estimate"],
        budget_provisional_eur=b["provisional"],
        budget_recheck_eur=b["recheck"],
        budget_before_cut_eur=b["before"],
        budget_cut_eur=b["cut"],
        lapsing_open_house_cost_eur=b["lapsing"],
        budget_above_lapsing_cost_eur=b["above"],
        budget_ceiling_cut_eur=b["ceiling_cut"],
        budget_final_eur=b["final"],
        ict_housing_transfer_eur=b["transfer"],
        execution_budget_eur=b["execution"],
        samen_cost_eur=cost,
        settlement_eur=s["settlement"],
        samen_cost_to_municipality_eur=s["to_municipality"],
        wij_result_eur=s["wij_result"],
        step_up_cost_eur=other["step_up_cost"],
        waiting_list_cost_eur=other["waiting_cost"],
        specialist_reduction_eur=other["reduction"],
        other_youth_care_cost_eur=other["actual"],
        counterfactual_other_youth_care_cost_eur=other["counterfactual"],
        total_youth_care_eur=square["total"],
        counterfactual_total_eur=square["counterfactual"],
        square_deviation_eur=square["deviation"],
        incidental_budget_eur=inc["budget"],
        incidental_spent_eur=inc["spent"],
        incidental_carry_forward_eur=inc["carry"],
        incidental_returned_eur=inc["returned"],
        extra_money_eur=extra["paid"],
        extra_money_capacity_eur=extra["capacity"],
        extra_fte_target=extra["fte"],
        extra_prevention_effect=extra["prevention"],
        net_savings_eur=net,
        cumulative_net_savings_eur=cumulative,
    )
    return cols


# ============================================================================ public API


def reference_run(inputs: Inputs, draw: int) -> dict[str, list[float]]:
    """Every output column of :func:`~samen_model.model.engine.run_block` for draw ``draw``, as
    lists over years.

    Inputs whose draw axis has size 1 are shared by all draws (index 0 is taken).
    """
    return _compute(inputs, draw)


def reference_ledger(inputs: Inputs, draw: int) -> dict[str, list[list[StockYear]]]:
    """Stock accounts of draw ``draw``: ``ledger[stock][year index][product index]``.

    Stocks are named in :data:`STOCK_NAMES`; each entry is a :class:`StockYear`.
    """
    ledger: dict[str, list[list[StockYear]]] = {}
    _compute(inputs, draw, ledger)
    return ledger


def reference_simulate(
    scenario: Scenario,
    values: dict[str, np.ndarray] | None = None,
    draws: int = 1,
    *,
    seed: int = 0,
    sample: bool | None = None,
) -> dict[str, np.ndarray]:
    """The slow baseline of :func:`samen_model.model.simulate`: one Python loop per draw.

    Resolves the inputs exactly like ``simulate`` (seeded sampling of distributions when
    ``draws > 1`` unless ``sample`` says otherwise; ``values`` take precedence) and returns every
    column as a ``(year, draw)`` array, like ``Result.arrays``.
    """
    sample = draws > 1 if sample is None else sample
    inputs = simulation_inputs(scenario, draws, seed, sample, values)
    runs = [reference_run(inputs, k) for k in range(draws)]
    return {name: np.array([r[name] for r in runs], dtype=float).T for name in runs[0]}
