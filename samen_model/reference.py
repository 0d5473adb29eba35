"""A per-draw, pure-Python reference implementation of the engine (a readable specification).

:func:`reference_run` computes every output column of :func:`samen_model.engine.run` for ONE draw
with plain Python floats, :mod:`math` and explicit loops over years, products and referrers. It is
written from the model description (the module docstrings of :mod:`samen_model.flows` and
:mod:`samen_model.budget`, the column dictionary in :mod:`samen_model.columns` and the numbered
steps of the engine), not from the engine's array code, so the two implementations check each
other. It is deliberately slow: :func:`reference_simulate` loops over draws and is the baseline the
vectorised engine is benchmarked against.

Conventions (the same as the engine's):

* Years run ``first_year .. last_year``; a "SAMEN. year" is a year ``>= samen_start_year``.
* Money is in nominal EUR unless said otherwise; euro inputs are given in prices of the price base
  year and are multiplied by the price level of the year.
* Shares are fractions, the OVA and the budget index are in percent.
* A stock with mean duration ``D`` (years) runs off at rate ``1/D``; new clients arrive evenly over
  the year. For an opening stock ``S0`` (persons on 1 January) and ``N`` arrivals (persons/year):

  - ``a = D * (1 - exp(-1/D))`` and ``b = D * (1 - a)``;
  - closing stock ``S1 = S0 * exp(-1/D) + N * a`` (persons on 31 December);
  - client-years ``CY = S0 * a + N * b`` (person-years, the integral of the stock over the year);
  - exits ``X = CY / D`` (persons/year: the exit rate integrated over the year).

  ``S0 + N - X == S1`` holds exactly in real arithmetic (clients are conserved); the exits are
  computed from the client-years on purpose, so that the identity is a check and not a definition.

:func:`reference_ledger` returns these per-product stock accounts for every stock and year.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from samen_model.inputs import Inputs, assemble_ova, assemble_population
from samen_model.scenarios import Scenario
from samen_model.simulate import simulation_inputs

__all__ = [
    "STOCK_NAMES",
    "StockYear",
    "reference_ledger",
    "reference_run",
    "reference_simulate",
]

NAN = float("nan")

#: The stocks the model keeps per product (see :func:`reference_ledger`).
STOCK_NAMES = (
    "samen",  # SAMEN. clients, at SAMEN. durations
    "open_house",  # scope clients at open-house providers, open-house durations
    "comparable",  # all scope clients as if in open house (comparable cost, CC)
    "counterfactual",  # open house without SAMEN. (no prevention, no routing)
    "plan_samen",  # the plan's SAMEN. clients at SAMEN. durations (hiring)
    "plan_open_house",  # the plan's SAMEN. clients at open-house durations (planned share)
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
    cost_per_fte: list[float]  # EUR per FTE-year, price base year
    overhead_share: list[float]  # fraction of staff cost
    other_youth_care: list[float]  # EUR per year, price base year
    other_real_growth: list[float]  # fraction per year
    expected_cost_development: list[float]  # fraction
    ict_share: float
    housing_share: float
    settle_after_transition: bool
    budget_cut_share: list[float]  # fraction of the rechecked budget
    specialist_referral_reduction: list[float]  # fraction of other youth care
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
    growth = inp.population_growth[:, [_column(inp.population_growth, draw)]]
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
        step_up_cost=s(inp.step_up_cost_eur, draw),
        plan_leakage=s(inp.plan_leakage, draw),
        plan_first_year_uptake=s(inp.plan_first_year_uptake, draw),
        caseload_per_fte=s(inp.caseload_per_fte, draw),
        fte_at_start=s(inp.fte_at_start, draw),
        max_fte_growth=s(inp.max_fte_growth, draw),
        cost_per_fte=s(inp.cost_per_fte_eur, draw),
        overhead_share=s(inp.overhead_share, draw),
        other_youth_care=s(inp.other_youth_care_eur, draw),
        other_real_growth=s(inp.other_youth_care_real_growth, draw),
        expected_cost_development=s(inp.expected_cost_development, draw),
        ict_share=float(inp.ict_share),
        housing_share=float(inp.housing_share),
        settle_after_transition=bool(inp.settle_after_transition),
        budget_cut_share=s(inp.budget_cut_share, draw),
        specialist_referral_reduction=s(inp.specialist_referral_reduction, draw),
        incidental_tranches=_floats(inp.incidental_tranches_eur),
        incidental_spending=_floats(inp.incidental_spending_eur),
        product_share=[row[_column(inp.product_share, draw)]
                       for row in np.asarray(inp.product_share, dtype=float).tolist()],
        product_price=_product_series(inp.product_price_eur, draw),
        product_duration=_product_series(inp.product_duration_years, draw),
        product_entry=[int(y) for y in np.asarray(inp.product_entry_year).tolist()],
        referrer_share=_floats(inp.referrer_share),
        referrer_entry=[int(y) for y in np.asarray(inp.referrer_entry_year).tolist()],
    )


# ============================================================================ step 1: index


def budget_index_pct(ova_provisional: list[float], ova_definitive: list[float]) -> list[float]:
    """Budget index per model year, percent: ``OVA_prov[t-1] + OVA_def[t-2] - OVA_prov[t-2]``.

    Both inputs cover the years ``first - 2 .. last`` (index ``k`` is year ``first - 2 + k``), so
    model year ``t`` (index ``i``) reads input indices ``i + 1`` (t-1) and ``i`` (t-2).
    """
    n_years = len(ova_provisional) - 2
    return [ova_provisional[i + 1] + ova_definitive[i] - ova_provisional[i]
            for i in range(n_years)]


def level_vs_base(rates: list[float], years: list[int], base_year: int) -> list[float]:
    """Level relative to ``base_year`` (ratio) of a quantity growing at ``rates`` (fraction/year).

    After the base year the level is the product of ``1 + rate[k]`` over the years ``k`` with
    ``base < k <= t``; before it the level is deflated by the same rates: the level of ``t`` is
    ``1 / prod(1 + rate[k])`` over ``t < k <= base``. The base year itself has level 1.
    """
    out = []
    for year in years:
        level = 1.0
        if year > base_year:
            for k, year_k in enumerate(years):
                if base_year < year_k <= year:
                    level *= 1.0 + rates[k]
        else:
            for k, year_k in enumerate(years):
                if year < year_k <= base_year:
                    level /= 1.0 + rates[k]
        out.append(level)
    return out


# ============================================================================ step 2: demand


def demand(d: _Draw, trend_level: list[float]) -> tuple[list[float], list[float]]:
    """New scope cases per year (cases/year): counterfactual and actual (after prevention).

    ``counterfactual[t] = population[t] * inflow_per_1000[t] * trend_level[t] / 1000``; in SAMEN.
    years the prevention effect removes a fraction: ``actual = counterfactual * (1 - effect)``.
    """
    counterfactual, actual = [], []
    for i, year in enumerate(d.years):
        cases = d.population[i] * d.inflow_per_1000[i] * trend_level[i] / 1000.0
        prevention = d.prevention_effect[i] if year >= d.samen_start else 0.0
        counterfactual.append(cases)
        actual.append(cases * (1.0 - prevention))
    return counterfactual, actual


# ============================================================================ step 3: phase-in


def phase_in(d: _Draw) -> tuple[list[list[float]], list[list[float]]]:
    """Referrer-weighted share of a product's new cases in SAMEN., per year and product.

    A (product, referrer) combination is active from ``max(samen start, product entry, referrer
    entry)``. Returns ``settled[t][p]`` (sum of referrer shares of combinations active for more than
    a year) and ``first[t][p]`` (combinations in their first active year).
    """
    settled, first = [], []
    for year in d.years:
        settled_row, first_row = [], []
        for p_entry in d.product_entry:
            s_w = f_w = 0.0
            for r_share, r_entry in zip(d.referrer_share, d.referrer_entry, strict=True):
                entry = max(d.samen_start, p_entry, r_entry)
                if year == entry:
                    f_w += r_share
                elif year > entry:
                    s_w += r_share
            settled_row.append(s_w)
            first_row.append(f_w)
        settled.append(settled_row)
        first.append(first_row)
    return settled, first


# ============================================================================ stocks (§8)


@dataclass(frozen=True)
class StockYear:
    """One product's stock account for one year (persons, persons/year, person-years, years)."""

    opening: float  # persons on 1 January
    arrivals: float  # persons/year
    client_years: float  # person-years
    exits: float  # persons/year, client_years / duration
    closing: float  # persons on 31 December
    duration: float  # mean duration, years


