"""Charts: a Figure per function, Dutch/English labels, euro axes, provenance footer."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")  # no display in tests

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from samen_model import notebook_tools as nt  # noqa: E402
from samen_model import plotting as pl  # noqa: E402
from samen_model.manifest import manifest  # noqa: E402


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


def test_every_chart_is_a_figure_with_the_provenance_footer(results, info):
    for name, fig in charts(results, info, "nl").items():
        assert isinstance(fig, Figure), name
        text = texts(fig)
        assert results[0].scenario.hash in text.replace("\n", ""), name
        assert "samen_model" in text, name


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
    assert "€ 0,57 mln" in texts(figs["key_figure"]).replace("−", "")


def test_english_labels(results, info):
    text = texts(pl.budget_chart(results[0], "en", info))
    assert "Execution budget (EUR)" in text and "Year" in text and "M" in text
    assert "mln" not in text


def test_footer_without_manifest_builds_one(realised_run):
    fig = pl.deviation_chart([realised_run])
    assert realised_run.scenario.hash in texts(fig).replace("\n", "")


def test_charts_compute_nothing_new(realised_run, info):
    fig = pl.square_chart(realised_run, "nl", info)
    heights = [p.get_height() for p in fig.axes[1].patches]
    start = list(realised_run.years).index(2023)
    assert heights == pytest.approx(list(realised_run.arrays["square_deviation_eur"][start:, 0]))
