"""What a sync has to do: each corpus file compared with the catalog (size, status-change time,
id) and with the duplicates remembered from the last sync. No Whoosh here.

The time compared is `st_ctime_ns`, not the modification time: every write and every `utime`
sets it to now, and nothing can set it back, so an edit that keeps the size and puts the
modification time back (`touch -r`, an editor preserving times, a restore) is still seen; a
`chmod` or a copy with its times kept costs one reread that finds the text unchanged.

A file identical to an indexed one is shown once; the catalog remembers it with its size and
time, so while neither it nor its twin changes, the next sync skips it without reading it."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from reader.corpus.files import Skipped
from reader.corpus.model import Article
from reader.search.catalog_db import Row

INHERITED_FDS: set[int] = set()  # the sync lock's descriptor, which a forked indexing worker closes


class Readers(NamedTuple):
    """What a sync reads from each article besides its text, from the analysis: its people
    (the `person` field) and, when given, its sourcing measures (kept in the catalog, for the
    list to sort and filter a large corpus by)."""

    people: Callable[[Article], list[str]]
    measures: Callable[[Article], dict[str, float]] | None = None
    # Called before worker processes are forked: what every worker would load for itself
    # (the analysis's modules and word lists) loaded once, and shared by the fork.
    warm: Callable[[], None] | None = None


class Job(NamedTuple):
    """A file to index, as the sync found it (its size and status-change time go to the
    catalog, so the next sync can tell it has not changed)."""

    path: Path
    id: str
    old: Row | None  # its catalog row from the last sync
    size: int
    ctime_ns: int
    reread: bool = False  # read and indexed again even if its content is unchanged (its people)


Duplicates = dict[str, tuple[int, int, str]]  # path -> (size, ctime_ns, the indexed twin's path)


@dataclass
class SyncPlan:
    todo: list[Job] = field(default_factory=list)  # files to read: new, changed, or unsure
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)  # unreadable, or a remembered duplicate
    removed: list[str] = field(default_factory=list)  # catalogued files no longer there
    seen: set[str] = field(default_factory=set)  # every file of the corpus
    duplicates: Duplicates = field(default_factory=dict)  # remembered ones still valid; a sync adds new ones


def plan_sync(
    files: list[str], ids: dict[str, str], known: dict[str, tuple[int, int, str]], remembered: Duplicates
) -> SyncPlan:
    """`known`: the catalog's (size, ctime_ns, id) by path. The jobs' `old` rows are left
    None; the engine fills them in for the files to read (most syncs have none)."""
    plan = SyncPlan(seen=set(files))
    unchanged: set[str] = set()
    waiting: list[tuple[Job, tuple[int, int, str]]] = []
    for key in files:
        try:
            stat = os.stat(key)
        except OSError as exc:
            plan.skipped.append(Skipped(Path(key), f"unreadable: {exc.strerror or exc}"))
            continue
        stamp = known.get(key)
        if stamp == (stat.st_size, stat.st_ctime_ns, ids[key]):
            unchanged.add(key)
            continue
        job = Job(Path(key), ids[key], None, stat.st_size, stat.st_ctime_ns)
        duplicate = remembered.get(key)
        if stamp is None and duplicate is not None and duplicate[:2] == (stat.st_size, stat.st_ctime_ns):
            waiting.append((job, duplicate))  # still a duplicate if its twin has not changed either
        else:
            plan.todo.append(job)
    for job, duplicate in waiting:
        if duplicate[2] in unchanged:
            plan.skipped.append(Skipped(job.path, f"identical to {Path(duplicate[2]).name}; shown once"))
            plan.duplicates[str(job.path)] = duplicate
        else:
            plan.todo.append(job)
    plan.unchanged = len(unchanged)
    plan.removed = [p for p in known if p not in plan.seen]
    return plan
