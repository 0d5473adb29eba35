"""Importance weights from the prior to the posterior: PSIS, k-hat, ESS, resampling.

The prior draws are weighted by their likelihood. The weights are Pareto smoothed (PSIS,
Vehtari, Simpson, Gelman, Yao and Gabry, "Pareto smoothed importance sampling", JMLR 25 (2024))
with arviz-stats, whose shape estimate k-hat says whether the weighted estimates can be
trusted: above ``min(1 - 1/log10(S), 0.7)`` for ``S`` draws they cannot. The effective sample
size is ``1 / sum(w^2)`` of the normalised smoothed weights. An equally weighted posterior sample
is drawn by systematic resampling. See docs/calibration.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from samen_model.errors import SamenInputError

#: Below this effective sample size the 5th and 95th percentiles rest on too few draws.
MIN_ESS = 400
#: k-hat above which PSIS estimates are unreliable whatever the number of draws (Vehtari 2024).
KHAT_LIMIT = 0.7


class CalibrationError(SamenInputError):
    """A calibration whose weights say the posterior cannot be trusted (k-hat or ESS)."""


class CalibrationWarning(UserWarning):
    """The same finding when the caller asked to keep the result anyway."""


@dataclass(frozen=True)
class ImportanceWeights:
    """Normalised log weights of the prior draws and their diagnostics."""

    log_weights: np.ndarray
    pareto_k: float
    ess: float
    khat_threshold: float

    @property
    def weights(self) -> np.ndarray:
        """The normalised weights (sum 1)."""
        return np.exp(self.log_weights)

    @property
    def draws(self) -> int:
        return int(self.log_weights.size)


def khat_threshold(draws: int) -> float:
    """The sample-size dependent k-hat limit ``min(1 - 1/log10(S), 0.7)`` (Vehtari 2024)."""
    return float(min(1.0 - 1.0 / np.log10(max(draws, 11)), KHAT_LIMIT))


def effective_sample_size(log_weights: np.ndarray) -> float:
    """``1 / sum(w^2)`` of normalised weights (Kish; the PSIS-ESS of Vehtari et al.)."""
    w = np.exp(log_weights - np.logaddexp.reduce(log_weights))
    return float(1.0 / np.sum(w * w))


def psis_weights(loglik: np.ndarray) -> ImportanceWeights:
    """Pareto-smoothed importance weights for prior draws with log-likelihood ``loglik``.

    arviz-stats' ``psislw`` smooths the weights ``exp(-ary)`` (its use is leave-one-out), so it
    gets ``-loglik``. A likelihood equal for every draw gives equal weights and k-hat = -inf.
    """
    loglik = np.asarray(loglik, dtype=float)
    if not np.isfinite(loglik).all():
        raise SamenInputError(None, "observations", "a finite log-likelihood for every draw "
                              "(a figure the model cannot produce at all)")
    draws = loglik.size
    if np.ptp(loglik) == 0.0:
        lw = np.full(draws, -np.log(draws))
        return ImportanceWeights(lw, float("-inf"), float(draws), khat_threshold(draws))
    from arviz_stats.base import array_stats  # imported here: about 1 s, only calibration

    # Weights so uneven that the tail fit breaks down (k-hat NaN, division by zero inside the
    # fit) are the unreliable case itself: k-hat counts as infinite, the raw weights are kept.
    with np.errstate(all="ignore"):
        lw, khat = array_stats.psislw(-loglik)
    lw = np.asarray(lw, dtype=float)
    if not (np.isfinite(khat) and np.isfinite(lw).all()):
        khat, lw = np.inf, loglik.copy()
    lw -= np.logaddexp.reduce(lw)
    return ImportanceWeights(lw, float(khat), effective_sample_size(lw), khat_threshold(draws))


def problems(iw: ImportanceWeights, min_ess: float = MIN_ESS) -> list[str]:
    """What makes the weights untrustworthy (empty: nothing)."""
    out = []
    if iw.pareto_k > iw.khat_threshold:
        out.append(f"Pareto k-hat {iw.pareto_k:.2f} > {iw.khat_threshold:.2f} (the weights have "
                   "so heavy a tail that a few draws decide the posterior)")
    if iw.ess < min_ess:
        out.append(f"effective sample size {iw.ess:,.0f} < {min_ess:,.0f} of {iw.draws:,} prior "
                   "draws")
    return out


def weighted_quantiles(x: np.ndarray, weights: np.ndarray, q: np.ndarray | list[float]
                       ) -> np.ndarray:
    """Quantiles ``q`` (fractions) of ``x`` under normalised ``weights``.

    The inverse of the weighted distribution function through the midpoints of the weights
    (with equal weights: the Hazen plotting positions). Draws with less than a thousandth of
    the average weight are left out before sorting (together under 0.1% of the weight; after
    a calibration that is most of the draws, so the sort is several times faster).
    """
    x, w = np.asarray(x), np.asarray(weights, dtype=float)
    keep = w >= 1e-3 / w.size
    if not keep.all():
        x, w = x[keep], w[keep]
    order = np.argsort(x, kind="stable")
    xs, ws = x[order], w[order]
    ws = ws / ws.sum()
    return np.interp(np.asarray(q, dtype=float), np.cumsum(ws) - 0.5 * ws, xs)


def weighted_mean_sd(x: np.ndarray, weights: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation of ``x`` under normalised ``weights``."""
    mean = float(np.dot(weights, x))
    return mean, float(np.sqrt(max(np.dot(weights, (x - mean) ** 2), 0.0)))


def systematic_resample(weights: np.ndarray, size: int, seed: int) -> np.ndarray:
    """Indices of ``size`` draws picked with probability ``weights`` (systematic resampling:
    one uniform number, evenly spaced positions; lower variance than picking independently).
    Sorted; deterministic for a given ``seed``."""
    u0 = np.random.default_rng(seed).random()
    positions = (u0 + np.arange(size)) / size
    cumulative = np.cumsum(weights)
    cumulative /= cumulative[-1]
    return np.minimum(np.searchsorted(cumulative, positions, side="right"), weights.size - 1)
