"""The article list: a line-API widget that draws only the visible rows, so it stays instant
for very large corpora. Posts `Highlighted` as the cursor moves and `Chosen` on enter/click."""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.entries import Entry
from reader.helpers.textsafe import fitted
from reader.ui.refocus import refocused

WITH_WORDS = 56  # columns of the list from which the word count shows
WITH_DATE = 24  # ... and the date
OUTLET_WIDTH = 12  # at most, for the outlet's column (when the corpus names any outlet)
OUTLET_TITLE = 22  # the outlet shows when the title keeps this much (the word count goes first)
WORDS_TITLE = 40  # ... and the word count beside it when the title still keeps this much


class ArticleList(ScrollView, can_focus=True):
    """One row an article: title, sourcing badge, outlet (when the corpus names any), date, words."""

    BINDINGS = [
        Binding(
            "j,down", "cursor_down", "Next article", show=False, id="list.down", tooltip="Move to the next article"
        ),
        Binding(
            "k,up", "cursor_up", "Previous article", show=False, id="list.up", tooltip="Move to the previous article"
        ),
        Binding("g,home", "first", "First article", show=False, id="list.first", tooltip="Jump to the first article"),
        Binding("G,end", "last", "Last article", show=False, id="list.last", tooltip="Jump to the last article"),
        Binding(
            "pagedown,ctrl+f",
            "page_down",
            "Page down",
            show=False,
            id="list.page_down",
            tooltip="Move a page down the list",
        ),
        Binding(
            "pageup,ctrl+b", "page_up", "Page up", show=False, id="list.page_up", tooltip="Move a page up the list"
        ),
        Binding(
            "enter,l,right",
            "choose",
            "Read",
            show=False,
            id="list.open",
            tooltip="Open the article under the cursor in the reading pane",
        ),
    ]
    COMPONENT_CLASSES = {"article-list--cursor", "article-list--meta", "article-list--derived", "article-list--empty"}
    DEFAULT_CSS = """
    ArticleList { background: $surface; overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $primary 30%; text-style: bold; }
    ArticleList:focus > .article-list--cursor { background: $primary 55%; }
    ArticleList > .article-list--meta { color: $foreground 60%; }
    ArticleList > .article-list--derived { text-style: italic; }
    ArticleList > .article-list--empty { color: $foreground 50%; text-style: italic; }
    """

    cursor: reactive[int] = reactive(0, always_update=True)

    class Highlighted(Message):
        def __init__(self, article_id: str) -> None:
            self.article_id = article_id
            super().__init__()

    class Chosen(Message):
        def __init__(self, article_id: str) -> None:
            self.article_id = article_id
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.on_choose: Callable[[str], None] | None = None
        self._entries: list[Entry] = []
        self._badges: dict[str, str] = {}
        self._sourcing: dict[str, str] = {}
        self._outlet_width = 0  # the outlet column's, 0 when no article names its outlet
        self.empty_text = "No articles."

    @property
    def entries(self) -> list[Entry]:
        return self._entries

    @property
    def current(self) -> Entry | None:
        if 0 <= self.cursor < len(self._entries):
            return self._entries[self.cursor]
        return None

    def set_entries(self, entries: list[Entry], keep: str | None = None) -> None:
        """Show `entries`; the cursor stays on article `keep` when it is still listed."""
        self._entries = entries
        self._outlet_width = min(OUTLET_WIDTH, max(map(len, filter(None, (e.outlet for e in entries))), default=0))
        self.virtual_size = Size(self.size.width, len(entries))
        index = next((i for i, e in enumerate(entries) if e.id == keep), 0) if keep else 0
        self.cursor = index
        self.refresh()

    def set_badges(self, badges: dict[str, str]) -> None:
        """One character per article id shown before its title (★ bookmarked, ✎ notes)."""
        self._badges = badges
        self.refresh()

    def set_sourcing(self, badges: dict[str, str]) -> None:
        """One character per article id after the title: the share of its claims resting on
        anonymous sources (analysis/sourcing.py); articles not analysed yet show none."""
        self._sourcing.update(badges)
        self.refresh()

    def select_id(self, article_id: str) -> bool:
        for i, entry in enumerate(self._entries):
            if entry.id == article_id:
                self.cursor = i
                return True
        return False

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._entries) - 1)) if self._entries else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to(y=self._scroll_target(new), animate=False)
        self.refresh()
        if self.current is not None:
            self.post_message(self.Highlighted(self.current.id))

    def _scroll_target(self, row: int) -> float:
        top, height = self.scroll_offset.y, max(1, self.size.height)
        if row < top:
            return row
        if row >= top + height:
            return row - height + 1
        return top

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        base = self.rich_style
        if not self._entries:
            if y == 0:
                style = base + self.get_component_rich_style("article-list--empty")
                return Strip([Segment(self.empty_text[:width].ljust(width), style)])
            return Strip.blank(width, base)
        if row >= len(self._entries):
            return Strip.blank(width, base)
        entry = self._entries[row]
        style = base
        if row == self.cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        meta_style = style + self.get_component_rich_style("article-list--meta")
        sourcing = self._sourcing.get(entry.id, " ")
        words = f"{entry.words:>5}w" if entry.words >= 0 else "      "  # -1: not read yet
        # The title gets the room; the date stays longest (what a reader of news sorts by): the
        # word count goes first when narrow (at 80 columns the date went and titles had 16).
        date = entry.date or "   undated"
        meta = f" {sourcing} {date} {words}"
        if width < WITH_WORDS:
            meta = f" {sourcing} {date}"
        if width < WITH_DATE:
            meta = f" {sourcing}"
        mark = ("▸" if row == self.cursor else " ") + ("!" if entry.flagged else " ") + self._badges.get(entry.id, " ")
        if self._outlet_width and width >= WITH_DATE:
            # Where the story ran, before the word count: what a media researcher compares first.
            outlet = fitted(entry.outlet or "", self._outlet_width)
            choices = (
                (f" {sourcing} {outlet} {date} {words}", WORDS_TITLE),
                (f" {sourcing} {outlet} {date}", OUTLET_TITLE),
            )
            for with_outlet, title_room in choices:
                if width - len(mark) - cell_len(with_outlet) >= title_room:
                    meta = with_outlet
                    break
        title_width = max(1, width - cell_len(meta) - len(mark))
        title = fitted(entry.title, title_width)  # by terminal cells: CJK, emoji, zero-width
        title_style = style
        if entry.title_derived:
            title_style = style + self.get_component_rich_style("article-list--derived")
        segments = [
            Segment(mark, meta_style),
            Segment(title, title_style),
            Segment(meta, meta_style),
        ]
        return Strip(segments).crop(0, width)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._entries))
        # The selected article stays in sight after a resize (it scrolled out of view at 80x24).
        self.call_after_refresh(lambda: self.scroll_to(y=self._scroll_target(self.cursor), animate=False))

    def on_click(self, event: events.Click) -> None:
        row = self.scroll_offset.y + event.y
        if 0 <= row < len(self._entries):
            self.cursor = row
            if event.chain >= 2 or self.has_focus:
                self.post_message(self.Chosen(self._entries[row].id))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._entries) - 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.size.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.size.height - 1)

    def action_choose(self) -> None:
        """Enter: the screen opens the article at once (`on_choose`, so the keys typed after enter
        reach the reading pane), else a `Chosen` message."""
        if self.current is not None:
            if self.on_choose is not None:
                self.on_choose(self.current.id)
            else:
                self.post_message(self.Chosen(self.current.id))

    async def _on_key(self, event: events.Key) -> None:
        if not refocused(self, event):
            await super()._on_key(event)
