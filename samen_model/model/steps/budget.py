"""The budget rule of seed 004 §8 and the incidental budget, as pure functions (SPEC §9-§11).

Functions take arrays over (year, draw); a year-shift ``x[t-k]`` is taken with :func:`past`
for the SAMEN. rows only, so a year without the history the rule needs is never computed (the
columns are NaN or 0 there, set by the engine).
"""

from __future__ import annotations

import numpy as np


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


def lapsing_cost_ceiling(final_eur: np.ndarray, lapsing_eur: np.ndarray, mode: str,
                         transfer_share: float) -> np.ndarray:
    """What the §8 'reëel' ceiling cuts from the final budget, EUR (0 when ``mode`` is off).

    ``final_budget``: the final budget (incl. ICT and housing) at most the open-house cost
    that lapses; ``execution_budget``: WIJ's execution budget, ``final * (1 - transfer_share)``,
    at most that cost.
    """
    if mode == "off":
        return np.zeros((len(final_eur), 1))
    cap = lapsing_eur if mode == "final_budget" else lapsing_eur / (1.0 - transfer_share)
    return np.maximum(final_eur - cap, 0.0)


def past(x: np.ndarray, k: int, first_row: int) -> np.ndarray:
    """``x[t-k]`` for the rows ``first_row ..`` of ``x`` (a view); ``first_row >= k``, else
    there is no history to read (ValueError)."""
    if first_row < k:
        raise ValueError(f"row {first_row} has no year t-{k} in the model years")
    return x[first_row - k: len(x) - k]


def provisional_budget(
    comparable_cost_eur: np.ndarray,
    expected_cost_development: np.ndarray,
    population_0_17: np.ndarray,
    index_pct: np.ndarray,
    planned_share: np.ndarray,
    first_row: int,
    volume_lag: int = 2,
) -> dict[str, np.ndarray]:
    """Budget set on 1 October t-1 (seed 004 §8 steps 1-3; SPEC §10 step 2), for the years
    from row ``first_row`` (the SAMEN. years; the history needs ``first_row >= 3``).

    ``estimate = CC[t-2] * (1 + expected development in t-1)``;
    ``volume = pop[t-k] / pop[t-k-1]`` with ``k = volume_lag``: 2 (growth up to 1 January
    t-2, the default reading) or 1 (growth during t-2);
    ``provisional = estimate * volume * (1 + index[t]) * planned SAMEN. share[t]``.
    """
    r, k = first_row, volume_lag
    estimate = past(comparable_cost_eur, 2, r) * (1.0 + expected_cost_development[r:])
    volume = past(population_0_17, k, r) / past(population_0_17, k + 1, r)
    provisional = estimate * volume * (1.0 + index_pct[r:] / 100.0) * planned_share[r:]
    return {"estimate": estimate, "volume": volume, "provisional": provisional}


def recheck_budget(
    provisional_eur: np.ndarray, estimate_eur: np.ndarray, comparable_cost_eur: np.ndarray,
    first_row: int,
) -> np.ndarray:
    """1 March t: rescale by realised ``CC[t-1]`` over the 1 October estimate (SPEC §10 step 3);
    rows from ``first_row`` as in :func:`provisional_budget`."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(estimate_eur > 0, past(comparable_cost_eur, 1, first_row) / estimate_eur,
                         1.0)
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
