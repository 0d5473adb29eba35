"""Writing outputs safely: checked target, temporary folder, moved into place only when complete.

An output folder (``--out``) never replaces something this tool did not write. The target must
be new, an empty folder, or a previous output of ``samen`` (recognised by its ``manifest.json``,
which lists every file the run wrote), and a previous output is replaced only with
``force=True``. The empty path, ``/``, the current folder and the folders above it, a file, a
symbolic link, a missing parent and a read-only place are refused with a clear message
(:class:`~samen_model.errors.OutputError`).

Temporary folders are named ``.<target>.tmp-<pid>-<random>`` beside the target; those left by a
process that no longer runs (killed with SIGKILL, a power cut) are removed by the next write into
the same folder (:func:`clean_stale`).

CSV files are plain (``pandas.read_csv(path)`` and Excel read them without options; UTF-8 with
a byte-order mark so Excel shows accents); their provenance is in ``manifest.json`` beside them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from samen_model.errors import OutputError

MANIFEST = "manifest.json"
_STAGING = re.compile(r"^\..+\.(?:tmp|old)-(?P<pid>\d+)-[A-Za-z0-9_]+$")
_MAX_MANIFEST_BYTES = 10 << 20


def _refuse(target: Path | str, expected: str) -> OutputError:
    return OutputError(target, "--out", expected)


def files_in(folder: Path) -> list[str]:
    """Every file under ``folder`` as a relative POSIX path, sorted (symlinks count as files)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        rel = Path(dirpath).relative_to(folder)
        out += [(rel / n).as_posix() for n in filenames]
        out += [(rel / n).as_posix() for n in dirnames if (Path(dirpath) / n).is_symlink()]
    return sorted(out)


def foreign_files(folder: Path) -> list[str]:
    """Files in ``folder`` that a previous ``samen`` run did not write (all, if no manifest).

    A previous output has a ``manifest.json`` naming the package ``samen_model`` and listing,
    under ``files``, every file the run wrote.
    """
    present = files_in(folder)
    manifest = folder / MANIFEST
    try:
        if manifest.is_file() and manifest.stat().st_size <= _MAX_MANIFEST_BYTES:
            info = json.loads(manifest.read_text(encoding="utf-8"))
        else:
            return present
    except (OSError, ValueError):
        return present
    if not (isinstance(info, dict) and info.get("package") == "samen_model"
            and isinstance(info.get("files"), dict)):
        return present
    return [f for f in present if f != MANIFEST and f not in info["files"]]


def check_target(target: str | Path, force: bool = False) -> Path:
    """The absolute output folder, if writing there can harm nothing; else :class:`OutputError`.

    Allowed: a new folder in an existing, writable folder; an empty folder; a previous output
    of ``samen`` holding only the files it wrote, with ``force``.
    """
    if not str(target).strip():
        raise _refuse("''", "a folder name (got an empty path)")
    path = Path(os.path.abspath(target))
    if path.parent == path:
        raise _refuse(path, "a folder to create, not the filesystem root")
    here = Path.cwd().resolve()
    if path.resolve() == here or path.resolve() in here.parents:
        raise _refuse(target, f"a new folder, not the current folder or one above it ({path})")
    if path.is_symlink():
        raise _refuse(path, "a folder, not a symbolic link (remove the link or choose another "
                      "name)")
    parent = path.parent
    if not parent.is_dir():
        raise _refuse(path, f"a folder whose parent exists (create {parent} first)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise _refuse(path, f"a folder in a writable place ({parent} is read-only for you)")
    if not path.exists():
        return path
    if not path.is_dir():
        raise _refuse(path, "a folder; this is a file, and samen never replaces a file it did "
                      "not write (choose another name)")
    try:
        entries = any(path.iterdir())
    except OSError as exc:
        raise _refuse(path, f"a readable folder ({exc.strerror})") from None
    if not entries:
        return path
    foreign = foreign_files(path)
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3
                                          else "")
        raise _refuse(path, f"a new or empty folder, or a previous output of samen; this folder "
                      f"holds files samen did not write ({shown}): choose another folder")
    if not force:
        raise _refuse(path, "--force to replace this previous output of samen (or choose "
                      "another folder)")
    return path


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, another user's; or we cannot tell: keep its folder
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove the temporary folders of writes whose process no longer runs; return them.

    Only names this module makes (``.<name>.tmp-<pid>-<random>``, ``.<name>.old-<pid>-...``)
    with a pid that is not this process and not alive are touched.
    """
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _STAGING.match(entry.name)
        if not match:
            continue
        pid = int(match.group("pid"))
        if pid == os.getpid() or _pid_alive(pid):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def staged_dir(target: str | Path, *, force: bool = False) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it replaces ``target``.

    ``target`` is checked first (:func:`check_target`; ``force`` replaces a previous output).
    On an exception, including Ctrl-C, the temporary folder is removed and ``target`` is left
    as it was.
    """
    target = check_target(target, force)
    clean_stale(target.parent)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-{os.getpid()}-",
                                    dir=target.parent))
    except OSError as exc:
        raise _refuse(target, f"a folder in a writable place ({exc.strerror})") from None
    tmp.chmod(0o755)  # mkdtemp makes it private; outputs are meant to be shared
    try:
        yield tmp
        check_target(target, force)  # again: something may have appeared meanwhile
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-",
                                    dir=target.parent))
        os.replace(target, old / "previous")
    os.replace(tmp, target)
    if old is not None:
        _remove(old)


def write_csv(df: pd.DataFrame, path: Path, info: dict[str, Any] | None = None) -> None:
    """A plain CSV (UTF-8 with byte-order mark, comma, header, no index, no comment lines).

    ``info`` is accepted for older callers and not written: the provenance of a folder's files
    is its ``manifest.json`` (:func:`write_manifest`).
    """
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        df.to_csv(fh, index=False)


def write_json(obj: Any, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, indent=2, sort_keys=True, default=str)
        fh.write("\n")


def file_digest(path: Path) -> dict[str, Any]:
    """Size (bytes) and sha256 of a file."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return {"bytes": path.stat().st_size, "sha256": h.hexdigest()}


def write_manifest(info: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Write ``folder/manifest.json``: ``info`` plus ``files`` (each file's bytes and sha256).

    The file list is the provenance of every file in the folder and how a later run recognises
    the folder as its own output. Returns what was written.
    """
    listed = {f: file_digest(folder / f) for f in files_in(folder) if f != MANIFEST}
    out = {**info, "files": listed}
    write_json(out, folder / MANIFEST)
    return out


def write_parquet(arrays: dict[str, Any], years: Any, path: Path, info: dict[str, Any]) -> int:
    """Per-draw outputs as Parquet: columns ``draw``, ``year`` and every array, one row per
    (draw, year); the manifest in the file's metadata. Returns the file size in bytes.

    ``arrays`` maps a column to its ``(year, draw)`` array.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    years = np.asarray(years)
    draws = next(iter(arrays.values())).shape[1] if arrays else 1
    columns = {"draw": pa.array(np.repeat(np.arange(draws, dtype=np.int64), len(years))),
               "year": pa.array(np.tile(years.astype(np.int64), draws))}
    for name, a in arrays.items():
        columns[name] = pa.array(np.ascontiguousarray(np.asarray(a).T).reshape(-1))
    table = pa.table(columns).replace_schema_metadata(
        {"samen_manifest": json.dumps(info, sort_keys=True, default=str)})
    pq.write_table(table, path, compression="zstd")
    return path.stat().st_size
