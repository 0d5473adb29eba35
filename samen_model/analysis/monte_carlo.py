"""Monte Carlo: sample the uncertain parameters, run the engine over all draws, summarise.

:func:`monte_carlo` streams the draws through the engine once (with the paired counterfactual),
keeping only the columns it summarises and reducing the rest per block of draws
(:func:`samen_model.model.simulate.simulate` with ``keep`` and ``reduce``): percentiles per
year, the chance that the 2023-2025 square is exceeded, the chance that cumulative net savings
are below zero in a given year, the payback year (the share of draws that have paid back by
each year, and the median only among those that do), and the chance of a capacity shortfall
per year (P(wachtlijst)). Sampling itself (seeded uniforms, the rank-correlation copula) is
:mod:`samen_model.scenario.sampling`. See docs/uncertainty.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from samen_model.analysis.outputs import OUTPUT_NAMES, Output, output
from samen_model.errors import SamenInputError
from samen_model.model.results import DEFAULT_PERCENTILES, paid_back_by_year
from samen_model.model.simulate import simulate
from samen_model.model.steps.budget import payback_year
from samen_model.parallel import THREADS
from samen_model.scenario.scenario import Scenario

#: Columns summarised per year by default.
SUMMARY_COLUMNS = ("square_deviation_eur", "net_savings_eur", "cumulative_net_savings_eur")
NOT_WITHIN_HORIZON = "not within horizon"
#: A year has a capacity shortfall when SAMEN. could not take on at least one young person
#: (overflow to open house plus the waiting list at the year end above half a case).
SHORTFALL_CASES = 0.5


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
    #: payback year: one row per year from the SAMEN. start and a ``not within horizon`` row;
    #: ``payback_year`` (label), ``year`` (nullable), ``share`` (pay back in that year) and
    #: ``cumulative_share`` (have paid back by the end of that year).
    payback: pd.DataFrame
    #: P(wachtlijst): per year (index), the share of draws with a capacity shortfall (young
    #: people SAMEN. could not take on: a waiting list, or overflow to open house).
    shortfall_probability: pd.Series = field(default_factory=lambda: pd.Series(dtype=float))
    #: The median payback year among the draws that pay back within the horizon only (NaN when
    #: none does); not a median over all draws.
    payback_median_year_if_paid_back: float = float("nan")


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
    """Per year of ``years``: the share of draws that pay back in it and the share that have
    paid back by its end; then a ``not within horizon`` row (NaN payback)."""
    labels = [str(int(y)) for y in years] + [NOT_WITHIN_HORIZON]
    by_year = paid_back_by_year(payback_years, years)
    never = float(np.mean(np.isnan(payback_years))) if len(payback_years) else 0.0
    return pd.DataFrame({
        "payback_year": labels,
        "year": pd.array([*years.astype(int), pd.NA], dtype="Int64"),
        "share": [*np.diff(by_year, prepend=0.0), never],
        "cumulative_share": [*by_year, 1.0],
    })


def shortfall(block: Mapping[str, np.ndarray]) -> np.ndarray:
    """Per (year, draw) of a block: 1 where SAMEN. could not take on at least one young person
    (:data:`SHORTFALL_CASES`), else 0."""
    short = block["capacity_overflow_cases"] + block["waiting_list_cases"]
    return (short > SHORTFALL_CASES).astype(float)


@dataclass(frozen=True)
class MonteCarloDraws:
    """What one Monte Carlo run keeps, before it is summarised (:func:`summarise`).

    ``arrays``: per kept column the (year, draw) values (money in EUR); ``shortfall``: per year
    the share of draws with a capacity shortfall. A report keeps these once per scenario, draws
    and seed and summarises them for every product (:class:`MonteCarloRuns`).
    """

    scenario: str
    scenario_hash: str
    draws: int
    seed: int
    years: np.ndarray
    samen_start_year: int
    transition_end_year: int
    arrays: Mapping[str, np.ndarray]
    shortfall: np.ndarray

    @property
    def key(self) -> tuple[str, int, int]:
        """(scenario hash, draws, seed): two runs with the same key give the same numbers."""
        return (self.scenario_hash, self.draws, self.seed)


def _needed_columns(columns: Sequence[str], outs: Sequence[Output]) -> tuple[str, ...]:
    """The columns a summary reads: ``columns``, the square and cumulative savings (for the
    probabilities and the payback year) and the outputs' columns."""
    needed = [*columns, "square_deviation_eur", "cumulative_net_savings_eur",
              *(c for o in outs for c in o.keep)]
    return tuple(dict.fromkeys(needed))


