"""Opening a corpus for reading, the one policy the app follows (no UI here): a corpus of up to
LAZY_THRESHOLD article files is read in full; a larger one is listed from the search catalog at
once (SQLite and a marshalled listing, no Whoosh) when an earlier sync left one, then the index is
synced in a child process and the list is taken from what it holds; its articles are read when
opened. `open_corpus` yields what to show as it becomes known.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from reader.corpus import Corpus, CorpusError, kept_ids, load_corpus
from reader.corpus.files import Skipped, article_ids, find_article_paths
from reader.corpus.lazy import LazyCorpus
from reader.corpus.load import LoadStopped
from reader.entries import Entry
from reader.helpers.textsafe import readable_name
from reader.helpers.wording import count
from reader.search.catalog_db import SCHEMA_VERSION, Listing, index_folder, stored_listing

if TYPE_CHECKING:  # Whoosh is imported only when a large corpus is synced
    from reader.search import SearchIndex, SyncReport

LAZY_THRESHOLD = 3000  # more article files than this: list from the search catalog
EARLY_LISTING = 200  # more articles than this in the catalog: list from it while they are read
Progress = Callable[[int, int], None]


@dataclass
class Loaded:
    """A corpus read in full: every article in memory. `indexed`: its index is known to be up
    to date (opened again after files were indexed on their own): no sync is needed."""

    corpus: Corpus
    entries: list[Entry]
    indexed: bool = False


@dataclass
class Listed:
    """A large corpus listed from the catalog (before or after a sync): the lazy corpus and the
    list's entries in date order."""

    corpus: LazyCorpus
    entries: list[Entry]


@dataclass
class Synced:
    """A large corpus's index after its sync, opened in this process; `listing` is None when
    the sync changed nothing that was already listed."""

    index: SearchIndex
    report: SyncReport
    listing: Listed | None
    skipped: list[Skipped] = field(default_factory=list)


Opened = Loaded | Listed | Synced


def open_corpus(
    root: Path,
    home: Path,
    progress: Progress | None = None,
    stop: Callable[[], bool] | None = None,
    indexed: bool = False,
) -> Iterator[Opened]:
    """What to show, in order: for a small corpus `Loaded`, preceded by `Listed` when a catalog
    from an earlier sync lists more than EARLY_LISTING articles (the list is painted at once,
    the articles are read meanwhile); for a large one `Listed` (when a catalog exists), then
    `Synced`. With no catalog yet and more than EARLY_LISTING files (a first launch), the first
    `Listed` holds the file names (`named`), so the first paint never waits for the reading.
    Raises CorpusError (or OSError) when the corpus cannot be opened. `stop()` true abandons a
    sync in progress (the child finishes it on its own) or the reading (LoadStopped). `indexed`: the
    files changed since were indexed on their own (corpus/watching.py): a large corpus is listed
    from its catalog, without a sync."""
    if not root.exists():
        raise CorpusError(f"corpus not found: {root}")
    kept_ids.remember_in(home)  # ids as the corpus gave them before (they never move under notes)
    with collector_paused():
        rows = stored_listing(index_folder(root, home), SCHEMA_VERSION)
        early = listed(root, rows) if len(rows) > EARLY_LISTING else None
    if early is not None:
        yield early  # before the folder is walked (a third of a second for 100,000 files)
    with collector_paused():
        others: list[Skipped] = []  # the files that are no articles, found by the same walk
        files = find_article_paths(root, others)
        late = None
        if early is None and not rows and len(files) > EARLY_LISTING:  # a first launch: the file names
            late = listed(root, named(root, files))
        elif early is None and rows and len(files) > LAZY_THRESHOLD:
            late = listed(root, rows)
    if late is not None:
        yield late
    if len(rows) <= LAZY_THRESHOLD and len(files) <= LAZY_THRESHOLD:
        corpus = load_corpus(root, progress, [Path(path) for path in files], stop, others)  # not walked twice
        yield Loaded(corpus, [Entry.of(a) for a in corpus.articles], indexed)
        return
    if indexed and (early is not None or late is not None):
        return  # listed from the catalog, which the files indexed on their own are in
    yield from _open_large(root, home, rows, progress, stop, others)  # listed above when it could be


