"""Whole posting lists and field lengths, read block by block from a Whoosh searcher.

Whoosh's own matchers step through postings one document at a time in Python; reading a
term's blocks whole (each block is one unpickled tuple of ids, weights and values) and
keeping them as dictionaries keyed by document number lets the query evaluator intersect and
unite them at C speed. This module is the only place that knows Whoosh's block layout
(whoosh-reloaded 2.7.5 is pinned); any other matcher is read posting by posting.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from math import log

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.filedb.structfile import BufferFile
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length


K1, B = 1.2, 0.75  # BM25 parameters, Whoosh's defaults
CACHE_TERMS = 64  # posting lists kept between queries (search-as-you-type repeats words)
CACHE_POSTINGS = 2_000_000  # ... and at most this many postings in all (~150 MB)


class Postings:
    """One term of one field over every segment: document number → weight."""

    __slots__ = ("weights",)

    def __init__(self) -> None:
        self.weights: dict[int, float] = {}


class PostingsReader:
    """Postings, inverse document frequencies and length norms for one open searcher."""

    def __init__(self, searcher) -> None:
        self.searcher = searcher
        self.leaves = searcher.leaf_searchers()
        self.doc_count = searcher.doc_count_all()
        self._cache: OrderedDict[tuple, Postings] = OrderedDict()
        self._cached = 0
        self._norms: dict[str, list[float]] = {}
        self._sequences: dict[str, Sequences] = {}

    def postings(self, field: str, text: str | bytes, cache: bool = True) -> Postings:
        key = (field, text)
        found = self._cache.get(key) if cache else None
        if found is not None:
            self._cache.move_to_end(key)
            return found
        out = Postings()
        for sub, offset in self.leaves:
            reader = sub.reader()
            try:
                matcher = reader.postings(field, text)
            except TermNotFound:
                continue
            deleted = frozenset()
            if isinstance(matcher, FilterMatcher):
                deleted = reader.deleted_docs_set
                matcher = matcher.child
            _read_all(matcher, offset, out.weights, deleted)
        if cache:
            self._cache[key] = out
            self._cached += len(out.weights)
            while len(self._cache) > CACHE_TERMS or (self._cached > CACHE_POSTINGS and len(self._cache) > 1):
                self._cached -= len(self._cache.popitem(last=False)[1].weights)
        return out

    def sequences(self, field: str) -> Sequences | None:
        """The word-hash sequences of a field (schema.sequence_bytes), or None for an index
        without them."""
        name = f"{field}_seq"
        if name not in self.searcher.schema:
            return None
        found = self._sequences.get(name)
        if found is None:
            found = self._sequences[name] = Sequences(self.leaves, name)
        return found

    def all_docs(self) -> set[int]:
        docs: set[int] = set()
        for sub, offset in self.leaves:
            docs.update(d + offset for d in sub.reader().all_doc_ids())
        return docs

    def idf(self, field: str, text: str) -> float:
        """Whoosh's inverse document frequency, so scores match its BM25F."""
        return log(self.doc_count / (self.searcher.doc_frequency(field, text) + 1)) + 1

    def norms(self, field: str) -> list[float]:
        """For every document: K1 * ((1 - B) + B * length / average length) of the field."""
        found = self._norms.get(field)
        if found is not None:
            return found
        average = self.searcher.avg_field_length(field) or 1.0
        table = [K1 * ((1 - B) + B * byte_to_length(b) / average) for b in range(256)]
        norms: list[float] = []
        for sub, offset in self.leaves:
            lengths = _length_bytes(sub.reader(), field)
            if len(norms) < offset:
                norms.extend([table[0]] * (offset - len(norms)))
            norms.extend(table[b] for b in lengths)
        if len(norms) < self.doc_count:
            norms.extend([table[0]] * (self.doc_count - len(norms)))
        self._norms[field] = norms
        return norms


def _read_all(matcher, offset: int, weights: dict[int, float], deleted) -> None:
    if type(matcher) is W3LeafMatcher:
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids = matcher._ids if not offset else [i + offset for i in matcher._ids]
            weights.update(zip(ids, matcher._weights))
            matcher._next_block()
    else:
        while matcher.is_active():
            weights[matcher.id() + offset] = matcher.weight()
            matcher.next()
    for docnum in deleted:
        weights.pop(docnum + offset, None)


def _length_bytes(reader, field: str) -> bytes:
    """The one-byte encoded length of `field` for every document of a segment."""
    count = reader.doc_count_all()
    column = None
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

        column = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if column is not None and hasattr(column, "_dbfile"):
        raw = column._dbfile.get(column._basepos, min(count, column._count))
        return raw + bytes(count - len(raw))
    from whoosh.util.numeric import length_to_byte

    return bytes(length_to_byte(reader.doc_field_length(d, field, 0) or 0) for d in range(count))


class Sequences:
    """One column of word-hash sequences over every segment, read straight from the segment's
    memory map where Whoosh has one (its column readers cost ~3.5 µs a document in wrappers)."""

    def __init__(self, leaves, name: str) -> None:
        self.starts: list[int] = []
        self.parts: list[tuple] = []
        for sub, offset in leaves:
            reader = sub.reader()
            self.starts.append(offset)
            if not reader.has_column(name):
                self.parts.append((None, offset))
                continue
            column = reader.column_reader(name, translate=False)
            dbfile = getattr(column, "_dbfile", None)
            if isinstance(dbfile, BufferFile) and hasattr(column, "_offsets"):
                self.parts.append(((dbfile._buf, column._basepos, column._offsets, column._lengths), offset))
            else:
                self.parts.append((column, offset))

    def holding(self, docs, phrase: bytes) -> set[int]:
        """The documents among `docs` whose sequence holds `phrase` at a word boundary."""
        found = set()
        starts, parts = self.starts, self.parts
        for docnum in docs:
            part, offset = parts[bisect_right(starts, docnum) - 1]
            if part is None:
                continue
            local = docnum - offset
            if isinstance(part, tuple):
                buf, base, offsets, lengths = part
                start = base + offsets[local]
                sequence = buf[start:start + lengths[local]].tobytes()
            else:
                sequence = part[local]
            at = sequence.find(phrase)
            while at > 0 and at % 4:
                at = sequence.find(phrase, at + 1)
            if at >= 0:
                found.add(docnum)
        return found

    def sequence(self, docnum: int) -> bytes:
        part, offset = self.parts[bisect_right(self.starts, docnum) - 1]
        if part is None:
            return b""
        local = docnum - offset
        if isinstance(part, tuple):
            buf, base, offsets, lengths = part
            start = base + offsets[local]
            return buf[start:start + lengths[local]].tobytes()
        return part[local]
