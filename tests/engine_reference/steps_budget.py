"""Reference steps 9-15: costs, comparable cost, budget rule, settlement, square, savings.

Plain Python floats and loops, one draw at a time (see :mod:`engine_reference`).
"""

from __future__ import annotations

from engine_reference.draw import NAN, _Draw
from engine_reference.steps_flows import StockYear, level_vs_base

# ============================================================================ step 9: costs, CC


def cost_of(accounts: list[StockYear], price: list[float]) -> float:
    """Cost of a stock in one year, EUR: client-years x indexed price (EUR per client-year)."""
    return sum(s.client_years * eur for s, eur in zip(accounts, price, strict=True))


def comparable_cost(comparable: list[StockYear], plan_open_house: list[StockYear],
                    price: list[float]) -> tuple[float, float]:
    """(comparable cost CC in EUR, planned SAMEN. share as a fraction) of one year.

    CC values the whole scope population at open-house durations and prices; the planned share
    is the plan's SAMEN. clients valued the same way, over CC (0 when CC is 0).
    """
    cc = cost_of(comparable, price)
    return cc, (cost_of(plan_open_house, price) / cc if cc > 0.0 else 0.0)


# ============================================================================ step 10: SAMEN. cost


def samen_cost(d: _Draw, fte_avg: list[float], price_level: list[float]) -> list[float]:
    """SAMEN. cost per year, EUR: average FTE x cost per FTE (indexed) x (1 + overhead)."""
    return [fte_avg[i] * d.cost_per_fte[i] * price_level[i] * (1.0 + d.overhead_share[i])
            for i in range(len(d.years))]


# ============================================================================ steps 11-12: budget


