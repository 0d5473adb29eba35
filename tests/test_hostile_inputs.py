"""Hostile and careless inputs (issue: never lose a user's files, never hang, never print NaN).

Every case runs ``samen`` in-process and asserts the exit code, the one-line message naming
file, key path and expectation, and that nothing in the test folder was written or deleted
(``bad_input_harness.cli_refuses``). The alias bomb and the interruptions run in a
subprocess with a timeout (a hang fails the test; no timed assertion on speed).
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml
from bad_input_harness import cli_refuses, run_cli

from samen_model.scenario.yaml_reader import read_yaml

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "scenarios" / "plan_2022.yaml"
_TREE = read_yaml(PLAN)
LEAF = {"unit": "x", "description": "d", "source": "estimate: a test"}


def tree() -> dict:
    return copy.deepcopy(_TREE)


def write(folder: Path, name: str, data: dict | str) -> Path:
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def set_value(path: str, value):
    def change(t: dict) -> None:
        node = t["parameters"]
        *parents, last = path.split(".")
        for part in parents:
            node = node[part]
        node[last]["value"] = value
    return change


# ------------------------------------------------- ranges that keep every output finite
P = "parameters."
RANGE_CASES = [
    # (id, parameter, value, key path in the message, words of the expectation)
    ("inflow_trend_minus_one", "demand.inflow_trend", -1.0, "", ("at least -0.9",)),
    ("inflow_trend_minus_095", "demand.inflow_trend", -0.95, "", ("-0.9",)),
    ("growth_after_data_minus_one", "population.growth_after_data", -1.0, "", ("-0.9",)),
    ("growth_series_minus_one", "population.growth_after_data", {2025: 0.0, 2027: -1.0},
     ".2027", ("-0.9",)),
    ("real_growth_minus_one", "costs.other_youth_care_real_growth", -1.0, "", ("-0.9",)),
    ("cost_per_fte_1e307", "costs.cost_per_fte_eur", 1.0e307, "", ("at most 1e+07", "EUR")),
    ("cost_per_fte_inf", "costs.cost_per_fte_eur", float("inf"), "", ("finite",)),
    ("overhead_1e6", "costs.overhead_share", 1e6, "", ("at most 10",)),
    ("caseload_1e_320", "capacity.caseload_per_fte", 1e-320, "", ("between 0.1 and 1000",)),
    ("caseload_1e4", "capacity.caseload_per_fte", 1e4, "", ("between 0.1 and 1000",)),
    ("duration_factor_tiny", "routing.samen_duration_factor", 1e-9, "", ("between 0.01",)),
    ("duration_factor_huge", "routing.samen_duration_factor", 1e9, "", ("and 100",)),
    ("product_duration_tiny", "products.family_guidance.mean_duration_years", 1e-9, "",
     ("between 0.01 and 50",)),
    ("product_price_1e300", "products.family_guidance.price_eur_per_client_year", 1e300, "",
     ("at most 1e+07",)),
    ("step_up_cost_1e300", "routing.step_up_cost_eur_per_case", 1e300, "", ("at most",)),
    ("other_youth_care_1e300", "costs.other_youth_care_eur", 1e300, "", ("at most 1e+11",)),
    ("fte_at_start_1e9", "capacity.fte_at_start", 1e9, "", ("at most 1e+06", "FTE")),
    ("fte_growth_1e12", "capacity.max_fte_growth_per_year", 1e12, "", ("at most 1e+06",)),
    ("inflow_per_1000_5000", "demand.inflow_per_1000", 5000.0, "", ("at most 1000",)),
    ("tranche_1e300", "incidental.tranches_eur", {2022: 1e300}, ".2022", ("at most 1e+11",)),
    ("lognormal_cost_without_high", "costs.cost_per_fte_eur",
     {"dist": "lognormal", "median": 58000.0, "sigma": 0.1}, ".dist", ("upper end", "low/high")),
    ("normal_trend_below_bound", "demand.inflow_trend",
     {"dist": "normal", "mean": 0.0, "sd": 0.5, "low": -0.95, "high": 0.5}, ".dist",
     ("lower end", "-0.9")),
    ("spending_in_return_year", "incidental.spending_eur", {2024: 100000, 2025: 400000},
     ".2025", ("return year 2025", "§8")),
    ("spending_after_return_year", "incidental.spending_eur", {2023: 100000, 2028: 1.0},
     ".2028", ("return year 2025", "Kaders van de opdracht en financiën")),
    ("ova_percent_1000", "index.ova_assumed_pct", 1000.0, "", ("between -50 and 100",)),
]


@pytest.mark.parametrize(("param", "value", "sub", "words"), [c[1:] for c in RANGE_CASES],
                         ids=[c[0] for c in RANGE_CASES])
def test_out_of_range_value_is_refused(tmp_path, param, value, sub, words) -> None:
    t = tree()
    set_value(param, value)(t)
    path = write(tmp_path, "bad.yaml", t)
    cli_refuses(["run", path, "--out", tmp_path / "out"], tmp_path, file=path,
                key=f"{P}{param}.value{sub}", words=words)
    cli_refuses(["validate", path], tmp_path, file=path, key=f"{P}{param}.value{sub}",
                words=words)


# ------------------------------------------------------------------ YAML that costs too much
BOMB = "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip(
    "abcdefgh", "bcdefghi", strict=True))
BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + BOMB

YAML_CASES = [
    # (id, text, key path (or line), words)
    ("alias_bomb", BOMB, "f", ("at most 100,000 values", "aliases")),
    ("recursive_alias_list", "schema_version: 1\nparameters: &p [1, *p]\n", "parameters[1]",
     ("alias inside its own anchor",)),
    ("recursive_alias_map", "schema_version: 1\nparameters: &p {x: *p}\n", "parameters.x",
     ("alias inside its own anchor",)),
    ("nesting_20000_flow", "schema_version: 1\nparameters: " + "[" * 20000 + "]" * 20000 + "\n",
     "line 2", ("nesting at most 32 levels",)),
    ("nesting_40_block", "schema_version: 1\n" + "".join(
        f"{'  ' * i}k{i}:\n" for i in range(40)) + "  " * 40 + "v: 1\n", "line",
     ("nesting at most 32",)),
    ("list_as_key", "schema_version: 1\n? [1, 2]\n: 3\nparameters: {}\n", "<top level>",
     ("plain keys", "not a list")),
    ("mapping_as_key", "schema_version: 1\nparameters:\n  ? {a: 1}\n  : 2\n", "parameters",
     ("plain keys",)),
    ("integer_400_digits", "schema_version: 1\nparameters: {x: " + "7" * 400 + "}\n",
     "parameters.x", ("at most 18 digits", "400 digits")),
    ("integer_19_digits_as_year_key", "schema_version: 1\nparameters: {routing: {leakage: "
     "{value: {" + "2" * 19 + ": 0.1}}}}\n", "parameters.routing.leakage.value",
     ("at most 18 digits",)),
    ("python_object_tag", "schema_version: 1\nparameters: !!python/object:os.system {}\n",
     "line 2", ("valid YAML", "constructor")),
    ("merge_of_a_scalar", "schema_version: 1\nbase: &b 3\nparameters:\n  <<: *b\n", "line",
     ("valid YAML", "merging")),
    ("duplicate_key_beside_merge", "schema_version: 1\nb: &b {x: 1}\nparameters:\n  <<: *b\n"
     "  y: 1\n  y: 2\n", "parameters.y", ("each key once",)),
    ("merge_keys_named_when_refused_later", "schema_version: 1\nb: &b {x: 1}\nparameters:\n"
     "  <<: *b\n", "b", ("no such key",)),
    ("binary_tag", "schema_version: 1\ntitle: !!binary aGVsbG8=\nparameters: {}\n", "title",
     ("string",)),
    ("date_as_schema_version", "schema_version: 2023-01-01\nparameters: {}\n",
     "schema_version", ("integer",)),
]


@pytest.mark.parametrize(("text", "key", "words"), [c[1:] for c in YAML_CASES],
                         ids=[c[0] for c in YAML_CASES])
def test_costly_or_strange_yaml_is_refused(tmp_path, text, key, words) -> None:
    path = write(tmp_path, "bad.yaml", text)
    cli_refuses(["validate", path], tmp_path, file=path.resolve(), key=key, words=words)
    cli_refuses(["run", path, "--out", tmp_path / "out"], tmp_path, file=path.resolve(),
                key=key, words=words)


def test_too_large_a_file_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("schema_version: 1\n# " + "x" * (2 << 20) + "\n", encoding="utf-8")
    cli_refuses(["validate", path], tmp_path, file=path.resolve(), key="<file>",
                words=("at most 1,048,576 bytes",))


def test_merge_keys_are_accepted(tmp_path) -> None:
    """``<<: *anchor`` is safe YAML: the merged keys come first, the mapping's own override."""
    text = PLAN.read_text(encoding="utf-8").replace(
        "  plan:\n    leakage:\n      value: 0.0\n",
        "  plan:\n    leakage:\n      <<: *leak\n      value: 0.0\n").replace(
        "  routing:\n    first_year_uptake:", "  routing:\n    first_year_uptake:", 1)
    text = text.replace("    leakage:\n      value: 0.0\n      unit: fraction of in-scope new "
                        "cases\n", "    leakage: &leak\n      value: 0.0\n      unit: fraction "
                        "of in-scope new cases\n", 1)
    assert "<<: *leak" in text and "&leak" in text
    path = write(tmp_path, "merged.yaml", text)
    code, out, err = run_cli(["validate", path])
    assert code == 0, err
    assert "ok:" in out


