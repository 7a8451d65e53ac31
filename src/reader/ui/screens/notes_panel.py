"""The notes and bookmarks panel: every entry, filtered as you type, jumping to its place;
deleting stays in the panel, on the next entry."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.helpers.textsafe import clipped_at_word, one_line, visible
from reader.helpers.wording import count
from reader.store import Bookmark, Note
from reader.store.filtering import Marked, filter_entries


class NotesPanel(ModalScreen[tuple[str, str] | None]):
    """Dismisses with ("open", entry id) or ("edit", note id); `delete(entry id)` deletes (True
    when it did) and the panel stays open."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="notes.close", tooltip="Close the panel"),
        Binding(
            "q", "app.quit", "Quit", show=False, id="notes.quit", tooltip="Quit baldreader (in the filter, q is typed)"
        ),
        Binding("e", "edit", "Edit", id="notes.edit", tooltip="Edit the selected note"),
        Binding("j", "move(1)", "Down", show=False, id="notes.down", tooltip="The next entry"),
        Binding("k", "move(-1)", "Up", show=False, id="notes.up", tooltip="The previous entry"),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            id="notes.delete",
            tooltip="Delete the selected note or bookmark (press twice)",
        ),
        Binding(
            "slash",
            "focus_filter",
            "Filter",
            id="notes.filter",
            tooltip="Filter: words, tag:T, status:S, article:ID, is:note, is:bookmark",
        ),
    ]

    def __init__(
        self,
        notes: list[Note],
        bookmarks: list[Bookmark],
        read_only: bool,
        delete: Callable[[str], bool] | None = None,
        query: str = "",
    ) -> None:
        super().__init__()
        self.delete = delete
        self.notes = notes
        self.bookmarks = bookmarks
        self.read_only = read_only
        self.query_text = query
        self._entries: list[Marked] = []
        self._armed_delete: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="notes-panel"):
            yield Static(self._title(), id="notes-title", markup=False)
            yield Input(
                self.query_text,
                placeholder="filter: words, tag:T, status:disputed, article:ID, is:note, is:bookmark",
                id="notes-filter",
            )
            yield OptionList(id="notes-list")
            yield Static(
                "enter: go there · e: edit · d d: delete · /: filter · esc: close", id="notes-help", markup=False
            )

    def _title(self) -> str:
        extra = "  (read-only)" if self.read_only else ""
        total = f"{count(len(self.notes), 'note')}, {count(len(self.bookmarks), 'bookmark')}"
        if self.query_text.strip():
            return f"Notes and bookmarks: {len(self._entries)} shown of {total}{extra}"
        return f"Notes and bookmarks: {total}{extra}"

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._fill()

    def on_input_submitted(self) -> None:
        self.query_one(OptionList).focus()

    def _fill(self, highlight: int = 0) -> None:
        self._entries = filter_entries(self.notes, self.bookmarks, self.query_text)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(_describe(e), id=e.id) for e in self._entries])
        if self._entries:
            options.highlighted = min(highlight, len(self._entries) - 1)
        elif self.query_text.strip():
            options.add_option(
                Option(Text("No note or bookmark matches the filter.", style="dim italic"), disabled=True)
            )
        else:
            options.add_option(
                Option(
                    Text("No notes or bookmarks yet: a adds a note, b a bookmark.", style="dim italic"), disabled=True
                )
            )
        self.query_one("#notes-title", Static).update(self._title())

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self._entries:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(len(self._entries) - 1, current + step))

    def _selected(self) -> Marked | None:
        index = self.query_one(OptionList).highlighted
        if index is None or not 0 <= index < len(self._entries):
            return None
        return self._entries[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(("open", event.option.id))

    def action_edit(self) -> None:
        entry = self._selected()
        if isinstance(entry, Note):
            self.dismiss(("edit", entry.id))

    def action_delete(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if self._armed_delete != entry.id:
            self._armed_delete = entry.id
            kind = "note" if isinstance(entry, Note) else "bookmark"
            self.notify(f"Press d again to delete this {kind}.", timeout=3)
            return
        self._armed_delete = None
        if self.delete is None or not self.delete(entry.id):
            return
        index = self.query_one(OptionList).highlighted or 0
        self.notes = [n for n in self.notes if n.id != entry.id]
        self.bookmarks = [b for b in self.bookmarks if b.id != entry.id]
        self._fill(highlight=index)  # the next entry takes its place

    def action_focus_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _describe(entry: Marked) -> Text:
    """Two lines, each cut with an ellipsis rather than wrapped."""
    text = Text(no_wrap=True, overflow="ellipsis")
    where = f"¶{entry.anchor.paragraph}" if entry.anchor.paragraph else "article"
    if isinstance(entry, Note):
        text.append(one_line(f"✎ {entry.status:<10} "), style="bold")
    else:
        text.append("★ bookmark   ", style="bold")
    text.append(clipped_at_word(visible(entry.anchor.article_title or entry.anchor.article), 60), style="italic")
    text.append(f"  {where}\n   ", style="dim")
    if isinstance(entry, Note):
        first = entry.text.splitlines()[0] if entry.text else ""
        text.append(clipped_at_word(first, 100))
        if entry.tags:
            text.append(one_line("  " + " ".join(f"#{t}" for t in entry.tags)), style="dim")
    else:
        text.append(clipped_at_word(entry.label or entry.anchor.quote, 100))
    return text
