"""Reading YAML: the one place in the package that parses a YAML file.

Safe loading (no Python objects), a key given twice in one mapping is refused (PyYAML would keep
the last), and every problem becomes a :class:`~samen_model.errors.SamenInputError` naming the
file, the key path or line, and what was expected. Scenarios, observations and the report
configuration all go through :func:`read_yaml`.

Hostile or careless files are refused before they cost time or memory (:data:`LIMITS`): a file
larger than 1 MiB, nesting deeper than 32 levels, more than 100,000 values once aliases are
expanded (the "billion laughs" file), an alias inside its own anchor, an integer of more than 18
digits (by value, so also in hexadecimal), a list or mapping used as a key, one key spelled twice
(``1`` and ``"1"``). Any exception of the YAML library (a character YAML forbids, ``2023-02-30``,
``!!bool maybe``, ``!!int abc``) becomes the same one-line message. Merge keys (``<<: *base``,
part of safe YAML) are accepted: the merged keys come first and the mapping's own keys override
them.

A file is parsed by libyaml (PyYAML's C parser, several times faster: the parameter registry in
30 ms instead of 140) when it is printable text and passes every check that way; otherwise it
is read again by the pure-Python loader, whose message the user gets. So the C parser changes
only how fast a good file is read, never what a bad file is told.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from samen_model.errors import SamenInputError, ScenarioError


@dataclass(frozen=True)
class Limits:
    """What a YAML file may cost: bytes, nesting, expanded values, digits of an integer."""

    max_bytes: int = 1 << 20  # 1 MiB; the largest shipped scenario is about 17 KB
    max_depth: int = 32  # nesting levels; scenario files use 6
    max_values: int = 100_000  # nodes once every alias is expanded; plan_2022.yaml has ~900
    max_int_digits: int = 18  # |n| < 10**18: anything longer is a typo or an attack


LIMITS = Limits()


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses duplicate keys, deep nesting and non-scalar keys.

    ``key_paths`` maps each node (by id) to its dotted key path, so a message can say where the
    problem is (``parameters.routing.leakage``), not only which key.
    """

    key_paths: dict[int, str]
    error: type[SamenInputError] = ScenarioError
    depth: int = 0
    current: yaml.Node | None = None

    def where(self, node: yaml.Node) -> str:
        mark = node.start_mark
        return self.key_paths.get(id(node)) or f"line {mark.line + 1}, column {mark.column + 1}"

    def compose_node(self, parent, index):  # noqa: D102 (PyYAML's recursive composer)
        self.depth += 1
        try:
            if self.depth > LIMITS.max_depth:
                mark = self.peek_event().start_mark
                raise self.error(self.name, f"line {mark.line + 1}, column {mark.column + 1}",
                                 f"nesting at most {LIMITS.max_depth} levels deep")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def construct_object(self, node, deep=False):  # noqa: D102
        self.current = node  # the node a constructor's exception is about
        return super().construct_object(node, deep=deep)

    def construct_yaml_int(self, node):  # noqa: D102
        text = str(node.value)
        digits = sum(c.isdigit() for c in text)
        limit = 10 ** LIMITS.max_int_digits
        expected = (f"an integer of at most {LIMITS.max_int_digits} digits (smaller than "
                    f"10^{LIMITS.max_int_digits} in size)")
        if len(text) > 4 * LIMITS.max_int_digits:  # decided by length, before any parsing
            raise self.error(self.name, self.where(node), f"{expected}; got one of "
                             f"{digits} digits")
        value = super().construct_yaml_int(node)  # decimal, 0x.., 0o.., 0b.., 1_000, 1:30
        if abs(value) >= limit:
            raise self.error(self.name, self.where(node), f"{expected}; got one of "
                             f"{len(str(abs(value)))} digits")
        return value


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _UniqueKeyLoader.construct_yaml_int)


try:  # PyYAML built with libyaml (the wheels are)
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - a PyYAML without libyaml: the Python loader only
    CParser = None


