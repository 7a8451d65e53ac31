"""Every key binding of the app in one listing, with the user's remapping applied, for help."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class BindingRow:
    context: str
    keys: str
    description: str
    id: str
    tooltip: str


def binding_rows(keymap: dict[str, str]) -> list[BindingRow]:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.main import MainScreen
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.reading_pane import ReadingPane

    rows = []
    for context, owner in (("Everywhere", ReaderApp), ("Main screen", MainScreen),
                           ("Article list", ArticleList), ("Reading pane", ReadingPane)):
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            keys = keymap.get(binding.id or "", binding.key)
            rows.append(BindingRow(context, display_keys(keys), binding.description,
                                   binding.id or "", binding.tooltip))
    return rows


def display_keys(keys: str) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "escape": "esc"}
    return ", ".join(names.get(k.strip(), k.strip()) for k in keys.split(","))
