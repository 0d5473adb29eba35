"""A calibrated scenario: the ``posterior:`` key and its sample file.

``samen calibrate ... --save scenarios/calibrated_2023.yaml`` writes a scenario that extends the
prior and points to a CSV beside it (``calibrated_2023.posterior.csv``): one row per posterior
draw (equally weighted), one column per calibrated parameter, provenance in ``#`` lines::

    posterior:
      sample: calibrated_2023.posterior.csv      # relative to the file that declares it
      sha256: 9f2c...                             # of the sample's data lines (header and rows)
      prior: {name: uncertainty_2023, hash: ...}  # provenance, written by samen calibrate
      observations: {name: groningen, file: ..., hash: ..., used: [...]}
      ...

On loading, every calibrated parameter that still has a distribution gets a
:class:`PosteriorMarginal` as its value: its quantile function is the sample's own (so tornado
bars, Sobol designs and central values use the posterior), and Monte Carlo draws whole rows of
the sample (:func:`posterior_rows`, called by ``sampling.sample_values``), so the dependence
between the parameters, including the prior's ``correlations:``, survives. A variant that fixes a
calibrated parameter drops it from the sample, as it drops a correlation.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from samen_model.errors import ScenarioError
from samen_model.scenario.correlations import Correlation
from samen_model.scenario.mapping_checks import check_keys
from samen_model.scenario.validation import ParamInfo
from samen_model.scenario.values import Distribution
from samen_model.scenario.yaml_reader import read_text_limited, read_yaml

#: Keys of the ``posterior:`` block (True: required).
POSTERIOR_KEYS = {"sample": True, "sha256": True, "prior": False, "observations": False,
                  "method": False, "draws": False, "seed": False, "sample_size": False,
                  "ess": False, "pareto_k": False, "version": False, "git_commit": False,
                  "created_utc": False}
_SHA = re.compile(r"^[0-9a-f]{64}$")
#: Largest sample file read (bytes), checked before reading: 10,000 draws of 100 parameters
#: at 9 significant digits are about 11 MB.
MAX_SAMPLE_BYTES = 32 << 20
#: Most columns (parameters) of a sample file; the catalogue has fewer.
MAX_SAMPLE_COLUMNS = 1000
_TOLERANCE = 1e-8  # the sample file keeps 9 significant digits


def data_lines(text: str) -> list[str]:
    """The header and rows of a sample file: lines that are not empty or ``#`` comments."""
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def sample_sha256(text: str) -> str:
    """sha256 of a sample file's data lines (provenance comments may change, numbers not)."""
    return hashlib.sha256("\n".join(data_lines(text)).encode()).hexdigest()


@dataclass(frozen=True, eq=False)
class PosteriorSample:
    """An equally weighted posterior sample: ``values[row, column]`` for ``parameters``."""

    path: Path
    sha256: str
    parameters: tuple[str, ...]
    values: np.ndarray

    @property
    def size(self) -> int:
        return int(self.values.shape[0])

    def column(self, parameter: str) -> np.ndarray:
        return self.values[:, self.parameters.index(parameter)]


