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
from array import array
from dataclasses import dataclass, field

from whoosh import query as Q

from reader.search.postings import K1, PostingsReader
from reader.search.schema import phrase_bytes, word_hash

SCORED_FIELDS = {"title", "body", "person"}


class Unsupported(Exception):
    """The query holds a node only Whoosh itself can answer."""


@dataclass
class Ranked:
    top: list[tuple[int, float]]  # (document number, score), best first
    total: int
    exact: bool = True  # False: total is an estimate (Whoosh's upper bound)
    notes: list[str] = field(default_factory=list)


class Node:
    def docs(self) -> set[int]:
        """The documents this part of the query matches."""
        raise NotImplementedError

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
            self._docs = set(self.postings.weights)
        return self._docs

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        if self.field not in SCORED_FIELDS:
            return
        weights = self.postings.weights
        if not weights:
            return
        idf = self.pr.idf(self.field, self.text) * self.boost
        norms = self.pr.norms(self.field)
        top = K1 + 1
        if len(weights) < len(cands):
            pairs = ((d, tf) for d, tf in weights.items() if d in cands)
        else:
            get = weights.get
            pairs = ((d, get(d)) for d in cands)
        for d, tf in pairs:
            if tf:
                acc[d] += idf * tf * top / (tf + norms[d])


class FilterNode(Node):
    """A set of terms that restricts without scoring (dates, ranges)."""

    def __init__(self, pr: PostingsReader, terms) -> None:
        self._docs: set[int] = set()
        for field, text in terms:
            self._docs.update(pr.postings(field, text, cache=False).weights)

    def docs(self) -> set[int]:
        return self._docs


class AllNode(Node):
    """Every live document (what a query of only NOT parts subtracts from)."""

    def __init__(self, pr: PostingsReader) -> None:
        self._docs = pr.all_docs()

    def docs(self) -> set[int]:
        return self._docs


class PhraseNode(Node):
    """Documents holding every word, then those whose word-hash sequence (a column beside the
    index) holds the words one after another: a bytes.find per candidate."""

    def __init__(self, pr: PostingsReader, field: str, words: list[str], slop: int, boost: float) -> None:
        self.pr, self.field, self.phrase = pr, field, list(words)
        self.words = [TermNode(pr, field, w, boost) for w in words]
        self.slop = max(1, slop)
        self._docs: set[int] | None = None

    def docs(self) -> set[int]:
        if self._docs is None:
            sets = sorted((w.docs() for w in self.words), key=len)
            candidates = sets[0].intersection(*sets[1:])
            sequences = self.pr.sequences(self.field)
            if sequences is None:
                raise Unsupported("index without word sequences")
            if self.slop == 1:
                self._docs = sequences.holding(candidates, phrase_bytes(self.phrase))
            else:
                self._docs = {d for d in candidates if self._near(sequences.sequence(d))}
        return self._docs

    def _near(self, sequence: bytes) -> bool:
        hashes = array("I")
        hashes.frombytes(sequence)
        wanted = [word_hash(w) for w in self.phrase]
        where: dict[int, list[int]] = {}
        for i, h in enumerate(hashes):
            if h in wanted:
                where.setdefault(h, []).append(i)
        ends = set(where.get(wanted[0], ()))
        for h in wanted[1:]:
            ends = {p for p in where.get(h, ()) if any(0 < p - e <= self.slop for e in ends)}
            if not ends:
                return False
        return True

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        mine = cands & self.docs()
        for word in self.words:
            word.add_scores(mine, acc)


class OrNode(Node):
    def __init__(self, children: list[Node]) -> None:
        self.children = children

    def docs(self) -> set[int]:
        return set().union(*(c.docs() for c in self.children))

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        for child in self.children:
            child.add_scores(cands, acc)


class AndNode(Node):
    def __init__(self, positive: list[Node], negative: list[Node], optional: list[Node] = ()) -> None:
        if not positive:
            raise Unsupported("nothing to match")
        self.positive, self.negative, self.optional = positive, negative, list(optional)
        self._docs: set[int] | None = None

    def docs(self) -> set[int]:
        if self._docs is None:
            sets = sorted((c.docs() for c in self.positive), key=len)
            found = sets[0].intersection(*sets[1:])
            for neg in self.negative:
                found = found - neg.docs()
            self._docs = found
        return self._docs

    def add_scores(self, cands: set[int], acc: dict[int, float]) -> None:
        mine = cands if cands is self.docs() else cands & self.docs()
        for child in self.positive + self.optional:
            child.add_scores(mine, acc)


def build(q, pr: PostingsReader) -> Node:
    if q is Q.NullQuery or isinstance(q, type(Q.NullQuery)):
        return Empty()
    if isinstance(q, Q.Term):
        text = q.text.decode("utf-8") if isinstance(q.text, bytes) else str(q.text)
        return TermNode(pr, q.fieldname, text, q.boost)
    if isinstance(q, Q.Phrase):
        if not q.words:
            return Empty()
        if len(q.words) == 1:
            return TermNode(pr, q.fieldname, q.words[0], q.boost)
        return PhraseNode(pr, q.fieldname, list(q.words), q.slop, q.boost)
    if isinstance(q, (Q.TermRange, Q.Prefix)) and q.fieldname not in SCORED_FIELDS:
        return FilterNode(pr, q.existing_terms(pr.searcher.reader(), expand=True))
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


def run(q, pr: PostingsReader, limit: int) -> Ranked:
    """The best `limit` documents for a query, and how many match. Raises Unsupported."""
    node = build(q, pr)
    cands = node.docs()
    acc = dict.fromkeys(cands, 0.0)
    node.add_scores(cands, acc)
    top = heapq.nsmallest(limit, acc.items(), key=_best_first)
    return Ranked(top, len(cands), True)


def _best_first(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])
