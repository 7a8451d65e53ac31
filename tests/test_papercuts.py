"""The papercuts a newcomer met on a first day (issue 30), each as the user saw it."""

from __future__ import annotations

from pathlib import Path

from conftest import wait_loaded, wait_until
from rich.console import Console

from reader.state import State, apply_changes
from reader.ui.app import ReaderApp, binding_rows


def _screen_text(app: ReaderApp) -> str:
    """What the terminal shows, as text (the screenshot's SVG without its markup)."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")


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


def _ids(corpus: Path) -> dict[str, str]:
    import json

    from conftest import run_reader

    listed = run_reader("list", "--corpus", str(corpus), "--json")
    assert listed.returncode == 0, listed.stderr
    return {
        Path(row["path"]).relative_to(corpus).as_posix(): row["id"]
        for row in map(json.loads, listed.stdout.splitlines())
    }


def test_an_id_never_moves_under_a_readers_notes(tmp_path: Path, isolated_home: Path) -> None:
    """A second `069.txt` in another folder turned `069` into `entertainment/069`: its notes no
    longer showed for it, `export --article 069` exported none and `profile 069` failed."""
    from conftest import run_reader, write

    corpus = tmp_path / "corpus"
    write(corpus / "entertainment", "069.txt", "Star Leaves Show\n\nThe star left the show, a source said.\n")
    write(corpus, "070.txt", "Another Story Here\n\nNothing happened today at all.\n")
    assert _ids(corpus) == {"entertainment/069.txt": "069", "070.txt": "070"}
    noted = run_reader("notes", "add", "069", "--corpus", str(corpus), "--text", "check the source")
    assert noted.returncode == 0, noted.stderr

    write(corpus / "sport", "069.txt", "Team Wins Cup\n\nThe team won the cup on Sunday.\n")
    assert _ids(corpus) == {"entertainment/069.txt": "069", "sport/069.txt": "sport/069", "070.txt": "070"}
    exported = run_reader("export", "--corpus", str(corpus), "--article", "069", "--format", "json")
    assert exported.returncode == 0 and "check the source" in exported.stdout, exported.stderr
    assert run_reader("profile", "069", "--corpus", str(corpus)).returncode == 0

    # The newcomer keeps its id too once given, and the search index uses the same ids.
    assert _ids(corpus)["sport/069.txt"] == "sport/069"
    found = run_reader("search", "--corpus", str(corpus), "--json", "cup")
    assert '"id": "sport/069"' in found.stdout, found.stdout + found.stderr


async def test_the_side_panel_lists_move_with_j_and_k_and_the_first_enter_chooses(
    seeds: Path, isolated_home: Path
) -> None:
    """The side panel's people and claims lists ignored j/k and highlighted no row until an arrow
    key was pressed; the first enter on a person did nothing."""
    from textual.widgets import OptionList

    from reader.ui.widgets.reading_pane import ReadingPane

    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "enter", "G", "i")  # the cursor on the last paragraph
        people = app.screen.query_one("#panel-people", OptionList)
        await wait_until(pilot, lambda: people.option_count > 1, "the panel's people")
        await pilot.press("tab")
        assert app.focused is people
        assert people.highlighted == 0  # a row from the start
        reader = app.screen.query_one(ReadingPane)
        reader_before = reader.cursor
        await pilot.press("j")
        assert people.highlighted == 1
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: reader.cursor < reader_before, "the jump to the person's first mention")
        claims = app.screen.query_one("#panel-claims", OptionList)
        assert claims.highlighted == 0


async def test_every_note_status_is_in_sight_and_chosen_by_keys(seeds: Path, isolated_home: Path) -> None:
    """The note editor's status list opened under the Save/Cancel buttons at 140 and 160
    columns: only "supported" was visible."""
    from reader.ui.screens.note_editor import NoteEditor

    for size in ((160, 45), (140, 40), (80, 24)):
        app = ReaderApp(corpus=seeds, home=isolated_home)
        async with app.run_test(size=size) as pilot:
            await wait_loaded(pilot)
            await pilot.press("enter", "a")
            await wait_until(pilot, lambda app=app: isinstance(app.screen, NoteEditor), "the note editor")
            shown = _screen_text(app)
            assert all(status in shown for status in ("unverified", "supported", "disputed", "false")), size
            assert "Save (ctrl+s)" in shown
            status = app.screen.query_one("#note-status")
            status.focus()
            await pilot.press("right", "right", "enter")
            assert status.value == "disputed"
            await pilot.press("escape", "escape")


async def test_the_export_says_what_goes_and_which_button_replaces(
    seeds: Path, isolated_home: Path, tmp_path: Path
) -> None:
    """The export dialog said "Export 2 note(s)" though bookmarks go too, and "Press Export
    again" when the button read "Replace"; the toast wrapped the file name."""
    from test_app_notes import add_note

    from reader.ui.screens.export_dialog import ExportDialog, exported_message

    target = tmp_path / "a-folder-with-a-long-name-for-the-export" / "my-findings.md"
    target.parent.mkdir()
    target.write_text("precious")
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "b")  # a bookmark on the paragraph
        await add_note(pilot, "a note to export")
        await pilot.press("E")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        assert "Export 1 note and 1 bookmark" in _screen_text(app)
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "exists" in _screen_text(app), "the warning")
        shown = _screen_text(app)
        assert "my-findings.md exists there. Press Replace to replace it." in shown and "again" not in shown
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, ExportDialog), "the export")
    assert "a note to export" in target.read_text()
    told = exported_message(1, 1, target)
    assert told.splitlines() == [
        "Exported 1 note and 1 bookmark to",
        "my-findings.md",
        f"in {target.parent}",
    ]  # the toast: the file's name on a line of its own, never wrapped mid-name


