"""Rules of a scenario that span several parameters: the time line, shares that sum to 1, the
budget's shares, extra money and the incidental budget's return year. Called by
:func:`samen_model.scenario.validation.validate_tree` once every leaf is parsed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from samen_model.scenario.catalogue import ENTITY_GROUPS

SHARE_SUM_TOLERANCE = 1e-6


def check_consistency(v: dict[str, Any], fail: Callable[[str, str], None]) -> None:
    """Rules that span several parameters (``v``: parsed values by dotted path); ``fail(key,
    expected)`` raises the file's error."""
    first, last, start = v["time.first_year"], v["time.last_year"], v["time.samen_start_year"]
    if last <= first:
        fail("parameters.time.last_year.value", f"a year after first_year {first} (got {last})")
    if first > start - 3:
        fail("parameters.time.first_year.value",
             f"at most samen_start_year - 3 = {start - 3}: the budget rule needs t-3 (got {first})")
    for key in ("time.transition_end_year", "time.structural_start_year",
                "time.price_base_year", "incidental.return_year"):
        if not first <= v[key] <= last:
            fail(f"parameters.{key}.value",
                 f"a year inside the horizon {first}-{last} (got {v[key]})")
    # A start after the horizon means SAMEN. never starts (used for the no-SAMEN. invariant):
    # then there is no transition to end and transition_end_year is not checked against it.
    if start <= last and v["time.transition_end_year"] < start:
        fail("parameters.time.transition_end_year.value",
             f"a year not before samen_start_year {start} (got {v['time.transition_end_year']})")
    for g in ENTITY_GROUPS:
        total = sum(x for k, x in v.items()
                    if k.startswith(g + ".") and k.endswith(".share_of_new_cases"))
        if abs(total - 1.0) > SHARE_SUM_TOLERANCE:
            fail(f"parameters.{g}.*.share_of_new_cases",
                 f"shares that sum to 1 (they sum to {total:.6g})")
    growth_from = v["population.growth_from_year"]
    if growth_from is not None and not first < growth_from <= last:
        fail("parameters.population.growth_from_year.value",
             f"a year after first_year {first} and at most last_year {last}, or null for growth "
             f"after the last data year (got {growth_from})")
    if v["budget.ict_share"] + v["budget.housing_share"] > 1:
        fail("parameters.budget.housing_share.value", "ict_share + housing_share <= 1")
    check_extra_money(v, first, last, start, fail)
    returns = v["incidental.return_year"]
    late = sorted(y for y, amount in v["incidental.spending_eur"].items()
                  if y >= returns and amount != 0)
    if late:
        fail(f"parameters.incidental.spending_eur.value.{late[0]}",
             f"no spending from the return year {returns} on (got {late[0]}): the definitive "
             "spending is fixed after the last tranche year and the remainder returns "
             "(Kaders van de opdracht en financiën, 31 August 2022, §8); book it in an "
             "earlier year or move incidental.return_year")


def check_extra_money(v: dict[str, Any], first: int, last: int, start: int,
                      fail: Callable[[str, str], None]) -> None:
    """Extra money (an amount other than 0) starts inside the horizon and in a SAMEN. year; the
    prevention lag is a whole number of years. Without extra money the start year is not read
    (a shorter horizon need not move it)."""
    year = v["extra_money.start_year"]
    amount = v["extra_money.amount_eur"]
    some = any(amount.values()) if isinstance(amount, dict) else amount != 0
    if some and not first <= year <= last:
        fail("parameters.extra_money.start_year.value",
             f"a year inside the horizon {first}-{last} (got {year})")
    if some and year < start:
        fail("parameters.extra_money.start_year.value",
             f"a year not before samen_start_year {start} when extra_money.amount_eur is not 0 "
             f"(got {year}): the money buys SAMEN. staff and prevention")
    lag = v["extra_money.prevention_lag_years"]
    if float(lag) != int(lag):
        fail("parameters.extra_money.prevention_lag_years.value",
             f"a whole number of years (got {lag!r})")
