"""The store: `notes.yaml` with the user's bookmarks and notes.

Every change is one transaction: take the lock file, re-read the YAML if another process
changed it, apply the change to what is on disk now, write atomically (temp file, fsync,
`os.replace`) keeping the previous version as `notes.yaml.bak`, release the lock. So two running
instances never lose each other's changes. A file that does not parse is never written: the
store turns read-only and says what is wrong and where, until the user asks for a fresh store,
which first moves the unreadable file aside. What a readable file must hold, and how an older
schema version is brought up to date, is `reader.store.document`'s.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from reader.helpers.atomic import UnsafeTarget, check_target, write_atomic
from reader.helpers.safefile import read_regular
from reader.store import lock
from reader.store.document import empty_document, ids_of, normalised, validated
from reader.store.fileio import (
    StoreCorrupt,
    StoreError,
    dump_appended_note,
    dump_document,
    parse_yaml,
    read_cache,
    sha256,
    write_cache,
)
from reader.store.model import SCHEMA_VERSION, Bookmark, Note, entry_problems, new_id, now_iso

_T = TypeVar("_T")

STORE_NAME = "notes.yaml"
MAX_STORE_BYTES = 256 * 1024 * 1024


class StoreReadOnly(StoreError):
    """The store cannot be written now (unreadable file, or written by a newer baldreader)."""


class StoreWriteFailed(StoreError):
    """The file could not be written (disk full, permissions…); nothing was changed."""


class StoreBusy(StoreError):
    """Another process held the store's lock for too long."""


