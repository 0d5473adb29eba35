"""``samen report``: tables, notebooks, HTML, Excel into ``reports/<run-id>/``, then ``latest``.

Steps: load and validate every scenario and check the notebook list; simulate the scenarios and
write their CSVs (``yearly``, ``providers``, ``assumptions``) and ``comparison.csv``; execute the
notebooks through the papermill API (one kernel each, ``jobs`` at a time); convert them to HTML
(the briefing without input cells) with a visible provenance footer; write the briefing as
``briefing.pdf`` and ``briefing.docx``; write ``index.html``, ``summary.xlsx`` and
``manifest.json`` (with the wall times).

Computed once per run, before the notebooks start: the Monte Carlo of each (scenario, draws,
seed) (:class:`~samen_model.analysis.monte_carlo.MonteCarloRuns`: the workbook's, the
briefing's regimes) and the council briefing, composed with the briefing notebook's parameters.
Both are saved for the notebook kernels (:mod:`samen_model.products.run_cache`), so notebook 04
shows the very briefing the PDF and Word are rendered from, and notebook 03 reads the draws
the workbook summarises (when its scenario, draws and seed are the same).

Everything is written to a temporary folder that is renamed when complete; ``reports/latest`` is
switched (an atomic symlink swap, under a lock on ``reports/``) only after that and only if no
newer run finished first, so a failed run leaves the previous report untouched and two reports
at once never collide. Temporary folders of runs whose process is gone are removed first. A
failing notebook raises :class:`ReportError` naming the notebook, cell and error.

The configuration is ``reports.yaml`` at the top of the repository (see ``docs/notebooks.md``);
command-line flags override it.
"""


from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import MonteCarloRuns
from samen_model.errors import OutputError, SamenInputError
from samen_model.files import PLAIN_NAME_TEXT, child, plain_name
from samen_model.model.finite import check_finite
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.present.manifest import manifest
from samen_model.present.parameters import assumptions_register
from samen_model.products import run_cache
from samen_model.products.atomic import (
    MANIFEST,
    clean_stale,
    staged_dir,
    write_csv,
    write_manifest,
)
from samen_model.products.briefing.run import briefing_for, write_briefing_files
from samen_model.products.build.config import (
    ROOT,
    NotebookJob,
    ReportConfig,
    briefing_job,
    job_parameters,
    plan_jobs,
)
from samen_model.products.build.execute import run_notebooks
from samen_model.products.build.html import index_html, notebook_html
from samen_model.products.workbook.sheets import WORKBOOK_DRAWS, write_workbook
from samen_model.scenario.library import INPUT_ROOT_ENV
from samen_model.scenario.scenario import load_scenario


def scenario_files(scenario_dir: Path, names: list[str] | None = None) -> list[Path]:
    """The scenario files to report: the named ones, or every ``*.yaml`` in the folder."""
    if names:
        for n in names:
            if not plain_name(n):
                raise SamenInputError("<command line>", "--scenarios", f"scenario names: "
                                      f"{PLAIN_NAME_TEXT} (got {n!r})")
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
def _kernel_environment(values: dict[str, str | None]) -> Iterator[None]:
    """Set environment variables (None: leave as is) while the notebook kernels start:
    ``SAMEN_INPUT_ROOT`` (read by ``load_named``) and the run's shared folder
    (:data:`samen_model.products.run_cache.ENV`)."""
    before = {k: os.environ.get(k) for k, v in values.items() if v is not None}
    os.environ.update({k: v for k, v in values.items() if v is not None})
    try:
        yield
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


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

    files = scenario_files(scenario_dir, config.scenarios)
    # all validated before anything is written
    scenarios = [load_scenario(f, input_root=input_root) for f in files]
    for s in scenarios:  # each name becomes a folder of the run
        if not plain_name(s.name):
            raise SamenInputError(s.path, "name", f"a scenario name that can be a folder: "
                                  f"{PLAIN_NAME_TEXT} (got {s.name!r}; rename the file)")
    names_run = [s.name for s in scenarios]
    plan = plan_jobs(config, notebook_dir, scenario_dir, names_run)
    made_root = not os.path.lexists(out_root)  # every input checked: now the output folder
    out_root = prepare_out_root(out_root)
    try:
        return _build(config, scenarios, plan, names_run, out_root, notebook_dir, started,
                      progress, log, input_root)
    except BaseException:
        if made_root:  # a failed report leaves no empty folder behind
            with contextlib.suppress(OSError):
                out_root.rmdir()
        raise


