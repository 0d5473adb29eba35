"""Save a calibration as a scenario: a sample file with provenance and a YAML that points to it.

``save_calibrated(cal, Path("scenarios/calibrated_2023.yaml"))`` writes
``calibrated_2023.posterior.csv`` (provenance in ``#`` lines, then one row per posterior draw)
and ``calibrated_2023.yaml`` (``extends:`` the prior, a ``posterior:`` block with the sample's
sha256 and the provenance: prior and its hash, observation file and its hash, draws, seed,
effective sample size, Pareto k-hat, package version, git commit, time; written by the YAML
library). Both are written by :func:`samen_model.files.write_files`: together or not at all,
loaded back before returning. Format: :mod:`samen_model.scenario.posterior`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from samen_model.analysis.calibration.fit import Calibration
from samen_model.errors import OutputError
from samen_model.files import PLAIN_NAME_TEXT, check_replace, plain_name, write_files
from samen_model.present.manifest import Run, manifest, provenance_line
from samen_model.scenario.posterior import sample_sha256
from samen_model.scenario.scenario import Scenario, load_scenario
from samen_model.scenario.writer import extends_text, yaml_text

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


def written_by_samen(head: bytes) -> bool:
    """Whether a file's first bytes are those of a calibrated scenario or sample samen wrote."""
    return b"samen calibrate --save" in head or head.startswith(b"# samen_model ")


HEAD = ("# The posterior of {prior} given the figures of {obs}, written by\n"
        "# `samen calibrate --save`. Do not edit by hand: loading checks the sample's sha256.\n"
        "# Calibrate again (docs/calibration.md) when figures are added to the observation "
        "file.\n")


def scenario_tree(cal: Calibration, target: Path, sha: str, info: dict[str, Any],
                  title: str, description: str) -> dict[str, Any]:
    """The calibrated scenario as data (extends the prior; ``posterior:`` block).

    ``extends`` names the prior as :func:`~samen_model.scenario.writer.extends_text` does: its
    file name beside it, the bare name of a shipped prior (found from any folder), else the
    relative path (then later commands need ``--input-root``)."""
    obs = cal.observations

    def rel(path: Path | None, default: str | None) -> str | None:
        return os.path.relpath(path, target.parent) if path is not None else default

    return {
        "schema_version": 1,
        "extends": (extends_text(cal.prior, target) if cal.prior.path is not None
                    else cal.prior.name + ".yaml"),
        "title": title,
        "description": description,
        "posterior": {
            "sample": sample_path(target).name,
            "sha256": sha,
            "prior": {"name": cal.prior.name, "hash": cal.prior.hash},
            "observations": {"name": obs.name, "file": rel(obs.path, None), "hash": obs.hash,
                             "used": [o.id for o in cal.used]},
            "method": cal.method,
            "draws": int(cal.draws),
            "seed": int(cal.seed),
            "sample_size": int(cal.sample_index.size),
            "ess": round(float(cal.ess), 1),
            "pareto_k": round(float(cal.pareto_k), 3),
            "version": str(info["version"]),
            "git_commit": info["git_commit"],
            "created_utc": str(info["created_utc"]),
        },
    }


def scenario_text(cal: Calibration, target: Path, sha: str, info: dict[str, Any],
                  title: str, description: str) -> str:
    """The calibrated scenario's YAML, written by the YAML library (never by hand)."""
    head = HEAD.format(prior=cal.prior.name, obs=cal.observations.name)
    return yaml_text(scenario_tree(cal, target, sha, info, title, description), head)


def protected(cal: Calibration) -> list[Path]:
    """The files a calibration reads, which saving it must never replace."""
    paths = [*cal.prior.chain, *([cal.observations.path] if cal.observations.path else [])]
    data_file = cal.prior.params.get("population.data_file")
    if data_file is not None and data_file.value:
        paths.append(Path(data_file.value))
    return paths


def check_save(target: str | Path, prior: Scenario, force: bool = False,
               reads: list[Path] | tuple[Path, ...] = ()) -> Path:
    """Refuse, before any work, a ``--save`` target that cannot be written without harm.

    ``NAME.yaml`` with a plain ``NAME`` in a writable folder (missing folders are created when
    it is written, removed again if writing fails); the YAML and its sample
    file new, or (with ``force``) regular files samen wrote that are not the prior, its bases,
    its data file or the other files the command reads (``reads``). Raises
    :class:`~samen_model.errors.OutputError` (field ``--save``).
    """
    target = Path(target)
    if target.suffix != ".yaml" or not plain_name(target.stem):
        raise OutputError(target, "--save", f"a file name NAME.yaml with NAME {PLAIN_NAME_TEXT}")
    keep = [*prior.chain, *reads]
    for path in (target, sample_path(target)):
        check_replace(path, force=force, ours=written_by_samen, protect=keep, field="--save")
    return target


def save_calibrated(cal: Calibration, target: str | Path, title: str | None = None,
                    description: str | None = None,
                    input_root: str | Path | None = None, force: bool = False) -> Scenario:
    """Write the calibrated scenario ``target`` (YAML) and its sample file; return it loaded.

    ``input_root``: where the files it extends may lie (``load_scenario``; default: its folder).
    Both files are written or neither (:func:`samen_model.files.write_files`): the scenario is
    loaded back before the command ends, and a failure puts back what was there. An existing
    file is replaced only with ``force`` and only if samen wrote it (:func:`check_save`).
    """
    target = check_save(target, cal.prior, force, protected(cal))
    info = calibration_manifest(cal, command="calibrate")
    csv_text = sample_text(cal, info)
    sha = sample_sha256(csv_text)
    title = title or f"{cal.prior.title}, gekalibreerd op {cal.observations.title}"
    description = description or (
        f"The posterior of {cal.prior.name} given the figures of {cal.observations.title} "
        f"({', '.join(o.id for o in cal.used)}): {cal.draws:,} prior draws weighted by their "
        f"likelihood (PSIS), an equally weighted sample of {cal.sample_index.size:,} draws in "
        f"{sample_path(target).name}. A deterministic run uses the posterior medians.")
    text = scenario_text(cal, target, sha, info, title, description)
    loaded: list[Scenario] = []
    write_files([(sample_path(target), csv_text), (target, text)], force=force,
                ours=written_by_samen, protect=[*cal.prior.chain, *protected(cal)],
                check=lambda: loaded.append(load_scenario(target, input_root=input_root)),
                field="--save")
    return loaded[0]
