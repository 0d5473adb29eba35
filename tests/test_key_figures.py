"""The key-figure registry: one definition, found in every product, labelled with its years.

Year windows follow the scenario's time parameters: a run to 2027 sums net savings over
2026-2027 and says so; a transition to 2027 sums the square's deviation over 2023-2027 and
reads the FTE at the end of 2027 (values checked against the yearly columns by hand).
"""

from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

import samen_model as sm
from samen_model.analysis import key_figures as kf
from samen_model.cli.common import key_figures_table as cli_table
from samen_model.present.manifest import manifest
from samen_model.present.tables.results import key_figures_table as notebook_table
from samen_model.products.briefing.compose import key_figure_rows
from samen_model.products.explorer.whatif import evaluate
from samen_model.products.explorer.whatif import key_figures_table as explorer_table
from samen_model.products.workbook.sheets import write_workbook

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def _variant(tmp_path: Path, name: str, **time: int) -> sm.Scenario:
    """plan_2022 (a full tree, no ``extends``) with some ``time`` values changed."""
    tree = copy.deepcopy(yaml.safe_load((SCENARIOS / "plan_2022.yaml").read_text("utf-8")))
    tree["name"] = name
    for key, value in time.items():
        tree["parameters"]["time"][key]["value"] = value
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(tree, sort_keys=False, allow_unicode=True), "utf-8")
    return sm.load_scenario(path)


def test_default_labels_carry_the_years(plan_run) -> None:
    assert kf.label("net_savings_structural_eur", "nl", plan_run) == \
        "Netto besparing 2026-2030 (nominaal)"
    assert kf.label("deviation_transition_eur", "en", plan_run) == \
        "Square deviation 2023-2025 (nominal)"
    assert kf.label("fte_end_of_transition", "nl", plan_run) == "Fte SAMEN. eind 2025"
    assert kf.label("young_people_helped_first_year", "en", plan_run) == \
        "Young people helped 2023"
    assert kf.label("cumulative_net_savings_end_eur", "nl", plan_run) == \
        "Cumulatieve netto besparing (nominaal) eind 2030"


def test_a_shorter_horizon_sums_and_labels_fewer_years(tmp_path: Path) -> None:
    run = sm.simulate(_variant(tmp_path, "to_2027", last_year=2027))
    net = run.arrays["net_savings_eur"][(run.years >= 2026) & (run.years <= 2027)].sum()
    assert kf.central(run)["net_savings_structural_eur"] == pytest.approx(net)
    assert kf.label("net_savings_structural_eur", "nl", run) == \
        "Netto besparing 2026-2027 (nominaal)"
    assert kf.label("net_savings_structural_eur", "en", run) == "Net savings 2026-2027 (nominal)"
    assert kf.label("cumulative_net_savings_end_eur", "en", run) == \
        "Cumulative net savings (nominal) end of 2027"


def test_a_longer_transition_moves_its_figures_and_labels(tmp_path: Path) -> None:
    run = sm.simulate(_variant(tmp_path, "transition_2027", transition_end_year=2027,
                               structural_start_year=2028))
    years = run.years
    deviation = run.arrays["square_deviation_eur"][(years >= 2023) & (years <= 2027)].sum()
    central = kf.central(run)
    assert central["deviation_transition_eur"] == pytest.approx(deviation)
    assert central["fte_end_of_transition"] == pytest.approx(
        run.arrays["fte_samen"][years == 2027][0, 0])
    assert kf.label("deviation_transition_eur", "nl", run) == \
        "Afwijking gesloten vierkant 2023-2027 (nominaal)"
    assert kf.label("fte_end_of_transition", "nl", run) == "Fte SAMEN. eind 2027"
    assert kf.label("net_savings_structural_eur", "nl", run) == \
        "Netto besparing 2028-2030 (nominaal)"
    # the briefing and the notebooks' table carry the same years
    header, rows = key_figure_rows([run], "nl")
    assert any("2023–2027" in row[0] or "2023-2027" in row[0] for row in rows), rows
    assert "Fte SAMEN. eind 2027" in notebook_table([run], "nl").index


def test_results_with_different_years_get_a_label_without_years(tmp_path: Path,
                                                                 plan_run) -> None:
    short = sm.simulate(_variant(tmp_path, "to_2027", last_year=2027))
    assert kf.label("net_savings_structural_eur", "nl", [plan_run, short]) == \
        "Netto besparing (nominaal)"


@pytest.fixture()
def extra_figure():
    """A key figure added in one place: the SAMEN. cost of the first year, in euros."""
    figure = kf.register(kf.KeyFigure(
        "samen_cost_first_year_eur", "eur",
        {"nl": "Kosten SAMEN. {years}", "en": "SAMEN. cost {years}"},
        lambda w: w.samen_start,
        lambda r, w: r.arrays["samen_cost_eur"][np.flatnonzero(r.years == w.samen_start)[0]]))
    yield figure
    del kf.REGISTRY[figure.name]


def test_a_key_figure_added_once_is_in_every_product(extra_figure, realised_run,
                                                     tmp_path: Path) -> None:
    cost_2023 = float(realised_run.arrays["samen_cost_eur"][realised_run.years == 2023][0, 0])
    assert kf.central(realised_run)["samen_cost_first_year_eur"] == pytest.approx(cost_2023)
    label_nl, label_en = "Kosten SAMEN. 2023", "SAMEN. cost 2023"
    # the CLI table (English) and the notebooks' table (Dutch)
    assert label_en in cli_table(realised_run).index
    assert label_nl in notebook_table([realised_run], "nl").index
    # the briefing's key-figure table
    _, rows = key_figure_rows([realised_run], "nl")
    assert label_nl in [row[0] for row in rows]
    # the explorer
    assert label_nl in explorer_table(evaluate(realised_run, {}), "nl").index
    # the workbook's comparison sheet (header with its unit)
    path = tmp_path / "summary.xlsx"
    write_workbook([realised_run], manifest([realised_run], command="test"), path, "nl")
    sheet = pd.read_excel(path, sheet_name=None)
    comparison = next(df for name, df in sheet.items() if "vergelijk" in name.lower())
    assert f"{label_nl} (€)" in comparison.columns
