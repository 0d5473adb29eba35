"""The what-if explorer without a browser: levers in, key figures and saved YAML out.

The explorer's callbacks are driven as a person would move the sliders (``Explorer.set``) and
press "save" (``Explorer.save``). Money in EUR, shares as fractions.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from samen_model import load_scenario, simulate
from samen_model.analysis import key_figures
from samen_model.cli.commands import main
from samen_model.products.explorer import LEVERS, Explorer, changed_values, start_settings
from samen_model.products.explorer.levers import BY_KEY
from samen_model.scenario.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped scenarios (saved what-ifs land beside them)."""
    for f in (ROOT / "scenarios").glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path


def test_start_is_the_base(folder: Path, realised_run) -> None:
    app = Explorer("realised_2023", scenario_dir=folder)
    assert app.whatif.changed == {}
    kf = app.whatif.key_figures()
    assert (kf["what_if"].fillna(0) == kf["base"].fillna(0)).all()
    assert app.settings()["leakage_2024"] == pytest.approx(0.10)  # realised_2023: 10%
    assert app.settings()["first_year_uptake"] == pytest.approx(0.82)
    assert app.settings()["structural_start"] == 2026
    html = app.key_figures.value
    assert "data-key='deviation_transition_eur' data-column='what_if'" in html
    assert app.chart.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Nog niets veranderd" in app.changes.value


def test_moving_the_leakage_path_keeps_2023_and_saves_a_valid_short_file(folder: Path,
                                                                         capsys) -> None:
    app = Explorer("realised_2023", scenario_dir=folder, chart=False)
    whatif = app.set(leakage_2024=0.20)
    # a path from 2024 on (the later slider years at the base's 10%); 2023 stays calibrated
    assert whatif.changed == {"routing.leakage": {2024: 0.2, 2025: 0.1, 2026: 0.1, 2030: 0.1}}
    kf = whatif.key_figures()
    assert kf.at["young_people_helped_first_year", "difference"] == 0  # 977 helped in 2023
    # more new cases to open house in 2024 while the 2024 budget share assumed 10%: the square
    # 2023-2025 is exceeded by more (the deviation rises)
    assert kf.at["deviation_transition_eur", "difference"] > 100_000
    assert "+€ " in app.key_figures.value  # the difference is shown with its sign
    assert "routing:" in app.changes.value and "2024: 0.2" in app.changes.value

    app.name.value, app.note.value = "leakage_2024_20", "referrers keep choosing specialists"
    saved = app.save()
    path = folder / "leakage_2024_20.yaml"
    assert saved is not None and saved.path == path and "samen validate: ok" in app.status.value
    raw = read_yaml(path)
    assert raw["extends"] == "realised_2023.yaml"  # beside its base
    # a title of its own (saves can be told apart in a comparison), the note in the description
    assert raw["title"] == "Wat-als leakage_2024_20: referrers keep choosing specialists"
    assert raw["description"].startswith("referrers keep choosing specialists")
    assert path.stat().st_mode & 0o777 == 0o644  # readable by all (umask 022)
    assert raw["parameters"] == {"routing": {"leakage": {
        "value": {2024: 0.2, 2025: 0.1, 2026: 0.1, 2030: 0.1},
        "source": "what-if: referrers keep choosing specialists"}}}  # only what changed
    # the saved file gives exactly the numbers the explorer showed
    assert key_figures.central(simulate(saved)).equals(key_figures.central(whatif.result))
    assert main(["validate", str(path)]) == 0
    assert "ok: " in capsys.readouterr().out


@pytest.mark.parametrize("key,value", [
    ("first_year_uptake", 0.7), ("inflow", 60.0), ("population_growth", 0.015),
    ("caseload", 7.0), ("cost_per_fte", 65_000.0), ("budget_cut", 0.05),
    ("fewer_referrals", 0.02), ("structural_start", 2028), ("extra_money", 1_000_000.0),
    ("extra_prevention_effect", 0.02), ("attrition", 0.2), ("vacancy", 0.05)])
def test_each_lever_changes_its_parameter_only(realised, key: str, value: float) -> None:
    lever = BY_KEY[key]
    changed = changed_values(realised, {**start_settings(realised), key: value})
    assert changed == {lever.path: value}
    assert type(changed[lever.path]) is (int if lever.unit == "year" else float)


