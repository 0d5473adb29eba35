"""Bad scenario files: each is refused with one ScenarioError whose message reads
``<file>: <key.path>: <what was expected>``; ``samen run`` on the same file exits 1 with that
one line and writes or deletes nothing (:func:`refuse` checks both).

Most cases take the parsed tree of ``scenarios/plan_2022.yaml``, change one thing and dump it
into ``tmp_path``; YAML-level problems (duplicate keys, syntax errors) are written as raw text.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from bad_input_harness import cli_refuses

from samen_model import ScenarioError, load_scenario
from samen_model.scenario.yaml_reader import read_yaml

SCENARIO_DIR = Path(__file__).resolve().parents[1] / "scenarios"
PLAN = SCENARIO_DIR / "plan_2022.yaml"
_PLAN_TREE = read_yaml(PLAN)


def plan_tree() -> dict:
    """A fresh copy of plan_2022.yaml's parsed tree."""
    return copy.deepcopy(_PLAN_TREE)


def _node(tree: dict, dotted: str) -> tuple[dict, str]:
    *parents, last = dotted.split(".")
    node = tree
    for part in parents:
        node = node[int(part) if part.isdigit() and int(part) in node else part]
    return node, last


def set_at(tree: dict, dotted: str, value) -> None:
    node, last = _node(tree, dotted)
    node[last] = value


def del_at(tree: dict, dotted: str) -> None:
    node, last = _node(tree, dotted)
    del node[last]


