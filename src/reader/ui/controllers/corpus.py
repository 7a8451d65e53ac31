"""The corpus the screen shows, held here and nowhere else: opened by the core's `open_corpus` in
a thread worker, what it yields posted as `CorpusOpened` (taken here first, then passed up to the
screen), its progress as `CorpusProgress`, its failure as `CorpusFailed`. Cancelled with the app
(a sync in progress is told to stop). Others read `corpus`; only `adopt` changes it."""

from __future__ import annotations

from pathlib import Path

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
    def open(self, root: Path) -> None:
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
            source = open_corpus(root, app.home, progress, stop)
        try:
            for opened in source:
                if worker.is_cancelled:
                    return
                self.post_message(M.CorpusOpened(opened))
        except LoadStopped:
            return  # the app is quitting
        except (CorpusError, OSError, RuntimeError) as exc:
            self.post_message(M.CorpusFailed(str(exc)))
