"""Every key binding of the main screen, each with an id (for `config.yaml`) and a tooltip: the
screen's own, then search, notes and analysis. Data only."""

from __future__ import annotations

from textual.binding import Binding

MAIN_BINDINGS = [
    Binding(
        "plus",
        "add_article",
        "Add",
        show=False,
        id="main.add",
        tooltip="Add a web page or a feed (an address or a saved file) to your corpus",
    ),
    Binding(
        "U",
        "update_feeds",
        "Update feeds",
        show=False,
        id="main.update",
        tooltip="Add what is new in every feed you follow",
    ),
    Binding(
        "tab",
        "cycle_pane",
        "Next pane",
        show=False,  # the footer keeps to what fits 80 columns; help (?) and ctrl+p list the rest
        id="main.next_pane",
        tooltip="Move focus between the article list and the reading pane",
    ),
    Binding(
        "f",
        "focus_filter",
        "Filter",
        id="main.filter",
        tooltip="Type to filter the article list by title, id, date or outlet",
    ),
    Binding(
        "s",
        "toggle_sort",
        "Sort",
        show=False,
        id="main.sort",
        tooltip="Sort the list by date (newest first), title, anonymous sourcing, hedging (most first) or outlet",
    ),
    Binding(
        "escape",
        "back",
        "Back",
        show=False,
        id="main.back",
        tooltip="Back out: reading pane to the list (or results), results to the whole list, "
        "leave the filter or search bar",
        priority=True,  # in order with "/" (also a priority binding) when typed in a burst
    ),
]

SEARCH_BINDINGS = [
    Binding(
        "slash",
        "focus_search",
        "Search",
        id="main.search",
        tooltip='Search the whole corpus (words, "phrases", AND/OR/NOT, -word, word*, word~, title:, person:, date:)',
        # Priority: run as the key arrives, so the keys typed right after "/" reach the search bar.
        priority=True,
    ),
    Binding(
        "n",
        "next_hit(1)",
        "Next hit",
        show=False,
        id="search.next_hit",
        tooltip="Move to the next paragraph with a search hit",
    ),
    Binding(
        "N",
        "next_hit(-1)",
        "Previous hit",
        show=False,
        id="search.previous_hit",
        tooltip="Move to the previous paragraph with a search hit",
    ),
]

NOTES_BINDINGS = [
    Binding(
        "b",
        "toggle_bookmark",
        "Bookmark",
        id="notes.bookmark_paragraph",
        tooltip="Bookmark the paragraph under the cursor (again: remove it)",
    ),
    Binding(
        "B",
        "toggle_article_bookmark",
        "Bookmark article",
        show=False,
        id="notes.bookmark_article",
        tooltip="Bookmark the whole article (again: remove it)",
    ),
    Binding(
        "a",
        "new_note",
        "Note",
        id="notes.new",
        tooltip="Add a note on the paragraph under the cursor, or on a passage of it "
        "(select text with the mouse, or trim the passage in the editor)",
    ),
    Binding(
        "e",
        "edit_note",
        "Edit note",
        show=False,
        id="notes.edit_here",
        tooltip="Edit the note on the paragraph under the cursor",
    ),
    Binding("o", "notes_panel", "Notes", id="notes.panel", tooltip="List all notes and bookmarks; filter; jump to one"),
    Binding(
        "E", "export_notes", "Export", show=False, id="notes.export", tooltip="Export notes as Markdown, JSON or CSV"
    ),
]

ANALYSIS_BINDINGS = [
    Binding(
        "1",
        "toggle_layer('names')",
        "Names",
        show=False,
        id="analysis.names",
        tooltip="Show or hide the people highlighted",
    ),
    Binding(
        "2",
        "toggle_layer('claims')",
        "Claims",
        show=False,
        id="analysis.claims",
        tooltip="Show or hide the claims marked by kind and source",
    ),
    Binding(
        "3",
        "toggle_layer('hedges')",
        "Hedges",
        show=False,
        id="analysis.hedges",
        tooltip="Show or hide the hedging words emphasised",
    ),
    Binding(
        "4",
        "toggle_layer('tints')",
        "Tints",
        show=False,
        id="analysis.tints",
        tooltip="Tint every claim by kind, or only those of the paragraph under the cursor",
    ),
    Binding(
        "i",
        "toggle_panel",
        "People",
        id="analysis.panel",
        tooltip="Show or hide the side panel of the article's people and claims",
    ),
    Binding(
        "x",
        "across",
        "Across",
        show=False,
        id="analysis.across",
        tooltip="People, quotes that travel and conflicting facts across the whole corpus",
    ),
    Binding(
        "c",
        "note_on_claim",
        "Note on claim",
        show=False,
        id="notes.claim",
        tooltip="Add a note on the claim under the cursor, with a verdict",
    ),
]

BINDINGS = [*MAIN_BINDINGS, *SEARCH_BINDINGS, *NOTES_BINDINGS, *ANALYSIS_BINDINGS]