def dump(path: Path, tree) -> Path:
    path.write_text(yaml.safe_dump(tree, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def refuse(path: Path, key: str, *words: str) -> ScenarioError:
    """Load ``path``; assert the error names the file, ``key`` and every one of ``words``."""
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    exc = info.value
    msg = str(exc)
    assert Path(exc.file).resolve() == path.resolve(), msg
    assert msg == f"{exc.file}: {exc.field}: {exc.expected}"
    assert msg.startswith(str(path.resolve())), msg
    assert key in exc.field, msg
    assert f": {exc.field}: " in msg
    for word in words:
        assert word.lower() in exc.expected.lower(), msg
    assert "\n" not in msg, msg
    # the command line: exit code 1, the same message, nothing written or deleted
    cli_refuses(["run", path, "--out", path.parent / "out"], path.parent, file=exc.file,
                key=exc.field, words=words)
    assert not (path.parent / "out").exists()
    return exc


# ------------------------------------------------------------------ one change to plan_2022

LEAK = "parameters.routing.leakage"
FAMILY = "parameters.products.family_guidance"


def _leaf(value) -> dict:
    return {"value": value, "unit": "x", "description": "d", "source": "what-if: s"}


def _shift_share(group: str, first: str) -> Callable[[dict], None]:
    def change(t: dict) -> None:
        t["parameters"][group][first]["share_of_new_cases"]["value"] += 0.05
    return change


# (id, change to the tree, key path the message must name, words of the expectation)
TREE_CASES: list[tuple[str, Callable[[dict], None], str, tuple[str, ...]]] = [
    ("unknown_top_level_key", lambda t: set_at(t, "colour", "red"),
     "colour", ("no such key", "schema_version")),
    ("unknown_group", lambda t: set_at(t, "parameters.weather", {}),
     "parameters.weather", ("no such group", "routing")),
    ("unknown_parameter", lambda t: set_at(t, "parameters.routing.speed", _leaf(1.0)),
     "parameters.routing.speed", ("no such parameter", "leakage")),
    ("unknown_key_in_leaf", lambda t: set_at(t, f"{LEAK}.note", "hello"),
     f"{LEAK}.note", ("no such key", "value, unit, description, source")),
    ("unknown_key_in_entity", lambda t: set_at(t, f"{FAMILY}.colour", _leaf(1.0)),
     f"{FAMILY}.colour", ("no such key", "share_of_new_cases")),
    ("missing_source", lambda t: del_at(t, f"{LEAK}.source"),
     f"{LEAK}.source", ("required",)),
    ("wrong_unit", lambda t: set_at(t, f"{FAMILY}.price_eur_per_client_year.unit", "EUR"),
     f"{FAMILY}.price_eur_per_client_year.unit", ("EUR per client-year (price base year)",)),
    ("missing_value", lambda t: del_at(t, "parameters.costs.overhead_share.value"),
     "parameters.costs.overhead_share.value", ("required",)),
    ("source_not_text", lambda t: set_at(t, f"{LEAK}.source", 42),
     f"{LEAK}.source", ("string", "42")),
    ("missing_parameter", lambda t: del_at(t, "parameters.costs.overhead_share"),
     "parameters.costs.overhead_share", ("required",)),
    ("missing_entity_parameter", lambda t: del_at(t, f"{FAMILY}.mean_duration_years"),
     f"{FAMILY}.mean_duration_years", ("required",)),
    ("missing_group", lambda t: del_at(t, "parameters.capacity"),
     "parameters.capacity", ("mapping",)),
    ("empty_products", lambda t: set_at(t, "parameters.products", {}),
     "parameters.products", ("at least one",)),
    ("leaf_not_a_mapping", lambda t: set_at(t, LEAK, 0.1),
     LEAK, ("mapping with value and source",)),
    ("string_for_number", lambda t: set_at(t, "parameters.demand.inflow_per_1000.value", "52"),
     "parameters.demand.inflow_per_1000.value", ("a number", "'52'")),
    ("bool_for_share", lambda t: set_at(t, f"{LEAK}.value", True),
     f"{LEAK}.value", ("a number", "True")),
    ("bool_for_year", lambda t: set_at(t, f"{FAMILY}.samen_entry_year.value", True),
     f"{FAMILY}.samen_entry_year.value", ("integer",)),
    ("text_for_bool", lambda t: set_at(t, "parameters.plan.leakage_follows_realised.value",
                                       "maybe"),
     "parameters.plan.leakage_follows_realised.value", ("true or false",)),
    ("nan", lambda t: set_at(t, "parameters.costs.overhead_share.value", float("nan")),
     "parameters.costs.overhead_share.value", ("finite",)),
    ("infinite_price", lambda t: set_at(t, f"{FAMILY}.price_eur_per_client_year.value",
                                        float("inf")),
     f"{FAMILY}.price_eur_per_client_year.value", ("finite",)),
    ("share_as_percentage", lambda t: set_at(t, f"{LEAK}.value", 20),
     f"{LEAK}.value", ("between 0 and 1 (got 20.0; 20% is 0.20)",)),
    ("growth_as_percentage",
     lambda t: set_at(t, "parameters.population.growth_after_data.value", -1),
     "parameters.population.growth_after_data.value", ("(got -1; -1% is -0.01)",)),
    ("decimal_comma_as_text", lambda t: set_at(t, f"{LEAK}.value", "0,2"),
     f"{LEAK}.value", ("(got '0,2'; a decimal comma? write 0.2)",)),
    ("share_above_one", lambda t: set_at(t, f"{LEAK}.value", 1.5),
     f"{LEAK}.value", ("share between 0 and 1", "1.5")),
    ("negative_share", lambda t: set_at(t, "parameters.routing.first_year_uptake.value", -0.1),
     "parameters.routing.first_year_uptake.value", ("share between 0 and 1",)),
    ("share_outside_in_series", lambda t: set_at(t, f"{LEAK}.value", {2023: 0.1, 2025: 1.2}),
     f"{LEAK}.value.2025", ("share between 0 and 1", "1.2")),
    ("normal_share_without_bounds",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "normal", "mean": 0.1, "sd": 0.05}),
     f"{LEAK}.value.dist", ("share between 0 and 1", "low/high")),
    ("uniform_share_leaving_0_1",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "uniform", "low": -0.1, "high": 0.2}),
     f"{LEAK}.value.dist", ("lower end", "share between 0 and 1")),
    ("uniform_duration_reaching_zero",
     lambda t: set_at(t, f"{FAMILY}.mean_duration_years.value",
                      {"dist": "uniform", "low": 0.0, "high": 1.0}),
     f"{FAMILY}.mean_duration_years.value.dist", ("positive number",)),
    ("negative_price", lambda t: set_at(t, f"{FAMILY}.price_eur_per_client_year.value", -100),
     f"{FAMILY}.price_eur_per_client_year.value", ("non-negative", "EUR")),
    ("zero_duration", lambda t: set_at(t, f"{FAMILY}.mean_duration_years.value", 0),
     f"{FAMILY}.mean_duration_years.value", ("positive number", "years")),
    ("negative_duration", lambda t: set_at(t, f"{FAMILY}.mean_duration_years.value", -0.5),
     f"{FAMILY}.mean_duration_years.value", ("positive number",)),
    ("zero_caseload", lambda t: set_at(t, "parameters.capacity.caseload_per_fte.value", 0),
     "parameters.capacity.caseload_per_fte.value", ("positive",)),
    ("product_shares_not_1", _shift_share("products", "family_guidance"),
     "parameters.products.*.share_of_new_cases", ("sum to 1", "1.05")),
    ("referrer_shares_not_1", _shift_share("referrers", "gp"),
     "parameters.referrers.*.share_of_new_cases", ("sum to 1", "1.05")),
    ("series_year_after_horizon", lambda t: set_at(t, f"{LEAK}.value", {2023: 0.1, 2035: 0.2}),
     f"{LEAK}.value.2035", ("inside the horizon 2019-2030",)),
    ("series_year_before_horizon", lambda t: set_at(t, f"{LEAK}.value", {2010: 0.1}),
     f"{LEAK}.value.2010", ("horizon",)),
    ("series_key_text", lambda t: set_at(t, f"{LEAK}.value", {"2023": 0.1, "2024": 0.2}),
     f"{LEAK}.value.2023", ("calendar year as key", "'2023'")),
    ("series_key_word", lambda t: set_at(t, f"{LEAK}.value", {"next_year": 0.1}),
     f"{LEAK}.value.next_year", ("calendar year as key",)),
    ("series_key_float", lambda t: set_at(t, f"{LEAK}.value", {2023.5: 0.1}),
     f"{LEAK}.value.2023.5", ("calendar year as key",)),
    ("empty_series", lambda t: set_at(t, f"{LEAK}.value", {}),
     f"{LEAK}.value", ("at least one year",)),
    ("series_not_allowed", lambda t: set_at(t, "parameters.routing.first_year_uptake.value",
                                            {2023: 0.8, 2024: 0.9}),
     "parameters.routing.first_year_uptake.value", ("year series are not allowed",)),
    ("distribution_not_allowed",
     lambda t: set_at(t, "parameters.budget.ict_share.value",
                      {"dist": "uniform", "low": 0.04, "high": 0.06}),
     "parameters.budget.ict_share.value", ("distributions are not allowed",)),
    ("amounts_not_a_mapping", lambda t: set_at(t, "parameters.incidental.tranches_eur.value",
                                               1000000),
     "parameters.incidental.tranches_eur.value", ("year: amount",)),
    ("triangular_mode_outside",
     lambda t: set_at(t, f"{LEAK}.value",
                      {"dist": "triangular", "low": 0.1, "mode": 0.5, "high": 0.3}),
     f"{LEAK}.value.mode", ("low <= mode <= high",)),
    ("unknown_distribution",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "gamma", "shape": 2.0}),
     f"{LEAK}.value.dist", ("one of uniform, triangular", "'gamma'")),
    ("distribution_missing_parameter",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "triangular", "low": 0.1, "mode": 0.2}),
     f"{LEAK}.value.high", ("needs high, low, mode", "missing: high")),
    ("distribution_unknown_parameter",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "uniform", "low": 0.1, "high": 0.2,
                                           "mode": 0.15}),
     f"{LEAK}.value.mode", ("no such key for a uniform",)),
    ("distribution_low_above_high",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "uniform", "low": 0.3, "high": 0.2}),
     f"{LEAK}.value.low", ("low <= high",)),
    ("normal_zero_sd",
     lambda t: set_at(t, "parameters.demand.inflow_per_1000.value",
                      {"dist": "normal", "mean": 52, "sd": 0, "low": 40, "high": 60}),
     "parameters.demand.inflow_per_1000.value.sd", ("positive standard deviation",)),
    ("distribution_text_parameter",
     lambda t: set_at(t, f"{LEAK}.value", {"dist": "uniform", "low": "0.1", "high": 0.2}),
     f"{LEAK}.value.low", ("finite number", "'0.1'")),
    ("schema_version_wrong", lambda t: set_at(t, "schema_version", 2),
     "schema_version", ("1, the only schema version", "got 2")),
    ("schema_version_text", lambda t: set_at(t, "schema_version", "1"),
     "schema_version", ("integer",)),
    ("schema_version_missing", lambda t: del_at(t, "schema_version"),
     "schema_version", ("required",)),
    ("first_year_too_late", lambda t: set_at(t, "parameters.time.first_year.value", 2021),
     "parameters.time.first_year.value", ("budget rule", "2020")),
    ("first_year_not_a_leaf", lambda t: set_at(t, "parameters.time.first_year", 2019),
     "parameters.time.first_year", ("mapping with value",)),
    ("year_not_integer", lambda t: set_at(t, "parameters.time.last_year.value", 2030.5),
     "parameters.time.last_year.value", ("calendar year as an integer",)),
    ("last_year_before_first", lambda t: set_at(t, "parameters.time.last_year.value", 2018),
     "parameters.time.last_year.value", ("after first_year",)),
    ("transition_end_before_start",
     lambda t: set_at(t, "parameters.time.transition_end_year.value", 2022),
     "parameters.time.transition_end_year.value", ("not before samen_start_year 2023",)),
    ("return_year_outside_horizon",
     lambda t: set_at(t, "parameters.incidental.return_year.value", 2031),
     "parameters.incidental.return_year.value", ("inside the horizon",)),
    ("ict_plus_housing_above_1",
     lambda t: (set_at(t, "parameters.budget.ict_share.value", 0.6),
                set_at(t, "parameters.budget.housing_share.value", 0.6)),
     "parameters.budget.housing_share.value", ("ict_share + housing_share <= 1",)),
    ("entity_label_not_text", lambda t: set_at(t, f"{FAMILY}.label_nl", 3),
     f"{FAMILY}.label_nl", ("text label",)),
    ("entity_not_a_mapping", lambda t: set_at(t, FAMILY, "family guidance"),
     FAMILY, ("mapping of parameters",)),
    ("missing_data_file",
     lambda t: set_at(t, "parameters.population.data_file.value", "no_such_population.csv"),
     "parameters.population.data_file.value", ("existing data file", "no_such_population.csv")),
    ("data_file_not_text", lambda t: set_at(t, "parameters.population.data_file.value", 5),
     "parameters.population.data_file.value", ("file path or null",)),
    ("parameters_not_a_mapping", lambda t: set_at(t, "parameters", ["time", "routing"]),
     "parameters", ("dictionary",)),
    ("title_not_text", lambda t: set_at(t, "title", 2022),
     "title", ("string",)),
]


