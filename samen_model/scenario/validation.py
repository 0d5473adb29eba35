"""Validation of a merged scenario tree against the parameter catalogue.

Every leaf must carry ``value``, ``unit``, ``description`` and ``source``; a value is a number,
a year series or a distribution, checked against its :class:`~samen_model.scenario.catalogue.Spec`
(kind, unit, whether series and distributions are allowed). Problems raise one
:class:`~samen_model.errors.ScenarioError` naming the file, the key path and the expectation.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError

from samen_model.errors import ScenarioError
from samen_model.scenario.catalogue import (
    ENTITY_GROUPS,
    ENTITY_LABELS,
    MAX_MAGNITUDE,
    PARAM_KEYS,
    Spec,
    entity_fields,
    group_fields,
    plain_groups,
    spec_for,
)
from samen_model.scenario.consistency import check_consistency
from samen_model.scenario.labels import label_of
from samen_model.scenario.sources import citation_problem
from samen_model.scenario.values import DIST_KINDS, Distribution

SCHEMA_VERSION = 1
TOP_KEYS = ("schema_version", "name", "title", "description", "extends", "parameters",
            "correlations", "posterior")
MAX_YEAR = 2100
#: A product or referrer key: it becomes part of a dotted parameter path and a column name.
ENTITY_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
#: Characters a one-line text (a title, a label) may not hold: controls, format characters,
#: line separators (an escape sequence would reach the terminal, a newline forge a line).
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def text_problem(text: str, multiline: bool = False) -> str | None:
    """None if ``text`` holds no control character (``multiline``: newlines and tabs are
    fine), else what was expected."""
    allowed = "\n\t" if multiline else ""
    bad = next((c for c in text if c not in allowed
                and unicodedata.category(c) in _HIDDEN), None) if not text.isprintable() else None
    if bad is None:
        return None
    return (f"text without control characters (got U+{ord(bad):04X}"
            f"{'' if multiline else '; one line'})")


class _Leaf(BaseModel):
    """The keys of a parameter: ``value`` (checked by its spec afterwards) and ``source``;
    ``unit`` and ``description`` may be left to the registry (a unit given must be its unit)."""

    model_config = ConfigDict(extra="forbid")
    value: Any
    unit: StrictStr | None = None
    description: StrictStr | None = None
    source: StrictStr


class _Top(BaseModel):
    model_config = ConfigDict(extra="forbid")
    schema_version: StrictInt
    name: StrictStr | None = None
    title: StrictStr | None = None
    description: StrictStr | None = None
    extends: StrictStr | None = None
    parameters: dict
    correlations: list | None = None
    posterior: dict | None = None  # a calibrated scenario (scenario/posterior.py checks it)


def _pydantic_problem(exc: ValidationError, prefix: str) -> tuple[str, str]:
    err = exc.errors()[0]
    loc = ".".join(str(x) for x in (prefix, *err["loc"]) if x != "")
    if err["type"] == "extra_forbidden":
        allowed = PARAM_KEYS if prefix else TOP_KEYS
        return loc, f"no such key (allowed: {', '.join(allowed)})"
    if err["type"] == "missing":
        return loc, "this key is required"
    return loc, f"{err['msg'].lower()} (got {shown(err.get('input'))})"


def shown(x: Any, limit: int = 60) -> str:
    """``repr(x)`` cut to ``limit`` characters, so a message stays one readable line."""
    text = repr(x)
    return text if len(text) <= limit else f"{text[:limit - 3]}..."


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_number(x: Any, spec: Spec, support: bool = False) -> str | None:
    """None if ``x`` fits the spec's kind, else what was expected.

    ``support``: ``x`` is an end of a distribution's support, which may be infinite where the
    kind has no bound on that side (a lognormal cost without an upper bound).
    """
    k = spec.kind
    if k == "year":
        if not isinstance(x, int) or isinstance(x, bool):
            return (f"a calendar year as an integer{' or null' if spec.optional else ''} "
                    f"(got {shown(x)})")
        if not 1990 <= x <= MAX_YEAR:
            return f"a year between 1990 and {MAX_YEAR} (got {x})"
        return None
    if not is_number(x):
        return f"a number in {spec.unit} (got {shown(x)}{_comma_hint(x)})"
    x = float(x)
    if math.isnan(x) or (not support and math.isinf(x)):
        return f"a finite number in {spec.unit} (got {x})"
    if k == "share" and not 0.0 <= x <= 1.0:
        return f"a share between 0 and 1 (got {x}{_percent_hint(x, spec)})"
    if k == "signed_fraction" and not -1.0 <= x <= 1.0:
        return f"a fraction between -1 and 1 (got {x}{_percent_hint(x, spec)})"
    if k in ("nonneg", "amounts") and x < 0:
        return f"a non-negative number in {spec.unit} (got {x})"
    if k == "positive" and x <= 0:
        return f"a positive number in {spec.unit} (got {x})"
    if k == "percent" and not -50.0 <= x <= 100.0:
        return f"a percentage between -50 and 100 (got {x})"
    return _check_bounds(x, spec)


#: A number written with a decimal comma (``0,2``), which YAML reads as text.
_DECIMAL_COMMA = re.compile(r"[-+]?\d+,\d+")


def _comma_hint(x: Any) -> str:
    """``"; a decimal comma? write 0.2"`` for the text ``"0,2"``, else ``""``."""
    if isinstance(x, str) and _DECIMAL_COMMA.fullmatch(x.strip()):
        return f"; a decimal comma? write {x.strip().replace(',', '.')}"
    return ""


def _percent_hint(x: float, spec: Spec) -> str:
    """``"; 20% is 0.20"`` for a fraction given as a percentage (1 < |x| <= 100), else ``""``."""
    if not spec.unit.startswith("fraction") or not 1.0 <= abs(x) <= 100.0 or \
            (spec.kind == "share" and x < 0):
        return ""
    fraction = f"{x / 100:.2f}"
    if float(fraction) != round(x / 100, 12):
        fraction = f"{x / 100:g}"
    return f"; {x:g}% is {fraction}"


def value_problem(x: Any, spec: Spec) -> str | None:
    """None if ``x`` is a value a scenario file may give a parameter of ``spec``, else what
    was expected (the check of :func:`validate_tree`, for callers that set values)."""
    return _check_number(x, spec)


def _without_accents(text: str) -> str:
    """``text`` without diacritics: ``"reëel"`` -> ``"reeel"``."""
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def _check_bounds(x: float, spec: Spec) -> str | None:
    """The spec's own ``low``/``high`` (and :data:`MAX_MAGNITUDE`) on a number of its kind."""
    low = spec.low
    high = spec.high if spec.high is not None else (
        None if spec.kind in ("share", "signed_fraction", "percent") else MAX_MAGNITUDE)
    if (low is not None and x < low) or (high is not None and x > high):
        hint = _percent_hint(x, spec)
        if low is not None and high is not None:
            return f"a number between {low:g} and {high:g} {spec.unit} (got {x:g}{hint})"
        if low is not None:
            return f"a number of at least {low:g} {spec.unit} (got {x:g}{hint})"
        return f"a number of at most {high:g} {spec.unit} (got {x:g}{hint})"
    if spec.kind in ("signed_fraction", "nonneg", "positive") and abs(x) > MAX_MAGNITUDE:
        return f"a number of at most {MAX_MAGNITUDE:g} in size (got {x:g})"
    return None