def stock_year(opening: float, arrivals: float, duration: float) -> StockYear:
    """One year of exponential run-off with even arrivals (module docstring formulas)."""
    survive = math.exp(-1.0 / duration)
    a = duration * (1.0 - survive)
    b = duration * (1.0 - a)
    client_years = opening * a + arrivals * b
    return StockYear(
        opening=opening,
        arrivals=arrivals,
        client_years=client_years,
        exits=client_years / duration,
        closing=opening * survive + arrivals * a,
        duration=duration,
    )


def client_years_of_opening(opening: float, duration: float) -> float:
    """Client-years (person-years) the opening stock alone spends in care in the year."""
    return opening * duration * (1.0 - math.exp(-1.0 / duration))


def client_years_of_arrivals(arrivals: float, duration: float) -> float:
    """Client-years (person-years) that ``arrivals`` new clients spend in care in their year."""
    a = duration * (1.0 - math.exp(-1.0 / duration))
    return arrivals * duration * (1.0 - a)


# ============================================================================ step 4: opening


def opening_stocks(d: _Draw, new_cases_cf: list[float]) -> dict[str, list[float]]:
    """Stocks on 1 January of the first year, persons per product.

    Open house is in steady state for the first year's inflow (``N * D`` persons, which stays
    constant under constant arrivals); SAMEN. and the plan start empty.
    """
    steady = [new_cases_cf[0] * d.product_share[p] * d.product_duration[0][p]
              for p in range(len(d.product_share))]
    empty = [0.0] * len(steady)
    return {"samen": list(empty), "open_house": list(steady), "comparable": list(steady),
            "counterfactual": list(steady), "plan_samen": list(empty),
            "plan_open_house": list(empty)}


