"""Asking which page or feed to add: a web address, or the file of a saved page, a Markdown or
text article, or a feed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from reader.helpers.textsafe import one_line


class AddDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add.cancel", tooltip="Close without adding")]

    def __init__(self, corpus: str) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog"):
            yield Static("Add a web page or a feed", id="add-title")
            yield Static(f"into {one_line(self.corpus)}", id="add-where", markup=False)
            yield Input(placeholder="https://… (a page or a feed), or a saved page, .md or .txt file", id="add-source")
            with Horizontal(id="add-buttons"):
                yield Button("Add", variant="primary", id="add-go")
                yield Button("Cancel", id="add-cancel")

    def on_mount(self) -> None:
        self.query_one("#add-source", Input).focus()

    def on_input_submitted(self) -> None:
        self._done()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-go":
            self._done()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def _done(self) -> None:
        source = self.query_one("#add-source", Input).value.strip()
        self.dismiss(source or None)
