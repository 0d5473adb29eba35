"""Tables of a calibration and of forecast against actual, labelled in Dutch or English.

They format what :mod:`samen_model.analysis.calibration_diagnostics` and
:mod:`samen_model.analysis.calibration_forecast` computed: the weights and their verdict,
prior against posterior per parameter, the predictive check, leave-one-out, forecast against
actual. Money in € millions, persons and FTE as counts, parameters in their unit.
"""

from __future__ import annotations

import math

import pandas as pd

from samen_model.analysis.calibration import Calibration
from samen_model.report import formatting as fmt
from samen_model.report.uncertainty_tables import parameter_value
from samen_model.scenario.scenario import Scenario

WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "field": "veld", "value": "waarde", "prior": "scenario", "obs": "waarnemingen",
        "used": "gebruikte cijfers", "draws": "trekkingen uit de prior", "seed": "seed",
        "ess": "effectieve steekproefomvang", "khat": "Pareto k-hat (grens {t})",
        "verdict": "oordeel", "ok": "betrouwbaar", "bad": "niet betrouwbaar: {why}",
        "sample": "posterieure steekproef", "parameter": "parameter",
        "prior_i": "prior: mediaan (P5–P95)", "post_i": "posterior: mediaan (P5–P95)",
        "contraction": "krimp variantie", "informed": "geïnformeerd door de cijfers",
        "yes": "ja", "no": "nee", "figure": "cijfer", "year": "jaar",
        "reported": "gerapporteerd", "range": "bandbreedte cijfer",
        "before": "model vóór (P5–P95)", "after": "model na (P5–P95)",
        "in_before": "past vóór", "in_after": "past na", "loo": "zonder dit cijfer (P5–P95)",
        "predicted": "voorspeld", "scenario": "scenario", "version": "versie",
        "forecast": "voorspelling (P5–P95)", "median": "mediaan", "inside": "binnen",
        "fitted": "gebruikt bij kalibratie", "open_low": "ten minste {a}",
        "open_high": "ten hoogste {a}",
    },
    "en": {
        "field": "field", "value": "value", "prior": "scenario", "obs": "observations",
        "used": "figures used", "draws": "prior draws", "seed": "seed",
        "ess": "effective sample size", "khat": "Pareto k-hat (limit {t})",
        "verdict": "verdict", "ok": "reliable", "bad": "not reliable: {why}",
        "sample": "posterior sample", "parameter": "parameter",
        "prior_i": "prior: median (P5–P95)", "post_i": "posterior: median (P5–P95)",
        "contraction": "variance contraction", "informed": "informed by the figures",
        "yes": "yes", "no": "no", "figure": "figure", "year": "year",
        "reported": "reported", "range": "range of the figure",
        "before": "model before (P5–P95)", "after": "model after (P5–P95)",
        "in_before": "fits before", "in_after": "fits after", "loo": "without it (P5–P95)",
        "predicted": "predicted", "scenario": "scenario", "version": "version",
        "forecast": "forecast (P5–P95)", "median": "median", "inside": "inside",
        "fitted": "used in calibration", "open_low": "at least {a}",
        "open_high": "at most {a}",
    },
}


def _w(language: str) -> dict[str, str]:
    return WORDS[fmt.check_language(language)]


