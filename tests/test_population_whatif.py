"""Population what-ifs from a given year and other youth care that follows the 0-17 volume.

``population.growth_from_year`` starts the growth in that year from the year before (the
series' later figures set aside); ``costs.other_youth_care_follows_population`` scales other
youth care with ``pop[t] / pop[price base year]``. The shipped 0-17 series (an estimate) has
35,192 in 2021, 35,700 in 2023 and 36,570 in 2024, its last year.
"""

from __future__ import annotations

import numpy as np
import pytest

import samen_model as sm
from samen_model.errors import ScenarioError
from samen_model.present.parameters import value_text
from samen_model.scenario.writer import variant

POP_2021, POP_2023, POP_2024 = 35_192.0, 35_700.0, 36_570.0
OTHER_2021 = 46_000_000.0  # EUR a year, 2021 prices (costs.other_youth_care_eur)


def _column(result, name: str) -> np.ndarray:
    return np.asarray(result.arrays[name])[:, 0]


def _at(result, name: str, year: int) -> float:
    return float(_column(result, name)[list(result.years).index(year)])


@pytest.fixture(scope="module")
def decline_2024(realised):
    """-1% a year from 2024, other youth care still fixed."""
    return sm.simulate(variant(realised, {"population.growth_after_data": -0.01,
                                          "population.growth_from_year": 2024}))


def test_one_percent_a_year_from_2024_on_the_2023_count(realised_run, decline_2024):
    pop = _column(decline_2024, "population_0_17")
    years = decline_2024.years
    later = years >= 2023
    assert pop[later] == pytest.approx(POP_2023 * 0.99 ** (years[later] - 2023), rel=1e-12)
    assert _at(decline_2024, "population_0_17", 2024) == pytest.approx(35_343.0)  # not 36,570
    assert _at(decline_2024, "population_0_17", 2030) == pytest.approx(35_700 * 0.99 ** 7)
    # the data before the year are kept
    assert np.array_equal(pop[~later], _column(realised_run, "population_0_17")[~later])


def test_the_default_is_growth_after_the_last_data_year(realised, realised_run):
    """Empty (the default) is the same run, bit for bit, as starting in 2025, the year after
    the shipped series ends; and 2024 keeps its figure."""
    assert realised.value("population.growth_from_year") is None
    assert _at(realised_run, "population_0_17", 2024) == POP_2024
    same = sm.simulate(variant(realised, {"population.growth_from_year": 2025}))
    for name, values in realised_run.arrays.items():
        assert np.array_equal(np.asarray(values), np.asarray(same.arrays[name]),
                              equal_nan=True), name


def test_growth_from_year_is_checked(realised):
    for year in (2019, 2031):  # the first model year has no count before it; past the horizon
        with pytest.raises(ScenarioError) as exc:
            variant(realised, {"population.growth_from_year": year})
        assert exc.value.field == "parameters.population.growth_from_year.value"
        assert "after first_year 2019 and at most last_year 2030" in exc.value.expected


def test_the_register_says_what_empty_means(realised):
    from samen_model.present.parameters import assumptions_register

    info = realised.params["population.growth_from_year"]
    assert value_text(info, realised, "nl") == "na het laatste jaar met gegevens"
    assert value_text(info, realised, "en") == "after the last data year"
    register = assumptions_register(realised).set_index("parameter")
    assert register.at["population.growth_from_year", "value"] == ""  # not Python's "None"
    assert register.at["costs.other_youth_care_follows_population", "value"] == "False"


def test_other_youth_care_follows_the_young_people(decline_2024, realised):
    follows = sm.simulate(variant(realised, {
        "population.growth_after_data": -0.01, "population.growth_from_year": 2024,
        "costs.other_youth_care_follows_population": True}))

    def real(result, year):  # counterfactual other youth care in 2021 prices
        return (_at(result, "counterfactual_other_youth_care_cost_eur", year)
                / _at(result, "price_level", year))

    assert real(decline_2024, 2030) == pytest.approx(OTHER_2021)  # off: a fixed amount
    assert real(follows, 2021) == pytest.approx(OTHER_2021)
    assert real(follows, 2030) == pytest.approx(OTHER_2021 * POP_2023 * 0.99 ** 7 / POP_2021)
    assert real(follows, 2023) == pytest.approx(OTHER_2021 * POP_2023 / POP_2021)
    # other youth care moves in the run and its counterfactual alike: without a referral
    # reduction the square deviation stays where it was, the totals move
    assert np.allclose(_column(follows, "square_deviation_eur"),
                       _column(decline_2024, "square_deviation_eur"), rtol=0, atol=1e-6)
    assert _at(follows, "total_youth_care_eur", 2030) < \
        _at(decline_2024, "total_youth_care_eur", 2030) - 2e6


def test_other_youth_care_follows_each_draws_population(uncertain):
    """With a distribution on the growth, each draw's other youth care follows its own
    population (the growth's draws feed both)."""
    scenario = variant(uncertain, {"costs.other_youth_care_follows_population": True})
    result = sm.simulate(scenario, draws=200, seed=3, sample=True)
    pop = np.asarray(result.arrays["population_0_17"])
    real = (np.asarray(result.arrays["counterfactual_other_youth_care_cost_eur"])
            / np.asarray(result.arrays["price_level"]))
    base = list(result.years).index(2021)
    assert np.ptp(pop[-1]) > 1_000  # the draws differ by over a thousand young people in 2030
    other = real / (pop / pop[base])  # the amount per head of 2021: the same in every draw
    assert np.allclose(other, other[:, :1], rtol=1e-12)


def test_shipped_population_decline_uses_both(realised):
    decline = sm.load_scenario(realised.path.parent / "population_decline.yaml")
    assert decline.value("population.growth_from_year") == 2024
    assert decline.value("costs.other_youth_care_follows_population") is True
    run = sm.simulate(decline)
    assert _at(run, "population_0_17", 2026) == pytest.approx(POP_2023 * 0.99 ** 3)


def test_a_comparison_of_assumptions_shows_the_empty_year_in_words(realised) -> None:
    from samen_model.present.parameters import differing_rows

    decline = sm.load_scenario(realised.path.parent / "population_decline.yaml")
    rows = {r["Aanname"]: r for r in differing_rows([realised, decline], decline)}
    row = rows["Groei 0-17-jarigen vanaf"]
    assert (row["Waarde in dit scenario"], row["Waarde in het hoofdscenario"]) == (
        "na het laatste jaar met gegevens", "2024")