# ------------------------------------------------------------------ paths outside the folder


def _copy_plan(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write(folder, "plan_2022.yaml", PLAN.read_text(encoding="utf-8"))


def _variant(folder: Path, extends: str, data_file: str | None = None) -> Path:
    text = f"schema_version: 1\nextends: {extends}\nparameters: {{}}\n"
    if data_file is not None:
        text = (f"schema_version: 1\nextends: {extends}\nparameters:\n  population:\n"
                f"    data_file: {{value: '{data_file}', source: 'cbs-statline: a test export'}}\n")
    return write(folder, "variant.yaml", text)


PATH_CASES = [
    # (id, extends, data_file, key, words)
    ("extends_absolute_outside", str(PLAN), None, "extends", ("inside", "--input-root")),
    ("extends_dotdot_outside", "../elsewhere/plan_2022.yaml", None, "extends", ("inside",)),
    ("extends_etc_passwd", "/etc/passwd", None, "extends", ("inside",)),
    ("data_file_etc_passwd", "plan_2022.yaml", "/etc/passwd",
     "parameters.population.data_file.value", ("inside", "/etc/passwd")),
    ("data_file_dotdot_passwd", "plan_2022.yaml", "../../../../etc/passwd",
     "parameters.population.data_file.value", ("inside",)),
    ("data_file_dotdot_sibling", "plan_2022.yaml", "../elsewhere/pop.csv",
     "parameters.population.data_file.value", ("inside",)),
    ("extends_empty", "\"\"", None, "extends", ("file name of a base scenario",)),
]


@pytest.mark.parametrize(("extends", "data_file", "key", "words"),
                         [c[1:] for c in PATH_CASES], ids=[c[0] for c in PATH_CASES])
def test_paths_outside_the_scenario_folder_are_refused(tmp_path, extends, data_file, key,
                                                       words) -> None:
    folder = tmp_path / "scen"
    _copy_plan(folder)
    _copy_plan(tmp_path / "elsewhere")
    (tmp_path / "elsewhere" / "pop.csv").write_text("year,population_0_17\n2019,1000\n")
    path = _variant(folder, extends, data_file)
    cli_refuses(["validate", path], tmp_path, file=path.resolve(), key=key, words=words)
    cli_refuses(["run", path, "--out", folder / "out"], tmp_path, file=path.resolve(),
                key=key, words=words)


def test_a_symlink_leading_outside_is_refused(tmp_path) -> None:
    folder = tmp_path / "scen"
    _copy_plan(tmp_path / "elsewhere")
    folder.mkdir()
    (folder / "base.yaml").symlink_to(tmp_path / "elsewhere" / "plan_2022.yaml")
    path = _variant(folder, "base.yaml")
    cli_refuses(["validate", path], tmp_path, file=path.resolve(), key="extends",
                words=("inside",))


def test_input_root_allows_a_chosen_folder(tmp_path) -> None:
    folder = tmp_path / "scen"
    folder.mkdir()
    _copy_plan(tmp_path / "elsewhere")
    path = _variant(folder, "../elsewhere/plan_2022.yaml")
    code, out, err = run_cli(["validate", path, "--input-root", tmp_path])
    assert code == 0 and "ok:" in out, err


def test_an_extends_chain_longer_than_the_limit_is_refused(tmp_path) -> None:
    _copy_plan(tmp_path)
    previous = "plan_2022.yaml"
    for i in range(20):
        write(tmp_path, f"v{i}.yaml", f"schema_version: 1\nextends: {previous}\nparameters: {{}}\n")
        previous = f"v{i}.yaml"
    last = tmp_path / "v19.yaml"
    message = cli_refuses(["validate", last], tmp_path, file=None, key="extends",
                          words=("chain of at most 16 files",))
    assert "v19.yaml" in message
    code, _, err = run_cli(["validate", tmp_path / "v10.yaml"])  # 12 files: fine
    assert code == 0, err


# ------------------------------------------------------------------ population data files
GOOD_ROWS = "".join(f"{y},{30000 + y - 2019}\n" for y in range(2019, 2025))
DATA_CASES = [
    # (id, CSV text, key path in the CSV, words): validate and run give the same message
    ("gap_in_years", "year,population_0_17\n2019,30000\n2020,30100\n2022,30300\n", "year",
     ("no gaps", "2021")),
    ("text_count", "year,population_0_17\n2019,thirty thousand\n",
     "population_0_17, line 2", ("a number", "thirty thousand")),
    ("negative_count", "year,population_0_17\n2019,-5\n", "population_0_17, line 2",
     ("non-negative",)),
    ("zero_count", "year,population_0_17\n2019,0\n", "population_0_17, line 2",
     ("positive number",)),
    ("infinite_count", "year,population_0_17\n2019,inf\n", "population_0_17, line 2",
     ("finite number of at most 10,000,000",)),
    ("count_1e308", "year,population_0_17\n2019,1e308\n", "population_0_17, line 2",
     ("at most 10,000,000",)),
    ("nan_count", "year,population_0_17\n2019,nan\n", "population_0_17, line 2",
     ("a number", "'nan'")),
    ("empty_count", "year,population_0_17\n2019,\n", "population_0_17, line 2",
     ("non-negative",)),
    ("duplicate_year", "year,population_0_17\n2019,30000\n2019,30001\n", "year 2019",
     ("each year at most once",)),
    ("header_only", "year,population_0_17\n", "<table>", ("at least one data row",)),
    ("empty_file", "", "<table>", ("header line",)),
    ("year_as_text", "year,population_0_17\nnineteen,30000\n", "year, line 2",
     ("integer year",)),
    ("missing_first_year", "year,population_0_17\n2020,30000\n2021,30100\n", "year",
     ("first model year 2019", "2020-2021")),
    ("missing_column", "year,count\n2019,30000\n", "population_0_17",
     ("a column named population_0_17",)),
    ("too_many_fields", "year,population_0_17\n2019,30000,5\n", "line 2",
     ("2 fields like the header",)),
    ("passwd_like", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/false\n", "year",
     ("a column named year",)),
    ("cbs_missing_age", "Regio's;Perioden;Leeftijd;Bevolking op 1 januari (aantal)\n" + "".join(
        f"Groningen (gemeente);2019;{a} jaar;1800\n" for a in range(17)),
     "Leeftijd, period 2019", ("exactly one row for each single age", "missing [17]")),
    ("cbs_all_zero", "Regio's;Perioden;Leeftijd;Bevolking op 1 januari (aantal)\n" + "".join(
        f"Groningen (gemeente);2019;{a} jaar;0\n" for a in range(18)),
     "Bevolking op 1 januari (aantal), period 2019", ("positive 0-17 total",)),
]


@pytest.mark.parametrize(("csv", "key", "words"), [c[1:] for c in DATA_CASES],
                         ids=[c[0] for c in DATA_CASES])
def test_validate_checks_the_data_file_exactly_as_run(tmp_path, csv, key, words) -> None:
    _copy_plan(tmp_path)
    data = tmp_path / "pop.csv"
    data.write_text(csv, encoding="utf-8")
    path = _variant(tmp_path, "plan_2022.yaml", "pop.csv")
    from_validate = cli_refuses(["validate", path], tmp_path, file=data.resolve(), key=key,
                                words=words)
    from_run = cli_refuses(["run", path, "--out", tmp_path / "out"], tmp_path,
                           file=data.resolve(), key=key, words=words)
    assert from_validate == from_run  # one code path


def test_a_good_data_file_passes_both(tmp_path) -> None:
    _copy_plan(tmp_path)
    (tmp_path / "pop.csv").write_text("year,population_0_17\n" + GOOD_ROWS, encoding="utf-8")
    path = _variant(tmp_path, "plan_2022.yaml", "pop.csv")
    assert run_cli(["validate", path])[0] == 0
    assert run_cli(["run", path])[0] == 0


def test_a_data_file_too_large_is_refused(tmp_path) -> None:
    _copy_plan(tmp_path)
    data = tmp_path / "pop.csv"
    data.write_text("year,population_0_17\n" + "#" * (11 << 20) + "\n", encoding="utf-8")
    path = _variant(tmp_path, "plan_2022.yaml", "pop.csv")
    cli_refuses(["validate", path], tmp_path, file=data.resolve(), key="<file>",
                words=("at most 10,485,760 bytes",))


# ------------------------------------------------------------------ command-line arguments
REALISED = ROOT / "scenarios" / "realised_2023.yaml"
ARG_CASES = [
    # (id, arguments after "run", exit code, key, words)
    ("seed_negative", [REALISED, "--seed", "-1"], 2, "--seed", ("seed from 0",)),
    ("seed_text", [REALISED, "--seed", "abc"], 2, "--seed", ("integer",)),
    ("seed_huge", [REALISED, "--seed", str(2**70)], 2, "--seed", ("seed from 0",)),
    ("draws_zero", [REALISED, "--draws", "0"], 2, "--draws", ("positive integer",)),
    ("draws_text", [REALISED, "--draws", "many"], 2, "--draws", ("positive integer",)),
    ("draws_float", [REALISED, "--draws", "1e6"], 2, "--draws", ("positive integer",)),
    ("unknown_option", [REALISED, "--colour", "red"], 2, "--colour", ("unrecognized",)),
    ("no_scenario", [], 2, "scenario", ("required",)),
    ("draws_one_billion", [REALISED, "--draws", "1000000000"], 1, "--draws",
     ("draws fit in memory", "keep fewer columns")),
    ("draws_ten_million_per_draw", [REALISED, "--draws", "10000000", "--per-draw"], 1,
     "--draws", ("draws fit in memory",)),
    ("unknown_scenario_name", ["no_such_scenario"], 1, "<scenario>",
     ("name of one in", "realised_2023")),
    ("empty_scenario", [""], 1, "<scenario>", ("empty",)),
    ("scenario_is_a_folder", [ROOT / "scenarios"], 1, "<file>", ("existing scenario file",)),
]


@pytest.mark.parametrize(("args", "code", "key", "words"), [c[1:] for c in ARG_CASES],
                         ids=[c[0] for c in ARG_CASES])
def test_bad_arguments_are_refused(tmp_path, args, code, key, words) -> None:
    cli_refuses(["run", *args, "--out", tmp_path / "out"], tmp_path, file=None, key=key,
                words=words, code=code)
    assert not (tmp_path / "out").exists()


def test_help_and_version_exit_zero() -> None:
    code, out, _ = run_cli(["--version"])
    assert code == 0 and out.startswith("samen ")
    code, out, _ = run_cli(["--help"])
    assert code == 0 and "exit codes: 0 ok; 1 bad input" in out and "130 interrupted" in out


def test_every_option_has_help() -> None:
    import argparse

    from samen_model.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, sub in subparsers.choices.items():
        for action in sub._actions:
            assert action.help, f"samen {name} {action.option_strings or action.dest}: no help"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file permissions")
def test_unreadable_scenario_is_refused(tmp_path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = write(tmp_path, "secret.yaml", PLAN.read_text(encoding="utf-8"))
    path.chmod(0)
    cli_refuses(["validate", path], tmp_path, file=path.resolve(), key="<file>",
                words=("readable",))
