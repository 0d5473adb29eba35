"""What the `samen` command prints for a person: labels, euros, "–", widths, help, refusals.

Also that the command starts without importing numpy or pandas (the modules of a command are
imported when it runs), and that the defaults the help shows are the analysis layer's own.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from samen_model import cli
from samen_model.cli import common

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
RAW = re.compile(r"\b[a-z]+(_[a-z0-9]+)+_eur\b")  # a raw column name such as deviation_..._eur
EXPONENT = re.compile(r"\d[eE][+-]\d")  # -1.289e+05


def test_compare_prints_labels_euros_and_a_dash_at_the_terminal_width(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    names = ["plan_2022", "realised_2023", "high_leakage", "low_leakage", "staff_shortage",
             "savings_budget_cut"]
    assert cli.main(["compare", *names]) == 0
    out = capsys.readouterr().out
    assert "Square deviation 2023-2025" in out and "Payback year" in out
    assert not RAW.search(out) and "NaN" not in out and "nan" not in out
    # high_leakage: the square deviation 2023-2025 is € 2.27 million (docs: 25% leakage)
    # (columns that do not fit continue in a block below: the rows of every block together)
    row = " ".join(line for line in out.splitlines() if line.startswith("Square deviation"))
    assert "€2.27M" in row and "−€3.63M" in row  # plan_2022: an underrun of € 3.63 million
    payback = " ".join(line for line in out.splitlines() if line.startswith("Payback year"))
    # under the reëel budget after 2025 (the default): plan_2022 pays back in 2026,
    # high_leakage in 2029 (under the t-2 rule plan_2022 never did)
    assert "2026" in payback and "2029" in payback
    # the budget regime after the transition by name, as a row of the key figures
    regime = [line for line in out.splitlines() if line.startswith("Budget regime after")]
    assert regime and all("reëel, WIJ keeps result" in line for line in regime)
    assert max(len(line) for line in out.splitlines() if "(#" not in line) <= 80
    assert "realised_2023: Realisatie 2023 (afgestemd op de evaluatie)" in out


def test_compare_in_dutch(capsys):
    assert cli.main(["compare", "plan_2022", "high_leakage", "--language", "nl"]) == 0
    out = capsys.readouterr().out
    assert "Afwijking gesloten vierkant 2023-2025" in out and "€ 2,27 mln" in out


def test_uncertainty_prints_euros_and_percentages_not_exponents(capsys):
    assert cli.main(["uncertainty", "uncertainty_2023", "--draws", "500", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert not EXPONENT.search(out) and not RAW.search(out) and "NaN" not in out
    assert "Square deviation 2023-2025" in out and "−€" in out and "%" in out
    assert "square_exceeded" not in out and "Square exceeded 2023-2025 (overrun)" in out


@pytest.mark.parametrize("argv", [
    ["tornado", "uncertainty_2023"],
    ["explain", "realised_2023", "high_leakage"],
    ["sobol", "uncertainty_2023", "--n", "32", "--output", "net_savings_2026_2030"],
])
def test_analysis_commands_print_no_exponents(capsys, argv):
    assert cli.main(argv) == 0
    out = capsys.readouterr().out
    assert not EXPONENT.search(out) and "NaN" not in out


def test_cell_formats_a_value_for_a_person():
    assert common.cell(-128_900.4, money=True) == "−€128,900"
    assert common.cell(-128_900.4, money=True, language="nl") == "−€ 128.900"
    assert common.cell(float("nan")) == "–" and common.cell(pd.NA) == "–"
    assert common.cell(0.4463, kind="share") == "44.6%"
    assert common.cell(2029.0, kind="year") == "2029"
    assert common.cell(0.0776) == "0.0776" and common.cell(58_000.0) == "58,000"


def test_breakeven_out_writes_the_answer_with_provenance(tmp_path, capsys):
    from samen_model.analysis.breakeven import breakeven
    from samen_model.scenario.scenario import load_scenario

    out = tmp_path / "be"
    assert cli.main(["breakeven", "savings_budget_cut", "--parameter", "routing.leakage",
                     "--target", "net_savings_2026_2030", "--from-year", "2026",
                     "--out", str(out)]) == 0
    table = pd.read_csv(out / "breakeven.csv")
    r = breakeven(load_scenario(SCENARIOS / "savings_budget_cut.yaml"), "routing.leakage",
                  "net_savings_2026_2030", from_year=2026)
    # under the reëel budget after 2025 net savings 2026-2030 reach zero at about 45% leakage
    # from 2026 and stay 0 above it (the budget capped at the open-house cost that lapses):
    # a stretch, not a break-even value
    assert r.flat and 0.4 < r.flat_from < 0.5 and r.flat_to == 1.0
    assert table.loc[0, "flat_from"] == pytest.approx(r.flat_from)
    assert pd.isna(table.loc[0, "value"]) and "(the cap)" in table.loc[0, "message"]
    assert "the result stays 0 (the cap); WIJ carries the deficit" in capsys.readouterr().out
    assert (out / "manifest.json").is_file()


@pytest.mark.parametrize(("argv", "field"), [
    (["run", "realised_2023", "--draws", "100"], "--draws"),
    (["uncertainty", "realised_2023"], "<scenario>"),
])
def test_monte_carlo_on_a_scenario_without_distributions_is_refused_in_plain_words(
        capsys, argv, field):
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert f": {field}: " in err and "realised_2023 has none" in err
    assert "uncertainty_2023" in err
    assert "sample=True" not in err and "draws=1" not in err and "draws > 1" not in err


def test_every_command_has_a_description_and_shows_its_defaults():
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.choices and "run" in a.choices)
    for name, p in sub.choices.items():
        text = p.format_help()
        assert p.description, name
        for action in p._actions:
            if action.option_strings and action.default not in (None, False, "==SUPPRESS=="):
                assert "default" in (action.help or "") or "(default: " in text, \
                    (name, action.option_strings)
    def flat(name: str) -> str:
        return " ".join(sub.choices[name].format_help().split())

    assert "Monte Carlo draws (default: 10,000)" in flat("uncertainty")
    assert "the same seed gives the same numbers (default: 0)" in flat("run")


def test_defaults_shown_are_the_analysis_layers_own():
    from samen_model.analysis import breakeven, discovery, outputs
    from samen_model.analysis.calibration import fit as calibration
    from samen_model.analysis.calibration import weights as calibration_weights
    from samen_model.cli import analysis as cli_analysis
    from samen_model.cli import calibrate as cli_calibrate
    from samen_model.cli import discover as cli_discover

    assert cli_analysis.OUTPUT_NAMES == tuple(outputs.OUTPUT_NAMES)
    assert cli_analysis.TARGETS == tuple(breakeven.TARGETS)
    assert cli_discover.DEFAULT_DRAWS == discovery.DEFAULT_DRAWS
    assert cli_discover.DEFAULT_MIN_DENSITY == discovery.DEFAULT_MIN_DENSITY
    assert cli_calibrate.DEFAULT_DRAWS == calibration.DEFAULT_DRAWS
    assert cli_calibrate.DEFAULT_SAMPLE_SIZE == calibration.DEFAULT_SAMPLE_SIZE
    assert cli_calibrate.MIN_ESS == calibration_weights.MIN_ESS


def test_help_and_version_import_no_heavy_library():
    code = ("import sys\nfrom samen_model.cli import main\n"
            "for argv in (['--help'], ['--version'], ['run', '--help']):\n"
            "    assert main(argv) == 0\n"
            "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'numba', 'matplotlib', 'yaml')\n"
            "             if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_dutch_output_is_dutch(capsys):
    """With --language nl the first lines, column names, groups and method sentence are Dutch."""
    assert cli.main(["run", "realised_2023", "--language", "nl"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.endswith(": 1 trekking(en), seed 0, centrale waarden"), first
    assert cli.main(["explain", "realised_2023", "population_decline", "--language", "nl"]) == 0
    out = capsys.readouterr().out
    assert "(verschil € 348.751); exacte Shapley-waarden over 1 groep(en)" in out
    for english in ("group", "contribution", "share_of_total", "scalar", "False",
                    "prices_and_index", "difference"):
        assert english not in out, english
    # population_decline differs in the population and in other youth care following it:
    # both are volume (one group, all of the difference)
    assert "volume (aantal jeugdigen)" in out and "100,0%" in out
    assert cli.main(["measure-next", "uncertainty_2023", "--draws", "400", "--top", "1",
                     "--language", "nl"]) == 0
    out = capsys.readouterr().out
    assert "400 trekking(en), seed 0; niet-parametrische regressie" in out
    assert "nonparametric" not in out


def test_measure_next_defaults_to_english_like_the_others(capsys):
    assert cli.main(["measure-next", "uncertainty_2023", "--draws", "400", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "400 draw(s), seed 0; nonparametric regression" in out
    assert "Net savings 2026-2030 (nominal)" in out


def test_uncertainty_names_the_staff_shortfall_without_a_waiting_list(capsys):
    """In overflow mode there is no waiting list: the chance is of too few staff."""
    assert cli.main(["uncertainty", "uncertainty_2023", "--draws", "300", "--language",
                     "nl"]) == 0
    out = capsys.readouterr().out
    assert "P(wachtlijst)" not in out
    assert any(line.startswith("Kans op te weinig personeel  ") for line in out.splitlines())


def test_a_year_default_is_shown_without_a_thousands_separator():
    help_text = " ".join(cli.build_parser()._subparsers._group_actions[0]
                         .choices["uncertainty"].format_help().split())
    assert "below zero (default: 2030)" in help_text and "2,030" not in help_text


def test_validate_and_run_give_the_extra_money_in_nominal_euros(tmp_path, capsys):
    """extra_money.amount_eur is in 2021 prices: €1M a year pays €1.25M in 2026 rising to
    €1.41M in 2030 (indexed like the cost per FTE, about 3% a year from 2021)."""
    assert cli.main(["validate", "extra_prevention"]) == 0
    out = capsys.readouterr().out
    assert ("extra money: €1.00M a year in 2021 prices is €1.25M in 2026 to €1.41M in 2030 "
            "nominal") in out
    assert cli.main(["run", "extra_prevention", "--language", "nl"]) == 0
    assert "€ 1,00 mln per jaar in prijzen 2021 wordt nominaal € 1,25 mln in 2026 tot " \
           "€ 1,41 mln in 2030" in capsys.readouterr().out
    assert cli.main(["validate", "realised_2023"]) == 0  # no extra money: nothing said
    assert "extra money" not in capsys.readouterr().out


def test_extra_money_of_one_euro_gets_a_warning(tmp_path, capsys):
    path = tmp_path / "tiny.yaml"
    path.write_text("schema_version: 1\nextends: extra_prevention\nparameters:\n  extra_money:\n"
                    "    amount_eur: {value: 1, source: 'what-if: 1 mln bedoeld'}\n",
                    encoding="utf-8")
    assert cli.main(["validate", str(path)]) == 0  # a warning, not an error
    captured = capsys.readouterr()
    assert "€1.00 a year in 2021 prices is €1.25 in 2026" in captured.out
    assert captured.err.strip() == (f"warning: {path.resolve()}: parameters.extra_money."
                                    "amount_eur: €1.00 a year; the amount is in euros, not "
                                    "millions (€1M is 1000000)")


def test_tornado_in_dutch(capsys):
    assert cli.main(["tornado", "uncertainty_2023", "--language", "nl"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith(": Netto besparing 2026-2030, balken over het centrale "
                                        "90%-interval")
    assert "waarde laag" in out and "uitslag" in out and "value_low" not in out


def test_payback_median_is_shown_only_where_enough_draws_pay_back():
    """Under the t-2 rule almost no calibrated draw pays back by 2030 (net savings 2026-2030
    are negative in every draw, docs/uncertainty.md): the share is printed, not rounded to 0%,
    and no median year is made of a handful of draws. Under the default regime most pay back
    and their median year is shown."""
    import numpy as np

    import samen_model as sm
    from samen_model.analysis import key_figures as kf

    base = sm.load_scenario(Path(__file__).parents[1] / "scenarios" / "calibrated_2023.yaml")
    t2 = base.with_values({"budget.structural_regime": "t2_rule"})
    for scenario, expect_median in ((t2, False), (base, True)):
        result = sm.simulate(scenario, draws=4000, seed=1)
        paid = np.isfinite(kf.arrays(result)["payback_year"]).mean()
        table = common.key_figures_table(result, "nl")
        row = next(r for r in table.index if r.startswith("Terugverdienjaar (nominaal)"))
        median = table.loc[row, "mediaan"]
        assert (paid >= common.PAYBACK_MEDIAN_SHARE) == expect_median
        assert (median != "–") == expect_median, (row, median)
        if not expect_median:
            assert re.search(r"van de (0%|< 0,1%|0,\d%) trekkingen", row), row
        else:
            assert re.fullmatch(r"20\d\d", median)
