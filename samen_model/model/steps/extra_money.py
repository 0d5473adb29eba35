"""Extra money for prevention and expansion: a council decision beside the SAMEN. budget.

A yearly amount ``A[t]`` (EUR in prices of the price base year) from ``start`` on, split into a
capacity part (share ``c``) and a prevention part (``1 - c``):

* paid ``= A[t] * price_level[t]`` (nominal EUR): outside the closed square, beside SAMEN.'s
  result, like the incidental budget (docs/assumptions.md, "Extra geld");
* capacity: ``A[t] * c / (cost per FTE * (1 + overhead))`` FTE added to the year-end hiring
  target, so the money pays the full cost of the staff it buys at that year's prices; the hiring
  limit and vacancies apply as to every position; paid to WIJ beside the execution budget
  (``A[t] * c * price_level[t]``, nominal), which the budget rule counts as WIJ's income;
* prevention: in year ``t`` the inflow falls by ``min(e * A[t - lag] * (1 - c) / 10^6, 1)``
  (``e`` the effect per EUR 1 mln a year), on top of ``demand.prevention_effect``.

Pure numpy over (year, draw) arrays with a draw axis of 1 when shared by all draws.
"""

from __future__ import annotations

import numpy as np

MILLION = 1e6


def amount(amount_eur: np.ndarray, years: np.ndarray, start_year: int) -> np.ndarray:
    """The extra money per year (EUR, price base year): ``amount_eur`` from ``start_year``."""
    return np.where((years >= start_year)[:, None], amount_eur, 0.0)


def capacity_fte(amount_eur: np.ndarray, capacity_share: np.ndarray, cost_per_fte: np.ndarray,
                 overhead_share: np.ndarray) -> np.ndarray:
    """FTE the capacity part buys (price base year euros over the full cost of an FTE in the
    same prices); 0 where an FTE costs nothing (no amount of staff would be bought)."""
    cost = cost_per_fte * (1.0 + overhead_share)
    money = amount_eur * capacity_share
    shape = np.broadcast_shapes(money.shape, cost.shape)
    out = np.zeros(shape)
    np.divide(np.broadcast_to(money, shape), np.broadcast_to(cost, shape), out=out,
              where=np.broadcast_to(cost, shape) > 0.0)
    return out


def prevention_effect(amount_eur: np.ndarray, capacity_share: np.ndarray,
                      effect_per_million: np.ndarray, lag: int) -> np.ndarray:
    """Fraction of inflow the prevention part removes in each year: the money of ``lag`` years
    earlier times the effect per EUR 1 mln, at most 1 (0 in the first ``lag`` years)."""
    money = amount_eur * (1.0 - capacity_share)
    effect = np.minimum(effect_per_million * money / MILLION, 1.0)
    out = np.zeros(effect.shape)
    if lag < len(effect):
        out[lag:] = effect[:len(effect) - lag]
    return out
