"""Reading YAML: the one place in the package that parses a YAML file.

Safe loading (no Python objects), a key given twice in one mapping is refused (PyYAML would keep
the last), and every problem becomes a :class:`~samen_model.errors.SamenInputError` naming the
file, the key path or line, and what was expected. Scenarios, observations and the report
configuration all go through :func:`read_yaml`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from samen_model.errors import SamenInputError, ScenarioError


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a key given twice in one mapping (PyYAML keeps the last).

    ``key_paths`` maps each mapping node to its dotted key path, so the message can say where
    the duplicate is (``parameters.routing.leakage``), not only which key.
    """

    key_paths: dict[int, str]
    error: type[SamenInputError] = ScenarioError


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
            raise loader.error(
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


def read_yaml(path: Path, error: type[SamenInputError] = ScenarioError,
              what: str = "scenario file",
              top_level: str = "a mapping with schema_version and parameters") -> dict:
    """Read one YAML file safely; refuse duplicate keys and a top level that is not a mapping.

    ``error`` is the exception type raised (a :class:`~samen_model.errors.SamenInputError`),
    ``what`` names the kind of file in the message, ``top_level`` what the top level must be.
    """
    if not path.is_file():
        raise error(path, "<file>", f"an existing {what}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise error(path, "<file>", f"UTF-8 text (byte {exc.start} is not)") from None
    loader = _UniqueKeyLoader(text)
    loader.name = str(path)
    loader.error = error
    try:
        node = loader.get_single_node()
        loader.key_paths = {}
        if node is not None:
            _number_paths(node, "", loader.key_paths)
        data = loader.construct_document(node) if node is not None else None
    except SamenInputError:
        raise
    except yaml.YAMLError as exc:
        raise error(path, *_yaml_problem(exc)) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise error(path, "<top level>", f"{top_level} (got {_kind_of(data)})")
    return data
