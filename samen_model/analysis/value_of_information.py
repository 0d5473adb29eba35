"""What to measure next: which uncertain inputs, if known, would narrow the result most.

For the decision-relevant outputs the Monte Carlo sample (seeded) is regressed on each
uncertain input separately, as health economics estimates the expected value of partial
perfect information (EVPPI; Strong, Oakley and Brennan, "Estimating multiparameter partial
expected value of perfect information from a probabilistic sensitivity analysis sample: a
nonparametric regression approach", *Medical Decision Making* 34(3), 2014):

* the fitted value ``g(x) ≈ E[y | x]`` is a least-squares cubic regression spline in the rank
  of the input (:data:`KNOTS` interior knots at quantiles; a smoother in one variable, like
  the GAM of Strong et al.);
* **variance share** ``Var(g) / Var(y)`` (adjusted for the spline's degrees of freedom, so an
  input without effect scores about 0): the part of the spread that knowing the input removes
  on average, the first-order Sobol index estimated from the same sample; **narrowing**
  ``1 - sqrt(1 - share)``: how much the width of the range shrinks (for a normal output);
* **EVPPI** for net savings 2026-2030 as the incremental net benefit of the decision
  "continue SAMEN. as is" against "return to open house" (net benefit 0, the counterfactual):
  ``mean(max(g, 0)) - max(mean(g), 0)`` in EUR (nominal, undiscounted: the output as the
  model reports it). It is zero when knowing the input would never change the decision.

The probability of a capacity shortfall (young people SAMEN. cannot take on in any year of
the window) is an indicator per draw; its variance share says which inputs decide whether a
shortfall happens. Inputs are taken as sampled (with the scenario's correlations, so a
correlated input also scores what its partner explains; docs/uncertainty.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import stats

from samen_model.analysis.calibration.fit import prior_values
from samen_model.analysis.monte_carlo import shortfall
from samen_model.errors import SamenInputError
from samen_model.model.simulate import simulate
from samen_model.scenario.scenario import Scenario

#: Interior knots of the regression spline (at equally spaced quantiles of the input).
KNOTS = 6
DEFAULT_DRAWS = 20_000
MIN_DRAWS = 200  # fewer draws do not rank the inputs reliably (refused)
WINDOW = (2026, 2030)
METHOD = ("nonparametric regression of the Monte Carlo sample on each input (cubic regression "
          "spline in the input's rank, 6 interior knots; Strong, Oakley and Brennan 2014): "
          "EVPPI of 'continue SAMEN.' against 'return to open house', and the share of the "
          "variance explained (first-order Sobol index)")
NET_SAVINGS = "net_savings"
SHORTFALL = "capacity_shortfall"


def spline_basis(u: np.ndarray, knots: int = KNOTS) -> np.ndarray:
    """Truncated-power cubic spline basis ``(n, 4 + knots)`` of ``u`` in [0, 1]."""
    u = np.asarray(u, dtype=float)
    cuts = np.arange(1, knots + 1) / (knots + 1)
    columns = [np.ones_like(u), u, u ** 2, u ** 3]
    columns += [np.clip(u - c, 0.0, None) ** 3 for c in cuts]
    return np.column_stack(columns)


@dataclass(frozen=True)
class Fit:
    """One regression of an output on one input."""

    fitted: np.ndarray  # E[y | x] per draw, the output's unit
    share: float  # adjusted variance share Var(g) / Var(y), in [0, 1]


def regress(x: np.ndarray, y: np.ndarray, knots: int = KNOTS) -> Fit:
    """``E[y | x]`` by a cubic regression spline in the rank of ``x`` and its adjusted
    variance share ``1 - (SSR / (n - p)) / (SST / (n - 1))`` (clipped to [0, 1])."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    if np.ptp(x) == 0.0 or np.ptp(y) == 0.0:
        return Fit(np.full(n, y.mean()), 0.0)
    u = (stats.rankdata(x) - 0.5) / n
    basis = spline_basis(u, knots)
    coef, *_ = np.linalg.lstsq(basis, y, rcond=None)
    fitted = basis @ coef
    ssr = float(np.sum((y - fitted) ** 2))
    sst = float(np.sum((y - y.mean()) ** 2))
    p = basis.shape[1]
    share = 1.0 - (ssr / (n - p)) / (sst / (n - 1))
    return Fit(fitted, float(min(max(share, 0.0), 1.0)))


def evpi(net_benefit: np.ndarray) -> float:
    """Expected value of perfect information of a choice between an option with incremental
    net benefit ``net_benefit`` (per draw) and doing nothing (0): ``E max(nb, 0) - max(E nb,
    0)``."""
    nb = np.asarray(net_benefit, dtype=float)
    return float(np.mean(np.maximum(nb, 0.0)) - max(float(nb.mean()), 0.0))


