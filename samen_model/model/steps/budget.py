"""The budget rule of seed 004 §8 and the incidental budget, as pure functions (SPEC §9-§11).

Functions take arrays over (year, draw); a year-shift
``x[t-k]`` is taken with :func:`lag`, which fills the first ``k`` years with NaN so a missing
history can never pass silently as zero.
"""

from __future__ import annotations

import numpy as np


def lag(x: np.ndarray, k: int) -> np.ndarray:
    """``x[t-k]`` along the year axis (axis 0); the first ``k`` years are NaN."""
    out = np.full(x.shape, np.nan)
    out[k:] = x[: len(x) - k]
    return out


def budget_index_pct(ova_provisional_pct: np.ndarray, ova_definitive_pct: np.ndarray) -> np.ndarray:
    """Index for year t in percent: ``OVA_prov[t-1] + (OVA_def[t-2] - OVA_prov[t-2])``.

    Inputs cover years ``first - 2 .. last``; the result covers ``first .. last``
    (seed 004 §8 "Loon- en prijsontwikkeling": the previous year's OVA, corrected by the change
    of the definitive OVA of the year before).
    """
    return ova_provisional_pct[1:-1] + ova_definitive_pct[:-2] - ova_provisional_pct[:-2]


def cumulative_factor(rate: np.ndarray, years: np.ndarray, base_year: int) -> np.ndarray:
    """Price (or growth) level relative to ``base_year``: product of ``1 + rate[k]`` for k after it.

    Years before the base year are deflated by the same rates:
    ``level[t-1] = level[t] / (1 + rate[t])``.
    """
    step = 1.0 + rate
    after = np.where((years > base_year)[:, None], step, 1.0)
    before = np.where((years <= base_year)[:, None], step, 1.0)
    up = np.cumprod(after, axis=0)
    down = np.cumprod(before[::-1], axis=0)[::-1] / before  # product over k in (t, base]
    return up / down


def provisional_budget(
    comparable_cost_eur: np.ndarray,
    expected_cost_development: np.ndarray,
    population_0_17: np.ndarray,
    index_pct: np.ndarray,
    planned_share: np.ndarray,
) -> dict[str, np.ndarray]:
    """Budget set on 1 October t-1 (seed 004 §8 steps 1-3; SPEC §10 step 2).

    ``estimate = CC[t-2] * (1 + expected development in t-1)``;
    ``volume = pop[t-2] / pop[t-3]``;
    ``provisional = estimate * volume * (1 + index[t]) * planned SAMEN. share[t]``.
    """
    estimate = lag(comparable_cost_eur, 2) * (1.0 + expected_cost_development)
    volume = lag(population_0_17, 2) / lag(population_0_17, 3)
    provisional = estimate * volume * (1.0 + index_pct / 100.0) * planned_share
    return {"estimate": estimate, "volume": volume, "provisional": provisional}


def recheck_budget(
    provisional_eur: np.ndarray, estimate_eur: np.ndarray, comparable_cost_eur: np.ndarray
) -> np.ndarray:
    """1 March t: rescale by realised ``CC[t-1]`` over the 1 October estimate (SPEC §10 step 3)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(estimate_eur > 0, lag(comparable_cost_eur, 1) / estimate_eur, 1.0)
    return provisional_eur * ratio


def incidental_budget(
    tranches_eur: np.ndarray, spending_eur: np.ndarray, years: np.ndarray, return_year: int
) -> dict[str, np.ndarray]:
    """Tranches, spending with carry-forward, and the return of what is left (SPEC §11).

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
