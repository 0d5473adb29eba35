"""Scenario files: the only place that reads YAML.

A scenario is a YAML file with ``schema_version``, an optional ``extends:`` naming a base file
(relative to this file), and ``parameters`` grouped as in :mod:`samen_model.catalogue`. Each
parameter is a mapping with ``value``, ``unit``, ``description`` and ``source``. A variant only
lists what differs; the merge builds a new tree and never touches the base.

Every problem is reported as one :class:`~samen_model.errors.ScenarioError` whose message names
the file, the key path and what was expected.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr, ValidationError

from samen_model.catalogue import (
    ENTITY_GROUPS,
    ENTITY_LABELS,
    PARAM_KEYS,
    Spec,
    entity_fields,
    group_fields,
    plain_groups,
    spec_for,
)
from samen_model.errors import ScenarioError
from samen_model.params import DIST_KINDS, Distribution

SCHEMA_VERSION = 1
TOP_KEYS = ("schema_version", "name", "title", "description", "extends", "parameters",
            "correlations")
SHARE_SUM_TOLERANCE = 1e-6
MAX_YEAR = 2100

# ----------------------------------------------------------------------------- YAML reading


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last).

    ``key_paths`` maps each mapping node to its dotted key path, so the message can say where
    the duplicate is (``parameters.routing.leakage``), not only which key.
    """

    key_paths: dict[int, str]


