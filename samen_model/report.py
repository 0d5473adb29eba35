"""``samen report``: tables, notebooks, HTML, Excel into ``reports/<run-id>/``, then ``latest``.

Steps: load and validate every scenario and check the notebook list; simulate the scenarios and
write their CSVs (``yearly``, ``providers``, ``assumptions``) and ``comparison.csv``; execute the
notebooks through the papermill API (one kernel each, ``jobs`` at a time); convert them to HTML
(the briefing without input cells) with a visible provenance footer; write ``index.html``,
``summary.xlsx`` and ``manifest.json`` (with the wall times).

Everything is written to a temporary folder that is renamed when complete; ``reports/latest`` is
switched (an atomic symlink swap) only after that, so a failed run leaves the previous report
untouched. A failing notebook raises :class:`ReportError` naming the notebook, cell and error.

The configuration is ``reports.yaml`` at the top of the repository (see ``docs/notebooks.md``);
command-line flags override it.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from samen_model import formatting as fmt
from samen_model.compare import assumptions_register, compare
from samen_model.errors import SamenInputError
from samen_model.manifest import manifest, provenance_line
from samen_model.notebook_tools import (
    CHECKED_PARAMETERS,
    NotebookParameterError,
    check_params,
)
from samen_model.outputs import staged_dir, write_csv, write_json
from samen_model.results import Result
from samen_model.scenarios import load_scenario
from samen_model.simulate import simulate

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = "reports.yaml"
DEFAULT_NOTEBOOKS: tuple[dict[str, Any], ...] = (
    {"notebook": "00_calibration_2023"},
    {"notebook": "01_scenario", "parameters": {"scenario": "realised_2023"}},
    {"notebook": "02_compare"},
    {"notebook": "03_uncertainty", "parameters": {"draws": 10_000}},
    {"notebook": "04_briefing", "hide_input": True},
)
SHARED_PARAMETERS = ("scenarios", "base", "language", "scenario_dir", "seed")
# ipykernel 7 logs a warning about unencrypted local TCP on every start; keep real errors only
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]


class ReportError(RuntimeError):
    """The report could not be completed (a notebook failed); ``reports/latest`` is unchanged."""


# ----------------------------------------------------------------------------- configuration
@dataclass(frozen=True)
class NotebookJob:
    """One notebook to execute: source stem, output stem, parameters, HTML without input."""

    notebook: str
    output: str
    parameters: dict[str, Any] = field(default_factory=dict)
    hide_input: bool = False


@dataclass(frozen=True)
class ReportConfig:
    """What ``samen report`` runs (``reports.yaml``; flags override)."""

    scenarios: list[str] | None = None  # None: every *.yaml in the scenario folder
    base: str = "plan_2022"
    language: str = "nl"
    seed: int = 1  # seed of the sampled numbers (Monte Carlo notebooks)
    jobs: int = 2
    notebooks: list[dict[str, Any]] = field(default_factory=lambda: list(DEFAULT_NOTEBOOKS))
    extra_notebooks: list[str | dict[str, Any]] = field(default_factory=list)


def load_config(path: str | Path | None) -> ReportConfig:
    """Read a report configuration YAML; a missing default file gives the built-in defaults."""
    if path is None:
        return ReportConfig()
    path = Path(path)
    if not path.is_file():
        raise SamenInputError(path, "<file>", "an existing report configuration (YAML)")
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise SamenInputError(path, "<top level>", "a mapping of settings")
    known = {f for f in ReportConfig.__dataclass_fields__}
    for key in data:
        if key not in known:
            raise SamenInputError(path, key, f"one of the settings {', '.join(sorted(known))}")
    scen = data.get("scenarios", "all")
    if scen == "all" or scen is None:
        data["scenarios"] = None
    elif not (isinstance(scen, list) and all(isinstance(s, str) for s in scen)):
        raise SamenInputError(path, "scenarios", "'all' or a list of scenario names")
    for key, kind in (("jobs", int), ("seed", int), ("base", str), ("language", str),
                      ("notebooks", list), ("extra_notebooks", list)):
        if key in data and not isinstance(data[key], kind):
            raise SamenInputError(path, key, f"a {kind.__name__}")
    return ReportConfig(**data)


def _entry(item: str | dict[str, Any], where: str) -> dict[str, Any]:
    if isinstance(item, str):
        return {"notebook": item}
    if not isinstance(item, dict) or not isinstance(item.get("notebook"), str):
        raise SamenInputError(where, "notebooks", "entries like {notebook: 01_scenario, "
                              "parameters: {...}} or a notebook name")
    unknown = set(item) - {"notebook", "parameters", "output", "hide_input"}
    if unknown:
        raise SamenInputError(where, f"notebooks.{item['notebook']}",
                              f"only notebook, parameters, output, hide_input (not "
                              f"{', '.join(sorted(unknown))})")
    return item


def plan_jobs(config: ReportConfig, notebook_dir: Path, scenario_dir: Path,
              scenarios: list[str]) -> list[NotebookJob]:
    """The notebook jobs with their parameters, checked before any kernel starts.

    Shared settings (``scenarios``, ``base``, ``language``, ``scenario_dir``, ``seed``) are
    passed to a notebook only when it declares that parameter and the entry does not set it.
    """
    import papermill as pm

    jobs: list[NotebookJob] = []
    seen: set[str] = set()
    shared = {"scenarios": scenarios, "base": config.base, "language": config.language,
              "scenario_dir": str(scenario_dir.resolve()), "seed": config.seed}
    for raw in [*config.notebooks, *config.extra_notebooks]:
        item = _entry(raw, "report configuration")
        path = notebook_dir / f"{item['notebook']}.ipynb"
        if not path.is_file():
            raise SamenInputError(path, "<file>", f"an existing notebook in {notebook_dir}")
        declared = pm.inspect_notebook(str(path))
        params = dict(item.get("parameters") or {})
        for name in params:
            if name not in declared:
                raise SamenInputError(path, f"parameters.{name}", "a parameter the notebook "
                                      f"declares ({', '.join(declared) or 'none'})")
        for name in SHARED_PARAMETERS:
            if name in declared and name not in params:
                params[name] = shared[name]
        checkable = {k: v for k, v in params.items() if k in CHECKED_PARAMETERS}
        try:
            check_params(params.get("scenario_dir", str(scenario_dir)), **checkable)
        except NotebookParameterError as exc:
            raise SamenInputError(path, f"parameters.{exc.field}", exc.expected) from None
        output = item.get("output") or item["notebook"] + (
            f"_{item['parameters']['scenario']}"
            if "scenario" in (item.get("parameters") or {}) else "")
        while output in seen:
            output += "_"
        seen.add(output)
        jobs.append(NotebookJob(item["notebook"], output, params,
                                bool(item.get("hide_input", "briefing" in item["notebook"]))))
    return jobs


# ----------------------------------------------------------------------------- scenarios
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


def point_latest(out_root: Path, run_dir: Path) -> None:
    """Make ``out_root/latest`` a symlink to ``run_dir`` (swapped atomically)."""
    link = out_root / "latest"
    tmp = out_root / f".latest.tmp-{os.getpid()}"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    tmp.symlink_to(run_dir.name, target_is_directory=True)
    if link.exists() and not link.is_symlink():
        shutil.rmtree(link)
    os.replace(tmp, link)


# ----------------------------------------------------------------------------- notebooks
def source_cell_number(source: Path, executed_index: int, injected: bool) -> int:
    """1-based number of a cell in the source notebook, from its index in the executed one.

    papermill inserts an ``injected-parameters`` cell after the ``parameters`` cell when
    parameters are passed; cells after it move one place down in the executed notebook.
    """
    import nbformat

    cells = nbformat.read(source, as_version=4).cells
    tagged = next((i for i, c in enumerate(cells)
                   if "parameters" in c.metadata.get("tags", [])), None)
    shift = 1 if injected and tagged is not None and executed_index > tagged else 0
    return executed_index - shift + 1


def execute_notebook(job: NotebookJob, notebook_dir: Path, out_dir: Path) -> float:
    """Execute one notebook with papermill into ``out_dir``; return its wall time (s).

    Raises :class:`ReportError` naming the notebook, the cell and the error when a cell fails.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    source = (notebook_dir / f"{job.notebook}.ipynb").resolve()
    target = (out_dir / f"{job.output}.ipynb").resolve()
    try:
        # the kernel starts in notebook_dir (nbclient's resources path); papermill's own ``cwd``
        # would chdir this whole process, which is not safe with several notebooks at a time
        pm.execute_notebook(str(source), str(target), parameters=job.parameters,
                            progress_bar=False, log_output=False, kernel_name="python3",
                            resources={"metadata": {"path": str(notebook_dir.resolve())}},
                            extra_arguments=KERNEL_ARGUMENTS)
    except PapermillExecutionError as exc:
        shown = ", ".join(f"{k}={v!r}" for k, v in job.parameters.items()
                          if k != "scenario_dir")
        first = next((ln for ln in exc.source.splitlines()
                      if ln.strip() and not ln.startswith("#")), "")
        raise ReportError(
            f"notebook {source.name} ({shown}) failed in cell "
            f"{source_cell_number(source, exc.cell_index, bool(job.parameters))} "
            f"(execution count {exc.exec_count}, starting `{first.strip()}`): "
            f"{exc.ename}: {exc.evalue}") from None
    return time.perf_counter() - started


