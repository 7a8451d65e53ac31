"""The left column: the search bar, the title filter, progress bars, the article list, the search
info and the list's status line. Owns what the list shows: the corpus's entries, their sorted
orders, the filter, and the current search results in place of the list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, ProgressBar, Static

from reader.entries import SORT_SHOWN, Entry, Measures, filter_entries, measure_terms, sort_entries
from reader.helpers.textsafe import one_line, visible
from reader.helpers.wording import count as count_of
from reader.ui.messages import StateChanged
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.search_input import SearchInput

if TYPE_CHECKING:
    from reader.across.profile import Profile
    from reader.analysis import Analysis
    from reader.search import SearchResult


class Sidebar(Vertical):
    def __init__(self, history: list[str], sort: str) -> None:
        super().__init__(id="sidebar")
        self._history = history
        self.sort = sort
        self.entries: list[Entry] = []
        self._sorted: dict[str, list[Entry]] = {}
        self.measures: Measures = {}  # article id -> its sourcing measures, as the analyses come
        self.result: SearchResult | None = None

    def compose(self) -> ComposeResult:
        yield SearchInput(self._history, placeholder="search (/)", id="search", select_on_focus=False)
        yield Input(placeholder="filter titles (f)", id="filter", select_on_focus=False)
        yield ProgressBar(id="loading", show_eta=False)
        yield ProgressBar(id="indexing", show_eta=False)
        yield ArticleList(id="articles")
        yield Static("", id="search-info")
        yield Static("", id="list-status", markup=False)

    def on_mount(self) -> None:
        self.query_one("#filter", Input).can_focus = True
        self.query_one(ArticleList).empty_text = "Loading articles…"
        self.query_one("#indexing").display = False
        self.query_one("#search-info").display = False

    @on(Input.Changed, "#filter")
    def _filter(self) -> None:
        self.refresh_list(keep=self.current_id())

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.screen.set_focus(self.query_one(ArticleList))

    @on(Input.Submitted, "#search")
    def _search_done(self, event: Input.Submitted) -> None:
        """Enter in the search bar: the query joins the history, the results take the focus."""
        event.stop()
        bar = self.query_one("#search", SearchInput)
        bar.remember(event.value)
        self.app.post_message(StateChanged({"search_history": list(bar.history)}))
        articles = self.query_one(ArticleList)
        if articles.current is not None:
            self.screen.set_focus(articles)

    # --- the corpus's list -------------------------------------------------------------------------

    def set_entries(self, entries: list[Entry], in_date_order: bool, keep: str | None) -> None:
        """The corpus's entries (`in_date_order`: as the catalog gives them, newest first)."""
        self.entries = entries
        self._sorted = {"date": entries} if in_date_order else {}
        self.query_one(ArticleList).empty_text = "No articles in this corpus." if not entries else "No article matches."
        self.refresh_list(keep)

    def set_measures(self, measures: Measures) -> None:
        """Articles' sourcing measures as the analyses come in: the list is sorted and filtered
        by them again when it is sorted or filtered by them."""
        self.measures.update(measures)
        self._sorted.pop("anonymous", None)
        self._sorted.pop("hedges", None)
        if self.sort in ("anonymous", "hedges") or measure_terms(self.query_one("#filter", Input).value)[1]:
            self.refresh_list(self.current_id())

    def set_sort(self, by: str) -> None:
        self.sort = by
        self.refresh_list(self.current_id())

    def current_id(self) -> str | None:
        current = self.query_one(ArticleList).current
        return current.id if current else None

    def refresh_list(self, keep: str | None = None) -> None:
        if self.sort not in self._sorted:
            self._sorted[self.sort] = sort_entries(self.entries, self.sort, self.measures)
        ordered = self._sorted[self.sort]
        text = self.query_one("#filter", Input).value
        self.query_one(ArticleList).set_entries(
            filter_entries(ordered, text, self.measures) if text.strip() else ordered, keep=keep
        )
        self.refresh_status()

    def refresh_status(self) -> None:
        shown = len(self.query_one(ArticleList).entries)
        self.status(f"{shown} of {len(self.entries)} articles · {SORT_SHOWN.get(self.sort, self.sort)}")

    def status(self, line: str) -> None:
        self.query_one("#list-status", Static).update(line)

    def progress(self, bar: str, done: int, total: int) -> None:
        """Update the `loading` or `indexing` bar (shown while it runs)."""
        widget = self.query_one(f"#{bar}", ProgressBar)
        widget.display = True
        widget.update(total=total, progress=done)

    def hide_progress(self, bar: str) -> None:
        self.query_one(f"#{bar}").display = False

    def back(self, from_reader: bool) -> bool:
        """escape: the search bar or the filter cleared, a step at a time; True when the list
        should take the focus (from the search bar, the filter or the reading pane)."""
        search, typed = self.query_one("#search", SearchInput), self.query_one("#filter", Input)
        articles = self.query_one(ArticleList)
        if search.has_focus or typed.has_focus:
            (search if search.has_focus else typed).value = ""
            return True
        if articles.has_focus and search.value:
            search.value = ""
            return False
        if from_reader:
            return True
        typed.value = ""
        return False

    def cannot_open(self, reason: str) -> None:
        """The corpus could not be opened: said in the empty list and in a notification."""
        self.hide_progress("loading")
        articles = self.query_one(ArticleList)
        articles.empty_text = f"Cannot open corpus: {reason}"
        articles.refresh()
        self.notify(reason, title="Corpus", severity="error", timeout=10)

    # --- search results ---------------------------------------------------------------------------

    def show_results(self, result: SearchResult, colour: str) -> None:
        self.result = result
        by_id = {e.id: e for e in self.entries}
        articles = self.query_one(ArticleList)
        articles.empty_text = "No hits."
        articles.set_entries([by_id.get(h.id) or Entry(h.id, h.title, h.date, 0) for h in result.hits])
        self.describe_result(colour)

    def describe_result(self, colour: str) -> None:
        """The status line and info for the results, with the snippet of the hit under the cursor."""
        result = self.result
        if result is None:
            return
        hits = count_of(result.total, "hit")  # "1 hit", "3 hits"
        status = (hits if result.exact else f"about {hits}") + (
            f", first {len(result.hits)}" if result.total > len(result.hits) else ""
        )
        self.status(status + " · esc clears")
        info = Text()
        for line in result.messages:
            info.append(f"⚠ {one_line(line)}\n", style="italic")
        if result.suggestion:
            info.append(f"No hits. Did you mean: {one_line(result.suggestion)}\n", style="bold")
        current = self.current_id()
        hit = next((h for h in result.hits if h.id == current), None)
        if hit is not None:
            info.append_text(_snippet_text(hit.snippet, colour))
        self.info(info)

    def clear_results(self) -> None:
        self.result = None
        self.query_one("#search-info", Static).display = False
        self.query_one(ArticleList).empty_text = "No article matches."
        self.refresh_list(keep=self.current_id())

    def info(self, text: Text) -> None:
        info = self.query_one("#search-info", Static)
        info.display = bool(text.plain.strip())
        info.update(text)

    # --- the article list, for the screen (which speaks only to this sidebar) ------------------

    def when_chosen(self, chosen: Callable[[str], None]) -> None:
        """Call `chosen(article_id)` when an article is chosen (enter, a double click)."""
        self.query_one(ArticleList).on_choose = chosen

    @property
    def current_entry(self) -> Entry | None:
        return self.query_one(ArticleList).current

    def select_id(self, article_id: str) -> None:
        self.query_one(ArticleList).select_id(article_id)

    def show_analyses(self, analyses: Mapping[str, Analysis], profiles: Mapping[str, Profile]) -> None:
        """Articles' sourcing signs and measures, by id, as their analyses come in."""
        from reader.analysis.sourcing import sourcing_badge

        self.query_one(ArticleList).set_sourcing({i: sourcing_badge(a) for i, a in analyses.items()})
        self.set_measures({i: p.measures() for i, p in profiles.items()})

    def set_badges(self, badges: dict[str, str]) -> None:
        """Each article's notes and bookmarks badge, by id."""
        self.query_one(ArticleList).set_badges(badges)

    def tab_stops(self) -> list[Widget]:
        """What tab stops at here: the list, while it shows."""
        found = self.query_one(ArticleList)
        return [found] if self.display and found.display else []

    def focus_list(self) -> None:
        """The focus on the article list, at once (set_focus: see ReadingColumn.focus_pane)."""
        self.screen.set_focus(self.query_one(ArticleList))

    @property
    def list_has_focus(self) -> bool:
        return self.query_one(ArticleList).has_focus

    def focus_filter(self) -> None:
        self.screen.set_focus(self.query_one("#filter", Input))

    def focus_search(self) -> None:
        self.screen.set_focus(self.query_one("#search", SearchInput))


def _snippet_text(snippet: str, colour: str) -> Text:
    """A snippet with **hits** shown highlighted (and no markup interpreted)."""
    text = Text()
    for i, part in enumerate(visible(snippet).split("**")):
        text.append(part, style=Style(bgcolor=colour, color="black", bold=True) if i % 2 else "")
    return text