def _number_paths(node: yaml.Node, path: str, out: dict[int, str]) -> None:
    """Record the dotted key path of every mapping node under ``node``."""
    if isinstance(node, yaml.MappingNode):
        if id(node) in out:  # an alias seen before
            return
        out[id(node)] = path
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            _number_paths(value_node, f"{path}.{key}" if path else str(key), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _number_paths(item, f"{path}[{i}]", out)


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            parent = loader.key_paths.get(id(node), "")
            raise ScenarioError(
                loader.name,
                f"{parent}.{key}" if parent else str(key),
                f"each key once per mapping; '{key}' appears on line {seen[key] + 1} and again "
                f"on line {key_node.start_mark.line + 1}",
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _yaml_problem(exc: yaml.YAMLError) -> tuple[str, str]:
    """(where, what) for a YAML syntax error: ``line 4, column 7`` and the parser's complaint."""
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "<yaml>"
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    return where, f"valid YAML ({context + ': ' if context else ''}{problem})"


def _kind_of(data: Any) -> str:
    if data is None:
        return "an empty file"
    return {list: "a list", str: "a single text value"}.get(type(data), type(data).__name__)


def read_yaml(path: Path) -> dict:
    """Read one YAML file safely; refuse duplicate keys and a top level that is not a mapping."""
    if not path.is_file():
        raise ScenarioError(path, "<file>", "an existing scenario file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, "<file>", f"UTF-8 text (byte {exc.start} is not)") from None
    loader = _UniqueKeyLoader(text)
    loader.name = str(path)
    try:
        node = loader.get_single_node()
        loader.key_paths = {}
        if node is not None:
            _number_paths(node, "", loader.key_paths)
        data = loader.construct_document(node) if node is not None else None
    except ScenarioError:
        raise
    except yaml.YAMLError as exc:
        raise ScenarioError(path, *_yaml_problem(exc)) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise ScenarioError(path, "<top level>", "a mapping with schema_version and parameters "
                            f"(got {_kind_of(data)})")
    return data


# ----------------------------------------------------------------------------- merge


def deep_merge(base: dict, override: dict) -> dict:
    """A new dict: ``override`` merged into ``base``; mappings merge, a ``value`` is replaced whole.

    Neither argument is modified.
    """
    out = copy.deepcopy(base)
    for key, val in override.items():
        if key != "value" and isinstance(val, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], val)
        else:
            out[key] = copy.deepcopy(val)
    return out


def _resolve_paths(data: dict, path: Path) -> dict:
    """Make a file path in ``population.data_file`` absolute, relative to the file naming it."""
    leaf = None
    params = data.get("parameters")
    if isinstance(params, dict) and isinstance(params.get("population"), dict):
        leaf = params["population"].get("data_file")  # anything malformed is reported later
    if isinstance(leaf, dict) and isinstance(leaf.get("value"), str):
        data = copy.deepcopy(data)
        target = Path(data["parameters"]["population"]["data_file"]["value"])
        if not target.is_absolute():
            target = (path.parent / target).resolve()
        data["parameters"]["population"]["data_file"]["value"] = str(target)
        data["parameters"]["population"]["data_file"]["_declared_in"] = str(path)
    return data


def load_tree(path: Path, _chain: tuple[Path, ...] = ()) -> tuple[dict, tuple[Path, ...]]:
    """Read a scenario file and everything it extends; return the merged tree and the chain.

    The chain lists the file itself first, then its base, the base's base, and so on.
    """
    path = path.resolve()
    if path in _chain:
        cycle = " -> ".join(p.name for p in (*_chain, path))
        raise ScenarioError(_chain[-1], "extends", f"no cycle of extends ({cycle})")
    data = _resolve_paths(read_yaml(path), path)
    chain = (*_chain, path)
    base_name = data.get("extends")
    if base_name is None:
        return data, (path,)
    if not isinstance(base_name, str) or not base_name:
        raise ScenarioError(path, "extends", "the file name of a base scenario (a string)")
    base_path = (path.parent / base_name).resolve()
    if not base_path.is_file():
        raise ScenarioError(path, "extends", f"an existing base scenario file ({base_name!r} "
                            f"relative to this file: {base_path})")
    base, base_chain = load_tree(base_path, chain)
    own = {k: v for k, v in data.items() if k != "extends"}
    merged = deep_merge({k: v for k, v in base.items() if k not in ("name", "title")}, own)
    return merged, (path, *base_chain)


# ----------------------------------------------------------------------------- validation


class _Leaf(BaseModel):
    """The four keys every parameter carries (``value`` is checked by its spec afterwards)."""

    model_config = ConfigDict(extra="forbid")
    value: Any
    unit: StrictStr
    description: StrictStr
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


def _pydantic_problem(exc: ValidationError, prefix: str) -> tuple[str, str]:
    err = exc.errors()[0]
    loc = ".".join(str(x) for x in (prefix, *err["loc"]) if x != "")
    if err["type"] == "extra_forbidden":
        allowed = PARAM_KEYS if prefix else TOP_KEYS
        return loc, f"no such key (allowed: {', '.join(allowed)})"
    if err["type"] == "missing":
        return loc, "this key is required"
    return loc, f"{err['msg'].lower()} (got {err.get('input')!r})"


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_number(x: Any, spec: Spec, support: bool = False) -> str | None:
    """None if ``x`` fits the spec's kind, else what was expected.

    ``support``: ``x`` is an end of a distribution's support, which may be infinite where the
    kind has no bound on that side (a lognormal cost without an upper bound).
    """
    k = spec.kind
    if k == "year":
        if not isinstance(x, int) or isinstance(x, bool):
            return f"a calendar year as an integer (got {x!r})"
        if not 1990 <= x <= MAX_YEAR:
            return f"a year between 1990 and {MAX_YEAR} (got {x})"
        return None
    if not _is_number(x):
        return f"a number in {spec.unit} (got {x!r})"
    x = float(x)
    if math.isnan(x) or (not support and math.isinf(x)):
        return f"a finite number in {spec.unit} (got {x})"
    if k == "share" and not 0.0 <= x <= 1.0:
        return f"a share between 0 and 1 (got {x})"
    if k == "signed_fraction" and not -1.0 <= x <= 1.0:
        return f"a fraction between -1 and 1 (got {x})"
    if k in ("nonneg", "amounts") and x < 0:
        return f"a non-negative number in {spec.unit} (got {x})"
    if k == "positive" and x <= 0:
        return f"a positive number in {spec.unit} (got {x})"
    if k == "percent" and not -50.0 <= x <= 100.0:
        return f"a percentage between -50 and 100 (got {x})"
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
        return None, f"one of {', '.join(DIST_KINDS)} (got {kind!r})", "dist"
    required, optional = _DIST_FIELDS[kind]
    keys = set(raw) - {"dist"}
    if missing := sorted(required - keys):
        return None, f"a {kind} distribution needs {', '.join(sorted(required))} " \
                     f"(missing: {', '.join(missing)})", missing[0]
    if extra := sorted(keys - required - optional):
        return None, f"no such key for a {kind} distribution (allowed: " \
                     f"{', '.join(sorted(required | optional))})", extra[0]
    for k in sorted(keys):
        if not _is_number(raw[k]) or not math.isfinite(raw[k]):
            return None, f"a finite number (got {raw[k]!r})", k
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
    if k == "bool":
        return (raw, None, "") if isinstance(raw, bool) else (None, f"true or false (got {raw!r})",
                                                               "")
    if k == "path":
        if raw is None or (isinstance(raw, str) and raw):
            if isinstance(raw, str) and not Path(raw).is_file():
                return None, f"an existing data file ({raw})", ""
            return raw, None, ""
        return None, f"a file path or null (got {raw!r})", ""
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
                return None, f"a calendar year as key (got {year!r})", str(year)
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


def _validate(tree: dict, file: Path) -> dict[str, ParamInfo]:
    """Check the merged tree against the catalogue; return parameters by dotted path."""

    def fail(key: str, expected: str) -> None:
        raise ScenarioError(file, key, expected)

    try:
        _Top.model_validate(tree)
    except ValidationError as exc:
        fail(*_pydantic_problem(exc, ""))
    if tree["schema_version"] != SCHEMA_VERSION:
        fail("schema_version", f"{SCHEMA_VERSION}, the only schema version this model reads "
             f"(got {tree['schema_version']!r})")
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
            if not isinstance(body, dict):
                fail(where, "a mapping of parameters")
            for key in body:
                if key not in names and key not in ENTITY_LABELS:
                    fail(f"{where}.{key}", "no such key (allowed: "
                         f"{', '.join([*names, *ENTITY_LABELS])})")
                if key in ENTITY_LABELS and not isinstance(body[key], str):
                    fail(f"{where}.{key}", "a text label")
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
            fail(where, "a mapping with value, unit, description and source")
        leaf = {k: v for k, v in leaf.items() if k != "_declared_in"}
        try:
            _Leaf.model_validate(leaf)
        except ValidationError as exc:
            fail(*_pydantic_problem(exc, where))
        spec = spec_for(path)
        value, problem, sub = _parse_value(leaf["value"], spec, horizon)
        if problem is not None:
            fail(f"{where}.value" + (f".{sub}" if sub else ""), problem)
        out[path] = ParamInfo(path, value, leaf["unit"], leaf["description"], leaf["source"],
                              spec)
    _check_consistency(out, fail)
    return out


@dataclass(frozen=True)
class Correlation:
    """A rank (Spearman) correlation between two uncertain parameters (see docs/uncertainty.md)."""

    parameters: tuple[str, str]
    rank_correlation: float


def _validate_correlations(raw: Any, params: dict[str, ParamInfo], file: Path
                           ) -> tuple[Correlation, ...]:
    """Check the optional top-level ``correlations:`` list; return it parsed.

    Each entry is ``{parameters: [pathA, pathB], rank_correlation: r}`` with two different
    uncertain parameters, -1 < r < 1, each pair at most once, and a positive definite matrix
    of the normal-copula correlations these imply.
    """
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ScenarioError(file, "correlations", "a list of {parameters: [pathA, pathB], "
                            "rank_correlation: r}")
    uncertain = sorted(k for k, p in params.items() if isinstance(p.value, Distribution))
    out: list[Correlation] = []
    seen: set[frozenset[str]] = set()
    for i, entry in enumerate(raw):
        where = f"correlations[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"parameters", "rank_correlation"}:
            raise ScenarioError(file, where, "a mapping with exactly the keys parameters and "
                                f"rank_correlation (got {entry!r})")
        pair, r = entry["parameters"], entry["rank_correlation"]
        if not (isinstance(pair, list) and len(pair) == 2
                and all(isinstance(x, str) for x in pair) and pair[0] != pair[1]):
            raise ScenarioError(file, f"{where}.parameters", "a list of two different parameter "
                                f"paths (got {pair!r})")
        for j, path in enumerate(pair):
            if path not in uncertain:
                raise ScenarioError(file, f"{where}.parameters[{j}]", "the path of a parameter "
                                    f"with a distribution (got {path!r}; uncertain parameters: "
                                    f"{', '.join(uncertain) or 'none'})")
        if frozenset(pair) in seen:
            raise ScenarioError(file, f"{where}.parameters", f"each pair once ({pair[0]} and "
                                f"{pair[1]} are correlated twice)")
        seen.add(frozenset(pair))
        if not _is_number(r) or not -1.0 < r < 1.0:
            raise ScenarioError(file, f"{where}.rank_correlation", "a number strictly between "
                                f"-1 and 1 (got {r!r})")
        out.append(Correlation((pair[0], pair[1]), float(r)))
    if out:
        from samen_model.uncertainty import copula_matrix  # numeric part lives there

        paths, matrix = copula_matrix(out)
        if np.linalg.eigvalsh(matrix).min() <= 1e-10:
            raise ScenarioError(file, "correlations", "rank correlations that are jointly "
                                "possible: the implied correlation matrix of "
                                f"{', '.join(paths)} is not positive definite")
    return tuple(out)


def _check_consistency(p: dict[str, ParamInfo], fail) -> None:
    """Rules that span several parameters."""
    v = {k: x.value for k, x in p.items()}
    first, last, start = v["time.first_year"], v["time.last_year"], v["time.samen_start_year"]
    if last <= first:
        fail("parameters.time.last_year.value", f"a year after first_year {first} (got {last})")
    if first > start - 3:
        fail("parameters.time.first_year.value",
             f"at most samen_start_year - 3 = {start - 3}: the budget rule needs t-3 (got {first})")
    for key in ("time.transition_end_year", "time.structural_start_year",
                "time.price_base_year", "incidental.return_year"):
        if not first <= v[key] <= last:
            fail(f"parameters.{key}.value",
                 f"a year inside the horizon {first}-{last} (got {v[key]})")
    # A start after the horizon means SAMEN. never starts (used for the no-SAMEN. invariant):
    # then there is no transition to end and transition_end_year is not checked against it.
    if start <= last and v["time.transition_end_year"] < start:
        fail("parameters.time.transition_end_year.value",
             f"a year not before samen_start_year {start} (got {v['time.transition_end_year']})")
    for g in ENTITY_GROUPS:
        total = sum(x.value for k, x in p.items()
                    if k.startswith(g + ".") and k.endswith(".share_of_new_cases"))
        if abs(total - 1.0) > SHARE_SUM_TOLERANCE:
            fail(f"parameters.{g}.*.share_of_new_cases",
                 f"shares that sum to 1 (they sum to {total:.6g})")
    if v["budget.ict_share"] + v["budget.housing_share"] > 1:
        fail("parameters.budget.housing_share.value", "ict_share + housing_share <= 1")


# ----------------------------------------------------------------------------- the object


@dataclass(frozen=True)
class Scenario:
    """A validated scenario: parameters by dotted path plus where they came from."""

    name: str
    title: str
    description: str
    path: Path | None
    chain: tuple[Path, ...]
    params: dict[str, ParamInfo]
    tree: dict = field(repr=False)
    correlations: tuple[Correlation, ...] = ()

    @property
    def hash(self) -> str:
        """sha256 (first 16 hex digits) of the merged parameters and any data file they read."""
        payload = json.dumps(_hashable(self.tree.get("parameters", {})), sort_keys=True)
        if self.tree.get("correlations"):  # only then, so hashes without them stay as they were
            payload += json.dumps(_hashable(self.tree["correlations"]), sort_keys=True)
        h = hashlib.sha256(payload.encode())
        data_file = self.params["population.data_file"].value
        if data_file:
            h.update(Path(data_file).read_bytes())
        return h.hexdigest()[:16]

    def value(self, path: str) -> Any:
        """The parsed value of a parameter (scalar, series dict or Distribution)."""
        return self.params[path].value

    def entities(self, group: str) -> list[str]:
        """Product or referrer names in file order."""
        return list(self.tree["parameters"][group])

    def label(self, group: str, name: str, language: str = "nl") -> str:
        """Human label of a product or referrer, falling back to its key."""
        body = self.tree["parameters"][group][name]
        return body.get(f"label_{language}", name.replace("_", " "))

    def with_values(self, values: dict[str, Any], name: str | None = None) -> Scenario:
        """A new scenario with some parameter values replaced (validated again).

        A correlation involving a parameter that no longer has a distribution is dropped.
        """
        tree = copy.deepcopy(self.tree)
        for path, val in values.items():
            node = tree["parameters"]
            parts = path.split(".")
            for part in parts:
                if not isinstance(node, dict) or part not in node:
                    raise ScenarioError(self.path, f"parameters.{path}", "an existing parameter")
                node = node[part]
            node["value"] = _raw_value(val)
        if tree.get("correlations"):
            fixed = {p for p, v in values.items() if not isinstance(v, Distribution)}
            kept = [c for c in tree["correlations"]
                    if not (isinstance(c, dict) and fixed & set(c.get("parameters") or ()))]
            tree["correlations"] = kept or None
        tree["name"] = name or self.name
        return scenario_from_tree(tree, self.path, self.chain)

    def uncertain_parameters(self) -> list[str]:
        """Paths of the parameters that have a distribution."""
        return [k for k, p in self.params.items() if isinstance(p.value, Distribution)]


def _raw_value(val: Any) -> Any:
    """A parsed value back in scenario-file form (a Distribution becomes ``{dist: ...}``)."""
    if isinstance(val, Distribution):
        fields = {k: v for k, v in val.__dict__.items() if k != "kind" and v is not None}
        return {"dist": val.kind, **fields}
    return val


def _hashable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _hashable(v) for k, v in obj.items() if k != "_declared_in"}
    if isinstance(obj, list):
        return [_hashable(v) for v in obj]
    return obj


def scenario_from_tree(tree: dict, path: Path | None, chain: tuple[Path, ...] = ()) -> Scenario:
    """Validate a merged tree and wrap it (used by :func:`load_scenario` and ``with_values``)."""
    file = path if path is not None else Path("<scenario>")
    params = _validate(tree, file)
    correlations = _validate_correlations(tree.get("correlations"), params, file)
    name = tree.get("name") or (path.stem if path is not None else "scenario")
    return Scenario(
        name=name,
        title=tree.get("title") or name,
        description=tree.get("description") or "",
        path=path,
        chain=chain,
        params=params,
        tree=tree,
        correlations=correlations,
    )


def load_scenario(path: str | Path) -> Scenario:
    """Load, merge (``extends``) and validate a scenario file.

    Raises :class:`~samen_model.errors.ScenarioError` naming the file, key path and expectation.
    """
    path = Path(path)
    tree, chain = load_tree(path)
    tree.setdefault("name", path.stem)
    try:
        return scenario_from_tree(tree, path.resolve(), chain)
    except ScenarioError as exc:
        raise _blame_declaring_file(exc, chain) from None


def _declared_depth(tree: Any, parts: list[str]) -> int:
    """How many leading parts of a key path exist in a raw (unmerged) file tree."""
    depth = 0
    for part in parts:
        if not isinstance(tree, dict):
            break
        match = [k for k in tree if str(k) == part]
        if not match:
            break
        tree, depth = tree[match[0]], depth + 1
    return depth


def _blame_declaring_file(exc: ScenarioError, chain: tuple[Path, ...]) -> ScenarioError:
    """Point an error in a merged tree at the file that declares the offending key.

    A bad value inherited from a base file is reported against the base (the file to fix),
    with the variant that was loaded named in the message. Keys declared nowhere (a missing
    parameter) stay with the loaded file.
    """
    if len(chain) < 2:
        return exc
    if exc.field.startswith("correlations"):
        owner = next((f for f in chain if "correlations" in read_yaml(f)), chain[0])
        if owner == chain[0]:
            return exc
        return ScenarioError(owner, exc.field, f"{exc.expected} (inherited by {chain[0].name}, "
                             "which extends this file)")
    parts = exc.field.split(".")
    if parts[0] != "parameters" or len(parts) < 3:
        return exc
    depths = [_declared_depth(read_yaml(f), parts) for f in chain]
    best = max(depths)
    if best < 3:  # only the group is declared: no single file to blame
        return exc
    owner = chain[depths.index(best)]
    if owner == chain[0]:
        return exc
    return ScenarioError(owner, exc.field, f"{exc.expected} (inherited by {chain[0].name}, "
                         "which extends this file)")
