"""The messages screen: the notifications shown since the app started, newest first, so that one
that vanished before it was read (a file that could not be read, a failed export) can be read
again. The app keeps them (`ReaderApp.notices`); this screen only shows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEPT = 200  # notifications kept, the oldest forgotten first


@dataclass(frozen=True)
class Notice:
    """One notification as it was shown: already plain, visible text."""

    when: datetime
    title: str
    message: str
    severity: str


def notices_text(notices: Sequence[Notice]) -> Text:
    """Newest first: the time and title on one line, the message under it."""
    if not notices:
        return Text("No messages yet.", style="italic")
    text = Text()
    for notice in reversed(notices):
        style = {"error": "bold red", "warning": "bold yellow"}.get(notice.severity, "bold")
        heading = f"{notice.when:%H:%M:%S}  {notice.title or notice.severity}"
        text.append(heading, style=style).append("\n").append(notice.message).append("\n\n")
    text.rstrip()
    return text


class MessagesScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="messages.close", tooltip="Close the messages"),
    ]

    def __init__(self, notices: Sequence[Notice]) -> None:
        super().__init__()
        self.notices = list(notices)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="messages-body"):
            yield Static("Messages, newest first", id="messages-title")
            yield Static(notices_text(self.notices), id="messages-list")
