"""Issue 29: a folder of saved pages never read before is read on every core (corpus/page_pool.py):
the same articles as read one by one, each page kept in the page cache, and a reader who quits
is not kept waiting for the workers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write

from reader.corpus import load, page_pool, pages
from reader.corpus.load import LoadStopped, load_corpus

pytestmark = pytest.mark.unit

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Daily Ledger</title>
<meta property="og:site_name" content="Daily Ledger"></head><body><nav>Home | World | Sport</nav>
<article><h1>{title}</h1><p>Story {n}: a storm hit the coast on Tuesday, officials said. Thousands of
homes lost power as winds reached {n} miles an hour.</p><p>"We will rebuild," Mayor Ana Ruiz said of
town {n}. Crews worked through the night to clear the roads.</p></article>
<footer>We use cookies. Accept all cookies.</footer></body></html>"""


def _pages(folder: Path, count: int) -> Path:
    for n in range(count):
        write(folder, f"page{n:03d}.html", PAGE.format(title=f"Storm number {n} hits the coast", n=n))
    return folder


def _read(folder: Path, home: Path) -> list[tuple[str, str, str | None]]:
    pages.remember_in(home)
    pages._read.clear()  # noqa: SLF001 - a new process: nothing read in memory
    corpus = load_corpus(folder)
    return [(a.title, a.text, a.outlet) for a in corpus.articles]


def test_new_pages_read_in_workers_are_the_pages_read_one_by_one(tmp_path, monkeypatch) -> None:
    if page_pool.worker_count() < 2:
        pytest.skip("one core: pages are read one by one")
    folder = _pages(tmp_path / "corpus", 40)
    extracted: list[int] = []
    prepare = page_pool.PagesAhead.prepare

    def counted(self, paths, stop=None):
        extracted.append(prepare(self, paths, stop))
        return extracted[-1]

    monkeypatch.setattr(page_pool.PagesAhead, "prepare", counted)
    in_workers = _read(folder, tmp_path / "home-a")
    assert sum(extracted) == 40  # every page extracted ahead, in the workers
    monkeypatch.setattr(load, "worker_count", lambda: 0)
    one_by_one = _read(folder, tmp_path / "home-b")
    assert in_workers == one_by_one and len(in_workers) == 40
    assert in_workers[0][0] == "Storm number 0 hits the coast" and in_workers[0][2] == "Daily Ledger"
    # Kept in the page cache: a second start reads none of them again.
    monkeypatch.setattr(pages, "extract", lambda raw: pytest.fail("a page was extracted again"))
    assert _read(folder, tmp_path / "home-a") == in_workers


def test_quitting_while_pages_are_read_ahead_stops_at_once(tmp_path) -> None:
    if page_pool.worker_count() < 2:
        pytest.skip("one core: pages are read one by one")
    folder = _pages(tmp_path / "corpus", 40)
    pages.remember_in(tmp_path / "home")
    pages._read.clear()  # noqa: SLF001
    with pytest.raises(LoadStopped):
        load_corpus(folder, stop=lambda: any(pages.is_known(p.read_bytes()) for p in folder.iterdir()))
