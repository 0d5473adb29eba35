"""Scenario discovery (PRIM): recovery of a known box, the uncertainty_2023 overrun box, the
plain-words text, bad input and ``samen discover``. Money in EUR, shares as fractions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from samen_model import SamenInputError, load_scenario
from samen_model.analysis.discovery import choose_step, discover, find_box
from samen_model.cli.commands import main
from samen_model.present.charts.discovery import box_chart, tradeoff_chart
from samen_model.present.tables import discovery as dt

ROOT = Path(__file__).resolve().parents[1]


def _synthetic(n: int = 4000, noise: float = 0.0, seed: int = 3) -> tuple[pd.DataFrame,
                                                                          np.ndarray]:
    """Four uniform parameters on [0, 1]; cases of interest: a > 0.6 and b < 0.3 (mass 0.12),
    with a share ``noise`` of the labels flipped."""
    rng = np.random.default_rng(seed)
    x = pd.DataFrame(rng.random((n, 4)), columns=["a", "b", "c", "d"])
    y = (x["a"].to_numpy() > 0.6) & (x["b"].to_numpy() < 0.3)
    flip = rng.random(n) < noise
    return x, y ^ flip


@pytest.mark.parametrize("noise", [0.0, 0.03])
def test_prim_recovers_a_known_box(noise: float) -> None:
    x, y = _synthetic(noise=noise)
    trajectory, chosen, limits, _ = find_box(x, y, min_density=0.95)
    # only a and b are restricted, at the true edges within 0.02 (a peel takes 5% of the box)
    assert sorted(limits.index) == ["a", "b"]
    assert limits.at["a", "low"] == pytest.approx(0.6, abs=0.02)
    assert limits.at["a", "high"] == pytest.approx(x["a"].max())
    assert limits.at["b", "high"] == pytest.approx(0.3, abs=0.02)
    assert limits.at["b", "low"] == pytest.approx(x["b"].min())
    assert (limits["qp"] < 1e-6).all()  # both restrictions clearly matter
    # the box is the truth (mass 0.4 * 0.3): coverage = true cases inside / all cases =
    # 0.12(1 - noise) / (0.12(1 - noise) + 0.88 noise), density about 1 - noise
    row = trajectory.loc[chosen]
    expected = 0.12 * (1 - noise) / (0.12 * (1 - noise) + 0.88 * noise)
    assert row["coverage"] == pytest.approx(expected, abs=0.03)
    assert row["density"] >= 0.95 and row["mass"] == pytest.approx(0.12, abs=0.01)
    # the trajectory starts at the whole space and trades coverage for density
    assert trajectory.iloc[0]["mass"] == 1.0 and trajectory.iloc[0]["coverage"] == 1.0
    assert trajectory["density"].iloc[-1] > trajectory["density"].iloc[0]


def test_choose_step_rule() -> None:
    t = pd.DataFrame({"coverage": [1.0, 0.9, 0.7, 0.5], "density": [0.3, 0.6, 0.85, 0.95],
                      "mass": [1, 0.5, 0.3, 0.2], "restricted": [0, 1, 2, 2]})
    assert choose_step(t, 0.8) == 2  # highest coverage with density >= 0.8
    assert choose_step(t, 0.99) == 3  # none reaches it: the densest


@pytest.fixture(scope="module")
def overrun(uncertain):
    """uncertainty_2023: where is the 2023-2025 square deviation above EUR 2M?"""
    return discover(uncertain, "deviation_2023_2025", above=2e6, draws=2000, seed=1)


def test_overrun_box_of_uncertainty_2023(overrun) -> None:
    d = overrun
    assert (d.draws, d.cases, d.output, d.sample) == (2000, int(d.y.sum()), "deviation_2023_2025",
                                                     "prior")
    assert d.y.tolist() == (d.outcome > 2e6).tolist()
    # about 55% of the prior draws overrun by more than EUR 2M (30% with the 11 uncertain
    # inputs before issue 20: step-ups and longer trajectories add to the overrun)
    assert 0.4 < d.share < 0.7
    # the chosen box: density >= 0.8 with the highest coverage, reported with both
    assert d.density >= 0.8 and 0.6 < d.coverage < 1.0
    # coverage and density recomputed by hand from the box limits
    inside = d.inside()
    assert d.y[inside].mean() == pytest.approx(d.density)
    assert (inside & d.y).sum() / d.cases == pytest.approx(d.coverage)
    assert inside.mean() == pytest.approx(d.mass)
    # few clients per FTE and a high cost per FTE make WIJ's staff expensive: an overrun
    caseload, cost = d.limits.loc["capacity.caseload_per_fte"], d.limits.loc[
        "costs.cost_per_fte_eur"]
    assert caseload["low"] == pytest.approx(caseload["sample_low"])  # only an upper limit
    assert 7.0 < caseload["high"] < 9.0  # sampled 6.5-9.5, central 8
    assert cost["high"] == pytest.approx(cost["sample_high"])  # only a lower limit
    assert 50_000 < cost["low"] < 62_000  # sampled 48,000-70,000, central 58,000
    assert list(d.limits.index[:2]) == ["capacity.caseload_per_fte", "costs.cost_per_fte_eur"]


def test_overrun_in_plain_words(overrun) -> None:
    nl, en = dt.discovery_text(overrun, "nl"), dt.discovery_text(overrun, "en")
    assert nl.startswith("Een afwijking gesloten vierkant 2023-2025 boven € 2,0 mln")
    assert "het aantal cliënten per fte hoogstens " in nl
    assert "de kosten per fte (prijzen 2021) minstens € " in nl
    assert f"{overrun.density:.0%}" in nl and "dichtheid" in nl and "dekking" in nl
    assert f"{overrun.coverage:.0%}" in en and "coverage" in en and "2,000 draws" in en
    assert "the number of clients per FTE at most " in en
    table = dt.box_table(overrun, "en")
    assert list(table.columns) == ["from", "to", "sampled from", "sampled to", "quasi-p"]
    trade = dt.tradeoff_table(overrun, "en")
    assert trade.loc[overrun.chosen, "chosen"] == "◀"
    for fig in (tradeoff_chart(overrun, "nl", load_scenario(ROOT / "scenarios" /
                                                            "uncertainty_2023.yaml")),
                box_chart(overrun, "en")):
        text = " ".join(t.get_text() for t in fig.texts)
        assert "rekenrun" in text or "run " in text  # the provenance line (run key)


def test_a_reader_sees_titles_labels_and_dutch_numbers(overrun, uncertain) -> None:
    nl = dt.discovery_text(overrun, "nl", uncertain)
    assert nl.endswith("Trekkingen uit de verdelingen van scenario Realisatie 2023 met "
                       "onzekerheidsmarges (startgetal 1).")
    assert "uncertainty_2023" not in nl
    # every sampled parameter has a reader's name in both languages, never its path
    for p in overrun.parameters:
        for language in ("nl", "en"):
            assert dt.parameter_label(p, language) != p
    assert dt.parameter_label("capacity.vacancy_rate", "nl") == "het aandeel vacatures"
    assert dt.parameter_label("capacity.fte_at_start", "nl") == "personeel bij de start"
    assert dt.box_table(overrun, "nl").index.name == "aanname"
    # the box chart: caseload (6.5-9.5 clients per FTE) with a decimal comma, cost in euros
    fig = box_chart(overrun, "nl")
    fig.canvas.draw()
    ax = fig.axes[0]
    xs = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    ys = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "7,0" in xs and not any("." in x for x in xs)
    assert ys and all(y.startswith("€ ") for y in ys)
    assert ax.get_xlabel() == "Het aantal cliënten per fte"


def test_other_steps_and_given_values(overrun, uncertain) -> None:
    step = overrun.chosen + 5
    assert overrun.inside(step).sum() < overrun.inside().sum()  # later steps: smaller boxes
    with pytest.raises(SamenInputError, match="step"):
        overrun.box(10_000)
    # a given sample (e.g. a posterior) is used as it is: same numbers, same box
    d = discover(uncertain, "deviation_2023_2025", above=2e6,
                 values={p: overrun.x[p].to_numpy() for p in overrun.parameters})
    assert d.sample == "values" and d.draws == 2000
    np.testing.assert_allclose(d.outcome, overrun.outcome)
    pd.testing.assert_frame_equal(d.limits, overrun.limits)


def test_bad_input(realised, uncertain) -> None:
    with pytest.raises(SamenInputError, match="distribution"):
        discover(realised, above=2e6)
    with pytest.raises(SamenInputError, match="some draws cross"):
        discover(uncertain, above=1e12, draws=100)
    with pytest.raises(SamenInputError, match="exactly one"):
        discover(uncertain, above=1.0, below=2.0)
    with pytest.raises(SamenInputError, match="output"):
        discover(uncertain, "no_such_output", above=1.0)


def test_cli_discover(tmp_path: Path, capsys) -> None:
    out = tmp_path / "disc"
    rc = main(["discover", "uncertainty_2023", "--above", "2e6", "--draws", "500", "--seed",
               "1", "--language", "en", "--out", str(out)])
    assert rc == 0
    text = capsys.readouterr().out
    assert "coverage" in text and "density" in text and "clients per FTE" in text
    box = pd.read_csv(out / "box.csv")  # a plain CSV
    assert "capacity.caseload_per_fte" in set(box["parameter"])
    assert (out / "manifest.json").is_file() and (out / "discovery.txt").is_file()
    # bad input: a non-zero exit and a message naming what was expected, nothing written
    rc = main(["discover", str(ROOT / "scenarios" / "realised_2023.yaml"), "--above", "2e6",
               "--out", str(tmp_path / "none")])
    assert rc != 0 and not (tmp_path / "none").exists()
    assert "distribution" in capsys.readouterr().err
    # neither --above nor --below: usage, exit code 2 (main returns it)
    assert main(["discover", "uncertainty_2023"]) == 2
