"""Savings attribution: split the difference in an output between two scenarios by assumption group.

The parameters in which scenario A and B differ are put in groups (volume, inflow, leakage,
prices and index, capacity, phase-in, savings policy, other; see :data:`GROUPS`). The value of a
coalition ``S`` of groups is the output of A with the values of B for the groups in ``S``. Each
group's contribution is its exact Shapley value, the average over all orderings of the groups
of the change it makes when it switches from A to B:

    phi_g = sum over S without g of |S|! (k - |S| - 1)! / k! * (v(S + g) - v(S))

The contributions add up to ``output(B) - output(A)`` exactly, and swapping A and B flips their
signs. All ``2^k`` coalitions are evaluated: values that differ as scalars (parameters that may
vary by draw) go through ``simulate(values=...)``, one draw per coalition; differences that are
year series, years, switches or files need a rebuilt scenario (``Scenario.with_values``), so
there is one engine call per combination of the groups holding such differences (one call in
total when every difference is a scalar). Deterministic: distributions take their central value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

import numpy as np
import pandas as pd

from samen_model.analysis.outputs import Output, output
from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.values import central_value

#: Assumption groups in reporting order: (name, parameter path patterns). Unmatched -> other.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("volume", ("population.*", "costs.other_youth_care_follows_population")),
    ("inflow", ("demand.*",)),
    ("leakage", ("routing.leakage", "plan.leakage", "routing.first_year_uptake",
                 "plan.first_year_uptake", "plan.leakage_follows_realised")),
    ("prices_and_index", ("products.*.price*", "index.*", "costs.*")),
    ("capacity", ("capacity.*", "plan.capacity_follows_realised")),
    ("phase_in", ("products.*.samen_entry_year", "referrers.*")),
    ("savings_policy", ("savings.*",)),
)
OTHER = "other"
GROUP_NAMES = (*(g for g, _ in GROUPS), OTHER)


def group_of(path: str) -> str:
    """The assumption group of a parameter path."""
    for name, patterns in GROUPS:
        if any(fnmatchcase(path, p) for p in patterns):
            return name
    return OTHER


def differences(a: Scenario, b: Scenario) -> dict[str, tuple[Any, Any]]:
    """Parameters whose deterministic (central) values differ: path -> (value in A, value in B)."""
    if set(a.params) != set(b.params):
        only = sorted(set(a.params) ^ set(b.params))
        raise SamenInputError(b.path, "parameters", "the same products and referrers as "
                              f"{a.name} (differ in: {', '.join(only[:6])})")
    out = {}
    for path in a.params:
        va, vb = central_value(a.value(path)), central_value(b.value(path))
        if va != vb:
            out[path] = (va, vb)
    return out


def _is_scalar(scenario: Scenario, path: str, va: Any, vb: Any) -> bool:
    """True when the difference can go through ``values=`` (a number that may vary by draw)."""
    def number(x: Any) -> bool:
        return isinstance(x, (int, float)) and not isinstance(x, bool)
    return scenario.params[path].spec.dist and number(va) and number(vb)


@dataclass(frozen=True)
class Attribution:
    """Outcome of :func:`attribute` (money in EUR)."""

    output: str
    scenario_a: str
    scenario_b: str
    value_a: float
    value_b: float
    #: one row per group with differences: ``group``, ``contribution``, ``share_of_total``,
    #: ``parameters`` (comma-separated), ``scalar`` (all differences went through ``values=``).
    table: pd.DataFrame
    engine_calls: int

    @property
    def total(self) -> float:
        """``value_b - value_a``; equals the sum of the contributions."""
        return self.value_b - self.value_a


def shapley(v: np.ndarray, k: int) -> np.ndarray:
    """Exact Shapley values of ``k`` players from coalition values ``v`` (length ``2^k``).

    ``v[m]`` is the value of the coalition whose members are the set bits of ``m``.
    """
    masks = np.arange(2**k)
    size = np.array([bin(m).count("1") for m in masks])
    weight = np.array([math.factorial(s) * math.factorial(k - s - 1) / math.factorial(k)
                       if s < k else 0.0 for s in range(k + 1)])
    phi = np.empty(k)
    for g in range(k):
        without = masks[(masks >> g) & 1 == 0]
        phi[g] = np.sum(weight[size[without]] * (v[without | (1 << g)] - v[without]))
    return phi


def attribute(a: Scenario, b: Scenario, target: str | Output = "net_savings_2026_2030"
              ) -> Attribution:
    """Split ``target(B) - target(A)`` into exact Shapley contributions of assumption groups."""
    out = output(target)
    diffs = differences(a, b)
    groups = [g for g in GROUP_NAMES if any(group_of(p) == g for p in diffs)]
    k = len(groups)
    bit = {g: i for i, g in enumerate(groups)}
    scalar = {p: _is_scalar(a, p, *ab) for p, ab in diffs.items()}
    structural = [g for g in groups if any(not scalar[p] for p in diffs if group_of(p) == g)]
    s_mask = sum(1 << bit[g] for g in structural)
    masks = np.arange(2**k)
    v = np.full(2**k, np.nan)
    calls = 0
    for t in sorted({int(m) & s_mask for m in masks}):
        chosen = masks[(masks & s_mask) == t]
        rebuilt = {p: b.value(p) for p in diffs
                   if not scalar[p] and (t >> bit[group_of(p)]) & 1}
        scenario = a.with_values(rebuilt) if rebuilt else a
        values = {p: np.where((chosen >> bit[group_of(p)]) & 1 == 1, vb, va).astype(float)
                  for p, (va, vb) in diffs.items() if scalar[p]}
        result = simulate(scenario, draws=len(chosen), sample=False, values=values,
                          keep=out.keep)
        v[chosen] = out(result)
        calls += 1
    phi = shapley(v, k) if k else np.zeros(0)
    total = float(v[-1] - v[0]) if k else 0.0
    table = pd.DataFrame({
        "group": groups,
        "contribution": phi,
        "share_of_total": phi / total if total else np.full(k, np.nan),
        "parameters": [", ".join(p for p in diffs if group_of(p) == g) for g in groups],
        "scalar": [g not in structural for g in groups],
    })
    table.attrs.update(output=out.name, description=out.description)
    value_a = float(v[0]) if k else float(out(simulate(a, keep=out.keep))[0])
    return Attribution(output=out.name, scenario_a=a.name, scenario_b=b.name, value_a=value_a,
                       value_b=float(v[-1]) if k else value_a, table=table,
                       engine_calls=calls if k else 1)
