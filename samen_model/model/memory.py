"""How much memory a run's outputs take, and refusing a run that cannot fit before it starts.

Numpy and the standard library only. The outputs of a run are ``(year, draw)`` arrays of 8-byte
floats, one per stored column; a million draws of 12 years and 60 columns are 5.8 GB.
"""

from __future__ import annotations

import os

from samen_model.errors import SamenInputError

#: Bytes of one stored value (float64).
VALUE_BYTES = 8
#: Used when the available memory cannot be read (no /proc/meminfo, no sysconf): 2 GiB.
FALLBACK_BYTES = 2 << 30
#: Share of the available memory a run may fill with its outputs (the rest: the engine's
#: working blocks, the tables built from them, other programs).
USABLE_SHARE = 0.5


def address_space_left() -> int | None:
    """Bytes this process may still map under its address-space limit (``ulimit -v``,
    ``RLIMIT_AS``), or None without a limit (or where it cannot be read)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_AS)
        if soft == resource.RLIM_INFINITY or soft < 0:
            return None
        with open("/proc/self/status", encoding="ascii") as fh:
            used = next(int(line.split()[1]) * 1024 for line in fh
                        if line.startswith("VmSize:"))
    except (ImportError, OSError, ValueError, IndexError, StopIteration):
        return None
    return max(int(soft) - used, 0)


def available_bytes() -> int:
    """Memory available to a new allocation now, in bytes.

    ``MemAvailable`` of ``/proc/meminfo`` (Linux), else free physical pages from ``sysconf``,
    else :data:`FALLBACK_BYTES`; never more than the address space the process has left under
    its limit (``ulimit -v``, :func:`address_space_left`).
    """
    physical = _physical_bytes()
    left = address_space_left()
    return physical if left is None else min(physical, left)


def _physical_bytes() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, OSError, ValueError):
        return FALLBACK_BYTES


def output_bytes(n_years: int, draws: int, n_columns: int) -> int:
    """Bytes of ``n_columns`` stored ``(year, draw)`` arrays: years x draws x columns x 8."""
    return int(n_years) * int(draws) * int(n_columns) * VALUE_BYTES


def check_fits(n_years: int, draws: int, n_columns: int, *,
               limit_bytes: int | None = None) -> None:
    """Refuse, before anything is allocated, a run whose outputs would not fit in memory.

    ``limit_bytes`` defaults to :data:`USABLE_SHARE` of :func:`available_bytes`. Raises
    :class:`~samen_model.errors.SamenInputError` (field ``draws``) saying how many draws fit
    and how to ask for less.
    """
    need = output_bytes(n_years, draws, n_columns)
    limit = int(available_bytes() * USABLE_SHARE) if limit_bytes is None else int(limit_bytes)
    if need <= limit:
        return
    per_draw = max(output_bytes(n_years, 1, n_columns), 1)
    fit = limit // per_draw
    raise SamenInputError(
        None, "draws",
        f"at most {fit:,} draws fit in memory ({draws:,} draws x {n_years} years x "
        f"{n_columns} columns need {_gb(need)}, the limit is {_gb(limit)}); use fewer draws, "
        "keep fewer columns (keep=...) or summarise per block (reduce=...)")


def _gb(n: int) -> str:
    return f"{n / 1e9:,.1f} GB" if n >= 1e8 else f"{n / 1e6:,.1f} MB"
