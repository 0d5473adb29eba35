"""Peak memory of a streamed run of 10^7 draws, measured in a subprocess (prints; asserts nothing).

``simulate(uncertainty_2023, draws=10**7, keep=(), reduce=...)`` keeps no column and reduces
each block to two numbers per draw (the 2023-2025 square deviation and the 2030 cumulative net
savings), as calibration does. The subprocess reports its peak resident memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``) and time. Target: under 1.5 GB. It then shows the
refusal of a request that would not fit (every column of 10^8 draws), made before anything is
allocated.

Run: ``.venv/bin/python benchmarks/bench_memory.py [--draws 10000000]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

WORKER = r"""
import json, resource, sys, time
import numpy as np
import samen_model as sm
draws = int(sys.argv[1])
s = sm.load_scenario(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
r = sm.simulate(s, draws=draws, seed=1, keep=(), reduce={
    "deviation": lambda b, y: b["square_deviation_eur"][(y >= 2023) & (y <= 2025)].sum(axis=0),
    "cumulative_2030": lambda b, y: b["cumulative_net_savings_eur"][y == 2030][0],
})
seconds = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
print(json.dumps({"seconds": seconds, "peak_gb": peak * 1024 / 1e9,
                  "before_gb": before * 1024 / 1e9,
                  "p_exceeded": float(np.mean(r.reduced["deviation"] > 0)),
                  "reduced_gb": sum(a.nbytes for a in r.reduced.values()) / 1e9}))
"""


def streamed_peak(draws: int, scenario) -> str:
    """The line this benchmark prints for ``draws`` streamed draws of ``scenario`` (measured
    in a fresh process)."""
    out = subprocess.run([sys.executable, "-c", WORKER, str(draws), str(scenario)],
                         check=True, capture_output=True, text=True)
    m = json.loads(out.stdout.strip().splitlines()[-1])
    return (f"{draws:,} draws streamed (keep=(), two reducers): {m['seconds']:.1f} s, "
            f"peak RSS {m['peak_gb']:.2f} GB (after imports {m['before_gb']:.2f} GB; the reduced "
            f"results {m['reduced_gb']:.2f} GB); target < 1.5 GB; P(square exceeded 2023-2025) "
            f"= {m['p_exceeded']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draws", type=int, default=10_000_000)
    args = parser.parse_args()
    from pathlib import Path

    scenario = Path(__file__).resolve().parents[1] / "scenarios" / "uncertainty_2023.yaml"
    print(streamed_peak(args.draws, scenario))

    import samen_model as sm

    s = sm.load_scenario(scenario)
    try:
        sm.simulate(s, draws=100_000_000, seed=1)
    except sm.SamenInputError as exc:
        print(f"every column of 10^8 draws is refused before anything is allocated:\n  {exc}")


if __name__ == "__main__":
    main()
