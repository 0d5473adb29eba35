"""Shared fixtures: the shipped scenarios and their deterministic runs (computed once)."""

from __future__ import annotations

from pathlib import Path

import pytest

import samen_model as sm

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"


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
