"""Words the briefing takes from the documents: a quote word for word from a shipped passage,
a document named by its short title and date, and a label lowered for use inside a sentence."""

from __future__ import annotations

from samen_model.present import messages as msg
from samen_model.scenario import sources as src
from samen_model.scenario.quotes import passages_of


def quote(source: str, start: str, end: str) -> str:
    """Words of a shipped passage of ``source`` from ``start`` up to and including ``end``
    (so a quote in the text is word for word the document's)."""
    for p in passages_of(source):
        i = p.text.find(start)
        j = p.text.find(end, i) if i >= 0 else -1
        if i >= 0 and j >= 0:
            return p.text[i:j + len(end)]
    raise KeyError(f"no passage of {source} holds {start!r} ... {end!r}")


def lower_first(label: str) -> str:
    """``Weglek`` -> ``weglek`` (a label inside a sentence); ``GI`` stays."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def cite(key: str, language: str) -> str:
    """``Evaluatie Basis jeugdhulp 2023 van 15 december 2023`` (no brackets inside brackets)."""
    s = src.registry()[key]
    of = msg.text("briefing.of", language)
    return f"{s.short_title[language]} {of} {s.when(language)}"
