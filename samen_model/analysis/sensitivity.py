"""Sensitivity: a one-way tornado and global Sobol indices, each in one vectorized engine call.

* :func:`tornado` sets each uncertain parameter to the low and the high end of its distribution
  (by default the 5th and 95th percentile), all others central, and ranks the parameters by the
  swing of an output. All bars come from one engine call of ``2k + 1`` draws.
* :func:`sobol_indices` wraps SALib (Saltelli/Sobol' sample in the unit hypercube, Jansen/Saltelli
  estimators, bootstrap confidence intervals) around any vectorized function of that sample;
  :func:`sobol` feeds it the model: unit sample -> each distribution's ``ppf`` -> one engine call.

Both treat the parameters as independent: a scenario's ``correlations:`` apply to Monte Carlo
only (docs/uncertainty.md). Results are DataFrames; plotting lives elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample

from samen_model.analysis.outputs import Output, evaluate, keep_for, output
from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.values import Distribution

#: Uniform numbers are kept this far inside (0, 1) so unbounded distributions stay finite.
EDGE = 1e-12


def _uncertain(scenario: Scenario, parameters: Sequence[str] | None) -> list[str]:
    """The requested parameters (default: all with a distribution, sorted), all uncertain."""
    uncertain = sorted(scenario.uncertain_parameters())
    if parameters is None:
        if not uncertain:
            raise SamenInputError(scenario.path, "parameters",
                                  "at least one parameter with a distribution")
        return uncertain
    for p in parameters:
        if p not in uncertain:
            raise SamenInputError(scenario.path, f"parameters.{p}",
                                  "a parameter with a distribution (uncertain parameters: "
                                  f"{', '.join(uncertain) or 'none'})")
    return list(parameters)


def bar_bounds(dist: Distribution, coverage: float = 0.90) -> tuple[float, float]:
    """Low and high value of a tornado bar: the central ``coverage`` interval of ``dist``.

    ``coverage=0.90`` gives the 5th and 95th percentile; ``coverage=1`` the support (which must
    then be finite, e.g. a truncated normal).
    """
    if not 0.0 < coverage <= 1.0:
        raise SamenInputError(None, "coverage", f"a fraction in (0, 1] (got {coverage})")
    lo, hi = dist.support() if coverage == 1.0 else dist.bounds(coverage)
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise SamenInputError(None, "coverage", f"a coverage below 1 for an unbounded {dist.kind} "
                              "distribution")
    return lo, hi


def tornado(
    scenario: Scenario,
    target: str | Output = "net_savings_2026_2030",
    parameters: Sequence[str] | None = None,
    coverage: float = 0.90,
) -> pd.DataFrame:
    """One-way sensitivity of ``target`` (EUR for money outputs) to each uncertain parameter.

    Returns one row per parameter, sorted by ``swing`` (largest first): ``value_low``,
    ``value_central``, ``value_high`` (parameter units), ``output_low``, ``output_high`` (the
    output with the parameter at its low/high value, all others central), ``output_central``,
    ``delta_low``/``delta_high`` (minus central) and ``swing = |output_high - output_low|``.
    One engine call of ``2k + 1`` draws (draw 0 is the central run).
    """
    out = output(target)
    params = _uncertain(scenario, parameters)
    k = len(params)
    values: dict[str, np.ndarray] = {}
    rows = []
    for i, p in enumerate(params):
        dist = scenario.value(p)
        lo, hi = bar_bounds(dist, coverage)
        v = np.full(2 * k + 1, dist.central)
        v[2 * i + 1], v[2 * i + 2] = lo, hi
        values[p] = v
        rows.append((p, lo, dist.central, hi))
    result = simulate(scenario, draws=2 * k + 1, sample=False, values=values, keep=out.keep)
    y = out(result)
    table = pd.DataFrame(rows, columns=["parameter", "value_low", "value_central", "value_high"])
    table["output_low"] = y[1::2]
    table["output_high"] = y[2::2]
    table["output_central"] = y[0]
    table["delta_low"] = table["output_low"] - y[0]
    table["delta_high"] = table["output_high"] - y[0]
    table["swing"] = (table["output_high"] - table["output_low"]).abs()
    table = table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
    table.attrs.update(output=out.name, description=out.description, coverage=coverage,
                       scenario=scenario.name, scenario_hash=scenario.hash)
    return table


VectorFunction = Callable[[np.ndarray], "np.ndarray | dict[str, np.ndarray]"]


def sobol_indices(
    func: VectorFunction,
    names: Sequence[str],
    n: int = 1024,
    seed: int = 0,
    conf_level: float = 0.95,
    num_resamples: int = 100,
) -> pd.DataFrame:
    """First-order and total Sobol indices of a vectorized function of the unit hypercube.

    ``func`` takes an ``(N, k)`` array of points in ``[0, 1)^k`` (one column per name) and
    returns ``(N,)`` values or a mapping ``output name -> (N,)``. The Saltelli design with
    ``n`` base points (a power of two) costs ``n (k + 2)`` evaluations, made in one call.
    Returns one row per (output, parameter): ``S1``, ``S1_conf``, ``ST``, ``ST_conf``
    (half-widths of the ``conf_level`` bootstrap intervals).
    """
    k = len(names)
    if n < 2 or n & (n - 1):
        raise SamenInputError(None, "n", f"a power of two of at least 2 (got {n})")
    problem = {"num_vars": k, "names": list(names), "bounds": [[0.0, 1.0]] * k}
    x = sobol_sample.sample(problem, n, calc_second_order=False, scramble=True, seed=seed)
    y = func(x)
    ys = y if isinstance(y, dict) else {"output": y}
    frames = []
    for name, values in ys.items():
        values = np.asarray(values, dtype=float)
        if values.shape != (len(x),) or not np.isfinite(values).all():
            raise SamenInputError(None, f"output {name}",
                                  f"a finite value for each of the {len(x)} sample points")
        si = sobol_analyze.analyze(problem, values, calc_second_order=False,
                                   num_resamples=num_resamples, conf_level=conf_level,
                                   seed=seed)
        frames.append(pd.DataFrame({
            "output": name, "parameter": list(names),
            "S1": si["S1"], "S1_conf": si["S1_conf"], "ST": si["ST"], "ST_conf": si["ST_conf"],
        }))
    table = pd.concat(frames, ignore_index=True)
    table.attrs.update(n=n, evaluations=len(x), conf_level=conf_level, seed=seed)
    return table


def unit_to_values(scenario: Scenario, parameters: Sequence[str], u: np.ndarray
                   ) -> dict[str, np.ndarray]:
    """Points of the unit hypercube ``(N, k)`` -> parameter values by each distribution's ppf."""
    u = np.clip(u, EDGE, 1.0 - EDGE)
    return {p: scenario.value(p).ppf(u[:, j]) for j, p in enumerate(parameters)}


