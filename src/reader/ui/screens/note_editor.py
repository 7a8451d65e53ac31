"""The note editor: text (several lines), tags, verdict, and the passage the note is on.

What it shows comes from articles and the notes file, so it is shown through `visible` (an ESC
in a passage would otherwise reach the terminal through the input widgets); what is saved is
mapped back to the original characters wherever the user left it as shown."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from reader.helpers.textsafe import one_line, visible
from reader.ui.widgets.status_choice import StatusChoice


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


def _original(shown: str, original: str) -> str:
    """The passage as typed in the article: `shown` is (a part of) the passage as displayed,
    and display maps each character to one character, so its place there is its place here."""
    at = one_line(original).find(shown)
    return original[at : at + len(shown)] if shown and at >= 0 else shown


class NoteEditor(ModalScreen[NoteDraft | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="editor.save", tooltip="Save the note"),
        Binding(
            "escape",
            "cancel",
            "Cancel",
            id="editor.cancel",
            tooltip="Close without saving (twice, once a note is typed)",
        ),
    ]

    def __init__(self, heading: str, draft: NoteDraft, *, quote_editable: bool = True) -> None:
        super().__init__()
        self.heading = heading
        self.draft = draft
        self.quote_editable = quote_editable
        self._warned = False  # escape was pressed once with typed text

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            yield Static(one_line(self.heading), id="note-heading", markup=False)
            yield Label("Passage (trim it to the words the note is about)")
            yield Input(one_line(self.draft.quote), id="note-quote", disabled=not self.quote_editable)
            yield Label("Note")
            yield TextArea(visible(self.draft.text), id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Input(
                one_line(" ".join(self.draft.tags)), placeholder="tags, space or comma separated", id="note-tags"
            )
            with Horizontal(id="note-meta"):
                yield Label("Status", id="note-status-label")
                yield StatusChoice(self.draft.status, id="note-status")
            with Horizontal(id="note-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="note-save")
                yield Button("Cancel (esc)", id="note-cancel")

    def on_mount(self) -> None:
        quote = self.query_one("#note-quote", Input)
        quote.cursor_position = 0  # a long passage shows its start, not its end
        quote.scroll_to(x=0, animate=False)
        self.query_one("#note-text", TextArea).focus()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """The note box gives up lines on a short terminal so Save and Cancel stay on screen (the
        rest of the editor takes about 22 rows)."""
        self.query_one("#note-text", TextArea).styles.height = max(3, min(8, self.app.size.height - 22))

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
        if text == visible(self.draft.text):
            text = self.draft.text  # unchanged: keep it exactly
        tags_shown = self.query_one("#note-tags", Input).value
        tags = self.draft.tags if tags_shown == one_line(" ".join(self.draft.tags)) else parse_tags(tags_shown)
        status = self.query_one("#note-status", StatusChoice).value
        self.dismiss(
            NoteDraft(
                text=text.rstrip("\n"),
                tags=tags,
                status=status if isinstance(status, str) else "unverified",
                quote=_original(self.query_one("#note-quote", Input).value.strip(), self.draft.quote),
            )
        )

    def action_cancel(self) -> None:
        """Close without saving; what was typed is thrown away only when asked twice (escape
        again, or Cancel), never by one key pressed by habit."""
        typed = self.query_one("#note-text", TextArea).text != visible(self.draft.text)
        if typed and not self._warned:
            self._warned = True
            self.notify(
                "The note you typed is not saved: escape again to throw it away, ctrl+s to save it.",
                title="Note",
                severity="warning",
                timeout=6,
            )
            return
        self.dismiss(None)
