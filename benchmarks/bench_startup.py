"""Print how long the `samen` command and the explorer take to start (fresh processes).

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_startup.py [--repeat N]``.
Targets (2 cores, kernel compiled by ``make install``): ``samen --version`` and ``samen --help``
under 0.3 s, ``samen run realised_2023`` under 1 s. Each command runs ``--repeat`` times in a
new process; the median and the best wall time are printed, then the slowest imports of
``samen run`` (``python -X importtime``) and the explorer's first figures in a fresh process
(imports, base run, first what-if and chart; the browser test prints the page-load time).
This prints; it asserts nothing. The machine's load average is printed with it: on a busy
machine every number grows.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMEN = Path(sys.executable).with_name("samen")
COMMANDS = (["--version"], ["--help"], ["validate", "realised_2023"], ["run", "realised_2023"],
            ["compare", "plan_2022", "realised_2023", "high_leakage"])
EXPLORER = """
import time
t0 = time.perf_counter()
from samen_model.products.explorer import Explorer
t1 = time.perf_counter()
app = Explorer("realised_2023")
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""
#: `samen run realised_2023` in phases, in one fresh process (seconds each); the last phase is
#: what a Monte Carlo run adds on top (importing numba, loading the compiled kernel).
PHASES = """
import contextlib, io, time
marks = [time.perf_counter()]
import numpy; marks.append(time.perf_counter())
import pandas; marks.append(time.perf_counter())
import samen_model.scenario.scenario as ss; marks.append(time.perf_counter())
scenario = ss.load_scenario("scenarios/realised_2023.yaml"); marks.append(time.perf_counter())
from samen_model.model.simulate import simulate; marks.append(time.perf_counter())
simulate(scenario); marks.append(time.perf_counter())
simulate(scenario); marks.append(time.perf_counter())
from samen_model.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["run", "realised_2023"])
marks.append(time.perf_counter())
from samen_model.model.kernel import flows_kernel
flows_kernel(); marks.append(time.perf_counter())
print(" ".join(f"{b - a:.4f}" for a, b in zip(marks, marks[1:])))
"""
PHASE_NAMES = ("numpy", "pandas (and pyarrow, which pandas imports)",
               "the scenario layer (yaml, pydantic, the parameter registry)",
               "reading and checking realised_2023 (YAML files, data tables)",
               "the model's modules (no numba)", "first run (the kernel interpreted, 1 draw)",
               "second run (the model itself)",
               "the CLI's imports and work (key figures, table, print)")
#: Not part of `samen run`: what the first Monte Carlo block of a process adds.
MONTE_CARLO_PHASE = "importing numba and loading the compiled kernel (Monte Carlo only)"


def phases(repeat: int) -> list[float]:
    """Median seconds of each of :data:`PHASE_NAMES` and :data:`MONTE_CARLO_PHASE` over
    ``repeat`` fresh processes."""
    runs = [[float(x) for x in subprocess.run(
        [sys.executable, "-c", PHASES], cwd=ROOT, capture_output=True, text=True,
        check=True).stdout.split()] for _ in range(repeat)]
    return [statistics.median(r[i] for r in runs) for i in range(len(PHASE_NAMES) + 1)]


def wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - started


def slowest_imports(cmd: list[str], top: int = 8) -> list[tuple[float, str]]:
    """The modules with the largest cumulative import time (s) of one run of ``cmd``."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "samen_model.cli", *cmd],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            name = parts[2].strip()
            if name.startswith("samen_model") or "." not in name:
                rows.append((int(parts[1]) / 1e6, name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
          f"{args.repeat} runs each, fresh process per run")
    wall([str(SAMEN), "run", "realised_2023"])  # warm the file cache and numba's cache
    print(f"{'command':48s} {'median':>8s} {'best':>8s}")
    for cmd in COMMANDS:
        times = [wall([str(SAMEN), *cmd]) for _ in range(args.repeat)]
        print(f"{'samen ' + ' '.join(cmd):48s} {statistics.median(times):7.2f}s "
              f"{min(times):7.2f}s")
    times = phases(args.repeat)
    print(f"\n`samen run realised_2023` in phases (median of {args.repeat} fresh processes):")
    for name, seconds in zip(PHASE_NAMES, times, strict=False):
        print(f"  {name:66s} {seconds:6.3f}s")
    print(f"  {'in all':66s} {sum(times[:len(PHASE_NAMES)]):6.3f}s")
    print(f"  {MONTE_CARLO_PHASE:66s} {times[-1]:6.3f}s")
    print("\nslowest imports of `samen run realised_2023` (cumulative, s):")
    for seconds, name in slowest_imports(["run", "realised_2023"]):
        print(f"  {seconds:6.2f}  {name}")
    runs = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", EXPLORER], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
        runs.append((time.perf_counter() - started, float(out[0]), float(out[1])))
    total, imports, first = (statistics.median(r[i] for r in runs) for i in range(3))
    print(f"\nexplorer, fresh process (median of {args.repeat}): {total:.2f} s in all, of which "
          f"imports {imports:.2f} s, base run + first what-if + chart {first:.2f} s")


if __name__ == "__main__":
    main()
