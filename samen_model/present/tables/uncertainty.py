"""Tables of the uncertainty analysis: Monte Carlo outputs, probabilities, payback, break-even.

Labelled in Dutch or English and formatted as text; they compute nothing the analysis did not.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from samen_model.analysis.breakeven import BreakEven, BreakEvenCase
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present.parameters import label_text
from samen_model.present.tables.results import register_table
from samen_model.scenario.scenario import Scenario


def uncertain_register_table(scenario: Scenario, language: str = "nl") -> pd.DataFrame:
    """The assumptions register restricted to the parameters with a distribution."""
    return register_table(scenario, language, scenario.uncertain_parameters())


def mc_outputs_table(summary: MonteCarloSummary, language: str = "nl",
                     outputs: Sequence[str] | None = None) -> pd.DataFrame:
    """Mean, percentiles (EUR, in millions rounded to € 10.000) and the share of draws below
    zero (two decimals) of the named outputs of a Monte Carlo summary."""
    w = msg.words("table.uncertainty", language)
    table = summary.outputs if outputs is None else summary.outputs.loc[list(outputs)]
    rows = {}
    for name, r in table.iterrows():
        row = {w["mean"]: fmt.eur_mln(r["mean"], 2, language)}
        for col in table.columns:
            if col.startswith("p"):
                row[w["p50"] if col == "p50" else col.upper()] = fmt.eur_mln(r[col], 2, language)
        row[w["share_below_zero"]] = fmt.probability(r["share_below_zero"], language)
        rows[fmt.output_label(str(name), language)] = row
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(w["output"])


def probability_table(summary: MonteCarloSummary, scenario: Scenario,
                      language: str = "nl") -> pd.DataFrame:
    """The probabilities of a Monte Carlo summary (fractions of draws, two decimals), labelled
    with the scenario's transition years."""
    w = msg.words("table.uncertainty", language)
    v = scenario.value
    rows = []
    for key, p in summary.probabilities.items():
        if key == "square_exceeded":
            text = w["square_exceeded"].format(start=v("time.samen_start_year"),
                                               end=v("time.transition_end_year"))
        elif key.startswith("cumulative_net_savings_below_zero_"):
            text = w["below_zero"].format(year=key.rsplit("_", 1)[1])
        elif key == "no_payback_within_horizon":
            text = w["no_payback"] + f" ({fmt.year(v('time.last_year'))})"
        else:
            text = str(key)
        rows.append((text, fmt.probability(p, language)))
    return pd.DataFrame(rows, columns=[w["event"], w["probability"]]).set_index(w["event"])


def payback_table(summary: MonteCarloSummary, language: str = "nl") -> pd.DataFrame:
    """The payback-year distribution: share and cumulative share of draws (two decimals)."""
    w = msg.words("table.uncertainty", language)
    p = summary.payback
    labels = [w["never"] if pd.isna(y) else fmt.year(int(y)) for y in p["year"]]
    return pd.DataFrame({w["share"]: [fmt.probability(x, language) for x in p["share"]],
                         w["cumulative_share"]: [fmt.probability(x, language)
                                                 for x in p["cumulative_share"]]},
                        index=pd.Index(labels, name=w["payback_year"]))


def shortfall_by_year(summary: MonteCarloSummary, first_year: int | None = None) -> pd.Series:
    """P(wachtlijst) (:attr:`MonteCarloSummary.shortfall_probability`, fractions of draws) from
    ``first_year`` on; by default from the SAMEN. start year, the first year of the summary's
    payback distribution."""
    p = summary.shortfall_probability
    if first_year is None:
        years = summary.payback["year"].dropna()
        first_year = int(years.iloc[0]) if len(years) else int(p.index.min())
    return p[p.index >= first_year]


def shortfall_table(summary: MonteCarloSummary, language: str = "nl", decimals: int = 1,
                    first_year: int | None = None) -> pd.DataFrame:
    """P(wachtlijst) per year as one row of percentages (``decimals`` decimals), the years
    from the SAMEN. start (or ``first_year``) as columns: the share of draws in which SAMEN.
    could not take on all new demand because staff fell short."""
    w = msg.words("table.uncertainty", language)
    p = shortfall_by_year(summary, first_year)
    return pd.DataFrame([[fmt.pct(x, decimals, language) for x in p]],
                        columns=pd.Index([fmt.year(y) for y in p.index], name=w["year"]),
                        index=[w["shortfall"]])


