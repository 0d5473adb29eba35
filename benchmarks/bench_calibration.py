"""Speed and memory of the calibration, printed in one run (asserts nothing).

* the ratio calibration(10^6 prior draws) / plain Monte Carlo(10^6 draws) of uncertainty_2023,
  both measured here, alternating, ``--repeat`` times: the medians and their ratio, and the
  fastest of each (target: ratio at most 1.5; the machine is shared, so quote the medians and
  the load printed first). Plain Monte
  Carlo is ``monte_carlo()`` (sampling, engine, its summary), as ``samen uncertainty`` runs it;
  calibration is ``calibrate()`` (sampling, engine, likelihood, PSIS, resampling). The
  diagnostics (parameter table, predictive check, leave-one-out) are timed apart;
* time and peak memory (max RSS of a child process) of a calibration with 10^7 prior draws,
  then of the parameter table on it in the same process (the prior values are sampled again
  there, one parameter at a time: ``Calibration.values``), as ``samen calibrate`` needs it.
  Without the engine's streaming over blocks (``simulate(..., reduce=)``) the observed columns
  of 10^7 draws do not fit in 2 GB; the benchmark then prints "needs streaming" with the
  estimated size instead of running it (``--force`` runs it anyway).

Run: ``.venv/bin/python benchmarks/bench_calibration.py [--repeat 3] [--force]``.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import samen_model as sm
from samen_model.analysis.calibration import diagnostics as diag
from samen_model.analysis.calibration.fit import calibrate
from samen_model.analysis.calibration.likelihood import observed_columns
from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.scenario.observations import load_observations

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "scenarios" / "uncertainty_2023.yaml"
OBSERVATIONS = ROOT / "observations" / "groningen.yaml"
LIMIT = 2 << 30  # 2 GiB


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def child(draws: int) -> None:
    """Run one calibration and print its time and peak memory as JSON (for the parent)."""
    scenario = sm.load_scenario(SCENARIO)
    start = time.perf_counter()
    cal = calibrate(scenario, OBSERVATIONS, draws=draws, seed=1)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    start = time.perf_counter()
    diag.parameter_table(cal)
    table = time.perf_counter() - start
    table_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "peak_bytes": peak, "ess": cal.ess,
                      "pareto_k": cal.pareto_k, "table_seconds": table,
                      "table_peak_bytes": table_peak}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--force", action="store_true", help="run 10^7 without streaming")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores (before the runs)")
    scenario = sm.load_scenario(SCENARIO)
    n = 1_000_000
    calibrate(scenario, OBSERVATIONS, draws=10_000, seed=1, min_ess=10)  # imports, warm-up
    mc_times, cal_times = [], []
    for _ in range(args.repeat):  # alternate, so both see the same load on a shared machine
        mc_times.append(best(lambda: monte_carlo(scenario, draws=n, seed=1), 1))
        cal_times.append(best(lambda: calibrate(scenario, OBSERVATIONS, draws=n, seed=1), 1))
    mc, cal_t = statistics.median(mc_times), statistics.median(cal_times)
    print(f"plain Monte Carlo, 10^6 draws (monte_carlo): median {mc:6.2f} s, fastest "
          f"{min(mc_times):6.2f} s")
    print(f"calibration, 10^6 prior draws (calibrate):  median {cal_t:6.2f} s, fastest "
          f"{min(cal_times):6.2f} s")
    print(f"ratio calibration / Monte Carlo: {cal_t / mc:.2f} of the medians, "
          f"{min(cal_times) / min(mc_times):.2f} of the fastest (target <= 1.5)")
    cal = calibrate(scenario, OBSERVATIONS, draws=n, seed=1)
    for name, fn in (("parameter table", lambda: diag.parameter_table(cal)),
                     ("predictive check", lambda: diag.predictive_check(cal)),
                     ("leave-one-out (5 figures)", lambda: diag.leave_one_out(cal))):
        print(f"  diagnostics: {name:26s} {best(fn, 1):6.2f} s")

    big = 10_000_000
    streaming = "reduce" in inspect.signature(sm.simulate).parameters
    obs = load_observations(OBSERVATIONS)
    kept = len(observed_columns(obs.items)) * 12 * big * 8  # (year, draw) float64 per column
    if not streaming and not args.force:
        print(f"10^7 prior draws: needs streaming (simulate(..., reduce=) is not there yet): the "
              f"{len(observed_columns(obs.items))} observed columns alone would hold "
              f"{kept / 2**30:.1f} GiB (limit 2 GiB)")
        return
    out = subprocess.run([sys.executable, __file__, "--child", str(big)], capture_output=True,
                         text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"10^7 prior draws: {r['seconds']:.1f} s, peak memory {r['peak_bytes'] / 2**30:.2f} "
          f"GiB ({'under' if r['peak_bytes'] < LIMIT else 'OVER'} 2 GiB), ESS "
          f"{r['ess']:,.0f}, k-hat {r['pareto_k']:.2f}")
    print(f"  then its parameter table: {r['table_seconds']:.1f} s, peak memory "
          f"{r['table_peak_bytes'] / 2**30:.2f} GiB")


if __name__ == "__main__":
    main()
