"""The store's lock file: one writer at a time across processes (`flock` on `notes.yaml.lock`),
and the clean-up of temp files that a writer killed mid-write left behind."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_TIMEOUT = 10.0


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


@contextmanager
def held(lock_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """The lock held for the `with` block; LockTimeout when it is not free within `timeout`.
    Only a regular file is a lock: a folder, FIFO or device there raises OSError, and a link is
    never followed (a dangling one would have its target created)."""
    try:
        info = os.lstat(lock_path)
    except FileNotFoundError:
        pass
    else:
        if not stat.S_ISREG(info.st_mode):
            from reader.helpers.safefile import kind_of

            what = "a symbolic link" if stat.S_ISLNK(info.st_mode) else kind_of(info.st_mode)
            raise OSError(errno.EEXIST, f"its lock {lock_path.name} is {what}, not a lock file", str(lock_path))
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(str(lock_path)) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_stale_temp_files(path: Path) -> None:
    """Temp files of writers of `path` that were killed mid-write. Only a writer holding the lock
    makes one, so once the lock is held any there are left over."""
    for pattern in (f".{path.name}.*.tmp", f"{path.name}.bak.tmp"):
        for leftover in path.parent.glob(pattern):  # not the cache's (`..notes.yaml.cache…`)
            try:
                if leftover.is_file() and not leftover.is_symlink():
                    leftover.unlink()
            except OSError:
                pass
