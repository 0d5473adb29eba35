"""Sampling the uncertain parameters: seeded uniform numbers, rank correlations, quantiles.

Every parameter with a distribution has its own stream of uniform numbers (numpy's portable
PCG64, seeded from the run's seed and a fixed number derived from the parameter's path), the
scenario's ``correlations:`` are applied through a Gaussian copula, and each distribution's
quantile function turns them into values.

*Prefix-stable*: draw ``k`` of a seed is the ``k``-th number of each parameter's stream, whatever
the number of draws, the block it is computed in, or the other uncertain parameters of the
scenario (the stream jumps to ``start`` with ``PCG64.advance``, so a block of draws costs the
same wherever it starts). Same scenario + seed -> the same numbers on any machine.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Sequence

import numpy as np

from samen_model.scenario.correlations import Correlation, copula_matrix
from samen_model.scenario.posterior import posterior_rows
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.values import Distribution


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
    from scipy import special  # imported here: a deterministic run does not need scipy

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


def parameter_stream(seed: int, path: str, start: int = 0) -> np.random.Generator:
    """The uniform-number stream of one parameter, positioned at draw ``start``.

    Seeded with ``SeedSequence(seed, spawn_key=(crc32(path),))``: independent streams per
    parameter that do not depend on which other parameters are uncertain.
    """
    key = zlib.crc32(path.encode("utf-8"))
    bits = np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(key,)))
    if start:
        bits.advance(start)  # one 64-bit step per float64 drawn by Generator.random
    return np.random.Generator(bits)


def draw_uniforms(scenario: Scenario, draws: int, seed: int, start: int = 0,
                  paths: Sequence[str] | None = None) -> dict[str, np.ndarray]:
    """Uniform numbers of draws ``start .. start + draws - 1`` for every uncertain parameter
    (``paths``: for these only, and for every parameter they are rank-correlated with, whose
    numbers the copula needs; each has its own stream, so the numbers are the same).

    Prefix-stable (module docstring). Parameters named in the scenario's ``correlations:`` are
    then made rank-correlated through a Gaussian copula (:func:`correlate_uniforms`), draw by
    draw, so the copula keeps prefix stability.
    """
    wanted = set(scenario.uncertain_parameters() if paths is None else paths)
    correlated = set(copula_matrix(scenario.correlations)[0]) if scenario.correlations else set()
    linked = bool(wanted & correlated)
    uniforms = {path: parameter_stream(seed, path, start).random(draws)
                for path in sorted(wanted | correlated if linked else wanted)}
    return correlate_uniforms(uniforms, scenario.correlations) if linked else uniforms


def sample_values(scenario: Scenario, draws: int, seed: int, start: int = 0
                  ) -> dict[str, np.ndarray]:
    """Monte Carlo values of draws ``start .. start + draws - 1``: each distribution's quantile
    function at the seeded uniform numbers (a calibrated scenario: whole rows of its posterior
    sample, :mod:`samen_model.scenario.posterior`)."""
    uniforms = draw_uniforms(scenario, draws, seed, start)
    rows = posterior_rows(scenario.params, uniforms)
    return {path: rows[path] if path in rows else quantiles(scenario.value(path), u)
            for path, u in uniforms.items()}


# ----------------------------------------------------------------------------- fast quantiles
#: Grid intervals of the tabulated beta quantile function.
BETA_GRID = 16384
#: Largest relative error the interpolation may make at an interval's midpoint; intervals
#: that miss it (the tails, where the quantile function is steep) are computed exactly.
BETA_TOLERANCE = 1e-12


def quantiles(dist: Distribution, u: np.ndarray) -> np.ndarray:
    """``dist.ppf(u)``, with a fast path for the beta distribution.

    ``scipy.special.betaincinv`` costs about 2 us a number (2 s for a million draws). Here the
    beta quantile function is tabulated once per shape on :data:`BETA_GRID` intervals with its
    exact slope (1 / density) and evaluated by cubic Hermite interpolation; every interval whose
    midpoint misses the exact value by more than :data:`BETA_TOLERANCE` (relative) is computed
    with ``betaincinv`` instead. Other kinds are closed forms already.
    """
    from scipy import special  # imported here: a deterministic run does not need scipy

    if dist.kind != "beta":
        return dist.ppf(u)
    u = np.asarray(u, dtype=float)
    x0, slope, exact = _beta_table(float(dist.alpha), float(dist.beta))
    pos = u * BETA_GRID
    k = np.minimum(pos.astype(np.int64), BETA_GRID - 1)
    t = pos - k
    h = 1.0 / BETA_GRID
    t1 = 1.0 - t
    x = (t1 * t1 * ((1.0 + 2.0 * t) * x0[k] + t * h * slope[k])
         + t * t * ((3.0 - 2.0 * t) * x0[k + 1] - t1 * h * slope[k + 1]))
    slow = exact[k]
    if slow.any():
        x[slow] = special.betaincinv(dist.alpha, dist.beta, u[slow])
    low = 0.0 if dist.low is None else dist.low
    high = 1.0 if dist.high is None else dist.high
    return low + (high - low) * x


@functools.lru_cache(maxsize=64)
def _beta_table(alpha: float, beta: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grid values, slopes and the intervals to compute exactly, for Beta(alpha, beta)."""
    from scipy import special  # imported here: a deterministic run does not need scipy

    grid = np.linspace(0.0, 1.0, BETA_GRID + 1)
    x = special.betaincinv(alpha, beta, grid)
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        log_pdf = ((alpha - 1.0) * np.log(x) + (beta - 1.0) * np.log1p(-x)
                   - special.betaln(alpha, beta))
        slope = np.exp(-log_pdf)  # dx/du = 1 / density
    finite = np.isfinite(slope)
    slope = np.where(finite, slope, 0.0)
    mid = grid[:-1] + 0.5 / BETA_GRID
    want = special.betaincinv(alpha, beta, mid)
    h = 1.0 / BETA_GRID
    got = 0.5 * (x[:-1] + x[1:]) + h / 8.0 * (slope[:-1] - slope[1:])  # Hermite at t = 1/2
    exact = ~(finite[:-1] & finite[1:]) | ~(np.abs(got - want) <= BETA_TOLERANCE * np.abs(want))
    return x, slope, exact
