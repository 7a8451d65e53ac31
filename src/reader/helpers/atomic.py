"""Atomic file writes: a temp file in the same folder, flushed, fsynced, then `os.replace`d.

Only a regular file (or nothing) is ever replaced: a FIFO, a device, a folder or a symbolic link
at the target is refused, so `--force` onto `/dev/null` or a link cannot turn it into a file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path


class UnsafeTarget(OSError):
    """The path exists and is not a regular file (a link, FIFO, device, socket or folder)."""


def check_target(path: Path) -> bool:
    """Whether `path` exists (as a regular file); raises `UnsafeTarget` for anything else there."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeTarget(
            errno.EEXIST,
            "is a symbolic link; refusing to replace it (name the file it points to, or another file)",
            str(path),
        )
    if stat.S_ISDIR(info.st_mode):
        raise UnsafeTarget(errno.EISDIR, "is a folder: name a file", str(path))
    if not stat.S_ISREG(info.st_mode):
        from reader.helpers.safefile import kind_of

        raise UnsafeTarget(errno.EEXIST, f"is {kind_of(info.st_mode)}; refusing to replace it", str(path))
    return True


def write_atomic(path: Path, data: str | bytes, *, backup: bool = False, fsync: bool = True) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half.

    With `backup`, the previous version is kept beside it as `<name>.bak` (hard link or copy)
    before the replace. `fsync=False` is for derived files (caches) that can be rebuilt.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    check_target(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            if fsync:
                os.fsync(handle.fileno())
        if backup and path.exists():
            bak = path.with_name(path.name + ".bak")
            bak_tmp = bak.with_name(bak.name + ".tmp")
            try:
                os.unlink(bak_tmp)
            except FileNotFoundError:
                pass
            os.link(path, bak_tmp)
            os.replace(bak_tmp, bak)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    if fsync:
        _fsync_dir(path.parent)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less umask)."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
