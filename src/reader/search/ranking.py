"""Answering a parsed query from whole posting lists instead of Whoosh's matchers.

Each node of the query yields the set of documents it matches (sets intersected, united and
subtracted at C speed) and adds BM25 scores (title boosted) for the matches only. A phrase
matches the documents holding all its words whose word-hash sequence holds them side by side
(schema.sequence_bytes), and scores as its words. Whoosh's matchers took 0.4 s for two frequent
words and 0.7 s for a common phrase at 100,000 articles. A node this module does not handle
raises Unsupported and Whoosh answers the query.
"""

from __future__ import annotations

import heapq
import random
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as Q

from reader.search import term_top
from reader.search.dense import DensePostings
from reader.search.pairs import SALT, TYPED_SALT, dropped_pair_buckets, pair_buckets
from reader.search.phrases import TypedPhrase
from reader.search.postings import K1, PostingsReader
from reader.search.schema import phrase_bytes, typed_phrase_bytes, typed_words_hashes, word_hash
from reader.search.term_top import best_scored

SCORED_FIELDS = {"title", "body", "person"}
LARGE = 5000  # phrase candidates beyond which the count is sampled and the ranking narrowed
SAMPLE = 600  # candidates checked to estimate the count
RANKED = 3000  # candidates checked and scored for the best hits
SAMPLED_NOTE = (
    f"a phrase this common is counted from a sample; its best hits are ranked among the "
    f"{RANKED:,} shortest articles that might hold it"
)


class Unsupported(Exception):
    """The query holds a node only Whoosh itself can answer."""


@dataclass
class Ranked:
    top: list[tuple[int, float]]  # (document number, score), best first
    total: int
    exact: bool = True  # False: total is an estimate (a sampled phrase, or Whoosh's upper bound)
    notes: list[str] = field(default_factory=list)
    engine: str = "baldreader"  # "whoosh": the query took Whoosh's own matchers


class Node:
    estimate: int | None = None  # set when the candidates were too many to check all

    def docs(self) -> set[int]:
        """The documents this part of the query matches."""
        raise NotImplementedError

    def size(self) -> int:
        """How many documents this part matches, or at most (for ordering an AND's parts)."""
        return len(self.docs())

    def within(self, found: set[int]) -> set[int]:
        """The documents of `found` this part matches."""
        return found & self.docs()

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        """Add this part's score to acc[d] for the candidates d it matches."""


class Empty(Node):
    def docs(self) -> set[int]:
        return set()


class TermNode(Node):
    def __init__(self, pr: PostingsReader, field: str, text: str, boost: float) -> None:
        self.pr, self.field, self.text, self.boost = pr, field, text, boost
        self.postings = pr.postings(field, text)
        self._docs: set[int] | None = None

    def docs(self) -> set[int]:
        if self._docs is None:
            self._docs = set(self.postings)
        return self._docs

    def size(self) -> int:
        return len(self.postings)

    def within(self, found: set[int]) -> set[int]:
        if (
            self._docs is None
            and isinstance(self.postings, DensePostings)
            and self.postings.looked_up_sooner(len(found))
        ):
            return self.postings.docs_among(found)  # laid out by document: a look-up per document found
        return found & self.docs()

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        if self.field not in SCORED_FIELDS:
            return
        weights = self.postings
        if not weights:
            return
        idf = self.pr.idf(self.field, self.text) * self.boost
        norms = self.pr.norms(self.field)
        top = K1 + 1
        # Every posting read, or a look-up per candidate (for a word laid out by document,
        # dense.py, whichever costs less: reading it whole steps over every document of its rows)
        few = weights.looked_up_sooner(len(cands)) if isinstance(weights, DensePostings) else len(cands) <= len(weights)
        pairs: Iterable[tuple[int, float]]
        if not few:
            pairs = ((d, tf) for d, tf in weights.items() if d in cands)
        elif isinstance(weights, DensePostings):  # counts read a segment at a time, weighed here
            for unit, counts in weights.counts_among(cands):
                for d, count in counts:
                    tf = count * unit
                    acc[d] += idf * tf * top / (tf + norms[d])
            return
        else:
            get = weights.get
            pairs = ((d, get(d, 0.0)) for d in cands)
        for d, tf in pairs:
            if tf:
                acc[d] += idf * tf * top / (tf + norms[d])


