"""The last check before anything is written: every output of a run is a finite number.

Validated scenarios keep every output finite (the ranges of ``data/parameters.yaml``), so this
fires only for values set around the validation (``simulate(values=...)``) or a model bug; it
then names the first column, year and draw that went wrong and the inputs of that draw, instead
of letting NaN or infinity reach a table.
"""

from __future__ import annotations

import numpy as np

from samen_model.errors import SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.results import Result
from samen_model.scenario.values import Distribution

#: Columns that are NaN by definition before SAMEN. starts (docs/columns.md).
NAN_BEFORE_START = ("expected_cost_development", "volume_factor")


def first_non_finite(result: Result) -> tuple[str, int, int, float] | None:
    """(column, year, draw, value) of the earliest non-finite output, or None.

    The earliest year first (where the trouble starts), then the column order of
    docs/columns.md, then the lowest draw.
    """
    start = result.scenario.value("time.samen_start_year")
    best: tuple[int, int, str, int] | None = None
    for order, name in enumerate(n for n in COLUMN_NAMES if n in result.arrays):
        values = result.arrays[name]
        bad = ~np.isfinite(values)
        if name in NAN_BEFORE_START:
            bad &= ~(np.isnan(values) & (result.years < start)[:, None])
        if bad.any():
            row, draw = np.argwhere(bad)[0]
            if best is None or (int(row), order) < best[:2]:
                best = (int(row), order, name, int(draw))
    if best is None:
        return None
    row, _, name, draw = best
    return name, int(result.years[row]), draw, float(result.arrays[name][row, draw])


def check_finite(result: Result, values: dict[str, np.ndarray] | None = None) -> None:
    """Raise :class:`~samen_model.errors.SamenInputError` if any output is NaN or infinite.

    The message names the scenario file, the first bad column, its year and draw, and the
    inputs of that draw: every parameter with a distribution (its sampled value when
    ``values`` holds the draws' values) and any parameter given per draw.
    """
    found = first_non_finite(result)
    if found is None:
        return
    name, year, draw, value = found
    s = result.scenario
    shown = {}
    for path in sorted({*s.uncertain_parameters(), *(values or {})}):
        if values and path in values:
            shown[path] = float(np.asarray(values[path])[draw])
        else:
            val = s.value(path)
            shown[path] = val.central if isinstance(val, Distribution) else val
    inputs = ", ".join(f"{k}={v:.6g}" for k, v in shown.items()) or \
        "the scenario's fixed values"
    raise SamenInputError(
        s.path or s.name, f"{name}, year {year}, draw {draw}",
        f"finite outputs (got {value}); nothing was written. Inputs of this draw: {inputs}. "
        "Check the parameters this column depends on (docs/columns.md)")
