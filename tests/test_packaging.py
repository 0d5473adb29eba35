"""pyproject.toml and environment.yml must list the same dependencies; data files must ship."""

from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path

import pytest
import yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_NOT_PACKAGES = {"python", "pip"}


def _norm(spec: str) -> str:
    """'PyYAML >=6.0', 'conda-forge::pandas>=2', 'foo[bar]' -> 'pyyaml', 'pandas', 'foo'."""
    spec = spec.split("::")[-1]
    match = _NAME.match(spec)
    assert match, f"cannot read a package name from {spec!r}"
    return match.group(1).lower().replace("_", "-")


def _pyproject() -> dict:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)


def _environment() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def test_environment_yml_matches_pyproject() -> None:
    project = _pyproject()["project"]
    wanted = {_norm(s) for s in project["dependencies"]}
    wanted |= {_norm(s) for s in project["optional-dependencies"]["dev"]}

    env = _environment()
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = [p for d in env["dependencies"] if isinstance(d, dict) for p in d.get("pip", [])]
    listed = {_norm(s) for s in conda} | {_norm(p) for p in pip if not p.startswith("-")}
    listed -= _NOT_PACKAGES

    assert listed == wanted, (
        f"only in pyproject: {sorted(wanted - listed)}; "
        f"only in environment.yml: {sorted(listed - wanted)}"
    )


def test_environment_yml_basics() -> None:
    env = _environment()
    assert env["name"] == "samen_model"
    assert env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert "python>=3.11" in [c.replace(" ", "") for c in conda]
    pip = [p for d in env["dependencies"] if isinstance(d, dict) for p in d.get("pip", [])]
    assert "-e ." in pip


def test_norm() -> None:
    assert _norm("PyYAML>=6.0") == "pyyaml"
    assert _norm("conda-forge::typing_extensions >=4") == "typing-extensions"
    assert _norm("foo[bar]>=1") == "foo"


@pytest.mark.parametrize("name", ["ova", "population_groningen"])
def test_data_files_are_package_data(name: str) -> None:
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["samen_model"]
    for suffix in ("csv", "md"):
        rel = f"data/{name}.{suffix}"
        assert (ROOT / "samen_model" / rel).is_file(), rel
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), f"{rel} not matched by {patterns}"


def test_every_shipped_csv_is_package_data() -> None:
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["samen_model"]
    for path in (ROOT / "samen_model" / "data").glob("*.csv"):
        rel = path.relative_to(ROOT / "samen_model").as_posix()
        assert any(fnmatch.fnmatch(rel, p) for p in patterns), rel
