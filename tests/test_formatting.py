"""Dutch and English number formatting (samen_model.present.formatting), including its doctests."""

from __future__ import annotations

import doctest

import pytest

from samen_model.analysis import key_figures as kf
from samen_model.present import formatting as fmt


def test_doctests():
    outcome = doctest.testmod(fmt)
    assert outcome.failed == 0 and outcome.attempted > 10


@pytest.mark.parametrize(("func", "args", "expected"), [
    (fmt.eur, (1234567,), "€ 1.234.567"),
    (fmt.eur, (1234567.49,), "€ 1.234.567"),
    (fmt.eur, (-1234567,), "−€ 1.234.567"),
    (fmt.eur, (0,), "€ 0"),
    (fmt.eur, (-0.4,), "€ 0"),  # no "−€ 0"
    (fmt.eur, (1234.5, 2), "€ 1.234,50"),
    (fmt.eur_mln, (1_234_567, 1), "€ 1,2 mln"),
    (fmt.eur_mln, (-1_234_567, 1), "−€ 1,2 mln"),
    (fmt.eur_mln, (4_279_560, 2), "€ 4,28 mln"),
    (fmt.eur_mln, (1_234_567_890, 1), "€ 1.234,6 mln"),
    (fmt.pct, (0.125,), "12,5%"),
    (fmt.pct, (-0.05, 0), "−5%"),
    (fmt.number, (1234.5, 1), "1.234,5"),
    (fmt.count, (966.6,), "967"),
    (fmt.year, (2023,), "2023"),
    (fmt.year, (2031.0,), "2031"),
    (fmt.eur_auto, (2_500_000,), "€ 2,5 mln"),
    (fmt.eur_auto, (999_949,), "€ 999.949"),
])
def test_dutch(func, args, expected):
    assert func(*args) == expected


@pytest.mark.parametrize(("func", "args", "expected"), [
    (fmt.eur, (1234567,), "€1,234,567"),
    (fmt.eur, (-1234567,), "−€1,234,567"),
    (fmt.eur_mln, (1_234_567, 1), "€1.2M"),
    (fmt.eur_mln, (-1_234_567, 1), "−€1.2M"),
    (fmt.pct, (0.125,), "12.5%"),
    (fmt.number, (1234.5, 1), "1,234.5"),
])
def test_english(func, args, expected):
    assert func(*args, language="en") == expected


@pytest.mark.parametrize("missing", [None, float("nan")])
def test_missing_values_are_a_dash(missing):
    for func in (fmt.eur, fmt.eur_mln, fmt.pct, fmt.year, fmt.count, fmt.eur_auto):
        assert func(missing) == fmt.MISSING


def test_years_have_no_separator():
    assert fmt.year(2030) == "2030" and "." not in fmt.key_figure("payback_year", 2029.0)


def test_key_figures_by_kind():
    assert fmt.key_figure("net_savings_structural_eur", 7_104_000) == "€ 7,10 mln"
    assert fmt.key_figure("young_people_helped_first_year", 977.37) == "977"
    assert fmt.key_figure("fte_end_of_transition", 1464.4, "en") == "1,464"
    # every money figure says whether it is nominal, in 2021 prices or discounted
    assert kf.label("payback_year", "nl") == "Terugverdienjaar (nominaal)"
    assert kf.label("payback_year", "en") == "Payback year (nominal)"
    assert kf.label("payback_year_discounted", "nl") == "Terugverdienjaar (contante waarde, 2,25%)"
    assert "(prijzen 2021)" in kf.label("net_savings_structural_real_eur", "nl")


def test_column_labels_from_dictionary():
    assert fmt.column_label("execution_budget_eur") == "Uitvoeringsbudget WIJ"
    assert fmt.column_label("execution_budget_eur", "en") == "Execution budget (EUR)"
    assert fmt.column_label("fte_samen", "en") == "Fte samen"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language: expected one of nl, en, got 'de'"):
        fmt.eur(1, language="de")
