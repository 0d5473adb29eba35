"""Sampling the uncertain parameters: seeded uniform numbers, rank correlations, quantiles.

For every parameter with a distribution one stream of uniform numbers is drawn (sorted path
order, numpy's portable PCG64), the scenario's ``correlations:`` are applied through a Gaussian
copula, and each distribution's quantile function turns them into values. Same scenario + seed
-> the same numbers on any machine.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import special

from samen_model.parallel import map_split
from samen_model.scenario.correlations import Correlation, copula_matrix
from samen_model.scenario.posterior import posterior_rows
from samen_model.scenario.scenario import Scenario


def correlate_uniforms(
    uniforms: dict[str, np.ndarray], correlations: Sequence[Correlation]
) -> dict[str, np.ndarray]:
    """Make independent uniform numbers rank-correlated (Gaussian copula).

    For the parameters in ``correlations``: ``z = Phi^-1(u)``, ``z' = L z`` with ``L`` the
    Cholesky factor of :func:`~samen_model.scenario.correlations.copula_matrix`,
    ``u' = Phi(z')`` (the first parameter in sorted order keeps its numbers). Every ``u'`` is
    again exactly uniform, so each parameter keeps its distribution after ``ppf``; the Spearman
    correlation of each pair is the requested one (ranks survive the monotone ``ppf``).
    Parameters not named are returned unchanged. Pure: the input is not modified.
    """
    if not correlations:
        return dict(uniforms)
    paths, matrix = copula_matrix(correlations)
    tiny = np.finfo(float).tiny  # rng.random() may return 0.0: keep Phi^-1 finite
    z = special.ndtri(np.clip(np.stack([uniforms[p] for p in paths]), tiny, 1.0 - 1e-16))
    correlated = special.ndtr(np.linalg.cholesky(matrix) @ z)
    out = dict(uniforms)
    # row 0 of L is (1, 0, ...): the first parameter keeps its numbers (exactly, not via Phi)
    out.update({p: correlated[i] for i, p in enumerate(paths) if i > 0})
    return out


def draw_uniforms(scenario: Scenario, draws: int, seed: int) -> dict[str, np.ndarray]:
    """Independent uniform numbers for every uncertain parameter, in sorted path order.

    Same scenario + seed -> same numbers on any machine (numpy's PCG64 stream is portable).
    Parameters named in the scenario's ``correlations:`` are then made rank-correlated through
    a Gaussian copula (:func:`correlate_uniforms`).
    """
    rng = np.random.default_rng(seed)
    uniforms = {path: rng.random(draws) for path in sorted(scenario.uncertain_parameters())}
    if scenario.correlations:
        uniforms = correlate_uniforms(uniforms, scenario.correlations)
    return uniforms


def sample_values(scenario: Scenario, draws: int, seed: int) -> dict[str, np.ndarray]:
    """Monte Carlo values: each distribution's quantile function at seeded uniform numbers
    (a calibrated scenario: whole rows of its posterior sample, scenario/posterior.py)."""
    uniforms = draw_uniforms(scenario, draws, seed)
    rows = posterior_rows(scenario.params, uniforms)
    return {
        path: rows[path] if path in rows else map_split(scenario.value(path).ppf, u)
        for path, u in uniforms.items()
    }
