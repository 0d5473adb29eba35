"""The result of a run: arrays kept as they are, tables built only when asked for.

``Result.arrays[name]`` has shape ``(year, draw)``. ``Result.yearly`` builds the long table (one
row per year and draw), ``Result.summary()`` computes percentiles straight from the arrays, so a
run of a million draws never builds a twelve-million-row table unless someone asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from samen_model.model.columns import BY_NAME, COLUMN_NAMES, derived_name
from samen_model.model.money import DISCOUNT_RATE, discounted, real_terms
from samen_model.model.steps.budget import payback_year
from samen_model.scenario.data_files import provider_shares
from samen_model.scenario.scenario import Scenario

DEFAULT_PERCENTILES = (5, 25, 50, 75, 95)


@dataclass(frozen=True, eq=False)
class Result:
    """Output of :func:`~samen_model.model.simulate.simulate` for one scenario and its paired
    counterfactual."""

    scenario: Scenario
    years: np.ndarray
    arrays: dict[str, np.ndarray] = field(repr=False)
    draws: int
    seed: int
    sampled: bool
    #: reducer results of :func:`~samen_model.model.simulate.simulate` (``reduce=``), by name:
    #: ``(draw,)`` or ``(k, draw)``.
    reduced: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ tables on demand
    @cached_property
    def yearly(self) -> pd.DataFrame:
        """One row per year (one draw) or per (draw, year), columns as in the dictionary.

        A run with ``keep`` shows only the columns it kept.
        """
        data = {"year": np.tile(self.years, self.draws)}
        for name in COLUMN_NAMES[1:]:
            if name in self.arrays:
                data[name] = self.arrays[name].T.reshape(-1)
        df = pd.DataFrame(data)
        if self.draws > 1:
            df.insert(0, "draw", np.repeat(np.arange(self.draws), len(self.years)))
        return df

    def summary(
        self, columns: tuple[str, ...] | list[str] | None = None,
        percentiles: tuple[float, ...] = DEFAULT_PERCENTILES,
    ) -> pd.DataFrame:
        """Percentiles per year straight from the arrays: index (column, year), one col per pct."""
        columns = list(columns or COLUMN_NAMES[1:])
        frames = []
        for name in columns:
            q = np.percentile(self.arrays[name], percentiles, axis=1).T  # (Y, len(pct))
            frames.append(pd.DataFrame(q, index=pd.Index(self.years, name="year"),
                                       columns=[f"p{p:g}" for p in percentiles]).assign(
                column=name))
        return pd.concat(frames).set_index("column", append=True).swaplevel().sort_index(
            level=0, sort_remaining=False)

    # ------------------------------------------------------------------ key figures
    def _years_mask(self, first: int, last: int) -> np.ndarray:
        return (self.years >= first) & (self.years <= last)

    def total_over(self, column: str, first: int, last: int) -> np.ndarray:
        """Sum of a column over the years ``first..last`` (inclusive), per draw."""
        return self.arrays[column][self._years_mask(first, last)].sum(axis=0)

    @cached_property
    def payback_year(self) -> np.ndarray:
        """First year after which cumulative net savings stay >= 0, per draw (NaN if never)."""
        return payback_year(self.arrays["cumulative_net_savings_eur"], self.years,
                            self.scenario.value("time.samen_start_year"))

    @property
    def structural_regime(self) -> str:
        """The budget regime after the transition by name: ``t2_rule``, ``settlement``,
        ``reeel_kept`` or ``reeel_settled`` (``budget.structural_regime`` and, under reeel,
        ``budget.reeel_wij_result``)."""
        v = self.scenario.value
        regime = v("budget.structural_regime")
        return f"reeel_{v('budget.reeel_wij_result')}" if regime == "reeel" else regime

    # ------------------------------------------------------------------ real and discounted
    @property
    def price_base_year(self) -> int:
        """The year in whose prices ``real`` amounts are given (``time.price_base_year``)."""
        return int(self.scenario.value("time.price_base_year"))

    @property
    def discount_year(self) -> int:
        """The year discounted amounts are valued in: the first SAMEN. year."""
        return int(self.scenario.value("time.samen_start_year"))

    def _euro(self, column: str) -> np.ndarray:
        if column not in BY_NAME or BY_NAME[column].unit != "EUR":
            raise KeyError(f"{column!r}: expected a euro column of docs/columns.md")
        for name in (column, "price_level"):
            if name not in self.arrays:
                raise KeyError(f"{name!r} was not kept in this run (simulate(keep=...) must "
                               f"keep {column} and price_level for real amounts)")
        return self.arrays[column]

    def real(self, column: str) -> np.ndarray:
        """A euro column in prices of :attr:`price_base_year` ``(year, draw)``: nominal
        divided by the model's price level (model/money.py)."""
        return real_terms(self._euro(column), self.arrays["price_level"])

    def discounted(self, column: str, rate: float = DISCOUNT_RATE,
                   to_year: int | None = None) -> np.ndarray:
        """A euro column in real euros discounted at ``rate`` (MKBA 2.25% by default) to
        ``to_year`` (default :attr:`discount_year`), ``(year, draw)``."""
        year = self.discount_year if to_year is None else int(to_year)
        return discounted(self.real(column), self.years, year, rate)

    def money(self, column: str, terms: str = "nominal") -> np.ndarray:
        """A euro column ``(year, draw)`` as ``nominal``, ``real`` or ``discounted``."""
        if terms == "nominal":
            return self._euro(column)
        if terms == "real":
            return self.real(column)
        if terms == "discounted":
            return self.discounted(column)
        raise ValueError(f"terms: expected nominal, real or discounted, got {terms!r}")

    def column(self, name: str) -> np.ndarray:
        """A kept column or a derived reading of a euro column (``*_real_eur``,
        ``*_discounted_eur``, docs/columns.md), ``(year, draw)``."""
        if name in self.arrays:
            return self.arrays[name]
        derived = derived_name(name)
        if derived is None:
            raise KeyError(f"{name!r}: expected a kept column or a *_real_eur / "
                           "*_discounted_eur reading of a euro column (docs/columns.md)")
        return self.money(*derived)

    def payback_year_in(self, terms: str = "nominal") -> np.ndarray:
        """:attr:`payback_year` with net savings summed as ``terms`` (nominal, real or
        discounted): the first year after which the running sum stays >= 0, per draw."""
        if terms == "nominal":
            return self.payback_year
        cumulative = np.cumsum(self.money("net_savings_eur", terms), axis=0)
        return payback_year(cumulative, self.years, self.discount_year)

    # ------------------------------------------------------------------ providers
    def providers(self, draw: int | None = None) -> pd.DataFrame:
        """Open-house revenue moved to SAMEN. per provider and year.

        Revenue moved = comparable cost - open-house scope cost (the SAMEN. clients valued at
        open-house prices), split by each provider's share in SAMEN. products; as a percentage of
        its Groningen youth-care turnover (its turnover share times the counterfactual total).
        With several draws the mean over draws is shown unless ``draw`` is given.
        """
        table = provider_shares()

        def pick(name: str) -> np.ndarray:
            a = self.arrays[name]
            return a[:, draw] if draw is not None else a.mean(axis=1)

        moved = pick("comparable_cost_eur") - pick("open_house_scope_cost_eur")
        turnover_total = pick("counterfactual_total_eur")
        rows = []
        for _, p in table.iterrows():
            turnover = turnover_total * p["share_of_groningen_turnover"]
            lost = moved * p["share_of_samen_products"]
            with np.errstate(divide="ignore", invalid="ignore"):
                pct = np.where(turnover > 0, 100.0 * lost / turnover, np.nan)
            rows.append(pd.DataFrame({
                "year": self.years, "provider": p["provider"], "label": p["label"],
                "share_of_samen_products": p["share_of_samen_products"],
                "revenue_moved_eur": lost, "groningen_turnover_eur": turnover,
                "revenue_moved_pct_of_turnover": pct,
            }))
        return pd.concat(rows, ignore_index=True)



def paid_back_by_year(payback_years: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Share of draws that have paid back by the end of each year (len(years),): the share
    whose payback year is at or before it (a draw that never pays back never counts)."""
    paid = np.sort(payback_years[~np.isnan(payback_years)])
    return np.searchsorted(paid, years, side="right") / max(len(payback_years), 1)


def median_payback_year(payback_years: np.ndarray) -> float:
    """The first year by which at least half of the draws have paid back; NaN when fewer than
    half pay back within the horizon (a draw without payback counts as after the horizon).
    For one draw this is its payback year."""
    ranked = np.sort(np.where(np.isnan(payback_years), np.inf, payback_years))
    year = ranked[(len(ranked) - 1) // 2] if len(ranked) else np.inf
    return float(year) if np.isfinite(year) else float("nan")
