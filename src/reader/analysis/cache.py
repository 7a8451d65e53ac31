"""Analysis results cached by content hash, so a large corpus is analysed once.

An SQLite file (standard library) in the user data folder maps the SHA-256 of an article's
text, with a hash of the analysis code and word lists (`rules_hash`), to its analysis as JSON.
A cache that cannot be opened or read is skipped (analysis still works), never fatal. It stays
bounded: what was not used for KEEP_DAYS days, then the least recently used past MAX_ENTRIES,
is dropped when it is opened.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from reader.analysis import Analysis, AnalysisCancelled, analyze
from reader.corpus.model import Article
from reader.helpers.rules_version import rules_hash

CACHE_NAME = "analysis.sqlite"
KEEP_DAYS = 60  # an analysis not used for this long is dropped when the cache is next opened
MAX_ENTRIES = 250_000  # and never more than this many (2.5 times a 100,000-article corpus)


def _today() -> int:
    """Days since the epoch: when an analysis was last used, to the day."""
    return int(time.time() // 86400)


def text_key(text: str) -> str:
    return hashlib.sha256(f"{rules_hash()}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


class AnalysisCache:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._memory: dict[str, Analysis] = {}
        self._underway: dict[str, threading.Event] = {}  # texts being analysed, by key
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.hits = self.misses = 0
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, check_same_thread=False, timeout=5)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the tail is harmless
                self._db.execute("CREATE TABLE IF NOT EXISTS analysis (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
                columns = {row[1] for row in self._db.execute("PRAGMA table_info(analysis)")}
                if "used" not in columns:  # a cache from before eviction: its rows count as used today
                    self._db.execute(f"ALTER TABLE analysis ADD COLUMN used INTEGER NOT NULL DEFAULT {_today()}")
                if "source" not in columns:  # the file an analysis was last written for
                    self._db.execute("ALTER TABLE analysis ADD COLUMN source TEXT")
                # Each write deletes the file's earlier analyses by `source`: without an index a
                # scan of the whole cache (6.6 ms at 1,680 articles, growing with the cache).
                self._db.execute("CREATE INDEX IF NOT EXISTS analysis_by_source ON analysis (source)")
                self._evict()
                self._db.commit()
            except (sqlite3.Error, OSError):  # a folder that cannot be written: analysed, not kept
                self._db = None

    def get(self, article: Article, stop: Callable[[], bool] | None = None) -> Analysis:
        """The analysis of `article`, from memory, the cache file, or computed now (abandoned
        with AnalysisCancelled once `stop()` is true). A text another thread is analysing is
        waited for, not analysed twice (the open article and the corpus pass ask for the same)."""
        key = text_key(article.text)
        while True:
            with self._lock:
                found = self._memory.get(key)
                if found is not None:
                    self.hits += 1
                    return found
                underway = self._underway.get(key)
                if underway is None:
                    underway = self._underway[key] = threading.Event()
                    break
            while not underway.wait(0.05):  # then from memory, or ours to do if it was abandoned
                if stop is not None and stop():
                    raise AnalysisCancelled
        try:
            return self._analysed(key, article, stop)
        finally:
            with self._lock:
                del self._underway[key]
            underway.set()

    def _analysed(self, key: str, article: Article, stop: Callable[[], bool] | None) -> Analysis:
        found = self._read(key)
        if found is None:
            self.misses += 1
            found = analyze(article, stop)
            if stop is None or not stop():  # quitting: not the moment to write a large analysis
                self._write(key, found, str(article.path))
        else:
            self.hits += 1
        with self._lock:
            self._memory[key] = found
        return found

    def _evict(self) -> None:
        """Keep the cache bounded: analyses not used for KEEP_DAYS days go (the texts of an
        article edited many times, a corpus no longer opened), then the least recently used
        beyond MAX_ENTRIES. Run when the cache is opened."""
        assert self._db is not None
        today = _today()
        self._db.execute("DELETE FROM analysis WHERE used < ?", (today - KEEP_DAYS,))
        (count,) = self._db.execute("SELECT count(*) FROM analysis").fetchone()
        if count > MAX_ENTRIES:
            self._db.execute(
                "DELETE FROM analysis WHERE key IN (SELECT key FROM analysis ORDER BY used, key LIMIT ?)",
                (count - MAX_ENTRIES,),
            )

    def _read(self, key: str) -> Analysis | None:
        if self._db is None:
            return None
        try:
            with self._lock:
                row = self._db.execute("SELECT data, used FROM analysis WHERE key = ?", (key,)).fetchone()
                if row and row[1] < _today():  # once a day at most: a read stays a read
                    self._db.execute("UPDATE analysis SET used = ? WHERE key = ?", (_today(), key))
                    self._db.commit()
            return Analysis.from_json(json.loads(row[0])) if row else None
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            return None

    def _write(self, key: str, analysis: Analysis, source: str) -> None:
        """Keep `analysis` under `key`, as the analysis of the file `source`: the analyses of
        that file's earlier texts go (an article edited 60 times keeps one analysis, not 61)."""
        if self._db is None:
            return
        data = json.dumps(analysis.to_json(), ensure_ascii=False)  # outside the lock: seconds for a huge one
        try:
            with self._lock:
                source_key = source.encode("utf-8", "surrogateescape")  # a file name that is not UTF-8
                self._db.execute("DELETE FROM analysis WHERE source = ? AND key != ?", (source_key, key))
                self._db.execute(
                    "INSERT OR REPLACE INTO analysis (key, data, used, source) VALUES (?, ?, ?, ?)",
                    (key, data, _today(), source_key),
                )
                self._db.commit()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
