"""Provenance of every output: scenario name and hash, package version, git commit, seed, time."""

from __future__ import annotations

import datetime as _dt
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samen_model._version import __version__


def git_commit(where: Path | None = None) -> str | None:
    """The current git commit (with ``-dirty`` when the tree has changes), or None outside git."""
    where = where or Path(__file__).resolve().parent
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=where, capture_output=True,
                                text=True, timeout=5, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=where, capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("-dirty" if dirty.strip() else "") if commit else None


def now_utc() -> str:
    """Time of the run, ISO 8601 in UTC (seconds)."""
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Run:
    """What :func:`manifest` reads from a run summarised without a Result (Monte Carlo, Sobol).

    ``scenario`` is a :class:`~samen_model.scenario.scenario.Scenario`; ``draws`` the number of
    engine
    draws, ``seed`` the seed of the sampled numbers, ``sampled`` whether parameters were drawn.
    """

    scenario: Any
    draws: int
    seed: int
    sampled: bool


def manifest(results: list | tuple = (), **extra: Any) -> dict[str, Any]:
    """A manifest for a set of :class:`~samen_model.model.results.Result` (or :class:`Run`) objects.

    Keys: ``package``, ``version``, ``git_commit``, ``python``, ``created_utc`` and per scenario
    its name, title, hash, source files, draws, seed and whether parameters were sampled.
    """
    return {
        "package": "samen_model",
        "version": __version__,
        "git_commit": git_commit(),
        "python": platform.python_version(),
        "created_utc": now_utc(),
        "scenarios": [
            {
                "name": r.scenario.name,
                "title": r.scenario.title,
                "hash": r.scenario.hash,
                "files": [p.name for p in r.scenario.chain],
                "draws": r.draws,
                "seed": r.seed,
                "sampled": r.sampled,
            }
            for r in results
        ],
        **extra,
    }


def provenance_line(info: dict[str, Any]) -> str:
    """One line for the foot of a table or figure."""
    scen = "; ".join(f"{s['name']} #{s['hash']} (seed {s['seed']}, draws {s['draws']})"
                     for s in info.get("scenarios", []))
    commit = (info.get("git_commit") or "no git")[:12]
    return (f"samen_model {info['version']} · commit {commit} · {scen} · "
            f"{info['created_utc']}")
