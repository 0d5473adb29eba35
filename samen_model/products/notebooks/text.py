"""The words around the numbers in the notebooks: :func:`text` looks one up in the message
catalogue (``notebook.page.KEY`` in :mod:`samen_model.present.messages.notebooks`).

The notebooks show these with ``nt.show_markdown(nt.text("01.budget", language))`` so that a
notebook run with ``language: nl`` is Dutch throughout and with ``en`` English.
"""

from __future__ import annotations

from samen_model.present import messages as msg

#: The language the scenario files' descriptions are written in: a notebook in that language
#: shows a scenario's description under its title, one in another language only the title.
DESCRIPTION_LANGUAGE = "en"


def text(key: str, language: str = "nl") -> str:
    """The notebook text ``key`` (``"01.budget"``) in the chosen language, as Markdown."""
    return msg.text(f"notebook.page.{key}", language)


def scenario_heading(scenario, language: str = "nl") -> str:
    """The scenario's title in bold, with its description when the notebook is in the
    description's language (:data:`DESCRIPTION_LANGUAGE`)."""
    if msg.check_language(language) == DESCRIPTION_LANGUAGE and scenario.description:
        return f"**{scenario.title}**: {scenario.description}"
    return f"**{scenario.title}**"
