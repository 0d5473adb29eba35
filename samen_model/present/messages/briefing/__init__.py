"""The council briefing's words as catalogue messages, all under ``briefing.``.

The long words are written out per language, because long prose reads best that way:
:mod:`.nl` and :mod:`.en` hold the same tables with the same keys, which become
``briefing.text.<key>`` (the sentence templates; one may be a row of texts: a table's headers,
the bullets of a list), ``briefing.chart.<key>`` (the charts), ``briefing.key_figure.<key>``
(the key-figure annex) and ``briefing.glossary.<n>`` (term and explanation, in order).
Importing this module fails when a table of one language has a key the other lacks. The short
words sit side by side in :mod:`.words`: ``briefing.title.<section>``,
``briefing.measure.<parameter>`` and ``briefing.measure_theme.<theme>`` (where a better figure
can come from), ``briefing.observation.<id>`` (label and kind), ``briefing.reported.<id>``,
``briefing.wij``, ``briefing.regime.<key>`` and ``briefing.regime_short.<key>``, the annexes'
``briefing.budget_labels``, ``briefing.register_note.*``, ``briefing.basis_plural.*``, and the
small words of captions, footers and the table of contents.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from samen_model.present.messages.briefing import en, nl, words

Message = str | tuple[str, ...]


def _by_language(prefix: str, dutch: Mapping[str, Message] | Sequence[Message],
                 english: Mapping[str, Message] | Sequence[Message]
                 ) -> dict[str, dict[str, Message]]:
    """One table written per language as catalogue messages ``<prefix>.<key>`` (a sequence
    by its position, from 1); ValueError naming the keys only one language has."""
    if not isinstance(dutch, Mapping):
        dutch = {str(i): m for i, m in enumerate(dutch, 1)}
        english = {str(i): m for i, m in enumerate(english, 1)}
    only_nl, only_en = sorted(set(dutch) - set(english)), sorted(set(english) - set(dutch))
    if only_nl or only_en:
        raise ValueError(f"{prefix}: nl and en need the same keys (only in nl: {only_nl}; "
                         f"only in en: {only_en})")
    return {f"{prefix}.{key}": {"nl": dutch[key], "en": english[key]} for key in dutch}


def _texts() -> dict[str, dict[str, Message]]:
    return {**_by_language("briefing.text", nl.TEXT, en.TEXT),
            **_by_language("briefing.chart", nl.CHART, en.CHART),
            **_by_language("briefing.key_figure", nl.KEY_FIGURES, en.KEY_FIGURES),
            **_by_language("briefing.glossary", nl.GLOSSARY, en.GLOSSARY)}


MESSAGES: dict[str, dict[str, Message]] = {**_texts(), **words.MESSAGES}
