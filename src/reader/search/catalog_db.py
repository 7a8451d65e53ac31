"""The catalog beside the index: one row per indexed file with what the article list shows and
what sync compares (size, status-change time, content hash). SQLite from the standard library;
rebuildable from the corpus at any time."""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from reader.helpers.rules_version import rules_hash
from reader.helpers.safefile import read_regular
from reader.search.integrity import read_meta
from reader.search.listing_journal import ROW_TYPES, forget, read_journal

SCHEMA_VERSION = 10  # of the index's fields (schema.py) and files: another version is rebuilt
LISTING = "listing.marshal"  # the catalog in list order, as of the last sync that changed it
MAX_LISTING = 2 * 1024 * 1024 * 1024  # far above a million articles' rows


def index_folder(corpus: Path, home: Path) -> Path:
    """Where the index of `corpus` lives: one folder per corpus, keyed by its resolved path."""
    key = hashlib.sha1(os.fsencode(Path(corpus).resolve())).hexdigest()[:16]
    return Path(home) / "index" / key


def stored_listing(folder: Path, schema: int) -> Listing:
    """The catalog of the last sync in list order, read with SQLite alone (no Whoosh), when the
    index there was built with `schema`; empty otherwise. The sync that follows checks the rest."""
    meta = read_meta(folder)
    if meta is None or meta.get("schema") != schema or not (folder / "catalog.sqlite").exists():
        return Listing.empty()
    try:
        # The rows as last written by a sync: 50 ms for 100,000 articles, against 280 ms for
        # SQLite to sort them. Our own file in the user's folder; any damage means SQLite.
        listing = checked_listing(marshal.loads(read_regular(folder / LISTING, MAX_LISTING)))
        journal = read_journal(folder, folder / LISTING)  # what `index_files` changed since
        if listing is not None and journal is not None:
            return Listing(*journal.applied(listing.columns())) if journal.rows or journal.removed else listing
        (folder / LISTING).unlink()  # the next sync writes it anew
        forget(folder)
    except OSError:
        pass
    except (ValueError, EOFError, TypeError, RecursionError):
        (folder / LISTING).unlink(missing_ok=True)
    try:
        catalog = CatalogDB(folder / "catalog.sqlite")
    except sqlite3.Error:
        return Listing.empty()
    try:
        return Listing.of(catalog.listing_by_date())
    except sqlite3.Error:
        return Listing.empty()
    finally:
        catalog.close()


LISTING_FORMAT = "listing-3"  # (format, ids, titles, dates, words, derived, flagged, outlets, paths)
_COLUMN_TYPES = ROW_TYPES


def checked_listing(data: object) -> Listing | None:
    """The listing file's contents when they have the shape it is written in, else None. Checked
    a column at a time with C-level maps (no Python call per row: 100,000 rows in a few ms)."""
    if type(data) is not tuple or len(data) != 1 + len(_COLUMN_TYPES) or data[0] != LISTING_FORMAT:
        return None
    columns = data[1:]
    if not all(type(column) is list and len(column) == len(columns[0]) for column in columns):
        return None
    if not all(set(map(type, column)) <= types for column, types in zip(columns, _COLUMN_TYPES, strict=True)):
        return None
    return Listing(*columns)


