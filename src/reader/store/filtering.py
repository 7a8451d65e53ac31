"""Filtering notes and bookmarks (`Marked`) for the notes panel: free words plus `tag:`, `status:`,
`article:` and `is:note` / `is:bookmark` terms (case and accents ignored)."""

from __future__ import annotations

from reader.helpers.folding import fold
from reader.store.model import Bookmark, Note

Marked = Note | Bookmark


def matches(entry: Marked, query: str) -> bool:
    for term in query.split():
        key, _, value = term.partition(":")
        value_f = fold(value)
        if value and key == "tag":
            if not isinstance(entry, Note) or value_f not in (fold(t) for t in entry.tags):
                return False
        elif value and key == "status":
            if not isinstance(entry, Note) or not fold(entry.status).startswith(value_f):
                return False
        elif value and key == "article":
            if not fold(entry.anchor.article).startswith(value_f):
                return False
        elif value and key == "is":
            if value_f.startswith("note") != isinstance(entry, Note):
                return False
        else:
            haystack = [entry.anchor.article, entry.anchor.article_title, entry.anchor.quote]
            haystack += [entry.text, *entry.tags, entry.status] if isinstance(entry, Note) else [entry.label]
            if fold(term) not in fold(" ".join(haystack)):
                return False
    return True


def filter_entries(notes: list[Note], bookmarks: list[Bookmark], query: str) -> list[Marked]:
    entries: list[Marked] = [*bookmarks, *notes]
    entries.sort(key=lambda e: (fold(e.anchor.article_title), e.anchor.paragraph or 0))
    return [e for e in entries if matches(e, query)]
