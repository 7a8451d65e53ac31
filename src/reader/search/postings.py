"""Whole posting lists and field lengths, read block by block from a Whoosh searcher.

Whoosh's own matchers step through postings one document at a time in Python; reading a
term's blocks whole (each block is one unpickled tuple of ids, weights and values) and
keeping them as dictionaries keyed by document number lets the query evaluator intersect and
unite them at C speed. The block layout and the memory-mapped columns are read
through `whoosh_internals`, the one place that touches Whoosh's private names.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from math import log
from pathlib import Path
from typing import Any

from whoosh.util.numeric import byte_to_length

from reader.search import whoosh_internals as internals
from reader.search.dense import FIELDS as DENSE_FIELDS
from reader.search.dense import DenseFile, DensePostings, open_dense
from reader.search.pairs import PairsFile, open_pairs

K1, B = 1.2, 0.75  # BM25 parameters, Whoosh's defaults
Postings = dict[int, float] | DensePostings  # document number → weight
CACHE_TERMS = 64  # posting lists kept between queries (search-as-you-type repeats words)
CACHE_POSTINGS = 600_000  # ... and at most this many postings in all (~60 MB)


class PostingsReader:
    """Postings, inverse document frequencies and length norms for one open searcher."""

    def __init__(self, searcher: Any, folder: Path | None = None) -> None:
        self.searcher = searcher
        self.folder = folder  # the index's folder, where pairs files are
        self.leaves = searcher.leaf_searchers()
        self.doc_count = searcher.doc_count_all()
        self._cache: OrderedDict[tuple[Any, ...], Postings] = OrderedDict()
        self._cached = 0
        self._norms: dict[str, list[float]] = {}
        self._sequences: dict[str, Sequences] = {}
        self._pairs: dict[int, PairsFile | None] = {}
        self._dense: dict[int, DenseFile | None] = {}

    def postings(self, field: str, text: str | bytes, cache: bool = True) -> Postings:
        """One term of one field over every segment: document number → weight. Where segments
        lay the term out by document (dense.py) it is read there, in place (DensePostings)."""
        key = (field, text)
        found = self._cache.get(key) if cache else None
        if found is not None:
            self._cache.move_to_end(key)
            return found
        weights: dict[int, float] = {}
        parts = []
        laid_out = field in DENSE_FIELDS and isinstance(text, str)
        for leaf, (sub, offset) in enumerate(self.leaves):
            dense = self.dense(leaf) if laid_out else None
            row = dense.row(field, str(text)) if dense is not None else None
            if row is not None:
                parts.append((offset, row[0], row[1], self.deleted(leaf)))
            else:
                _read_leaf((sub, offset), field, text, weights)
        found = DensePostings(parts, weights) if parts else weights
        if cache:
            self._cache[key] = found
            self._cached += len(weights)  # what a DensePostings holds in memory: its dictionary
            while len(self._cache) > CACHE_TERMS or (self._cached > CACHE_POSTINGS and len(self._cache) > 1):
                evicted = self._cache.popitem(last=False)[1]
                self._cached -= len(evicted.rest if isinstance(evicted, DensePostings) else evicted)
        return found

    def leaf_docs(self, leaf: int, field: str, text: str) -> set[int]:
        """The documents (index-wide numbers) of one segment that hold a term."""
        weights: dict[int, float] = {}
        _read_leaf(self.leaves[leaf], field, text, weights)
        return set(weights)

    def deleted(self, leaf: int) -> frozenset[int]:
        """Document numbers (in the segment) deleted from one segment."""
        reader = self.leaves[leaf][0].reader()
        return reader.deleted_docs_set if reader.has_deletions() else frozenset()

    def dense(self, leaf: int) -> DenseFile | None:
        """The dense file of a segment (dense.py), if it has one."""
        if leaf not in self._dense:
            reader = self.leaves[leaf][0].reader()
            self._dense[leaf] = open_dense(reader, self.folder) if self.folder else None
        return self._dense[leaf]

    def pairs(self, leaf: int) -> PairsFile | None:
        """The pair-bucket file of a segment (pairs.py), if it has one."""
        if leaf not in self._pairs:
            reader = self.leaves[leaf][0].reader()
            self._pairs[leaf] = open_pairs(reader, self.folder) if self.folder else None
        return self._pairs[leaf]

    def prepare(self) -> None:
        """What a first search reads of every segment, read now: its dense file, the scored
        fields' length norms, where its stored fields begin (tens of milliseconds at 100,000
        articles, otherwise paid by the first search)."""
        for leaf, (sub, _offset) in enumerate(self.leaves):
            self.dense(leaf)
            reader = sub.reader()
            if reader.doc_count_all():
                reader.stored_fields(0)
        for field in DENSE_FIELDS:
            if field in self.searcher.schema:
                self.norms(field)

    def release_pages(self) -> None:
        """Let go of the index pages the last search touched (they stay in the system's page
        cache; whoosh_internals.release_pages)."""
        maps = [m for sub, _ in self.leaves for m in internals.segment_maps(sub.reader())]
        maps += [found.map for found in self._pairs.values() if found is not None]
        maps += [found.map for found in self._dense.values() if found is not None]
        internals.release_pages(maps)

    def close(self) -> None:
        self._cache.clear()  # the views of dense files' maps first
        self._cached = 0
        for dense in self._dense.values():
            if dense is not None:
                dense.close()
        self._dense.clear()
        for sequences in self._sequences.values():
            sequences.close()
        self._sequences.clear()
        for found in self._pairs.values():
            if found is not None:
                found.close()
        self._pairs.clear()

    def typed_sequences(self, field: str) -> Sequences | None:
        """The words as typed of a field, 2 bytes a word (schema.typed_bytes), or None for an
        index without them."""
        name = f"{field}_typed"
        if name not in self.searcher.schema:
            return None
        found = self._sequences.get(name)
        if found is None:
            found = self._sequences[name] = Sequences(self.leaves, name, width=2)
        return found

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

    def field_boost(self, field: str) -> float:
        return getattr(self.searcher.schema[field].format, "field_boost", 1.0)

    def all_docs(self) -> set[int]:
        docs: set[int] = set()
        for sub, offset in self.leaves:
            docs.update(d + offset for d in sub.reader().all_doc_ids())
        return docs

    def idf(self, field: str, text: str) -> float:
        """Whoosh's inverse document frequency, so scores match its BM25F."""
        return log(self.doc_count / (self.searcher.doc_frequency(field, text) + 1)) + 1

    def norm_table(self, field: str) -> list[float]:
        """The norm of each of the 256 lengths a field's length byte stands for."""
        average = self.searcher.avg_field_length(field) or 1.0
        return [K1 * ((1 - B) + B * byte_to_length(b) / average) for b in range(256)]

    def lengths(self, field: str, leaf: int) -> bytes:
        """The length bytes of a field for every document of one segment."""
        return internals.length_bytes(self.leaves[leaf][0].reader(), field)

    def norms(self, field: str) -> list[float]:
        """For every document: K1 * ((1 - B) + B * length / average length) of the field."""
        found = self._norms.get(field)
        if found is not None:
            return found
        table = self.norm_table(field)
        norms: list[float] = []
        for leaf, (_sub, offset) in enumerate(self.leaves):
            lengths = self.lengths(field, leaf)
            if len(norms) < offset:
                norms.extend([table[0]] * (offset - len(norms)))
            norms.extend(map(table.__getitem__, lengths))
        if len(norms) < self.doc_count:
            norms.extend([table[0]] * (self.doc_count - len(norms)))
        self._norms[field] = norms
        return norms


