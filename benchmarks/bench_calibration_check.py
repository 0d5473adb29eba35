"""Coverage of the deployed calibration under misspecification, printed (asserts nothing).

Truths are drawn from a wider structure than the prior (``analysis/calibration/check.py``:
product and referrer shares and other youth care's real growth varied besides the prior's
parameters), the figures are written in the format of the documents (a November count,
"ruim X", amounts rounded, a forecast in whole millions, a shared error of the 2021 cost base),
each replicate is calibrated on the same prior draws with the observation file's likelihood,
tempered by each ``--temper`` value, and the coverage of the 90% intervals is printed per
parameter and per forecast (2024-2026 young people helped, FTE, SAMEN. cost, execution budget,
square deviation; net savings 2026-2030), with the median ESS and the largest k-hat.

Run: ``.venv/bin/python benchmarks/bench_calibration_check.py [--draws 100000]
[--replicates 200] [--temper 1 2 3] [--seed 1]``. A binomial sd of a coverage of 0.90 is
sqrt(0.09 / replicates): 0.021 for 200 replicates.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

import samen_model as sm
from samen_model.analysis.calibration.check import calibration_check

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=100_000)
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--temper", type=float, nargs="+", default=[1.0, 2.0, 3.0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    prior = sm.load_scenario(ROOT / "scenarios" / "uncertainty_2023.yaml")
    start = time.perf_counter()
    results = calibration_check(prior, ROOT / "observations" / "groningen.yaml",
                                replicates=args.replicates, draws=args.draws, seed=args.seed,
                                temper=tuple(args.temper))
    seconds = time.perf_counter() - start
    print(f"{prior.name} (#{prior.hash}): {args.draws:,} prior draws, {args.replicates} wider "
          f"truths, seed {args.seed}; {seconds:.0f} s")
    pd.set_option("display.width", 160)
    table = pd.DataFrame({f"T={t:g}": r.forecasts for t, r in results.items()})
    print("\ncoverage of the 90% intervals of the forecasts")
    print(table.round(3).to_string())
    print("mean", {f"T={t:g}": round(r.forecast_mean, 3) for t, r in results.items()})
    params = pd.DataFrame({f"T={t:g}": r.parameters for t, r in results.items()})
    print("\ncoverage of the 90% intervals of the parameters")
    print(params.round(3).to_string())
    print("mean", {f"T={t:g}": round(float(r.parameters.mean()), 3)
                   for t, r in results.items()})
    print("\nweights", {f"T={t:g}": {"ess_median": round(r.ess_median),
                                     "khat_max": round(r.khat_max, 2)}
                        for t, r in results.items()})


if __name__ == "__main__":
    main()