def test_levers_move_the_key_figures_the_expected_way(folder: Path) -> None:
    app = Explorer("realised_2023", scenario_dir=folder, chart=False)
    base = app.whatif.key_figures()["base"]
    kf = app.set(budget_cut=0.10).key_figures()["what_if"]  # a cut from 2026 saves money
    assert kf["net_savings_structural_eur"] > base["net_savings_structural_eur"] + 1e6
    assert kf["deviation_transition_eur"] == pytest.approx(base["deviation_transition_eur"])
    app.reset()
    assert app.whatif.changed == {}
    # fewer clients per FTE: more staff for the same clients, so SAMEN. costs more in 2023-2025
    kf = app.set(caseload=6.5).key_figures()
    assert kf.at["fte_end_of_transition", "difference"] > 10
    assert kf.at["deviation_transition_eur", "difference"] > 500_000


def test_a_base_value_off_the_slider_grid_counts_as_unchanged(realised) -> None:
    # population growth 0.0063 (0.63%): a slider with step 0.0005 may show 0.0065
    settings = {**start_settings(realised), "population_growth": 0.0065}
    assert changed_values(realised, settings) == {}


def test_save_refuses_bad_input_in_dutch_and_writes_nothing(folder: Path) -> None:
    app = Explorer("realised_2023", scenario_dir=folder, chart=False)
    app.name.value = "nothing_changed"
    assert app.save() is None and "er is nog niets veranderd" in app.status.value
    app.set(caseload=9.0)
    app.note.value = ""
    assert app.save() is None and "schrijf bij ‘Toelichting’" in app.status.value
    app.note.value, app.name.value = "test", "realised_2023"
    assert app.save() is None and "bestaat al. Kies een andere naam" in app.status.value
    for bad in ("../escape", "foute naam!", "analist.weglek"):
        app.name.value = bad
        assert app.save() is None and "kan geen bestandsnaam worden" in app.status.value
        assert bad.replace("'", "&#x27;") in app.status.value  # the name as typed, not cut
    app.name.value = "  "
    assert app.save() is None and "Geef het scenario een naam" in app.status.value
    assert "Traceback" not in app.status.value and ".yaml: " not in app.status.value
    assert sorted(p.stem for p in folder.glob("*.yaml")) == sorted(
        p.stem for p in (ROOT / "scenarios").glob("*.yaml"))
    assert not list(folder.glob(".*tmp"))


def test_other_bases_and_a_base_with_distributions(folder: Path) -> None:
    app = Explorer("realised_2023", scenario_dir=folder, save_dir=folder / "mine",
                   chart=False)
    app.choice.value = "low_leakage"  # {2023: 0.10, 2026: 0.03}
    assert app.settings()["leakage_2026"] == pytest.approx(0.03)
    assert app.settings()["leakage_2025"] == pytest.approx(0.10 - 0.14 / 3)
    app.choice.value = "uncertainty_2023"  # leakage triangular(0.05, 0.10, 0.20): central 0.10
    assert app.settings()["leakage_2024"] == pytest.approx(0.10)
    whatif = app.set(leakage_2026=0.05)
    # a series cannot extend a distribution: the path starts at the first model year
    assert whatif.changed == {"routing.leakage": {2019: 0.1, 2026: 0.05, 2030: 0.1}}
    app.name.value, app.note.value = "unc_low_2026", "test"
    # the base lies in another folder than mine/: samen validate would refuse the file there
    # (it reads ../uncertainty_2023.yaml only with --input-root), so the page refuses it too
    assert app.save() is None and "alleen met --input-root" in app.status.value
    assert not (folder / "mine" / "unc_low_2026.yaml").exists()
    app.save_dir = folder
    saved = app.save()
    assert saved is not None and read_yaml(saved.path)["extends"] == "uncertainty_2023.yaml"
    assert saved.value("demand.inflow_per_1000").kind == "normal"  # the rest keeps its ranges


def test_a_save_outside_the_scenarios_extends_the_shipped_base_by_name(tmp_path: Path,
                                                                        capsys) -> None:
    app = Explorer("realised_2023", scenario_dir=ROOT / "scenarios",
                   save_dir=tmp_path / "mine", chart=False)
    app.set(leakage_2025=0.15)
    app.name.value, app.note.value = "analist_weglek", "weglek 15% in 2025"
    saved = app.save()
    assert saved is not None, app.status.value
    assert read_yaml(saved.path)["extends"] == "realised_2023"  # found from any folder
    assert main(["validate", str(saved.path)]) == 0  # no --input-root needed
    assert capsys.readouterr().out.startswith(f"ok: {saved.path}")


