"""Tables of a calibration and of forecast against actual, labelled in Dutch or English.

They format what :mod:`samen_model.analysis.calibration.diagnostics` and
:mod:`samen_model.analysis.calibration.forecast` computed: the weights and their verdict,
prior against posterior per parameter, the predictive check, leave-one-out, forecast against
actual. Money in € millions, persons and FTE as counts, parameters in their unit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

from samen_model.analysis.calibration.fit import Calibration
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.parameters import label_text
from samen_model.present.tables.uncertainty import parameter_value
from samen_model.scenario.scenario import Scenario


def amount(column: str, value: float, language: str = "nl", bare: bool = False) -> str:
    """A value of an output column as text: € millions (two decimals) or a count; ``bare``:
    millions without "€ mln" (a table that names the unit once, :func:`_figure`)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return fmt.MISSING
    if not column.endswith("_eur"):
        return fmt.count(value, language)
    return fmt.number(value / 1e6, 2, language) if bare else fmt.eur_mln(value, 2, language)


def span(column: str, low: float, high: float, language: str = "nl",
         median: float | None = None, bare: bool = False) -> str:
    """``low – high`` in the column's unit (an open side as "at least"/"at most"); with a
    median: ``median (low – high)``; ``bare`` as in :func:`amount`."""
    w = msg.words("table.calibration", language)

    def a(x: float) -> str:
        return amount(column, x, language, bare)

    if math.isinf(low):
        text = w["open_high"].format(a=a(high))
    elif math.isinf(high):
        text = w["open_low"].format(a=a(low))
    else:
        text = f"{a(low)} – {a(high)}"
    return text if median is None else f"{a(median)} ({text})"


def _yes(flag: bool, language: str) -> str:
    return msg.words("table.calibration", language)["yes" if flag else "no"]


def _figure(column: str, language: str) -> str:
    """The figure's label, with "(€ mln)" for money (the table's cells then bare millions)."""
    label = fmt.column_label(column, language).removesuffix(" (EUR)")
    if not column.endswith("_eur"):
        return label
    return f"{label} ({msg.text('table.calibration.mln', language)})"


def weights_table(cal: Calibration, language: str = "nl") -> pd.DataFrame:
    """Draws, effective sample size, Pareto k-hat and the verdict; prior and observation file
    with their hashes (two columns)."""
    w = msg.words("table.calibration", language)
    obs = cal.observations
    rows = [
        (w["prior"], f"{cal.prior.title} #{cal.prior.hash}"),
        (w["obs"], f"{obs.title} #{obs.hash}"),
        (w["used"], ", ".join(f"{fmt.column_label(o.column, language)} {o.year}"
                              for o in cal.used)),
        (w["draws"], fmt.number(cal.draws, 0, language)),
        (w["seed"], str(cal.seed)),
        (w["ess"], fmt.number(cal.ess, 0, language)),
        (w["khat"].format(t=fmt.number(cal.weights.khat_threshold, 2, language)),
         fmt.number(cal.pareto_k, 2, language)),
        (w["verdict"], w["ok"] if cal.reliable else w["bad"].format(why="; ".join(cal.problems))),
        (w["sample"], fmt.number(cal.sample_index.size, 0, language)),
    ]
    return pd.DataFrame(rows, columns=[w["field"], w["value"]])


def parameter_text_table(table: pd.DataFrame, scenario: Scenario, language: str = "nl"
                         ) -> pd.DataFrame:
    """:func:`~samen_model.analysis.calibration.diagnostics.parameter_table` as text, one row
    per assumption (its label as the index)."""
    w = msg.words("table.calibration", language)

    def val(p: str, x: float) -> str:
        return parameter_value(scenario, p, x, language, share_decimals=1)

    rows = []
    for p, r in table.iterrows():
        rows.append({
            w["parameter"]: label_text(scenario, p, language),
            w["prior_i"]: f"{val(p, r['prior_p50'])} ({val(p, r['prior_p5'])} – "
                          f"{val(p, r['prior_p95'])})",
            w["post_i"]: f"{val(p, r['posterior_p50'])} ({val(p, r['posterior_p5'])} – "
                         f"{val(p, r['posterior_p95'])})",
            w["contraction"]: fmt.pct(max(r["contraction"], 0.0), 0, language),
            w["informed"]: _yes(bool(r["informed"]), language),
        })
    return pd.DataFrame(rows).set_index(w["parameter"])


