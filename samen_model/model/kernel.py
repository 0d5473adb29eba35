"""Engine steps 4-9 compiled: the stocks of every draw, year by year.

The stocks are the one part of the model that carries state from one year to the next, so
numpy would walk them year by year with a dozen whole-array passes per year. Here one compiled
loop takes a draw through all years with its stocks in a few registers
(:func:`flows_kernel`); everything around it stays numpy (:mod:`samen_model.model.stocks`).
The loop releases the GIL, so blocks of draws run on both cores.

Stocks run off exponentially with the mean duration ``D`` (exit rate ``1/D`` per year). Within a
year new clients arrive evenly, so for a stock ``S0`` on 1 January and ``N`` arrivals in the year
(the exact solution of dS/dt = N - S/D over one year):

* end-of-year stock    ``S1 = S0 * exp(-1/D) + N * a``
* client-years         ``CY = S0 * a + N * b``
* with ``a = D * (1 - exp(-1/D))`` and ``b = D * (1 - a)``
  (:func:`samen_model.model.steps.flows.run_off_coefficients`).

Exits in the year are ``S0 + N - S1``, so clients are conserved by construction. Persons,
person-years, FTE; money in EUR. The scalar step functions below are the model's rules; the
kernel composes them. Compiled once per machine (numba's cache beside this file, or the user's
cache folder where that is read-only), on the first run that needs it; keep every function
in this one file, because numba's cache notices changes to this file only.

The functions are written as plain Python and compiled by :func:`flows_kernel`, which imports
numba only then. A run of a few draws (a deterministic run has one) goes through
:func:`flows_interpreted` instead: the same source run by Python, the same numbers to the last
digit, without the half second that importing numba and loading the compiled kernel take.
"""

from __future__ import annotations

import functools
import types as pytypes
from collections.abc import Callable

import numpy as np

#: Rows of the kernel's output block (year, draw) per column, in this order.
OUTPUT_COLUMNS = (
    "in_scope_new_cases", "leakage_cases", "capacity_overflow_cases", "samen_new_clients",
    "samen_clients_served", "samen_client_years", "open_house_scope_client_years",
    "fte_samen", "fte_samen_avg", "samen_capacity_client_years", "planned_samen_value_eur",
    "comparable_cost_eur", "open_house_scope_cost_eur",
    "counterfactual_open_house_scope_cost_eur",
    "waiting_list_joined_cases", "waiting_list_admitted_cases", "waiting_list_dropout_cases",
    "waiting_list_specialist_cases", "waiting_list_cases", "waiting_time_months",
)
(IN_SCOPE, LEAKAGE, OVERFLOW, NEW_CLIENTS, SERVED, CLIENT_YEARS, OH_CLIENT_YEARS, FTE, FTE_AVG,
 CAPACITY, PLAN_VALUE, COMPARABLE, OH_COST, CF_COST, JOINED, ADMITTED, DROPOUTS, SPECIALIST,
 WAITING, WAITING_MONTHS) = range(len(OUTPUT_COLUMNS))

# ----------------------------------------------------------------------------- scalar rules
def fits(room: float, wanted: float) -> float:
    """Fraction of ``wanted`` (client-years) that fits in ``room``: ``min(room / wanted, 1)``,
    and 1 where nothing is wanted."""
    return min(room / wanted, 1.0) if wanted > 0.0 else 1.0


def fte_target(closing: float, client_years: float, plan_previous: float,
               caseload: float) -> float:
    """Year-end FTE the hiring plan asks for.

    Enough staff on 31 December for the planned year-end caseload ``closing`` (persons), and
    enough over the year (average of 1 January and 31 December staff) for the planned
    ``client_years``: ``max(closing, 2 * client_years - plan_previous * caseload) / caseload``,
    where ``plan_previous`` is the plan's own target of the year before (not the staff actually
    found), so a year of hiring shortfall does not make the next target overshoot.
    """
    return max(closing, 2.0 * client_years - plan_previous * caseload) / caseload


