"""The note editor: text (several lines), tags, verdict, and the passage the note is on."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from reader.store import STATUSES


@dataclass
class NoteDraft:
    text: str
    tags: list[str]
    status: str
    quote: str


def parse_tags(raw: str) -> list[str]:
    seen: list[str] = []
    for tag in raw.replace(",", " ").split():
        tag = tag.lstrip("#")
        if tag and tag not in seen:
            seen.append(tag)
    return seen


class NoteEditor(ModalScreen[NoteDraft | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save", tooltip="Save the note"),
        Binding("escape", "cancel", "Cancel", id="editor.cancel", tooltip="Close without saving"),
    ]

    def __init__(self, heading: str, draft: NoteDraft, *, quote_editable: bool = True) -> None:
        super().__init__()
        self.heading = heading
        self.draft = draft
        self.quote_editable = quote_editable

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            yield Static(self.heading, id="note-heading", markup=False)
            yield Label("Passage (trim it to the words the note is about)")
            yield Input(self.draft.quote, id="note-quote", disabled=not self.quote_editable)
            yield Label("Note")
            yield TextArea(self.draft.text, id="note-text", soft_wrap=True, show_line_numbers=False)
            with Horizontal(id="note-meta"):
                yield Input(" ".join(self.draft.tags), placeholder="tags, space or comma separated",
                            id="note-tags")
                yield Select([(s, s) for s in STATUSES], value=self.draft.status, allow_blank=False,
                             id="note-status")
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="note-save")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        self.query_one("#note-text", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        if not text.strip():
            self.notify("A note needs some text.", severity="warning")
            return
        status = self.query_one("#note-status", Select).value
        self.dismiss(NoteDraft(
            text=text.rstrip("\n"),
            tags=parse_tags(self.query_one("#note-tags", Input).value),
            status=status if isinstance(status, str) else "unverified",
            quote=self.query_one("#note-quote", Input).value.strip(),
        ))

    def action_cancel(self) -> None:
        self.dismiss(None)
