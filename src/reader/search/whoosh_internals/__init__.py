"""Every use of Whoosh's private internals, in one place. whoosh-reloaded 2.7.5 is pinned; a
different build could move any of these, so each fast path here has a public fallback, and
`self_check` says which fast paths an open index would not take (the engine then tells the user,
once, that search runs in compatibility mode) instead of everything silently running 10-100x
slower.

What it relies on:
- `whoosh.filedb.compound.BufferFile`: replaced by `ViewBufferFile`, which reads a file inside
  a memory-mapped compound segment without copying it (Whoosh wraps it in a BytesIO, a copy:
  ~700 MB for a 100,000-article index). Applied on import.
- `VarBytesColumn.Reader._read_offsets_and_lengths` and its `_dbfile/_basepos/_length/
  _doccount/_offsets/_lengths`: a stored column's offsets summed at C speed (Whoosh appends
  them one by one when only lengths were written, as for stored fields). Applied on import.
- `W3LeafMatcher._read_ids/_read_weights/_ids/_weights/_next_block`: a posting list read a
  whole block at a time (`block_weights`). Over a compound segment, `SegmentReader._terms.
  _postfile` and the term's `W3TermInfo.extent()`: its blocks read straight from the memory
  map, in W3PostingsWriter's layout, without a matcher.
- `SegmentReader._perdoc._cached_reader` and a lengths column's `_dbfile/_basepos/_count`: all
  field lengths of a segment in one read (`length_bytes`).
- `SegmentReader._perdoc._storage` (an `OverlayStorage`'s `.a`), `_source`, `.range()`,
  `_perdoc._segment`, and `VarBytesColumn.Reader._offsets/_lengths`: a stored column read
  straight from the segment's memory map (`column_view`).
- `SegmentReader._segment`: the segment a reader reads, to find its pairs file (`segment_of`).
- `SegmentReader._storage` (an `OverlayStorage`'s `.a`) and its `_source`: the segment's memory
  map, whose pages a search touched are let go after it (`segment_maps`; without it the app's
  memory holds every page of the index it has read).
- `SegmentWriter._finalize_segment/_close_segment/_merge_segments/_added/_flush_segment/
  _commit_toc/_finish`: worker processes write segments that one commit adds (`finish_segment`,
  `close_segment`, `commit_segments`). These have no fallback: without them the index is built
  by one process (`writer_internals_present` says so).
- `W3FieldWriter._postfile/_tindex/_fieldid/_codec`, the codec's `_blocklimit/_compression/
  _inlinelimit`, `W3TermInfo`'s counters, `WHOOSH3_HEADER_MAGIC`, and `SegmentWriter`'s
  `pool/perdocwriter/_check_state/_doc_boost/_field_boost/_check_fields/_assemble_segment`:
  a worker's postings gathered per term (`TermPool`) and written a block at a time as
  W3PostingsWriter writes them, byte for byte (`pooled_writer`, `pooled_add`, `finish_pooled`);
  where any is missing the worker writes through Whoosh's own pool (`pooled_writer` checks).

- `SegmentWriter.write_per_doc/storage/indexname/codec`, `SegmentReader._terms.items()` and
  `W3TermInfo.extent/is_inlined`: small segments merged by copying their documents and their
  posting lists a block at a time into a TermPool (`merged_segment`); where any is missing they
  are merged the Whoosh way.

`reading.py` holds the reading side, `writing.py` the writing side, `merging.py` the merging of
small segments; the self-check is here.
"""

from __future__ import annotations

from typing import Any

from whoosh.filedb import compound
from whoosh.matching.wrappers import FilterMatcher

from reader.search.whoosh_internals import reading
from reader.search.whoosh_internals.merging import merged_segment
from reader.search.whoosh_internals.reading import (
    ViewBufferFile,
    _block_reader,
    _lengths_column,
    apply_patch,
    column_bounds,
    column_view,
    length_bytes,
    read_term,
    release_pages,
    segment_maps,
    segment_of,
)
from reader.search.whoosh_internals.writing import (
    TermPool,
    close_segment,
    commit_segments,
    finish_pooled,
    finish_segment,
    pooled_add,
    pooled_terms,
    pooled_writer,
    writer_internals_present,
)

__all__ = [
    "TermPool",
    "ViewBufferFile",
    "apply_patch",
    "close_segment",
    "column_bounds",
    "column_view",
    "commit_segments",
    "finish_pooled",
    "finish_segment",
    "length_bytes",
    "merged_segment",
    "pooled_add",
    "pooled_terms",
    "pooled_writer",
    "read_term",
    "release_pages",
    "segment_maps",
    "segment_of",
    "self_check",
    "writer_internals_present",
]


# --- the self-check ----------------------------------------------------------------------------


def self_check(searcher: Any) -> list[str]:
    """The fast paths an open searcher would not take, by name (empty: all are taken). Looks at
    the first segment with documents and a term of its body field."""
    missing = []
    if compound.BufferFile is not ViewBufferFile:
        missing.append("compound files read without copying")
    if not reading.offsets_patched():
        missing.append("stored fields' offsets summed at C speed")
    if not writer_internals_present():
        missing.append("index built by worker processes")
    leaves = [sub for sub, _ in searcher.leaf_searchers() if sub.reader().doc_count_all()]
    if not leaves:
        return missing
    reader = leaves[0].reader()
    term = next(iter(reader.lexicon("body")), None) if "body" in reader.schema else None
    if term is not None:
        matcher = reader.postings("body", term)
        if isinstance(matcher, FilterMatcher):
            matcher = matcher.child
        if not _block_reader(matcher):
            missing.append("posting lists read a block at a time")
        if reading._segment_postings(reader) is None:
            missing.append("posting lists read straight from the memory map")
    if "body" in reader.schema and _lengths_column(reader, "body") is None:
        missing.append("field lengths read in one pass")
    for name in ("body_seq", "title_seq"):
        if reader.has_column(name):
            mapped = column_view(reader, name)
            if mapped is None:
                missing.append("word sequences read from the memory map")
            else:
                mapped[0].release()
            break
    if segment_of(reader) is None:
        missing.append("pairs files found by segment")
    if not segment_maps(reader):
        missing.append("index pages let go after a search")
    return missing
