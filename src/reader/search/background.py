"""Syncing an index in a child process (`baldreader index --progress-json`), so that hashing,
parsing and indexing a large corpus never compete with the reader's screen for the
interpreter. No UI here: progress comes back through a callback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.search.engine import SyncReport

import json
import os
import selectors
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

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
    from reader.search.engine import SyncReport  # noqa: F811 - the real class, imported late

    command = [
        sys.executable,
        "-m",
        "reader",
        "index",
        "--progress-json",
        "--corpus",
        str(corpus),
        "--home",
        str(home),
    ] + (["--rebuild"] if rebuild else [])
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    report = None
    for line in _lines(child.stdout.fileno(), stop):
        try:
            message = json.loads(line)
        except ValueError:
            continue
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
    errors = child.stderr.read().decode("utf-8", "replace")
    if child.wait() != 0 or report is None:
        raise RuntimeError(errors.strip().splitlines()[-1] if errors.strip() else "indexing failed")
    return report


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
