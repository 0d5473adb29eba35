"""Checks of mappings read from YAML: required and unknown keys, texts in Dutch and English."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from samen_model.errors import SamenInputError

#: The languages of every user-facing text (Dutch first).
LANGUAGES = ("nl", "en")


def check_keys(raw: Mapping[str, Any], keys: Mapping[str, bool], error: type[SamenInputError],
               file: str | Path | None, where: str, required_note: str = "",
               ignore: tuple[str, ...] = ()) -> None:
    """Raise ``error(file, "<where>.<key>", ...)`` for the first unknown key of ``raw`` (keys
    not in ``keys`` nor ``ignore``), then for the first missing key whose ``keys`` value is
    True (required). ``required_note`` is added to the "this key is required" message."""
    for key in raw:
        if key not in keys and key not in ignore:
            raise error(file, f"{where}.{key}", f"no such key (allowed: {', '.join(keys)})")
    for key, required in keys.items():
        if required and key not in raw:
            raise error(file, f"{where}.{key}",
                        "this key is required" + (f"; {required_note}" if required_note else ""))


def texts_by_language(raw: Any, error: type[SamenInputError], file: str | Path | None,
                      where: str, expected: str, *, non_empty: bool = True,
                      plain_text: bool = False) -> dict[str, str]:
    """``{nl: text, en: text}`` from ``raw``: a mapping with a text for each of
    :data:`LANGUAGES` (non-empty unless ``non_empty=False``), or with ``plain_text`` one
    non-empty text that stands for both. Otherwise ``error(file, where, expected)``."""
    if plain_text and isinstance(raw, str) and raw:
        return dict.fromkeys(LANGUAGES, raw)
    if isinstance(raw, dict) and set(raw) == set(LANGUAGES) and all(
            isinstance(v, str) and (v or not non_empty) for v in raw.values()):
        return dict(raw)
    raise error(file, where, expected)
