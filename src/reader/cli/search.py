"""`baldreader search` and `baldreader index` (no UI here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.search import SearchIndex

import argparse
import os
import sys
from pathlib import Path

from reader.helpers.textsafe import json_line, one_line
from reader.helpers.wording import count
from reader.indexed import open_index
from reader.search.integrity import IndexDamaged

SAY_INDEXING = 200  # a search that must first index this many articles says so


def add_parsers(sub: Any, common: Any) -> None:
    search = sub.add_parser("search", help="search the corpus (see the README for the query language)")
    search.add_argument("query", nargs="+", help="the query; quote it in the shell")
    search.add_argument("--json", action="store_true", help="one JSON object per hit (JSON Lines)")
    search.add_argument("--limit", type=int, default=10, metavar="N", help="at most N hits (default 10)")
    common(search)
    indexer = sub.add_parser("index", help="build or update the search index of the corpus")
    indexer.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="index these article files alone (written, changed or removed), not the whole corpus",
    )
    indexer.add_argument("--rebuild", action="store_true", help="build it again from scratch")
    indexer.add_argument(
        "--progress-json", action="store_true", help="report progress and the result as JSON Lines (used by the app)"
    )
    indexer.add_argument("--verbose", action="store_true", help="list every duplicate file, not only their count")
    indexer.add_argument(
        "--wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="when another baldreader is indexing this corpus, wait this long for it (default 60)",
    )
    people = indexer.add_mutually_exclusive_group()
    people.add_argument(
        "--people",
        action="store_true",
        help="only read the people of articles a large sync left without them (the people pass)",
    )
    people.add_argument(
        "--no-people", action="store_true", help="sync only: leave the people pass for later (or to the app)"
    )
    common(indexer)


def progress_bar(label: str) -> Any:
    """A progress bar on stderr (a terminal only). No refresh thread (auto_refresh=False): a
    large sync forks worker processes, and forking while another thread holds a lock is unsafe
    (Python 3.12 warns of it)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        auto_refresh=False,
        disable=not sys.stderr.isatty(),
    )


def run_index(args: argparse.Namespace, corpus: Path, home: Path) -> int:
    return _unless_unwritable(_run_index, args, corpus, home)


def run_search(args: argparse.Namespace, corpus: Path, home: Path) -> int:
    return _unless_unwritable(_run_search, args, corpus, home)


def _unless_unwritable(command: Callable[[argparse.Namespace, Path, Path], int], *args: Any) -> int:
    """The command, or one line saying why the index could not be written (rc 1)."""
    from reader.search.results import IndexUnwritable

    try:
        return command(*args)
    except IndexUnwritable as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 1


def _opened(corpus: Path, home: Path) -> SearchIndex | None:
    """The corpus's index, or None (said) when there is no corpus there."""
    if not corpus.exists():
        print(f"baldreader: corpus not found: {one_line(str(corpus))}", file=sys.stderr)
        return None
    return open_index(corpus, home)


def _run_index(args: argparse.Namespace, corpus: Path, home: Path) -> int:
    if (ix := _opened(corpus, home)) is None:
        return 2
    if args.progress_json:
        return _people_json(ix) if args.people else _index_json(ix, args.rebuild)
    if args.people:
        _people_pass(ix)
        ix.close()
        return 0
    if args.files and not args.rebuild and ix.open_existing():
        return _index_files(ix, args.files, args.wait)
    _say_elsewhere(ix)
    with progress_bar("indexing") as bar:
        task = bar.add_task("index", total=None)
        report = _sync_when_free(
            ix,
            lambda done, total: bar.update(task, completed=done, total=total, refresh=True),
            args.rebuild,
            args.wait,
        )
    if report.busy:
        print(
            f"baldreader: another baldreader is still indexing this corpus after {args.wait:g} s; "
            f"not {'rebuilt' if args.rebuild else 'synced'} (try again, or --wait longer)",
            file=sys.stderr,
        )
        ix.close()
        return 1
    _say_repairs(ix)
    if report.rebuilt_because:
        print(f"built a new index: {one_line(report.rebuilt_because)}", file=sys.stderr)
    from reader.corpus.files import other_files

    duplicates = [s for s in report.skipped if s.reason.startswith("identical to ")]
    for skipped in report.skipped + other_files(corpus):  # every file not read, with why
        if skipped not in duplicates or args.verbose:
            print(f"skipped {one_line(str(skipped.path))}: {one_line(skipped.reason)}", file=sys.stderr)
    if duplicates and not args.verbose:
        print(f"{count(len(duplicates), 'duplicate file')} shown once (--verbose lists them)", file=sys.stderr)
    print(
        f"{ix.doc_count()} articles indexed: {report.added} added, {report.changed} changed, "
        f"{report.removed} removed, {report.touched} touched, {report.unchanged} unchanged "
        f"in {report.seconds:.2f} s ({ix.folder})"
    )
    if not report.busy and not args.no_people:
        _people_pass(ix)
    ix.close()
    return 0