_DIST_FIELDS = {
    "uniform": ({"low", "high"}, set()),
    "triangular": ({"low", "mode", "high"}, set()),
    "normal": ({"mean", "sd"}, {"low", "high"}),
    "lognormal": ({"median", "sigma"}, {"low", "high"}),
    "beta": ({"alpha", "beta"}, {"low", "high"}),
}


def _parse_distribution(raw: dict, spec: Spec) -> tuple[Distribution | None, str | None, str]:
    """Parse ``{dist: ..., ...}``; return (distribution, problem, sub-key)."""
    kind = raw.get("dist")
    if kind not in DIST_KINDS:
        return None, f"one of {', '.join(DIST_KINDS)} (got {shown(kind)})", "dist"
    required, optional = _DIST_FIELDS[kind]
    keys = set(raw) - {"dist"}
    if missing := sorted(required - keys):
        return None, f"a {kind} distribution needs {', '.join(sorted(required))} " \
                     f"(missing: {', '.join(missing)})", missing[0]
    if extra := sorted(keys - required - optional):
        return None, f"no such key for a {kind} distribution (allowed: " \
                     f"{', '.join(sorted(required | optional))})", extra[0]
    for k in sorted(keys):
        if not is_number(raw[k]) or not math.isfinite(raw[k]):
            return None, f"a finite number (got {shown(raw[k])})", k
    d = Distribution(kind=kind, **{k: float(raw[k]) for k in keys})
    lo, hi = d.low, d.high
    if lo is not None and hi is not None and lo > hi:
        return None, f"low <= high (got low={lo}, high={hi})", "low"
    if kind == "triangular" and not lo <= d.mode <= hi:
        return None, f"low <= mode <= high (got {lo}, {d.mode}, {hi})", "mode"
    if kind == "normal" and d.sd <= 0:
        return None, f"a positive standard deviation (got {d.sd})", "sd"
    if kind == "lognormal" and (d.median <= 0 or d.sigma <= 0):
        return None, "a positive median and sigma", "median" if d.median <= 0 else "sigma"
    if kind == "beta" and (d.alpha <= 0 or d.beta <= 0):
        return None, "positive alpha and beta", "alpha" if d.alpha <= 0 else "beta"
    smin, smax = d.support()
    for name, bound in (("lower", smin), ("upper", smax)):
        if (problem := _check_number(bound, spec, support=True)) is not None:
            return None, f"a distribution whose {name} end stays valid: {problem}" + (
                "; give low/high bounds" if kind in ("normal", "lognormal") else ""
            ), "dist"
    return d, None, ""


