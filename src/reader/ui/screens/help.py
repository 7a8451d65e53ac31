"""The help screen: every key binding with its id (for remapping in config.yaml)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.textsafe import one_line
from reader.ui.keys import binding_rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close", tooltip="Close the help screen"),
    ]

    def __init__(self, keymap: dict[str, str], config_path: str) -> None:
        super().__init__()
        self.keymap = keymap
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        table = Table(title="baldreader keys", expand=True, show_lines=False)
        # The description gets the room: keys and ids wrap (or fold) on a narrow terminal.
        table.add_column("Where", style="dim", ratio=2)
        table.add_column("Keys", style="bold", ratio=2, overflow="fold")
        table.add_column("Does", ratio=5)
        table.add_column("Id (for config.yaml)", style="dim", ratio=3, overflow="fold")
        for row in binding_rows(self.keymap):
            table.add_row(row.context, row.keys, row.tooltip or row.description, row.id)
        note = (
            f"Remap keys in {one_line(self.config_path)} under 'keys:', e.g.\n"
            'keys:\n  reader.next_paragraph: "j,down,ctrl+n"\n'
            "Mouse: click an article to open it, click a paragraph to move the cursor, "
            "wheel to scroll.  Esc closes this screen."
        )
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static(note, id="help-note", markup=False)
