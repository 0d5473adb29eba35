"""Step functions over whole arrays for demand and stocks: the run-off
coefficients of the stocks and the phase-in weights. The year-by-year rules of the stocks,
hiring, capacity and the waiting list are in :mod:`samen_model.model.kernel`.
"""

from __future__ import annotations

import numpy as np


def run_off_coefficients(duration_years: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Survival of the opening stock, ``a`` and ``b`` for mean durations (years): a stock ``S0``
    on 1 January with ``N`` arrivals spread over the year ends at ``S0 * survive + N * a``
    persons and spends ``S0 * a + N * b`` client-years in care (:mod:`samen_model.model.kernel`).
    """
    rate = 1.0 / duration_years
    survive = np.exp(-rate)
    a = (1.0 - survive) / rate
    b = (1.0 - a) / rate
    return survive, a, b


def phase_in_weights(
    years: np.ndarray,
    samen_start_year: int,
    product_entry_year: np.ndarray,
    referrer_entry_year: np.ndarray,
    referrer_share: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Share of a product's new cases whose referrer and product are in SAMEN..

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
