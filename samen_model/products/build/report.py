"""``samen report``: tables, notebooks, HTML, Excel into ``reports/<run-id>/``, then ``latest``.

Steps: load and validate every scenario and check the notebook list; simulate the scenarios and
write their CSVs (``yearly``, ``providers``, ``assumptions``) and ``comparison.csv``; execute the
notebooks through the papermill API (one kernel each, ``jobs`` at a time); convert them to HTML
(the briefing without input cells) with a visible provenance footer; render the briefing the
briefing notebook carries as ``briefing.pdf`` and ``briefing.docx``; write ``index.html``,
``summary.xlsx`` and ``manifest.json`` (with the wall times).

Everything is written to a temporary folder that is renamed when complete; ``reports/latest`` is
switched (an atomic symlink swap, under a lock on ``reports/``) only after that and only if no
newer run finished first, so a failed run leaves the previous report untouched and two reports
at once never collide. Temporary folders of runs whose process is gone are removed first. A
failing notebook raises :class:`ReportError` naming the notebook, cell and error.

The configuration is ``reports.yaml`` at the top of the repository (see ``docs/notebooks.md``);
command-line flags override it.
"""


from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.errors import OutputError, SamenInputError
from samen_model.model.finite import check_finite
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.present.manifest import manifest
from samen_model.present.parameters import assumptions_register
from samen_model.products.atomic import (
    MANIFEST,
    clean_stale,
    staged_dir,
    write_csv,
    write_manifest,
)
from samen_model.products.briefing.run import write_briefing_files
from samen_model.products.build.config import ROOT, NotebookJob, ReportConfig, plan_jobs
from samen_model.products.build.execute import run_notebooks
from samen_model.products.build.html import index_html, notebook_html
from samen_model.products.workbook.sheets import WORKBOOK_DRAWS, write_workbook
from samen_model.scenario.library import INPUT_ROOT_ENV
from samen_model.scenario.scenario import load_scenario


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
    """A run id from the UTC time (microseconds, so two runs in one second differ)."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (``flock`` on the folder itself; no lock file).

    Two reports finishing at the same time switch ``latest`` one after the other.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _check_latest(link: Path) -> None:
    """Refuse a ``latest`` that is not a symlink: only samen's own link is ever replaced."""
    if link.exists() and not link.is_symlink():
        raise OutputError(link, "latest", "a symbolic link samen manages (a file or folder "
                          "named latest is in the way; move it)")


def point_latest(out_root: Path, run_dir: Path) -> bool:
    """Make ``out_root/latest`` a symlink to ``run_dir`` (swapped atomically) unless it already
    points at a newer completed run (a later run id that finished first); return whether it
    switched. Only a symlink named ``latest`` is ever replaced.
    """
    link = out_root / "latest"
    with locked(out_root):
        _check_latest(link)
        if link.is_symlink():
            current = os.readlink(link)
            if current > run_dir.name and (out_root / current / MANIFEST).is_file():
                return False
        tmp = out_root / f".latest.tmp-{os.getpid()}-link"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        tmp.symlink_to(run_dir.name, target_is_directory=True)
        os.replace(tmp, link)
    return True


def prepare_out_root(out_root: Path) -> Path:
    """The folder the runs go into: created if missing; not ``/``; ``latest`` only a symlink.

    Temporary folders of reports whose process no longer runs are removed here.
    """
    out_root = Path(out_root)
    if not str(out_root).strip() or Path(os.path.abspath(out_root)).parent == \
            Path(os.path.abspath(out_root)):
        raise OutputError(out_root, "--out", "a folder for the reports (not empty, not /)")
    try:
        out_root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out_root, "--out", f"a folder that can be created ({exc.strerror})"
                          ) from None
    _check_latest(out_root / "latest")
    clean_stale(out_root)
    return out_root


@contextmanager
def _input_root_for_kernels(input_root: Path | None) -> Iterator[None]:
    """Set ``SAMEN_INPUT_ROOT`` (read by ``load_named``) while the notebook kernels start."""
    if input_root is None:
        yield
        return
    before = os.environ.get(INPUT_ROOT_ENV)
    os.environ[INPUT_ROOT_ENV] = str(Path(input_root).resolve())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(INPUT_ROOT_ENV, None)
        else:
            os.environ[INPUT_ROOT_ENV] = before


