"""Pages already read, kept on disk (`PageCache`): an SQLite file in the user data folder maps the
hash of a page's bytes (with the extractor's version and this code's) to its article or to the
reason it has none, so a folder of saved pages opens as fast as text files the second time.
A cache that cannot be opened or written is skipped, never fatal; each process opens its own
connection (the index's forked workers too)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path

CACHE_NAME = "pages.sqlite"


def _version() -> str:
    """The extractor's version and this package's page code: a change makes new keys."""
    import trafilatura

    names = ("pages.py", "page_body.py", "page_standfirst.py")
    code = b"".join((Path(__file__).parent / name).read_bytes() for name in names)
    return f"{trafilatura.__version__}:{hashlib.sha256(code).hexdigest()[:12]}"


class PageCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self._broken = False
        self._version: str | None = None

    def _connection(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._db is None or self._pid != os.getpid():
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, data TEXT)")
                db.commit()
            except (sqlite3.Error, OSError):
                self._broken = True
                return None
            self._db, self._pid = db, os.getpid()
        return self._db

    def key(self, digest: str) -> str:
        if self._version is None:
            self._version = _version()
        return f"{self._version}:{digest}"

    def get(self, digest: str) -> dict[str, object] | None:
        with self._lock:
            db = self._connection()
            if db is None:
                return None
            try:
                row = db.execute("SELECT data FROM pages WHERE key = ?", (self.key(digest),)).fetchone()
            except sqlite3.Error:
                return None
        try:
            data = json.loads(row[0]) if row else None
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def has(self, digest: str) -> bool:
        """Whether the page with that hash is kept (read with this extractor and code)."""
        with self._lock:
            db = self._connection()
            if db is None:
                return False
            try:
                return db.execute("SELECT 1 FROM pages WHERE key = ?", (self.key(digest),)).fetchone() is not None
            except sqlite3.Error:
                return False

    def put(self, digest: str, data: dict[str, object]) -> None:
        with self._lock:
            db = self._connection()
            if db is None:
                return
            try:
                db.execute("INSERT OR REPLACE INTO pages VALUES (?, ?)", (self.key(digest), json.dumps(data)))
                db.commit()
            except sqlite3.Error:
                pass