if CParser is not None:
    class _FastLoader(CParser, _UniqueKeyLoader):
        """:class:`_UniqueKeyLoader` with libyaml's parser and composer (its constructors,
        key and integer checks as they are; the nesting limit by :func:`check_node_graph`)."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _child_paths(node: yaml.Node, path: str) -> list[tuple[yaml.Node, str]]:
    if isinstance(node, yaml.MappingNode):
        out = []
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            out += [(key_node, path or "<top level>"),
                    (value_node, f"{path}.{key}" if path else str(key))]
        return out
    if isinstance(node, yaml.SequenceNode):
        return [(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
    return []


def check_node_graph(root: yaml.Node, loader: _UniqueKeyLoader) -> dict[int, str]:
    """Measure the composed document without expanding aliases; return the key path per node.

    One pass over the distinct nodes (an alias is the same node object as its anchor), with the
    size and depth each node would have once every alias is expanded, so the "billion laughs"
    file is refused in microseconds instead of being walked. Raises ``loader.error`` for an
    alias inside its own anchor, more than ``max_values`` expanded values or more than
    ``max_depth`` expanded levels.
    """
    paths: dict[int, str] = {id(root): ""}
    measured: dict[int, tuple[int, int]] = {}  # id -> (expanded values, expanded depth)
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        nid = id(node)
        if done:
            kids = [measured[id(k)] for k in _children(node)]
            size = 1 + sum(s for s, _ in kids)
            depth = 1 + max((d for _, d in kids), default=0)
            measured[nid] = (size, depth)
            on_path.discard(nid)
            where = paths.get(nid) or "<top level>"
            if size > LIMITS.max_values:
                raise loader.error(loader.name, where, f"at most {LIMITS.max_values:,} values "
                                   "once aliases are expanded (aliases nested inside each other "
                                   f"expand to {size:,} here)")
            if depth > LIMITS.max_depth:
                raise loader.error(loader.name, where, f"nesting at most {LIMITS.max_depth} "
                                   f"levels deep once aliases are expanded (got {depth})")
            continue
        if nid in measured:
            continue
        on_path.add(nid)
        stack.append((node, True))
        for kid, path in _child_paths(node, paths[nid]):
            if id(kid) in on_path:
                raise loader.error(loader.name, path, "no alias inside its own anchor "
                                   "(the value would contain itself)")
            paths.setdefault(id(kid), path)
            if id(kid) not in measured:
                stack.append((kid, False))
    return paths


def _decimal_comma(loader: _UniqueKeyLoader, node: yaml.MappingNode, parent: str) -> None:
    """Refuse ``{value: 0,2, ...}``, which YAML reads as ``value: 0`` and a key ``2``, with a
    hint (the digits as written, so ``0,05`` suggests 0.05)."""
    pairs = node.value
    for (k1, v1), (k2, v2) in zip(pairs, pairs[1:], strict=False):
        if (isinstance(k1, yaml.ScalarNode) and k1.value == "value"
                and isinstance(v1, yaml.ScalarNode) and v1.tag.endswith(":int") and not v1.style
                and isinstance(k2, yaml.ScalarNode) and not k2.style and k2.value.isdigit()
                and isinstance(v2, yaml.ScalarNode) and v2.value == ""):
            where = f"{parent}.{k2.value}" if parent else k2.value
            raise loader.error(loader.name, where, f"keys should be strings (got {k2.value}; "
                               f"a decimal comma? write {v1.value}.{k2.value})")


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[str, int] = {}
    parent = loader.key_paths.get(id(node), "")
    _decimal_comma(loader, node, parent)
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # merged keys may be overridden by the mapping's own keys
        if not isinstance(key_node, yaml.ScalarNode):
            raise loader.error(loader.name, parent or "<top level>",
                               "plain keys (a name or a number), not a list or mapping as a key "
                               f"(line {key_node.start_mark.line + 1})")
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise loader.error(loader.name, parent or "<top level>", "plain keys (a name or a "
                               f"number), line {key_node.start_mark.line + 1}") from None
        norm = str(key)  # 1 and "1" are one key: one value cannot have two spellings
        if norm in seen:
            raise loader.error(
                loader.name,
                f"{parent}.{key}" if parent else str(key),
                f"each key once per mapping; '{key}' appears on line {seen[norm] + 1} and "
                f"again on line {key_node.start_mark.line + 1}",
            )
        seen[norm] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)  # flattens merge keys (<<) first


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _line_column(text: str, position: int) -> str:
    before = text[:position]
    return f"line {before.count(chr(10)) + 1}, column {position - before.rfind(chr(10))}"


def _yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[str, str]:
    """(where, what) for a YAML syntax error: ``line 4, column 7`` and the parser's complaint."""
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        char = exc.character
        code = ord(char) if isinstance(char, str) else int(char)
        return (_line_column(text, exc.position),
                f"printable text (the character U+{code:04X} is not allowed in YAML)")
    mark = getattr(exc, "problem_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "<yaml>"
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    return where, f"valid YAML ({context + ': ' if context else ''}{problem})"


def _bad_value(loader: _UniqueKeyLoader | None, path: Path, error: type[SamenInputError],
               exc: Exception) -> SamenInputError:
    """A value its YAML type cannot hold (``2023-02-30``, ``!!bool maybe``, ``!!int abc``)."""
    node = getattr(loader, "current", None)
    if not isinstance(node, yaml.ScalarNode):
        return error(path, "<file>", f"valid YAML values ({type(exc).__name__})")
    kind = str(node.tag).rsplit(":", 1)[-1]
    where = loader.where(node) if loader is not None else "<file>"
    if not where.startswith("line"):
        where += f" (line {node.start_mark.line + 1})"
    return error(path, where, f"a valid {kind} value (got {str(node.value)[:60]!r})")


def _kind_of(data: Any) -> str:
    if data is None:
        return "an empty file"
    return {list: "a list", str: "a single text value"}.get(type(data), type(data).__name__)


def read_text_limited(path: Path, error: type[SamenInputError], what: str,
                      max_bytes: int) -> bytes:
    """The bytes of an existing regular file of at most ``max_bytes``, else ``error``."""
    try:
        if "\0" in str(path):
            raise error(path, "<file>", f"a file name without a NUL character ({what})")
        if not path.is_file():
            raise error(path, "<file>", f"an existing {what}")
        size = path.stat().st_size
        if size > max_bytes:
            raise error(path, "<file>", f"a {what} of at most {max_bytes:,} bytes "
                        f"(this one has {size:,})")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise error(path, "<file>", f"a {what}, not a loop of symbolic links") from None
        raise error(path, "<file>", f"a readable {what} ({exc.strerror or exc})") from None
    if len(data) > max_bytes:  # grew while reading, or a device
        raise error(path, "<file>", f"a {what} of at most {max_bytes:,} bytes")
    return data


def read_yaml(path: Path, error: type[SamenInputError] = ScenarioError,
              what: str = "scenario file",
              top_level: str = "a mapping with schema_version and parameters") -> dict:
    """Read one YAML file safely; refuse duplicate keys and a top level that is not a mapping.

    ``error`` is the exception type raised (a :class:`~samen_model.errors.SamenInputError`),
    ``what`` names the kind of file in the message, ``top_level`` what the top level must be.
    The limits of :data:`LIMITS` apply.
    """
    raw = read_text_limited(path, error, what, LIMITS.max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(path, "<file>", f"UTF-8 text (byte {exc.start} is not)") from None
    data = _read_fast(text, path, error)
    if data is not None:
        return data
    loader = None
    try:  # one error path: whatever YAML raises becomes one message naming this file
        loader = _UniqueKeyLoader(text)  # checks that every character is printable
        loader.name = str(path)
        loader.error = error
        loader.key_paths = {}
        node = loader.get_single_node()
        if node is not None:
            loader.key_paths = check_node_graph(node, loader)
        data = loader.construct_document(node) if node is not None else None
    except SamenInputError:
        raise
    except yaml.YAMLError as exc:
        raise error(path, *_yaml_problem(exc, text)) from None
    except RecursionError:  # a guard: the limits above keep every walk shallow
        raise error(path, "<file>", f"nesting at most {LIMITS.max_depth} levels deep") from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise _bad_value(loader, path, error, exc) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict):
        raise error(path, "<top level>", f"{top_level} (got {_kind_of(data)})")
    return data


def _read_fast(text: str, path: Path, error: type[SamenInputError]) -> dict | None:
    """The file's top-level mapping read by libyaml, or None (no libyaml, a character YAML
    forbids, or any problem: then the Python loader reads it again and words the message)."""
    if CParser is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = None
    try:
        loader = _FastLoader(text)
        loader.name = str(path)
        loader.error = error
        loader.key_paths = {}
        node = loader.get_single_node()
        if node is None:
            return None
        loader.key_paths = check_node_graph(node, loader)
        data = loader.construct_document(node)
    except Exception:  # noqa: BLE001 - every problem is worded by the Python loader
        return None
    finally:
        if loader is not None:
            loader.dispose()
    return data if isinstance(data, dict) else None
