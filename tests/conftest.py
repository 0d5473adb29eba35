"""Shared fixtures: the shipped scenarios and their deterministic runs (computed once)."""

from __future__ import annotations

from pathlib import Path

import pytest

import samen_model as sm

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"

#: Test modules of the products (notebooks, report build, briefing, workbook, explorer, browser)
#: and of hostile inputs: marked ``product``. ``make test-model`` runs the rest (the model,
#: its analysis and scenario files) in well under a minute; ``make test`` runs both.
PRODUCT_MODULES = {
    "test_notebooks", "test_calibration_notebook", "test_report", "test_briefing",
    "test_workbook", "test_explorer", "test_explorer_browser", "test_plotting",
    "test_hostile_inputs", "test_hostile_outputs", "test_bad_inputs", "test_outputs",
    "test_uncertainty_text", "test_key_figures",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the product and hostile-input tests (one list, above, instead of a line per file)."""
    for item in items:
        module = Path(str(item.fspath)).stem
        if module in PRODUCT_MODULES or module.startswith(("test_briefing", "test_hostile")):
            item.add_marker(pytest.mark.product)


@pytest.fixture(scope="session")
def plan():
    return sm.load_scenario(SCENARIOS / "plan_2022.yaml")


@pytest.fixture(scope="session")
def realised():
    return sm.load_scenario(SCENARIOS / "realised_2023.yaml")


@pytest.fixture(scope="session")
def uncertain():
    """realised_2023 with distributions on eight parameters (Monte Carlo, sensitivity)."""
    return sm.load_scenario(SCENARIOS / "uncertainty_2023.yaml")


@pytest.fixture(scope="session")
def realised_run(realised):
    return sm.simulate(realised)


@pytest.fixture(scope="session")
def plan_run(plan):
    return sm.simulate(plan)
