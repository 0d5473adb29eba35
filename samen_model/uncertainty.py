"""Monte Carlo summaries, named outputs and rank correlation between parameters.

* :class:`Output` turns a :class:`~samen_model.results.Result` into one number per draw (a column
  summed over a range of years); :func:`output` resolves a name such as ``net_savings_2026_2030``
  or ``square_deviation_eur:2024``. Sensitivity, break-even and attribution use the same outputs.
* :func:`monte_carlo` runs one vectorized engine call over all draws (with the paired
  counterfactual) and summarises it: percentiles per year, the chance that the 2023-2025 square
  is exceeded, the chance that cumulative net savings are below zero in a given year, and the
  distribution of the payback year.
* :func:`correlate_uniforms` applies the scenario's ``correlations:`` (rank correlations) to the
  seeded uniform numbers through a Gaussian copula before each distribution's quantile function.

See docs/uncertainty.md for the method and its choices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from samen_model.columns import COLUMN_NAMES
from samen_model.errors import SamenInputError
from samen_model.parallel import THREADS
from samen_model.results import DEFAULT_PERCENTILES, Result
from samen_model.scenarios import Correlation, Scenario
from samen_model.simulate import simulate

# ----------------------------------------------------------------------------- outputs


@dataclass(frozen=True)
class Output:
    """One number per draw: ``column`` summed over the years ``first..last`` (inclusive)."""

    name: str
    column: str
    first: int
    last: int
    description: str = ""

    @property
    def keep(self) -> tuple[str, ...]:
        """Engine columns this output reads."""
        return (self.column,)

    def __call__(self, result: Result) -> np.ndarray:
        """Values per draw, shape (draws,), in the column's unit (EUR for money)."""
        years = result.years
        if self.first > self.last or self.first < years[0] or self.last > years[-1]:
            raise SamenInputError(None, f"output {self.name}",
                                  f"years inside the horizon {years[0]}-{years[-1]} "
                                  f"(got {self.first}-{self.last})")
        return result.total_over(self.column, self.first, self.last)


_FAMILIES = {
    # name pattern: (column, description); years come from the name
    r"deviation_(\d{4})_(\d{4})": ("square_deviation_eur",
                                   "closed-square deviation summed over the years, EUR "
                                   "(> 0: the square is exceeded)"),
    r"net_savings_(\d{4})_(\d{4})": ("net_savings_eur", "net savings summed over the years, EUR"),
    r"cumulative_net_savings_(\d{4})": ("cumulative_net_savings_eur",
                                        "cumulative net savings at the end of the year, EUR"),
}

#: The named outputs shown in help texts (any years work: ``net_savings_2026_2028``).
OUTPUT_NAMES = ("deviation_2023_2025", "net_savings_2026_2030", "cumulative_net_savings_2030")


def output(spec: str | Output) -> Output:
    """Resolve an output: a name (``deviation_2023_2025``, ``net_savings_2026_2030``,
    ``cumulative_net_savings_2030``, any years), ``COLUMN:YEAR`` or ``COLUMN:FIRST-LAST`` (sum).

    Raises :class:`~samen_model.errors.SamenInputError` for anything else.
    """
    if isinstance(spec, Output):
        return spec
    for pattern, (column, text) in _FAMILIES.items():
        if m := re.fullmatch(pattern, spec):
            years = [int(g) for g in m.groups()]
            return Output(spec, column, years[0], years[-1], text)
    if m := re.fullmatch(r"([a-z0-9_]+):(\d{4})(?:-(\d{4}))?", spec):
        column, first, last = m.group(1), int(m.group(2)), int(m.group(3) or m.group(2))
        if column in COLUMN_NAMES[1:]:
            return Output(spec, column, first, last,
                          f"{column} summed over {first}-{last}" if last > first
                          else f"{column} in {first}")
    raise SamenInputError(None, "output", f"one of {', '.join(OUTPUT_NAMES)} (any years), or "
                          f"COLUMN:YEAR or COLUMN:FIRST-LAST with a column of docs/columns.md "
                          f"(got {spec!r})")


