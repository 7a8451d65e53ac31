"""The typed messages the main screen's parts send: its controllers (corpus, search, analysis,
notes) post them, from their workers too (posting a message is thread-safe), and the screen,
which owns the widgets, answers them. No part calls another's methods from a thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from reader.corpus.model import Article
from reader.opening import Opened
from reader.state import StateChanges

if TYPE_CHECKING:  # the analysis is loaded by the workers, after the first frame
    from reader.across.conflicts import Conflict
    from reader.across.profile import Profile
    from reader.analysis import Analysis
    from reader.search import SearchIndex, SearchResult, SyncReport


# --- the saved state -----------------------------------------------------------------------------


class StateChanged(Message):
    """A part changed what the app remembers between runs (the sort, a layer, the side panel,
    the focused pane, the search history, the reading position, the theme): posted to the app
    itself (`self.app.post_message`: bubbling stops at a screen that is itself the sender), which
    alone applies it to its state and saves it (state.apply_changes, then one debounced write)."""

    def __init__(self, changes: StateChanges) -> None:
        super().__init__()
        self.changes = changes


# --- the corpus ---------------------------------------------------------------------------------


class CorpusProgress(Message):
    """Articles read (or indexed, for a large corpus) so far."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class CorpusOpened(Message):
    """Something to show: a corpus read in full, a large one listed, or its sync finished."""

    def __init__(self, opened: Opened) -> None:
        super().__init__()
        self.opened = opened


class CorpusFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class ArticlesAdded(Message):
    """Articles were written into `corpus`: read it again (and open it, if another was open).
    `indexed`: they were indexed on their own, so the corpus open needs no sync for them."""

    def __init__(self, corpus: Path, count: int, indexed: bool = False) -> None:
        super().__init__()
        self.corpus = corpus
        self.count = count
        self.indexed = indexed


class AddingProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


# --- search -----------------------------------------------------------------------------------


class IndexProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class MeasuresRead(Message):
    """Sourcing measures read from the index's catalog (by article id): how a large corpus,
    whose articles are not all in memory, is sorted and filtered by them."""

    def __init__(self, measures: dict[str, dict[str, float]]) -> None:
        super().__init__()
        self.measures = measures


class IndexReady(Message):
    """The index is synced and open; searches can run."""

    def __init__(self, index: SearchIndex, report: SyncReport) -> None:
        super().__init__()
        self.index, self.report = index, report


class SearchAnswered(Message):
    """Results for `query` (the controller drops answers to a query no longer typed)."""

    def __init__(self, query: str, result: SearchResult) -> None:
        super().__init__()
        self.query, self.result = query, result


class SearchIndexDamaged(Message):
    """A search found the index files changed under it: rebuild, then search again."""

    def __init__(self, index: SearchIndex, problem: str) -> None:
        super().__init__()
        self.index, self.problem = index, problem


class SearchCleared(Message):
    """The search bar was emptied: the whole list again, no hits highlighted."""


class SearchNotice(Message):
    """A line for the search info area ("indexing…")."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


# --- analysis -----------------------------------------------------------------------------------


class ArticleAnalysed(Message):
    """One article's analysis, and its sourcing profile (worked out in the worker too)."""

    def __init__(self, article: Article, analysis: Analysis, profile: Profile) -> None:
        super().__init__()
        self.article, self.analysis, self.profile = article, analysis, profile


class CorpusAnalysed(Message):
    """Every article analysed, people resolved across the corpus."""

    def __init__(self, analyses: dict[str, Analysis], profiles: dict[str, Profile]) -> None:
        super().__init__()
        self.analyses, self.profiles = analyses, profiles


class AnalysisProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class HighlightsChanged(Message):
    """The palette (a new theme) or the layers changed: redraw the highlighting."""


# --- notes ----------------------------------------------------------------------------------------


class MarksChanged(Message):
    """Notes or bookmarks changed (here, by hand, or in another baldreader)."""


class NoteOnConflict(Message):
    """Write a note on a conflict between two passages, anchored to the first (in paragraph
    `paragraph` of `article`): chosen on the across screen's conflicts tab."""

    def __init__(self, article: Article, paragraph: int, conflict: Conflict) -> None:
        super().__init__()
        self.article, self.paragraph, self.conflict = article, paragraph, conflict


class JumpToPlace(Message):
    """Open an article at a paragraph (a note or bookmark chosen in the notes panel)."""

    def __init__(self, article_id: str, paragraph: int) -> None:
        super().__init__()
        self.article_id, self.paragraph = article_id, paragraph
