"""Checking a segment's side files (`.pairs`, `.dense`) ahead of the first search that needs
them: their checksums are taken when they are first opened in a process (checked_files.py), a
read of each whole file, which the first phrase search at 100,000 articles paid (~0.5 s)."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from reader.search.dense import EXT as DENSE_EXT
from reader.search.dense import DenseFile
from reader.search.pairs import EXT as PAIRS_EXT
from reader.search.pairs import PairsFile


def check_side_files(folder: Path, readers: list[Any]) -> int:
    """Open and close the side files of these segment readers' segments, so that a search
    opening them later finds their checksums taken; how many were found sound."""
    from reader.search.whoosh_internals import segment_of

    sound = 0
    for reader in readers:
        segment = segment_of(reader)
        if segment is None:
            continue
        for opener, ext in ((PairsFile, PAIRS_EXT), (DenseFile, DENSE_EXT)):
            path = Path(folder) / segment.make_filename(ext)
            if not path.exists():
                continue
            try:
                opened = opener(path, reader.doc_count_all())
            except (OSError, ValueError, struct.error, UnicodeDecodeError):
                continue  # a search finds it unsound too, and reads the postings instead
            opened.close()
            sound += 1
    return sound
