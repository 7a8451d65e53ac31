"""One correction to Whoosh (whoosh-reloaded 2.7.5, pinned), applied when the search engine is
imported: reading a file inside a compound segment without copying it.

Whoosh memory-maps a segment and hands out each file in it as a BufferFile, whose constructor
wraps the file's memoryview in a BytesIO, which copies it. Opening a 100,000-article index for
one search copied ~700 MB of postings and term files into the process (817 MB resident after
two searches, against 123 MB before). The file-like object here reads from the memoryview
itself: the same seek/tell/read/readline/readinto that BufferFile's methods and pickle use.
"""

from __future__ import annotations

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class _ViewIO:
    """A read-only file over a memoryview, copying only what is read."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._pos = 0

    def seek(self, position: int, whence: int = 0) -> int:
        if whence == 1:
            position += self._pos
        elif whence == 2:
            position += len(self._view)
        self._pos = max(0, position)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        data = self._view[self._pos:end].tobytes()
        self._pos = max(self._pos, end)
        return data

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size: int = -1) -> bytes:
        view = self._view
        end = len(view) if size is None or size < 0 else min(len(view), self._pos + size)
        # Scan in chunks: lines read this way (pickle's text opcodes) are short.
        start, found = self._pos, -1
        while start < end and found < 0:
            chunk = view[start:min(end, start + 256)].tobytes()
            found = chunk.find(b"\n")
            if found >= 0:
                found += start
            start += len(chunk)
        stop = end if found < 0 else found + 1
        return self.read(stop - self._pos)

    def close(self) -> None:
        self._view = memoryview(b"")


class ViewBufferFile(BufferFile):
    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewIO(buf)


def apply() -> None:
    compound.BufferFile = ViewBufferFile


apply()
