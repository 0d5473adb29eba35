"""What the notebooks call: parameter checks, scenarios by name, tables ready for display.

The notebooks in ``notebooks/`` stay thin (no ``def``/``class``): everything they compute or
format lives here, in :mod:`samen_model.plotting` and in :mod:`samen_model.narrative`.

Table functions select and relabel columns of :class:`~samen_model.results.Result` (or of a
Monte Carlo summary, or break-even results) and format the numbers as text
(:mod:`samen_model.formatting`); they compute nothing the engine did not.

Command line (what ``make notebooks`` runs)::

    python -m samen_model.notebook_tools refresh notebooks/   # re-execute in place, then strip
    python -m samen_model.notebook_tools strip notebooks/*.ipynb
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from samen_model import formatting as fmt
from samen_model.compare import assumptions_register, compare
from samen_model.errors import SamenInputError
from samen_model.results import Result
from samen_model.scenarios import Scenario, load_scenario
from samen_model.simulate import simulate

if TYPE_CHECKING:
    from samen_model.breakeven import BreakEven
    from samen_model.uncertainty import MonteCarloSummary

CHECK_OUTPUT_MARK = "# NBVAL_CHECK_OUTPUT"
HORIZON_RANGE = (2025, 2100)


class NotebookParameterError(SamenInputError):
    """A notebook parameter with a wrong type or value; names the parameter and the expectation."""

    def __init__(self, name: str, expected: str, got: Any) -> None:
        super().__init__("notebook parameters", name, f"expected {expected}, got {got!r}")


# ----------------------------------------------------------------------------- scenarios by name
def find_scenario_dir(scenario_dir: str | Path | None = "") -> Path:
    """The folder with the scenario files.

    An explicit ``scenario_dir`` is used as given. Empty: the first ``scenarios/`` folder with
    ``*.yaml`` files in the working directory or one of its parents (papermill and nbval run a
    notebook with the working directory ``notebooks/``), else the repository's ``scenarios/``
    next to this package (editable install).
    """
    if scenario_dir:
        return Path(scenario_dir)
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / "scenarios"
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    return Path(__file__).resolve().parents[1] / "scenarios"


def scenario_names(scenario_dir: str | Path | None = "") -> list[str]:
    """Names (file stems) of the scenarios in the folder, sorted."""
    return sorted(p.stem for p in find_scenario_dir(scenario_dir).glob("*.yaml"))


def _is_int(x: Any) -> bool:
    return isinstance(x, (int, np.integer)) and not isinstance(x, bool)


def _check_name(name: str, value: Any, known: list[str], folder: Path) -> None:
    if not isinstance(value, str):
        raise NotebookParameterError(name, "a scenario name (text)", value)
    if value not in known:
        raise NotebookParameterError(
            name, f"a scenario name in {folder} (one of: {', '.join(known)})", value)


#: Parameters :func:`check_params` knows (the report checks these before any kernel starts).
CHECKED_PARAMETERS = ("scenario", "base", "scenarios", "horizon", "language", "seed", "draws",
                      "uncertainty_scenario", "breakeven_scenario", "outputs", "sobol_n")
SOBOL_N_MAX = 65_536


def _check_uncertain(name: str, value: str, folder: Path) -> None:
    if not load_scenario(folder / f"{value}.yaml").uncertain_parameters():
        raise NotebookParameterError(
            name, "a scenario with at least one parameter with a distribution (e.g. "
            "uncertainty_2023)", value)


def _check_outputs(name: str, value: Any) -> None:
    from samen_model.uncertainty import OUTPUT_NAMES, output

    expected = (f"a non-empty list of output names ({', '.join(OUTPUT_NAMES)}, any years, or "
                "COLUMN:YEAR / COLUMN:FIRST-LAST)")
    if not isinstance(value, (list, tuple)) or not value:
        raise NotebookParameterError(name, expected, value)
    for item in value:
        if not isinstance(item, str):
            raise NotebookParameterError(name, expected, item)
        try:
            output(item)
        except SamenInputError:
            raise NotebookParameterError(name, expected, item) from None


def check_params(scenario_dir: str | Path | None = "", uncertain: Sequence[str] = (),
                 **params: Any) -> Path:
    """Check a notebook's parameters; return the scenario folder they refer to.

    Known parameters: ``scenario``, ``base`` and ``breakeven_scenario`` (a scenario name),
    ``uncertainty_scenario`` (a scenario name with at least one distribution), ``scenarios`` (a
    non-empty list of scenario names), ``horizon`` (a year, integer 2025-2100), ``language``
    ("nl" or "en"), ``seed`` (integer >= 0), ``draws`` (integer >= 1), ``outputs`` (a
    non-empty list of output names, :func:`samen_model.uncertainty.output`), ``sobol_n`` (a
    power of two from 2 to 65536). The scenario parameters named in ``uncertain`` must also
    have a distribution. Raises :class:`NotebookParameterError` naming the parameter and what
    was expected.
    """
    if scenario_dir is not None and not isinstance(scenario_dir, (str, Path)):
        raise NotebookParameterError("scenario_dir", "a folder path (text) or ''", scenario_dir)
    folder = find_scenario_dir(scenario_dir)
    if not folder.is_dir():
        raise NotebookParameterError("scenario_dir", "an existing folder with scenario files",
                                     str(folder))
    known = scenario_names(folder)
    for name, value in params.items():
        if name in ("scenario", "base", "breakeven_scenario", "uncertainty_scenario"):
            _check_name(name, value, known, folder)
            if name == "uncertainty_scenario" or name in uncertain:
                _check_uncertain(name, value, folder)
        elif name == "scenarios":
            if not isinstance(value, (list, tuple)) or not value:
                raise NotebookParameterError(name, "a non-empty list of scenario names", value)
            for item in value:
                _check_name(name, item, known, folder)
        elif name == "horizon":
            lo, hi = HORIZON_RANGE
            if not _is_int(value) or not lo <= value <= hi:
                raise NotebookParameterError(name, f"a year as an integer from {lo} to {hi}",
                                             value)
        elif name == "language":
            if value not in fmt.LANGUAGES:
                raise NotebookParameterError(name, f"one of {', '.join(fmt.LANGUAGES)}", value)
        elif name == "seed":
            if not _is_int(value) or value < 0:
                raise NotebookParameterError(name, "an integer >= 0", value)
        elif name == "draws":
            if not _is_int(value) or value < 1:
                raise NotebookParameterError(name, "an integer >= 1", value)
        elif name == "outputs":
            _check_outputs(name, value)
        elif name == "sobol_n":
            if not _is_int(value) or not 2 <= value <= SOBOL_N_MAX or value & (value - 1):
                raise NotebookParameterError(
                    name, f"a power of two from 2 to {SOBOL_N_MAX} (e.g. 256)", value)
        else:
            raise NotebookParameterError(name, "a known notebook parameter", value)
    return folder


def load_named(name: str, scenario_dir: str | Path | None = "",
               horizon: int | None = None) -> Scenario:
    """Load ``<scenario_dir>/<name>.yaml``; with ``horizon`` set as its ``time.last_year``."""
    scenario = load_scenario(find_scenario_dir(scenario_dir) / f"{name}.yaml")
    if horizon is not None and horizon != scenario.value("time.last_year"):
        scenario = scenario.with_values({"time.last_year": int(horizon)})
    return scenario


def run_named(names: str | Sequence[str], scenario_dir: str | Path | None = "",
              horizon: int | None = None, seed: int = 0) -> list[Result]:
    """Deterministic runs (central values) of the named scenarios, in the given order."""
    if isinstance(names, str):
        names = [names]
    return [simulate(load_named(n, scenario_dir, horizon), seed=seed) for n in names]


def with_base(scenarios: Sequence[str], base: str) -> list[str]:
    """The scenario list with ``base`` first (added if missing), no duplicates."""
    return [base, *[s for s in dict.fromkeys(scenarios) if s != base]]


# ----------------------------------------------------------------------------- tables
def _rows(result: Result, first: int | None, last: int | None) -> np.ndarray:
    first = result.scenario.value("time.samen_start_year") if first is None else first
    last = int(result.years[-1]) if last is None else last
    return (result.years >= first) & (result.years <= last)


def _labels(names: Iterable[str], language: str) -> list[str]:
    return [fmt.column_label(n, language) for n in names]


def key_figures_table(results: Sequence[Result], language: str = "nl",
                      scenarios_as_rows: bool = False) -> pd.DataFrame:
    """Key figures (:func:`samen_model.compare.compare`) as text; one column per scenario.

    Euro figures in millions rounded to two decimals, counts whole, so the table is stable
    against floating-point noise (it is the table nbval checks).
    """
    table = compare(list(results))
    shown = pd.DataFrame(
        {fmt.key_figure_label(k, language): [fmt.key_figure(k, v, language) for v in table[k]]
         for k in table.columns},
        index=pd.Index(table.index, name="scenario"),
    )
    return shown if scenarios_as_rows else shown.T.rename_axis(
        "key figure" if language == "en" else "kerncijfer")


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
    out.index = pd.Index(index, name="stap" if language == "nl" else "step")
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
    out.index.name = "post" if language == "nl" else "item"
    return out


def provider_table(result: Result, language: str = "nl", first: int | None = None,
                   last: int | None = None) -> pd.DataFrame:
    """Revenue moved from each open-house provider: euros and % of its turnover, per year."""
    p = result.providers()
    p = p[(p["year"] >= (first or result.scenario.value("time.samen_start_year")))
          & (p["year"] <= (last or int(result.years[-1])))]
    rows = []
    for (lab, _), g in p.groupby(["label", "provider"], sort=False):
        row = {"aanbieder" if language == "nl" else "provider": lab}
        for _, r in g.iterrows():
            money = fmt.eur_auto(r["revenue_moved_eur"], language)
            share = fmt.pct(r["revenue_moved_pct_of_turnover"] / 100, 1, language)
            row[fmt.year(r["year"])] = f"{money} ({share})"
        rows.append(row)
    return pd.DataFrame(rows).set_index("aanbieder" if language == "nl" else "provider")


REGISTER_HEADERS = {
    "nl": {"parameter": "parameter", "value": "waarde", "unit": "eenheid",
           "description": "omschrijving", "source": "bron"},
    "en": {"parameter": "parameter", "value": "value", "unit": "unit",
           "description": "description", "source": "source"},
}


def register_table(scenario: Scenario, language: str = "nl") -> pd.DataFrame:
    """The assumptions register (every parameter: value, unit, description, source)."""
    return assumptions_register(scenario).rename(
        columns=REGISTER_HEADERS[fmt.check_language(language)])


def manifest_table(info: dict[str, Any], language: str = "nl") -> pd.DataFrame:
    """The run manifest as a two-column table (scenarios one row each)."""
    nl = fmt.check_language(language) == "nl"
    rows = [("package", f"{info['package']} {info['version']}"),
            ("git commit", info.get("git_commit") or ("geen git" if nl else "no git")),
            ("python", info.get("python", "")),
            ("aangemaakt (UTC)" if nl else "created (UTC)", info.get("created_utc", ""))]
    for s in info.get("scenarios", []):
        rows.append((f"scenario {s['name']}",
                     f"#{s['hash']} · seed {s['seed']} · draws {s['draws']} · "
                     f"{', '.join(s['files'])}"))
    return pd.DataFrame(rows, columns=["veld" if nl else "field", "waarde" if nl else "value"])


# ----------------------------------------------------------------------------- calibration
@dataclass(frozen=True)
class Target:
    """A figure reported in the source documents that the model is calibrated against."""

    column: str
    year: int
    reported: float
    reported_text: dict[str, str]
    source: str
    explanation: dict[str, str]


CALIBRATION_TARGETS: tuple[Target, ...] = (
    Target("samen_clients_served", 2023, 967.0, {"nl": "967", "en": "967"}, "seed 003 §2", {
        "nl": "Afgestemd met de aanloop in het eerste jaar (82% van de nieuwe hulpvragen bereikt "
              "SAMEN.) en 10% weglek. Het model telt jeugdigen in zorg op 1 januari plus nieuwe "
              "cliënten; op 1 januari 2023 was er nog niemand in zorg.",
        "en": "Tuned with the first-year uptake (82% of new requests reach SAMEN.) and 10% "
              "leakage. The model counts young people in care on 1 January plus new clients; "
              "nobody was in care on 1 January 2023."}),
    Target("fte_samen", 2023, 80.0, {"nl": "ruim 80", "en": "just over 80"}, "seed 003 §2", {
        "nl": "WIJ neemt personeel aan voor het plan, niet voor de werkelijke cliënten: het plan "
              "van 2023 rekende met alle nieuwe hulpvragen via SAMEN., dus staan er meer fte dan "
              "de werkelijke caseload vraagt. 'Ruim 80' is een ondergrens; de caseload van 8 per "
              "fte is zo gekozen dat het model erboven uitkomt.",
        "en": "WIJ hires for the plan, not for the realised clients: the 2023 plan assumed all "
              "new requests through SAMEN., so there are more FTE than the realised caseload "
              "needs. 'Just over 80' is a lower bound; the caseload of 8 per FTE is chosen so "
              "that the model lands above it."}),
    Target("execution_budget_eur", 2023, 4.2e6, {"nl": "€ 4,2 mln", "en": "€4.2M"},
           "seed 003 'Financiën'", {
        "nl": "Volgt uit de budgetregel (realisatie t-2, volume, index, toets 1 maart, min 10,9% "
              "ICT en huisvesting). Het verschil komt uit de geschatte OVA-indexen en het "
              "afgeronde bedrag in de brief.",
        "en": "Follows from the budget rule (t-2 realisation, volume, index, 1 March recheck, "
              "minus 10.9% ICT and housing). The difference comes from the estimated OVA "
              "indices and the rounded amount in the letter."}),
    Target("square_deviation_eur", 2023, 1.0e6, {"nl": "€ 1 mln", "en": "€1M"},
           "seed 003 'Financiën'", {
        "nl": "De weglek (10%) is hierop afgestemd: jongeren die toch naar open-house-aanbieders "
              "gaan kosten daar geld terwijl het budget van SAMEN. al betaald is. Hoe het tekort "
              "verdeeld is over aanloop en weglek volgt niet uit de cijfers van 2023.",
        "en": "The leakage (10%) is tuned to it: young people who still go to open-house "
              "providers cost money there while the SAMEN. budget is already paid. How the "
              "overrun splits between ramp-up and leakage does not follow from the 2023 "
              "figures."}),
    Target("comparable_cost_eur", 2021, 14e6, {"nl": "€ 14 mln", "en": "€14M"},
           "seed 001 annex 2", {
        "nl": "De instroom per 1.000 jeugdigen is afgestemd op € 14 mln van de € 60 mln in 2021.",
        "en": "The inflow per 1,000 young people is tuned to €14M of the €60M in 2021."}),
    Target("total_youth_care_eur", 2021, 60e6, {"nl": "€ 60 mln", "en": "€60M"},
           "seed 001 annex 2", {
        "nl": "Overige jeugdhulp is € 46 mln (€ 60 mln min € 14 mln); het totaal volgt daaruit.",
        "en": "Other youth care is €46M (€60M minus €14M); the total follows."}),
)


def calibration_frame(result: Result,
                      targets: Sequence[Target] = CALIBRATION_TARGETS) -> pd.DataFrame:
    """Modelled against reported, in the units of the column (EUR, persons, FTE)."""
    at = {int(y): i for i, y in enumerate(result.years)}
    rows = []
    for t in targets:
        modelled = float(result.arrays[t.column][at[t.year], 0])
        rows.append({"column": t.column, "year": t.year, "reported": t.reported,
                     "modelled": modelled, "difference": modelled - t.reported,
                     "difference_share": (modelled - t.reported) / t.reported})
    return pd.DataFrame(rows)


def calibration_table(result: Result, language: str = "nl",
                      targets: Sequence[Target] = CALIBRATION_TARGETS) -> pd.DataFrame:
    """:func:`calibration_frame` as text, with source and explanation, labelled."""
    fmt.check_language(language)
    frame = calibration_frame(result, targets)
    nl = language == "nl"

    def show(column: str, value: float) -> str:
        return (fmt.eur_mln(value, 2, language) if column.endswith("_eur")
                else fmt.count(value, language))

    rows = []
    for t, (_, r) in zip(targets, frame.iterrows(), strict=True):
        rows.append({
            "grootheid" if nl else "quantity": fmt.column_label(t.column, language),
            "jaar" if nl else "year": fmt.year(t.year),
            "gerapporteerd" if nl else "reported": t.reported_text[language],
            "model": show(t.column, r["modelled"]),
            "verschil" if nl else "difference": show(t.column, r["difference"]),
            "verschil %" if nl else "difference %": fmt.pct(r["difference_share"], 1, language),
            "bron" if nl else "source": t.source,
        })
    return pd.DataFrame(rows)


def calibration_explanations(language: str = "nl",
                             targets: Sequence[Target] = CALIBRATION_TARGETS) -> str:
    """The explanation of each difference as a Markdown list."""
    fmt.check_language(language)
    return "\n".join(f"- **{fmt.column_label(t.column, language)} {t.year}**: "
                     f"{t.explanation[language]}" for t in targets)


def print_table(df: pd.DataFrame) -> None:
    """Print a text table in full width (what the nbval-checked cells print)."""
    with pd.option_context("display.width", 250, "display.max_columns", 50,
                           "display.max_rows", 200, "display.max_colwidth", 60):
        print(df.to_string())


# ----------------------------------------------------------------------------- uncertainty
UNCERTAINTY_WORDS: dict[str, dict[str, str]] = {
    "nl": {"output": "uitkomst", "mean": "gemiddelde", "p50": "mediaan",
           "share_below_zero": "kans < 0", "probability": "kans", "event": "gebeurtenis",
           "square_exceeded": "Gesloten vierkant {start}-{end} overschreden",
           "below_zero": "Cumulatieve netto besparing eind {year} onder nul",
           "no_payback": "Niet terugverdiend binnen de horizon",
           "payback_year": "terugverdienjaar", "share": "aandeel",
           "cumulative_share": "cumulatief", "never": "niet binnen horizon",
           "scenario": "scenario", "parameter": "parameter", "from_year": "vanaf",
           "target": "doel = 0", "root": "nulpunt", "note": "toelichting",
           "no_root": "geen nulpunt binnen bereik", "all_years": "alle jaren",
           "range": "zoekbereik {lo} tot {hi}; {target} loopt van {a} tot {b}"},
    "en": {"output": "output", "mean": "mean", "p50": "median",
           "share_below_zero": "P(< 0)", "probability": "probability", "event": "event",
           "square_exceeded": "Closed square {start}-{end} exceeded",
           "below_zero": "Cumulative net savings end of {year} below zero",
           "no_payback": "No payback within the horizon",
           "payback_year": "payback year", "share": "share",
           "cumulative_share": "cumulative", "never": "not within horizon",
           "scenario": "scenario", "parameter": "parameter", "from_year": "from",
           "target": "target = 0", "root": "break-even value", "note": "note",
           "no_root": "no root within range", "all_years": "all years",
           "range": "search range {lo} to {hi}; {target} runs from {a} to {b}"},
}


def _w(language: str) -> dict[str, str]:
    return UNCERTAINTY_WORDS[fmt.check_language(language)]


def uncertain_register_table(scenario: Scenario, language: str = "nl") -> pd.DataFrame:
    """The assumptions register restricted to the parameters with a distribution."""
    table = register_table(scenario, language)
    return table[table["parameter"].isin(scenario.uncertain_parameters())].reset_index(
        drop=True)


def mc_outputs_table(summary: MonteCarloSummary, language: str = "nl",
                     outputs: Sequence[str] | None = None) -> pd.DataFrame:
    """Mean, percentiles (EUR, in millions rounded to € 10.000) and the share of draws below
    zero (two decimals) of the named outputs of a Monte Carlo summary."""
    w = _w(language)
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
    w = _w(language)
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
    w = _w(language)
    p = summary.payback
    labels = [w["never"] if pd.isna(y) else fmt.year(int(y)) for y in p["year"]]
    return pd.DataFrame({w["share"]: [fmt.probability(x, language) for x in p["share"]],
                         w["cumulative_share"]: [fmt.probability(x, language)
                                                 for x in p["cumulative_share"]]},
                        index=pd.Index(labels, name=w["payback_year"]))


@dataclass(frozen=True)
class BreakEvenCase:
    """A break-even question: where does ``target`` (EUR) of the named scenario reach zero
    when ``parameter`` changes (only from ``from_year`` on, or in every year when None)?"""

    scenario: str
    parameter: str
    target: str = "net_savings_2026_2030"
    from_year: int | None = None


def breakeven_cases(scenario: str, other: str) -> list[BreakEvenCase]:
    """The notebook's break-even questions: leakage from 2026 and the budget-cut share in
    ``scenario``, and leakage from 2026 in ``other`` (e.g. ``savings_budget_cut``)."""
    return [BreakEvenCase(scenario, "routing.leakage", from_year=2026),
            BreakEvenCase(scenario, "savings.budget_cut_share"),
            BreakEvenCase(other, "routing.leakage", from_year=2026)]


def run_breakeven(cases: Sequence[BreakEvenCase], scenario_dir: str | Path | None = ""
                  ) -> list[tuple[BreakEvenCase, Scenario, BreakEven]]:
    """:func:`samen_model.breakeven.breakeven` for each case (other parameters central)."""
    from samen_model.breakeven import breakeven

    out = []
    for case in cases:
        scenario = load_named(case.scenario, scenario_dir)
        out.append((case, scenario, breakeven(scenario, case.parameter, case.target,
                                              from_year=case.from_year)))
    return out


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


def breakeven_table(rows: Sequence[tuple[BreakEvenCase, Scenario, BreakEven]],
                    language: str = "nl") -> pd.DataFrame:
    """:func:`run_breakeven` as text: the break-even value, or "geen nulpunt binnen bereik"
    ("no root within range"), with the search range and the range of the target (EUR)."""
    w = _w(language)
    out = []
    for case, scenario, be in rows:
        label = fmt.output_label(be.target, language)
        note = w["range"].format(
            lo=parameter_value(scenario, case.parameter, be.bracket[0], language, 0),
            hi=parameter_value(scenario, case.parameter, be.bracket[1], language, 0),
            target=label, a=fmt.eur_mln(be.output_range[0], 2, language),
            b=fmt.eur_mln(be.output_range[1], 2, language))
        out.append({
            w["scenario"]: case.scenario, w["parameter"]: case.parameter,
            w["from_year"]: fmt.year(case.from_year) if case.from_year else w["all_years"],
            w["target"]: label,
            w["root"]: (parameter_value(scenario, case.parameter, be.value, language)
                        if be.found else w["no_root"]),
            w["note"]: note,
        })
    return pd.DataFrame(out)


# ----------------------------------------------------------------------------- display
def show(fig: Any, dpi: int = 100) -> None:
    """Display a matplotlib Figure in a notebook as a PNG (works with any backend)."""
    import io

    from IPython.display import Image, display

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    display(Image(data=buf.getvalue(), format="png"))


def show_table(df: pd.DataFrame, index: bool = True) -> None:
    """Display a table in full (no row limit) as HTML in a notebook."""
    from IPython.display import HTML, display

    display(HTML(df.to_html(index=index, border=0, na_rep=fmt.MISSING, escape=True)))


def show_markdown(text: str) -> None:
    """Display Markdown text in a notebook (rendered in the HTML report)."""
    from IPython.display import Markdown, display

    display(Markdown(text))


# ----------------------------------------------------------------------------- committed notebooks
def strip_notebook(path: str | Path) -> None:
    """Remove outputs, execution counts and run metadata, keeping checked cells' outputs.

    Cells whose source contains ``# NBVAL_CHECK_OUTPUT`` keep their text outputs and execution
    count (images and HTML are dropped) so ``pytest --nbval-lax`` compares them; everything else
    is cleared so the committed notebooks stay small and their diffs show only deliberate
    changes.
    """
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for key in ("papermill", "execution"):
            cell.metadata.pop(key, None)
        if cell.cell_type != "code":
            continue
        if CHECK_OUTPUT_MARK in cell.source:  # nbval needs the count of a cell with outputs
            kept = []
            for out in cell.outputs:
                if out.output_type == "stream":
                    kept.append(out)
                elif out.output_type in ("execute_result", "display_data"):
                    out.data = {k: v for k, v in out.data.items() if k == "text/plain"}
                    out.metadata = {}
                    if out.data:
                        kept.append(out)
            cell.outputs = kept
        else:
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("papermill", None)
    lang = nb.metadata.get("language_info")
    if lang:
        nb.metadata["language_info"] = {"name": lang.get("name", "python")}
    nbformat.write(nb, str(path))


def notebook_files(folder: str | Path) -> list[Path]:
    """The numbered notebooks ``NN_*.ipynb`` of a folder, sorted."""
    return sorted(Path(folder).glob("[0-9][0-9]_*.ipynb"))


def refresh_notebooks(folder: str | Path = "notebooks",
                      log: Callable[[str], None] = print) -> list[Path]:
    """Re-execute every numbered notebook in place with its default parameters, then strip it.

    Runs with the working directory ``folder`` (as nbval does). Stops at the first failure.
    """
    import papermill as pm

    done = []
    for path in notebook_files(folder):
        pm.execute_notebook(str(path), str(path), progress_bar=False,
                            resources={"metadata": {"path": str(Path(folder).resolve())}},
                            extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
        strip_notebook(path)
        log(f"refreshed {path}")
        done.append(path)
    return done


def main(argv: list[str] | None = None) -> int:
    """``python -m samen_model.notebook_tools refresh [folder] | strip files...``."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] not in ("refresh", "strip"):
        print("usage: python -m samen_model.notebook_tools refresh [folder] | strip nb.ipynb ...",
              file=sys.stderr)
        return 2
    if args[0] == "refresh":
        refresh_notebooks(args[1] if len(args) > 1 else "notebooks")
    else:
        for path in args[1:]:
            strip_notebook(path)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
