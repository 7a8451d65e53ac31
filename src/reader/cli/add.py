"""`baldreader add SOURCE …`, `follow FEED …` and `update` from the shell: pages and feeds added
to the corpus (the user's own by default), one line each, a summary; status 1 if any failed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.helpers.textsafe import one_line

if TYPE_CHECKING:
    from reader.web.adding import Adder


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    adding = sub.add_parser("add", help="add web pages or feeds (addresses or saved files) to your corpus")
    common(adding)
    adding.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="a web address (http, https), a saved page or feed"
    )
    adding.add_argument("--timeout", type=float, default=None, help="seconds to wait on a server (default 15)")
    follow = sub.add_parser("follow", help="follow feeds (RSS, Atom); with none, list the feeds followed")
    common(follow)
    follow.add_argument("feeds", nargs="*", metavar="FEED", help="a feed's web address")
    updating = sub.add_parser("update", help="add what is new in every followed feed")
    common(updating)
    updating.add_argument("--timeout", type=float, default=None, help="seconds to wait on a server (default 15)")


def run(args: argparse.Namespace, corpus: Path, home: Path) -> int:
    from reader.web.adding import Adder, AddFailed

    if args.command == "follow":
        return _follow(args, home)
    try:
        adder = Adder(corpus, args.timeout)
    except AddFailed as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 2
    written: list[Path] = []
    try:
        if args.command == "update":
            return _update(adder, home, written)
        return _add(adder, args.sources, corpus, written)
    finally:
        adder.close()
        if written:  # searchable at once where the corpus has an index; else its next sync
            _index(corpus, home, written)


def _index(corpus: Path, home: Path, written: list[Path]) -> None:
    from reader.indexed import index_new_files
    from reader.search.catalog_db import index_folder

    def waiting() -> None:
        print("waiting for another baldreader's indexing of this corpus (a batch at most) …", file=sys.stderr)

    indexed = index_new_files(corpus, home, written, waiting=waiting)
    if indexed is None and index_folder(corpus.resolve(), home).exists():
        print("note: not searchable yet; the next `baldreader index` or launch of the app indexes it")


def _add(adder: Adder, sources: list[str], corpus: Path, written: list[Path]) -> int:
    from reader.web.adding import Added, AddFailed

    added = already = failed = 0
    for source in sources:
        try:
            result = adder.add(source)
        except AddFailed as exc:
            failed += 1
            print(f"failed {one_line(source)}: {one_line(str(exc))}", file=sys.stderr)
            continue
        if isinstance(result, Added):
            items, problems = [result], []
        else:
            items, problems = result.added, result.failed
            print(f"feed {one_line(result.title or source)}: {len(items)} entries read" + _left_out(result.left_out))
        for item in items:
            if item.already:
                already += 1
                print(f"already in the corpus: {one_line(item.path.name)}")
            else:
                added += 1
                written.append(item.path)
                print(f"added {one_line(item.path.name)}: {one_line(item.title)}")
                for warning in item.warnings:
                    print(f"warning {one_line(source)}: {one_line(warning)}", file=sys.stderr)
        for where, why in problems:
            failed += 1
            print(f"failed {one_line(where)}: {one_line(why)}", file=sys.stderr)
    print(f"{added} added, {already} already in the corpus, {failed} failed; corpus: {one_line(str(corpus))}")
    return 1 if failed else 0


def _left_out(count: int) -> str:
    return f" ({count} older entries past the first 1,000 left out)" if count else ""


def _follow(args: argparse.Namespace, home: Path) -> int:
    from reader.web.adding import is_address
    from reader.web.feeds import Subscriptions

    subscriptions = Subscriptions(home)
    try:
        if not args.feeds:
            for url in subscriptions.feeds():
                print(one_line(url))
            return 0
        bad = [f for f in args.feeds if not is_address(f)]
        for feed in bad:
            print(f"failed {one_line(feed)}: a feed is followed by its web address", file=sys.stderr)
        new = subscriptions.follow([f for f in args.feeds if is_address(f)])
    except ValueError as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 2
    for url in new:
        print(f"following {one_line(url)}")
    print(f"{len(new)} feeds added, {len(subscriptions.feeds())} followed; `baldreader update` adds their articles")
    return 1 if bad else 0


def _update(adder: Adder, home: Path, written: list[Path]) -> int:
    from reader.cli.search import progress_bar
    from reader.web.feeds import Subscriptions
    from reader.web.updating import update

    try:
        feeds = Subscriptions(home).feeds()
    except ValueError as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 2
    if not feeds:
        print("no feeds followed: `baldreader follow FEED` first", file=sys.stderr)
        return 1
    with progress_bar("updating") as bar:
        task = bar.add_task("feeds", total=None)
        report = update(adder, feeds, lambda done, total: bar.update(task, completed=done, total=total, refresh=True))
    written += report.written
    for where, why in report.failed:
        print(f"failed {one_line(where)}: {one_line(why)}", file=sys.stderr)
    print(
        f"{report.feeds} feeds: {report.added} added, {report.already} already in the corpus, "
        f"{len(report.failed)} failed" + _left_out(report.left_out)
    )
    return 1 if report.failed else 0
