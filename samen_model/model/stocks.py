"""Engine steps 4-9: stocks, routing, hiring, capacity, comparable cost.

Only the stocks carry state from one year to the next. The run-off coefficients and phase-in
weights are computed here for all years at once (numpy); the year-by-year recursion of every
stock, the plan, hiring, capacity and the waiting list runs per draw in the compiled
:func:`samen_model.model.kernel.flows_kernel` (a run of a few draws in its Python source,
:func:`~samen_model.model.kernel.flows_interpreted`: see :func:`_kernel`). Shapes: (year,
product, n) for product inputs, (year, draw) for the columns. Units: persons (stocks), cases per
year (arrivals), person-years (client-years), FTE, EUR.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from samen_model.model.inputs import Inputs
from samen_model.model.kernel import OUTPUT_COLUMNS, flows_interpreted, flows_kernel
from samen_model.model.steps import flows

#: The waiting-list columns (all zero with ``capacity.shortfall: overflow``).
WAITING_COLUMNS = OUTPUT_COLUMNS[OUTPUT_COLUMNS.index("waiting_list_joined_cases"):]
#: The other columns :func:`yearly_flows` fills, shape (year, draw).
FLOW_COLUMNS = OUTPUT_COLUMNS[:-len(WAITING_COLUMNS)]
#: Draws a process runs through the interpreted kernel before it loads the compiled one: at
#: about 1 ms an interpreted draw, about what loading costs (importing numba and reading the
#: compiled kernel from numba's cache, half a second). A deterministic run (one draw) never
#: loads numba; a Monte Carlo run, or many small runs in one process, soon does.
INTERPRETED_DRAWS = 200
_interpreted = [0]  # draws run interpreted so far in this process


def _kernel(draws: int) -> Callable[..., None]:
    """The kernel for a block of ``draws``: the compiled one once it is loaded or once the
    process's interpreted draws would pass :data:`INTERPRETED_DRAWS`, else the interpreted
    one (the same numbers)."""
    if flows_kernel.cache_info().currsize or _interpreted[0] + draws > INTERPRETED_DRAWS:
        return flows_kernel()
    _interpreted[0] += draws
    return flows_interpreted


class Demand(NamedTuple):
    """New scope cases per year (cases/year), shape (year, n)."""

    counterfactual: np.ndarray  # without SAMEN. (no prevention)
    actual: np.ndarray  # after the prevention effect
    expected: np.ndarray  # what the hiring plan expects: last year's, grown with the population


class PhaseIn(NamedTuple):
    """Referrer-weighted shares of a product's new cases whose product and referrer are in
    SAMEN. (steps.flows.phase_in_weights), and the uptake of a combination's first year.

    A product's new cases in SAMEN.'s scope are ``arrivals x (settled + first x uptake)``; the
    plan expects those with the plan's uptake, less the plan's leakage."""

    settled: np.ndarray  # (Y, P) combinations in SAMEN. for more than a year
    first: np.ndarray  # (Y, P) combinations in their first year
    uptake: np.ndarray  # (Y, n) realised first-year uptake
    plan_uptake: np.ndarray  # (Y, n) the plan's first-year uptake
    plan_leakage: np.ndarray  # (Y, n) the plan's leakage


def yearly_flows(inp: Inputs, g: dict[str, np.ndarray], demand: Demand, phase: PhaseIn,
                 price_level: np.ndarray, draws: int, extra_fte: np.ndarray | None = None
                 ) -> dict[str, np.ndarray]:
    """Steps 4-9 for every year of a block; returns :data:`FLOW_COLUMNS` and
    :data:`WAITING_COLUMNS` as (year, draw) arrays (the waiting-list columns a shared zero
    (year, 1) without a waiting list).

    ``g`` holds the block's per-draw inputs by :class:`Inputs` field name; ``price_level`` the
    index level (year, n) that turns the open-house prices of the price base year into EUR;
    ``extra_fte`` (year, n) the FTE added to the year-end hiring target (extra money; None: 0).
    4. opening stocks and the counterfactual, 5. routing, 6. the plan and hiring, 7. capacity
    and the waiting list, 8. SAMEN.'s stock and open house, 9. comparable cost and the planned
    share: see :func:`samen_model.model.kernel._flows`.
    """
    years = inp.years
    r0 = int(np.sum(years < inp.samen_start_year))  # the first SAMEN. year's row
    duration = g["product_mean_duration_years"]
    open_house = _per_year(flows.run_off_coefficients, duration)
    factor = g["samen_duration_factor"]
    if factor.shape[-1] == 1 and bool(np.all(factor == 1.0)):  # SAMEN. lasts as long
        samen = open_house
    else:
        samen = _per_year(lambda d, f: flows.run_off_coefficients(d * f[:, None]),
                          duration, factor)

    names = OUTPUT_COLUMNS if inp.waiting_list else FLOW_COLUMNS
    block = np.empty((len(names), len(years), draws))
    # the kernel's argument order: (year, n) inputs, then (year, product, n) inputs
    by_year = (demand.counterfactual, demand.actual, demand.expected, price_level,
               phase.uptake, phase.plan_uptake, g["leakage"], phase.plan_leakage,
               *(g[name] for name in (
                   "caseload_per_fte", "plan_caseload", "max_fte_growth_per_year", "vacancy_rate",
                   "staff_attrition_rate", "realised_caseload_ratio",
                   "waiting_list_dropout_share", "waiting_list_specialist_share")),
               np.zeros((len(years), 1)) if extra_fte is None else extra_fte)
    by_product = (duration, g["product_price_eur_per_client_year"], *open_house, *samen)
    _check_shapes(by_year, by_product, (len(years), len(inp.product_share)), draws)
    _kernel(draws)(  # inputs with a last axis of 1 are the same in every draw
        r0, inp.waiting_list, inp.capacity_follows_realised,
        inp.product_share[:, 0].astype(float), phase.settled,
        phase.first, g["fte_at_start"][r0 - 1], *by_year, *by_product, block)
    columns = dict(zip(names, block, strict=True))
    if r0 and years[r0 - 1] == inp.samen_start_year - 1:  # staff of 1 January of the start
        columns["fte_samen"][r0 - 1] = g["fte_at_start"][r0 - 1]
    if not inp.waiting_list:
        columns.update(dict.fromkeys(WAITING_COLUMNS, np.zeros((len(years), 1))))
    return columns


def _per_year(fn: Callable[..., tuple[np.ndarray, ...]], *xs: np.ndarray
              ) -> tuple[np.ndarray, ...]:
    """``fn(*xs)``, computed once on the first year and broadcast over the years when every
    ``x`` is the same in every year (a year stride of 0, as the builder makes product inputs
    and per-draw values without a series)."""
    if all(x.shape[0] > 1 and x.strides[0] == 0 for x in xs):
        first = fn(*(x[:1] for x in xs))
        shape = np.broadcast_shapes(*(r.shape[1:] for r in first))
        return tuple(np.broadcast_to(r, (len(xs[0]), *shape)) for r in first)
    return fn(*xs)


def _check_shapes(by_year: tuple[np.ndarray, ...], by_product: tuple[np.ndarray, ...],
                  shape: tuple[int, int], draws: int) -> None:
    """The compiled kernel does not check its indices: refuse inputs that are not (year, n) or
    (year, product, n) with n 1 or ``draws`` (a programming error, not bad user input)."""
    for x in (*by_year, *by_product):
        expected = shape[:1] if x.ndim == 2 else shape
        if x.shape[:-1] != expected or x.shape[-1] not in (1, draws) or x.dtype != np.float64:
            raise ValueError(f"engine input of shape {x.shape} and type {x.dtype}: expected "
                             f"float64 {(*expected, draws)} or {(*expected, 1)}")
