"""Side-by-side key figures, the assumptions register, and which assumptions differ."""

from __future__ import annotations

import pandas as pd

from samen_model.model.results import SAVINGS_WINDOW, Result
from samen_model.scenario.scenario import Scenario
from samen_model.scenario.sources import cite
from samen_model.scenario.values import Distribution

KEY_FIGURES_NL = {
    "deviation_transition_eur": "Afwijking vierkant 2023-2025",
    "net_savings_structural_eur": "Netto besparing 2026-2030",
    "cumulative_net_savings_end_eur": "Cumulatieve netto besparing eind horizon",
    "payback_year": "Terugverdienjaar",
    "young_people_helped_first_year": "Jeugdigen geholpen 2023",
    "fte_end_of_transition": "Fte SAMEN. eind 2025",
    "execution_budget_first_year_eur": "Uitvoeringsbudget 2023",
    "wij_result_structural_eur": "Resultaat WIJ 2026-2030",
    "structural_regime": "Budgetregime na 2025",
}


def compare(results: list[Result], savings_window: tuple[int, int] = SAVINGS_WINDOW
            ) -> pd.DataFrame:
    """Key figures, one row per scenario (medians over draws for Monte Carlo results), after the
    budget regime by name (``structural_regime``, :attr:`Result.structural_regime`)."""
    rows = [r.key_figures(savings_window) for r in results]
    df = pd.DataFrame(rows)
    df.insert(0, "structural_regime", [r.structural_regime for r in results])
    df.index.name = "scenario"
    return df


def format_value(value) -> str:
    """A parameter value as short text: scalar, series or distribution."""
    if isinstance(value, Distribution):
        fields = {k: v for k, v in value.__dict__.items() if k != "kind" and v is not None}
        return f"{value.kind}(" + ", ".join(f"{k}={v:g}" for k, v in fields.items()) + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{y}: {v:g}" for y, v in sorted(value.items())) + "}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def assumptions_register(scenario: Scenario, language: str = "en") -> pd.DataFrame:
    """Every parameter with value, unit, description and source (each cited document by its
    title and date, :func:`samen_model.scenario.sources.cite`)."""
    return pd.DataFrame(
        [{"parameter": p.path, "value": format_value(p.value), "unit": p.unit,
          "description": p.description, "source": cite(p.source, language)}
         for p in scenario.params.values()]
    )


def differing_assumptions(scenarios: list[Scenario], base: Scenario | None = None
                          ) -> pd.DataFrame:
    """Parameters whose value differs between the scenarios; one column per scenario."""
    base = base or scenarios[0]
    everyone = [base, *[s for s in scenarios if s is not base]]
    rows = []
    for path in base.params:
        shown = [format_value(s.params[path].value) if path in s.params else "-"
                 for s in everyone]
        if len(set(shown)) > 1:
            by_name = {s.name: v for s, v in zip(everyone, shown, strict=True)}
            rows.append({"parameter": path, **by_name})
    return pd.DataFrame(rows, columns=["parameter", *[s.name for s in everyone]])
