"""A whole sync of a corpus with its index: the folder walked, each file's size and status-change
time compared with the catalog, only the files that differ read, the removed ones deleted, and
the catalog and its listing file written to match (never a listing older than the catalog;
a few changes go to the listing's journal, as when files are added one by one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.corpus.files import article_ids, find_article_paths
from reader.search.catalog_db import LISTING, CatalogDB, Row
from reader.search.results import SyncReport
from reader.search.sync_plan import Readers, plan_sync

# At most this many files read or removed: their rows and their content's twins are looked up
# in the catalog, and the list's changes go to the listing's journal (file_adding.py), rather
# than every row read and the listing sorted and written whole (0.3 + 0.5 s at 100,000 files).
FEW = 100


def sync_corpus(
    ix: Any,
    catalog: CatalogDB,
    corpus: Path,
    folder: Path,
    readers: Readers | None,
    people_limit: int,
    report: SyncReport,
    progress: Callable[[int, int], None] | None,
) -> None:
    """Bring the index in step with the corpus's files; a sync indexing more than `people_limit`
    articles leaves their people to the people pass."""
    files = find_article_paths(corpus)
    stamps = catalog.stamps()
    if all(map(stamps.__contains__, files)):  # no file new to the catalog: the ids it gave them
        ids = {key: stamp[2] for key, stamp in stamps.items()}
    else:  # worked out from every name (a new one can share a stem), new ones kept
        ids = article_ids(corpus, files)
    if len(stamps) != ix.doc_count():  # a catalog lost or replaced: it would re-add all
        raise RuntimeError(f"catalog ({len(stamps)} files) and index ({ix.doc_count()}) disagree")
    remembered = catalog.duplicates()
    plan = plan_sync(files, ids, stamps, remembered)
    if plan.todo and len(plan.todo) + len(plan.removed) <= FEW:  # rows of these files and their twins
        from reader.search.file_adding import hashes_of

        reading = [str(job.path) for job in plan.todo]
        known = {**catalog.with_values("hash", sorted(hashes_of(reading))), **catalog.rows_for(reading)}
    else:
        known = catalog.rows() if plan.todo else {}  # whole rows only for files to read
    todo = [job._replace(old=known.get(str(job.path))) for job in plan.todo]
    removed = plan.removed
    report.unchanged = plan.unchanged
    report.skipped.extend(plan.skipped)
    total = len(todo)
    batch: list[Row] = []
    touched: list[tuple[int, int, str]] = []
    if todo or removed:  # the writing side is imported only when there is something to write
        from reader.search.indexing import apply_plan

        now = readers if total <= people_limit else None
        batch, touched = apply_plan(ix, plan, todo, known, report, progress, now)
        if readers is not None:  # left for the people pass, or read with the rest
            indexed = [row.path for row in batch]
            (catalog.people_indexed if now is not None else catalog.mark_people_pending)(indexed)
    listing = folder / LISTING
    if plan.duplicates != remembered:
        catalog.set_duplicates(plan.duplicates)
        catalog.commit()
    if (batch or touched or removed) and len(batch) + len(removed) <= FEW and listing.exists():
        from reader.search.file_adding import record_changes

        record_changes(catalog, folder, batch, touched, sorted(set(removed)))
    elif batch or touched or removed or not listing.exists():
        listing.unlink(missing_ok=True)  # never a listing older than the catalog
        catalog.put(batch)
        catalog.touch(touched)
        catalog.remove(sorted(set(removed)))
        catalog.commit()
        catalog.write_listing(listing)
    if progress is not None:
        progress(total, total)
