"""`samen report --notebooks NAME`: a configured notebook runs with its configured parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

import samen_model.products.build.report as build
from samen_model.cli.commands import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.product
def test_a_selected_notebook_keeps_its_configured_parameters(tmp_path, monkeypatch) -> None:
    seen = {}

    def fake_build(**kwargs):
        seen.update(kwargs)
        return tmp_path

    monkeypatch.setattr(build, "build_report", lambda *a, **k: fake_build(**k))
    monkeypatch.chdir(ROOT)  # reports.yaml: 03_uncertainty on calibrated_2023, 10,000 draws
    assert main(["report", "--out", str(tmp_path), "--notebooks", "03_uncertainty",
                 "my_own_notebook", "--quiet"]) == 0
    first, second = seen["notebooks"]
    assert first["notebook"] == "03_uncertainty"
    assert first["parameters"]["scenario"] == "calibrated_2023"
    assert first["parameters"]["draws"] == 10_000
    assert second == "my_own_notebook"  # not configured: as given
