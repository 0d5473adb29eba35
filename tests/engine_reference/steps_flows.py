"""Reference steps 1-8: index, demand, phase-in, stocks, routing, hiring, capacity.

Plain Python floats and loops, one draw at a time (see :mod:`engine_reference`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from engine_reference.draw import _Draw

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


def demand(d: _Draw, trend_level: list[float], extra_prevention: list[float]
           ) -> tuple[list[float], list[float]]:
    """New scope cases per year (cases/year): counterfactual and actual (after prevention).

    ``counterfactual[t] = population[t] * inflow_per_1000[t] * trend_level[t] / 1000``; in SAMEN.
    years the prevention effect removes a fraction, and the extra money's prevention another:
    ``actual = counterfactual * (1 - effect) * (1 - extra_prevention)``.
    """
    counterfactual, actual = [], []
    for i, year in enumerate(d.years):
        cases = d.population[i] * d.inflow_per_1000[i] * trend_level[i] / 1000.0
        prevention = d.prevention_effect[i] if year >= d.samen_start else 0.0
        counterfactual.append(cases)
        actual.append(cases * (1.0 - prevention) * (1.0 - extra_prevention[i]))
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
    constant under constant arrivals); SAMEN., the plan and the waiting list start empty.
    """
    steady = [new_cases_cf[0] * d.product_share[p] * d.product_duration[0][p]
              for p in range(len(d.product_share))]
    empty = [0.0] * len(steady)
    return {"samen": list(empty), "open_house": list(steady), "comparable": list(steady),
            "counterfactual": list(steady), "plan_samen": list(empty),
            "plan_open_house": list(empty), "waiting_list": list(empty)}


# ============================================================================ step 5: routing


@dataclass(frozen=True)
class Routing:
    """New cases of one year by route, per product (cases/year)."""

    in_scope: list[float]  # product and referrer in SAMEN., times the first-year uptake
    leakage: list[float]  # in scope, but still to open house
    samen_demand: list[float]  # in scope minus leakage: wants a place in SAMEN.
    plan_arrivals: list[float]  # what the hiring plan expects SAMEN. to take on
    budget_arrivals: list[float]  # what the budget's plan expects SAMEN. to take on


def routing(d: _Draw, i: int, arrivals: list[float], settled: list[float],
            first: list[float], expected: list[float], taken_on: float) -> Routing:
    """Route year ``i``'s new cases (cases/year per product) with the phase-in weights.

    In-scope share ``= settled + first * first_year_uptake``; leakage is a fraction of the
    in-scope cases. The plan uses its own uptake and leakage, ``planned = (settled + first *
    plan_uptake) * (1 - plan_leakage)``: the hiring plan for the cases WIJ expects
    (``expected``, per product), ``plan_arrivals = expected * planned``; the budget's plan for
    this year's, at the share of SAMEN.'s demand ``taken_on`` the year before:
    ``budget_arrivals = arrivals * planned * taken_on``.
    """
    in_scope, leak, samen_demand, plan, budget = [], [], [], [], []
    for p, cases in enumerate(arrivals):
        scope = cases * (settled[p] + first[p] * d.first_year_uptake[i])
        leaked = scope * d.leakage[i]
        in_scope.append(scope)
        leak.append(leaked)
        samen_demand.append(scope - leaked)
        plan_share = settled[p] + first[p] * d.plan_first_year_uptake[i]
        plan.append(expected[p] * plan_share * (1.0 - d.plan_leakage[i]))
        budget.append(cases * plan_share * (1.0 - d.plan_leakage[i]) * taken_on)
    return Routing(in_scope, leak, samen_demand, plan, budget)


def expected_cases(d: _Draw, new_cases: list[float]) -> list[float]:
    """New cases (cases/year) the hiring plan of each year expects: last year's, grown with the
    0-17 population, ``new_cases[t-1] * population[t] / population[t-1]``; the first year its
    own."""
    return [new_cases[0]] + [new_cases[i - 1] * d.population[i] / d.population[i - 1]
                             for i in range(1, len(d.years))]


