"""One error type for bad input, so every message names file, field and expectation.

Shared by every layer; imports nothing of the package. Everything a message echoes (a file
name, a key, a value read from a file or typed on the command line) goes through
:func:`printable`: control characters are shown as ``\\x..`` (so an escape sequence cannot
recolour or clear the terminal and a newline cannot forge a second line) and a long text is
cut with an ellipsis.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

#: Longest echo of each part of a message (characters), before the ellipsis.
MAX_FILE_CHARS = 240
MAX_FIELD_CHARS = 160
MAX_EXPECTED_CHARS = 1200
ELLIPSIS = "..."
# Unicode categories never echoed as they are: controls, format characters (bidi overrides,
# zero-width), surrogates, private use, unassigned (U+FFFE), line and paragraph separators
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def _escape(ch: str) -> str:
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: object, limit: int | None = None, keep: str = "") -> str:
    """``text`` safe to print on one line: hidden characters escaped (``\\x1b``, ``\\x0a``),
    cut to ``limit`` characters with an ellipsis. Characters in ``keep`` stay as they are."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:max(limit - len(ELLIPSIS), 1)] + ELLIPSIS
    if text.isprintable():  # the common case: nothing to escape (fast)
        return text
    return "".join(_escape(c) if c not in keep and unicodedata.category(c) in _HIDDEN else c
                   for c in text)


class SamenInputError(ValueError):
    """Bad input: a scenario file, a data file or an argument.

    The message always reads ``<file>: <field>: <what was expected>`` so an analyst can go
    straight to the line to fix; each part is made :func:`printable`.
    """

    def __init__(self, file: str | Path | None, field: str, expected: str) -> None:
        self.file = printable(file, MAX_FILE_CHARS) if file is not None else "<input>"
        self.field = printable(field or "<top level>", MAX_FIELD_CHARS)
        self.expected = printable(expected, MAX_EXPECTED_CHARS)
        super().__init__(f"{self.file}: {self.field}: {self.expected}")


class ScenarioError(SamenInputError):
    """A scenario file that cannot be loaded or does not validate."""


class DataFileError(SamenInputError):
    """A data file (CSV) that is missing or has the wrong shape."""


class ObservationError(SamenInputError):
    """An observation file (realised figures) that cannot be loaded or does not validate."""


class OutputError(SamenInputError):
    """An output place that cannot be written without harm (``--out``): it holds files this
    tool did not write, is the filesystem root or the current folder, is read-only, ..."""
