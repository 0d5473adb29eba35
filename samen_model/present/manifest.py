"""Provenance of every output: scenario name and hash, package version, git commit, seed, time."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
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

    Keys: ``package``, ``version``, ``git_commit``, ``python``, ``created_utc``, ``run_key``
    (:func:`run_key`) and per scenario its name, title, hash, source files, draws, seed (None
    for a run with central values, which draws nothing) and whether parameters were sampled.
    """
    info = {
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
                "seed": r.seed if r.sampled else None,
                "sampled": r.sampled,
            }
            for r in results
        ],
    }
    info["run_key"] = run_key(info)
    return {**info, **extra}


def run_key(info: dict[str, Any]) -> str:
    """A short id of what was computed (8 hex digits): package version, git commit and per
    scenario its hash, draws and seed. The same inputs give the same key, so a chart, the HTML,
    the PDF and the Word file of one briefing carry the same key, wherever they were built."""
    payload = [info.get("version"), info.get("git_commit"),
               [(s["name"], s["hash"], s["draws"], s["seed"]) for s in info.get("scenarios", [])]]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()[:8]


def run_text(s: dict[str, Any]) -> str:
    """How one scenario was run: ``seed 1, draws 10000`` or ``central values``."""
    if s.get("seed") is None:
        return "central values"
    return f"seed {s['seed']}, draws {s['draws']}"


def provenance_line(info: dict[str, Any]) -> str:
    """One line for the foot of a table or figure."""
    scen = "; ".join(f"{s['name']} #{s['hash']} ({run_text(s)})"
                     for s in info.get("scenarios", []))
    commit = (info.get("git_commit") or "no git")[:12]
    return (f"samen_model {info['version']} · commit {commit} · {scen} · "
            f"{info['created_utc']}")
