"""Shown when the notes file cannot be read: what is wrong and where, and the user's choice."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from reader.helpers.textsafe import one_line, visible


class StoreProblemScreen(ModalScreen[str]):
    """Dismisses with "read-only", "fresh" or "quit"."""

    BINDINGS = [
        Binding(
            "escape",
            "dismiss('read-only')",
            "Read-only",
            id="store_problem.read_only",
            tooltip="Keep reading with notes read-only",
        )
    ]

    def __init__(self, message: str, path: str) -> None:
        super().__init__()
        self.message = message
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="store-problem"):
            yield Static("Your notes file cannot be read", id="store-problem-title")
            yield Static(visible(self.message), markup=False)
            yield Static(
                f"It has not been changed. You can keep reading with notes read-only (fix the file in "
                f"an editor; baldreader picks it up), or start a fresh notes file: the unreadable "
                f"one is then renamed beside it, never deleted.\n{one_line(self.path)}",
                markup=False,
            )
            with Horizontal(id="store-problem-buttons"):
                yield Button("Read-only", variant="primary", id="read-only")
                yield Button("Start a fresh notes file", variant="warning", id="fresh")
                yield Button("Quit", id="quit")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "read-only")
