"""Property-based test (hypothesis): every parameter anywhere in its allowed range, boundaries
included, gives finite outputs, stocks that are never negative, conserved clients and the
identities of the closed square.

The ranges are read from the catalogue (``data/parameters.yaml``: kind plus ``low``/``high``),
so a range widened there is tested here at once. Each example is one horizon (up to 2100, the
longest the validation allows: 110 years of compounding) and 12 draws, each draw a full set of
parameter values.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import samen_model as sm
from samen_model.model.finite import first_non_finite
from samen_model.scenario.catalogue import MAX_MAGNITUDE, Spec
from samen_model.scenario.validation import MAX_YEAR

DRAWS = 12
KIND_RANGE = {"share": (0.0, 1.0), "signed_fraction": (-1.0, 1.0), "percent": (-50.0, 100.0),
              "nonneg": (0.0, MAX_MAGNITUDE), "positive": (math.ulp(0.0), MAX_MAGNITUDE)}
#: Parameters the engine takes as one number for all draws (set through with_values).
SCALAR_ONLY = ("budget.ict_share", "budget.housing_share", "extra_money.prevention_lag_years")
NEVER_NEGATIVE = ("population_0_17", "new_cases", "new_cases_counterfactual",
                  "in_scope_new_cases", "leakage_cases", "capacity_overflow_cases",
                  "samen_new_clients", "samen_clients_served", "samen_client_years",
                  "open_house_scope_client_years", "fte_samen", "fte_samen_avg",
                  "samen_capacity_client_years", "step_up_cases")


def allowed(spec: Spec) -> tuple[float, float]:
    """The range the validation accepts for a number of this spec (inclusive)."""
    lo, hi = KIND_RANGE[spec.kind]
    return (max(lo, spec.low) if spec.low is not None else lo,
            min(hi, spec.high) if spec.high is not None else hi)


@cache
def base(last_year: int) -> sm.Scenario:
    plan = sm.load_scenario(sm.__path__[0] + "/../scenarios/plan_2022.yaml")
    return plan.with_values({"time.last_year": last_year})


def per_draw_parameters(scenario: sm.Scenario) -> dict[str, tuple[float, float]]:
    """Every numeric parameter the engine can take per draw, with its allowed range."""
    return {path: allowed(p.spec) for path, p in scenario.params.items()
            if p.spec.kind in KIND_RANGE and path not in SCALAR_ONLY
            and not path.endswith("share_of_new_cases")}


def in_range(lo: float, hi: float) -> st.SearchStrategy[float]:
    """Any float in [lo, hi], with the two boundaries drawn often."""
    return st.one_of(st.sampled_from([lo, hi]), st.floats(lo, hi, allow_nan=False))


class Case(NamedTuple):
    """One example: a scenario (horizon, budget shares, incidental amounts) and per-draw values."""

    scenario: sm.Scenario
    values: dict[str, np.ndarray]

    def __repr__(self) -> str:  # short enough for hypothesis to print a failing example
        fixed = {k: self.scenario.value(k) for k in ("time.last_year", "budget.ict_share",
                                                      "budget.housing_share")}
        return f"Case({fixed}, values={ {k: v.tolist() for k, v in self.values.items()} })"


@st.composite
def cases(draw) -> Case:
    last = draw(st.sampled_from([2026, 2030, MAX_YEAR]) | st.integers(2026, MAX_YEAR))
    ict = draw(in_range(0.0, 1.0))
    housing = draw(in_range(0.0, 1.0 - ict))
    tranche = draw(st.sampled_from([0.0, 1e11]))
    scenario = base(last).with_values({
        "budget.ict_share": ict, "budget.housing_share": housing,
        "incidental.tranches_eur": {2022: tranche, 2024: 1e11 - tranche},
        "incidental.spending_eur": {2023: draw(in_range(0.0, 1e11))}})
    values = {path: np.array(draw(st.lists(in_range(lo, hi), min_size=DRAWS,
                                           max_size=DRAWS)))
              for path, (lo, hi) in sorted(per_draw_parameters(scenario).items())}
    return Case(scenario, values)


def close(a: np.ndarray, b: np.ndarray) -> bool:
    scale = np.maximum(np.abs(a), np.abs(b))
    return bool(np.all(np.abs(a - b) <= 1e-9 * scale + 1e-6))


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cases())
def test_every_allowed_input_gives_finite_consistent_outputs(case) -> None:
    scenario, values = case
    result = sm.simulate(scenario, draws=DRAWS, values=values, sample=False)
    a = result.arrays
    assert first_non_finite(result) is None, first_non_finite(result)
    for name in NEVER_NEGATIVE:
        assert (a[name] >= -1e-9 * np.maximum(1.0, np.abs(a[name]).max())).all(), name
    # clients: every in-scope new case is leakage, overflow or a new SAMEN. client
    assert close(a["leakage_cases"] + a["capacity_overflow_cases"] + a["samen_new_clients"],
                 a["in_scope_new_cases"])
    # the closed square and net savings
    assert close(a["open_house_scope_cost_eur"] + a["other_youth_care_cost_eur"]
                 + a["samen_cost_to_municipality_eur"], a["total_youth_care_eur"])
    assert close(a["total_youth_care_eur"] - a["counterfactual_total_eur"],
                 a["square_deviation_eur"])
    assert close(-a["square_deviation_eur"] - a["incidental_budget_eur"]
                 + a["incidental_returned_eur"] - a["extra_money_eur"], a["net_savings_eur"])
    assert close(np.cumsum(a["net_savings_eur"], axis=0), a["cumulative_net_savings_eur"])


def test_the_ranges_are_what_validation_accepts() -> None:
    """The boundaries the property test draws are accepted by the validation, and a step
    beyond a catalogue bound is refused (so the test above covers the whole allowed range)."""
    scenario = base(2030)
    ranges = per_draw_parameters(scenario)
    assert len(ranges) >= 30
    for path, (lo, hi) in ranges.items():
        for ok in (lo, hi):
            scenario.with_values({path: ok})
        spec = scenario.params[path].spec
        if spec.high is not None:
            try:
                scenario.with_values({path: spec.high * 1.5 + 1})
            except sm.ScenarioError as exc:
                assert path in exc.field
            else:
                raise AssertionError(f"{path}: {spec.high * 1.5 + 1} accepted")
