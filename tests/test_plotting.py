"""Charts: a Figure per function, Dutch/English labels, euro axes, provenance footer; the
uncertainty charts draw the DataFrames of uncertainty/sensitivity as they are."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # no display in tests

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from samen_model.analysis.monte_carlo import monte_carlo  # noqa: E402
from samen_model.analysis.sensitivity import sobol, tornado  # noqa: E402
from samen_model.present import charts as pl  # noqa: E402
from samen_model.present.manifest import manifest  # noqa: E402
from samen_model.products.notebooks import toolkit as nt  # noqa: E402
from samen_model.scenario import labels as lb  # noqa: E402

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


@pytest.fixture(scope="module")
def results(plan_run, realised_run):
    return [realised_run, plan_run]


@pytest.fixture(scope="module")
def info(results):
    return manifest(results)


def texts(fig: Figure) -> str:
    """All text of a drawn figure: titles, tick labels, legends, footer."""
    fig.canvas.draw()
    parts = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        parts += [ax.get_title(), ax.get_xlabel(), ax.get_ylabel()]
        parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        parts += [t.get_text() for t in ax.texts]
        if ax.get_legend():
            parts += [t.get_text() for t in ax.get_legend().get_texts()]
    return "\n".join(parts)


def charts(results, info, language):
    main = results[0]
    return {
        "flows": pl.flows_chart(main, language, info),
        "budget": pl.budget_chart(main, language, info),
        "square": pl.square_chart(main, language, info),
        "providers": pl.provider_chart(main, language, info),
        "deviation": pl.deviation_chart(results, language, info),
        "cumulative": pl.cumulative_savings_chart(results, language, info),
        "key_figure": pl.key_figure_chart(results, "net_savings_structural_eur", language, info),
        "calibration": pl.calibration_chart(nt.calibration_frame(main), language, info),
    }


def test_every_chart_is_a_figure_with_one_provenance_line_and_alt_text(results, info):
    for name, fig in charts(results, info, "nl").items():
        assert isinstance(fig, Figure), name
        text = texts(fig)
        assert f"rekenrun {info['run_key']}" in text.replace("\n", " "), name
        assert results[0].scenario.title in text.replace("\n", " "), name
        assert results[0].scenario.hash not in text.replace("\n", ""), name  # colophon only
        for scenario_name in ("realised_2023", "plan_2022"):
            assert scenario_name not in text, (name, scenario_name)
        alt = pl.alt_text(fig)
        assert len(alt) > 40 and "realised_2023" not in alt, (name, alt)


def test_deviation_chart_marks_the_transition_and_the_largest_swing(results, info):
    fig = pl.deviation_chart(results, "nl", info)
    text = texts(fig)
    # realised_2023 under the reëel budget after 2025 (the default since the regime became a
    # choice): the largest change is from 2024 (+€ 0,06 mln) to 2025 (−€ 1,13 mln), the year
    # whose budget the 1 March recheck raised by € 0,52 mln; 2025 to 2026 is −€ 1,18 mln less
    # steep per year than before (under the t-2 rule the 2026 step was the largest)
    assert "2025: toets 1 maart" in text and "overgang: verrekening" in text
    assert "Gemarkeerd: 2025: toets 1 maart" in pl.alt_text(fig)


def test_dutch_labels_and_euro_axes(results, info):
    figs = charts(results, info, "nl")
    budget = texts(figs["budget"])
    assert "Uitvoeringsbudget WIJ" in budget and "Werkelijke kosten SAMEN." in budget
    assert "mln" in budget and "€ " in budget and "Jaar" in budget
    assert "2023" in budget and "2.023" not in budget  # years without separators
    square = texts(figs["square"])
    assert "Afwijking gesloten vierkant" in square and "Totaal zonder SAMEN." in square
    assert "," in "".join(t.get_text() for t in figs["square"].axes[1].get_yticklabels())
    assert "Jeugdigen geholpen door SAMEN." in texts(figs["flows"])
    # net savings 2026-2030 of realised_2023 under the default reeel regime (t2_rule: −€ 0,57 mln)
    assert "€ 14,84 mln" in texts(figs["key_figure"])


def test_english_labels(results, info):
    text = texts(pl.budget_chart(results[0], "en", info))
    assert "Execution budget (EUR)" in text and "Year" in text and "M" in text
    assert "mln" not in text


def test_footer_without_manifest_builds_one(realised_run):
    fig = pl.deviation_chart([realised_run])
    assert realised_run.scenario.title in texts(fig).replace("\n", " ")
    assert "rekenrun" in texts(fig)


def test_charts_compute_nothing_new(realised_run, info):
    fig = pl.square_chart(realised_run, "nl", info)
    heights = [p.get_height() for p in fig.axes[1].patches]
    start = list(realised_run.years).index(2023)
    assert heights == pytest.approx(list(realised_run.arrays["square_deviation_eur"][start:, 0]))


# ----------------------------------------------------------------------------- uncertainty charts
@pytest.fixture(scope="module")
def summary(uncertain):
    return monte_carlo(uncertain, draws=300, seed=3)


@pytest.fixture(scope="module")
def tornados(uncertain):
    return [tornado(uncertain, o) for o in ("deviation_2023_2025", "net_savings_2026_2030")]


@pytest.fixture(scope="module")
def indices(uncertain):
    return sobol(uncertain, n=32, seed=1)


def test_fan_chart_draws_the_percentiles_as_they_are(summary):
    fig = pl.fan_chart(summary, "cumulative_net_savings_eur", "nl")
    ax = fig.axes[0]
    frame = summary.percentiles.loc["cumulative_net_savings_eur"]
    years, median = ax.lines[0].get_data()
    assert list(years) == list(frame.index[frame.index >= years[0]])
    assert median == pytest.approx(frame.loc[list(years), "p50"].to_numpy())
    band_90, band_50 = (c.get_paths()[0].vertices[:, 1] for c in ax.collections[:2])
    assert band_90.min() == pytest.approx(frame.loc[list(years), "p5"].min())
    assert band_90.max() == pytest.approx(frame.loc[list(years), "p95"].max())
    assert band_50.max() == pytest.approx(frame.loc[list(years), "p75"].max())
    text = texts(fig)
    assert "90%-band (P5–P95)" in text and "50%-band (P25–P75)" in text and "mediaan" in text
    assert "Cumulatieve netto besparing" in text and "300 trekkingen" in text
    assert "seed" not in text and "mln" in text and "rekenrun" in text


def test_fan_chart_starts_where_the_draws_spread_and_speaks_english(summary):
    fig = pl.fan_chart(summary, "square_deviation_eur", "en")
    years = fig.axes[0].lines[0].get_xdata()
    assert years[0] == 2023  # before SAMEN. every draw has a zero deviation
    text = texts(fig)
    assert "median" in text and "90% band" in text and "300 draws" in text and "M" in text


def test_tornado_chart_bars_are_the_table_in_its_order(tornados, info):
    fig = pl.tornado_chart(tornados, "nl", info)
    assert len(fig.axes) == 2
    for ax, table in zip(fig.axes, tornados, strict=True):
        widths = [p.get_width() for p in ax.patches]
        n = len(table)
        assert widths[:n] == pytest.approx(list(table["delta_low"]))
        assert widths[n:] == pytest.approx(list(table["delta_high"]))
        labels = [t.get_text() for t in ax.get_yticklabels()]
        first = lb.label_of(table["parameter"].iloc[0]).label["nl"]
        assert labels[0].startswith(first + " (")  # largest swing on top, by its label
        assert ax.yaxis_inverted()
    text = texts(fig)
    assert "Tornado: Afwijking gesloten vierkant 2023-2025" in text
    assert "Tornado: Netto besparing 2026-2030" in text
    assert "parameter laag (P5)" in text and "verschil met centrale waarde" in text


def test_sobol_chart_bars_and_error_bars_are_the_table(indices):
    fig = pl.sobol_chart(indices, "nl")
    assert len(fig.axes) == 2
    for ax, name in zip(fig.axes, ["deviation_2023_2025", "net_savings_2026_2030"], strict=True):
        part = indices[indices["output"] == name]
        widths = [p.get_width() for p in ax.patches]
        assert widths == pytest.approx([*part["S1"], *part["ST"]])
        assert [t.get_text() for t in ax.get_yticklabels()] == [
            lb.label_of(p).label["nl"] for p in part["parameter"]]
        bars = [c for c in ax.containers if isinstance(c, BarContainer)]
        assert len(bars) == 2 and all(c.errorbar is not None for c in bars)
        segments = bars[0].errorbar.lines[2][0].get_segments()
        assert [s[1, 0] - s[0, 0] for s in segments] == pytest.approx(list(2 * part["S1_conf"]))
    text = texts(fig)
    assert "eerste orde (S1)" in text and "totaal (ST)" in text and "95%" in text
    assert "rekenrun" in text  # footer from the attrs


def test_many_scenarios_keep_the_legend_off_the_data() -> None:
    """With every shipped scenario (15) the legend goes beside the axes: no legend box on the
    axes, the figure's legend right of the plot area, every scenario named in it."""
    names = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
    runs = nt.run_named(names, SCENARIOS)
    for chart in (pl.deviation_chart, pl.cumulative_savings_chart):
        fig = chart(runs, "nl", manifest(runs))
        fig.draw_without_rendering()  # the constrained layout places the legend
        ax = fig.axes[0]
        assert ax.get_legend() is None
        (legend,) = fig.legends
        labels = [t.get_text() for t in legend.get_texts()]
        assert all(r.scenario.title in labels for r in runs)
        box = legend.get_window_extent()
        assert box.x0 >= ax.get_window_extent().x1  # beside the axes, not over the lines
    few = pl.cumulative_savings_chart(runs[:3], "nl", manifest(runs[:3]))
    assert few.axes[0].get_legend() is not None and not few.legends  # a few: inside
