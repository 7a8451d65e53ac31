"""The search index of one corpus: where it lives, keeping it in step with the files, and
answering queries with ranked, highlighted hits.

The index (Whoosh) and its catalog (SQLite) live in `<home>/index/<corpus key>/`. Sync compares
each file's size and status-change time with the catalog, hashes only files that differ, and
re-indexes only changed content; removed files are deleted. An index that is missing, built with
another schema version, or unreadable is rebuilt from the files, with a message. A lock file
keeps two baldreaders from syncing one index at the same time; the second one searches what is
there.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index

from reader.corpus import kept_ids
from reader.corpus.model import Article
from reader.helpers.paths import scratch_home, unwritable
from reader.search import query as Qm
from reader.search import whoosh_internals  # imported before any index opens: its patch
from reader.search.answering import answer, rank
from reader.search.build import WorkerDied
from reader.search.catalog_db import LISTING, CatalogDB, ListingRow, index_folder
from reader.search.integrity import META, IndexDamaged, read_meta, stamp_problem, stamps, write_meta
from reader.search.listing_journal import JOURNAL
from reader.search.postings import PostingsReader
from reader.search.ranking import Ranked
from reader.search.repair import folder_at, regular_or_absent, remove_entry
from reader.search.results import IndexUnwritable, SearchResult, SyncReport
from reader.search.schema import SCHEMA_VERSION, make_schema
from reader.search.side_files import check_side_files
from reader.search.sync_lock import give_way, sync_lock
from reader.search.sync_plan import Readers

Progress = Callable[[int, int], None]
ADD_WAIT = 30.0  # seconds an added article waits for a sync or a people pass batch in hand
PEOPLE_LIMIT = 5000  # a sync indexing more articles than this leaves their people to the people pass


class SearchIndex:
    def __init__(
        self,
        corpus: Path,
        home: Path,
        people: Callable[[Article], list[str]] | None = None,
        measures: Callable[[Article], dict[str, float]] | None = None,
        warm: Callable[[], None] | None = None,
    ) -> None:
        """`people`: each article's people, for `person:`; `measures`: its sourcing measures,
        kept in the catalog with them (both from the analysis; syncs without them index text
        alone); `warm`: loads what they need, before worker processes are forked."""
        self.corpus = Path(corpus).resolve()
        # A user data folder that cannot be written (read-only, HOME unset): the index is kept
        # in a private folder of the system's temporary folder instead, and `elsewhere` says so.
        self.elsewhere = unwritable(home)
        kept_ids.remember_in(home)  # ids as the corpus gave them before (they never move)
        self.folder = index_folder(self.corpus, scratch_home() if self.elsewhere else home)
        # What a sync reads from each article besides its text (none without `people`).
        self.readers = Readers(people, measures, warm) if people is not None else None
        self.people_limit = PEOPLE_LIMIT
        self.messages: list[str] = []
        self.repairs: list[str] = []  # what was in the way of the index's files, and what was done
        self._ix: Any = None  # a Whoosh FileIndex once opened
        self._catalog: CatalogDB | None = None
        self._searcher: Any = None
        self._searcher_lock = threading.Lock()
        self._closing = False  # close() asks a search in another thread to stop
        self._postings: PostingsReader | None = None
        self._parsers = Qm.Parsers()
        self.slow_paths: list[str] | None = None  # Whoosh fast paths not taken (None: not checked yet)

    # --- opening and recovery --------------------------------------------------------------

    def _open(self, rebuild: bool = False) -> str | None:
        """Open the index, or make it anew; returns why it was made anew (None if opened)."""
        reason = "rebuild requested" if rebuild else self.damaged()
        if reason is None:
            try:
                # Reads the table of contents only; segment files are opened by the first search.
                self._ix = index.open_dir(str(self.folder / "whoosh"))
                self._catalog = CatalogDB(self.folder / "catalog.sqlite")
                return None
            except Exception as exc:  # noqa: BLE001 - any damage means: rebuild
                reason = f"index unreadable ({type(exc).__name__}: {exc})"
                self.close()
        self._create()
        return reason

    def damaged(self) -> str | None:
        """Why the index on disk is not as the last sync left it (None: it is)."""
        if not (self.folder / "whoosh").is_dir():
            return "no index yet"
        meta = read_meta(self.folder)
        if meta is None:
            return "index metadata missing or unreadable"
        if meta.get("schema") != SCHEMA_VERSION:
            return f"index built with schema {meta.get('schema')!r:.20}, this baldreader uses {SCHEMA_VERSION}"
        try:
            if not index.exists_in(str(self.folder / "whoosh")):
                return "index files missing"
        except Exception as exc:  # noqa: BLE001 - a damaged table of contents
            return f"index unreadable ({type(exc).__name__})"
        return stamp_problem(meta, self.folder / "whoosh")

    def _create(self) -> None:
        self.close()
        self.repairs.extend(folder_at(self.folder))
        for name in ("whoosh", "catalog.sqlite", "catalog.sqlite-wal", "catalog.sqlite-shm", LISTING, JOURNAL):
            remove_entry(self.folder / name)  # whatever is there, a folder for a file included
        regular_or_absent(self.folder / META)  # rewritten below
        (self.folder / "whoosh").mkdir()
        self._ix = index.create_in(str(self.folder / "whoosh"), make_schema())
        self._catalog = CatalogDB(self.folder / "catalog.sqlite")
        self._stamp()

    def _stamp(self) -> None:
        """Record the Whoosh folder as this sync leaves it (see integrity.py)."""
        now = stamps(self.folder / "whoosh")
        meta = read_meta(self.folder)
        if meta is None or meta.get("files") != now or meta.get("schema") != SCHEMA_VERSION:
            write_meta(self.folder, SCHEMA_VERSION, self.corpus, now)

    def close(self) -> None:
        self._closing = True  # a search in another thread stops at its next step, freeing the lock
        with self._searcher_lock:
            if self._postings is not None:
                self._postings.close()  # its views into the segments first
                self._postings = None
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        if self._catalog is not None:
            self._catalog.close()
            self._catalog = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None
        self._closing = False

    # --- sync -----------------------------------------------------------------------------

    @contextmanager
    def _sync_lock(
        self, wait: float = 0.0, stop: Callable[[], bool] | None = None, waiting: Callable[[], None] | None = None
    ) -> Iterator[tuple[int, bool]]:
        """The sync lock (sync_lock.py): its descriptor, and whether it was taken (False:
        another baldreader is syncing or running the people pass). Released on leaving."""
        self.repairs.extend(folder_at(self.folder))
        with sync_lock(self.folder, wait, stop, waiting) as held:
            yield held

    def sync(self, progress: Progress | None = None, rebuild: bool = False) -> SyncReport:
        """Bring the index in step with the files. Never raises for a damaged index: it is
        rebuilt. Another baldreader syncing the same corpus makes this one skip (busy). Raises
        IndexUnwritable when it cannot be written (a full disk, no permission) or its worker
        processes die twice running (once, killed by someone, it is done again)."""
        for attempt in (1, 2):
            try:
                return self._sync_locked(progress, rebuild)
            except WorkerDied as exc:
                self.close()  # nothing of the dead run was committed
                if attempt == 2:
                    raise IndexUnwritable(f"indexing failed twice: {exc}") from None
                self.repairs.append(f"{exc}; indexing again")
            except (OSError, sqlite3.OperationalError) as exc:  # SQLite's own words for a full disk
                self.close()
                reason = exc.strerror if isinstance(exc, OSError) else None
                if reason is None and "full" in str(exc):
                    reason = os.strerror(errno.ENOSPC)
                raise IndexUnwritable(f"cannot write the search index in {self.folder} ({reason or exc})") from None
        raise AssertionError("not reached")

    def _sync_locked(self, progress: Progress | None, rebuild: bool) -> SyncReport:
        start = time.perf_counter()
        with self._sync_lock() as (lock, taken):
            if not taken:  # never waited for: a stopped or slow sync elsewhere would stop us too
                self.open_existing()  # what is there, if it is usable as it is
                return SyncReport(busy=True, seconds=time.perf_counter() - start)
            report = SyncReport(rebuilt_because=self._open(rebuild) if self._ix is None or rebuild else None)
            try:
                self._sync(report, progress)
            except Exception as exc:  # noqa: BLE001 - a damaged index is rebuilt once
                if report.rebuilt_because is not None or isinstance(exc, WorkerDied | OSError):
                    raise
                report = SyncReport(rebuilt_because=f"index damaged during sync ({type(exc).__name__})")
                self._create()
                self._sync(report, progress)
            self._stamp()
        report.seconds = time.perf_counter() - start
        return report

    def index_files(
        self,
        paths: Sequence[Path],
        wait: float = ADD_WAIT,
        stop: Callable[[], bool] | None = None,
        waiting: Callable[[], None] | None = None,
    ) -> SyncReport | None:
        """Index these files, just written or changed, without walking the corpus or reading
        the other files (file_adding.py): the report, or None when a sync must do it (no usable
        index yet, another baldreader syncing for longer than `wait` seconds, a file the sync
        would name otherwise). A people pass running lets it go first after its batch in hand
        (`waiting()` is called once when it has to wait)."""
        from reader.search.file_adding import index_files

        start = time.perf_counter()
        with self._sync_lock(wait, stop, waiting) as (_lock, taken):
            if not taken or not self.open_existing():
                return None
            assert self._catalog is not None
            try:
                report = index_files(self._ix, self._catalog, self.corpus, self.folder, paths, self.readers)
                if report is not None:
                    self._stamp()
            except (OSError, sqlite3.Error, WorkerDied):
                self.close()  # a full disk, say: the next sync finds what was left and mends it
                return None
            if report is not None:
                report.seconds = time.perf_counter() - start
            return report

    def fill_people(
        self, progress: Progress | None = None, stop: Callable[[], bool] | None = None, batch: int = 0
    ) -> tuple[int, int] | None:
        """Run the people pass (people_pass.py) under the sync lock, letting a writer that waits
        for it go first between batches: (files done, files still pending), or None when
        another baldreader holds the lock or the index is not usable as it is (a sync comes
        first)."""
        from reader.search.people_pass import PEOPLE_BATCH, fill

        if (readers := self.readers) is None:
            raise ValueError("the people pass needs the index's people function")
        with self._sync_lock() as (lock, taken):
            if not taken or not self.open_existing():
                return None
            assert self._catalog is not None
            catalog, size = self._catalog, batch or PEOPLE_BATCH

            def committed() -> bool:
                self._stamp()
                return give_way(self.folder, lock, stop)

            return fill(self._ix, catalog, self.folder, readers, committed, progress, stop, size)

    def measures_by_id(self) -> dict[str, dict[str, float]]:
        """The sourcing measures the syncs and the people pass read, by article id (none once
        the index is closed: an app quitting while its worker reads them)."""
        try:
            return self._catalog.measures() if self._catalog is not None else {}
        except sqlite3.ProgrammingError:
            return {}

    def people_pending(self) -> int:
        """Articles indexed without their people so far (0 when the index is not open or closed)."""
        try:
            return self._catalog.people_pending_count() if self._catalog is not None else 0
        except sqlite3.ProgrammingError:
            return 0

    def _sync(self, report: SyncReport, progress: Progress | None) -> None:
        from reader.search.syncing import sync_corpus

        assert self._catalog is not None
        sync_corpus(
            self._ix, self._catalog, self.corpus, self.folder, self.readers, self.people_limit, report, progress
        )

    # --- reading --------------------------------------------------------------------------

    def listing(self) -> list[ListingRow]:
        assert self._catalog is not None
        return self._catalog.listing_by_date()

    def open_existing(self) -> bool:
        """Open an index that is usable as it is, without syncing; whether there is one. Never
        rebuilds (it holds no lock: only sync() may replace an index another process uses)."""
        if self._ix is None and self.damaged() is None:
            try:
                self._ix = index.open_dir(str(self.folder / "whoosh"))
                self._catalog = CatalogDB(self.folder / "catalog.sqlite")
            except Exception:  # noqa: BLE001 - unusable now; the next sync rebuilds it
                self.close()
                return False
        return self._ix is not None

    def doc_count(self) -> int:
        return self._ix.doc_count() if self._ix is not None else 0

    def search(
        self, text: str, limit: int = 10, with_snippets: bool = True, stop: Callable[[], bool] | None = None
    ) -> SearchResult:
        """Ranked hits for `text`. Never raises for a query: one that cannot be read or run gets
        a message, one stopped (`stop()` true, or the index closed) says so. Raises
        `IndexDamaged` when reading fails because the index files changed under us; the caller
        rebuilds (a sync with rebuild=True) and asks again."""
        if self._ix is None and not self.open_existing():
            # Never a sync from here: it may run in an app's thread, and a sync forks workers.
            return SearchResult([], 0, ["the search index is not ready; it is rebuilt at the next sync"], None, set())
        cleaned, messages = Qm.repair(text)
        if not cleaned.strip():
            return SearchResult([], 0, messages, None, set())
        if "person:" in cleaned.lower() and (pending := self.people_pending()):
            messages = messages + [
                f"person: {pending} of {self.doc_count()} articles are not read for people yet; "
                "they are found once the people pass reaches them"
            ]
        with self._searcher_lock:
            try:
                parser = self._parsers.for_index(self._ix)  # may read the table of contents
            except Exception as exc:  # noqa: BLE001 - nothing a query did
                self._drop_searcher()
                raise IndexDamaged(self.damaged() or f"index unreadable ({Qm.reason(exc)})") from exc
            try:
                parsed = Qm.parse(parser, cleaned)
            except Exception as exc:  # noqa: BLE001 - Whoosh's parser raises many kinds
                return SearchResult([], 0, messages + [Qm.unreadable(exc)], None, set())
            try:
                return self._answer(parsed, cleaned, limit, with_snippets, messages, self._stopper(stop))
            except Qm.Stopped:
                return SearchResult([], 0, messages + ["search stopped"], None, set())
            except Exception as exc:  # noqa: BLE001 - the query's fault, or the index's
                problem = self.damaged()
                if problem is not None:
                    self._drop_searcher()
                    raise IndexDamaged(problem) from exc
                return SearchResult([], 0, messages + [f"cannot run this query ({Qm.reason(exc)})"], None, set())

    def prepare(self, stop: Callable[[], bool] | None = None) -> int:
        """Read now what a first search would: the query parser, each segment's dense file,
        norms and stored-field offsets, and the checksums of side files of the formats before
        (side_files.py; how many were found sound). The app does this in a worker once the index
        is ready, so the first search answers as fast as the next. Never raises: an index that
        cannot be read is left to the search that meets it (and says so)."""
        with self._searcher_lock:
            if self._closing or self._ix is None:
                return 0
            try:
                self._parsers.for_index(self._ix)
                searcher = self._current_searcher()
                self._postings_of(searcher).prepare()
            except Exception:  # noqa: BLE001 - a damaged index: the next search opens it again
                self._drop_searcher()
                return 0
            readers = [sub.reader() for sub, _ in searcher.leaf_searchers()]
        return check_side_files(self.folder / "whoosh", readers, self._stopper(stop))

    def release_pages(self) -> None:
        """Let go of the index pages searches have touched (they stay in the system's page
        cache, and a search maps what it needs again): the app calls this once typing has paused,
        so its resident memory does not grow with every page of the index it has read. Not after
        each search: that costs a search about 3 ms (the call, and mapping the pages again)."""
        with self._searcher_lock:
            if self._postings is not None:
                self._postings.release_pages()

    def _stopper(self, stop: Callable[[], bool] | None) -> Callable[[], bool]:
        return (lambda: self._closing) if stop is None else (lambda: self._closing or stop())

    def _answer(
        self, parsed: Any, cleaned: str, limit: int, with_snippets: bool, messages: list[str], stop: Callable[[], bool]
    ) -> SearchResult:
        searcher = self._current_searcher()
        if self.slow_paths is None:
            self.slow_paths = whoosh_internals.self_check(searcher)
            if self.slow_paths:  # said once, with the first answer
                messages = messages + [f"search runs in compatibility mode: slower ({'; '.join(self.slow_paths)})"]
        return answer(searcher, self._postings_of(searcher), parsed, cleaned, limit, with_snippets, messages, stop)

    def _postings_of(self, searcher: Any) -> PostingsReader:
        if self._postings is None or self._postings.searcher is not searcher:
            if self._postings is not None:
                self._postings.close()
            self._postings = PostingsReader(searcher, self.folder / "whoosh")
        return self._postings

    def _rank(self, searcher: Any, q: Any, limit: int) -> Ranked:
        return rank(searcher, self._postings_of(searcher), q, limit)

    def _drop_searcher(self) -> None:
        """Forget the open searcher (its files are damaged); the index object stays."""
        if self._postings is not None:
            self._postings.close()
            self._postings = None
        if self._searcher is not None:
            try:
                self._searcher.close()
            except Exception:  # noqa: BLE001 - closing a damaged reader
                pass
            self._searcher = None

    def _current_searcher(self) -> Any:
        """One searcher kept open (opening the segments costs tens of milliseconds), refreshed
        when the index has changed since."""
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif self._ix.latest_generation() != self._searcher.reader().generation():
            # A new searcher from scratch, not old.refresh(): Whoosh reuses the readers of
            # segments with the same name, whose deletions are then out of date, and adds
            # back segments the new generation has merged away.
            self._drop_searcher()  # the postings' views into the old segments first
            self._searcher = self._ix.searcher()
        return self._searcher
