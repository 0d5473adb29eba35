"""What a reader checks after a calibration: parameters, predictive check, leave-one-out.

* :func:`parameter_table`: prior against posterior per parameter, and whether the figures
  informed it (contraction ``1 - sd_post^2 / sd_prior^2`` at least
  :data:`INFORMED_CONTRACTION`, or the mean moved by at least :data:`INFORMED_SHIFT` prior sd);
* :func:`predictive_check`: each figure against the model's 90% interval before (prior) and
  after (posterior) calibration;
* :func:`leave_one_out`: calibrate on all figures but one (the same prior draws, weights
  without that figure's likelihood) and ask whether the model then predicts the one left out;
* :func:`rank_correlations`: Spearman correlations in the posterior sample (the prior's
  ``correlations:`` and those the data induce).

All numbers come from the draws and weights of a :class:`~samen_model.analysis.calibration.fit.
Calibration`; nothing runs the engine again.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from samen_model.analysis.calibration.fit import Calibration
from samen_model.analysis.calibration.likelihood import total_loglik
from samen_model.analysis.calibration.weights import (
    psis_weights,
    weighted_mean_sd,
    weighted_quantiles,
)

#: Posterior variance at most 80% of the prior's: the figures informed the parameter.
INFORMED_CONTRACTION = 0.2
#: ... or the posterior mean moved by at least this many prior standard deviations.
INFORMED_SHIFT = 0.25
QUANTILES = (0.05, 0.5, 0.95)


def overlaps(a_low: float, a_high: float, b_low: float, b_high: float) -> bool:
    """Whether the ranges ``[a_low, a_high]`` and ``[b_low, b_high]`` share a point."""
    return bool(a_low <= b_high and b_low <= a_high)


def parameter_table(cal: Calibration) -> pd.DataFrame:
    """Prior and posterior per parameter (parameter units): mean, sd, P5, P50, P95 of each,
    ``contraction``, ``shift`` (posterior minus prior mean, in prior sd) and ``informed``."""
    w = cal.weights.weights
    rows = []
    for p in cal.parameters:
        x = cal.values[p]
        prior_mean, prior_sd = float(x.mean()), float(x.std())
        post_mean, post_sd = weighted_mean_sd(x, w)
        contraction = 1.0 - (post_sd / prior_sd) ** 2 if prior_sd > 0 else 0.0
        shift = (post_mean - prior_mean) / prior_sd if prior_sd > 0 else 0.0
        rows.append({
            "parameter": p, "prior_mean": prior_mean, "prior_sd": prior_sd,
            **dict(zip(("prior_p5", "prior_p50", "prior_p95"),
                       np.quantile(x, QUANTILES), strict=True)),
            "posterior_mean": post_mean, "posterior_sd": post_sd,
            **dict(zip(("posterior_p5", "posterior_p50", "posterior_p95"),
                       weighted_quantiles(x, w, QUANTILES), strict=True)),
            "contraction": contraction, "shift": shift,
            "informed": bool(contraction >= INFORMED_CONTRACTION
                             or abs(shift) >= INFORMED_SHIFT),
        })
    return pd.DataFrame(rows).set_index("parameter")


def _interval_row(prefix: str, x: np.ndarray, w: np.ndarray | None, low: float, high: float
                  ) -> dict[str, float | bool]:
    q = np.quantile(x, QUANTILES) if w is None else weighted_quantiles(x, w, QUANTILES)
    inside = (x >= low) & (x <= high)
    share = float(inside.mean() if w is None else np.dot(w, inside))
    return {f"{prefix}_p5": q[0], f"{prefix}_p50": q[1], f"{prefix}_p95": q[2],
            f"{prefix}_share_in_range": share, f"{prefix}_inside": overlaps(q[0], q[2], low, high)}


def predictive_check(cal: Calibration) -> pd.DataFrame:
    """Each figure against the model before and after calibration (the column's unit).

    Per observation: the figure, its stated range (``Observation.stated_range``), whether the
    calibration used it, and for the prior and the posterior the model's P5/P50/P95, the share
    of draws inside the stated range and ``inside`` (the 90% interval and the range overlap).
    """
    w = cal.weights.weights
    rows = []
    for i, o in enumerate(cal.observations.items):
        low, high = o.stated_range()
        rows.append({"observation": o.id, "column": o.column, "year": o.year, "value": o.value,
                     "range_low": low, "range_high": high, "calibrate": o.calibrate,
                     **_interval_row("prior", cal.predicted[i], None, low, high),
                     **_interval_row("posterior", cal.predicted[i], w, low, high)})
    return pd.DataFrame(rows).set_index("observation")


def leave_one_out(cal: Calibration) -> pd.DataFrame:
    """Calibrate on all used figures but one and predict the one left out.

    Per used observation: the Pareto k-hat and effective sample size of the weights without
    it, the model's P5/P50/P95 of it, the share of draws inside its stated range and
    ``predicted`` (that 90% interval overlaps the stated range).
    """
    items = cal.observations.items
    shared = cal.observations.shared_errors
    used = [i for i, o in enumerate(items) if o.calibrate]
    rows = []
    for i in used:
        o = items[i]
        others = [k for k in used if k != i]
        iw = psis_weights(total_loglik(cal.predicted, [items[k] for k in others], others,
                                       shared) / cal.observations.temper)
        low, high = o.stated_range()
        row = _interval_row("loo", cal.predicted[i], iw.weights, low, high)
        rows.append({"observation": o.id, "column": o.column, "year": o.year,
                     "value": o.value, "range_low": low, "range_high": high,
                     "pareto_k": iw.pareto_k, "ess": iw.ess,
                     "loo_p5": row["loo_p5"], "loo_p50": row["loo_p50"],
                     "loo_p95": row["loo_p95"], "share_in_range": row["loo_share_in_range"],
                     "predicted": row["loo_inside"]})
    return pd.DataFrame(rows).set_index("observation")


def rank_correlations(sample: dict[str, np.ndarray]) -> pd.DataFrame:
    """Spearman rank correlations between the parameters of a sample (ties get their mean
    rank; a constant column gives NaN)."""
    names = sorted(sample)
    ranks = np.stack([pd.Series(sample[p]).rank().to_numpy() for p in names])
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(ranks)
    return pd.DataFrame(np.atleast_2d(corr), index=names, columns=names)
