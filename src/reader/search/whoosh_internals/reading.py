"""Reading an index through Whoosh's private internals: compound segment files read from their
memory map without a copy, posting lists read a block at a time, field lengths and stored
columns read in one pass (see the package's docstring for every name relied on)."""

from __future__ import annotations

import io
import mmap
import pickle
import struct
import sys
import zlib
from array import array
from collections.abc import Callable, Iterator
from itertools import accumulate, islice, repeat
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, _lenfield
from whoosh.columns import VarBytesColumn
from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import length_to_byte

# --- the compound-file patch --------------------------------------------------------------


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

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else min(len(self._view), self._pos + size)
        data = self._view[self._pos : end].tobytes()
        self._pos = max(self._pos, end)
        return data

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        view = self._view
        end = len(view) if size is None or size < 0 else min(len(view), self._pos + size)
        # Scan in chunks: lines read this way (pickle's text opcodes) are short.
        start, found = self._pos, -1
        while start < end and found < 0:
            chunk = view[start : min(end, start + 256)].tobytes()
            found = chunk.find(b"\n")
            if found >= 0:
                found += start
            start += len(chunk)
        stop = end if found < 0 else found + 1
        return self.read(stop - self._pos)

    def close(self) -> None:
        self._view = memoryview(b"")


class ViewBufferFile(BufferFile):  # type: ignore[misc]  # Whoosh has no type information
    def __init__(self, buf: memoryview, name: str | None = None, onclose: Callable[..., Any] | None = None) -> None:
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewIO(buf)


_WHOOSH_OFFSETS = VarBytesColumn.Reader._read_offsets_and_lengths


def _offsets_and_lengths(self: Any) -> None:
    """VarBytesColumn.Reader's own, the offsets of a column that stored only its lengths (the
    stored fields) summed at C speed: Whoosh appends them one by one, 20 ms of the first search
    at 100,000 articles."""
    dbfile, doccount = self._dbfile, self._doccount
    lastbyte = self._basepos + self._length - 1
    lens_code = chr(dbfile.get_byte(lastbyte))
    if lens_code == "X":  # the offsets stored too: Whoosh's way reads them
        _WHOOSH_OFFSETS(self)
        return
    lengths = dbfile.get_array(lastbyte - struct.calcsize(lens_code) * doccount, lens_code, doccount)
    offsets = array("L", accumulate(lengths, initial=0))
    offsets.pop()  # where each value starts: one fewer than the running sums
    self._offsets, self._lengths = offsets, lengths


def apply_patch() -> None:
    compound.BufferFile = ViewBufferFile
    VarBytesColumn.Reader._read_offsets_and_lengths = _offsets_and_lengths


def offsets_patched() -> bool:
    return VarBytesColumn.Reader._read_offsets_and_lengths is _offsets_and_lengths


apply_patch()

# --- reading -----------------------------------------------------------------------------------


def read_term(reader: Any, field: str, text: Any, offset: int, weights: dict[int, float]) -> None:
    """Add every (document number + offset, weight) of a term's posting list in one segment to
    `weights`, deleted documents left out: its blocks read straight from the segment's memory
    map where they can be (no matcher made), else a block at a time through Whoosh's own
    matcher, else posting by posting."""
    view = _segment_postings(reader)
    if view is not None:
        try:
            info = reader.term_info(field, text)
        except TermNotFound:
            return
        begin = info.extent()[0] if not info.is_inlined() else None
        if begin is not None and view[begin : begin + 4] == WHOOSH3_HEADER_MAGIC:
            found = _add_blocks(_blocks(view, begin + 4), offset, weights)
            if reader.has_deletions():
                _without_deleted(weights, reader.deleted_docs_set, found, offset)
            return
    try:
        matcher = reader.postings(field, text)
    except TermNotFound:
        return
    deleted: frozenset[int] | set[int] = frozenset()
    if isinstance(matcher, FilterMatcher):
        deleted = reader.deleted_docs_set
        matcher = matcher.child
    found = 0  # postings of this segment added
    if _block_reader(matcher):
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids = matcher._ids if not offset else [i + offset for i in matcher._ids]
            weights.update(zip(ids, matcher._weights, strict=False))
            found += len(ids)
            matcher._next_block()
    else:
        while matcher.is_active():
            weights[matcher.id() + offset] = matcher.weight()
            found += 1
            matcher.next()
    if deleted:
        _without_deleted(weights, deleted, found, offset)


def _add_blocks(blocks: Iterator[tuple[list[int], Any]], offset: int, weights: dict[int, float]) -> int:
    found = 0
    for ids, block_weights in blocks:
        if offset:
            ids = [i + offset for i in ids]
        weights.update(zip(ids, block_weights, strict=False))
        found += len(ids)
    return found


def _without_deleted(weights: dict[int, float], deleted: Any, found: int, offset: int) -> None:
    """Take a segment's deleted documents out of the `found` postings it just added."""
    if len(deleted) <= found:
        for docnum in deleted:
            weights.pop(docnum + offset, None)
    else:
        # Many deleted documents (a segment whose articles the people pass wrote again) and a
        # rare term: look the term's own documents up in the deleted set, not the other way
        # round (a date range over 2,000 dates took 20 s at 20,000 articles).
        # This segment's documents are the last `found` keys (a dict keeps insertion order, and
        # no other segment has these numbers).
        for key in [k for k in islice(reversed(weights), found) if k - offset in deleted]:
            del weights[key]


