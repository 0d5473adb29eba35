"""Print the engine's speed: 10^3 .. 10^6 Monte Carlo draws with the paired counterfactual,
and the ratio against the per-draw pure-Python reference.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_engine.py [--max-draws N]``.
Targets (2 cores): 10^5 draws <= 100 ms, 10^6 draws <= 1 s. Engine times are the best of 3 runs
(steady state). This prints; it asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import samen_model as sm
from samen_model.model.from_scenario import resolve_inputs
from samen_model.model.stream import run
from samen_model.scenario.sampling import sample_values

# the pure-Python reference is a test oracle: it lives in tests/engine_reference
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from engine_reference import reference_run  # noqa: E402

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "uncertainty_2023.yaml"
#: What a Monte Carlo summary keeps (every step is still computed for every draw).
KEEP = ("square_deviation_eur", "net_savings_eur", "cumulative_net_savings_eur",
        "samen_clients_served", "fte_samen", "execution_budget_eur")


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-draws", type=int, default=1_000_000)
    args = parser.parse_args()
    scenario = sm.load_scenario(SCENARIO)
    print(f"scenario {scenario.name} #{scenario.hash}: "
          f"{len(scenario.uncertain_parameters())} uncertain parameters; "
          f"{os.cpu_count()} cores; samen_model {sm.__version__}")

    # per-draw reference: seconds per draw
    n_ref = 200
    ref_inputs = resolve_inputs(scenario, n_ref, sample_values(scenario, n_ref, 0))
    t_ref = best_of(lambda: [reference_run(ref_inputs, d) for d in range(n_ref)], 1) / n_ref
    print(f"reference (pure Python, one draw at a time): {t_ref * 1e3:.2f} ms per draw")

    print(f"{'draws':>10} {'sample s':>9} {'engine s':>9} {'all cols s':>10} "
          f"{'us/draw':>8} {'x faster':>9}")
    draws = 1_000
    while draws <= args.max_draws:
        t0 = time.perf_counter()
        values = sample_values(scenario, draws, seed=1)
        inputs = resolve_inputs(scenario, draws, values)
        t_sample = time.perf_counter() - t0
        t_engine = best_of(lambda inputs=inputs: run(inputs, KEEP), 3)
        t_all = best_of(lambda inputs=inputs: run(inputs), 1) if draws <= 100_000 else float("nan")
        per_draw = t_engine / draws
        print(f"{draws:>10,} {t_sample:>9.3f} {t_engine:>9.3f} {t_all:>10.3f} "
              f"{per_draw * 1e6:>8.2f} {t_ref / per_draw:>9.0f}")
        draws *= 10


if __name__ == "__main__":
    main()
