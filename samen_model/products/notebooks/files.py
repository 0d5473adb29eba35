"""The committed notebooks: strip outputs, re-execute in place (what ``make notebooks`` runs).

Command line::

    python -m samen_model.products.notebooks.files refresh notebooks/   # re-execute, then strip
    python -m samen_model.products.notebooks.files strip notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

CHECK_OUTPUT_MARK = "# NBVAL_CHECK_OUTPUT"


def strip_notebook(path: str | Path) -> None:
    """Remove outputs, execution counts and run metadata, keeping checked cells' outputs.

    Cells whose source contains ``# NBVAL_CHECK_OUTPUT`` keep their text outputs and execution
    count (images and HTML are dropped) so ``pytest --nbval-lax`` compares them; everything else
    is cleared so the committed notebooks stay small and their diffs show only deliberate
    changes.
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for key in ("papermill", "execution"):
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        if CHECK_OUTPUT_MARK in cell.source:  # nbval needs the count of a cell with outputs
            kept = []
            for out in cell.outputs:
                if out.output_type == "stream":
                    kept.append(out)
                elif out.output_type in ("execute_result", "display_data"):
                    out.data = {k: v for k, v in out.data.items() if k == "text/plain"}
                    out.metadata = {}
                    if out.data:
                        kept.append(out)
            cell.outputs = kept
        else:
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)  # saved widget state: large, and rebuilt on every run
    lang = nb.metadata.get("language_info")
    if lang:
        nb.metadata["language_info"] = {"name": lang.get("name", "python")}
    nbformat.write(nb, str(path))


def notebook_files(folder: str | Path) -> list[Path]:
    """The numbered notebooks ``NN_*.ipynb`` of a folder, sorted."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def refresh_notebooks(folder: str | Path = "notebooks",
                      log: Callable[[str], None] = print) -> list[Path]:
    """Re-execute every numbered notebook in place with its default parameters, then strip it.

    Runs with the working directory ``folder`` (as nbval does). Stops at the first failure.
    """
    import papermill as pm

    done = []
    for path in notebook_files(folder):
        pm.execute_notebook(str(path), str(path), progress_bar=False,
                            resources={"metadata": {"path": str(Path(folder).resolve())}},
                            extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        strip_notebook(path)
        log(f"refreshed {path}")
        done.append(path)
    return done


def main(argv: list[str] | None = None) -> int:
    """``python -m samen_model.products.notebooks.files refresh [folder] | strip files...``."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in ("refresh", "strip"):
        print("usage: python -m samen_model.products.notebooks.files refresh [folder] | "
              "strip nb.ipynb ...", file=sys.stderr)
        return 2
    if args[0] == "refresh":
        refresh_notebooks(args[1] if len(args) > 1 else "notebooks")
    else:
        for path in args[1:]:
            strip_notebook(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