def predictive_text_table(check: pd.DataFrame, language: str = "nl",
                          loo: pd.DataFrame | None = None) -> pd.DataFrame:
    """The predictive check as text, three rows per figure like the chart's three bars: the
    model's median and 90% interval before calibration, without the figure (when ``loo`` is
    given; "–" for a figure the calibration does not use) and after, and whether each fits the
    figure's range. Index: figure (money in € millions; * a check only), year, reported value,
    range and model."""
    w = msg.words("table.calibration", language)
    rows = []
    for oid, r in check.iterrows():
        c = r["column"]
        head = (_figure(c, language) + ("" if r["calibrate"] else " *"), fmt.year(r["year"]),
                amount(c, r["value"], language, bare=True),
                span(c, r["range_low"], r["range_high"], language, bare=True))
        stages = [("before", r, "prior", "prior_inside")]
        if loo is not None:
            stages.append(("loo", loo.loc[oid] if oid in loo.index else None, "loo",
                           "predicted"))
        stages.append(("after", r, "posterior", "posterior_inside"))
        for stage, src, prefix, inside in stages:
            if src is None:
                rows.append((*head, w[stage], fmt.MISSING, fmt.MISSING))
                continue
            rows.append((*head, w[stage], span(c, src[f"{prefix}_p5"], src[f"{prefix}_p95"],
                                               language, src[f"{prefix}_p50"], bare=True),
                         _yes(bool(src[inside]), language)))
    names = [w[k] for k in ("figure", "year", "reported", "range", "model")]
    return pd.DataFrame(rows, columns=[*names, w["interval"], w["fits"]]).set_index(names)


def forecast_text_table(frame: pd.DataFrame, language: str = "nl", with_hash: bool = True,
                        scenarios: Sequence[Scenario] = ()) -> pd.DataFrame:
    """:func:`~samen_model.analysis.calibration.forecast.forecast_vs_actual` as text, one row
    per scenario, figure and year (money in € millions): the scenario by its title when it is
    among ``scenarios`` (else its name), with the first 8 digits of its hash unless
    ``with_hash`` is false."""
    w = msg.words("table.calibration", language)
    titles = {s.name: s.title for s in scenarios}
    rows = []
    for _, r in frame.iterrows():
        c = r["column"]
        name = titles.get(r["scenario"], r["scenario"])
        rows.append({
            w["scenario"]: name + (f" #{r['scenario_hash'][:8]}" if with_hash else ""),
            w["version"]: r["version"],
            w["figure"]: _figure(c, language),
            w["year"]: fmt.year(r["year"]),
            w["reported"]: amount(c, r["value"], language, bare=True),
            w["range"]: span(c, r["range_low"], r["range_high"], language, bare=True),
            w["forecast"]: span(c, r["p5"], r["p95"], language, r["p50"], bare=True),
            w["inside"]: _yes(bool(r["inside"]), language),
            w["fitted"]: _yes(bool(r["in_sample"]), language),
        })
    return pd.DataFrame(rows)


def forecast_sections(frame: pd.DataFrame, scenarios: Sequence[Scenario] = (),
                      language: str = "nl") -> list[tuple[str, pd.DataFrame]]:
    """:func:`forecast_text_table` split by scenario, to print one after the other: a heading
    (the scenario's title and the model version) and its table, the figures as the index."""
    w = msg.words("table.calibration", language)
    table = forecast_text_table(frame, language, with_hash=False, scenarios=scenarios)
    out = []
    for (title, version), part in table.groupby([w["scenario"], w["version"]], sort=False):
        heading = w["version_of"].format(title=title, v=version)
        out.append((heading, part.drop(columns=[w["scenario"], w["version"]])
                    .set_index(w["figure"])))
    return out


def correlation_pairs(correlations: pd.DataFrame, scenario: Scenario, language: str = "nl",
                      at_least: float = 0.1) -> pd.DataFrame:
    """The pairs of assumptions whose rank correlation
    (:func:`~samen_model.analysis.calibration.diagnostics.rank_correlations`) is at least
    ``at_least`` up or down, strongest first, by label (two decimals)."""
    names = list(correlations.index)
    pairs = [(a, b, float(correlations.at[a, b])) for i, a in enumerate(names)
             for b in names[i + 1:]]
    pairs = sorted((p for p in pairs if abs(p[2]) >= at_least), key=lambda p: -abs(p[2]))
    cols = msg.words("table.calibration", language)["pair"]
    return pd.DataFrame([(label_text(scenario, a, language), label_text(scenario, b, language),
                          fmt.number(r, 2, language)) for a, b, r in pairs], columns=list(cols))
