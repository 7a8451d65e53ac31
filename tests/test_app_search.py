"""Search in the app: / focuses the bar, results as you type, enter opens with hits
highlighted, n/N between hits, escape backs out, history on up/down."""

from __future__ import annotations

from conftest import quiet, wait_loaded, wait_until
from textual.widgets import Static

from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import BlockView, ReadingPane
from reader.ui.widgets.search_input import SearchInput


async def wait_for_search(pilot, screen) -> None:
    await wait_until(
        pilot, lambda: screen.search.result is not None and screen.query_one(SearchInput).value, "search results"
    )


async def wait_for_index(pilot, screen) -> None:
    await wait_until(pilot, lambda: screen.search.ready, "the search index")


def hit_words(reader: ReadingPane) -> list[str]:
    out = []
    for view in reader.query(BlockView):
        for start, end, style in view.styles_:
            if style.bgcolor is not None and style.color is not None and style.bold:
                out.append(view.block.text[start:end].lower())
    return out


async def test_search_as_you_type_open_and_move_between_hits(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await wait_for_index(pilot, screen)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchInput)
        await pilot.press(*"insider")
        await wait_for_search(pilot, screen)
        articles = screen.query_one(ArticleList)
        assert sorted(e.id[:3] for e in articles.entries) == ["000", "001", "003"]
        assert "3 hits" in str(screen.query_one("#list-status", Static).render())
        assert "insider" in str(screen.query_one("#search-info", Static).render()).lower()
        await pilot.press("enter")  # to the results
        assert app.focused is articles
        first = articles.current.id
        await pilot.press("enter")  # open it
        await quiet(pilot)
        reader = screen.query_one(ReadingPane)
        assert app.focused is reader and reader.article.id == first
        assert "insider" in hit_words(reader)
        start = reader.cursor
        await pilot.press("n")
        after_n = reader.cursor
        assert after_n != start
        assert any("insider" in reader.article.blocks[after_n].text.lower() for _ in [0])
        await pilot.press("n")
        await pilot.press("N")
        assert reader.cursor == after_n
        await pilot.press("escape")  # reading pane -> results
        assert app.focused is articles and len(articles.entries) == 3  # the seeds 000, 001, 003 say "insider"
        await pilot.press("escape")  # results -> the whole list again
        await pilot.pause()
        assert len(articles.entries) == 5 and hit_words(reader) == []  # the five seeds


async def test_typing_fast_shows_only_the_last_query(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await wait_for_index(pilot, screen)
        await pilot.press("slash", *"tiktok")
        await pilot.press(*["backspace"] * 6, *"enquirer")
        await quiet(pilot)
        await wait_for_search(pilot, screen)
        assert sorted(e.id[:3] for e in screen.query_one(ArticleList).entries) == ["003"]


async def test_malformed_query_and_did_you_mean_in_the_app(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await wait_for_index(pilot, screen)
        await pilot.press("slash", *'"red carpet')
        await wait_for_search(pilot, screen)
        await quiet(pilot)
        info = str(screen.query_one("#search-info", Static).render())
        assert "unbalanced quote ignored" in info
        assert len(screen.query_one(ArticleList).entries) >= 3
        screen.query_one(SearchInput).value = "insidr"
        await quiet(pilot)
        assert "Did you mean: insider" in str(screen.query_one("#search-info", Static).render())


async def test_search_history_up_and_down(seeds, isolated_home) -> None:
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_loaded(pilot)
        await wait_for_index(pilot, app.screen)
        bar = app.screen.query_one(SearchInput)
        for query in ("insider", "tiktok"):
            await pilot.press("slash")
            bar.value = query
            await pilot.press("enter")
        await pilot.press("slash")
        bar.value = ""
        await pilot.press("up")
        assert bar.value == "tiktok"
        await pilot.press("up")
        assert bar.value == "insider"
        await pilot.press("down")
        assert bar.value == "tiktok"
    assert app.state.search_history[-2:] == ["insider", "tiktok"]


async def test_down_past_the_newest_search_keeps_the_text_and_the_focus(seeds, isolated_home) -> None:
    """Issue 12, item 1: down after the newest history entry used to throw the typed text away
    and move the focus to the title filter, whose next keys then filtered the list."""
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(130, 40)) as pilot:
        await wait_loaded(pilot)
        bar = app.screen.query_one(SearchInput)
        await pilot.press("slash")
        bar.value = "insider"
        await pilot.press("enter", "slash")
        bar.value = "carpet"
        await pilot.press("down", "down", "x")
        assert app.focused is bar
        assert bar.value == "carpetx"
        assert app.screen.query_one("#filter").value == ""


async def test_people_left_by_a_large_sync_are_read_in_the_background(corpus_dir, isolated_home) -> None:
    """Issue 13: when the index holds articles indexed without their people (a sync of more
    than PEOPLE_LIMIT articles), the app runs the people pass in a child process and says so;
    person: then finds every article, with no message that some are still unread."""
    from conftest import write

    from reader.indexed import open_index

    for i in range(4):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said on day {i} that the gallery was open.\n")
    index = open_index(corpus_dir, isolated_home)
    index.people_limit = 2
    index.sync()
    index.close()
    app = ReaderApp(corpus=corpus_dir, home=isolated_home)
    said: list[str] = []
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await wait_until(pilot, lambda: "person: now covers every article." in said, "the people pass", timeout=30)
        assert any("Reading the people of 4 articles" in m for m in said)
        screen = app.screen
        await pilot.press("slash", *'person:"Nora Vale"')
        await wait_for_search(pilot, screen)
        await wait_until(pilot, lambda: screen.search.result.total == 4, "four hits")
        assert not screen.search.result.messages


async def test_the_index_pages_searches_read_are_let_go_once_typing_pauses(seeds, isolated_home, monkeypatch) -> None:
    """The app's resident memory grew with every index page its searches read (300 MiB at
    100,000 articles): once typing pauses, the search controller lets them go, and searching
    again answers the same."""
    from reader.search.engine import SearchIndex

    released: list[int] = []
    original = SearchIndex.release_pages

    def counting(self: SearchIndex) -> None:
        released.append(1)
        original(self)

    monkeypatch.setattr(SearchIndex, "release_pages", counting)
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await wait_for_index(pilot, screen)
        await pilot.press("slash", *"hilaria")
        await wait_for_search(pilot, screen)
        first = [h.id for h in screen.search.result.hits]
        await wait_until(pilot, lambda: released, "the pages let go", timeout=30)
        answered = screen.search.result
        await pilot.press("backspace", "a")  # the same words again, from pages let go
        await wait_until(pilot, lambda: screen.search.result is not answered, "a new answer")
        again = [h.id for h in screen.search.result.hits]
    assert first and again == first
