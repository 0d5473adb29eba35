"""Observation files: realised figures the model is compared with (and calibrated against).

An observation file (``observations/groningen.yaml``) has ``schema_version``, a ``name`` and a
list ``observations``; each entry names the model column it measures, the year, the value in
that column's unit, the figure as the document words it (``reported``), how it was counted,
its source and an optional note on how the shipped scenarios relate to it. Problems raise
:class:`~samen_model.errors.ObservationError` naming the file, the key path and the expectation.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samen_model.errors import ObservationError
from samen_model.scenario.sources import citation_problem
from samen_model.scenario.yaml_reader import read_yaml

SCHEMA_VERSION = 1
ENTRY_KEYS = {"id": True, "column": True, "year": True, "value": True, "reported": True,
              "counted": True, "source": True, "model_note": False}
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Observation:
    """One realised figure: ``value`` of ``column`` in ``year`` (the column's unit)."""

    id: str
    column: str
    year: int
    value: float
    reported: dict[str, str]
    counted: str
    source: str
    model_note: dict[str, str]


@dataclass(frozen=True)
class Observations:
    """A validated observation file."""

    name: str
    title: str
    path: Path | None
    items: tuple[Observation, ...]
    hash: str

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _texts(raw: Any, file: Path, where: str) -> dict[str, str]:
    if not (isinstance(raw, dict) and set(raw) == set(LANGUAGES)
            and all(isinstance(v, str) and v for v in raw.values())):
        raise ObservationError(file, where, "a mapping with a non-empty text for nl and en")
    return dict(raw)


def _entry(raw: Any, i: int, file: Path, columns: Collection[str] | None) -> Observation:
    where = f"observations[{i}]"
    if not isinstance(raw, dict):
        raise ObservationError(file, where, "a mapping with " + ", ".join(ENTRY_KEYS))
    for key, required in ENTRY_KEYS.items():
        if required and key not in raw:
            raise ObservationError(file, f"{where}.{key}", "this key is required")
    for key in raw:
        if key not in ENTRY_KEYS:
            raise ObservationError(file, f"{where}.{key}",
                                   f"no such key (allowed: {', '.join(ENTRY_KEYS)})")
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
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise ObservationError(file, f"{where}.value", f"a finite number (got {value!r})")
    note = raw.get("model_note")
    return Observation(
        id=raw["id"], column=raw["column"], year=year, value=float(value),
        reported=_texts(raw["reported"], file, f"{where}.reported"), counted=raw["counted"],
        source=raw["source"],
        model_note=_texts(note, file, f"{where}.model_note") if note is not None else {},
    )


def load_observations(path: str | Path, columns: Collection[str] | None = None) -> Observations:
    """Load and validate an observation file; ``columns`` (if given) are the allowed columns."""
    path = Path(path)
    data = read_yaml(path, ObservationError, "observation file",
                     "a mapping with schema_version, name and observations")
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ObservationError(path, "schema_version", f"{SCHEMA_VERSION}, the only schema "
                               f"version this model reads (got {data.get('schema_version')!r})")
    for key in data:
        if key not in ("schema_version", "name", "title", "observations"):
            raise ObservationError(path, key, "no such key (allowed: schema_version, name, "
                                   "title, observations)")
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
                        hash=hashlib.sha256(path.read_bytes()).hexdigest()[:16])
