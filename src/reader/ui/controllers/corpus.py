"""The corpus the screen shows, held here and nowhere else: opened by the core's `open_corpus` in
a thread worker, what it yields posted as `CorpusOpened` (taken here first, then passed up to the
screen), its progress as `CorpusProgress`, its failure as `CorpusFailed`. Cancelled with the app
(a sync in progress is told to stop). Others read `corpus`; only `adopt` changes it.

The folder opened is watched (corpus/watching.py): article files written, changed or removed
there are indexed on their own at once (searchable without a sync), then the corpus is opened
again, so the list shows them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from textual import work
from textual.worker import get_current_worker

from reader.corpus import Corpus, CorpusError
from reader.corpus.lazy import LazyCorpus
from reader.corpus.load import LoadStopped
from reader.opening import Listed, Loaded, Opened, Synced, open_corpus
from reader.ui import messages as M
from reader.ui.controllers import Controller


class CorpusController(Controller):
    def __init__(self) -> None:
        super().__init__(id="corpus-controller")
        self._corpus: Corpus | LazyCorpus | None = None
        self._watching: tuple[Path, threading.Event] | None = None  # the folder watched, and its stop
        self._unmounted = False  # no watch starts after this (the app quitting)

    @property
    def corpus(self) -> Corpus | LazyCorpus | None:
        """The corpus as last opened: listed (a large one, read lazily) or read in full."""
        return self._corpus

    def adopt(self, opened: Opened) -> None:
        """Take what opening yielded: a listing, the articles read, or the sync's report of the files
        that could not be read."""
        if isinstance(opened, (Loaded, Listed)):
            self._corpus = opened.corpus
        elif isinstance(opened, Synced):
            if opened.listing is not None:
                self._corpus = opened.listing.corpus
            if self._corpus is not None:
                self._corpus.skipped = opened.skipped

    def on_corpus_opened(self, message: M.CorpusOpened) -> None:
        self.adopt(message.opened)  # and the message goes on up to the screen

    @work(thread=True, exclusive=True, group="corpus")
    def open(self, root: Path, indexed: bool = False) -> None:
        """Open `root` (again); `indexed`: the files changed since were indexed on their own."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if done == total or done % 200 == 0:
                self.post_message(M.CorpusProgress(done, total))

        app = self.reader_app
        stop = lambda: worker.is_cancelled  # noqa: E731
        ahead = app.opening_ahead
        if ahead is not None and ahead.take(root):  # the command line started it before the UI loaded
            source = ahead.opened(progress, stop)
        else:
            source = open_corpus(root, app.home, progress, stop, indexed)
        try:
            for opened in source:
                if worker.is_cancelled:
                    return
                self.post_message(M.CorpusOpened(opened))
        except LoadStopped:
            return  # the app is quitting
        except (CorpusError, OSError, RuntimeError) as exc:
            self.post_message(M.CorpusFailed(str(exc)))
            return
        if not worker.is_cancelled:  # (the app quitting: nothing to watch for)
            self.app.call_from_thread(self._watch, root)

    # --- watching the folder --------------------------------------------------------------------

    def _watch(self, root: Path) -> None:
        """Watch `root` (once opened), and no other folder; nothing once unmounted (the app
        quitting: a watch started then was never stopped, and held the app's exit)."""
        if self._unmounted or (self._watching is not None and self._watching[0] == root):
            return
        self.stop_watching()
        stop = threading.Event()
        self._watching = (root, stop)
        self._watch_folder(root, stop)

    def stop_watching(self) -> None:
        if self._watching is not None:
            self._watching[1].set()  # the watch ends within corpus.watching.QUIET_MS
            self._watching = None

    def on_unmount(self) -> None:
        self._unmounted = True
        self.stop_watching()

    @work(thread=True, group="watch")
    def _watch_folder(self, root: Path, stop: threading.Event) -> None:
        from reader.corpus.watching import article_changes
        from reader.indexed import index_new_files

        worker = get_current_worker()
        ended = _Ended(stop, worker)  # stopped, or the worker cancelled (the app quitting)
        try:
            for paths in article_changes(root, ended):
                if ended.is_set():
                    return
                # Searchable at once; None: they need a sync, which opening again runs.
                report = index_new_files(root, self.reader_app.home, paths, stop=ended.is_set)
                if not ended.is_set():
                    self.app.call_from_thread(self.open, root, report is not None)
        except OSError as exc:  # the folder cannot be watched: reading goes on, changes need a restart
            self.app.call_from_thread(
                self.notify, f"Changes to the corpus folder are not followed: {exc}", title="Corpus", timeout=6
            )


class _Ended:
    """A watch's end: its stop event set or its worker cancelled, asked by the watch itself
    every corpus.watching.QUIET_MS (a cancelled worker whose watch went on kept the app from
    exiting: its thread pool waited for it)."""

    def __init__(self, stop: threading.Event, worker: Any) -> None:
        self.stop, self.worker = stop, worker

    def is_set(self) -> bool:
        return self.stop.is_set() or self.worker.is_cancelled