def test_name_and_note_reach_the_kernel_whole_before_the_click(tmp_path: Path) -> None:
    """A change per keystroke let a click right after typing overtake the last letters; the
    boxes send their text when they lose focus, which the press of the button causes first
    (the browser test types a name and clicks at once)."""
    app = Explorer("realised_2023", scenario_dir=ROOT / "scenarios", save_dir=tmp_path,
                   chart=False, uncertainty=None)
    assert app.name.continuous_update is False and app.note.continuous_update is False
    app.set(caseload=9.0)
    app.note.value, app.name.value = "test", "analist_weglek"
    app.clicked()
    assert [p.name for p in tmp_path.glob("*.yaml")] == ["analist_weglek.yaml"]


def test_percent_boxes_read_whole_percents(folder: Path) -> None:
    """A share's slider runs in percent: typing 5 (or "5%", which the box reads as 5) is 5%."""
    app = Explorer("realised_2023", scenario_dir=folder, chart=False, uncertainty=None)
    assert app.sliders["budget_cut"].max == pytest.approx(25.0)  # 0-25%
    assert app.sliders["leakage_2024"].value == pytest.approx(10.0)  # realised_2023: 10%
    app.sliders["budget_cut"].value = 5  # what the box sends for "5" or "5%"
    assert app.settings()["budget_cut"] == pytest.approx(0.05)
    assert app.whatif.changed == {"savings.budget_cut_share": pytest.approx(0.05)}
    assert "(%)" in app.sliders["budget_cut"].description


def test_the_band_follows_the_levers(folder: Path) -> None:
    """The 5-95% band is a Monte Carlo of uncertainty_2023 with the levers as set: at the base
    it is that scenario's own Monte Carlo (same draws, same seed); more leakage in 2024 raises
    the 95th percentile of the 2024 square deviation."""
    from samen_model.analysis.monte_carlo import monte_carlo
    from samen_model.products.explorer.whatif import BAND_DRAWS, BAND_SEED

    app = Explorer("realised_2023", scenario_dir=folder, chart=False)
    years = list(app.band.years)
    mc = monte_carlo(load_scenario(folder / "uncertainty_2023.yaml"), draws=BAND_DRAWS,
                     seed=BAND_SEED)
    assert app.band.shortfall[years.index(2025)] == pytest.approx(
        mc.shortfall_probability.loc[2025])
    assert "data-key='p95' data-year='2024'" in app.band_box.value
    before = app.band.high["square_deviation_eur"][years.index(2024)]
    app.set(leakage_2024=0.30)
    after = app.band.high["square_deviation_eur"][years.index(2024)]
    assert after > before + 100_000
    # the lever fixes the leakage (its distribution gives way), the other ranges stay
    leakage = app.band.scenario.value("routing.leakage")  # a path from the first year
    assert isinstance(leakage, dict) and leakage[2024] == pytest.approx(0.3)
    assert app.band.scenario.value("demand.inflow_per_1000").kind == "normal"


def test_english_labels(folder: Path) -> None:
    app = Explorer("realised_2023", language="en", scenario_dir=folder, chart=False)
    assert app.sliders["caseload"].description == "Clients per FTE"
    assert app.sliders["leakage_2024"].description == "Leakage 2024 (%)"
    assert "key figure" in app.key_figures.value and "Save as scenario" == \
        app.save_button.description
    assert {lv.key for lv in LEVERS} == set(app.sliders)


def test_writer_validates_before_anything_is_in_place(folder: Path, realised) -> None:
    from samen_model import ScenarioError
    from samen_model.scenario.writer import variant, write_variant

    base = load_scenario(folder / "realised_2023.yaml")
    with pytest.raises(ScenarioError) as err:  # a share above 1
        write_variant(folder / "bad.yaml", base, {"routing.leakage": 1.5}, "test")
    assert "bad.yaml: parameters.routing.leakage.value: a share between 0 and 1" in str(err.value)
    assert not (folder / "bad.yaml").exists() and not list(folder.glob(".bad*"))
    # what the explorer runs live is what the file loads as (same merge, same hash)
    values = {"routing.leakage": {2025: 0.3}, "costs.cost_per_fte_eur": 61_000.0}
    saved = write_variant(folder / "good.yaml", base, values, "a note")
    assert variant(base, values, name="good", source="a note").hash == saved.hash
    assert saved.value("routing.leakage") == {2024: 0.1, 2025: 0.3}


