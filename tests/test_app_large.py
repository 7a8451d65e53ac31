"""The large-corpus path (listed from the search catalog, articles read when opened), exercised
on a small corpus by lowering the threshold."""

from __future__ import annotations

import pytest
from conftest import wait_until, write

from reader import opening
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
            assert any("empty.txt: empty file" in n.message for n in app._notifications)
            if launch:  # reopened where the last launch left off: the search hit it previewed
                assert articles.current.id == "story2"
            await pilot.press("g", "j", "enter")
            await pilot.pause(0.2)
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
