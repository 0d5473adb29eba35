"""The engine against a plain-numpy floor, measured in the same run (prints; asserts nothing).

The floor is the engine's shape of work with no model logic: blocks of 8,192 draws, 12 years,
two runs (SAMEN. and its counterfactual), 60 elementwise float64 operations a year on each
block. It is measured four ways: in place (no temporaries) and as ordinary numpy expressions,
each on one thread (a plain numpy program) and spread over two threads like the engine's
streaming. The engine is ``simulate(uncertainty_2023, draws=N, seed=1, keep=...)`` (the columns
a Monte Carlo summary keeps; sampling included). Each measurement runs in a fresh process (one
warm-up run of the same size, then the timed run), the five kinds alternating, ``--repeat``
times: a floor run in the engine's process measurably slowed the engine after it. The
engine's median is divided by the *fastest* floor's median (the strictest reading). Target:
the engine within 1.5x the floor at 10^6 draws.

On these 2-core machines the one-thread floor is the fastest: its 1,440 numpy calls per block
are bound by Python's per-call cost, which two threads share under the GIL.

Then the peak memory of 10^7 streamed draws (``benchmarks/bench_memory.py``; target 1.5 GB).

Run: ``.venv/bin/python benchmarks/bench_floor.py [--draws 1000000] [--repeat 3]
[--memory-draws 10000000]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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


def floor(draws: int, block=_floor_block, threads: int = 2) -> float:
    """Seconds for the floor over ``draws`` draws on ``threads`` threads."""
    blocks = -(-draws // BLOCK)
    t = time.perf_counter()
    if threads == 1:
        for b in range(blocks):
            block(b)
    else:
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(block, range(blocks)))
    return time.perf_counter() - t


#: The floor's variants: (label, block function, threads).
FLOORS = (("in place, 1 thread", _floor_block, 1),
          ("in place, 2 threads", _floor_block, 2),
          ("expressions, 1 thread", _floor_block_allocating, 1),
          ("expressions, 2 threads", _floor_block_allocating, 2))


def engine(scenario: sm.Scenario, draws: int) -> float:
    """Seconds for the engine over ``draws`` sampled draws."""
    t = time.perf_counter()
    sm.simulate(scenario, draws=draws, seed=1, keep=KEEP)
    return time.perf_counter() - t


def measure(kind: str, draws: int, scenario_file: str) -> float:
    """One timed run of ``kind`` ("engine" or a floor's label) after one warm-up run of the
    same size, in this process."""
    if kind == "engine":
        scenario = sm.load_scenario(scenario_file)
        engine(scenario, draws)  # warm-up: kernel from numba's cache, the heap grown
        return engine(scenario, draws)
    _, block, threads = next(f for f in FLOORS if f[0] == kind)
    floor(draws, block, threads)
    return floor(draws, block, threads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scenario", default=str(ROOT / "scenarios" / "uncertainty_2023.yaml"))
    parser.add_argument("--memory-draws", type=int, default=10_000_000,
                        help="then the peak memory of this many streamed draws (0: skip)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(measure(args.worker, args.draws, args.scenario))
        return
    kinds = ("engine", *(label for label, *_ in FLOORS))
    times: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(args.repeat):  # each measurement in a fresh process, the kinds alternating
        for kind in kinds:
            out = subprocess.run([sys.executable, __file__, "--worker", kind,
                                  "--draws", str(args.draws), "--scenario", args.scenario],
                                 capture_output=True, text=True, check=True)
            times[kind].append(float(out.stdout.split()[-1]))
    median = {k: statistics.median(v) for k, v in times.items()}
    fastest = min(kinds[1:], key=median.__getitem__)
    e = median["engine"]
    print(f"{args.draws:,} draws of {Path(args.scenario).stem}: engine {e:.2f} s; "
          f"plain-numpy floor (blocks of {BLOCK:,}, {YEARS} years, {RUNS} runs, {OPS} "
          f"operations a year), "
          f"fastest {fastest} {median[fastest]:.2f} s: ratio {e / median[fastest]:.2f} "
          f"(target <= 1.5)")
    for k, v in times.items():
        ratio = "" if k == "engine" else f"  engine / this floor {e / median[k]:.2f}"
        print(f"  {k}: median {median[k]:.2f} s ({', '.join(f'{x:.2f}' for x in v)}){ratio}")
    if args.memory_draws:  # the second figure, from bench_memory in the same run
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_memory import streamed_peak

        print(streamed_peak(args.memory_draws, args.scenario))


if __name__ == "__main__":
    main()
