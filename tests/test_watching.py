"""The corpus folder watched (corpus/watching.py): article files saved, changed or removed are
reported, in folders made after the watch began too, hidden ones and other files are not, and
the watch ends when told."""

from __future__ import annotations

import queue
import threading
import time
from pathlib import Path

import pytest
from conftest import write

from reader.corpus.watching import article_changes

pytestmark = pytest.mark.unit


class _Watching:
    def __init__(self, root: Path) -> None:
        self.stop = threading.Event()
        self.bursts: queue.Queue[list[Path]] = queue.Queue()
        self.everything: set[Path] = set()  # every path reported
        self.thread = threading.Thread(target=self._run, args=(root,), daemon=True)
        self.thread.start()

    def _run(self, root: Path) -> None:
        for burst in article_changes(root, self.stop):
            self.bursts.put(burst)

    def seen_until(self, wanted: set[Path], timeout: float = 20.0) -> set[Path]:
        """The paths reported until all of `wanted` were (or the time ran out)."""
        seen: set[Path] = set()
        deadline = time.monotonic() + timeout
        while not wanted <= seen and time.monotonic() < deadline:
            try:
                seen |= set(self.bursts.get(timeout=0.1))
                self.everything |= seen
            except queue.Empty:
                continue
        return seen


def _started(watching: _Watching, root: Path) -> None:
    """The watch is on once a file written is reported (it starts in its own thread)."""
    probe = root / "probe.txt"
    for attempt in range(100):
        probe.write_text(f"probe {attempt}\n", encoding="utf-8")
        if probe in watching.seen_until({probe}, timeout=0.2):
            return
    raise AssertionError("the watch never started")


def test_articles_saved_changed_removed_and_in_new_folders_are_reported(corpus_dir) -> None:
    write(corpus_dir, "old/a.txt", "A\n\nText.\n")
    watching = _Watching(corpus_dir)
    try:
        _started(watching, corpus_dir)
        saved = write(corpus_dir, "old/b.md", "B\n\nText.\n")
        (corpus_dir / "old" / "a.txt").write_text("A again\n\nText.\n", encoding="utf-8")
        write(corpus_dir, "old/notes.pdf", b"%PDF")
        write(corpus_dir, ".hidden/c.txt", "C\n\nText.\n")
        seen = watching.seen_until({saved, corpus_dir / "old" / "a.txt"})
        assert {saved, corpus_dir / "old" / "a.txt"} <= seen
        (corpus_dir / "old" / "a.txt").unlink()
        assert corpus_dir / "old" / "a.txt" in watching.seen_until({corpus_dir / "old" / "a.txt"})
        fresh = write(corpus_dir, "new/deeper/d.html", "<html><body><p>D</p></body></html>")
        later = fresh.parent / "e.txt"
        assert fresh in watching.seen_until({fresh})  # in a folder made after the watch began
        later.write_text("E\n\nText.\n", encoding="utf-8")
        seen = watching.seen_until({later})
        assert later in seen
        assert not any(p.suffix == ".pdf" or ".hidden" in p.parts for p in watching.everything)
        for n in range(15):  # each written just as the burst before was taken: none lost in between
            quick = write(corpus_dir, f"old/quick-{n}.txt", "Q\n\nText.\n")
            assert quick in watching.seen_until({quick}, timeout=10), n
    finally:
        watching.stop.set()
        watching.thread.join(timeout=5)
    assert not watching.thread.is_alive()