def _parse_value(raw: Any, spec: Spec, years: tuple[int, int]) -> tuple[Any, str | None, str]:
    """Turn a raw ``value`` into scalar / series / Distribution; return (value, problem, subkey)."""
    k = spec.kind
    if raw is None and spec.optional:
        return None, None, ""
    if k == "bool":
        if isinstance(raw, bool):
            return raw, None, ""
        return None, f"true or false (got {shown(raw)})", ""
    if k == "choice":
        if isinstance(raw, str) and raw in spec.choices:
            return raw, None, ""
        if isinstance(raw, str) and (plain := _without_accents(raw)) in spec.choices:
            return plain, None, ""  # "reëel" as the Dutch text spells it is the choice reeel
        return None, f"one of {', '.join(spec.choices)} (got {shown(raw)})", ""
    if k == "path":
        if raw is None or (isinstance(raw, str) and raw):
            if isinstance(raw, str) and not Path(raw).is_file():
                return None, f"an existing data file ({raw})", ""
            return raw, None, ""
        return None, f"a file path or null (got {shown(raw)})", ""
    if isinstance(raw, dict) and "dist" in raw:
        if not spec.dist:
            return None, "a fixed value here (distributions are not allowed)", ""
        return _parse_distribution(raw, spec)
    if isinstance(raw, dict):
        if not (spec.series or k == "amounts"):
            return None, f"a single value in {spec.unit} (year series are not allowed here)", ""
        if not raw:
            return None, "at least one year in the series", ""
        out: dict[int, float] = {}
        for year, v in raw.items():
            if not isinstance(year, int) or isinstance(year, bool):
                return None, f"a calendar year as key (got {shown(year)})", str(year)
            if not years[0] <= year <= years[1]:
                return None, f"a year inside the horizon {years[0]}-{years[1]} (got {year})", \
                    str(year)
            if (problem := _check_number(v, spec)) is not None:
                return None, problem, str(year)
            out[year] = float(v)
        return out, None, ""
    if k == "amounts":
        return None, "a mapping of year: amount in EUR", ""
    if (problem := _check_number(raw, spec)) is not None:
        return None, problem, ""
    return (int(raw) if k == "year" else float(raw)), None, ""


@dataclass(frozen=True)
class ParamInfo:
    """One validated parameter: parsed value plus its documentation."""

    path: str
    value: Any
    unit: str
    description: str
    source: str
    spec: Spec