class FilterNode(Node):
    """A set of terms that restricts, each match scoring the same (dates, ranges)."""

    def __init__(self, pr: PostingsReader, terms: Iterable[tuple[str, Any]], boost: float) -> None:
        self._docs: set[int] = set()
        self.boost = boost
        for field_name, text in terms:
            self._docs.update(pr.postings(field_name, text, cache=False))

    def docs(self) -> set[int]:
        return self._docs

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        for d in cands & self._docs:  # a constant, as Whoosh scores ranges
            acc[d] += self.boost


class AllNode(Node):
    """Every live document (what a query of only NOT parts subtracts from)."""

    def __init__(self, pr: PostingsReader) -> None:
        self._docs = pr.all_docs()

    def docs(self) -> set[int]:
        return self._docs


class PhraseNode(Node):
    """Documents whose word-hash sequence (a column beside the index) holds the words side by
    side. Candidates come from the segment's pair buckets (pairs.py), or, for a segment without
    them, from the words' postings; scores from the words' counts in the sequences found."""

    def __init__(self, pr: PostingsReader, field: str, words: list[str], slop: int, boost: float) -> None:
        self.pr, self.field, self.phrase, self.boost = pr, field, list(words), boost
        self.hashes = [word_hash(w) for w in self.phrase]
        self.slop = max(1, slop)
        self._found: dict[int, list[int]] | None = None

    def docs(self) -> set[int]:
        return set(self._hits())

    def _hits(self) -> dict[int, list[int]]:
        if self._found is None:
            sequences = self.pr.sequences(self.field)
            if sequences is None:
                raise Unsupported("index without word sequences")
            candidates = self._candidates()
            if self.slop == 1:
                words = [phrase_bytes([w]) for w in self.phrase]
                phrase = phrase_bytes(self.phrase)
                if len(candidates) > LARGE:
                    candidates = set(self._narrow(candidates, sequences, phrase, words))
                self._found = sequences.holding(candidates, phrase, words)
            else:
                self._found = {}
                for d in candidates:
                    hashes = array("I")
                    hashes.frombytes(sequences.sequence(d))
                    if self._near(hashes):
                        self._found[d] = [hashes.count(h) for h in self.hashes]
        return self._found

    def _narrow(self, candidates: set[int], sequences: Any, phrase: bytes, words: list[bytes]) -> list[int]:
        """For a phrase in a large share of the corpus, checking and scoring every candidate
        (~7 µs each) is too slow: count from a fixed random sample, and rank among the RANKED
        candidates with the shortest field (where BM25 puts the best scores for common words)."""
        pool = list(candidates)
        sample = random.Random(len(pool)).sample(pool, SAMPLE)
        self.estimate = round(len(sequences.holding(sample, phrase, [])) / SAMPLE * len(pool))
        norms = self.pr.norms(self.field)
        return heapq.nsmallest(RANKED, pool, key=norms.__getitem__)

    def _candidates(self) -> set[int]:
        wanted = pair_buckets(self.hashes, SALT.get(self.field, 0)) if self.slop == 1 else set()
        found: set[int] = set()
        for leaf, (_, offset) in enumerate(self.pr.leaves):
            pairs = self.pr.pairs(leaf) if wanted else None
            buckets = pairs.docs_of(wanted) if pairs is not None else None
            if buckets is not None:
                lists = sorted(buckets, key=len)
                local = set(lists[0]).intersection(*lists[1:])
                local -= self.pr.deleted(leaf)  # old copies of changed files keep their pairs
                found.update(d + offset for d in local)
            else:
                sets = sorted((self.pr.leaf_docs(leaf, self.field, w) for w in self.phrase), key=len)
                found |= sets[0].intersection(*sets[1:])
        return found

    def _near(self, hashes: array[int]) -> bool:
        where: dict[int, list[int]] = {}
        for i, h in enumerate(hashes):
            if h in self.hashes:
                where.setdefault(h, []).append(i)
        ends = set(where.get(self.hashes[0], ()))
        for h in self.hashes[1:]:
            ends = {p for p in where.get(h, ()) if any(0 < p - e <= self.slop for e in ends)}
            if not ends:
                return False
        return True

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        if self.field not in SCORED_FIELDS:
            return
        hits = self._hits()
        norms = self.pr.norms(self.field)
        field_boost = self.pr.field_boost(self.field)
        idfs = [self.pr.idf(self.field, w) * self.boost for w in self.phrase]
        top = K1 + 1
        for d in cands & hits.keys() if len(cands) < len(hits) else [d for d in hits if d in cands]:
            norm, score = norms[d], 0.0
            for idf, count in zip(idfs, hits[d], strict=False):
                tf = count * field_boost
                score += idf * tf * top / (tf + norm)
            acc[d] += score