def test_hiring_levers(folder: Path, realised) -> None:
    """10% unfilled posts: a plan that does not learn the realised capacity ends the
    transition with fewer staff (about a tenth of 146 FTE); one that learns it (realised_2023's
    setting) hires for the vacancies and ends with the same staff."""
    app = Explorer("realised_2023", scenario_dir=folder, chart=False)
    kf = app.set(vacancy=0.10, capacity_follows=False).key_figures()
    assert -16 < kf.at["fte_end_of_transition", "difference"] < -12
    app.reset()
    kf = app.set(vacancy=0.10).key_figures()
    assert abs(kf.at["fte_end_of_transition", "difference"]) < 0.5
    assert BY_KEY["capacity_follows"].choices() == (True, False)
    settings = {**start_settings(realised), "capacity_follows": False}
    assert changed_values(realised, settings) == {"plan.capacity_follows_realised": False}


def test_the_regime_after_2025_is_a_lever(folder: Path) -> None:
    """realised_2023 runs the realistic budget with WIJ keeping its result (net savings
    2026-2030 +€14.84M, docs/assumptions.md); the t-2 method with WIJ keeping the difference
    gives −€0.57M, and under t2_rule WIJ's result no longer counts (greyed out, not saved)."""
    app = Explorer("realised_2023", scenario_dir=folder, chart=False)
    assert (app.settings()["regime"], app.settings()["wij_result"]) == ("reeel", "kept")
    assert app.sliders["regime"].options[0] == ("t-2-methode loopt door, WIJ houdt het verschil",
                                                "t2_rule")
    assert app.sliders["regime"].description == "Budgetregime na de overgangsperiode"
    base = app.whatif.key_figures().at["net_savings_structural_eur", "base"]
    assert base == pytest.approx(14.84e6, abs=0.01e6)
    whatif = app.set(regime="t2_rule", wij_result="settled")
    assert whatif.changed == {"budget.structural_regime": "t2_rule"}
    assert app.sliders["wij_result"].disabled
    assert whatif.key_figures().at["net_savings_structural_eur", "what_if"] == pytest.approx(
        -0.57e6, abs=0.01e6)
    whatif = app.set(regime="reeel")  # WIJ's result counts again: settled
    assert whatif.changed == {"budget.reeel_wij_result": "settled"}
    assert not app.sliders["wij_result"].disabled
    app.name.value, app.note.value = "reeel_verrekend", "het resultaat van WIJ wordt verrekend"
    saved = app.save()
    assert saved.value("budget.reeel_wij_result") == "settled"
    assert main(["validate", str(saved.path)]) == 0


def test_a_switch_lever_lets_other_youth_care_follow_the_young_people(realised) -> None:
    settings = {**start_settings(realised), "other_care_follows": True}
    assert changed_values(realised, settings) == {
        "costs.other_youth_care_follows_population": True}
    assert BY_KEY["other_care_follows"].choices() == (True, False)


def test_a_lever_is_one_row(realised) -> None:
    """A new lever needs a key, a path and a range (or its choices come from the registry);
    the label defaults to the registry's."""
    from samen_model.products.explorer.levers import Lever

    lever = Lever("shortfall", "capacity.shortfall", unit="choice")
    assert (lever.label("nl"), lever.label("en")) == ("Bij te weinig personeel",
                                                      "When staff fall short")
    assert lever.choices() == ("waiting_list", "overflow")
    with pytest.raises(KeyError, match="unknown levers: shortfall"):  # not one of LEVERS
        changed_values(realised, {"shortfall": "waiting_list"})


def test_the_server_keeps_one_kernel_ready_and_culls_pages_gone() -> None:
    from samen_model.products.explorer.serve import voila_arguments

    args = voila_arguments(port=9000)
    assert {"--preheat_kernel=True", "--pool_size=1", "--Voila.ip=127.0.0.1", "--port=9000",
            "--MappingKernelManager.cull_idle_timeout=120",
            "--MappingKernelManager.cull_connected=False"} <= set(args)
    assert not any("preheat" in a or "pool" in a for a in voila_arguments(pool=0))
