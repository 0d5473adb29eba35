"""Executing the report's notebooks through papermill, ``jobs`` at a time.

A failing notebook raises :class:`~samen_model.products.build.config.ReportError` naming the
notebook, the cell and the error.
"""


from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from pathlib import Path
from typing import Any

from samen_model.products.build.config import KERNEL_ARGUMENTS, NotebookJob, ReportError


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
    pool = ThreadPoolExecutor(max_workers=workers)
    try:
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
    except BaseException:
        # Ctrl-C or SIGTERM: do not wait for the running notebooks (the command line ends the
        # process; their kernels stop when their parent is gone)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return {job.output: times[job.output] for job in jobs}
