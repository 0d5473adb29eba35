"""``summary.xlsx``: a sheet per scenario, the comparison, Monte Carlo percentiles, the
assumptions (real numbers) and the manifest.

Every sheet has headers in Dutch (or English) with units, number formats for euros,
percentages and counts, a frozen header row, column widths and a filter. Provenance: the
``manifest`` sheet, the workbook properties, and scenario, draws and seed on every Monte Carlo
row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.model.results import Result
from samen_model.present import formatting as fmt
from samen_model.present import messages as msg
from samen_model.present import parameters as rp
from samen_model.present.manifest import provenance_line, run_text
from samen_model.present.parameters import assumptions_register
from samen_model.present.tables.uncertainty import shortfall_by_year
from samen_model.products.workbook import format as wf
from samen_model.scenario import labels as lb
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.sources import cite

#: Monte Carlo draws of the workbook's Monte Carlo sheets in ``samen report``.
WORKBOOK_DRAWS = 10_000





def _event(name: str, language: str) -> str:
    """Label of a Monte Carlo probability (its name when unknown)."""
    for key, text in msg.words("workbook.events", language).items():
        if name == key or (key.endswith("_") and name.startswith(key)):
            return text.format(year=name.removeprefix(key))
    return name.replace("_", " ")


def _money_format(name: str) -> str:
    return wf.EUR if name.endswith("_eur") or name.startswith(("deviation", "net_savings",
                                                                "cumulative")) else wf.GENERAL


def _sheet(xl: pd.ExcelWriter, name: str, df: pd.DataFrame, formats: Sequence[str | None],
           freeze: str = "B2", wrap: Sequence[int] = (), widths: dict[int, float] | None = None
           ) -> None:
    """Write ``df`` as sheet ``name`` and style it (:func:`workbook_format.style_sheet`)."""
    df.to_excel(xl, sheet_name=name[:31], index=False)
    w = [(widths or {}).get(i, wf.width_for(str(h), f))
         for i, (h, f) in enumerate(zip(df.columns, formats, strict=True), start=1)]
    wf.style_sheet(xl.sheets[name[:31]], formats, w, freeze=freeze, wrap=wrap)


def _yearly(xl: pd.ExcelWriter, r: Result, language: str) -> None:
    df = r.yearly
    _sheet(xl, r.scenario.name, df.rename(columns=lambda c: wf.column_header(c, language)),
           [wf.column_format(c) for c in df.columns],
           freeze="C2" if "draw" in df.columns else "B2")


def _comparison(xl: pd.ExcelWriter, results: Sequence[Result], language: str) -> None:
    w = msg.words("workbook", language)
    table = kf.table(list(results))
    df = table.reset_index().rename(columns={"scenario": w["scenario"]})
    df.columns = [w["scenario"],
                  *(wf.key_figure_header(k, language, results) for k in table.columns)]
    _sheet(xl, w["comparison"], df, [None, *(wf.key_figure_format(k) for k in table.columns)],
           widths={1: 24})


def _monte_carlo(xl: pd.ExcelWriter, summaries: Sequence[MonteCarloSummary],
                 language: str) -> None:
    w = msg.words("workbook", language)
    per_year, outputs, probs = [], [], []
    for s in summaries:
        head = {w["scenario"]: s.scenario, w["draws"]: s.draws, w["seed"]: s.seed}
        for (column, year), row in s.percentiles.iterrows():
            per_year.append({**head, w["output"]: wf.column_header(column, language),
                             w["year"]: int(year), **row.to_dict(), "_fmt": wf.column_format(
                                 column)})
        for name, row in s.outputs.iterrows():
            outputs.append({**head, w["output"]: fmt.output_label(str(name), language),
                            **{(w["mean"] if k == "mean" else k): row[k] for k in row.index
                               if k != "share_below_zero"},
                            w["share_below_zero"]: row["share_below_zero"],
                            "_fmt": _money_format(str(name))})
        for name, p in s.probabilities.items():
            probs.append({**head, w["event"]: _event(str(name), language),
                          w["probability"]: float(p)})
        for year, p in shortfall_by_year(s).items():  # P(wachtlijst) per year from the start
            event = msg.text("workbook.events.shortfall", language, year=year)
            probs.append({**head, w["event"]: event,
                          w["probability"]: float(p)})
    if not summaries:
        return
    for sheet, rows, fixed in ((w["mc"], per_year, 5), (w["mc_outputs"], outputs, 4)):
        df = pd.DataFrame(rows)
        cell_formats = df.pop("_fmt").tolist()
        formats = [None, wf.COUNT, wf.YEAR, None, *([wf.YEAR] if fixed == 5 else [])]
        formats += [None] * (len(df.columns) - len(formats))
        if sheet == w["mc_outputs"]:
            formats[-1] = wf.PERCENT
        _sheet(xl, sheet, df, formats, freeze="D2" if fixed == 4 else "E2",
               widths={1: 24, 4: 40})
        ws = xl.sheets[sheet[:31]]
        last_number = len(df.columns) - (1 if sheet == w["mc_outputs"] else 0)
        for r, number_format in enumerate(cell_formats, start=2):  # money or counts per row
            for c in range(fixed + 1, last_number + 1):
                ws.cell(row=r, column=c).number_format = number_format
    _sheet(xl, w["mc_probabilities"], pd.DataFrame(probs),
           [None, wf.COUNT, wf.YEAR, None, wf.PERCENT], freeze="D2", widths={1: 24, 4: 50})


def _value_format(scenario: Scenario, path: str) -> str:
    spec = scenario.params[path].spec
    if spec.kind in ("share", "signed_fraction"):
        return wf.SHARE
    if spec.kind == "year":
        return wf.YEAR
    if spec.unit.startswith("EUR"):
        return wf.EUR
    return "#,##0.####"


def _assumptions(xl: pd.ExcelWriter, results: Sequence[Result], language: str) -> None:
    """The register with the value as a real number (series and distributions as text)."""
    w = msg.words("workbook", language)
    rows, formats = [], []
    for r in results:
        s = r.scenario
        text = assumptions_register(s, language).set_index("parameter")["value"]
        for path, p in s.params.items():
            number = p.value if isinstance(p.value, (int, float)) and not isinstance(
                p.value, bool) else None
            entry = lb.label_of(path)  # description and unit in the sheet's language
            rows.append({w["scenario"]: s.name, w["parameter"]: path, w["value"]: number,
                         w["value_text"]: None if number is not None else text[path],
                         w["unit"]: rp.unit_text(path, s, language) or p.unit,
                         w["description"]: entry.description[language] if entry
                         else p.description,
                         w["source"]: cite(p.source, language)})
            formats.append(_value_format(s, path))
    df = pd.DataFrame(rows)
    _sheet(xl, w["assumptions"], df, [None] * len(df.columns), freeze="C2", wrap=(4, 6, 7),
           widths={1: 22, 2: 38, 3: 14, 4: 30, 5: 22, 6: 50, 7: 60})
    ws = xl.sheets[w["assumptions"]]
    for i, number_format in enumerate(formats, start=2):
        ws.cell(row=i, column=3).number_format = number_format


def _manifest(xl: pd.ExcelWriter, info: dict[str, Any], language: str) -> None:
    w = msg.words("workbook", language)
    rows = [("provenance", provenance_line(info))]
    for key, value in info.items():
        if key == "scenarios":
            rows += [(f"scenario {s['name']}", f"#{s['hash']} {run_text(s)} files "
                      f"{', '.join(s['files'])}") for s in value]
        elif isinstance(value, dict):
            rows += [(f"{key}.{k}", str(v)) for k, v in value.items()]
        else:
            rows.append((key, str(value)))
    df = pd.DataFrame(rows, columns=[w["field"], w["value"]])
    _sheet(xl, "manifest", df, [None, None], widths={1: 30, 2: 120}, wrap=(2,))


def write_workbook(results: Sequence[Result], info: dict[str, Any], path: Path,
                   language: str = "nl",
                   monte_carlo: Sequence[MonteCarloSummary] = ()) -> None:
    """``summary.xlsx``: one sheet per scenario (yearly columns), the comparison (key figures),
    the Monte Carlo percentiles, outputs and probabilities (with P(wachtlijst) per year) of
    ``monte_carlo`` (if any), the assumptions of every scenario, the manifest."""
    language = fmt.check_language(language)
    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for r in results:
            _yearly(xl, r, language)
        _comparison(xl, results, language)
        _monte_carlo(xl, monte_carlo, language)
        _assumptions(xl, results, language)
        _manifest(xl, info, language)
        xl.book.properties.title = "SAMEN. summary"
        xl.book.properties.description = provenance_line(info)
