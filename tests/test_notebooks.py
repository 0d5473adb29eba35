"""The notebooks: thin, documented parameters, executed through papermill, bad input refused.

Each notebook is executed into tmp_path with small parameters (pyhf style); the committed
notebooks are also re-run by ``pytest --nbval-lax notebooks/`` (see ``make test``).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import papermill as pm
import pytest
from papermill.exceptions import PapermillExecutionError

from samen_model.products.notebooks import toolkit as nt

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SCENARIOS = ROOT / "scenarios"
NAMES = ["00_calibration_2023", "01_scenario", "02_compare", "03_uncertainty", "04_briefing",
         "05_explorer", "07_discovery"]
PARAM_LINE = re.compile(r"^\w+: [\w\[\]]+ = .+  # \S.*$")



def execute(name: str, tmp_path: Path, **parameters) -> nbformat.NotebookNode:
    out = tmp_path / f"{name}.ipynb"
    pm.execute_notebook(
        str(NOTEBOOKS / f"{name}.ipynb"), str(out), parameters=parameters,
        progress_bar=False, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        extra_arguments=["--IPKernelApp.log_level=CRITICAL"])
    return nbformat.read(out, as_version=4)


def outputs_text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts += [v for k, v in out.get("data", {}).items() if k.startswith("text/")]
    return "\n".join(p if isinstance(p, str) else "".join(p) for p in parts)


# ----------------------------------------------------------------------------- static checks
@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_thin_with_documented_parameters(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not any(re.search(r"^\s*(def|class) ", c.source, re.M) for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    lines = [ln for ln in tagged[0].source.splitlines() if ln.strip()]
    assert lines and all(PARAM_LINE.match(ln) for ln in lines), lines
    declared = pm.inspect_notebook(str(NOTEBOOKS / f"{name}.ipynb"))
    assert all(p["help"] for p in declared.values()) and "scenario_dir" in declared


@pytest.mark.parametrize("name", NAMES)
def test_committed_notebook_keeps_only_checked_text_outputs(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if nt.CHECK_OUTPUT_MARK not in cell.source:
            assert cell.outputs == [] and cell.execution_count is None
        for out in cell.outputs:
            assert "image/png" not in out.get("data", {})
    assert "papermill" not in nb.metadata


# ----------------------------------------------------------------------------- execution
def test_calibration_notebook(tmp_path):
    nb = execute("00_calibration_2023", tmp_path, language="en")
    text = outputs_text(nb)
    assert "967" in text and "just over 80" in text and "€4.2M" in text and "€1M" in text
    assert "# 00 · The model beside the 2023 evaluation" in text
    assert "Evaluatie Basis jeugdhulp 2023 (15 December 2023), §2" in text  # source by title
    assert "evaluation-2023" not in text


def test_scenario_notebook_with_short_horizon(tmp_path):
    nb = execute("01_scenario", tmp_path, scenario="high_leakage", horizon=2026)
    text = outputs_text(nb)
    assert "Uitvoeringsbudget WIJ" in text and "Verrekening" in text
    assert "De budgetregel jaar voor jaar" in text and "Hoge weglek (25% vanaf 2024)" in text
    words = re.sub(r"[A-Za-z0-9+/=]{200,}", "", text)  # not inside a picture's base64 data
    assert "2026" in words and "2027" not in words.split("Run manifest")[0].split("manifest")[0]


def test_compare_notebook(tmp_path):
    nb = execute("02_compare", tmp_path, scenarios=["realised_2023", "low_leakage"],
                 base="plan_2022")
    text = outputs_text(nb)
    # scenarios by title, assumptions by label (no file names or parameter paths)
    assert "Plan 2022 (kader, geen weglek)" in text and "Lage weglek (naar 3% in 2026)" in text
    assert "Weglek" in text and "routing.leakage" not in text
    assert "Welke aannames verschillen van het basisscenario" in text


def test_uncertainty_notebook_with_few_draws(tmp_path):
    nb = execute("03_uncertainty", tmp_path, draws=200, sobol_n=16, seed=2)
    text = outputs_text(nb)
    assert "Gesloten vierkant 2023-2025 overschreden" in text and "terugverdienjaar" in text
    assert "Netto besparing 2026-2030" in text and "mediaan" in text
    assert "geen nulpunt binnen bereik" in text  # leakage from 2026 in uncertainty_2023
    assert "Taakstelling op het SAMEN.-budget" in text and "Taakstelling op het budget" in text
    assert "200 trekkingen, startgetal (seed) 2" in text  # the run manifest
    assert "# 03 · Onzekerheid" in text
    assert "Kans op te weinig personeel" in text  # per year from 2023
    images = [o["data"]["text/html"] for c in nb.cells for o in c.get("outputs", [])
              if "<img" in str(o.get("data", {}).get("text/html", ""))]
    assert len(images) == 4  # two fan charts, the tornado, the Sobol bars
    assert all('alt="' in i and 'alt=""' not in i for i in images)


def test_explorer_notebook_in_dutch(tmp_path):
    text = outputs_text(execute("05_explorer", tmp_path, save_dir=str(tmp_path)))
    assert "# 05 · Wat-als-verkenner" in text and "Opslaan als scenario" in text


def test_discovery_notebook_in_dutch(tmp_path):
    nb = execute("07_discovery", tmp_path, draws=1000)
    text = outputs_text(nb)
    assert "# 07 · Scenario's ontdekken" in text and "## In gewone woorden" in text
    assert "treedt vooral op wanneer tegelijk geldt" in text and "aanname" in text
    # the scenario by its title, assumptions by their names (no file names or paths)
    assert "scenario Realisatie 2023 met onzekerheidsmarges (startgetal 1)" in text
    assert "capacity." not in text and "costs.cost_per_fte_eur" not in text
    assert "Verantwoording van deze berekening" in text and "1.000 trekkingen" in text


def test_briefing_notebook_in_english(tmp_path):
    nb = execute("04_briefing", tmp_path, scenarios=["realised_2023", "plan_2022"],
                 language="en", draws=200)
    text = outputs_text(nb)
    assert "In brief" in text and "The choice after 2025" in text
    assert "Annex 3. Assumptions" in text and "Colophon" in text
    assert "in 9 of 10 computed situations" in text and "200 computed situations" in text


# ----------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize(("name", "parameters", "message"), [
    ("01_scenario", {"scenario": "no_such_scenario"},
     r"scenario: expected a scenario name in .*scenarios or a shipped one "
     r"\(one of: .*realised_2023"),
    ("01_scenario", {"horizon": "2030"}, r"horizon: expected a year as an integer"),
    ("04_briefing", {"language": "de"}, r"language: expected one of nl, en, got 'de'"),
    ("03_uncertainty", {"scenario": "realised_2023"},
     r"scenario: expected a scenario with at least one parameter with a distribution"),
    ("03_uncertainty", {"sobol_n": 100}, r"sobol_n: expected a power of two"),
    ("04_briefing", {"draws": 0}, r"draws: expected an integer >= 1, got 0"),
])
def test_bad_parameters_fail_with_a_clear_message(tmp_path, name, parameters, message):
    with pytest.raises(PapermillExecutionError) as info:
        execute(name, tmp_path, **parameters)
    assert info.value.ename == "NotebookParameterError"
    assert re.search(message, info.value.evalue), info.value.evalue


def test_check_params_directly():
    folder = nt.check_params(SCENARIOS, scenario="plan_2022", horizon=2030, language="nl",
                             scenarios=["plan_2022"], base="realised_2023")
    assert folder == SCENARIOS
    with pytest.raises(nt.NotebookParameterError, match="scenarios: expected a non-empty list"):
        nt.check_params(SCENARIOS, scenarios="plan_2022")
    with pytest.raises(nt.NotebookParameterError, match="horizon: expected .* got True"):
        nt.check_params(SCENARIOS, horizon=True)
    with pytest.raises(nt.NotebookParameterError, match="scenario_dir: expected an existing"):
        nt.check_params(SCENARIOS / "nowhere", scenario="plan_2022")
    with pytest.raises(nt.NotebookParameterError, match="colour: expected a known notebook"):
        nt.check_params(SCENARIOS, colour="red")


def test_check_params_of_the_uncertainty_notebooks():
    assert nt.check_params(SCENARIOS, uncertain=["scenario"], scenario="uncertainty_2023",
                           outputs=["deviation_2023_2025", "fte_samen:2025"], sobol_n=256,
                           draws=10, seed=0, breakeven_scenario="savings_budget_cut",
                           uncertainty_scenario="uncertainty_2023") == SCENARIOS
    for params, message in [
        ({"outputs": []}, r"outputs: expected a non-empty list of output names"),
        ({"outputs": "net_savings_2026_2030"}, r"outputs: expected a non-empty list"),
        ({"outputs": ["net_savings"]}, r"outputs: expected .*got 'net_savings'"),
        ({"outputs": [2030]}, r"outputs: expected .*got 2030"),
        ({"sobol_n": 0}, r"sobol_n: expected a power of two from 2 to 65536"),
        ({"sobol_n": 2 ** 17}, r"sobol_n: expected a power of two"),
        ({"sobol_n": 256.0}, r"sobol_n: expected a power of two"),
        ({"draws": 1.5}, r"draws: expected an integer >= 1"),
        ({"breakeven_scenario": "nope"}, r"breakeven_scenario: expected a scenario name"),
        ({"uncertainty_scenario": "plan_2022"},
         r"uncertainty_scenario: expected a scenario with at least one parameter with a dist"),
    ]:
        with pytest.raises(nt.NotebookParameterError, match=message):
            nt.check_params(SCENARIOS, **params)
    # a scenario without distributions is refused only where the notebook asks for one
    nt.check_params(SCENARIOS, scenario="plan_2022")
    with pytest.raises(nt.NotebookParameterError, match="scenario: expected a scenario with"):
        nt.check_params(SCENARIOS, uncertain=["scenario"], scenario="plan_2022")


def test_scenario_folder_is_found_from_the_notebooks_folder(monkeypatch):
    monkeypatch.chdir(NOTEBOOKS)
    assert nt.find_scenario_dir("") == SCENARIOS
    assert "realised_2023" in nt.scenario_names()


def test_strip_keeps_only_checked_outputs(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(1)", execution_count=3, outputs=[
            nbformat.v4.new_output("stream", text="1\n"),
            nbformat.v4.new_output("display_data", data={"image/png": "AAA", "text/plain": "x"}),
        ]),
        nbformat.v4.new_code_cell("print(2)", execution_count=4,
                                  outputs=[nbformat.v4.new_output("stream", text="2\n")]),
    ])
    nb.metadata["papermill"] = {"duration": 1.0}
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    nt.strip_notebook(path)
    back = nbformat.read(path, as_version=4)
    first, second = back.cells
    assert first.execution_count == 3 and [o.output_type for o in first.outputs] == [
        "stream", "display_data"]
    assert first.outputs[1].data == {"text/plain": "x"}
    assert second.outputs == [] and second.execution_count is None
    assert "papermill" not in back.metadata