def fte_path_step(previous: float, target: float, max_growth: float, vacancy: float,
                  attrition: float) -> float:
    """Year-end FTE: the target less its vacancies, reached as far as hiring and leaving allow.

    Hiring is capped at ``max_growth`` FTE a year (net of leavers: the labour market), and
    nobody is dismissed: above the target staff shrink only as they leave at the ``attrition``
    rate (fraction of 1 January staff a year, not replaced)::

        wanted = target * (1 - vacancy)
        min(wanted, previous + max_growth)          if wanted >= previous
        max(wanted, previous * (1 - attrition))     otherwise
    """
    wanted = target * (1.0 - vacancy)
    if wanted >= previous:
        return min(wanted, previous + max_growth)
    return max(wanted, previous * (1.0 - attrition))


def list_person_years(excess_start: float, mean_excess: float) -> float:
    """Person-years on the waiting list within a year, from its flow in the year.

    The excess of the places wanted (SAMEN.'s clients and those waiting, as if all were taken
    on) over the places staff offer (FTE x realised caseload) runs in a straight line through
    the year (``s``, fraction of the year) from ``g0 = excess_start`` on 1 January (persons),
    with the year's mean ``mean_excess`` (client-years wanted less capacity, person-years), so
    to ``g1 = 2 * mean_excess - g0`` on 31 December. The list is the excess where positive;
    returns ``int_0^1 max(g, 0) ds``: ``mean_excess`` when the list lasts all year,
    ``g0^2 / (2 (g0 - g1))`` when it clears within the year (``g1 < 0 < g0``),
    ``g1^2 / (2 (g1 - g0))`` when it builds from zero, 0 without a list.
    """
    g0 = excess_start
    g1 = 2.0 * mean_excess - g0
    if g0 <= 0.0 and g1 <= 0.0:
        return 0.0
    if g0 >= 0.0 and g1 >= 0.0:
        return mean_excess
    if g0 > 0.0:
        return g0 * g0 / (2.0 * (g0 - g1))
    return g1 * g1 / (2.0 * (g1 - g0))


def waiting_time_months(person_years: float, asking: float) -> float:
    """Average wait of the young people asking SAMEN. for a place in the year, months
    (Little's law): ``12 * L / asking`` for ``L`` person-years on the list
    (:func:`list_person_years`) and ``asking`` persons (those still waiting on 1 January and
    the year's new demand); 0 when nobody asks."""
    return 12.0 * person_years / asking if asking > 0.0 else 0.0


# ----------------------------------------------------------------------------- the kernel
#: Draws taken through the years together: the inner loops run over them (in SIMD registers),
#: and a tile's stocks and year rows stay in the first-level cache.
TILE = 256


# ----------------------------------------------------------------------------- tile helpers
def _row(x, t, start, m, into):
    """``into[:m] = x[t, start:start + m]``: a year's row of a per-draw input, contiguous
    (``x`` with one column, or stride 0, is the same in every draw: a fill, not a gather)."""
    if x.shape[1] == 1 or x.strides[1] == 0:
        into[:m] = x[t, 0]
    else:
        row = x[t, start:start + m]
        for j in range(m):
            into[j] = row[j]


def _rows(x, t, start, m, into, loaded=-1):
    """``into[:, :m] = x[t, :, start:start + m]``: a year's rows of a product input; nothing
    to do after year ``loaded`` (the year ``into`` was last filled in) when ``x`` is the same
    in every year (a year stride of 0, as the builder makes product inputs without a series)."""
    if 0 <= loaded < t and x.strides[0] == 0:
        return
    for p in range(into.shape[0]):
        _row(x[t], p, start, m, into[p])


def _per_product(cases, share, m, into):
    """``into[p, j] = cases[j] * share[p]``: new cases (cases/year) split over the products."""
    for p in range(into.shape[0]):
        for j in range(m):
            into[p, j] = cases[j] * share[p]


def _total(x, weight, m, into):
    """``into[j] = sum over p of x[p, j] * weight[p, j]`` (``weight`` None: of ``x``)."""
    into[:m] = 0.0
    for p in range(x.shape[0]):
        for j in range(m):
            into[j] += x[p, j] if weight is None else x[p, j] * weight[p, j]


