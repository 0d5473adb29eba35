"""The output contract, provenance, atomic writing and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import samen_model as sm
from samen_model import cli
from samen_model.model.columns import COLUMN_NAMES, markdown_table

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"

CONTRACT = """year population_0_17 new_cases in_scope_new_cases leakage_cases
capacity_overflow_cases samen_new_clients samen_clients_served samen_client_years
open_house_scope_client_years fte_samen
ova_provisional ova_definitive budget_index expected_cost_development planned_samen_share
comparable_cost_eur budget_provisional_eur budget_final_eur ict_housing_transfer_eur
execution_budget_eur samen_cost_eur settlement_eur open_house_scope_cost_eur
other_youth_care_cost_eur total_youth_care_eur counterfactual_total_eur square_deviation_eur
incidental_budget_eur incidental_spent_eur incidental_returned_eur net_savings_eur
cumulative_net_savings_eur""".split()


def test_yearly_has_the_contract_columns(realised_run):
    df = realised_run.yearly
    assert set(CONTRACT) <= set(df.columns)
    assert list(df.columns) == list(COLUMN_NAMES)
    assert df["year"].tolist() == list(range(2019, 2031))


def test_every_engine_output_is_documented(realised_run):
    assert set(realised_run.arrays) == set(COLUMN_NAMES[1:])


def test_docs_column_dictionary_is_current():
    assert (ROOT / "docs" / "columns.md").read_text(encoding="utf-8") == markdown_table()


def test_several_draws_give_a_draw_column_and_summary_from_arrays(realised):
    r = sm.simulate(realised, draws=4, sample=False)
    assert r.yearly.shape[0] == 4 * 12 and r.yearly["draw"].nunique() == 4
    s = r.summary(["square_deviation_eur"])
    one = sm.simulate(realised).arrays["square_deviation_eur"][:, 0]
    np.testing.assert_allclose(s.loc["square_deviation_eur", "p50"].to_numpy(), one)


def test_large_run_builds_no_table_until_asked(realised):
    r = sm.simulate(realised, draws=20_000, sample=False)
    assert "yearly" not in r.__dict__
    assert r.summary(["net_savings_eur"]).shape == (12, 5)
    assert "yearly" not in r.__dict__


def test_provider_table_splits_moved_revenue(realised_run):
    p = realised_run.providers()
    moved = (realised_run.arrays["comparable_cost_eur"]
             - realised_run.arrays["open_house_scope_cost_eur"])[:, 0]
    by_year = p.groupby("year")["revenue_moved_eur"].sum().to_numpy()
    # shares sum to 1 (the 2021 memo's providers + other providers)
    np.testing.assert_allclose(by_year, moved)
    cosis = p[(p.provider == "cosis") & (p.year == 2025)].iloc[0]
    assert cosis.revenue_moved_eur == pytest.approx(0.07 * moved[list(realised_run.years)
                                                                  .index(2025)])


def test_cli_run_writes_tables_with_provenance(tmp_path):
    out = tmp_path / "run"
    code = cli.main(["run", str(SCENARIOS / "realised_2023.yaml"), "--seed", "3", "--out",
                     str(out)])
    assert code == 0
    info = json.loads((out / "manifest.json").read_text())
    s = info["scenarios"][0]
    # central values draw nothing, so the manifest names no seed (it would not match the run)
    assert s["name"] == "realised_2023" and s["seed"] is None and len(s["hash"]) == 16
    assert s["draws"] == 1 and not s["sampled"] and len(info["run_key"]) == 8
    assert info["version"] == sm.__version__ and info["created_utc"]
    assert set(info["files"]) == {"yearly.csv", "key_figures.csv", "providers.csv",
                                  "assumptions.csv"}  # provenance beside the plain CSVs
    df = pd.read_csv(out / "yearly.csv")
    assert len(df) == 12
    assert (out / "providers.csv").exists() and (out / "assumptions.csv").exists()


def test_cli_bad_scenario_exits_nonzero_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nextends: nowhere.yaml\n")
    out = tmp_path / "out"
    assert cli.main(["run", str(bad), "--out", str(out)]) == 1
    assert "bad.yaml" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".out*"))


def test_cli_compare_prints_key_figures(capsys):
    assert cli.main(["compare", str(SCENARIOS / "plan_2022.yaml"),
                     str(SCENARIOS / "realised_2023.yaml")]) == 0
    text = capsys.readouterr().out
    assert "Square deviation 2023-2025" in text and "realised_2023" in text
    assert "deviation_transition_eur" not in text


def test_failed_write_keeps_previous_output(tmp_path):
    from samen_model.products.atomic import staged_dir, write_manifest

    target = tmp_path / "out"
    with staged_dir(target) as tmp:
        (tmp / "a.txt").write_text("first")
        write_manifest({"package": "samen_model"}, tmp)
    with pytest.raises(RuntimeError), staged_dir(target, force=True) as tmp:
        (tmp / "a.txt").write_text("half")
        raise RuntimeError("boom")
    assert (target / "a.txt").read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_report_points_latest_only_after_success(tmp_path):
    from samen_model.products.build.report import build_report

    # tables only (notebooks=[]): the notebooks themselves are covered by tests/test_report.py
    run_dir = build_report(SCENARIOS, tmp_path, names=["plan_2022", "realised_2023"],
                           notebooks=[], progress=False)
    latest = tmp_path / "latest"
    assert latest.resolve() == run_dir.resolve()
    comparison = pd.read_csv(latest / "comparison.csv")
    assert comparison["scenario"].tolist() == ["plan_2022", "realised_2023"]
    with pytest.raises(sm.SamenInputError):
        build_report(SCENARIOS, tmp_path, names=["no_such_scenario"], notebooks=[],
                     progress=False)
    assert latest.resolve() == run_dir.resolve()


def test_keep_stores_only_the_named_columns(realised):
    full = sm.simulate(realised, draws=3, sample=False)
    kept = sm.simulate(realised, draws=3, sample=False, keep=("net_savings_eur",))
    assert set(kept.arrays) == {"net_savings_eur"}
    np.testing.assert_array_equal(kept.arrays["net_savings_eur"], full.arrays["net_savings_eur"])
    assert list(kept.yearly.columns) == ["draw", "year", "net_savings_eur"]
