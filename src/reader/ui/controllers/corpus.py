"""Opening the corpus for the screen: the core's `open_corpus` run in a thread worker, what it
yields posted as `CorpusOpened`, its progress as `CorpusProgress`, its failure as `CorpusFailed`.
Cancelled with the app (a sync in progress is told to stop)."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.worker import get_current_worker

from reader.corpus import CorpusError
from reader.corpus.load import LoadStopped
from reader.opening import open_corpus
from reader.ui import messages as M
from reader.ui.controllers import Controller


class CorpusController(Controller):
    def __init__(self) -> None:
        super().__init__(id="corpus-controller")

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
