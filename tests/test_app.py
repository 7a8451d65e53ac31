"""The reader driven by key presses and clicks through Textual's Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import quiet, wait_loaded, write

from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import BlockView, ReadingPane


def make_app(corpus: Path, home: Path, **kw) -> ReaderApp:
    return ReaderApp(corpus=corpus, home=home, **kw)


async def test_list_navigation_opens_articles_and_moves_paragraph_cursor(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        articles = app.screen.query_one(ArticleList)
        reader = app.screen.query_one(ReadingPane)
        assert [e.date for e in articles.entries][:3] == ["2025-10-18", "2025-03-31", "2022-01-18"]
        assert app.focused is articles
        await pilot.press("j", "down")
        await pilot.pause()
        assert articles.current.id.startswith("002")
        assert reader.article.id.startswith("002")  # the pane previews the highlighted article
        await pilot.press("k")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is reader and reader.article.id.startswith("000")
        await pilot.press("j", "j", "down")
        await pilot.pause()
        assert reader.cursor == 3
        assert reader.query(BlockView)[3].has_class("-cursor")
        await pilot.press("k")
        assert reader.cursor == 2
        await pilot.press("G")
        assert reader.cursor == len(reader.article.blocks) - 1
        await pilot.press("g")
        assert reader.cursor == 0
        await pilot.press("escape")
        assert app.focused is articles
        await pilot.press("tab")
        assert app.focused is reader
        await pilot.press("tab")
        assert app.focused is articles


@pytest.mark.parametrize("key", ["h", "left"])
async def test_h_and_left_in_the_reading_pane_go_back_to_the_list(seeds, isolated_home, key) -> None:
    """Issue 12, item 5: vi and arrow users expect h and left to go back to the list."""
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "j")
        reader = app.screen.query_one(ReadingPane)
        assert app.focused is reader and reader.cursor == 1
        await pilot.press(key)
        assert app.focused is app.screen.query_one(ArticleList)
        assert reader.cursor == 1  # the place in the article is kept


async def test_mouse_click_opens_article_and_moves_cursor(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(5, 4))
        await pilot.pause()
        assert articles.current.id.startswith("004")
        reader = app.screen.query_one(ReadingPane)
        assert reader.article.id.startswith("004")
        third = reader.query(BlockView)[2]
        await pilot.click(third)
        await pilot.pause()
        assert reader.cursor == 2 and app.focused is reader


async def test_filter_sort_and_escape(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        articles = app.screen.query_one(ArticleList)
        await pilot.press("f")
        await pilot.press(*"red flags")
        await pilot.pause()
        assert [e.id[:3] for e in articles.entries] == ["004"]
        await pilot.press("enter")
        assert app.focused is articles
        await pilot.press("f", "escape")
        await pilot.pause()
        assert len(articles.entries) == 5 and app.focused is articles  # the five seeds
        await pilot.press("s")
        await pilot.pause()
        titles = [e.title for e in articles.entries]
        assert titles == sorted(titles, key=str.casefold)
        assert "by title ↓ A to Z" in str(app.screen.query_one("#list-status").render())


async def test_help_lists_every_binding_and_closes(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from reader.ui.app import binding_rows

        rows = binding_rows({})
        ids = {r.id for r in rows}
        assert {"app.quit", "app.help", "main.filter", "reader.next_paragraph", "list.open"} <= ids
        assert all(r.id and r.description for r in rows)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def run_from_palette(pilot, command: str) -> None:
    """ctrl+p, type the command, enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await quiet(pilot)
    await pilot.press("enter")
    await quiet(pilot)


