"""The main screen's parts that own state and work but draw nothing: each is an invisible
widget (so it can run workers and post messages) with its state set in one place. They talk to
the screen through the typed messages of `reader.ui.messages`."""

from __future__ import annotations

from textual.widget import Widget

from reader.ui.services import ReaderServices, services


class Controller(Widget):
    DEFAULT_CSS = "Controller { display: none; }"

    @property
    def reader_app(self) -> ReaderServices:
        """The app, as its parts may use it: its store, state (to read), home folder, corpus."""
        return services(self.app)
