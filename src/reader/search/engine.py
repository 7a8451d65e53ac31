"""The search index of one corpus: where it lives, keeping it in step with the files, and
answering queries with ranked, highlighted hits.

The index (Whoosh) and its catalog (SQLite) live in `<home>/index/<corpus key>/`. Sync compares
each file's size and modification time with the catalog, hashes only files that differ, and
re-indexes only changed content; removed files are deleted. An index that is missing, built with
another schema version, or unreadable is rebuilt from the files, with a message. A lock file
keeps two baldreaders from syncing one index at the same time; the second one searches what is
there.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index
from whoosh.qparser import QueryParserError

from reader.corpus.load import Skipped, _article_ids, find_article_files, load_file
from reader.corpus.model import Article
from reader.search import query as Qm
from reader.search.catalog_db import CatalogDB, Row, index_folder
from reader.search.schema import SCHEMA_VERSION, fold_accents, make_schema

Progress = Callable[[int, int], None]
PEOPLE_LIMIT = 5000  # a sync indexing more articles than this leaves `person:` for later


@dataclass
class SyncReport:
    added: int = 0
    changed: int = 0
    removed: int = 0
    touched: int = 0  # modification time changed, content the same
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


class SearchIndex:
    def __init__(self, corpus: Path, home: Path, people: Callable[[Article], list[str]] | None = None) -> None:
        self.corpus = Path(corpus).resolve()
        self.folder = index_folder(self.corpus, home)
        self.people = people
        self.messages: list[str] = []
        self._ix = None
        self._catalog: CatalogDB | None = None
        self._searcher = None
        self._searcher_lock = threading.Lock()

    # --- opening and recovery --------------------------------------------------------------

    def _meta_path(self) -> Path:
        return self.folder / "meta.json"

    def _open(self, rebuild: bool = False) -> str | None:
        """Open the index, or make it anew; returns why it was made anew (None if opened)."""
        reason = "rebuild requested" if rebuild else self._problem()
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

    def _problem(self) -> str | None:
        if not (self.folder / "whoosh").is_dir():
            return "no index yet"
        try:
            meta = json.loads(self._meta_path().read_text())
        except (OSError, ValueError):
            return "index metadata missing or unreadable"
        if meta.get("schema") != SCHEMA_VERSION:
            return f"index built with schema {meta.get('schema')}, this baldreader uses {SCHEMA_VERSION}"
        try:
            if not index.exists_in(str(self.folder / "whoosh")):
                return "index files missing"
        except Exception as exc:  # noqa: BLE001 - a damaged table of contents
            return f"index unreadable ({type(exc).__name__})"
        return None

    def _create(self) -> None:
        self.close()
        if self.folder.exists():
            shutil.rmtree(self.folder / "whoosh", ignore_errors=True)
            (self.folder / "catalog.sqlite").unlink(missing_ok=True)
            for extra in ("catalog.sqlite-wal", "catalog.sqlite-shm"):
                (self.folder / extra).unlink(missing_ok=True)
        (self.folder / "whoosh").mkdir(parents=True, exist_ok=True)
        self._ix = index.create_in(str(self.folder / "whoosh"), make_schema())
        self._catalog = CatalogDB(self.folder / "catalog.sqlite")
        self._meta_path().write_text(json.dumps({"schema": SCHEMA_VERSION, "corpus": str(self.corpus)}))

    def close(self) -> None:
        with self._searcher_lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        if self._catalog is not None:
            self._catalog.close()
            self._catalog = None
        if self._ix is not None:
            self._ix.close()
            self._ix = None

    # --- sync -----------------------------------------------------------------------------

    def sync(self, progress: Progress | None = None, rebuild: bool = False) -> SyncReport:
        """Bring the index in step with the files. Never raises for a damaged index: it is
        rebuilt. Another baldreader syncing the same corpus makes this one skip (busy)."""
        start = time.perf_counter()
        self.folder.mkdir(parents=True, exist_ok=True)
        lock = os.open(self.folder / "sync.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if self._ix is None:
                    fcntl.flock(lock, fcntl.LOCK_SH)  # wait for the other sync, then read
                    self._open()
                return SyncReport(busy=True, seconds=time.perf_counter() - start)
            report = SyncReport(rebuilt_because=self._open(rebuild) if self._ix is None or rebuild else None)
            try:
                self._sync(report, progress)
            except Exception as exc:  # noqa: BLE001 - a damaged index is rebuilt once
                if report.rebuilt_because is not None:
                    raise
                report = SyncReport(rebuilt_because=f"index damaged during sync ({type(exc).__name__})")
                self._create()
                self._sync(report, progress)
        finally:
            os.close(lock)
        report.seconds = time.perf_counter() - start
        return report

    def _sync(self, report: SyncReport, progress: Progress | None) -> None:
        assert self._catalog is not None
        files = find_article_files(self.corpus)
        ids = _article_ids(self.corpus, files)
        known = self._catalog.rows()
        todo: list[tuple[Path, os.stat_result]] = []
        touched = []
        seen_paths = set()
        for path in files:
            key = str(path)
            seen_paths.add(key)
            try:
                stat = path.stat()
            except OSError as exc:
                report.skipped.append(Skipped(path, f"unreadable: {exc.strerror or exc}"))
                continue
            row = known.get(key)
            if row is not None and row.size == stat.st_size and row.mtime_ns == stat.st_mtime_ns and row.id == ids[path]:
                report.unchanged += 1
            else:
                todo.append((path, stat))
        removed = [p for p in known if p not in seen_paths]
        hashes = {row.hash: row.path for row in known.values() if row.path in seen_paths}
        writer = None
        batch: list[Row] = []
        total = len(todo)
        with_people = self.people is not None and total <= PEOPLE_LIMIT
        try:
            for done, (path, stat) in enumerate(todo, 1):
                article = load_file(path, ids[path])
                row = known.get(str(path))
                if isinstance(article, Skipped):
                    report.skipped.append(article)
                    if row is not None:
                        removed.append(str(path))
                    continue
                if row is not None and row.hash == article.content_hash and row.id == article.id:
                    touched.append((stat.st_size, stat.st_mtime_ns, str(path)))
                    report.touched += 1
                    continue
                twin = hashes.get(article.content_hash)
                if twin is not None and twin != str(path):
                    report.skipped.append(Skipped(path, f"identical to {Path(twin).name}; shown once"))
                    if row is not None:
                        removed.append(str(path))
                    continue
                hashes[article.content_hash] = str(path)
                if writer is None:
                    writer = self._writer(total)
                people = self.people(article) if with_people else []
                fields = dict(path=str(path), id=article.id, title=fold_accents(article.title),
                              title_text=article.title, date=article.date or "",
                              body=fold_accents("\n".join(b.text for b in article.blocks if b.kind != "boilerplate")),
                              person=fold_accents(",".join(sorted(set(people)))), words=article.word_count)
                if row is None:
                    writer.add_document(**fields)  # new: no need to look for an old copy
                else:
                    writer.update_document(**fields)
                batch.append(Row(str(path), article.id, stat.st_size, stat.st_mtime_ns, article.content_hash,
                                 article.title, article.title_derived, article.date, article.word_count,
                                 bool(article.problems)))
                if row is None:
                    report.added += 1
                else:
                    report.changed += 1
                if progress is not None and (done % 250 == 0 or done == total):
                    progress(done, total)
            if removed:
                if writer is None:
                    writer = self._writer(0)
                for path in removed:
                    writer.delete_by_term("path", path)
                report.removed = len(set(removed))
            if writer is not None:
                writer.commit()
                writer = None
        finally:
            if writer is not None:
                writer.cancel()
        self._catalog.put(batch)
        self._catalog.touch(touched)
        self._catalog.remove(sorted(set(removed)))
        self._catalog.commit()
        if progress is not None:
            progress(total, total)

    def _writer(self, count: int):
        if count > 2000:
            return self._ix.writer(procs=2, multisegment=True, limitmb=256, timeout=30.0)
        return self._ix.writer(timeout=30.0)

    # --- reading --------------------------------------------------------------------------

    def listing(self) -> list[tuple]:
        assert self._catalog is not None
        return self._catalog.listing_by_date()

    def open_existing(self) -> bool:
        """Open an index that is usable as it is, without syncing; whether there is one."""
        if self._ix is None and self._problem() is None:
            if self._open() is not None:
                return False
        return self._ix is not None

    def doc_count(self) -> int:
        return self._ix.doc_count() if self._ix is not None else 0

    def search(self, text: str, limit: int = 10, with_snippets: bool = True) -> SearchResult:
        if self._ix is None:
            self.sync()
        cleaned, messages = Qm.repair(text)
        if not cleaned.strip():
            return SearchResult([], 0, messages, None, set())
        parser = Qm.make_parser(self._ix.schema)
        with self._searcher_lock:
            searcher = self._current_searcher()
            try:
                parsed = parser.parse(cleaned)
            except QueryParserError as exc:
                return SearchResult([], 0, messages + [f"cannot read the query: {exc}"], None, set())
            q = Qm.expand(parsed, searcher.reader(), messages)
            results = searcher.search(q, limit=limit)
            terms = Qm.hit_terms(q)
            hits = []
            for hit in results:
                snippet = _snippet(Path(hit["path"]), terms) if with_snippets else ""
                hits.append(Hit(hit["id"], hit["path"], hit["title_text"], hit["date"] or None,
                                round(hit.score, 4), snippet))
            suggestion = self._did_you_mean(searcher, cleaned) if not hits else None
            if results.has_exact_length() or results.scored_length() < limit:
                total = len(results) if results.has_exact_length() else results.scored_length()
            else:
                total = results.estimated_length()  # an upper bound; counting exactly costs a full pass
            return SearchResult(hits, total, messages, suggestion, terms)

    def _current_searcher(self):
        """One searcher kept open (opening the segments costs tens of milliseconds), refreshed
        when the index has changed since."""
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        else:
            fresh = self._searcher.refresh()
            if fresh is not self._searcher:
                self._searcher.close()
                self._searcher = fresh
        return self._searcher

    def _did_you_mean(self, searcher, cleaned: str) -> str | None:
        """For each plain word the index has never seen, the closest indexed word (same first
        letter, one or two edits away). The index holds stems, so the suggestion is a stem
        ("drift" for "drifitng"), which finds every form of the word."""
        corrector = searcher.corrector("body")
        analyzer = self._ix.schema["body"].analyzer
        changed, words = False, []
        for word in cleaned.split():
            bare = word.strip('"()+-').lower()
            stems = [t.text for t in analyzer(bare)]
            if re_word(bare) and stems and all(searcher.reader().doc_frequency("body", s) == 0 for s in stems):
                maxdist = 1 if len(bare) < 6 else 2
                suggestions = corrector.suggest(stems[0], limit=3, maxdist=maxdist, prefix=1)
                if suggestions:
                    words.append(self._surface(searcher, suggestions[0]))
                    changed = True
                    continue
            words.append(word)
        return " ".join(words) if changed else None

    def _surface(self, searcher, stem: str) -> str:
        """The word as articles write it, for a stem ("insider" for "insid")."""
        from whoosh.query import Term

        for hit in searcher.search(Term("body", stem), limit=3):
            try:
                found = _surface_form(Path(hit["path"]).read_text(encoding="utf-8", errors="replace"), stem)
            except OSError:
                continue
            if found:
                return found
        return stem


def _surface_form(text: str, stem: str) -> str | None:
    forms: dict[str, int] = {}
    for match in re.finditer(r"\b" + re.escape(stem) + r"\w*", text, re.IGNORECASE):
        word = match.group().lower()
        forms[word] = forms.get(word, 0) + 1
    return max(forms, key=lambda w: (forms[w], -len(w))) if forms else None


def _snippet(path: Path, terms: set[str], width: int = 220) -> str:
    """Up to two stretches of the article around words that start with a searched stem,
    hits as **word**. Reads the file as text; no parsing, no second analysis."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    text = " ".join(text.split())
    if text.startswith("date "):
        text = text[16:]
    stems = sorted((t for t in terms if t), key=len, reverse=True)
    if not stems:
        return text[:width] + ("…" if len(text) > width else "")
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in stems) + r")\w*", re.IGNORECASE)
    matches = list(pattern.finditer(text))
    if not matches:
        return text[:width] + ("…" if len(text) > width else "")
    fragments, covered = [], -1
    for match in matches:
        if match.start() < covered or len(fragments) == 2:
            continue
        lo = max(0, match.start() - width // 3)
        hi = min(len(text), lo + width // (1 if len(matches) == 1 else 2) + 40)
        lo = text.rfind(" ", 0, lo) + 1 if lo else 0
        hi_space = text.find(" ", hi)
        hi = len(text) if hi_space == -1 else hi_space
        fragments.append(pattern.sub(lambda m: f"**{m.group()}**", text[lo:hi]))
        covered = hi
    return " … ".join(fragments)


def re_word(word: str) -> bool:
    return word.isalpha() and len(word) > 2