def read_sample(path: Path, sha256: str) -> PosteriorSample:
    """Read and check a sample file (cached while the file's size and time stay the same).

    A file larger than :data:`MAX_SAMPLE_BYTES` is refused before it is read.
    """
    what = "posterior sample file (written by samen calibrate --save)"
    if not path.is_file():
        raise ScenarioError(path, "<file>", f"an existing {what}")
    stat = path.stat()
    if stat.st_size > MAX_SAMPLE_BYTES:
        raise ScenarioError(path, "<file>", f"a {what} of at most {MAX_SAMPLE_BYTES:,} bytes "
                            f"(this one has {stat.st_size:,})")
    return _read_sample(path, sha256, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _read_sample(path: Path, sha256: str, _mtime_ns: int, _size: int) -> PosteriorSample:
    raw = read_text_limited(path, ScenarioError, "posterior sample file", MAX_SAMPLE_BYTES)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ScenarioError(path, "<file>", f"UTF-8 text (byte {exc.start} is not)") from None
    if (got := sample_sha256(text)) != sha256:
        raise ScenarioError(path, "<file>", f"the sample whose sha256 the scenario records "
                            f"({sha256[:12]}...; this file has {got[:12]}...): it changed after "
                            "calibration, calibrate again")
    lines = data_lines(text)
    if lines and lines[0].count(",") >= MAX_SAMPLE_COLUMNS:
        raise ScenarioError(path, "header", f"at most {MAX_SAMPLE_COLUMNS} parameter columns")
    header = [c.strip() for c in lines[0].split(",")] if lines else []
    if len(lines) < 2 or not all(header) or len(set(header)) != len(header):
        raise ScenarioError(path, "header", "a header of unique parameter paths and at least "
                            "one row of values")
    rows = []
    for no, line in enumerate(lines[1:], 2):
        try:
            row = [float(x) for x in line.split(",")]
        except ValueError:
            row = []
        if len(row) != len(header) or not all(math.isfinite(x) for x in row):
            raise ScenarioError(path, f"data line {no}", f"{len(header)} finite numbers like "
                                "the header")
        rows.append(row)
    values = np.array(rows, dtype=float)
    values.flags.writeable = False  # cached and shared by every scenario that points here
    return PosteriorSample(path, sha256, tuple(header), values)


class PosteriorMarginal(Distribution):
    """One parameter's marginal of a posterior sample, usable wherever a distribution is.

    ``ppf`` is the sample's quantile function (linear between order statistics, as
    ``numpy.quantile``), ``central`` its median, ``support`` its smallest and largest value.
    ``sample`` is the whole joint sample (Monte Carlo draws its rows).
    """

    __slots__ = ("_sorted", "parameter", "sample")

    def __init__(self, sample: PosteriorSample, parameter: str) -> None:
        s = np.sort(sample.column(parameter))
        super().__init__(kind="posterior", low=float(s[0]), high=float(s[-1]),  # type: ignore
                         median=float(np.median(s)), mean=float(s.mean()))
        object.__setattr__(self, "_sorted", s)
        object.__setattr__(self, "parameter", parameter)
        object.__setattr__(self, "sample", sample)

    @property
    def central(self) -> float:
        return float(self.median)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        u = np.asarray(u, dtype=float)
        n = self._sorted.size
        return np.interp(u * (n - 1), np.arange(n), self._sorted)

    def support(self) -> tuple[float, float]:
        return float(self._sorted[0]), float(self._sorted[-1])

    def to_scipy(self):
        raise NotImplementedError("a posterior marginal has no scipy.stats equivalent")


def _declaring_file(block: dict, file: Path, chain: Sequence[Path]) -> Path:
    """The file that declares ``posterior:`` (remembered in the tree as ``_declared_in``)."""
    if isinstance(block.get("_declared_in"), str):
        return Path(block["_declared_in"])
    owner = next((f for f in chain if "posterior" in read_yaml(f)), file)
    block["_declared_in"] = str(owner)
    return owner


def apply_posterior(tree: dict, params: dict[str, ParamInfo],
                    correlations: Sequence[Correlation], file: Path,
                    chain: Sequence[Path] = ()) -> dict[str, ParamInfo]:
    """Check the optional ``posterior:`` block; give calibrated parameters their marginal.

    Returns ``params`` unchanged without a block. Raises :class:`ScenarioError` for a malformed
    block, a missing or changed sample file, a sample column that is no parameter, a value
    outside the parameter's prior range, or a correlation between a calibrated parameter and
    one outside the sample (the sample fixes the calibrated parameters' joint distribution).
    """
    block = tree.get("posterior")
    if block is None:
        return params
    if not isinstance(block, dict):
        raise ScenarioError(file, "posterior", "a mapping with sample and sha256 (written by "
                            "samen calibrate --save)")
    owner = _declaring_file(block, file, chain)
    check_keys(block, POSTERIOR_KEYS, ScenarioError, owner, "posterior",
               ignore=("_declared_in",))
    if not isinstance(block["sample"], str) or not block["sample"]:
        raise ScenarioError(owner, "posterior.sample", "the file name of the posterior sample")
    if not isinstance(block["sha256"], str) or not _SHA.match(block["sha256"]):
        raise ScenarioError(owner, "posterior.sha256", "64 lowercase hex digits")
    path = Path(block["sample"])
    sample = read_sample((owner.parent / path).resolve() if not path.is_absolute() else path,
                         block["sha256"])
    out = dict(params)
    applied = []
    for j, name in enumerate(sample.parameters):
        if name not in params:
            raise ScenarioError(sample.path, f"header, column {j + 1}", "the path of a parameter "
                                f"of the scenario (got {name!r})")
        info = params[name]
        if not isinstance(info.value, Distribution):
            continue  # fixed in this variant: dropped from the sample
        lo, hi = info.value.support()
        col = sample.column(name)
        bad = np.flatnonzero((col < lo - _TOLERANCE * max(1.0, abs(lo)))
                             | (col > hi + _TOLERANCE * max(1.0, abs(hi))))
        if bad.size:
            raise ScenarioError(sample.path, f"data line {bad[0] + 2}, {name}", f"a value inside "
                                f"the prior's range {lo:g} to {hi:g} (got {col[bad[0]]:g})")
        out[name] = dataclasses.replace(
            info, value=PosteriorMarginal(sample, name),
            source=f"calibration: posterior sample {sample.path.name}; {info.source}")
        applied.append(name)
    for i, c in enumerate(correlations):
        if sum(p in applied for p in c.parameters) == 1:
            raise ScenarioError(file, f"correlations[{i}]", "a correlation between two "
                                "calibrated parameters or two others: the posterior sample fixes "
                                f"the joint distribution of {', '.join(applied)}")
    return out


def posterior_rows(params: dict[str, ParamInfo], uniforms: dict[str, np.ndarray]
                   ) -> dict[str, np.ndarray]:
    """Per-draw values of the calibrated parameters: whole rows of the posterior sample.

    The row of each draw comes from the seeded uniform numbers of the first calibrated
    parameter (sorted order), so draws are reproducible like any Monte Carlo draw. Empty for a
    scenario without a posterior.
    """
    paths = sorted(p for p, info in params.items()
                   if isinstance(info.value, PosteriorMarginal) and p in uniforms)
    if not paths:
        return {}
    sample: PosteriorSample = params[paths[0]].value.sample
    rows = np.minimum((uniforms[paths[0]] * sample.size).astype(np.intp), sample.size - 1)
    return {p: sample.column(p)[rows] for p in paths}


def posterior_block(tree: dict) -> dict[str, Any] | None:
    """The ``posterior:`` block of a scenario tree (provenance), without internal keys."""
    block = tree.get("posterior")
    if not isinstance(block, dict):
        return None
    return {k: v for k, v in block.items() if not k.startswith("_")}


def observations_path(tree: dict) -> Path | None:
    """The observation file a calibrated scenario was conditioned on (absolute), or None."""
    block = tree.get("posterior")
    obs = block.get("observations") if isinstance(block, dict) else None
    if not isinstance(obs, dict) or not isinstance(obs.get("file"), str):
        return None
    path = Path(obs["file"])
    owner = Path(block.get("_declared_in") or ".")
    return path if path.is_absolute() else (owner.parent / path).resolve()
