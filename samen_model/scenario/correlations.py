"""Rank correlations between uncertain parameters: the ``correlations:`` key of a scenario.

A pair of parameters gets a Spearman correlation; sampling applies them through a Gaussian
copula (:mod:`samen_model.scenario.sampling`). This module parses the key and builds the copula
matrix, which must be positive definite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from samen_model.errors import ScenarioError
from samen_model.scenario.validation import ParamInfo, is_number, shown
from samen_model.scenario.values import Distribution


@dataclass(frozen=True)
class Correlation:
    """A rank (Spearman) correlation between two uncertain parameters (see docs/uncertainty.md)."""

    parameters: tuple[str, str]
    rank_correlation: float


def validate_correlations(raw: Any, params: dict[str, ParamInfo], file: Path
                           ) -> tuple[Correlation, ...]:
    """Check the optional top-level ``correlations:`` list; return it parsed.

    Each entry is ``{parameters: [pathA, pathB], rank_correlation: r}`` with two different
    uncertain parameters, -1 < r < 1, each pair at most once, and a positive definite matrix
    of the normal-copula correlations these imply.
    """
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ScenarioError(file, "correlations", "a list of {parameters: [pathA, pathB], "
                            "rank_correlation: r}")
    uncertain = sorted(k for k, p in params.items() if isinstance(p.value, Distribution))
    out: list[Correlation] = []
    seen: set[frozenset[str]] = set()
    for i, entry in enumerate(raw):
        where = f"correlations[{i}]"
        if not isinstance(entry, dict) or set(entry) != {"parameters", "rank_correlation"}:
            raise ScenarioError(file, where, "a mapping with exactly the keys parameters and "
                                f"rank_correlation (got {shown(entry)})")
        pair, r = entry["parameters"], entry["rank_correlation"]
        if not (isinstance(pair, list) and len(pair) == 2
                and all(isinstance(x, str) for x in pair) and pair[0] != pair[1]):
            raise ScenarioError(file, f"{where}.parameters", "a list of two different parameter "
                                f"paths (got {shown(pair)})")
        for j, path in enumerate(pair):
            if path not in uncertain:
                raise ScenarioError(file, f"{where}.parameters[{j}]", "the path of a parameter "
                                    f"with a distribution (got {shown(path)}; uncertain "
                                    f"parameters: {', '.join(uncertain) or 'none'})")
        if frozenset(pair) in seen:
            raise ScenarioError(file, f"{where}.parameters", f"each pair once ({pair[0]} and "
                                f"{pair[1]} are correlated twice)")
        seen.add(frozenset(pair))
        if not is_number(r) or not -1.0 < r < 1.0:
            raise ScenarioError(file, f"{where}.rank_correlation", "a number strictly between "
                                f"-1 and 1 (got {shown(r)})")
        out.append(Correlation((pair[0], pair[1]), float(r)))
    if out:
        paths, matrix = copula_matrix(out)
        if np.linalg.eigvalsh(matrix).min() <= 1e-10:
            raise ScenarioError(file, "correlations", "rank correlations that are jointly "
                                "possible: the implied correlation matrix of "
                                f"{', '.join(paths)} is not positive definite")
    return tuple(out)


def normal_correlation(rank_correlation: np.ndarray | float) -> np.ndarray | float:
    """Pearson correlation of a bivariate normal whose Spearman correlation is ``rank_correlation``.

    ``2 sin(pi r / 6)``, the inverse of Spearman's ``(6 / pi) arcsin(rho / 2)`` for normals.
    """
    return 2.0 * np.sin(np.pi * np.asarray(rank_correlation) / 6.0)


def copula_matrix(correlations: Sequence[Correlation]) -> tuple[list[str], np.ndarray]:
    """The parameters named in ``correlations`` (sorted) and their normal-copula matrix.

    Pairs not listed are uncorrelated. The matrix may fail to be positive definite:
    :func:`validate_correlations` checks that.
    """
    paths = sorted({p for c in correlations for p in c.parameters})
    at = {p: i for i, p in enumerate(paths)}
    matrix = np.eye(len(paths))
    for c in correlations:
        i, j = at[c.parameters[0]], at[c.parameters[1]]
        matrix[i, j] = matrix[j, i] = normal_correlation(c.rank_correlation)
    return paths, matrix
