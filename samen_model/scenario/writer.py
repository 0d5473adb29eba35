"""Writing a what-if scenario: a short YAML file that extends a base and lists only what changed.

:func:`variant` builds the scenario such a file describes (same merge and year-series rule as
:func:`~samen_model.scenario.scenario.load_scenario`) without writing anything; the what-if
explorer runs it live. :func:`write_variant` writes the file: into a temporary file beside the
target, loaded and validated from there, then moved into place, so a file that would not
validate is never left behind. Every changed value carries the analyst's note as its source.
"""

from __future__ import annotations

import datetime as _dt
import numbers
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from samen_model.errors import ScenarioError
from samen_model.scenario.scenario import (
    Scenario,
    deep_merge,
    load_scenario,
    scenario_from_tree,
    shipped_scenario,
)
from samen_model.scenario.series import apply_series_rule
from samen_model.scenario.sources import citation_problem
from samen_model.scenario.validation import SCHEMA_VERSION
from samen_model.scenario.values import Distribution

NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def _plain(value: Any) -> Any:
    """A value as plain YAML data: floats to 10 significant digits, a distribution as a mapping."""
    if isinstance(value, Distribution):
        value = {"dist": value.kind, **{k: v for k, v in value.__dict__.items()
                                        if k != "kind" and v is not None}}
    if isinstance(value, Mapping):
        return {(k if isinstance(k, str) else int(k)): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    return float(f"{float(value):.10g}")


def parameters_tree(values: Mapping[str, Any], source: str) -> dict:
    """Dotted paths to nested leaves: ``{"routing.leakage": 0.2}`` ->
    ``{"routing": {"leakage": {"value": 0.2, "source": source}}}``."""
    tree: dict = {}
    for path, value in values.items():
        node = tree
        *groups, leaf = path.split(".")
        for part in groups:
            node = node.setdefault(part, {})
        node[leaf] = {"value": _plain(value), "source": source}
    return tree


def _unknown(base: Scenario, values: Mapping[str, Any], file: Path | None) -> None:
    for path in values:
        if path not in base.params:
            raise ScenarioError(file or base.path or Path("<scenario>"), f"parameters.{path}",
                                "an existing parameter of the base scenario")


def as_source(note: str) -> str:
    """An analyst's note as a ``source:`` text: kept when it already cites a registered source
    (``what-if: ...``, ``estimate: ...``, ``evaluation-2023: §2``), else ``what-if: <note>``."""
    return note if citation_problem(note) is None else f"what-if: {note}"


def variant(base: Scenario, values: Mapping[str, Any], name: str = "what_if",
            source: str = "what-if") -> Scenario:
    """The scenario a variant file of ``base`` with ``values`` changed describes (not written).

    ``values``: parameter path -> a number, a year series ``{year: value}`` or a
    :class:`~samen_model.scenario.values.Distribution`. A series applies from its first year
    (the base before it), exactly as when the file is loaded.
    """
    _unknown(base, values, None)
    own = {"parameters": parameters_tree(values, as_source(source))}
    base_tree = {k: v for k, v in base.tree.items() if k not in ("name", "title")}
    merged = apply_series_rule(base.tree, own, deep_merge(base_tree, own), base.path)
    merged["name"] = name
    return scenario_from_tree(merged, None, base.chain)


def extends_text(base: Scenario, target: Path) -> str:
    """What ``extends:`` says in a file at ``target`` so that it loads ``base``: the file name
    when the base lies beside it, the bare name of a shipped base (found from anywhere, unless
    another file of that name lies beside the target), else the relative path (which
    ``samen validate`` reads only with ``--input-root``)."""
    if base.path is None:
        raise ScenarioError(target, "extends", "a base scenario loaded from a file")
    folder = Path(target).resolve().parent
    here = folder / base.path.name
    if base.path.resolve().parent == folder:
        return base.path.name
    shipped = shipped_scenario(base.path.name)
    if shipped is not None and shipped == base.path.resolve() and not here.exists() \
            and not (folder / base.path.stem).exists():
        return base.path.stem
    return os.path.relpath(base.path, folder)


def variant_text(base: Scenario, values: Mapping[str, Any], note: str, target: Path,
                 title: str | None = None, description: str | None = None) -> str:
    """The YAML text of a variant file at ``target`` extending ``base`` (:func:`write_variant`)."""
    extends = extends_text(base, target)
    tree: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "extends": extends}
    tree["title"] = title or f"{base.title}: what-if"
    if description:
        tree["description"] = description
    tree["parameters"] = parameters_tree(values, note)
    today = _dt.date.today().isoformat()
    head = (f"# What-if saved on {today}: {base.name} (#{base.hash}) with only the values below\n"
            f"# changed. A year series applies from its first year; the base holds before it.\n")
    return head + yaml.safe_dump(tree, sort_keys=False, allow_unicode=True,
                                 default_flow_style=None, width=100)


def variant_path(folder: str | Path, name: str) -> Path:
    """``folder/NAME.yaml`` for a plain scenario name (no folders, no dots); else ScenarioError."""
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        raise ScenarioError(Path(folder) / f"{name}.yaml", "<file name>",
                            "NAME.yaml with NAME of letters, digits, _ or - (at most 64, "
                            "starting with a letter or digit)")
    return Path(folder) / f"{name}.yaml"


def write_variant(target: str | Path, base: Scenario, values: Mapping[str, Any], note: str,
                  title: str | None = None, description: str | None = None,
                  overwrite: bool = False, input_root: str | Path | None = None) -> Scenario:
    """Write ``target`` (``NAME.yaml``) extending ``base`` with ``values``; return it loaded.

    ``note`` (required) becomes the ``source`` of every changed value. The file is validated
    from a temporary file beside ``target`` before it is moved into place, exactly as ``samen
    validate`` reads it (``input_root`` as its ``--input-root``; default none: a base in
    another folder that is not a shipped scenario is refused); an existing file is replaced
    only with ``overwrite``. The file is readable by all (mode 0644 less the umask). Raises
    :class:`~samen_model.errors.ScenarioError`.
    """
    target = Path(target)
    if target.suffix != ".yaml":
        raise ScenarioError(target, "<file name>", "a file name ending in .yaml")
    variant_path(target.parent, target.stem)
    if not values:
        raise ScenarioError(target, "parameters", "at least one value that differs from the base")
    if not note or not note.strip():
        raise ScenarioError(target, "source", "a note saying why (it becomes the source of "
                            "every changed value)")
    if target.exists() and not overwrite:
        raise ScenarioError(target, "<file>", "a new file name (this file exists)")
    _unknown(base, values, target)
    text = variant_text(base, values, as_source(note.strip()), target, title, description)
    target.parent.mkdir(parents=True, exist_ok=True)
    root = input_root
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".yaml.tmp",
                                    dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it 0600; a scenario is for everyone
        try:
            load_scenario(tmp, input_root=root)
        except ScenarioError as exc:
            raise ScenarioError(target, exc.field, exc.expected) from None
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return load_scenario(target, input_root=root)