def _in_own_context(func: Callable[..., float], *args: Any) -> float:
    """Run ``func`` in a fresh context and close the event loops it left there.

    papermill/nbclient (through ``jupyter_core.utils.run_sync``) create one asyncio loop per
    thread and keep it in a context variable without closing it; in a worker thread that loop
    (and its socket pair) would be garbage-collected unclosed (ResourceWarning).
    """
    import asyncio
    import contextvars

    ctx = contextvars.copy_context()
    try:
        return ctx.run(func, *args)
    finally:
        for value in ctx.values():
            if isinstance(value, asyncio.AbstractEventLoop) and not value.is_running():
                value.close()
        asyncio.set_event_loop(None)


def run_notebooks(jobs: Sequence[NotebookJob], notebook_dir: Path, out_dir: Path,
                  workers: int = 1,
                  on_done: Callable[[NotebookJob, float], None] | None = None
                  ) -> dict[str, float]:
    """Execute the jobs, ``workers`` at a time (threads; each notebook has its own kernel).

    Returns the wall time per output notebook (s), in job order. The first failure cancels the
    jobs not yet started and is raised once the running ones have finished.
    """
    times: dict[str, float] = {}
    if workers <= 1:
        for job in jobs:
            times[job.output] = execute_notebook(job, notebook_dir, out_dir)
            if on_done:
                on_done(job, times[job.output])
        return times
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(_in_own_context, execute_notebook, job, notebook_dir, out_dir):
                   job for job in jobs}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            for fut in done:
                if fut.exception() is not None:
                    for other in pending:
                        other.cancel()
                    wait(pending)
                    raise fut.exception()
                times[futures[fut].output] = fut.result()
                if on_done:
                    on_done(futures[fut], fut.result())
    return {job.output: times[job.output] for job in jobs}


