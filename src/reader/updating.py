"""Adding what is new in every followed feed (`update`), as newsboat's reload does: the feeds
and then the pages their entries point to are fetched with several hosts at once but one
request at a time per host (`by_host`), a server that is busy or failing (429, 5xx, no answer)
asked again after a back-off, and each failure reported in one line. Each article is written
atomically, and what is already in the corpus is not fetched again, so an interrupted update
resumes where it stopped."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

from reader.adding import Adder, AddFailed, FromFeed
from reader.feeds import Entry, NotAFeed, read_feed
from reader.fetching import Fetched, FetchFailed

HOSTS_AT_ONCE = 8
ATTEMPTS = 3
MAX_WAIT = 10.0  # seconds: the longest back-off, whatever a Retry-After asks

_Job = TypeVar("_Job")
Progress = Callable[[int, int], None]


@dataclass
class UpdateReport:
    feeds: int = 0
    added: int = 0
    already: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (address, why)
    left_out: int = 0  # entries past a feed's first feeds.MAX_ENTRIES


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


def by_host(jobs: list[tuple[str, _Job]], work: Callable[[_Job], None]) -> None:
    """Each job done, one host's jobs one after another, up to HOSTS_AT_ONCE hosts at a time."""
    hosts: dict[str, list[_Job]] = {}
    for url, job in jobs:
        hosts.setdefault((urlsplit(url).hostname or "").lower(), []).append(job)

    def run_host(queue: list[_Job]) -> None:
        for job in queue:
            work(job)

    with ThreadPoolExecutor(max_workers=HOSTS_AT_ONCE) as pool:
        for future in [pool.submit(run_host, queue) for queue in hosts.values()]:
            future.result()


def update(adder: Adder, feeds: list[str], progress: Progress | None = None) -> UpdateReport:
    """Fetch every feed, then every new entry's page; add what is new."""
    report = UpdateReport(feeds=len(feeds))
    entries: list[tuple[str, tuple[Entry, str | None]]] = []
    done = [0]
    total = [len(feeds)]

    def tick() -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0], total[0])

    def read_one_feed(url: str) -> None:
        try:
            feed = read_feed(fetch_retrying(adder, url).body)
        except (AddFailed, NotAFeed) as exc:
            report.failed.append((url, str(exc)))
        else:
            report.left_out += feed.left_out
            entries.extend((e.link or url, (e, feed.title)) for e in feed.entries)
        tick()

    by_host([(url, url) for url in feeds], read_one_feed)
    fresh = [(link, item) for link, item in entries if item[0].content or adder.known(link) is None]
    report.already += len(entries) - len(fresh)
    total[0] += len(fresh)

    def add_one_entry(item: tuple[Entry, str | None]) -> None:
        entry, outlet = item
        try:
            if entry.content or not entry.link:
                added = adder.add_entry(entry, outlet)
            else:
                fetched = fetch_retrying(adder, entry.link)
                meta = {"url": entry.link, "final_url": fetched.final_url, "fetched": fetched.fetched_at}
                added = adder.add_page(fetched.body, meta)
        except AddFailed as exc:
            report.failed.append((entry.link or entry.title or "an entry", str(exc)))
        else:
            if added.already:
                report.already += 1
            else:
                report.added += 1
        tick()

    by_host(fresh, add_one_entry)
    return report


def added_from(result: FromFeed) -> tuple[int, int]:
    """(added, already there) of a feed added at once."""
    fresh = sum(1 for a in result.added if not a.already)
    return fresh, len(result.added) - fresh