def narrowing(share: float) -> float:
    """Relative shrinkage of the width of a normal range when ``share`` of its variance is
    removed: ``1 - sqrt(1 - share)``."""
    return float(1.0 - np.sqrt(max(1.0 - share, 0.0)))


def rank_inputs(inputs: Mapping[str, np.ndarray], outputs: Mapping[str, np.ndarray],
                decision: Mapping[str, bool] | None = None, knots: int = KNOTS
                ) -> pd.DataFrame:
    """The table of :func:`measure_next` for any sample: ``inputs`` and ``outputs`` name ->
    ``(draw,)``. ``decision[output]`` True: the output is an incremental net benefit and gets
    an EVPPI column (else NaN). One row per (output, input), sorted by output then variance
    share (largest first), with ``rank`` (1 = narrows the range most)."""
    decision = dict(decision or {})
    rows = []
    for out, y in outputs.items():
        y = np.asarray(y, dtype=float)
        if not np.isfinite(y).all():
            raise SamenInputError(None, f"output {out}", "a finite value for every draw")
        for name, x in inputs.items():
            fit = regress(x, y, knots)
            rows.append({"output": out, "parameter": name, "variance_share": fit.share,
                         "narrowing": narrowing(fit.share),
                         "evppi": evpi(fit.fitted) if decision.get(out) else float("nan")})
    table = pd.DataFrame(rows)
    table = table.sort_values(["output", "variance_share"], ascending=[True, False],
                              kind="stable").reset_index(drop=True)
    table["rank"] = table.groupby("output").cumcount() + 1
    return table


@dataclass(frozen=True)
class MeasureNext:
    """Ranked inputs per output and what the outputs look like now."""

    table: pd.DataFrame
    #: per output: mean, p5, p95, and for net savings P(> 0) and the EVPI (EUR)
    outputs: pd.DataFrame
    scenario: str
    scenario_hash: str
    draws: int
    seed: int
    window: tuple[int, int]
    method: str = METHOD
    extra: dict = field(default_factory=dict)

    def provenance(self) -> dict:
        return {"scenario": self.scenario, "scenario_hash": self.scenario_hash,
                "draws": self.draws, "seed": self.seed, "window": list(self.window),
                "method": self.method}


def measure_next(scenario: Scenario, draws: int = DEFAULT_DRAWS, seed: int = 0,
                 window: tuple[int, int] = WINDOW) -> MeasureNext:
    """Rank the scenario's uncertain inputs by how much knowing them would narrow net savings
    over ``window`` and the chance of a capacity shortfall in ``window`` (module docstring).

    One seeded Monte Carlo run of ``draws`` draws (correlations and posterior samples as in
    every Monte Carlo of the scenario); deterministic for a scenario hash, draws and seed.
    """
    if not scenario.uncertain_parameters():
        raise SamenInputError(scenario.path, "parameters", "a scenario with at least one "
                              "parameter with a distribution (e.g. uncertainty_2023)")
    if isinstance(draws, bool) or not isinstance(draws, (int, np.integer)) or \
            draws < MIN_DRAWS:
        raise SamenInputError(None, "draws",
                              f"an integer of at least {MIN_DRAWS} (got {draws!r})")
    first, last = window

    def per_draw(block: Mapping[str, np.ndarray], years: np.ndarray) -> np.ndarray:
        rows = (years >= first) & (years <= last)
        if not rows.any():
            raise SamenInputError(None, "window", f"years inside the horizon "
                                  f"{years[0]}-{years[-1]} (got {first}-{last})")
        return np.stack([block["net_savings_eur"][rows].sum(axis=0),
                         shortfall(block)[rows].max(axis=0)])

    result = simulate(scenario, draws=int(draws), seed=seed, sample=True, keep=(),
                      reduce={"per_draw": per_draw})
    net, short = result.reduced["per_draw"]
    inputs = prior_values(scenario, int(draws), seed)
    outputs = {NET_SAVINGS: net, SHORTFALL: short}
    table = rank_inputs(inputs, outputs, decision={NET_SAVINGS: True})
    summary = pd.DataFrame([
        {"output": NET_SAVINGS, "mean": float(net.mean()),
         "p5": float(np.percentile(net, 5)), "p95": float(np.percentile(net, 95)),
         "probability_positive": float(np.mean(net > 0)), "evpi": evpi(net)},
        {"output": SHORTFALL, "mean": float(short.mean()), "p5": float("nan"),
         "p95": float("nan"), "probability_positive": float(short.mean()),
         "evpi": float("nan")},
    ]).set_index("output")
    return MeasureNext(table=table, outputs=summary, scenario=scenario.name,
                       scenario_hash=scenario.hash, draws=int(draws), seed=seed,
                       window=(int(first), int(last)))