def _run_off(stock, arrivals, survive, a, b, price, m, client_years, value):
    """One year of a stock (persons per product and draw) with ``arrivals`` over the year:
    the stock becomes its 31 December value; ``client_years`` gets the year's client-years
    per draw, ``value`` those at ``price`` (EUR per client-year, price base year)."""
    client_years[:m] = 0.0
    value[:m] = 0.0
    for p in range(stock.shape[0]):
        for j in range(m):
            cy = stock[p, j] * a[p, j] + arrivals[p, j] * b[p, j]
            stock[p, j] = stock[p, j] * survive[p, j] + arrivals[p, j] * a[p, j]
            client_years[j] += cy
            value[j] += cy * price[p, j]


def _flush(o, out, t, start, m):
    """``out[:, t, start:start + m] = o[:len(out), :m]``: a tile's year into the output block
    (without a waiting list ``out`` has no rows for its columns, which are the last)."""
    for c in range(out.shape[0]):
        out[c, t, start:start + m] = o[c, :m]


# ----------------------------------------------------------------------------- the kernel
def _flows(r0, waiting_list, capacity_follows, share, settled, first, fte_start,
           demand_cf, demand, plan_demand, price_level, uptake, plan_uptake, leakage,
           plan_leakage, caseload, plan_caseload, max_growth, vacancy, attrition,
           realised_ratio, dropout_share, specialist_share,
           extra_fte, duration, price, oh_survive, oh_a, oh_b, sm_survive, sm_a, sm_b, out
           ):
    """Steps 4-9 for every draw: fills ``out`` (column, year, draw) by :data:`OUTPUT_COLUMNS`
    (all of them with a waiting list, else all but the waiting list's).

    All inputs have the draw as their last axis (size 1 when shared by all draws); ``r0`` is
    the row of the first SAMEN. year. ``oh_*`` are the run-off coefficients of the open-house
    durations, ``sm_*`` those of SAMEN.'s; ``settled``/``first`` the phase-in weights (year,
    product); ``fte_start`` the staff on 1 January of the start year. ``plan_demand`` is the
    new cases the hiring plan expects (what WIJ saw the year before), ``plan_caseload`` the
    clients per FTE it hires with; with ``capacity_follows`` the budget's plan takes on the
    share of SAMEN.'s demand taken on the year before. Draws go through the
    years a tile at a time: ``[p, j]`` is product ``p`` of the tile's draw ``j``; ``o`` holds
    the tile's columns of the year. ``extra_fte`` (FTE) is added to the year-end hiring target
    before the hiring limit (staff bought with extra money).
    """
    n_years, n_products = settled.shape
    n_draws = out.shape[2]
    s = np.zeros((19, n_products, TILE))  # per product and draw
    cf, eq, oh, samen, waiting, plan, plan_eq = s[0], s[1], s[2], s[3], s[4], s[5], s[6]
    oa, ob, osv, sa, sb, ssv, pr = s[7], s[8], s[9], s[10], s[11], s[12], s[13]
    arrivals, samen_demand, plan_arrivals, still, budget_arrivals = (
        s[14], s[15], s[16], s[17], s[18])
    new, rest = np.zeros((n_products, TILE)), np.zeros((n_products, TILE))
    r = np.zeros((33, TILE))  # per draw
    dcf, dact, level, upt, plan_upt, leak, plan_leak = r[0], r[1], r[2], r[3], r[4], r[5], r[6]
    load, growth, vac, ratio, drop, spec = r[7], r[8], r[9], r[10], r[11], r[12]
    fte_prev, plan_prev, demand_total, demand_cy, plan_cy, plan_closing = (
        r[13], r[14], r[15], r[16], r[17], r[18])
    plan_value, still_cy, opening_cy, from_list, admit, scratch, value, extra = (
        r[19], r[20], r[21], r[22], r[23], r[24], r[25], r[26])
    plan_dem, plan_load, attr, fit_prev, places_start, asking = (
        r[27], r[28], r[29], r[30], r[31], r[32])
    o = np.zeros((len(OUTPUT_COLUMNS), TILE))
    for start in range(0, n_draws, TILE):
        m = min(TILE, n_draws - start)
        # 4. Opening stocks: open house in steady state for the first year's inflow.
        _row(demand_cf, 0, start, m, dcf)
        _rows(duration, 0, start, m, oa)  # (oa holds the first year's durations here)
        _per_product(dcf, share, m, arrivals)
        for p in range(n_products):
            for j in range(m):
                cf[p, j] = arrivals[p, j] * oa[p, j]
        for x in (eq, oh):
            x[:] = cf
        for x in (samen, waiting, plan, plan_eq):
            x[:] = 0.0
        shared = fte_start.shape[0] == 1
        for j in range(m):
            fte_prev[j] = plan_prev[j] = fte_start[0 if shared else start + j]
            fit_prev[j] = 1.0  # the first SAMEN. year's plan knows no shortfall

        for t in range(n_years):
            for x, row in ((demand_cf, dcf), (price_level, level)):
                _row(x, t, start, m, row)
            for x3, rows in ((oh_a, oa), (oh_b, ob), (oh_survive, osv), (price, pr)):
                _rows(x3, t, start, m, rows, 0)
            # 4. The counterfactual runs through every year; before SAMEN. it is open house.
            _per_product(dcf, share, m, arrivals)
            _run_off(cf, arrivals, osv, oa, ob, pr, m, scratch, value)
            for j in range(m):
                o[CF_COST, j] = value[j] * level[j]
            if t < r0:
                o[:CF_COST] = 0.0
                o[CF_COST + 1:] = 0.0
                o[OH_CLIENT_YEARS, :m] = scratch[:m]
                o[OH_COST, :m] = o[COMPARABLE, :m] = o[CF_COST, :m]
                if t == r0 - 1:  # 1 January of the start year
                    eq[:] = cf
                    oh[:] = cf
                _flush(o, out, t, start, m)
                continue
            for x, row in ((demand, dact), (plan_demand, plan_dem), (uptake, upt),
                           (plan_uptake, plan_upt), (leakage, leak), (plan_leakage, plan_leak),
                           (caseload, load), (plan_caseload, plan_load), (max_growth, growth),
                           (vacancy, vac), (attrition, attr), (realised_ratio, ratio),
                           (dropout_share, drop), (specialist_share, spec), (extra_fte, extra)):
                _row(x, t, start, m, row)
            for x3, rows in ((sm_a, sa), (sm_b, sb), (sm_survive, ssv)):
                _rows(x3, t, start, m, rows, r0)

            # 5. Routing: in scope, leakage, SAMEN.'s demand; the plan's arrivals for hiring
            # (the demand WIJ saw) and for the budget (this year's, at the share taken on).
            _per_product(dact, share, m, arrivals)
            in_scope_total = o[IN_SCOPE]
            for x in (in_scope_total, demand_total, demand_cy):
                x[:] = 0.0
            for p in range(n_products):
                w_settled, w_first = settled[t, p], first[t, p]
                for j in range(m):
                    in_scope = (arrivals[p, j] * w_settled
                                + arrivals[p, j] * w_first * upt[j])
                    samen_demand[p, j] = in_scope * (1.0 - leak[j])
                    planned = (w_settled + w_first * plan_upt[j]) * (1.0 - plan_leak[j])
                    plan_arrivals[p, j] = plan_dem[j] * share[p] * planned
                    budget_arrivals[p, j] = arrivals[p, j] * planned * fit_prev[j]
                    in_scope_total[j] += in_scope
                    demand_total[j] += samen_demand[p, j]
                    demand_cy[j] += samen_demand[p, j] * sb[p, j]  # if all were taken on
            for j in range(m):
                o[LEAKAGE, j] = in_scope_total[j] - demand_total[j]

            # 6. The plan, at SAMEN.'s durations (hiring) and open house's (budget).
            _run_off(plan, plan_arrivals, ssv, sa, sb, pr, m, plan_cy, scratch)
            _total(plan, None, m, plan_closing)
            _run_off(plan_eq, budget_arrivals, osv, oa, ob, pr, m, scratch, plan_value)

            # 6. Hiring for the plan and, with a waiting list, for those still waiting after
            # the list's drop-outs and moves to specialist care of 1 January.
            o[DROPOUTS] = 0.0
            o[SPECIALIST] = 0.0
            if waiting_list:
                for p in range(n_products):
                    for j in range(m):
                        gone = waiting[p, j] * drop[j]
                        to_specialist = (waiting[p, j] - gone) * spec[j]
                        still[p, j] = waiting[p, j] - gone - to_specialist
                        o[DROPOUTS, j] += gone
                        o[SPECIALIST, j] += to_specialist
            _total(still, sa, m, still_cy)
            for j in range(m):
                target = fte_target(plan_closing[j], plan_cy[j], plan_prev[j], plan_load[j])
                plan_prev[j] = target
                # the year-end target: the plan's, the young people still waiting, and the
                # staff bought with extra money
                year_end_target = target + 2.0 * still_cy[j] / plan_load[j] + extra[j]
                fte_end = fte_path_step(fte_prev[j], year_end_target, growth[j], vac[j],
                                        attr[j])
                o[FTE_AVG, j] = 0.5 * (fte_prev[j] + fte_end)
                places_start[j] = fte_prev[j] * (load[j] * ratio[j])  # on 1 January
                o[FTE, j] = fte_prev[j] = fte_end
                o[CAPACITY, j] = o[FTE_AVG, j] * (load[j] * ratio[j])

            # 7. Capacity: clients in care stay, the list is first in line, then new demand.
            _total(samen, sa, m, opening_cy)
            for j in range(m):
                room = max(o[CAPACITY, j] - opening_cy[j], 0.0)
                from_list[j] = fits(room, still_cy[j])
                admit[j] = fits(max(room - from_list[j] * still_cy[j], 0.0), demand_cy[j])
                if capacity_follows:
                    fit_prev[j] = admit[j]
            if waiting_list:
                _in_year_list(samen, still, samen_demand, places_start, opening_cy, still_cy,
                              demand_cy, asking, m, o)
            _admit(waiting_list, samen_demand, still, admit, from_list, new, samen, waiting,
                   m, o)

            # 8. SAMEN.'s stock, and open house without what SAMEN. takes on (or what waits).
            _total(samen, None, m, o[SERVED])
            _total(new, None, m, scratch)
            for j in range(m):
                o[SERVED, j] += scratch[j]
                o[OVERFLOW, j] = 0.0 if waiting_list else demand_total[j] - scratch[j]
                o[NEW_CLIENTS, j] = scratch[j] + o[ADMITTED, j]
            _run_off(samen, new, ssv, sa, sb, pr, m, o[CLIENT_YEARS], scratch)
            gone = samen_demand if waiting_list else new
            for p in range(n_products):
                for j in range(m):
                    rest[p, j] = arrivals[p, j] - gone[p, j]
            _run_off(oh, rest, osv, oa, ob, pr, m, o[OH_CLIENT_YEARS], value)
            for j in range(m):
                o[OH_COST, j] = value[j] * level[j]
            # 9. Comparable cost: every arrival at open-house durations and prices, and the
            # plan's SAMEN. clients valued the same way (the budget rule's planned share).
            _run_off(eq, arrivals, osv, oa, ob, pr, m, scratch, value)
            for j in range(m):
                o[COMPARABLE, j] = value[j] * level[j]
                o[PLAN_VALUE, j] = plan_value[j] * level[j]
            _flush(o, out, t, start, m)


