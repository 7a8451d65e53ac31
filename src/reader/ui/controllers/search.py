"""Search for the screen: the index synced in a child process from a worker (progress posted,
the app usable meanwhile), search as you type (debounced, stale answers dropped), the hits of the
current results for highlighting, and n/N between them. Owns the index and the results.
"""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from rich.style import Style
from textual import work
from textual.timer import Timer
from textual.worker import get_current_worker

from reader.corpus.model import Article
from reader.search.integrity import IndexDamaged
from reader.ui.controllers import Controller
from reader.ui.messages import (
    IndexProgress,
    IndexReady,
    MeasuresRead,
    SearchAnswered,
    SearchCleared,
    SearchIndexDamaged,
    SearchNotice,
)

if TYPE_CHECKING:  # Whoosh is imported in the indexing worker, after the first paint
    from reader.search import SearchIndex, SearchResult, SyncReport

DEBOUNCE = 0.15
RELEASE_AFTER = 2.0  # seconds after the last answer: the index pages searches touched are let go
Span = tuple[int, int, Style]


class SearchController(Controller):
    def __init__(self) -> None:
        super().__init__(id="search-controller")
        self.index: SearchIndex | None = None
        self.result: SearchResult | None = None
        self.ready = False
        self.query_typed = ""
        self._timer: Timer | None = None
        self._release_timer: Timer | None = None  # set after each answer, fires once typing has paused
        self._syncing = False  # a sync worker runs
        self._sync_again: str | None = None  # "sync" or "rebuild": asked for while one ran
        self._people_child: subprocess.Popen[bytes] | None = None  # the people pass, while it runs
        self.unavailable: str | None = None  # why the index could not be made, if it could not

    @property
    def hit_terms(self) -> set[str]:
        return self.result.terms if self.result is not None else set()

    # --- the index --------------------------------------------------------------------------

    def start(self, rebuild: bool = False) -> None:
        """Sync the index in a child process (the screen stays responsive), then open it here.
        Asked while a sync runs (the corpus opened again meanwhile), another follows it: a
        second child at once would find the first's lock and say another baldreader indexes."""
        if self._syncing:
            self._sync_again = self._sync_again or ("rebuild" if rebuild else "sync")
            return
        self._syncing = True
        self._sync(rebuild)

    def _synced(self) -> None:
        self._syncing = False
        again, self._sync_again = self._sync_again, None
        if again is not None:
            self.start(rebuild=again == "rebuild")

    @work(thread=True, exclusive=True, group="index")
    def _sync(self, rebuild: bool) -> None:
        try:
            self._sync_and_open(rebuild)
        finally:
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._synced)

    def _sync_and_open(self, rebuild: bool) -> None:
        from reader.search import SearchIndex
        from reader.search.background import SyncAbandoned, sync_in_child

        worker = get_current_worker()
        corpus, home = self.reader_app.corpus_path, self.reader_app.home

        def progress(done: int, total: int) -> None:
            if total > 50:
                self.post_message(IndexProgress(done, total))

        try:
            report = sync_in_child(corpus, home, progress, rebuild=rebuild, stop=lambda: worker.is_cancelled)
            index = SearchIndex(corpus, home)
            index.open_existing()
        except SyncAbandoned:
            return  # the app is quitting; the child finishes the index on its own
        except Exception as exc:  # noqa: BLE001 - search is lost, reading is not
            self.unavailable = str(exc)
            self.post_message(IndexProgress(1, 1))  # the progress line goes: no "indexing…" for ever
            self.post_message(SearchNotice(f"search is unavailable: {exc}"))
            self.app.call_from_thread(self.notify, f"Search is unavailable: {exc}", title="Search", severity="error")
            return
        if worker.is_cancelled:
            index.close()
            return
        self.post_message(IndexReady(index, report))

    def adopt(self, index: SearchIndex, report: SyncReport) -> None:
        """An index opened elsewhere (a large corpus's sync): searches use it."""
        self.post_message(IndexReady(index, report))

    def on_index_ready(self, message: IndexReady) -> None:
        self.index = message.index
        self.ready = True
        report = message.report
        if report.rebuilt_because and report.rebuilt_because != "no index yet":
            self.notify(f"Search index rebuilt: {report.rebuilt_because}", title="Search", timeout=6)
        if report.busy:
            self.notify(
                "Another baldreader is indexing this corpus; searching what is indexed.", title="Search", timeout=6
            )
        if self.query_typed.strip():
            self.schedule(self.query_typed)
        self.read_measures()
        self.read_people()
        self.prepare_index()

    @work(thread=True, exclusive=True, group="side-files")
    def prepare_index(self) -> None:
        """What the first search would read, read now (SearchIndex.prepare): the index's side
        files checked too, not by the first phrase search."""
        index, worker = self.index, get_current_worker()
        if index is not None:
            index.prepare(stop=lambda: worker.is_cancelled)

    @work(thread=True, exclusive=True, group="measures")
    def read_measures(self) -> None:
        """The sourcing measures the catalog keeps (a large corpus's articles are not all
        analysed in this process), for the list to sort and filter by."""
        index = self.index
        if index is not None and (measures := index.measures_by_id()):
            self.post_message(MeasuresRead(measures))

    @work(thread=True, exclusive=True, group="people")
    def read_people(self) -> None:
        """The people pass (people_pass.py) in a child process, when the index holds articles a
        large sync indexed without their people: `person:` finds more of them as each batch is
        committed (the searcher reopens on the index's new generation). Stopped with the app;
        the child ends after the batch in hand."""
        from reader.search.background import SyncAbandoned, people_in_child

        index = self.index
        pending = index.people_pending() if index is not None else 0
        if not pending:
            return
        worker = get_current_worker()
        corpus, home = self.reader_app.corpus_path, self.reader_app.home
        self.app.call_from_thread(
            self.notify,
            f"Reading the people of {pending:,} articles for person: searches, in the background.",
            title="Search",
            timeout=6,
        )

        def progress(done: int, total: int) -> None:
            self.post_message(IndexProgress(done, total))

        def started(child: subprocess.Popen[bytes]) -> None:
            self._people_child = child

        try:
            result = people_in_child(corpus, home, progress, stop=lambda: worker.is_cancelled, started=started)
        except SyncAbandoned:
            return
        except Exception as exc:  # noqa: BLE001 - person: stays partial, the rest works
            self.app.call_from_thread(self.notify, f"Reading people stopped: {exc}", title="Search", severity="warning")
            return
        finally:
            self.post_message(IndexProgress(1, 1))  # the bar goes
        self.app.call_from_thread(self.read_measures)
        if result is not None and result[1] == 0:
            self.app.call_from_thread(self.notify, "person: now covers every article.", title="Search", timeout=6)

    def on_unmount(self) -> None:
        self.workers.cancel_node(self)  # a search in hand stops at its next step (close() asks it too)
        child = self._people_child
        if child is not None and child.poll() is None:
            child.terminate()  # the people pass stops after its batch in hand; the app does not wait
        if self.index is not None:
            self.index.close()

    # --- typing -----------------------------------------------------------------------------

    def schedule(self, query: str) -> None:
        """The search bar changed: search after a pause in typing (empty: clear)."""
        self.query_typed = query
        if self._timer is not None:
            self._timer.stop()
        if not query.strip():
            self._timer = None
            self.workers.cancel_group(self, "search")  # a search still running stops at its next step
            if self.result is not None:
                self.result = None
                self.post_message(SearchCleared())
            return
        self._timer = self.set_timer(DEBOUNCE, lambda: self._run(query))

    @work(thread=True, exclusive=True, group="search")
    def _run(self, query: str) -> None:
        index = self.index
        if index is None:
            waiting = "indexing… results appear when the index is ready"
            self.post_message(
                SearchNotice(f"search is unavailable: {self.unavailable}" if self.unavailable else waiting)
            )
            return
        worker = get_current_worker()
        try:
            result = index.search(query, limit=50, stop=lambda: worker.is_cancelled)
        except IndexDamaged as exc:
            self.post_message(SearchIndexDamaged(index, str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - a search that fails must not take the reader with it
            failed = f"Search failed: {type(exc).__name__}: {exc}"
            self.app.call_from_thread(self.notify, failed, title="Search", severity="error", timeout=8)
            return
        if not worker.is_cancelled:
            self.post_message(SearchAnswered(query, result))

    def on_search_answered(self, message: SearchAnswered) -> None:
        if self._release_timer is not None:
            self._release_timer.stop()
        self._release_timer = self.set_timer(RELEASE_AFTER, self._on_typing_paused)
        if message.query != self.query_typed:
            message.stop()  # a stale answer: the user typed on
            return
        self.result = message.result

    def _on_typing_paused(self) -> None:
        self._release_timer = None
        self._release_pages()

    @work(thread=True, exclusive=True, group="release")
    def _release_pages(self) -> None:
        """The index pages the searches read are let go (SearchIndex.release_pages)."""
        index = self.index
        if index is not None:
            index.release_pages()

    def on_search_index_damaged(self, message: SearchIndexDamaged) -> None:
        """The index files changed under us: rebuild in the child, then search again."""
        message.stop()
        index, problem = message.index, message.problem
        if self.index is not index:
            return  # already being rebuilt
        self.index = None
        self.ready = False
        index.close()
        self.notify(
            f"The search index is damaged ({problem}); rebuilding it. Results follow.",
            title="Search",
            severity="warning",
            timeout=8,
        )
        self.start(rebuild=True)

    # --- hits in the reading pane -------------------------------------------------------------

    def hit_styles(self, article: Article | None, index: int, colour: str) -> list[Span]:
        """The search hits in one paragraph, as styled spans."""
        terms = self.hit_terms
        if not terms or article is None:
            return []
        from reader.search.query import hit_spans

        block = article.blocks[index]
        spans = hit_spans(article.text[block.start : block.end], terms)
        style = Style(bgcolor=colour, color="black", bold=True)
        return [(s, e, style) for s, e in spans]

    def next_hit(self, article: Article | None, cursor: int, step: int) -> int | None:
        """The next paragraph (step 1) or the previous (-1) with a hit, wrapping round; None
        when there is none (and the reader is told)."""
        terms = self.hit_terms
        if article is None or not terms:
            self.notify("No search hits here: / searches.", timeout=3)
            return None
        from reader.search.snippets import word_pattern

        # A regular expression (C speed) passes over the blocks without a word that could have
        # a searched stem; only the others are analysed, so a long article without hits costs
        # milliseconds, not seconds, on this thread.
        candidate = word_pattern(sorted(terms)).search
        count = len(article.blocks)
        for distance in range(1, count + 1):
            index = (cursor + step * distance) % count
            block = article.blocks[index]
            if candidate(article.text, block.start, block.end) and self.hit_styles(article, index, "white"):
                return index
        self.notify("No hits in this article.", timeout=3)
        return None
