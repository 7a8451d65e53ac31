"""Applying a sync plan (sync_plan.py) to the index: reading the new and changed files (in
forked worker processes when there are many), telling duplicates, writing and committing the
index. Imported only by a sync that has something to write, so that a search of an unchanged
corpus loads none of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.corpus.files import Skipped
from reader.search import build
from reader.search.catalog_db import Row
from reader.search.commit import commit
from reader.search.schema import writer_codec
from reader.search.sync_plan import Job, Readers, SyncPlan

PARALLEL_MIN = 500  # a sync indexing at least this many articles uses worker processes
# ...or this many when it reads their people too (the analysis, ~10 ms an article, is worth a
# fork sooner: the people pass's last batch and a sync of a few hundred new articles).
PARALLEL_MIN_ANALYSED = 40
# The parent's own writer: the articles of a small sync, and the merges of small segments (the
# people pass makes two a batch). Past this it spills to disk: memory stays bounded (256 MB made
# the parent of a 20,000-article people pass 230 MB, beside its workers).
WRITER_MB = 64


def apply_plan(
    ix: Any,
    plan: SyncPlan,
    todo: list[Job],
    known: dict[str, Row],
    report: Any,
    progress: Callable[[int, int], None] | None,
    readers: Readers | None,
    few: bool = False,
) -> tuple[list[Row], list[tuple[int, int, str]]]:
    """Index `todo` and delete `plan.removed` (to which files found unreadable or duplicate are
    added); count what happened in `report`. Returns the catalog rows to write and the files
    whose times alone changed (size, ctime_ns, path). `few`: files indexed on their own (see
    commit.merge_tiny)."""
    removed, seen_paths = plan.removed, plan.seen
    total = len(todo)
    least = PARALLEL_MIN if readers is None or few else PARALLEL_MIN_ANALYSED
    workers = build.workers_available() if total >= least else 0
    segments: list[Any] = []
    if workers:
        if readers is not None and readers.warm is not None:
            readers.warm()
        outcomes, segments = build.index_in_workers(
            ix, todo, workers, readers, None if progress is None else lambda done: progress(done, total)
        )
        prepared = ((job, outcomes[str(job.path)]) for job in todo)
    else:
        prepared = ((job, build.prepare(job, readers)) for job in todo)
    # No writer (and no new generation of the index) when nothing changed.
    writer: Any = ix.writer(timeout=30.0, limitmb=WRITER_MB, codec=writer_codec()) if todo or removed else None
    batch: list[Row] = []
    touched = []
    # Content already indexed, for telling duplicates: not that of files being read again,
    # whose content may have changed (their new hash is added as each one is read).
    rereading = {str(job.path) for job in todo}
    hashes = {row.hash: row.path for row in known.values() if row.path in seen_paths and row.path not in rereading}
    try:
        for done, (job, outcome) in enumerate(prepared, 1):
            path, key, row = job.path, str(job.path), job.old
            if not workers and progress is not None and done % 250 == 0:
                progress(done, total)
            if isinstance(outcome, Skipped):
                report.skipped.append(outcome)
                if row is not None:
                    removed.append(key)
                continue
            if not isinstance(outcome, build.Prepared):  # build.TOUCHED: only the file's times changed
                touched.append((job.size, job.ctime_ns, key))
                report.touched += 1
                if row is not None:
                    hashes.setdefault(row.hash, key)
                continue
            twin = hashes.get(outcome.row.hash)
            if twin is not None and twin != key:
                report.skipped.append(Skipped(path, f"identical to {Path(twin).name}; shown once"))
                plan.duplicates[key] = (job.size, job.ctime_ns, twin)
                if row is not None:
                    removed.append(key)
                if outcome.where is not None:
                    worker, segment, docnum = outcome.where
                    segments[worker][segment].delete_document(docnum)
                continue
            hashes[outcome.row.hash] = key
            if outcome.where is not None:
                if row is not None:
                    writer.delete_by_term("path", key)  # the old copy; the new one is in a worker's segment
            elif row is None:
                writer.add_document(**(outcome.fields or {}))  # new: no need to look for an old copy
            else:
                writer.update_document(**(outcome.fields or {}))
            batch.append(outcome.row)
            if row is None:
                report.added += 1
            else:
                report.changed += 1
        if writer is not None:
            for key in set(removed):
                writer.delete_by_term("path", key)
            report.removed = len(set(removed))
            commit(writer, [segment for written in segments for segment in written], few)
            writer = None
    finally:
        if writer is not None:
            writer.cancel()
    return batch, touched