@pytest.mark.parametrize(("change", "key", "words"), [c[1:] for c in TREE_CASES],
                         ids=[c[0] for c in TREE_CASES])
def test_bad_tree(tmp_path: Path, change, key: str, words: tuple[str, ...]) -> None:
    tree = plan_tree()
    change(tree)
    refuse(dump(tmp_path / "bad.yaml", tree), key, *words)


def test_the_unchanged_tree_loads(tmp_path: Path) -> None:
    """The helper itself produces a valid file, so each case fails only for its one change."""
    s = load_scenario(dump(tmp_path / "good.yaml", plan_tree()))
    assert s.value("routing.leakage") == 0.0


# ------------------------------------------------------------------ raw text: YAML problems

MINI = "schema_version: 1\nparameters:\n  routing:\n"


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(MINI + "    leakage:\n      value: 0.1\n    leakage:\n      value: 0.2\n",
                    encoding="utf-8")
    exc = refuse(path, "parameters.routing.leakage", "each key once", "line 4", "line 6")
    assert exc.field == "parameters.routing.leakage"


def test_duplicate_key_inside_a_series(tmp_path: Path) -> None:
    path = tmp_path / "dup_year.yaml"
    path.write_text(MINI + "    leakage:\n      value: {2023: 0.1, 2023: 0.2}\n",
                    encoding="utf-8")
    refuse(path, "parameters.routing.leakage.value.2023", "line 5", "again on line 5")