# ----------------------------------------------------------------------------- HTML and Excel
FOOTER_CSS = ("font:12px/1.4 sans-serif;color:#444;border-top:1px solid #ccc;"
              "margin:2em 1em 1em;padding-top:.5em")


def provenance_html(info: dict[str, Any]) -> str:
    """A visible provenance block for the foot of an HTML page."""
    return (f'<footer class="samen-provenance" style="{FOOTER_CSS}">'
            f"<strong>Verantwoording / provenance</strong>: "
            f"{html.escape(provenance_line(info))} · "
            f'<a href="manifest.json">manifest.json</a></footer>')


def notebook_html(path: Path, info: dict[str, Any], hide_input: bool = False) -> str:
    """An executed notebook as standalone HTML with the provenance footer.

    With ``hide_input`` the code cells and prompts are left out (reads without code).
    """
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=hide_input, exclude_input_prompt=hide_input,
                            exclude_output_prompt=hide_input)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4),
                                          resources={"metadata": {"name": path.stem}})
    footer = provenance_html(info)
    return body.replace("</body>", footer + "\n</body>", 1) if "</body>" in body else (
        body + footer)


def index_html(info: dict[str, Any], jobs: Sequence[NotebookJob], scenarios: Sequence[str],
               language: str = "nl") -> str:
    """The report's front page: links to the notebooks, tables, workbook and manifest."""
    nl = language == "nl"
    rows = "\n".join(
        f'<li><a href="{html.escape(j.output)}.html">{html.escape(j.output)}</a> '
        f'(<a href="notebooks/{html.escape(j.output)}.ipynb">ipynb</a>, '
        f"{info['timings_s']['notebooks'].get(j.output, 0):.1f} s)</li>" for j in jobs)
    scen = "\n".join(
        f"<li>{html.escape(s)}: " + ", ".join(
            f'<a href="{html.escape(s)}/{f}.csv">{f}.csv</a>'
            for f in ("yearly", "providers", "assumptions")) + "</li>" for s in scenarios)
    title = "SAMEN. rapportage" if nl else "SAMEN. report"
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:15px/1.5 sans-serif;max-width:60em;margin:2em auto;padding:0 1em}}</style>
</head><body>
<h1>{title}</h1>
<p>{"Run" if nl else "Run"} {html.escape(info.get("run_id", ""))} ·
{"totale tijd" if nl else "total time"} {info['timings_s']['total']:.1f} s</p>
<h2>Notebooks</h2><ul>
{rows}
</ul>
<h2>{"Tabellen" if nl else "Tables"}</h2><ul>
<li><a href="summary.xlsx">summary.xlsx</a>
({"per scenario, vergelijking, aannames, manifest" if nl else
  "per scenario, comparison, assumptions, manifest"})</li>