def plan_caseload(d: _Draw, i: int) -> float:
    """Clients per FTE the hiring plan of year ``i`` reckons with: the caseload, or, when the
    plan learns the capacity, after the start year the clients an asked-for FTE carried the
    year before: ``caseload * realised ratio * (1 - vacancy)`` of year ``i - 1``."""
    if d.capacity_follows and d.years[i] > d.samen_start:
        return (d.caseload_per_fte[i - 1] * d.realised_caseload_ratio[i - 1]
                * (1.0 - d.vacancy_rate[i - 1]))
    return d.caseload_per_fte[i]


# ============================================================================ step 6: plan, hiring


def fte_year_end(fte_previous: float, target: float, max_growth: float,
                 vacancy_rate: float, attrition: float) -> float:
    """Year-end FTE: the plan's target less the vacant share of it; growth capped at
    ``max_growth`` FTE, a fall at the leavers, ``attrition`` of the 1 January staff."""
    filled = target * (1.0 - vacancy_rate)
    highest = fte_previous + max_growth
    lowest = fte_previous * (1.0 - attrition)
    if filled > highest:
        return highest
    if filled < lowest:
        return lowest
    return filled


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
           plan: list[StockYear], backlog: float = 0.0, extra_fte: float = 0.0
           ) -> tuple[float, float, float]:
    """(year-end FTE, average FTE, plan's FTE target) of year ``i``.

    ``plan`` is the plan's SAMEN. stock accounts; ``plan_fte_previous`` the plan's own target of
    the year before, which the client-years condition of :func:`fte_target` refers to.
    ``backlog``: client-years of the young people still waiting on 1 January if they were
    all taken on then. WIJ hires for them too: ``2 * backlog / caseload`` FTE more at the year
    end (half of it counts in the year's average), on top of the plan's target; the plan's
    own target (returned, for next year's client-years condition) leaves the backlog out.
    ``extra_fte``: FTE bought with the council's extra money, added to the year-end target
    before the hiring limit (and left out of the plan's own target too).

    The year before the start ends with ``fte_at_start`` (staff on 1 January of the start
    year). In SAMEN. years staff moves to :func:`fte_target` less its vacancies (hiring capped
    at ``max_fte_growth`` FTE a year, reductions uncapped); the average is the mean of 1 January
    and 31 December staff. Outside SAMEN. years nobody is paid: average FTE 0.
    """
    year = d.years[i]
    if year == d.samen_start - 1:
        fte_previous = plan_fte_previous = d.fte_at_start[i]
    if year < d.samen_start:
        return fte_previous, 0.0, plan_fte_previous
    caseload = plan_caseload(d, i)
    target = fte_target(sum(s.closing for s in plan), sum(s.client_years for s in plan),
                        plan_fte_previous, caseload)
    hire_for = target + 2.0 * backlog / caseload + extra_fte
    fte_end = fte_year_end(fte_previous, hire_for, d.max_fte_growth[i], d.vacancy_rate[i],
                           d.staff_attrition_rate[i])
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


# ============================================================================ step 7: waiting list


def stock_year_with_entries(opening: float, entries: float, arrivals: float,
                            duration: float) -> StockYear:
    """A stock year where ``entries`` persons join on 1 January (from the waiting list) and
    ``arrivals`` during the year: the entries run off like the opening stock. The account
    shows them among the arrivals, so its opening is last year's closing."""
    year = stock_year(opening + entries, arrivals, duration)
    return StockYear(opening=opening, arrivals=entries + arrivals,
                     client_years=year.client_years, exits=year.exits, closing=year.closing,
                     duration=duration)


@dataclass(frozen=True)
class WaitingYear:
    """One year of the waiting list, persons per product (``person_years`` per product)."""

    opening: list[float]  # waiting on 1 January
    dropouts: list[float]  # left without help on 1 January
    specialist: list[float]  # to specialist care on 1 January
    admitted: list[float]  # taken on by SAMEN. on 1 January
    joined: list[float]  # new SAMEN. demand that did not fit
    closing: list[float]  # waiting on 31 December
    person_years: list[float]  # time spent waiting in the year

    def account(self, p: int) -> StockYear:
        """Product ``p``'s list as a stock account: the exits are drop-outs, specialist care and
        admissions (no run-off, duration NaN)."""
        exits = self.dropouts[p] + self.specialist[p] + self.admitted[p]
        return StockYear(opening=self.opening[p], arrivals=self.joined[p],
                         client_years=self.person_years[p], exits=exits,
                         closing=self.closing[p], duration=float("nan"))


