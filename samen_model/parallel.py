"""Work on both cores: numpy and scipy.special release the GIL inside their loops, so threads
over blocks of draws run side by side without copying data between processes."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

#: Threads that compute blocks side by side (the machines here have 2 cores).
THREADS = max(1, min(2, os.cpu_count() or 1))
#: Below this many elements one thread is faster than starting a pool.
MIN_SPLIT = 65_536


def map_split(fn: Callable[[np.ndarray], np.ndarray], x: np.ndarray) -> np.ndarray:
    """``fn(x)`` for an elementwise ``fn``, computed on :data:`THREADS` pieces of ``x`` at once."""
    if THREADS == 1 or x.size < MIN_SPLIT:
        return fn(x)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return np.concatenate(list(pool.map(fn, np.array_split(x, THREADS))))