def _sync_when_free(ix: SearchIndex, progress: Any, rebuild: bool, wait: float) -> Any:
    """A sync, once no other baldreader holds the corpus's sync lock, asked again for up to
    `wait` seconds (an `index` is a writer: it waits its turn, but not for ever behind a
    stopped one); the last report is busy if it never came."""
    import time

    deadline = time.monotonic() + wait
    said = False
    while True:
        report = ix.sync(progress=progress, rebuild=rebuild)
        if not report.busy or time.monotonic() >= deadline:
            return report
        if not said:
            said = True
            print("waiting for another baldreader that is indexing this corpus…", file=sys.stderr)
        time.sleep(0.25)


def _say_elsewhere(ix: SearchIndex) -> None:
    if ix.elsewhere:
        where = one_line(str(ix.folder))
        print(
            f"note: the user data folder cannot be written ({one_line(ix.elsewhere)}); the index is in {where}",
            file=sys.stderr,
        )


def _say_repairs(ix: SearchIndex) -> None:
    for repair in ix.repairs:
        print(f"note: {one_line(repair)}", file=sys.stderr)


def _people_pass(ix: SearchIndex) -> None:
    """The people of the articles a large sync indexed without them (see people_pass.py),
    with a progress bar; Ctrl+C keeps the batches done."""
    if not ix.open_existing() or not ix.people_pending():
        return
    with progress_bar("reading people") as bar:
        task = bar.add_task("people", total=None)
        result = ix.fill_people(lambda done, total: bar.update(task, completed=done, total=total, refresh=True))
    if result is None:
        print("another baldreader is indexing this corpus; people not read", file=sys.stderr)
    else:
        print(f"people read for {result[0]} articles; {result[1]} left")


def _people_json(ix: SearchIndex) -> int:
    """The app's people pass in a child: progress as JSON Lines; SIGTERM stops it after the
    batch in hand (what is committed is kept)."""
    import os
    import signal
    import threading

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        os.nice(10)  # a long pass in the background: the reader's screen comes first
    except OSError:
        pass
    say = _say_json()
    result = ix.fill_people(lambda done, total: say({"progress": [done, total]}), stop=stopping.is_set)
    say({"people": None if result is None else {"done": result[0], "left": result[1]}})
    ix.close()
    return 0


def _say_json() -> Callable[[dict[str, Any]], None]:
    """Print one JSON line a message while the reading end listens (the app may have quit;
    the work is still worth finishing)."""
    listening = True

    def say(message: dict[str, Any]) -> None:
        nonlocal listening
        if listening:
            try:
                print(json_line(message), flush=True)
            except OSError:
                listening = False
                sys.stdout = None  # nothing to flush into a closed pipe at exit

    return say


