"""Frequent words laid out by document: for one index segment, each word held by many of its
documents as one byte a document (how often the document holds it; 0: not at all).

A posting list in Whoosh's blocks is decompressed and unpickled a block at a time, then made a
dictionary: ~30 ms for a word in most of 100,000 articles, which a two-word AND holding such a
word paid in full to keep the few documents the other word has. From a `.dense` file the same
question is a byte looked up in a memory map per candidate, with nothing decoded. Written beside
a segment by the build workers and by merges (from the segment's TermPool, for the counted
fields, title and body), named like the segment's files so Whoosh deletes it with the segment.
A word's weight in a document is its count times the field's boost (`unit`); a word counted
more than 255 times in a document, or whose weights are not so made, is left to its blocks.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from itertools import chain, compress, filterfalse, repeat
from operator import sub
from pathlib import Path
from typing import Any

from reader.search.checked_files import mark_verified, stamp, verified

EXT = ".dense"
MAGIC = b"BRDENSE2"  # the last digit changes with the format: other files are ignored...
WHOLE_MAGIC = b"BRDENSE1"  # ... but format 1's (one checksum of the whole file)
_HEADER = struct.Struct("<8sIII")  # magic, document count, directory length, CRC-32 (see DenseFile)
SHARE = 16  # a word is laid out when at least 1/SHARE of the segment's documents hold it...
MIN_DOCS = 64  # ... and at least this many
FIELDS = ("title", "body")


Terms = dict[str, dict[Any, tuple[Any, Any, Any]]]  # field → term → (ids, weights, counts)


def frequent_words(terms: Terms, doc_count: int) -> list[tuple[str, str, float, bytes]]:
    """From a TermPool's postings (field → word → (ids, weights, counts)): each frequent word
    of the counted fields as (field, word, unit, one byte a document)."""
    least = max(MIN_DOCS, doc_count // SHARE)
    out = []
    for field in FIELDS:
        for word, (ids, weights, counts) in sorted(terms.get(field, {}).items()):
            if len(ids) < least or len(counts) != len(ids) or not isinstance(word, str):
                continue
            if max(counts) > 255:
                continue
            unit = weights[0] / counts[0]
            if any(w != c * unit for w, c in zip(weights, counts, strict=True)):
                continue
            row = bytearray(doc_count)
            for docnum, count in zip(ids, counts, strict=True):
                row[docnum] = count
            out.append((field, word, unit, bytes(row)))
    return out


def write_dense(path: Path, doc_count: int, words: list[tuple[str, str, float, bytes]]) -> None:
    """The `.dense` file of a segment of `doc_count` documents (nothing when no word is
    frequent)."""
    if not words:
        return
    directory = json.dumps([[field, word, unit, zlib.crc32(row)] for field, word, unit, row in words]).encode("utf-8")
    crc = zlib.crc32(directory)
    with open(path, "wb") as f:
        f.write(_HEADER.pack(MAGIC, doc_count, len(directory), crc))
        f.write(directory)
        for *_, row in words:
            f.write(row)


def write_dense_of(folder: Path, segment: Any, terms: Terms | None, doc_count: int) -> None:
    """The dense file of a segment a pooled writer has just written and assembled (written
    before, it would be packed into the segment), from the writer's postings taken before it
    finished (whoosh_internals.pooled_terms; finishing empties them)."""
    if terms is not None:
        write_dense(Path(folder) / segment.make_filename(EXT), doc_count, frequent_words(terms, doc_count))


class DenseFile:
    """A segment's `.dense` file, memory-mapped: each frequent word's row of counts.

    Format 2 keeps each row's checksum in the directory (whose own is in the header), taken the
    first time a search reads the row; a row found damaged is not used (the word is read from
    its blocks). Format 1 has one checksum for the whole file, taken when it is opened (once
    per process, checked_files.py): ~50 ms for a CLI's first search at 100,000 articles."""

    def __init__(self, path: Path, doc_count: int) -> None:
        with open(path, "rb") as f:  # read through the file: the map's pages would stay resident
            magic, count, length, crc = _HEADER.unpack(f.read(_HEADER.size))
            if magic not in (MAGIC, WHOLE_MAGIC) or count != doc_count:
                raise ValueError("not a dense file for this segment")
            directory = f.read(length)
            start = _HEADER.size + length
            if magic == MAGIC and zlib.crc32(directory) != crc:
                raise ValueError("dense file damaged (checksum of its directory)")
            entries = json.loads(directory.decode("utf-8"))
            if os.fstat(f.fileno()).st_size != start + doc_count * len(entries):
                raise ValueError("dense file truncated")
            if magic == WHOLE_MAGIC:
                self._check_whole(f, directory, crc)
            self._rows = {
                (entry[0], entry[1]): (start + at * doc_count, float(entry[2]), entry[3] if magic == MAGIC else None)
                for at, entry in enumerate(entries)
            }
            self._sound: dict[int, bool] = {}  # a row's start: whether it matched its checksum
            self.doc_count = doc_count
            self.map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)

    @staticmethod
    def _check_whole(f: Any, directory: bytes, crc: int) -> None:
        key = stamp(f)
        if not verified(key):
            check = zlib.crc32(directory)
            while chunk := f.read(1 << 20):
                check = zlib.crc32(chunk, check)
            if check != crc:
                raise ValueError("dense file damaged (checksum)")  # wrong counts would rank wrongly
            mark_verified(key)

    def row(self, field: str, word: str) -> tuple[memoryview, float] | None:
        """The word's counts, a byte a document, and its unit; None when it is not laid out (or
        its row is damaged)."""
        found = self._rows.get((field, word))
        if found is None:
            return None
        start, unit, crc = found
        counts = memoryview(self.map)[start : start + self.doc_count]
        if crc is not None:
            sound = self._sound.get(start)
            if sound is None:
                sound = self._sound[start] = zlib.crc32(counts) == crc
            if not sound:
                return None
        return counts, unit

    def close(self) -> None:
        try:
            self.map.close()
        except BufferError:  # a row still looked at: the map goes with the last view
            pass


