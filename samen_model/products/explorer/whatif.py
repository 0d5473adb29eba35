"""One what-if: the base run, the run with the levers' changes, and their key figures side by side.

:func:`evaluate` builds the variant scenario exactly as a saved file would load (same merge and
year-series rule, :func:`samen_model.scenario.writer.variant`) and runs it deterministically
(about 2 ms for the variant and 2-6 ms for the run). :func:`save` writes that variant as a short
YAML file and loads it back (so it validates as ``samen validate`` does).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from samen_model.analysis import key_figures as kf
from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.products.explorer.levers import changed_values
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.writer import variant, variant_path, write_variant

WHAT_IF_NAME = "what_if"
KEY_FIGURES_STYLE = ("<style>.samen-kf {border-collapse: collapse} .samen-kf th, .samen-kf td "
                     "{padding: 3px 10px; text-align: right; border-bottom: 1px solid #ddd} "
                     ".samen-kf td:first-child, .samen-kf th:first-child {text-align: left}"
                     "</style>")
HEADERS = {"nl": ("kerncijfer", "basis", "wat-als", "verschil"),
           "en": ("key figure", "base", "what-if", "difference")}


@dataclass(frozen=True)
class WhatIf:
    """The base run and the what-if run (deterministic); ``changed`` = path -> new value."""

    base: Result
    result: Result
    changed: dict[str, Any] = field(default_factory=dict)

    def key_figures(self) -> pd.DataFrame:
        """Key figures: columns ``base``, ``what_if``, ``difference`` (EUR, persons, FTE, year)."""
        b, w = kf.central(self.base), kf.central(self.result)
        return pd.DataFrame({"base": b, "what_if": w, "difference": w - b})


def evaluate(base: Result, settings: Mapping[str, float], language: str = "nl") -> WhatIf:
    """Run the base scenario with the levers at ``settings`` (lever key -> slider value); the
    what-if is titled after the base ("Realisatie 2023 (...): wat-als")."""
    scenario: Scenario = base.scenario
    changed = changed_values(scenario, settings)
    if changed:
        title = f"{scenario.title}: {HEADERS[fmt.check_language(language)][2]}"
        scenario = replace(variant(scenario, changed, name=WHAT_IF_NAME), title=title)
    return WhatIf(base=base, result=simulate(scenario), changed=changed)


def _difference(name: str, value: float, language: str) -> str:
    if value is None or not np.isfinite(value):
        return fmt.MISSING
    if abs(value) < (5_000 if name.endswith("_eur") else 0.5):
        return "0" if not name.endswith("_eur") else fmt.eur_mln(0.0, 2, language)
    text = fmt.key_figure(name, abs(value), language) if name != "payback_year" else \
        fmt.number(abs(value), 0, language) + (" jaar" if language == "nl" else " yr")
    return ("+" if value > 0 else fmt.MINUS) + text


def key_figures_table(whatif: WhatIf, language: str = "nl") -> pd.DataFrame:
    """The key figures as text: base, what-if and the difference, one row per figure."""
    frame = whatif.key_figures()
    head = HEADERS[fmt.check_language(language)]
    rows = [(kf.label(k, language, whatif.base), fmt.key_figure(k, r["base"], language),
             fmt.key_figure(k, r["what_if"], language), _difference(k, r["difference"], language))
            for k, r in frame.iterrows()]
    return pd.DataFrame(rows, columns=head).set_index(head[0])


def key_figures_html(whatif: WhatIf, language: str = "nl") -> str:
    """The key figures as an HTML table; every cell has ``data-key`` and ``data-column`` for
    tests and styling (``<td data-key="deviation_transition_eur" data-column="what_if">``)."""
    frame, table = whatif.key_figures(), key_figures_table(whatif, language)
    head = HEADERS[language]
    cells = [KEY_FIGURES_STYLE, "<table class='samen-kf'><thead><tr>"
             + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for key, (label, row) in zip(frame.index, table.iterrows(), strict=True):
        moved = row[head[3]] not in ("0", fmt.MISSING, fmt.eur_mln(0.0, 2, language))
        style = " style='font-weight:bold'" if moved else ""
        cells.append(
            f"<tr><td>{html.escape(label)}</td>"
            + "".join(f"<td data-key='{key}' data-column='{col}'{style if col != 'base' else ''}>"
                      f"{html.escape(row[h])}</td>"
                      for col, h in zip(("base", "what_if", "difference"), head[1:],
                                        strict=True))
            + "</tr>")
    cells.append("</tbody></table>")
    return "".join(cells)


def save(whatif: WhatIf, folder: str | Path, name: str, note: str,
         title: str | None = None, overwrite: bool = False) -> Scenario:
    """Write ``folder/NAME.yaml`` extending the base with only the changed values; the note is
    the source of each. Returns the scenario loaded back from the file (validated)."""
    base = whatif.base.scenario
    description = f"What-if on {base.name}: {note.strip()}" if note else None
    return write_variant(variant_path(folder, name), base, whatif.changed, note,
                         title=title, description=description, overwrite=overwrite)
