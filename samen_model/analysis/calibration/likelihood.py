"""The likelihood of the observed figures, per draw: pure functions of the model's columns.

For an observation of ``column`` in ``year`` the model's value ``m`` (one per draw) is compared
with the figure (docs/calibration.md):

* **normal** (``{sd: s}``): ``log p = log N(value | m, s^2)``;
* **interval** (``{interval: [low, high], sd: s}``): the figure says the true value lies in
  ``[low, high]`` and the model's value misses the true one by a normal error of ``s``, so
  ``p = Phi((high - m) / s) - Phi((low - m) / s)`` (an open side contributes 1 or 0).

A figure counted **to a date** (``to_date: {flow: F}``: e.g. young people helped up to a day
in November) is compared with the model's count at that date, ``column - F * (1 - s)`` with
``s`` the share of the year elapsed (the year total is the stock of 1 January plus the flow F
over the year; intake taken as steady within the year).

Figures are independent given the parameters, except those that share an error
(``shared_errors`` of the file: e.g. two figures resting on one 2021 cost base): their model
values are scaled by a common ``1 + e``, ``e ~ N(0, sd_relative^2)``, integrated out by
Gauss-Hermite quadrature (:data:`HERMITE_NODES` nodes). The total is the sum over the figures
(and groups) with ``calibrate: true``. Every function here works on a block
``{column: (year, draw)}`` array as the engine produces it, so the same code serves one run or
a stream of blocks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy import special

from samen_model.errors import ObservationError
from samen_model.parallel import THREADS
from samen_model.scenario.observations import Observation, SharedError

_LOG_SQRT_2PI = 0.5 * np.log(2.0 * np.pi)

Block = dict[str, np.ndarray]


def observed_columns(observations: Sequence[Observation]) -> tuple[str, ...]:
    """The output columns the observations measure (sorted, each once), with the flow column
    of a figure counted to a date."""
    return tuple(sorted({o.column for o in observations}
                        | {o.to_date_flow for o in observations if o.to_date_flow}))


def predict(block: Block, years: np.ndarray, observations: Sequence[Observation]
            ) -> np.ndarray:
    """The model's value of each observed figure: ``(observation, draw)``, the column's unit.

    ``block`` maps a column to its ``(year, draw)`` array; ``years`` are the rows' years.
    """
    rows = {int(y): i for i, y in enumerate(years)}
    out = []
    for o in observations:
        if o.year not in rows:
            raise ObservationError(None, f"observation {o.id}.year", f"a year inside the "
                                   f"model's horizon {int(years[0])}-{int(years[-1])} "
                                   f"(got {o.year})")
        value = np.asarray(block[o.column][rows[o.year]], dtype=float)
        if o.to_date_flow:
            flow = np.asarray(block[o.to_date_flow][rows[o.year]], dtype=float)
            value = value - flow * (1.0 - o.elapsed_share())
        out.append(value)
    return np.stack(out)


def log_prob_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``log(Phi(b) - Phi(a))`` for ``a < b`` (either may be infinite), accurate in the tails.

    Works on the side of zero where ``log_ndtr`` keeps its precision:
    ``Phi(b) - Phi(a) = Phi(-a) - Phi(-b)``.
    """
    a, b = np.broadcast_arrays(np.asarray(a, dtype=float), np.asarray(b, dtype=float))
    flip = a > 0
    upper = special.log_ndtr(np.where(flip, -a, b))
    lower = special.log_ndtr(np.where(flip, -b, a))
    with np.errstate(divide="ignore"):
        return upper + np.log1p(-np.exp(lower - upper))


def observation_loglik(observation: Observation, predicted: np.ndarray) -> np.ndarray:
    """Log-likelihood of one figure for each model value in ``predicted`` (per draw)."""
    u = observation.uncertainty
    m = np.asarray(predicted, dtype=float)
    if u.kind == "normal":
        z = (observation.value - m) / u.sd
        return -0.5 * z * z - np.log(u.sd) - _LOG_SQRT_2PI
    low = -np.inf if u.low is None else (u.low - m) / u.sd
    high = np.inf if u.high is None else (u.high - m) / u.sd
    return log_prob_between(low, high)


def pointwise_loglik(predicted: np.ndarray, observations: Sequence[Observation]) -> np.ndarray:
    """Log-likelihood per figure and draw, ``(observation, draw)``, from :func:`predict`."""
    return np.stack([observation_loglik(o, predicted[i]) for i, o in enumerate(observations)])


#: Draws whose log-likelihood is computed at a time in :func:`total_loglik`.
LOGLIK_CHUNK = 1 << 18
#: Draws a thread takes at a time in :func:`shared_loglik`.
PIECE = 1 << 16


#: Nodes of the Gauss-Hermite rule that integrates a shared error out: 31 reproduce the
#: bivariate normal to 1e-4 in the log when a figure's own sd is at least half the shared one
#: (relative); 9 nodes missed by 0.03.
HERMITE_NODES = 31


def _hermite() -> tuple[np.ndarray, np.ndarray]:
    """Nodes ``z`` and log weights of the expectation over a standard normal."""
    z, w = np.polynomial.hermite_e.hermegauss(HERMITE_NODES)
    return z, np.log(w / w.sum())


