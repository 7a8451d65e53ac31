"""Where the user's bookmarks and notes sit, for markers in the article list and reading pane."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.corpus.model import Article
from reader.store.anchor import locate
from reader.store.model import Bookmark, Note
from reader.store.store import Store


@dataclass
class ArticleMarks:
    article_bookmark: Bookmark | None = None
    article_notes: list[Note] = field(default_factory=list)
    block_bookmarks: dict[int, Bookmark] = field(default_factory=dict)  # 0-based block index
    block_notes: dict[int, list[Note]] = field(default_factory=dict)
    detached: list[Note] = field(default_factory=list)

    def badges(self) -> dict[int, str]:
        """Short badges by block index: ★ bookmarked, ✎N notes."""
        out: dict[int, str] = {}
        for index in set(self.block_bookmarks) | set(self.block_notes):
            parts = []
            if index in self.block_bookmarks:
                parts.append("★")
            if self.block_notes.get(index):
                parts.append(f"✎{len(self.block_notes[index])}")
            out[index] = " ".join(parts)
        return out


def marks_for(article: Article, notes: list[Note], bookmarks: list[Bookmark]) -> ArticleMarks:
    """The entries attached to `article`, each located in its current text."""
    marks = ArticleMarks()
    for bookmark in bookmarks:
        if bookmark.anchor.article != article.id:
            continue
        place = locate(bookmark.anchor, [article])
        if place.paragraph is None or place.detached:
            marks.article_bookmark = marks.article_bookmark or bookmark
        else:
            marks.block_bookmarks[place.paragraph - 1] = bookmark
    for note in notes:
        if note.anchor.article != article.id:
            continue
        place = locate(note.anchor, [article])
        if place.detached:
            marks.detached.append(note)
        elif place.paragraph is None:
            marks.article_notes.append(note)
        else:
            marks.block_notes.setdefault(place.paragraph - 1, []).append(note)
    return marks


def list_badges(notes: list[Note], bookmarks: list[Bookmark]) -> dict[str, str]:
    """One character per article id for the list: ★ bookmarked, ✎ has notes."""
    counts = Counter(n.anchor.article for n in notes)
    out = {article: "✎" for article in counts}
    for bookmark in bookmarks:
        out[bookmark.anchor.article] = "★"
    return out


def reattach_renamed(store: Store, articles: list[Article]) -> list[str]:
    """Entries whose article id is no longer in the corpus but whose passage (or title) is found
    in another article are moved to it in the store. Returns one line per entry moved; entries
    not found anywhere are left as they are (detached)."""
    ids = {a.id for a in articles}
    moved = []
    for note in store.notes():
        if note.anchor.article in ids:
            continue
        place = locate(note.anchor, articles)
        if place.article is not None and not place.detached:
            store.update_note(
                note.id, article=place.article.id, article_title=place.article.title, paragraph=place.paragraph
            )
            moved.append(f"note {note.id}: {note.anchor.article} → {place.article.id}")
    for bookmark in store.bookmarks():
        if bookmark.anchor.article in ids:
            continue
        place = locate(bookmark.anchor, articles)
        if place.article is not None and not place.detached:
            store.move_bookmark(bookmark.id, place.article.id, place.article.title, place.paragraph)
            moved.append(f"bookmark {bookmark.id}: {bookmark.anchor.article} → {place.article.id}")
    return moved
