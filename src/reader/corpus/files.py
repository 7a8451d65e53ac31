"""Finding a corpus's article files and naming them (an article's id), without reading them: what
a sync of the search index needs on every run, so it imports nothing of the parsing."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from reader.corpus.kept_ids import keep
from reader.helpers.textsafe import readable_name

_P = TypeVar("_P", str, Path)

# Plain text, Markdown (with or without YAML front matter) and saved web pages.
ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """A file that is not shown, and why."""

    path: Path
    reason: str


def find_article_files(root: Path) -> list[Path]:
    """Article files under `root`, recursively, in a stable order; hidden entries are ignored."""
    return [Path(path) for path in find_article_paths(root)]


def find_article_paths(root: Path, others: list[Skipped] | None = None) -> list[str]:
    """The same as strings: a sync that compares 100,000 files with its catalog spends less on
    them than on Path objects (which made a third of an unchanged sync's time). With `others`,
    the same walk also collects every other file, with why it is not read (`other_files`)."""
    if root.is_file():
        return [str(root)]
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        prefix = os.path.join(folder, "")  # the folder and a separator: joined by + (os.path.join: 0.2 s a 100,000)
        files.sort()
        if others is None:
            found += [prefix + n for n in files if n[0] != "." and n[n.rfind(".") :].lower() in ARTICLE_SUFFIXES]
            continue
        for name in files:
            dot = name.rfind(".")
            if not name.startswith(".") and dot > 0 and name[dot:].lower() in ARTICLE_SUFFIXES:
                found.append(prefix + name)
            elif not name.startswith("."):
                what = f"a {name[dot:].lower()} file" if dot > 0 else "a file without a suffix"
                others.append(Skipped(Path(folder, name), f"{what} is not read as an article (articles are {_KINDS})"))
    return found


_KINDS = ", ".join(sorted(ARTICLE_SUFFIXES))


def other_files(root: Path) -> list[Skipped]:
    """The files under `root` that are not articles by their name, each with why (hidden
    entries aside): a reader is told of every file not read, never left to wonder."""
    others: list[Skipped] = []
    find_article_paths(root, others)
    return others


def article_ids(root: Path, files: Sequence[_P]) -> dict[_P, str]:
    """Each file's id: the one it had before, kept in the user data folder (kept_ids.py), so an
    id never moves under a reader's notes; a file new to the corpus gets the plain rule's id
    (plain_ids), or its path when that id is another file's."""
    return keep(Path(root), files, plain_ids(root, files))


def plain_ids(root: Path, files: Sequence[_P]) -> dict[_P, str]:
    """The file stem, or the path below the root when two files share a stem (the whole path
    below the root, suffix kept, when that is shared too: `a.txt` and `a.md`). A name's bytes
    that are not UTF-8 are written `\\xNN` (textsafe.readable_name), so an id is always text
    that can be indexed, stored and shown, and the same file always gets the same id."""
    # Each stem cut by the string's own methods (os.path's splitext and basename took 0.25 s a
    # 100,000): the name after the last separator, up to its last dot unless only dots lead it.
    names = [
        readable_name(name[:dot] if (dot := name.rfind(".")) > 0 and name[:dot].strip(".") else name)
        for name in (os.fspath(path).rpartition(os.sep)[2] for path in files)
    ]
    stems = Counter(names)
    single = root.is_file()
    ids = {}
    for path, stem in zip(files, names, strict=True):
        if single or stems[stem] == 1:
            ids[path] = stem
        else:
            ids[path] = readable_name(Path(path).relative_to(root).with_suffix("").as_posix())
    taken = Counter(ids.values())
    if len(taken) < len(ids):
        for path, article_id in ids.items():
            if taken[article_id] > 1:
                ids[path] = readable_name(Path(path).relative_to(root).as_posix())
    return ids
