"""Why the closed-square deviation moves from year to year: its parts, from the run's columns.

The deviation of year t is what SAMEN. costs the municipality, minus the open-house cost it
avoids, plus the change in other youth care (``docs/columns.md``)::

    square_deviation = samen_cost_to_municipality - open_house_avoided + other_difference
    samen_cost_to_municipality = samen_cost + ict_housing_transfer + wij_result

During the transition the budget is settled against the actual cost (``wij_result`` is 0 and
``settlement`` returns what is left); after it the municipality pays the whole budget, which
follows the comparable cost of t-2, the expected development, volume, index and planned share
(1 October t-1), rechecked on 1 March t against the realisation of t-1. :func:`deviation_parts`
lays these side by side per year (central draw); :func:`largest_swing` finds the year whose
deviation differs most from the year before.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from samen_model.model.results import Result

#: Parts of the deviation (EUR) and the budget steps that explain them, per year.
PART_COLUMNS = (
    "deviation", "samen_cost", "ict_housing", "kept_by_wij", "settlement",
    "samen_to_municipality", "open_house_avoided", "open_house_remaining", "other_difference",
    "comparable_cost_t2", "budget_provisional", "budget_recheck", "recheck_change",
    "budget_final", "settled",
)


def deviation_parts(result: Result, draw: int = 0) -> pd.DataFrame:
    """The deviation and its parts per year (EUR, one draw; index = year).

    ``settled``: whether the budget was settled against the cost that year (a settlement was
    booked, or the year lies in the transition).
    """
    a = {k: v[:, draw] for k, v in result.arrays.items()}
    years = result.years.astype(int)
    cc = a["comparable_cost_eur"]
    cc_t2 = np.full(len(years), np.nan)
    cc_t2[2:] = cc[:-2]
    v = result.scenario.value
    in_transition = (years >= v("time.samen_start_year")) & (
        years <= v("time.transition_end_year"))
    frame = pd.DataFrame({
        "deviation": a["square_deviation_eur"],
        "samen_cost": a["samen_cost_eur"],
        "ict_housing": a["ict_housing_transfer_eur"],
        "kept_by_wij": a["wij_result_eur"],
        "settlement": a["settlement_eur"],
        "samen_to_municipality": a["samen_cost_to_municipality_eur"],
        "open_house_avoided": a["counterfactual_open_house_scope_cost_eur"]
        - a["open_house_scope_cost_eur"],
        "open_house_remaining": a["open_house_scope_cost_eur"],
        "other_difference": a["other_youth_care_cost_eur"]
        - a["counterfactual_other_youth_care_cost_eur"],
        "comparable_cost_t2": cc_t2,
        "budget_provisional": a["budget_provisional_eur"],
        "budget_recheck": a["budget_recheck_eur"],
        "recheck_change": a["budget_recheck_eur"] - a["budget_provisional_eur"],
        "budget_final": a["budget_final_eur"],
        "settled": (a["settlement_eur"] != 0) | in_transition,
    }, index=pd.Index(years, name="year"))
    return frame[list(PART_COLUMNS)]


def largest_swing(parts: pd.DataFrame, first: int, last: int) -> int | None:
    """The year in ``first+1 .. last`` whose deviation differs most from the year before
    (None when there are fewer than two years)."""
    window = parts.loc[(parts.index >= first) & (parts.index <= last), "deviation"]
    if len(window) < 2:
        return None
    change = window.diff().abs().iloc[1:]
    return int(change.idxmax())
