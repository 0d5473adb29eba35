"""Parameter values: scalars, year series and distributions, turned into arrays.

A value in a scenario file is one of

* a scalar (``0.15``), the same in every year;
* a year series (``{2023: 0.15, 2025: 0.08}``): linear interpolation between the given years,
  the first value held before the first given year and the last value held after the last one;
* a distribution (``{dist: triangular, low: 0.1, mode: 0.15, high: 0.3}``), the same in every year
  of a draw. A deterministic run uses its central value (see :attr:`Distribution.central`).

Every distribution is sampled through its quantile function (``ppf``) applied to uniform numbers,
so Monte Carlo, Latin hypercube and Sobol designs all go through one path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

Scalar = float | int | bool | str | None
Series = dict[int, float]

DIST_KINDS = ("uniform", "triangular", "normal", "lognormal", "beta")


@dataclass(frozen=True)
class Distribution:
    """A one-dimensional distribution with a central value and optional bounds.

    Fields by kind (others stay ``None``):

    * ``uniform``: ``low``, ``high``; central = midpoint.
    * ``triangular``: ``low``, ``mode``, ``high``; central = mode.
    * ``normal``: ``mean``, ``sd`` and optional ``low``/``high`` (truncated); central = mean.
    * ``lognormal``: ``median``, ``sigma`` (sd of the log) and optional ``low``/``high``
      (truncated); central = median.
    * ``beta``: ``alpha``, ``beta`` on [``low``, ``high``] (default [0, 1]); central = mean.
    """

    kind: Literal["uniform", "triangular", "normal", "lognormal", "beta"]
    low: float | None = None
    high: float | None = None
    mode: float | None = None
    mean: float | None = None
    sd: float | None = None
    median: float | None = None
    sigma: float | None = None
    alpha: float | None = None
    beta: float | None = None

    def to_scipy(self):
        """The same distribution as a frozen ``scipy.stats`` object (reference for tests)."""
        from scipy import stats  # imported here: ~0.7 s, and only tests need it

        k = self.kind
        if k == "uniform":
            return stats.uniform(loc=self.low, scale=self.high - self.low)
        if k == "triangular":
            width = self.high - self.low
            c = 0.5 if width == 0 else (self.mode - self.low) / width
            return stats.triang(c=c, loc=self.low, scale=width)
        if k == "normal":
            lo = -np.inf if self.low is None else (self.low - self.mean) / self.sd
            hi = np.inf if self.high is None else (self.high - self.mean) / self.sd
            return stats.truncnorm(lo, hi, loc=self.mean, scale=self.sd)
        if k == "lognormal":
            mu = np.log(self.median)
            lo = -np.inf if self.low is None else (np.log(self.low) - mu) / self.sigma
            hi = np.inf if self.high is None else (np.log(self.high) - mu) / self.sigma
            return _LogTruncNorm(stats.truncnorm(lo, hi, loc=mu, scale=self.sigma))
        low = 0.0 if self.low is None else self.low
        high = 1.0 if self.high is None else self.high
        return stats.beta(self.alpha, self.beta, loc=low, scale=high - low)

    @property
    def central(self) -> float:
        """The value a deterministic run uses."""
        k = self.kind
        if k == "uniform":
            return 0.5 * (self.low + self.high)
        if k == "triangular":
            return float(self.mode)
        if k == "normal":
            return float(np.clip(self.mean, _or(self.low, -np.inf), _or(self.high, np.inf)))
        if k == "lognormal":
            return float(np.clip(self.median, _or(self.low, 0.0), _or(self.high, np.inf)))
        low = 0.0 if self.low is None else self.low
        high = 1.0 if self.high is None else self.high
        return low + (high - low) * self.alpha / (self.alpha + self.beta)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Quantile function: uniform numbers in [0, 1] -> values of this distribution.

        Closed forms through ``scipy.special`` (fast on millions of draws); ``scipy.stats`` gives
        the same numbers (a test checks) but is several times slower for truncated normals.
        """
        from scipy import special  # imported here: a deterministic run does not need scipy

        u = np.asarray(u, dtype=float)
        k = self.kind
        if k == "uniform":
            return self.low + (self.high - self.low) * u
        if k == "triangular":
            lo, mode, hi = self.low, self.mode, self.high
            width = hi - lo
            if width == 0:
                return np.full_like(u, lo)
            c = (mode - lo) / width
            left = lo + np.sqrt(u * width * (mode - lo))
            right = hi - np.sqrt((1.0 - u) * width * (hi - mode))
            return np.where(u < c, left, right)
        if k in ("normal", "lognormal"):
            mu = self.mean if k == "normal" else np.log(self.median)
            sd = self.sd if k == "normal" else self.sigma
            tr = (lambda x: x) if k == "normal" else np.log
            p_lo = 0.0 if self.low is None else special.ndtr((tr(self.low) - mu) / sd)
            p_hi = 1.0 if self.high is None else special.ndtr((tr(self.high) - mu) / sd)
            z = special.ndtri(p_lo + u * (p_hi - p_lo))
            x = mu + sd * z
            lo = -np.inf if self.low is None else tr(self.low)
            hi = np.inf if self.high is None else tr(self.high)
            x = np.clip(x, lo, hi)  # guards the far tails against rounding
            return x if k == "normal" else np.exp(x)
        low = 0.0 if self.low is None else self.low
        high = 1.0 if self.high is None else self.high
        return low + (high - low) * special.betaincinv(self.alpha, self.beta, u)

    def support(self) -> tuple[float, float]:
        """Smallest and largest value the distribution can take (may be infinite)."""
        lo, hi = self.ppf(np.array([0.0, 1.0]))
        return float(lo), float(hi)

    def bounds(self, coverage: float = 0.90) -> tuple[float, float]:
        """The central ``coverage`` interval (5th and 95th percentile for 0.90)."""
        tail = (1.0 - coverage) / 2.0
        lo, hi = self.ppf(np.array([tail, 1.0 - tail]))
        return float(lo), float(hi)


@dataclass(frozen=True)
class _LogTruncNorm:
    """exp() of a truncated normal: a lognormal with optional bounds."""

    log_dist: object

    def ppf(self, u):
        return np.exp(self.log_dist.ppf(u))


def _or(x: float | None, default: float) -> float:
    return default if x is None else x


def series_on_years(points: Series, years: np.ndarray) -> np.ndarray:
    """Interpolate a year series onto ``years``.

    Linear between given years; the first value is held before the first given year and the
    last value after the last one (``numpy.interp`` does exactly this).

    >>> series_on_years({2023: 0.2, 2025: 0.1}, np.array([2022, 2023, 2024, 2025, 2026]))
    array([0.2 , 0.2 , 0.15, 0.1 , 0.1 ])
    """
    xs = np.array(sorted(points), dtype=float)
    ys = np.array([points[int(x)] for x in xs], dtype=float)
    return np.interp(years.astype(float), xs, ys)


def amounts_on_years(points: Series, years: np.ndarray) -> np.ndarray:
    """Amounts booked in given years (e.g. tranches): zero in every year not listed."""
    out = np.zeros(len(years))
    for i, y in enumerate(years):
        out[i] = float(points.get(int(y), 0.0))
    return out


def central_value(value) -> float | Series | Scalar:
    """A deterministic run's value: the central value of a distribution, else the value."""
    return value.central if isinstance(value, Distribution) else value
