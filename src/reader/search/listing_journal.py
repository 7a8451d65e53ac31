"""The listing's journal: articles added, changed or removed by `index_files` since the listing
file (catalog_db.LISTING, the catalog in list order) was last written whole.

Writing the listing again for one article cost ~0.2 s at 100,000 articles (reading it, placing
the row, writing it all), most of adding one article. The journal holds only what changed, for
that listing file alone (its inode, size and modification time): any other listing (a sync's, a
rebuild's) makes it void. `stored_listing` applies it; past MAX_ROWS rows the adder writes the
listing whole again and the journal goes.

Written before the catalog commits (fsynced): the listing and its journal are never older than
the catalog, which would hide an added article from the list until the next change; newer, the
sync that follows every launch puts the catalog right.
"""

from __future__ import annotations

import bisect
import marshal
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from reader.helpers.atomic import write_atomic
from reader.helpers.safefile import read_regular

JOURNAL = "listing.journal.marshal"
FORMAT = "listing-journal-1"
MAX_ROWS = 500  # then the listing is written whole again
_MAX_BYTES = 64 * 1024 * 1024
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")  # SQLite's lower()
# The types of a listing row's fields (ListingRow: id, title, date, words, title_derived, flagged,
# outlet, path): the listing file's columns are checked against them too (catalog_db).
ROW_TYPES: tuple[set[type], ...] = (
    {str},
    {str},
    {str, type(None)},
    {int},
    {bool},
    {bool},
    {str, type(None)},
    {str},
)


class Journal:
    """The rows added or changed since the listing was written (each replacing any row of its
    path), and the paths removed."""

    def __init__(self, rows: list[tuple[Any, ...]], removed: list[str]) -> None:
        self.rows = rows
        self.removed = removed

    def with_changes(self, rows: Iterable[tuple[Any, ...]], removed: Iterable[str]) -> Journal:
        new = list(rows)
        gone = set(removed) | {row[-1] for row in new}
        kept = [row for row in self.rows if row[-1] not in gone]
        return Journal(kept + new, sorted((set(self.removed) | set(removed)) - {row[-1] for row in new}))

    def applied(self, columns: tuple[list[Any], ...]) -> tuple[list[Any], ...]:
        """The listing's columns (ids, titles, dates, …, paths) with the journal's changes in
        their places (no sort of the whole listing); the lists given may be changed in place."""
        gone = set(self.removed) | {row[-1] for row in self.rows}
        if gone:
            keep = [i for i, path in enumerate(columns[-1]) if path not in gone]
            if len(keep) < len(columns[-1]):
                columns = tuple([column[i] for i in keep] for column in columns)
        ids, titles, dates = columns[0], columns[1], columns[2]
        for row in self.rows:
            at = bisect.bisect_left(
                range(len(ids)), order(row[2], row[1], row[0]), key=lambda i: order(dates[i], titles[i], ids[i])
            )
            for column, value in zip(columns, row, strict=True):
                column.insert(at, value)
        return columns


class _Later:
    """A date that sorts the later first (the list is newest first)."""

    __slots__ = ("date",)

    def __init__(self, date: str) -> None:
        self.date = date

    def __lt__(self, other: _Later) -> bool:
        return self.date > other.date

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Later) and self.date == other.date


def order(date: str | None, title: str, article_id: str) -> tuple[bool, _Later, str, str]:
    """The list's order as the catalog sorts it: dated first, newest first, titles A to Z."""
    return (not date, _Later(date or ""), title.translate(_ASCII_LOWER), article_id)


def _stamp(listing: Path) -> tuple[int, int, int] | None:
    try:
        found = os.stat(listing)
    except OSError:
        return None
    return (found.st_ino, found.st_size, found.st_mtime_ns)


def read_journal(folder: Path, listing: Path) -> Journal | None:
    """The journal of this listing file: empty when there is none or it is another listing's
    (void); None when it cannot be read as written (the listing alone is then older than the
    catalog: the caller reads the catalog)."""
    try:
        data = marshal.loads(read_regular(folder / JOURNAL, _MAX_BYTES))
    except FileNotFoundError:
        return Journal([], [])
    except (OSError, ValueError, EOFError, TypeError, RecursionError):
        return None
    if type(data) is not tuple or len(data) != 4 or data[0] != FORMAT:
        return None
    _, stamp, rows, removed = data
    if type(stamp) is not tuple or tuple(stamp) != _stamp(listing):
        return Journal([], [])  # another listing's: that one was written whole since, holding its rows
    if type(rows) is not list or type(removed) is not list or not all(type(p) is str for p in removed):
        return None
    for row in rows:
        if type(row) is not tuple or len(row) != len(ROW_TYPES):
            return None
        if not all(type(value) in types for value, types in zip(row, ROW_TYPES, strict=True)):
            return None
    return Journal(rows, removed)


def write_journal(folder: Path, listing: Path, journal: Journal) -> None:
    """The journal for this listing file, atomically and fsynced. Raises OSError."""
    stamp = _stamp(listing)
    if stamp is None:
        raise FileNotFoundError(listing)
    write_atomic(folder / JOURNAL, marshal.dumps((FORMAT, stamp, journal.rows, journal.removed)))


def forget(folder: Path) -> None:
    """No journal (the listing is written whole, or is gone)."""
    try:
        os.unlink(folder / JOURNAL)
    except FileNotFoundError:
        pass
    except OSError:
        pass  # a journal left is void once the listing is written again (another stamp)
