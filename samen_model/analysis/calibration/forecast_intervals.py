"""The forecasts a calibration is judged by: 2024-2026 and net savings 2026-2030.

:data:`FORECASTS` names them (young people helped, FTE at the end of the year, SAMEN.'s cost,
WIJ's execution budget and the closed-square deviation in 2024, 2025 and 2026; net savings
summed over 2026-2030); :func:`forecast_reducer` computes them per draw inside the engine's
streaming; :func:`forecast_intervals` gives a scenario's P5, median and P95 of each (what the
docs report for calibrated_2023 before and after a recalibration).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from samen_model.model.simulate import simulate
from samen_model.scenario.scenario import Scenario

#: (name, column, first year, last year): the column summed over the years.
FORECASTS: tuple[tuple[str, str, int, int], ...] = tuple(
    (f"{short}_{y}", column, y, y)
    for short, column in (("helped", "samen_clients_served"), ("fte", "fte_samen"),
                          ("samen_cost", "samen_cost_eur"),
                          ("execution_budget", "execution_budget_eur"),
                          ("square_deviation", "square_deviation_eur"))
    for y in (2024, 2025, 2026)
) + (("net_savings_2026_2030", "net_savings_eur", 2026, 2030),)
FORECAST_NAMES = tuple(f[0] for f in FORECASTS)


def forecast_values(block: Mapping[str, np.ndarray], years: np.ndarray) -> np.ndarray:
    """The forecasts per draw ``(forecast, draw)`` of a block ``{column: (year, draw)}``
    (persons, FTE, EUR nominal)."""
    out = []
    for _, column, first, last in FORECASTS:
        rows = (years >= first) & (years <= last)
        out.append(np.asarray(block[column])[rows].sum(axis=0))
    return np.stack(out)


def forecast_intervals(scenario: Scenario, draws: int = 20_000, seed: int = 0,
                       levels: tuple[float, float, float] = (0.05, 0.5, 0.95)) -> pd.DataFrame:
    """P5, median and P95 of every forecast over ``draws`` seeded Monte Carlo draws of the
    scenario (its prior or posterior sample), one row per forecast."""
    result = simulate(scenario, draws=draws, seed=seed, sample=True, keep=(),
                      reduce={"forecasts": forecast_values})
    q = np.quantile(result.reduced["forecasts"], levels, axis=1).T
    table = pd.DataFrame(q, index=pd.Index(FORECAST_NAMES, name="forecast"),
                         columns=[f"p{round(100 * x)}" for x in levels])
    table.attrs.update(scenario=scenario.name, scenario_hash=scenario.hash, draws=draws,
                       seed=seed)
    return table
