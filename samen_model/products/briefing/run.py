"""The briefing from scenario names: run, summarise, compose (what notebook 04 calls), and the
briefing carried in an executed notebook (what ``samen report`` renders to PDF and Word)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from samen_model.analysis.monte_carlo import monte_carlo
from samen_model.analysis.runs import run_named
from samen_model.model.columns import COLUMN_NAMES
from samen_model.present.manifest import Run, manifest
from samen_model.present.tables.observed import DEFAULT_OBSERVATIONS
from samen_model.products.briefing.content import Briefing
from samen_model.products.briefing.render.html import MIME
from samen_model.scenario.library import find_dir, load_named
from samen_model.scenario.observations import load_observations


def briefing_for(scenarios: Sequence[str], uncertainty_scenario: str | None, draws: int,
                 seed: int, language: str = "nl", scenario_dir: str | Path | None = "",
                 notebook: str = "04_briefing") -> Briefing:
    """Run the named scenarios (central values; the first is the main one), draw ``draws``
    times from ``uncertainty_scenario`` (seeded), read ``observations/groningen.yaml`` and
    compose the briefing."""
    from samen_model.products.briefing.compose import compose_briefing  # charts: matplotlib

    results = run_named(list(scenarios), scenario_dir)
    runs: list = list(results)
    summary = uncertain = None
    if uncertainty_scenario:
        uncertain = load_named(uncertainty_scenario, scenario_dir)
        summary = monte_carlo(uncertain, draws=draws, seed=seed)
        runs.append(Run(uncertain, draws, seed, True))
    observations = load_observations(find_dir("observations") / DEFAULT_OBSERVATIONS,
                                     COLUMN_NAMES[1:])
    info = manifest(runs, notebook=notebook)
    return compose_briefing(results, info, language, summary, uncertain, observations)


def briefing_from_notebook(path: Path) -> Briefing | None:
    """The briefing an executed notebook carries as output data (:data:`MIME`), or None."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            data = out.get("data", {}).get(MIME)
            if data is not None:
                return Briefing.from_dict(data if isinstance(data, dict) else json.loads(data))
    return None


def write_briefing_files(notebooks_dir: Path, out_dir: Path, outputs: Sequence[str]
                         ) -> list[str]:
    """``briefing.pdf`` and ``briefing.docx`` in ``out_dir`` from the first executed notebook
    (of ``outputs``, in ``notebooks_dir``) that carries a briefing; the file names written."""
    from samen_model.products.briefing.render.pdf import write_pdf
    from samen_model.products.briefing.render.word import write_docx

    for output in outputs:
        path = notebooks_dir / f"{output}.ipynb"
        briefing = briefing_from_notebook(path) if path.is_file() else None
        if briefing is not None:
            write_pdf(briefing, out_dir / "briefing.pdf")
            write_docx(briefing, out_dir / "briefing.docx")
            return ["briefing.pdf", "briefing.docx"]
    return []
