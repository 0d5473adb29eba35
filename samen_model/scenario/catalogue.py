"""The parameter registry: every key a scenario file may hold, with its kind, unit and bounds.

The registry is data, ``samen_model/data/parameters.yaml``: one entry per key with how it is
checked (kind, unit, series and distributions allowed, bounds), the engine input it feeds and
what a reader sees (theme, Dutch and English label and description; read by
:mod:`samen_model.scenario.labels`). This module reads the checking part into :data:`CATALOGUE`,
the single list the loader validates against, the assumption register is built from and the
uncertainty tools take their parameter paths from. ``*`` stands for a product or referrer name
chosen in the scenario file. Adding a parameter is one entry there, its use in an engine step
and its test.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

from samen_model.errors import SamenInputError
from samen_model.scenario.yaml_reader import read_yaml

Kind = Literal[
    "share",  # fraction in [0, 1]
    "signed_fraction",  # fraction in [-1, 1]
    "nonneg",  # number >= 0
    "positive",  # number > 0
    "percent",  # percent, may be negative
    "year",  # calendar year (integer)
    "bool",
    "path",  # a file path, relative to the scenario file that names it, or null
    "amounts",  # euros booked per given year, zero in years not listed
    "choice",  # one of the words in Spec.choices (a switch with more than two settings)
]


@dataclass(frozen=True)
class Spec:
    """How a parameter is checked: its kind, whether series and distributions are allowed.

    ``low`` and ``high`` (inclusive, in ``unit``) narrow the kind's range so every output stays
    finite and sane: rates that compound stay above -0.9 a year, money below a bound per unit.
    A number without its own ``high`` is still at most :data:`MAX_MAGNITUDE`.
    """

    kind: Kind
    unit: str
    series: bool = False
    dist: bool = False
    choices: tuple[str, ...] = ()  # the allowed words of a "choice" parameter
    low: float | None = None
    high: float | None = None
    field: str | None = None  # the engine input (Inputs field) a per-draw value feeds
    optional: bool = False  # the value may be null (the registry's null_text says what it means)


#: Largest magnitude of any number in a scenario (EUR, persons, FTE, ...): 10^12.
MAX_MAGNITUDE = 1e12


REGISTRY_PATH = Path(__file__).resolve().parents[1] / "data" / "parameters.yaml"
#: Keys of a registry entry: how it is checked, which input it feeds, what a reader sees.
CHECK_KEYS = {"kind", "unit", "series", "dist", "choices", "low", "high", "field", "optional"}
READER_KEYS = {"theme", "nl", "en", "unit_text", "phrase", "null_text"}


class RegistryError(SamenInputError):
    """The parameter registry shipped with the package is malformed."""


def _spec(key: str, raw: Any) -> Spec:
    where = f"parameters.{key}"
    if not isinstance(raw, dict) or not {"kind", "unit"} <= set(raw) or \
            not set(raw) <= CHECK_KEYS | READER_KEYS:
        raise RegistryError(REGISTRY_PATH, where, "a mapping with kind and unit (and optionally "
                            f"{', '.join(sorted(CHECK_KEYS - {'kind', 'unit'}))})")
    if raw["kind"] not in get_args(Kind):
        raise RegistryError(REGISTRY_PATH, f"{where}.kind", f"one of {', '.join(get_args(Kind))}")
    if not all(isinstance(c, str) for c in raw.get("choices", ())):
        raise RegistryError(REGISTRY_PATH, f"{where}.choices", "words in quotes ('off', not off)")
    return Spec(kind=raw["kind"], unit=str(raw["unit"]), series=bool(raw.get("series", False)),
                dist=bool(raw.get("dist", False)), choices=tuple(raw.get("choices", ())),
                low=None if raw.get("low") is None else float(raw["low"]),
                high=None if raw.get("high") is None else float(raw["high"]),
                field=raw.get("field"), optional=bool(raw.get("optional", False)))


def load_registry(path: Path = REGISTRY_PATH) -> dict[str, dict[str, Any]]:
    """The registry's entries by key, as written (checked by :func:`_spec` and the labels)."""
    data = read_yaml(path, RegistryError, "parameter registry",
                     "a mapping with themes and parameters")
    entries = data.get("parameters")
    if not isinstance(entries, dict) or not entries:
        raise RegistryError(path, "parameters", "a mapping of parameter key: entry")
    return entries


CATALOGUE: dict[str, Spec] = {key: _spec(key, raw) for key, raw in load_registry().items()}

#: Plain-text fields an entity (product, referrer) may carry besides its parameters.
ENTITY_LABELS = ("label_nl", "label_en")
ENTITY_GROUPS = ("products", "referrers")

#: Keys a parameter leaf may have (value and source are required).
PARAM_KEYS = ("value", "unit", "description", "source")


def spec_for(path: str) -> Spec | None:
    """The spec of a concrete parameter path such as ``products.ib_basic.mean_duration_years``."""
    if path in CATALOGUE:
        return CATALOGUE[path]
    parts = path.split(".")
    if len(parts) == 3 and parts[0] in ENTITY_GROUPS:
        return CATALOGUE.get(f"{parts[0]}.*.{parts[2]}")
    return None


def group_fields(group: str) -> list[str]:
    """Parameter names allowed in a plain group (``routing`` -> ``leakage``, ...)."""
    return [p.split(".", 1)[1] for p in CATALOGUE if p.startswith(group + ".")]


def entity_fields(group: str) -> list[str]:
    """Parameter names allowed for one product or referrer."""
    return [p.split(".")[2] for p in CATALOGUE if p.startswith(group + ".*.")]


def plain_groups() -> list[str]:
    """The groups that are not entity lists, in catalogue order."""
    seen: list[str] = []
    for p in CATALOGUE:
        g = p.split(".")[0]
        if g not in ENTITY_GROUPS and g not in seen:
            seen.append(g)
    return seen