def evaluate(result: Result, outputs: Sequence[Output]) -> dict[str, np.ndarray]:
    """Several outputs of one result, by name (each shape (draws,))."""
    return {o.name: o(result) for o in outputs}


def keep_for(outputs: Sequence[Output]) -> tuple[str, ...]:
    """The engine columns the outputs need (for ``simulate(keep=...)``)."""
    return tuple(sorted({c for o in outputs for c in o.keep}))


# ----------------------------------------------------------------------------- correlation


def normal_correlation(rank_correlation: np.ndarray | float) -> np.ndarray | float:
    """Pearson correlation of a bivariate normal whose Spearman correlation is ``rank_correlation``.

    ``2 sin(pi r / 6)``, the inverse of Spearman's ``(6 / pi) arcsin(rho / 2)`` for normals.
    """
    return 2.0 * np.sin(np.pi * np.asarray(rank_correlation) / 6.0)


def copula_matrix(correlations: Sequence[Correlation]) -> tuple[list[str], np.ndarray]:
    """The parameters named in ``correlations`` (sorted) and their normal-copula matrix.

    Pairs not listed are uncorrelated. The matrix may fail to be positive definite: the
    scenario loader checks that.
    """
    paths = sorted({p for c in correlations for p in c.parameters})
    at = {p: i for i, p in enumerate(paths)}
    matrix = np.eye(len(paths))
    for c in correlations:
        i, j = at[c.parameters[0]], at[c.parameters[1]]
        matrix[i, j] = matrix[j, i] = normal_correlation(c.rank_correlation)
    return paths, matrix


def correlate_uniforms(
    uniforms: dict[str, np.ndarray], correlations: Sequence[Correlation]
) -> dict[str, np.ndarray]:
    """Make independent uniform numbers rank-correlated (Gaussian copula).

    For the parameters in ``correlations``: ``z = Phi^-1(u)``, ``z' = L z`` with ``L`` the
    Cholesky factor of :func:`copula_matrix`, ``u' = Phi(z')`` (the first parameter in sorted
    order keeps its numbers). Every ``u'`` is again exactly
    uniform, so each parameter keeps its distribution after ``ppf``; the Spearman correlation
    of each pair is the requested one (ranks survive the monotone ``ppf``). Parameters not
    named are returned unchanged. Pure: the input is not modified.
    """
    if not correlations:
        return dict(uniforms)
    paths, matrix = copula_matrix(correlations)
    tiny = np.finfo(float).tiny  # rng.random() may return 0.0: keep Phi^-1 finite
    z = special.ndtri(np.clip(np.stack([uniforms[p] for p in paths]), tiny, 1.0 - 1e-16))
    correlated = special.ndtr(np.linalg.cholesky(matrix) @ z)
    out = dict(uniforms)
    # row 0 of L is (1, 0, ...): the first parameter keeps its numbers (exactly, not via Phi)
    out.update({p: correlated[i] for i, p in enumerate(paths) if i > 0})
    return out


# ----------------------------------------------------------------------------- Monte Carlo

#: Columns summarised per year by default.
SUMMARY_COLUMNS = ("square_deviation_eur", "net_savings_eur", "cumulative_net_savings_eur")
NOT_WITHIN_HORIZON = "not within horizon"


@dataclass(frozen=True)
class MonteCarloSummary:
    """What :func:`monte_carlo` reports (money in EUR, shares as fractions)."""

    scenario: str
    scenario_hash: str
    draws: int
    seed: int
    #: index (column, year); one column per percentile (``p5`` .. ``p95``).
    percentiles: pd.DataFrame
    #: index output name; mean, the percentiles and the share of draws below zero.
    outputs: pd.DataFrame
    #: named probabilities (fractions of draws).
    probabilities: pd.Series
    #: payback year distribution: ``payback_year`` (label), ``year`` (nullable), ``share``.
    payback: pd.DataFrame


