"""The engine against a plain-numpy floor, measured in the same run (prints; asserts nothing).

The floor is the engine's shape of work with no model logic: blocks of 8,192 draws, 12 years,
two runs (SAMEN. and its counterfactual), 60 elementwise float64 operations a year on each
block, spread over two threads like the engine's streaming (numpy releases the GIL). The
engine is ``simulate(uncertainty_2023, draws=N, seed=1, keep=...)`` (the columns a Monte Carlo
summary keeps; sampling included). Both are timed ``--repeat`` times, alternating, after one
warm-up each; the ratio of the medians is printed. Target: the engine within 1.5x the floor at
10^6 draws.

Run: ``.venv/bin/python benchmarks/bench_floor.py [--draws 1000000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

import samen_model as sm

ROOT = Path(__file__).resolve().parents[1]
KEEP = ("square_deviation_eur", "net_savings_eur", "cumulative_net_savings_eur")
BLOCK, YEARS, RUNS, OPS = 8_192, 12, 2, 60


def _floor_block(seed: int) -> float:
    """One block: RUNS x YEARS x OPS elementwise operations on BLOCK draws, in place (no
    temporaries: the strictest floor)."""
    rng = np.random.default_rng(seed)
    x, y = rng.random(BLOCK), rng.random(BLOCK)
    out = np.empty(BLOCK)
    for _ in range(RUNS):
        for _ in range(YEARS):
            for k in range(OPS // 2):
                np.multiply(x, y, out=out)
                np.add(out, 1e-3 * k, out=x)
    return float(x[0])


def _floor_block_allocating(seed: int) -> float:
    """The same operations written as ordinary numpy expressions (each makes a new array, as
    numpy code usually does)."""
    rng = np.random.default_rng(seed)
    x, y = rng.random(BLOCK), rng.random(BLOCK)
    for _ in range(RUNS):
        for _ in range(YEARS):
            for k in range(OPS // 2):
                x = x * y + 1e-3 * k
    return float(x[0])


def floor(draws: int, block=_floor_block) -> float:
    """Seconds for the floor over ``draws`` draws on two threads."""
    blocks = -(-draws // BLOCK)
    t = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(block, range(blocks)))
    return time.perf_counter() - t


def engine(scenario: sm.Scenario, draws: int) -> float:
    """Seconds for the engine over ``draws`` sampled draws."""
    t = time.perf_counter()
    sm.simulate(scenario, draws=draws, seed=1, keep=KEEP)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    scenario = sm.load_scenario(ROOT / "scenarios" / "uncertainty_2023.yaml")
    engine(scenario, 20_000), floor(20_000)  # warm-up (kernel from cache, thread pool)
    times: dict[str, list[float]] = {"engine": [], "floor": [], "allocating": []}
    for _ in range(args.repeat):
        times["engine"].append(engine(scenario, args.draws))
        times["floor"].append(floor(args.draws))
        times["allocating"].append(floor(args.draws, _floor_block_allocating))
    e, f, a = (statistics.median(times[k]) for k in ("engine", "floor", "allocating"))
    print(f"{args.draws:,} draws of uncertainty_2023: engine {e:.2f} s; plain-numpy floor "
          f"(blocks of {BLOCK:,}, {YEARS} years, {RUNS} runs, {OPS} operations a year) in place "
          f"{f:.2f} s, ratio {e / f:.2f}; as ordinary expressions {a:.2f} s, ratio {e / a:.2f} "
          f"(target <= 1.5)")
    for k, v in times.items():
        print(f"  {k}: {', '.join(f'{x:.2f}' for x in v)} s")


if __name__ == "__main__":
    main()