class Store:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.read_only_reason: str | None = None
        self.unwritable: str | None = None  # why its folder cannot be written (read anyway)
        self.warnings: list[str] = []
        self._doc: dict[str, Any] = empty_document()
        self._raw: bytes | None = None
        self._sha: str | None = None
        self._appendable = False
        self._cache_dirty = False
        self._swept = False  # stale temp files removed (once, under the lock)

    @classmethod
    def at_home(cls, home: Path) -> Store:
        return cls(Path(home) / STORE_NAME)

    # --- reading ---------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None or self.unwritable is not None

    def load(self) -> Store:
        """Read the file. Raises `StoreCorrupt` (and turns read-only) if it cannot be used. A
        file in a folder that cannot be written (read-only, missing and not creatable) is read
        all the same, without the lock, and the store is read-only (`unwritable` says why)."""
        with self._locked(reading=True):
            self._refresh()
        return self

    def reload(self) -> bool:
        """Re-read if another process changed the file; returns whether anything changed."""
        before = self._sha
        with self._locked(reading=True):
            self._refresh()
        return self._sha != before

    def notes(self) -> list[Note]:
        return [Note.from_dict(d) for d in self._doc["notes"]]

    def bookmarks(self) -> list[Bookmark]:
        return [Bookmark.from_dict(d) for d in self._doc["bookmarks"]]

    def note(self, note_id: str) -> Note:
        return Note.from_dict(self._find("notes", note_id))

    def _refresh(self) -> None:
        try:
            raw = read_regular(self.path, MAX_STORE_BYTES)
        except (FileNotFoundError, NotADirectoryError):  # no file (or no folder) there: no notes yet
            raw = None
        except OSError as exc:
            self.read_only_reason = f"{self.path}: cannot be read ({exc.strerror or exc})"
            raise StoreCorrupt(self.read_only_reason) from None
        sha = sha256(raw) if raw is not None else None
        if raw is not None and sha == self._sha:
            return
        if raw is None:
            self._doc, self._raw, self._sha, self._appendable = empty_document(), None, None, False
            self.read_only_reason = None
            return
        appended = self._appended_notes(raw)
        try:
            if appended is not None:
                doc, appendable, from_cache = self._doc, True, False
                doc["notes"].extend(appended)
                normalised(doc, self.path)
            elif sha is not None and (cached := self._cached(sha)) is not None:
                (doc, appendable), from_cache = cached, True
            else:
                doc, appendable, from_cache = validated(parse_yaml(raw, self.path), self.path), False, False
        except StoreCorrupt as exc:
            self.read_only_reason = str(exc)
            raise
        version = doc.get("version")
        self.read_only_reason = None
        if isinstance(version, int) and version > SCHEMA_VERSION:
            self.read_only_reason = (
                f"{self.path} was written by a newer baldreader (schema version "
                f"{version}; this one knows {SCHEMA_VERSION}); opened read-only"
            )
        self._doc, self._raw, self._sha, self._appendable = doc, raw, sha, appendable
        self.warnings = [
            p
            for kind, key in (("note", "notes"), ("bookmark", "bookmarks"))
            for d in doc[key]
            for p in entry_problems(kind, d)
        ]
        if not from_cache:
            self._cache_dirty = True
            if appended is None:
                self.flush_cache()

    def _appended_notes(self, raw: bytes) -> list[dict[str, Any]] | None:
        """When another baldreader only appended notes to the file we last saw (it still starts
        with those exact bytes), the new notes, parsed from the added bytes alone."""
        old = self._raw
        if not self._appendable or old is None or len(raw) <= len(old) or not raw.startswith(old):
            return None
        tail = raw[len(old) :]
        try:
            added = parse_yaml(tail, self.path)
        except StoreCorrupt:
            return None
        if not (isinstance(added, list) and added and all(isinstance(e, dict) for e in added)):
            return None
        # Only what a baldreader appends, byte for byte: anything else (a hand-appended fragment
        # that parses alone but not as part of the file) goes through a full parse.
        if b"".join(dump_appended_note(entry) for entry in added) != tail:
            return None
        return added

    # --- writing ---------------------------------------------------------------------------

    def add_note(self, note: Note) -> Note:
        def change(doc: dict[str, Any]) -> tuple[Note, dict[str, Any] | None]:
            note.id = note.id if note.id and not _has(doc["notes"], note.id) else new_id("n", ids_of(doc["notes"]))
            note.created = note.created or now_iso()
            note.updated = note.updated or note.created
            entry = note.to_dict()
            doc["notes"].append(entry)
            return note, entry

        return self._transaction(change)

    def update_note(self, note_id: str, edit: Callable[[Note], dict[str, Any]] | None = None, **changes: Any) -> Note:
        """Change a note's fields; `edit(note)` gives changes that depend on the note as it is
        in the file at the time of writing (another instance may have changed it since)."""

        def change(doc: dict[str, Any]) -> tuple[Note, None]:
            entry = self._find("notes", note_id, doc)
            if edit is not None:
                changes.update(edit(Note.from_dict(entry)))
            for key, value in changes.items():
                entry[key] = list(value) if key == "tags" else value
            entry["updated"] = now_iso()
            return Note.from_dict(entry), None

        return self._transaction(change)

    def delete_note(self, note_id: str) -> Note:
        return self._transaction(lambda doc: (Note.from_dict(self._remove("notes", note_id, doc)), None))

    def add_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Add a bookmark; the same place (article and paragraph) bookmarked again is the bookmark
        already there, returned as it is (its label kept, or set if it had none)."""

        def change(doc: dict[str, Any]) -> tuple[Bookmark, None]:
            place = (bookmark.anchor.article, bookmark.anchor.paragraph)
            for entry in doc["bookmarks"]:
                existing = Bookmark.from_dict(entry)
                if (existing.anchor.article, existing.anchor.paragraph) == place:
                    if bookmark.label and not existing.label:
                        entry["label"] = bookmark.label
                        existing.label = bookmark.label
                    return existing, None
            if not bookmark.id or _has(doc["bookmarks"], bookmark.id):
                bookmark.id = new_id("b", ids_of(doc["bookmarks"]))
            bookmark.created = bookmark.created or now_iso()
            doc["bookmarks"].append(bookmark.to_dict())
            return bookmark, None

        return self._transaction(change)

    def move_bookmark(self, bookmark_id: str, article: str, title: str, paragraph: int | None) -> Bookmark:
        def change(doc: dict[str, Any]) -> tuple[Bookmark, None]:
            entry = self._find("bookmarks", bookmark_id, doc)
            entry.update(article=article, article_title=title, paragraph=paragraph)
            return Bookmark.from_dict(entry), None

        return self._transaction(change)

    def delete_bookmark(self, bookmark_id: str) -> Bookmark:
        return self._transaction(lambda doc: (Bookmark.from_dict(self._remove("bookmarks", bookmark_id, doc)), None))

    def start_fresh(self) -> Path | None:
        """Move an unreadable store aside (never deleted, never onto another moved file) and
        start an empty one. Returns where the old file now is, or None when there was nothing to
        move: the file is missing, or readable now (another baldreader started fresh first, or
        it was mended by hand), in which case it is simply loaded."""
        with self._locked():
            self._sha = None
            try:
                self._refresh()
                return None  # readable now (or missing): nothing to move, nothing lost
            except StoreCorrupt:
                pass
            moved = None
            if self.path.exists():
                stamp = _dt.datetime.now().strftime("%Y%m%dT%H%M%S")
                moved = self.path.with_name(f"{self.path.name}.unreadable-{stamp}")
                number = 1
                while moved.exists() or moved.is_symlink():
                    number += 1
                    moved = self.path.with_name(f"{self.path.name}.unreadable-{stamp}-{number}")
                try:
                    os.rename(self.path, moved)
                except OSError as exc:
                    raise StoreWriteFailed(
                        f"{self.path}: could not be moved aside ({exc.strerror or exc}); nothing was changed"
                    ) from exc
            self.read_only_reason = None
            self._doc, self._raw, self._sha, self._appendable = empty_document(), None, None, False
            self._write(dump_document(self._doc), appendable=False)
        return moved

    def flush_cache(self) -> None:
        """Write the JSON cache of what is on disk now (it only ever speeds up the next load)."""
        if self._cache_dirty and self._sha is not None:
            write_cache(self.path, self._sha, self._doc, self._appendable)
            self._cache_dirty = False

    def _transaction(self, change: Callable[[dict[str, Any]], tuple[_T, dict[str, Any] | None]]) -> _T:
        with self._locked():
            try:
                self._refresh()
            except StoreCorrupt as exc:
                raise StoreReadOnly(f"{exc}; nothing was written") from None
            if self.read_only_reason:
                raise StoreReadOnly(self.read_only_reason)
            try:
                result, appended = change(self._doc)
                if appended is not None and self._appendable and self._raw is not None:
                    self._write(self._raw + dump_appended_note(appended), appendable=True)
                else:
                    self._write(dump_document(self._doc), appendable=bool(self._doc["notes"]))
            except BaseException:
                self._forget_unsaved()
                raise
        return result

    def _write(self, raw: bytes, *, appendable: bool) -> None:
        try:
            write_atomic(self.path, raw, backup=True)
        except OSError as exc:
            raise StoreWriteFailed(f"{self.path}: could not save ({exc.strerror or exc}); nothing was changed") from exc
        self._raw, self._sha, self._appendable = raw, sha256(raw), appendable
        self._cache_dirty = True

    def _forget_unsaved(self) -> None:
        """A write failed: memory goes back to what is on disk (the last bytes read or written),
        so the failed change is not written later by the next one that succeeds."""
        self._sha = None  # the next transaction re-reads the file whatever it holds
        self._appendable = False
        if self._raw is None:
            self._doc = empty_document()
            return
        try:
            self._doc = validated(parse_yaml(self._raw, self.path), self.path)
        except StoreCorrupt:  # it was readable when read; keep the last state regardless
            self._doc = empty_document()

    def _find(self, key: str, entry_id: str, doc: dict[str, Any] | None = None) -> dict[str, Any]:
        for entry in (doc or self._doc)[key]:
            if entry.get("id") == entry_id:
                found: dict[str, Any] = entry
                return found
        raise StoreError(f"no {key[:-1]} with id {entry_id!r}")

    def _remove(self, key: str, entry_id: str, doc: dict[str, Any]) -> dict[str, Any]:
        entry = self._find(key, entry_id, doc)
        doc[key].remove(entry)
        return entry

    def _cached(self, sha: str) -> tuple[dict[str, Any], bool] | None:
        """The cache beside the file, when it is of these bytes and holds a document that
        passes the same checks as the file's (else the file is parsed: the cache is ours, but
        anyone may have written it)."""
        cached = read_cache(self.path, sha)
        if cached is None:
            return None
        try:
            return validated(cached[0], self.path), cached[1]
        except (StoreCorrupt, RecursionError):
            return None

    @contextmanager
    def _locked(self, reading: bool = False) -> Iterator[None]:
        """The store's lock held for the block. When it cannot be taken because the folder
        cannot be written, a read goes on without it (nothing to race with: nobody can write
        there either) and a write fails with the reason (StoreWriteFailed)."""
        try:
            check_target(self.path)  # before a lock file is made beside a device or a link
        except UnsafeTarget as exc:
            self.read_only_reason = f"{self.path} {exc.strerror}"
            raise StoreCorrupt(self.read_only_reason) from None
        except OSError:
            pass  # a parent that is no folder: the lock below says so
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            held = lock.held(self.lock_path)
            held.__enter__()
        except lock.LockTimeout:
            raise StoreBusy(f"{self.path} is locked by another process") from None
        except OSError as exc:
            self.unwritable = f"{self.path.parent} cannot be written ({exc.strerror or exc}); notes are read-only"
            if not reading:
                raise StoreWriteFailed(f"{self.unwritable}; nothing was saved") from None
            yield
            return
        self.unwritable = None
        try:
            if not self._swept:
                self._swept = True
                lock.remove_stale_temp_files(self.path)
            yield
        finally:
            held.__exit__(None, None, None)


def _has(entries: list[dict[str, Any]], entry_id: str) -> bool:
    return any(e.get("id") == entry_id for e in entries)
