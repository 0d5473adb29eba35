"""Helpers of the bad-input tests: run ``samen`` in-process on a bad input and check that it
refused cleanly (exit code, one-line message naming file, key path and expectation) and that
nothing in the watched folder was written or deleted."""

from __future__ import annotations

import hashlib
import io
import os
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from samen_model import cli


def snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root`` (hidden ones too): kind, size and content hash."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir",)
            elif not path.is_file():  # a FIFO or device: never read (it would block)
                out[rel] = ("special", path.lstat().st_mode)
            else:
                data = path.read_bytes()
                out[rel] = ("file", len(data), hashlib.sha256(data).hexdigest())
    return out


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``samen argv`` run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli.main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def cli_refuses(argv: list, watch: Path, *, file: str | Path | None, key: str,
                words: tuple[str, ...] = (), code: int = 1) -> str:
    """Run ``samen argv``; assert the refusal and that ``watch`` is unchanged; return stderr.

    ``code`` 1 (bad input): stderr is one line ``error: <file>: <key...>: <expectation>``
    containing ``file``, ``key`` and every one of ``words``. ``code`` 2 (usage): argparse's
    message names the option ``key`` and the words.
    """
    before = snapshot(watch)
    got, _, err = run_cli(argv)
    assert got == code, f"exit {got}, expected {code}: {err}"
    assert snapshot(watch) == before, "something was written or deleted"
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    if code == 2:
        assert key in lines[-1], err
        message = lines[-1]
    else:
        errors = [line for line in lines if line.startswith("error: ")]
        assert len(errors) == 1, err
        message = errors[0]
        if file is not None:
            assert f"error: {file}: " in message, message
        assert f": {key}" in message, message
    for word in words:
        assert word.lower() in message.lower(), message
    return message
