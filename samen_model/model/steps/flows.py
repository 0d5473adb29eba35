"""Pure step functions for demand, routing, stocks and capacity (SPEC §6-§8).

Stocks run off exponentially with the mean duration ``D`` (exit rate ``1/D`` per year). Within a
year new clients arrive evenly, so for a stock ``S0`` on 1 January and ``N`` arrivals in the year
(the exact solution of dS/dt = N - S/D over one year):

* end-of-year stock    ``S1 = S0 * exp(-1/D) + N * a``
* client-years         ``CY = S0 * a + N * b``
* with ``a = D * (1 - exp(-1/D))`` and ``b = D * (1 - a)``.

Exits in the year are ``S0 + N - S1``, so clients are conserved by construction.
"""

from __future__ import annotations

import numpy as np


def run_off_coefficients(duration_years: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Survival of the opening stock, ``a`` and ``b`` (see the module docstring) for durations."""
    rate = 1.0 / duration_years
    survive = np.exp(-rate)
    a = (1.0 - survive) / rate
    b = (1.0 - a) / rate
    return survive, a, b


def step_stock(
    opening: np.ndarray, arrivals: np.ndarray, survive: np.ndarray, a: np.ndarray, b: np.ndarray,
    client_years: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One year of a stock: (closing stock, client-years). All in persons / person-years.

    ``client_years``: an array to write the client-years into (saves a copy).
    """
    closing = _sum(opening * survive, arrivals * a)
    if client_years is None:
        return closing, _sum(opening * a, arrivals * b)
    np.multiply(opening, a, out=client_years)
    client_years += arrivals * b
    return closing, client_years


def _sum(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x + y``, in the memory of ``x`` when the shapes agree (one allocation fewer)."""
    return np.add(x, y, out=x) if x.shape == y.shape else x + y


def steady_state_stock(arrivals_per_year: np.ndarray, duration_years: np.ndarray) -> np.ndarray:
    """Opening stock that stays constant under constant arrivals: ``N * D`` persons."""
    return arrivals_per_year * duration_years


def phase_in_weights(
    years: np.ndarray,
    samen_start_year: int,
    product_entry_year: np.ndarray,
    referrer_entry_year: np.ndarray,
    referrer_share: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Share of a product's new cases whose referrer and product are in SAMEN. (SPEC §7).

    Returns two (Y, P) arrays: ``settled`` (combinations active for a year or more) and
    ``first`` (combinations in their first year, to be multiplied by the first-year uptake).
    A combination is active from ``max(samen start, product entry, referrer entry)``.
    """
    entry = np.maximum(
        samen_start_year, np.maximum.outer(product_entry_year, referrer_entry_year)
    )  # (P, R)
    y = years[:, None, None]
    active = y >= entry[None]
    first = y == entry[None]
    settled = np.einsum("ypr,r->yp", (active & ~first).astype(float), referrer_share)
    first_w = np.einsum("ypr,r->yp", first.astype(float), referrer_share)
    return settled, first_w


def admitted_fraction(
    capacity_client_years: np.ndarray,
    opening_client_years: np.ndarray,
    demand_client_years: np.ndarray,
) -> np.ndarray:
    """Fraction of SAMEN. demand that fits in capacity, in [0, 1] (SPEC §7 capacity).

    ``opening_client_years``: client-years of clients already in care (always kept);
    ``demand_client_years``: client-years the new clients would add if all were admitted.
    """
    room = np.maximum(capacity_client_years - opening_client_years, 0.0)
    return _fits(room, demand_client_years)


def _fits(room: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """``min(room / wanted, 1)``, and 1 where nothing is wanted."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # tiny wanted: inf -> 1
        frac = np.where(wanted > 0, room / wanted, 1.0)
    return np.minimum(frac, 1.0)


def admitted_fractions(
    capacity_client_years: np.ndarray,
    opening_client_years: np.ndarray,
    waiting_client_years: np.ndarray,
    demand_client_years: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Fractions in [0, 1] of the waiting list and of the new demand that SAMEN. takes on.

    The waiting list is first in line: admitted on 1 January, each of them adds the
    client-years of an opening client (``waiting_client_years`` for the whole list); the room
    left goes to the new demand (``demand_client_years`` if all were admitted). Clients already
    in care are always kept.
    """
    room = np.maximum(capacity_client_years - opening_client_years, 0.0)
    from_list = _fits(room, waiting_client_years)
    room = np.maximum(room - from_list * waiting_client_years, 0.0)
    return from_list, _fits(room, demand_client_years)


def waiting_list_exits(
    waiting: np.ndarray, dropout_share: np.ndarray, specialist_share: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(drop-outs, to specialist care, still waiting) of the list on 1 January, persons.

    ``dropout_share`` of the list leaves without help; of the rest ``specialist_share`` goes to
    specialist care; the others stay first in line. ``dropouts + specialist + still == waiting``.
    """
    dropouts = waiting * dropout_share
    specialist = (waiting - dropouts) * specialist_share
    return dropouts, specialist, waiting - dropouts - specialist


def waiting_time_months(waiting_person_years: np.ndarray, joined: np.ndarray) -> np.ndarray:
    """Average waiting time of the young people joining the list, months (Little's law).

    ``waiting_person_years``: the list's average length over the year (person-years);
    ``joined``: young people joining it in the year. ``12 * L / joined``, exact for a list in a
    steady state; 12 where people wait the whole year but nobody joins, 0 without a list.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        months = np.where(joined > 0, 12.0 * waiting_person_years / joined,
                          np.where(waiting_person_years > 0, 12.0, 0.0))
    return months


def fte_target(
    closing_caseload: np.ndarray,
    client_years: np.ndarray,
    fte_previous: np.ndarray,
    caseload_per_fte: np.ndarray,
) -> np.ndarray:
    """Year-end FTE the hiring plan asks for (SPEC §9: WIJ hires for the plan).

    Enough staff on 31 December for the planned year-end caseload, and enough over the year
    (average of 1 January and 31 December staff) for the planned client-years:
    ``max(closing / caseload, 2 * client_years / caseload - fte_previous)``, where
    ``fte_previous`` is the plan's own target of the year before (not the staff actually found),
    so a year of hiring shortfall does not make the next target overshoot.
    """
    return np.maximum(closing_caseload, 2.0 * client_years - fte_previous * caseload_per_fte
                      ) / caseload_per_fte


def backlog_fte(client_years: np.ndarray, caseload_per_fte: np.ndarray) -> np.ndarray:
    """Year-end FTE added to the hiring target for the young people still waiting on
    1 January: ``2 * client_years / caseload``, so that the year's average FTE (half of the
    year-end addition) carries the client-years they bring when taken on on 1 January. The
    plan's own FTE path does not include it (the backlog is a one-off)."""
    return 2.0 * client_years / caseload_per_fte


def fte_path_step(
    fte_previous: np.ndarray, fte_target: np.ndarray, max_growth: np.ndarray,
    vacancy_rate: np.ndarray,
) -> np.ndarray:
    """Year-end FTE: the hiring plan's target less its vacancies, hiring capped at
    ``max_growth`` FTE a year: ``min(target * (1 - vacancy_rate), previous + max_growth)``.

    Staff above that leave at once (no cap on reductions).
    """
    return np.minimum(fte_target * (1.0 - vacancy_rate), fte_previous + max_growth)