def _admit(waiting_list, samen_demand, still, admit, from_list, new, samen, waiting, m, o
           ):
    """7. Who is taken on (persons per product and draw): the fraction ``from_list`` of those
    still waiting (they join SAMEN.'s opening stock on 1 January) and the fraction ``admit`` of
    the new demand; the rest of the new demand waits or, without a list, overflows to open
    house. Writes the year's waiting-list columns but drop-outs and specialist care into ``o``.
    """
    if not waiting_list:
        for p in range(samen.shape[0]):
            for j in range(m):
                new[p, j] = samen_demand[p, j] * admit[j]
        for c in (JOINED, ADMITTED, WAITING, WAITING_MONTHS):
            o[c] = 0.0
        return
    joined, admitted, closing = o[JOINED], o[ADMITTED], o[WAITING]
    for x in (joined, admitted, closing):
        x[:] = 0.0
    for p in range(samen.shape[0]):
        for j in range(m):
            join = samen_demand[p, j] - samen_demand[p, j] * admit[j]
            new[p, j] = samen_demand[p, j] - join
            admit_p = still[p, j] * from_list[j]
            samen[p, j] += admit_p
            waiting[p, j] = still[p, j] - admit_p + join
            joined[j] += join
            admitted[j] += admit_p
            closing[j] += waiting[p, j]


