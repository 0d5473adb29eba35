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
from samen_model.analysis.monte_carlo import shortfall
from samen_model.model.results import Result
from samen_model.model.simulate import simulate
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.products.explorer.levers import Setting, changed_values
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.writer import variant, variant_path, write_variant

#: Draws of the live uncertainty band (about 20-40 ms on two cores) and their seed.
BAND_DRAWS = 2_000
BAND_SEED = 1
BAND_COLUMNS = ("square_deviation_eur", "cumulative_net_savings_eur")

WHAT_IF_NAME = "what_if"
KEY_FIGURES_STYLE = ("<style>.samen-kf {border-collapse: collapse} .samen-kf th, .samen-kf td "
                     "{padding: 3px 10px; text-align: right; border-bottom: 1px solid #ddd} "
                     ".samen-kf td:first-child, .samen-kf th:first-child {text-align: left}"
                     "</style>")


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


def evaluate(base: Result, settings: Mapping[str, Setting], language: str = "nl") -> WhatIf:
    """Run the base scenario with the levers at ``settings`` (lever key -> setting); the
    what-if is titled after the base ("Realisatie 2023 (...): wat-als")."""
    scenario: Scenario = base.scenario
    changed = changed_values(scenario, settings)
    if changed:
        title = f"{scenario.title}: {msg.texts('explorer.key_figures.header', language)[2]}"
        scenario = replace(variant(scenario, changed, name=WHAT_IF_NAME), title=title)
    return WhatIf(base=base, result=simulate(scenario), changed=changed)


@dataclass(frozen=True)
class Band:
    """The 5-95% band of the what-if under the uncertain scenario's distributions.

    ``low``/``high``: column -> per-year 5th/95th percentile (EUR); ``shortfall``: per year,
    the share of draws in which SAMEN. could not take on every young person (P(wachtlijst)).
    """

    scenario: Scenario
    years: np.ndarray
    draws: int
    seed: int
    low: dict[str, np.ndarray]
    high: dict[str, np.ndarray]
    shortfall: np.ndarray


def band(uncertain: Scenario, settings: Mapping[str, Setting], draws: int = BAND_DRAWS,
         seed: int = BAND_SEED) -> Band:
    """Monte Carlo of ``uncertain`` with the levers at ``settings``: a lever away from the
    uncertain scenario's central value fixes its parameter there (the distribution gives way
    to the analyst's choice); the other distributions stay."""
    changed = changed_values(uncertain, settings)
    scenario = variant(uncertain, changed, name=f"{uncertain.name}_what_if") if changed \
        else uncertain
    result = simulate(scenario, draws=draws, seed=seed, sample=True, keep=BAND_COLUMNS,
                      reduce={"shortfall": lambda block, _years: shortfall(block)})
    low, high = {}, {}
    for column in BAND_COLUMNS:
        low[column], high[column] = np.percentile(result.arrays[column], (5, 95), axis=1)
    return Band(scenario=scenario, years=result.years, draws=draws, seed=seed, low=low,
                high=high, shortfall=result.reduced["shortfall"].mean(axis=1))


def band_html(b: Band, first_year: int, language: str = "nl") -> str:
    """The band per year from ``first_year`` as an HTML table: the square deviation's 5th and
    95th percentile and the chance of a capacity shortfall. Cells carry ``data-key``
    (``p5``, ``p95``, ``shortfall``) and ``data-year`` for tests."""
    w = msg.words("explorer.band", language)
    keep = b.years >= first_year
    years = b.years[keep]
    column = "square_deviation_eur"
    rows = [("p5", w["low"], [fmt.eur_mln(v, 2, language) for v in b.low[column][keep]]),
            ("p95", w["high"], [fmt.eur_mln(v, 2, language) for v in b.high[column][keep]]),
            ("shortfall", w["short"], [fmt.pct(v, 0, language) for v in b.shortfall[keep]])]
    head = "".join(f"<th>{int(y)}</th>" for y in years)
    body = "".join(
        f"<tr><td>{html.escape(text)}</td>"
        + "".join(f"<td data-key='{key}' data-year='{int(y)}'>{html.escape(v)}</td>"
                  for y, v in zip(years, values, strict=True)) + "</tr>"
        for key, text, values in rows)
    source = w["from"].format(draws=fmt.number(b.draws, 0, language), name=b.scenario.name
                              .removesuffix("_what_if"))
    return (f"<div class='samen-band'><b>{html.escape(w['title'])}</b>"
            f"<table class='samen-kf'><thead><tr><th>{w['year']}</th>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table><div style='font-size:80%;color:#555'>"
            f"{html.escape(source)}</div></div>")


def _difference(name: str, value: float, language: str) -> str:
    if value is None or not np.isfinite(value):
        return fmt.MISSING
    if abs(value) < (5_000 if name.endswith("_eur") else 0.5):
        return "0" if not name.endswith("_eur") else fmt.eur_mln(0.0, 2, language)
    text = fmt.key_figure(name, abs(value), language) if name != "payback_year" else \
        msg.text("explorer.key_figures.years", language, n=fmt.number(abs(value), 0, language))
    return ("+" if value > 0 else fmt.MINUS) + text


def key_figures_table(whatif: WhatIf, language: str = "nl") -> pd.DataFrame:
    """The key figures as text: base, what-if and the difference, one row per figure."""
    frame = whatif.key_figures()
    head = msg.texts("explorer.key_figures.header", language)
    rows = [(kf.label(k, language, whatif.base), fmt.key_figure(k, r["base"], language),
             fmt.key_figure(k, r["what_if"], language), _difference(k, r["difference"], language))
            for k, r in frame.iterrows()]
    return pd.DataFrame(rows, columns=head).set_index(head[0])


def key_figures_html(whatif: WhatIf, language: str = "nl") -> str:
    """The key figures as an HTML table; every cell has ``data-key`` and ``data-column`` for
    tests and styling (``<td data-key="deviation_transition_eur" data-column="what_if">``)."""
    frame, table = whatif.key_figures(), key_figures_table(whatif, language)
    head = msg.texts("explorer.key_figures.header", language)
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


def title_from_note(name: str, note: str, language: str = "nl") -> str:
    """A title that tells saves apart: ``Wat-als NAME: <first line of the note>`` (cut at
    100 characters)."""
    first = (note or "").strip().splitlines()[0].strip() if (note or "").strip() else ""
    title = f"{msg.text('explorer.saved.title', language)} {name}" + (f": {first}" if first else "")
    return title if len(title) <= 100 else title[:99].rstrip() + "…"


def save(whatif: WhatIf, folder: str | Path, name: str, note: str,
         title: str | None = None, overwrite: bool = False, language: str = "nl") -> Scenario:
    """Write ``folder/NAME.yaml`` extending the base with only the changed values; the note is
    the source of each, its first line is in the title (:func:`title_from_note`) and all of
    it in the description. The file is checked as ``samen validate`` checks it where it lands.
    Returns the scenario loaded back from the file."""
    base = whatif.base.scenario
    note = (note or "").strip()
    about = msg.text("explorer.saved.description", language, title=base.title,
                     name=base.name)
    description = f"{note}\n\n{about}" if note else about
    return write_variant(variant_path(folder, name), base, whatif.changed, note,
                         title=title or title_from_note(name, note, language),
                         description=description, overwrite=overwrite)
