"""The main screen's panes: which of the list, the reading pane and the side panel show, where tab
moves the focus among them, and what the reader left open or focused for the next launch.

Under NARROW columns the open side panel takes the list's place, so that the reading pane keeps a
readable width (at 80 columns it shrank to about 10).
"""

from __future__ import annotations

from textual.widget import Widget

from reader.ui.controllers import Controller
from reader.ui.messages import StateChanged
from reader.ui.widgets.analysis_panel import AnalysisPanel
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.sidebar import Sidebar

NARROW = 110  # columns under which the side panel replaces the list
WIDE = 150  # columns from which the side panel is open at a first launch


class PanesController(Controller):
    def __init__(self) -> None:
        super().__init__(id="panes-controller")

    def start(self) -> None:
        """At the screen's start: the panel as the reader left it, unless the terminal is now narrow."""
        left_open, width = self.reader_app.state.panel, self.app.size.width
        panel = self.screen.query_one(AnalysisPanel)
        panel.display = width >= WIDE if left_open is None else left_open and width >= NARROW
        self.fit()

    def fit(self) -> None:
        """Hide the list while the open panel needs its room; the focus leaves the hidden list."""
        screen = self.screen
        narrow = self.app.size.width < NARROW and bool(screen.query_one(AnalysisPanel).display)
        screen.query_one(Sidebar).display = not narrow
        if narrow and isinstance(screen.focused, ArticleList):
            screen.set_focus(screen.query_one(ReadingPane))

    def cycle(self) -> None:
        """tab: the list, the reading pane, then (when open) the panel's people and claims."""
        screen = self.screen
        panes: list[Widget] = [screen.query_one(ArticleList), screen.query_one(ReadingPane)]
        panel = screen.query_one(AnalysisPanel)
        if panel.display:
            panes += [panel.query_one("#panel-people"), panel.query_one("#panel-claims")]
        panes = [p for p in panes if p.display and p.parent is not None and p.parent.display]
        index = panes.index(screen.focused) if screen.focused in panes else -1
        screen.set_focus(panes[(index + 1) % len(panes)])

    def toggle_panel(self) -> None:
        """Open or close the side panel, remembered for the next launch."""
        screen = self.screen
        panel = screen.query_one(AnalysisPanel)
        if panel.display and screen.focused is not None and panel in screen.focused.ancestors:
            screen.set_focus(screen.query_one(ReadingPane))
        panel.display = not panel.display
        self.app.post_message(StateChanged({"panel": bool(panel.display)}))
        self.fit()

    def remember_focus(self) -> None:
        """Which pane the reader is in, for the next launch."""
        focused = self.screen.focused
        where = "reader" if isinstance(focused, ReadingPane) else "list" if isinstance(focused, ArticleList) else None
        if where is not None and where != self.reader_app.state.focus:
            self.app.post_message(StateChanged({"focus": where}))
