"""Reading many new saved pages on every core: a corpus folder of pages never read before is
extracted in worker processes a chunk ahead of the reading loop (`PagesAhead`), each page put in
the page caches, so that the loop then finds it read. The extractor is pure Python and holds the
interpreter: on 2 cores two workers read nearly twice the pages a second.

The workers come from a fork server (a clean process started once, trafilatura imported there
once), never forked from the app's own process, whose other threads may hold locks. A pool is
started only when enough new pages wait to pay for its start; a broken pool (a worker killed)
leaves the rest to the reading loop, which reads pages itself."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.corpus import pages
from reader.corpus.files import MAX_FILE_BYTES
from reader.helpers.safefile import read_regular

CHUNK = 32  # pages extracted ahead at a time (about a second and a half on 2 cores)
WORTH_A_POOL = 12  # new pages in a chunk from which starting the workers (about a second) pays


class Stopped(Exception):
    """The reader asked to stop while pages were extracted ahead."""


def worker_count() -> int:
    """Worker processes for extraction: one a core, none on one core, without a fork server, or
    when the program's main module could not be loaded again in a worker (as multiprocessing
    does: a program read from standard input)."""
    if "forkserver" not in multiprocessing.get_all_start_methods() or not _main_reloadable():
        return 0
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return count if count > 1 else 0


def _main_reloadable() -> bool:
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True  # `python -m …`: loaded again by its name
    path = getattr(main, "__file__", None)
    return path is None or os.path.isfile(path)


def _extract(raw: bytes) -> pages.Page | str:
    return pages.extract(raw)


class PagesAhead:
    """Extracts the pages among the next files before the reading loop reaches them."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False

    def prepare(self, paths: Sequence[Path], stop: Callable[[], bool] | None = None) -> int:
        """Extract the new pages among `paths` in the workers; how many were. Raises Stopped
        when `stop()` comes true meanwhile (what is not done yet is cancelled)."""
        if self._broken or self.workers < 2:
            return 0
        raws = []
        for path in paths:
            if path.suffix.lower() not in pages.PAGE_SUFFIXES:
                continue
            try:
                raw = read_regular(path, MAX_FILE_BYTES)
            except OSError:
                continue  # the reading loop says why
            if not pages.is_known(raw):
                raws.append(raw)
        if not raws or (self._pool is None and len(raws) < WORTH_A_POOL):
            return 0
        futures: list[Future[pages.Page | str]] = []
        try:
            pool = self._pool or self._start()
            futures = [pool.submit(_extract, raw) for raw in raws]
            for raw, future in zip(raws, futures, strict=True):
                while True:
                    if stop is not None and stop():
                        raise Stopped
                    try:
                        found = future.result(timeout=0.1)
                        break
                    except TimeoutError:
                        continue
                pages.remember(raw, found)
        except (BrokenProcessPool, OSError, RuntimeError):
            self._broken = True  # the reading loop reads the rest itself
            self.close()
        finally:
            for future in futures:
                future.cancel()
        return len(raws)

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["reader.corpus.pages", "trafilatura"])
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
