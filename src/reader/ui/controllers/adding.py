"""Adding pages and feeds from the app (the `+` dialog asking for an address, then the core's
`Adder` in a thread worker) and updating the followed feeds: into the corpus open, or into the
user's own corpus when the bundled seeds are open. Progress and each failure are notified; when
articles were added, `ArticlesAdded` asks the screen to read the corpus again, so they appear in
the list and the index."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.worker import get_current_worker

from reader.helpers.paths import bundled_seeds, own_corpus
from reader.helpers.textsafe import one_line
from reader.ui import messages as M
from reader.ui.controllers import Controller
from reader.ui.screens.add_dialog import AddDialog


class AddingController(Controller):
    def __init__(self) -> None:
        super().__init__(id="adding-controller")

    def target(self, open_corpus: Path) -> Path:
        """Where articles go: the corpus open, unless it is the bundled seeds."""
        seeds = open_corpus.resolve() == bundled_seeds().resolve()
        return own_corpus(None, self.reader_app.home) if seeds else open_corpus

    def ask(self, open_corpus: Path) -> None:
        """The dialog asking for a page or feed address, then the adding, into `target`."""
        target = self.target(open_corpus)

        def chosen(source: str | None) -> None:
            if source:
                self.add(source, target)

        self.app.push_screen(AddDialog(str(target)), chosen)

    def update_feeds(self, open_corpus: Path) -> None:
        self.update(self.target(open_corpus))

    @work(thread=True, exclusive=True, group="adding")
    def add(self, source: str, corpus: Path) -> None:
        from reader.web.adding import Added, Adder, AddFailed

        worker = get_current_worker()
        self._say(f"Adding {one_line(source)} …", timeout=3)
        try:
            adder = Adder(corpus, stop=lambda: worker.is_cancelled)
            try:
                result = adder.add(source)
            finally:
                adder.close()
        except AddFailed as exc:
            self._say(f"Not added: {one_line(str(exc))}", severity="error", timeout=8)
            return
        items, failed = ([result], []) if isinstance(result, Added) else (result.added, result.failed)
        for where, why in failed[:5]:
            self._say(f"Not added {one_line(where)}: {one_line(why)}", severity="warning", timeout=8)
        fresh = [item for item in items if not item.already]
        if fresh:
            titles = ", ".join(one_line(item.title) for item in fresh[:3])
            self._say(f"Added {len(fresh)}: {titles}", timeout=6)
            for warning in [w for item in fresh for w in item.warnings][:3]:
                self._say(f"Read with a warning: {one_line(warning)}", severity="warning", timeout=8)
            indexed = self._index([item.path for item in fresh], corpus)  # may wait for a people pass's batch
            self.post_message(M.ArticlesAdded(corpus, len(fresh), indexed))
        elif items:
            self._say("Already in the corpus", timeout=4)

    @work(thread=True, exclusive=True, group="adding")
    def update(self, corpus: Path) -> None:
        from reader.web.adding import Adder, AddFailed
        from reader.web.feeds import Subscriptions
        from reader.web.updating import update

        worker = get_current_worker()
        try:
            feeds = Subscriptions(self.reader_app.home).feeds()
        except ValueError as exc:
            self._say(one_line(str(exc)), severity="error", timeout=8)
            return
        if not feeds:
            self._say("No feeds followed: `baldreader follow FEED` in a shell first", severity="warning")
            return
        self._say(f"Updating {len(feeds)} feeds …", timeout=3)

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.post_message(M.AddingProgress(done, total))

        try:
            adder = Adder(corpus, stop=lambda: worker.is_cancelled)
        except AddFailed as exc:
            self._say(one_line(str(exc)), severity="error", timeout=8)
            return
        try:
            report = update(adder, feeds, progress, adder.stop)
        finally:
            adder.close()
        for where, why in report.failed[:5]:
            self._say(f"Not added {one_line(where)}: {one_line(why)}", severity="warning", timeout=8)
        self._say(f"{report.added} added, {report.already} already there, {len(report.failed)} failed", timeout=6)
        self.post_message(M.AddingProgress(1, 1))
        if report.added:
            indexed = self._index(report.written, corpus)
            self.post_message(M.ArticlesAdded(corpus, report.added, indexed))

    def _index(self, paths: list[Path], corpus: Path) -> bool:
        """The articles written made searchable at once, where the corpus has an index (in this
        worker); whether they were (else the corpus opened again syncs)."""
        from reader.indexed import index_new_files

        worker = get_current_worker()

        def waiting() -> None:
            self._say("The index is busy (the people pass, or another baldreader): found after its batch", timeout=6)

        indexed = index_new_files(
            corpus, self.reader_app.home, paths, stop=lambda: worker.is_cancelled, waiting=waiting
        )
        return indexed is not None

    def _say(self, text: str, severity: str = "information", timeout: float = 4) -> None:
        if get_current_worker().is_cancelled:
            return  # the reader left (or quit): nothing to tell
        self.app.call_from_thread(self.notify, text, title="Add", severity=severity, timeout=timeout)
