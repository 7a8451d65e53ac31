"""`baldreader add SOURCE …` from the shell: each web address or saved page added to the
corpus (the user's own by default), one line each, a summary, status 1 if any failed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.textsafe import one_line


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    adding = sub.add_parser("add", help="add web pages (addresses or saved files) to your corpus")
    common(adding)
    adding.add_argument("sources", nargs="+", metavar="SOURCE", help="a web address (http, https) or a saved page")
    adding.add_argument("--timeout", type=float, default=None, help="seconds to wait on a server (default 15)")


def run(args: argparse.Namespace, corpus: Path) -> int:
    from reader.adding import AddFailed, add_article

    added = already = failed = 0
    for source in args.sources:
        try:
            result = add_article(source, corpus, timeout=args.timeout)
        except AddFailed as exc:
            failed += 1
            print(f"failed {one_line(source)}: {one_line(str(exc))}", file=sys.stderr)
            continue
        if result.already:
            already += 1
            print(f"already in the corpus: {one_line(result.path.name)} ({one_line(result.title)})")
        else:
            added += 1
            print(f"added {one_line(result.path.name)}: {one_line(result.title)}")
    print(f"{added} added, {already} already in the corpus, {failed} failed; corpus: {one_line(str(corpus))}")
    return 1 if failed else 0