class Listing:
    """Every article as the list shows it, in the list's default order, a column per field of
    the list's entries (id, title, date, words, title_derived, flagged, outlet) and each article's file.
    Kept as columns in the listing file: read and checked without a Python call per article."""

    __slots__ = ("dates", "derived", "flagged", "ids", "outlets", "paths", "titles", "words")

    def __init__(
        self,
        ids: list[str],
        titles: list[str],
        dates: list[str | None],
        words: list[int],
        derived: list[bool],
        flagged: list[bool],
        outlets: list[str | None],
        paths: list[str],
    ) -> None:
        self.ids, self.titles, self.dates, self.words = ids, titles, dates, words
        self.derived, self.flagged, self.outlets, self.paths = derived, flagged, outlets, paths

    @classmethod
    def empty(cls) -> Listing:
        return cls([], [], [], [], [], [], [], [])

    @classmethod
    def of(cls, rows: list[ListingRow]) -> Listing:
        return cls(
            [r.id for r in rows],
            [r.title for r in rows],
            [r.date or None for r in rows],
            [r.words for r in rows],
            [bool(r.title_derived) for r in rows],
            [bool(r.flagged) for r in rows],
            [r.outlet or None for r in rows],
            [r.path for r in rows],
        )

    def columns(self) -> tuple[list[Any], ...]:
        return (self.ids, self.titles, self.dates, self.words, self.derived, self.flagged, self.outlets, self.paths)

    def rows(self) -> Iterator[tuple[str, str, str | None, int, bool, bool, str | None]]:
        """The list's entries' fields, a tuple an article, in order."""
        return zip(self.ids, self.titles, self.dates, self.words, self.derived, self.flagged, self.outlets, strict=True)

    def __len__(self) -> int:
        return len(self.ids)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Listing) and self.columns() == other.columns()

    __hash__ = None  # type: ignore[assignment]

    def encoded(self) -> bytes:
        return marshal.dumps((LISTING_FORMAT, *self.columns()))


class ListingRow(NamedTuple):
    """One article as the list shows it, in the list's default order (kept as plain tuples in
    the listing file, which `marshal` reads fast)."""

    id: str
    title: str
    date: str | None
    words: int
    title_derived: bool
    flagged: bool
    outlet: str | None
    path: str


@dataclass
class Row:
    path: str
    id: str
    size: int
    ctime_ns: int
    hash: str
    title: str
    title_derived: bool
    date: str | None
    words: int
    flagged: bool
    outlet: str | None = None  # as the page or front matter names it
    measures: dict[str, float] | None = None  # the sourcing measures, when the sync read them


_ROW_SELECT = "SELECT path, id, size, ctime_ns, hash, title, title_derived, date, words, flagged, outlet FROM files"


def _row(r: tuple[Any, ...]) -> Row:
    return Row(_path(r[0]), r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8], bool(r[9]), r[10])


def _key(path: str) -> str | bytes:
    """A file's path as SQLite keeps it: its text, or its bytes when its name is not UTF-8 (a
    lone surrogate cannot be stored as text). Either way the same file has the same key."""
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path)


def _path(value: str | bytes) -> str:
    """A path read back from SQLite (see `_key`)."""
    return value if type(value) is str else os.fsdecode(value)


def _keys(paths: list[str]) -> list[tuple[str | bytes]]:
    return [(_key(p),) for p in paths]


_Value = TypeVar("_Value")


def _by_path(found: dict[Any, _Value]) -> dict[str, _Value]:
    """`found` with any path SQLite held as bytes turned back into text (checked over the keys'
    types at C speed: a catalog of 100,000 ordinary names costs one pass, no call per row)."""
    if bytes not in set(map(type, found)):
        return found
    return {_path(k): v for k, v in found.items()}


