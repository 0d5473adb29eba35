"""The briefing's glossary: terms a council member meets, explained in plain words.

Taken from the framework (Kaders van de opdracht en financiën, 31 August 2022, §8) and the
model's columns. One word per concept: the text, the tables and the charts use these terms.
The entries are catalogue messages ``briefing.glossary.<n>``, written per language in
``present/messages/briefing/nl.py`` and ``en.py``.
"""

from __future__ import annotations

from samen_model.present import messages as msg

#: The entries (term, explanation) by language, in order (``briefing.glossary.<n>``).
GLOSSARY: dict[str, list[tuple[str, str]]] = {
    lang: list(msg.words("briefing.glossary", lang).values()) for lang in msg.LANGUAGES}


def glossary(language: str = "nl") -> list[tuple[str, str]]:
    """The glossary entries (term, explanation) in the chosen language."""
    return list(GLOSSARY[language])
