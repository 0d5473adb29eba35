"""The year-series rule of ``extends:``: a what-if series overrides only from its first year.

Before the rule, ``{2024: 0.2, 2026: 0.05}`` in a variant of realised_2023 held 0.2 backwards
into 2023 and broke the 2023 calibration (young people helped 977 -> 869). These tests fail on
that behaviour. Shares as fractions, money in EUR.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from samen_model import ScenarioError, load_scenario, simulate
from samen_model.analysis import key_figures as kf
from samen_model.model.from_scenario import resolve_inputs
from samen_model.scenario.series import series_from_year
from samen_model.scenario.values import series_on_years
from samen_model.scenario.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[1]
SCENARIO_DIR = ROOT / "scenarios"
YEARS = np.arange(2019, 2031)


def _variant(tmp_path: Path, body: str, base: str = "realised_2023") -> Path:
    """A variant file beside copies of the shipped scenarios (so ``extends`` resolves)."""
    for f in SCENARIO_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    path = tmp_path / "my_case.yaml"
    path.write_text(f"schema_version: 1\nextends: {base}.yaml\n{body}", encoding="utf-8")
    return path


def _readme_example() -> str:
    """The YAML block of the README's 'Add a scenario' section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Add a scenario", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block, "README: no yaml block under 'Add a scenario'"
    return block.group(1)


def test_readme_what_if_keeps_2023_calibrated(tmp_path: Path, realised_run) -> None:
    path = tmp_path / "my_case.yaml"
    for f in SCENARIO_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    path.write_text(_readme_example(), encoding="utf-8")
    s = load_scenario(path)
    assert "extends: realised_2023.yaml" in _readme_example()
    leak = resolve_inputs(s).leakage[:, 0]
    # 2019-2023 the calibrated 10% of realised_2023; 0.2 in 2024; linear to 0.05 in 2026
    assert leak[:5] == pytest.approx([0.10] * 5)
    assert leak[5:8] == pytest.approx([0.20, 0.125, 0.05])
    r = simulate(s)
    # the whole 2023 row (and every year before) equals the calibrated run: 977 helped
    first = int(np.flatnonzero(r.years == 2023)[0])
    for name, a in realised_run.arrays.items():
        np.testing.assert_allclose(r.arrays[name][: first + 1, 0], a[: first + 1, 0],
                                   rtol=1e-12, err_msg=name)
    helped = kf.central(r)["young_people_helped_first_year"]
    assert helped == pytest.approx(kf.central(realised_run)["young_people_helped_first_year"])
    # Evaluatie Basis jeugdhulp 2023, §2: 967 helped; the calibrated model gives 977
    assert round(helped) == 977


def test_series_over_a_base_series_keeps_the_base_before_its_first_year(tmp_path: Path) -> None:
    # low_leakage: {2023: 0.10, 2026: 0.03}; the variant gives 0.2 from 2025
    s = load_scenario(_variant(tmp_path, "parameters: {routing: {leakage: {value: {2025: 0.2}, "
                                         "source: 'what-if: test'}}}\n", base="low_leakage"))
    leak = resolve_inputs(s).leakage[:, 0]
    base = series_on_years({2023: 0.10, 2026: 0.03}, YEARS)
    assert leak[:6] == pytest.approx(base[:6])  # 2019-2024 as low_leakage (2024: 0.0767)
    assert leak[5] == pytest.approx(0.10 - 0.07 / 3)
    assert leak[6:] == pytest.approx([0.2] * 6)  # from 2025 the variant, held after


def test_amounts_keep_the_base_years_before_the_first_year(tmp_path: Path) -> None:
    # plan: tranches {2022: 2.5M, 2023: 1.0M, 2024: 0.5M}; the variant: 2M in 2023 only
    s = load_scenario(_variant(tmp_path, "parameters: {incidental: {tranches_eur: {value: "
                                         "{2023: 2000000}, source: 'what-if: test'}}}\n"))
    assert s.value("incidental.tranches_eur") == {2022: 2_500_000.0, 2023: 2_000_000.0}
    tranches = resolve_inputs(s).incidental_tranches_eur
    assert tranches[3:6].tolist() == [2_500_000.0, 2_000_000.0, 0.0]  # 2022, 2023, 2024


def test_series_over_a_distribution_is_refused_with_file_and_key(tmp_path: Path) -> None:
    path = _variant(tmp_path, "parameters: {routing: {leakage: {value: {2024: 0.2}, "
                              "source: 'what-if: test'}}}\n", base="uncertainty_2023")
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    text = str(err.value)
    assert "my_case.yaml" in text and "parameters.routing.leakage.value" in text
    assert "distribution" in text and "2019" in text
    # from the first model year the series says everything: accepted, replaces the distribution
    path.write_text(path.read_text().replace("{2024: 0.2}", "{2019: 0.1, 2024: 0.2}"))
    assert load_scenario(path).value("routing.leakage") == {2019: 0.1, 2024: 0.2}


def test_a_single_value_still_replaces_the_base_in_every_year(tmp_path: Path) -> None:
    s = load_scenario(_variant(tmp_path, "parameters: {routing: {leakage: {value: 0.3, "
                                         "source: 'what-if: test'}}}\n", base="low_leakage"))
    assert resolve_inputs(s).leakage[:, 0] == pytest.approx([0.3] * 12)


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_series_leave_the_years_before_them_to_the_base(path: Path) -> None:
    """Every series a shipped what-if gives: the years before it resolve as in its base."""
    raw = read_yaml(path)
    if "extends" not in raw:
        return
    s, base = load_scenario(path), load_scenario(path.parent / raw["extends"])
    for group, params in raw.get("parameters", {}).items():
        for name, leaf in params.items():
            value = leaf.get("value") if isinstance(leaf, dict) else None
            if not isinstance(value, dict) or "dist" in value:
                continue
            key = f"{group}.{name}"
            mine, theirs = s.value(key), base.value(key)
            before = YEARS < min(value)
            theirs_on = (series_on_years(theirs, YEARS) if isinstance(theirs, dict)
                         else np.full(len(YEARS), float(theirs)))
            assert series_on_years(mine, YEARS)[before] == pytest.approx(theirs_on[before]), key


def test_series_from_year_rules() -> None:
    assert series_from_year(0.1, {2024: 0.2}, 2019) == {2023: 0.1, 2024: 0.2}
    assert series_from_year(0.2, {2024: 0.2}, 2019) == {2024: 0.2}  # nothing to add
    assert series_from_year(0.1, {2019: 0.2}, 2019) == {2019: 0.2}  # from the first year
    got = series_from_year({2020: 0.0, 2030: 1.0}, {2026: 0.9}, 2019)
    assert got == {2020: 0.0, 2025: 0.5, 2026: 0.9}
    assert series_from_year({2022: 5.0, 2024: 1.0}, {2023: 2.0}, 2019, amounts=True) == \
        {2022: 5.0, 2023: 2.0}
    with pytest.raises(ValueError, match="distribution"):
        series_from_year({"dist": "uniform", "low": 0, "high": 1}, {2024: 0.2}, 2019)
