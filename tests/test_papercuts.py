"""The papercuts a newcomer met on a first day (issue 30), each as the user saw it."""

from __future__ import annotations

from pathlib import Path

from conftest import wait_loaded, wait_until
from rich.console import Console

from reader.state import State, apply_changes
from reader.ui.app import ReaderApp, binding_rows


def _help_text(app: ReaderApp) -> str:
    """The help screen's whole table as the terminal shows it, scrolled or not."""
    from textual.widgets import Static

    body = app.screen.query_one("#help-body")
    table = body.query(Static).first()
    console = Console(width=table.content_size.width, record=True, color_system=None)
    console.print(table.content)
    return console.export_text()


async def test_help_at_80_columns_shows_where_keys_work_and_ids_whole(seeds: Path, isolated_home: Path) -> None:
    """At 80 columns help cut "Everywhe…" and broke ids mid-word (`notes.bookmark_paragra` / `ph`)."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: app.screen.query("#help-body"), "the help screen")
        shown = _help_text(app)
    lines = shown.splitlines()
    for context in ("Everywhere", "Main screen", "Reading pane", "Note editor", "Export dialog"):
        assert any(context in line for line in lines), context
    words = set(shown.replace("│", " ").split())
    missing = [row.id for row in binding_rows({}) if row.id not in words]
    assert missing == []
    assert "…" not in shown


def test_help_names_the_plus_key_as_typed() -> None:
    """Help and docs/keys.md listed the add key as 'plus'."""
    add = next(row for row in binding_rows({}) if row.id == "main.add")
    assert add.keys == "+"


def test_a_state_change_is_applied_in_one_place_and_says_whether_to_save() -> None:
    state = State()
    assert apply_changes(state, {"sort": "title", "layer": ("claims", False), "focus": "reader"})
    assert (state.sort, state.layers, state.focus) == ("title", {"claims": False}, "reader")
    assert not apply_changes(state, {"sort": "title"})  # nothing new: nothing to write
    assert not apply_changes(state, {"sort": "no such order", "focus": "nowhere"})  # refused
    assert apply_changes(state, {"position": (Path("/c"), "003", 4)})
    assert state.position(Path("/c")) == ("003", 4)
