"""Issue 29: adding a page from the app. `+` asks for an address; the page is fetched from a local
server on 127.0.0.1, written into the user's own corpus (the seeds are open), and the list shows
it with its outlet, without a restart. The command palette offers the same."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from local_server import Handler, serving
from test_corpus_pages import PAGE

from reader.ui.app import ReaderApp, main_screen_commands
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane

pytestmark = pytest.mark.app


class _Page(Handler):
    def do_GET(self) -> None:
        self.send(200, PAGE.encode("utf-8")) if self.path == "/storm" else self.send(404, b"")


QUOKKA = "date 2025-01-02\nQuokka census\n\nRangers counted zanzibarquokka at dawn.\n"


@pytest.fixture
def own_seeds(seeds, tmp_path) -> Path:
    """A copy of the seeds, as a corpus of the user's own that the test writes into."""

    return Path(shutil.copytree(seeds, tmp_path / "mine"))


async def _until(pilot, condition, seconds: float = 60.0) -> None:
    """Wait for what the screen shows, with a hang bound (no fixed sleep)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not condition():
        assert loop.time() < deadline, "the screen never showed it"
        await pilot.pause(0.05)


async def test_plus_adds_a_page_and_the_list_shows_it(seeds, isolated_home) -> None:
    from conftest import wait_loaded

    with serving(_Page) as server:
        app = ReaderApp(corpus=seeds, home=isolated_home)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(pilot)
            await pilot.press("plus")
            await pilot.pause()
            await pilot.press(*f"{server}/storm", "enter")
            articles = app.screen.query_one(ArticleList)
            await _until(pilot, lambda: [e.title for e in articles.entries] == ["Storm hits coast"])
            reader = app.screen.query_one(ReadingPane)
            await _until(pilot, lambda: reader.article is not None and reader.article.outlet == "Daily Ledger")
    written = list((isolated_home / "corpus").glob("*.md"))
    assert len(written) == 1 and written[0].name.startswith("storm-hits-coast-")


async def test_the_add_dialog_shows_a_hostile_corpus_path_as_text(seeds, tmp_path, monkeypatch) -> None:
    """The folder the dialog names is a path: an escape in it is shown (␛), never sent to the
    terminal, and a [bold] in it is text."""
    from conftest import wait_loaded
    from textual.widgets import Static

    home = tmp_path / "home\x1b[31m[bold]"
    monkeypatch.setenv("BALDREADER_HOME", str(home))
    app = ReaderApp(corpus=seeds, home=home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("plus")
        await pilot.pause()
        where = str(app.screen.query_one("#add-where", Static).render())
        assert "home␛[31m[bold]" in where and "\x1b" not in where


async def test_the_palette_offers_adding_and_updating(seeds, isolated_home) -> None:
    from conftest import wait_loaded

    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        titles = [command.title for command in main_screen_commands(app.screen)]
        assert "Add a web page or feed" in titles and "Update feeds" in titles


async def test_the_app_says_when_it_opened_the_users_own_corpus(isolated_home) -> None:
    from conftest import wait_loaded, write

    own = isolated_home / "corpus"
    write(own, "mine.md", "---\ntitle: Mine\nsite: Valley Gazette\n---\n\nThe mayor said the budget was sound.\n")
    app = ReaderApp(corpus=own, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        shown = [str(n.message) for n in app.notices]
        assert any(m.startswith("Your own corpus: ") and str(own) in m for m in shown)


async def test_the_across_view_compares_outlets(corpus_dir, isolated_home) -> None:
    """Issue 29: per outlet its articles, claims, anonymous share and hedges, drawn as bars."""
    from conftest import wait_loaded, write

    from reader.ui.widgets.across_lists import OutletsList

    said = "One insider said the mayor would resign. Sources close to the council said the budget was late.\n"
    for n in range(2):
        write(corpus_dir, f"g{n}.md", f"---\ntitle: Story {n}\nsite: Valley Gazette\n---\n\n{said}")
    write(
        corpus_dir, "h.md", "---\ntitle: Report\nsite: Harbour News\n---\n\nMayor Ana Ruiz said the budget was sound.\n"
    )
    app = ReaderApp(corpus=corpus_dir, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        await _until(pilot, lambda: len(app.screen.query(OutletsList)) == 1)
        await pilot.press("right", "right", "right")
        outlets = app.screen.query_one(OutletsList)
        await _until(pilot, lambda: outlets.option_count == 2)
        rows = [str(outlets.get_option_at_index(i).prompt) for i in range(2)]
        assert rows[0].startswith("Valley Gazette") and "100%" in rows[0] and "█" in rows[0]
        assert rows[1].startswith("Harbour News") and " 0%" in rows[1]


async def test_adding_a_file_read_with_a_warning_says_the_warning(seeds, isolated_home, tmp_path) -> None:
    """A clipped `.md` whose front matter is not YAML is added as text, and the app says why."""
    from conftest import wait_loaded

    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [unclosed\n---\n\nThe council approved the wall on Thursday.\n", encoding="utf-8")
    said: list[str] = []
    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
        await wait_loaded(pilot)
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*str(broken), "enter")
        await _until(pilot, lambda: any("front matter is not valid YAML" in m for m in said))
    assert any(m.startswith("Added 1:") for m in said)


async def test_articles_saved_changed_or_removed_in_the_folder_show_without_a_restart(
    own_seeds, tmp_path, isolated_home
) -> None:
    """The corpus folder is watched: an article saved into it is listed and found by search,
    a changed one shows its new title, a removed one leaves the list, with no restart."""

    from conftest import wait_loaded, wait_until

    corpus = own_seeds
    app = ReaderApp(corpus=corpus, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await wait_until(pilot, lambda: screen.search.ready, "the index")
        articles = screen.query_one(ArticleList)

        def titles() -> list[str]:
            return [e.title for e in articles.entries]

        (corpus / "quokka.txt").write_text(
            "date 2025-01-02\nQuokka census finds more than expected\n\nRangers counted zanzibarquokka at dawn.\n",
            encoding="utf-8",
        )
        await wait_until(pilot, lambda: "Quokka census finds more than expected" in titles(), "the new article")
        found = screen.search.index.search("zanzibarquokka")
        assert [h.title for h in found.hits] == ["Quokka census finds more than expected"]
        (corpus / "quokka.txt").write_text(
            "date 2025-01-02\nQuokka census revised\n\nRangers counted zanzibarquokka again.\n", encoding="utf-8"
        )
        await wait_until(pilot, lambda: "Quokka census revised" in titles(), "the changed title")
        assert "Quokka census finds more than expected" not in titles()
        (corpus / "quokka.txt").unlink()
        await wait_until(pilot, lambda: len(titles()) == 5, "the article gone")
        assert screen.search.index.search("zanzibarquokka").total == 0


async def test_a_file_saved_while_the_first_index_is_built_is_indexed_after_it(
    own_seeds, tmp_path, isolated_home, monkeypatch
) -> None:
    """Opening the corpus again while its first sync ran started a second sync at once, which
    found the first's lock: "Another baldreader is indexing this corpus" (there was none). The
    second now waits for the first, and the file saved meanwhile is found."""
    import threading

    from conftest import wait_loaded, wait_until

    from reader.search import background

    corpus = own_seeds
    written = threading.Event()
    real = background.sync_in_child

    def held(*args, **kwargs):
        written.wait(30)  # the first sync starts once the file is saved
        return real(*args, **kwargs)

    monkeypatch.setattr(background, "sync_in_child", held)
    said: list[str] = []
    app = ReaderApp(corpus=corpus, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
        screen = app.screen
        articles = screen.query_one(ArticleList)
        await wait_until(pilot, lambda: len(articles.entries) == 5, "the list")
        (corpus / "quokka.txt").write_text(QUOKKA, encoding="utf-8")
        await wait_until(pilot, lambda: len(articles.entries) == 6, "the new article listed")
        written.set()
        await wait_loaded(pilot, timeout=60)
        await wait_until(
            pilot,
            lambda: screen.search.index is not None and screen.search.index.search("zanzibarquokka").total == 1,
            "the new article found",
            timeout=60,
        )
    assert not [m for m in said if "Another baldreader" in m]


async def test_adding_into_the_open_corpus_indexes_the_article_without_a_sync(
    own_seeds, tmp_path, isolated_home, monkeypatch
) -> None:
    """An article added into the corpus open is indexed on its own; opening the corpus again
    to list it ran a whole sync besides (2.5 s of a child's work at 100,000 articles)."""

    from conftest import quiet, wait_loaded

    from reader.search import background

    corpus = own_seeds
    syncs: list[int] = []
    real = background.sync_in_child

    def counted(*args, **kwargs):
        syncs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(background, "sync_in_child", counted)
    source = tmp_path / "quokka.txt"
    source.write_text(QUOKKA, encoding="utf-8")
    app = ReaderApp(corpus=corpus, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        before = len(syncs)
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*str(source), "enter")
        articles = app.screen.query_one(ArticleList)
        await _until(pilot, lambda: "Quokka census" in [e.title for e in articles.entries])
        assert app.screen.search.index.search("zanzibarquokka").total == 1
        await quiet(pilot)  # every worker done: a sync would have started by now
    assert before == 1 and len(syncs) == before


async def test_adding_while_another_baldreader_indexes_says_it_waits(own_seeds, tmp_path, isolated_home) -> None:
    """An add waiting for another baldreader's batch in hand (a people pass) said nothing: the
    article appeared seconds later. The app says why it waits, then lists it."""
    import fcntl
    import os

    from conftest import wait_loaded

    corpus = own_seeds
    source = tmp_path / "quokka.txt"
    source.write_text(QUOKKA, encoding="utf-8")
    said: list[str] = []
    app = ReaderApp(corpus=corpus, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]
        await wait_loaded(pilot)
        lock = os.open(app.screen.search.index.folder / "sync.lock", os.O_RDWR)
        fcntl.flock(lock, fcntl.LOCK_EX)  # as another baldreader's batch in hand
        try:
            await pilot.press("plus")
            await pilot.pause()
            await pilot.press(*str(source), "enter")
            await _until(pilot, lambda: any("The index is busy" in m for m in said))
        finally:
            os.close(lock)
        articles = app.screen.query_one(ArticleList)
        await _until(pilot, lambda: "Quokka census" in [e.title for e in articles.entries])
        assert app.screen.search.index.search("zanzibarquokka").total == 1


async def test_a_file_saved_in_the_folder_does_not_say_the_corpus_problems_again(own_seeds, isolated_home) -> None:
    """Each file saved into a folder that also holds an unreadable one said "1 file problem"
    again (the corpus read again reported it each time): it is said once, and again only when
    the problems change."""
    from conftest import wait_loaded

    (own_seeds / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    said: list[str] = []
    app = ReaderApp(corpus=own_seeds, home=isolated_home)
    app.notify = lambda message, **kw: said.append(message)  # type: ignore[method-assign]  # from the start
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        articles = app.screen.query_one(ArticleList)

        def told() -> int:
            return sum("binary.txt" in m for m in said)

        await _until(pilot, lambda: told() == 1)
        for n in range(2):
            (own_seeds / f"quokka-{n}.txt").write_text(QUOKKA.replace("census", f"census {n}"), encoding="utf-8")
            await _until(pilot, lambda n=n: f"Quokka census {n}" in [e.title for e in articles.entries])
        (own_seeds / "empty.md").write_text("", encoding="utf-8")
        await _until(pilot, lambda: any("empty.md" in m for m in said))
    assert told() == 2  # once at the start, once more with the new problem beside it


async def test_the_folder_watch_ends_when_its_worker_is_cancelled(own_seeds, isolated_home, monkeypatch) -> None:
    """The app cancels its workers as it quits; the folder's watch, blocked in watchfiles,
    asked only its stop event and went on, and the app's exit waited for its thread for ever
    (a CI run hung in a test's teardown so). It ends once its worker is cancelled."""
    import threading

    from conftest import wait_loaded

    from reader.corpus import watching

    ended = threading.Event()
    real = watching.article_changes

    def recorded(root, stop):
        yield from real(root, stop)
        ended.set()

    monkeypatch.setattr(watching, "article_changes", recorded)
    app = ReaderApp(corpus=own_seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await _until(pilot, lambda: any(w.group == "watch" for w in app.workers))
        watch = next(w for w in app.workers if w.group == "watch")
        assert not ended.is_set()
        watch.cancel()
        await _until(pilot, ended.is_set, seconds=20)
