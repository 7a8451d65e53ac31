"""Checking a segment's side files (`.pairs`, `.dense`) ahead of the first search that needs
them. Files of the formats before (`.pairs` 4 and 3, `.dense` 1) have one checksum, taken when
they are first opened in a process (checked_files.py), a read of each whole file, which the
first phrase search at 100,000 articles paid (~0.5 s). Files of the current formats are checked
a piece at a time as searches read them, so opening them here costs little."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.search.dense import open_dense
from reader.search.pairs import open_pairs


def check_side_files(folder: Path, readers: list[Any], stop: Callable[[], bool] = lambda: False) -> int:
    """Open and close the side files of these segment readers' segments, so that a search
    opening them later finds their checksums taken; how many were found sound. `stop()` is
    asked between files."""
    sound = 0
    for reader in readers:
        for opener in (open_pairs, open_dense):
            if stop():
                return sound
            opened = opener(reader, folder)  # None: absent or unsound (a search reads the postings)
            if opened is not None:
                opened.close()
                sound += 1
    return sound
