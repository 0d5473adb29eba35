"""The keys of a mapping read from YAML: every required key there, no unknown key."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from samen_model.errors import SamenInputError


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