def groups(observations: Sequence[Observation], shared: Sequence[SharedError] = ()
           ) -> list[tuple[list[int], float]]:
    """The observations as independent groups: ``(indices, sd_relative)``; a figure outside
    every shared error is its own group with ``sd_relative`` 0. A shared error with fewer than
    two of the given figures is dropped (nothing left to share)."""
    index = {o.id: i for i, o in enumerate(observations)}
    out, taken = [], set()
    for g in shared:
        members = [index[f] for f in g.figures if f in index]
        if len(members) >= 2:
            out.append((members, g.sd_relative))
            taken |= set(members)
    out += [([i], 0.0) for i in range(len(observations)) if i not in taken]
    return out


def shared_loglik_log_space(predicted: np.ndarray, observations: Sequence[Observation],
                            sd_relative: float) -> np.ndarray:
    """Log-likelihood per draw of figures sharing an error, summed in log space over all the
    quadrature's nodes: ``predicted`` is ``(member, draw)``. Precise in the far tails; the
    reference for :func:`shared_loglik` and what it falls back on."""
    z, log_w = _hermite()
    at_node = np.stack([
        sum(observation_loglik(o, predicted[i] * (1 + sd_relative * zk))
            for i, o in enumerate(observations)) + lw for zk, lw in zip(z, log_w, strict=True)])
    return np.logaddexp.reduce(at_node, axis=0)


def shared_loglik(predicted: np.ndarray, observations: Sequence[Observation],
                  rows: Sequence[int], sd_relative: float) -> np.ndarray:
    """Log-likelihood per draw ``(draw,)`` of the figures ``observations`` (rows ``rows`` of
    ``predicted``) that share a relative error of sd ``sd_relative``.

    Summed in probability space by a compiled loop (``quadrature``, both cores), which leaves
    out nodes whose terms weigh less than 2^-64 of the sum; the draws whose likelihood is below
    ``quadrature.TINY`` are summed again in log space (:func:`shared_loglik_log_space`). Equal
    to the log-space sum to about 1e-14."""
    from samen_model.analysis.calibration import quadrature

    predicted = np.asarray(predicted, dtype=float)
    draws = predicted.shape[-1]
    u = [o.uncertainty for o in observations]
    args = (np.asarray(rows, dtype=np.int64),
            np.array([o.value for o in observations], dtype=float),
            np.array([-np.inf if x.low is None else x.low for x in u], dtype=float),
            np.array([np.inf if x.high is None else x.high for x in u], dtype=float),
            np.array([x.sd for x in u], dtype=float),
            np.array([x.kind == "normal" for x in u]), float(sd_relative))
    z, log_w = _hermite()
    out = np.empty(draws)
    kernel = quadrature.group_kernel()
    w = np.exp(log_w)
    # the loop releases the GIL; small pieces, so that a core slowed by other work takes fewer
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(lambda a: kernel(predicted, *args, z, w, out, a, min(a + PIECE, draws)),
                      range(0, draws, PIECE)))
    slow = np.flatnonzero(np.isnan(out))
    for start in range(0, slow.size, LOGLIK_CHUNK):
        index = slow[start:start + LOGLIK_CHUNK]
        out[index] = shared_loglik_log_space(predicted[np.ix_(list(rows), index)],
                                             observations, sd_relative)
    return out


def total_loglik(predicted: np.ndarray, observations: Sequence[Observation],
                 rows: Sequence[int] | None = None,
                 shared: Sequence[SharedError] = ()) -> np.ndarray:
    """Total log-likelihood per draw ``(draw,)``: :func:`pointwise_loglik` summed over the
    figures, one figure at a time (no ``(observation, draw)`` matrix: 10^7 draws stay small);
    figures in a ``shared`` error are integrated jointly over it (module docstring,
    :func:`shared_loglik`).
    ``rows``: the rows of ``predicted`` that hold ``observations`` (default: all, in order)."""
    rows = list(range(len(observations)) if rows is None else rows)
    draws = predicted.shape[-1]
    total = np.zeros(draws)
    for members, sd in groups(observations, shared):
        if sd != 0.0:
            total += shared_loglik(predicted, [observations[i] for i in members],
                                   [rows[i] for i in members], sd)
            continue
        i = members[0]
        for start in range(0, draws, LOGLIK_CHUNK):  # bounded temporaries of the normal CDF
            part = slice(start, min(start + LOGLIK_CHUNK, draws))
            total[part] += observation_loglik(observations[i], predicted[rows[i], part])
    return total


def loglik(block: Block, years: np.ndarray, observations: Sequence[Observation],
           shared: Sequence[SharedError] = ()) -> np.ndarray:
    """Total log-likelihood per draw ``(draw,)`` of the figures with ``calibrate: true``.

    A pure function of a block of the observed columns (what the engine's ``reduce=`` passes).
    """
    used = [o for o in observations if o.calibrate]
    return total_loglik(predict(block, years, used), used, shared=shared)


def loglik_reducer(observations: Sequence[Observation], shared: Sequence[SharedError] = ()
                   ) -> Callable[[Block, np.ndarray], np.ndarray]:
    """:func:`loglik` bound to ``observations``: ``fn(block, years) -> (draw,)``."""
    return functools.partial(loglik, observations=tuple(observations), shared=tuple(shared))


def predict_reducer(observations: Sequence[Observation]
                    ) -> Callable[[Block, np.ndarray], np.ndarray]:
    """:func:`predict` bound to ``observations``: ``fn(block, years) -> (observation, draw)``."""
    return functools.partial(predict, observations=tuple(observations))