def run_draws(scenario: Scenario, draws: int = 10_000, seed: int = 0,
              columns: Sequence[str] = SUMMARY_COLUMNS) -> MonteCarloDraws:
    """Sample every parameter with a distribution (seeded; correlations applied) and stream
    the draws through the engine with the paired counterfactual, keeping ``columns`` (plus the
    square and cumulative savings) and the capacity shortfall per year.

    Refused (:class:`~samen_model.errors.SamenInputError`, field ``draws``) for a scenario
    without distributions.
    """
    keep = _needed_columns(columns, ())
    result = simulate(scenario, draws=draws, seed=seed, sample=True, keep=keep,
                      reduce={"shortfall": lambda block, yrs: shortfall(block)})
    v = scenario.value
    return MonteCarloDraws(
        scenario=scenario.name, scenario_hash=scenario.hash, draws=draws, seed=seed,
        years=np.asarray(result.years), samen_start_year=int(v("time.samen_start_year")),
        transition_end_year=int(v("time.transition_end_year")),
        arrays={c: result.arrays[c] for c in keep},
        shortfall=result.reduced["shortfall"].mean(axis=1))


def summarise(run: MonteCarloDraws, columns: Sequence[str] = SUMMARY_COLUMNS,
              percentiles: Sequence[float] = DEFAULT_PERCENTILES, savings_year: int = 2030,
              outputs: Sequence[str | Output] = OUTPUT_NAMES) -> MonteCarloSummary:
    """Percentiles per year of ``columns``, the probabilities, the payback year, P(wachtlijst)
    and the percentiles of ``outputs`` over the draws of ``run`` (see :func:`monte_carlo`)."""
    outs = [output(o) for o in outputs]
    years = run.years
    _check_summary(years, savings_year, outs)
    missing = [c for c in _needed_columns(columns, outs) if c not in run.arrays]
    if missing:
        raise SamenInputError(None, "columns", f"columns the Monte Carlo run kept "
                              f"({', '.join(run.arrays)}; not {', '.join(missing)})")
    start, end = run.samen_start_year, run.transition_end_year
    transition = (years >= start) & (years <= end)
    cumulative = run.arrays["cumulative_net_savings_eur"]
    deviation = run.arrays["square_deviation_eur"][transition].sum(axis=0)
    at_savings = cumulative[int(np.flatnonzero(years == savings_year)[0])]
    payback = payback_year(cumulative, years, start)
    names = [f"p{p:g}" for p in percentiles]
    frames = [pd.DataFrame(percentiles_by_year(run.arrays[c], percentiles), columns=names,
                           index=pd.MultiIndex.from_product([[c], years], names=["column", "year"]))
              for c in columns]
    probabilities = pd.Series({
        "square_exceeded": float(np.mean(deviation > 0)),
        f"cumulative_net_savings_below_zero_{savings_year}": float(np.mean(at_savings < 0)),
        "no_payback_within_horizon": float(np.mean(np.isnan(payback))),
    }, name="probability")
    values = (np.stack([o.of_arrays(run.arrays, years) for o in outs]) if outs
              else np.empty((0, run.draws)))  # (outputs, draws)
    out_table = pd.DataFrame(percentiles_by_year(values, percentiles), columns=names,
                             index=pd.Index([o.name for o in outs], name="output"))
    out_table.insert(0, "mean", values.mean(axis=1))
    out_table["share_below_zero"] = (values < 0).mean(axis=1)
    paid = payback[~np.isnan(payback)]
    return MonteCarloSummary(
        scenario=run.scenario, scenario_hash=run.scenario_hash, draws=run.draws, seed=run.seed,
        percentiles=pd.concat(frames), outputs=out_table, probabilities=probabilities,
        payback=payback_distribution(payback, years[years >= start]),
        shortfall_probability=pd.Series(run.shortfall, index=pd.Index(years, name="year"),
                                        name="P(capacity shortfall)"),
        payback_median_year_if_paid_back=float(np.median(paid)) if paid.size else math.nan,
    )


