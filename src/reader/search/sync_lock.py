"""The lock that lets one baldreader at a time write an index (`sync.lock` in its folder), and
the turn taken by a writer that waits for it (`turn.lock`).

A sync never waits: another baldreader syncing the same corpus makes it skip. The people pass
holds the lock for as long as it runs (minutes on a large corpus) but looks between its batches
for a writer waiting its turn (an article added from the shell or the app), and lets it go
first: the article is searchable after one batch at most, not after the whole pass.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.search.repair import regular_or_absent
from reader.search.sync_plan import INHERITED_FDS

LOCK = "sync.lock"
TURN = "turn.lock"
POLL = 0.02  # seconds between tries while waiting
GIVE_WAY_WAIT = 60.0  # how long the people pass waits for the lock back before it stops


def _open(path: Path) -> int:
    regular_or_absent(path)  # a folder or a link there is damage
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    INHERITED_FDS.add(fd)
    return fd


def _close(fd: int) -> None:
    INHERITED_FDS.discard(fd)
    os.close(fd)


def _try(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _poll(fd: int, until: float, stop: Callable[[], bool] | None) -> bool:
    """Take `fd`'s lock, trying until the clock reaches `until` or `stop()` is true."""
    while not _try(fd):
        if time.monotonic() >= until or (stop is not None and stop()):
            return False
        time.sleep(POLL)
    return True


@contextmanager
def sync_lock(
    folder: Path,
    wait: float = 0.0,
    stop: Callable[[], bool] | None = None,
    waiting: Callable[[], None] | None = None,
) -> Iterator[tuple[int, bool]]:
    """The lock's descriptor, and whether it was taken (False: another baldreader is syncing or
    running the people pass). With `wait`, a writer takes its turn and waits up to that many
    seconds (or until `stop()`), which a people pass notices between batches; `waiting()` is
    called once when it has to wait. The folder exists (the caller made it). Released on leaving."""
    lock = _open(folder / LOCK)
    try:
        taken = _try(lock)
        if not taken and wait > 0:
            if waiting is not None:
                waiting()
            taken = _wait_turn(folder, lock, time.monotonic() + wait, stop)
        yield lock, taken
    finally:
        _close(lock)


def _wait_turn(folder: Path, lock: int, until: float, stop: Callable[[], bool] | None) -> bool:
    turn = _open(folder / TURN)
    try:
        return _poll(turn, until, stop) and _poll(lock, until, stop)
    finally:
        _close(turn)  # held while waiting only: the holder sees a writer waiting


def give_way(folder: Path, lock: int, stop: Callable[[], bool] | None = None) -> bool:
    """Between two batches of a long hold: when a writer waits its turn, let go of the lock
    until it is done, then take it again. Whether the lock is held on return (False: stopped,
    or someone else kept it for GIVE_WAY_WAIT seconds)."""
    turn = _open(folder / TURN)
    try:
        if _try(turn):
            return True  # nobody waits
        fcntl.flock(lock, fcntl.LOCK_UN)
        until = time.monotonic() + GIVE_WAY_WAIT
        _poll(turn, until, stop)  # the waiter lets its turn go once it holds the lock
    finally:
        _close(turn)
    return _poll(lock, until, stop)
