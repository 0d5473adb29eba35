"""The words of the documents that "document" values rest on (``data/source_quotes.yaml``).

The file holds passages copied word for word from the documents of the sources registry and,
per parameter path, the words a value rests on. :func:`quotes_for` gives a parameter's quotes;
:func:`quote_problem` says why a quote does not hold (its words are not in a passage of its
source), so a test can check every "document" row of the assumptions register.

>>> [q.source for q in quotes_for("time.transition_end_year")]
['framework-2022']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from samen_model.scenario.sources import SourceError, registry
from samen_model.scenario.yaml_reader import read_yaml

QUOTES_PATH = Path(__file__).resolve().parents[1] / "data" / "source_quotes.yaml"


@dataclass(frozen=True)
class Passage:
    """A passage of a document, word for word; ``where`` is its section."""

    source: str
    where: str
    text: str


@dataclass(frozen=True)
class Quote:
    """The words of ``source`` that a parameter's value rests on."""

    source: str
    words: str


def normalise(text: str) -> str:
    """One space for every run of white space (the documents' line breaks and tabs)."""
    return " ".join(text.split())


def _list(raw: object, path: Path, where: str) -> list[dict]:
    if not isinstance(raw, list) or not all(isinstance(x, dict) for x in raw):
        raise SourceError(path, where, "a list of mappings")
    return raw


@lru_cache(maxsize=4)
def load_quotes(path: str | Path = QUOTES_PATH) -> tuple[dict[str, list[Passage]],
                                                          dict[str, list[Quote]]]:
    """(passages by source key, quotes by parameter path); every source key is registered."""
    path = Path(path)
    data = read_yaml(path, SourceError, "source quotes", "a mapping with passages and quotes")
    if data.get("schema_version") != 1:
        raise SourceError(path, "schema_version", "1, the only schema version this model reads")
    known = registry()
    passages: dict[str, list[Passage]] = {}
    for key, items in (data.get("passages") or {}).items():
        if key not in known:
            raise SourceError(path, f"passages.{key}", f"a key of the sources registry "
                              f"({', '.join(known)})")
        passages[key] = [Passage(key, str(p.get("where", "")), normalise(str(p["text"])))
                         for p in _list(items, path, f"passages.{key}")]
    quotes: dict[str, list[Quote]] = {}
    for param, items in (data.get("quotes") or {}).items():
        rows = _list(items, path, f"quotes.{param}")
        for i, q in enumerate(rows):
            if q.get("source") not in known or not q.get("words"):
                raise SourceError(path, f"quotes.{param}[{i}]",
                                  "a mapping with a registered source and its words")
        quotes[param] = [Quote(str(q["source"]), normalise(str(q["words"]))) for q in rows]
    return passages, quotes


def quotes_for(path: str) -> list[Quote]:
    """The quotes of parameter ``path`` (empty when it has none)."""
    return list(load_quotes()[1].get(path, []))


def quote_problem(quote: Quote) -> str | None:
    """Why ``quote`` does not hold (its words are in no passage of its source), or None."""
    passages = load_quotes()[0].get(quote.source, [])
    if any(quote.words in p.text for p in passages):
        return None
    return (f"the words {quote.words!r} are not in a passage of {quote.source} in "
            f"{QUOTES_PATH.name}")


def passages_of(source: str) -> list[Passage]:
    """The shipped passages of a source (empty when there are none)."""
    return list(load_quotes()[0].get(source, []))
