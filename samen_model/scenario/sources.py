"""The sources registry (``samen_model/data/sources.yaml``) and citations of it.

Every parameter and every observation cites its source as ``"<key>: <section or reason>"``, for
example ``"evaluation-2023: §2, 'Financiën'"`` or ``"estimate: afgestemd op ..."``; several
documents are separated by ``"; "`` before the next registered key
(``"web-page-2022: ...; evaluation-2023: §2"``). :func:`citation_problem` is what the scenario
and observation loaders call: it names what is wrong with a citation, or returns None.
:func:`cite` renders a citation for a reader: the document's title and date, then the section.

>>> [c.key for c in parse("memo-2021: bijlage 2; evaluation-2023: §2")]
['memo-2021', 'evaluation-2023']
>>> cite("evaluation-2023: §2")
'Evaluatie Basis jeugdhulp 2023 (15 december 2023), §2'
>>> cite("estimate: gelijke duur aangenomen", "en")
'Modelling estimate: gelijke duur aangenomen'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from samen_model.errors import SamenInputError
from samen_model.scenario.mapping_checks import check_keys, texts_by_language
from samen_model.scenario.yaml_reader import read_yaml

REGISTRY_PATH = Path(__file__).resolve().parents[1] / "data" / "sources.yaml"
TYPES = ("document", "figures", "estimate", "what-if", "choice")
#: Types that are not a document or public figure: the register marks them.
ASSUMPTION_TYPES = ("estimate", "what-if", "choice")
FIELDS = {"type": True, "kind": True, "title": True, "body": True, "date": True,
          "date_note": False, "reference": False, "short_title": False, "note": False}
KEY = re.compile(r"[a-z][a-z0-9-]*")
MONTHS = {"nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}


class SourceError(SamenInputError):
    """The sources registry itself is malformed."""


@dataclass(frozen=True)
class Source:
    """One registered document or series; texts by language (``{"nl": ..., "en": ...}``)."""

    key: str
    type: str
    kind: dict[str, str]
    title: dict[str, str]
    body: dict[str, str]
    date: dt.date | None
    date_note: dict[str, str]
    reference: dict[str, str]
    short_title: dict[str, str]
    note: dict[str, str]

    @property
    def is_assumption(self) -> bool:
        """An estimate, what-if or modelling choice rather than a document or public figure."""
        return self.type in ASSUMPTION_TYPES

    def when(self, language: str = "nl") -> str:
        """The date as a reader writes it (``15 december 2023``), or the date note."""
        if self.date is None:
            return self.date_note.get(language, "")
        return format_date(self.date, language)

    def full(self, language: str = "nl") -> str:
        """Title, body, date and reference: the entry of the list of sources."""
        parts = [self.body[language], self.when(language), self.reference.get(language, "")]
        detail = ", ".join(p for p in parts if p)
        kind = self.kind[language]
        return f"{self.title[language]} ({kind}; {detail})" if detail else self.title[language]


@dataclass(frozen=True)
class Citation:
    """One cited source: its registry key and the section or reason given with it."""

    key: str
    detail: str


def format_date(day: dt.date, language: str = "nl") -> str:
    """``15 december 2023`` (nl) or ``15 December 2023`` (en).

    >>> format_date(dt.date(2022, 8, 31), "en")
    '31 August 2022'
    """
    return f"{day.day} {MONTHS[language][day.month - 1]} {day.year}"


def _texts(raw: Any, where: str, path: Path) -> dict[str, str]:
    return texts_by_language(raw, SourceError, path, where,
                             "a text, or a mapping with a text for nl and en", plain_text=True)


def _source(key: str, raw: Any, path: Path) -> Source:
    where = f"sources.{key}"
    if not KEY.fullmatch(key):
        raise SourceError(path, where, "a key of lower-case letters, digits and hyphens")
    if not isinstance(raw, dict):
        raise SourceError(path, where, "a mapping with " + ", ".join(FIELDS))
    check_keys(raw, FIELDS, SourceError, path, where)
    if raw["type"] not in TYPES:
        raise SourceError(path, f"{where}.type", f"one of {', '.join(TYPES)}")
    date = raw["date"]
    if date is not None and not isinstance(date, dt.date):
        raise SourceError(path, f"{where}.date", f"an ISO date (YYYY-MM-DD) or null, got {date!r}")

    def optional(field: str) -> dict[str, str]:
        return _texts(raw[field], f"{where}.{field}", path) if field in raw else {}

    title = _texts(raw["title"], f"{where}.title", path)
    return Source(key=key, type=raw["type"], kind=_texts(raw["kind"], f"{where}.kind", path),
                  title=title, body=_texts(raw["body"], f"{where}.body", path), date=date,
                  date_note=optional("date_note"), reference=optional("reference"),
                  short_title=optional("short_title") or title, note=optional("note"))


def load_registry(path: str | Path = REGISTRY_PATH) -> dict[str, Source]:
    """Read and check a sources registry; sources by key, in file order."""
    path = Path(path)
    data = read_yaml(path, SourceError, "sources registry", "a mapping with sources")
    if data.get("schema_version") != 1:
        raise SourceError(path, "schema_version", "1, the only schema version this model reads")
    raw = data.get("sources")
    if not isinstance(raw, dict) or not raw:
        raise SourceError(path, "sources", "a mapping of key: source")
    return {key: _source(key, body, path) for key, body in raw.items()}


@lru_cache(maxsize=1)
def registry() -> dict[str, Source]:
    """The registry shipped with the package (read once)."""
    return load_registry()


def parse(text: str, known: dict[str, Source] | None = None) -> list[Citation]:
    """Split a ``source:`` text into citations: ``key: detail`` parts joined by ``"; "``.

    A ``"; "`` starts a new citation only when a registered key follows it, so a reason may
    itself contain semicolons. The first part always counts as a citation (checked by
    :func:`citation_problem`).
    """
    known = registry() if known is None else known
    parts: list[str] = []
    for piece in text.split("; "):
        head = re.match(r"([a-z][a-z0-9-]*)(:\s|$)", piece)
        if parts and not (head and head.group(1) in known):
            parts[-1] += "; " + piece
        else:
            parts.append(piece)
    out = []
    for part in parts:
        key, _, detail = part.partition(":")
        out.append(Citation(key.strip(), detail.strip()))
    return out


def citation_problem(text: str, known: dict[str, Source] | None = None) -> str | None:
    """What is wrong with a ``source:`` text, or None when every cited key is registered."""
    known = registry() if known is None else known
    for citation in parse(text, known):
        if citation.key not in known:
            return (f"a source '<key>: <section>' whose key is in samen_model/data/sources.yaml "
                    f"(one of: {', '.join(known)}); got {text!r}")
    return None


def cite_one(citation: Citation, language: str = "nl", short: bool = True) -> str:
    """One citation for a reader: ``Title (date), detail`` or ``Estimate: reason``."""
    source = registry()[citation.key]
    if source.is_assumption:
        head = source.title[language]
        return f"{head}: {citation.detail}" if citation.detail else head
    title = (source.short_title if short else source.title)[language]
    when = source.when(language)
    head = f"{title} ({when})" if when else title
    return f"{head}, {citation.detail}" if citation.detail else head


def cite(text: str, language: str = "nl", short: bool = True) -> str:
    """A ``source:`` text rendered for a reader: every document by its title and date.

    >>> cite("framework-2022: §8")
    'Kaders van de opdracht en financiën (31 augustus 2022), §8'
    """
    return "; ".join(cite_one(c, language, short) for c in parse(text))


def cited_sources(texts: list[str] | tuple[str, ...]) -> list[Source]:
    """The registered documents and figures cited by some ``source:`` texts, registry order
    (estimates, what-ifs and choices left out)."""
    keys = {c.key for t in texts for c in parse(t)}
    return [s for k, s in registry().items() if k in keys and not s.is_assumption]


#: Which type a ``source:`` text counts as when it cites several (the first that occurs).
BASIS_ORDER = ("what-if", "estimate", "choice", "figures", "document")


def basis(text: str) -> str:
    """What a value rests on: ``what-if``, ``estimate``, ``choice``, ``figures`` or
    ``document``; a value that cites an estimate next to a document counts as an estimate.

    >>> basis("estimate: afgestemd op ...; evaluation-2023: §2")
    'estimate'
    """
    types = {registry()[c.key].type for c in parse(text)}
    return next(t for t in BASIS_ORDER if t in types)


def is_assumption(text: str) -> bool:
    """True when a ``source:`` text cites an estimate, a what-if or a modelling choice."""
    return basis(text) in ASSUMPTION_TYPES
