"""The likelihood of figures that share an error, integrated by Gauss-Hermite quadrature, in a
compiled loop over the draws (the fast path of ``likelihood.total_loglik``).

For a group of figures with a shared relative error of sd ``tau`` the likelihood of a draw is
``sum_k w_k prod_i p_i(m_i (1 + tau z_k))`` over the nodes ``z_k`` and normalised weights
``w_k`` of the rule (``likelihood.HERMITE_NODES``), with ``p_i`` the normal density or the
interval probability of figure ``i`` (module docstring of ``likelihood``). Here that sum is
taken in probability space, one draw at a time, and its log is returned:

* an interval probability ``Phi(b) - Phi(a)`` is taken on the side of zero where ``erfc`` keeps
  its relative precision (``Phi(-a) - Phi(-b)`` when ``a > 0``, as ``log_prob_between``); a
  term below ``exp(-45)`` of the other is not computed (the Mills ratio bounds it:
  ``Phi(-b) / Phi(-a) <= exp(-(b^2 - a^2) / 2)`` for ``0 <= a < b``);
* a node is computed only when a cheap upper bound of its term (``Phi(-x) <= exp(-x^2/2)/2``
  for ``x >= 0``; the density exactly) is at least ``2^-64 / nodes`` of the largest node's
  term, computed first: together the nodes left out weigh less than ``2^-64`` of the sum. About
  half of the 31 nodes are computed for the draws of ``uncertainty_2023``;
* a draw whose sum is below :data:`TINY` (or not finite) gets NaN: the caller computes it in log
  space (``likelihood``), which keeps the precision in the far tails.

The result agrees with the log-space sum over all nodes to about 1e-14 (tests/
test_calibration_quadrature.py). The loop is compiled by numba on first use (cached beside this
file, like the engine's kernel) and runs on :data:`~samen_model.parallel.THREADS` threads.
"""

from __future__ import annotations

import functools
import math
import types as pytypes
from collections.abc import Callable

import numpy as np

#: Below this sum of a draw the log-space path takes over: a term lost to underflow
#: (``erfc`` is 0 under about 1e-308, 31 nodes) is then still under 1e-25 of the sum.
TINY = 1e-280
#: Half the log of 2 pi, for the normal density.
_LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)
_SQRT_HALF = math.sqrt(0.5)
#: ``(b - a)(b + a) / 2`` above which ``Phi(-b)`` is under ``exp(-45)`` of ``Phi(-a)``.
_NEGLIGIBLE = 90.0
#: What the nodes left out at either end may weigh at most, as a share of the sum.
TOLERANCE = 2.0 ** -53


def interval_probability(a: float, b: float) -> float:
    """``Phi(b) - Phi(a)`` for ``a < b`` (either infinite), with relative precision in the
    tails."""
    if a > 0.0:  # both above zero: Phi(-a) - Phi(-b)
        upper = 0.5 * math.erfc(a * _SQRT_HALF)
        if (b - a) * (b + a) > _NEGLIGIBLE:
            return upper
        return upper - 0.5 * math.erfc(b * _SQRT_HALF)
    if b < 0.0:  # both below zero
        upper = 0.5 * math.erfc(-b * _SQRT_HALF)
        if (b - a) * (-a - b) > _NEGLIGIBLE:
            return upper
        return upper - 0.5 * math.erfc(-a * _SQRT_HALF)
    p = 1.0  # a <= 0 <= b: at least the larger half of a tail is inside
    if a * a <= _NEGLIGIBLE:
        p -= 0.5 * math.erfc(-a * _SQRT_HALF)
    if b * b <= _NEGLIGIBLE:
        p -= 0.5 * math.erfc(b * _SQRT_HALF)
    return p


def _term(j: int, k: int, predicted: np.ndarray, rows: np.ndarray, value: np.ndarray,
          low: np.ndarray, high: np.ndarray, inv_sd: np.ndarray, normal: np.ndarray,
          scale: np.ndarray, w: np.ndarray) -> float:
    """``w_k prod_i p_i`` of draw ``j`` at node ``k`` (``scale[k] = 1 + tau z_k``)."""
    t = w[k]
    for i in range(rows.size):
        m = predicted[rows[i], j] * scale[k]
        if normal[i]:
            x = (value[i] - m) * inv_sd[i]
            t *= math.exp(-0.5 * x * x - _LOG_SQRT_2PI) * inv_sd[i]
        else:
            t *= interval_probability((low[i] - m) * inv_sd[i], (high[i] - m) * inv_sd[i])
        if t == 0.0:
            break
    return t