<li><a href="comparison.csv">comparison.csv</a></li>
{scen}
<li><a href="manifest.json">manifest.json</a></li>
</ul>
{provenance_html(info)}
</body></html>
"""


def write_workbook(results: Sequence[Result], info: dict[str, Any], path: Path,
                   language: str = "nl") -> None:
    """``summary.xlsx``: one sheet per scenario, the comparison, the assumptions, the manifest."""
    nl = language == "nl"
    register = pd.concat([assumptions_register(r.scenario).assign(scenario=r.scenario.name)
                          for r in results], ignore_index=True)
    register = register[["scenario", *[c for c in register.columns if c != "scenario"]]]
    table = compare(list(results)).reset_index()
    rows = [("provenance", provenance_line(info))]
    for key, value in info.items():
        if key == "scenarios":
            rows += [(f"scenario {s['name']}", f"#{s['hash']} seed {s['seed']} draws "
                      f"{s['draws']} files {', '.join(s['files'])}") for s in value]
        elif isinstance(value, dict):
            rows += [(f"{key}.{k}", str(v)) for k, v in value.items()]
        else:
            rows.append((key, str(value)))
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for r in results:
            r.yearly.to_excel(xl, sheet_name=r.scenario.name[:31], index=False)
        table.to_excel(xl, sheet_name="vergelijking" if nl else "comparison", index=False)
        register.to_excel(xl, sheet_name="aannames" if nl else "assumptions", index=False)
        pd.DataFrame(rows, columns=["field", "value"]).to_excel(xl, sheet_name="manifest",
                                                                index=False)
        xl.book.properties.title = "SAMEN. summary"
        xl.book.properties.description = provenance_line(info)


# ----------------------------------------------------------------------------- the report
def build_report(scenario_dir: Path, out_root: Path, names: list[str] | None = None,
                 seed: int | None = None, config: ReportConfig | None = None,
                 notebook_dir: Path | None = None, notebooks: list[Any] | None = None,
                 jobs: int | None = None, progress: bool = True,
                 log: Callable[[str], None] | None = None) -> Path:
    """Run the report; return the run folder (``latest`` points at it).

    ``names``, ``seed``, ``notebooks`` (a list of notebook entries; ``[]`` for tables only)
    and ``jobs`` override ``config``.
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

    files = scenario_files(scenario_dir, config.scenarios)
    scenarios = [load_scenario(f) for f in files]  # all validated before anything is written
    names_run = [s.name for s in scenarios]
    plan = plan_jobs(config, notebook_dir, scenario_dir, names_run)

    bar = tqdm(total=len(plan) + 2, desc="samen report", unit="step", disable=not progress)
    say = log or (lambda text: tqdm.write(text) if progress else None)
    results = [simulate(s, seed=config.seed) for s in scenarios]
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
            write_csv(compare(results).reset_index(), tmp / "comparison.csv", info)

            t0 = time.perf_counter()
            (tmp / "notebooks").mkdir()

            def done(job: NotebookJob, seconds: float) -> None:
                bar.update(1)
                say(f"  {job.output}: {seconds:.1f} s")

            nb_times = run_notebooks(plan, notebook_dir, tmp / "notebooks",
                                     workers=config.jobs, on_done=done)
            timings["notebooks_wall"] = round(time.perf_counter() - t0, 3)
            timings["notebooks"] = {k: round(v, 3) for k, v in nb_times.items()}

            t0 = time.perf_counter()
            for job in plan:
                page = notebook_html(tmp / "notebooks" / f"{job.output}.ipynb", info,
                                     job.hide_input)
                (tmp / f"{job.output}.html").write_text(page, encoding="utf-8")
            timings["html"] = round(time.perf_counter() - t0, 3)
            t0 = time.perf_counter()
            write_workbook(results, info, tmp / "summary.xlsx", config.language)
            timings["excel"] = round(time.perf_counter() - t0, 3)
            timings["total"] = round(time.perf_counter() - started, 3)
            info["timings_s"] = timings
            info["wall_time_s"] = timings["total"]
            (tmp / "index.html").write_text(index_html(info, plan, names_run, config.language),
                                            encoding="utf-8")
            write_json(info, tmp / "manifest.json")
            bar.update(1)
    finally:
        bar.close()
    point_latest(out_root, run_dir)
    say(f"report total: {timings['total']:.1f} s (notebooks {timings['notebooks_wall']:.1f} s, "
        f"{config.jobs} at a time)")
    return run_dir
