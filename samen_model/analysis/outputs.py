"""Named outputs: one number per draw, the quantity sensitivity and uncertainty look at.

:class:`Output` turns a :class:`~samen_model.model.results.Result` into one number per draw (a
column summed over a range of years); :func:`output` resolves a name such as
``net_savings_2026_2030`` or ``square_deviation_eur:2024``. Monte Carlo, sensitivity,
break-even and attribution use the same outputs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from samen_model.errors import SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.results import Result


@dataclass(frozen=True)
class Output:
    """One number per draw: ``column`` summed over the years ``first..last`` (inclusive)."""

    name: str
    column: str
    first: int
    last: int
    description: str = ""

    @property
    def keep(self) -> tuple[str, ...]:
        """Engine columns this output reads."""
        return (self.column,)

    def __call__(self, result: Result) -> np.ndarray:
        """Values per draw, shape (draws,), in the column's unit (EUR for money)."""
        return self.of_arrays(result.arrays, result.years)

    def of_arrays(self, arrays: Mapping[str, np.ndarray], years: np.ndarray) -> np.ndarray:
        """The same from (year, draw) arrays, e.g. a block of draws in a reducer
        (``simulate(reduce=...)``)."""
        self.check_years(years)
        rows = (years >= self.first) & (years <= self.last)
        return arrays[self.column][rows].sum(axis=0)

    def check_years(self, years: np.ndarray) -> None:
        """Refuse an output whose years lie outside the horizon ``years``."""
        if self.first > self.last or self.first < years[0] or self.last > years[-1]:
            raise SamenInputError(None, f"output {self.name}",
                                  f"years inside the horizon {years[0]}-{years[-1]} "
                                  f"(got {self.first}-{self.last})")


_FAMILIES = {
    # name pattern: (column, description); years come from the name
    r"deviation_(\d{4})_(\d{4})": ("square_deviation_eur",
                                   "closed-square deviation summed over the years, EUR "
                                   "(> 0: the square is exceeded)"),
    r"net_savings_(\d{4})_(\d{4})": ("net_savings_eur", "net savings summed over the years, EUR"),
    r"cumulative_net_savings_(\d{4})": ("cumulative_net_savings_eur",
                                        "cumulative net savings at the end of the year, EUR"),
}

#: The named outputs shown in help texts (any years work: ``net_savings_2026_2028``).
OUTPUT_NAMES = ("deviation_2023_2025", "net_savings_2026_2030", "cumulative_net_savings_2030")


def output(spec: str | Output) -> Output:
    """Resolve an output: a name (``deviation_2023_2025``, ``net_savings_2026_2030``,
    ``cumulative_net_savings_2030``, any years), ``COLUMN:YEAR`` or ``COLUMN:FIRST-LAST`` (sum).

    Raises :class:`~samen_model.errors.SamenInputError` for anything else.
    """
    if isinstance(spec, Output):
        return spec
    for pattern, (column, text) in _FAMILIES.items():
        if m := re.fullmatch(pattern, spec):
            years = [int(g) for g in m.groups()]
            return Output(spec, column, years[0], years[-1], text)
    if m := re.fullmatch(r"([a-z0-9_]+):(\d{4})(?:-(\d{4}))?", spec):
        column, first, last = m.group(1), int(m.group(2)), int(m.group(3) or m.group(2))
        if column in COLUMN_NAMES[1:]:
            return Output(spec, column, first, last,
                          f"{column} summed over {first}-{last}" if last > first
                          else f"{column} in {first}")
    raise SamenInputError(None, "output", f"one of {', '.join(OUTPUT_NAMES)} (any years), or "
                          f"COLUMN:YEAR or COLUMN:FIRST-LAST with a column of docs/columns.md "
                          f"(got {spec!r})")


def evaluate(result: Result, outputs: Sequence[Output]) -> dict[str, np.ndarray]:
    """Several outputs of one result, by name (each shape (draws,))."""
    return {o.name: o(result) for o in outputs}


def keep_for(outputs: Sequence[Output]) -> tuple[str, ...]:
    """The engine columns the outputs need (for ``simulate(keep=...)``)."""
    return tuple(sorted({c for o in outputs for c in o.keep}))
