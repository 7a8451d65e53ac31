"""What the search index answers: the report of a sync, a search's hits and its result. No
Whoosh here (the app's messages carry them before Whoosh is imported)."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.corpus.files import Skipped


class IndexUnwritable(Exception):
    """The index cannot be written (a full disk, a folder without permission, workers that
    kept dying): a sync that could not be done, said in one line, never a traceback."""


@dataclass
class SyncReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    touched: int = 0  # its times changed (st_ctime), its content did not
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    rebuilt_because: str | None = None
    busy: bool = False
    seconds: float = 0.0

    @property
    def indexed(self) -> int:
        return self.added + self.changed


@dataclass
class Hit:
    id: str
    path: str
    title: str
    date: str | None
    score: float
    snippet: str


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    messages: list[str]
    suggestion: str | None
    terms: set[str]
    exact: bool = True  # False: total is an estimate
    engine: str = "baldreader"  # what ranked the hits: ours, or "whoosh" (its own matchers)
