"""The words a person reads, in Dutch and English: one catalogue, one lookup.

Every message has a dotted key (``chart.title.flows``, ``workbook.events.shortfall``) and a
Dutch and an English text with the same ``{fields}`` (a test checks both). The catalogue is
kept in a few files by who shows the words (:mod:`.charts`, :mod:`.tables`, :mod:`.text`,
:mod:`.products`, :mod:`.explorer` (the what-if explorer), :mod:`.notebooks` (the notebooks'
reading text), :mod:`.cli`) and the sub-package :mod:`.briefing` (the council briefing, its
long templates written per language, ``briefing.*``); :data:`CATALOGUE` is their union.
:func:`text` looks one message up and fills its fields; :func:`words` gives every message
under a prefix in one language (a table's headers); :func:`texts` a message that is a row of
texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from samen_model.present.messages import (
    briefing,
    charts,
    cli,
    explorer,
    notebooks,
    products,
    tables,
)
from samen_model.present.messages import text as sentences

LANGUAGES: tuple[str, ...] = ("nl", "en")
Message = str | tuple[str, ...]


def _merge(*parts: Mapping[str, dict[str, Message]]) -> dict[str, dict[str, Message]]:
    out: dict[str, dict[str, Message]] = {}
    for part in parts:
        for key, entry in part.items():
            if key in out:
                raise ValueError(f"message {key!r} is defined twice")
            out[key] = entry
    return out


#: key -> {"nl": text, "en": text}; a text may be a tuple of texts (a row of headers).
CATALOGUE: dict[str, dict[str, Message]] = _merge(charts.MESSAGES, tables.MESSAGES,
                                                  sentences.MESSAGES, products.MESSAGES,
                                                  explorer.MESSAGES, notebooks.MESSAGES,
                                                  cli.MESSAGES, briefing.MESSAGES)


def check_language(language: str) -> str:
    """Return ``language`` if it is supported (``"nl"`` or ``"en"``), else raise ValueError."""
    if language not in LANGUAGES:
        raise ValueError(f"language: expected one of {', '.join(LANGUAGES)}, got {language!r}")
    return language


def text(key: str, language: str = "nl", **fields: Any) -> str:
    """The message ``key`` in ``language`` (``"nl"`` or ``"en"``) with ``fields`` filled in
    (``str.format``); a message without fields is returned as written."""
    message = CATALOGUE[key][check_language(language)]
    if not isinstance(message, str):
        raise TypeError(f"message {key!r} is a row of texts: use words()")
    return message.format(**fields) if fields else message


def texts(key: str, language: str = "nl") -> tuple[str, ...]:
    """A message that is a row of texts (headers, or the forms of one phrase)."""
    message = CATALOGUE[key][check_language(language)]
    return message if isinstance(message, tuple) else (message,)


def find(key: str, language: str = "nl") -> str | None:
    """The message ``key`` in ``language`` as written, or None when the catalogue has none."""
    entry = CATALOGUE.get(key)
    return None if entry is None else str(entry[check_language(language)])


def words(prefix: str, language: str = "nl") -> dict[str, Message]:
    """Every message under ``prefix`` in ``language``, by the rest of its key
    (``words("workbook", "en")["draws"] == "draws"``); fields are left to the caller."""
    check_language(language)
    start = prefix + "."
    return {key[len(start):]: entry[language] for key, entry in CATALOGUE.items()
            if key.startswith(start)}


def by_key(prefix: str) -> dict[str, dict[str, Message]]:
    """Every message under ``prefix`` in both languages, by the rest of its key."""
    start = prefix + "."
    return {key[len(start):]: entry for key, entry in CATALOGUE.items()
            if key.startswith(start)}
