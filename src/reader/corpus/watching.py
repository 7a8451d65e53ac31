"""Article files written, changed or removed in a corpus folder, as they happen: watchfiles
(inotify on Linux, FSEvents on macOS, through its Rust core) watching the folder and those
under it. Yields the paths of each burst of changes once the folder has been quiet for
QUIET_MS, article files alone (by their suffix; hidden files and folders left out, as the
corpus leaves them out). The app indexes them on their own and lists them again, so an article
saved into the folder is searchable without a restart.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from reader.corpus.files import ARTICLE_SUFFIXES

QUIET_MS = 50  # a burst of changes ends after this long without another
LONGEST_MS = 1600  # ... or after this long in all (a copy of many files yields as it goes)


def article_changes(root: Path, stop: threading.Event) -> Iterator[list[Path]]:
    """Each burst of changes to article files under `root`, their paths sorted, until `stop`
    is set (seen within QUIET_MS). Raises OSError when the folder cannot be watched."""
    from watchfiles import watch

    whole = os.path.abspath(root)
    prefix = os.path.join(whole, "")

    def is_article(_change: object, path: str) -> bool:
        if path == whole:  # a corpus of one file
            return True
        if not path.startswith(prefix):
            return False
        parts = path[len(prefix) :].split(os.sep)
        return not any(part.startswith(".") for part in parts) and Path(path).suffix.lower() in ARTICLE_SUFFIXES

    try:
        for changes in watch(
            root,
            watch_filter=is_article,
            debounce=LONGEST_MS,
            step=QUIET_MS,
            stop_event=stop,
            raise_interrupt=False,
        ):
            yield sorted({Path(path) for _change, path in changes})
    except RuntimeError as exc:  # watchfiles' word for a folder it cannot watch (gone, no permission)
        raise OSError(str(exc)) from exc
