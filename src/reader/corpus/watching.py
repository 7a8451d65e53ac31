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
import threading
from collections.abc import Iterator
from pathlib import Path

from reader.corpus.files import ARTICLE_SUFFIXES

QUIET_MS = 50  # a burst of changes ends after this long without another
LONGEST_MS = 1600  # ... or after this long in all (a copy of many files yields as it goes)


def article_changes(root: Path, stop: threading.Event) -> Iterator[list[Path]]:
    """Each burst of changes to article files under `root`, their paths sorted, until `stop`
    is set (seen within QUIET_MS). Raises OSError when the folder cannot be watched."""
    root = Path(os.path.abspath(root))
    folders = _folders(root)
    while not stop.is_set():
        folders = {folder for folder in folders if os.path.isdir(folder)} or {str(root)}  # removed ones out
        found, new = _watch(root, folders, stop)
        if new is None:
            return  # stopped
        folders |= new
        if found:
            yield sorted(found)


def _watch(root: Path, folders: set[str], stop: threading.Event) -> tuple[set[Path], set[str] | None]:
    """One watch of `folders` until a burst holds article files or a new folder: those files
    (with the article files already in new folders) and the new folders; None once stopped."""
    from watchfiles import watch

    try:
        for changes in watch(
            *sorted(folders),
            watch_filter=None,
            debounce=LONGEST_MS,
            step=QUIET_MS,
            stop_event=stop,
            raise_interrupt=False,
            recursive=False,
        ):
            paths = {path for _change, path in changes}
            new = {p for p in paths if p not in folders and _visible(root, p) and os.path.isdir(p)}
            for folder in sorted(new):
                new |= _folders(Path(folder))
            found = {Path(p) for p in paths if _is_article(root, p)}
            found |= {Path(p) for folder in new for p in _articles_in(folder)}
            if found or new:
                return found, new
    except RuntimeError as exc:  # watchfiles' word for a folder it cannot watch (gone, no permission)
        raise OSError(str(exc)) from exc
    return set(), None


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