def build_report(scenario_dir: Path, out_root: Path, names: list[str] | None = None,
                 seed: int | None = None, config: ReportConfig | None = None,
                 notebook_dir: Path | None = None, notebooks: list[Any] | None = None,
                 jobs: int | None = None, progress: bool = True,
                 log: Callable[[str], None] | None = None,
                 input_root: Path | None = None) -> Path:
    """Run the report; return the run folder (``latest`` points at it).

    ``names``, ``seed``, ``notebooks`` (a list of notebook entries; ``[]`` for tables only)
    and ``jobs`` override ``config``. ``input_root``: where files the scenarios name
    (``extends``, ``data_file``) may lie, as ``load_scenario`` takes it; the notebooks get it
    through the environment variable ``SAMEN_INPUT_ROOT``.
    """
    from tqdm import tqdm

    started = time.perf_counter()
    config = config or ReportConfig()
    overrides: dict[str, Any] = {}
    if names:
        overrides["scenarios"] = list(names)
    if seed is not None:
        overrides["seed"] = seed
    if notebooks is not None:
        overrides.update(notebooks=list(notebooks), extra_notebooks=[])
    if jobs is not None:
        overrides["jobs"] = jobs
    config = replace(config, **overrides)
    fmt.check_language(config.language)
    scenario_dir = Path(scenario_dir)
    notebook_dir = Path(notebook_dir) if notebook_dir is not None else ROOT / "notebooks"

    out_root = prepare_out_root(out_root)
    files = scenario_files(scenario_dir, config.scenarios)
    # all validated before anything is written
    scenarios = [load_scenario(f, input_root=input_root) for f in files]
    names_run = [s.name for s in scenarios]
    plan = plan_jobs(config, notebook_dir, scenario_dir, names_run)

    bar = tqdm(total=len(plan) + 2, desc="samen report", unit="step", disable=not progress)
    say = log or (lambda text: tqdm.write(text) if progress else None)
    results = [simulate(s, seed=config.seed) for s in scenarios]
    for r in results:
        check_finite(r)  # before anything is written
    run_id = new_run_id()
    run_dir = out_root / run_id
    info = manifest(results, command="report", run_id=run_id, jobs=config.jobs,
                    notebooks=[{"notebook": j.notebook, "output": j.output,
                                "parameters": {k: v for k, v in j.parameters.items()
                                               if k != "scenario_dir"}} for j in plan])
    timings: dict[str, Any] = {"simulate": round(time.perf_counter() - started, 3)}
    bar.update(1)
    try:
        with staged_dir(run_dir) as tmp:
            for r in results:
                folder = tmp / r.scenario.name
                folder.mkdir()
                write_csv(r.yearly, folder / "yearly.csv", info)
                write_csv(r.providers(), folder / "providers.csv", info)
                write_csv(assumptions_register(r.scenario), folder / "assumptions.csv", info)
            write_csv(kf.table(results).reset_index(), tmp / "comparison.csv", info)

            t0 = time.perf_counter()
            (tmp / "notebooks").mkdir()

            def done(job: NotebookJob, seconds: float) -> None:
                bar.update(1)
                say(f"  {job.output}: {seconds:.1f} s")

            with _input_root_for_kernels(input_root):
                nb_times = run_notebooks(plan, notebook_dir, tmp / "notebooks",
                                         workers=config.jobs, on_done=done)
            timings["notebooks_wall"] = round(time.perf_counter() - t0, 3)
            timings["notebooks"] = {k: round(v, 3) for k, v in nb_times.items()}

            t0 = time.perf_counter()
            for job in plan:
                page = notebook_html(tmp / "notebooks" / f"{job.output}.ipynb", info,
                                     job.hide_input, config.language)
                (tmp / f"{job.output}.html").write_text(page, encoding="utf-8")
            timings["html"] = round(time.perf_counter() - t0, 3)
            t0 = time.perf_counter()  # the briefing notebook's content as PDF and Word
            downloads = write_briefing_files(tmp / "notebooks", tmp, [j.output for j in plan])
            timings["briefing_pdf_docx"] = round(time.perf_counter() - t0, 3)
            t0 = time.perf_counter()
            mc = [monte_carlo(r.scenario, draws=WORKBOOK_DRAWS, seed=config.seed)
                  for r in results if r.scenario.uncertain_parameters()]
            info["workbook_monte_carlo"] = {"draws": WORKBOOK_DRAWS, "seed": config.seed,
                                            "scenarios": [m.scenario for m in mc]}
            write_workbook(results, info, tmp / "summary.xlsx", config.language, mc)
            timings["excel"] = round(time.perf_counter() - t0, 3)
            timings["total"] = round(time.perf_counter() - started, 3)
            info["timings_s"] = timings
            info["wall_time_s"] = timings["total"]
            (tmp / "index.html").write_text(index_html(info, plan, names_run, config.language,
                                                       downloads), encoding="utf-8")
            write_manifest(info, tmp)
            bar.update(1)
    finally:
        bar.close()
    if not point_latest(out_root, run_dir):
        say(f"latest stays at {os.readlink(out_root / 'latest')}, a newer report that "
            "finished first")
    say(f"report total: {timings['total']:.1f} s (notebooks {timings['notebooks_wall']:.1f} s, "
        f"{config.jobs} at a time)")
    return run_dir
