"""Committing a sync's writes: the segments worker processes wrote are added beside the
writer's own, and the merge policy that keeps a one-file change from rewriting the index.
Whoosh's writer internals are reached through `whoosh_internals`."""

from __future__ import annotations

from typing import Any

from reader.search import whoosh_internals as internals
from reader.search.dense import write_dense_of
from reader.search.pairs import Placed, merge_pairs

SMALL_SEGMENT = 1000  # segments smaller than this are merged together...
MERGE_AT = 8  # ...once there are this many


def commit(writer: Any, segments: list[Any], few: bool = False) -> None:
    """Commit the writer, adding segments that worker processes wrote (as Whoosh's own
    multi-process writer does, without merging them). `few`: a few files indexed on their own
    (file_adding.py), whose commit merges only tiny segments (`merge_tiny`), so that one added
    article never waits for a merge of thousands."""
    policy = merge_tiny if few else merge_small
    if not segments:
        writer.commit(mergetype=policy)
        return
    internals.commit_segments(writer, policy, segments)


TINY_SEGMENT = 50  # segments of articles added a few at a time...


def merge_tiny(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge policy of a few files indexed on their own: the segments of fewer than TINY_SEGMENT
    documents merged once there are MERGE_AT of them (a few hundred documents at most); the
    rest is left to the next whole sync's `merge_small`."""
    return _merged(writer, segments, TINY_SEGMENT)


def merge_small(writer: Any, segments: list[Any]) -> list[Any]:
    """Merge policy: the segments of fewer than SMALL_SEGMENT documents are merged into the one
    being written once there are MERGE_AT of them; bigger ones are left alone. Whoosh's own
    policy (MERGE_SMALL) merges every segment once there are about twenty of similar size,
    which a build in worker processes makes: a one-file change then re-wrote all 100,000
    articles (minutes, under the lock)."""
    return _merged(writer, segments, SMALL_SEGMENT)


def _merged(writer: Any, segments: list[Any], below: int) -> list[Any]:
    """The small segments written again as one (whoosh_internals.merged_segment: their postings
    a block at a time), else added to the writer's own the Whoosh way (a posting at a time).
    Segments whose every document was deleted are dropped (the commit's cleanup removes their
    files): the people pass writes every article of a large build again, which left the build's
    segments in the index, read by every search for nothing."""
    from whoosh.reading import SegmentReader

    segments = [s for s in segments if s.doc_count() > 0]
    small = [s for s in segments if s.doc_count_all() < below]
    if len(small) < MERGE_AT:
        return segments
    placed: list[Placed] = []
    folder = writer.storage.folder
    merged = internals.merged_segment(
        writer,
        small,
        lambda *where: placed.append(where),
        lambda segment, terms, count: write_dense_of(folder, segment, terms, count),
    )
    if merged is not None:
        # Written after the segment is assembled, or it would be packed into the segment.
        merge_pairs(folder, merged, placed)
        return [s for s in segments if s not in small] + [merged]
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in small]
