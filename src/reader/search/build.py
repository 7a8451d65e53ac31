"""Reading article files for the index, on one core or on all of them.

`prepare` turns one file into what the index and the catalog keep (or says why it is skipped,
or that only its times changed). `index_in_workers` runs it in worker processes,
each writing its own Whoosh segment, for a large sync: the files are read, parsed and indexed
on every core, and the parent only hands out paths and gathers catalog rows. Whoosh's own
parallel writer parses nothing: it pickles every finished document from the parent to its
workers, so the parent's parsing and pickling held a full build to ~280 articles/s on two cores.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.corpus.load import Skipped, load_file
from reader.search import whoosh_internals as internals
from reader.search.catalog_db import Row
from reader.search.dense import write_dense_of
from reader.search.pairs import EXT as PAIRS_EXT
from reader.search.pairs import MAX_DOCS, PairsWriter
from reader.search.schema import fold_accents, sequence_bytes, typed_bytes, writer_codec
from reader.search.sync_plan import INHERITED_FDS, Job, Readers

TOUCHED = "touched"  # the file's times changed (st_ctime), its content did not
CHUNK = 100  # paths handed to a worker at a time
POOL_MB = 128  # postings a worker holds in memory before writing them out as a segment


@dataclass
class Prepared:
    fields: dict[str, Any] | None  # None when a worker has already indexed it
    row: Row
    where: tuple[int, int, int] | None = None  # (worker, its segment, document number there)


Outcome = Skipped | str | Prepared


def prepare(job: Job, readers: Readers | None) -> Outcome:
    path = job.path
    article = load_file(path, job.id)
    if isinstance(article, Skipped):
        return article
    if not job.reread and job.old is not None and job.old.hash == article.content_hash and job.old.id == article.id:
        return TOUCHED
    names = readers.people(article) if readers is not None else []
    measures = readers.measures(article) if readers is not None and readers.measures is not None else None
    title = fold_accents(article.title)
    body = fold_accents("\n".join(b.text for b in article.blocks if b.kind != "boilerplate"))
    fields = dict(
        path=str(path),
        id=article.id,
        title=title,
        title_text=article.title,
        date=article.date or "",
        title_seq=sequence_bytes(title),
        body_seq=sequence_bytes(body),
        body_typed=typed_bytes(body),  # after body_seq: its words are at hand
        title_typed=typed_bytes(title),
        body=body,
        person=fold_accents(",".join(sorted(set(names)))),
        site=fold_accents(article.outlet or ""),
        author=fold_accents(",".join(a.strip() for a in (article.author or "").split(",") if a.strip())),
        words=article.word_count,
    )
    row = Row(
        str(path),
        article.id,
        job.size,
        job.ctime_ns,
        article.content_hash,
        article.title,
        article.title_derived,
        article.date,
        article.word_count,
        bool(article.problems),
        article.outlet,
        measures,
    )
    return Prepared(fields, row)


def chunk_size(total: int, workers: int) -> int:
    """Paths handed to a worker at a time: CHUNK, or fewer so that each worker takes about ten
    chunks, and the workers end together (a people-pass batch of 500 in chunks of 100 gave one
    worker 300 articles and the other 200: a fifth of the batch with one core idle)."""
    return max(1, min(CHUNK, total // (10 * max(1, workers))))


def workers_available() -> int:
    """How many worker processes a large sync uses (0: index in this process)."""
    import multiprocessing  # here: a search on an unchanged corpus never needs it

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return count if count > 1 else 0


class WorkerDied(RuntimeError):
    """A worker process ended before its work was done (killed, out of memory)."""


def index_in_workers(
    ix: Any,
    todo: list[Job],
    workers: int,
    readers: Readers | None,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, Outcome], list[Any]]:
    """Index `todo` in `workers` forked processes. Returns the
    outcome of every path and the segments each worker wrote, for the caller to commit under
    its lock."""
    import multiprocessing
    import queue

    context = multiprocessing.get_context("fork")
    jobs = context.Queue()
    results = context.Queue()
    parent = os.getpid()
    procs = [
        context.Process(target=_work, args=(ix, n, jobs, results, readers, parent), daemon=True) for n in range(workers)
    ]
    outcomes: dict[str, Outcome] = {}
    segments: list[list[Any]] = [[] for _ in range(workers)]
    finished, done, completed = 0, 0, False
    try:  # from the first job queued: a Ctrl+C held back until the forks are done is raised in here
        size = chunk_size(len(todo), workers)
        for start in range(0, len(todo), size):
            jobs.put(todo[start : start + size])
        for _ in range(workers):
            jobs.put(None)
        with _sigint_deferred():
            for proc in procs:
                proc.start()
        while finished < workers:
            try:
                kind, worker, payload = results.get(timeout=1.0)
            except queue.Empty:
                dead = [p for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    raise WorkerDied(f"an indexing worker process ended (exit code {dead[0].exitcode})") from None
                continue
            if kind == "chunk":
                outcomes.update(payload)
                done += len(payload)
                if progress is not None:
                    progress(done)
            elif kind == "done":
                segments[worker] = payload
                finished += 1
            else:
                raise RuntimeError(f"an indexing worker failed: {payload}")
        completed = True
    finally:
        # On an error, jobs no worker took are still queued: without this, exiting would wait
        # for ever to hand them over (a Ctrl+C raised as the forks ended, outside this block,
        # left `index` hanging at exit, its queue's thread writing to a pipe no one reads).
        jobs.cancel_join_thread()
        for proc in procs:
            if proc.pid is None:  # never started
                continue
            if not completed:  # an error or Ctrl+C: the workers' work is thrown away
                proc.kill()
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
        jobs.close()
        results.close()
    return outcomes, segments


@contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Ctrl+C held back while workers are forked: a handler only notes it (the workers are born
    with it and ignore Ctrl+C first thing); the parent acts on one typed meanwhile as soon as the
    forks are done. Not by blocking the signal in this thread: the kernel then hands it to
    another thread (a queue's feeder), and under load it was lost, the index built to the end
    (rc 0). Off the main thread, where handlers cannot be set, the signal is blocked instead."""
    if threading.current_thread() is not threading.main_thread():
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            if hasattr(signal, "pthread_sigmask"):
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        return
    typed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: typed.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if typed and callable(previous):
            previous(signal.SIGINT, None)  # Python's own: KeyboardInterrupt
        elif typed and previous == signal.SIG_DFL:
            os.kill(os.getpid(), signal.SIGINT)


