"""Key bindings as rows for help and the keys reference (`rows_of`), with the user's remapping
applied, and the ids in a key map that no binding has. Which classes own bindings is the app's
to say (ui.app.BINDING_OWNERS): this module imports no screen or widget."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class BindingRow:
    context: str
    keys: str
    description: str
    id: str
    tooltip: str


def rows_of(owners: Iterable[tuple[str, type]], keymap: dict[str, str]) -> list[BindingRow]:
    """One row per Binding of each (context, class) in `owners`, keys as remapped by `keymap`."""
    rows = []
    for context, owner in owners:
        for binding in getattr(owner, "BINDINGS", []):
            if not isinstance(binding, Binding):
                continue
            keys = keymap.get(binding.id or "", binding.key)
            rows.append(BindingRow(context, display_keys(keys), binding.description, binding.id or "", binding.tooltip))
    return rows


def display_keys(keys: str) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc", "plus": "+"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))


def unknown_binding_ids(keymap: dict[str, str], rows: list[BindingRow]) -> list[str]:
    """A line for each id in the user's key map that no binding has, with the known ids closest
    to it (a misspelled id would otherwise be ignored without a word)."""
    if not keymap:
        return []
    import difflib

    known = sorted({row.id for row in rows if row.id})
    lines = []
    for wanted in keymap:
        if wanted not in known:
            close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.5)
            hint = f"; did you mean {', '.join(close)}?" if close else "; ? lists every binding and its id"
            lines.append(f"no key binding has the id {wanted!r}{hint}")
    return lines
