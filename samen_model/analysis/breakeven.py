"""Break-even: the value of one parameter at which a target output reaches a given value.

``breakeven(scenario, "routing.leakage", "net_savings_2026_2030")`` finds the leakage at which
cumulative net savings over 2026-2030 are zero. Method: the target is evaluated on a grid over
the allowed range in one vectorized engine call to find where it changes sign, then
:func:`scipy.optimize.brentq` refines the root inside that bracket. Without a sign change the
result says that no root exists in the range (``value`` is None), with the range of the target.

All other parameters take their central values. Without ``from_year`` a year-series parameter is
set to the same value in every year; with ``from_year`` only the years ``>= from_year`` change
(earlier years keep the scenario's values), which goes through ``Scenario.with_values`` and one
engine call per evaluation instead of the ``values=`` path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import brentq

from samen_model.analysis.outputs import OUTPUT_NAMES, Output, output
from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.scenario.library import load_named
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.validation import value_problem
from samen_model.scenario.values import central_value, series_on_years

#: Target names for help texts (any years work, as in :func:`samen_model.analysis.outputs.output`).
TARGETS = OUTPUT_NAMES
#: The allowed range of a parameter kind when no bounds are given.
NATURAL_RANGE = {"share": (0.0, 1.0), "signed_fraction": (-1.0, 1.0), "percent": (-50.0, 100.0)}
NUMERIC_KINDS = ("share", "signed_fraction", "percent", "nonneg", "positive")
GRID_POINTS = 33
#: A money target closer than this to the asked value counts as equal to it (EUR): the engine's
#: rounding leaves about 1e-8 where a capped result is exactly 0.
ZERO_TOLERANCE_EUR = 1.0
#: Bisection steps that locate where a flat stretch begins (2^-30 of a grid step).
FLAT_STEPS = 30


@dataclass(frozen=True)
class BreakEven:
    """Outcome of :func:`breakeven` (parameter in its own unit, target in EUR for money)."""

    parameter: str
    target: str
    target_value: float  # the value the target should reach (0 unless asked otherwise)
    from_year: int | None
    value: float | None  # parameter value at the root; None when there is no root
    output_at_root: float | None  # the target at ``value``
    bracket: tuple[float, float]  # the search range
    root_bracket: tuple[float, float] | None  # where brentq searched (a sign change)
    output_range: tuple[float, float]  # min and max of the target over the grid
    iterations: int
    function_calls: int  # engine evaluations, grid included (the grid counts as one call)
    converged: bool
    message: str
    #: Where the target stays at the asked value over a stretch (no single root): from
    #: ``flat_from`` to ``flat_to`` (the end of the range when it stays there). None otherwise.
    flat_from: float | None = None
    flat_to: float | None = None
    #: Why it stays there: ``"reeel_cap"`` (net savings under the reëel budget with WIJ
    #: keeping its result: the budget is at most the open-house cost that lapses and WIJ
    #: carries the deficit) or ``""`` (not known).
    flat_cause: str | None = None

    @property
    def found(self) -> bool:
        return self.value is not None and self.converged

    @property
    def flat(self) -> bool:
        """True when the target stays at the asked value over a stretch instead of crossing."""
        return self.flat_from is not None


def _search_range(scenario: Scenario, parameter: str, low: float | None, high: float | None
                  ) -> tuple[float, float]:
    spec = scenario.params[parameter].spec
    natural = NATURAL_RANGE.get(spec.kind)
    if natural is None:
        if spec.kind in ("nonneg", "positive"):
            natural = (0.0, np.inf)
        value = scenario.value(parameter)
        if low is None or high is None:
            support = value.support() if hasattr(value, "support") else (np.nan, np.nan)
            if not np.all(np.isfinite(support)):
                raise SamenInputError(None, "--low/--high", f"a search range for {parameter} "
                                      f"({spec.unit}); it has no natural range")
            low = support[0] if low is None else low
            high = support[1] if high is None else high
    lo = natural[0] if low is None else float(low)
    hi = natural[1] if high is None else float(high)
    if not (np.isfinite(lo) and np.isfinite(hi) and lo < hi):
        raise SamenInputError(None, "--low/--high", f"finite low < high (got {lo}, {hi})")
    if lo < natural[0] or hi > natural[1] or (spec.kind == "positive" and lo <= 0):
        raise SamenInputError(None, "--low/--high", f"a range inside the allowed values of "
                              f"{parameter} ({spec.kind}: {natural[0]} to {natural[1]}; "
                              f"got {lo} to {hi})")
    for option, end in (("--low", lo), ("--high", hi)):  # the values a scenario file may hold
        if (problem := value_problem(end, spec)) is not None:
            raise SamenInputError("<command line>", option,
                                  f"a value {parameter} may take: {problem}")
    return lo, hi


def set_from_year(scenario: Scenario, parameter: str, value: float, from_year: int) -> Scenario:
    """The scenario with ``parameter`` equal to ``value`` from ``from_year`` on.

    Years before keep the scenario's (central) values, written out year by year so the series
    interpolation cannot blend them with the new value.
    """
    v = scenario.value
    years = np.arange(v("time.first_year"), v("time.last_year") + 1)
    if not years[0] <= from_year <= years[-1]:
        raise SamenInputError(None, "--from-year", f"a year inside the horizon {years[0]}-"
                              f"{years[-1]} (got {from_year})")
    old = central_value(scenario.value(parameter))
    before = series_on_years(old, years) if isinstance(old, dict) else np.full(len(years), old)
    series = {int(y): float(x) for y, x in zip(years, before, strict=True) if y < from_year}
    series[int(from_year)] = float(value)
    return scenario.with_values({parameter: series})


def evaluator(scenario: Scenario, parameter: str, target: str | Output,
              from_year: int | None = None) -> Callable[[np.ndarray], np.ndarray]:
    """``f(values) -> target per value`` for an array of parameter values (others central).

    Without ``from_year`` and for a parameter that may vary by draw, one engine call for the
    whole array; otherwise one scenario and engine call per value.
    """
    out = output(target)
    if parameter not in scenario.params:
        raise SamenInputError(scenario.path, "--parameter", f"a parameter path of the scenario "
                              f"(got {parameter!r})")
    spec = scenario.params[parameter].spec
    if spec.kind not in NUMERIC_KINDS:
        raise SamenInputError(scenario.path, "--parameter", f"a numeric parameter ({parameter} "
                              f"is of kind {spec.kind})")
    if from_year is not None and not spec.series:
        raise SamenInputError(scenario.path, "--from-year", f"a parameter that may be a year "
                              f"series ({parameter} is a single value)")
    if from_year is None and spec.dist:
        def f(x: np.ndarray) -> np.ndarray:
            x = np.atleast_1d(np.asarray(x, dtype=float))
            result = simulate(scenario, draws=len(x), sample=False, values={parameter: x},
                              keep=out.keep)
            return out(result)
        return f

    def one(x: float) -> float:
        s = (scenario.with_values({parameter: float(x)}) if from_year is None
             else set_from_year(scenario, parameter, x, from_year))
        return float(out(simulate(s, keep=out.keep))[0])

    def f_loop(x: np.ndarray) -> np.ndarray:
        return np.array([one(xi) for xi in np.atleast_1d(x)])
    return f_loop


def breakeven(
    scenario: Scenario,
    parameter: str,
    target: str | Output = "net_savings_2026_2030",
    value: float = 0.0,
    low: float | None = None,
    high: float | None = None,
    from_year: int | None = None,
    grid: int = GRID_POINTS,
    xtol: float = 1e-12,
    maxiter: int = 100,
) -> BreakEven:
    """Value of ``parameter`` where ``target`` equals ``value`` (EUR for money targets).

    The range is ``[low, high]``, by default the parameter's allowed range (``[0, 1]`` for a
    share, ``[-1, 1]`` for a signed fraction, ``[-50, 100]`` for a percentage) or the support of
    its distribution. With several sign changes on the grid the lowest root is reported and the
    message says so; a pair of roots closer together than the grid spacing can be missed.
    """
    out = output(target)
    f = evaluator(scenario, parameter, out, from_year)
    lo, hi = _search_range(scenario, parameter, low, high)
    xs = np.linspace(lo, hi, grid)
    g = f(xs) - value
    ok = np.isfinite(g)
    tol = ZERO_TOLERANCE_EUR if out.column.endswith("_eur") else 0.0
    g = np.where(ok & (np.abs(g) < tol), 0.0, g)  # within a euro of the target is on it
    calls = 1 if from_year is None and scenario.params[parameter].spec.dist else grid
    span = (float(np.min(g[ok]) + value), float(np.max(g[ok]) + value)) if ok.any() \
        else (np.nan, np.nan)
    common = dict(parameter=parameter, target=out.name, target_value=float(value),
                  from_year=from_year, bracket=(lo, hi), output_range=span)
    exact = np.flatnonzero(ok & (g == 0))
    change = np.flatnonzero(ok[:-1] & ok[1:] & (np.sign(g[:-1]) * np.sign(g[1:]) < 0))
    where = f"{parameter} in [{lo:g}, {hi:g}]" + (f" from {from_year} on" if from_year else "")
    flat = exact[:-1][np.diff(exact) == 1]  # two neighbouring grid points on the target
    if flat.size and (change.size == 0 or flat[0] <= change[0]):
        return _flat(scenario, out, f, value, tol, xs, g, int(flat[0]), common, calls,
                     parameter, from_year)
    if exact.size == 0 and change.size == 0:
        side = "above" if np.all(g[ok] > 0) else "below"
        return BreakEven(**common, value=None, output_at_root=None, root_bracket=None,
                         iterations=0, function_calls=calls, converged=False,
                         message=f"no root: {out.name} stays {side} {value:,.0f} for {where} "
                                 f"(from {span[0]:,.0f} to {span[1]:,.0f})")
    n_roots = exact.size + change.size
    note = f"; {n_roots} sign changes on the grid, the lowest root is reported" \
        if n_roots > 1 else ""
    if exact.size and (change.size == 0 or exact[0] <= change[0]):
        x0 = float(xs[exact[0]])
        return BreakEven(**common, value=x0, output_at_root=float(g[exact[0]] + value),
                         root_bracket=(x0, x0), iterations=0, function_calls=calls,
                         converged=True, message=f"{out.name} = {value:,.0f} at {parameter} = "
                                                 f"{x0:.6g}{note}")
    a, b = float(xs[change[0]]), float(xs[change[0] + 1])
    root, info = brentq(lambda x: float(f(np.array([x]))[0] - value), a, b, xtol=xtol,
                        maxiter=maxiter, full_output=True, disp=False)
    at_root = float(f(np.array([root]))[0])
    message = (f"{out.name} = {value:,.0f} at {parameter} = {root:.6g}"
               + (f" from {from_year} on" if from_year else "") + note)
    if not info.converged:
        message = f"brentq did not converge in {maxiter} iterations ({info.flag}); " + message
    return BreakEven(**common, value=float(root), output_at_root=at_root, root_bracket=(a, b),
                     iterations=int(info.iterations),
                     function_calls=calls + int(info.function_calls) + 1,
                     converged=bool(info.converged), message=message)


def _flat(scenario: Scenario, out: Output, f: Callable[[np.ndarray], np.ndarray], value: float,
          tol: float, xs: np.ndarray, g: np.ndarray, i0: int, common: dict, calls: int,
          parameter: str, from_year: int | None) -> BreakEven:
    """The answer when the target stays at ``value`` from grid point ``i0`` on: where that
    stretch begins (bisection between the last grid point off the target and the first on it)
    and ends (the last grid point of the stretch)."""
    def on(x: float) -> bool:
        return abs(float(f(np.array([x]))[0]) - value) <= tol

    start, steps = float(xs[i0]), 0
    if i0 > 0:
        a, b = float(xs[i0 - 1]), start  # off, on
        for steps in range(1, FLAT_STEPS + 1):  # noqa: B007 (steps is reported)
            mid = 0.5 * (a + b)
            a, b = (a, mid) if on(mid) else (mid, b)
        start = b
    i1 = i0
    while i1 + 1 < len(xs) and g[i1 + 1] == 0:
        i1 += 1
    end = float(xs[i1])
    capped = (out.column.startswith("net_savings") and
              scenario.value("budget.structural_regime") == "reeel" and
              scenario.value("budget.reeel_wij_result") == "kept")
    spec = scenario.params[parameter].spec
    shown = (lambda x: f"{100 * x:.0f}%") if spec.kind == "share" else (lambda x: f"{x:.4g}")
    stretch = f"from about {shown(start)} on" if i1 == len(xs) - 1 else \
        f"from about {shown(start)} to {shown(end)}"
    cause = "(the cap); WIJ carries the deficit" if capped else "(flat: no single value)"
    message = (f"{out.name}: with {parameter} {stretch}" +
               (f" (set from {from_year})" if from_year else "") +
               f" the result stays {value:,.0f} {cause}; no single break-even value")
    return BreakEven(**common, value=None, output_at_root=None, root_bracket=None,
                     iterations=steps, function_calls=calls + steps, converged=False,
                     message=message, flat_from=start, flat_to=end,
                     flat_cause="reeel_cap" if capped else "")


@dataclass(frozen=True)
class BreakEvenCase:
    """A break-even question: where does ``target`` (EUR) of the named scenario reach zero
    when ``parameter`` changes (only from ``from_year`` on, or in every year when None)?"""

    scenario: str
    parameter: str
    target: str = "net_savings_2026_2030"
    from_year: int | None = None


def breakeven_cases(scenario: str, other: str) -> list[BreakEvenCase]:
    """The notebook's break-even questions: leakage from 2026 and the budget-cut share in
    ``scenario``, and leakage from 2026 in ``other`` (e.g. ``savings_budget_cut``)."""
    return [BreakEvenCase(scenario, "routing.leakage", from_year=2026),
            BreakEvenCase(scenario, "savings.budget_cut_share"),
            BreakEvenCase(other, "routing.leakage", from_year=2026)]


def run_breakeven(cases: Sequence[BreakEvenCase], scenario_dir: str | Path | None = ""
                  ) -> list[tuple[BreakEvenCase, Scenario, BreakEven]]:
    """:func:`breakeven` for each case (other parameters central)."""
    out = []
    for case in cases:
        scenario = load_named(case.scenario, scenario_dir)
        out.append((case, scenario, breakeven(scenario, case.parameter, case.target,
                                              from_year=case.from_year)))
    return out
