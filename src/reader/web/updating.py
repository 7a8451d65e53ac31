"""Adding what is new in every followed feed (`update`), as newsboat's reload does: the feeds
and then the pages their entries point to are fetched with several hosts at once but one
request at a time per host (`by_host`), a server that is busy or failing (429, 5xx, no answer)
asked again after a back-off, and each failure reported in one line. Each article is written
atomically, and what is already in the corpus is not fetched again, so an interrupted update
resumes where it stopped."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from reader.web.adding import Adder, AddFailed
from reader.web.feeds import Entry, NotAFeed, read_feed
from reader.web.fetching import Fetched, FetchFailed

HOSTS_AT_ONCE = 8
ATTEMPTS = 3
MAX_WAIT = 10.0  # seconds: the longest back-off, whatever a Retry-After asks

_Job = TypeVar("_Job")
Progress = Callable[[int, int], None]


def _never() -> bool:
    return False


@dataclass
class UpdateReport:
    feeds: int = 0
    added: int = 0
    already: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    left_out: int = 0  # entries past a feed's first feeds.MAX_ENTRIES
    written: list[Path] = field(default_factory=list)  # the articles' files, as added


def fetch_retrying(adder: Adder, url: str, sleep: Callable[[float], None] = time.sleep) -> Fetched:
    """`adder.fetch`, asked again after 0.5, 1 s (or the server's Retry-After, up to MAX_WAIT)
    when the server is busy or failing for now."""
    for attempt in range(ATTEMPTS):
        try:
            return adder.fetch(url)
        except AddFailed as exc:
            cause = exc.__cause__
            if not isinstance(cause, FetchFailed) or not cause.worth_retrying or attempt == ATTEMPTS - 1:
                raise
            wait = cause.retry_after if cause.retry_after is not None else 0.5 * 2**attempt
            sleep(min(MAX_WAIT, wait))
    raise AssertionError("unreachable")


def by_host(jobs: list[tuple[str, _Job]], work: Callable[[_Job], None], stop: Callable[[], bool] = _never) -> None:
    """Each job done, one host's jobs one after another, up to HOSTS_AT_ONCE hosts at a time;
    once `stop()` is true, or the waiting is interrupted (Ctrl+C), no job starts (those under way
    end within their timeouts)."""
    hosts: dict[str, list[_Job]] = {}
    for url, job in jobs:
        hosts.setdefault((urlsplit(url).hostname or "").lower(), []).append(job)

    halt = threading.Event()  # Ctrl+C in the waiting thread: no job starts after it either

    def run_host(queue: list[_Job]) -> None:
        for job in queue:
            if halt.is_set() or stop():
                return
            work(job)

    with ThreadPoolExecutor(max_workers=HOSTS_AT_ONCE) as pool:
        futures = [pool.submit(run_host, queue) for queue in hosts.values()]
        try:
            for future in futures:
                future.result()
        except BaseException:
            halt.set()
            raise


def update(
    adder: Adder, feeds: list[str], progress: Progress | None = None, stop: Callable[[], bool] = _never
) -> UpdateReport:
    """Fetch every feed, then every new entry's page; add what is new. The jobs run in several
    threads: the report and the count done change under one lock."""
    report = UpdateReport(feeds=len(feeds))
    entries: list[tuple[str, tuple[Entry, str | None]]] = []
    lock = threading.Lock()
    done, total = 0, len(feeds)

    def tick() -> None:
        nonlocal done
        with lock:
            done += 1
            now = done
        if progress is not None:
            progress(now, total)

    def read_one_feed(url: str) -> None:
        try:
            feed = read_feed(fetch_retrying(adder, url).body)
        except (AddFailed, NotAFeed) as exc:
            with lock:
                report.failed.append((url, str(exc)))
        else:
            with lock:
                report.left_out += feed.left_out
                entries.extend((e.link or url, (e, feed.title)) for e in feed.entries)
        tick()

    by_host([(url, url) for url in feeds], read_one_feed, stop)
    fresh = [(link, item) for link, item in entries if item[0].content or adder.known(link) is None]
    report.already += len(entries) - len(fresh)
    total += len(fresh)

    def add_one_entry(item: tuple[Entry, str | None]) -> None:
        entry, outlet = item
        try:
            added = adder.add_entry(entry, outlet, fetch=lambda url: fetch_retrying(adder, url))
        except AddFailed as exc:
            with lock:
                report.failed.append((entry.link or entry.title or "an entry", str(exc)))
        else:
            with lock:
                if added.already:
                    report.already += 1
                else:
                    report.added += 1
                    report.written.append(added.path)
        tick()

    by_host(fresh, add_one_entry, stop)
    return report
