"""The ids a corpus's files were given, kept in the user data folder (`ids/`, one small file per
corpus), so that an id never moves under a reader's notes: when a second `069.txt` appears in
another folder, the first keeps `069` and only the newcomer is named by its path. Without a
user data folder (`remember_in` not called, as in a bare `load_corpus`) ids follow the plain
rule alone (files.plain_ids).

Set for the process by `remember_in(home)` (the command line, opening a corpus and the search
index do it). A kept file that cannot be read or written is ignored: ids then follow the plain
rule, which is also what the first run gives."""

from __future__ import annotations

import hashlib
import marshal
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from reader.helpers.atomic import write_atomic
from reader.helpers.safefile import read_regular
from reader.helpers.textsafe import readable_name

_P = TypeVar("_P", str, Path)
FOLDER = "ids"
_MAX_BYTES = 256 * 1024 * 1024
_folder: list[Path] = []
_lock = threading.Lock()


def remember_in(home: Path) -> None:
    """Keep ids in `home`'s `ids/` folder from now on, in this process."""
    _folder[:] = [home / FOLDER]


def kept_file(root: Path) -> Path | None:
    """Where `root`'s ids are kept (None when no user data folder was given)."""
    if not _folder:
        return None
    key = hashlib.sha256(os.fsencode(str(Path(root).resolve()))).hexdigest()[:20]
    return _folder[0] / f"{key}.marshal"


def _read(path: Path) -> dict[str, str]:
    try:
        data = marshal.loads(read_regular(path, _MAX_BYTES))
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(data, dict):
        return {}
    if set(map(type, data)) <= {str} and set(map(type, data.values())) <= {str}:
        return data  # as written: checked at C speed (a Python check per entry took 40 ms at 100,000)
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def _write(path: Path, ids: Mapping[str, str]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, marshal.dumps(dict(ids)), fsync=False)  # rebuildable: no fsync wait
    except OSError:
        pass  # a read-only user data folder: ids follow the plain rule


def _relative(root: Path, path: str | Path) -> str:
    text, prefix = os.fspath(path), os.fspath(root)
    if text.startswith(prefix + os.sep):
        return text[len(prefix) + 1 :]
    return Path(path).relative_to(root).as_posix()


def kept_ids_of(root: Path, files: Sequence[str]) -> dict[str, str]:
    """The ids these files had before (those that had one), read without changing what is kept."""
    where = kept_file(root)
    if where is None or root.is_file():
        return {}
    prefix = os.fspath(root) + os.sep
    with _lock:
        kept = _read(where)
    found = {}
    for path in files:
        known = kept.get(path[len(prefix) :] if path.startswith(prefix) else _relative(root, path))
        if known is not None:
            found[path] = known
    return found


def keep(root: Path, files: Sequence[_P], plain: dict[_P, str]) -> dict[_P, str]:
    """`plain` (the ids the plain rule gives) with every file that had an id before keeping it,
    and the newcomers given theirs around them; what is given is kept for the next time."""
    where = kept_file(root)
    if where is None or root.is_file():
        return plain
    with _lock:
        kept = _read(where)
        prefix = os.fspath(root) + os.sep
        cut = len(prefix)
        relative = [t[cut:] if t.startswith(prefix) else _relative(root, t) for t in map(os.fspath, files)]
        plain_given = list(map(plain.__getitem__, files))
        if len(kept) == len(files) and list(map(kept.get, relative)) == plain_given:
            return plain  # the usual case, checked at C speed: nothing moved, nothing to keep
        ids: dict[_P, str] = {}
        taken: set[str] = set()
        for path, rel in zip(files, relative, strict=True):
            known = kept.get(rel)
            if known is not None and known not in taken:
                ids[path] = known
                taken.add(known)
        if len(ids) < len(files):
            for path, rel in zip(files, relative, strict=True):
                if path in ids:
                    continue
                given = plain[path]
                if given in taken:  # the plain id is another file's kept one: the path names it
                    given = readable_name(rel)
                    n = 2
                    while given in taken:
                        given, n = f"{readable_name(rel)}~{n}", n + 1
                ids[path] = given
                taken.add(given)
        now = dict(zip(relative, map(ids.__getitem__, files), strict=True))
        if now != kept:
            _write(where, now)
        return ids
