"""Speed of this engine against commit e48fb49 (before the streaming engine), in one run.

The old package (and its scenarios) are extracted with ``git archive e48fb49`` into a
temporary folder; each measurement runs in a fresh subprocess that imports one of the two
packages, warms up, and times ``simulate(uncertainty_2023, draws=N, seed=1, keep=...)`` (the
columns a Monte Carlo summary keeps; sampling included) and, with ``--monte-carlo``, the whole
``monte_carlo`` summary. ``simulate_same`` fixes the three hiring parameters this change made
uncertain, so both sample the same eight parameters. Old and new alternate, so a busy machine
slows both alike; the ratio of the medians is printed, with wall-clock and CPU time (CPU time
is less sensitive to other processes on a shared machine). Target: new at least 2.5x faster
at 10^6 draws. This prints; it asserts nothing.

Run: ``.venv/bin/python benchmarks/bench_speedup.py [--draws 1000000] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_COMMIT = "e48fb49"
KEEP = ("square_deviation_eur", "net_savings_eur", "cumulative_net_savings_eur")

WORKER = r"""
import json, sys, time
root, draws, what = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sys.path.insert(0, root)
import samen_model as sm
assert sm.__file__.startswith(root), sm.__file__
from samen_model.analysis.monte_carlo import monte_carlo
s = sm.load_scenario(root + "/scenarios/uncertainty_2023.yaml")
if what.endswith("_same"):  # the hiring parameters fixed: the old eight uncertain parameters
    hiring = [p for p in ("capacity.max_fte_growth_per_year", "capacity.vacancy_rate",
                          "capacity.realised_caseload_ratio") if p in s.uncertain_parameters()]
    s = s.with_values({p: s.value(p).central for p in hiring})
    what = what[:-5]
keep = tuple(sys.argv[4].split(","))
def job(n):
    if what == "simulate":
        sm.simulate(s, draws=n, seed=1, keep=keep)
    else:
        monte_carlo(s, draws=n, seed=1)
job(20_000)  # warm-up: imports, caches, the allocator
wall, cpu = time.perf_counter(), time.process_time()
job(draws)
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "uncertain": len(s.uncertain_parameters())}))
"""


def extract_base(target: Path) -> Path:
    """The package and scenarios of :data:`BASE_COMMIT` in ``target`` (git archive | tar)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASE_COMMIT, "samen_model",
                              "scenarios"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def measure(root: Path, draws: int, what: str) -> dict:
    out = subprocess.run([sys.executable, "-c", WORKER, str(root), str(draws), what,
                          ",".join(KEEP)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draws", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--monte-carlo", action="store_true",
                        help="also time monte_carlo() end to end (summary included)")
    args = parser.parse_args()
    jobs = ["simulate", "simulate_same"] + (["monte_carlo"] if args.monte_carlo else [])
    with tempfile.TemporaryDirectory() as tmp:
        old = extract_base(Path(tmp))
        print(f"uncertainty_2023, {args.draws:,} draws, {args.repeat} alternating runs each; "
              f"old = {BASE_COMMIT}, new = working tree")
        for what in jobs:
            times: dict[str, list[dict]] = {"old": [], "new": []}
            for _ in range(args.repeat):
                times["old"].append(measure(old, args.draws, what))
                times["new"].append(measure(ROOT, args.draws, what))
            med = {k: {m: statistics.median(t[m] for t in v) for m in ("wall", "cpu")}
                   for k, v in times.items()}
            print(f"\n{what}: median seconds (old {times['old'][0]['uncertain']} / new "
                  f"{times['new'][0]['uncertain']} uncertain parameters)")
            for k in ("old", "new"):
                print(f"  {k}: wall {med[k]['wall']:6.2f}  cpu {med[k]['cpu']:6.2f}   all wall: "
                      + " ".join(f"{t['wall']:.2f}" for t in times[k]))
            print(f"  new is {med['old']['wall'] / med['new']['wall']:.2f}x faster (wall), "
                  f"{med['old']['cpu'] / med['new']['cpu']:.2f}x (CPU time)")


if __name__ == "__main__":
    main()
