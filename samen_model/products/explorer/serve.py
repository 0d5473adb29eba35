"""Serving the explorer as a standalone page (Voilà) on this machine only, kernels kept in check.

``make explorer`` runs ``python -m samen_model.products.explorer.serve``; the browser test starts
Voilà with the same :func:`voila_arguments`. Every open page has one kernel (about 300 MB), and
:data:`POOL` more wait with the page already computed (Voilà's pre-heated kernels): a page load
takes a ready kernel, so the figures show in about a second instead of the seven or so that
starting a kernel, importing and the first runs take on two busy cores; Voilà then readies the
next in the background. Voilà shuts a page's kernel down when the page is closed or reloaded
(the page's ``beforeunload``); a kernel whose page went without saying so (a crashed tab, a
closed laptop, a reload while the page was still loading) has no connection left and is culled
once it has been idle for :data:`CULL_IDLE_S` seconds (checked every :data:`CULL_INTERVAL_S`).
A kernel with an open page is never culled (``cull_connected`` stays off), however long the
analyst thinks; nor is a ready one (Voilà keeps its pool).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

#: Seconds a kernel without an open page may stay idle before it is shut down.
CULL_IDLE_S = 120
#: Seconds between two checks for such kernels.
CULL_INTERVAL_S = 30
#: Kernels kept ready with the page computed (Voilà's pre-heated kernels): a page load takes one
#: and gets its figures at once; Voilà starts the next in the background.
POOL = 1
NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "05_explorer.ipynb"


def voila_arguments(port: int = 8866, cull_idle: int = CULL_IDLE_S,
                    cull_interval: int = CULL_INTERVAL_S, pool: int = POOL) -> list[str]:
    """Voilà's options: 127.0.0.1 only, no browser, ``pool`` kernels kept ready (0: none),
    kernels without a page culled."""
    ready = ["--preheat_kernel=True", f"--pool_size={pool}"] if pool else []
    return ["--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
            "--ServerApp.port_retries=0", *ready,
            f"--MappingKernelManager.cull_idle_timeout={cull_idle}",
            f"--MappingKernelManager.cull_interval={cull_interval}",
            "--MappingKernelManager.cull_connected=False",
            "--MappingKernelManager.cull_busy=False"]


def main(argv: list[str] | None = None) -> int:
    """``python -m samen_model.products.explorer.serve [NOTEBOOK] [voila options]``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    notebook = argv.pop(0) if argv and not argv[0].startswith("-") else str(NOTEBOOK)
    voila = Path(sys.executable).with_name("voila")
    return subprocess.call([str(voila), notebook, *voila_arguments(), *argv])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
