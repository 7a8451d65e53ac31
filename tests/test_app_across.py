"""The across-the-corpus screen (x): people, quotes that travel and conflicts computed in a
worker, tabs by keys, enter goes to the passage, escape closes."""

from __future__ import annotations

from conftest import quiet, wait_loaded, wait_until

from reader.ui.app import ReaderApp
from reader.ui.screens.across import AcrossScreen
from reader.ui.widgets.across_lists import ConflictsList, PeopleList, QuotesList
from reader.ui.widgets.reading_pane import ReadingPane


async def open_across(pilot) -> AcrossScreen:
    await wait_loaded(pilot)
    await pilot.press("x")
    screen = pilot.app.screen
    assert isinstance(screen, AcrossScreen)
    await wait_until(pilot, lambda: "enter goes there" in str(screen.query_one("#across-status").render()), "the views")
    return screen


async def test_the_views_list_the_seeds_people_quotes_and_conflicts(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_across(pilot)
        people = screen.query_one(PeopleList)
        first_two = [str(people.get_option_at_index(i).prompt).split("  ")[0] for i in range(2)]
        assert first_two == ["Hilaria Baldwin", "Alec Baldwin"]
        quotes = [str(screen.query_one(QuotesList).get_option_at_index(i).prompt) for i in range(4)]
        assert "you’re not talking" in quotes[0].replace("'", "’") and "3 articles" in quotes[0]
        conflicts = screen.query_one(ConflictsList)
        rows = [str(conflicts.get_option_at_index(i).prompt) for i in range(conflicts.option_count)]
        assert any("CONTRADICTION  article date: 002" in row for row in rows)
        # Each passage says which article it is from by its title, as the quotes tab does (it
        # showed the id: "004_bd…" where the quotes tab said "Alec Baldwin's wife…").
        passages = [row for row in rows if row.startswith("  ")]
        titles = {a.title for a in screen.articles}
        assert passages and all(any(row.strip().startswith(t[:20]) for t in titles) for row in passages)


async def test_enter_on_a_conflict_passage_opens_its_paragraph(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_across(pilot)
        await pilot.press("l", "l")  # the conflicts tab
        await pilot.pause()
        conflicts = app.screen.query_one(ConflictsList)
        assert app.screen.focused is conflicts
        rows = [str(conflicts.get_option_at_index(i).prompt) for i in range(conflicts.option_count)]
        carmen = next(i for i, row in enumerate(rows) if "first child, Carmen, in 2013" in row)
        conflicts.highlighted = carmen
        await pilot.press("enter")
        await quiet(pilot)
        assert not isinstance(app.screen, AcrossScreen)
        reader = app.screen.query_one(ReadingPane)
        assert reader.article.id.startswith("004")
        assert "first child, Carmen, in 2013" in reader.article.blocks[reader.cursor].text


async def test_escape_closes_and_q_still_quits(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, AcrossScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AcrossScreen)
        await pilot.press("x", "q")
        await pilot.pause()
    assert app.return_code == 0


async def test_q_quits_from_the_notes_panel_list_but_is_typed_in_its_filter(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("o", "slash", "q")  # in the filter: a letter
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("escape", "o", "q")  # the panel's list: quit
        await pilot.pause()
    assert app.return_code == 0


async def test_n_notes_a_conflict_with_the_other_passage_and_a_verdict(seeds, isolated_home) -> None:
    """The note is anchored to the conflict's first passage, quotes the other, and its status is
    the reader's verdict (a contradiction starts as disputed)."""
    from reader.ui.screens.note_editor import NoteEditor

    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_across(pilot)
        await pilot.press("l", "l")
        await pilot.pause()
        conflicts = app.screen.query_one(ConflictsList)
        rows = [str(conflicts.get_option_at_index(i).prompt) for i in range(conflicts.option_count)]
        heading = next(i for i, row in enumerate(rows) if "CONTRADICTION  article date: 002" in row)
        conflicts.highlighted = heading + 1
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, NoteEditor), "the note editor")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(app.store.notes()) == 1, "the note saved")
        (note,) = app.store.notes()
        assert note.anchor.article.startswith("002") and "The Baldwins" in note.anchor.quote
        assert note.status == "disputed" and note.tags == ["conflict"]
        assert note.text.startswith("Conflict (contradiction): dated 2022-01-18 but names 'The Baldwins'")
        assert "Other passage, 00" in note.text
        assert note.claim is not None and note.claim["kind"] == "conflict" and note.claim["other"]["text"]


async def test_the_views_are_kept_and_not_computed_again_when_reopened(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        first = await open_across(pilot)
        await pilot.press("escape")
        await pilot.pause()
        again = await open_across(pilot)
        assert again.views is first.views and len(again.views) == 5
        assert again.views.last_update == (0, 0)  # nothing new: no article put in again
