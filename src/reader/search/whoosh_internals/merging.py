"""Merging small segments through Whoosh's private internals: each segment's documents copied
by Whoosh's own per-document step (stored fields, lengths, columns), and its postings read a
block at a time from the segment's memory map and handed to a TermPool a term at a time.

Whoosh's own merge (`SegmentWriter.add_reader`) makes a matcher per term and a tuple per
posting, then sorts them all: 14 ms a document in a people pass (more than indexing the
article again), 24 of its 91 seconds for 1,680 articles. Where a fast path is missing the
caller merges the Whoosh way (`merged_segment` returns None).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC
from whoosh.index import FileIndex
from whoosh.reading import SegmentReader

from reader.search.whoosh_internals.reading import _segment_postings, raw_blocks
from reader.search.whoosh_internals.writing import TermPool, close_segment, finish_pooled, pooled_terms, pooled_writer

Copied = Callable[[Any, int, "dict[int, int] | None"], None]
Finished = Callable[[Any, Any, int], None]
MERGE_MB = 64  # the merged segment's pool: a few thousand small documents


def merged_segment(
    writer: Any, segments: list[Any], copied: Copied | None = None, finished: Finished | None = None
) -> Any | None:
    """One new segment (written, not yet committed) holding the live documents of `segments`
    in their order; None when it cannot be written this way (nothing written then). `copied`
    hears, for each segment, where its documents went: the number of the first in the new
    segment and, where some were deleted, a map of old numbers to new (None: in order);
    `finished`, the new segment, its postings by field and term (TermPool.terms) and its
    document count, once it is assembled."""
    target = pooled_writer(FileIndex(writer.storage, writer.schema, writer.indexname), MERGE_MB, writer.codec)
    if not isinstance(target.pool, TermPool):
        close_segment(target)
        return None
    for segment in segments:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        try:
            placed = _copy(target, reader)
        finally:
            reader.close()
        if placed is None:
            close_segment(target)  # its files are left unreferenced: the commit's cleanup takes them
            return None
        if copied is not None:
            copied(segment, *placed)
    terms = pooled_terms(target)  # before finishing, which lets them go
    merged = finish_pooled(target)
    if finished is not None:
        finished(merged, terms, target.docnum)
    return merged


def _copy(target: Any, reader: Any) -> tuple[int, dict[int, int] | None] | None:
    """One segment's live documents added to `target` (a writer from pooled_writer): the new
    number of its first document and the map of its numbers (None: in order), or None when
    it cannot be copied this way."""
    view = _segment_postings(reader)
    terms: Any = getattr(reader, "_terms", None)
    if view is None or not hasattr(terms, "items"):
        return None
    schema, pool = target.schema, target.pool
    indexed = {name for name in reader.indexed_field_names() if name in schema}
    base = target.docnum
    docmap = target.write_per_doc(set(schema.names()) | indexed, reader)  # None: no deletions
    for (fieldname, text), info in terms.items():
        if fieldname not in schema:
            continue
        if info.is_inlined():
            return None
        begin = info.extent()[0]
        if view[begin : begin + 4] != WHOOSH3_HEADER_MAGIC:
            return None
        field = schema[fieldname]
        counted = getattr(field, "counted_words", None) is not None
        fixed = field.format.fixed_value_size()
        if counted and fixed != 4:
            return None  # a counted field's frequencies are 4-byte numbers in TermPool
        ids, weights, values = _postings(view, begin + 4, counted, fixed)
        if len(values) not in (0, len(ids)):
            return None  # values for some postings only: not what TermPool keeps
        if docmap is None:
            ids = [base + i for i in ids]
        else:
            kept = [at for at, i in enumerate(ids) if i in docmap]
            if not kept:
                continue
            ids = [docmap[ids[at]] for at in kept]
            weights = [weights[at] for at in kept]
            values = [values[at] for at in kept] if values else values
        pool.add_postings(fieldname, text.decode("utf-8") if counted else text, ids, weights, values, counted)
    target._added = True
    return base, docmap


def _postings(view: memoryview, position: int, counted: bool, fixed: int | None) -> tuple[list[int], list[float], Any]:
    """A term's posting list in one segment: ids, weights and values, as TermPool keeps them
    (a counted field's values as frequencies, 4-byte numbers; another's as bytes, none for a
    field without)."""
    ids: list[int] = []
    weights: list[float] = []
    values: list[Any] = []
    packed = bytearray()  # a counted field's frequencies, as written (big-endian)
    for block_ids, block_weights, block_values, count in raw_blocks(view, position):
        ids.extend(block_ids)
        if block_weights is None:
            weights.extend([1.0] * count)
        elif isinstance(block_weights, float):
            weights.extend([block_weights] * count)
        else:
            weights.extend(block_weights)
        if counted:
            packed += block_values
        elif fixed is None or fixed < 0:
            values.extend(v for v in block_values if v)
        elif fixed > 0:
            values.extend(block_values[at : at + fixed] for at in range(0, len(block_values), fixed))
    if counted:
        freqs = array("I", bytes(packed))
        if sys.byteorder == "little":
            freqs.byteswap()
        return ids, weights, freqs
    return ids, weights, values
