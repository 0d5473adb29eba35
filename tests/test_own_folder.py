"""A what-if in a folder of one's own: ``extends: realised_2023`` names the shipped scenario.

The analyst keeps scenarios in a folder outside the repository; a bare name in ``extends``
(with or without ``.yaml``) resolves to the shipped scenario when no file of that name lies
beside the extending file, and every command that reads scenarios accepts it (``run``,
``validate``, ``report --scenario-dir``) and takes ``--input-root``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

import samen_model as sm
from samen_model import cli
from samen_model.errors import ScenarioError
from samen_model.scenario.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"

WHAT_IF = """schema_version: 1
extends: {base}
title: "Wat als de weglek 20% blijft"
parameters:
  routing:
    leakage: {{value: 0.2, source: "what-if: weglek blijft op 20%"}}
"""


def _what_if(folder: Path, name: str = "weglek", base: str = "realised_2023") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(WHAT_IF.format(base=base), encoding="utf-8")
    return path


@pytest.mark.parametrize("base", ["realised_2023", "realised_2023.yaml"])
def test_a_bare_name_extends_the_shipped_scenario(tmp_path, base) -> None:
    s = sm.load_scenario(_what_if(tmp_path / "mine", base=base))
    # the chain: the what-if, then the shipped realised_2023 and its own base plan_2022
    assert [p.name for p in s.chain] == ["weglek.yaml", "realised_2023.yaml", "plan_2022.yaml"]
    assert s.chain[1] == (SCENARIOS / "realised_2023.yaml").resolve()
    assert s.value("routing.leakage") == 0.2  # the what-if's own value
    # inherited from realised_2023.yaml: first-year uptake 0.82 (the evaluation's calibration)
    assert s.value("routing.first_year_uptake") == pytest.approx(0.82)
    assert s.title == "Wat als de weglek 20% blijft"


def test_a_file_beside_the_what_if_comes_first(tmp_path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    own = (SCENARIOS / "realised_2023.yaml").read_text(encoding="utf-8").replace(
        "extends: plan_2022.yaml", "extends: plan_2022")  # its base from the shipped folder
    own = own.replace("value: 0.82", "value: 0.7")
    (mine / "realised_2023.yaml").write_text(own, encoding="utf-8")
    s = sm.load_scenario(_what_if(mine))
    assert s.chain[1] == (mine / "realised_2023.yaml").resolve()
    assert s.value("routing.first_year_uptake") == pytest.approx(0.7)


def test_an_unknown_name_lists_the_shipped_scenarios(tmp_path) -> None:
    with pytest.raises(ScenarioError) as info:
        sm.load_scenario(_what_if(tmp_path, base="realised_2032"))
    assert info.value.field == "extends"
    assert "realised_2032" in info.value.expected
    assert "shipped scenario" in info.value.expected and "realised_2023" in info.value.expected


def test_a_path_with_a_folder_is_not_looked_up_among_the_shipped(tmp_path) -> None:
    with pytest.raises(ScenarioError) as info:
        sm.load_scenario(_what_if(tmp_path / "mine", base="../realised_2023.yaml"))
    assert "inside" in info.value.expected  # outside the folder: refused, not resolved


def test_run_and_validate_from_the_command_line(tmp_path, capsys) -> None:
    path = _what_if(tmp_path / "mine")
    assert cli.main(["validate", str(path)]) == 0
    assert f"ok: {path}" in capsys.readouterr().out
    assert cli.main(["run", str(path), "--quiet"]) == 0
    assert "weglek" in capsys.readouterr().out


def test_report_takes_input_root(tmp_path, capsys) -> None:
    """A what-if extending a base in a sibling folder needs --input-root, also in ``report``."""
    base = tmp_path / "bases" / "mijn_basis.yaml"
    base.parent.mkdir()
    base.write_text("schema_version: 1\nextends: realised_2023\nparameters: {}\n",
                    encoding="utf-8")
    what_if = _what_if(tmp_path / "mine", base="../bases/mijn_basis.yaml")
    args = ["report", "--scenario-dir", str(what_if.parent), "--out", str(tmp_path / "r"),
            "--notebooks", "--quiet"]  # --notebooks without names: tables only
    assert cli.main(args) == 1
    assert "--input-root" in capsys.readouterr().err
    assert cli.main([*args, "--input-root", str(tmp_path)]) == 0
    table = pd.read_csv(tmp_path / "r" / "latest" / "comparison.csv")
    assert table["scenario"].tolist() == ["weglek"]


def test_report_from_a_folder_of_ones_own(tmp_path, capsys, monkeypatch) -> None:
    """``samen report --scenario-dir .`` run in a folder with one what-if: the comparison
    notebook takes its base (plan_2022) from the shipped scenarios, the notebooks from the
    model's own folder."""
    mine = tmp_path / "mine"
    _what_if(mine)
    monkeypatch.chdir(mine)
    out = tmp_path / "reports"
    code = cli.main(["report", "--scenario-dir", ".", "--out", str(out),
                     "--notebooks", "02_compare", "--quiet"])
    assert code == 0, capsys.readouterr().err
    run = out / "latest"
    comparison = pd.read_csv(run / "comparison.csv")
    assert comparison["scenario"].tolist() == ["weglek"]
    page = (run / "02_compare.html").read_text(encoding="utf-8")
    assert "Wat als de weglek 20% blijft" in page  # the what-if by its title
    assert "Plan 2022 (kader, geen weglek)" in page  # beside the shipped base
    # the key figures as a real table (headers in <th>), not as fixed-width text
    assert re.search(r"<th[^>]*>Afwijking gesloten vierkant 2023-2025 \(nominaal\)</th>", page)
    assert not re.search(r"<pre>[^<]*Afwijking gesloten vierkant 2023-2025", page)
    index = (run / "index.html").read_text(encoding="utf-8")
    assert "02_compare.html" in index and "naast elkaar: kerncijfers" in index


def test_calibrate_saves_into_a_folder_of_ones_own(tmp_path, capsys, monkeypatch) -> None:
    """A calibration of a shipped prior saved elsewhere names the prior, so `samen validate`
    reads the saved file without --input-root."""
    folder = tmp_path / "mine"
    folder.mkdir()
    monkeypatch.chdir(folder)
    observations = ROOT / "observations" / "groningen.yaml"
    code = cli.main(["calibrate", "uncertainty_2023", "--observations", str(observations),
                     "--draws", "4000", "--sample-size", "100", "--min-ess", "20",
                     "--allow-unreliable", "--save", "mycal.yaml"])
    out = capsys.readouterr().out
    assert code == 0
    assert "--input-root" not in out
    assert read_yaml(folder / "mycal.yaml")["extends"] == "uncertainty_2023"
    assert cli.main(["validate", "mycal.yaml"]) == 0
    assert "ok: mycal.yaml (mycal" in capsys.readouterr().out
