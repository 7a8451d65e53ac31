"""The main screen's bookmarks and notes: keys, the store's problems, markers, export.

A mixin of `MainScreen`, kept in its own module so each file stays about one concept.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.binding import Binding

from reader.atomic import write_atomic
from reader.corpus.model import Article
from reader.export import export
from reader.store import Bookmark, Note, StoreCorrupt, StoreError
from reader.store.anchor import AnchorError, locate, make_anchor
from reader.store.marks import ArticleMarks, list_badges, marks_for, reattach_renamed
from reader.ui.screens.export_dialog import ExportChoice, ExportDialog
from reader.ui.screens.note_editor import NoteDraft, NoteEditor
from reader.ui.screens.notes_panel import NotesPanel
from reader.ui.screens.store_problem import StoreProblemScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane

NOTES_BINDINGS = [
    Binding(
        "b",
        "toggle_bookmark",
        "Bookmark",
        id="notes.bookmark_paragraph",
        tooltip="Bookmark the paragraph under the cursor (again: remove it)",
    ),
    Binding(
        "B",
        "toggle_article_bookmark",
        "Bookmark article",
        show=False,
        id="notes.bookmark_article",
        tooltip="Bookmark the whole article (again: remove it)",
    ),
    Binding(
        "a",
        "new_note",
        "Note",
        id="notes.new",
        tooltip="Add a note on the paragraph under the cursor, or on a passage of it "
        "(select text with the mouse, or trim the passage in the editor)",
    ),
    Binding(
        "e",
        "edit_note",
        "Edit note",
        show=False,
        id="notes.edit_here",
        tooltip="Edit the note on the paragraph under the cursor",
    ),
    Binding("o", "notes_panel", "Notes", id="notes.panel", tooltip="List all notes and bookmarks; filter; jump to one"),
    Binding(
        "E", "export_notes", "Export", show=False, id="notes.export", tooltip="Export notes as Markdown, JSON or CSV"
    ),
]


class NotesActions:
    """Needs from its host screen: `corpus`, `_open(article_id, block)`, Textual's screen API."""

    marks: ArticleMarks | None = None

    # --- the store's life ------------------------------------------------------------------

    def start_store(self) -> None:
        self._load_store()
        self.set_interval(2.0, self._poll_store)

    @work(thread=True, exclusive=True, group="store")
    def _load_store(self) -> None:
        store = self.app.store
        try:
            store.load()
        except StoreCorrupt as exc:
            self.app.call_from_thread(self._store_unreadable, str(exc))
            return
        except StoreError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Notes", severity="error")
            return
        self.app.call_from_thread(self._store_loaded)

    def _store_loaded(self) -> None:
        store = self.app.store
        for warning in store.warnings[:5]:
            self.notify(warning, title="Notes file", severity="warning", timeout=8)
        if store.read_only:
            self.notify(store.read_only_reason, title="Notes are read-only", severity="warning", timeout=12)
        self.refresh_marks()

    def _store_unreadable(self, message: str) -> None:
        def chosen(choice: str | None) -> None:
            if choice == "quit":
                self.app.exit()
            elif choice == "fresh":
                try:
                    moved = self.app.store.start_fresh()
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
                self.refresh_marks()
            else:
                self.notify("Notes are read-only until the file is fixed.", title="Notes", timeout=8)

        self.app.push_screen(StoreProblemScreen(message, str(self.app.store.path)), chosen)

    def _poll_store(self) -> None:
        """Pick up changes made by another baldreader or by hand."""
        try:
            changed = self.app.store.reload()
        except StoreCorrupt:
            return
        except StoreError:
            return
        if changed:
            self.refresh_marks()

    def refresh_marks(self) -> None:
        store = self.app.store
        notes, bookmarks = store.notes(), store.bookmarks()
        self.query_one(ArticleList).set_badges(list_badges(notes, bookmarks))
        reader = self.query_one(ReadingPane)
        if reader.article is not None:
            self.marks = marks_for(reader.article, notes, bookmarks)
            reader.set_markers(self.marks.badges())
            reader.set_article_marker(_article_marker(self.marks))

    def reattach(self, articles: list[Article]) -> None:
        store = self.app.store
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
                title=f"{len(moved)} note(s)/bookmark(s) followed their renamed article",
                timeout=10,
            )

    # --- actions ---------------------------------------------------------------------------

    def _here(self) -> tuple[Article, int] | None:
        reader = self.query_one(ReadingPane)
        if reader.article is None or not reader.article.blocks:
            self.notify("Open an article first.", severity="warning")
            return None
        return reader.article, reader.cursor

    def _write(self, change, done: str) -> bool:
        try:
            change()
        except StoreError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            return False
        self.notify(done, timeout=2)
        self.refresh_marks()
        return True

    def action_toggle_bookmark(self) -> None:
        self._toggle_bookmark(whole_article=False)

    def action_toggle_article_bookmark(self) -> None:
        self._toggle_bookmark(whole_article=True)

    def _toggle_bookmark(self, whole_article: bool) -> None:
        """Bookmark the paragraph under the cursor (or the article); again, remove it."""
        here = self._here()
        if here is None:
            return
        article, index = here
        store = self.app.store
        place = "the article" if whole_article else f"¶{index + 1}"
        if self.marks is None:
            existing = None
        else:
            existing = self.marks.article_bookmark if whole_article else self.marks.block_bookmarks.get(index)
        if existing is not None:
            self._write(lambda: store.delete_bookmark(existing.id), f"Bookmark removed ({place}).")
        else:
            anchor = make_anchor(article, None if whole_article else index + 1)
            self._write(lambda: store.add_bookmark(Bookmark(id="", anchor=anchor)), f"Bookmarked {place}.")

    def action_new_note(self) -> None:
        here = self._here()
        if here is None:
            return
        article, index = here
        block = article.blocks[index]
        selected = (self.get_selected_text() or "").strip()
        quote = selected if selected and selected in article.text else block.text
        self._edit(article, index, NoteDraft(text="", tags=[], status="unverified", quote=quote), note=None, claim=None)

    def _edit(self, article: Article, index: int, draft: NoteDraft, note: Note | None, claim: dict | None) -> None:
        block = article.blocks[index]
        heading = f"{'Edit note' if note else 'New note'} · {article.title[:70]} · ¶{index + 1}"
        if claim:
            heading += f" · claim: {claim.get('kind')} ({claim.get('source')})"

        def saved(result: NoteDraft | None) -> None:
            if result is None:
                return
            store = self.app.store
            if note is not None:
                if not self._write(
                    lambda: store.update_note(note.id, text=result.text, tags=result.tags, status=result.status),
                    "Note saved.",
                ):
                    self._edit(article, index, result, note, claim)  # the typed text is kept
                return
            try:
                quote = result.quote or block.text
                anchor = make_anchor(article, index + 1, quote)
            except AnchorError as exc:
                self.notify(
                    f"{exc}. The note was not saved; try again with words from the article.",
                    severity="error",
                    timeout=10,
                )
                self._edit(article, index, result, note, claim)
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
                self._edit(article, index, result, note, claim)  # the typed text is kept: try again

        self.app.push_screen(NoteEditor(heading, draft, quote_editable=note is None), saved)

    def action_edit_note(self) -> None:
        here = self._here()
        if here is None:
            return
        article, index = here
        notes = (self.marks.block_notes.get(index) if self.marks else None) or []
        if not notes:
            self.notify("No note on this paragraph: a adds one, o lists them all.", timeout=4)
            return
        note = notes[-1]
        draft = NoteDraft(note.text, note.tags, note.status, note.anchor.quote)
        self._edit(article, index, draft, note=note, claim=note.claim)

    def action_notes_panel(self) -> None:
        store = self.app.store

        def chosen(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            action, entry_id = result
            if action == "open":
                self._jump_to(entry_id)
            elif action == "edit":
                self._jump_to(entry_id)
                self.call_after_refresh(self.action_edit_note)
            elif action == "delete":
                is_note = entry_id.startswith("n-") or any(n.id == entry_id for n in store.notes())
                self._write(
                    lambda: store.delete_note(entry_id) if is_note else store.delete_bookmark(entry_id), "Deleted."
                )

        self.app.push_screen(NotesPanel(store.notes(), store.bookmarks(), store.read_only), chosen)

    def _jump_to(self, entry_id: str) -> None:
        store = self.app.store
        entry = next((e for e in [*store.notes(), *store.bookmarks()] if e.id == entry_id), None)
        if entry is None or self.corpus is None:
            return
        place = locate(entry.anchor, self._articles_for([entry.anchor.article]))
        if place.article is None:
            self.notify(f"Article {entry.anchor.article} is not in this corpus.", severity="warning")
            return
        if place.detached:
            self.notify(
                "The passage is no longer in the article (detached); showing the article.",
                severity="warning",
                timeout=6,
            )
        self._open(place.article.id, (place.paragraph or 1) - 1, force=True)
        self.query_one(ArticleList).select_id(place.article.id)
        self.query_one(ReadingPane).focus()

    def _articles_for(self, ids: list[str]) -> list[Article]:
        """All articles of a corpus held in memory; of a large lazily read one, those named."""
        if self.corpus.complete:
            return self.corpus.articles
        found = (self.corpus.by_id(i) for i in dict.fromkeys(ids))
        return [a for a in found if a is not None]

    def action_export_notes(self) -> None:
        store = self.app.store

        def chosen(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            articles = self._articles_for([n.anchor.article for n in store.notes()]) if self.corpus else None
            try:
                text = export(store.notes(), choice.fmt, articles=articles, bookmarks=store.bookmarks())
                write_atomic(choice.path, text)
            except (OSError, ValueError) as exc:
                self.notify(f"Export failed: {exc}", severity="error", timeout=10)
                return
            self.notify(f"Exported {len(store.notes())} note(s) to {choice.path}", title="Export", timeout=8)

        self.app.push_screen(ExportDialog(Path.cwd(), len(store.notes())), chosen)


def _article_marker(marks: ArticleMarks) -> str:
    parts = []
    if marks.article_bookmark:
        parts.append("★ article bookmarked")
    if marks.article_notes:
        parts.append(f"✎ {len(marks.article_notes)} note(s) on the whole article")
    if marks.detached:
        parts.append(f"⚠ {len(marks.detached)} detached note(s): their passage is gone (o lists them)")
    return " · ".join(parts)