# ============================================================================ step 5: routing


@dataclass(frozen=True)
class Routing:
    """New cases of one year by route, per product (cases/year)."""

    in_scope: list[float]  # product and referrer in SAMEN., times the first-year uptake
    leakage: list[float]  # in scope, but still to open house
    samen_demand: list[float]  # in scope minus leakage: wants a place in SAMEN.
    plan_arrivals: list[float]  # what the plan expects SAMEN. to take on


def routing(d: _Draw, i: int, arrivals: list[float], settled: list[float],
            first: list[float]) -> Routing:
    """Route year ``i``'s new cases (cases/year per product) with the phase-in weights.

    In-scope share ``= settled + first * first_year_uptake``; leakage is a fraction of the
    in-scope cases. The plan uses its own uptake and leakage:
    ``plan_arrivals = arrivals * (settled + first * plan_uptake) * (1 - plan_leakage)``.
    """
    in_scope, leak, samen_demand, plan = [], [], [], []
    for p, cases in enumerate(arrivals):
        scope = cases * (settled[p] + first[p] * d.first_year_uptake[i])
        leaked = scope * d.leakage[i]
        in_scope.append(scope)
        leak.append(leaked)
        samen_demand.append(scope - leaked)
        plan_share = settled[p] + first[p] * d.plan_first_year_uptake[i]
        plan.append(cases * plan_share * (1.0 - d.plan_leakage[i]))
    return Routing(in_scope, leak, samen_demand, plan)


# ============================================================================ step 6: plan, hiring


def fte_year_end(fte_previous: float, target: float, max_growth: float) -> float:
    """Year-end FTE: the plan's target, hiring capped at ``max_growth`` FTE; reductions uncapped."""
    return min(target, fte_previous + max_growth)


def fte_target(plan_closing: float, plan_client_years: float, fte_previous: float,
               caseload_per_fte: float) -> float:
    """Year-end FTE the hiring plan asks for (FTE; persons and person-years in).

    Enough staff on 31 December for the plan's year-end caseload (``closing / caseload``) and
    enough over the year, counting the average of 1 January and 31 December staff, for the
    plan's client-years (``2 * client_years / caseload - fte_previous``); the larger of the two.
    """
    at_year_end = plan_closing / caseload_per_fte
    over_the_year = 2.0 * plan_client_years / caseload_per_fte - fte_previous
    return max(at_year_end, over_the_year)


