"""Distributions: fast quantile functions agree with scipy.stats; central values and bounds."""

from __future__ import annotations

import numpy as np
import pytest

from samen_model.scenario.values import Distribution, series_on_years

DISTS = [
    Distribution("uniform", low=0.1, high=0.3),
    Distribution("triangular", low=0.05, mode=0.1, high=0.25),
    Distribution("triangular", low=1.0, mode=1.0, high=2.0),
    Distribution("normal", mean=52.0, sd=4.0),
    Distribution("normal", mean=0.1, sd=0.05, low=0.0, high=0.3),
    Distribution("lognormal", median=58000.0, sigma=0.1),
    Distribution("lognormal", median=58000.0, sigma=0.1, low=50000.0, high=70000.0),
    Distribution("beta", alpha=8.0, beta=2.0),
    Distribution("beta", alpha=2.0, beta=5.0, low=6.0, high=10.0),
]


@pytest.mark.parametrize("dist", DISTS, ids=lambda d: d.kind)
def test_ppf_matches_scipy(dist):
    u = np.linspace(0.001, 0.999, 101)
    np.testing.assert_allclose(dist.ppf(u), dist.to_scipy().ppf(u), rtol=1e-9, atol=1e-12)


def test_central_values():
    assert Distribution("uniform", low=0.1, high=0.3).central == pytest.approx(0.2)
    assert Distribution("triangular", low=0, mode=0.1, high=1).central == 0.1
    assert Distribution("normal", mean=5, sd=1, low=6, high=9).central == 6  # clipped to bounds
    assert Distribution("lognormal", median=3, sigma=0.2).central == 3
    assert Distribution("beta", alpha=1, beta=3, low=0, high=2).central == pytest.approx(0.5)


def test_bounds_are_the_5th_and_95th_percentile():
    lo, hi = Distribution("normal", mean=0.0, sd=1.0).bounds()
    assert lo == pytest.approx(-1.6448536, abs=1e-6) and hi == pytest.approx(1.6448536, abs=1e-6)
    assert Distribution("normal", mean=0.1, sd=0.05, low=0.0, high=0.3).support() == (0.0, 0.3)


def test_year_series_interpolates_and_holds():
    years = np.arange(2021, 2028)
    out = series_on_years({2023: 0.2, 2025: 0.1}, years)
    assert out.tolist() == pytest.approx([0.2, 0.2, 0.2, 0.15, 0.1, 0.1, 0.1])


#: Sections whose name is part of the engine input's name (their leaves repeat other sections').
PREFIXED_SECTIONS = {"plan": "plan", "products": "product", "extra_money": "extra_money"}


def test_engine_inputs_are_named_by_their_registry_key():
    """An Inputs field is the registry key's last part (``routing.step_up_cost_eur_per_case``
    -> ``step_up_cost_eur_per_case``), prefixed by its section for plan.*, products.* and
    extra_money.* (``plan.leakage`` -> ``plan_leakage``); every field a key names exists."""
    import dataclasses

    from samen_model.model.inputs import Inputs
    from samen_model.scenario.catalogue import CATALOGUE

    fields = {f.name for f in dataclasses.fields(Inputs)}
    named = {key: spec.field for key, spec in CATALOGUE.items() if spec.field}
    assert len(named) >= 30
    for key, field in named.items():
        section, leaf = key.split(".")[0], key.split(".")[-1]
        prefix = PREFIXED_SECTIONS.get(section)
        assert field == (f"{prefix}_{leaf}" if prefix else leaf), key
        assert field in fields, key
