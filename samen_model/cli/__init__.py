"""Layer 6, cli: the ``samen`` command.

Parses arguments, calls the layers below and prints; writes files only through the products
layer's atomic writers. Nothing imports this layer.
"""

from samen_model.cli.commands import build_parser, main

__all__ = ["build_parser", "main"]
