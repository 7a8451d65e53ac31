"""The search bar: an Input with history on up/down."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.widgets import Input


class SearchInput(Input):
    BINDINGS = [
        Binding(
            "up",
            "history(-1)",
            "Earlier search",
            show=False,
            id="search.history_back",
            tooltip="The previous search from the history",
        ),
        Binding(
            "down",
            "history(1)",
            "Later search",
            show=False,
            id="search.history_forward",
            tooltip="The next search from the history",
        ),
    ]

    def __init__(self, history: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.history = history
        self._position = len(history)

    def remember(self, query: str) -> None:
        query = query.strip()
        if query:
            if query in self.history:
                self.history.remove(query)
            self.history.append(query)
            del self.history[:-50]
        self._position = len(self.history)

    def action_history(self, step: int) -> None:
        """Up: the previous search; down: the next one. Down past the newest keeps what is
        typed and the focus here (enter goes to the results)."""
        if not self.history:
            return
        position = self._position + step
        if position >= len(self.history):
            self._position = len(self.history)
            return
        self._position = max(0, position)
        self.value = self.history[self._position]
        self.cursor_position = len(self.value)
