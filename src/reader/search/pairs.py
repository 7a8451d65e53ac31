"""Pair buckets: for one index segment, which documents hold each bucket of adjacent word pairs.

A phrase's words can sit in most articles of a corpus ("alec baldwin" in a corpus about the
Baldwins) while checking every such article's word sequence costs ~1.7 µs each: 100 ms at
100,000 articles. Every adjacent pair of words (in titles and bodies) is hashed into one of
65,536 buckets; a segment's `.pairs` file lists, per bucket, the documents holding a pair in it.
A phrase then needs checking only in the documents of its pairs' buckets (its own, plus ~1% of
the rest). The pairs of the words as typed of which a word is a stop word (which the index
drops; the pairs of the other words are those of their stems) go into the same buckets under
salts of their own: a phrase with stop words ("primary will") is confirmed in the words as
typed beside the index (schema.typed_bytes), and those buckets narrow it down to the articles
that may hold it as typed, rather than every article holding its other words.

Written beside a segment by the build workers after the segment is assembled, and for a segment
merged from such segments from theirs (`merge_pairs`); named like the segment's files, so
Whoosh deletes it with the segment. A segment without one (a small sync's) is searched from its
postings.
"""

from __future__ import annotations

import mmap
import os
import struct
import zlib
from array import array
from collections.abc import Collection
from itertools import compress
from pathlib import Path
from typing import Any

from reader.search.checked_files import mark_verified, stamp, verified
from reader.search.schema import typed_hashes

BUCKETS = 1 << 16
EXT = ".pairs"
MAGIC = b"BRPAIRS5"  # the last digit changes with the format: other files are ignored...
WHOLE_MAGIC = b"BRPAIRS4"  # ... but format 4's (one checksum of the whole file)...
UNTYPED_MAGIC = b"BRPAIRS3"  # ... and format 3's, which holds no typed pairs (one checksum too)
_HEADER = struct.Struct("<8sIII")  # magic, bucket count, document count, CRC-32 (see PairsFile)
GROUP = 256  # buckets under one checksum (format 5)
GROUPS = BUCKETS // GROUP
SALT = {"body": 0, "title": 0xE995}
TYPED_SALT = {"body": 0x7A31, "title": 0x1C4B}  # the pairs of the words as typed
MAX_DOCS = 65535  # document numbers are stored in two bytes


def pair_buckets(hashes: Any, salt: int = 0) -> set[int]:
    """The buckets of every adjacent pair in a sequence of 32-bit word hashes: the low half of
    a word's hash XOR the high half of the next one's, XOR a salt per field. Computed for all
    pairs at once on big integers (C speed; a Python loop over pairs cost 4x more)."""
    found = set(_pairs(hashes))
    return {b ^ salt for b in found} if salt else found


def dropped_pair_buckets(hashes: Any, dropped: bytes, salt: int) -> set[int]:
    """The buckets of the adjacent pairs of which a word is one the index drops (`dropped`: a
    byte a word, schema.typed_hashes): the pairs of words it keeps are those of their stems,
    already in the buckets."""
    if len(hashes) < 2:
        return set()
    left, right = int.from_bytes(dropped[:-1], "big"), int.from_bytes(dropped[1:], "big")
    either = (left | right).to_bytes(len(hashes) - 1, "big")
    return {b ^ salt for b in compress(_pairs(hashes), either)}


def _pairs(hashes: Any) -> array[int]:
    """The bucket of each adjacent pair, in order (see pair_buckets)."""
    if len(hashes) < 2:
        return array("H")
    halves = array("H")
    halves.frombytes(array("I", hashes).tobytes())
    lows, highs = halves[0:-2:2], halves[3::2]
    mixed = int.from_bytes(lows.tobytes(), "little") ^ int.from_bytes(highs.tobytes(), "little")
    out = array("H")
    out.frombytes(mixed.to_bytes(2 * len(lows), "little"))
    return out


def hashes_of(sequence: bytes) -> array[int]:
    out = array("I")
    out.frombytes(sequence)
    return out


