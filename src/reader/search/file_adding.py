"""Indexing a few files just written or changed (`baldreader add`, `update`, the app's add)
without walking the corpus or reading the others: each file's stamp, content twin and id are
looked up in the catalog by index, the sync's own plan and indexing applied to these files
alone, and what changed in the article list written to the listing's journal
(listing_journal.py) rather than the listing written again (`record_changes`, which a whole sync
that finds a few changes uses too).

A file that is no longer there is taken out of the index and the list. It gives way to a whole
sync (None) whenever it could disagree with one: a file outside the corpus or not an article by
its name, an id another indexed file already has (a sync names both by their paths), or a file
removed whose copy was shown once in its name."""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.corpus.files import ARTICLE_SUFFIXES, MAX_FILE_BYTES, plain_ids
from reader.corpus.kept_ids import kept_ids_of
from reader.helpers.safefile import read_regular
from reader.search.catalog_db import LISTING, MAX_LISTING, CatalogDB, Listing, Row, checked_listing
from reader.search.indexing import apply_plan
from reader.search.listing_journal import MAX_ROWS, Journal, forget, read_journal, write_journal
from reader.search.results import SyncReport
from reader.search.sync_plan import Readers, plan_sync


def index_files(
    ix: Any, catalog: CatalogDB, corpus: Path, folder: Path, paths: Sequence[Path], readers: Readers | None
) -> SyncReport | None:
    keys = _corpus_keys(corpus, paths)
    if keys is None:
        return None
    gone = [key for key in keys if not os.path.lexists(key)]  # removed: out of the index and the list
    if gone and catalog.copies_of(gone):
        return None  # a copy of a file removed is indexed by a sync, in its place
    files = [key for key in keys if key not in set(gone)]
    ids = {**plain_ids(corpus, files), **kept_ids_of(corpus, files)} if files else {}
    holders = catalog.with_values("id", sorted(set(ids.values())))
    if any(row.path != key and row.id == ids[key] for key in files for row in holders.values()):
        return None  # the id is another file's: a sync names them by their paths
    known = catalog.rows_for(keys)
    twins = catalog.with_values("hash", sorted(hashes_of(files)))
    plan = plan_sync(files, ids, {k: (r.size, r.ctime_ns, r.id) for k, r in known.items()}, {})
    plan.seen |= set(twins)  # content already indexed from other files: these are its duplicates
    todo = [job._replace(old=known.get(str(job.path))) for job in plan.todo]
    report = SyncReport(unchanged=plan.unchanged, skipped=list(plan.skipped))
    batch, touched = apply_plan(ix, plan, todo, {**twins, **known}, report, None, readers, few=True)
    if readers is not None:
        catalog.people_indexed([row.path for row in batch])
    catalog.add_duplicates(plan.duplicates)
    removed = sorted(set(plan.removed))  # what apply_plan took out of the index: unreadable, or now a copy
    if not (batch or touched or removed):  # nothing new (the files as indexed already)
        catalog.commit()
        return report
    record_changes(catalog, folder, batch, touched, removed)
    return report


def record_changes(
    catalog: CatalogDB, folder: Path, batch: list[Row], touched: list[tuple[int, int, str]], removed: list[str]
) -> None:
    """A few files' changes committed to the catalog, and to the article list by the listing's
    journal (the listing is written whole only when its journal grows long or cannot be read):
    no sort of the whole catalog, which costs a sync at 100,000 articles half a second."""
    where = folder / LISTING
    if not (batch or removed):  # stamps changed alone: the list is as it was
        catalog.touch(touched)
        catalog.commit()
        return
    journal = read_journal(folder, where) if where.exists() else None
    if journal is not None:
        journal = journal.with_changes(map(_listing_values, batch), removed)
        try:
            if len(journal.rows) + len(journal.removed) > MAX_ROWS:
                raise OSError("the journal is long: the listing is written whole")
            write_journal(folder, where, journal)  # before the commit: never older than the catalog
        except OSError:
            journal = None
    if journal is None:
        listing = _read_listing(where, folder)
        where.unlink(missing_ok=True)  # never a listing older than the catalog
    catalog.put(batch)
    catalog.touch(touched)
    catalog.remove(removed)
    catalog.commit()
    if journal is None:
        if listing is None:
            catalog.write_listing(where)
        else:
            _write_listing(where, listing, batch, set(removed))
            forget(folder)  # (write_listing forgets it too)


def _listing_values(row: Row) -> tuple[Any, ...]:
    """A catalog row as the listing holds it (ListingRow's fields)."""
    return (
        row.id,
        row.title,
        row.date or None,
        row.words,
        bool(row.title_derived),
        bool(row.flagged),
        row.outlet or None,
        row.path,
    )


def _corpus_keys(corpus: Path, paths: Sequence[Path]) -> list[str] | None:
    """The paths as a sync names them (below the corpus folder, as walked from it), or None."""
    keys = []
    for path in paths:
        try:
            parts = Path(os.path.abspath(path)).relative_to(corpus).parts
        except ValueError:
            return None
        if not parts or any(p.startswith(".") for p in parts) or Path(parts[-1]).suffix.lower() not in ARTICLE_SUFFIXES:
            return None
        keys.append(os.path.join(corpus, *parts))
    return sorted(set(keys))


def hashes_of(files: list[str]) -> set[str]:
    found = set()
    for key in files:
        try:
            found.add(hashlib.sha256(read_regular(Path(key), MAX_FILE_BYTES)).hexdigest())
        except OSError:
            continue  # the plan says why
    return found


def _read_listing(where: Path, folder: Path) -> Listing | None:
    """The listing file as the last sync wrote it with its journal applied, or None when either
    cannot be read as written."""
    try:
        listing = checked_listing(marshal.loads(read_regular(where, MAX_LISTING)))
    except (OSError, ValueError, EOFError, TypeError):
        return None
    journal = read_journal(folder, where)
    if listing is None or journal is None:
        return None
    return Listing(*journal.applied(listing.columns()))


def _write_listing(where: Path, listing: Listing, rows: list[Row], removed: set[str]) -> None:
    """The listing with these rows in their places (their old ones out), written again
    (atomically), with no sort of the whole catalog."""
    columns = Journal([_listing_values(row) for row in rows], sorted(removed)).applied(listing.columns())
    temp = where.with_name(where.name + ".tmp")
    temp.write_bytes(Listing(*columns).encoded())
    os.replace(temp, where)