class OpeningAhead:
    """`open_corpus` started in a thread as soon as the command line knows the corpus, before
    the reader's interface is even imported: the files (or a large corpus's catalog listing)
    are read while Textual loads, so the first frame can already hold the list. The thread
    stops at the first thing to show (a small corpus read in full, a large one's listing): the
    rest (walking a large folder, its sync) is left to the taker, so it does not compete with
    the interface's start for the interpreter. The screen takes it with `opened()`, which
    behaves as `open_corpus` would have."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root, self.home = root, home
        self._progress_to: Progress | None = None
        self._last: tuple[int, int] | None = None  # the latest progress, for a taker that comes late
        self._stop_when: Callable[[], bool] | None = None
        self._opening = open_corpus(root, home, self._progress, self._stopped)
        self._first: Opened | None = None
        self._first_given = False  # handed over by `ready()`, before the taker's `opened()`
        self._error: BaseException | None = None
        self._taken = False
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="opening-ahead", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._first = next(self._opening, None)
        except BaseException as exc:  # raised again in the taker's thread, as open_corpus would
            self._error = exc
        finally:
            self._ready.set()

    def _progress(self, done: int, total: int) -> None:
        self._last = (done, total)
        if self._progress_to is not None:
            self._progress_to(done, total)

    def _stopped(self) -> bool:
        return self._stop_when is not None and self._stop_when()

    def wait(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the thread to be done (its first item read, or its
        reading stopped or failed); True when it is."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def error(self) -> BaseException | None:
        """What ended the thread's reading, if anything (raised again in the taker's `opened()`)."""
        return self._error

    def take(self, root: Path) -> bool:
        """True once, for the corpus this opening is for: its taker then calls `opened()`."""
        if self._taken or root != self.root:
            return False
        self._taken = True
        return True

    def ready(self, root: Path) -> Opened | None:
        """The first thing to show, if the thread already has it (this never waits), for the
        corpus this opening is for: the screen shows it before its first frame is drawn, so the
        first frame holds the list (not an empty one redrawn a frame or two later). `opened()`
        then yields only what follows it."""
        if self._taken or self._first_given or root != self.root or not self._ready.is_set():
            return None
        if self._error is not None or self._first is None:
            return None  # the taker's `opened()` raises the error, or yields nothing
        self._first_given = True
        return self._first

    def opened(self, progress: Progress | None = None, stop: Callable[[], bool] | None = None) -> Iterator[Opened]:
        """What `open_corpus` yields: the first item when the thread has it, the rest read in
        the caller's thread. `progress` is called with how far the thread got and the progress
        from then on; `stop()` true stops the reading, wherever it is, with LoadStopped, as it
        stops `open_corpus`."""
        self._progress_to, self._stop_when = progress, stop
        if progress is not None and self._last is not None and not self._first_given:
            progress(*self._last)  # how far the thread got before its taker came (not shown yet)
        while not self._ready.wait(0.05):
            if stop is not None and stop():
                raise LoadStopped  # as open_corpus stopped while reading; the thread sees it too and ends
        if self._error is not None:
            raise self._error
        if self._first is None:
            return
        if not self._first_given:
            yield self._first
        yield from self._opening


def _open_large(
    root: Path,
    home: Path,
    rows: Listing,
    progress: Progress | None,
    stop: Callable[[], bool] | None,
    others: list[Skipped],
) -> Iterator[Opened]:
    """A large corpus synced with its index in a child process; what could not be read is the
    files the walk found to be no articles (`others`) and those the sync could not read."""
    from reader.search import SearchIndex
    from reader.search.background import SyncAbandoned, sync_in_child

    try:
        report = sync_in_child(root, home, progress, stop=stop)
    except SyncAbandoned:
        return
    index = SearchIndex(root, home)
    index.open_existing()
    unchanged = bool(rows) and not (report.added or report.changed or report.removed or report.touched)
    # busy: another baldreader is writing the catalog, half of it may be there; what is listed
    # (its earlier listing or the file names) stays
    with collector_paused():
        listing = None if unchanged or report.busy else listed(root, Listing.of(index.listing()))
    yield Synced(index, report, listing, [*others, *report.skipped])


def named(root: Path, files: list[str]) -> Listing:
    """Rows for files never read yet: their ids and names, no date, no word count (the list
    says "n/a"). What a first launch of a large corpus lists while it is read or indexed."""
    ids = article_ids(root, files)
    n = len(files)
    names = [os.path.basename(path) for path in files]
    no_dates: list[str | None] = [None] * n
    no_outlets: list[str | None] = [None] * n
    return Listing([ids[path] for path in files], names, no_dates, [-1] * n, [True] * n, [False] * n, no_outlets, files)


def listed(root: Path, listing: Listing) -> Listed:
    """A listing as a lazy corpus and the list's entries, each made with tuple.__new__ from
    the listing's columns, not through Entry's own constructor (100,000 in ~35 ms)."""
    paths: dict[str, str | Path] = dict(zip(listing.ids, listing.paths, strict=True))
    entries: list[Entry] = list(map(tuple.__new__, repeat(Entry), listing.rows()))
    return Listed(LazyCorpus(root, paths), entries)


def problem_lines(corpus: Corpus | LazyCorpus) -> list[str]:
    """One line per file skipped or read with a problem, for the reader to be told."""
    lines = [f"{readable_name(s.path.name)}: {s.reason}" for s in corpus.skipped]
    if isinstance(corpus, Corpus):
        lines += [f"{readable_name(a.path.name)}: {p}" for a in corpus.flagged for p in a.problems]
    return lines


def problem_summary(corpus: Corpus | LazyCorpus, shown: int = 6) -> tuple[str, str] | None:
    """A heading and up to `shown` of the problem lines, or None when there are none."""
    lines = problem_lines(corpus)
    if not lines:
        return None
    more = f"\n… and {len(lines) - shown} more" if len(lines) > shown else ""
    return count(len(lines), "file problem"), "\n".join(lines[:shown]) + more


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building hundreds of thousands of small objects at once: without the collector's passes
    over them (a third of the time)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