def amount(column: str, value: float, language: str = "nl") -> str:
    """A value of an output column as text: € millions (two decimals) or a count."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return fmt.MISSING
    return fmt.eur_mln(value, 2, language) if column.endswith("_eur") else fmt.count(
        value, language)


def span(column: str, low: float, high: float, language: str = "nl",
         median: float | None = None) -> str:
    """``low – high`` in the column's unit (an open side as "at least"/"at most"); with a
    median: ``median (low – high)``."""
    w = _w(language)
    if math.isinf(low):
        text = w["open_high"].format(a=amount(column, high, language))
    elif math.isinf(high):
        text = w["open_low"].format(a=amount(column, low, language))
    else:
        text = f"{amount(column, low, language)} – {amount(column, high, language)}"
    return text if median is None else f"{amount(column, median, language)} ({text})"


def _yes(flag: bool, language: str) -> str:
    return _w(language)["yes" if flag else "no"]


def _figure(column: str, language: str) -> str:
    return fmt.column_label(column, language)


def weights_table(cal: Calibration, language: str = "nl") -> pd.DataFrame:
    """Draws, effective sample size, Pareto k-hat and the verdict; prior and observation file
    with their hashes (two columns)."""
    w = _w(language)
    obs = cal.observations
    rows = [
        (w["prior"], f"{cal.prior.name} #{cal.prior.hash}"),
        (w["obs"], f"{obs.name} #{obs.hash}" + (f" ({obs.path.name})" if obs.path else "")),
        (w["used"], ", ".join(o.id for o in cal.used)),
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
    """:func:`~samen_model.analysis.calibration_diagnostics.parameter_table` as text."""
    w = _w(language)

    def val(p: str, x: float) -> str:
        return parameter_value(scenario, p, x, language, share_decimals=1)

    rows = []
    for p, r in table.iterrows():
        rows.append({
            w["parameter"]: p,
            w["prior_i"]: f"{val(p, r['prior_p50'])} ({val(p, r['prior_p5'])} – "
                          f"{val(p, r['prior_p95'])})",
            w["post_i"]: f"{val(p, r['posterior_p50'])} ({val(p, r['posterior_p5'])} – "
                         f"{val(p, r['posterior_p95'])})",
            w["contraction"]: fmt.pct(max(r["contraction"], 0.0), 0, language),
            w["informed"]: _yes(bool(r["informed"]), language),
        })
    return pd.DataFrame(rows)


def predictive_text_table(check: pd.DataFrame, language: str = "nl",
                          loo: pd.DataFrame | None = None) -> pd.DataFrame:
    """The predictive check as text: each figure, its range, the model's interval before and
    after calibration (and without the figure, when ``loo`` is given), and whether they fit."""
    w = _w(language)
    rows = []
    for oid, r in check.iterrows():
        c = r["column"]
        row = {
            w["figure"]: _figure(c, language) + ("" if r["calibrate"] else " *"),
            w["year"]: fmt.year(r["year"]),
            w["reported"]: amount(c, r["value"], language),
            w["range"]: span(c, r["range_low"], r["range_high"], language),
            w["before"]: span(c, r["prior_p5"], r["prior_p95"], language, r["prior_p50"]),
            w["in_before"]: _yes(bool(r["prior_inside"]), language),
        }
        if loo is not None:
            row[w["loo"]] = (span(c, loo.at[oid, "loo_p5"], loo.at[oid, "loo_p95"], language,
                                  loo.at[oid, "loo_p50"]) if oid in loo.index else fmt.MISSING)
            row[w["predicted"]] = (_yes(bool(loo.at[oid, "predicted"]), language)
                                   if oid in loo.index else fmt.MISSING)
        row[w["after"]] = span(c, r["posterior_p5"], r["posterior_p95"], language,
                               r["posterior_p50"])
        row[w["in_after"]] = _yes(bool(r["posterior_inside"]), language)
        rows.append(row)
    return pd.DataFrame(rows)


def forecast_text_table(frame: pd.DataFrame, language: str = "nl", with_hash: bool = True
                        ) -> pd.DataFrame:
    """:func:`~samen_model.analysis.calibration_forecast.forecast_vs_actual` as text (the
    scenario with the first 8 digits of its hash unless ``with_hash`` is false)."""
    w = _w(language)
    rows = []
    for _, r in frame.iterrows():
        c = r["column"]
        rows.append({
            w["scenario"]: r["scenario"] + (f" #{r['scenario_hash'][:8]}" if with_hash else ""),
            w["version"]: r["version"],
            w["figure"]: _figure(c, language),
            w["year"]: fmt.year(r["year"]),
            w["reported"]: amount(c, r["value"], language),
            w["range"]: span(c, r["range_low"], r["range_high"], language),
            w["forecast"]: span(c, r["p5"], r["p95"], language, r["p50"]),
            w["inside"]: _yes(bool(r["inside"]), language),
            w["fitted"]: _yes(bool(r["in_sample"]), language),
        })
    return pd.DataFrame(rows)
