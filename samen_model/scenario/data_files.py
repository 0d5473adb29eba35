"""Load the data tables shipped with the package (OVA index, population of Groningen).

Units: OVA values are **percent** (4.74 means +4.74 %); population counts are **persons**
on 1 January. Every bad-data problem raises :class:`~samen_model.errors.DataFileError`.
"""

from __future__ import annotations

import csv
import io
import math
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import pandas as pd

from samen_model.errors import DataFileError
from samen_model.scenario.yaml_reader import read_text_limited

__all__ = ["load_ova", "load_population", "population_0_17", "provider_shares"]

#: A population data file larger than this is refused (a CBS export for one municipality,
#: single ages and 30 years, is about 100 KB).
MAX_DATA_FILE_BYTES = 10 << 20
#: Most persons aged 0-17 a municipality can have (the Netherlands has about 3.4 million).
MAX_POPULATION = 10_000_000
#: Most columns a data file may have (a CBS export has 5 or 6); checked before parsing.
MAX_COLUMNS = 64
#: Longest line of a data file, in characters; checked before parsing.
MAX_LINE_CHARS = 4096
#: Largest change of the 0-17 population from one year to the next, as a factor (a modelling
#: choice, docs/assumptions.md: Groningen's changes by a few percent a year; a factor beyond
#: this is a wrong unit, a missing row or a typo).
MAX_YEAR_FACTOR = 1.5
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+$")  # 1.834 or 36.000: Dutch thousands

_AGES = range(18)
_SINGLE_AGE = re.compile(r"^(\d+) jaar$")
_CBS_PERIOD = re.compile(r"^(\d{4})(?:JJ00)?$")
_YEAR = re.compile(r"^\d{4}$")
_GRONINGEN = {"gm0014", "groningen (gemeente)"}


