"""Blocks of draws through the engine on both cores, keeping only what is asked.

One code path for every run (a deterministic run is one block of one draw): the draws are
split in blocks of :data:`CHUNK`; each block's inputs are built by a
callback (sampling included), the engine computes every column of the block, the kept columns
are copied into preallocated ``(year, draw)`` arrays and each reducer turns the block into a few
numbers per draw. Peak memory is the kept outputs plus two blocks, whatever the number of
draws. Draws are computed elementwise, so a draw's numbers do not depend on the block it is in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from samen_model.errors import SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.engine import keep_freed_memory, run_block, varies_by_draw
from samen_model.model.inputs import Inputs
from samen_model.model.memory import check_fits
from samen_model.parallel import THREADS

#: ``(start, stop) -> Inputs`` of the draws ``start .. stop - 1``.
BlockInputs = Callable[[int, int], Inputs]
#: ``(block, years) -> (b,)`` or ``(k, b)`` numbers per draw of a block of ``b`` draws; the
#: block maps every column name to a ``(year, b)`` array.
Reducer = Callable[[Mapping[str, np.ndarray], np.ndarray], np.ndarray]

OUTPUT_COLUMNS = COLUMN_NAMES[1:]
#: Draws per block: large enough that the Python around each block (about 3 ms: sampling's
#: generators, inputs, the numpy steps around the compiled kernel; the GIL is held for it) is
#: small, small enough that two blocks in flight stay well under a gigabyte. On 2 cores, fresh
#: processes, 10^6 draws of uncertainty_2023 (2026-12-02): 32,768 about 5% faster than 16,384,
#: 8,192 about 30% slower; 10^7 streamed draws peak at 0.99 GB (0.77 GB with 16,384).
CHUNK = 32_768


@dataclass(frozen=True)
class Streamed:
    """Kept columns ``(year, draw)`` and reducer results ``(draw,)`` or ``(k, draw)``."""

    arrays: dict[str, np.ndarray]
    reduced: dict[str, np.ndarray]


def kept_columns(keep: tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """The columns to store (``None``: all); unknown names are refused."""
    if keep is None:
        return OUTPUT_COLUMNS
    if isinstance(keep, str):
        keep = (keep,)
    unknown = sorted(set(keep) - set(OUTPUT_COLUMNS))
    if unknown:
        raise SamenInputError(None, "keep", "output column names of docs/columns.md "
                              f"(unknown: {', '.join(unknown)})")
    return tuple(c for c in OUTPUT_COLUMNS if c in set(keep))


def stream(block_inputs: BlockInputs, draws: int, years: np.ndarray,
           keep: tuple[str, ...] | list[str] | None = None,
           reduce: Mapping[str, Reducer] | None = None, *, varies: bool = True,
           chunk: int | None = None, limit_bytes: int | None = None) -> Streamed:
    """Run ``draws`` draws in blocks of ``chunk`` and return what ``keep`` and ``reduce`` ask.

    ``varies=False``: no input differs between draws, so one draw is computed and repeated.
    The stored outputs are checked against the memory available
    (:func:`~samen_model.model.memory.check_fits`) before they are allocated.
    """
    keep_freed_memory()
    chunk = chunk or CHUNK
    names, reduce = kept_columns(keep), dict(reduce or {})
    n_years = len(years)
    check_fits(n_years, draws, len(names), limit_bytes=limit_bytes)
    if not varies:
        block = run_block(block_inputs(0, 1))
        reduced = {k: np.repeat(_reduced(k, fn, block, years, 1), draws, axis=-1)
                   for k, fn in reduce.items()}
        return Streamed({k: np.repeat(np.asarray(block[k]), draws, axis=1) for k in names},
                        reduced)
    bounds = [(s, min(s + chunk, draws)) for s in range(0, draws, chunk)]
    first = run_block(block_inputs(*bounds[0]))
    first_reduced = {k: _reduced(k, fn, first, years, bounds[0][1]) for k, fn in reduce.items()}
    rows = sum(r.size // bounds[0][1] for r in first_reduced.values())
    check_fits(n_years, draws, len(names) + math.ceil(rows / n_years), limit_bytes=limit_bytes)
    arrays = {k: np.empty((n_years, draws)) for k in names}
    reduced = {k: np.empty((*r.shape[:-1], draws)) for k, r in first_reduced.items()}

    def store(start: int, stop: int, block: Mapping[str, np.ndarray],
              results: dict[str, np.ndarray]) -> None:
        for k in names:
            arrays[k][:, start:stop] = block[k]
        for k, r in results.items():
            reduced[k][..., start:stop] = r

    def one(bound: tuple[int, int]) -> None:
        block = run_block(block_inputs(*bound))
        n = bound[1] - bound[0]
        store(*bound, block, {k: _reduced(k, fn, block, years, n) for k, fn in reduce.items()})

    store(*bounds[0], first, first_reduced)
    del first
    if len(bounds) > 1:
        # numpy releases the GIL inside its loops, so blocks on two cores overlap well.
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            list(pool.map(one, bounds[1:]))
    return Streamed(arrays, reduced)


def run(inp: Inputs, keep: tuple[str, ...] | list[str] | None = None,
        reduce: Mapping[str, Reducer] | None = None) -> dict[str, np.ndarray]:
    """All kept output arrays ``(year, draw)`` for inputs built for every draw at once (tests
    and benchmarks); reducer results are added under their names."""
    def block_inputs(start: int, stop: int) -> Inputs:
        return slice_draws(inp, start, stop)

    out = stream(block_inputs, inp.draws, inp.years, keep, reduce,
                 varies=varies_by_draw(inp))
    return {**out.arrays, **out.reduced}


def slice_draws(inp: Inputs, start: int, stop: int) -> Inputs:
    """The inputs of draws ``start .. stop - 1`` (views of the per-draw arrays)."""
    fields = {name: getattr(inp, name)[..., start:stop]
              for name in inp.__dataclass_fields__
              if isinstance(getattr(inp, name), np.ndarray) and getattr(inp, name).ndim >= 2
              and getattr(inp, name).shape[-1] > 1}
    return replace(inp, draws=stop - start, **fields)


def _reduced(name: str, fn: Reducer, block: Mapping[str, np.ndarray], years: np.ndarray,
             n: int) -> np.ndarray:
    """A reducer's result for a block of ``n`` draws, checked: shape (n,) or (k, n)."""
    r = np.asarray(fn(block, years), dtype=float)
    if r.ndim not in (1, 2) or r.shape[-1] != n:
        raise SamenInputError(None, f"reduce[{name}]", f"an array of shape (draws,) or "
                              f"(k, draws) per block of {n} draws (got shape {r.shape})")
    return r
