"""Uncertainty as text: the notebook tables (rounded, labelled) and the briefing's 90% sentence."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.present import formatting as fmt
from samen_model.present.text import narrative as na
from samen_model.products.notebooks import toolkit as nt

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


@pytest.fixture(scope="module")
def summary(uncertain):
    return monte_carlo(uncertain, draws=400, seed=5)


def with_interval(summary, output: str, p5: float, p95: float):
    """The summary with the 5th and 95th percentile of one output replaced (EUR)."""
    outputs = summary.outputs.copy()
    outputs.loc[output, ["p5", "p95"]] = [p5, p95]
    return replace(summary, outputs=outputs)


def test_outputs_table_rounds_to_ten_thousand_euros(summary):
    table = nt.mc_outputs_table(summary, "nl")
    assert list(table.columns) == ["gemiddelde", "P5", "P25", "mediaan", "P75", "P95",
                                   "kans < 0"]
    row = table.loc["Netto besparing 2026-2030"]
    assert row["mediaan"] == fmt.eur_mln(summary.outputs.loc["net_savings_2026_2030", "p50"], 2)
    assert row["kans < 0"] == fmt.number(
        summary.outputs.loc["net_savings_2026_2030", "share_below_zero"], 2)
    assert "Cumulative net savings end of 2030" in nt.mc_outputs_table(summary, "en").index


def test_probability_and_payback_tables(summary, uncertain):
    probs = nt.probability_table(summary, uncertain, "nl")
    assert probs.loc["Gesloten vierkant 2023-2025 overschreden", "kans"] == fmt.number(
        summary.probabilities["square_exceeded"], 2)
    assert "Cumulatieve netto besparing eind 2030 onder nul" in probs.index
    payback = nt.payback_table(summary, "en")
    assert payback.index[-1] == "not within horizon" and payback["cumulative"].iloc[-1] == "1.00"
    shares = [float(x) for x in payback["share"]]
    assert sum(shares) == pytest.approx(1.0, abs=0.01 * len(shares))


def test_breakeven_table_with_and_without_a_root():
    rows = nt.run_breakeven(nt.breakeven_cases("uncertainty_2023", "savings_budget_cut"),
                            SCENARIOS)
    table = nt.breakeven_table(rows, "nl")
    # parameters by their labels (data/parameters.yaml), scenarios by their titles
    assert list(table["aanname"]) == ["Weglek", "Taakstelling op het budget", "Weglek"]
    assert set(table["scenario"]) == {"Realisatie 2023 met onzekerheidsmarges",
                                      "Taakstelling op het SAMEN.-budget (5% in 2026, 10% "
                                      "vanaf 2028)"}
    # under the default reeel budget after 2025 net savings 2026-2030 are EUR 14.8M at the
    # central values: a budget cut only adds to them (no root), while enough leakage from 2026
    # takes them to 0 and keeps them there (the reëel budget is then capped at the open-house
    # cost that lapses): a stretch from about 37% (45% with the budget cut), not a root
    assert table["nulpunt"].iloc[1] == "geen nulpunt binnen bereik"
    assert "zoekbereik 0% tot 100%" in table["toelichting"].iloc[1]
    for i, share in ((0, "37%"), (2, "45%")):
        be = rows[i][2]
        assert be.flat and not be.found and be.flat_cause == "reeel_cap"
        assert table["nulpunt"].iloc[i] == (f"vanaf ongeveer {share} blijft de uitkomst € 0 "
                                            "(het plafond); WIJ draagt het tekort")
    assert list(table["vanaf"]) == ["2026", "alle jaren", "2026"]
    assert nt.breakeven_table(rows, "en")["break-even value"].iloc[1] == "no root within range"


@pytest.mark.parametrize(("output", "p5", "p95", "expected"), [
    ("net_savings_2026_2030", 1e6, 3e6,
     "De netto besparing 2026–2030 ligt **met 90% zekerheid tussen € 1,00 mln en € 3,00 mln**"),
    ("net_savings_2026_2030", -3e6, -1e6, "De netto extra kosten van SAMEN. in 2026–2030 "
     "liggen **met 90% zekerheid tussen € 1,00 mln en € 3,00 mln**"),
    ("net_savings_2026_2030", -2e6, 5e5, "ligt **met 90% zekerheid tussen € 2,00 mln extra "
     "kosten en € 0,50 mln besparing**"),
    ("deviation_2023_2025", 1e6, 2e6, "wordt **met 90% zekerheid tussen € 1,00 mln en "
     "€ 2,00 mln overschreden**"),
    ("deviation_2023_2025", -2e6, -1e6, "blijft de gemeente **met 90% zekerheid tussen "
     "€ 1,00 mln en € 2,00 mln binnen**"),
    ("deviation_2023_2025", -1e6, 2e6, "**met 90% zekerheid tussen € 1,00 mln "
     "onderschrijding en € 2,00 mln overschrijding**"),
])
def test_uncertainty_sentence_turns_signs_into_words(summary, output, p5, p95, expected):
    text = na.uncertainty_sentence(with_interval(summary, output, p5, p95), output)
    assert expected in text and fmt.MINUS not in text
    assert "5e tot 95e percentiel van 400 trekkingen met onzekere aannames)" in text
    assert "uncertainty_2023" not in text and "seed" not in text
    titled = na.uncertainty_sentence(with_interval(summary, output, p5, p95), output,
                                     title="Realisatie 2023 met onzekerheidsmarges")
    assert titled.endswith("aannames, scenario Realisatie 2023 met onzekerheidsmarges).")


def test_uncertainty_sentence_in_the_briefing_and_refusals(summary, realised_run):
    text = na.briefing_text([realised_run], "nl", uncertainty=summary)
    assert "met 90% zekerheid tussen" in text
    assert "met 90% zekerheid" not in na.briefing_text([realised_run], "nl")
    english = na.uncertainty_sentence(summary, "deviation_2023_2025", "en")
    assert "with 90% certainty between" in english and "400 draws" in english
    with pytest.raises(ValueError, match="net_savings_\\* or deviation_\\*"):
        na.uncertainty_sentence(summary, "cumulative_net_savings_2030")
    with pytest.raises(ValueError, match="got 'net_savings_2026_2028'"):
        na.uncertainty_sentence(summary, "net_savings_2026_2028")


def test_output_labels():
    assert fmt.output_label("deviation_2023_2025") == "Afwijking gesloten vierkant 2023-2025"
    assert fmt.output_label("net_savings_2026_2028", "en") == "Net savings 2026-2028"
    assert fmt.output_label("settlement_eur:2024-2026", "en") == "Settlement (EUR) 2024-2026"
    assert fmt.output_label("whatever_else") == "whatever else"



def test_uncertain_register_lists_only_the_distributions(uncertain):
    table = nt.uncertain_register_table(uncertain, "nl")
    # uncertainty_2023.yaml: eleven parameters with a distribution (eight on demand, routing,
    # costs and the index; three on hiring), all what-if ranges
    assert len(table) == len(uncertain.uncertain_parameters()) == 26  # every estimate, attrition
    assert list(table.columns) == ["thema", "aanname", "waarde", "soort", "bron"]
    assert "Weglek" in set(table["aanname"]) and set(table["soort"]) == {"wat-als"}
    assert table["waarde"].str.contains("verdeling|verdeeld").all()
