"""The main screen: article list beside the reading pane. It coordinates the widgets: loads the
corpus in a worker with progress, opens articles, filters and sorts, remembers the position."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, ProgressBar, Static
from textual.worker import get_current_worker

from reader.catalog import Entry, filter_entries, sort_entries
from reader.corpus import Corpus, CorpusError, load_corpus
from reader.corpus.lazy import LazyCorpus
from reader.corpus.load import find_article_files
from reader.search.catalog_db import SCHEMA_VERSION, index_folder, stored_listing
from reader.ui.screens.analysis_actions import ANALYSIS_BINDINGS, AnalysisActions
from reader.ui.screens.notes_actions import NOTES_BINDINGS, NotesActions
from reader.ui.screens.search_actions import SEARCH_BINDINGS, SearchActions
from reader.ui.widgets.analysis_panel import AnalysisPanel
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_input import SearchInput

LAZY_THRESHOLD = 3000  # more article files than this: list from the search catalog


@contextmanager
def _collector_paused():
    """The garbage collector off while 100,000s of lasting objects are made: it would walk
    them again and again as they are made."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _listing(rows) -> tuple[dict[str, str], list[Entry]]:
    """Catalog rows (in list order) as the lazy corpus's paths and the list's entries."""
    paths = {r[0]: r[6] for r in rows}
    return paths, [Entry(r[0], r[1], r[2] or None, r[3], bool(r[4]), bool(r[5])) for r in rows]