class OrNode(Node):
    def __init__(self, children: list[Node]) -> None:
        self.children = children

    def docs(self) -> set[int]:
        return set().union(*(c.docs() for c in self.children))

    def size(self) -> int:
        return sum(c.size() for c in self.children)

    def within(self, found: set[int]) -> set[int]:
        return set().union(*(c.within(found) for c in self.children))

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        for child in self.children:
            child.add_scores(cands, acc)


class AndNode(Node):
    def __init__(self, positive: list[Node], negative: list[Node], optional: Sequence[Node] = ()) -> None:
        if not positive:
            raise Unsupported("nothing to match")
        self.positive, self.negative, self.optional = positive, negative, list(optional)
        self._docs: set[int] | None = None

    def docs(self) -> set[int]:
        if self._docs is None:
            # From the smallest part: each other part keeps what it matches of what is left
            # (a frequent word laid out by document is looked up, not read whole).
            first, *others = sorted(self.positive, key=lambda c: c.size())
            found = first.docs()
            for other in others:
                found = other.within(found)
            for neg in self.negative:
                found = found - neg.docs()
            self._docs = found
        return self._docs

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        mine = cands if cands is self.docs() else cands & self.docs()
        for child in self.positive + self.optional:
            child.add_scores(mine, acc)


class TypedPhraseNode(Node):
    """A phrase the analyzer shortened (stop words dropped): the index's matches for what is
    left, kept only where the field holds the words as typed, side by side (the words as typed
    kept beside the index, schema.typed_bytes)."""

    def __init__(self, pr: PostingsReader, field: str, inner: Node, typed: tuple[str, ...]) -> None:
        self.pr, self.field, self.inner, self.typed = pr, field, inner, typed
        self._docs: set[int] | None = None

    def docs(self) -> set[int]:
        if self._docs is None:
            pool = self._may_hold(self.inner.docs())
            if len(pool) > LARGE:  # checking every candidate is too slow: as PhraseNode
                sample = random.Random(len(pool)).sample(sorted(pool), SAMPLE)
                self.estimate = round(len(self._holding(sample)) / SAMPLE * len(pool))
                pool = set(heapq.nsmallest(RANKED, pool, key=self.pr.norms(self.field).__getitem__))
            self._docs = self._holding(pool)
            if self.estimate is None and self.inner.estimate is not None:  # the inner phrase was sampled
                self.estimate = round(self.inner.estimate * len(self._docs) / max(1, len(pool)))
        return self._docs

    def _may_hold(self, pool: set[int]) -> set[int]:
        """The documents of `pool` that may hold the words as typed: in a segment whose pairs
        file holds the pairs of typed words, those in the buckets of every pair of the phrase
        (pairs.py); in another, all of them."""
        wanted = dropped_pair_buckets(*typed_words_hashes(self.typed), TYPED_SALT.get(self.field, 0))
        if not wanted or not pool:
            return pool
        kept: set[int] = set()
        starts, narrowed = [], []  # each segment's first document number; narrowed or not
        for leaf, (_, offset) in enumerate(self.pr.leaves):
            pairs = self.pr.pairs(leaf)
            buckets = pairs.docs_of(wanted) if pairs is not None and pairs.typed else None
            starts.append(offset)
            narrowed.append(buckets is not None)
            if buckets is not None:
                lists = sorted(buckets, key=len)
                kept.update(d + offset for d in set(lists[0]).intersection(*lists[1:]))
        if all(narrowed):
            return pool & kept
        return {d for d in pool if d in kept or not narrowed[bisect_right(starts, d) - 1]}

    def _holding(self, docs: Iterable[int]) -> set[int]:
        """The documents among `docs` whose field holds the words as typed (~2 µs a document)."""
        typed = self.pr.typed_sequences(self.field)
        if typed is None:
            raise Unsupported("index without the words as typed")
        return set(typed.holding(docs, typed_phrase_bytes(self.typed), []))

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        self.inner.add_scores(cands & self.docs(), acc)


