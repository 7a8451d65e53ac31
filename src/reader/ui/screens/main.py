"""The main screen: the article list beside the reading pane. It owns the widgets and answers the
messages of its parts, each of which owns one concern (`reader.ui.controllers`): search, the
analysis, notes, the views across the corpus, the panes' layout. It opens the corpus in a worker
(the core's `open_corpus`), opens articles, filters and sorts the list, draws the highlighting,
and remembers the reading position.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, Input

from reader.corpus import Corpus
from reader.corpus.lazy import LazyCorpus
from reader.corpus.model import Article
from reader.entries import SORTS
from reader.helpers.textsafe import visible
from reader.opening import Listed, Loaded, Synced, problem_summary
from reader.ui import messages as M
from reader.ui.controllers.across import AcrossController
from reader.ui.controllers.adding import AddingController
from reader.ui.controllers.analysis import AnalysisController
from reader.ui.controllers.corpus import CorpusController
from reader.ui.controllers.notes import NotesController, article_marker
from reader.ui.controllers.panes import Layout, PanesController, next_stop
from reader.ui.controllers.search import SearchController
from reader.ui.screens.main_bindings import BINDINGS
from reader.ui.services import ReaderServices, services
from reader.ui.widgets.analysis_panel import AnalysisPanel
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.footer import ReaderFooter
from reader.ui.widgets.reading_column import ReadingColumn
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sidebar import Sidebar

if TYPE_CHECKING:
    from reader.analysis import Analysis


class MainScreen(Screen[None]):
    BINDINGS = list(BINDINGS)
    AUTO_FOCUS = None  # the list is focused in on_mount, at once (not the search bar, then the list)

    def __init__(self, corpus_path: Path) -> None:
        super().__init__()
        self.corpus_path = corpus_path
        self._restore: tuple[str | None, int] = (None, 0)
        self._restore_focus = "list"
        self._problems_told: tuple[str, str] | None = None  # said once, not at each opening again

    @property
    def reader_app(self) -> ReaderServices:
        return services(self.app)

    @property
    def corpus(self) -> Corpus | LazyCorpus | None:
        """The corpus shown, as its one holder (the corpus controller) has it."""
        return self.opener.corpus

    # Its direct children, made in compose: the screen speaks to them and to nothing below them.
    sidebar: Sidebar
    column: ReadingColumn
    panel: AnalysisPanel
    opener: CorpusController
    analysis: AnalysisController
    search: SearchController
    notes: NotesController
    across: AcrossController
    adding: AddingController
    panes: PanesController

    def compose(self) -> ComposeResult:
        state = self.reader_app.state
        self.sidebar, self.column = Sidebar(list(state.search_history), state.sort), ReadingColumn()
        self.panel, self.opener = AnalysisPanel(id="analysis-panel"), CorpusController()
        self.analysis, self.search = AnalysisController(), SearchController()
        self.notes, self.across = NotesController(lambda: self.opener.corpus), AcrossController()
        self.adding, self.panes = AddingController(), PanesController()
        yield Header(show_clock=False)
        yield from (self.sidebar, self.column, self.panel, ReaderFooter(show_command_palette=False), self.opener)
        yield from (self.analysis, self.search, self.notes, self.across, self.adding, self.panes)

    def on_mount(self) -> None:
        self.sidebar.when_chosen(self._chosen)
        self._restore_focus = self.reader_app.state.focus  # read before the list takes the focus
        self.sidebar.focus_list()
        self._restore = self.reader_app.state.position(self.corpus_path)
        # A panel left open on a wide terminal does not hide a narrow one's list.
        self._lay_out(self.panes.start(self.app.size.width))
        ahead = self.reader_app.opening_ahead
        if ahead is not None and (first := ahead.ready(self.corpus_path)) is not None:
            self.opener.adopt(first)
            self.on_corpus_opened(M.CorpusOpened(first))  # read while Textual loaded: in the first frame
            # The rest (a listed corpus's files read, a large one's sync) once that frame is
            # drawn: read meanwhile, 2,000 files held the frame back by a quarter of a second.
            self.call_after_refresh(self.opener.open, self.corpus_path)
        else:
            self.opener.open(self.corpus_path)

    # --- opening the corpus --------------------------------------------------------------------

    def on_corpus_progress(self, message: M.CorpusProgress) -> None:
        self.sidebar.progress("loading", message.done, message.total)

    def on_corpus_failed(self, message: M.CorpusFailed) -> None:
        self.sidebar.cannot_open(message.reason)

    def on_corpus_opened(self, message: M.CorpusOpened) -> None:
        opened = message.opened
        if isinstance(opened, Loaded):
            self._loaded(opened)
        elif isinstance(opened, Listed):
            self._listed(opened)
        elif isinstance(opened, Synced):
            if opened.listing is not None:
                self._listed(opened.listing)
            self.sidebar.hide_progress("loading")
            if self.corpus is not None:  # its files that could not be read, as the sync found them
                self._report_problems(self.corpus)
            self._refresh_marks()
            self.search.adopt(opened.index, opened.report)

    def _loaded(self, opened: Loaded) -> None:
        corpus = opened.corpus
        self.sidebar.hide_progress("loading")
        column = self.column
        if column.article is not None:  # listed from the catalog first: keep the reader's place
            self._restore = (column.article.id, column.cursor)
        last_id, block = self._restore
        self.sidebar.set_entries(opened.entries, in_date_order=False, keep=self.sidebar.current_id() or last_id)
        if last_id and corpus.by_id(last_id):
            self._open(last_id, block)
            self.sidebar.select_id(last_id)
            if self._restore_focus == "reader" and self.sidebar.list_has_focus:
                column.focus_pane()
            self._restore_focus = "list"  # once: never taken back from where the reader went since
        elif opened.entries:
            current = self.sidebar.current_entry
            self._open(current.id if current else opened.entries[0].id)
        self._report_problems(corpus)
        self.notes.reattach(corpus.articles)
        self._refresh_marks()
        # Background work starts once the list is on screen, so it does not delay the paint.
        self.call_after_refresh(self.analysis.analyse_corpus, corpus.articles)
        if not opened.indexed:  # (opened again after files were indexed on their own: no sync)
            self.call_after_refresh(self.search.start)

    def _listed(self, listed: Listed) -> None:
        first = self.column.article is None
        # Hundreds of thousands of long-lived objects: keep them out of the collector's full
        # passes, which otherwise stall the screen for most of a second.
        gc.freeze()
        last_id, block = self._restore
        self.sidebar.set_entries(listed.entries, in_date_order=True, keep=self.sidebar.current_id() or last_id)
        if first:
            shown = self.sidebar.current_entry
            self._open(shown.id if shown else "", block if shown and shown.id == last_id else 0)

    def _report_problems(self, corpus: Corpus | LazyCorpus) -> None:
        """The files that could not be read, once: the corpus read again (a file saved in its
        folder) says them again only when they changed."""
        summary = problem_summary(corpus)
        if summary is not None and summary != self._problems_told:
            self.notify(summary[1], title=summary[0], severity="warning", timeout=12)
        self._problems_told = summary

    # --- the reading pane ------------------------------------------------------------------------

    def _open(self, article_id: str, block: int | None = None, force: bool = False) -> None:
        """Show an article at `block`; without one, at its first paragraph, or where the reader
        is when it is the article shown (read again: in full after the list, or changed)."""
        if self.corpus is None:
            return
        article = self.corpus.by_id(article_id)
        column = self.column
        if article is None:
            return
        if block is None:
            block = column.cursor if column.article is not None and column.article.id == article_id else 0
        if column.article is article:
            if force:
                column.move_cursor(block)
            return
        column.show(article, block)
        self.sub_title = article.title
        self._refresh_marks()
        self.analysis.of(article)
        self._draw_highlights()

    @on(ArticleList.Highlighted)
    def _preview(self, message: ArticleList.Highlighted) -> None:
        self._open(message.article_id)
        self.sidebar.describe_result(self.analysis.palette.search)

    @on(ArticleList.Chosen)
    def _choose(self, message: ArticleList.Chosen) -> None:
        self._chosen(message.article_id)

    def _chosen(self, article_id: str) -> None:
        self._open(article_id)
        self.column.focus_pane()

    @on(ReadingPane.BackToList)
    def _back_to_list(self) -> None:
        self.sidebar.focus_list()

    @on(ReadingPane.CursorMoved)
    def _remember(self, message: ReadingPane.CursorMoved) -> None:
        self.app.post_message(M.StateChanged({"position": (self.corpus_path, message.article_id, message.index)}))
        self._describe_cursor()

    def _current_analysis(self) -> Analysis | None:
        article = self.column.article
        return self.analysis.analyses.get(article.id) if article else None

    def _draw_highlights(self) -> None:
        """The open article's highlighting and the side panel."""
        analysis, palette = self._current_analysis(), self.analysis.palette
        search = self.search
        self.column.draw(
            analysis, palette, self.analysis.highlight_layers, lambda a, i: search.hit_styles(a, i, palette.search)
        )
        article = self.column.article
        profile = self.analysis.profiles.get(article.id) if article else None
        self.panel.show(article, analysis, profile, palette)

    def _describe_cursor(self) -> None:
        self.column.describe_cursor(self._current_analysis())

    def on_analysis_panel_jump(self, message: AnalysisPanel.Jump) -> None:
        self.column.go_to_offset(message.offset)

    # --- what the parts report ---------------------------------------------------------------------

    def on_article_analysed(self, message: M.ArticleAnalysed) -> None:
        self.sidebar.show_analyses({message.article.id: message.analysis}, {message.article.id: message.profile})
        if self.column.article is message.article:
            self._draw_highlights()

    def on_corpus_analysed(self, message: M.CorpusAnalysed) -> None:
        self.sidebar.show_analyses(message.analyses, message.profiles)
        self.sidebar.refresh_status()
        self._draw_highlights()

    def on_measures_read(self, message: M.MeasuresRead) -> None:
        self.sidebar.set_measures(message.measures)

    def on_analysis_progress(self, message: M.AnalysisProgress) -> None:
        self.sidebar.status(f"analysing {message.done}/{message.total}…")

    def on_highlights_changed(self) -> None:
        self._draw_highlights()

    def on_marks_changed(self) -> None:
        self._refresh_marks()

    def _refresh_marks(self) -> None:
        badges, marks = self.notes.marks_of(self.column.article)
        self.sidebar.set_badges(badges)
        if marks is not None:
            self.column.set_marks(marks.badges(), article_marker(marks))

    def on_jump_to_place(self, message: M.JumpToPlace) -> None:
        self._open(message.article_id, message.paragraph, force=True)
        self.sidebar.select_id(message.article_id)
        self.column.focus_pane()

    def on_note_on_conflict(self, message: M.NoteOnConflict) -> None:
        self.notes.note_on_conflict(message.article, message.paragraph, message.conflict)

    def on_index_progress(self, message: M.IndexProgress) -> None:
        if message.done >= message.total:  # the sync's or the people pass's end
            self.sidebar.hide_progress("indexing")
        else:
            self.sidebar.progress("indexing", message.done, message.total)

    def on_index_ready(self) -> None:
        self.sidebar.hide_progress("indexing")

    def on_search_notice(self, message: M.SearchNotice) -> None:
        self.sidebar.info(Text(visible(message.text), style="italic"))  # may carry a path (an error's)

    def on_search_answered(self, message: M.SearchAnswered) -> None:
        self.sidebar.show_results(message.result, self.analysis.palette.search)
        self._draw_highlights()

    def on_search_cleared(self) -> None:
        self.sidebar.clear_results()
        self._draw_highlights()

    @on(Input.Changed, "#search")
    def _search_typed(self, event: Input.Changed) -> None:
        self.search.schedule(event.value)

    # --- actions ------------------------------------------------------------------------------------

    # Focus moves with `set_focus`, at once: `Widget.focus()` waits its turn in the app's queue,
    # so a key typed right after "/" or enter went to the widget focused before.

    def _at_cursor(self, do: Callable[[Article, int], object]) -> None:
        """Do something at the open article's cursor paragraph; without an article, say so."""
        article = self.column.article
        if article is None or not article.blocks:
            self.notify("Open an article first.", severity="warning")
        else:
            do(article, self.column.cursor)

    def action_cycle_pane(self) -> None:
        """tab: the list, the reading pane, then (when open) the panel's people and claims."""
        stops = [*self.sidebar.tab_stops(), *self.column.tab_stops(), *self.panel.tab_stops()]
        self.set_focus(next_stop(stops, self.focused))

    def on_resize(self) -> None:
        self._lay_out(self.panes.fit(self.app.size.width))

    def _lay_out(self, layout: Layout) -> None:
        """Show and hide the list and the side panel; the focus leaves what is hidden."""
        panel = self.panel
        leaving = (not layout.panel and panel.has_focus_within) or (not layout.sidebar and self.sidebar.list_has_focus)
        panel.display, self.sidebar.display = layout.panel, layout.sidebar
        if leaving:
            self.column.focus_pane()

    def action_focus_filter(self) -> None:
        self.sidebar.focus_filter()

    def action_focus_search(self) -> None:
        if isinstance(self.focused, Input):  # "/" typed in the search bar or the filter is text
            self.focused.insert_text_at_cursor("/")
            return
        self.sidebar.focus_search()

    def action_toggle_sort(self) -> None:
        current = self.sidebar.sort
        sort = SORTS[(SORTS.index(current) + 1) % len(SORTS)] if current in SORTS else "date"
        self.app.post_message(M.StateChanged({"sort": sort}))
        self.sidebar.set_sort(sort)

    def action_back(self) -> None:
        """escape: backs out of the search bar, the filter or the reading pane to the list."""
        if self.sidebar.back(self.column.pane_has_focus):
            self.sidebar.focus_list()

    def action_next_hit(self, step: int) -> None:
        if (found := self.search.next_hit(self.column.article, self.column.cursor, step)) is not None:
            self.column.move_cursor(found)

    def action_toggle_layer(self, layer: str) -> None:
        self.analysis.toggle_layer(layer)

    def action_toggle_panel(self) -> None:
        self._lay_out(self.panes.toggle_panel(self.app.size.width))

    def on_descendant_focus(self) -> None:
        where = "reader" if self.column.pane_has_focus else "list" if self.sidebar.list_has_focus else None
        self.panes.remember_focus(where)

    def action_toggle_bookmark(self) -> None:
        self._at_cursor(lambda article, at: self.notes.toggle_bookmark(article, at, whole_article=False))

    def action_toggle_article_bookmark(self) -> None:
        self._at_cursor(lambda article, at: self.notes.toggle_bookmark(article, at, whole_article=True))

    def action_new_note(self) -> None:
        self._at_cursor(lambda article, at: self.notes.new_note(article, at, (self.get_selected_text() or "").strip()))

    def action_edit_note(self) -> None:
        self._at_cursor(self.notes.edit_here)

    def action_notes_panel(self) -> None:
        self.notes.open_panel()

    def action_export_notes(self) -> None:
        self.notes.export_dialog()

    def action_across(self) -> None:
        """x: people, travelling quotes and conflicts across the corpus (read in full)."""
        self.across.open(self.corpus, self.analysis.analyses, self.analysis.cache)

    def action_add_article(self) -> None:
        """+: a page or feed into the corpus open (your own when the seeds are open)."""
        self.adding.ask(self.corpus_path)

    def action_update_feeds(self) -> None:
        self.adding.update_feeds(self.corpus_path)

    def on_adding_progress(self, message: M.AddingProgress) -> None:
        self.sidebar.progress("adding", message.done, message.total)

    def on_articles_added(self, message: M.ArticlesAdded) -> None:
        """Read the corpus again (the one written to, opened in the seeds' place: then synced)."""
        indexed = message.indexed and message.corpus == self.corpus_path
        self.corpus_path = message.corpus
        self.opener.open(message.corpus, indexed)

    def action_note_on_claim(self) -> None:
        self._at_cursor(
            lambda article, at: self.notes.note_on_claim(article, at, self.analysis.analyses.get(article.id))
        )