def waiting_list_exits(d: _Draw, i: int, waiting: list[float]
                       ) -> tuple[list[float], list[float], list[float]]:
    """(drop-outs, to specialist care, still waiting) per product on 1 January of year ``i``:
    a share of the list drops out; of the rest a share goes to specialist care."""
    dropouts = [w * d.waiting_dropout_share[i] for w in waiting]
    specialist = [(w - x) * d.waiting_specialist_share[i] for w, x in zip(waiting, dropouts,
                                                                        strict=True)]
    still = [w - x - y for w, x, y in zip(waiting, dropouts, specialist, strict=True)]
    return dropouts, specialist, still


def backlog(still: list[float], samen_duration: list[float]) -> float:
    """Client-years in the year of ``still`` if all of them were taken on on 1 January: they
    run off like an opening stock."""
    return sum(client_years_of_opening(w, dur) for w, dur in zip(still, samen_duration,
                                                                 strict=True))


def waiting_list_year(capacity_cy: float, samen_opening: list[float], waiting: list[float],
                      exits: tuple[list[float], list[float], list[float]],
                      samen_demand: list[float], samen_duration: list[float]
                      ) -> tuple[WaitingYear, list[float]]:
    """(the waiting list's year, new SAMEN. clients per product from this year's demand).

    ``exits`` are :func:`waiting_list_exits` of the list ``waiting``. Those still waiting are
    first in line: admitted on 1 January, each adds the client-years of an opening client, as
    far as capacity (person-years) left by the clients already in care allows. The room left
    goes to this year's demand; what does not fit joins the list. Who waits all year waits a
    whole year, who joins waits half a year on average (arrivals are even) until 31 December.
    """
    dropouts, specialist, still = exits
    room = max(capacity_cy - sum(client_years_of_opening(s, dur)
                                 for s, dur in zip(samen_opening, samen_duration, strict=True)),
               0.0)
    list_cy = sum(client_years_of_opening(w, dur)
                  for w, dur in zip(still, samen_duration, strict=True))
    from_list = admitted_fraction(room, 0.0, list_cy)
    room = max(room - from_list * list_cy, 0.0)
    demand_cy = sum(client_years_of_arrivals(n, dur)
                    for n, dur in zip(samen_demand, samen_duration, strict=True))
    new_fraction = admitted_fraction(room, 0.0, demand_cy)
    admitted = [w * from_list for w in still]
    new = [n * new_fraction for n in samen_demand]
    joined = [n - k for n, k in zip(samen_demand, new, strict=True)]
    all_year = [w - a for w, a in zip(still, admitted, strict=True)]
    year = WaitingYear(
        opening=list(waiting), dropouts=dropouts, specialist=specialist, admitted=admitted,
        joined=joined, closing=[w + j for w, j in zip(all_year, joined, strict=True)],
        person_years=[w + 0.5 * j for w, j in zip(all_year, joined, strict=True)])
    return year, new


def in_year_list_person_years(excess_start: float, mean_excess: float) -> float:
    """Person-years on the list within a year: the excess of places wanted over places
    offered runs in a straight line through the year, from ``excess_start`` (persons, 1
    January) with the year's mean ``mean_excess`` (client-years wanted less capacity), so it
    ends at ``2 * mean - start``; the list is the excess where there is one. Integrated by
    splitting the year where the excess changes sign (a trapezium or a triangle)."""
    g0, g1 = excess_start, 2.0 * mean_excess - excess_start
    if g0 >= 0.0 and g1 >= 0.0:
        return (g0 + g1) / 2.0
    if g0 <= 0.0 and g1 <= 0.0:
        return 0.0
    crossing = g0 / (g0 - g1)  # fraction of the year at which the excess is 0
    return crossing * g0 / 2.0 if g0 > 0.0 else (1.0 - crossing) * g1 / 2.0


def waiting_time_months(person_years: float, asking: float) -> float:
    """Average wait (months) of those asking SAMEN. for a place in the year (still waiting on
    1 January, and the new demand): Little's law ``12 * L / asking``; 0 when nobody asks."""
    if asking > 0.0:
        return 12.0 * person_years / asking
    return 0.0