def _read_leaf(leaf: tuple[Any, int], field: str, text: Any, weights: dict[int, float]) -> None:
    sub, offset = leaf
    internals.read_term(sub.reader(), field, text, offset, weights)


class Sequences:
    """One column of word-hash sequences over every segment, read straight from the segment's
    memory map. Whoosh's own column reader first copies the whole column into a BytesIO (0.7 s
    and 160 MB for the sequences of 100,000 articles) and then costs ~3.5 µs a document."""

    def __init__(self, leaves: list[tuple[Any, int]], name: str, width: int = 4) -> None:
        self.width = width  # bytes a word
        self.starts: list[int] = []
        self.parts: list[tuple[Any, int]] = []
        self._views: list[memoryview] = []
        for sub, offset in leaves:
            reader = sub.reader()
            self.starts.append(offset)
            if not reader.has_column(name):
                self.parts.append((None, offset))
                continue
            mapped = self._mapped(reader, name)
            self.parts.append((mapped if mapped is not None else reader.column_reader(name, translate=False), offset))

    def _mapped(self, reader: Any, name: str) -> tuple[Any, ...] | None:
        found = internals.column_view(reader, name)
        if found is None:
            return None
        view, column = found
        self._views.append(view)
        return (view, 0, *internals.column_bounds(column))

    def close(self) -> None:
        self.parts.clear()
        for view in self._views:
            view.release()
        self._views.clear()

    def holding(self, docs: Iterable[int], phrase: bytes, words: list[bytes]) -> dict[int, list[int]]:
        """The documents among `docs` whose sequence holds `phrase` at a word boundary, each
        with how often it holds each of `words` (hashes as bytes), for scoring."""
        width = self.width
        found: dict[int, list[int]] = {}
        ordered = sorted(docs)
        bounds = self.starts[1:] + [ordered[-1] + 1 if ordered else 0]
        i = 0
        for (part, offset), end in zip(self.parts, bounds, strict=False):
            j = bisect_right(ordered, end - 1, i)
            if part is None or i == j:
                i = j
                continue
            if isinstance(part, tuple):
                view, base, offsets, lengths = part
                sequences = (
                    (d, view[base + offsets[d - offset] : base + offsets[d - offset] + lengths[d - offset]].tobytes())
                    for d in ordered[i:j]
                )
            else:
                sequences = ((d, part[d - offset]) for d in ordered[i:j])
            for docnum, sequence in sequences:
                at = sequence.find(phrase)
                if at < 0:
                    continue
                while at % width:
                    at = sequence.find(phrase, at + 1)
                    if at < 0:
                        break
                else:
                    # bytes.count, not array.count (which boxes every element: 20 µs an
                    # article); a word's 4 bytes met across a word boundary count once too many.
                    found[docnum] = [sequence.count(w) for w in words]
            i = j
        return found

    def sequence(self, docnum: int) -> bytes:
        part, offset = self.parts[bisect_right(self.starts, docnum) - 1]
        if part is None:
            return b""
        local = docnum - offset
        if isinstance(part, tuple):
            buf, base, offsets, lengths = part
            start = base + offsets[local]
            data: bytes = buf[start : start + lengths[local]].tobytes()
            return data
        stored: bytes = part[local]
        return stored
