"""Bookmarks and notes in the app, driven by keys: add, see markers after a relaunch, the
panel, editing, deleting, exporting, and a corrupt notes file."""

from __future__ import annotations

from pathlib import Path

from conftest import quiet, wait_loaded, wait_until, write
from textual.widgets import OptionList

from reader.store import Store
from reader.ui.app import ReaderApp
from reader.ui.screens.export_dialog import ExportDialog
from reader.ui.screens.note_editor import NoteEditor
from reader.ui.screens.notes_panel import NotesPanel
from reader.ui.screens.store_problem import StoreProblemScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import BlockView, ReadingPane


async def add_note(pilot, text: str, tags: str = "", quote: str | None = None) -> None:
    await pilot.press("a")
    await pilot.pause()
    editor = pilot.app.screen
    assert isinstance(editor, NoteEditor)
    if quote is not None:
        editor.query_one("#note-quote").value = quote
    await pilot.press(*text)
    if tags:
        editor.query_one("#note-tags").value = tags
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_note_and_bookmark_by_keys_survive_relaunch(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "enter", "j", "j")  # 000, third paragraph
        await pilot.press("b")
        await add_note(pilot, "Who filmed it?", tags="video, check")
        await pilot.pause()
    store = Store(isolated_home / "notes.yaml").load()
    (note,) = store.notes()
    (bookmark,) = store.bookmarks()
    assert note.text == "Who filmed it?" and note.tags == ["video", "check"]
    assert note.anchor.article.startswith("000") and note.anchor.paragraph == 3
    assert note.anchor.quote.startswith("At the recent Planet Hollywood launch")
    assert note.target == "paragraph" and bookmark.anchor.paragraph == 3

    again = ReaderApp(corpus=seeds, home=isolated_home)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await quiet(pilot)
        reader = again.screen.query_one(ReadingPane)
        assert reader.article.id.startswith("000") and reader.cursor == 2
        assert reader.query(BlockView)[2].marker == "★ ✎1"
        assert "★ ✎1" in str(reader.query(BlockView)[2].render())
        articles = again.screen.query_one(ArticleList)
        assert articles.current.id == reader.article.id
        row = articles.render_line(articles.cursor - round(articles.scroll_y)).text  # its row as drawn
        assert row.startswith("▸ ★")
        # b again removes the bookmark; e edits the note.
        await pilot.press("b")
        await pilot.pause()
        assert reader.query(BlockView)[2].marker == "✎1"
        await pilot.press("e")
        await pilot.pause()
        editor = again.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one("#note-status").value = "disputed"
        await pilot.press("end", *" Still no source.", "ctrl+s")
        await pilot.pause()
    note = Store(isolated_home / "notes.yaml").load().notes()[0]
    assert note.status == "disputed" and note.text == "Who filmed it? Still no source."
    assert Store(isolated_home / "notes.yaml").load().bookmarks() == []


async def test_note_on_a_passage_and_a_passage_not_in_the_article(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "enter", "j", "j", "j")
        await add_note(pilot, "The quote itself", quote="When I'm talking, you're not talking.")
        note = app.store.notes()[0]
        assert note.target == "passage" and note.anchor.quote == "When I'm talking, you're not talking."
        assert note.anchor.paragraph == 4
        await add_note(pilot, "bad", quote="words that were never written")
        assert isinstance(app.screen, NoteEditor)  # kept open, nothing lost
        assert any("not in article" in n.message for n in app.notices)
        await pilot.press("escape")
        assert len(app.store.notes()) == 1


