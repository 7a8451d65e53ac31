"""The reader's own data: bookmarks and notes in one hand-editable YAML file (no UI here)."""

from reader.store.fileio import StoreCorrupt, StoreError
from reader.store.model import STATUSES, TARGETS, Bookmark, Note
from reader.store.store import Store, StoreBusy, StoreReadOnly

__all__ = [
    "STATUSES",
    "TARGETS",
    "Bookmark",
    "Note",
    "Store",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreReadOnly",
]
