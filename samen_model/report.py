"""``samen report``: run the default scenarios into ``reports/<run-id>/``, then point ``latest``.

The run folder is written to a temporary place and renamed when complete; ``reports/latest`` is
switched (an atomic symlink swap) only after that, so a failed run leaves the previous report
untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from samen_model.compare import assumptions_register, compare
from samen_model.errors import SamenInputError
from samen_model.manifest import manifest
from samen_model.outputs import staged_dir, write_csv, write_json
from samen_model.scenarios import load_scenario
from samen_model.simulate import simulate


def scenario_files(scenario_dir: Path, names: list[str] | None = None) -> list[Path]:
    """The scenario files to report: the named ones, or every ``*.yaml`` in the folder."""
    if names:
        files = [scenario_dir / f"{n}.yaml" for n in names]
        for f in files:
            if not f.is_file():
                raise SamenInputError(f, "<file>", "an existing scenario file in "
                                      f"{scenario_dir} (check --scenarios)")
        return files
    files = sorted(scenario_dir.glob("*.yaml"))
    if not files:
        raise SamenInputError(scenario_dir, "<folder>", "a folder with scenario *.yaml files")
    return files


def new_run_id() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def point_latest(out_root: Path, run_dir: Path) -> None:
    """Make ``out_root/latest`` a symlink to ``run_dir`` (swapped atomically)."""
    link = out_root / "latest"
    tmp = out_root / f".latest.tmp-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(run_dir.name, target_is_directory=True)
    if link.exists() and not link.is_symlink():
        import shutil

        shutil.rmtree(link)
    os.replace(tmp, link)


def build_report(scenario_dir: Path, out_root: Path, names: list[str] | None = None,
                 seed: int = 0) -> Path:
    """Run the scenarios, write tables and a comparison, then switch ``latest``."""
    started = time.perf_counter()
    files = scenario_files(scenario_dir, names)
    scenarios = [load_scenario(f) for f in files]  # all validated before anything is written
    results = [simulate(s, seed=seed) for s in scenarios]
    run_dir = out_root / new_run_id()
    info = manifest(results, command="report")
    with staged_dir(run_dir) as tmp:
        for r in results:
            folder = tmp / r.scenario.name
            folder.mkdir()
            write_csv(r.yearly, folder / "yearly.csv", info)
            write_csv(r.providers(), folder / "providers.csv", info)
            write_csv(assumptions_register(r.scenario), folder / "assumptions.csv", info)
        write_csv(compare(results).reset_index(), tmp / "comparison.csv", info)
        info["wall_time_s"] = round(time.perf_counter() - started, 3)
        write_json(info, tmp / "manifest.json")
    point_latest(out_root, run_dir)
    return run_dir