async def test_the_list_keeps_dates_and_room_for_titles_and_a_resize_keeps_the_places(
    tmp_path: Path, isolated_home: Path
) -> None:
    """Titles were cut to 16 characters at 80 columns, where the dates disappeared, and to 29 at
    140; a long list had a one-row horizontal scrollbar; after a resize to 80x24 the selected
    article and the cursor paragraph were out of view."""
    from conftest import write

    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.reading_pane import ReadingPane

    corpus = tmp_path / "corpus"
    body = "\n\n".join(f"Paragraph {n} says the council met again on the budget, a spokesman said." for n in range(40))
    for n in range(60):
        write(
            corpus,
            f"a{n:02}.txt",
            f"date 2024-01-{n % 28 + 1:02}\nCouncil Budget Talks Go On Into Week {n}\n\n{body}\n",
        )
    app = ReaderApp(corpus=corpus, home=isolated_home)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_loaded(pilot, timeout=30)
        articles = app.screen.query_one(ArticleList)
        row = next(line for line in _screen_text(app).splitlines() if "▸" in line).split("▕")[0]  # the list's part
        assert "Council Budget Talks Go On Into W" in row and "2024-01-" in row  # 33 characters and more, and the date
        assert not articles.show_horizontal_scrollbar
        await pilot.press("G", "enter", *["j"] * 30)  # the last article, its 31st paragraph
        reader = app.screen.query_one(ReadingPane)
        assert reader.cursor == 30
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: app.size.width == 80, "the resize")
        await pilot.press("h")  # back to the list, the place in the article kept
        await pilot.press("l")
        row = next(line for line in _screen_text(app).splitlines() if "▸" in line).split("▕")[0]
        assert "2024-01-" in row  # the date stays at 80 columns
        top = articles.scroll_offset.y
        assert top <= articles.cursor < top + articles.size.height  # the selected article in sight
        await wait_until(
            pilot,
            lambda: "Paragraph 30 says" in _screen_text(app),
            "the cursor paragraph in sight after the resize",
            timeout=5,
        )


def test_kept_ids_from_before_the_lookup_format_still_hold_and_a_file_indexed_alone_keeps_its_id(
    tmp_path: Path, isolated_home: Path
) -> None:
    """The kept ids are written in a form where one file's id is found without reading all of
    them (`index FILE` at 100,000 files spent 35 ms on the whole dict). A file of the old form
    (a marshalled dict) still holds ids: `sport/069` is not given back to `069`'s newcomer; and
    a file indexed alone (`index FILE`, after it was removed and written back) gets its kept id,
    not the plain one another file has."""
    import marshal

    from conftest import run_reader, write

    from reader.corpus import kept_ids

    corpus = tmp_path / "corpus"
    write(corpus / "entertainment", "069.txt", "Star Leaves Show\n\nThe star left the show, a source said.\n")
    write(corpus / "sport", "069.txt", "Team Wins Cup\n\nThe team won the cup on Sunday.\n")
    kept_ids.remember_in(isolated_home)
    where = kept_ids.kept_file(corpus)
    assert where is not None
    where.parent.mkdir(parents=True, exist_ok=True)
    # As an earlier baldreader kept them: sport's 069 came first here.
    where.write_bytes(marshal.dumps({"sport/069.txt": "069", "entertainment/069.txt": "entertainment/069"}))
    assert _ids(corpus) == {"sport/069.txt": "069", "entertainment/069.txt": "entertainment/069"}
    write(corpus, "070.txt", "Another Story Here\n\nNothing happened today at all.\n")
    assert _ids(corpus)["entertainment/069.txt"] == "entertainment/069"
    assert marshal.loads(where.read_bytes())[0] == "kept ids 2"  # a file more: written again, in the new form
    assert run_reader("index", "--corpus", str(corpus)).returncode == 0

    text = (corpus / "entertainment" / "069.txt").read_text()
    (corpus / "entertainment" / "069.txt").unlink()
    gone = run_reader("index", "--corpus", str(corpus), str(corpus / "entertainment" / "069.txt"))
    assert gone.returncode == 0, gone.stderr
    write(corpus / "entertainment", "069.txt", text)  # back, and indexed on its own
    back = run_reader("index", "--corpus", str(corpus), str(corpus / "entertainment" / "069.txt"))
    assert back.returncode == 0 and "1 added" in back.stdout, back.stdout + back.stderr
    found = run_reader("search", "--corpus", str(corpus), "--json", "star")
    assert '"id": "entertainment/069"' in found.stdout, found.stdout + found.stderr
