"""One error type for bad input, so every message names file, field and expectation.

Shared by every layer; imports nothing of the package.
"""

from __future__ import annotations

from pathlib import Path


class SamenInputError(ValueError):
    """Bad input: a scenario file, a data file or an argument.

    The message always reads ``<file>: <field>: <what was expected>`` so an analyst can go
    straight to the line to fix.
    """

    def __init__(self, file: str | Path | None, field: str, expected: str) -> None:
        self.file = str(file) if file is not None else "<input>"
        self.field = field or "<top level>"
        self.expected = expected
        super().__init__(f"{self.file}: {self.field}: {expected}")


class ScenarioError(SamenInputError):
    """A scenario file that cannot be loaded or does not validate."""


class DataFileError(SamenInputError):
    """A data file (CSV) that is missing or has the wrong shape."""


class ObservationError(SamenInputError):
    """An observation file (realised figures) that cannot be loaded or does not validate."""


class OutputError(SamenInputError):
    """An output place that cannot be written without harm (``--out``): it holds files this
    tool did not write, is the filesystem root or the current folder, is read-only, ..."""