def hiring(d: _Draw, i: int, fte_previous: float, plan_fte_previous: float,
           plan: list[StockYear]) -> tuple[float, float, float]:
    """(year-end FTE, average FTE, plan's FTE target) of year ``i``.

    ``plan`` is the plan's SAMEN. stock accounts; ``plan_fte_previous`` the plan's own target of
    the year before, which the client-years condition of :func:`fte_target` refers to.

    The year before the start ends with ``fte_at_start`` (staff on 1 January of the start
    year). In SAMEN. years staff moves to :func:`fte_target` (hiring capped at
    ``max_fte_growth`` FTE a year, reductions uncapped); the average is the mean of 1 January and
    31 December staff. Outside SAMEN. years nobody is paid: average FTE 0.
    """
    year = d.years[i]
    if year == d.samen_start - 1:
        fte_previous = plan_fte_previous = d.fte_at_start[i]
    if year < d.samen_start:
        return fte_previous, 0.0, plan_fte_previous
    target = fte_target(sum(s.closing for s in plan), sum(s.client_years for s in plan),
                        plan_fte_previous, d.caseload_per_fte[i])
    fte_end = fte_year_end(fte_previous, target, d.max_fte_growth[i])
    return fte_end, 0.5 * (fte_previous + fte_end), target


# ============================================================================ step 7: capacity


def admitted_fraction(capacity_cy: float, opening_cy: float, demand_cy: float) -> float:
    """Share (0..1) of new SAMEN. demand admitted (person-years in, fraction out).

    Clients already in care are always kept; new clients fill what is left of the capacity.
    """
    room = max(capacity_cy - opening_cy, 0.0)
    if demand_cy > 0.0:
        return min(room / demand_cy, 1.0)
    return 1.0


def admit(capacity_cy: float, samen_opening: list[float], samen_demand: list[float],
          samen_duration: list[float]) -> tuple[list[float], list[float]]:
    """(new SAMEN. clients, capacity overflow) per product, cases/year.

    Capacity (person-years) is compared with the client-years of the clients already in care
    plus those the new clients would add; one admitted fraction applies to every product.
    """
    opening_cy = sum(client_years_of_opening(s, dur)
                     for s, dur in zip(samen_opening, samen_duration, strict=True))
    demand_cy = sum(client_years_of_arrivals(n, dur)
                    for n, dur in zip(samen_demand, samen_duration, strict=True))
    fraction = admitted_fraction(capacity_cy, opening_cy, demand_cy)
    new = [n * fraction for n in samen_demand]
    return new, [n - k for n, k in zip(samen_demand, new, strict=True)]


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


def budget_rule(d: _Draw, cc: list[float], planned_share: list[float],
                index_pct: list[float]) -> dict[str, list[float]]:
    """The budget rule per year (EUR; volume a ratio); zero (NaN for ratios) outside SAMEN. years.

    * estimate (1 October t-1) ``= CC[t-2] * (1 + expected_cost_development[t])``;
    * volume ``= population[t-2] / population[t-3]``;
    * provisional ``= estimate * volume * (1 + index[t] / 100) * planned_share[t]``;
    * recheck (1 March t) ``= provisional * CC[t-1] / estimate`` (unchanged if estimate <= 0);
    * cut ``= recheck * budget_cut_share`` from the structural start year;
    * final ``= recheck - cut``; transfer ``= final * (ict + housing)``;
      execution ``= final - transfer``.

    A history before the first model year is NaN (never silently zero).
    """
    out: dict[str, list[float]] = {k: [] for k in (
        "expected", "volume", "estimate", "provisional", "recheck", "cut", "final",
        "transfer", "execution")}
    for i, year in enumerate(d.years):
        if year < d.samen_start:
            for k in out:
                out[k].append(NAN if k in ("expected", "volume") else 0.0)
            continue
        cc_2 = cc[i - 2] if i >= 2 else NAN
        cc_1 = cc[i - 1] if i >= 1 else NAN
        estimate = cc_2 * (1.0 + d.expected_cost_development[i])
        volume = d.population[i - 2] / d.population[i - 3] if i >= 3 else NAN
        provisional = estimate * volume * (1.0 + index_pct[i] / 100.0) * planned_share[i]
        recheck = provisional * (cc_1 / estimate) if estimate > 0.0 else provisional
        cut = recheck * d.budget_cut_share[i] if year >= d.structural_start else 0.0
        final = recheck - cut
        transfer = final * (d.ict_share + d.housing_share)
        values = {
            "expected": d.expected_cost_development[i], "volume": volume, "estimate": estimate,
            "provisional": provisional, "recheck": recheck, "cut": cut, "final": final,
            "transfer": transfer, "execution": final - transfer,
        }
        for k, v in values.items():
            out[k].append(v)
    return out


