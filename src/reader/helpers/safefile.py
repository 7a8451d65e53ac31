"""Reading a file that someone else may have put there: only regular files, never more than a
size cap, and never a wait (a FIFO or a device named like an article is refused, not opened for a
blocking read). Every read of an article, theme, config, state or store file goes through here.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

DEFAULT_LIMIT = 20 * 1024 * 1024


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder, not a file to read."""


class FileTooLarge(OSError):
    """The file is larger than the cap for its kind."""


def kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def read_regular(path: Path | str, limit: int = DEFAULT_LIMIT) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Raises `NotRegularFile`, `FileTooLarge` or another `OSError` (each with a `strerror` fit to
    show a user). The file is opened non-blocking, so a FIFO never makes this wait, and the cap
    applies to what is actually read, so a file that grows while it is read cannot exhaust memory.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"{kind_of(info.st_mode)}, not a regular file", str(path))
        if info.st_size > limit:
            raise FileTooLarge(errno.EFBIG, _too_large(info.st_size, limit), str(path))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
        if len(raw) > limit:
            raise FileTooLarge(errno.EFBIG, _too_large(len(raw), limit, grew=True), str(path))
        return raw
    finally:
        os.close(fd)


def read_regular_text(path: Path | str, limit: int = DEFAULT_LIMIT) -> str:
    """`read_regular` decoded as UTF-8 (raises UnicodeDecodeError, a ValueError, if it is not)."""
    return read_regular(path, limit).decode("utf-8")


def is_regular(path: Path | str) -> bool:
    """Whether `path` is (or links to) a regular file; False for anything else or missing."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _too_large(size: int, limit: int, grew: bool = False) -> str:
    what = "grew past" if grew else "larger than"
    return f"too large ({_mib(size)}; {what} the {_mib(limit)} cap)"


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size} bytes"
