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
    opening: np.ndarray, arrivals: np.ndarray, survive: np.ndarray, a: np.ndarray, b: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """One year of a stock: (closing stock, client-years). All in persons / person-years."""
    return opening * survive + arrivals * a, opening * a + arrivals * b


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
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # tiny demand: inf -> 1
        frac = np.where(demand_client_years > 0, room / demand_client_years, 1.0)
    return np.minimum(frac, 1.0)


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


def fte_path_step(
    fte_previous: np.ndarray, fte_target: np.ndarray, max_growth: np.ndarray
) -> np.ndarray:
    """Year-end FTE: the hiring plan's target, hiring capped at ``max_growth`` FTE a year.

    Staff above target leave at once (no cap on reductions).
    """
    return np.minimum(fte_target, fte_previous + max_growth)