def test_duplicate_top_level_key_in_a_full_file(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    path = tmp_path / "dup_top.yaml"
    path.write_text(text + "schema_version: 1\n", encoding="utf-8")
    first = next(i for i, line in enumerate(text.splitlines(), 1)
                 if line.startswith("schema_version"))
    last = len(text.splitlines()) + 1
    refuse(path, "schema_version", f"line {first}", f"line {last}")


@pytest.mark.parametrize(("written", "key", "hint"), [
    ("0,2", "2", "write 0.2"), ("0,05", "05", "write 0.05"), ("1,25", "25", "write 1.25")])
def test_a_decimal_comma_in_a_flow_mapping_gets_a_hint(tmp_path: Path, written, key,
                                                       hint) -> None:
    """``{value: 0,2, ...}`` is YAML for ``value: 0`` and a key ``2``: the message says so."""
    path = tmp_path / "comma.yaml"
    path.write_text(MINI + f"    leakage: {{value: {written}, source: 'what-if: x'}}\n",
                    encoding="utf-8")
    refuse(path, f"{LEAK}.{key}", f"keys should be strings (got {key}; a decimal comma? {hint})")


def test_a_series_keeps_its_year_keys(tmp_path: Path) -> None:
    """The comma hint looks only at ``value`` followed by a bare number key: a series is not
    mistaken for one."""
    tree = plan_tree()
    set_at(tree, f"{LEAK}.value", {2023: 0.1, 2025: 0.2})
    assert load_scenario(dump(tmp_path / "series.yaml", tree)).value("routing.leakage") == \
        {2023: 0.1, 2025: 0.2}


def test_the_regime_may_be_spelled_as_the_dutch_text_does(tmp_path: Path) -> None:
    """``reëel`` (the Dutch output's spelling) is the choice ``reeel``."""
    tree = plan_tree()
    set_at(tree, "parameters.budget.structural_regime.value", "reëel")
    s = load_scenario(dump(tmp_path / "regime.yaml", tree))
    assert s.value("budget.structural_regime") == "reeel"
    set_at(tree, "parameters.budget.structural_regime.value", "reel")
    refuse(dump(tmp_path / "bad_regime.yaml", tree), "parameters.budget.structural_regime.value",
           "one of t2_rule, settlement, reeel (got 'reel')")


def test_a_name_of_a_file_in_the_working_folder_gets_a_hint(tmp_path: Path,
                                                            monkeypatch) -> None:
    """`samen run krimp` with ./krimp.yaml present: the names are looked up in the scenario
    folder, so the message asks whether ./krimp.yaml was meant."""
    monkeypatch.chdir(tmp_path)
    dump(tmp_path / "krimp.yaml", plan_tree())
    cli_refuses(["run", "krimp", "--out", tmp_path / "out"], tmp_path, file="krimp",
                key="<scenario>", words=("did you mean ./krimp.yaml?",))


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "syntax.yaml"
    path.write_text(MINI + "    leakage:\n      value: [0.1, 0.2\n    plan: 3\n",
                    encoding="utf-8")
    exc = refuse(path, "line ", "valid YAML")
    assert "column" in exc.field


def test_yaml_bad_indentation(tmp_path: Path) -> None:
    path = tmp_path / "indent.yaml"
    path.write_text("schema_version: 1\n parameters: {}\n", encoding="utf-8")
    refuse(path, "line 2", "valid YAML", "mapping values are not allowed")


def test_yaml_undefined_alias(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text("schema_version: 1\nparameters: *nothing\n", encoding="utf-8")
    refuse(path, "line 2", "valid YAML", "undefined alias")


def test_top_level_a_list(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- schema_version: 1\n- parameters: {}\n", encoding="utf-8")
    refuse(path, "<top level>", "a mapping with schema_version", "got a list")


def test_top_level_a_plain_text(tmp_path: Path) -> None:
    path = tmp_path / "text.yaml"
    path.write_text("just some words\n", encoding="utf-8")
    refuse(path, "<top level>", "mapping", "single text value")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("# nothing here\n", encoding="utf-8")
    refuse(path, "<top level>", "mapping", "empty file")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("schema_version: 1\ntitle: Gezinsbegeleiding \xe9\n".encode("latin-1"))
    refuse(path, "<file>", "UTF-8")


def test_missing_scenario_file(tmp_path: Path) -> None:
    refuse(tmp_path / "nowhere.yaml", "<file>", "existing scenario file")


# ------------------------------------------------------------------ extends


def _copy_plan(tmp_path: Path) -> Path:
    target = tmp_path / "plan_2022.yaml"
    target.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def test_extends_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: no_such_base.yaml\nparameters: {}\n",
                    encoding="utf-8")
    refuse(path, "extends", "existing base scenario file", "no_such_base.yaml")


def test_extends_not_a_file_name(tmp_path: Path) -> None:
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: 3\nparameters: {}\n", encoding="utf-8")
    refuse(path, "extends", "file name of a base scenario")


def test_extends_cycle(tmp_path: Path) -> None:
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("schema_version: 1\nextends: b.yaml\nparameters: {}\n", encoding="utf-8")
    b.write_text("schema_version: 1\nextends: a.yaml\nparameters: {}\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(a)
    exc = info.value
    assert Path(exc.file) == b.resolve()  # b is the file whose extends closes the cycle
    assert exc.field == "extends"
    assert "no cycle" in str(exc) and "a.yaml -> b.yaml -> a.yaml" in str(exc)


def test_extends_itself(tmp_path: Path) -> None:
    a = tmp_path / "self.yaml"
    a.write_text("schema_version: 1\nextends: self.yaml\nparameters: {}\n", encoding="utf-8")
    refuse(a, "extends", "no cycle", "self.yaml -> self.yaml")


def test_bad_override_in_a_variant_names_the_variant(tmp_path: Path) -> None:
    _copy_plan(tmp_path)
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: plan_2022.yaml\nparameters:\n  routing:\n"
                    "    leakage: {value: 1.3, source: 'what-if: too much'}\n", encoding="utf-8")
    refuse(path, f"{LEAK}.value", "share between 0 and 1")


def test_a_value_set_without_source_in_a_variant_is_refused(tmp_path: Path) -> None:
    """The base's source would otherwise be shown as the source of the variant's number."""
    _copy_plan(tmp_path)
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: plan_2022.yaml\nparameters:\n  routing:\n"
                    "    leakage: {value: 0.2}\n", encoding="utf-8")
    refuse(path, f"{LEAK}.source", "a source for the value this file sets", "what-if:")


def test_an_entity_value_without_source_in_a_variant_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: realised_2023\nparameters:\n  products:\n"
                    "    family_guidance:\n      mean_duration_years: {value: 1.5}\n",
                    encoding="utf-8")
    refuse(path, f"{FAMILY}.mean_duration_years.source", "a source for the value")


