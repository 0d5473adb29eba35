"""The package in layers (docs/architecture.md): import contracts, layer docstrings, engine steps.

Module size is a habit kept in review (docs/architecture.md), not a test."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "samen_model"
LAYERS = ("scenario", "model", "analysis", "present", "products", "cli")


def test_import_contracts_are_kept() -> None:
    """The import-linter contracts of pyproject.toml (layers, pure engine, no cycles) hold."""
    from importlinter.application.use_cases import lint_imports
    from importlinter.configuration import configure

    configure()  # what the lint-imports command does before it reads the contracts
    kept = lint_imports(config_filename=str(PACKAGE.parent / "pyproject.toml"), cache_dir=None,
                        no_logo=True)
    assert kept, "an import contract is broken: run lint-imports"


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_says_its_rule(layer: str) -> None:
    """Each layer's __init__ docstring names the layer and what it may import."""
    doc = ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text()))
    assert doc and doc.lower().startswith(f"layer {LAYERS.index(layer) + 1}, {layer}"), doc
    assert "import" in doc.lower()


def test_layer_contract_lists_the_layers_in_order() -> None:
    """The layers contract of pyproject.toml names the layer folders, top first."""
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "layers")
    assert contract["layers"] == [f"samen_model.{name}" for name in reversed(LAYERS)]
    folders = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert folders == set(LAYERS)


def test_engine_block_is_short_and_numbered() -> None:
    """The engine's block function reads as numbered calls (steps 1-15), not inline algebra."""
    tree = ast.parse((PACKAGE / "model" / "engine.py").read_text())
    block = next(n for n in tree.body if isinstance(n, ast.FunctionDef)
                 and n.name == "_run_block")
    assert block.end_lineno - block.lineno < 50
    source = ast.get_source_segment((PACKAGE / "model" / "engine.py").read_text(), block)
    for step in ("# 1.", "# 2.", "# 3.", "# 4.-9.", "# 10.", "# 11.", "# 12.", "# 13.",
                 "# 14.", "# 15."):
        assert step in source
