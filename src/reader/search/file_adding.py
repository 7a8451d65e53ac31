"""Indexing a few files just written or changed (`baldreader add`, `update`, the app's add)
without walking the corpus or reading the others: each file's stamp, content twin and id are
looked up in the catalog by index, the sync's own plan and indexing applied to these files
alone, and the article list's file (the listing) updated in place rather than sorted again.

It gives way to a whole sync (None) whenever it could disagree with one: a file outside the
corpus or not an article by its name, or an id another indexed file already has (a sync names
both by their paths)."""

from __future__ import annotations

import bisect
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
from reader.search.results import SyncReport
from reader.search.sync_plan import Readers, plan_sync

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")  # SQLite's lower()


def index_files(
    ix: Any, catalog: CatalogDB, corpus: Path, folder: Path, paths: Sequence[Path], readers: Readers | None
) -> SyncReport | None:
    files = _corpus_keys(corpus, paths)
    if files is None:
        return None
    ids = {**plain_ids(corpus, files), **kept_ids_of(corpus, files)}
    holders = catalog.with_values("id", sorted(set(ids.values())))
    if any(row.path != key and row.id == ids[key] for key in files for row in holders.values()):
        return None  # the id is another file's: a sync names them by their paths
    known = catalog.rows_for(files)
    twins = catalog.with_values("hash", sorted(_hashes(files)))
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
    listing = _read_listing(folder / LISTING)
    (folder / LISTING).unlink(missing_ok=True)  # never a listing older than the catalog
    catalog.put(batch)
    catalog.touch(touched)
    catalog.remove(removed)
    catalog.commit()
    if listing is None:
        catalog.write_listing(folder / LISTING)
    else:
        _write_listing(folder / LISTING, listing, batch, set(removed))
    return report


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


def _hashes(files: list[str]) -> set[str]:
    found = set()
    for key in files:
        try:
            found.add(hashlib.sha256(read_regular(Path(key), MAX_FILE_BYTES)).hexdigest())
        except OSError:
            continue  # the plan says why
    return found


class _Later:
    """A date that sorts the later first (the list is newest first)."""

    __slots__ = ("date",)

    def __init__(self, date: str) -> None:
        self.date = date

    def __lt__(self, other: _Later) -> bool:
        return self.date > other.date

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Later) and self.date == other.date


def _order(date: str | None, title: str, article_id: str) -> tuple[bool, _Later, str, str]:
    """The list's order as the catalog sorts it: dated first, newest first, titles A to Z."""
    return (not date, _Later(date or ""), title.translate(_ASCII_LOWER), article_id)


def _read_listing(where: Path) -> Listing | None:
    """The listing file as the last sync wrote it, or None when it cannot be read as written."""
    try:
        return checked_listing(marshal.loads(read_regular(where, MAX_LISTING)))
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_listing(where: Path, listing: Listing, rows: list[Row], removed: set[str]) -> None:
    """The listing with these rows in their places (their old ones out), written again
    (atomically), with no sort of the whole catalog."""
    columns = list(listing.columns())
    gone = removed | {row.path for row in rows}
    if gone:
        keep = [i for i, path in enumerate(listing.paths) if path not in gone]
        if len(keep) < len(listing.paths):
            columns = [[column[i] for i in keep] for column in columns]
    ids, titles, dates = columns[0], columns[1], columns[2]
    for row in rows:
        at = bisect.bisect_left(
            range(len(ids)), _order(row.date, row.title, row.id), key=lambda i: _order(dates[i], titles[i], ids[i])
        )
        values = (
            row.id,
            row.title,
            row.date or None,
            row.words,
            bool(row.title_derived),
            bool(row.flagged),
            row.outlet or None,
            row.path,
        )
        for column, value in zip(columns, values, strict=True):
            column.insert(at, value)
    temp = where.with_name(where.name + ".tmp")
    temp.write_bytes(Listing(*columns).encoded())
    os.replace(temp, where)
