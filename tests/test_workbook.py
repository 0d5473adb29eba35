"""``summary.xlsx`` for an analyst: headers with units, number formats, frozen header rows,
widths, filters, a Monte Carlo sheet with percentiles and the assumptions as real numbers."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from samen_model import simulate
from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.present.manifest import manifest
from samen_model.products.workbook import format as wf
from samen_model.products.workbook.sheets import write_workbook


@pytest.fixture(scope="module")
def books(tmp_path_factory, realised, uncertain):
    """The workbook in Dutch and in English: realised_2023 and uncertainty_2023 (deterministic
    runs) with a Monte Carlo summary of uncertainty_2023 (2,000 draws, seed 1)."""
    folder = tmp_path_factory.mktemp("xlsx")
    results = [simulate(realised), simulate(uncertain)]
    mc = monte_carlo(uncertain, draws=2000, seed=1)
    info = manifest(results, command="test")
    paths = {}
    for language in ("nl", "en"):
        paths[language] = folder / f"summary_{language}.xlsx"
        write_workbook(results, info, paths[language], language, [mc])
    return paths, results, mc


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def test_sheets_and_headers_with_units(books) -> None:
    paths, _, _ = books
    nl, en = openpyxl.load_workbook(paths["nl"]), openpyxl.load_workbook(paths["en"])
    assert nl.sheetnames == ["realised_2023", "uncertainty_2023", "vergelijking", "montecarlo",
                             "mc_uitkomsten", "mc_kansen", "aannames", "manifest"]
    assert en.sheetnames[2:7] == ["comparison", "monte_carlo", "mc_outputs",
                                  "mc_probabilities", "assumptions"]
    head = _header(nl["realised_2023"])
    assert head[0] == "Jaar" and "Afwijking gesloten vierkant (€)" in head
    assert "Fte SAMEN. (eind) (fte)" in head or any(h.endswith("(fte)") for h in head)
    assert "Square deviation (EUR)" in _header(en["realised_2023"])
    assert "snake_case" not in " ".join(head) and not any("_" in h for h in head)


def test_number_formats_freeze_widths_filters(books) -> None:
    paths, results, _ = books
    ws = openpyxl.load_workbook(paths["nl"])["realised_2023"]
    head = _header(ws)
    col = head.index("Afwijking gesloten vierkant (€)") + 1
    cell = ws.cell(row=6, column=col)  # 2023 (rows 2-13 are 2019-2030)
    assert ws.cell(row=6, column=1).value == 2023 and cell.number_format == wf.EUR
    assert cell.value == pytest.approx(results[0].arrays["square_deviation_eur"][4, 0])
    assert ws.cell(row=2, column=1).number_format == "0"  # years without separators
    assert ws.freeze_panes == "B2"  # header row and year column stay in view
    assert ws.auto_filter.ref == f"A1:{ws.cell(row=13, column=len(head)).coordinate}"
    assert ws.column_dimensions["B"].width >= 10
    comparison = openpyxl.load_workbook(paths["nl"])["vergelijking"]
    assert comparison.freeze_panes == "B2" and comparison.auto_filter.ref
    assert comparison.cell(row=2, column=2).number_format == wf.EUR
    # the realised_2023 deviation 2023-2025 as a number (-EUR 14,202), not as text
    assert comparison.cell(row=2, column=2).value == pytest.approx(
        kf.central(results[0])["deviation_transition_eur"])
    kansen = openpyxl.load_workbook(paths["nl"])["mc_kansen"]
    assert kansen.cell(row=2, column=5).number_format == wf.PERCENT


def test_monte_carlo_sheet_has_the_percentiles(books) -> None:
    paths, _, mc = books
    sheet = pd.read_excel(paths["nl"], sheet_name="montecarlo")
    assert list(sheet.columns) == ["scenario", "trekkingen", "seed", "uitkomst", "jaar", "p5",
                                   "p25", "p50", "p75", "p95"]
    assert set(sheet["trekkingen"]) == {2000} and set(sheet["seed"]) == {1}
    row = sheet[(sheet["uitkomst"] == "Afwijking gesloten vierkant (€)") & (sheet["jaar"] == 2024)]
    expected = mc.percentiles.loc[("square_deviation_eur", 2024)]
    assert row[["p5", "p50", "p95"]].to_numpy()[0] == pytest.approx(
        expected[["p5", "p50", "p95"]].to_numpy())
    ws = openpyxl.load_workbook(paths["nl"])["montecarlo"]
    assert ws.cell(row=2, column=6).number_format == wf.EUR
    outputs = pd.read_excel(paths["en"], sheet_name="mc_outputs")
    assert "Square deviation 2023-2025" in set(outputs["output"])
    assert {"mean", "p5", "p95", "P(< 0)"} <= set(outputs.columns)


def test_assumptions_hold_real_numbers(books) -> None:
    paths, _, _ = books
    sheet = pd.read_excel(paths["nl"], sheet_name="aannames")
    realised = sheet[sheet["scenario"] == "realised_2023"].set_index("parameter")
    # realised_2023: leakage 0.10 and uptake 0.82 (calibrated on the 2023 evaluation) as numbers
    assert realised.at["routing.leakage", "waarde"] == pytest.approx(0.10)
    assert realised.at["routing.first_year_uptake", "waarde"] == pytest.approx(0.82)
    assert realised.at["costs.cost_per_fte_eur", "waarde"] == pytest.approx(58_000)
    # a series or a distribution stays readable as text beside it
    tranches = realised.loc["incidental.tranches_eur"]
    assert pd.isna(tranches["waarde"]) and "2022: 2.5e+06" in tranches[
        "waarde (reeks of verdeling)"]
    unc = sheet[sheet["scenario"] == "uncertainty_2023"].set_index("parameter")
    assert unc.at["routing.leakage", "waarde (reeks of verdeling)"].startswith("triangular(")
    ws = openpyxl.load_workbook(paths["nl"])["aannames"]
    formats = {ws.cell(row=r, column=2).value: ws.cell(row=r, column=3).number_format
               for r in range(2, 40)}
    assert formats["routing.leakage"] == wf.SHARE and formats["time.first_year"] == "0"
    assert formats["costs.cost_per_fte_eur"] == wf.EUR


def test_assumption_descriptions_and_units_in_the_sheets_language(books) -> None:
    paths, _, _ = books
    nl = pd.read_excel(paths["nl"], sheet_name="aannames").set_index(["scenario", "parameter"])
    en = pd.read_excel(paths["en"], sheet_name="assumptions").set_index(
        ["scenario", "parameter"])
    key = ("realised_2023", "capacity.caseload_per_fte")
    # the labels file's texts (samen_model/data/parameters_nl_en.yaml), not the YAML's English
    assert nl.at[key, "omschrijving"] == "Cliënten tegelijk in zorg per fte bij SAMEN."
    assert nl.at[key, "eenheid"] == "cliënten per fte"
    assert en.at[key, "description"] == ("Clients in care at the same time per FTE of SAMEN. "
                                         "staff.")


def test_waiting_time_has_a_number_format(books) -> None:
    paths, _, _ = books
    ws = openpyxl.load_workbook(paths["nl"])["realised_2023"]
    header = _header(ws)
    column = next(i for i, h in enumerate(header, start=1) if h.startswith("Gemiddelde wachttijd"))
    assert header[column - 1] == "Gemiddelde wachttijd (maanden)"
    assert ws.cell(row=2, column=column).number_format == wf.ONE_DECIMAL


def test_workbook_without_monte_carlo(tmp_path: Path, realised_run) -> None:
    path = tmp_path / "s.xlsx"
    write_workbook([realised_run], manifest([realised_run]), path, "en")
    assert openpyxl.load_workbook(path).sheetnames == ["realised_2023", "comparison",
                                                      "assumptions", "manifest"]


def test_probabilities_sheet_has_p_waiting_list_per_year(books) -> None:
    """mc_kansen: P(wachtlijst) per year from the SAMEN. start (2023), as fractions."""
    paths, _, mc = books
    sheet = pd.read_excel(paths["nl"], sheet_name="mc_kansen")
    rows = sheet[sheet["gebeurtenis"].str.startswith("Kans op te weinig personeel")]
    assert rows["gebeurtenis"].tolist() == [
        f"Kans op te weinig personeel in {y}" for y in range(2023, 2031)]
    assert rows["kans"].to_numpy() == pytest.approx(
        mc.shortfall_probability.loc[2023:].to_numpy())
    assert set(rows["trekkingen"]) == {2000}
    en = pd.read_excel(paths["en"], sheet_name="mc_probabilities")
    assert "Chance of too few staff in 2025" in set(en["event"])