def die_with_parent(parent: int) -> None:
    """In a forked worker: end when the parent ends, however it ends (kill -9 included), so no
    worker outlives it holding the index's sync lock; Ctrl+C is for the parent to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # also drops one typed while it was blocked
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for fd in INHERITED_FDS:
        try:
            os.close(fd)  # the parent's sync lock: a worker never holds it
        except OSError:
            pass
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG (Linux); elsewhere the poll below
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _next_job(jobs: Any, parent: int) -> Any:
    """The next job; a worker whose parent has gone exits (where PR_SET_PDEATHSIG is not had)."""
    import queue

    while True:
        try:
            return jobs.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:
                os._exit(1)


def _work(ix: Any, worker: int, jobs: Any, results: Any, readers: Readers | None, parent: int) -> None:
    die_with_parent(parent)

    def new_writer() -> tuple[Any, PairsWriter]:
        return internals.pooled_writer(ix, POOL_MB, writer_codec()), PairsWriter()

    def finish(writer: Any, pairs: PairsWriter) -> None:
        terms = internals.pooled_terms(writer)  # before finishing, which lets them go
        segment = internals.finish_pooled(writer)
        # Written after the segment is assembled, or they would be packed into the segment.
        folder = Path(ix.storage.folder)
        pairs.write(folder / segment.make_filename(PAIRS_EXT), writer.docnum)
        write_dense_of(folder, segment, terms, writer.docnum)
        segments.append(segment)

    segments: list[Any] = []
    writer, pairs = new_writer()
    try:
        while (job := _next_job(jobs, parent)) is not None:
            out = {}
            for task in job:
                outcome = prepare(task, readers)
                if isinstance(outcome, Prepared) and outcome.fields is not None:
                    fields = outcome.fields
                    pairs.add(  # first: the body's words, read by prepare(), are at hand
                        writer.docnum,
                        {"body": fields["body_seq"], "title": fields["title_seq"]},
                        {"body": fields["body"], "title": fields["title"]},
                    )
                    internals.pooled_add(writer, fields)
                    outcome = Prepared(None, outcome.row, (worker, len(segments), writer.docnum - 1))
                out[str(task.path)] = outcome
            results.put(("chunk", worker, out))
            if writer.pool.currentsize > 0.8 * writer.pool.limit or writer.docnum > MAX_DOCS - CHUNK:
                # A full pool would be sorted and spilled to disk, then merged back: twice the
                # work. A segment per pool-full instead (Whoosh's merge policy leaves big ones be).
                finish(writer, pairs)
                writer, pairs = new_writer()
        # Not cancel() or commit(): they end by deleting the temporary folder that every
        # writer of this index shares, which the other workers may still be using.
        if writer.docnum:
            finish(writer, pairs)
        else:
            internals.close_segment(writer)
        results.put(("done", worker, segments))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which rebuilds or fails
        results.put(("error", worker, f"{type(exc).__name__}: {exc}"))
        raise
