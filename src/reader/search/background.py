"""Syncing an index in a child process (`baldreader index --progress-json`), so that hashing,
parsing and indexing a large corpus never compete with the reader's screen for the
interpreter. No UI here: progress comes back through a callback."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from reader.corpus.load import Skipped


def sync_in_child(corpus: Path, home: Path, progress: Callable[[int, int], None] | None = None,
                  rebuild: bool = False):
    """Run the sync in a child Python and return its SyncReport; raises RuntimeError with the
    child's own words if it fails."""
    from reader.search.engine import SyncReport

    command = [sys.executable, "-m", "reader", "index", "--progress-json",
               "--corpus", str(corpus), "--home", str(home)] + (["--rebuild"] if rebuild else [])
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    report = None
    assert child.stdout is not None
    for line in child.stdout:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        if "progress" in message and progress is not None:
            progress(*message["progress"])
        elif "report" in message:
            data = message["report"]
            report = SyncReport(
                added=data["added"], changed=data["changed"], removed=data["removed"],
                touched=data["touched"], unchanged=data["unchanged"], busy=data["busy"],
                rebuilt_because=data["rebuilt_because"], seconds=data["seconds"],
                skipped=[Skipped(Path(p), reason) for p, reason in data["skipped"]])
    errors = child.stderr.read() if child.stderr else ""
    if child.wait() != 0 or report is None:
        raise RuntimeError(errors.strip().splitlines()[-1] if errors.strip() else "indexing failed")
    return report