class _Table:
    """A CSV with ``#`` comment lines removed; remembers the file line of each data row."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        kept = [(no, line) for no, line in enumerate(text.splitlines(), 1)
                if line.strip() and not line.lstrip().startswith("#")]
        if not kept:
            raise DataFileError(name, "<table>", "a header line and at least one data row")
        header = kept[0][1]
        sep = ";" if header.count(";") > header.count(",") else ","
        for no, line in kept:  # the shape budget, before the parser spends time on it
            if len(line) > MAX_LINE_CHARS:
                raise DataFileError(name, f"line {no}", f"a line of at most {MAX_LINE_CHARS:,} "
                                    f"characters (this one has {len(line):,})")
            if line.count(sep) >= MAX_COLUMNS:
                raise DataFileError(name, f"line {no}", f"at most {MAX_COLUMNS} fields "
                                    f"separated by '{sep}' (this line has "
                                    f"{line.count(sep) + 1:,})")
        self.lines = [no for no, _ in kept[1:]]
        try:
            rows = list(csv.reader(io.StringIO("\n".join(line for _, line in kept)),
                                   delimiter=sep, skipinitialspace=True))
        except csv.Error as exc:
            raise DataFileError(name, "<table>", f"a CSV table ({exc})") from None
        columns = [c.strip() for c in rows[0]]
        if len(set(columns)) != len(columns):
            raise DataFileError(name, f"header, line {kept[0][0]}", "unique column names")
        for i, row in enumerate(rows[1:]):
            if len(row) != len(columns):
                raise DataFileError(name, self.where(i),
                                    f"{len(columns)} fields like the header, got {len(row)}")
        self.df = pd.DataFrame(rows[1:], columns=columns, dtype=str)
        if self.df.empty:
            raise DataFileError(name, "<table>", "at least one data row below the header")
        for col in self.df.columns:
            self.df[col] = self.df[col].str.strip()

    def where(self, i: int) -> str:
        return f"line {self.lines[i]}" if i < len(self.lines) else f"data row {i + 1}"

    def column(self, *names: str, prefix: str | None = None) -> str:
        """Return the first column matching ``names`` (case-insensitive) or ``prefix``."""
        lower = {c.lower(): c for c in self.df.columns}
        for name in names:
            if name.lower() in lower:
                return lower[name.lower()]
        if prefix is not None:
            for col in self.df.columns:
                if col.lower().startswith(prefix.lower()):
                    return col
        wanted = " or ".join([*names, *([f"{prefix}..."] if prefix else [])])
        raise DataFileError(self.name, wanted, f"a column named {wanted}")

    def years(self, col: str, rows: pd.Series | None = None,
              pattern: re.Pattern[str] = _YEAR) -> pd.Series:
        """Parse integer years in ``col`` (only ``rows`` if given)."""
        out = {}
        for i, (idx, raw) in enumerate(self.df[col].items()):
            if rows is not None and not rows[idx]:
                continue
            match = pattern.match(raw)
            if match is None:
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"an integer year such as 2024, got {raw!r}")
            out[idx] = int(match.group(1) if match.groups() else match.group(0))
        return pd.Series(out, dtype="int64")

    def numbers(self, col: str, *, non_negative: bool, unit: str,
                rows: pd.Series | None = None, positive: bool = False,
                maximum: float | None = None, whole: bool = False) -> pd.Series:
        """Parse numbers in ``col`` (only ``rows`` if given); empty cells become NaN.

        ``non_negative`` (or ``positive``) also refuses empty cells; ``maximum`` an upper
        bound (infinity is refused whenever a bound applies); ``whole`` refuses fractions (a
        count) and a Dutch thousands separator (``1.834``), never read as a decimal.
        """
        values = pd.to_numeric(self.df[col], errors="coerce").astype(float)
        for i, (idx, raw) in enumerate(self.df[col].items()):
            if rows is not None and not rows[idx]:
                continue
            value = values[idx]
            if whole and _THOUSANDS.match(raw):
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"a whole number of {unit} without a thousands separator "
                                    f"(got {raw!r}; write {raw.replace('.', '')})")
            if whole and raw != "" and math.isfinite(value) and value != round(value):
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"a whole number of {unit} (got {raw!r})")
            if raw != "" and pd.isna(value):
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"a number ({unit}), got {raw!r}")
            if non_negative and (pd.isna(value) or value < 0):
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"a non-negative number ({unit}), got {raw!r}")
            if positive and not value > 0:
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"a positive number ({unit}), got {raw!r}")
            if maximum is not None and not value <= maximum:
                raise DataFileError(self.name, f"{col}, {self.where(i)}",
                                    f"a finite number of at most {maximum:,.0f} {unit}, "
                                    f"got {raw!r}")
        return values if rows is None else values[rows]


def _unique_years(name: str, years: pd.Series, col: str) -> None:
    dup = years[years.duplicated()]
    if not dup.empty:
        raise DataFileError(name, f"{col} {int(dup.iloc[0])}", "each year at most once")


def _shipped(filename: str) -> _Table:
    text = files("samen_model").joinpath("data").joinpath(filename).read_text(encoding="utf-8")
    return _Table(f"samen_model/data/{filename}", text)


def _shipped_by_year(filename: str, numbers: tuple[str, ...], non_negative: bool, unit: str,
                     texts: tuple[str, ...]) -> pd.DataFrame:
    """A shipped table indexed by its unique ``year``: the ``numbers`` columns checked as
    numbers in ``unit``, the ``texts`` columns as they are."""
    t = _shipped(filename)
    year = t.years(t.column("year"))
    _unique_years(t.name, year, "year")
    out = pd.DataFrame(index=pd.Index(year.to_numpy(), name="year"))
    for col in numbers:
        out[col] = t.numbers(t.column(col), non_negative=non_negative, unit=unit).to_numpy()
    for col in texts:
        out[col] = t.df[t.column(col)].to_numpy()
    return out.sort_index()


@lru_cache(maxsize=1)
def _ova() -> pd.DataFrame:
    return _shipped_by_year("ova.csv", ("ova_provisional_pct", "ova_definitive_pct"),
                            False, "percent",
                            ("provisional_status", "definitive_status", "source"))


def load_ova() -> pd.DataFrame:
    """OVA wage-cost index by year, in **percent**.

    Index ``year`` (int). Columns ``ova_provisional_pct`` and ``ova_definitive_pct`` (float,
    NaN when not known), ``provisional_status``, ``definitive_status`` and ``source``.
    """
    return _ova().copy()


@lru_cache(maxsize=1)
def _shipped_population() -> pd.DataFrame:
    return _shipped_by_year("population_groningen.csv", ("population_total", "population_0_17"),
                            True, "persons", ("total_status", "status_0_17", "source"))


def _read_text(path: Path) -> str:
    raw = read_text_limited(path, DataFileError, "CSV file", MAX_DATA_FILE_BYTES)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _from_simple(t: _Table) -> pd.Series:
    year_col = t.column("year")
    counts = t.numbers(t.column("population_0_17"), non_negative=True, unit="persons",
                       positive=True, maximum=MAX_POPULATION, whole=True)
    return pd.Series(counts.to_numpy(), index=t.years(year_col).to_numpy())


def _from_cbs(t: _Table) -> pd.Series:
    df = t.df
    age_col = t.column("Leeftijd")
    period_col = t.column("Perioden")
    value_col = next((c for p in ("bevolking op 1 januari", "bevolking") for c in df.columns
                      if c.lower().startswith(p)), None)
    if value_col is None:
        raise DataFileError(t.name, "Bevolking op 1 januari...",
                            "a value column whose name starts with 'Bevolking'")
    region_col = next((c for c in df.columns if c.lower() in ("regio's", "regios")), None)
    keep = pd.Series(True, index=df.index)
    if region_col is not None and df[region_col].nunique() > 1:
        keep &= df[region_col].str.lower().isin(_GRONINGEN)
        if not keep.any():
            raise DataFileError(t.name, region_col, "rows for GM0014 / Groningen (gemeente)")
    for col in df.columns:  # other dimensions (Geslacht, ...): keep their "Totaal ..." level
        values = df.loc[keep, col].str.lower()
        if col not in (age_col, period_col) and values.nunique() > 1 and \
                values.str.startswith("totaal").any():
            keep &= df[col].str.lower().str.startswith("totaal")
    ages = df[age_col].str.extract(_SINGLE_AGE, expand=False).astype(float)
    rows = keep & ages.isin(list(_AGES))
    if not rows.any():
        raise DataFileError(t.name, age_col, "rows for the single ages '0 jaar' .. '17 jaar'")
    all_years = t.years(period_col, keep, _CBS_PERIOD)
    years = all_years[rows[keep]]
    counts = t.numbers(value_col, non_negative=True, unit="persons", rows=rows,
                       maximum=MAX_POPULATION, whole=True)
    for year in sorted(set(all_years)):
        found = sorted(int(a) for a in ages[years.index[years == year]])
        if found != list(_AGES):
            missing = sorted(set(_AGES) - set(found))
            raise DataFileError(t.name, f"{age_col}, period {year}",
                                f"exactly one row for each single age 0..17 jaar "
                                f"(missing {missing}, {len(found)} rows found)")
    totals = counts.groupby(years).sum().astype(float)
    for year, total in totals.items():
        if not 0 < total <= MAX_POPULATION:
            raise DataFileError(t.name, f"{value_col}, period {year}", "a positive 0-17 "
                                f"total of at most {MAX_POPULATION:,} persons (got {total:,.0f})")
    return totals


def load_population(path: str | Path | None = None) -> pd.DataFrame:
    """Population aged 0-17 by year, in **persons** (1 January).

    Without ``path``: the shipped table for gemeente Groningen (its 0-17 column is an
    estimate; see ``data/population_groningen.md``), with ``population_total`` too.
    With ``path``: a CSV with columns ``year,population_0_17`` or a CBS StatLine 03759ned
    export (``;``-separated; single ages 0..17 summed per period). Index ``year`` (int);
    columns ``population_0_17`` (float), ``status_0_17`` (``observed``) and ``source``.
    """
    if path is None:
        return _shipped_population().copy()
    path = Path(path)
    t = _Table(str(path), _read_text(path))
    lower = [c.lower() for c in t.df.columns]
    is_cbs = "leeftijd" in lower or any(c.startswith("bevolking") for c in lower)
    counts = _from_cbs(t) if is_cbs else _from_simple(t)
    years = pd.Series(counts.index)
    _unique_years(t.name, years, "year")
    _plausible_steps(t.name, counts)
    out = pd.DataFrame({"population_0_17": counts.to_numpy(dtype=float)},
                       index=pd.Index(years.to_numpy(dtype="int64"), name="year"))
    out["status_0_17"] = "observed"
    out["source"] = str(path)
    return out.sort_index()


def _plausible_steps(name: str, counts: pd.Series) -> None:
    """Refuse a change from one year to the next by more than :data:`MAX_YEAR_FACTOR`."""
    ordered = counts.sort_index()
    for (y0, a), (y1, b) in zip(ordered.items(), list(ordered.items())[1:], strict=False):
        if y1 == y0 + 1 and a > 0 and b > 0 and max(a / b, b / a) > MAX_YEAR_FACTOR:
            raise DataFileError(name, f"population_0_17, year {y1}", f"a count within a factor "
                                f"{MAX_YEAR_FACTOR:g} of the year before ({a:,.0f} in {y0}; got "
                                f"{b:,.0f}): check the unit, the rows and the separators")


@lru_cache(maxsize=8)
def _population_file(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    """:func:`load_population` of a user's file, cached while the file is unchanged."""
    return load_population(path)


