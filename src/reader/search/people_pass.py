"""The people pass: a sync that indexes more than PEOPLE_LIMIT articles leaves their people
(the `person` field, analysed from each article) for later, so a first sync of a large corpus
does not wait for every article's analysis; the catalog keeps those files as pending. This pass
reads them again, a batch at a time, with the analysis, and replaces their documents, so
`person:` ends up covering the whole corpus. Each batch is committed on its own: a pass that
is stopped keeps what it did. The caller holds the sync lock (SearchIndex.fill_people) and
may let it go between batches (`committed()`), to a writer waiting its turn."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.search.catalog_db import LISTING, CatalogDB
from reader.search.sync_plan import Job, Readers, SyncPlan

PEOPLE_BATCH = 500  # articles read and committed together (two workers: about ten seconds)


def fill(
    ix: Any,
    catalog: CatalogDB,
    folder: Path,
    readers: Readers,
    committed: Callable[[], bool],
    progress: Callable[[int, int], None] | None = None,
    stop: Callable[[], bool] | None = None,
    batch: int = PEOPLE_BATCH,
) -> tuple[int, int]:
    """Index the people of the pending files until none is left or `stop()` is true (asked
    between batches); returns (files done, files still pending). `committed()` is called after
    each batch's commit; it answers whether to go on (False: the sync lock was not
    taken back). A pending file that changed or went since the sync is left to the
    next sync, which reads it again anyway."""
    from reader.search.indexing import apply_plan
    from reader.search.results import SyncReport

    total = catalog.people_pending_count()
    done = 0
    if progress is not None:
        progress(0, total)
    while not (stop is not None and stop()):
        paths = catalog.people_pending(batch)
        if not paths:
            break
        rows = catalog.rows_for(paths)
        jobs = []
        for path in paths:
            row = rows.get(path)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            if row is not None and (stat.st_size, stat.st_ctime_ns) == (row.size, row.ctime_ns):
                jobs.append(Job(Path(path), row.id, row, row.size, row.ctime_ns, reread=True))
        plan = SyncPlan()
        if jobs:
            step = None if progress is None else (lambda n, _total, before=done: progress(before + n, total))
            written, _ = apply_plan(ix, plan, jobs, {}, SyncReport(), step, readers)
            catalog.put(written)
        catalog.remove(sorted(set(plan.removed)))  # unreadable now: gone from the index too
        catalog.people_indexed(paths)
        catalog.commit()
        if plan.removed:
            catalog.write_listing(folder / LISTING)
        done += len(paths)
        if progress is not None:
            progress(done, total)
        if not committed():
            break
    return done, catalog.people_pending_count()