def sobol(
    scenario: Scenario,
    targets: Sequence[str | Output] = ("deviation_2023_2025", "net_savings_2026_2030"),
    parameters: Sequence[str] | None = None,
    n: int = 1024,
    seed: int = 0,
    conf_level: float = 0.95,
    num_resamples: int = 100,
) -> pd.DataFrame:
    """Sobol indices of model outputs for the scenario's uncertain parameters.

    Unit sample -> :func:`unit_to_values` -> one engine call of ``n (k + 2)`` draws -> SALib.
    Rows sorted by output, then total index (largest first). See :func:`sobol_indices`.
    """
    outs = [output(t) for t in targets]
    params = _uncertain(scenario, parameters)

    def model(u: np.ndarray) -> dict[str, np.ndarray]:
        result = simulate(scenario, draws=len(u), sample=False,
                          values=unit_to_values(scenario, params, u), keep=keep_for(outs))
        return evaluate(result, outs)

    table = sobol_indices(model, params, n=n, seed=seed, conf_level=conf_level,
                          num_resamples=num_resamples)
    attrs = dict(table.attrs)
    order = {o.name: i for i, o in enumerate(outs)}
    table = table.assign(_o=table["output"].map(order)).sort_values(
        ["_o", "ST"], ascending=[True, False], kind="stable").drop(columns="_o")
    table = table.reset_index(drop=True)
    table.attrs.update(attrs, scenario=scenario.name, scenario_hash=scenario.hash)
    return table