def settlement(d: _Draw, execution: list[float], transfer: list[float],
               samen_cost: list[float]) -> dict[str, list[float]]:
    """Settlement, cost to the municipality and WIJ's result per year (EUR).

    In the transition (and after it when ``settle_after_transition``) WIJ settles budget minus
    cost: ``settlement = execution - samen_cost`` and WIJ's result is 0. Otherwise the budget is a
    lump sum: no settlement, ``wij_result = execution - samen_cost``. The municipality pays
    ``execution - settlement + transfer`` in SAMEN. years.
    """
    out: dict[str, list[float]] = {"settlement": [], "to_municipality": [], "wij_result": []}
    for i, year in enumerate(d.years):
        samen_on = year >= d.samen_start
        settles = samen_on and (year <= d.transition_end or d.settle_after_transition)
        settled = execution[i] - samen_cost[i] if settles else 0.0
        out["settlement"].append(settled)
        out["to_municipality"].append(execution[i] - settled + transfer[i] if samen_on else 0.0)
        out["wij_result"].append(execution[i] - samen_cost[i]
                                 if samen_on and not settles else 0.0)
    return out


# ============================================================================ step 13: other care


def other_youth_care(d: _Draw, samen_new: list[float], price_level: list[float]
                     ) -> dict[str, list[float]]:
    """Other youth care per year (EUR; step-up cases in cases/year).

    * counterfactual ``= base-year spend x price level x real-growth level``;
    * step-ups ``= SAMEN. new clients x step_up_share``, each costing the indexed case cost;
    * from the structural start year (in SAMEN. years) a fraction of the counterfactual spend
      is saved (fewer specialist referrals);
    * actual ``= counterfactual + step-up cost - reduction``.
    """
    growth = level_vs_base(d.other_real_growth, d.years, d.price_base)
    out: dict[str, list[float]] = {k: [] for k in (
        "counterfactual", "step_up_cases", "step_up_cost", "reduction", "actual")}
    for i, year in enumerate(d.years):
        base = d.other_youth_care[i] * price_level[i] * growth[i]
        cases = samen_new[i] * d.step_up_share[i]
        cost = cases * d.step_up_cost[i] * price_level[i]
        structural = d.samen_start <= year and year >= d.structural_start
        cut = base * d.specialist_referral_reduction[i] if structural else 0.0
        for k, v in (("counterfactual", base), ("step_up_cases", cases), ("step_up_cost", cost),
                     ("reduction", cut), ("actual", base + cost - cut)):
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


