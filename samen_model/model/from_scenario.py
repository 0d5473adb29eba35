"""Scenario -> :class:`~samen_model.model.inputs.Inputs`: every parameter as an array.

Per-draw values come from one place, :func:`resolve_inputs`'s ``values`` argument (a mapping
``parameter path -> array of draws``), so a single run, Monte Carlo, a tornado, Sobol and
break-even all feed the engine the same way.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from samen_model.model.inputs import Inputs, assemble_population
from samen_model.scenario.catalogue import CATALOGUE
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
    # Product parameters are the same in every year (no year series): one contiguous (P, n)
    # block seen as (Y, P, n) with a year stride of 0, so the engine reads each draw's values
    # once (stocks.yearly_flows, the kernel) instead of once a year.
    if all(a.strides[0] == 0 or a.shape[1] == 1 and np.all(a == a[:1]) for a in arrays):
        rows = np.stack([np.broadcast_to(a[0], (n,)) for a in arrays])
        return np.broadcast_to(rows, (len(years), *rows.shape))
    return np.ascontiguousarray(np.stack([np.broadcast_to(a, (len(years), n)) for a in arrays],
                                         axis=1))


def population_series(scenario: Scenario, years: np.ndarray) -> np.ndarray:
    """0-17 population per year from the data (Y,), NaN for the years that grow instead.

    Those are the years after the data and, with ``population.growth_from_year`` set, every
    year from it on (the data before it kept; validation puts it after the first model year).
    The same check as loading the scenario (``samen validate``) makes:
    :func:`~samen_model.scenario.data_files.population_0_17`.
    """
    known = population_0_17(scenario.value("population.data_file"), years)
    growth_from = scenario.value("population.growth_from_year")
    if growth_from is not None:
        known[years >= growth_from] = np.nan
    return known


def with_population(growth: np.ndarray, known: np.ndarray, population_growth: np.ndarray
                    ) -> np.ndarray:
    """Real growth of other youth care (Y, n) that also follows the 0-17 population: year t
    grows by ``(1 + growth[t]) * pop[t] / pop[t-1] - 1``, so the amount of the price base year
    scales with ``pop[t] / pop[base]`` (persons; ``population_growth`` as the engine applies
    it). The first year keeps ``growth`` (its level is set by the base year)."""
    pop = assemble_population(known, population_growth)
    ratio = np.ones(np.broadcast_shapes(growth.shape, pop.shape))
    ratio[1:] = pop[1:] / pop[:-1]
    return (1.0 + growth) * ratio - 1.0


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
    budget took the 2023 experience into account: Evaluatie Basis jeugdhulp 2023)."""
    if not follows:
        return planned
    n = max(planned.shape[1], realised.shape[1])
    out = np.broadcast_to(planned, (len(years), n)).copy()
    later = years[1:] > start
    out[1:][later] = np.broadcast_to(realised, (len(years), n))[:-1][later]
    return out


def plan_caseload(years: np.ndarray, start: int, caseload: np.ndarray, ratio: np.ndarray,
                  vacancy: np.ndarray, follows: bool) -> np.ndarray:
    """Clients per FTE the hiring plan reckons with (Y, n): ``caseload``, or, when the plan
    follows the realisation, for every year after the start year the clients the FTE it asked
    for carried the year before, ``caseload[t-1] * ratio[t-1] * (1 - vacancy[t-1])`` (staff
    carrying fewer clients, or posts left vacant, make it ask for more FTE)."""
    n = max(x.shape[1] for x in (caseload, ratio, vacancy))
    out = np.broadcast_to(caseload, (len(years), n)).copy()
    if not follows:
        return out
    realised = np.broadcast_to(caseload * ratio * (1.0 - vacancy), (len(years), n))
    later = years[1:] > start
    out[1:][later] = realised[:-1][later]
    return out


#: Inputs fields the hiring plan's caseload (:func:`plan_caseload`) is made of.
CAPACITY_FIELDS = ("caseload_per_fte", "realised_caseload_ratio", "vacancy_rate")


def _entry_years(scenario: Scenario, group: str) -> np.ndarray:
    return np.array([scenario.value(f"{group}.{n}.samen_entry_year")
                     for n in scenario.entities(group)], dtype=int)


#: Inputs field fed by each scalar parameter path (one (Y, n) array each): the registry's
#: ``field`` (``data/parameters.yaml``).
FIELD_OF: dict[str, str] = {key: spec.field for key, spec in CATALOGUE.items()
                            if spec.field and not key.startswith("products.")}
#: Inputs fields fed by the parameters of every product.
PRODUCT_FIELD_OF: dict[str, str] = {key.split(".")[2]: spec.field
                                    for key, spec in CATALOGUE.items()
                                    if spec.field and key.startswith("products.*.")}


#: The Inputs field of other youth care's real growth; it carries the 0-17 volume when
#: ``costs.other_youth_care_follows_population`` is on (:func:`with_population`).
OTHER_GROWTH = "other_youth_care_real_growth"


