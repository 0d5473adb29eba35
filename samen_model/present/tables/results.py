"""Tables for notebooks and the report: columns of a result selected, labelled and formatted.

Table functions select and relabel columns of :class:`~samen_model.model.results.Result` and
format the numbers as text (:mod:`samen_model.present.formatting`); they compute nothing the
engine did not.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from samen_model.analysis import key_figures as kf
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present import parameters as rp
from samen_model.scenario import labels as lb
from samen_model.scenario.scenario import Scenario


def _rows(result: Result, first: int | None, last: int | None) -> np.ndarray:
    first = result.scenario.value("time.samen_start_year") if first is None else first
    last = int(result.years[-1]) if last is None else last
    return (result.years >= first) & (result.years <= last)


def _labels(names: Iterable[str], language: str) -> list[str]:
    return [fmt.column_label(n, language) for n in names]






def regime_words(result: Result, language: str = "nl") -> str:
    """The budget regime after the transition in a few words (``budget.structural_regime``,
    under reeel with ``budget.reeel_wij_result``; the assumptions register says it in full)."""
    return msg.text(f"table.regime.{result.structural_regime}", language)


def key_figures_table(results: Sequence[Result], language: str = "nl",
                      scenarios_as_rows: bool = False) -> pd.DataFrame:
    """Key figures (:mod:`samen_model.analysis.key_figures`) as text, after the budget regime
    by name; one column per scenario (named by its title), labelled with the years they cover.

    Euro figures in millions rounded to two decimals, counts whole, so the table is stable
    against floating-point noise (it is the table nbval checks).
    """
    table = kf.table(list(results))
    shown = pd.DataFrame(
        {msg.text("table.regime_label", language): [regime_words(r, language) for r in results]}
        | {kf.label(k, language, results): [fmt.key_figure(k, v, language) for v in table[k]]
           for k in table.columns},
        index=pd.Index([r.scenario.title for r in results], name="scenario"),
    )
    return shown if scenarios_as_rows else shown.T.rename_axis(
        msg.text("table.results.key_figure", language))


FLOW_COLUMNS = ("population_0_17", "new_cases", "in_scope_new_cases", "leakage_cases",
                "capacity_overflow_cases", "samen_new_clients", "samen_clients_served",
                "samen_client_years", "fte_samen", "step_up_cases")


def flows_table(result: Result, language: str = "nl", first: int | None = None,
                last: int | None = None) -> pd.DataFrame:
    """Flows per year (persons, cases, FTE) as text; rows are years from the SAMEN. start."""
    df = result.yearly[_rows(result, first, last)]
    out = pd.DataFrame({fmt.column_label(c, language): [fmt.count(v, language) for v in df[c]]
                        for c in FLOW_COLUMNS})
    out.index = pd.Index([fmt.year(y) for y in df["year"]],
                         name=fmt.column_label("year", language))
    return out


BUDGET_STEPS = ("comparable_cost_eur", "budget_estimate_eur", "budget_provisional_eur",
                "budget_recheck_eur", "budget_cut_eur", "budget_final_eur",
                "ict_housing_transfer_eur", "execution_budget_eur", "samen_cost_eur",
                "settlement_eur")


def budget_steps_frame(result: Result, first: int | None = None,
                       last: int | None = None) -> pd.DataFrame:
    """The budget steps in euros, one row per step and one column per year.

    The first row is the realisation two years earlier (``comparable_cost_eur`` of t-2), the
    base of the budget of year t; the other rows are the columns of year t.
    """
    rows = _rows(result, first, last)
    years = result.years[rows]
    arrays = result.arrays
    at = {int(y): i for i, y in enumerate(result.years)}
    cc = arrays["comparable_cost_eur"][:, 0]
    data = {"comparable_cost_t-2_eur": [cc[at[int(y) - 2]] if int(y) - 2 in at else np.nan
                                        for y in years]}
    for name in BUDGET_STEPS[1:]:
        data[name] = arrays[name][rows, 0]
    return pd.DataFrame(data, index=pd.Index(years.astype(int), name="year")).T


def budget_steps_table(result: Result, language: str = "nl", first: int | None = None,
                       last: int | None = None) -> pd.DataFrame:
    """:func:`budget_steps_frame` as text in millions (two decimals), labelled."""
    frame = budget_steps_frame(result, first, last)
    t2 = {"nl": "Realisatie t-2 (vergelijkbare kosten)",
          "en": "Realisation t-2 (comparable cost, EUR)"}[fmt.check_language(language)]
    index = [t2, *_labels(BUDGET_STEPS[1:], language)]
    out = frame.map(lambda v: fmt.eur_mln(v, 2, language))
    out.index = pd.Index(index, name=msg.text("table.results.step", language))
    out.columns = [fmt.year(y) for y in frame.columns]
    return out


SQUARE_COLUMNS = ("open_house_scope_cost_eur", "other_youth_care_cost_eur",
                  "samen_cost_to_municipality_eur", "total_youth_care_eur",
                  "counterfactual_total_eur", "square_deviation_eur", "incidental_budget_eur",
                  "incidental_spent_eur", "incidental_carry_forward_eur",
                  "incidental_returned_eur", "net_savings_eur", "cumulative_net_savings_eur")


def money_table(result: Result, columns: Sequence[str] = SQUARE_COLUMNS,
                language: str = "nl", first: int | None = None,
                last: int | None = None, in_millions: bool = True) -> pd.DataFrame:
    """Euro columns per year as text, rows are the columns.

    In millions with two decimals (``€ 1,05 mln``), or with ``in_millions=False`` in whole
    euros (``€ 1.049.321``).
    """
    df = result.yearly[_rows(result, first, last)]

    def show(v: float) -> str:
        return fmt.eur_mln(v, 2, language) if in_millions else fmt.eur(v, 0, language)

    out = pd.DataFrame({fmt.year(y): [show(df[c].iloc[i]) for c in columns]
                        for i, y in enumerate(df["year"])},
                       index=_labels(columns, language))
    out.index.name = msg.text("table.results.item", language)
    return out


def provider_table(result: Result, language: str = "nl", first: int | None = None,
                   last: int | None = None) -> pd.DataFrame:
    """Revenue moved from each open-house provider: euros and % of its turnover, per year."""
    p = result.providers()
    p = p[(p["year"] >= (first or result.scenario.value("time.samen_start_year")))
          & (p["year"] <= (last or int(result.years[-1])))]
    rows = []
    for (lab, _), g in p.groupby(["label", "provider"], sort=False):
        row = {msg.text("table.results.provider", language): lab}
        for _, r in g.iterrows():
            money = fmt.eur_auto(r["revenue_moved_eur"], language)
            share = fmt.pct(r["revenue_moved_pct_of_turnover"] / 100, 1, language)
            row[fmt.year(r["year"])] = f"{money} ({share})"
        rows.append(row)
    return pd.DataFrame(rows).set_index(msg.text("table.results.provider", language))


#: The headers of the assumptions register by language (messages ``register.header.*``).
REGISTER_HEADERS = {lang: msg.words("register.header", lang) for lang in msg.LANGUAGES}


def register_table(scenario: Scenario, language: str = "nl",
                   paths: Sequence[str] | None = None) -> pd.DataFrame:
    """The assumptions register for a reader: theme, label, value with its unit, what it rests
    on (document, estimate, what-if, ...) and the source by title and date; every parameter or
    those in ``paths``, grouped by theme (:func:`samen_model.present.parameters.register_rows`).
    """
    h = REGISTER_HEADERS[fmt.check_language(language)]
    rows = rp.register_rows(scenario, language, paths)
    return pd.DataFrame([{h["theme"]: lb.theme_label(r.theme, language), h["label"]: r.label,
                          h["value"]: r.value, h["basis"]: rp.BASIS_WORDS[language][r.basis],
                          h["source"]: r.source}
                         for r in rows], columns=list(h.values()))


def differing_table(scenarios: Sequence[Scenario], main: Scenario,
                    language: str = "nl") -> pd.DataFrame:
    """Which assumptions differ from ``main``: scenario title, assumption, both values."""
    return pd.DataFrame(rp.differing_rows(list(scenarios), main, language))




def run_words(s: dict[str, Any], language: str = "nl") -> str:
    """How one scenario of a manifest was computed, in words (central values or draws)."""
    central, drawn = msg.texts("register.run", language)
    if s.get("seed") is None:
        return central
    return drawn.format(draws=fmt.count(s["draws"], language), seed=s["seed"])


def manifest_table(info: dict[str, Any], language: str = "nl") -> pd.DataFrame:
    """The run manifest as a two-column table (scenarios one row each)."""
    w = msg.words("table.manifest", language)
    rows = [(w["package"], f"{info['package']} {info['version']}"),
            (w["git_commit"], info.get("git_commit") or w["no_git"]),
            ("python", info.get("python", "")),
            (w["created"], info.get("created_utc", ""))]
    for s in info.get("scenarios", []):
        rows.append((f"scenario {s.get('title') or s['name']}",
                     f"#{s['hash']} · {run_words(s, language)} · {', '.join(s['files'])}"))
    if info.get("run_key"):
        rows.append((w["run_key"], info["run_key"]))
    return pd.DataFrame(rows, columns=[w["field"], w["value"]])


def print_table(df: pd.DataFrame) -> None:
    """Print a text table in full width (what the nbval-checked cells print)."""
    with pd.option_context("display.width", 250, "display.max_columns", 50,
                           "display.max_rows", 200, "display.max_colwidth", 60):
        print(df.to_string())
