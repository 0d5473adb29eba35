"""Figures that share an error: the compiled sum over the quadrature's nodes in probability space
(analysis/calibration/quadrature.py) against the sum in log space over all nodes, and both
against the integral itself.

* on synthetic draws from a good fit to far tails (likelihoods down to exp(-10^5), where the
  log-space path takes over) the two agree to 1e-12 in the log, relative or absolute;
* for two interval figures the rule's 31 nodes reproduce the integral over the shared error
  computed by adaptive quadrature (scipy's ``quad``) to 1e-4 in the log (the accuracy the module
  docstring of ``likelihood`` promises);
* what the walk over the nodes relies on: the rule's log weights are concave and its spacings
  differ by less than a factor 2; the compiled loop is the module's Python source.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import integrate, stats

from samen_model.analysis.calibration import quadrature
from samen_model.analysis.calibration.likelihood import (
    HERMITE_NODES,
    log_prob_between,
    shared_loglik,
    shared_loglik_log_space,
)
from samen_model.scenario.observations import Observation, Uncertainty


def _obs(id_: str, value: float, sd: float, low=None, high=None, interval=True) -> Observation:
    kind = "interval" if interval else "normal"
    return Observation(id=id_, column="c", year=2023, value=value,
                       reported={"nl": "x", "en": "x"}, counted="", date="2023-12",
                       uncertainty=Uncertainty(kind, sd, low, high, "estimate", "estimate: x"),
                       source="estimate: x", model_note={})


SCOPE = _obs("scope", 14e6, 250e3, 13.5e6, 14.5e6)
SUBSIDY = _obs("subsidy", 4.2e6, 100e3, 4.15e6, 4.25e6)
AT_LEAST = _obs("fte", 80, 1.5, 80.0, None)
AT_MOST = _obs("cap", 10, 0.5, None, 10.0)
NORMAL = _obs("helped", 967, 30, interval=False)


def _draws(centre: float, n: int, rng: np.random.Generator) -> np.ndarray:
    """Model values from a near hit to far misses on both sides (factors 0.05 to 20)."""
    return centre * np.exp(rng.uniform(-3.0, 3.0, n)) * rng.choice([1.0, 1.0, 1.0 + 1e-3], n)


@pytest.mark.parametrize(("figures", "tau"), [
    ((SCOPE, SUBSIDY), 0.03),
    ((SCOPE, SUBSIDY), 0.3),
    ((SCOPE, SUBSIDY, AT_LEAST), 0.05),
    ((AT_MOST, NORMAL), 0.02),
    ((NORMAL, SUBSIDY, AT_MOST, AT_LEAST), 0.01),
])
def test_probability_space_equals_log_space_into_the_far_tails(figures, tau):
    rng = np.random.default_rng(7)
    n = 4000
    predicted = np.stack([_draws(o.value, n, rng) for o in figures])
    predicted[:, :5] = np.array([o.value for o in figures])[:, None]  # exact hits
    fast = shared_loglik(predicted, figures, list(range(len(figures))), tau)
    slow = shared_loglik_log_space(predicted, figures, tau)
    assert np.isfinite(slow).all()
    assert np.all(np.abs(fast - slow) <= 1e-12 * np.maximum(1.0, np.abs(slow)))
    assert slow.max() > -10.0  # good fits are there, and far tails ...
    assert slow.min() < np.log(quadrature.TINY)  # ... that the log-space path takes


def test_rows_pick_the_figures_out_of_the_predictions():
    rng = np.random.default_rng(3)
    predicted = np.stack([_draws(4.2e6, 300, rng), _draws(1.0, 300, rng),
                          _draws(14e6, 300, rng)])
    got = shared_loglik(predicted, (SCOPE, SUBSIDY), [2, 0], 0.03)
    expected = shared_loglik_log_space(predicted[[2, 0]], (SCOPE, SUBSIDY), 0.03)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("m_scope", "m_subsidy"), [(14e6, 4.2e6), (13.2e6, 4.3e6),
                                                    (15.5e6, 4.6e6), (12.6e6, 3.8e6)])
def test_the_nodes_reproduce_the_integral_over_the_shared_error(m_scope, m_subsidy):
    tau = 0.03

    def integrand(e: float) -> float:
        p = 1.0
        for o, m in ((SCOPE, m_scope), (SUBSIDY, m_subsidy)):
            u = o.uncertainty
            mm = m * (1.0 + tau * e)
            p *= stats.norm.cdf((u.high - mm) / u.sd) - stats.norm.cdf((u.low - mm) / u.sd)
        return p * stats.norm.pdf(e)

    exact, err = integrate.quad(integrand, -12, 12, epsabs=0, epsrel=1e-12, limit=400)
    got = shared_loglik(np.array([[m_scope], [m_subsidy]]), (SCOPE, SUBSIDY), [0, 1], tau)[0]
    assert err < 1e-9 * exact
    assert got == pytest.approx(np.log(exact), abs=1e-4)


def test_one_interval_at_a_time_is_exact_in_the_tails():
    a = np.array([-37.5, -8.0, -0.3, 0.0, 0.2, 5.0, 30.0, 37.0, -np.inf, -np.inf, 3.0])
    b = np.array([-37.0, -7.9, 0.1, 1e-3, 9.0, 5.5, 31.0, 60.0, -30.0, 0.0, np.inf])
    got = np.log([quadrature.interval_probability(x, y) for x, y in zip(a, b, strict=True)])
    np.testing.assert_allclose(got, log_prob_between(a, b), rtol=1e-12)


def test_what_the_walk_over_the_nodes_relies_on():
    z, w = np.polynomial.hermite_e.hermegauss(HERMITE_NODES)
    slopes = np.diff(np.log(w)) / np.diff(z)
    assert np.all(np.diff(slopes) < 0)  # log-concave weights
    assert np.diff(z).max() < 2 * np.diff(z).min()  # sqrt bounds the next ratio
    # the compiled loop runs the module's own source: the same numbers, interpreted
    rng = np.random.default_rng(5)
    figures = (SCOPE, SUBSIDY, NORMAL)
    predicted = np.stack([_draws(o.value, 40, rng) for o in figures])
    args = (predicted, np.arange(3), np.array([o.value for o in figures]),
            np.array([13.5e6, 4.15e6, -np.inf]), np.array([14.5e6, 4.25e6, np.inf]),
            np.array([250e3, 100e3, 30.0]), np.array([False, False, True]), 0.03, z, w / w.sum())
    compiled, interpreted = np.empty(40), np.empty(40)
    quadrature.group_kernel()(*args, compiled, 0, 40)
    quadrature._group_loglik(*args, interpreted, 0, 40)
    np.testing.assert_allclose(compiled, interpreted, rtol=1e-14, equal_nan=True)