def parameter_value(scenario: Scenario, parameter: str, value: float, language: str = "nl",
                    share_decimals: int = 2) -> str:
    """A parameter value as text in its unit: shares as % (``share_decimals`` decimals),
    otherwise the number with three significant digits (percentages with a % sign)."""
    kind = scenario.params[parameter].spec.kind
    if kind in ("share", "signed_fraction"):
        return fmt.pct(value, share_decimals, language)
    if value == 0 or not np.isfinite(value):
        text = fmt.number(value, 0, language)
    else:
        text = fmt.number(value, min(6, max(0, 2 - int(np.floor(np.log10(abs(value)))))),
                          language)
    return text + ("%" if kind == "percent" else "")


def flat_text(scenario: Scenario, parameter: str, be: BreakEven, language: str = "nl") -> str:
    """A break-even that is a stretch, not a point: "vanaf ongeveer 37% blijft de uitkomst
    € 0 (het plafond); WIJ draagt het tekort" (the cap of the reëel budget), or without the
    cause when it is not known."""
    w = msg.words("table.uncertainty", language)
    x = parameter_value(scenario, parameter, be.flat_from, language, 0)
    stretch = (w["flat_from"].format(x=x) if be.flat_to == be.bracket[1] else
               w["flat_between"].format(x=x, y=parameter_value(scenario, parameter, be.flat_to,
                                                                language, 0)))
    key = "flat_cap" if be.flat_cause == "reeel_cap" else "flat"
    return w[key].format(stretch=stretch, v=fmt.eur(be.target_value, 0, language))


def breakeven_table(rows: Sequence[tuple[BreakEvenCase, Scenario, BreakEven]],
                    language: str = "nl") -> pd.DataFrame:
    """:func:`run_breakeven` as text: the break-even value, or "geen nulpunt binnen bereik"
    ("no root within range"), with the search range and the range of the target (EUR)."""
    w = msg.words("table.uncertainty", language)
    out = []
    for case, scenario, be in rows:
        label = fmt.output_label(be.target, language)
        note = w["range"].format(
            lo=parameter_value(scenario, case.parameter, be.bracket[0], language, 0),
            hi=parameter_value(scenario, case.parameter, be.bracket[1], language, 0),
            target=label, a=fmt.eur_mln(be.output_range[0], 2, language),
            b=fmt.eur_mln(be.output_range[1], 2, language))
        out.append({
            w["scenario"]: scenario.title,
            w["parameter"]: label_text(scenario, case.parameter, language),
            w["from_year"]: fmt.year(case.from_year) if case.from_year else w["all_years"],
            w["target"]: label,
            w["root"]: (parameter_value(scenario, case.parameter, be.value, language)
                        if be.found else flat_text(scenario, case.parameter, be, language)
                        if be.flat else w["no_root"]),
            w["note"]: note,
        })
    return pd.DataFrame(out)





def measure_how(path: str, language: str = "nl") -> str:
    """Where the input could be measured (messages ``table.measure_how.<parameter>``, the
    longest matching prefix)."""
    how = msg.words("table.measure_how", language)
    for key in sorted(how, key=len, reverse=True):
        if path == key or path.startswith(key + "."):
            return str(how[key])
    return msg.text("table.measure.none", language)


def measure_next_table(table: pd.DataFrame, scenario: Scenario, output: str,
                       language: str = "nl", top: int | None = None) -> pd.DataFrame:
    """The ranking of :func:`samen_model.analysis.value_of_information.measure_next` for one
    output as text a council reads: rank, assumption, where to measure it, the share of the
    spread it explains and how much narrower the range gets (percent), and for net savings
    the expected value of knowing it (EVPPI, € mln)."""
    w = msg.words("table.measure", language)
    rows = table[table["output"] == output]
    if top is not None:
        rows = rows.head(top)
    out = pd.DataFrame({
        w["parameter"]: [label_text(scenario, p, language) for p in rows["parameter"]],
        w["how"]: [measure_how(p, language) for p in rows["parameter"]],
        w["share"]: [f"{fmt.number(100 * s, 0, language)}%" for s in rows["variance_share"]],
        w["narrowing"]: [f"{fmt.number(100 * s, 0, language)}%" for s in rows["narrowing"]],
    }, index=pd.Index(rows["rank"].to_list(), name=w["rank"]))
    if rows["evppi"].notna().any():
        out[w["evppi"]] = [fmt.eur_mln(v, 2, language) for v in rows["evppi"]]
    return out