def percentiles_by_year(a: np.ndarray, percentiles: Sequence[float]) -> np.ndarray:
    """Percentiles over draws (axis 1) of a (year, draw) array -> (year, len(percentiles)).

    The numbers of ``np.percentile`` (linear interpolation), one contiguous row at a time on
    the engine's threads (numpy sorts without the GIL): about 4x faster for a million draws.
    """
    a = np.ascontiguousarray(a)
    if a.shape[1] < 50_000:
        return np.percentile(a, percentiles, axis=1).T
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        rows = list(pool.map(lambda row: np.percentile(row, percentiles), a))
    return np.stack(rows)


def payback_distribution(payback_years: np.ndarray, years: np.ndarray) -> pd.DataFrame:
    """Share of draws per payback year plus a ``not within horizon`` row (NaN payback)."""
    labels = [str(int(y)) for y in years] + [NOT_WITHIN_HORIZON]
    never = np.isnan(payback_years)
    idx = np.where(never, len(years), np.searchsorted(years, np.nan_to_num(payback_years)))
    share = np.bincount(idx, minlength=len(years) + 1) / len(payback_years)
    table = pd.DataFrame({
        "payback_year": labels,
        "year": pd.array([*years.astype(int), pd.NA], dtype="Int64"),
        "share": share,
    })
    table["cumulative_share"] = table["share"].cumsum()
    return table[(table["share"] > 0) | (table["year"].isna())].reset_index(drop=True)


def monte_carlo(
    scenario: Scenario,
    draws: int = 10_000,
    seed: int = 0,
    columns: Sequence[str] = SUMMARY_COLUMNS,
    percentiles: Sequence[float] = DEFAULT_PERCENTILES,
    savings_year: int = 2030,
    outputs: Sequence[str | Output] = OUTPUT_NAMES,
) -> MonteCarloSummary:
    """Sample every parameter with a distribution (seeded; correlations applied), run the engine
    once over all draws with the paired counterfactual, and summarise.

    Probabilities: ``square_exceeded`` = share of draws whose closed-square deviation summed over
    the transition (``samen_start_year..transition_end_year``) is > 0;
    ``cumulative_net_savings_below_zero_<savings_year>`` = share with cumulative net savings < 0
    at the end of ``savings_year``; ``no_payback_within_horizon``.
    """
    outs = [output(o) for o in outputs]
    keep = tuple(sorted({*columns, *keep_for(outs), "square_deviation_eur",
                         "cumulative_net_savings_eur"}))
    result = simulate(scenario, draws=draws, seed=seed, sample=True, keep=keep)
    years = result.years
    if savings_year not in years:
        raise SamenInputError(None, "savings_year",
                              f"a year inside the horizon {years[0]}-{years[-1]} "
                              f"(got {savings_year})")
    names = [f"p{p:g}" for p in percentiles]
    frames = [pd.DataFrame(percentiles_by_year(result.arrays[c], percentiles), columns=names,
                           index=pd.MultiIndex.from_product([[c], years], names=["column", "year"]))
              for c in columns]
    v = scenario.value
    deviation = result.total_over("square_deviation_eur", v("time.samen_start_year"),
                                  v("time.transition_end_year"))
    cumulative = result.arrays["cumulative_net_savings_eur"][int(np.flatnonzero(
        years == savings_year)[0])]
    payback = result.payback_year
    probabilities = pd.Series({
        "square_exceeded": float(np.mean(deviation > 0)),
        f"cumulative_net_savings_below_zero_{savings_year}": float(np.mean(cumulative < 0)),
        "no_payback_within_horizon": float(np.mean(np.isnan(payback))),
    }, name="probability")
    values = np.stack([o(result) for o in outs])  # (outputs, draws)
    out_table = pd.DataFrame(percentiles_by_year(values, percentiles), columns=names,
                             index=pd.Index([o.name for o in outs], name="output"))
    out_table.insert(0, "mean", values.mean(axis=1))
    out_table["share_below_zero"] = (values < 0).mean(axis=1)
    return MonteCarloSummary(
        scenario=scenario.name, scenario_hash=scenario.hash, draws=draws, seed=seed,
        percentiles=pd.concat(frames), outputs=out_table, probabilities=probabilities,
        payback=payback_distribution(payback, years),
    )
