"""Work on both cores: the engine's compiled kernel and numpy release the GIL inside their loops,
so threads over blocks of draws run side by side without copying data between processes."""

from __future__ import annotations

import os

#: Threads that compute blocks side by side (the machines here have 2 cores).
THREADS = max(1, min(2, os.cpu_count() or 1))
