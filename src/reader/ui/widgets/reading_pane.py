"""The reading pane: an article's title, date and blocks, with a paragraph cursor.

Every piece of article text is put on screen as a `rich.text.Text` built from a plain string,
so markup-like text such as `[bold]` stays text, and control characters are made visible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.corpus.model import Article, Block
from reader.helpers.textsafe import one_line, visible
from reader.helpers.wording import count
from reader.ui.highlight import MARK_ORDER
from reader.ui.refocus import refocused

WINDOW_CHARS = 60_000  # text mounted at once, about 30 screens of a wide terminal
WINDOW_BLOCKS = 400
EDGE = 3  # blocks from a window's edge at which the window moves on


class BlockLook(NamedTuple):
    """How one block is drawn: its highlighting spans, and the claim kind marking its gutter."""

    spans: list[Any]
    mark: str | None = None


class BlockView(Static):
    """One paragraph, sub-heading or collapsed boilerplate block."""

    def __init__(self, index: int, block: Block) -> None:
        super().__init__(classes=block.kind)
        self.index = index
        self.block = block
        self.expanded = False
        self.marker = ""
        self.styles_: list[Any] = []  # (start, end, rich Style) relative to the block's text
        self.update(self._content())

    def _content(self) -> Text:
        text = Text()
        if self.marker:
            text.append(self.marker + " ", style="bold reverse")
            text.append(" ")
        if self.block.kind == "boilerplate" and not self.expanded:
            words = len(self.block.text.split())
            preview = visible(self.block.text[:60]).strip()
            text.append(f"▸ Site boilerplate hidden ({words} words): “{preview}…”  [z shows it]")
            return text
        body = Text(visible(self.block.text))
        for start, end, style in self.styles_:
            body.stylize(style, start, end)
        text.append_text(body)
        return text

    def show_look(self, look: BlockLook) -> None:
        """Highlighting spans (names, claims, hedges, search hits) on the block's own text, and
        the gutter mark of its claims."""
        for kind in MARK_ORDER:  # a class -mark-KIND each (app.tcss)
            self.set_class(kind == look.mark, f"-mark-{kind}")
        if look.spans != self.styles_:
            self.styles_ = look.spans
            self.update(self._content())

    def set_marker(self, marker: str) -> None:
        """A short badge before the text: ★ for a bookmark, ✎N for N notes."""
        if marker != self.marker:
            self.marker = marker
            self.update(self._content())

    def toggle(self) -> None:
        if self.block.kind == "boilerplate":
            self.expanded = not self.expanded
            self.set_class(self.expanded, "-expanded")
            self.update(self._content())

    def on_click(self, event: events.Click) -> None:
        self.post_message(ReadingPane.BlockClicked(self.index))


class ReadingPane(VerticalScroll, can_focus=True):
    """Shows one article; `cursor` is the index of the current block."""

    BINDINGS = [
        Binding(
            "j,down",
            "move(1)",
            "Next paragraph",
            show=False,
            id="reader.next_paragraph",
            tooltip="Move the paragraph cursor down",
        ),
        Binding(
            "k,up",
            "move(-1)",
            "Previous paragraph",
            show=False,
            id="reader.previous_paragraph",
            tooltip="Move the paragraph cursor up",
        ),
        Binding("g,home", "jump_first", "Top", show=False, id="reader.first", tooltip="Go to the start of the article"),
        Binding("G,end", "jump_last", "Bottom", show=False, id="reader.last", tooltip="Go to the end of the article"),
        Binding(
            "space,pagedown,ctrl+f",
            "page(1)",
            "Page down",
            show=False,
            id="reader.page_down",
            tooltip="Scroll a page down",
        ),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="reader.page_up", tooltip="Scroll a page up"),
        Binding(
            "ctrl+d",
            "half_page(1)",
            "Half page down",
            show=False,
            id="reader.half_down",
            tooltip="Scroll half a page down",
        ),
        Binding(
            "ctrl+u", "half_page(-1)", "Half page up", show=False, id="reader.half_up", tooltip="Scroll half a page up"
        ),
        Binding(
            "h,left",
            "back_to_list",
            "List",
            show=False,
            id="reader.back_to_list",
            tooltip="Back to the article list (as escape does)",
        ),
        Binding(
            "z",
            "toggle_boilerplate",
            "Boilerplate",
            show=False,
            id="reader.boilerplate",
            tooltip="Show or hide the site boilerplate under the cursor",
        ),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        def __init__(self, article_id: str, index: int) -> None:
            self.article_id = article_id
            self.index = index
            super().__init__()

    class BackToList(Message):
        """h or left: the reader wants the list."""

    class BlockClicked(Message):
        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._views: list[BlockView] = []  # the mounted window: blocks _first, _first + 1, …
        self._first = 0
        self._keep_scroll = False
        self._article_marker = ""
        self._styles: Callable[[int, bool], BlockLook] | None = None
        self._markers: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(Text("Choose an article from the list (enter), or press ? for help."), id="article-header")
        yield Static("", id="window-before", classes="window-note")
        yield Static("", id="window-after", classes="window-note")

    @property
    def block_count(self) -> int:
        return len(self.article.blocks) if self.article is not None else 0

    def show(self, article: Article, cursor: int = 0) -> None:
        """Display `article` with the cursor on block `cursor`."""
        self.article = article
        self._styles, self._markers = None, {}
        header = self.query_one("#article-header", Static)
        self._article_marker = ""
        header.update(_header_text(article))
        cursor = max(0, min(cursor, len(article.blocks) - 1))
        self._mount_window(cursor)
        self.scroll_home(animate=False)
        self.set_reactive(ReadingPane.cursor, -1)
        self.cursor = cursor

    # --- the window of mounted blocks ----------------------------------------------------------

    def _window(self, around: int) -> tuple[int, int]:
        """The blocks to mount around block `around`: all of them for an ordinary article, else
        about WINDOW_CHARS of text (at least a screenful either side), so that mounting,
        laying out and styling cost the same for a 5 MB article as for a short one."""
        blocks = self.article.blocks if self.article is not None else []
        total = sum(len(b.text) for b in blocks) if len(blocks) <= WINDOW_BLOCKS else None
        if total is not None and total <= WINDOW_CHARS:
            return 0, len(blocks)
        lo, hi, size = around, around + 1, len(blocks[around].text) if blocks else 0
        while (lo > 0 or hi < len(blocks)) and size < WINDOW_CHARS and hi - lo < WINDOW_BLOCKS:
            if lo > 0:
                lo -= 1
                size += len(blocks[lo].text)
            if hi < len(blocks):
                size += len(blocks[hi].text)
                hi += 1
        return lo, hi

    def _mount_window(self, around: int) -> None:
        lo, hi = self._window(around)
        for view in self._views:
            view.remove()
        assert self.article is not None
        self._first = lo
        self._views = [BlockView(i, self.article.blocks[i]) for i in range(lo, hi)]
        for view in self._views:
            view.set_marker(self._markers.get(view.index, ""))
            if self._styles is not None:
                view.show_look(self._styles(view.index, view.index == self.cursor))
        self.mount_all(self._views, before="#window-after")
        before, after = self.query_one("#window-before", Static), self.query_one("#window-after", Static)
        before.display, after.display = lo > 0, hi < len(self.article.blocks)
        before.update(f"▲ {count(lo, 'earlier block')} not shown: k, pgup or g goes there")
        after.update(f"▼ {count(len(self.article.blocks) - hi, 'more block')}: j, space or G goes there")

    def _view(self, index: int) -> BlockView | None:
        position = index - self._first
        return self._views[position] if 0 <= position < len(self._views) else None

    def _needs_window(self, index: int) -> bool:
        """Whether block `index` is outside the mounted window or near an edge that has more."""
        if self.article is None:
            return False
        last = self._first + len(self._views)
        near_start = index < self._first + EDGE and self._first > 0
        near_end = index >= last - EDGE and last < len(self.article.blocks)
        return self._view(index) is None or near_start or near_end

    # --- the cursor ----------------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        if not self.block_count:
            return 0
        return max(0, min(value, self.block_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        old_view = self._view(old)
        if old_view is not None:
            old_view.remove_class("-cursor")
            self._restyle(old_view)
        if self.article is None or not self.article.blocks:
            return
        if self._needs_window(new) and self._window(new) != (self._first, self._first + len(self._views)):
            self._mount_window(new)
        view = self._view(new)
        if view is not None:
            view.add_class("-cursor")
            self._restyle(view)
            if not self._keep_scroll:
                self.call_after_refresh(self.scroll_to_widget, view, animate=False, top=False)
        self.post_message(self.CursorMoved(self.article.id, new))

    def on_resize(self) -> None:
        """The cursor paragraph stays in sight after a resize (at 80x24 it scrolled out of view);
        a pane where it still shows is left as it is."""
        self.call_after_refresh(self._keep_cursor_in_sight)

    def _keep_cursor_in_sight(self) -> None:
        view = self._view(self.cursor)
        if view is None:
            return
        top, bottom = self.scroll_y, self.scroll_y + self.scrollable_content_region.height
        region = view.virtual_region
        if region.bottom <= top or region.y >= bottom:
            self.scroll_to_widget(view, animate=False, top=False)

    def on_reading_pane_block_clicked(self, message: BlockClicked) -> None:
        message.stop()
        self.cursor = message.index
        self.focus()

    def action_move(self, step: int) -> None:
        self.cursor += step

    async def _on_key(self, event: events.Key) -> None:
        if not refocused(self, event):
            await super()._on_key(event)

    def action_back_to_list(self) -> None:
        self.post_message(self.BackToList())

    def action_jump_first(self) -> None:
        self.cursor = 0
        self.call_after_refresh(self.scroll_home, animate=False)

    def action_jump_last(self) -> None:
        self.cursor = self.block_count - 1
        self.call_after_refresh(self.scroll_end, animate=False)

    def action_page(self, direction: int) -> None:
        self._scroll_and_follow(direction * max(1, self.scrollable_content_region.height - 1))

    def action_half_page(self, direction: int) -> None:
        self._scroll_and_follow(direction * max(1, self.scrollable_content_region.height // 2))

    def _scroll_and_follow(self, lines: int) -> None:
        """Scroll by `lines` and put the cursor on the first block now in view (past the edge
        of the mounted window: on the next block, which brings the next window)."""
        if not self._views:
            return
        if lines > 0 and self.scroll_y >= self.max_scroll_y and self.cursor < self.block_count - 1:
            self.cursor = self._first + len(self._views)  # the end of the window: move on
            return
        if lines < 0 and self.scroll_y <= 0 and self._first > 0:
            self.cursor = self._first - 1
            return
        target = max(0, min(self.scroll_y + lines, self.max_scroll_y))
        self.scroll_to(y=target, animate=False)
        bottom = target + self.scrollable_content_region.height
        # The first block that starts in view, so the cursor paragraph's first line shows; a
        # block that fills the whole view (none starts in it) when there is no such block.
        starting = [v for v in self._views if target <= v.virtual_region.y < bottom]
        covering = [v for v in self._views if v.virtual_region.bottom > target]
        chosen = starting[0] if starting else covering[0] if covering else None
        if chosen is not None:
            self._keep_scroll = True
            try:
                self.cursor = chosen.index
            finally:
                self._keep_scroll = False

    def set_article_marker(self, marker: str) -> None:
        """A line under the title about the article's own bookmark and notes."""
        if self.article is not None and marker != self._article_marker:
            self._article_marker = marker
            self.query_one("#article-header", Static).update(_header_text(self.article, marker))

    def set_block_styles(self, styles: Callable[[int, bool], BlockLook] | None) -> None:
        """Highlighting: `styles(index, under_cursor)` gives a block's look; asked only for
        mounted blocks, and again for the two blocks a cursor move changes."""
        self._styles = styles
        for view in self._views:
            self._restyle(view)

    def _restyle(self, view: BlockView | None) -> None:
        if view is not None:
            view.show_look(self._styles(view.index, view.index == self.cursor) if self._styles else BlockLook([]))

    def go_to_offset(self, offset: int) -> None:
        """The cursor on the paragraph holding character `offset` of the article; an offset in
        the headline (a person named in it) shows the top, the cursor on the first paragraph
        (it did nothing: the first enter on a person named in the headline seemed lost)."""
        blocks = self.article.blocks if self.article is not None else []
        found = next((i for i, block in enumerate(blocks) if block.start <= offset < block.end), None)
        if found is None and blocks and offset < blocks[0].start:
            self.cursor = 0
            self.scroll_home(animate=False)
        elif found is not None:
            self.cursor = found

    def set_markers(self, markers: dict[int, str]) -> None:
        """Badges by block index (0-based); blocks not named get none."""
        self._markers = markers
        for view in self._views:
            view.set_marker(markers.get(view.index, ""))

    def action_toggle_boilerplate(self) -> None:
        view = self._view(self.cursor)
        if view is not None:
            view.toggle()


def _header_text(article: Article, marker: str = "") -> Text:
    text = Text()
    title_style = "bold italic" if article.title_derived else "bold"
    text.append(visible(article.title), style=title_style)
    if article.title_derived:
        text.append("  (title derived from the text)", style="dim italic")
    meta = [article.date or "undated", f"{article.word_count} words", f"{article.reading_minutes} min read", article.id]
    text.append("\n" + one_line(" · ".join(meta)), style="dim")
    source = [part for part in (article.outlet, f"by {article.author}" if article.author else None) if part]
    if source or article.url:
        text.append("\n" + one_line(" · ".join(source + ([article.url] if article.url else []))), style="dim")
    if article.boilerplate_words:
        text.append(f"\nSite boilerplate collapsed ({article.boilerplate_words} words).", style="dim italic")
    for problem in article.problems:
        text.append(f"\n⚠ {one_line(problem)}", style="bold")
    if marker:
        text.append(f"\n{marker}", style="bold")
    return text
