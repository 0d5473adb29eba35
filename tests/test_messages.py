"""The one catalogue of words people read (``present/messages``) and its lookup."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from samen_model.present import messages as msg

PACKAGE = Path(msg.__file__).resolve().parents[2]


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_dutch_and_english_with_the_same_fields():
    for key, entry in msg.CATALOGUE.items():
        assert set(entry) == {"nl", "en"}, key
        nl, en = entry["nl"], entry["en"]
        assert type(nl) is type(en), key
        pairs = zip(nl, en, strict=True) if isinstance(nl, tuple) else [(nl, en)]
        for a, b in pairs:
            assert _fields(a) == _fields(b), key


def test_lookup_fills_fields_and_refuses_an_unknown_language():
    assert msg.text("workbook.events.shortfall", "nl", year=2027) == \
        "Kans op te weinig personeel in 2027"
    assert msg.text("output.net_savings", "en", years="2026-2027") == "Net savings 2026-2027"
    assert msg.words("table.manifest", "en")["run_key"] == "run key"
    assert msg.texts("text.dynamics.side", "nl") == ("boven", "binnen")
    assert msg.find("report.page.no_such_notebook") is None
    assert msg.text("briefing.title.choice", "en", end=2025) == "5. The choice after 2025"
    assert msg.texts("briefing.wij", "nl") == ("overschot", "tekort")
    assert msg.texts("briefing.observation.fte_2023", "en") == ("SAMEN. staff", "counted")
    with pytest.raises(ValueError, match="language: expected one of nl, en, got 'de'"):
        msg.text("chart.title.year", "de")


@pytest.mark.parametrize("folder", ["present", "cli", "products/workbook", "products/build",
                                    "products/notebooks", "products/explorer",
                                    "products/briefing"])
def test_no_module_chooses_between_dutch_and_english_itself(folder):
    """Words come from the catalogue; only number formatting (decimal comma, euro sign) and
    the catalogue itself look at the language."""
    choosing = re.compile(r"""(language|lang)\)?\s*[!=]=\s*["'](nl|en)["']|\[["']nl["']\]""")
    allowed = {"formatting.py"}  # the decimal comma and the euro sign
    found = [f"{p.relative_to(PACKAGE)}:{i}"
             for p in sorted((PACKAGE / folder).rglob("*.py")) if p.name not in allowed
             and "messages" not in p.parts
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if choosing.search(line)]
    assert not found, found


def test_the_briefing_words_written_per_language_need_the_same_keys(monkeypatch):
    """The briefing's long words are written per language (``present/messages/briefing/nl.py``
    and ``en.py``); a key in one only fails the import, naming it."""
    from samen_model.present.messages import briefing

    assert len(briefing.nl.TEXT) == len(briefing.en.TEXT) == 91
    assert len(msg.words("briefing.glossary", "en")) == 13
    assert msg.texts("briefing.glossary.1", "nl")[0] == "Gesloten vierkant"
    monkeypatch.setattr(briefing.en, "TEXT", {k: v for k, v in briefing.en.TEXT.items()
                                              if k != "phase"})
    with pytest.raises(ValueError, match=r"briefing.text: nl and en need the same keys "
                                         r"\(only in nl: \['phase'\]; only in en: \[\]\)"):
        briefing._texts()
    monkeypatch.setattr(briefing.en, "TEXT", briefing.nl.TEXT)
    monkeypatch.setattr(briefing.en, "GLOSSARY", briefing.en.GLOSSARY[:-1])
    with pytest.raises(ValueError, match=r"briefing.glossary: .*only in nl: \['13'\]"):
        briefing._texts()
