"""The council's extra money for prevention and expansion, year by year for one draw."""

from __future__ import annotations

from engine_reference.draw import _Draw


def extra_money(d: _Draw, price_level: list[float]) -> dict[str, list[float]]:
    """Per year: ``paid`` and its ``capacity`` part (EUR, nominal), the ``fte`` added to the
    hiring target and the ``prevention`` fraction of inflow removed.

    From the start year the amount ``A`` (EUR, price base year) is paid indexed,
    ``A * price_level``; the capacity share ``c`` buys ``A * c / (cost per FTE * (1 +
    overhead))`` FTE (none where an FTE costs nothing); the prevention part of year ``t - lag``
    removes ``min(effect per EUR 1 mln * A * (1 - c) / 10^6, 1)`` of the inflow in year ``t``.
    """
    amount = [a if year >= d.extra_start else 0.0
              for a, year in zip(d.extra_money, d.years, strict=True)]
    out: dict[str, list[float]] = {"paid": [], "capacity": [], "fte": [], "prevention": []}
    for i in range(len(d.years)):
        share = d.extra_capacity_share[i]
        full_cost = d.cost_per_fte[i] * (1.0 + d.overhead_share[i])
        out["paid"].append(amount[i] * price_level[i])
        out["capacity"].append(amount[i] * share * price_level[i])
        out["fte"].append(amount[i] * share / full_cost if full_cost > 0.0 else 0.0)
        k = i - d.extra_lag
        prevention = 0.0
        if k >= 0:
            money = amount[k] * (1.0 - d.extra_capacity_share[k])
            prevention = min(d.extra_effect_per_million[k] * money / 1e6, 1.0)
        out["prevention"].append(prevention)
    return out