class _GuardedConnection:
    """One SQLite connection used from several threads (the app's workers read the measures
    while the screen may close the index): each statement runs whole, its rows fetched, under
    one lock, and a statement after close() raises sqlite3.ProgrammingError. Closing a
    connection while another thread stepped through its cursor crashed the process
    (a segmentation fault in SQLite, seen when the app quit during a read of the measures)."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = sqlite3.connect(path, timeout=30, check_same_thread=False)

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
        return self._db

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._open().execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self._lock:
            self._open().executemany(sql, rows)

    def commit(self) -> None:
        with self._lock:
            self._open().commit()

    def rollback(self) -> None:
        with self._lock:
            self._open().rollback()

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


class CatalogDB:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = _GuardedConnection(path)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("""CREATE TABLE IF NOT EXISTS files (
            path TEXT PRIMARY KEY, id TEXT, size INTEGER, ctime_ns INTEGER, hash TEXT, title TEXT,
            title_derived INTEGER, date TEXT, words INTEGER, flagged INTEGER, outlet TEXT)""")
        # Files identical to an indexed one (shown once): remembered so that an unchanged
        # duplicate is not read, hashed and parsed again at every sync.
        self.db.execute("""CREATE TABLE IF NOT EXISTS duplicates (
            path TEXT PRIMARY KEY, size INTEGER, ctime_ns INTEGER, twin TEXT)""")
        # Looked up by one file's content or id when files are indexed one by one (file_adding.py).
        self.db.execute("CREATE INDEX IF NOT EXISTS files_by_hash ON files (hash)")
        self.db.execute("CREATE INDEX IF NOT EXISTS files_by_id ON files (id)")
        # Files a large sync indexed without reading their people (engine.PEOPLE_LIMIT): the
        # people pass (people_pass.py) reads them later, a batch at a time.
        self.db.execute("CREATE TABLE IF NOT EXISTS people_pending (path TEXT PRIMARY KEY)")
        # Each article's sourcing measures (entries.Measures) as JSON, read with its people. A
        # catalog from before them has every file read again by the people pass.
        had_measures = self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'measures'")
        self.db.execute("CREATE TABLE IF NOT EXISTS measures (path TEXT PRIMARY KEY, id TEXT, data TEXT)")
        if not had_measures:
            self.db.execute("INSERT OR IGNORE INTO people_pending SELECT path FROM files")
        # The analysis rules the measures and people were read with: after a changed rule
        # (rules_version.rules_hash) the people pass reads every file again, so that no list
        # sign, sort or profile rests on the measures of an older rule.
        self.db.commit()
        self._mark_stale_measures()

    def _mark_stale_measures(self) -> None:
        """After a change to the analysis rules, every file is left to the people pass. Kept
        apart: a full disk or a read-only catalog leaves the check to the next opening."""
        try:
            self.db.execute("CREATE TABLE IF NOT EXISTS rules (hash TEXT)")
            stored = self.db.execute("SELECT hash FROM rules")
            if not stored or stored[0][0] != rules_hash():
                self.db.execute("INSERT OR IGNORE INTO people_pending SELECT path FROM files")
                self.db.execute("DELETE FROM rules")
                self.db.execute("INSERT INTO rules VALUES (?)", (rules_hash(),))
            self.db.commit()
        except sqlite3.OperationalError:
            self.db.rollback()

    def mark_people_pending(self, paths: list[str]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO people_pending VALUES (?)", _keys(paths))

    def people_indexed(self, paths: list[str]) -> None:
        self.db.executemany("DELETE FROM people_pending WHERE path = ?", _keys(paths))

    def people_pending(self, limit: int) -> list[str]:
        return [_path(r[0]) for r in self.db.execute("SELECT path FROM people_pending ORDER BY path LIMIT ?", (limit,))]

    def people_pending_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM people_pending")[0][0])

    def rows_for(self, paths: list[str]) -> dict[str, Row]:
        """The catalog rows of these paths (those it has), read 500 at a time."""
        found = {}
        for start in range(0, len(paths), 500):
            chunk = [_key(p) for p in paths[start : start + 500]]
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"{_ROW_SELECT} WHERE path IN ({marks})", chunk):
                row = _row(r)
                found[row.path] = row
        return found

    def with_values(self, column: str, values: list[str]) -> dict[str, Row]:
        """The rows whose `hash` or `id` is one of `values` (by the column's index)."""
        assert column in ("hash", "id")
        marks = ",".join("?" * len(values))
        found = self.db.execute(f"{_ROW_SELECT} WHERE {column} IN ({marks})", values)
        return {row.path: row for row in map(_row, found)}

    def add_duplicates(self, duplicates: dict[str, tuple[int, int, str]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO duplicates VALUES (?,?,?,?)",
            [(_key(p), size, ctime, _key(twin)) for p, (size, ctime, twin) in sorted(duplicates.items())],
        )

    def copies_of(self, paths: list[str]) -> bool:
        """Whether a duplicate (shown once) has one of these files as its indexed twin."""
        marks = ",".join("?" * len(paths))
        keys = [_key(p) for p in paths]
        return bool(self.db.execute(f"SELECT 1 FROM duplicates WHERE twin IN ({marks}) LIMIT 1", keys))

    def duplicates(self) -> dict[str, tuple[int, int, str]]:
        """path -> (size, ctime_ns, the indexed file it is identical to)."""
        rows = self.db.execute("SELECT path, size, ctime_ns, twin FROM duplicates")
        return _by_path({r[0]: (r[1], r[2], _path(r[3])) for r in rows})

    def set_duplicates(self, duplicates: dict[str, tuple[int, int, str]]) -> None:
        self.db.execute("DELETE FROM duplicates")
        self.db.executemany(
            "INSERT INTO duplicates VALUES (?,?,?,?)",
            [(_key(p), size, ctime, _key(twin)) for p, (size, ctime, twin) in sorted(duplicates.items())],
        )

    def rows(self) -> dict[str, Row]:
        return {row.path: row for row in map(_row, self.db.execute(_ROW_SELECT))}

    def stamps(self) -> dict[str, tuple[int, int, str]]:
        """path -> (size, ctime_ns, id): what a sync compares, without building whole rows."""
        return _by_path(
            {r[0]: (r[1], r[2], r[3]) for r in self.db.execute("SELECT path, size, ctime_ns, id FROM files")}
        )

    def listing_by_date(self) -> list[ListingRow]:
        """(id, title, date, words, title_derived, flagged, outlet, path) rows, newest first, undated
        last, titles A to Z within a day: the list's default order, sorted by SQLite."""
        rows = self.db.execute(
            "SELECT id, title, date, words, title_derived, flagged, outlet, path FROM files "
            "ORDER BY (date IS NULL OR date = ''), date DESC, lower(title), id"
        )
        listing = list(map(ListingRow._make, rows))
        held: set[type] = {type(r.path) for r in listing}  # bytes: a name that is not UTF-8 (see _key)
        if bytes in held:
            listing = [r._replace(path=_path(r.path)) for r in listing]
        return listing

    def put(self, rows: list[Row]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    _key(r.path),
                    r.id,
                    r.size,
                    r.ctime_ns,
                    r.hash,
                    r.title,
                    int(r.title_derived),
                    r.date,
                    r.words,
                    int(r.flagged),
                    r.outlet,
                )
                for r in rows
            ],
        )

        # A file read again without its measures (its people left for the people pass) keeps
        # none until the pass reads them: never the measures of its earlier content.
        with_measures = [(_key(r.path), r.id, json.dumps(r.measures)) for r in rows if r.measures is not None]
        self.db.executemany("INSERT OR REPLACE INTO measures VALUES (?,?,?)", with_measures)
        self.db.executemany("DELETE FROM measures WHERE path = ?", _keys([r.path for r in rows if r.measures is None]))

    def measures(self) -> dict[str, dict[str, float]]:
        """Article id -> its sourcing measures, for the articles a sync read them of."""
        found = {}
        for article_id, data in self.db.execute("SELECT id, data FROM measures"):
            try:
                value = json.loads(data)
            except ValueError:
                continue
            if isinstance(value, dict):
                found[article_id] = {k: float(v) for k, v in value.items() if isinstance(v, int | float)}
        return found

    def touch(self, updates: list[tuple[int, int, str]]) -> None:
        self.db.executemany(
            "UPDATE files SET size = ?, ctime_ns = ? WHERE path = ?", [(a, b, _key(p)) for a, b, p in updates]
        )

    def remove(self, paths: list[str]) -> None:
        keys = _keys(paths)
        self.db.executemany("DELETE FROM files WHERE path = ?", keys)
        self.db.executemany("DELETE FROM measures WHERE path = ?", keys)
        self.people_indexed(paths)

    def clear(self) -> None:
        self.db.execute("DELETE FROM files")
        self.db.execute("DELETE FROM duplicates")
        self.db.execute("DELETE FROM people_pending")
        self.db.execute("DELETE FROM measures")

    def commit(self) -> None:
        self.db.commit()

    def write_listing(self, path: Path) -> None:
        """The list-order rows in a marshal file (atomically: temp file, then os.replace)."""
        temp = path.with_name(path.name + ".tmp")
        temp.write_bytes(Listing.of(self.listing_by_date()).encoded())
        os.replace(temp, path)
        forget(path.parent)  # the listing holds what its journal held

    def close(self) -> None:
        self.db.close()
