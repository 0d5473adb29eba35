"""The briefing's colophon: the full provenance of the run, once, on the last page."""

from __future__ import annotations

from typing import Any

from samen_model.present import formatting as fmt
from samen_model.present.tables.results import run_words
from samen_model.products.briefing.content import Section
from samen_model.scenario.observations import Observations

WORDS = {
    "nl": {"made": "Berekend met samen_model {version} (git-commit {commit}, Python {python}) "
                   "op {created} UTC. Kenmerk van deze rekenrun: **{key}**. Dat kenmerk staat "
                   "onder elke grafiek en is hetzelfde in de HTML-, PDF- en Word-versie; het "
                   "verandert zodra een scenario, de modelversie of het aantal trekkingen "
                   "verandert.",
           "header": ("Scenario", "Bestanden", "Kenmerk scenario", "Berekening"),
           "observations": "Gerapporteerde cijfers: {file} (kenmerk {hash}).",
           "no_git": "geen git"},
    "en": {"made": "Computed with samen_model {version} (git commit {commit}, Python {python}) "
                   "on {created} UTC. Key of this run: **{key}**. The key is printed under "
                   "every chart and is the same in the HTML, PDF and Word versions; it changes "
                   "when a scenario, the model version or the number of draws changes.",
           "header": ("Scenario", "Files", "Scenario hash", "Computation"),
           "observations": "Reported figures: {file} (hash {hash}).",
           "no_git": "no git"},
}


def colophon(section: Section, info: dict[str, Any], language: str = "nl",
             observations: Observations | None = None) -> Section:
    """Fill ``section`` with the manifest: version, commit, time, run key, and per scenario
    its files, hash, draws and seed; then the observation file."""
    w = WORDS[fmt.check_language(language)]
    section.paragraph(w["made"].format(
        version=info["version"], commit=(info.get("git_commit") or w["no_git"])[:12],
        python=info.get("python", ""), created=info["created_utc"][:16].replace("T", " "),
        key=info.get("run_key", "")))
    rows = []
    for s in info.get("scenarios", []):
        rows.append([s.get("title") or s["name"], " ← ".join(s.get("files", [])), s["hash"],
                     run_words(s, language)])
    section.table(list(w["header"]), rows, widths=[2.6, 3.2, 1.8, 2.2])
    if observations is not None and observations.path is not None:
        section.paragraph(w["observations"].format(file=observations.path.name,
                                                   hash=observations.hash))
    return section
