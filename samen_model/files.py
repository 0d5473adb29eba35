"""The package's one way to write files: plain names, inside a root, atomic, all or nothing.

Every file ``samen`` writes goes through here (output folders through
:mod:`samen_model.products.atomic`, which stages a folder with :func:`temp_dir`; single files
such as a calibrated scenario and its sample, or a what-if scenario, through
:func:`write_files`). The rules:

- A name that becomes a path (a scenario ``name``, a report ``output``, ``--save FILE``) is a
  plain file name (:func:`plain_name`): letters, digits, ``_`` and ``-``, at most 64, no
  folder, no dot in front.
- A file is written to a temporary file beside it, named ``.samen-tmp-<pid>-<random>-<name>``
  (:data:`TMP_PREFIX`), flushed to disk and moved into place with ``os.replace``. Several files
  are moved together: if one fails, or the check after the move fails, the previous files are
  put back and the new ones removed. Temporary files of a process that no longer runs (killed,
  a full disk, a power cut) are removed by the next write into the same folder
  (:func:`clean_stale`).
- An existing file is replaced only with ``force``, only if it is a regular file (not a
  folder, a device, a pipe, a symbolic link), only if the caller recognises it as a file
  ``samen`` wrote, and never if it is a file the command reads (``protect``, e.g. the prior a
  calibration extends).
- A full disk, a read-only place or a missing folder becomes one
  :class:`~samen_model.errors.OutputError` naming the target.

Shared by every layer; imports no layer (only :mod:`samen_model.errors`).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

from samen_model.errors import OutputError

#: Start of the name of every temporary file or folder samen makes.
TMP_PREFIX = ".samen-tmp-"
_TMP = re.compile(r"^\.samen-tmp-(?P<pid>\d+)-")
# folders staged by earlier versions: .<name>.tmp-<pid>-<random>, .<name>.old-<pid>-<random>
_LEGACY = re.compile(r"^\..+\.(?:tmp|old)-(?P<pid>\d+)-[A-Za-z0-9_]+$")
#: A plain name: what a scenario name, a report output or a saved file's stem may be.
PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
PLAIN_NAME_TEXT = ("a plain name: letters, digits, _ or - (at most 64, starting with a letter "
                   "or digit; no folder, no dot)")
#: How much of an existing file a caller sees to decide whether samen wrote it.
HEAD_BYTES = 4096
DISK_ERRORS = {errno.ENOSPC: "free disk space", errno.EDQUOT: "free disk quota",
         errno.EROFS: "a writable disk", errno.EIO: "a working disk"}


def plain_name(name: object) -> bool:
    """Whether ``name`` may become a file or folder name (:data:`PLAIN_NAME`)."""
    return isinstance(name, str) and PLAIN_NAME.fullmatch(name) is not None


def child(root: Path, name: str, suffix: str = "") -> Path:
    """``root / (name + suffix)`` for a plain ``name``, checked to stay inside ``root``."""
    if not plain_name(name):
        raise OutputError(root, "<file name>", f"{PLAIN_NAME_TEXT} (got {name!r})")
    path = Path(root) / f"{name}{suffix}"
    if path.parent != Path(root):
        raise OutputError(root, "<file name>", f"a file inside {root} (got {name!r})")
    return path


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, another user's; or we cannot tell: keep its files
    return True


def clean_stale(folder: Path) -> list[Path]:
    """Remove the temporary files and folders of writes whose process no longer runs.

    Only names this module makes (:data:`TMP_PREFIX`, and the staging folders of earlier
    versions) whose pid is not this process and not alive are touched. Returns them.
    """
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except (OSError, ValueError):
        return removed
    for entry in entries:
        match = _TMP.match(entry.name) or _LEGACY.match(entry.name)
        if not match:
            continue
        pid = int(match.group("pid"))
        if pid == os.getpid() or _pid_alive(pid):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
        except OSError:
            continue
        removed.append(entry)
    return removed


def temp_name(name: str) -> str:
    """A fresh temporary name for ``name``: ``.samen-tmp-<pid>-<random>-<name>``."""
    return f"{TMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{name[:80]}"


def temp_dir(target: Path) -> Path:
    """Create a temporary folder beside ``target`` (same filesystem), readable by all."""
    tmp = Path(target).parent / temp_name(Path(target).name)
    tmp.mkdir(mode=0o755)
    return tmp


def disk_error(exc: OSError, target: Path | str, field: str = "<file>") -> OutputError:
    """One clear :class:`OutputError` for an ``OSError`` while writing ``target``."""
    need = DISK_ERRORS.get(exc.errno or 0, "a place samen can write")
    return OutputError(target, field, f"{need} ({exc.strerror or exc}); nothing was written")


def remove(path: Path) -> None:
    """Remove a file, link or folder; missing is fine."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
    except OSError:
        pass


