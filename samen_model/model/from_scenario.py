"""Scenario -> :class:`~samen_model.model.inputs.Inputs`: every parameter as an array.

Per-draw values come from one place, :func:`resolve_inputs`'s ``values`` argument (a mapping
``parameter path -> array of draws``), so a single run, Monte Carlo, a tornado, Sobol and
break-even all feed the engine the same way.
"""

from __future__ import annotations

import numpy as np

from samen_model.model.inputs import Inputs
from samen_model.scenario.data_files import load_ova, population_0_17
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.values import amounts_on_years, central_value, series_on_years


def _param(
    scenario: Scenario, path: str, years: np.ndarray, values: dict[str, np.ndarray]
) -> np.ndarray:
    """One parameter as a (Y, n) array."""
    if path in values:
        v = np.asarray(values[path], dtype=float)
        return np.broadcast_to(v.reshape(1, -1), (len(years), v.size))
    val = central_value(scenario.value(path))
    if isinstance(val, dict):
        return series_on_years(val, years)[:, None]
    return np.full((len(years), 1), float(val))


def _stack_entities(
    scenario: Scenario, group: str, field: str, years: np.ndarray, values: dict
) -> np.ndarray:
    """Product parameters as (Y, P, n); n is the widest over products."""
    arrays = [_param(scenario, f"{group}.{name}.{field}", years, values)
              for name in scenario.entities(group)]
    n = max(a.shape[1] for a in arrays)
    return np.stack([np.broadcast_to(a, (len(years), n)) for a in arrays], axis=1)


def population_series(scenario: Scenario, years: np.ndarray) -> np.ndarray:
    """0-17 population per year from the data (Y,), NaN for years after the data.

    The same check as loading the scenario (``samen validate``) makes:
    :func:`~samen_model.scenario.data_files.population_0_17`.
    """
    return population_0_17(scenario.value("population.data_file"), years)


def ova_series(ext: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Published provisional and definitive OVA (percent) for the years ``ext``
    (``first_year - 2 .. last_year``); NaN where there is no figure."""
    ova = load_ova()
    prov_data = np.array([ova.at[y, "ova_provisional_pct"] if y in ova.index else np.nan
                          for y in ext])
    def_data = np.array([ova.at[y, "ova_definitive_pct"] if y in ova.index else np.nan
                         for y in ext])
    return prov_data, def_data


def plan_leakage(years: np.ndarray, start: int, planned: np.ndarray, realised: np.ndarray,
                 follows: bool) -> np.ndarray:
    """Leakage the plan assumes (Y, n): ``planned``, or, when the plan follows the realisation,
    the realised leakage of the year before for every year after the start year (the 2024
    budget took the 2023 experience into account, seed 003)."""
    if not follows:
        return planned
    n = max(planned.shape[1], realised.shape[1])
    out = np.broadcast_to(planned, (len(years), n)).copy()
    later = years[1:] > start
    out[1:][later] = np.broadcast_to(realised, (len(years), n))[:-1][later]
    return out


def _entry_years(scenario: Scenario, group: str) -> np.ndarray:
    return np.array([scenario.value(f"{group}.{n}.samen_entry_year")
                     for n in scenario.entities(group)], dtype=int)


def resolve_inputs(
    scenario: Scenario, draws: int = 1, values: dict[str, np.ndarray] | None = None
) -> Inputs:
    """Build the engine's inputs; ``values`` gives per-draw values (length ``draws``)."""
    values = values or {}
    for path, v in values.items():
        if path not in scenario.params:
            raise KeyError(f"unknown parameter path {path!r}")
        if np.ndim(v) != 1 or len(v) != draws:
            raise ValueError(f"values[{path!r}] must have length draws={draws}")
    v = scenario.value
    years = np.arange(v("time.first_year"), v("time.last_year") + 1)

    def p(path: str) -> np.ndarray:
        return _param(scenario, path, years, values)

    ext = np.arange(years[0] - 2, years[-1] + 1)  # the index needs OVA of t-1 and t-2
    prov, definitive = ova_series(ext)
    products = tuple(scenario.entities("products"))
    return Inputs(
        years=years,
        draws=draws,
        samen_start_year=v("time.samen_start_year"),
        transition_end_year=v("time.transition_end_year"),
        structural_start_year=v("time.structural_start_year"),
        price_base_year=v("time.price_base_year"),
        incidental_return_year=v("incidental.return_year"),
        population_known=population_series(scenario, years),
        population_growth=p("population.growth_after_data"),
        ova_provisional_data=prov,
        ova_definitive_data=definitive,
        ova_assumed_pct=_param(scenario, "index.ova_assumed_pct", ext, values),
        inflow_per_1000=p("demand.inflow_per_1000"),
        inflow_trend=p("demand.inflow_trend"),
        prevention_effect=p("demand.prevention_effect"),
        first_year_uptake=p("routing.first_year_uptake"),
        leakage=p("routing.leakage"),
        samen_duration_factor=p("routing.samen_duration_factor"),
        step_up_share=p("routing.step_up_share"),
        step_up_cost_eur=p("routing.step_up_cost_eur_per_case"),
        plan_leakage=plan_leakage(years, v("time.samen_start_year"), p("plan.leakage"),
                                  p("routing.leakage"), v("plan.leakage_follows_realised")),
        plan_first_year_uptake=p("plan.first_year_uptake"),
        caseload_per_fte=p("capacity.caseload_per_fte"),
        fte_at_start=p("capacity.fte_at_start"),
        max_fte_growth=p("capacity.max_fte_growth_per_year"),
        cost_per_fte_eur=p("costs.cost_per_fte_eur"),
        overhead_share=p("costs.overhead_share"),
        other_youth_care_eur=p("costs.other_youth_care_eur"),
        other_youth_care_real_growth=p("costs.other_youth_care_real_growth"),
        expected_cost_development=p("index.expected_cost_development"),
        ict_share=float(v("budget.ict_share")),
        housing_share=float(v("budget.housing_share")),
        settle_after_transition=bool(v("budget.settle_after_transition")),
        budget_cut_share=p("savings.budget_cut_share"),
        specialist_referral_reduction=p("savings.specialist_referral_reduction"),
        incidental_tranches_eur=amounts_on_years(v("incidental.tranches_eur"), years),
        incidental_spending_eur=amounts_on_years(v("incidental.spending_eur"), years),
        product_share=np.array([v(f"products.{n}.share_of_new_cases") for n in products])[:, None],
        product_price_eur=_stack_entities(scenario, "products", "price_eur_per_client_year",
                                          years, values),
        product_duration_years=_stack_entities(scenario, "products", "mean_duration_years",
                                               years, values),
        product_entry_year=_entry_years(scenario, "products"),
        referrer_share=np.array([v(f"referrers.{n}.share_of_new_cases")
                                 for n in scenario.entities("referrers")]),
        referrer_entry_year=_entry_years(scenario, "referrers"),
        product_names=products,
        referrer_names=tuple(scenario.entities("referrers")),
    )