def open_dense(reader: Any, folder: Path) -> DenseFile | None:
    """The dense file of a segment reader's segment, or None (absent, foreign or damaged)."""
    from reader.search.whoosh_internals import segment_of

    segment = segment_of(reader)
    if segment is None:
        return None
    try:
        return DenseFile(Path(folder) / segment.make_filename(EXT), reader.doc_count_all())
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return None


class DensePostings:
    """A term's postings over every segment when some segments lay it out (DenseFile): those
    read in place, the rest (`rest`) as the dictionary `PostingsReader.postings` makes.
    Answers what that dictionary does: document number → weight, its length, its keys."""

    def __init__(self, parts: list[tuple[int, memoryview, float, frozenset[int]]], rest: dict[int, float]) -> None:
        self.parts = sorted(parts, key=lambda part: part[0])  # (first document, counts, unit, deleted)
        self._starts = [part[0] for part in self.parts]
        self.rest = rest
        self._length: int | None = None

    def __len__(self) -> int:
        if self._length is None:
            total = len(self.rest)
            for _start, row, _unit, deleted in self.parts:
                total += len(row) - row.tobytes().count(0)
                total -= sum(1 for d in deleted if row[d])
            self._length = total
        return self._length

    def looked_up_sooner(self, docs: int) -> bool:
        """Whether looking up this many documents (docs_among, counts_among: ~0.23 µs each)
        costs less than reading the whole (its set or items: every document of the segments'
        rows is stepped over, ~0.025 µs each, and each posting made, ~0.07 µs). Measured at
        100,000 articles: a title word in 7,064 of them, its set 3.3 ms; 5,000 looked up 1.1 ms."""
        span = sum(len(part[1]) for part in self.parts)
        return 9 * docs < span + 3 * len(self)

    def get(self, docnum: int, default: float = 0.0) -> float:
        at = bisect_right(self._starts, docnum) - 1
        if at >= 0:
            start, row, unit, deleted = self.parts[at]
            local = docnum - start
            if local < len(row):
                count = row[local]
                return count * unit if count and local not in deleted else default
        return self.rest.get(docnum, default)

    def __contains__(self, docnum: object) -> bool:
        return isinstance(docnum, int) and self.get(docnum) != 0.0

    def docs_among(self, docs: Iterable[int]) -> set[int]:
        """The documents of `docs` this term is in (as `d in self` for each)."""
        return {d for _unit, pairs in self.counts_among(docs) for d, _count in pairs}

    def counts_among(self, docs: Iterable[int]) -> list[tuple[float, list[tuple[int, float]]]]:
        """The documents of `docs` this term is in, with their counts, by segment: (the
        segment's unit, [(document, count)]), count × unit being the weight `get` gives; the
        documents of segments not laid out by document last, with their weights (unit 1)."""
        # The documents in order, cut where each segment's row begins and ends: a segment's
        # counts are then read with C-speed maps, not a search for its segment per document.
        ordered = sorted(docs)
        rest = self.rest
        groups: list[tuple[float, list[tuple[int, float]]]] = []
        loose: list[tuple[int, float]] = []
        at = 0
        for start, row, unit, deleted in self.parts:
            lo = bisect_left(ordered, start, at)
            loose += [(d, rest[d]) for d in ordered[at:lo] if rest.get(d)]
            at = bisect_left(ordered, start + len(row), lo)
            chunk = ordered[lo:at]
            counts = list(map(row.__getitem__, map(sub, chunk, repeat(start))))
            held: list[tuple[int, float]] = list(compress(zip(chunk, counts, strict=True), counts))
            if deleted:
                held = [pair for pair in held if pair[0] - start not in deleted]
            groups.append((unit, held))
        loose += [(d, rest[d]) for d in ordered[at:] if rest.get(d)]
        groups.append((1.0, loose))
        return groups

    def __iter__(self) -> Iterator[int]:
        return chain.from_iterable([*map(self._docs, self.parts), self.rest])

    def items(self) -> Iterator[tuple[int, float]]:
        return chain.from_iterable([*map(self._items, self.parts), self.rest.items()])

    @staticmethod
    def _docs(part: tuple[int, memoryview, float, frozenset[int]]) -> Iterator[int]:
        start, row, _unit, deleted = part
        found = compress(range(start, start + len(row)), row)  # C speed, as the next two
        return filterfalse(frozenset(start + d for d in deleted).__contains__, found) if deleted else found

    @staticmethod
    def _items(part: tuple[int, memoryview, float, frozenset[int]]) -> Iterator[tuple[int, float]]:
        start, row, unit, deleted = part
        counts = compress(row, row)
        weights = counts if unit == 1.0 else map(unit.__mul__, counts)
        pairs = zip(compress(range(start, start + len(row)), row), weights, strict=True)
        if not deleted:
            return pairs
        gone = frozenset(start + d for d in deleted)
        return (pair for pair in pairs if pair[0] not in gone)
