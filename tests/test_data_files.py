"""Tests for the shipped data tables and the population loader (samen_model.scenario.data_files)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from samen_model.errors import DataFileError
from samen_model.scenario.data_files import load_ova, load_population

# ---------------------------------------------------------------- shipped OVA (percent)


def test_ova_values_match_sources() -> None:
    ova = load_ova()
    assert list(ova.index) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert ova.index.name == "year"
    assert pd.api.types.is_integer_dtype(ova.index)
    assert ova.loc[2020, "ova_provisional_pct"] == pytest.approx(2.52)
    assert ova.loc[2020, "ova_definitive_pct"] == pytest.approx(3.28)
    assert ova.loc[2021, "ova_provisional_pct"] == pytest.approx(3.24)
    assert ova.loc[2021, "ova_definitive_pct"] == pytest.approx(1.5)
    assert ova.loc[2021, "definitive_status"] == "uncertain"
    assert "1.72" in ova.loc[2021, "source"]
    assert ova.loc[2022, "ova_provisional_pct"] == pytest.approx(2.74 + 1.13)
    assert ova.loc[2022, "ova_definitive_pct"] == pytest.approx(4.42)
    assert ova.loc[2022, "definitive_status"] == "inferred"
    assert ova.loc[2023, "ova_provisional_pct"] == pytest.approx(4.74)
    assert ova.loc[2023, "ova_definitive_pct"] == pytest.approx(6.36)
    assert ova.loc[2024, "ova_provisional_pct"] == pytest.approx(4.94)
    assert ova.loc[2024, "ova_definitive_pct"] == pytest.approx(6.00)
    assert ova.loc[2025, "ova_provisional_pct"] == pytest.approx(4.18)
    assert math.isnan(ova.loc[2025, "ova_definitive_pct"])
    assert ova.loc[2025, "definitive_status"] == "unknown"


def test_ova_statuses_are_known_words() -> None:
    ova = load_ova()
    allowed = {"published", "inferred", "uncertain", "unknown"}
    assert set(ova["provisional_status"]) | set(ova["definitive_status"]) <= allowed
    assert ova["source"].str.len().min() > 0


def test_ova_returns_a_copy() -> None:
    first = load_ova()
    first.loc[2023, "ova_provisional_pct"] = -1.0
    assert load_ova().loc[2023, "ova_provisional_pct"] == pytest.approx(4.74)


# ---------------------------------------------------------- shipped population (persons)


def test_population_totals_match_sources() -> None:
    pop = load_population()
    assert list(pop.index) == [2019, 2020, 2021, 2022, 2023, 2024]
    assert pd.api.types.is_integer_dtype(pop.index)
    assert pop.loc[2019, "population_total"] == 231309
    assert pop.loc[2020, "population_total"] == 232917
    assert pop.loc[2023, "population_total"] == 238000
    assert pop.loc[2024, "population_total"] == 243800
    for year in (2021, 2022):  # linear between 2020 and 2023, rounded
        expected = round(232917 + (238000 - 232917) * (year - 2020) / 3)
        assert pop.loc[year, "population_total"] == expected
        assert pop.loc[year, "total_status"] == "interpolated"
    assert set(pop.loc[[2019, 2020, 2023, 2024], "total_status"]) == {"observed"}


def test_population_0_17_is_flagged_estimate_of_15_percent() -> None:
    pop = load_population()
    assert pop.loc[2024, "population_0_17"] == round(0.15 * 243800)
    assert (pop["population_0_17"] == (0.15 * pop["population_total"]).round()).all()
    assert set(pop["status_0_17"]) == {"estimate"}
    assert pop["population_0_17"].dtype == float


# ------------------------------------------------------------------ loader: good files


def _cbs_export(path: Path, counts: dict[str, list[int]], *, regions: bool = False) -> Path:
    """Write a tiny CBS StatLine 03759ned-style export (';'-separated, quoted)."""
    head = '"Geslacht";"Leeftijd";"Regio\'s";"Perioden";"Bevolking op 1 januari (aantal)"'
    lines = [head]
    region_list = ["Groningen (gemeente)", "Haren"] if regions else ["Groningen (gemeente)"]
    for period, values in counts.items():
        for region in region_list:
            factor = 1 if region.startswith("Groningen") else 100
            lines.append(f'"Totaal mannen en vrouwen";"Totaal";"{region}";"{period}";"999999"')
            lines.append(f'"Totaal mannen en vrouwen";"0 tot 5 jaar";"{region}";"{period}";"5"')
            for age, value in enumerate(values):
                lines.append(f'"Totaal mannen en vrouwen";"{age} jaar";"{region}";"{period}";'
                             f'"{value * factor}"')
            lines.append(f'"Mannen";"3 jaar";"{region}";"{period}";"7"')
            lines.append(f'"Totaal mannen en vrouwen";"18 jaar";"{region}";"{period}";"4000"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def test_load_simple_csv(tmp_path: Path) -> None:
    f = tmp_path / "brp.csv"
    f.write_text("# BRP figures\nyear,population_0_17,note\n2025,36000,a\n2024,35800,b\n")
    pop = load_population(f)
    assert list(pop.index) == [2024, 2025]
    assert pd.api.types.is_integer_dtype(pop.index)
    assert pop.loc[2025, "population_0_17"] == 36000.0
    assert pop.loc[2024, "population_0_17"] == 35800
    assert set(pop["status_0_17"]) == {"observed"}


def test_load_cbs_export_sums_single_ages(tmp_path: Path) -> None:
    f = _cbs_export(tmp_path / "03759ned.csv",
                    {"2023": list(range(1990, 2008)), "2024JJ00": [2000] * 18})
    pop = load_population(str(f))
    assert list(pop.index) == [2023, 2024]
    assert pop.loc[2023, "population_0_17"] == 18 * 1990 + 153  # 35,973; Totaal rows ignored
    assert pop.loc[2024, "population_0_17"] == 36000
    assert set(pop["status_0_17"]) == {"observed"}


def test_load_cbs_export_filters_groningen(tmp_path: Path) -> None:
    f = _cbs_export(tmp_path / "regions.csv", {"2024": [2000] * 18}, regions=True)
    assert load_population(f).loc[2024, "population_0_17"] == 36000


# ------------------------------------------------------------------- loader: bad files


def _bad(tmp_path: Path, name: str, text: str, field: str, expected: str) -> None:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_population(f)
    message = str(info.value)
    assert name in message
    assert field in message
    assert expected in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"nothere\.csv: <file>: an existing"):
        load_population(tmp_path / "nothere.csv")


def test_no_year_column(tmp_path: Path) -> None:
    _bad(tmp_path, "noyear.csv", "jaar,population_0_17\n2024,1\n", "year", "a column named")


def test_no_count_column(tmp_path: Path) -> None:
    _bad(tmp_path, "nocount.csv", "year,kids\n2024,1\n", "population_0_17", "a column named")


def test_non_integer_year(tmp_path: Path) -> None:
    _bad(tmp_path, "float_year.csv", "# c\nyear,population_0_17\n2024,1\n2024.5,2\n",
         "year, line 4", "an integer year")


def test_duplicate_year(tmp_path: Path) -> None:
    _bad(tmp_path, "dup.csv", "year,population_0_17\n2024,1\n2024,2\n",
         "year 2024", "each year at most once")


def test_negative_count(tmp_path: Path) -> None:
    _bad(tmp_path, "neg.csv", "year,population_0_17\n2024,-5\n",
         "population_0_17, line 2", "a non-negative number (persons)")


def test_non_numeric_count(tmp_path: Path) -> None:
    _bad(tmp_path, "text.csv", "year,population_0_17\n2024,many\n",
         "population_0_17, line 2", "a number (persons)")


def test_empty_count(tmp_path: Path) -> None:
    _bad(tmp_path, "blank.csv", "year,population_0_17\n2024,\n",
         "population_0_17, line 2", "a non-negative number")


def test_empty_table(tmp_path: Path) -> None:
    _bad(tmp_path, "empty.csv", "# only a comment\nyear,population_0_17\n",
         "<table>", "at least one data row")


def test_empty_file(tmp_path: Path) -> None:
    _bad(tmp_path, "void.csv", "", "<table>", "a header line")


def test_cbs_missing_age(tmp_path: Path) -> None:
    f = _cbs_export(tmp_path / "gap.csv", {"2023": [1] * 18, "2024": [1] * 18})
    lines = [ln for ln in f.read_text(encoding="utf-8-sig").splitlines()
             if not (ln.startswith('"Totaal mannen en vrouwen";"11 jaar"') and '"2024"' in ln)]
    _bad(tmp_path, "gap.csv", "\n".join(lines), "Leeftijd, period 2024",
         "exactly one row for each single age 0..17 jaar (missing [11]")


def test_cbs_bad_period(tmp_path: Path) -> None:
    f = _cbs_export(tmp_path / "period.csv", {"2023 januari": [1] * 18})
    _bad(tmp_path, "period.csv", f.read_text(encoding="utf-8-sig"), "Perioden, line",
         "an integer year")


def test_cbs_missing_value(tmp_path: Path) -> None:
    f = _cbs_export(tmp_path / "dot.csv", {"2023": [1] * 18})
    text = f.read_text(encoding="utf-8-sig").replace('"5 jaar";"Groningen (gemeente)";"2023";"1"',
                                                      '"5 jaar";"Groningen (gemeente)";"2023";"."')
    _bad(tmp_path, "dot.csv", text, "Bevolking op 1 januari (aantal), line", "a number (persons)")


def test_cbs_other_region_only(tmp_path: Path) -> None:
    f = _cbs_export(tmp_path / "haren.csv", {"2023": [1] * 18}, regions=True)
    text = f.read_text(encoding="utf-8-sig").replace("Groningen (gemeente)", "Zuidhorn")
    _bad(tmp_path, "haren.csv", text, "Regio's", "GM0014")


def test_wrong_field_count(tmp_path: Path) -> None:
    _bad(tmp_path, "ragged.csv", "year,population_0_17\n2024,1\n2025,1,5\n",
         "line 3", "2 fields like the header, got 3")
