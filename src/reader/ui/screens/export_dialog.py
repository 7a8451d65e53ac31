"""Choosing an export format and file; an existing file is only replaced after a confirmation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from reader.export import FORMATS
from reader.helpers.atomic import UnsafeTarget, check_target
from reader.helpers.textsafe import one_line
from reader.helpers.wording import count


def what_is_exported(notes: int, bookmarks: int) -> str:
    """ "2 notes and 1 bookmark": what an export writes (bookmarks go too)."""
    return f"{count(notes, 'note')} and {count(bookmarks, 'bookmark')}"


def exported_message(notes: int, bookmarks: int, path: Path) -> str:
    """The toast after an export: the file's name on a line of its own, its folder on the next
    (a long path wrapped mid-name in the toast)."""
    return f"Exported {what_is_exported(notes, bookmarks)} to\n{path.name}\nin {path.parent}"


@dataclass
class ExportChoice:
    fmt: str
    path: Path


class ExportDialog(ModalScreen[ExportChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close without exporting")]

    def __init__(self, default_folder: Path, notes: int, bookmarks: int) -> None:
        super().__init__()
        self.default_folder = default_folder
        self.notes, self.bookmarks = notes, bookmarks
        self._confirm_for: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(f"Export {what_is_exported(self.notes, self.bookmarks)}", id="export-title")
            yield Label("Format")
            yield Select(
                [("Markdown", "md"), ("JSON", "json"), ("CSV", "csv")],
                value="md",
                allow_blank=False,
                id="export-format",
            )
            yield Label("File")
            yield Input(str(self.default_folder / "baldreader-notes.md"), id="export-path")
            yield Static("", id="export-warning", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if isinstance(event.value, str) and event.value in FORMATS and path.suffix.lstrip(".") in FORMATS:
            path_input.value = str(path.with_suffix("." + event.value))

    def on_input_changed(self) -> None:
        self._confirm_for = None
        self.query_one("#export-warning", Static).update("")
        self.query_one("#export-go", Button).label = "Export"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-cancel":
            self.dismiss(None)
            return
        self._submit()

    def on_input_submitted(self) -> None:
        self._submit()

    def _submit(self) -> None:
        fmt = self.query_one("#export-format", Select).value
        path = Path(self.query_one("#export-path", Input).value).expanduser()
        if not isinstance(fmt, str) or not path.name:
            return
        try:
            exists = check_target(path)
        except UnsafeTarget as exc:
            self.query_one("#export-warning", Static).update(one_line(f"{path} {exc.strerror}."))
            return
        if path.parent == self.default_folder and not path.parent.exists():
            try:  # the proposed folder is made on first use; a folder the user typed is not
                path.parent.mkdir(parents=True)
            except OSError as exc:
                self.query_one("#export-warning", Static).update(one_line(f"Cannot make {path.parent}: {exc}."))
                return
        if not path.parent.is_dir():
            self.query_one("#export-warning", Static).update(one_line(f"Folder {path.parent} does not exist."))
            return
        if exists and self._confirm_for != path:
            self._confirm_for = path
            # the path is in the field above: the warning names the file, whole on a narrow screen
            self.query_one("#export-warning", Static).update(
                one_line(f"{path.name} exists there. Press Replace to replace it.")
            )
            self.query_one("#export-go", Button).label = "Replace"
            return
        self.dismiss(ExportChoice(fmt, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