class PairsWriter:
    def __init__(self) -> None:
        self.lists = [array("H") for _ in range(BUCKETS)]

    def add(self, docnum: int, sequences: dict[str, bytes], typed: dict[str, str]) -> None:
        """A document's pairs: of its fields' stem sequences (schema.sequence_bytes) and of
        the same fields' words as typed (their text)."""
        found: set[int] = set()
        for field, sequence in sequences.items():
            found |= pair_buckets(hashes_of(sequence), SALT[field])
        for field, text in typed.items():
            found |= dropped_pair_buckets(*typed_hashes(text), TYPED_SALT[field])
        lists = self.lists
        for bucket in found:
            lists[bucket].append(docnum)

    def write(self, path: Path, doc_count: int, typed: bool = True) -> None:
        """The file, `typed` saying whether every document's typed pairs are in it (format 5;
        without them, format 3)."""
        offsets = array("I", [0])
        for docs in self.lists:
            offsets.append(offsets[-1] + len(docs))
        if typed:
            sums = array("I", [0] * GROUPS)
            for bucket, docs in enumerate(self.lists):
                sums[bucket // GROUP] = zlib.crc32(docs.tobytes(), sums[bucket // GROUP])
            crc = zlib.crc32(sums.tobytes(), zlib.crc32(offsets.tobytes()))
        else:
            crc = zlib.crc32(offsets.tobytes())
            for docs in self.lists:
                crc = zlib.crc32(docs.tobytes(), crc)
        with open(path, "wb") as f:
            f.write(_HEADER.pack(MAGIC if typed else UNTYPED_MAGIC, BUCKETS, doc_count, crc))
            f.write(offsets.tobytes())
            if typed:
                f.write(sums.tobytes())
            for docs in self.lists:
                f.write(docs.tobytes())


class PairsFile:
    """A segment's `.pairs` file, memory-mapped.

    Format 5 keeps a checksum for each group of GROUP buckets, taken the first time a search
    reads one of them (a phrase reads a few buckets: ~0.1 MB of a 28 MB file at 100,000
    articles); the header's checksum covers the offsets and those checksums. A group found
    damaged is not used: the caller reads the segment's postings instead (`docs_of` is None).
    Formats 4 and 3 have one checksum for the whole file, taken when it is opened (once per
    process, checked_files.py): ~70 ms for a CLI's first phrase search at 100,000 articles."""

    def __init__(self, path: Path, doc_count: int) -> None:
        # The header, the offsets and the checksums are read through the file, not the map:
        # every page of the map read stays in the process's resident memory.
        with open(path, "rb") as f:
            magic, buckets, count, crc = _HEADER.unpack(f.read(_HEADER.size))
            if magic not in (MAGIC, WHOLE_MAGIC, UNTYPED_MAGIC) or buckets != BUCKETS or count != doc_count:
                raise ValueError("not a pairs file for this segment")
            self._offsets = array("I")
            self._offsets.frombytes(f.read(4 * (BUCKETS + 1)))
            self._sums = array("I")
            if magic == MAGIC:
                self._sums.frombytes(f.read(4 * GROUPS))
            self._data = _HEADER.size + 4 * (BUCKETS + 1) + 4 * len(self._sums)
            if len(self._offsets) != BUCKETS + 1 or os.fstat(f.fileno()).st_size != self._data + 2 * self._offsets[-1]:
                raise ValueError("pairs file truncated")
            if magic == MAGIC:
                if zlib.crc32(self._sums.tobytes(), zlib.crc32(self._offsets.tobytes())) != crc:
                    raise ValueError("pairs file damaged (checksum of its offsets)")
            else:
                key = stamp(f)
                if not (verified(key) or _crc_of_rest(path) == crc):
                    raise ValueError("pairs file damaged (checksum)")  # a garbled file would silently lose hits
                mark_verified(key)
            self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self.typed = magic != UNTYPED_MAGIC  # holds the pairs of the words as typed
        self._groups = bytearray(GROUPS if magic == MAGIC else 0)  # 0: not checked yet, 1: sound, 2: damaged

    def _sound(self, group: int) -> bool:
        """Whether a group of buckets matches its checksum (format 5; checked once)."""
        state = self._groups[group]
        if state == 0:
            start, end = self._offsets[group * GROUP], self._offsets[(group + 1) * GROUP]
            part = self._map[self._data + 2 * start : self._data + 2 * end]
            state = self._groups[group] = 1 if zlib.crc32(part) == self._sums[group] else 2
        return state == 1

    def entries(self) -> tuple[array[int], array[int]]:
        """Every bucket's documents one after the other, and where each bucket's begin; raises
        ValueError when a group of buckets is damaged."""
        if self._groups and not all(self._sound(group) for group in range(GROUPS)):
            raise ValueError("pairs file damaged (checksum of a group of buckets)")
        out = array("H")
        out.frombytes(self._map[self._data : self._data + 2 * self._offsets[-1]])
        return out, self._offsets

    def docs_of(self, buckets: Collection[int]) -> list[array[int]] | None:
        """The documents of each of these buckets; None when one of them is in a damaged group."""
        if self._groups and not all(self._sound(bucket // GROUP) for bucket in set(buckets)):
            return None
        return [self.docs(bucket) for bucket in buckets]

    def docs(self, bucket: int) -> array[int]:
        start, end = self._offsets[bucket], self._offsets[bucket + 1]
        out = array("H")
        out.frombytes(self._map[self._data + 2 * start : self._data + 2 * end])
        return out

    @property
    def map(self) -> mmap.mmap:
        return self._map

    def close(self) -> None:
        self._map.close()


def _crc_of_rest(path: Path) -> int:
    """The CRC-32 of a pairs file after its header."""
    crc = 0
    with open(path, "rb") as f:
        f.seek(_HEADER.size)
        while chunk := f.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return crc


def open_pairs(reader: Any, folder: Path) -> PairsFile | None:
    """The pairs file of a segment reader's segment, or None (absent, foreign or damaged)."""
    from reader.search.whoosh_internals import segment_of

    segment = segment_of(reader)
    if segment is None:
        return None
    path = Path(folder) / segment.make_filename(EXT)
    try:
        return PairsFile(path, reader.doc_count_all())
    except (OSError, ValueError, struct.error):
        return None


Placed = tuple[Any, int, "dict[int, int] | None"]  # a segment, its first document's new number, its map


def merge_pairs(folder: Path, merged: Any, sources: list[Placed]) -> bool:
    """Write the pairs file of `merged`, a segment written from `sources` (whoosh_internals.
    merged_segment), from their pairs files: each document's buckets under its new number.
    Merges made every segment of a corpus whose people pass had run: without pairs files,
    phrases were checked in every article holding their words. False, and nothing written,
    where a source has no pairs file (a small sync's) or too many documents would be held."""
    if merged.doc_count_all() > MAX_DOCS:
        return False
    files = []
    try:
        for segment, _base, _docmap in sources:
            files.append(PairsFile(Path(folder) / segment.make_filename(EXT), segment.doc_count_all()))
    except (OSError, ValueError, struct.error):
        for found in files:
            found.close()
        return False
    writer = PairsWriter()
    lists = writer.lists
    try:
        for found, (segment, base, docmap) in zip(files, sources, strict=True):
            try:
                entries, offsets = found.entries()
            except ValueError:
                return False  # a damaged source: the merged segment is searched from its postings
            if docmap is None:
                mapped = [base + d for d in entries]
            else:
                table = [docmap.get(d, -1) for d in range(segment.doc_count_all())]
                mapped = list(map(table.__getitem__, entries))
            for bucket in range(BUCKETS):
                start, end = offsets[bucket], offsets[bucket + 1]
                if start == end:
                    continue
                part = mapped[start:end]
                lists[bucket].extend(part if docmap is None else [d for d in part if d >= 0])
        writer.write(Path(folder) / merged.make_filename(EXT), merged.doc_count_all(), all(f.typed for f in files))
    finally:
        for found in files:
            found.close()
    return True