async def test_palette_has_app_commands_and_switches_theme(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await run_from_palette(pilot, "theme: baldreader-light")
        assert app.theme == "baldreader-light"


async def test_the_palette_offers_every_keyed_action_and_only_the_readers_themes(seeds, isolated_home) -> None:
    """Issue 12, item 7: the palette had only themes, sort, filter, help and quit; its theme
    picker offered Textual's own themes, under which the claim colours vanish."""
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for wanted in (
            "Search the corpus",
            "Notes and bookmarks",
            "Export notes",
            "Bookmark this paragraph",
            "Layer: claims",
            "Layer: tints",
            "People and claims panel",
            "Next theme",
        ):
            assert wanted in titles, wanted
        assert "Theme" not in titles  # Textual's picker of its own themes
        await run_from_palette(pilot, "layer: claims")
        assert app.screen.analysis.highlight_layers.claims is False


async def test_theme_key_cycles_and_choice_is_remembered(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        first = app.theme
        await pilot.press("t")
        assert app.theme != first and app.theme in app.reader_themes
        chosen = app.theme
    again = make_app(seeds, isolated_home)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert again.theme == chosen


async def test_last_article_and_paragraph_are_restored(seeds, isolated_home) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("G", "enter", "j", "j", "j", "j")
        await pilot.pause()
        reader = app.screen.query_one(ReadingPane)
        opened, cursor = reader.article.id, reader.cursor
        assert cursor == 4
    again = make_app(seeds, isolated_home)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        reader = again.screen.query_one(ReadingPane)
        assert (reader.article.id, reader.cursor) == (opened, cursor)
        assert again.screen.query_one(ArticleList).current.id == opened


async def test_focus_layers_and_side_panel_are_restored(seeds, isolated_home) -> None:
    """Issue 12, item 9: focus, layer toggles and the side panel were not restored on restart."""
    from reader.ui.widgets.analysis_panel import AnalysisPanel

    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert not app.screen.query_one(AnalysisPanel).display  # narrower than 150: closed
        await pilot.press("enter", "j", "2", "i")
        await quiet(pilot)  # the state is saved shortly after a change
    again = make_app(seeds, isolated_home)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        screen = again.screen
        assert again.focused is screen.query_one(ReadingPane)
        layers = screen.analysis.highlight_layers
        assert (layers.names, layers.claims, layers.hedges) == (True, False, True)
        assert screen.query_one(AnalysisPanel).display


async def test_at_80_columns_the_side_panel_takes_the_lists_place_and_tab_reaches_it(seeds, isolated_home) -> None:
    """Issue 12, item 3: at 80x24 the open panel squeezed the reading pane to ~10 columns, and
    only shift+tab (four presses) reached the panel."""
    from reader.ui.widgets.analysis_panel import AnalysisPanel

    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "i")
        await pilot.pause()
        screen = app.screen
        reader = screen.query_one(ReadingPane)
        assert screen.query_one(AnalysisPanel).display and not screen.sidebar.display
        assert reader.size.width >= 40
        await pilot.press("tab")
        assert app.focused is screen.query_one("#panel-people")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#panel-claims")
        await pilot.press("tab")
        assert app.focused is reader
        await pilot.press("i")
        await pilot.pause()
        assert screen.sidebar.display and not screen.query_one(AnalysisPanel).display


async def test_a_panel_left_open_on_a_wide_terminal_does_not_hide_the_list_of_a_narrow_one(
    seeds, isolated_home
) -> None:
    from reader.ui.widgets.analysis_panel import AnalysisPanel

    write(isolated_home, "state.yaml", "version: 1\npanel: true\n")
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert app.screen.sidebar.display and not app.screen.query_one(AnalysisPanel).display
    wide = make_app(seeds, isolated_home)
    async with wide.run_test(size=(160, 40)) as pilot:
        await wait_loaded(pilot)
        assert wide.screen.query_one(AnalysisPanel).display


async def test_remapped_key_from_config(seeds, isolated_home) -> None:
    write(isolated_home, "config.yaml", "keys:\n  reader.next_paragraph: n\n")
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "n", "n")
        await pilot.pause()
        assert app.screen.query_one(ReadingPane).cursor == 2
        await pilot.press("j")  # no longer bound
        assert app.screen.query_one(ReadingPane).cursor == 2


async def test_a_misspelled_binding_id_is_reported_with_the_closest_ids(seeds, isolated_home) -> None:
    """Issue 12, item 10: an unknown id in config.yaml was ignored without a word."""
    write(isolated_home, "config.yaml", "keys:\n  reader.next_paragrph: n\n  main.serch: ctrl+f\n")
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in app.notices]
        assert any("'reader.next_paragrph'" in m and "reader.next_paragraph" in m for m in messages), messages
        assert any("'main.serch'" in m and "main.search" in m for m in messages), messages


async def test_markup_and_escape_sequences_are_shown_as_text(corpus_dir, isolated_home) -> None:
    write(
        corpus_dir,
        "evil.txt",
        "[bold]Fake Bold[/] Headline [link=http://evil]x[/link]\n"
        "Body with [red]not red[/red] and \x1b[31mterminal red\x1b[0m and \x07 bell.\n",
    )
    app = make_app(corpus_dir, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        reader = app.screen.query_one(ReadingPane)
        header = str(reader.query_one("#article-header").render())
        assert "[bold]Fake Bold[/] Headline [link=http://evil]x[/link]" in header
        body = str(reader.query(BlockView)[0].render())
        assert "[red]not red[/red]" in body
        assert "\x1b" not in body and "␛[31mterminal red␛[0m" in body and "␇" in body


async def test_bad_files_are_reported_not_fatal(corpus_dir, isolated_home) -> None:
    write(corpus_dir, "bin.txt", b"\x00\x01\x02binary")
    write(corpus_dir, "latin.txt", b"Latin Title\nCaf\xe9.\n")
    app = make_app(corpus_dir, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in app.notices]
        assert any("bin.txt: binary" in m for m in messages)
        assert any("latin.txt: invalid UTF-8" in m for m in messages)
        assert app.screen.query_one(ReadingPane).article.id == "latin"


async def test_missing_corpus_shows_message(tmp_path, isolated_home) -> None:
    app = make_app(tmp_path / "missing", isolated_home)
    async with app.run_test(size=(80, 20)) as pilot:
        await quiet(pilot)
        assert "corpus not found" in app.screen.query_one(ArticleList).empty_text


async def test_broken_theme_falls_back_with_message(seeds, isolated_home) -> None:
    write(isolated_home / "themes", "broken.yaml", "name: broken\nprimary: 12\n")
    app = make_app(seeds, isolated_home, theme="broken")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        assert app.theme == "baldreader-dark"
        messages = " ".join(n.message for n in app.notices)
        assert "broken.yaml" in messages and "'broken' not found" in messages


@pytest.mark.parametrize("size", [(60, 15), (80, 24), (250, 70)])
async def test_small_and_large_terminals(seeds, isolated_home, size) -> None:
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=size) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "j", "tab", "j", "question_mark", "escape")
        await pilot.pause()
        from textual.widgets import Header

        header = app.screen.query_one(Header)
        assert header.region.width == size[0] and header.region.height == 1
        title = header.query_one("HeaderTitle")  # by its name: Textual does not export the class
        assert str(title.render()).startswith("baldreader")
        assert title.region.right <= size[0]
        assert app.screen.query_one(ArticleList).region.width >= 20


