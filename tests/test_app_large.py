"""The large-corpus path (listed from the search catalog, articles read when opened), exercised
on a small corpus by lowering the threshold."""

from __future__ import annotations

import fcntl
import os

import pytest
from conftest import quiet, wait_until, write

from reader import opening
from reader.search.catalog_db import index_folder
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_input import SearchInput


@pytest.fixture
def large(corpus_dir, monkeypatch):
    monkeypatch.setattr(opening, "LAZY_THRESHOLD", 3)
    for i in range(6):
        write(
            corpus_dir,
            f"story{i}.txt",
            f"date 2024-0{i + 1}-10 Headline Number {i}\nBody of story {i} about a walrus{i} and Nadia Petrov.\n",
        )
    write(corpus_dir, "empty.txt", "")
    return corpus_dir


async def test_large_corpus_lists_from_the_catalog_and_reads_on_open(large, isolated_home) -> None:
    for launch in range(2):  # the first builds the index; the second lists from its catalog
        app = ReaderApp(corpus=large, home=isolated_home)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            await wait_until(pilot, lambda screen=screen: screen.search.ready)
            articles = screen.query_one(ArticleList)
            assert [e.id for e in articles.entries][:2] == ["story5", "story4"]  # newest first
            assert not screen.corpus.complete
            assert any("empty.txt: empty file" in n.message for n in app.notices)
            if launch:  # reopened where the last launch left off: the search hit it previewed
                assert articles.current.id == "story2"
            await pilot.press("g", "j", "enter")
            await quiet(pilot)
            reader = screen.query_one(ReadingPane)
            assert reader.article.id == "story4" and "walrus4" in reader.article.text
            await pilot.press("slash", *"walrus2")
            await wait_until(
                pilot,
                lambda screen=screen, articles=articles: (
                    screen.search.result is not None
                    and screen.query_one(SearchInput).value == "walrus2"
                    and [e.id for e in articles.entries] == ["story2"]
                ),
            )


async def test_a_mid_size_corpus_is_listed_from_the_catalog_then_read_in_full(
    seeds, isolated_home, monkeypatch
) -> None:
    """The list of a corpus seen before is painted from the search catalog while its articles are
    read; then the whole corpus is in memory (every feature works) and the place is kept."""
    monkeypatch.setattr(opening, "EARLY_LISTING", 2)
    seen = []
    original = opening.listed

    def spy(root, rows):
        seen.append(len(rows))
        return original(root, rows)

    monkeypatch.setattr(opening, "listed", spy)
    for launch in range(2):
        app = ReaderApp(corpus=seeds, home=isolated_home)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            await wait_until(pilot, lambda screen=screen: screen.search.ready)
            await wait_until(pilot, lambda screen=screen: screen.corpus is not None and screen.corpus.complete)
            assert len(screen.query_one(ArticleList).entries) == 5  # the five seeds
            reader = screen.query_one(ReadingPane)
            if launch == 0:
                await pilot.press("j", "enter", "j", "j")
                opened = (reader.article.id, reader.cursor)
                await quiet(pilot)
            else:
                assert (reader.article.id, reader.cursor) == opened
    # The first launch listed the 5 file names at once, the second its 5 articles from the catalog.
    assert seen == [5, 5]


def test_a_large_corpus_another_baldreader_is_indexing_keeps_its_file_names_listed(
    large, isolated_home, monkeypatch
) -> None:
    """Found by hand: a second baldreader opening a large corpus while the first one's index child
    was still building its catalog replaced the list of 5,003 file names with the half-built
    catalog's listing: "No articles in this corpus", 0 of 0."""
    monkeypatch.setattr(opening, "EARLY_LISTING", 2)
    folder = index_folder(large, isolated_home)
    folder.mkdir(parents=True)
    lock = os.open(folder / "sync.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other baldreader, indexing
        steps = list(opening.open_corpus(large, isolated_home))
    finally:
        os.close(lock)
    first, last = steps[0], steps[-1]
    assert isinstance(first, opening.Listed) and len(first.entries) == 7
    assert isinstance(last, opening.Synced) and last.report.busy
    assert last.listing is None  # the file names stay listed


def test_a_first_launch_lists_the_file_names_before_reading_anything(corpus_dir, isolated_home, monkeypatch) -> None:
    """Issue 11: on a first launch (no catalog yet) the list waited for every file to be read or
    indexed (38 s at 10,000 files). Now the first thing shown is the file names."""
    for i in range(5):
        write(corpus_dir, f"s{i}.md", f"# Story {i}\n\nDated 2024-0{i + 1}-01.\n")
    monkeypatch.setattr(opening, "EARLY_LISTING", 2)
    steps = list(opening.open_corpus(corpus_dir, isolated_home))
    first, last = steps[0], steps[-1]
    assert isinstance(first, opening.Listed)
    assert [(e.id, e.title, e.words) for e in first.entries] == [(f"s{i}", f"s{i}.md", -1) for i in range(5)]
    assert first.corpus.by_id("s3").title == "Story 3"  # an article opened from it is read then
    assert isinstance(last, opening.Loaded) and {e.title for e in last.entries} == {f"Story {i}" for i in range(5)}


async def test_a_large_corpus_is_sorted_and_filtered_by_sourcing_from_the_catalog(
    corpus_dir, isolated_home, monkeypatch
) -> None:
    """Issue 13: the sourcing measures of a large corpus's articles come from the index's
    catalog (read with their people by the sync or the people pass), not from articles in
    memory: `anon>50` keeps the articles resting on anonymous sources, though never opened."""
    monkeypatch.setattr(opening, "LAZY_THRESHOLD", 3)
    bodies = {  # oldest first: the newest, shown at start, rests on named sources
        "anon1": "A source close to the mayor said the bridge would stay shut.",
        "anon2": "Insiders claimed the budget hid a deficit, one insider told the paper.",
        "named1": "Nadia Petrov said the bridge would reopen in May.",
        "named2": "Omar Haddad told reporters the budget was balanced.",
    }
    for i, (name, body) in enumerate(bodies.items()):
        write(corpus_dir, f"{name}.txt", f"date 2024-0{i + 1}-10 Council Story {name}\n{body}\n")
    app = ReaderApp(corpus=corpus_dir, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: len(screen.sidebar.measures) == 4, "the catalog's measures")
        assert not screen.corpus.complete
        assert {"anon1", "anon2"}.isdisjoint(a.id for a in screen.corpus.articles)  # never read here
        await pilot.press("f", *"anon>50")
        articles = screen.query_one(ArticleList)
        await wait_until(pilot, lambda: sorted(e.id for e in articles.entries) == ["anon1", "anon2"], "the filter")