def build(q: Any, pr: PostingsReader) -> Node:
    if q is Q.NullQuery or isinstance(q, type(Q.NullQuery)):
        return Empty()
    if isinstance(q, Q.Term):
        text = q.text.decode("utf-8") if isinstance(q.text, bytes) else str(q.text)
        return TermNode(pr, q.fieldname, text, q.boost)
    if isinstance(q, Q.Phrase):
        if not q.words:
            return Empty()
        words = list(q.words)
        node: Node = (
            TermNode(pr, q.fieldname, words[0], q.boost)
            if len(words) == 1
            else PhraseNode(pr, q.fieldname, words, q.slop, q.boost)
        )
        if isinstance(q, TypedPhrase) and q.lost_words() and q.slop == 1:
            node = TypedPhraseNode(pr, q.fieldname, node, q.typed)
        return node
    if isinstance(q, (Q.TermRange, Q.Prefix)) and q.fieldname not in SCORED_FIELDS:
        return FilterNode(pr, q.existing_terms(pr.searcher.reader(), expand=True), q.boost)
    if isinstance(q, Q.AndNot):
        return AndNode([build(q.a, pr)], [build(q.b, pr)])
    if isinstance(q, Q.AndMaybe):
        return AndNode([build(q.a, pr)], [], [build(q.b, pr)])
    if isinstance(q, Q.And):
        positive, negative = [], []
        for sub in q.subqueries:
            if isinstance(sub, Q.Not):
                negative.append(build(sub.query, pr))
            else:
                positive.append(build(sub, pr))
        return AndNode(positive or [AllNode(pr)], negative)
    if isinstance(q, Q.Not):
        return AndNode([AllNode(pr)], [build(q.query, pr)])
    if isinstance(q, Q.Or) and not isinstance(q, Q.DisjunctionMax):
        if getattr(q, "minmatch", 0):
            raise Unsupported("Or with a minimum match")
        return OrNode([build(sub, pr) for sub in q.subqueries])
    raise Unsupported(type(q).__name__)


def run(q: Any, pr: PostingsReader, limit: int) -> Ranked:
    """The best `limit` documents for a query, and how many match. Raises Unsupported."""
    node = build(q, pr)
    parts = [node] if isinstance(node, TermNode) else node.children if isinstance(node, OrNode) else []
    terms = [part for part in parts if isinstance(part, TermNode)]
    quick = term_top.best(node, terms, pr, limit) if len(terms) == len(parts) else None  # one frequent word
    if quick is not None:
        return Ranked(quick[0], quick[1], True)
    cands = node.docs()
    acc = dict.fromkeys(cands, 0.0)
    node.add_scores(cands, acc)
    top = best_scored(acc, limit)
    phrases = [n for n in _walk(node) if n.estimate is not None]
    if not phrases:
        return Ranked(top, len(cands), True)
    # Some phrase's matches were counted from a sample: add what its narrowing left out.
    total = len(cands) + sum(max(0, (p.estimate or 0) - len(p.docs())) for p in phrases)
    return Ranked(top, min(total, pr.doc_count), False, [SAMPLED_NOTE])


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for attr in ("children", "positive", "negative", "optional"):
        for child in getattr(node, attr, ()):
            yield from _walk(child)