def _start(j: int, predicted: np.ndarray, rows: np.ndarray, value: np.ndarray,
           low: np.ndarray, high: np.ndarray, sd: np.ndarray, normal: np.ndarray, tau: float,
           z: np.ndarray) -> int:
    """The node nearest a guess of where the terms of draw ``j`` peak: each figure pulls the
    shared error towards the value that would match it (the middle of an interval, its edge if
    open on one side), with the precision of its sd and width; the error's own prior pulls
    towards 0. Only a starting point: the walk of :func:`_group_loglik` finds the peak."""
    pull, precision = 0.0, 1.0
    for i in range(rows.size):
        m = predicted[rows[i], j]
        if normal[i]:
            target, spread = value[i], sd[i]
        elif low[i] > -np.inf and high[i] < np.inf:
            target, spread = 0.5 * (low[i] + high[i]), 0.5 * (high[i] - low[i]) + sd[i]
        else:
            target, spread = (low[i] if low[i] > -np.inf else high[i]), sd[i]
        if m != 0.0 and math.isfinite(m):
            p = (m * tau / spread) ** 2
            pull += p * (target / m - 1.0) / tau
            precision += p
    guess = pull / precision
    best = 0
    for k in range(1, z.size):
        if abs(z[k] - guess) < abs(z[best] - guess):
            best = k
    return best


def _group_loglik(predicted: np.ndarray, rows: np.ndarray, value: np.ndarray,
                  low: np.ndarray, high: np.ndarray, sd: np.ndarray, normal: np.ndarray,
                  tau: float, z: np.ndarray, w: np.ndarray, out: np.ndarray,
                  start: int, stop: int) -> None:
    """``out[j] = log sum_k w_k prod_i p_i`` for the draws ``start:stop`` (NaN where the sum
    is below :data:`TINY` or not finite). ``predicted`` is ``(observation, draw)``, ``rows``
    the group's rows in it; ``low``/``high`` are -inf/inf for an open side; ``z`` (ascending)
    and ``w`` the nodes and normalised weights.

    From a node near the peak (:func:`_start`) the nodes are summed walking outwards, each way
    until what is left is below :data:`TOLERANCE` of the sum. The terms are log-concave in
    ``z`` (each ``p_i`` is, as a log-concave function of ``m_i (1 + tau z)``, and so are the
    rule's weights: tests/test_calibration_quadrature.py), so beyond two nodes whose terms fall,
    each further term lies under the line through their logs and the nodes are at least the
    smallest spacing apart: what is left is at most ``t q / (1 - q)``, ``t`` the last term,
    ``q = (t / t_before)^(h_min / h_max)`` (``sqrt(t / t_before)`` bounds it when the spacings
    differ by less than a factor 2, as with 31 nodes)."""
    nodes = z.size
    inv_sd = 1.0 / sd
    scale = 1.0 + tau * z
    spacing = z[1:] - z[:-1]
    power = np.min(spacing) / np.max(spacing)  # 0.55 for 31 nodes
    for j in range(start, stop):
        first = _start(j, predicted, rows, value, low, high, sd, normal, tau, z)
        peak = _term(j, first, predicted, rows, value, low, high, inv_sd, normal, scale, w)
        if not peak >= TINY:  # the log-space path takes the draw
            out[j] = np.nan
            continue
        total = peak
        for step in (1, -1):
            last, k = peak, first + step
            while 0 <= k < nodes:
                t = _term(j, k, predicted, rows, value, low, high, inv_sd, normal, scale, w)
                total += t
                if t < last:
                    if t == 0.0:
                        break
                    # q <= (t / last)^power: the next spacing is at most 1 / power times this
                    q = math.sqrt(t / last) if power >= 0.5 else (t / last) ** power
                    if t * q < TOLERANCE * (1.0 - q) * total:
                        break
                last, k = t, k + step
        out[j] = math.log(total) if total >= TINY and total < np.inf else np.nan


#: The functions :func:`_group_loglik` calls, compiled with it.
_CALLEES = (interval_probability, _term, _start)


def _signature() -> object:  # a numba Signature; numba is imported only here
    """The compiled loop's argument types, in :func:`_group_loglik`'s order."""
    from numba import types

    f1, f2 = (types.Array(types.float64, d, "A", readonly=True) for d in (1, 2))
    return types.void(f2, types.Array(types.int64, 1, "A", readonly=True),  # predicted, rows
                      f1, f1, f1, f1,  # value, low, high, sd
                      types.Array(types.boolean, 1, "A", readonly=True), types.float64,
                      f1, f1,  # z, w
                      types.Array(types.float64, 1, "C"), types.int64, types.int64)


@functools.cache
def group_kernel() -> Callable[..., None]:
    """:func:`_group_loglik` compiled by numba (or loaded from its cache beside this file)."""
    import numba

    jit = functools.partial(numba.njit, cache=True, nogil=True, error_model="numpy")
    namespace = dict(globals())
    for fn in _CALLEES:  # inlined: a call that passes arrays costs more than an erfc
        namespace[fn.__name__] = jit(_bound(fn, namespace), inline="always")
    return jit(_signature())(_bound(_group_loglik, namespace))


def _bound(fn: pytypes.FunctionType, namespace: dict) -> pytypes.FunctionType:
    """``fn`` with ``namespace`` as its globals, so compiled code calls compiled code while this
    module's names stay plain Python (the engine's kernel does the same)."""
    return pytypes.FunctionType(fn.__code__, namespace, fn.__name__, fn.__defaults__,
                                fn.__closure__)