async def _burst(pilot, *keys: str) -> None:
    """Keys queued all at once, as a fast typist or a paste sends them (pilot.press waits for
    each key to be handled before sending the next)."""
    from textual import events

    for key in keys:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await quiet(pilot)  # every key handled, and what they started finished


async def test_keys_typed_in_a_burst_reach_the_widget_focused_after_the_previous_key(seeds, isolated_home) -> None:
    """Issue 12, item 2: `j enter j j b` in one burst bookmarked another article, and the letters
    typed right after `/` went to the list (a new note, a filter) instead of the search bar."""
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        articles = app.screen.query_one(ArticleList)
        second = articles.entries[1].id
        await _burst(pilot, "j", "enter", "j", "j", "b")
        bookmarks = app.store.bookmarks()
        assert [(b.anchor.article, b.anchor.paragraph) for b in bookmarks] == [(second, 3)]
        await _burst(pilot, "escape", "slash", "a", "b", "c")
        assert app.screen.query_one("#search").value == "abc"
        assert type(app.screen).__name__ == "MainScreen"  # no note editor opened by the "a"
        await quiet(pilot)  # the search the letters started, before the app closes


async def _open_longest(pilot, app):
    articles = app.screen.query_one(ArticleList)
    while not articles.current.id.startswith("004"):
        await pilot.press("j")
    await pilot.press("enter")
    await pilot.pause()
    return app.screen.query_one(ReadingPane)


async def test_g_and_home_show_the_article_header_on_the_first_press(seeds, isolated_home) -> None:
    """Issue 12, item 5 (already right at this commit; kept so it stays right)."""
    for size in [(80, 24), (120, 40)]:
        for key in ["g", "home"]:
            app = ReaderApp(corpus=seeds, home=isolated_home)
            async with app.run_test(size=size) as pilot:
                await wait_loaded(pilot)
                reader = await _open_longest(pilot, app)
                await pilot.press("G")
                await pilot.pause()
                assert reader.scroll_y > 0
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                assert reader.cursor == 0 and reader.scroll_y == 0


async def test_ctrl_d_puts_the_cursor_on_a_paragraph_whose_first_line_is_in_view(seeds, isolated_home) -> None:
    """Issue 12, item 5: from the top, ctrl+d left the cursor paragraph's first line above the view."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        reader = await _open_longest(pilot, app)
        for _ in range(4):
            await pilot.press("ctrl+d")
            await pilot.pause()
            view = reader.query_one("BlockView.-cursor")  # the cursor paragraph
            height = reader.scrollable_content_region.height
            starts = [v.virtual_region.y for v in reader.query(BlockView)]
            in_view = [y for y in starts if reader.scroll_y <= y < reader.scroll_y + height]
            # Its first line in view, unless no paragraph starts in view (one fills it).
            assert view.virtual_region.y >= reader.scroll_y or not in_view
            assert reader.scroll_y > 0


async def test_the_footer_fits_80_columns_in_the_list_and_the_reading_pane(seeds, isolated_home) -> None:
    """Issue 12, item 4: the footer was cut at 80 and at 140 columns (help and quit fell off)."""
    app = make_app(seeds, isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        for keys in ((), ("enter",)):
            await pilot.press(*keys)
            await pilot.pause()
            shown = [k for k in app.screen.query("FooterKey") if k.display]
            assert {k.description for k in shown} >= {"Search", "Bookmark", "Note", "Help", "Quit"}
            assert all(k.region.right <= 80 and k.region.width > 0 for k in shown)


async def test_a_corpus_read_ahead_is_in_the_first_frame_and_leaves_no_progress_bar(seeds, isolated_home) -> None:
    """What the command line read while the interface loaded is listed as the screen mounts, and
    the loading bar is not brought back afterwards (it once stayed, full, for the whole session)."""
    from reader.opening import OpeningAhead

    ahead = OpeningAhead(seeds, isolated_home)
    assert ahead.wait(10)
    app = make_app(seeds, isolated_home, opening_ahead=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        assert len(app.screen.query_one(ArticleList).entries) == 5  # no pause: there when mounted
        await wait_loaded(pilot)
        await quiet(pilot)
        assert not app.screen.query_one("#loading").display
