"""Syncing an index, and its people pass, in a child process (`baldreader index --progress-json
[--people]`), so that hashing, parsing, analysing and indexing a large corpus never compete with
the reader's screen for the interpreter. No UI here: progress comes back through a callback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.search.results import SyncReport

import json
import os
import selectors
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reader.corpus.files import Skipped


def sync_in_child(
    corpus: Path,
    home: Path,
    progress: Callable[[int, int], None] | None = None,
    rebuild: bool = False,
    stop: Callable[[], bool] | None = None,
) -> SyncReport:
    """Run the sync in a child Python and return its SyncReport; raises RuntimeError with the
    child's own words if it fails, and SyncAbandoned once `stop()` is true (the child finishes
    the sync on its own: the index is worth having next time)."""
    from reader.search.results import SyncReport  # noqa: F811 - the real class, imported late

    child = _start(["index", "--progress-json"] + (["--rebuild"] if rebuild else []), corpus, home)
    report = None
    for message in _messages(child, stop):
        if "progress" in message and progress is not None:
            progress(*message["progress"])
        elif "report" in message:
            data = message["report"]
            report = SyncReport(
                added=data["added"],
                changed=data["changed"],
                removed=data["removed"],
                touched=data["touched"],
                unchanged=data["unchanged"],
                busy=data["busy"],
                rebuilt_because=data["rebuilt_because"],
                seconds=data["seconds"],
                skipped=[Skipped(Path(p), reason) for p, reason in data["skipped"]],
            )
    _finished(child, report is not None)
    assert report is not None
    return report


def people_in_child(
    corpus: Path,
    home: Path,
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    started: Callable[[subprocess.Popen[bytes]], None] | None = None,
) -> tuple[int, int] | None:
    """Run the people pass (people_pass.py) in a child Python: (articles done, articles left),
    or None when another baldreader held the index. Once `stop()` is true the child is told
    (SIGTERM) to stop after the batch in hand, keeping what it committed, and SyncAbandoned is
    raised. `started` is given the child, for a caller that may have to stop it at once."""
    child = _start(["index", "--people", "--progress-json"], corpus, home)
    if started is not None:
        started(child)
    result: tuple[int, int] | None = None
    answered = False
    try:
        for message in _messages(child, stop):
            if "progress" in message and progress is not None:
                progress(*message["progress"])
            elif "people" in message:
                answered, data = True, message["people"]
                result = None if data is None else (data["done"], data["left"])
    except SyncAbandoned:
        child.terminate()
        raise
    _finished(child, answered)
    return result


_LIVE: set[subprocess.Popen[bytes]] = set()  # children started here and not yet waited for


def _start(arguments: list[str], corpus: Path, home: Path) -> subprocess.Popen[bytes]:
    """The child in a session of its own, its input from /dev/null: it never holds the
    reader's terminal (a tmux pane stayed open until it ended) nor gets its signals."""
    command = [sys.executable, "-m", "reader"] + arguments + ["--corpus", str(corpus), "--home", str(home)]
    child = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    _LIVE.add(child)
    return child


def end_children() -> int:
    """End every child started here that still runs, with the worker processes it forked (its
    session's process group): for a reader ended by a signal (SIGTERM, SIGHUP), whose children
    must not go on without it. A quit leaves a sync child to finish on its own; this does not.
    Returns how many were told to end."""
    told = 0
    for child in list(_LIVE):
        if child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGTERM)  # its own session: it leads its group
                told += 1
            except OSError:
                pass
    return told


def _messages(child: subprocess.Popen[bytes], stop: Callable[[], bool] | None) -> Iterator[dict[str, Any]]:
    assert child.stdout is not None
    for line in _lines(child.stdout.fileno(), stop):
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if isinstance(message, dict):
            yield message


def _finished(child: subprocess.Popen[bytes], answered: bool) -> None:
    """Raises RuntimeError with the child's own last words when it failed or gave no answer."""
    assert child.stderr is not None
    errors = child.stderr.read().decode("utf-8", "replace")
    code = child.wait()
    _LIVE.discard(child)
    if code != 0 or not answered:
        raise RuntimeError(errors.strip().splitlines()[-1] if errors.strip() else "indexing failed")


class SyncAbandoned(Exception):
    """The caller stopped waiting for the child's sync (the app is quitting)."""


def _lines(fd: int, stop: Callable[[], bool] | None) -> Iterator[str]:
    """Lines read from `fd` until it closes, asking `stop()` at least every 0.2 s."""
    buffered = b""
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            if stop is not None and stop():
                raise SyncAbandoned
            if not selector.select(timeout=0.2):
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffered += chunk
            *lines, buffered = buffered.split(b"\n")
            for line in lines:
                yield line.decode("utf-8", "replace")
    if buffered:
        yield buffered.decode("utf-8", "replace")