def _segment_postings(reader: Any) -> memoryview | None:
    """The memory map of a segment reader's postings file (`_terms._postfile`), when it is a
    compound segment read through ViewBufferFile."""
    source = getattr(getattr(getattr(reader, "_terms", None), "_postfile", None), "file", None)
    return source._view if isinstance(source, _ViewIO) else None


def _blocks(view: memoryview, position: int) -> Iterator[tuple[list[int], Any]]:
    """A posting list's blocks as W3PostingsWriter wrote them (a signed big-endian length,
    negative for the last block; a pickled info tuple; the pickled, maybe compressed, ids and
    weights), read straight from the map: each block's ids and weights. The matcher's own
    reads go through a Python file object, a call per pickle opcode (2.5x slower)."""
    for ids, weights, _values, count in raw_blocks(view, position):
        if weights is None:
            weights = repeat(1.0, count)
        elif isinstance(weights, float):
            weights = repeat(weights, count)
        yield ids, weights


def raw_blocks(view: memoryview, position: int) -> Iterator[tuple[list[int], Any, Any, int]]:
    """Each block of the posting list at `position` (after its header) as written: its ids (as
    numbers in the segment), its weights as minified (None: all 1.0; a float: all that; else a
    tuple), its values as minified (see W3PostingsWriter._mini_values), and its count."""
    while True:
        length = int.from_bytes(view[position : position + 4], "big", signed=True)
        start = position + 4
        block = io.BytesIO(view[start : start + abs(length)])
        count, _maxid, _maxweight, compression, _minlength, _maxlength = pickle.load(block)
        data = block.read()
        ids, weights, values = pickle.loads(zlib.decompress(data) if compression else data)
        yield list(accumulate(ids)), weights, values, count
        if length < 0:
            return
        position = start + length


def _block_reader(matcher: Any) -> bool:
    return type(matcher) is W3LeafMatcher and all(
        hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block")
    )


def length_bytes(reader: Any, field: str) -> bytes:
    """The one-byte encoded length of `field` for every document of a segment: one read of the
    lengths column, else one call per document."""
    count: int = reader.doc_count_all()
    column = _lengths_column(reader, field)
    if column is not None:
        raw: bytes = column._dbfile.get(column._basepos, min(count, column._count))
        return raw + bytes(count - len(raw))
    return bytes(length_to_byte(reader.doc_field_length(d, field, 0) or 0) for d in range(count))


def _lengths_column(reader: Any, field: str) -> Any:
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None or not hasattr(perdoc, "_cached_reader"):
        return None
    column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is None or not all(hasattr(column, name) for name in ("_dbfile", "_basepos", "_count")):
        return None
    return column


def column_view(reader: Any, name: str) -> tuple[memoryview, VarBytesColumn.Reader] | None:
    """A stored bytes column of one segment read straight from the segment's memory map: the
    view of its bytes and a column reader over it; None when the segment is not mapped that way
    (the caller uses `reader.column_reader`, which copies the column first)."""
    perdoc: Any = getattr(reader, "_perdoc", None)
    storage: Any = getattr(perdoc, "_storage", None)
    if hasattr(storage, "a"):  # an OverlayStorage: the compound file first, the folder second
        storage = storage.a
    source = getattr(storage, "_source", None)
    if source is None or not hasattr(storage, "range") or perdoc is None:
        return None
    try:
        offset, length = storage.range(W3Codec.column_filename(perdoc._segment, name))
    except (NameError, AttributeError, KeyError):
        return None
    view = memoryview(source)[offset : offset + length]
    column = VarBytesColumn.Reader(_Bytes(view), 0, length, reader.doc_count_all())
    if not hasattr(column, "_offsets") or not hasattr(column, "_lengths"):
        view.release()
        return None
    return view, column


def column_bounds(column: Any) -> tuple[Any, Any]:
    """The offsets and lengths arrays of a column reader made by `column_view`."""
    return column._offsets, column._lengths


class _Bytes:
    """The little of Whoosh's StructFile that its VarBytesColumn reader uses, over a memoryview
    (Whoosh's BufferFile copies its buffer into a BytesIO)."""

    def __init__(self, view: memoryview) -> None:
        self._view = view

    def get(self, position: int, length: int) -> bytes:
        return self._view[position : position + length].tobytes()

    def get_byte(self, position: int) -> int:
        return self._view[position]

    def get_array(self, position: int, typecode: str, length: int) -> array[Any]:
        out = array(typecode)
        out.frombytes(self.get(position, length * out.itemsize))
        if sys.byteorder == "little":
            out.byteswap()  # Whoosh writes arrays big-endian
        return out


def segment_maps(reader: Any) -> list[mmap.mmap]:
    """The memory maps of a segment reader's compound file (`_storage`, an `OverlayStorage`'s
    `.a`, and its `_source`); empty when it has none."""
    storage: Any = getattr(reader, "_storage", None)
    if hasattr(storage, "a"):
        storage = storage.a
    source = getattr(storage, "_source", None)
    return [source] if isinstance(source, mmap.mmap) else []


def release_pages(maps: list[mmap.mmap]) -> None:
    """Let the process's page tables forget the pages of read-only file maps that a search
    touched (MADV_DONTNEED): the pages stay in the system's page cache, and the next search that
    reads them maps them again from there (a minor fault, no disk read). Without it every page
    of the index a search has read counts in the app's resident memory until it quits."""
    if not hasattr(mmap, "MADV_DONTNEED"):
        return
    for found in maps:
        try:
            found.madvise(mmap.MADV_DONTNEED)
        except (OSError, ValueError):  # closed meanwhile, or a platform without it
            pass


def segment_of(reader: Any) -> Any:
    """The segment a segment reader reads, or None."""
    return getattr(reader, "_segment", None)
