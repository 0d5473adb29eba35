"""Observation files: realised figures the model is compared with and calibrated against.

An observation file (``observations/groningen.yaml``, format in docs/calibration.md) has
``schema_version``, a ``name``, a ``title`` and a list ``observations``. Each entry names the
model column it measures, the year, the value in that column's unit, the figure as the document
words it (``reported``), how and when it was counted (``counted``, ``date``), how uncertain it is
(``uncertainty``: a standard deviation or an interval, with its basis and source), the source
of the figure, an optional note on how the shipped scenarios relate to it, and whether the
calibration uses it (``calibrate``, default true). Problems raise
:class:`~samen_model.errors.ObservationError` naming the file, the key path and the expectation.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samen_model.errors import ObservationError
from samen_model.scenario.mapping_checks import check_keys, texts_by_language
from samen_model.scenario.sources import citation_problem
from samen_model.scenario.yaml_reader import read_yaml

SCHEMA_VERSION = 2
ENTRY_KEYS = {"id": True, "column": True, "year": True, "value": True, "reported": True,
              "counted": True, "date": True, "uncertainty": True, "source": True,
              "model_note": False, "calibrate": False, "to_date": False}
SHARED_KEYS = {"id": True, "figures": True, "sd_relative": True, "basis": True, "source": True}
UNCERTAINTY_KEYS = ("sd", "interval", "basis", "source")
BASES = ("stated", "estimate")
#: z of a central 90% interval of the normal distribution (the range of a normal figure).
Z90 = 1.6448536269514722
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Uncertainty:
    """How far the model's value may be from a figure (in the column's unit).

    ``kind == "normal"``: the figure is the model's value plus a normal error of ``sd``.
    ``kind == "interval"``: the figure says the value lies in ``[low, high]`` (``None`` = an
    open side, e.g. "ruim 80" has a lower bound); the model's value may miss the true one by a
    normal error of ``sd`` (the softness of the edges). ``basis`` is ``stated`` (the document
    gives it, e.g. by rounding) or ``estimate`` (a modelling estimate); ``source`` says why.
    """

    kind: str
    sd: float
    low: float | None
    high: float | None
    basis: str
    source: str


@dataclass(frozen=True)
class Observation:
    """One realised figure: ``value`` of ``column`` in ``year`` (the column's unit)."""

    id: str
    column: str
    year: int
    value: float
    reported: dict[str, str]
    counted: str
    date: str
    uncertainty: Uncertainty
    source: str
    model_note: dict[str, str]
    calibrate: bool = True
    #: the figure counts ``column`` up to ``date`` (not the year total): the column is a year
    #: total of a stock on 1 January plus this flow column over the year (docs/calibration.md)
    to_date_flow: str | None = None

    def elapsed_share(self) -> float:
        """Share of the year ``year`` elapsed at ``date`` (a month: its middle; a day: its
        end); 1 for a figure dated after the year."""
        parts = [int(x) for x in self.date.split("-")]
        if parts[0] != self.year:
            return 1.0 if parts[0] > self.year else 0.0
        first = _dt.date(self.year, 1, 1)
        days = (_dt.date(self.year + 1, 1, 1) - first).days
        if len(parts) == 1:
            return 1.0
        if len(parts) == 2:
            start = _dt.date(self.year, parts[1], 1)
            end = _dt.date(self.year + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return ((start - first).days + 0.5 * (end - start).days) / days
        return ((_dt.date(*parts) - first).days + 1) / days

    def stated_range(self) -> tuple[float, float]:
        """Where the figure says the value lies: ``value ± 1.645 sd`` (a central 90% range)
        for a normal figure, ``[low, high]`` for an interval (open sides are infinite)."""
        u = self.uncertainty
        if u.kind == "normal":
            return self.value - Z90 * u.sd, self.value + Z90 * u.sd
        return (-math.inf if u.low is None else u.low, math.inf if u.high is None else u.high)


@dataclass(frozen=True)
class SharedError:
    """A relative error the figures ``figures`` share (e.g. one cost base behind two figures):
    the model's values of all of them are off by the same factor ``1 + e``,
    ``e ~ N(0, sd_relative^2)``, on top of each figure's own uncertainty."""

    id: str
    figures: tuple[str, ...]
    sd_relative: float
    basis: str
    source: str


@dataclass(frozen=True)
class Observations:
    """A validated observation file."""

    name: str
    title: str
    path: Path | None
    items: tuple[Observation, ...]
    hash: str
    shared_errors: tuple[SharedError, ...] = ()
    #: the log-likelihood is divided by this (>= 1): a likelihood that admits the model is
    #: wrong (docs/calibration.md, "Checked where the model is wrong"); 1 = untempered
    temper: float = 1.0
    temper_source: str = ""

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def used(self) -> tuple[Observation, ...]:
        """The observations the calibration uses (``calibrate: true``)."""
        return tuple(o for o in self.items if o.calibrate)

    def select(self, ids: Collection[str]) -> Observations:
        """The same file restricted to the observations ``ids`` (in file order)."""
        return Observations(self.name, self.title, self.path,
                            tuple(o for o in self.items if o.id in ids), self.hash,
                            self.shared_errors, self.temper, self.temper_source)


def _texts(raw: Any, file: Path, where: str) -> dict[str, str]:
    return texts_by_language(raw, ObservationError, file, where,
                             "a mapping with a non-empty text for nl and en")


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _date(raw: Any, file: Path, where: str) -> str:
    if isinstance(raw, _dt.date):
        return raw.isoformat()[:10]
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str) or not _DATE.match(raw):
        raise ObservationError(file, where, "the date of the count as YYYY-MM-DD, YYYY-MM or "
                               f"YYYY (got {raw!r})")
    return raw


def _uncertainty(raw: Any, value: float, file: Path, where: str) -> Uncertainty:
    shape = ("a mapping {sd: S, basis: stated|estimate, source: text} (normal) or "
             "{interval: [low, high], sd: S, basis: ..., source: ...} (an interval with soft "
             "edges; null for an open side)")
    if not isinstance(raw, dict):
        raise ObservationError(file, where, shape)
    check_keys(raw, {k: k != "interval" for k in UNCERTAINTY_KEYS}, ObservationError, file,
               where, required_note=shape)
    if not _number(raw["sd"]) or raw["sd"] <= 0:
        raise ObservationError(file, f"{where}.sd", "a positive number in the column's unit "
                               f"(got {raw['sd']!r})")
    if raw["basis"] not in BASES:
        raise ObservationError(file, f"{where}.basis", f"one of {', '.join(BASES)} "
                               f"(got {raw['basis']!r})")
    if not isinstance(raw["source"], str) or not raw["source"].strip():
        raise ObservationError(file, f"{where}.source", "a non-empty text: where the "
                               "uncertainty comes from, or 'estimate: <reason>'")
    if (problem := citation_problem(raw["source"])) is not None:
        raise ObservationError(file, f"{where}.source", problem)
    low = high = None
    kind = "normal"
    if "interval" in raw:
        kind = "interval"
        pair = raw["interval"]
        if not (isinstance(pair, list) and len(pair) == 2
                and all(x is None or _number(x) for x in pair) and pair != [None, None]):
            raise ObservationError(file, f"{where}.interval", "a list [low, high] of numbers "
                                   f"(null for an open side, not both) (got {pair!r})")
        low, high = (None if x is None else float(x) for x in pair)
        if low is not None and high is not None and not low < high:
            raise ObservationError(file, f"{where}.interval", f"low < high (got {pair!r})")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ObservationError(file, f"{where}.interval", "an interval that contains the "
                                   f"value {value:g} (got {pair!r})")
    return Uncertainty(kind, float(raw["sd"]), low, high, raw["basis"], raw["source"])


def _entry(raw: Any, i: int, file: Path, columns: Collection[str] | None) -> Observation:
    where = f"observations[{i}]"
    if not isinstance(raw, dict):
        raise ObservationError(file, where, "a mapping with " + ", ".join(ENTRY_KEYS))
    check_keys(raw, ENTRY_KEYS, ObservationError, file, where)
    for key in ("id", "column", "counted", "source"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise ObservationError(file, f"{where}.{key}", "a non-empty text")
    if (problem := citation_problem(raw["source"])) is not None:
        raise ObservationError(file, f"{where}.source", problem)
    if columns is not None and raw["column"] not in columns:
        raise ObservationError(file, f"{where}.column", "an output column of docs/columns.md "
                               f"(got {raw['column']!r})")
    year = raw["year"]
    if not isinstance(year, int) or isinstance(year, bool) or not 1990 <= year <= 2100:
        raise ObservationError(file, f"{where}.year", f"a calendar year 1990-2100 (got {year!r})")
    value = raw["value"]
    if not _number(value):
        raise ObservationError(file, f"{where}.value", f"a finite number (got {value!r})")
    calibrate = raw.get("calibrate", True)
    if not isinstance(calibrate, bool):
        raise ObservationError(file, f"{where}.calibrate", f"true or false (got {calibrate!r})")
    flow = None
    if "to_date" in raw:
        td = raw["to_date"]
        if not (isinstance(td, dict) and set(td) == {"flow"} and isinstance(td["flow"], str)
                and (columns is None or td["flow"] in columns)):
            raise ObservationError(file, f"{where}.to_date", "a mapping {flow: COLUMN}: the "
                                   "output column of docs/columns.md that the year total adds "
                                   f"to the stock of 1 January (got {td!r})")
        if len(str(raw["date"]).split("-")) < 2:
            raise ObservationError(file, f"{where}.date", "a month or a day (YYYY-MM or "
                                   "YYYY-MM-DD) for a figure counted to a date")
        flow = td["flow"]
    note = raw.get("model_note")
    return Observation(
        id=raw["id"], column=raw["column"], year=year, value=float(value),
        reported=_texts(raw["reported"], file, f"{where}.reported"), counted=raw["counted"],
        date=_date(raw["date"], file, f"{where}.date"),
        uncertainty=_uncertainty(raw["uncertainty"], float(value), file,
                                 f"{where}.uncertainty"),
        source=raw["source"],
        model_note=_texts(note, file, f"{where}.model_note") if note is not None else {},
        calibrate=calibrate, to_date_flow=flow,
    )


def _shared(raw: Any, items: tuple[Observation, ...], file: Path) -> tuple[SharedError, ...]:
    """The ``shared_errors`` list: each names figures of the file (at least two, each in at
    most one group) and a relative sd."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ObservationError(file, "shared_errors", "a list of {id, figures, sd_relative, "
                               "basis, source}")
    ids = {o.id for o in items}
    seen: set[str] = set()
    out = []
    for i, r in enumerate(raw):
        where = f"shared_errors[{i}]"
        if not isinstance(r, dict):
            raise ObservationError(file, where, "a mapping with " + ", ".join(SHARED_KEYS))
        check_keys(r, SHARED_KEYS, ObservationError, file, where)
        figs = r["figures"]
        if not (isinstance(figs, list) and len(figs) >= 2 and all(f in ids for f in figs)
                and len(set(figs)) == len(figs)):
            raise ObservationError(file, f"{where}.figures", "a list of at least two different "
                                   f"observation ids of this file (got {figs!r})")
        if seen & set(figs):
            raise ObservationError(file, f"{where}.figures", "figures in at most one shared "
                                   f"error (again: {', '.join(sorted(seen & set(figs)))})")
        seen |= set(figs)
        if not _number(r["sd_relative"]) or not 0 < r["sd_relative"] < 0.5:
            raise ObservationError(file, f"{where}.sd_relative", "a fraction between 0 and 0.5 "
                                   f"(got {r['sd_relative']!r})")
        if r["basis"] not in BASES:
            raise ObservationError(file, f"{where}.basis", f"one of {', '.join(BASES)}")
        if not isinstance(r["source"], str) or (p := citation_problem(r["source"])) is not None:
            raise ObservationError(file, f"{where}.source", p if isinstance(r["source"], str)
                                   else "a citation text")
        out.append(SharedError(str(r["id"]), tuple(figs), float(r["sd_relative"]),
                               r["basis"], r["source"]))
    return tuple(out)


def _temper(raw: Any, file: Path) -> dict[str, Any]:
    """``temper: {value: T, source: text}``: T >= 1 divides the log-likelihood."""
    if raw is None:
        return {}
    if not (isinstance(raw, dict) and set(raw) == {"value", "source"} and _number(raw["value"])
            and 1.0 <= raw["value"] <= 100.0 and isinstance(raw["source"], str)):
        raise ObservationError(file, "temper", "a mapping {value: T, source: text} with T a "
                               f"number from 1 to 100 (got {raw!r})")
    if (problem := citation_problem(raw["source"])) is not None:
        raise ObservationError(file, "temper.source", problem)
    return {"temper": float(raw["value"]), "temper_source": raw["source"]}


def load_observations(path: str | Path, columns: Collection[str] | None = None) -> Observations:
    """Load and validate an observation file; ``columns`` (if given) are the allowed columns.

    ``hash`` is the first 16 hex digits of the sha256 of the file's bytes.
    """
    path = Path(path)
    data = read_yaml(path, ObservationError, "observation file",
                     "a mapping with schema_version, name and observations")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ObservationError(path, "schema_version", f"{SCHEMA_VERSION}, the only schema "
                               f"version this model reads (got {data.get('schema_version')!r}; "
                               "version 2 adds uncertainty and date to every figure, see "
                               "docs/calibration.md)")
    for key in data:
        if key not in ("schema_version", "name", "title", "observations", "shared_errors",
                       "temper"):
            raise ObservationError(path, key, "no such key (allowed: schema_version, name, "
                                   "title, observations, shared_errors, temper)")
    raw = data.get("observations")
    if not isinstance(raw, list) or not raw:
        raise ObservationError(path, "observations", "a non-empty list of observations")
    items = tuple(_entry(r, i, path, columns) for i, r in enumerate(raw))
    seen: set[str] = set()
    for i, o in enumerate(items):
        if o.id in seen:
            raise ObservationError(path, f"observations[{i}].id", f"a unique id ({o.id!r} twice)")
        seen.add(o.id)
    name = data.get("name") if isinstance(data.get("name"), str) else path.stem
    return Observations(name=name, title=str(data.get("title") or name), path=path, items=items,
                        hash=hashlib.sha256(path.read_bytes()).hexdigest()[:16],
                        shared_errors=_shared(data.get("shared_errors"), items, path),
                        **_temper(data.get("temper"), path))
