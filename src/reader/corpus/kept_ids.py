"""The ids a corpus's files were given, kept in the user data folder (`ids/`, one small file per
corpus), so that an id never moves under a reader's notes: when a second `069.txt` appears in
another folder, the first keeps `069` and only the newcomer is named by its path. Without a
user data folder (`remember_in` not called, as in a bare `load_corpus`) ids follow the plain
rule alone (files.plain_ids).

The file is read for one file's id by `index FILE` and the app's add (format 2 is laid out for
that, see `_Kept`), and whole by a sync; a file of format 1 (a marshalled dict, before) is still
read, and written again as format 2 when the ids next change.

Set for the process by `remember_in(home)` (the command line, opening a corpus and the search
index do it). A kept file that cannot be read or written is ignored: ids then follow the plain
rule, which is also what the first run gives."""

from __future__ import annotations

import hashlib
import marshal
import os
import threading
from array import array
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


class _Kept:
    """A corpus's kept ids as the file holds them (format 2): every relative path in one
    NUL-separated byte string, the ids in another, and where each id starts. One file's id is
    found without building a dict of 100,000 entries (`baldreader index FILE`: 35 ms at 100,000
    files as a dict, about 5 ms this way); `as_dict()` builds it for a sync."""

    def __init__(self, paths: bytes, ids: bytes, starts: array[int]) -> None:
        self.paths, self.ids, self.starts = paths, ids, starts

    @classmethod
    def of(cls, kept: Mapping[str, str]) -> _Kept:
        starts, at = array("L"), 0
        for value in kept.values():
            starts.append(at)
            at += len(_encoded(value))
        starts.append(at)
        return cls(b"\0" + _encoded("\0".join(kept)) + b"\0", _encoded("".join(kept.values())), starts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def get(self, relative: str) -> str | None:
        if not relative or not len(self):
            return None
        where = self.paths.find(b"\0" + _encoded(relative) + b"\0")  # a path holds no NUL: whole paths only
        if where < 0:
            return None
        n = self.paths.count(b"\0", 0, where)
        return _decoded(self.ids[self.starts[n] : self.starts[n + 1]])

    def as_dict(self) -> dict[str, str]:
        text, paths = _decoded(self.ids), _decoded(self.paths[1:-1]).split("\0") if len(self) else []
        starts = self.starts.tolist()
        if text.isascii():
            ids = [text[a:b] for a, b in zip(starts[:-1], starts[1:], strict=True)]
        else:  # byte offsets: cut the bytes
            ids = [_decoded(self.ids[a:b]) for a, b in zip(starts[:-1], starts[1:], strict=True)]
        return dict(zip(paths, ids, strict=True))

    def dumps(self) -> bytes:
        return marshal.dumps((_FORMAT, self.paths, self.ids, self.starts.tobytes()))


_FORMAT = "kept ids 2"


def _encoded(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a file name that is not UTF-8 keeps its surrogates


def _decoded(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogatepass")


def _read(path: Path) -> _Kept | _Format1:
    """The kept ids, from either format (format 1, a marshalled dict, is read and written again as
    format 2 by the next sync that changes them); nothing when the file is missing or not one."""
    try:
        data = marshal.loads(read_regular(path, _MAX_BYTES))
    except (OSError, ValueError, EOFError, TypeError):
        return _EMPTY
    if isinstance(data, tuple) and len(data) == 4 and data[0] == _FORMAT:
        return _checked(*data[1:]) or _EMPTY
    if not isinstance(data, dict):
        return _EMPTY
    if set(map(type, data)) <= {str} and set(map(type, data.values())) <= {str}:
        return _Format1(data)  # as written: checked at C speed (a Python check per entry took 40 ms at 100,000)
    return _Format1({k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)})


class _Format1(dict[str, str]):
    """Kept ids as a marshalled dict (format 1), already whole."""

    def as_dict(self) -> dict[str, str]:
        return self


def _checked(paths: object, ids: object, starts: object) -> _Kept | None:
    """Format 2's parts, if they agree with one another (a damaged file is no kept ids)."""
    if not (isinstance(paths, bytes) and isinstance(ids, bytes) and isinstance(starts, bytes)):
        return None
    offsets = array("L")
    if len(starts) % offsets.itemsize:
        return None
    offsets.frombytes(starts)
    count = len(offsets) - 1
    if count < 0 or offsets[0] != 0 or offsets[-1] != len(ids) or paths[:1] != b"\0" or paths[-1:] != b"\0":
        return None
    if paths.count(b"\0") != (count + 1 if count else 2):
        return None
    try:
        _decoded(paths)
        _decoded(ids)
    except UnicodeError:
        return None
    return _Kept(paths if count else b"\0\0", ids, offsets)


_EMPTY = _Kept(b"\0\0", b"", array("L", [0]))


def _write(path: Path, ids: Mapping[str, str]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _Kept.of(ids).dumps(), fsync=False)  # rebuildable: no fsync wait
    except (OSError, UnicodeError):
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
        kept = _read(where).as_dict()
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
