"""The council briefing's words as catalogue messages, all under ``briefing.``.

The long sentence templates are written out per language, because long prose reads best that
way: :mod:`.nl` and :mod:`.en` hold one dict each with the same keys, which become
``briefing.text.<key>`` (a template may be a row of texts: a table's headers, the bullets of a
list). Importing this module fails when the two dicts do not have the same keys. The short
words sit side by side in :mod:`.words`: ``briefing.title.<section>``,
``briefing.measure.<parameter>`` and ``briefing.measure_theme.<theme>`` (where a better figure
can come from), ``briefing.observation.<id>`` (label and kind), ``briefing.reported.<id>``
and ``briefing.wij``.
"""

from __future__ import annotations

from samen_model.present.messages.briefing import en, nl, words


def _texts() -> dict[str, dict[str, str | tuple[str, ...]]]:
    only_nl, only_en = sorted(set(nl.TEXT) - set(en.TEXT)), sorted(set(en.TEXT) - set(nl.TEXT))
    if only_nl or only_en:
        raise ValueError(f"briefing texts: nl and en need the same keys (only in nl: {only_nl}; "
                         f"only in en: {only_en})")
    return {f"briefing.text.{key}": {"nl": nl.TEXT[key], "en": en.TEXT[key]} for key in nl.TEXT}


MESSAGES: dict[str, dict[str, str | tuple[str, ...]]] = {**_texts(), **words.MESSAGES}