def test_a_variant_may_change_only_the_source(tmp_path: Path) -> None:
    """A leaf that sets no value (only a better source) needs nothing more."""
    _copy_plan(tmp_path)
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: plan_2022.yaml\nparameters:\n  routing:\n"
                    "    leakage: {source: 'what-if: same value, other reason'}\n",
                    encoding="utf-8")
    assert load_scenario(path).params["routing.leakage"].source == \
        "what-if: same value, other reason"


def test_unknown_key_in_a_variant_names_the_variant(tmp_path: Path) -> None:
    _copy_plan(tmp_path)
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: plan_2022.yaml\nparameters:\n  routing:\n"
                    "    leakge: {value: 0.2, source: 'what-if: typo'}\n", encoding="utf-8")
    refuse(path, "parameters.routing.leakge", "no such parameter")


def test_bad_value_inherited_from_a_base_names_the_base(tmp_path: Path) -> None:
    tree = plan_tree()
    set_at(tree, f"{FAMILY}.mean_duration_years.value", 0.0)
    base = dump(tmp_path / "base.yaml", tree)
    variant = tmp_path / "variant.yaml"
    variant.write_text("schema_version: 1\nextends: base.yaml\nparameters:\n  routing:\n"
                       "    leakage: {value: 0.2, source: 'what-if: x'}\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario(variant)
    exc = info.value
    assert Path(exc.file) == base.resolve()
    assert exc.field == f"{FAMILY}.mean_duration_years.value"
    assert "positive number" in str(exc) and "variant.yaml" in str(exc)


def test_missing_data_file_named_in_a_variant(tmp_path: Path) -> None:
    _copy_plan(tmp_path)
    path = tmp_path / "variant.yaml"
    path.write_text("schema_version: 1\nextends: plan_2022.yaml\nparameters:\n  population:\n"
                    "    data_file: {value: data/pop.csv, source: 'cbs-statline: export'}\n",
                    encoding="utf-8")
    exc = refuse(path, "parameters.population.data_file.value", "existing data file")
    # the path is resolved relative to the file that names it
    assert str((tmp_path / "data" / "pop.csv").resolve()) in exc.expected


# ------------------------------------------------------------------ the command line


def test_cli_validate_exits_non_zero_for_a_bad_file(tmp_path: Path, capsys) -> None:
    try:
        from samen_model import cli
    except ImportError as exc:
        pytest.skip(f"samen_model.cli cannot be imported yet (written separately): {exc}")
    tree = plan_tree()
    set_at(tree, f"{LEAK}.value", 1.5)
    path = dump(tmp_path / "bad.yaml", tree)
    code = cli.main(["validate", str(path)])
    assert code != 0
    err = capsys.readouterr().err
    assert "bad.yaml" in err
    assert f"{LEAK}.value" in err
    assert "share between 0 and 1" in err


def test_unit_and_description_may_be_left_to_the_registry(tmp_path) -> None:
    """A leaf with only value and source takes the registry's unit and description."""
    tree = plan_tree()
    leaf = tree["parameters"]["routing"]["leakage"]
    del leaf["unit"], leaf["description"]
    s = load_scenario(dump(tmp_path / "short.yaml", tree))
    assert s.params["routing.leakage"].unit == "fraction of in-scope new cases"
    assert s.params["routing.leakage"].description.startswith("Share of in-scope new cases")


def test_a_unit_other_than_the_registry_is_refused(tmp_path) -> None:
    """A leaf's unit must be the unit the parameter is computed in: leakage as 'percent' would
    be read as a fraction, so the file is refused and the expected unit named."""
    tree = plan_tree()
    tree["parameters"]["routing"]["first_year_uptake"]["unit"] = "percent"
    refuse(dump(tmp_path / "unit.yaml", tree), "routing.first_year_uptake.unit", "fraction",
           "percent")
