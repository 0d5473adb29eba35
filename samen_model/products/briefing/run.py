"""The briefing from scenario names: run, summarise, compose (what ``samen report`` does once
per run and notebook 04 does on its own), and the composed briefing written as PDF and Word."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from samen_model.analysis import key_figures as kf
from samen_model.analysis.breakeven import breakeven
from samen_model.analysis.monte_carlo import MonteCarloRuns
from samen_model.analysis.runs import run_named
from samen_model.errors import SamenInputError
from samen_model.model.columns import COLUMN_NAMES
from samen_model.model.simulate import simulate
from samen_model.present.manifest import Run, manifest
from samen_model.present.tables.observed import DEFAULT_OBSERVATIONS
from samen_model.products.briefing.content import Briefing
from samen_model.scenario.library import find_dir, load_named
from samen_model.scenario.observations import load_observations
from samen_model.scenario.scenario import Scenario

#: Percentiles kept of the briefing's Monte Carlo run: every whole per cent, so "in how many
#: of the computed situations" reads to the per cent (they include 5, 25, 50, 75 and 95).
PERCENTILES = tuple(range(1, 100))


def regime_results(main: Scenario, uncertain: Scenario, draws: int, seed: int,
                   outputs: Sequence[str], runs: MonteCarloRuns | None = None
                   ) -> tuple[list, list[Run]]:
    """One :class:`~samen_model.products.briefing.regimes.RegimeResult` per way of setting the
    budget after the transition that the model has (the keys of
    :data:`~samen_model.products.briefing.regimes.REGIME_WORDS`), each with central values and
    ``draws`` computed situations of ``uncertain`` (same seed, so the regimes differ only in
    the rule); the main scenario's own regime is marked main. Also the runs for the manifest.
    ``runs``: the report's Monte Carlo runs (each computed once), else new ones."""
    from samen_model.products.briefing.regimes import (
        REGIME_PARAMETER,
        REGIME_WORDS,
        RegimeResult,
        under_regime,
    )

    mc = MonteCarloRuns() if runs is None else runs
    own = str(main.value(REGIME_PARAMETER))
    out, runs = [], []
    for key in REGIME_WORDS:
        central, drawn = under_regime(main, key), under_regime(uncertain, key)
        summary = mc.monte_carlo(drawn, draws=draws, seed=seed, percentiles=PERCENTILES,
                                 outputs=outputs)
        out.append(RegimeResult(key, simulate(central), summary, main=key == own))
        if key != own:
            runs += [Run(central, 1, 0, False), Run(drawn, draws, seed, True)]
    return out, runs


def briefing_for(scenarios: Sequence[str], uncertainty_scenario: str | None, draws: int,
                 seed: int, language: str = "nl", scenario_dir: str | Path | None = "",
                 notebook: str = "04_briefing", author: str = "",
                 runs: MonteCarloRuns | None = None) -> Briefing:
    """Run the named scenarios (central values; the first is the main one, the others the
    what-ifs of the risks section), draw ``draws`` times from ``uncertainty_scenario``
    (seeded) under each regime after the transition, find the break-even budget cut, read
    ``observations/groningen.yaml`` and compose the briefing (``author``: the document
    property; default the municipality; ``runs``: the report's Monte Carlo runs)."""
    from samen_model.products.briefing.compose import (  # charts: matplotlib
        compose_briefing,
        net_output,
        square_output,
        years_of,
    )

    if not uncertainty_scenario:
        raise SamenInputError(None, "uncertainty_scenario", "a scenario with distributions "
                              "(page 1 of the briefing gives its middle outcome and band)")
    results = run_named(list(scenarios), scenario_dir)
    observations = load_observations(find_dir("observations") / DEFAULT_OBSERVATIONS,
                                     COLUMN_NAMES[1:])
    main = results[0]
    y = years_of(main, tuple(observations))
    uncertain = load_named(uncertainty_scenario, scenario_dir)
    regimes, extra = regime_results(main.scenario, uncertain, draws, seed,
                                    (square_output(y), net_output(y)), runs)
    summary = next(r.summary for r in regimes if r.main)
    cuts = {}  # the break-even budget cut of every regime that costs extra
    for r in regimes:
        if float(kf.central(r.result)["net_savings_structural_eur"]) < 0:
            found = breakeven(r.result.scenario, "savings.budget_cut_share", net_output(y))
            if found.found:
                cuts[r.key] = float(found.value)
    runs: list = [*results, Run(uncertain, draws, seed, True), *extra]
    info = manifest(runs, notebook=notebook)
    return compose_briefing(results, info, language, summary, uncertain, observations,
                            regimes, cuts, author)


def write_briefing_files(briefing: Briefing, out_dir: Path) -> list[str]:
    """``briefing.pdf`` and ``briefing.docx`` of ``briefing`` in ``out_dir``; the names."""
    from samen_model.products.briefing.render.pdf import write_pdf
    from samen_model.products.briefing.render.word import write_docx

    write_pdf(briefing, out_dir / "briefing.pdf")
    write_docx(briefing, out_dir / "briefing.docx")
    return ["briefing.pdf", "briefing.docx"]
