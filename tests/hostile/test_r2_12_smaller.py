"""Round two, case 12, the smaller faults: UTF-32 with a BOM, list columns by terminal cells (CJK,
emoji joined by ZWJ, zero-width characters), editing a note on a whole article from the notes
panel, a search that must index first saying so, Markdown export that GitHub's renderer shows
as written, and an analysis cache that stays bounded. (Ctrl+Z is in test_r2_06, concurrent
`index` runs in test_r2_05, the memory of `index` in bench/index_memory.py.)"""

from __future__ import annotations

import asyncio
import codecs
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import wait_loaded, write
from rich.cells import cell_len

from reader.analysis import cache as cache_module
from reader.analysis.cache import AnalysisCache
from reader.corpus import load_file
from reader.corpus.model import Article
from reader.helpers.textsafe import fitted

SEED = "000_6942a464acb45268"
TEXT = "Title Of The Story\n\nThe body of the story, told in full.\n"


@pytest.mark.unit
@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_utf32_with_a_bom_is_read_as_utf32(tmp_path: Path, bom: bytes, codec: str) -> None:
    path = write(tmp_path, "a.txt", bom + TEXT.encode(codec))
    article = load_file(path)
    assert isinstance(article, Article) and article.title == "Title Of The Story" and article.problems == []
    broken = write(tmp_path, "b.txt", bom + TEXT.encode(codec) + b"\xff\xff\xff\xff")
    flagged = load_file(broken)
    assert isinstance(flagged, Article) and flagged.problems == ["invalid UTF-32: undecodable bytes shown as \ufffd"]


TITLES = [
    "日本語の記事のタイトルはとても長いです本当に",
    "Family 👩\u200d👩\u200d👧\u200d👦 emoji joined by zero width joiners here",
    "Zero\u200bwidth\u200bspaces\u200band\u2060joiners in a long long title",
    "Combining accents: e\u0301e\u0301e\u0301 and a plain long title too",
]


@pytest.mark.unit
@pytest.mark.parametrize("title", TITLES)
def test_a_title_fits_its_column_in_cells(title: str) -> None:
    for width in (5, 12, 30, 80):
        assert cell_len(fitted(title, width)) == width


@pytest.mark.app
async def test_list_rows_line_up_at_80x24(tmp_path: Path) -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_list import ArticleList

    corpus = tmp_path / "corpus"
    for i, title in enumerate(TITLES):
        write(corpus, f"t{i}.txt", f"date 2024-01-0{i + 1} {title}\n\nA body of words.\n")
    app = ReaderApp(corpus=corpus, home=tmp_path / "home")

    async def run_app() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_loaded(pilot)
            articles = app.screen.query_one(ArticleList)
            width = articles.size.width
            rows = [articles.render_line(y) for y in range(len(TITLES))]
            # A title too wide in cells would push its row's date past the edge (cut); one
            # counted too wide would leave the row short of the edge. (At 80 columns a row ends
            # with the date; the word count shows from WITH_WORDS columns of list.)
            assert [row.cell_length for row in rows] == [width] * len(TITLES)
            assert all(row.text.endswith(" 2024-01-0" + str(len(TITLES) - i)) for i, row in enumerate(rows)), (
                rows
            )  # newest first
            await pilot.press("q")

    await asyncio.wait_for(run_app(), timeout=120)


@pytest.mark.app
async def test_e_in_the_notes_panel_edits_a_note_on_the_whole_article(seeds: Path, isolated_home: Path) -> None:
    from textual.widgets import TextArea

    from reader.store import Store
    from reader.store.anchor import make_anchor
    from reader.store.model import Note
    from reader.ui.app import ReaderApp
    from reader.ui.screens.note_editor import NoteEditor
    from reader.ui.screens.notes_panel import NotesPanel

    article = load_file(next(seeds.glob(f"{SEED}.*")))
    assert isinstance(article, Article)
    anchor = make_anchor(article, None, "")
    Store(isolated_home / "notes.yaml").load().add_note(
        Note(id="", anchor=anchor, text="On the whole piece", target="article")
    )
    app = ReaderApp(corpus=seeds, home=isolated_home)

    async def run_app() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_loaded(pilot)
            await pilot.press("o")
            while not isinstance(app.screen, NotesPanel):
                await pilot.pause(0.05)
            await pilot.press("e")
            while not isinstance(app.screen, NoteEditor):
                await pilot.pause(0.05)
            assert app.screen.query_one("#note-text", TextArea).text == "On the whole piece"
            await pilot.press("end", *" (checked)", "ctrl+s")
            while isinstance(app.screen, NoteEditor):
                await pilot.pause(0.05)
            await pilot.press("q")

    await asyncio.wait_for(run_app(), timeout=120)
    (note,) = Store(isolated_home / "notes.yaml").load().notes()
    assert note.text == "On the whole piece (checked)" and note.anchor.paragraph is None


@pytest.mark.unit
def test_a_search_that_must_index_first_says_so(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for i in range(250):
        write(corpus, f"a{i:03d}.txt", f"Story {i}\n\nAn insider told story {i}.\n")
    env = dict(os.environ, BALDREADER_HOME=str(tmp_path / "home"))
    out = subprocess.run(
        [sys.executable, "-m", "reader", "search", "--corpus", str(corpus), "insider"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert out.returncode == 0 and "note: indexing 250 articles before searching" in out.stderr, out.stderr


@pytest.mark.unit
def test_markdown_export_renders_as_written_on_github(isolated_home: Path) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm")  # GitHub's own renderer (cmark-gfm)
    text = "    four spaces first\nsee https://example.com/a_b, www.example.org and jo.doe@example.org &amp; more"
    env = dict(os.environ, BALDREADER_HOME=str(isolated_home))
    reader = [sys.executable, "-m", "reader"]
    added = subprocess.run([*reader, "notes", "add", SEED, "--text", text], capture_output=True, text=True, env=env)
    assert added.returncode == 0, added.stderr
    out = subprocess.run([*reader, "export", "--format", "md"], capture_output=True, text=True, env=env)
    html = cmarkgfm.github_flavored_markdown_to_html(out.stdout)
    assert "<a " not in html and "<pre>" not in html
    assert "https://example.com/a_b" in html and "jo.doe@example.org" in html
    assert "&amp;amp; more" in html  # the entity as typed, not an ampersand


@pytest.mark.unit
def test_the_analysis_cache_stays_bounded(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "story.txt"
    db = tmp_path / "analysis.sqlite"
    for edit in range(60):
        write(tmp_path, "story.txt", f"Story\n\nAlec Baldwin said the edit number {edit} was final.\n")
        article = load_file(path)
        assert isinstance(article, Article)
        cache = AnalysisCache(db)
        cache.get(article)
        cache.close()
    rows = sqlite3.connect(db).execute("SELECT count(*) FROM analysis").fetchone()[0]
    assert rows == 1  # the last text's analysis, not 60
    other = load_file(write(tmp_path, "other.txt", "Other\n\nNothing said.\n"))
    assert isinstance(other, Article)
    later = cache_module._today() + cache_module.KEEP_DAYS + 1
    AnalysisCache(db).get(other)
    monkeypatch.setattr(cache_module, "_today", lambda: later)
    AnalysisCache(db).close()  # opening evicts what was not used for KEEP_DAYS days
    assert sqlite3.connect(db).execute("SELECT count(*) FROM analysis").fetchone()[0] == 0
