"""Across the corpus: people, quotes that travel, conflicting facts and outlets, one tab each. The views
are computed by the core (`reader.across`) in a thread worker that can be cancelled (escape
closes the screen and stops it), with progress while articles not yet analysed are analysed.
Dismisses with the place chosen (article id, offset in its text), a conflict to note (`n`), or
None."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from reader.across.conflicts import Conflict
from reader.across.outlets import NO_OUTLET, OutletProfile, by_outlet
from reader.across.people import Person
from reader.across.profile import Profile
from reader.across.quotes import QuoteGroup
from reader.across.views import CorpusViews
from reader.analysis import Analysis
from reader.corpus.model import Article
from reader.helpers.wording import count
from reader.ui.widgets.across_lists import SHOWN, AcrossList, ConflictsList, OutletsList, PeopleList, QuotesList


class AcrossScreen(ModalScreen[tuple[str, int] | Conflict | None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="across.close", tooltip="Close the view (stops its work)"),
        Binding("q", "app.quit", "Quit", id="across.quit", tooltip="Quit baldreader"),
        Binding("j", "move(1)", "Down", show=False, id="across.down", tooltip="The next row"),
        Binding("k", "move(-1)", "Up", show=False, id="across.up", tooltip="The previous row"),
        Binding("right,l", "tab(1)", "Next tab", id="across.next_tab", tooltip="People, quotes, conflicts, outlets"),
        Binding("left,h", "tab(-1)", "Previous tab", show=False, id="across.previous_tab", tooltip="The tab before"),
    ]
    TABS = ("people", "quotes", "conflicts", "outlets")

    class Computed(Message):
        def __init__(
            self,
            people: list[Person],
            places: list[tuple[str, int]],
            quotes: list[QuoteGroup],
            conflicts: list[Conflict],
            outlets: tuple[list[OutletProfile], dict[str, str]],
        ) -> None:
            super().__init__()
            self.people, self.places, self.quotes, self.conflicts = people, places, quotes, conflicts
            self.outlets = outlets

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    def __init__(
        self,
        articles: list[Article],
        analysis_of: Callable[[Article, Callable[[], bool]], Analysis],
        views: CorpusViews,
        tab: str = "people",
    ) -> None:
        """`analysis_of(article, stop)`: its analysis, abandoned once `stop()` is true;
        `views`: the views as last computed (kept by the caller, brought up to date here)."""
        super().__init__()
        self.articles = articles
        self.views = views
        self.analysis_of = analysis_of
        self.first_tab = tab

    def compose(self) -> ComposeResult:
        with Vertical(id="across"):
            yield Static(f"Across the corpus · {count(len(self.articles), 'article')}", id="across-title")
            yield Static("computing…", id="across-status")
            with TabbedContent(initial=self.first_tab):
                with TabPane("People", id="people"):
                    yield PeopleList(id="across-people")
                with TabPane("Quotes that travel", id="quotes"):
                    yield QuotesList(id="across-quotes")
                with TabPane("Conflicts", id="conflicts"):
                    yield ConflictsList(id="across-conflicts")
                with TabPane("Outlets", id="outlets"):
                    yield OutletsList(id="across-outlets")

    def on_mount(self) -> None:
        self.compute()
        self.call_after_refresh(self._focus_list)

    def _focus_list(self) -> None:
        """The list of the tab shown takes the focus."""
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            self.set_focus(pane.query_one(AcrossList))

    def on_tabbed_content_tab_activated(self) -> None:
        self.call_after_refresh(self._focus_list)

    @work(thread=True, exclusive=True, group="across")
    def compute(self) -> None:
        """The views are kept between openings: only articles new or changed since are analysed
        and put in. Every step asks the worker whether it was cancelled (escape, q), so it ends
        soon after, whatever the corpus's size (the views are then built anew next time)."""
        from reader.analysis import AnalysisCancelled

        worker = get_current_worker()

        def stop() -> bool:
            return worker.is_cancelled

        views = self.views
        with views.lock:  # a worker of an earlier opening may still be stopping
            if not views.complete:
                views.clear()
            pending = [a for a in self.articles if views.content_hash(a.id) != a.content_hash]
            removed = set(views.article_ids()) - {a.id for a in self.articles}
            try:
                # From the last article back: the corpus's own analysis may still be going from
                # the first one forward, and the two meet through the shared cache.
                by_id: dict[str, Analysis] = {}
                for done, article in enumerate(reversed(pending), 1):
                    by_id[article.id] = self.analysis_of(article, stop)
                    if done % 50 == 0 or done == len(pending):
                        self.post_message(self.Progress(done, len(pending)))
                views.update([(a, by_id[a.id]) for a in pending], removed, stop)
                people = views.people()
                places = [person.first_place() for person in people[:SHOWN]]
                found = self.Computed(people, places, views.quotes(), views.conflicts(), self._outlets(stop))
            except AnalysisCancelled:
                return
        self.post_message(found)

    def _outlets(self, stop: Callable[[], bool]) -> tuple[list[OutletProfile], dict[str, str]]:
        """Sourcing by outlet (the analyses come from the cache), and each outlet's first article."""
        from reader.across.profile import profile
        from reader.analysis.cancel import check

        def profiles() -> Iterator[tuple[Article, Profile]]:
            for article in self.articles:
                check(stop)  # the analyses come from the cache: asked here too, not only by them
                yield article, profile(article, self.analysis_of(article, stop))

        rows = by_outlet(profiles())
        firsts: dict[str, str] = {}
        for article in self.articles:
            firsts.setdefault(article.outlet or NO_OUTLET, article.id)
        return rows, firsts

    def on_across_screen_progress(self, message: Progress) -> None:
        done = message.done == message.total  # the views are then put together, which takes a while
        self.query_one("#across-status", Static).update(
            f"{count(message.total, 'article')} analysed · putting the views together…"
            if done
            else f"analysing {message.done:,}/{message.total:,}…"
        )

    def on_across_screen_computed(self, message: Computed) -> None:
        contradictions = sum(1 for c in message.conflicts if c.verdict == "contradiction")
        self.query_one("#across-status", Static).update(
            f"{count(len(message.people), 'person', 'people')} · "
            f"{count(len(message.quotes), 'quotation')} in several articles · "
            f"{count(len(message.conflicts), 'conflict')} ({count(contradictions, 'contradiction')}) · "
            "enter goes there · n notes a conflict"
        )
        self.query_one(PeopleList).show(message.people, message.places)
        self.query_one(QuotesList).show(message.quotes)
        self.query_one(ConflictsList).show(message.conflicts, {a.id: a.title for a in self.articles})
        self.query_one(OutletsList).show(*message.outlets)

    def on_across_list_go(self, message: AcrossList.Go) -> None:
        self.workers.cancel_group(self, "across")
        self.dismiss((message.article_id, message.offset))

    def on_conflicts_list_note_conflict(self, message: ConflictsList.NoteConflict) -> None:
        self.workers.cancel_group(self, "across")
        self.dismiss(message.conflict)

    def action_move(self, step: int) -> None:
        focused = self.focused
        if isinstance(focused, AcrossList):
            focused.action_cursor_down() if step > 0 else focused.action_cursor_up()

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        at = self.TABS.index(tabs.active) if tabs.active in self.TABS else 0
        tabs.active = self.TABS[(at + step) % len(self.TABS)]

    def action_close(self) -> None:
        self.workers.cancel_group(self, "across")
        self.dismiss(None)