class MainScreen(NotesActions, AnalysisActions, SearchActions, Screen[None]):
    BINDINGS = [
        Binding(
            "tab",
            "cycle_pane",
            "Next pane",
            id="main.next_pane",
            tooltip="Move focus between the article list and the reading pane",
        ),
        Binding(
            "f",
            "focus_filter",
            "Filter",
            id="main.filter",
            tooltip="Type to filter the article list by title, id or date",
        ),
        Binding("s", "toggle_sort", "Sort", id="main.sort", tooltip="Sort the list by date (newest first) or by title"),
        Binding(
            "escape",
            "back",
            "Back",
            id="main.back",
            tooltip="Back out: reading pane to the list (or results), results to the whole list, "
            "leave the filter or search bar",
        ),
        *SEARCH_BINDINGS,
        *NOTES_BINDINGS,
        *ANALYSIS_BINDINGS,
    ]

    def __init__(self, corpus_path: Path) -> None:
        super().__init__()
        self.corpus_path = corpus_path
        self.corpus: Corpus | None = None
        self._entries: list[Entry] = []
        self._sorted: dict[str, list[Entry]] = {}
        self._restore: tuple[str | None, int] = (None, 0)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="sidebar"):
            yield SearchInput(
                list(self.app.state.search_history), placeholder="search (/)", id="search", select_on_focus=False
            )
            yield Input(placeholder="filter titles (f)", id="filter", select_on_focus=False)
            yield ProgressBar(id="loading", show_eta=False)
            yield ProgressBar(id="indexing", show_eta=False)
            yield ArticleList(id="articles")
            yield Static("", id="search-info")
            yield Static("", id="list-status", markup=False)
        with Vertical(id="reading"):
            yield Static("", id="legend")
            yield ReadingPane(id="reader")
            yield Static("", id="claim-info", markup=False)
        yield AnalysisPanel(id="analysis-panel")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).can_focus = True
        self.query_one(ArticleList).empty_text = "Loading articles…"
        self.query_one(ArticleList).focus()
        self._restore = self.app.state.position(self.corpus_path)
        self.start_analysis()
        self.load()
        self.start_store()
        self.query_one(AnalysisPanel).display = self.app.size.width >= 150
        self.query_one("#indexing").display = False
        self.query_one("#search-info").display = False

    @work(thread=True, exclusive=True, group="corpus")
    def load(self) -> None:
        worker = get_current_worker()
        bar = self.query_one("#loading", ProgressBar)

        def progress(done: int, total: int) -> None:
            if done == total or done % 200 == 0:
                self.app.call_from_thread(bar.update, total=total, progress=done)

        try:
            if not self.corpus_path.exists():
                raise CorpusError(f"corpus not found: {self.corpus_path}")
            # A large corpus seen before is listed from the catalog at once (no Whoosh).
            with _collector_paused():
                rows = stored_listing(index_folder(self.corpus_path, self.app.home), SCHEMA_VERSION)
            if len(rows) > LAZY_THRESHOLD or len(find_article_files(self.corpus_path)) > LAZY_THRESHOLD:
                self._load_large(rows, progress)
                return
            corpus = load_corpus(self.corpus_path, progress)
        except (CorpusError, OSError, RuntimeError) as exc:
            self.app.call_from_thread(self._load_failed, str(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._loaded, corpus)

    def _load_large(self, rows, progress) -> None:
        """A large corpus: list it from the search catalog at once if there is one, then sync
        the index in a child process (progress shown) and list what it holds; articles are
        read when opened. The list is built here, in the worker, not on the screen's thread."""
        from reader.search import SearchIndex
        from reader.search.background import SyncAbandoned, sync_in_child

        if rows:
            with _collector_paused():
                listing = _listing(rows)
            self.app.call_from_thread(self._loaded_large, *listing, None, None)
        worker = get_current_worker()
        try:
            report = sync_in_child(self.corpus_path, self.app.home, progress, stop=lambda: worker.is_cancelled)
        except SyncAbandoned:
            return
        index = SearchIndex(self.corpus_path, self.app.home)
        index.open_existing()
        unchanged = rows and not (report.added or report.changed or report.removed or report.touched)
        listing = (None, None) if unchanged else _listing(index.listing())
        self.app.call_from_thread(self._loaded_large, *listing, index, report)

    def _loaded_large(self, paths, entries, index, report) -> None:
        first = self.corpus is None
        if entries is not None:
            self.corpus = LazyCorpus(self.corpus_path, paths)
            self._entries = entries
            # Hundreds of thousands of long-lived objects: keep them out of the collector's
            # full passes, which otherwise stall the screen for most of a second.
            gc.freeze()
            self._sorted = {"date": entries}  # already in date order
            articles = self.query_one(ArticleList)
            current = articles.current
            last_id, block = self._restore
            self._refresh_list(keep=(current.id if current else last_id))
            if first:
                self._open(
                    articles.current.id if articles.current else "",
                    block if articles.current and articles.current.id == last_id else 0,
                )
        if index is not None:
            self.query_one("#loading").display = False
            self.corpus.skipped = report.skipped
            self._report_problems(self.corpus)
            self.refresh_marks()
            self._indexed(index, report)

    def _load_failed(self, message: str) -> None:
        self.query_one("#loading").display = False
        articles = self.query_one(ArticleList)
        articles.empty_text = f"Cannot open corpus: {message}"
        articles.refresh()
        self.notify(message, title="Corpus", severity="error", timeout=10)

    def _loaded(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.query_one("#loading").display = False
        self._entries = [Entry.of(a) for a in corpus.articles]
        self._sorted = {}
        articles = self.query_one(ArticleList)
        articles.empty_text = "No articles in this corpus." if not self._entries else "No article matches."
        last_id, block = self._restore
        self._refresh_list(keep=last_id)
        if last_id and corpus.by_id(last_id):
            self._open(last_id, block)
            articles.select_id(last_id)
        elif self._entries:
            self._open(articles.current.id if articles.current else self._entries[0].id, 0)
        self._report_problems(corpus)
        self.reattach(corpus.articles)
        self.refresh_marks()
        # Background work starts once the list is on screen, so it does not delay the paint.
        self.call_after_refresh(self.analyse_corpus, corpus.articles)
        self.call_after_refresh(self.start_search)

    def _report_problems(self, corpus: Corpus) -> None:
        lines = [f"{s.path.name}: {s.reason}" for s in corpus.skipped]
        lines += [f"{a.path.name}: {p}" for a in corpus.flagged for p in a.problems]
        if lines:
            shown = "\n".join(lines[:6]) + (f"\n… and {len(lines) - 6} more" if len(lines) > 6 else "")
            self.notify(shown, title=f"{len(lines)} file problem(s)", severity="warning", timeout=12)

    def _sorted_entries(self) -> list[Entry]:
        by = self.app.state.sort
        if by not in self._sorted:
            self._sorted[by] = sort_entries(self._entries, by)
        return self._sorted[by]

    def _refresh_list(self, keep: str | None = None) -> None:
        text = self.query_one("#filter", Input).value
        ordered = self._sorted_entries()
        shown = filter_entries(ordered, text) if text.strip() else ordered
        articles = self.query_one(ArticleList)
        articles.set_entries(shown, keep=keep)
        self._refresh_list_status()

    def _refresh_list_status(self) -> None:
        shown = len(self.query_one(ArticleList).entries)
        status = f"{shown} of {len(self._entries)} articles · by {self.app.state.sort}"
        self.query_one("#list-status", Static).update(status)

    def _open(self, article_id: str, block: int = 0, force: bool = False) -> None:
        if self.corpus is None:
            return
        article = self.corpus.by_id(article_id)
        reader = self.query_one(ReadingPane)
        if article is None:
            return
        if reader.article is article:
            if force:
                reader.cursor = block
            return
        reader.show(article, block)
        self.sub_title = article.title
        self.refresh_marks()
        self.analysis_for(article)
        self.apply_analysis()

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        self._open(message.article_id)
        self.search_highlighted()

    @on(ArticleList.Chosen)
    def _choose(self, message: ArticleList.Chosen) -> None:
        self._open(message.article_id)
        self.query_one(ReadingPane).focus()

    @on(ReadingPane.CursorMoved)
    def _remember(self, message: ReadingPane.CursorMoved) -> None:
        self.app.remember_position(self.corpus_path, message.article_id, message.index)
        self.describe_cursor()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        current = self.query_one(ArticleList).current
        self._refresh_list(keep=current.id if current else None)

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.query_one(ArticleList).focus()

    def action_cycle_pane(self) -> None:
        panes = [self.query_one(ArticleList), self.query_one(ReadingPane)]
        focused = self.focused
        index = panes.index(focused) if focused in panes else -1
        panes[(index + 1) % len(panes)].focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_toggle_sort(self) -> None:
        self.app.state.sort = "title" if self.app.state.sort == "date" else "date"
        self.app.save_state_soon()
        current = self.query_one(ArticleList).current
        self._refresh_list(keep=current.id if current else None)

    def action_back(self) -> None:
        filter_input = self.query_one("#filter", Input)
        search = self.query_one("#search", SearchInput)
        if search.has_focus:
            search.value = ""
            self.query_one(ArticleList).focus()
            return
        if self.query_one(ArticleList).has_focus and search.value:
            search.value = ""
            return
        if filter_input.has_focus:
            if filter_input.value:
                filter_input.value = ""
            self.query_one(ArticleList).focus()
        elif self.query_one(ReadingPane).has_focus:
            self.query_one(ArticleList).focus()
        elif filter_input.value:
            filter_input.value = ""