async def test_panel_filters_jumps_and_deletes(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("G", "enter", "j", "j", "j", "j", "j")  # 004 (undated, last by date)
        await add_note(pilot, "age gap", tags="timeline")
        await pilot.press("escape", "g", "enter", "j")
        await add_note(pilot, "other note", tags="misc")
        await pilot.press("o")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        panel.query_one("#notes-filter").value = "tag:timeline"
        await pilot.pause()
        shown = panel.query_one("#notes-list", OptionList)
        assert shown.option_count == 1 and "age gap" in str(shown.get_option_at_index(0).prompt)
        panel.query_one("#notes-list").focus()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen.query_one(ReadingPane)
        assert reader.article.id.startswith("004") and reader.cursor == 5
        await pilot.press("o")
        await pilot.pause()
        app.screen.query_one("#notes-filter").value = "other"
        await pilot.pause()
        app.screen.query_one("#notes-list").focus()
        await pilot.press("d", "d")
        await pilot.pause()
        assert [n.text for n in app.store.notes()] == ["age gap"]


async def test_export_from_the_app_asks_before_replacing(seeds, isolated_home, tmp_path) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    target = tmp_path / "out.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        await add_note(pilot, "exported note", tags="x")
        await pilot.press("E")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "exported note" in target.read_text()
        target.write_text("precious")
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text() == "precious"  # not yet: it asks first
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert "exported note" in target.read_text()


async def test_corrupt_store_opens_read_only_and_is_never_overwritten(seeds, isolated_home) -> None:
    path = write(isolated_home, "notes.yaml", "version: 1\nnotes:\n- id: n-1\n  text: 'unclosed\n")
    before = path.read_bytes()
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await quiet(pilot)
        problem = app.screen
        assert isinstance(problem, StoreProblemScreen)
        assert "line 5, column 1" in problem.message
        await pilot.click("#read-only")
        await pilot.pause()
        await pilot.press("enter", "b")
        await pilot.pause()
        assert any("nothing was written" in n.message for n in app.notices)
    assert path.read_bytes() == before


async def test_corrupt_store_fresh_start_keeps_the_old_file(seeds, isolated_home) -> None:
    path = write(isolated_home, "notes.yaml", "notes: [\n")
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await quiet(pilot)
        await pilot.click("#fresh")
        await pilot.pause()
        await pilot.press("enter", "b")
        await pilot.pause()
    kept = [p for p in isolated_home.iterdir() if p.name.startswith("notes.yaml.unreadable-")]
    assert len(kept) == 1 and kept[0].read_text() == "notes: [\n"
    assert len(Store(path).load().bookmarks()) == 1


async def test_changes_from_another_instance_show_up(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        reader = app.screen.query_one(ReadingPane)
        from reader.store import Bookmark
        from reader.store.anchor import make_anchor

        Store(isolated_home / "notes.yaml").load().add_bookmark(Bookmark(id="", anchor=make_anchor(reader.article, 2)))
        # the store is polled off the screen's thread: wait for the mark to show
        await wait_until(pilot, lambda: reader.query(BlockView)[1].marker == "★", "the other instance's bookmark")


async def test_panel_moves_with_j_k_stays_open_after_a_delete_and_counts_what_it_shows(seeds, isolated_home) -> None:
    """Issue 12, item 6: j/k did not move; after d d the panel closed; the count ignored the
    filter; a filter matching nothing said nothing."""
    store = Store(isolated_home / "notes.yaml").load()
    from reader.corpus import load_corpus
    from reader.store import Bookmark, Note
    from reader.store.anchor import make_anchor

    articles = load_corpus(seeds).articles
    for i, text in enumerate(["first", "second", "third"]):
        store.add_note(Note(id="", anchor=make_anchor(articles[0], i + 1), text=text))
    store.add_bookmark(Bookmark(id="", anchor=make_anchor(articles[1], None)))
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("o")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, NotesPanel)
        options = panel.query_one("#notes-list")
        await pilot.press("j", "j")
        assert options.highlighted == 2
        await pilot.press("k")
        assert options.highlighted == 1
        selected = options.get_option_at_index(1).id
        await pilot.press("d", "d")
        await pilot.pause()
        assert app.screen is panel  # still open, on the entry that took its place
        left = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert selected not in left and options.highlighted == 1
        assert len(app.store.notes()) + len(app.store.bookmarks()) == 3
        panel.query_one("#notes-filter").value = "is:note"
        await pilot.pause()
        assert "2 shown of 2 notes, 1 bookmark" in str(panel.query_one("#notes-title").render())
        panel.query_one("#notes-filter").value = "nothing-like-this"
        await pilot.pause()
        assert "No note or bookmark matches" in str(options.get_option_at_index(0).prompt)


async def test_the_note_editor_shows_the_start_of_a_long_passage(seeds, isolated_home) -> None:
    """Issue 12, item 11: the passage field showed the end of a long passage."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        quote = editor.query_one("#note-quote")
        assert len(quote.value) > 80 and quote.cursor_position == 0 and quote.scroll_offset.x == 0


async def test_the_note_editors_buttons_are_on_screen_at_80x24(seeds, isolated_home) -> None:
    """Issue 12, item 4: at 80x24 Save and Cancel were below the screen's edge."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "a")
        await quiet(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        for button in editor.query("Button"):
            region = button.region
            assert region.height > 0 and region.y >= 0 and region.bottom <= 24, (button.id, region)


async def test_export_dialog_proposes_the_user_data_folder_not_the_current_one(
    seeds, isolated_home, tmp_path, monkeypatch
) -> None:
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)  # a source checkout, say: nothing may be written here
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        await add_note(pilot, "exported by default")
        await pilot.press("E")
        await pilot.pause()
        proposed = Path(app.screen.query_one("#export-path").value)
        assert proposed.parent == isolated_home / "exports"
        await pilot.press("enter")
        await pilot.pause()
        assert "exported by default" in proposed.read_text()
        assert list(checkout.iterdir()) == []
        # A folder the user typed that does not exist is refused, not made.
        await pilot.press("E")
        await pilot.pause()
        missing = tmp_path / "missing" / "x.md"
        app.screen.query_one("#export-path").value = str(missing)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert "does not exist" in str(app.screen.query_one("#export-warning").render())
        assert not missing.parent.exists()


async def test_escape_asks_before_throwing_a_typed_note_away(seeds, isolated_home) -> None:
    """Issue 30, papercut 1: one escape pressed by habit no longer loses what was typed."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "a")
        await pilot.pause()
        await pilot.press(*"half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)  # still open, the text kept
        assert "half a thought" in app.screen.query_one("#note-text").text
        assert any("escape again to throw it away" in str(n.message) for n in app.notices)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor) and app.store.notes() == []
        await pilot.press("a")  # nothing typed: one escape closes
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
