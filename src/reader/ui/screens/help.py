"""The help screen: every key binding with its id (for remapping in config.yaml)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.helpers.textsafe import one_line
from reader.ui.keys import BindingRow

NARROW = 100  # columns under which the ids go under the descriptions


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close", tooltip="Close the help screen"),
    ]

    def __init__(self, rows: list[BindingRow], config_path: str) -> None:
        super().__init__()
        self.rows = rows
        self._narrow = False
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        narrow = self.app.size.width < NARROW
        self._narrow = narrow
        table = Table(title="baldreader keys", expand=True, show_lines=False)
        # Where a key works is a heading row, not a column; keys and ids never break mid-word.
        # Under NARROW columns the id goes under the description instead of a column of its own.
        longest_key = max((len(k.strip()) for row in self.rows for k in row.keys.split(",")), default=4)
        table.add_column("Keys", style="bold", min_width=max(longest_key, len("Export dialog")), max_width=14)
        table.add_column("Does", ratio=1)
        if not narrow:
            table.add_column("Id (for config.yaml)", style="dim", no_wrap=True)
        context = None
        for row in self.rows:
            if row.context != context:
                context = row.context
                table.add_row(Text(context, style="bold underline"), *([""] * (1 if narrow else 2)))
            does = Text(row.tooltip or row.description)
            if narrow:
                table.add_row(row.keys, does.append("\n").append(row.id, style="dim"))
            else:
                table.add_row(row.keys, does, row.id)
        note = (
            f"Remap keys in {one_line(self.config_path)} under 'keys:', e.g.\n"
            'keys:\n  reader.next_paragraph: "j,down,ctrl+n"\n'
            "Mouse: click an article to open it, click a paragraph to move the cursor, "
            "wheel to scroll.  Esc closes this screen."
        )
        with VerticalScroll(id="help-body"):
            yield Static(table)
            yield Static(note, id="help-note", markup=False)

    def on_resize(self) -> None:
        if (self.app.size.width < NARROW) != self._narrow:
            self.refresh(recompose=True)
