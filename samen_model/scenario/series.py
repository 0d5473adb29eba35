"""The year-series rule of ``extends:``: a what-if series overrides only from its first year.

A variant that gives a parameter as a year series (``{2024: 0.2, 2026: 0.05}``) says nothing
about the years before its first given year. There the **base** scenario's value applies: the
merge rewrites the series so that the base's values come first, and the variant's series holds
from its first year on. Without this rule the first value would be held backwards (``numpy.interp``)
and silently change years the variant never mentioned, e.g. the calibrated 2023 leakage.

* base a single value ``b``: the series gets the point ``first - 1: b`` (``b`` is held before it);
* base a year series: its points before ``first - 1`` are kept and the point ``first - 1`` is the
  base's interpolated value there (so every year before ``first`` keeps the base's number);
* amounts (``incidental.*``, zero in years not listed): the base's years before ``first`` are kept;
* base a distribution: refused with a clear message (a distribution has no per-year value to fall
  back to), unless the series starts at the first model year;
* a series starting at or before the first model year, and a single value or a distribution in
  the variant, replace the base's value whole, as before.

Within a variant's series nothing changes: linear between the given years, the last value held
after the last one (:func:`samen_model.scenario.values.series_on_years`).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np

from samen_model.errors import ScenarioError
from samen_model.scenario.catalogue import spec_for


def is_year_series(value: Any) -> bool:
    """True for a mapping of integer years to numbers (not a distribution)."""
    return (isinstance(value, dict) and bool(value) and "dist" not in value
            and all(isinstance(k, int) and not isinstance(k, bool) for k in value)
            and all(_is_number(v) for v in value.values()))


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def series_from_year(base: Any, series: dict[int, float], first_model_year: int, *,
                     amounts: bool = False) -> Any:
    """The value a variant's year ``series`` takes when it extends ``base`` (see module doc).

    Returns ``series`` unchanged when it starts at or before ``first_model_year`` or ``base``
    has no usable value; raises ``ValueError`` when ``base`` is a distribution.
    """
    first = min(series)
    if first <= first_model_year:
        return series
    if amounts:
        if not is_year_series(base):
            return series
        kept = {y: v for y, v in base.items() if y < first}
        return {**dict(sorted(kept.items())), **dict(sorted(series.items()))}
    if isinstance(base, dict) and "dist" in base:
        raise ValueError(
            f"a year series from {first} cannot extend the base's distribution (it has no "
            f"value per year to keep before {first}); start the series at the first model "
            f"year {first_model_year}, or give a single value or a distribution")
    if _is_number(base):
        if float(series[first]) == float(base):
            return series  # the base value held before ``first`` is what the series holds
        return {first - 1: float(base), **dict(sorted(series.items()))}
    if is_year_series(base):
        xs = sorted(base)
        at = float(np.interp(first - 1, xs, [float(base[x]) for x in xs]))
        kept = {y: float(base[y]) for y in xs if y < first - 1}
        return {**kept, first - 1: at, **dict(sorted(series.items()))}
    return series


def _leaves(tree: Any, prefix: tuple[str, ...] = ()):
    """(path parts, leaf) for every mapping with a ``value`` key under ``tree``."""
    if not isinstance(tree, dict):
        return
    if "value" in tree:
        yield prefix, tree
        return
    for key, sub in tree.items():
        yield from _leaves(sub, (*prefix, str(key)))


def _get(tree: Any, parts: tuple[str, ...]) -> Any:
    for part in parts:
        if not isinstance(tree, dict) or part not in tree:
            return None
        tree = tree[part]
    return tree


def apply_series_rule(base: dict, own: dict, merged: dict, file: Path | None) -> dict:
    """``merged`` (the plain merge of ``own`` into ``base``) with the year-series rule applied.

    Only parameters that ``own`` gives as a year series change; ``merged`` is copied, not
    modified. Raises :class:`~samen_model.errors.ScenarioError` naming ``file`` for a series
    over a distribution of the base.
    """
    first_model_year = _get(merged, ("parameters", "time", "first_year", "value"))
    if not isinstance(first_model_year, int) or isinstance(first_model_year, bool):
        return merged  # the validation reports the bad first year
    out = None
    for parts, leaf in _leaves(own.get("parameters")):
        series = leaf["value"]
        if not is_year_series(series):
            continue
        base_leaf = _get(base.get("parameters"), parts)
        if not isinstance(base_leaf, dict) or "value" not in base_leaf:
            continue
        path = ".".join(parts)
        spec = spec_for(path)
        try:
            value = series_from_year(base_leaf["value"], series, first_model_year,
                                     amounts=spec is not None and spec.kind == "amounts")
        except ValueError as exc:
            raise ScenarioError(file or Path("<scenario>"), f"parameters.{path}.value",
                                str(exc)) from None
        if value is not series:
            out = out if out is not None else copy.deepcopy(merged)
            _get(out["parameters"], parts)["value"] = value
    return merged if out is None else out
