"""Making room for an index whatever is found where it keeps its files: a folder where a file
belongs (`meta.json/`, `catalog.sqlite/`, `sync.lock/`), a file where a folder belongs
(`whoosh`, `index/<key>`, `index`), a FIFO, a link. The index folder holds only derived data,
so what is in the way there is removed; `index` itself sits in the user's data folder, so a
file in its place is moved aside, never deleted. No Whoosh here.
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import stat
from pathlib import Path


def remove_entry(path: Path) -> None:
    """Whatever is at `path` (file, link, FIFO, socket, folder tree) gone; nothing there is fine."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def regular_or_absent(path: Path) -> None:
    """`path` a regular file or nothing: anything else there (a folder, FIFO, link) removed."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        remove_entry(path)


def folder_at(path: Path) -> list[str]:
    """`path` made a folder (with its parents). A non-folder in the way inside the index tree is
    removed; one at the tree's root (`<home>/index`, the user's folder) is moved aside. Returns
    what was done to say, if anything."""
    said: list[str] = []
    index_root = path.parent
    for place in (index_root, path):
        try:
            info = os.lstat(place)
        except FileNotFoundError:
            continue
        if stat.S_ISDIR(info.st_mode):
            continue
        if place == index_root:
            aside = place.with_name(f"{place.name}.not-a-folder-{_dt.datetime.now():%Y%m%dT%H%M%S}")
            os.rename(place, aside)
            said.append(f"{place} was not a folder; moved aside to {aside.name}")
        else:
            remove_entry(place)
            said.append(f"{place} was not a folder; removed")
    path.mkdir(parents=True, exist_ok=True)
    return said