def _existing(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError:
        return b""


def missing_folders(target: Path) -> list[Path]:
    """The folders above ``target`` that do not exist yet, nearest first."""
    out = []
    folder = Path(os.path.abspath(target)).parent
    while not os.path.lexists(folder) and folder.parent != folder:
        out.append(folder)
        folder = folder.parent
    return out


def check_replace(target: Path, *, force: bool, ours: Callable[[bytes], bool] | None,
                  protect: Collection[Path] = (), field: str = "<file>") -> None:
    """Refuse to write ``target`` unless that harms nothing (see the module docstring)."""
    target = Path(target)
    if "\0" in str(target):
        raise OutputError(target, field, "a file name without a NUL character")
    missing = missing_folders(target)
    place = missing[-1].parent if missing else target.parent
    try:
        parent = place.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        raise OutputError(target, field, f"a file in a folder that exists or can be created "
                          f"({place} cannot be read: a loop of symbolic links?)") from None
    if not parent.is_dir():
        raise OutputError(target, field, f"a file in a folder ({place} is not one)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(target, field, f"a file in a writable folder ({place} is "
                          "read-only for you)")
    if missing:
        return
    resolved = parent / target.name
    info = _existing(resolved)
    if info is None:
        return
    if not stat.S_ISREG(info.st_mode):
        kind = ("a folder" if stat.S_ISDIR(info.st_mode) else
                "a symbolic link" if stat.S_ISLNK(info.st_mode) else "a device or pipe")
        raise OutputError(target, field, f"a new file name or a file samen wrote (this is "
                          f"{kind}, which samen never replaces)")
    if not force:
        raise OutputError(target, field, "a new file name (this file exists; pass --force to "
                          "replace a file samen wrote)")
    if any(resolved == Path(p).resolve() for p in protect):
        raise OutputError(target, field, "a file other than the ones this command reads "
                          "(it would replace its own input)")
    if ours is None or not ours(_head(resolved)):
        raise OutputError(target, field, "a new file name or a file samen wrote (this file "
                          "was not written by samen; it is never replaced)")


def write_files(items: Sequence[tuple[Path, str | bytes]], *, force: bool = False,
                ours: Callable[[bytes], bool] | None = None, protect: Collection[Path] = (),
                check: Callable[[], None] | None = None, field: str = "<file>",
                mode: int | None = None) -> None:
    """Write every ``(path, content)`` or none (text as UTF-8, exactly as given).

    Each target is checked first (:func:`check_replace`); each is written to a temporary file
    beside it, flushed, then all are moved into place (missing folders above a target are
created, and removed again on failure). ``check`` runs after the move (e.g.
    loading the written scenario back); if it raises, or a move fails, the previous files are
    restored and the exception propagates. ``OSError`` becomes
    :class:`~samen_model.errors.OutputError`.
    """
    if mode is None:  # readable by all, less the umask (0644 under the usual umask 022)
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    targets = [Path(p) for p, _ in items]
    for target in targets:
        check_replace(target, force=force, ours=ours, protect=protect, field=field)
    staged: list[tuple[Path, Path]] = []  # (temporary, target)
    moved: list[tuple[Path, Path | None]] = []  # (target, backup of the previous file)
    created: list[Path] = []  # folders made for the targets, removed again on failure
    try:
        for target in targets:
            for folder in reversed(missing_folders(target)):
                folder.mkdir()
                created.append(folder)
        for target, (_, content) in zip(targets, items, strict=True):
            clean_stale(target.parent)
            tmp = target.parent / temp_name(target.name)
            staged.append((tmp, target))
            data = content.encode("utf-8") if isinstance(content, str) else content
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, mode)
        for tmp, target in staged:
            backup = None
            if _existing(target) is not None:
                backup = target.parent / temp_name(target.name)
                os.replace(target, backup)
            moved.append((target, backup))
            os.replace(tmp, target)
        if check is not None:
            check()
    except BaseException as exc:
        for target, backup in reversed(moved):
            if backup is not None:
                os.replace(backup, target)
            else:
                target.unlink(missing_ok=True)
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        for folder in reversed(created):
            try:
                folder.rmdir()
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise disk_error(exc, targets[max(len(staged) - 1, 0)], field) from None
        raise
    for _, backup in moved:
        if backup is not None:
            backup.unlink(missing_ok=True)
