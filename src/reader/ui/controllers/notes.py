"""Bookmarks and notes for the screen: the store loaded and polled in a worker (a `stat()` first,
the file read only when it changed), the marks of the open article, bookmarking, the note
editor, the notes panel and export. Owns the store's life on screen and the current marks;
posts `MarksChanged` when they change and `JumpToPlace` to open a chosen entry.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import work

from reader.corpus import Corpus
from reader.corpus.lazy import LazyCorpus
from reader.corpus.model import Article
from reader.helpers.atomic import write_atomic
from reader.helpers.paths import exports_folder
from reader.helpers.wording import count
from reader.store import Bookmark, Note, Store, StoreCorrupt, StoreError
from reader.store.anchor import AnchorError, locate, make_anchor
from reader.store.marks import ArticleMarks, list_badges, marks_for, reattach_renamed
from reader.ui.controllers import Controller
from reader.ui.messages import JumpToPlace, MarksChanged
from reader.ui.screens.store_problem import StoreProblemScreen

if TYPE_CHECKING:  # the editor, panel and export load when first used, not at start
    from reader.across.conflicts import Conflict
    from reader.analysis import Analysis
    from reader.ui.screens.export_dialog import ExportChoice
    from reader.ui.screens.note_editor import NoteDraft

POLL_SECONDS = 2.0


class NotesController(Controller):
    def __init__(self, corpus_of: Callable[[], Corpus | LazyCorpus | None]) -> None:
        """`corpus_of` answers with the corpus shown (held by the corpus controller)."""
        super().__init__(id="notes-controller")
        self._corpus_of = corpus_of
        self.marks: ArticleMarks | None = None
        self._marks_of: str | None = None  # the id of the article `marks` are of
        self._seen: tuple[int, int, int] | None = None  # the store file's (inode, size, mtime) last read
        self.loaded = False  # the store was read once (its marks then drawn), or found unreadable

    @property
    def corpus(self) -> Corpus | LazyCorpus | None:
        return self._corpus_of()

    @property
    def store(self) -> Store:
        return self.reader_app.store

    # --- the store's life ------------------------------------------------------------------

    def on_mount(self) -> None:
        self._load()
        self.set_interval(POLL_SECONDS, self._poll)

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.store.path)
        except OSError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    @work(thread=True, exclusive=True, group="store")
    def _load(self) -> None:
        try:
            self._seen = self._signature()
            self.store.load()
        except StoreCorrupt as exc:
            self.loaded = True
            self.app.call_from_thread(self._unreadable, str(exc))
            return
        except StoreError as exc:
            self.loaded = True
            self.app.call_from_thread(self.notify, str(exc), title="Notes", severity="error")
            return
        self.app.call_from_thread(self._loaded)

    def _loaded(self) -> None:
        self.loaded = True
        for warning in self.store.warnings[:5]:
            self.notify(warning, title="Notes file", severity="warning", timeout=8)
        if self.store.read_only_reason:
            self.notify(self.store.read_only_reason, title="Notes are read-only", severity="warning", timeout=12)
        self.post_message(MarksChanged())

    def _unreadable(self, message: str) -> None:
        def chosen(choice: str | None) -> None:
            if choice == "quit":
                self.app.exit()
            elif choice == "fresh":
                try:
                    moved = self.store.start_fresh()
                except StoreError as exc:
                    self.notify(str(exc), severity="error")
                    return
                if moved is None:
                    self.notify(
                        "The notes file is readable now (fixed, or started fresh by another baldreader); loaded it.",
                        title="Notes",
                        timeout=12,
                    )
                else:
                    self.notify(
                        f"Started a fresh notes file. The unreadable one is kept as {moved}.", title="Notes", timeout=12
                    )
                self.post_message(MarksChanged())
            else:
                self.notify("Notes are read-only until the file is fixed.", title="Notes", timeout=8)

        self.app.push_screen(StoreProblemScreen(message, str(self.store.path)), chosen)

    @work(thread=True, exclusive=True, group="store-poll")
    def _poll(self) -> None:
        """Pick up changes made by another baldreader or by hand: a `stat()` every few seconds,
        the file read only when it changed; off the screen's thread (the lock can wait)."""
        signature = self._signature()
        if signature == self._seen:
            return
        try:
            changed = self.store.reload()
        except StoreError:  # unreadable now: said when it is next written or loaded
            return
        self._seen = signature
        if changed:
            self.post_message(MarksChanged())

    def marks_of(self, article: Article | None) -> tuple[dict[str, str], ArticleMarks | None]:
        """The list's badges, and the marks of `article` (kept for the keys that need them)."""
        notes, bookmarks = self.store.notes(), self.store.bookmarks()
        self.marks = marks_for(article, notes, bookmarks) if article is not None else None
        self._marks_of = article.id if article is not None else None
        return list_badges(notes, bookmarks), self.marks

    def reattach(self, articles: list[Article]) -> None:
        store = self.store
        if store.read_only or not (store.notes() or store.bookmarks()):
            return
        try:
            moved = reattach_renamed(store, articles)
        except StoreError as exc:
            self.notify(str(exc), title="Notes", severity="warning")
            return
        if moved:
            self.notify(
                "\n".join(moved[:5]),
                title=f"{count(len(moved), 'note or bookmark', 'notes and bookmarks')} followed their renamed article",
                timeout=10,
            )
            self.post_message(MarksChanged())

    # --- writing ---------------------------------------------------------------------------

    def _write(self, change: Callable[[], object], done: str) -> bool:
        try:
            change()
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        self.notify(done, timeout=2)
        self.post_message(MarksChanged())
        return True

    def toggle_bookmark(self, article: Article, index: int, whole_article: bool) -> None:
        """Bookmark the paragraph `index` (or the article); again, remove it."""
        store = self.store
        place = "the article" if whole_article else f"¶{index + 1}"
        marks = self.marks if self._marks_of == article.id else None
        existing = None
        if marks is not None:
            existing = marks.article_bookmark if whole_article else marks.block_bookmarks.get(index)
        if existing is not None:
            found = existing
            self._write(lambda: store.delete_bookmark(found.id), f"Bookmark removed ({place}).")
        else:
            anchor = make_anchor(article, None if whole_article else index + 1)
            self._write(lambda: store.add_bookmark(Bookmark(id="", anchor=anchor)), f"Bookmarked {place}.")

    def new_note(self, article: Article, index: int, selected: str) -> None:
        from reader.ui.screens.note_editor import NoteDraft

        block = article.blocks[index]
        quote = selected if selected and selected in article.text else block.text
        self.edit(article, index, NoteDraft(text="", tags=[], status="unverified", quote=quote), note=None, claim=None)

    def edit(
        self, article: Article, index: int, draft: NoteDraft, note: Note | None, claim: dict[str, Any] | None
    ) -> None:
        """The note editor; saving writes the note (an edit, or a new note anchored to the
        passage); a failed write reopens the editor with the typed text kept."""
        from reader.ui.screens.note_editor import NoteEditor

        block = article.blocks[index]
        where = "the whole article" if note is not None and note.anchor.paragraph is None else f"¶{index + 1}"
        heading = f"{'Edit note' if note else 'New note'} · {article.title[:70]} · {where}"
        if claim:
            heading += f" · claim: {claim.get('kind')} ({claim.get('source')})"

        def saved(result: NoteDraft | None) -> None:
            if result is None:
                return
            store = self.store
            if note is not None:
                if not self._write(
                    lambda: store.update_note(note.id, text=result.text, tags=result.tags, status=result.status),
                    "Note saved.",
                ):
                    self.edit(article, index, result, note, claim)  # the typed text is kept
                return
            try:
                anchor = make_anchor(article, index + 1, result.quote or block.text)
            except AnchorError as exc:
                self.notify(
                    f"{exc}. The note was not saved; try again with words from the article.",
                    severity="error",
                    timeout=10,
                )
                self.edit(article, index, result, note, claim)
                return
            target = "claim" if claim else ("paragraph" if anchor.quote == block.text else "passage")
            new = Note(
                id="",
                anchor=anchor,
                text=result.text,
                target=target,
                tags=result.tags,
                status=result.status,
                claim=claim,
            )
            if not self._write(lambda: store.add_note(new), "Note added."):
                self.edit(article, index, result, note, claim)  # the typed text is kept: try again

        self.app.push_screen(NoteEditor(heading, draft, quote_editable=note is None), saved)

    def note_on_claim(self, article: Article, index: int, analysis: Analysis | None) -> None:
        """A note on the first claim of paragraph `index`, its kind, source and speaker kept."""
        from reader.ui.screens.note_editor import NoteDraft

        block = article.blocks[index]
        claims = [c for c in (analysis.claims if analysis else []) if c.start < block.end and c.end > block.start]
        if not claims:
            self.notify("No claim in this paragraph: a adds a note on the paragraph.", timeout=4)
            return
        claim = claims[0]
        quote = article.text[max(claim.start, block.start) : min(claim.end, block.end)].replace("\n", " ")
        kept = {"kind": claim.kind, "source": claim.source, "speaker": claim.speaker}
        self.edit(article, index, NoteDraft("", [], "unverified", quote), None, kept)

    def note_on_conflict(self, article: Article, index: int, conflict: Conflict) -> None:
        """A note on a conflict between two passages, anchored to the first (in paragraph
        `index`); the note's text starts with the conflict and the other passage, and its status
        is the reader's verdict (a contradiction starts as disputed)."""
        from reader.ui.screens.note_editor import NoteDraft

        block = article.blocks[index]
        first, other = conflict.first, conflict.second
        quote = article.text[max(first.start, block.start) : min(first.end, block.end)].replace("\n", " ").strip()
        text = f"Conflict ({conflict.verdict}): {conflict.reason}\nOther passage, {other.article}: “{other.text}”\n"
        status = "disputed" if conflict.verdict == "contradiction" else "unverified"
        kept: dict[str, Any] = {"kind": "conflict", "source": conflict.kind, "speaker": None}
        kept["subject"] = conflict.subject
        kept["verdict_found"] = conflict.verdict
        kept["other"] = {"article": other.article, "start": other.start, "end": other.end, "text": other.text}
        self.edit(article, index, NoteDraft(text, ["conflict"], status, quote or block.text), None, kept)

    def edit_here(self, article: Article, index: int) -> None:
        from reader.ui.screens.note_editor import NoteDraft

        marks = self.marks if self._marks_of == article.id else None
        notes = (marks.block_notes.get(index) if marks else None) or []
        if not notes:
            self.notify("No note on this paragraph: a adds one, o lists them all.", timeout=4)
            return
        note = notes[-1]
        self.edit(article, index, NoteDraft(note.text, note.tags, note.status, note.anchor.quote), note, note.claim)

    # --- the notes panel and export --------------------------------------------------------------

    def open_panel(self) -> None:
        from reader.ui.screens.notes_panel import NotesPanel

        store = self.store

        def chosen(result: tuple[str, str] | None) -> None:
            if result is not None:
                action, entry_id = result
                self._jump_to(entry_id, edit=action == "edit")

        def delete(entry_id: str) -> bool:
            is_note = any(n.id == entry_id for n in store.notes())
            return self._write(
                lambda: store.delete_note(entry_id) if is_note else store.delete_bookmark(entry_id), "Deleted."
            )

        self.app.push_screen(NotesPanel(store.notes(), store.bookmarks(), store.read_only, delete), chosen)

    def _jump_to(self, entry_id: str, edit: bool) -> None:
        store = self.store
        entries: list[Note | Bookmark] = [*store.notes(), *store.bookmarks()]
        entry = next((e for e in entries if e.id == entry_id), None)
        if entry is None or self.corpus is None:
            return
        place = locate(entry.anchor, self.articles_for([entry.anchor.article]))
        if place.article is None:
            self.notify(f"Article {entry.anchor.article} is not in this corpus.", severity="warning")
            return
        if place.detached:
            self.notify(
                "The passage is no longer in the article (detached); showing the article.",
                severity="warning",
                timeout=6,
            )
        index = (place.paragraph or 1) - 1
        self.post_message(JumpToPlace(place.article.id, index))
        if edit and isinstance(entry, Note):
            # This very note, whatever it is attached to (a note on the whole article has no
            # paragraph of its own to find it by), once the jump has been drawn.
            from reader.ui.screens.note_editor import NoteDraft

            draft = NoteDraft(entry.text, entry.tags, entry.status, entry.anchor.quote)
            article = place.article
            self.call_after_refresh(self.edit, article, index, draft, entry, entry.claim)

    def articles_for(self, ids: list[str]) -> list[Article]:
        """All articles of a corpus held in memory; of a large lazily read one, those named."""
        if self.corpus is None:
            return []
        if self.corpus.complete:
            return self.corpus.articles
        found = (self.corpus.by_id(i) for i in dict.fromkeys(ids))
        return [a for a in found if a is not None]

    def export_dialog(self) -> None:
        from reader.export import export
        from reader.ui.screens.export_dialog import ExportDialog, exported_message

        store = self.store

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            articles = self.articles_for([n.anchor.article for n in store.notes()]) if self.corpus else None
            try:
                text = export(store.notes(), choice.fmt, articles=articles, bookmarks=store.bookmarks())
                write_atomic(choice.path, text)
            except (OSError, ValueError) as exc:
                self.notify(f"Export failed: {exc}", severity="error", timeout=10)
                return
            told = exported_message(len(store.notes()), len(store.bookmarks()), choice.path)
            self.notify(told, title="Export", timeout=8)

        dialog = ExportDialog(exports_folder(self.reader_app.home), len(store.notes()), len(store.bookmarks()))
        self.app.push_screen(dialog, chosen)


def article_marker(marks: ArticleMarks | None) -> str:
    """The line above an article about its bookmark, notes on it as a whole, and detached notes."""
    if marks is None:
        return ""
    parts = []
    if marks.article_bookmark:
        parts.append("★ article bookmarked")
    if marks.article_notes:
        parts.append(f"✎ {count(len(marks.article_notes), 'note')} on the whole article")
    if marks.detached:
        parts.append(f"⚠ {count(len(marks.detached), 'detached note')}: their passage is gone (o lists them)")
    return " · ".join(parts)
