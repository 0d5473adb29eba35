"""Scenario discovery for a reader: the box in plain words, the box table, the trade-off table.

Dutch by default, English with ``language="en"``; they format what
:func:`samen_model.analysis.discovery.discover` found and compute nothing new.
"""

from __future__ import annotations

import pandas as pd

from samen_model.analysis.discovery import Discovery
from samen_model.analysis.outputs import output
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.scenario import labels as lb
from samen_model.scenario.catalogue import spec_for
from samen_model.scenario.scenario import Scenario


def parameter_label(path: str, language: str = "nl") -> str:
    """A parameter's name in a sentence: its ``phrase`` in the registry
    (``data/parameters.yaml``; the label in lower case when it has none), else its path."""
    language = fmt.check_language(language)
    entry = lb.label_of(path)
    return path if entry is None else entry.phrase[language]


def parameter_value(path: str, value: float, language: str = "nl") -> str:
    """A parameter value in its unit: shares as %, euros, percent figures, plain numbers."""
    spec = spec_for(path)
    if spec is not None and spec.kind in ("share", "signed_fraction"):
        return fmt.pct(value, 1, language)
    if spec is not None and spec.unit.startswith("EUR"):
        return fmt.eur(value, 0, language)
    if spec is not None and spec.kind == "percent":
        return fmt.number(value, 1, language) + "%"
    return fmt.number(value, 1 if abs(value) >= 1 else 3, language)


def threshold_text(d: Discovery, language: str = "nl") -> str:
    """``Afwijking gesloten vierkant 2023-2025 boven € 2,0 mln``."""
    w = msg.words("table.discovery", language)
    column = output(d.output).column
    value = fmt.eur_auto(d.threshold, language) if column.endswith("_eur") else \
        fmt.number(d.threshold, 1, language)
    return f"{fmt.output_label(d.output, language)} {w[d.direction]} {value}"


def _condition(path: str, row: pd.Series, language: str) -> str:
    w = msg.words("table.discovery", language)
    a, b = (parameter_value(path, row[k], language) for k in ("low", "high"))
    low_cut, high_cut = row["low"] > row["sample_low"], row["high"] < row["sample_high"]
    if low_cut and high_cut:
        text = w["between"].format(a=a, b=b)
    else:
        text = w["at_least"].format(a=a) if low_cut else w["at_most"].format(b=b)
    sampled = w["sampled"].format(a=parameter_value(path, row["sample_low"], language),
                                  b=parameter_value(path, row["sample_high"], language))
    return f"{parameter_label(path, language)} {text} ({sampled})"


def discovery_text(d: Discovery, language: str = "nl", scenario: Scenario | None = None) -> str:
    """Which assumptions must hold for the output to cross the threshold, in plain words (the
    scenario the draws came from by its title when ``scenario`` is given, else its name)."""
    w = msg.words("table.discovery", language)
    event = threshold_text(d, language)
    overrun = d.direction == "above" and d.output.startswith("deviation_")
    if overrun:
        event += " (" + w["overrun"] + ")"
    conditions = [_condition(p, r, language) for p, r in d.limits.iterrows()]
    joined = (", ".join(conditions[:-1]) + f" {w['and']} " + conditions[-1]
              if len(conditions) > 1 else "".join(conditions))
    short = w["overrun"] if overrun else w["case"]
    parts = [
        w["lead"].format(event=f"{w['a']} {event[:1].lower()}{event[1:]}", conditions=joined),
        w["density"].format(mass=fmt.pct(d.mass, 0, language),
                            density=fmt.pct(d.density, 0, language), short=short,
                            share=fmt.pct(d.share, 0, language),
                            draws=fmt.number(d.draws, 0, language),
                            cases=fmt.number(d.cases, 0, language)),
        w["coverage"].format(coverage=fmt.pct(d.coverage, 0, language), short=short),
    ]
    weak = [parameter_label(p, language) for p, r in d.limits.iterrows() if r["qp"] > 0.05]
    if weak:
        parts.append(w["weak"].format(names=f" {w['and']} ".join(weak)))
    title = scenario.title if scenario is not None else d.scenario
    parts.append(w["from"].format(sample=w[f"sample.{d.sample}"], scenario=title, seed=d.seed))
    return " ".join(parts)


def _quasi_p(qp: float, language: str) -> str:
    """A quasi-p-value: three decimals, or ``< 0,001``."""
    return "< " + fmt.number(0.001, 3, language) if qp < 0.001 else fmt.number(qp, 3, language)


def box_table(d: Discovery, language: str = "nl", step: int | None = None) -> pd.DataFrame:
    """The chosen box (or the box of ``step``): one row per restricted parameter, as text."""
    cols = msg.words("table.discovery", language)["columns"]
    lim = d.limits if step is None else d.box(step)
    rows = [(parameter_label(p, language),
             *(parameter_value(p, r[k], language)
               for k in ("low", "high", "sample_low", "sample_high")),
             _quasi_p(r["qp"], language)) for p, r in lim.iterrows()]
    return pd.DataFrame(rows, columns=cols).set_index(cols[0])


def tradeoff_table(d: Discovery, language: str = "nl", every: int = 3) -> pd.DataFrame:
    """Coverage, density and mass along the peeling trajectory (every ``every``-th step, the
    chosen one and the last always shown), as text."""
    cols = msg.words("table.discovery", language)["trade"]
    t = d.trajectory
    steps = sorted({*range(0, len(t), every), d.chosen, len(t) - 1})
    rows = [(s, fmt.pct(t.at[s, "coverage"], 1, language), fmt.pct(t.at[s, "density"], 1,
                                                                   language),
             fmt.pct(t.at[s, "mass"], 1, language), int(t.at[s, "restricted"]),
             "◀" if s == d.chosen else "") for s in steps]
    return pd.DataFrame(rows, columns=cols).set_index(cols[0])
