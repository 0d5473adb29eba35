"""How much memory a run's stored outputs need, and a refusal before allocating what won't fit.

numpy and the standard library only. Every stored value is a float64 (8 bytes); a run stores
``n_columns`` arrays of ``n_years x draws`` (the kept columns, plus the rows of reducers).
"""

from __future__ import annotations

from samen_model.errors import SamenInputError

#: Bytes per stored value (float64).
BYTES_PER_VALUE = 8
#: Share of the available memory the stored outputs may take (the rest is working space).
USABLE_SHARE = 0.8
#: Assumed when /proc/meminfo cannot be read (not Linux): 4 GB.
FALLBACK_BYTES = 4 << 30


def available_bytes() -> int:
    """Memory available to a new allocation: ``MemAvailable`` of /proc/meminfo, in bytes.

    Falls back to :data:`FALLBACK_BYTES` where that file does not exist or cannot be read.
    """
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024  # the file counts kB
    except (OSError, ValueError, IndexError):
        pass
    return FALLBACK_BYTES


def output_bytes(n_years: int, draws: int, n_columns: int) -> int:
    """Bytes to store ``n_columns`` arrays of ``n_years x draws`` float64 values."""
    return BYTES_PER_VALUE * n_years * draws * n_columns


def check_fits(n_years: int, draws: int, n_columns: int, *, limit_bytes: int | None = None
               ) -> None:
    """Refuse (before anything is allocated) a run whose stored outputs would not fit.

    ``limit_bytes`` defaults to :data:`USABLE_SHARE` of :func:`available_bytes`. Raises
    :class:`~samen_model.errors.SamenInputError` (field ``draws``) saying how many draws fit
    and what to keep instead.
    """
    if n_columns <= 0 or n_years <= 0 or draws <= 0:
        return
    limit = int(USABLE_SHARE * available_bytes()) if limit_bytes is None else int(limit_bytes)
    need = output_bytes(n_years, draws, n_columns)
    if need <= limit:
        return
    fit = max(limit // output_bytes(n_years, 1, n_columns), 0)
    raise SamenInputError(
        None, "draws",
        f"at most {fit:,} draws fit in memory when {n_columns} columns of {n_years} years are "
        f"kept ({draws:,} draws need {need / 2**30:.1f} GiB, about {limit / 2**30:.1f} GiB is "
        "usable); keep fewer columns (keep=...) or summarise per block (reduce=..., the "
        "Monte Carlo summary)")