def _in_year_list(samen, still, samen_demand, places_start, opening_cy, still_cy, demand_cy,
                  asking, m, o):
    """7. The waiting time from the list's flow within the year (before anyone is taken on):
    the places wanted on 1 January (SAMEN.'s clients and those still waiting) less those staff
    offer (``places_start``), and the year's client-years wanted less capacity, give
    :func:`list_person_years`; :func:`waiting_time_months` of those asking (still waiting and
    the year's demand)."""
    for j in range(m):
        o[WAITING_MONTHS, j] = -places_start[j]  # the excess on 1 January, here
        asking[j] = 0.0
    for p in range(samen.shape[0]):
        for j in range(m):
            o[WAITING_MONTHS, j] += samen[p, j] + still[p, j]
            asking[j] += still[p, j] + samen_demand[p, j]
    for j in range(m):
        mean = opening_cy[j] + still_cy[j] + demand_cy[j] - o[CAPACITY, j]
        years = list_person_years(o[WAITING_MONTHS, j], mean)
        o[WAITING_MONTHS, j] = waiting_time_months(years, asking[j])


#: The functions :func:`_flows` calls (directly or through another), compiled with it.
_CALLEES = (fits, fte_target, fte_path_step, list_person_years, waiting_time_months, _row, _rows,
            _per_product, _total, _run_off, _flush, _admit, _in_year_list)


