"""The best documents for a word held by much of the corpus, without scoring every one.

A search for one word asks for its word in the title or the body (an OR of two terms); a word
in 70,000 of 100,000 articles had every one of them scored in Python (~60 ms) to keep ten. Its
body score in a document depends only on the document's count of the word and the byte its
length is stored in (BM25 with Whoosh's one-byte lengths), so where the word is laid out by
document (dense.py) the documents fall into a few hundred classes of equal score, found at C
speed (the set of each document's count and length byte read as one two-byte number); the best
classes are read first, and only as many
documents as can still reach the best `limit` are taken from each (the first by document
number, as ties are ranked). The other terms of the OR (the word in titles: few documents)
are scored in full, so the best `limit` of the whole OR are among those and the word's own
best: a document not among either has `limit` documents scoring at least as much. The chosen
candidates are then scored as `ranking` scores everything, so the answer is the same.
"""

from __future__ import annotations

import heapq
import sys
from array import array
from typing import Any

from reader.search.dense import DensePostings
from reader.search.postings import K1, PostingsReader

LEAST = 5000  # a word held by fewer documents is scored in full (as fast, and simpler)
_LITTLE = sys.byteorder == "little"  # how two bytes read as one number


def best(node: Any, terms: list[Any], pr: PostingsReader, limit: int) -> tuple[list[tuple[int, float]], int] | None:
    """(the best `limit` (document, score), how many match) for a query that is one term or an
    OR of terms (`terms`, ranking's TermNodes: the node's every part) of which one is laid out
    by document and far larger than the rest; None for any other (`ranking.run` answers it)."""
    if not terms:
        return None
    big = max(terms, key=lambda t: t.size())
    others = [t for t in terms if t is not big]
    size = big.size()
    if not isinstance(big.postings, DensePostings) or size < LEAST or size < 8 * limit:
        return None
    if 4 * sum(t.size() for t in others) > size or any(t.field == big.field and t.text == big.text for t in others):
        return None
    other_docs: set[int] = set().union(*(t.docs() for t in others))
    cands = set(_best_of(big, pr, limit)) | other_docs
    acc = dict.fromkeys(cands, 0.0)
    node.add_scores(cands, acc)
    top = best_scored(acc, limit)
    postings = big.postings
    return top, len(postings) + sum(1 for d in other_docs if d not in postings)


def best_first(item: tuple[int, float]) -> tuple[float, int]:
    """The order of hits: the best score first, then the lower document number."""
    return (-item[1], item[0])


def best_scored(acc: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """The best `limit` (document, score) of `acc` in the order of hits (`best_first`), as
    heapq.nsmallest with that key gives them: the `limit`-th best score found among the bare
    scores (C speed), then only the documents scoring that much or more put in order."""
    if limit <= 0:
        return []
    if len(acc) <= 4 * limit:
        return sorted(acc.items(), key=best_first)[:limit]
    floor = heapq.nlargest(limit, acc.values())[-1]
    return sorted(((d, score) for d, score in acc.items() if score >= floor), key=best_first)[:limit]


def _best_of(term: Any, pr: PostingsReader, limit: int) -> list[int]:
    """The documents of a term laid out by document that rank among its best `limit` by its own
    score (ties to the lower numbers). Each class gives its first `limit` live documents, and
    the classes of a segment are read, best first, until `limit` are taken and the next class
    scores less."""
    postings: DensePostings = term.postings
    idf = pr.idf(term.field, term.text) * term.boost
    table = pr.norm_table(term.field)
    top = K1 + 1
    leaf_at = {offset: leaf for leaf, (_sub, offset) in enumerate(pr.leaves)}
    found: list[tuple[float, int]] = []  # (score, document)
    for start, row, unit, deleted in postings.parts:
        lengths = pr.lengths(term.field, leaf_at[start])
        if len(lengths) != len(row):
            return list(postings)  # not as written (cannot be): every document, scored in full
        pairs = bytearray(2 * len(row))  # a document's count, then its length byte: slices at C speed
        pairs[0::2], pairs[1::2] = row, lengths
        classes = []
        for both in set(array("H", pairs)):  # each class once: count + 256 * length byte
            count, length = (both & 0xFF, both >> 8) if _LITTLE else (both >> 8, both & 0xFF)
            if count:
                tf = count if unit == 1.0 else count * unit
                classes.append((idf * tf * top / (tf + table[length]), count, length))
        classes.sort(reverse=True)
        taken, last = 0, 0.0
        for score, count, length in classes:
            if taken >= limit and score < last:
                break
            taken += _take(pairs, bytes((count, length)), deleted, start, score, limit, found)
            last = score
    norms = pr.norms(term.field) if postings.rest else []
    found.extend((idf * tf * top / (tf + norms[d]), d) for d, tf in postings.rest.items())
    found.sort(key=lambda item: (-item[0], item[1]))  # as ranking breaks ties: lower numbers first
    return [d for _score, d in found[:limit]]


def _take(
    pairs: bytearray, needle: bytes, deleted: frozenset[int], start: int, score: float, limit: int, found: list[Any]
) -> int:
    """The first `limit` live documents of one class (its count and length byte), lowest
    numbers first: how many were taken."""
    got = 0
    at = pairs.find(needle)
    while at >= 0 and got < limit:
        if at % 2:  # a length byte and the next document's count: not a document
            at = pairs.find(needle, at + 1)
            continue
        if at // 2 not in deleted:
            found.append((score, start + at // 2))
            got += 1
        at = pairs.find(needle, at + 2)
    return got
