"""Streaming runs (blocks of draws, keep, reducers), prefix-stable sampling, the memory check
and the refusal of Monte Carlo without distributions (docs/uncertainty.md, SHARED_INTERFACES)."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import samen_model as sm
from samen_model.model import memory, stream
from samen_model.model.columns import COLUMN_NAMES
from samen_model.scenario.sampling import draw_uniforms, quantiles, sample_values
from samen_model.scenario.values import Distribution


def test_streaming_equals_the_in_memory_run_bit_for_bit(uncertain, monkeypatch) -> None:
    """10^4 draws: every column kept in one run; blocks of 1,000 (other block boundaries),
    two columns kept and two reducers in another. Same numbers to the last bit."""
    draws, seed = 10_000, 7
    full = sm.simulate(uncertain, draws=draws, seed=seed)
    assert set(full.arrays) == set(COLUMN_NAMES[1:])
    monkeypatch.setattr(stream, "CHUNK", 1_000)
    streamed = sm.simulate(uncertain, draws=draws, seed=seed,
                           keep=("square_deviation_eur", "fte_samen"), reduce={
                               "deviation": lambda b, y: b["square_deviation_eur"].sum(axis=0),
                               "late": lambda b, y: b["net_savings_eur"][y >= 2028],
                           })
    assert set(streamed.arrays) == {"square_deviation_eur", "fte_samen"}
    for name in streamed.arrays:
        assert_array_equal(streamed.arrays[name], full.arrays[name], err_msg=name)
    assert_array_equal(streamed.reduced["deviation"],
                       full.arrays["square_deviation_eur"].sum(axis=0))
    assert streamed.reduced["late"].shape == (3, draws)
    assert_array_equal(streamed.reduced["late"], full.arrays["net_savings_eur"][-3:])


def test_keep_nothing_reduce_only(uncertain) -> None:
    """What calibration asks: no column stored, one number per draw."""
    r = sm.simulate(uncertain, draws=500, seed=2, keep=(),
                    reduce={"fte": lambda b, y: b["fte_samen"][y == 2023][0]})
    assert r.arrays == {} and r.reduced["fte"].shape == (500,)
    assert np.ptp(r.reduced["fte"]) > 0  # hiring is uncertain: 2023 year-end FTE differ


def test_bad_keep_and_reducers_are_refused(uncertain) -> None:
    with pytest.raises(sm.SamenInputError, match="unknown: no_such_column"):
        sm.simulate(uncertain, draws=10, keep=("fte_samen", "no_such_column"))
    with pytest.raises(sm.SamenInputError, match=r"reduce\[bad\]"):
        sm.simulate(uncertain, draws=10, reduce={"bad": lambda b, y: np.zeros(3)})


def test_draws_are_prefix_stable(uncertain) -> None:
    """Draw k of a seed does not depend on the number of draws (nor on the block it is in)."""
    few = sm.simulate(uncertain, draws=300, seed=5, keep=("square_deviation_eur",))
    many = sm.simulate(uncertain, draws=20_000, seed=5, keep=("square_deviation_eur",))
    assert_array_equal(many.arrays["square_deviation_eur"][:, :300],
                       few.arrays["square_deviation_eur"])
    whole = sample_values(uncertain, 200, seed=5)
    part = sample_values(uncertain, 50, seed=5, start=100)
    for path, v in part.items():
        assert_array_equal(v, whole[path][100:150], err_msg=path)


def test_a_parameter_keeps_its_numbers_when_another_becomes_uncertain(uncertain) -> None:
    """Each parameter has its own stream (seeded from its path), so adding a distribution
    elsewhere leaves the others' draws as they were."""
    # (other youth care's real growth: one of the estimates uncertainty_2023 keeps fixed)
    more = uncertain.with_values({"costs.other_youth_care_real_growth": Distribution(
        "triangular", low=-0.01, mode=0.0, high=0.01)})
    a, b = draw_uniforms(uncertain, 100, seed=1), draw_uniforms(more, 100, seed=1)
    assert set(b) - set(a) == {"costs.other_youth_care_real_growth"}
    for path in a:
        assert_array_equal(a[path], b[path], err_msg=path)


@pytest.mark.parametrize("alpha, beta", [(41.0, 9.0), (2.0, 5.0), (0.5, 0.5), (1.0, 1.0)])
def test_fast_beta_quantiles_match_scipy(alpha: float, beta: float) -> None:
    """The tabulated beta quantile function agrees with scipy's betaincinv to 1e-12."""
    from scipy import special

    u = np.concatenate([np.random.default_rng(0).random(20_000),
                        [0.0, 1e-12, 0.5, 1.0 - 1e-12, np.nextafter(1.0, 0.0)]])
    got = quantiles(Distribution("beta", alpha=alpha, beta=beta), u)
    np.testing.assert_allclose(got, special.betaincinv(alpha, beta, u), rtol=1e-12, atol=1e-300)


# ----------------------------------------------------------------------------- memory


def test_output_bytes_and_the_refusal_by_hand() -> None:
    # 12 years x 1,000 draws x 3 columns x 8 bytes
    assert memory.output_bytes(12, 1_000, 3) == 288_000
    memory.check_fits(12, 1_000, 3, limit_bytes=288_000)  # exactly fits
    with pytest.raises(sm.SamenInputError) as info:
        memory.check_fits(12, 1_001, 3, limit_bytes=288_000)
    assert info.value.field == "draws"
    assert "at most 1,000 draws fit" in info.value.expected
    assert "keep" in info.value.expected and "reduce" in info.value.expected
    assert memory.available_bytes() > 0


def test_a_run_that_would_not_fit_is_refused_before_it_starts(uncertain) -> None:
    """10^9 draws with every column would need terabytes: refused at once, saying how many fit
    (nothing is computed: the refusal comes before the first block)."""
    with pytest.raises(sm.SamenInputError) as info:
        sm.simulate(uncertain, draws=1_000_000_000, seed=1)
    assert info.value.field == "draws" and "draws fit in memory" in info.value.expected


# ----------------------------------------------------------------------------- Monte Carlo


def test_monte_carlo_without_distributions_is_refused(realised) -> None:
    """Sampling a scenario with no distribution would give identical draws: refused, naming the
    scenario file and the field "draws" (exit code 1 on the command line)."""
    for kwargs in ({"draws": 100_000}, {"draws": 1, "sample": True}):
        with pytest.raises(sm.SamenInputError) as info:
            sm.simulate(realised, **kwargs)
        assert info.value.field == "draws"
        assert info.value.file == str(realised.path)
        assert "distribution" in info.value.expected
    # several draws without sampling, or with per-draw values, are fine
    assert sm.simulate(realised, draws=3, sample=False).draws == 3
    leak = {"routing.leakage": np.array([0.1, 0.2])}
    assert sm.simulate(realised, draws=2, values=leak).arrays["leakage_cases"].shape == (12, 2)
    from samen_model.analysis.monte_carlo import monte_carlo

    with pytest.raises(sm.SamenInputError, match="distribution"):
        monte_carlo(realised, draws=100)