def population_0_17(data_file: str | Path | None, years: np.ndarray) -> np.ndarray:
    """The 0-17 population per model year (persons, shape (Y,)), NaN after the data.

    The one check of a population data file: ``validate`` (loading a scenario) and ``run``
    (building the engine's inputs) both call it. The data must cover the first model year and
    have no gaps up to its last year inside the horizon; every count is positive and finite.
    """
    if data_file:
        stat = Path(data_file).stat() if Path(data_file).is_file() else None
        table = (_population_file(str(data_file), stat.st_mtime_ns, stat.st_size)
                 if stat is not None else load_population(data_file))
    else:
        table = _shipped_population()
    pop = table["population_0_17"]
    first = int(years[0])
    where = str(data_file) if data_file else "samen_model/data/population_groningen.csv"
    if first not in pop.index:
        raise DataFileError(where, "year", f"a 0-17 count for the first model year {first} "
                            f"(the file covers {_span(pop.index)})")
    known = np.array([float(pop[y]) if y in pop.index else np.nan for y in years])
    last_known = max(y for y in pop.index if y <= years[-1])
    n_known = int(np.sum(years <= last_known))
    if np.isnan(known[:n_known]).any():
        missing = [int(y) for y in years[:n_known][np.isnan(known[:n_known])]]
        raise DataFileError(where, "year", f"no gaps in the 0-17 series (missing {missing})")
    known[n_known:] = np.nan
    return known


def _span(index: pd.Index) -> str:
    return f"{min(index)}-{max(index)}" if len(index) else "no years"


def provider_shares() -> pd.DataFrame:
    """Provider shares of 2020 shipped with the package (MEMO info totstandkoming SAMEN.,
    6 December 2021, §5): share in SAMEN. products and in Groningen youth-care turnover."""
    path = files("samen_model") / "data" / "providers_2020.csv"
    with path.open(encoding="utf-8") as fh:
        return pd.read_csv(fh, comment="#")
