"""Issue 31, item 2: a file just written or changed is indexed on its own (`index_files`), without
walking the corpus or reading the others, and the index, its catalog and the list's listing end
as a whole sync would leave them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write

from reader.search import SearchIndex
from reader.search.catalog_db import SCHEMA_VERSION, CatalogDB, Listing, stored_listing

pytestmark = pytest.mark.unit


def _article(day: int, title: str, words: str) -> str:
    return f"date 2024-05-{day:02d}\n{title}\n\nThe council said on Monday that {words} would be looked at again.\n"


@pytest.fixture
def indexed(corpus_dir: Path, isolated_home: Path) -> SearchIndex:
    for n in range(1, 8):
        write(corpus_dir, f"s{n}.txt", _article(n * 3, f"Story {n} about the budget", f"walrus{n} matters"))
    index = SearchIndex(corpus_dir, isolated_home)
    index.sync()
    return index


def _ids(index: SearchIndex, query: str) -> list[str]:
    return sorted(hit.id for hit in index.search(query, limit=50).hits)


def _listing_as_sqlite_sorts_it(index: SearchIndex) -> Listing:
    catalog = CatalogDB(index.folder / "catalog.sqlite")
    try:
        return Listing.of(catalog.listing_by_date())
    finally:
        catalog.close()


def test_a_new_file_is_searchable_and_listed_in_its_place_as_a_sync_would(indexed: SearchIndex, corpus_dir) -> None:
    new = write(corpus_dir, "fresh/added.txt", _article(10, "Zebra crossing plan", "narwhal proposals"))
    report = indexed.index_files([new])
    assert report is not None and (report.added, report.changed) == (1, 0)
    assert _ids(indexed, "narwhal") == ["added"]
    listed = stored_listing(indexed.folder, SCHEMA_VERSION)
    assert listed == _listing_as_sqlite_sorts_it(indexed)  # in place: 2024-05-10 between the 12th and the 9th
    assert listed.ids.index("added") == listed.ids.index("s4") + 1
    again = indexed.sync()
    assert (again.added, again.changed, again.removed, again.unchanged) == (0, 0, 0, 8)  # nothing left to do


def test_a_changed_file_is_indexed_again_and_its_old_words_go(indexed: SearchIndex, corpus_dir) -> None:
    path = corpus_dir / "s2.txt"
    path.write_text(_article(6, "Story 2, rewritten", "otter schemes"))
    report = indexed.index_files([path])
    assert report is not None and report.changed == 1
    assert _ids(indexed, "otter") == ["s2"] and _ids(indexed, "walrus2") == []
    listed = stored_listing(indexed.folder, SCHEMA_VERSION)
    assert listed == _listing_as_sqlite_sorts_it(indexed) and "Story 2, rewritten" in listed.titles
    assert indexed.sync().unchanged == 7


def test_a_file_indexed_as_it_is_stays_indexed(indexed: SearchIndex, corpus_dir) -> None:
    """Asked again for a file the index already holds as it is: nothing changes (its catalog row
    was once dropped while its document stayed, and the next sync rebuilt the whole index)."""
    report = indexed.index_files([corpus_dir / "s5.txt"])
    assert report is not None and (report.added, report.changed, report.unchanged) == (0, 0, 1)
    assert _ids(indexed, "walrus5") == ["s5"]
    again = indexed.sync()
    assert again.rebuilt_because is None and (again.added, again.changed, again.unchanged) == (0, 0, 7)


def test_a_copy_of_an_indexed_article_is_shown_once_as_a_sync_says(indexed: SearchIndex, corpus_dir) -> None:
    copy = write(corpus_dir, "copy.txt", (corpus_dir / "s3.txt").read_text())
    report = indexed.index_files([copy])
    assert report is not None and report.added == 0
    assert [s.reason for s in report.skipped] == ["identical to s3.txt; shown once"]
    assert _ids(indexed, "walrus3") == ["s3"]
    again = indexed.sync()
    assert (again.added, again.changed, again.removed) == (0, 0, 0)


def test_what_a_sync_would_name_otherwise_is_left_to_it(indexed: SearchIndex, corpus_dir, tmp_path) -> None:
    same_stem = write(corpus_dir, "elsewhere/s1.txt", _article(20, "Another s1", "heron tales"))
    assert indexed.index_files([same_stem]) is None  # s1 is another file's id: a sync names both by path
    outside = write(tmp_path / "outside", "x.txt", _article(1, "Outside", "words"))
    assert indexed.index_files([outside]) is None
    assert indexed.index_files([write(corpus_dir, "notes.pdf", b"%PDF")]) is None
    report = indexed.sync()
    assert report.added == 1 and "heron" not in " ".join(_ids(indexed, "walrus1"))
    assert len(_ids(indexed, "heron")) == 1


def test_no_index_yet_is_left_to_a_sync(corpus_dir: Path, isolated_home: Path) -> None:
    new = write(corpus_dir, "first.txt", _article(1, "First", "words"))
    index = SearchIndex(corpus_dir, isolated_home)
    assert index.index_files([new]) is None
    assert index.sync().added == 1  # the sync that follows builds it


def test_adding_files_writes_the_listings_journal_not_the_listing(
    indexed: SearchIndex, corpus_dir, monkeypatch
) -> None:
    """Writing the listing again for each added article was most of adding one at 100,000
    articles: the listing file stays as the sync wrote it, the changes go to its journal, the
    list read at start-up is SQLite's order all along, and past the journal's limit the listing
    is written whole again (the journal gone)."""
    from reader.search import listing_journal
    from reader.search.catalog_db import LISTING

    listing = indexed.folder / LISTING
    written = listing.stat().st_ino, listing.stat().st_mtime_ns
    monkeypatch.setattr(listing_journal, "MAX_ROWS", 4)
    monkeypatch.setattr("reader.search.file_adding.MAX_ROWS", 4)
    (corpus_dir / "s5.txt").unlink()
    for n, day in enumerate((10, 1, 27)):
        path = write(corpus_dir, f"fresh/a{n}.txt", _article(day, f"Added {n}", f"narwhal{n} proposals"))
        removed = [corpus_dir / "s5.txt"] if n == 1 else []
        assert indexed.index_files([path, *removed]) is not None
        assert (listing.stat().st_ino, listing.stat().st_mtime_ns) == written  # the listing not written
        assert (indexed.folder / listing_journal.JOURNAL).exists()
        assert stored_listing(indexed.folder, SCHEMA_VERSION) == _listing_as_sqlite_sorts_it(indexed)
    path = write(corpus_dir, "fresh/a3.txt", _article(2, "Added 3", "narwhal3 proposals"))
    indexed.index_files([path])  # five changes (four added, one removed): the listing written whole
    assert (listing.stat().st_ino, listing.stat().st_mtime_ns) != written
    assert not (indexed.folder / listing_journal.JOURNAL).exists()
    assert stored_listing(indexed.folder, SCHEMA_VERSION) == _listing_as_sqlite_sorts_it(indexed)
    assert "s5" not in stored_listing(indexed.folder, SCHEMA_VERSION).ids and _ids(indexed, "walrus5") == []
    again = indexed.sync()
    assert (again.unchanged, again.added, again.removed) == (10, 0, 0)  # nothing left for a sync


def test_a_removed_file_leaves_the_index_and_the_list_unless_a_copy_takes_its_place(
    indexed: SearchIndex, corpus_dir
) -> None:
    (corpus_dir / "s3.txt").unlink()
    report = indexed.index_files([corpus_dir / "s3.txt"])
    assert report is not None and report.removed == 1
    assert _ids(indexed, "walrus3") == [] and "s3" not in stored_listing(indexed.folder, SCHEMA_VERSION).ids
    copy = write(corpus_dir, "copy-of-s4.txt", (corpus_dir / "s4.txt").read_text())
    assert indexed.sync().added == 0  # shown once, under s4
    (corpus_dir / "s4.txt").unlink()
    assert indexed.index_files([corpus_dir / "s4.txt"]) is None  # the copy is indexed by a sync
    indexed.sync()
    assert _ids(indexed, "walrus4") == ["copy-of-s4"] and copy.exists()


def test_a_damaged_journal_means_the_catalogs_order_and_a_listing_written_anew(
    indexed: SearchIndex, corpus_dir
) -> None:
    from reader.search import listing_journal
    from reader.search.catalog_db import LISTING

    path = write(corpus_dir, "fresh/a.txt", _article(10, "Added", "narwhal proposals"))
    indexed.index_files([path])
    (indexed.folder / listing_journal.JOURNAL).write_bytes(b"\x00garbled")
    assert stored_listing(indexed.folder, SCHEMA_VERSION) == _listing_as_sqlite_sorts_it(indexed)
    assert "Added" in _listing_as_sqlite_sorts_it(indexed).titles
    assert not (indexed.folder / LISTING).exists()  # the sync that follows writes it anew
    indexed.sync()
    assert stored_listing(indexed.folder, SCHEMA_VERSION) == _listing_as_sqlite_sorts_it(indexed)


def test_a_sync_of_a_few_changes_reads_only_their_rows_and_writes_the_listings_journal(
    indexed: SearchIndex, corpus_dir, monkeypatch
) -> None:
    """A whole sync that finds a few files changed (an edit, a copy of an indexed article, one
    removed) looks up only their rows and their content's twins, and puts the list's changes in
    the listing's journal, as adding files does: reading every row and sorting the catalog for
    the listing were 0.8 of a 2-second sync at 100,000 articles. The list and the copies come
    out as before; past FEW changes the listing is written whole."""
    from reader.search import listing_journal, syncing
    from reader.search.catalog_db import LISTING

    listing = indexed.folder / LISTING
    written = listing.stat().st_ino, listing.stat().st_mtime_ns

    def refused(*args, **kwargs):
        raise AssertionError("every row read for a few changes")

    monkeypatch.setattr(CatalogDB, "rows", refused)
    monkeypatch.setattr(CatalogDB, "listing_by_date", refused)
    write(corpus_dir, "s2.txt", _article(20, "Story 2 rewritten", "walrus2 and a narwhal"))
    write(corpus_dir, "copy-of-s4.txt", (corpus_dir / "s4.txt").read_text())
    (corpus_dir / "s6.txt").unlink()
    report = indexed.sync()
    assert (report.changed, report.added, report.removed) == (1, 0, 1)  # the copy is a duplicate
    assert (listing.stat().st_ino, listing.stat().st_mtime_ns) == written
    assert (indexed.folder / listing_journal.JOURNAL).exists()
    monkeypatch.undo()
    listed = stored_listing(indexed.folder, SCHEMA_VERSION)
    assert listed == _listing_as_sqlite_sorts_it(indexed)
    assert "Story 2 rewritten" in listed.titles and "s6" not in listed.ids and "copy-of-s4" not in listed.ids
    assert _ids(indexed, "narwhal") == ["s2"] and _ids(indexed, "walrus4") == ["s4"] and _ids(indexed, "walrus6") == []
    monkeypatch.setattr(syncing, "FEW", 1)
    write(corpus_dir, "s1.txt", _article(2, "Story 1 rewritten", "walrus1"))
    write(corpus_dir, "s3.txt", _article(4, "Story 3 rewritten", "walrus3"))
    assert indexed.sync().changed == 2
    assert (listing.stat().st_ino, listing.stat().st_mtime_ns) != written  # written whole
    assert stored_listing(indexed.folder, SCHEMA_VERSION) == _listing_as_sqlite_sorts_it(indexed)


def test_a_sync_with_no_file_new_to_the_catalog_takes_its_ids_and_works_them_out_only_for_a_new_one(
    indexed: SearchIndex, corpus_dir, monkeypatch
) -> None:
    """Working out every file's id from the names (stems shared across folders) was a fifth of
    an unchanged sync at 100,000 files: a sync that finds no file the catalog lacks takes the
    ids the catalog gave (edits and removals change no id), and one that finds a new file works
    them out for all, the new file named beside the one whose stem it shares."""
    from reader.search import syncing

    worked_out = []
    real = syncing.article_ids
    monkeypatch.setattr(
        syncing, "article_ids", lambda corpus, files: worked_out.append(len(files)) or real(corpus, files)
    )
    write(corpus_dir, "s2.txt", _article(20, "Story 2 rewritten", "walrus2 and a narwhal"))
    (corpus_dir / "s6.txt").unlink()
    report = indexed.sync()
    assert (report.changed, report.removed, worked_out) == (1, 1, [])
    assert _ids(indexed, "narwhal") == ["s2"] and _ids(indexed, "walrus3") == ["s3"]
    write(corpus_dir, "later/s3.txt", _article(21, "Another story 3", "walrus3 again"))
    assert indexed.sync().added == 1 and worked_out == [7]
    assert _ids(indexed, "walrus3") == ["later/s3", "s3"]  # the first keeps its id
    assert indexed.sync().unchanged == 7 and worked_out == [7]
