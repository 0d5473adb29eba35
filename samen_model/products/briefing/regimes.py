"""The ways of setting WIJ's budget after the transition (regimes) and the numbers the
briefing reads from a run: the years it names, the outputs of the Monte Carlo run, the middle
outcome with its band, and the share of computed situations at or below a value.

A :class:`RegimeResult` is one regime with its central run and its computed situations; the
briefing sets a list of them side by side. The keys follow the structural regimes of the model
(``t2_rule``, ``settlement``, ``reeel``): a regime the model gains later only needs its words in
the catalogue (``briefing.regime.<key>`` and ``briefing.regime_short.<key>`` in
``present/messages/briefing/words.py``), which :data:`REGIME_WORDS` reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from samen_model.analysis.monte_carlo import MonteCarloSummary
from samen_model.model.results import Result
from samen_model.present import messages as msg
from samen_model.scenario.observations import Observation
from samen_model.scenario.scenario import Scenario

#: The parameter that selects the regime after the transition (keys of :data:`REGIME_WORDS`).
REGIME_PARAMETER = "budget.structural_regime"


def under_regime(scenario: Scenario, key: str) -> Scenario:
    """``scenario`` with the regime ``key`` after the transition (itself when it has it)."""
    if str(scenario.value(REGIME_PARAMETER)) == key:
        return scenario
    return scenario.with_values({REGIME_PARAMETER: key})

#: The ways of setting WIJ's budget after the transition (``budget.structural_regime``), by
#: key: (label, what it means, the "if" phrase of page 1).
REGIME_WORDS: dict[str, dict[str, tuple[str, str, str]]] = msg.by_key("briefing.regime")


#: The regime as a short noun phrase inside a sentence ("zoals het model aanneemt: ...").
REGIME_SHORT: dict[str, dict[str, str]] = msg.by_key("briefing.regime_short")


@dataclass(frozen=True)
class RegimeResult:
    """One way of setting WIJ's budget after the transition and what it gives: ``result``
    with central values, ``summary`` over the computed situations (or None). ``key`` is one of
    :data:`REGIME_WORDS`; ``main`` marks the regime of the main scenario."""

    key: str
    result: Result
    summary: MonteCarloSummary | None = None
    main: bool = False

    def words(self, language: str) -> tuple[str, str, str]:
        """(label, what it means, the "if" phrase) for a reader."""
        return REGIME_WORDS[self.key][language]

    def short(self, language: str) -> str:
        """The regime as a short phrase inside a sentence (``een reëel budget``)."""
        return REGIME_SHORT[self.key][language]


def years_of(result: Result, observations: Sequence[Observation] = ()) -> dict[str, int]:
    """The years the briefing names, all from the scenario (and the last observed year)."""
    v = result.scenario.value
    last_obs = max((o.year for o in observations), default=int(v("time.samen_start_year")))
    struct = int(v("time.structural_start_year"))
    return {"start": int(v("time.samen_start_year")), "end": int(v("time.transition_end_year")),
            "struct": struct, "lo": struct, "hi": int(result.years[-1]),
            "last": int(result.years[-1]), "last_obs": last_obs, "first": last_obs + 1}


def transition_years(years: dict[str, int]) -> str:
    """The SAMEN. years of the transition as a reader writes them: ``2023–2025`` (one year:
    ``2023``)."""
    first, end = years["first"], years["end"]
    return f"{first}–{end}" if first < end else str(first)


def net_output(years: dict[str, int]) -> str:
    """The name of the Monte Carlo output the briefing reports (net result lo-hi)."""
    return f"net_savings_{years['lo']}_{years['hi']}"


def square_output(years: dict[str, int]) -> str:
    """The name of the Monte Carlo output of the closed square over the transition."""
    return f"deviation_{years['start']}_{years['end']}"


def middle(summary: MonteCarloSummary, output: str) -> tuple[float, float, float]:
    """(5th percentile, median, 95th percentile) of an output of a summary (EUR)."""
    row = summary.outputs.loc[output]
    return float(row["p5"]), float(row["p50"]), float(row["p95"])


def share_at_or_below(summary: MonteCarloSummary, output: str, value: float) -> float:
    """The share of computed situations with ``output`` at or below ``value``, read from the
    summary's percentiles (exact to the percentile step; 1 to 99 gives whole per cents)."""
    row = summary.outputs.loc[output]
    cols = [c for c in row.index if c.startswith("p") and c[1:].replace(".", "").isdigit()]
    qs = np.array([float(c[1:]) / 100 for c in cols])
    vals = np.array([float(row[c]) for c in cols])
    order = np.argsort(vals)
    return float(np.interp(value, vals[order], qs[order], left=0.0, right=1.0))
