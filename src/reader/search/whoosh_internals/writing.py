"""Writing an index through Whoosh's private internals: segments written by worker processes
and committed together, and their postings gathered per term (TermPool) and written a block at
a time rather than a posting at a time (see the package's docstring for every name relied on)."""

from __future__ import annotations

import operator
import sys
import zlib
from array import array
from collections.abc import Callable
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3FieldWriter, W3TermInfo
from whoosh.compat import dumps
from whoosh.system import pack_uint, pack_ushort
from whoosh.writing import SegmentWriter

# --- writing -----------------------------------------------------------------------------------

_WRITER_NAMES = ("_finalize_segment", "_close_segment", "_merge_segments", "_flush_segment", "_commit_toc", "_finish")


def writer_internals_present() -> bool:
    """Whether worker processes can write segments for one commit (else one process builds)."""
    return all(hasattr(SegmentWriter, name) for name in _WRITER_NAMES)


def finish_segment(writer: Any) -> Any:
    """Close a worker's writer and return its finished segment, without committing."""
    return writer._finalize_segment()


def close_segment(writer: Any) -> None:
    """Close a worker's writer that wrote nothing."""
    writer._close_segment()


def commit_segments(writer: Any, merge: Callable[[Any, list[Any]], list[Any]], segments: list[Any]) -> None:
    """Commit the writer, adding the segments worker processes wrote beside its own (as Whoosh's
    own multi-process writer does, without merging them)."""
    final = writer._merge_segments(merge, None, None)
    if writer._added:
        writer._flush_segment()
        final.append(writer.get_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final + segments)
    writer._finish()


class TermPool:
    """A worker's postings gathered per field and term, three arrays a term, in place of Whoosh's
    pool (`SegmentWriter.pool`), which keeps a tuple per posting, sorts them all and hands them
    one at a time to the codec's writer: two thirds of a build's time went there. Written out
    a block at a time by `_write_pooled` as Whoosh's W3 codec writes them, byte for byte (a
    test compares the segment files). Documents are added in docnum order, so each term's
    postings are in order already. A field that counts its words (`counted_words`: the text
    fields) is kept by word, its values as frequencies, and encoded once per word when written."""

    def __init__(self, limitmb: int) -> None:
        self.terms: dict[str, dict[Any, tuple[array[int], array[float], Any]]] = {}
        self.counted: set[str] = set()  # fields kept by word (str), values as an array of counts
        self.limit = limitmb * 1024 * 1024
        self.currentsize = 0  # bytes, roughly: the worker starts a new segment near the limit

    def _field(self, fieldname: str) -> dict[Any, tuple[array[int], array[float], Any]]:
        field = self.terms.get(fieldname)
        if field is None:
            field = self.terms[fieldname] = {}
        return field

    def add_field(self, fieldname: str, docnum: int, items: Any, boost: float) -> int:
        """One document's postings in one field, from `field.index(value)`; the document's
        length in the field (the sum of the words' frequencies)."""
        field, length, size = self._field(fieldname), 0, 0
        for text, freq, weight, value in items:
            postings = field.get(text)
            if postings is None:
                postings = field[text] = (array("I"), array("f"), [])
                size += 160 + len(text)
            postings[0].append(docnum)
            postings[1].append(weight * boost)
            if value:
                postings[2].append(value)
            length += freq
            size += 12 + (len(value) if value else 0)
        self.currentsize += size
        return length

    def add_counts(self, fieldname: str, docnum: int, counts: dict[str, int], field_boost: float, boost: float) -> int:
        """add_field for a field that counts its words: word → frequency; the weight is the
        frequency times the field's boost times the document's (multiplied in Whoosh's order),
        the value the frequency (a 4-byte unsigned int)."""
        self.counted.add(fieldname)
        field, size = self._field(fieldname), 0
        for word, freq in counts.items():
            postings = field.get(word)  # str keys hash once: bytes made per posting hashed each time
            if postings is None:
                postings = field[word] = (array("I"), array("f"), array("I"))
                size += 200 + len(word)
            postings[0].append(docnum)
            postings[1].append(freq * field_boost * boost)
            postings[2].append(freq)
        self.currentsize += size + 12 * len(counts)
        return sum(counts.values())

    def add_postings(
        self, fieldname: str, term: Any, ids: list[int], weights: list[float], values: Any, counted: bool
    ) -> None:
        """A term's postings from another segment (merging.py), its documents numbered in this
        one, after any this pool holds: a counted field's by word with frequencies as values."""
        if counted:
            self.counted.add(fieldname)
        field = self._field(fieldname)
        postings = field.get(term)
        if postings is None:
            postings = field[term] = (array("I"), array("f"), array("I") if counted else [])
        postings[0].extend(ids)
        postings[1].extend(weights)
        postings[2].extend(values)
        self.currentsize += 12 * len(ids)

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        """Whoosh's own pool's call (`writer.add_document`), a posting at a time."""
        fieldname, text, docnum, weight, value = item
        if fieldname in self.counted:
            raise ValueError(f"{fieldname}: a counted field takes add_counts")
        self.add_field(fieldname, docnum, [(text, 0, weight, value)], 1.0)

    def cleanup(self) -> None:
        self.terms = {}


def _block_values(values: Any, counted: bool, fixed: int | None) -> Any:
    """A block's values as W3PostingsWriter minifies them (`_mini_values`)."""
    if counted:
        if fixed == 4:
            packed = array("I", values)
            if sys.byteorder == "little":
                packed.byteswap()  # pack_uint is big-endian
            return packed.tobytes()
        values = [pack_uint(freq) for freq in values]
    if fixed is None or fixed < 0:
        return tuple(values)
    return None if fixed == 0 else b"".join(values)


