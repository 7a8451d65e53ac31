"""Article files written, changed or removed in a corpus folder, as they happen: watchfiles
(inotify on Linux, FSEvents on macOS, through its Rust core) watching the folder and those
under it. Yields the paths of each burst of changes once the folder has been quiet for
QUIET_MS, article files alone (by their suffix; hidden files and folders left out, as the
corpus leaves them out). The app indexes them on their own and lists them again, so an article
saved into the folder is searchable without a restart.

The folders are found here (os.walk, which lets other threads run) and each is watched on its
own: watchfiles' recursive watch walks every file while holding the interpreter's lock (0.3 s
at 100,000 articles: the app's screen stood still). A folder created meanwhile starts the watch
again with it, its article files counted as changed.
"""

from __future__ import annotations

import os
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Protocol

from reader.corpus.files import ARTICLE_SUFFIXES

QUIET_MS = 50  # a burst of changes ends after this long without another
LONGEST_MS = 1600  # ... or after this long in all (a copy of many files yields as it goes)
CATCH_UP_MS = 500  # after a new folder, files written while the watch started again are found this soon


class Stop(Protocol):
    """What ends a watch (a threading.Event, or anything that says whether it is set)."""

    def is_set(self) -> bool: ...


def article_changes(root: Path, stop: Stop) -> Iterator[list[Path]]:
    """Each burst of changes to article files under `root`, their paths sorted, until `stop`
    is set (seen within QUIET_MS). Raises OSError when the folder cannot be watched."""
    root = Path(os.path.abspath(root))
    folders = _folders(root)
    since: float | None = None
    while not stop.is_set():
        folders = {folder for folder in folders if os.path.isdir(folder)} or {str(root)}  # removed ones out
        made = yield from _watch(root, folders, stop, since)
        if made is None:
            return  # stopped
        new, since = made
        folders |= new


def _watch(
    root: Path, folders: set[str], stop: Stop, since: float | None
) -> Generator[list[Path], None, tuple[set[str], float] | None]:
    """One watch of `folders`, yielding each burst's article files, until a folder is made: its
    article files are yielded, and the new folders returned with the time from which files
    written meanwhile count (`since`: once the next watch is up, those files are yielded);
    None once stopped."""
    from watchfiles import watch

    try:
        for changes in watch(
            *sorted(folders),
            watch_filter=None,
            debounce=LONGEST_MS,
            step=QUIET_MS,
            stop_event=stop,
            rust_timeout=CATCH_UP_MS,
            yield_on_timeout=True,
            raise_interrupt=False,
            recursive=False,
        ):
            if since is not None:  # the watch is up: what was written while it started again
                caught = _written_since(folders, since)
                since = None
                if caught:
                    yield caught
            paths = {path for _change, path in changes}
            new = {p for p in paths if p not in folders and _visible(root, p) and os.path.isdir(p)}
            found = {Path(p) for p in paths if _is_article(root, p)}
            if new:
                started_again = time.time() - 1.0  # a second's margin for the file system's clock
                for folder in sorted(new):
                    new |= _folders(Path(folder))
                found |= {Path(p) for folder in new for p in _articles_in(folder)}
            if found:
                yield sorted(found)
            if new:
                return new, started_again
    except RuntimeError as exc:  # watchfiles' word for a folder it cannot watch (gone, no permission)
        raise OSError(str(exc)) from exc
    return None


def _written_since(folders: set[str], since: float) -> list[Path]:
    """The article files in these folders changed at `since` or after (by their ctime)."""
    found = []
    for folder in folders:
        for path in _articles_in(folder):
            try:
                if os.stat(path).st_ctime >= since:
                    found.append(Path(path))
            except OSError:
                continue
    return sorted(found)


def _visible(root: Path, path: str) -> bool:
    """Not hidden (no part of it below `root` starting with a dot), as the corpus reads."""
    relative = os.path.relpath(path, root)
    return not relative.startswith("..") and not any(part.startswith(".") for part in relative.split(os.sep))


def _is_article(root: Path, path: str) -> bool:
    if path == str(root):
        return True  # a corpus of one file
    return _visible(root, path) and os.path.splitext(path)[1].lower() in ARTICLE_SUFFIXES


def _folders(top: Path) -> set[str]:
    """`top` and every folder under it that the corpus reads (hidden ones left out)."""
    if not top.is_dir():
        return {str(top)}
    found = set()
    for folder, subfolders, _files in os.walk(top):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found.add(folder)
    return found


def _articles_in(folder: str) -> list[str]:
    """The article files directly in `folder` (its subfolders are walked by the caller)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [
        os.path.join(folder, name)
        for name in names
        if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
    ]
