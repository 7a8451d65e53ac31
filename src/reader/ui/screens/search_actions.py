"""The main screen's search: the index synced in a worker (progress shown, the app usable
meanwhile), search as you type (debounced, stale results dropped), results in the list with a
snippet, hits highlighted in the reading pane, n/N between them.

A mixin of `MainScreen`, kept in its own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.widgets import Input, ProgressBar, Static
from textual.worker import get_current_worker

from reader.catalog import Entry
from reader.search.integrity import IndexDamaged
from reader.textsafe import one_line, visible
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_input import SearchInput

if TYPE_CHECKING:  # Whoosh is imported in the indexing worker, after the first paint
    from reader.search import SearchIndex, SearchResult

SEARCH_BINDINGS = [
    Binding(
        "slash",
        "focus_search",
        "Search",
        id="main.search",
        tooltip='Search the whole corpus (words, "phrases", AND/OR/NOT, -word, word*, word~, title:, person:, date:)',
    ),
    Binding(
        "n",
        "next_hit(1)",
        "Next hit",
        show=False,
        id="search.next_hit",
        tooltip="Move to the next paragraph with a search hit",
    ),
    Binding(
        "N",
        "next_hit(-1)",
        "Previous hit",
        show=False,
        id="search.previous_hit",
        tooltip="Move to the previous paragraph with a search hit",
    ),
]
DEBOUNCE = 0.15


class SearchActions:
    """Needs from its host: `corpus`, `_entries`, `_refresh_list`, `_open`, `apply_analysis`."""

    search_index: SearchIndex | None = None
    search_result: SearchResult | None = None
    hit_terms: set[str] = set()
    search_ready = False
    _search_timer = None

    def start_search(self) -> None:
        self._search_timer = None
        self.search_ready = False
        self.index_corpus()

    @work(thread=True, exclusive=True, group="index")
    def index_corpus(self, rebuild: bool = False) -> None:
        """Sync the index in a child process (the screen stays responsive), then open it here."""
        from reader.search import SearchIndex
        from reader.search.background import SyncAbandoned, sync_in_child

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if total > 50:
                self.app.call_from_thread(self._show_index_progress, done, total)

        try:
            report = sync_in_child(
                self.corpus_path, self.app.home, progress, rebuild=rebuild, stop=lambda: worker.is_cancelled
            )
            index = SearchIndex(self.corpus_path, self.app.home)
            index.open_existing()
        except SyncAbandoned:
            return  # the app is quitting; the child finishes the index on its own
        except Exception as exc:  # noqa: BLE001 - search is lost, reading is not
            self.app.call_from_thread(
                self.notify, f"Search is unavailable: {exc}", title="Search", severity="error", timeout=10
            )
            return
        if worker.is_cancelled:
            index.close()
            return
        self.app.call_from_thread(self._indexed, index, report)

    def _show_index_progress(self, done: int, total: int) -> None:
        bar = self.query_one("#indexing", ProgressBar)
        bar.display = True
        bar.update(total=total, progress=done)

    def _indexed(self, index: SearchIndex, report) -> None:
        self.search_index = index
        self.search_ready = True
        self.query_one("#indexing", ProgressBar).display = False
        if report.rebuilt_because and report.rebuilt_because != "no index yet":
            self.notify(f"Search index rebuilt: {report.rebuilt_because}", title="Search", timeout=6)
        if report.busy:
            self.notify(
                "Another baldreader is indexing this corpus; searching what is indexed.", title="Search", timeout=6
            )
        query = self.query_one("#search", SearchInput).value
        if query.strip():
            self._schedule_search(query)

    def on_unmount(self) -> None:
        if self.search_index is not None:
            self.search_index.close()

    # --- typing ---------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.query_one("#search", SearchInput).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._schedule_search(event.value)

    def _schedule_search(self, query: str) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        if not query.strip():
            self._clear_search()
            return
        self._search_timer = self.set_timer(DEBOUNCE, lambda: self._run_search(query))

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, query: str) -> None:
        index = self.search_index
        if index is None:
            self.app.call_from_thread(
                self._search_info, Text("indexing… results appear when the index is ready", style="italic")
            )
            return
        try:
            result = index.search(query, limit=50)
        except IndexDamaged as exc:
            self.app.call_from_thread(self._index_damaged, index, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - a search that fails must not take the reader with it
            self.app.call_from_thread(
                self.notify, f"Search failed: {type(exc).__name__}: {exc}", title="Search", severity="error", timeout=8
            )
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_results, query, result)

    def _index_damaged(self, index: SearchIndex, problem: str) -> None:
        """The index files changed under us: rebuild in the child, then search again."""
        if self.search_index is not index:
            return  # already being rebuilt
        self.search_index = None
        self.search_ready = False
        index.close()
        self.notify(
            f"The search index is damaged ({problem}); rebuilding it. Results follow.",
            title="Search",
            severity="warning",
            timeout=8,
        )
        self.index_corpus(rebuild=True)

    def _show_results(self, query: str, result: SearchResult) -> None:
        if query != self.query_one("#search", SearchInput).value:
            return  # a stale answer: the user typed on
        self.search_result = result
        self.hit_terms = result.terms
        by_id = {e.id: e for e in self._entries}
        entries = [by_id.get(h.id) or Entry(h.id, h.title, h.date, 0) for h in result.hits]
        articles = self.query_one(ArticleList)
        articles.empty_text = "No hits."
        articles.set_entries(entries)
        self._search_status(result)
        self.apply_analysis()

    def _search_status(self, result: SearchResult) -> None:
        count = f"{result.total:,}" if result.exact else f"about {result.total:,}"
        status = f"{count} hit(s)" + (f", first {len(result.hits)}" if result.total > len(result.hits) else "")
        self.query_one("#list-status", Static).update(status + " · esc clears")
        info = Text()
        for message in result.messages:
            info.append(f"⚠ {one_line(message)}\n", style="italic")
        if result.suggestion:
            info.append(f"No hits. Did you mean: {one_line(result.suggestion)}\n", style="bold")
        current = self.query_one(ArticleList).current
        hit = next((h for h in result.hits if current and h.id == current.id), None)
        if hit is not None:
            info.append_text(_snippet_text(hit.snippet, self.palette.search))
        self._search_info(info)

    def _search_info(self, text: Text) -> None:
        info = self.query_one("#search-info", Static)
        info.display = bool(text.plain.strip())
        info.update(text)

    def search_highlighted(self) -> None:
        """The list cursor moved: show that hit's snippet."""
        if self.search_result is not None:
            self._search_status(self.search_result)

    def _clear_search(self) -> None:
        if self.search_result is None and not self.hit_terms:
            return
        self.search_result = None
        self.hit_terms = set()
        self.query_one("#search-info", Static).display = False
        current = self.query_one(ArticleList).current
        self.query_one(ArticleList).empty_text = "No article matches."
        self._refresh_list(keep=current.id if current else None)
        self.apply_analysis()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            event.stop()
            self.query_one("#search", SearchInput).remember(event.value)
            self.app.state.search_history = list(self.query_one("#search", SearchInput).history)
            self.app.save_state_soon()
            articles = self.query_one(ArticleList)
            if articles.current is not None:
                articles.focus()

    # --- hits in the reading pane -----------------------------------------------------------

    def search_styles(self, article, index: int) -> list:
        if not self.hit_terms or article is None:
            return []
        from reader.search.query import hit_spans

        block = article.blocks[index]
        spans = hit_spans(article.text[block.start : block.end], self.hit_terms)
        style = Style(bgcolor=self.palette.search, color="black", bold=True)
        return [(s, e, style) for s, e in spans]

    def action_next_hit(self, step: int) -> None:
        reader = self.query_one(ReadingPane)
        article = reader.article
        if article is None or not self.hit_terms:
            self.notify("No search hits here: / searches.", timeout=3)
            return
        from reader.search.snippets import word_pattern

        # From the cursor on, wrapping round. A regular expression (C speed) passes over the
        # blocks without a word that could have a searched stem; only the others are analysed,
        # so a long article without hits costs milliseconds, not seconds, on this thread.
        candidate = word_pattern(sorted(self.hit_terms)).search
        count = len(article.blocks)
        for distance in range(1, count + 1):
            index = (reader.cursor + step * distance) % count
            block = article.blocks[index]
            if candidate(article.text, block.start, block.end) and self.search_styles(article, index):
                reader.cursor = index
                return
        self.notify("No hits in this article.", timeout=3)


def _snippet_text(snippet: str, colour: str) -> Text:
    """A snippet with **hits** shown highlighted (and no markup interpreted)."""
    text = Text()
    for i, part in enumerate(visible(snippet).split("**")):
        text.append(part, style=Style(bgcolor=colour, color="black", bold=True) if i % 2 else "")
    return text
