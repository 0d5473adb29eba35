"""Notebook 06 (forecast against actual): thin, documented parameters, runs, refuses bad input."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from papermill.exceptions import PapermillExecutionError
from test_notebooks import execute as run_notebook  # the same papermill call
from test_notebooks import outputs_text

from samen_model.products.notebooks.calibration import check_calibration_params
from samen_model.products.notebooks.params import NotebookParameterError

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "06_forecast_vs_actual.ipynb"
PARAM_LINE = re.compile(r"^\w+: [\w\[\]]+ = .+  # \S.*$")


def execute(tmp_path: Path, **parameters) -> str:
    return outputs_text(run_notebook(NOTEBOOK.stem, tmp_path, **parameters))


def test_notebook_is_thin_with_documented_parameters():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not any(re.search(r"^\s*(def|class) ", c.source, re.M) for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert all(PARAM_LINE.match(ln) for ln in tagged[0].source.splitlines() if ln.strip())
    declared = pm.inspect_notebook(str(NOTEBOOK))
    assert all(p["help"] for p in declared.values()) and "scenario_dir" in declared
    for cell in code:  # committed without outputs except the checked text
        if "# NBVAL_CHECK_OUTPUT" not in cell.source:
            assert cell.outputs == []


def test_notebook_runs_with_few_draws(tmp_path):
    text = execute(tmp_path, calibration_draws=50_000, draws=300, language="en",
                   forecast_scenarios=["plan_2022", "calibrated_2023"])
    assert "conditioned on the actual figures up to 2023" in text
    assert "The calibration is reliable" in text and "effective draws of 50,000" in text
    assert "re-run with 50,000 instead of the recorded 1,000,000" in text
    assert "# 06 · Forecast against actual, and the calibration behind it" in text
    assert "informed" in text and "without this figure" in text
    assert "Plan 2022 (kader, geen weglek) · version " in text and "in calibration" in text
    assert "Gerealiseerde cijfers SAMEN. Groningen #" in text  # the observation file, hash
    # scenarios by title, assumptions by label, sources by title and date
    assert "Weglek" not in text and "Leakage" in text and "routing.leakage" not in text
    assert "plan_2022 " not in text
    assert "Evaluatie Basis jeugdhulp 2023 (15 December 2023), §2" in text


def test_a_bad_parameter_stops_the_notebook(tmp_path):
    with pytest.raises(PapermillExecutionError) as info:
        execute(tmp_path, scenario="uncertainty_2023")
    assert info.value.ename == "NotebookParameterError"
    assert "scenario: expected a calibrated scenario" in info.value.evalue


@pytest.mark.parametrize(("parameters", "message"), [
    ({"observations": "nowhere"}, r"observations: expected the name of an observation file"),
    ({"forecast_scenarios": ["nope"]}, r"forecast_scenarios: expected a non-empty list"),
    ({"forecast_scenarios": []}, r"forecast_scenarios: expected a non-empty list"),
    ({"calibration_draws": 5}, r"calibration_draws: expected 0 \(as recorded\)"),
    ({"calibration_draws": True}, r"calibration_draws: expected 0 \(as recorded\)"),
])
def test_bad_parameters_are_refused(parameters, message):
    given = {"scenario": "calibrated_2023", "forecast_scenarios": ["plan_2022"],
             "observations": "groningen", "calibration_draws": 0, **parameters}
    with pytest.raises(NotebookParameterError, match=message):
        check_calibration_params(ROOT / "scenarios", **given)
