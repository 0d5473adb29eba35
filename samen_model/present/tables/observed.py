"""Modelled against reported: a result beside the realised figures of an observation file;
the figures themselves with their uncertainty (:func:`observations_table`).

The figures come from ``observations/groningen.yaml`` (their values, wording and sources live
there, not in code); the default is the file shipped with the repository.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.tables.calibration import amount, span
from samen_model.scenario.library import find_dir
from samen_model.scenario.observations import Observation, Observations, load_observations
from samen_model.scenario.sources import cite

DEFAULT_OBSERVATIONS = "groningen.yaml"


def default_observations() -> tuple[Observation, ...]:
    """The realised figures of ``observations/groningen.yaml``."""
    path = find_dir("observations") / DEFAULT_OBSERVATIONS
    return load_observations(path, COLUMN_NAMES[1:]).items


def calibration_frame(result: Result,
                      targets: Iterable[Observation] | None = None) -> pd.DataFrame:
    """Modelled against reported, in the units of the column (EUR, persons, FTE)."""
    targets = default_observations() if targets is None else tuple(targets)
    at = {int(y): i for i, y in enumerate(result.years)}
    rows = []
    for t in targets:
        modelled = float(result.arrays[t.column][at[t.year], 0])
        rows.append({"column": t.column, "year": t.year, "reported": t.value,
                     "modelled": modelled, "difference": modelled - t.value,
                     "difference_share": (modelled - t.value) / t.value})
    return pd.DataFrame(rows)


def calibration_table(result: Result, language: str = "nl",
                      targets: Iterable[Observation] | None = None) -> pd.DataFrame:
    """:func:`calibration_frame` as text, with source and explanation, labelled."""
    fmt.check_language(language)
    targets = default_observations() if targets is None else tuple(targets)
    frame = calibration_frame(result, targets)
    h = msg.words("table.calibration_check", language)

    def show(column: str, value: float) -> str:
        return (fmt.eur_mln(value, 2, language) if column.endswith("_eur")
                else fmt.count(value, language))

    rows = []
    for t, (_, r) in zip(targets, frame.iterrows(), strict=True):
        rows.append({
            h["quantity"]: fmt.column_label(t.column, language),
            h["year"]: fmt.year(t.year),
            h["reported"]: t.reported[language],
            "model": show(t.column, r["modelled"]),
            h["difference"]: show(t.column, r["difference"]),
            h["difference_pct"]: fmt.pct(r["difference_share"], 1, language),
            h["source"]: cite(t.source, language),
        })
    return pd.DataFrame(rows)


def calibration_explanations(language: str = "nl",
                             targets: Iterable[Observation] | None = None) -> str:
    """The explanation of each difference as a Markdown list."""
    fmt.check_language(language)
    targets = default_observations() if targets is None else tuple(targets)
    return "\n".join(f"- **{fmt.column_label(t.column, language)} {t.year}**: "
                     f"{t.model_note[language]}" for t in targets if t.model_note)




def observations_table(observations: Observations | None = None,
                       language: str = "nl") -> pd.DataFrame:
    """Every figure of an observation file with its uncertainty, basis, date of the count,
    whether the calibration uses it, and its source (default: ``observations/groningen.yaml``).
    """
    w = msg.words("table.observed", language)
    items = default_observations() if observations is None else observations.items
    rows = []
    for o in items:
        u = o.uncertainty
        sd = (amount(o.column, u.sd, language) if o.column.endswith("_eur")
              else fmt.number(u.sd, 1 if u.sd < 10 else 0, language))
        text = (w["sd"].format(a=sd) if u.kind == "normal" else w["edges"].format(
            r=span(o.column, *o.stated_range(), language), a=sd))
        rows.append({w["figure"]: fmt.column_label(o.column, language),
                     w["year"]: fmt.year(o.year), w["reported"]: o.reported[language],
                     w["uncertainty"]: text, w["basis"]: w[u.basis], w["date"]: o.date,
                     w["used"]: w["yes" if o.calibrate else "no"],
                     w["source"]: cite(o.source, language)})
    return pd.DataFrame(rows)