def budget_rule(d: _Draw, cc: list[float], open_house_cost: list[float],
                planned_share: list[float], index_pct: list[float], samen_cost: list[float],
                fte_end: list[float], fte_avg: list[float]) -> dict[str, list[float]]:
    """The budget rule per year (EUR; volume a ratio); zero (NaN for ratios) outside SAMEN. years.

    * estimate (1 October t-1) ``= CC[t-2] * (1 + expected_cost_development[t])``;
    * volume ``= population[t-2] / population[t-3]`` (``volume_lag`` 2: the growth up to
      1 January t-2) or ``population[t-1] / population[t-2]`` (``volume_lag`` 1: during t-2);
    * provisional ``= estimate * volume * (1 + index[t] / 100) * planned_share[t]``;
    * recheck (1 March t) ``= provisional * CC[t-1] / estimate`` (unchanged if estimate <= 0);
    * the budget before the cut is the recheck, except after the transition under the regime
      ``reeel`` (when a SAMEN. year precedes it): the actual SAMEN. cost of the last transition
      year scaled to its year-end staff (``cost * FTE on 31 December / average FTE``, the cost
      itself without staff), over ``1 - ict - housing``, times ``(1 + index / 100) * volume`` of
      every year since;
    * cut ``= before * budget_cut_share`` from the structural start year;
    * lapsing open-house cost ``= CC[t] - open-house cost[t]`` (what open house no longer pays);
      above ``= before - cut - lapsing``;
    * the 'reëel' ceiling cuts ``max(before - cut - lapsing, 0)`` (``final_budget``) or
      ``max(before - cut - lapsing / (1 - ict - housing), 0)`` (``execution_budget``: the
      execution budget at most the lapsing cost), nothing when ``off``; under ``reeel`` after the
      transition it is always on (``final_budget`` unless ``execution_budget`` is chosen);
    * final ``= before - cut - ceiling cut``; transfer ``= final * (ict + housing)``;
      execution ``= final - transfer``.

    A history before the first model year is NaN (never silently zero).
    """
    out: dict[str, list[float]] = {k: [] for k in (
        "expected", "volume", "estimate", "provisional", "recheck", "before", "cut", "lapsing",
        "above", "ceiling_cut", "final", "transfer", "execution")}
    k = d.volume_lag
    transfer_share = d.ict_share + d.housing_share
    reeel_level = NAN  # the reëel budget carried forward from the last transition year
    for i, year in enumerate(d.years):
        if year < d.samen_start:
            for key in out:
                out[key].append(NAN if key in ("expected", "volume") else 0.0)
            continue
        cc_2 = cc[i - 2] if i >= 2 else NAN
        cc_1 = cc[i - 1] if i >= 1 else NAN
        estimate = cc_2 * (1.0 + d.expected_cost_development[i])
        volume = d.population[i - k] / d.population[i - k - 1] if i >= k + 1 else NAN
        provisional = estimate * volume * (1.0 + index_pct[i] / 100.0) * planned_share[i]
        recheck = provisional * (cc_1 / estimate) if estimate > 0.0 else provisional
        before = recheck
        ceiling = d.lapsing_cost_ceiling
        reeel = (d.structural_regime == "reeel" and year > d.transition_end
                 and d.transition_end >= d.samen_start)  # else no experience to set it from
        if reeel:
            if d.years[i - 1] <= d.transition_end:  # the first year after the transition
                run_rate = (samen_cost[i - 1] * fte_end[i - 1] / fte_avg[i - 1]
                            if fte_avg[i - 1] > 0.0 else samen_cost[i - 1])
                reeel_level = (run_rate / (1.0 - transfer_share) if transfer_share < 1.0
                               else run_rate)
            reeel_level = reeel_level * (1.0 + index_pct[i] / 100.0) * volume
            before = reeel_level
            ceiling = "execution_budget" if ceiling == "execution_budget" else "final_budget"
        cut = before * d.budget_cut_share[i] if year >= d.structural_start else 0.0
        lapsing = cc[i] - open_house_cost[i]
        ceiling_cut = 0.0
        if ceiling == "final_budget":
            ceiling_cut = max(before - cut - lapsing, 0.0)
        elif ceiling == "execution_budget":
            ceiling_cut = max(before - cut - lapsing / (1.0 - transfer_share), 0.0)
        final = before - cut - ceiling_cut
        transfer = final * transfer_share
        values = {
            "expected": d.expected_cost_development[i], "volume": volume, "estimate": estimate,
            "provisional": provisional, "recheck": recheck, "before": before, "cut": cut,
            "lapsing": lapsing, "above": before - cut - lapsing, "ceiling_cut": ceiling_cut,
            "final": final, "transfer": transfer, "execution": final - transfer,
        }
        for key, v in values.items():
            out[key].append(v)
    return out


def settlement(d: _Draw, execution: list[float], transfer: list[float],
               samen_cost: list[float], extra_capacity: list[float]
               ) -> dict[str, list[float]]:
    """Settlement, cost to the municipality and WIJ's result per year (EUR).

    In the transition, and after it under the regime ``settlement`` or ``reeel`` with its result
    ``settled``, WIJ settles budget minus cost: ``settlement = execution - samen_cost`` and WIJ's
    result is 0. Otherwise the budget is a lump sum: no settlement, ``wij_result = execution -
    samen_cost`` (kept by WIJ). The municipality pays ``execution - settlement + transfer`` in
    SAMEN. years. ``extra_capacity`` (the extra money for staff, paid beside the budget) is
    WIJ's income too: it is added to ``execution`` in the settlement and in WIJ's result.
    """
    after = (d.structural_regime == "settlement"
             or (d.structural_regime == "reeel" and d.reeel_wij_result == "settled"))
    out: dict[str, list[float]] = {"settlement": [], "to_municipality": [], "wij_result": []}
    for i, year in enumerate(d.years):
        samen_on = year >= d.samen_start
        settles = samen_on and (year <= d.transition_end or after)
        settled = execution[i] + extra_capacity[i] - samen_cost[i] if settles else 0.0
        out["settlement"].append(settled)
        out["to_municipality"].append(execution[i] - settled + transfer[i] if samen_on else 0.0)
        out["wij_result"].append(execution[i] + extra_capacity[i] - samen_cost[i]
                                 if samen_on and not settles else 0.0)
    return out