def _check_summary(years: np.ndarray, savings_year: int, outs: Sequence[Output]) -> None:
    """Refuse a savings year or an output outside the horizon ``years``."""
    if savings_year not in years:
        raise SamenInputError(None, "savings_year",
                              f"a year inside the horizon {years[0]}-{years[-1]} "
                              f"(got {savings_year})")
    for o in outs:
        o.check_years(years)


def monte_carlo(
    scenario: Scenario,
    draws: int = 10_000,
    seed: int = 0,
    columns: Sequence[str] = SUMMARY_COLUMNS,
    percentiles: Sequence[float] = DEFAULT_PERCENTILES,
    savings_year: int = 2030,
    outputs: Sequence[str | Output] = OUTPUT_NAMES,
) -> MonteCarloSummary:
    """Sample every parameter with a distribution (seeded; correlations applied), stream the
    draws through the engine with the paired counterfactual, and summarise
    (:func:`run_draws`, then :func:`summarise`).

    Refused (:class:`~samen_model.errors.SamenInputError`, field ``draws``) for a scenario
    without distributions. Probabilities: ``square_exceeded`` = share of draws whose
    closed-square deviation summed over the transition
    (``samen_start_year..transition_end_year``) is > 0;
    ``cumulative_net_savings_below_zero_<savings_year>`` = share with cumulative net savings < 0
    at the end of ``savings_year``; ``no_payback_within_horizon``.
    """
    outs = [output(o) for o in outputs]
    v = scenario.value
    _check_summary(np.arange(v("time.first_year"), v("time.last_year") + 1), savings_year, outs)
    run = run_draws(scenario, draws, seed, _needed_columns(columns, outs))
    return summarise(run, columns, percentiles, savings_year, outs)


class MonteCarloRuns:
    """The Monte Carlo runs of one report: each (scenario, draws, seed) is run once
    (:func:`run_draws`) and summarised as often as a product asks (:func:`summarise`), so the
    workbook, the briefing and the notebooks read the same draws."""

    def __init__(self, runs: Sequence[MonteCarloDraws] = ()) -> None:
        self._runs: dict[tuple[str, int, int], MonteCarloDraws] = {r.key: r for r in runs}

    def __iter__(self) -> Iterator[MonteCarloDraws]:
        return iter(self._runs.values())

    def __len__(self) -> int:
        return len(self._runs)

    def draws(self, scenario: Scenario, draws: int, seed: int,
              columns: Sequence[str] = SUMMARY_COLUMNS) -> MonteCarloDraws:
        """The run of ``scenario`` with ``draws`` and ``seed``, computed on first request (again
        only if it lacks a column asked for now)."""
        key = (scenario.hash, draws, seed)
        run = self._runs.get(key)
        if run is None or any(c not in run.arrays for c in columns):
            kept = tuple(run.arrays) if run is not None else ()
            run = run_draws(scenario, draws, seed, tuple(dict.fromkeys([*kept, *columns])))
            self._runs[key] = run
        return run

    def monte_carlo(self, scenario: Scenario, draws: int = 10_000, seed: int = 0,
                    columns: Sequence[str] = SUMMARY_COLUMNS,
                    percentiles: Sequence[float] = DEFAULT_PERCENTILES,
                    savings_year: int = 2030,
                    outputs: Sequence[str | Output] = OUTPUT_NAMES) -> MonteCarloSummary:
        """What :func:`monte_carlo` returns, from the run kept here (the same numbers)."""
        outs = [output(o) for o in outputs]
        v = scenario.value
        _check_summary(np.arange(v("time.first_year"), v("time.last_year") + 1), savings_year,
                       outs)
        run = self.draws(scenario, draws, seed, _needed_columns(columns, outs))
        return summarise(run, columns, percentiles, savings_year, outs)
