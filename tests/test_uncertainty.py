"""Monte Carlo: seeded reproducibility, percentiles, probabilities, rank correlation."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy import stats

import samen_model as sm
from samen_model.analysis import key_figures as kf
from samen_model.analysis.monte_carlo import monte_carlo, payback_distribution, percentiles_by_year
from samen_model.analysis.outputs import Output, output
from samen_model.scenario.correlations import normal_correlation
from samen_model.scenario.sampling import correlate_uniforms, draw_uniforms, sample_values

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
UNCERTAIN = SCENARIOS / "uncertainty_2023.yaml"
PCTS = (5, 25, 50, 75, 95)


def _with_correlations(tmp_path: Path, entries: str, name: str = "corr.yaml") -> Path:
    # a scenario reads files only inside its own folder: copy the chain it extends beside it
    for base in ("plan_2022", "realised_2023", "uncertainty_2023"):
        (tmp_path / f"{base}.yaml").write_bytes((SCENARIOS / f"{base}.yaml").read_bytes())
    path = tmp_path / name
    path.write_text("schema_version: 1\nextends: uncertainty_2023.yaml\nparameters: {}\n"
                    f"correlations:\n{entries}", encoding="utf-8")
    return path


def test_same_seed_same_numbers_other_seed_other_numbers(uncertain) -> None:
    a = sm.simulate(uncertain, draws=300, seed=11)
    b = sm.simulate(uncertain, draws=300, seed=11)
    c = sm.simulate(uncertain, draws=300, seed=12)
    for name in ("square_deviation_eur", "net_savings_eur", "fte_samen"):
        np.testing.assert_array_equal(a.arrays[name], b.arrays[name])
    assert not np.array_equal(a.arrays["net_savings_eur"], c.arrays["net_savings_eur"])
    m1, m2 = monte_carlo(uncertain, 300, seed=11), monte_carlo(uncertain, 300, seed=11)
    assert m1.percentiles.equals(m2.percentiles) and m1.outputs.equals(m2.outputs)
    assert not m1.outputs.equals(monte_carlo(uncertain, 300, seed=12).outputs)


def test_percentiles_of_a_known_distribution(uncertain) -> None:
    """Triangular(0.05, 0.10, 0.20) leakage: sample percentiles match the exact quantiles."""
    n = 100_000
    leak = sample_values(uncertain, n, seed=3)["routing.leakage"]
    got = percentiles_by_year(leak[None, :], PCTS)[0]
    want = stats.triang(c=0.5 / 1.5, loc=0.05, scale=0.15).ppf(np.array(PCTS) / 100)
    # standard error of a quantile: sqrt(p(1-p)/n)/density, at most ~4e-4 here; allow 5 se
    np.testing.assert_allclose(got, want, atol=2e-3)
    assert leak.min() >= 0.05 and leak.max() <= 0.20


def test_percentiles_by_year_matches_numpy() -> None:
    rng = np.random.default_rng(0)
    for n in (1_001, 60_000):  # the plain and the threaded branch
        a = rng.normal(size=(4, n))
        np.testing.assert_allclose(percentiles_by_year(a, PCTS),
                                   np.percentile(a, PCTS, axis=1).T)


def test_monte_carlo_probabilities_match_the_draws(uncertain) -> None:
    draws, seed = 2_000, 5
    mc = monte_carlo(uncertain, draws, seed, savings_year=2029)
    r = sm.simulate(uncertain, draws=draws, seed=seed)
    dev = r.total_over("square_deviation_eur", 2023, 2025)
    cum = r.arrays["cumulative_net_savings_eur"][list(r.years).index(2029)]
    assert mc.probabilities["square_exceeded"] == pytest.approx(np.mean(dev > 0))
    assert mc.probabilities["cumulative_net_savings_below_zero_2029"] == \
        pytest.approx(np.mean(cum < 0))
    assert 0 < mc.probabilities["square_exceeded"] < 1
    assert mc.payback["share"].sum() == pytest.approx(1.0)
    never = mc.payback.loc[mc.payback["payback_year"] == "not within horizon", "share"].item()
    assert never == pytest.approx(np.mean(np.isnan(r.payback_year)))
    np.testing.assert_allclose(mc.percentiles.loc["net_savings_eur"].to_numpy(),
                               np.percentile(r.arrays["net_savings_eur"], PCTS, axis=1).T)
    assert mc.outputs.loc["deviation_2023_2025", "p50"] == pytest.approx(np.median(dev))


def test_payback_distribution_gives_the_share_paid_back_by_each_year() -> None:
    years = np.arange(2023, 2031)
    table = payback_distribution(np.array([2025.0, 2025.0, np.nan, 2030.0]), years)
    assert table["payback_year"].tolist() == [str(y) for y in years] + ["not within horizon"]
    assert table["share"].tolist() == [0, 0, 0.5, 0, 0, 0, 0, 0.25, 0.25]
    # by the end of each year: none, none, half, ..., three quarters by 2030; a quarter never
    assert table["cumulative_share"].tolist() == [0, 0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.75, 1.0]


def test_payback_median_only_among_draws_that_pay_back() -> None:
    """Four draws, three never pay back: the median payback year is not 2025 (what a median
    that drops the draws without payback says) but 'not within the horizon'; the median among
    those that pay back is reported apart, labelled as such."""
    from samen_model.model.results import median_payback_year, paid_back_by_year

    payback = np.array([2025.0, np.nan, np.nan, np.nan])
    assert np.isnan(median_payback_year(payback))
    assert median_payback_year(np.array([2025.0, 2027.0, np.nan])) == 2027.0
    assert median_payback_year(np.array([2026.0])) == 2026.0
    assert paid_back_by_year(payback, np.array([2024, 2025, 2030])).tolist() == [0, 0.25, 0.25]


def test_key_figures_of_many_draws_are_honest_about_payback(uncertain) -> None:
    """uncertainty_2023 under the t-2 rule after 2025: almost no draw pays back within the
    horizon, so the key figures say 'no payback year' and give the share that does and its
    median apart. (Under the default reeel budget most draws pay back: the case of fewer than
    half is the one worth checking.)"""
    uncertain = uncertain.with_values({"budget.structural_regime": "t2_rule"})
    r = sm.simulate(uncertain, draws=2_000, seed=4)
    k = kf.central(r)
    share = float(np.mean(~np.isnan(r.payback_year)))
    assert share < 0.5 and np.isnan(k["payback_year"])
    assert k["payback_share_within_horizon"] == pytest.approx(share)
    assert k["payback_year_median_if_paid_back"] == np.median(
        r.payback_year[~np.isnan(r.payback_year)])
    mc = monte_carlo(uncertain, 2_000, seed=4)
    assert mc.payback_median_year_if_paid_back == k["payback_year_median_if_paid_back"]
    assert mc.probabilities["no_payback_within_horizon"] == pytest.approx(1 - share)
    assert "payback_share_within_horizon" not in kf.central(sm.simulate(uncertain))


def test_outputs_by_name_and_column() -> None:
    assert output("deviation_2023_2025") == Output(
        "deviation_2023_2025", "square_deviation_eur", 2023, 2025, output(
            "deviation_2023_2025").description)
    o = output("cumulative_net_savings_2028")
    assert (o.column, o.first, o.last) == ("cumulative_net_savings_eur", 2028, 2028)
    o = output("fte_samen:2024-2026")
    assert (o.column, o.first, o.last) == ("fte_samen", 2024, 2026)
    for bad in ("nonsense", "no_such_column:2024", "net_savings_eur:24"):
        with pytest.raises(sm.SamenInputError, match="output"):
            output(bad)
    with pytest.raises(sm.SamenInputError, match="horizon"):
        output("net_savings_2026_2040")(sm.simulate(sm.load_scenario(UNCERTAIN)))


# ----------------------------------------------------------------------------- correlation


def test_rank_correlation_is_recovered(tmp_path) -> None:
    path = _with_correlations(tmp_path, (
        "  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 0.6}\n"
        "  - {parameters: [routing.first_year_uptake, routing.leakage], rank_correlation: -0.3}\n"
    ))
    s = sm.load_scenario(path)
    n = 20_000
    v = sample_values(s, n, seed=1)
    rho = stats.spearmanr(v["routing.leakage"], v["demand.inflow_per_1000"]).statistic
    assert rho == pytest.approx(0.6, abs=0.02)  # sampling sd of Spearman ~ 0.005
    rho = stats.spearmanr(v["routing.leakage"], v["routing.first_year_uptake"]).statistic
    assert rho == pytest.approx(-0.3, abs=0.02)
    rho = stats.spearmanr(v["demand.inflow_per_1000"], v["routing.first_year_uptake"]).statistic
    assert abs(rho) < 0.25  # implied by the other two, not set
    # each parameter keeps its distribution (uniforms stay uniform)
    u = draw_uniforms(s, n, seed=1)
    for p in ("routing.leakage", "demand.inflow_per_1000"):
        assert stats.kstest(u[p], "uniform").pvalue > 1e-3
    # parameters outside the correlations keep their independent numbers
    plain = draw_uniforms(sm.load_scenario(UNCERTAIN), n, seed=1)
    np.testing.assert_array_equal(u["costs.cost_per_fte_eur"], plain["costs.cost_per_fte_eur"])
    # reproducible; the correlations are part of the scenario hash
    np.testing.assert_array_equal(sample_values(s, 50, 2)["routing.leakage"],
                                  sample_values(s, 50, 2)["routing.leakage"])
    assert s.hash != sm.load_scenario(UNCERTAIN).hash
    result = sm.simulate(s, draws=500, seed=4)  # the whole model runs with them
    assert np.isfinite(result.arrays["net_savings_eur"]).all()


def test_copula_is_pure_and_matches_the_normal_formula() -> None:
    rng = np.random.default_rng(2)
    u = {"a": rng.random(50_000), "b": rng.random(50_000)}
    before = {k: x.copy() for k, x in u.items()}
    from samen_model.scenario.correlations import Correlation

    out = correlate_uniforms(u, [Correlation(("a", "b"), 0.5)])
    for k in u:
        np.testing.assert_array_equal(u[k], before[k])
    np.testing.assert_array_equal(out["a"], u["a"])  # first in sorted order stays put
    assert stats.spearmanr(out["a"], out["b"]).statistic == pytest.approx(0.5, abs=0.015)
    assert normal_correlation(0.0) == 0.0
    assert normal_correlation(1.0) == pytest.approx(1.0)


@pytest.mark.parametrize("entries, key, expected", [
    ("  - {parameters: [routing.leakage, budget.ict_share], rank_correlation: 0.5}\n",
     "correlations[0].parameters[1]", "with a distribution"),
    ("  - {parameters: [routing.leakage, routing.leakage], rank_correlation: 0.5}\n",
     "correlations[0].parameters", "two different"),
    ("  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 1.0}\n",
     "correlations[0].rank_correlation", "strictly between -1 and 1"),
    ("  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: '0.5'}\n",
     "correlations[0].rank_correlation", "strictly between"),
    ("  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 0.2}\n"
     "  - {parameters: [demand.inflow_per_1000, routing.leakage], rank_correlation: 0.3}\n",
     "correlations[1].parameters", "each pair once"),
    ("  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 0.9}\n"
     "  - {parameters: [routing.leakage, routing.first_year_uptake], rank_correlation: 0.9}\n"
     "  - {parameters: [demand.inflow_per_1000, routing.first_year_uptake], "
     "rank_correlation: -0.9}\n", "correlations", "positive definite"),
    ("  - {parameters: [routing.leakage, demand.inflow_per_1000]}\n",
     "correlations[0]", "exactly the keys"),
    ("  {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 0.2}\n",
     "correlations", "list"),
])
def test_bad_correlations_are_reported(tmp_path, entries, key, expected) -> None:
    path = _with_correlations(tmp_path, entries)
    with pytest.raises(sm.ScenarioError) as info:
        sm.load_scenario(path)
    assert info.value.file == str(path.resolve()) or info.value.file == str(path)
    assert info.value.field == key
    assert expected in info.value.expected


def test_fixing_a_correlated_parameter_drops_its_correlation(tmp_path) -> None:
    s = sm.load_scenario(_with_correlations(tmp_path, (
        "  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 0.6}\n")))
    assert len(s.correlations) == 1
    fixed = s.with_values({"routing.leakage": 0.2})
    assert fixed.correlations == ()
    assert s.with_values({"costs.overhead_share": 0.2}).correlations == s.correlations


def test_correlations_in_a_base_file_are_blamed_on_it(tmp_path) -> None:
    base = _with_correlations(tmp_path, (
        "  - {parameters: [routing.leakage, demand.inflow_per_1000], rank_correlation: 0.6}\n"),
        name="base.yaml")
    variant = tmp_path / "variant.yaml"
    variant.write_text("schema_version: 1\nextends: base.yaml\nparameters:\n  routing:\n"
                       "    leakage:\n      value: 0.2\n      source: 'what-if: test'\n",
                       encoding="utf-8")
    with pytest.raises(sm.ScenarioError) as info:
        sm.load_scenario(variant)
    assert info.value.file == str(base.resolve())
    assert "inherited by variant.yaml" in info.value.expected
