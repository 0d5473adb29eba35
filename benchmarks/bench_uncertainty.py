"""Speed of the uncertainty tools, printed in one run (asserts nothing).

* Monte Carlo of 10^5 and 10^6 draws of the full model with the paired counterfactual:
  sampling, input arrays, engine, summary (percentiles, probabilities, payback) and the total;
* Sobol indices with 10 uncertain parameters at N=1024, end to end (sample, ppf, one engine
  call of N(k+2) = 12,288 draws, SALib analysis of two outputs with bootstrap intervals);
* a tornado over all uncertain parameters (one engine call);
* time per draw against EMA Workbench's SequentialEvaluator running the same engine one
  experiment at a time (``pip install ema_workbench``; skipped when it is missing).

Targets (2 cores): 10^6 draws <= 1 s; Sobol end to end <= 1 s; >= 100x less time per draw than
the EMA evaluator. Run: ``.venv/bin/python benchmarks/bench_uncertainty.py [--ema-runs N]``.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
import warnings
from pathlib import Path

import numpy as np

import samen_model as sm
from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.analysis.outputs import OUTPUT_NAMES, keep_for, output
from samen_model.analysis.sensitivity import sobol, tornado
from samen_model.model.from_scenario import resolve_inputs
from samen_model.model.stream import run
from samen_model.scenario.sampling import sample_values
from samen_model.scenario.values import Distribution

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "uncertainty_2023.yaml"
#: What monte_carlo() keeps (its summary columns and outputs).
KEEP = tuple(sorted({"square_deviation_eur", "net_savings_eur", "cumulative_net_savings_eur",
                     *keep_for([output(o) for o in OUTPUT_NAMES])}))


def timed(fn):
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def bench_monte_carlo(scenario: sm.Scenario, draws: int) -> float:
    """Print the stages of one Monte Carlo run; return seconds per draw end to end."""
    t0 = time.perf_counter()
    values = sample_values(scenario, draws, seed=1)
    t1 = time.perf_counter()
    inputs = resolve_inputs(scenario, draws, values)
    t2 = time.perf_counter()
    run(inputs, KEEP)
    t_sample, t_inputs, t_engine = t1 - t0, t2 - t1, time.perf_counter() - t2
    values = inputs = None  # free the memory before the end-to-end run
    t_total, mc = timed(lambda: monte_carlo(scenario, draws, seed=1))
    t_summary = t_total - (t_sample + t_inputs + t_engine)
    print(f"{draws:>10,} {t_sample:>8.3f} {t_inputs:>8.3f} {t_engine:>8.3f} "
          f"{max(t_summary, 0.0):>8.3f} {t_total:>8.3f} {t_total / draws * 1e6:>8.2f}  "
          f"P(square exceeded) = {mc.probabilities['square_exceeded']:.3f}")
    return t_total / draws


def ten_parameters(scenario: sm.Scenario) -> sm.Scenario:
    """The scenario with two more distributions (centred on their values): 10 uncertain."""
    dur = scenario.value("routing.samen_duration_factor")
    overhead = scenario.value("costs.overhead_share")
    return scenario.with_values({
        "routing.samen_duration_factor": Distribution("triangular", low=0.8 * dur, mode=dur,
                                                      high=1.2 * dur),
        "costs.overhead_share": Distribution("triangular", low=0.5 * overhead, mode=overhead,
                                             high=1.5 * overhead),
    })


def bench_ema(scenario: sm.Scenario, runs: int) -> float | None:
    """Seconds per experiment with EMA Workbench's SequentialEvaluator, or None if missing."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from ema_workbench import (
                Model,
                RealParameter,
                ScalarOutcome,
                SequentialEvaluator,
                ema_logging,
            )
    except ImportError:
        print("EMA Workbench: not installed; `pip install ema_workbench` to compare (skipped)")
        return None
    ema_logging.log_to_stderr(logging.ERROR)
    params = sorted(scenario.uncertain_parameters())
    names = {p: p.replace(".", "__") for p in params}
    outs = [output(o) for o in OUTPUT_NAMES]
    keep = keep_for(outs)

    def model(**kwargs: float) -> dict[str, float]:
        values = {p: np.array([kwargs[names[p]]]) for p in params}
        result = sm.simulate(scenario, draws=1, sample=False, values=values, keep=keep)
        return {o.name: float(o(result)[0]) for o in outs}

    ema_model = Model("samen", function=model)
    ema_model.uncertainties = [RealParameter(names[p], *scenario.value(p).bounds(0.98))
                               for p in params]
    ema_model.outcomes = [ScalarOutcome(o.name) for o in outs]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with SequentialEvaluator(ema_model) as evaluator:
            t, _ = timed(lambda: evaluator.perform_experiments(scenarios=runs))
    return t / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ema-runs", type=int, default=500)
    parser.add_argument("--max-draws", type=int, default=1_000_000)
    args = parser.parse_args()
    scenario = sm.load_scenario(SCENARIO)
    print(f"scenario {scenario.name} #{scenario.hash}: "
          f"{len(scenario.uncertain_parameters())} uncertain parameters; {os.cpu_count()} cores; "
          f"samen_model {sm.__version__}")
    monte_carlo(scenario, 1_000, seed=0)  # warm-up (imports, caches)

    print("\nMonte Carlo, full model with paired counterfactual (seconds; target 10^6 <= 1 s)")
    print(f"{'draws':>10} {'sample':>8} {'inputs':>8} {'engine':>8} {'summary':>8} "
          f"{'total':>8} {'us/draw':>8}")
    per_draw = None
    draws = 100_000
    while draws <= args.max_draws:
        per_draw = bench_monte_carlo(scenario, draws)
        draws *= 10

    s10 = ten_parameters(scenario)
    t_sobol, table = timed(lambda: sobol(s10, ("deviation_2023_2025", "net_savings_2026_2030"),
                                         n=1024, seed=0))
    print(f"\nSobol, {len(s10.uncertain_parameters())} parameters, N=1024 "
          f"({table.attrs['evaluations']:,} runs, 2 outputs, bootstrap CIs): "
          f"{t_sobol:.3f} s end to end (target <= 1 s)")
    t_tornado, table = timed(lambda: tornado(scenario, "net_savings_2026_2030"))
    print(f"Tornado, {len(table)} parameters (one call of {2 * len(table) + 1} draws): "
          f"{t_tornado * 1e3:.1f} ms")

    t_ema = bench_ema(scenario, args.ema_runs)
    if t_ema is not None and per_draw is not None:
        print(f"EMA Workbench SequentialEvaluator: {t_ema * 1e3:.2f} ms per experiment "
              f"({args.ema_runs} experiments); ours {per_draw * 1e6:.2f} us per draw end to end "
              f"-> {t_ema / per_draw:,.0f}x less time per draw (target >= 100x)")


if __name__ == "__main__":
    main()
