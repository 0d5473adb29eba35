"""Save a calibration as a scenario: a sample file with provenance and a YAML that points to it.

``save_calibrated(cal, Path("scenarios/calibrated_2023.yaml"))`` writes
``calibrated_2023.posterior.csv`` (provenance in ``#`` lines, then one row per posterior draw)
and ``calibrated_2023.yaml`` (``extends:`` the prior, a ``posterior:`` block with the sample's
sha256 and the provenance: prior and its hash, observation file and its hash, draws, seed,
effective sample size, Pareto k-hat, package version, git commit, time). Both are written to
temporary files beside the targets and moved into place, the sample first; the scenario is
loaded back before returning. Format: :mod:`samen_model.scenario.posterior`.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from samen_model.analysis.calibration.fit import Calibration
from samen_model.present.manifest import Run, manifest, provenance_line
from samen_model.scenario.posterior import sample_sha256
from samen_model.scenario.scenario import Scenario, load_scenario

#: Significant digits of the sample values (relative rounding below 1e-8).
DIGITS = 9


def sample_path(target: Path) -> Path:
    """The sample file beside a calibrated scenario file: ``<stem>.posterior.csv``."""
    return target.with_name(f"{target.stem}.posterior.csv")


def calibration_manifest(cal: Calibration, **extra: Any) -> dict[str, Any]:
    """A manifest of a calibration: the prior run plus the observation file, its hash and the
    weights' diagnostics (:meth:`Calibration.provenance`)."""
    return manifest([Run(cal.prior, cal.draws, cal.seed, True)], **cal.provenance(), **extra)


def sample_text(cal: Calibration, info: dict[str, Any]) -> str:
    """The sample file's content: provenance lines, header, one row per posterior draw."""
    lines = [f"# {provenance_line(info)}",
             f"# manifest: {json.dumps(info, sort_keys=True, default=str)}",
             ",".join(cal.parameters)]
    columns = [cal.sample[p] for p in cal.parameters]
    lines += [",".join(f"{c[i]:.{DIGITS}g}" for c in columns) for i in range(len(columns[0]))]
    return "\n".join(lines) + "\n"


def _q(text: Any) -> str:
    """A YAML scalar: JSON quoting is valid YAML."""
    return json.dumps(text, ensure_ascii=False, default=str)


def scenario_text(cal: Calibration, target: Path, sha: str, info: dict[str, Any],
                  title: str, description: str) -> str:
    """The calibrated scenario's YAML (extends the prior; ``posterior:`` block)."""
    obs = cal.observations

    def rel(path: Path | None, default: str | None) -> str | None:
        return os.path.relpath(path, target.parent) if path is not None else default

    used = ", ".join(o.id for o in cal.used)
    return "\n".join([
        f"# The posterior of {cal.prior.name} given the figures of {obs.name}, written by",
        "# `samen calibrate --save`. Do not edit by hand: loading checks the sample's sha256.",
        "# Calibrate again (docs/calibration.md) when figures are added to the observation file.",
        "schema_version: 1",
        f"extends: {_q(rel(cal.prior.path, cal.prior.name + '.yaml'))}",
        f"title: {_q(title)}",
        f"description: {_q(description)}",
        "posterior:",
        f"  sample: {_q(sample_path(target).name)}",
        f"  sha256: {sha}",
        f"  prior: {{name: {_q(cal.prior.name)}, hash: {_q(cal.prior.hash)}}}",
        f"  observations: {{name: {_q(obs.name)}, file: "
        f"{_q(rel(obs.path, None))}, hash: {_q(obs.hash)}, used: [{used}]}}",
        f"  method: {_q(cal.method)}",
        f"  draws: {cal.draws}",
        f"  seed: {cal.seed}",
        f"  sample_size: {cal.sample_index.size}",
        f"  ess: {cal.ess:.1f}",
        f"  pareto_k: {cal.pareto_k:.3f}",
        f"  version: {_q(info['version'])}",
        f"  git_commit: {_q(info['git_commit'])}",
        f"  created_utc: {_q(info['created_utc'])}",
        "",
    ])


def _write_beside(target: Path, text: str) -> Path:
    """Write ``text`` to a temporary file beside ``target``; return its path."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)
    return Path(tmp)


def save_calibrated(cal: Calibration, target: str | Path, title: str | None = None,
                    description: str | None = None,
                    input_root: str | Path | None = None) -> Scenario:
    """Write the calibrated scenario ``target`` (YAML) and its sample file; return it loaded.

    ``input_root``: where the files it extends may lie (``load_scenario``; default: its folder).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    info = calibration_manifest(cal, command="calibrate")
    csv_text = sample_text(cal, info)
    sha = sample_sha256(csv_text)
    title = title or f"{cal.prior.title}, gekalibreerd op {cal.observations.title}"
    description = description or (
        f"The posterior of {cal.prior.name} given the figures of {cal.observations.title} "
        f"({', '.join(o.id for o in cal.used)}): {cal.draws:,} prior draws weighted by their "
        f"likelihood (PSIS), an equally weighted sample of {cal.sample_index.size:,} draws in "
        f"{sample_path(target).name}. A deterministic run uses the posterior medians.")
    yaml_text = scenario_text(cal, target, sha, info, title, description)
    staged = [(_write_beside(target, csv_text), sample_path(target)),
              (_write_beside(target, yaml_text), target)]
    try:
        for tmp, final in staged:
            os.replace(tmp, final)
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return load_scenario(target, input_root=input_root)
