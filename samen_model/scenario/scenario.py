"""Scenario files: load, merge ``extends:`` chains, validate, and the :class:`Scenario` object.

A scenario is a YAML file with ``schema_version``, an optional ``extends:`` naming a base file
(relative to this file; a bare name such as ``realised_2023`` that is no file there names the
shipped scenario of that name), and ``parameters`` grouped as in
:mod:`samen_model.scenario.catalogue`.
Each parameter is a mapping with ``value``, ``unit``, ``description`` and ``source``. A variant
only lists what differs; the merge builds a new tree and never touches the base.

Every problem is reported as one :class:`~samen_model.errors.ScenarioError` whose message names
the file, the key path and what was expected.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from samen_model.errors import ScenarioError
from samen_model.files import PLAIN_NAME_TEXT, plain_name
from samen_model.scenario.catalogue import ENTITY_GROUPS
from samen_model.scenario.correlations import Correlation, validate_correlations
from samen_model.scenario.data_files import population_0_17
from samen_model.scenario.posterior import apply_posterior
from samen_model.scenario.series import apply_series_rule
from samen_model.scenario.validation import ParamInfo, validate_tree
from samen_model.scenario.values import Distribution
from samen_model.scenario.yaml_reader import read_yaml


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


#: Most files in one ``extends`` chain (the file itself, its base, the base's base, ...).
MAX_EXTENDS = 16


def inside(target: Path, root: Path) -> bool:
    """Whether ``target`` (symlinks resolved) lies in the folder tree ``root``.

    A loop of symbolic links or a NUL in the name raises :class:`ScenarioError` saying so.
    """
    try:
        return target.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        raise ScenarioError(target, "<file>", "a file, not a loop of symbolic links") from None
    except ValueError:
        raise ScenarioError(target, "<file>", "a file name without a NUL character") from None


def _outside(root: Path) -> str:
    return (f"a file inside {root} (the scenario's folder tree; to read files elsewhere pass "
            "input_root=..., on the command line --input-root DIR)")


def _resolve_paths(data: dict, path: Path, root: Path) -> dict:
    """Make a file path in ``population.data_file`` absolute, relative to the file naming it.

    That file and a ``posterior.sample`` must lie inside ``root``: a scenario cannot make the
    model read ``/etc/passwd``.
    """
    posterior = data.get("posterior")
    if isinstance(posterior, dict) and isinstance(posterior.get("sample"), str) and \
            posterior["sample"] and not inside(path.parent / posterior["sample"], root):
        raise ScenarioError(path, "posterior.sample",
                            f"{_outside(root)} (got {posterior['sample']!r})")
    leaf = None
    params = data.get("parameters")
    if isinstance(params, dict) and isinstance(params.get("population"), dict):
        leaf = params["population"].get("data_file")  # anything malformed is reported later
    if isinstance(leaf, dict) and isinstance(leaf.get("value"), str) and leaf["value"]:
        data = copy.deepcopy(data)
        target = path.parent / Path(data["parameters"]["population"]["data_file"]["value"])
        if not inside(target, root):
            raise ScenarioError(path, "parameters.population.data_file.value",
                                f"{_outside(root)} (got {leaf['value']!r})")
        data["parameters"]["population"]["data_file"]["value"] = str(target.resolve())
        data["parameters"]["population"]["data_file"]["_declared_in"] = str(path)
    return data


#: The scenarios shipped with the model (the repository's ``scenarios/`` beside the package).
SHIPPED_DIR = Path(__file__).resolve().parents[2] / "scenarios"


def shipped_scenario(name: str) -> Path | None:
    """The shipped scenario file called ``name`` (``realised_2023`` or ``realised_2023.yaml``),
    or None when there is none (or ``name`` holds a folder)."""
    if not name or Path(name).name != name or name in (".", ".."):
        return None
    stem = name[:-5] if name.lower().endswith(".yaml") else name
    candidate = SHIPPED_DIR / f"{stem}.yaml"
    return candidate.resolve() if stem and candidate.is_file() else None


def _base_file(path: Path, base_name: str, root: Path) -> tuple[Path, Path]:
    """The file ``extends: base_name`` names in ``path``, and the folder tree it may read.

    First a file of that name beside ``path`` (also ``NAME.yaml`` for a bare ``NAME``), which
    must lie inside ``root``; else a shipped scenario of that name (:data:`SHIPPED_DIR`), which
    then reads its own bases from the shipped folder.
    """
    beside = [path.parent / base_name]
    if not base_name.lower().endswith((".yaml", ".yml")):
        beside.append(path.parent / f"{base_name}.yaml")
    for candidate in beside:
        if candidate.is_file():
            if not inside(candidate, root):
                raise ScenarioError(path, "extends", f"{_outside(root)} (got {base_name!r})")
            return candidate.resolve(), root
    shipped = shipped_scenario(base_name)
    if shipped is not None:
        return shipped, SHIPPED_DIR.resolve()
    if not inside(beside[0], root):
        raise ScenarioError(path, "extends", f"{_outside(root)} (got {base_name!r})")
    names = ", ".join(sorted(p.stem for p in SHIPPED_DIR.glob("*.yaml")))
    raise ScenarioError(path, "extends", f"an existing base scenario file ({base_name!r} "
                        f"relative to this file: {beside[0].resolve()}) or the name of a "
                        f"shipped scenario ({names or 'none installed'})")


def load_tree(path: Path, _chain: tuple[Path, ...] = (), root: Path | None = None
              ) -> tuple[dict, tuple[Path, ...]]:
    """Read a scenario file and everything it extends; return the merged tree and the chain.

    The chain lists the file itself first, then its base, the base's base, and so on (at most
    :data:`MAX_EXTENDS` files). Every file it reads lies inside ``root`` (default: the folder
    of ``path``).
    """
    try:
        path = path.resolve()
        root = path.parent if root is None else root.resolve()
    except (OSError, RuntimeError):
        raise ScenarioError(path, "<file>", "a file, not a loop of symbolic links") from None
    except ValueError:
        raise ScenarioError(path, "<file>", "a file name without a NUL character") from None
    if path in _chain:
        cycle = " -> ".join(p.name for p in (*_chain, path))
        raise ScenarioError(_chain[-1], "extends", f"no cycle of extends ({cycle})")
    if len(_chain) >= MAX_EXTENDS:
        raise ScenarioError(_chain[-1], "extends", f"a chain of at most {MAX_EXTENDS} files "
                            f"(extends goes on past {_chain[0].name})")
    data = _resolve_paths(read_yaml(path), path, root)
    if "name" in data and not plain_name(data["name"]):  # it becomes a folder of a report
        raise ScenarioError(path, "name", f"{PLAIN_NAME_TEXT} (got {data['name']!r})")
    chain = (*_chain, path)
    base_name = data.get("extends")
    if base_name is None:
        return data, (path,)
    if not isinstance(base_name, str) or not base_name:
        raise ScenarioError(path, "extends", "the file name of a base scenario (a string)")
    _require_own_sources(data, path)
    base_path, base_root = _base_file(path, base_name, root)
    base, base_chain = load_tree(base_path, chain, base_root)
    own = {k: v for k, v in data.items() if k != "extends"}
    merged = deep_merge({k: v for k, v in base.items() if k not in ("name", "title")}, own)
    merged = apply_series_rule(base, own, merged, path)  # a series overrides from its first year
    return merged, (path, *base_chain)


def _own_leaves(params: Any) -> list[tuple[str, dict]]:
    """(dotted path, leaf) of every parameter leaf a raw file sets (a mapping holding
    ``value``); anything malformed is left to :func:`validate_tree`."""
    out: list[tuple[str, dict]] = []
    if not isinstance(params, dict):
        return out
    for g, group in params.items():
        if not isinstance(group, dict):
            continue
        for k, node in group.items():
            if not isinstance(node, dict):
                continue
            if g in ENTITY_GROUPS:
                out += [(f"{g}.{k}.{f}", leaf) for f, leaf in node.items()
                        if isinstance(leaf, dict) and "value" in leaf]
            elif "value" in node:
                out.append((f"{g}.{k}", node))
    return out


def _require_own_sources(data: dict, path: Path) -> None:
    """A file that extends a base and sets a value must say where that value comes from: the
    base's source would otherwise be shown as the source of the file's number."""
    for key, leaf in _own_leaves(data.get("parameters")):
        if "source" not in leaf:
            raise ScenarioError(path, f"parameters.{key}.source", (
                "a source for the value this file sets (the base's source does not cover it), "
                "e.g. source: 'what-if: why this value' or 'estimate: how it was reached'"))


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
        if self.tree.get("posterior"):  # a calibrated scenario: the content of its sample
            payload += str(self.tree["posterior"].get("sha256"))
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
    params = validate_tree(tree, file)
    correlations = validate_correlations(tree.get("correlations"), params, file)
    years = np.arange(params["time.first_year"].value, params["time.last_year"].value + 1)
    population_0_17(params["population.data_file"].value, years)  # the check `run` makes
    params = apply_posterior(tree, params, correlations, file, chain)  # a calibrated scenario
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


def load_scenario(path: str | Path, input_root: str | Path | None = None) -> Scenario:
    """Load, merge (``extends``) and validate a scenario file, its data file included.

    Files it ``extends`` and its ``population.data_file`` must lie inside ``input_root``
    (default: the scenario's own folder tree). Raises
    :class:`~samen_model.errors.ScenarioError` (or ``DataFileError`` for the data file) naming
    the file, key path and expectation.
    """
    path = Path(path)
    if not str(path) or not path.name:
        raise ScenarioError(path, "<file>", "the path of a scenario file (got an empty path)")
    tree, chain = load_tree(path, root=Path(input_root) if input_root else None)
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
