"""Knowing when the index on disk is not the one we wrote: its metadata, and a stamp (size and
modification time) of every file a sync left in the Whoosh folder. A deleted, truncated or
rewritten file no longer matches its stamp, so the next sync rebuilds instead of answering from
it; a search that fails on an index whose files changed reports `IndexDamaged`, and its caller
rebuilds and asks again. No Whoosh here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from reader.helpers.atomic import write_atomic
from reader.helpers.safefile import read_regular
from reader.helpers.textsafe import one_line

META = "meta.json"
MAX_META = 64 * 1024 * 1024  # the stamps of a few hundred segment files take a few KB
IGNORED = {"MAIN_WRITELOCK"}  # Whoosh's own lock file comes and goes


class IndexDamaged(Exception):
    """Reading the index failed and its files are not as the last sync left them."""


def read_meta(folder: Path) -> dict[str, Any] | None:
    """The metadata as a mapping, or None when it is missing or not a mapping (`null`, a list…)."""
    try:
        meta = json.loads(read_regular(folder / META, MAX_META).decode("utf-8"))
    except (OSError, ValueError, RecursionError):  # a FIFO, a folder, garbage, nesting 100,000 deep
        return None
    return meta if isinstance(meta, dict) else None


def write_meta(folder: Path, schema: int, corpus: Path, files: dict[str, list[int]]) -> None:
    meta = {"schema": schema, "corpus": str(corpus), "files": files}
    write_atomic(folder / META, json.dumps(meta), fsync=False)


def stamps(whoosh_folder: Path) -> dict[str, list[int]]:
    """{file name: [size, mtime_ns]} for the files of the Whoosh folder now."""
    out = {}
    with os.scandir(whoosh_folder) as entries:
        for entry in entries:
            if entry.name in IGNORED or not entry.is_file(follow_symlinks=False):
                continue
            info = entry.stat(follow_symlinks=False)
            out[entry.name] = [info.st_size, info.st_mtime_ns]
    return out


def stamp_problem(meta: dict[str, Any], whoosh_folder: Path) -> str | None:
    """Why the Whoosh folder is not as the last sync left it, or None. An index from before
    stamps were kept has nothing to compare and passes."""
    recorded = meta.get("files")
    if recorded is None:
        return None
    if not isinstance(recorded, dict):
        return "index metadata damaged"
    for name, stamp in recorded.items():
        if not isinstance(name, str) or not name or "/" in name or "\0" in name:
            return "index metadata damaged"
        try:
            info = os.stat(whoosh_folder / name)
        except FileNotFoundError:
            return f"index file {one_line(name)} is missing"
        except OSError as exc:
            return f"index file {one_line(name)} unreadable ({exc.strerror})"
        if not isinstance(stamp, list) or len(stamp) != 2:
            return "index metadata damaged"
        if info.st_size != stamp[0]:
            return f"index file {name} changed size ({stamp[0]} -> {info.st_size} bytes)"
        if info.st_mtime_ns != stamp[1]:
            return f"index file {name} was modified since the last sync"
    return None