def _build(config: ReportConfig, scenarios: list, plan: list[NotebookJob], names_run: list[str],
           out_root: Path, notebook_dir: Path, started: float, progress: bool,
           log: Callable[[str], None] | None, input_root: Path | None = None) -> Path:
    """The run itself, once every input is checked (:func:`build_report`)."""
    from tqdm import tqdm


    bar = tqdm(total=len(plan) + 2, desc="samen report", unit="step", disable=not progress)
    say = log or (lambda text: tqdm.write(text) if progress else None)
    results = [simulate(s, seed=config.seed) for s in scenarios]
    for r in results:
        check_finite(r)  # before anything is written
    timings: dict[str, Any] = {"simulate": round(time.perf_counter() - started, 3)}
    t0 = time.perf_counter()  # each Monte Carlo run once; the briefing composed once
    runs = MonteCarloRuns()
    mc = [runs.monte_carlo(r.scenario, draws=WORKBOOK_DRAWS, seed=config.seed)
          for r in results if r.scenario.uncertain_parameters()]
    briefing, key, job = None, None, briefing_job(plan)
    if job is not None:
        p = job_parameters(job, notebook_dir)
        args = (p["scenarios"], p["uncertainty_scenario"], p["draws"], p["seed"],
                p["language"], p.get("scenario_dir", ""))
        key = run_cache.briefing_key(*args, p.get("author", ""))
        briefing = briefing_for(*args, notebook=job.notebook, author=p.get("author", ""),
                                runs=runs)
    timings["monte_carlo_briefing"] = round(time.perf_counter() - t0, 3)
    run_id = new_run_id()
    run_dir = out_root / run_id
    info = manifest(results, command="report", run_id=run_id, jobs=config.jobs,
                    notebooks=[{"notebook": j.notebook, "output": j.output,
                                "parameters": {k: v for k, v in j.parameters.items()
                                               if k != "scenario_dir"}} for j in plan],
                    monte_carlo=[{"scenario": m.scenario, "hash": m.scenario_hash,
                                  "draws": m.draws, "seed": m.seed} for m in runs],
                    workbook_monte_carlo={"draws": WORKBOOK_DRAWS, "seed": config.seed,
                                          "scenarios": [m.scenario for m in mc]})
    bar.update(1)
    try:
        with staged_dir(run_dir) as tmp:
            for r in results:
                folder = child(tmp, r.scenario.name)
                folder.mkdir()
                write_csv(r.yearly, folder / "yearly.csv", info)
                write_csv(r.providers(), folder / "providers.csv", info)
                write_csv(assumptions_register(r.scenario), folder / "assumptions.csv", info)
            write_csv(kf.table(results).reset_index(), tmp / "comparison.csv", info)

            t0 = time.perf_counter()
            (tmp / "notebooks").mkdir()
            shared = tmp / ".shared"  # for the kernels; removed before the manifest
            run_cache.save(shared, runs, briefing, key)

            def done(job: NotebookJob, seconds: float) -> None:
                bar.update(1)
                say(f"  {job.output}: {seconds:.1f} s")

            env = {INPUT_ROOT_ENV: str(Path(input_root).resolve()) if input_root else None,
                   run_cache.ENV: str(shared)}
            with _kernel_environment(env):
                nb_times = run_notebooks(plan, notebook_dir, tmp / "notebooks",
                                         workers=config.jobs, on_done=done)
            shutil.rmtree(shared)
            timings["notebooks_wall"] = round(time.perf_counter() - t0, 3)
            timings["notebooks"] = {k: round(v, 3) for k, v in nb_times.items()}

            t0 = time.perf_counter()
            for j in plan:
                page = notebook_html(tmp / "notebooks" / f"{j.output}.ipynb", info,
                                     j.hide_input, config.language)
                child(tmp, j.output, ".html").write_text(page, encoding="utf-8")
            timings["html"] = round(time.perf_counter() - t0, 3)
            t0 = time.perf_counter()  # the one composed briefing as PDF and Word
            downloads = write_briefing_files(briefing, tmp) if briefing is not None else []
            timings["briefing_pdf_docx"] = round(time.perf_counter() - t0, 3)
            t0 = time.perf_counter()
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
