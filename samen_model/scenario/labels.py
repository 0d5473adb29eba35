"""Labels of the parameters for readers: the reader's part of the parameter registry
(``samen_model/data/parameters.yaml``).

For every key of the registry: a Dutch and English label and description, the theme it is
grouped under, and the unit written after a value (``unit_text``: ``per jaar``). A missing
entry does not stop a run (the label falls back to the key); ``tests/test_labels.py`` names
every registry key without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from samen_model.errors import SamenInputError
from samen_model.scenario.catalogue import (
    CATALOGUE,
    CHECK_KEYS,
    ENTITY_GROUPS,
    READER_KEYS,
    REGISTRY_PATH,
)
from samen_model.scenario.mapping_checks import LANGUAGES, texts_by_language
from samen_model.scenario.yaml_reader import read_yaml

LABELS_PATH = REGISTRY_PATH


class LabelError(SamenInputError):
    """The labels file is malformed."""


@dataclass(frozen=True)
class ParameterLabel:
    """Label, description and unit text (by language) and theme of one catalogue key."""

    key: str
    theme: str
    label: dict[str, str]
    description: dict[str, str]
    unit: dict[str, str]
    phrase: dict[str, str]  # how a sentence names it (the label in lower case when not given)
    null_text: dict[str, str] | None = None  # what an empty (null) value means, if it may be


@dataclass(frozen=True)
class Labels:
    """The labels file: themes in register order and labels by catalogue key."""

    themes: dict[str, dict[str, str]]
    parameters: dict[str, ParameterLabel]


def _pair(raw: Any, where: str, path: Path) -> dict[str, str]:
    return texts_by_language(raw, LabelError, path, where, "a mapping with a text for nl and en",
                             non_empty=False)


def _entry(key: str, raw: Any, themes: dict, path: Path) -> ParameterLabel:
    where = f"parameters.{key}"
    if key not in CATALOGUE:
        raise LabelError(path, where, "a key of the parameter registry (data/parameters.yaml)")
    if not isinstance(raw, dict) or not {"theme", "nl", "en"} <= set(raw) or \
            not set(raw) <= READER_KEYS | CHECK_KEYS:
        raise LabelError(path, where, "a mapping with theme, nl, en and optionally unit_text")
    if raw["theme"] not in themes:
        raise LabelError(path, f"{where}.theme", f"one of the themes ({', '.join(themes)})")
    texts = {}
    for lang in LANGUAGES:
        body = raw[lang]
        if not (isinstance(body, dict) and set(body) == {"label", "description"}
                and all(isinstance(v, str) and v for v in body.values())):
            raise LabelError(path, f"{where}.{lang}", "a mapping with a label and a description")
        texts[lang] = body
    unit = _pair(raw["unit_text"], f"{where}.unit_text", path) if "unit_text" in raw \
        else dict.fromkeys(LANGUAGES, "")
    label = {lang: texts[lang]["label"] for lang in LANGUAGES}
    phrase = _pair(raw["phrase"], f"{where}.phrase", path) if "phrase" in raw else {
        lang: text[:1].lower() + text[1:] if text[1:2].islower() else text
        for lang, text in label.items()}
    null_text = _pair(raw["null_text"], f"{where}.null_text", path) if "null_text" in raw \
        else None
    return ParameterLabel(key=key, theme=raw["theme"], label=label,
                          description={lang: texts[lang]["description"] for lang in LANGUAGES},
                          unit=unit, phrase=phrase, null_text=null_text)


def load_labels(path: str | Path = LABELS_PATH) -> Labels:
    """Read and check a labels file."""
    path = Path(path)
    data = read_yaml(path, LabelError, "parameter labels file", "a mapping with themes and "
                     "parameters")
    themes = data.get("themes")
    if not isinstance(themes, dict) or not themes:
        raise LabelError(path, "themes", "a mapping of theme: {nl, en}")
    themes = {k: _pair(v, f"themes.{k}", path) for k, v in themes.items()}
    raw = data.get("parameters")
    if not isinstance(raw, dict):
        raise LabelError(path, "parameters", "a mapping of catalogue key: labels")
    return Labels(themes=themes,
                  parameters={k: _entry(k, v, themes, path) for k, v in raw.items()})


@lru_cache(maxsize=1)
def labels() -> Labels:
    """The labels shipped with the package (read once)."""
    return load_labels()


def catalogue_key(path: str) -> str:
    """The catalogue key of a concrete parameter path (``products.x.price...`` -> ``products.*.``).

    >>> catalogue_key("products.family_guidance.mean_duration_years")
    'products.*.mean_duration_years'
    """
    parts = path.split(".")
    if len(parts) == 3 and parts[0] in ENTITY_GROUPS:
        return f"{parts[0]}.*.{parts[2]}"
    return path


def label_of(path: str) -> ParameterLabel | None:
    """The labels of a concrete parameter path, or None when the labels file lacks it."""
    return labels().parameters.get(catalogue_key(path))


def missing_labels() -> list[str]:
    """Catalogue keys without an entry in the labels file (what the test reports)."""
    return [k for k in CATALOGUE if k not in labels().parameters]


def theme_label(theme: str, language: str = "nl") -> str:
    """The reader's name of a theme (``Budgetregel``)."""
    return labels().themes.get(theme, {}).get(language, theme)


def theme_order() -> list[str]:
    """Theme keys in register order."""
    return list(labels().themes)
