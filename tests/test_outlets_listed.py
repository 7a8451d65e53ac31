"""Issue 29, item 3: the outlet on the list's rows (where the story ran, what a media researcher
compares first), for a corpus read in full and for a large one listed from the index's catalog;
and a large corpus's unreadable files named in the app like a small one's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import quiet, wait_loaded, wait_until, write

from reader import opening
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_list import ArticleList


def _page(title: str, site: str | None, day: int) -> str:
    site_line = f"site: {site}\n" if site else ""
    body = f"{title} was reported on day {day}, a spokesman for the council said on Monday.\n"
    return f"---\ntitle: {title}\ndate: 2024-03-{day:02d}\n{site_line}---\n\n{body}"


@pytest.fixture
def outlets(corpus_dir: Path) -> Path:
    write(corpus_dir, "a.md", _page("Council Budget Talks Go On Into The Night", "Daily Ledger", 3))
    write(corpus_dir, "b.md", _page("Harbour Bridge Closed For Repairs Until June", "Morning Star Herald Online", 2))
    write(corpus_dir, "c.md", _page("Local Choir Wins The Regional Final", None, 1))
    write(corpus_dir, "notes.pdf", b"%PDF-1.4 not an article")
    return corpus_dir


def _rows(app: ReaderApp) -> list[str]:
    articles = app.screen.query_one(ArticleList)
    return [articles.render_line(y).text for y in range(len(articles.entries))]


async def test_the_outlet_is_on_each_row_when_there_is_room(outlets: Path, isolated_home: Path) -> None:
    app = ReaderApp(corpus=outlets, home=isolated_home)
    async with app.run_test(size=(140, 40)) as pilot:
        await wait_loaded(pilot)
        await quiet(pilot)
        rows = _rows(app)
        assert "Daily Ledger" in rows[0] and "2024-03-03" in rows[0]
        assert "Morning Sta…" in rows[1]  # cut to the column (12 cells)
        assert "2024-03-01" in rows[2] and "Herald" not in rows[2]
        # The columns line up: the date starts at the same cell on every row.
        assert len({row.index("2024-03-") for row in rows}) == 1
        title_cells = rows[0].index("Daily Ledger")
        assert title_cells >= 3 + 22  # the title kept its room
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: app.size.width == 80, "the resize")
        await quiet(pilot)
        narrow = _rows(app)
        assert "Daily" not in narrow[0] and "2024-03-03" in narrow[0]  # at 80 columns the title and date keep the row


async def test_a_large_corpus_lists_outlets_and_its_unreadable_files(
    outlets: Path, isolated_home: Path, monkeypatch
) -> None:
    monkeypatch.setattr(opening, "LAZY_THRESHOLD", 2)
    for _launch in range(2):  # the first builds the index; the second lists from its catalog alone
        app = ReaderApp(corpus=outlets, home=isolated_home)
        async with app.run_test(size=(140, 40)) as pilot:
            screen = app.screen
            await wait_until(pilot, lambda screen=screen: screen.search.ready, "the index")
            await quiet(pilot)
            assert not screen.corpus.complete
            articles = screen.query_one(ArticleList)
            assert {e.id: e.outlet for e in articles.entries} == {
                "a": "Daily Ledger",
                "b": "Morning Star Herald Online",
                "c": None,
            }
            assert "Daily Ledger" in _rows(app)[0]
            assert any("notes.pdf" in n.message for n in app.notices), [n.message for n in app.notices]
            await pilot.press("s", "s", "s", "s")  # date, title, anonymous, hedges, then outlet
            await wait_until(
                pilot,
                lambda articles=articles: articles.entries[0].id == "a" and articles.entries[1].id == "b",
                "by outlet",
            )
