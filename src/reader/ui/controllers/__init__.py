"""The main screen's parts that own state and work but draw nothing: each is an invisible
widget (so it can run workers and post messages) with its state set in one place. They talk to
the screen through the typed messages of `reader.ui.messages`."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widget import Widget

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class Controller(Widget):
    DEFAULT_CSS = "Controller { display: none; }"

    @property
    def reader_app(self) -> ReaderApp:
        """The app, typed: its store, state, home folder and settings."""
        return cast("ReaderApp", self.app)
