"""The document `notes.yaml` holds: its shape checked, older schema versions migrated, entries
without an id (or with a duplicate one) given one. The store reads every file through `validated`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.store.fileio import StoreCorrupt
from reader.store.model import SCHEMA_VERSION, new_id

MAX_VERSION = 1000  # a schema version beyond this is not a version


def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Version 0 is a hand-made file without `version:`: same fields, defaults filled in."""
    doc.setdefault("bookmarks", [])
    doc.setdefault("notes", [])
    return doc


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}


def validated(data: Any, path: Path) -> dict[str, Any]:
    """The parsed YAML `data` as a document of this version: checked, migrated from an older
    version, entries given ids; a newer version's document is checked and left as it is."""
    if data is None:
        return empty_document()
    if not isinstance(data, dict):
        raise StoreCorrupt(
            f"{path}: expected a mapping with 'version', 'bookmarks' and "
            f"'notes' at the top level, found {type(data).__name__}"
        )
    version = data.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or not 0 <= version <= MAX_VERSION:
        raise StoreCorrupt(
            f"{path}: 'version' must be a small whole number (0 to {MAX_VERSION}), found {_describe(version)}"
        )
    if version > SCHEMA_VERSION:
        return normalised(data, path)  # shown, never written (see Store._refresh)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data["version"] = SCHEMA_VERSION
    return normalised(data, path)


def _describe(value: Any) -> str:
    """A short description of an odd value (never thousands of digits)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return f"a number of about {value.bit_length() * 3 // 10 + 1} digits"
    return f"{value!r:.40}"


def empty_document() -> dict[str, Any]:
    return {"version": SCHEMA_VERSION, "bookmarks": [], "notes": []}


def ids_of(entries: list[dict[str, Any]]) -> set[str]:
    return {str(e.get("id")) for e in entries}


def normalised(doc: dict[str, Any], path: Path) -> dict[str, Any]:
    """Check the shape; give entries without an id (or with a duplicate one) a fresh id."""
    for key, prefix in (("bookmarks", "b"), ("notes", "n")):
        entries = doc.get(key)
        if entries is None:
            entries = doc[key] = []
        if not isinstance(entries, list):
            raise StoreCorrupt(f"{path}: '{key}' must be a list of entries, found {type(entries).__name__}")
        seen: set[str] = set()
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry, dict):
                raise StoreCorrupt(f"{path}: {key} entry #{number} is not a mapping of fields (found {entry!r:.60})")
            ident = entry.get("id")
            if not isinstance(ident, str) or not ident or ident in seen:
                entry["id"] = new_id(prefix, seen | ids_of(entries))
            seen.add(entry["id"])
    return doc
