"""The index's side files of the formats with one checksum for the whole file (a segment's
`.pairs` of format 4 or 3, `.dense` of format 1; the current formats are checked a piece at a
time) whose checksum this process has already verified, known by the file's identity and
stamp. A segment's files never change once written, but every commit makes a new searcher,
which opened them all again and read each one whole for its checksum: tens of milliseconds
before the first answer after an article was added to 100,000. A file replaced or rewritten
since has another stamp and is checked again."""

from __future__ import annotations

import os
from typing import BinaryIO

_verified: set[tuple[int, int, int, int, int]] = set()


def stamp(f: BinaryIO) -> tuple[int, int, int, int, int]:
    """The open file's device, inode, size, modification and change times."""
    info = os.fstat(f.fileno())
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def verified(key: tuple[int, int, int, int, int]) -> bool:
    return key in _verified


def mark_verified(key: tuple[int, int, int, int, int]) -> None:
    _verified.add(key)
