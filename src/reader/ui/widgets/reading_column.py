"""The right column: the legend of the highlighting, the reading pane, and the line describing the
claims of the paragraph under the cursor. Draws what it is given: the analysis, palette and
layers (from the analysis controller) and the search hits (from the search controller).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from reader.corpus.model import Article
from reader.helpers.textsafe import one_line
from reader.ui.highlight import Layers, Palette, block_styles, claim_mark, describe_claims, legend
from reader.ui.widgets.reading_pane import BlockLook, ReadingPane

if TYPE_CHECKING:
    from reader.analysis import Analysis

HitStyles = Callable[[Article, int], list[Any]]


class ReadingColumn(Vertical):
    def __init__(self) -> None:
        super().__init__(id="reading")

    def compose(self) -> ComposeResult:
        yield Static("", id="legend")
        yield ReadingPane(id="reader")
        yield Static("", id="claim-info", markup=False)

    def draw(self, analysis: Analysis | None, palette: Palette, layers: Layers, hits: HitStyles) -> None:
        """Names, claims, hedges and search hits in the open article, and the legend."""
        reader = self.query_one(ReadingPane)
        article = reader.article
        if article is not None:
            shown = article

            def styles(index: int, focused: bool) -> BlockLook:
                block = shown.blocks[index]
                found: list[Any] = block_styles(block, analysis, palette, layers, focused=focused)
                return BlockLook(found + hits(shown, index), claim_mark(block, analysis, layers))

            reader.set_block_styles(styles)
        self.query_one("#legend", Static).update(legend(palette, layers))
        self.describe_cursor(analysis)

    def describe_cursor(self, analysis: Analysis | None) -> None:
        reader = self.query_one(ReadingPane)
        info = self.query_one("#claim-info", Static)
        article = reader.article
        if article is None or not article.blocks:
            info.update("")
            return
        block = article.blocks[reader.cursor]
        text = describe_claims(block, analysis) if analysis else "analysing…"
        info.update(one_line(f"¶{reader.cursor + 1}: {text or 'no claim in this paragraph'}"))

    # --- the reading pane, for the screen (which speaks only to this column) -------------------

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def article(self) -> Article | None:
        """The article shown."""
        return self.pane.article

    @property
    def cursor(self) -> int:
        """The paragraph under the cursor (0-based block)."""
        return self.pane.cursor

    def move_cursor(self, block: int) -> None:
        self.pane.cursor = block

    def show(self, article: Article, block: int = 0) -> None:
        self.pane.show(article, block)

    def go_to_offset(self, offset: int) -> None:
        self.pane.go_to_offset(offset)

    def set_marks(self, markers: dict[int, str], article_marker: str) -> None:
        """The notes' and bookmarks' badges by paragraph, and the line about the whole article."""
        self.pane.set_markers(markers)
        self.pane.set_article_marker(article_marker)

    def tab_stops(self) -> list[Widget]:
        """What tab stops at here: the reading pane."""
        return [self.pane]

    def focus_pane(self) -> None:
        """The focus on the reading pane, at once (set_focus, not focus(): a key typed right
        after would otherwise go to the widget focused before)."""
        self.screen.set_focus(self.pane)

    @property
    def pane_has_focus(self) -> bool:
        return self.pane.has_focus