def _signature() -> object:  # a numba Signature; numba is imported only here
    """The compiled kernel's argument types, in :func:`_flows`'s order."""
    from numba import types

    a1, a2, a3 = (types.Array(types.float64, d, "A", readonly=True) for d in (1, 2, 3))
    return types.void(
        types.int64, types.boolean, types.boolean,  # r0, waiting_list, capacity_follows
        a1, a2, a2, a1,  # share, settled, first, fte_start
        a2, a2, a2, a2, a2,  # demand_cf, demand, plan_demand, price_level, uptake
        a2, a2, a2,  # plan_uptake, leakage, plan_leakage
        a2, a2, a2, a2, a2,  # caseload, plan_caseload, growth, vacancy, attrition
        a2, a2, a2,  # realised, drop, spec
        a2,  # extra_fte
        a3, a3, a3, a3, a3,  # duration, price, oh_survive, oh_a, oh_b
        a3, a3, a3,  # sm_survive, sm_a, sm_b
        types.Array(types.float64, 3, "C"),  # out (column, year, draw)
    )


@functools.cache
def flows_kernel() -> Callable[..., None]:
    """The compiled :func:`_flows` (compiled or loaded from numba's cache on first use).

    Each function is compiled from a copy bound to a namespace in which the names of
    :data:`_CALLEES` are their compiled versions, so compiled code calls compiled code while
    this module's names stay plain Python (for :func:`flows_interpreted` and the tests).
    numba's cache keys on the function's file, line, name and bytecode, as before.
    """
    import numba

    jit = functools.partial(numba.njit, cache=True, nogil=True, error_model="numpy")
    namespace = dict(globals())
    for fn in _CALLEES:
        namespace[fn.__name__] = jit(_bound(fn, namespace))
    return jit(_signature())(_bound(_flows, namespace))


def _bound(fn: pytypes.FunctionType, namespace: dict) -> pytypes.FunctionType:
    """``fn`` with ``namespace`` as its globals (same code, name, file and line)."""
    copy = pytypes.FunctionType(fn.__code__, namespace, fn.__name__, fn.__defaults__,
                                fn.__closure__)
    copy.__qualname__, copy.__doc__ = fn.__qualname__, fn.__doc__
    return copy


def flows_interpreted(*args: object) -> None:
    """:func:`_flows` run by Python, for a run of a few draws (same arguments and results as
    :func:`flows_kernel`'s, bit for bit: no fused or reordered arithmetic): about 2 ms for one
    draw and 1 ms for each further draw, where a fresh process takes about half a second to
    import numba and load the compiled kernel. Division by zero gives inf or nan silently, as
    the compiled kernel's (``error_model="numpy"``)."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        _flows(*args)