# ============================================================================ step 13: other care


def other_youth_care(d: _Draw, cols: dict[str, list[float]], price_level: list[float]
                     ) -> dict[str, list[float]]:
    """Other youth care per year (EUR; step-up cases in cases/year).

    * counterfactual ``= base-year spend x price level x real-growth level``;
    * step-ups ``= SAMEN. new clients x step_up_share``, each costing the indexed case cost;
    * the waiting list: drop-outs and young people going from the list to specialist care,
      each at its indexed cost per case;
    * from the structural start year (in SAMEN. years) a fraction of the counterfactual spend
      is saved (fewer specialist referrals);
    * actual ``= counterfactual + step-up cost + waiting-list cost - reduction``.
    """
    growth = level_vs_base(d.other_real_growth, d.years, d.price_base)
    out: dict[str, list[float]] = {k: [] for k in (
        "counterfactual", "step_up_cases", "step_up_cost", "waiting_cost", "reduction",
        "actual")}
    for i, year in enumerate(d.years):
        base = d.other_youth_care[i] * price_level[i] * growth[i]
        cases = cols["samen_new_clients"][i] * d.step_up_share[i]
        cost = cases * d.step_up_cost[i] * price_level[i]
        waiting = (cols["waiting_list_dropout_cases"][i] * d.waiting_dropout_cost[i]
                   + cols["waiting_list_specialist_cases"][i] * d.waiting_specialist_cost[i]
                   ) * price_level[i]
        structural = d.samen_start <= year and year >= d.structural_start
        cut = base * d.specialist_referral_reduction[i] if structural else 0.0
        for k, v in (("counterfactual", base), ("step_up_cases", cases), ("step_up_cost", cost),
                     ("waiting_cost", waiting), ("reduction", cut),
                     ("actual", base + cost + waiting - cut)):
            out[k].append(v)
    return out


# ============================================================================ step 14: the square


def closed_square(open_house: list[float], other: list[float], samen_to_municipality: list[float],
                  cf_open_house: list[float], cf_other: list[float]) -> dict[str, list[float]]:
    """Total youth-care spend with and without SAMEN. and the deviation (EUR, + = overspend)."""
    total = [oh + ot + sm for oh, ot, sm in zip(open_house, other, samen_to_municipality,
                                                strict=True)]
    counterfactual = [oh + ot for oh, ot in zip(cf_open_house, cf_other, strict=True)]
    return {"total": total, "counterfactual": counterfactual,
            "deviation": [t - c for t, c in zip(total, counterfactual, strict=True)]}


# ============================================================================ step 15: incidental


def incidental(d: _Draw) -> dict[str, list[float]]:
    """Incidental budget (EUR): tranche, spending capped by what is available, carry, return.

    Spending is the planned spending, capped by tranche plus reserve; the rest is carried to the
    next year; from the return year on, whatever is left flows back in that year.
    """
    spent, carry, returned = [], [], []
    reserve = 0.0
    for i, year in enumerate(d.years):
        available = reserve + d.incidental_tranches[i]
        used = min(available, d.incidental_spending[i])
        reserve = available - used
        back = 0.0
        if year >= d.incidental_return:
            back, reserve = reserve, 0.0
        spent.append(used)
        carry.append(reserve)
        returned.append(back)
    return {"budget": list(d.incidental_tranches), "spent": spent, "carry": carry,
            "returned": returned}


def net_savings(deviation: list[float], inc: dict[str, list[float]], extra_paid: list[float]
                ) -> tuple[list[float], list[float]]:
    """(net savings, cumulative net savings), EUR: ``-deviation - tranche + returned - extra
    money paid``."""
    net, cumulative, running = [], [], 0.0
    for dev, paid, back, extra in zip(deviation, inc["budget"], inc["returned"], extra_paid,
                                      strict=True):
        value = -dev - paid + back - extra
        running += value
        net.append(value)
        cumulative.append(running)
    return net, cumulative
