"""The main screen's panes: which of the list and the side panel show, the order tab moves the
focus in, and what the reader left open or focused for the next launch. It decides; the screen
lays its own children out as told (`Layout`).

Under NARROW columns the open side panel takes the list's place, so that the reading pane keeps a
readable width (at 80 columns it shrank to about 10).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.widget import Widget

from reader.ui.controllers import Controller
from reader.ui.messages import StateChanged

NARROW = 110  # columns under which the side panel replaces the list
WIDE = 150  # columns from which the side panel is open at a first launch


@dataclass(frozen=True)
class Layout:
    panel: bool  # the side panel shows
    sidebar: bool  # the list (with its search bar and filter) shows


class PanesController(Controller):
    def __init__(self) -> None:
        super().__init__(id="panes-controller")
        self.panel_open = False

    def start(self, width: int) -> Layout:
        """At the screen's start: the panel as the reader left it, unless the terminal is now narrow."""
        left_open = self.reader_app.state.panel
        self.panel_open = width >= WIDE if left_open is None else left_open and width >= NARROW
        return self.fit(width)

    def fit(self, width: int) -> Layout:
        """The list hidden while the open panel needs its room."""
        return Layout(panel=self.panel_open, sidebar=not (width < NARROW and self.panel_open))

    def toggle_panel(self, width: int) -> Layout:
        """Open or close the side panel, remembered for the next launch."""
        self.panel_open = not self.panel_open
        self.app.post_message(StateChanged({"panel": self.panel_open}))
        return self.fit(width)

    def remember_focus(self, where: str | None) -> None:
        """Which pane the reader is in, for the next launch."""
        if where is not None and where != self.reader_app.state.focus:
            self.app.post_message(StateChanged({"focus": where}))


def next_stop(stops: Sequence[Widget], focused: Widget | None) -> Widget:
    """tab: the stop after the focused one (the first when the focus is elsewhere), round."""
    index = list(stops).index(focused) if focused is not None and focused in stops else -1
    return stops[(index + 1) % len(stops)]
