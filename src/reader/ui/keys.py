"""Every key binding of the app in one listing, with the user's remapping applied, for help."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.widget import Widget


@dataclass(frozen=True)
class BindingRow:
    context: str
    keys: str
    description: str
    id: str
    tooltip: str


def binding_rows(keymap: dict[str, str]) -> list[BindingRow]:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.export_dialog import ExportDialog
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.note_editor import NoteEditor
    from reader.ui.screens.notes_panel import NotesPanel
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.reading_pane import ReadingPane
    from reader.ui.widgets.search_input import SearchInput

    rows = []
    for context, owner in (
        ("Everywhere", ReaderApp),
        ("Main screen", MainScreen),
        ("Article list", ArticleList),
        ("Reading pane", ReadingPane),
        ("Search bar", SearchInput),
        ("Notes panel", NotesPanel),
        ("Note editor", NoteEditor),
        ("Export dialog", ExportDialog),
        ("Help", HelpScreen),
    ):
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding):
                continue
            keys = keymap.get(binding.id or "", binding.key)
            rows.append(BindingRow(context, display_keys(keys), binding.description, binding.id or "", binding.tooltip))
    return rows


def display_keys(keys: str) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


def unknown_binding_ids(keymap: dict[str, str]) -> list[str]:
    """A line for each id in the user's key map that no binding has, with the known ids closest
    to it (a misspelled id would otherwise be ignored without a word)."""
    if not keymap:  # nothing to check: the screens that list the bindings are not imported
        return []
    import difflib

    known = sorted({row.id for row in binding_rows({}) if row.id})
    lines = []
    for wanted in keymap:
        if wanted not in known:
            close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; ? lists every binding and its id"
            lines.append(f"no key binding has the id {wanted!r}{hint}")
    return lines


def refocused(widget: Widget, event: events.Key) -> bool:
    """Keys typed in a burst were all queued to the widget focused when they arrived; once a key
    moves the focus (enter opens an article, / the search bar), the ones after it belong to the
    newly focused widget. Forward such a key there, in order, and say so (True)."""
    focused = widget.screen.focused if widget.is_attached else None
    if focused is None or focused is widget or not widget.is_attached:
        return False
    event.stop()
    event.prevent_default()
    focused.post_message(events.Key(event.key, event.character))
    return True
