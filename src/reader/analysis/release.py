"""The memory of a huge analysis: the cycle collector paused while it runs (`collector_paused`),
and what it built freed a piece at a time in the background (`let_go`).

A long article's analysis holds millions of small objects: tokens, name candidates, the
per-sentence cache. Dropped at once, CPython frees them in one go while holding the GIL: 0.2 to
0.7 s for a 5.6 MB paragraph, during which no other thread runs, so the screen does not draw and
`q` waits for it. `let_go(*containers)` hands such containers (lists, dicts, sets the caller is
done with) to a daemon thread that empties them a few hundred items at a time and yields the GIL
between. Small containers are left to be freed as usual.

What is still waiting when the process ends is not freed item by item, nor walked by the
interpreter's last collection: the containers are held by a deque the interpreter never tears
down, and frozen out of the collector's sight at exit (their memory goes back to the system with
the process), so quitting does not wait for them either.
"""

from __future__ import annotations

import atexit
import ctypes
import gc
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SMALL = 5_000  # items: a container this size or smaller frees in well under a millisecond
STEP = 500  # items emptied between two yields of the GIL

_waiting: deque[Any] = deque()
_lock = threading.Lock()
_wake = threading.Event()
_thread: threading.Thread | None = None
_holds = 0  # analyses running, and the emptying under way, that keep the collector off
_was_on = False  # whether the collector was on before the first of them

# Held once more than anyone lets go: at exit the interpreter clears this module, but the deque
# outlives it, so what it still holds is not freed one object at a time on the way out.
ctypes.pythonapi.Py_IncRef(ctypes.py_object(_waiting))


@atexit.register
def _out_of_sight_at_exit() -> None:
    """The interpreter's last collection walks every object it tracks: what still waits to be
    emptied is frozen first, out of its sight (at exit, freezing costs nothing later)."""
    if _waiting:
        gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off while a huge analysis runs (its millions of new objects made each
    collection slower, so that the analysis's cost grew faster than the text), and while what it
    let go of is being emptied: turned on again with those millions still held, its first pass
    would walk them all, 0.3 to 0.5 s holding the GIL. On again after, unless it was off before."""
    with _lock:
        _hold(+1)
    try:
        yield
    finally:
        with _lock:
            _hold(-1)


def _hold(step: int) -> None:
    """One hold on the collector more or less (the caller has the lock): off from the first, as
    it was before once the last is gone."""
    global _holds, _was_on
    if _holds == 0 and step > 0:
        _was_on = gc.isenabled()
        gc.disable()
    _holds += step
    if _holds == 0 and _was_on:
        gc.enable()


def let_go(*containers: Any) -> None:
    """Empty the large ones among `containers` in the background; the caller must not use them
    again (other references to their items are untouched: only the containers are emptied)."""
    large = [c for c in containers if len(c) > SMALL]
    if not large:
        return
    with _lock:
        if not _waiting:
            _hold(+1)  # released once all is emptied
        _waiting.extend(large)
        _start()
    _wake.set()


def waiting() -> int:
    """Containers handed over and not yet emptied."""
    with _lock:
        return len(_waiting)


def _start() -> None:
    global _thread
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(target=_empty_all, name="analysis-release", daemon=True)
        _thread.start()


def _empty_all() -> None:
    while True:
        _wake.wait()
        with _lock:
            if not _waiting:
                _wake.clear()
                continue
            container = _waiting[0]
        while _empty_some(container):
            time.sleep(0)  # the GIL to whoever waits for it: the screen, a quit
        with _lock:
            _waiting.popleft()
            if not _waiting:
                _hold(-1)  # all emptied: the collector as it was


def _empty_some(container: Any) -> bool:
    """Drop up to STEP items of `container`; true while some are left."""
    if isinstance(container, list):
        del container[-STEP:]
    elif isinstance(container, dict):
        for _ in range(min(STEP, len(container))):
            container.popitem()
    else:
        for _ in range(min(STEP, len(container))):
            container.pop()
    return len(container) > 0