def _index_files(ix: SearchIndex, files: list[Path], wait: float) -> int:
    """`index FILE …`: those files alone, as `add` indexes what it wrote (0.06 s at 100,000
    articles, against 2.5 s for a sync); a sync when they cannot be indexed alone."""
    root = ix.corpus.resolve()
    outside = [f for f in files if not f.resolve().is_relative_to(root) or f.resolve() == root]
    for path in outside:
        print(f"baldreader: not in the corpus: {one_line(str(path))} (`baldreader add` copies it in)", file=sys.stderr)
    if outside:
        ix.close()
        return 2
    for path in files:
        if not os.path.lexists(path):  # a removal, or a name mistyped: said, not silently nothing
            print(f"note: no file {one_line(str(path))}: out of the index, if it was in it", file=sys.stderr)
    waiting = "waiting for another baldreader that is indexing this corpus…"
    report = ix.index_files(files, wait=wait, waiting=lambda: print(waiting, file=sys.stderr))
    if report is None:  # a copy, an id shared, not an article's name; or another still indexing
        print("note: these files are indexed with the whole corpus (a sync)", file=sys.stderr)
        report = _sync_when_free(ix, None, False, wait)
    ix.close()
    if report.busy:
        print(f"baldreader: another baldreader is still indexing this corpus after {wait:g} s", file=sys.stderr)
        return 1
    for skipped in report.skipped:
        print(f"skipped {one_line(str(skipped.path))}: {one_line(skipped.reason)}", file=sys.stderr)
    print(
        f"{report.added} added, {report.changed} changed, {report.removed} removed, {report.unchanged} unchanged "
        f"in {report.seconds:.2f} s"
    )
    return 0


def _index_json(ix: SearchIndex, rebuild: bool) -> int:
    say = _say_json()
    report = ix.sync(progress=lambda done, total: say({"progress": [done, total]}), rebuild=rebuild)
    say(
        {
            "report": {
                "added": report.added,
                "changed": report.changed,
                "removed": report.removed,
                "touched": report.touched,
                "unchanged": report.unchanged,
                "busy": report.busy,
                "rebuilt_because": report.rebuilt_because,
                "seconds": report.seconds,
                "skipped": [[str(s.path), s.reason] for s in report.skipped],
            }
        }
    )
    ix.close()
    return 0


def _run_search(args: argparse.Namespace, corpus: Path, home: Path) -> int:
    if (ix := _opened(corpus, home)) is None:
        return 2
    _say_elsewhere(ix)
    said = False

    def progress(done: int, total: int) -> None:
        """A rebuild before the search (after a killed one, or a first search of a large
        corpus) can take a minute: said, with a bar on a terminal, never a silent wait."""
        nonlocal said
        if not said and total >= SAY_INDEXING:
            said = True
            print(f"note: indexing {total:,} articles before searching…", file=sys.stderr)
        bar.update(task, completed=done, total=total, refresh=True)

    with progress_bar("indexing") as bar:
        task = bar.add_task("index", total=None)
        report = ix.sync(progress=progress)  # never waits: another baldreader syncing leaves us what is indexed
    _say_repairs(ix)
    if report.rebuilt_because and report.rebuilt_because != "no index yet":
        print(f"built a new index: {one_line(report.rebuilt_because)}", file=sys.stderr)
    if report.busy:
        if not ix.doc_count():
            print(
                "baldreader: another baldreader is building this corpus's search index; nothing to search yet "
                "(try again when it has finished)",
                file=sys.stderr,
            )
            ix.close()
            return 1
        print("note: another baldreader is indexing this corpus; searched what is indexed", file=sys.stderr)
    try:
        result = ix.search(" ".join(args.query), limit=max(1, args.limit))
    except IndexDamaged as exc:
        print(f"the search index is damaged ({one_line(str(exc))}); rebuilding it", file=sys.stderr)
        ix.close()
        ix.sync(rebuild=True)
        result = ix.search(" ".join(args.query), limit=max(1, args.limit))
    ix.close()
    for message in result.messages:
        print(f"note: {one_line(message)}", file=sys.stderr)
    if result.suggestion:
        print(f"no hits; did you mean: {one_line(result.suggestion)}", file=sys.stderr)
    for hit in result.hits:
        if args.json:
            print(
                json_line(
                    {
                        "id": hit.id,
                        "path": hit.path,
                        "title": hit.title,
                        "date": hit.date,
                        "score": hit.score,
                        "snippet": hit.snippet,
                        "engine": result.engine,
                    }
                )
            )
        else:
            print(f"{hit.score:7.2f}  {hit.date or 'undated':10}  {one_line(hit.id)}  {one_line(hit.title)}")
            print(f"         {one_line(hit.snippet)}")
    if not args.json:
        hits = count(result.total, "hit")
        print(hits if result.exact else f"about {hits}", file=sys.stderr)
    return 0