def pooled_writer(ix: Any, limitmb: int, codec: Any) -> Any:
    """A segment writer whose postings go to a TermPool (Whoosh's own pool where the codec's
    writer is not the one TermPool writes for)."""
    writer = SegmentWriter(ix, _lk=False, limitmb=limitmb, codec=codec)
    if _pool_writes_present(writer):
        writer.pool = TermPool(limitmb)
    return writer


def pooled_add(writer: Any, fields: dict[str, Any]) -> None:
    """`writer.add_document(**fields)` for a writer from pooled_writer: Whoosh's own steps, the
    postings handed to the TermPool a field at a time rather than a tuple at a time."""
    pool = writer.pool
    if not isinstance(pool, TermPool):
        writer.add_document(**fields)
        return
    writer._check_state()
    perdoc, schema, docnum = writer.perdocwriter, writer.schema, writer.docnum
    docboost = writer._doc_boost(fields)
    names = sorted(name for name in fields if not name.startswith("_"))
    writer._check_fields(schema, names)
    perdoc.start_doc(docnum)
    try:
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = schema[name]
            length = 0
            if field.indexed:
                boost = writer._field_boost(fields, name, docboost)
                counts = getattr(field, "counted_words", None)
                if counts is not None:
                    length = pool.add_counts(name, docnum, counts(value), field.format.field_boost, boost)
                else:
                    length = pool.add_field(name, docnum, field.index(value), boost)
                if not field.scorable:
                    length = 0
            stored = fields.get(f"_stored_{name}", value)
            perdoc.add_field(name, field, stored if field.stored else None, length)
            if field.column_type and stored is not None:
                perdoc.add_column_value(name, field.column_type, field.to_column_value(stored))
    except Exception:
        perdoc.cancel_doc()
        raise
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


def _pool_writes_present(writer: Any) -> bool:
    fields = writer.fieldwriter
    return (
        isinstance(fields, W3FieldWriter)
        and all(
            hasattr(obj, name)
            for obj, names in (
                (fields, ("_postfile", "_tindex", "_fieldid", "_codec")),
                (fields._codec, ("_blocklimit", "_compression", "_inlinelimit")),
                (writer, ("perdocwriter", "_close_segment", "_assemble_segment", "_check_state", "_doc_boost")),
                (writer, ("_check_fields", "_field_boost", "_added", "docnum")),
            )
            for name in names
        )
        and fields._codec._inlinelimit <= 1  # no posting list inlined in its term's entry
        and not fields._codec.length_stats  # no field lengths in the blocks
        and not any(field.separate_spelling() or field.vector for _, field in writer.schema.items())
    )


def _write_pooled(writer: Any) -> None:
    """`SegmentWriter._flush_segment` for a TermPool: each field's terms in order, each term's
    postings in blocks of the codec's size, as W3PostingsWriter writes them (its `length_stats`
    off: no field lengths in the blocks)."""
    writer.perdocwriter.close()
    fields, pool = writer.fieldwriter, writer.pool
    codec = fields._codec
    size, level, postfile = codec._blocklimit, codec._compression, fields._postfile
    for fieldname in sorted(name for name, terms in pool.terms.items() if terms):
        fieldobj = writer.schema[fieldname]
        fields.start_field(fieldname, fieldobj)
        fixed = fieldobj.format.fixed_value_size()
        prefix = pack_ushort(fields._fieldid)
        terms, counted = pool.terms[fieldname], fieldname in pool.counted
        for term in sorted(terms):  # words sort as their UTF-8 bytes do
            ids, weights, values = terms[term]
            text = term.encode("utf-8") if counted else term
            info = W3TermInfo()
            start = postfile.tell()
            postfile.write(WHOOSH3_HEADER_MAGIC)
            count = len(ids)
            for at in range(0, count, size):
                block_ids, block_weights = ids[at : at + size], weights[at : at + size]
                info._weight += sum(block_weights)
                top = max(block_weights)
                info._maxweight = max(info._maxweight, top)
                mini_weights = (
                    None
                    if top == 1.0 and min(block_weights) == 1.0
                    else block_weights[0]
                    if min(block_weights) == top
                    else tuple(block_weights)
                )
                mini_values = _block_values(values[at : at + size], counted, fixed)
                deltas = (block_ids[0], *map(operator.sub, block_ids[1:], block_ids))
                data = zlib.compress(dumps((deltas, mini_weights, mini_values), 2), level)
                head = dumps((len(block_ids), block_ids[-1], top, level, 0, 0), 2)
                last = at + size >= count
                postfile.write_int((len(head) + len(data)) * (-1 if last else 1))
                postfile.write(head)
                postfile.write(data)
            info._df, info._minid, info._maxid = count, ids[0], ids[-1]
            info.set_extent(start, postfile.tell() - start)
            fields._tindex.add(prefix + text, info.to_bytes())
        fields.finish_field()
    fields.close()


def pooled_terms(writer: Any) -> dict[str, dict[Any, tuple[Any, Any, Any]]] | None:
    """A writer's postings by field and term, (ids, weights, counts) a term, when its pool is
    a TermPool (a counted field's terms are words, their counts the frequencies); else None."""
    pool = getattr(writer, "pool", None)
    return pool.terms if isinstance(pool, TermPool) else None


def finish_pooled(writer: Any) -> Any:
    """`finish_segment` for a writer from pooled_writer."""
    if not isinstance(writer.pool, TermPool):
        return finish_segment(writer)
    _write_pooled(writer)
    writer._close_segment()
    writer._assemble_segment()
    return writer.get_segment()