def net_savings(deviation: list[float], inc: dict[str, list[float]]
                ) -> tuple[list[float], list[float]]:
    """(net savings, cumulative net savings), EUR: ``-deviation - tranche + returned``."""
    net, cumulative, running = [], [], 0.0
    for dev, paid, back in zip(deviation, inc["budget"], inc["returned"], strict=True):
        value = -dev - paid + back
        running += value
        net.append(value)
        cumulative.append(running)
    return net, cumulative


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
    new_cases_cf, new_cases = demand(d, level_vs_base(d.inflow_trend, years, d.price_base))
    settled_w, first_w = phase_in(d)
    stocks = opening_stocks(d, new_cases_cf)
    if ledger is not None:
        ledger.clear()
        ledger.update({name: [] for name in STOCK_NAMES})

    cols: dict[str, list[float]] = {}
    fte_prev = plan_fte_prev = 0.0
    for i in range(len(years)):
        dur_oh = d.product_duration[i]
        dur_sm = [dur * d.samen_duration_factor[i] for dur in dur_oh]
        price = [d.product_price[i][p] * price_level[i] for p in products]  # EUR/client-year
        arrivals = [new_cases[i] * d.product_share[p] for p in products]
        arrivals_cf = [new_cases_cf[i] * d.product_share[p] for p in products]

        # 5. Routing.
        route = routing(d, i, arrivals, settled_w[i], first_w[i])

        # 6. The plan (at SAMEN. and at open-house durations) and the hiring path.
        plan_sm = [stock_year(stocks["plan_samen"][p], route.plan_arrivals[p], dur_sm[p])
                   for p in products]
        plan_oh = [stock_year(stocks["plan_open_house"][p], route.plan_arrivals[p], dur_oh[p])
                   for p in products]
        fte_end, fte_avg, plan_fte_prev = hiring(d, i, fte_prev, plan_fte_prev, plan_sm)

        # 7. Capacity (person-years) and admission.
        capacity = fte_avg * d.caseload_per_fte[i]
        samen_new, overflow = admit(capacity, stocks["samen"], route.samen_demand, dur_sm)

        # 8. Stocks: SAMEN., open house (everyone not admitted), comparable, counterfactual.
        accounts = {
            "samen": [stock_year(stocks["samen"][p], samen_new[p], dur_sm[p])
                      for p in products],
            "open_house": [stock_year(stocks["open_house"][p], arrivals[p] - samen_new[p],
                                      dur_oh[p]) for p in products],
            "comparable": [stock_year(stocks["comparable"][p], arrivals[p], dur_oh[p])
                           for p in products],
            "counterfactual": [stock_year(stocks["counterfactual"][p], arrivals_cf[p],
                                          dur_oh[p]) for p in products],
            "plan_samen": plan_sm,
            "plan_open_house": plan_oh,
        }
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
            "samen_new_clients": sum(samen_new),
            "samen_clients_served": sum(s.opening for s in sm) + sum(samen_new),
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
    b = budget_rule(d, cols["comparable_cost_eur"], cols["planned_samen_share"], index_pct)
    s = settlement(d, b["execution"], b["transfer"], cost)

    # 13. Other youth care; 14. the closed square; 15. incidental budget and net savings.
    other = other_youth_care(d, cols["samen_new_clients"], price_level)
    square = closed_square(cols["open_house_scope_cost_eur"], other["actual"],
                           s["to_municipality"], cols["counterfactual_open_house_scope_cost_eur"],
                           other["counterfactual"])
    inc = incidental(d)
    net, cumulative = net_savings(square["deviation"], inc)

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
        budget_cut_eur=b["cut"],
        budget_final_eur=b["final"],
        ict_housing_transfer_eur=b["transfer"],
        execution_budget_eur=b["execution"],
        samen_cost_eur=cost,
        settlement_eur=s["settlement"],
        samen_cost_to_municipality_eur=s["to_municipality"],
        wij_result_eur=s["wij_result"],
        step_up_cost_eur=other["step_up_cost"],
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
        net_savings_eur=net,
        cumulative_net_savings_eur=cumulative,
    )
    return cols


# ============================================================================ public API


def reference_run(inputs: Inputs, draw: int) -> dict[str, list[float]]:
    """Every output column of :func:`samen_model.engine.run` for draw ``draw``, as lists over years.

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
    """The slow baseline of :func:`samen_model.simulate`: one Python loop per draw.

    Resolves the inputs exactly like ``simulate`` (seeded sampling of distributions when
    ``draws > 1`` unless ``sample`` says otherwise; ``values`` take precedence) and returns every
    column as a ``(year, draw)`` array, like ``Result.arrays``.
    """
    sample = draws > 1 if sample is None else sample
    inputs = simulation_inputs(scenario, draws, seed, sample, values)
    runs = [reference_run(inputs, k) for k in range(draws)]
    return {name: np.array([r[name] for r in runs], dtype=float).T for name in runs[0]}