class InputBuilder:
    """Builds :class:`Inputs` for blocks of draws of one scenario.

    The data files are read and every parameter resolved once (``base``: central values, one
    draw); :meth:`build` then replaces only the fields that the per-draw ``values`` touch, so a
    block of draws costs a few array views, whatever the scenario.
    """

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        v = scenario.value
        self.years = np.arange(v("time.first_year"), v("time.last_year") + 1)
        self.ext = np.arange(self.years[0] - 2, self.years[-1] + 1)  # OVA of t-1 and t-2
        self.population_known = population_series(scenario, self.years)
        self.follows_population = bool(v("costs.other_youth_care_follows_population"))
        self.base = self._inputs(1, {})

    def fields_of(self, path: str) -> tuple[str, ...]:
        """The Inputs fields a per-draw value of ``path`` changes."""
        if path in FIELD_OF:
            field = FIELD_OF[path]
            if field in CAPACITY_FIELDS:
                return (field, "plan_caseload")
            if field == "leakage" and self.scenario.value("plan.leakage_follows_realised"):
                return (field, "plan_leakage")
            if field == "growth_after_data" and self.follows_population:
                return (field, OTHER_GROWTH)
            return (field,)
        if path == "plan.leakage":
            return ("plan_leakage",)
        if path == "index.ova_assumed_pct":
            return ("ova_assumed_pct",)
        parts = path.split(".")
        if len(parts) == 3 and parts[0] == "products" and parts[2] in PRODUCT_FIELD_OF:
            return (PRODUCT_FIELD_OF[parts[2]],)
        raise KeyError(f"parameter {path!r} cannot vary by draw")

    def build(self, draws: int, values: dict[str, np.ndarray] | None = None) -> Inputs:
        """Inputs of ``draws`` draws; ``values`` gives per-draw values (length ``draws``)."""
        values = values or {}
        for path, v in values.items():
            if path not in self.scenario.params:
                raise KeyError(f"unknown parameter path {path!r}")
            if np.ndim(v) != 1 or len(v) != draws:
                raise ValueError(f"values[{path!r}] must have length draws={draws}")
        fields = {f for path in values for f in self.fields_of(path)}
        return replace(self.base, draws=draws,
                       **{f: self._field(f, values) for f in sorted(fields)})

    def _p(self, path: str, values: dict[str, np.ndarray]) -> np.ndarray:
        return _param(self.scenario, path, self.years, values)

    def _field(self, name: str, values: dict[str, np.ndarray]) -> np.ndarray:
        """One per-draw field, computed from the scenario and ``values``."""
        s, v = self.scenario, self.scenario.value
        if name == "plan_leakage":
            return plan_leakage(self.years, v("time.samen_start_year"),
                                self._p("plan.leakage", values),
                                self._p("routing.leakage", values),
                                v("plan.leakage_follows_realised"))
        if name == "plan_caseload":
            return plan_caseload(self.years, v("time.samen_start_year"),
                                 *(self._p(p, values) for p in (
                                     "capacity.caseload_per_fte",
                                     "capacity.realised_caseload_ratio",
                                     "capacity.vacancy_rate")),
                                 v("plan.capacity_follows_realised"))
        if name == "ova_assumed_pct":
            return _param(s, "index.ova_assumed_pct", self.ext, values)
        if name == OTHER_GROWTH and self.follows_population:
            return with_population(self._p("costs.other_youth_care_real_growth", values),
                                   self.population_known,
                                   self._p("population.growth_after_data", values))
        product = {f: k for k, f in PRODUCT_FIELD_OF.items()}
        if name in product:
            return _stack_entities(s, "products", product[name], self.years, values)
        path = next(p for p, f in FIELD_OF.items() if f == name)
        return self._p(path, values)

    def _inputs(self, draws: int, values: dict[str, np.ndarray]) -> Inputs:
        v = self.scenario.value
        years = self.years
        prov, definitive = ova_series(self.ext)
        products = tuple(self.scenario.entities("products"))
        per_draw = {f: self._field(f, values) for f in (
            *FIELD_OF.values(), "plan_leakage", "plan_caseload", "ova_assumed_pct",
            *PRODUCT_FIELD_OF.values())}
        return Inputs(
            years=years,
            draws=draws,
            samen_start_year=v("time.samen_start_year"),
            transition_end_year=v("time.transition_end_year"),
            structural_start_year=v("time.structural_start_year"),
            price_base_year=v("time.price_base_year"),
            incidental_return_year=v("incidental.return_year"),
            population_known=self.population_known,
            ova_provisional_data=prov,
            ova_definitive_data=definitive,
            waiting_list=v("capacity.shortfall") == "waiting_list",
            capacity_follows_realised=bool(v("plan.capacity_follows_realised")),
            ict_share=float(v("budget.ict_share")),
            housing_share=float(v("budget.housing_share")),
            structural_regime=str(v("budget.structural_regime")),
            reeel_wij_result=str(v("budget.reeel_wij_result")),
            lapsing_cost_ceiling=str(v("budget.lapsing_cost_ceiling")),
            volume_lag=2 if v("budget.population_growth_reading") == "up_to_t-2" else 1,
            extra_money_start_year=int(v("extra_money.start_year")),
            extra_prevention_lag=int(v("extra_money.prevention_lag_years")),
            incidental_tranches_eur=amounts_on_years(v("incidental.tranches_eur"), years),
            incidental_spending_eur=amounts_on_years(v("incidental.spending_eur"), years),
            product_share=np.array([v(f"products.{n}.share_of_new_cases")
                                    for n in products])[:, None],
            product_entry_year=_entry_years(self.scenario, "products"),
            referrer_share=np.array([v(f"referrers.{n}.share_of_new_cases")
                                     for n in self.scenario.entities("referrers")]),
            referrer_entry_year=_entry_years(self.scenario, "referrers"),
            product_names=products,
            referrer_names=tuple(self.scenario.entities("referrers")),
            **per_draw,
        )


def resolve_inputs(
    scenario: Scenario, draws: int = 1, values: dict[str, np.ndarray] | None = None
) -> Inputs:
    """Build the engine's inputs; ``values`` gives per-draw values (length ``draws``)."""
    return InputBuilder(scenario).build(draws, values)