def validate_tree(tree: dict, file: Path) -> dict[str, ParamInfo]:
    """Check the merged tree against the catalogue; return parameters by dotted path."""

    def fail(key: str, expected: str) -> None:
        raise ScenarioError(file, key, expected)

    try:
        _Top.model_validate(tree)
    except ValidationError as exc:
        fail(*_pydantic_problem(exc, ""))
    for key in ("title", "description"):
        if isinstance(tree.get(key), str) and (
                problem := text_problem(tree[key], multiline=key == "description")):
            fail(key, problem)
    if tree["schema_version"] != SCHEMA_VERSION:
        fail("schema_version", f"{SCHEMA_VERSION}, the only schema version this model reads "
             f"(got {shown(tree['schema_version'])})")
    params = tree["parameters"]
    allowed_groups = [*plain_groups(), *ENTITY_GROUPS]
    for g in params:
        if g not in allowed_groups:
            fail(f"parameters.{g}", f"no such group (allowed: {', '.join(allowed_groups)})")
    leaves: dict[str, dict] = {}
    for g in plain_groups():
        group = params.get(g)
        if not isinstance(group, dict):
            fail(f"parameters.{g}", "a mapping of parameters (group missing or not a mapping)")
        names = group_fields(g)
        for key in group:
            if key not in names:
                fail(f"parameters.{g}.{key}", f"no such parameter (allowed: {', '.join(names)})")
        for key in names:
            if key not in group:
                fail(f"parameters.{g}.{key}", "this parameter is required")
            leaves[f"{g}.{key}"] = group[key]
    for g in ENTITY_GROUPS:
        group = params.get(g)
        if not isinstance(group, dict) or not group:
            fail(f"parameters.{g}", "a mapping of at least one named entry")
        names = entity_fields(g)
        for ent, body in group.items():
            where = f"parameters.{g}.{ent}"
            if not isinstance(ent, str) or not ENTITY_KEY.fullmatch(ent):
                fail(where, "a key of letters, digits and _ (at most 64, starting with a "
                     f"letter; no dot, not a number) (got {shown(ent)})")
            if not isinstance(body, dict):
                fail(where, "a mapping of parameters")
            for key in body:
                if key not in names and key not in ENTITY_LABELS:
                    fail(f"{where}.{key}", "no such key (allowed: "
                         f"{', '.join([*names, *ENTITY_LABELS])})")
                if key in ENTITY_LABELS and not isinstance(body[key], str):
                    fail(f"{where}.{key}", "a text label")
                if key in ENTITY_LABELS and (problem := text_problem(body[key])):
                    fail(f"{where}.{key}", problem)
            for key in names:
                if key not in body:
                    fail(f"{where}.{key}", "this parameter is required")
                leaves[f"{g}.{ent}.{key}"] = body[key]

    time = params["time"]
    horizon = tuple(
        leaf.get("value") if isinstance(leaf := time.get(k), dict) else None
        for k in ("first_year", "last_year")
    )
    if not all(isinstance(y, int) and not isinstance(y, bool) for y in horizon) or \
            horizon[1] < horizon[0]:
        horizon = (1990, MAX_YEAR)  # reported below as a year problem
    out: dict[str, ParamInfo] = {}
    for path, leaf in leaves.items():
        where = f"parameters.{path}"
        if not isinstance(leaf, dict):
            fail(where, "a mapping with value and source (and optionally unit and description)")
        leaf = {k: v for k, v in leaf.items() if k != "_declared_in"}
        try:
            _Leaf.model_validate(leaf)
        except ValidationError as exc:
            fail(*_pydantic_problem(exc, where))
        if (problem := citation_problem(leaf["source"])) is not None:
            fail(f"{where}.source", problem)
        spec = spec_for(path)
        if leaf.get("unit") is None:
            leaf["unit"] = spec.unit
        if leaf.get("description") is None:
            entry = label_of(path)
            leaf["description"] = entry.description["en"] if entry else ""
        if leaf["unit"] != spec.unit:
            fail(f"{where}.unit", f"'{spec.unit}', the unit this parameter is computed in "
                 f"(got {shown(leaf['unit'])})")
        value, problem, sub = _parse_value(leaf["value"], spec, horizon)
        if problem is not None:
            fail(f"{where}.value" + (f".{sub}" if sub else ""), problem)
        out[path] = ParamInfo(path, value, leaf["unit"], leaf["description"], leaf["source"],
                              spec)
    check_consistency({k: x.value for k, x in out.items()}, fail)
    return out
