"""Parameter labels (data/parameters.yaml) and parameter values as a reader sees them."""

from __future__ import annotations

from pathlib import Path

import pytest

import samen_model as sm
from samen_model.present import parameters as rp
from samen_model.scenario import labels as lb
from samen_model.scenario.catalogue import CATALOGUE

ROOT = Path(__file__).resolve().parents[1]


def test_every_catalogue_parameter_has_dutch_and_english_labels():
    missing = lb.missing_labels()
    assert not missing, (
        "parameters of the registry without an entry in "
        f"samen_model/data/parameters.yaml (label, description, theme): {missing}")
    for key in CATALOGUE:
        entry = lb.labels().parameters[key]
        assert entry.label["nl"] and entry.label["en"] and entry.description["nl"], key
        assert entry.theme in lb.theme_order(), key


@pytest.fixture(scope="module")
def plan():
    return sm.load_scenario(ROOT / "scenarios" / "plan_2022.yaml")


def value(scenario, path, language="nl"):
    return rp.value_text(scenario.params[path], scenario, language)


def test_values_in_dutch_with_units(plan):
    # plan_2022.yaml: other youth care €46M (2021 prices), tranches 2.5M / 1M / 0.5M
    assert value(plan, "costs.other_youth_care_eur") == "€ 46,0 mln per jaar (prijzen 2021)"
    assert value(plan, "incidental.tranches_eur") == \
        "2022: € 2,5 mln; 2023: € 1,0 mln; 2024: € 0,5 mln"
    assert value(plan, "budget.ict_share") == "4,9% van het budget"
    assert value(plan, "costs.overhead_share") == "12% van de loonkosten"
    assert value(plan, "population.growth_after_data") == "0,63% per jaar"
    assert value(plan, "capacity.caseload_per_fte") == "8 cliënten per fte"
    assert value(plan, "time.samen_start_year") == "2023"
    assert value(plan, "plan.leakage_follows_realised") == "nee"
    assert value(plan, "budget.structural_regime") == \
        "reëel budget uit de werkelijke kosten van het laatste overgangsjaar"
    assert value(plan, "costs.other_youth_care_eur", "en") == "€46.0M a year (2021 prices)"
    realised = sm.load_scenario(ROOT / "scenarios" / "high_leakage.yaml")
    assert value(realised, "routing.leakage") == "2023: 10%; 2024: 25% van de nieuwe hulpvragen"


def test_distributions_in_words():
    unc = sm.load_scenario(ROOT / "scenarios" / "uncertainty_2023.yaml")
    assert value(unc, "routing.leakage") == ("driehoeksverdeling van 5% tot 20%, meest "
                                             "waarschijnlijk 10% van de nieuwe hulpvragen")
    assert value(unc, "routing.first_year_uptake") == "bètaverdeling, gemiddeld 82%"  # 41/50


def test_register_is_grouped_by_theme_with_labels_and_sources(plan):
    rows = rp.register_rows(plan)
    assert len(rows) == len(plan.params)
    themes = [r.theme for r in rows]
    order = lb.theme_order()
    assert themes == sorted(themes, key=order.index)
    by_path = {r.path: r for r in rows}
    assert by_path["products.family_guidance.price_eur_per_client_year"].label == \
        "Gezinsbegeleiding: tarief"
    assert by_path["routing.step_up_share"].basis == "estimate"
    assert by_path["budget.ict_share"].basis == "document"
    assert by_path["budget.ict_share"].source.startswith(
        "Kaders van de opdracht en financiën (31 augustus 2022), §8")
    for r in rows:
        assert "." not in r.label.split(":")[0] or "SAMEN." in r.label, r.label


def test_differing_rows_name_scenarios_by_title():
    main = sm.load_scenario(ROOT / "scenarios" / "realised_2023.yaml")
    cut = sm.load_scenario(ROOT / "scenarios" / "savings_budget_cut.yaml")
    rows = rp.differing_rows([main, cut], main)
    assert rows == [{"Scenario": cut.title, "Aanname": "Taakstelling op het budget",
                     # 2025: the base value, kept before the series starts (docs/assumptions.md)
                     "Waarde in dit scenario":
                         "2025: 0%; 2026: 5%; 2028: 10% van het getoetste budget",
                     "Waarde in het hoofdscenario": "0% van het getoetste budget"}]


def test_malformed_labels_file_is_refused(tmp_path):
    bad = tmp_path / "labels.yaml"
    bad.write_text("schema_version: 1\nthemes: {time: {nl: Tijd, en: Time}}\nparameters:\n"
                   "  time.no_such: {theme: time, nl: {label: a, description: b}, "
                   "en: {label: a, description: b}}\n", encoding="utf-8")
    with pytest.raises(lb.LabelError, match=r"parameters\.time\.no_such: a key of the "
                       "parameter registry"):
        lb.load_labels(bad)


def test_every_choice_value_has_words() -> None:
    """A switch (``choice`` parameter) is shown in words, never as its code value."""
    from samen_model.present.parameters import CHOICE_WORDS
    from samen_model.scenario.catalogue import CATALOGUE

    for key, spec in CATALOGUE.items():
        for value in spec.choices or ():
            assert set(CHOICE_WORDS.get(value, {})) == {"nl", "en"}, (key, value)
