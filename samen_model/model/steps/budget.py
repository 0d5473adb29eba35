"""The incidental budget, price levels, running sums and the payback year, as pure functions
. The budget rule itself is :mod:`samen_model.model.budget_rule`.

Functions take arrays over (year, draw) unless said otherwise.
"""

from __future__ import annotations

import numpy as np


def cumulative_factor(rate: np.ndarray, years: np.ndarray, base_year: int) -> np.ndarray:
    """Price (or growth) level relative to ``base_year``: product of ``1 + rate[k]`` for k after it.

    Years before the base year are deflated by the same rates:
    ``level[t-1] = level[t] / (1 + rate[t])``. A loop over the (few) years: numpy's cumprod
    along the year axis of a (year, draw) array is several times slower.
    """
    level = np.empty(rate.shape)
    b = int(np.searchsorted(years, base_year))
    if b < len(years):  # the base year, or the first year after it (base before the horizon)
        level[b] = 1.0 if years[b] == base_year else 1.0 + rate[b]
    for i in range(b + 1, len(years)):
        level[i] = level[i - 1] * (1.0 + rate[i])
    for i in range(min(b, len(years)) - 1, -1, -1):
        level[i] = level[i + 1] / (1.0 + rate[i + 1]) if i + 1 < len(years) else 1.0
    return level


def incidental_budget(
    tranches_eur: np.ndarray, spending_eur: np.ndarray, years: np.ndarray, return_year: int
) -> dict[str, np.ndarray]:
    """Tranches, spending with carry-forward, and the return of what is left.

    Spending in a year is what was planned, capped by the tranche plus the carried reserve; the
    reserve carries to the next year; from ``return_year`` on, what is left flows back.
    All arrays (Y,) in EUR.
    """
    spent = np.zeros(len(years))
    carry = np.zeros(len(years))
    returned = np.zeros(len(years))
    reserve = 0.0
    for i, y in enumerate(years):
        available = reserve + tranches_eur[i]
        spent[i] = min(available, spending_eur[i])
        reserve = available - spent[i]
        if y >= return_year:
            returned[i], reserve = reserve, 0.0
        carry[i] = reserve
    return {"budget": tranches_eur.copy(), "spent": spent, "carry": carry, "returned": returned}


def running_sum(x: np.ndarray) -> np.ndarray:
    """Cumulative sum over the year axis (axis 0), row by row (numpy's cumsum along axis 0 of
    a (year, draw) array is several times slower; the numbers are the same)."""
    out = np.empty(x.shape)
    if len(x):
        out[0] = x[0]
    for i in range(1, len(x)):
        np.add(out[i - 1], x[i], out=out[i])
    return out


def payback_year(cumulative: np.ndarray, years: np.ndarray, from_year: int) -> np.ndarray:
    """First year from ``from_year`` on after which cumulative net savings stay >= 0 (per draw).

    NaN where that never happens within the horizon.
    """
    ok = cumulative >= 0
    stays_ok = np.flip(np.logical_and.accumulate(np.flip(ok, axis=0), axis=0), axis=0)
    stays_ok &= (years >= from_year)[:, None]
    any_ok = stays_ok.any(axis=0)
    first = np.argmax(stays_ok, axis=0)
    return np.where(any_ok, years[first].astype(float), np.nan)
