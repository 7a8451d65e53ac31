"""Quotes that travel: the same quotation found in several articles, grouped. No UI here.

Quotations are compared as words (case, quote marks, apostrophes and punctuation ignored) through
their word pairs (shingles): two quotations go together when most shingles of the shorter one are
in the longer one, so a quotation cut differently ("Oh my God. When I'm talking…") or reworded a
little still joins its group. Only quotations long enough to be somebody's words count (at least
MIN_WORDS words and MIN_CHARS letters): short stock phrases ("I don't know") are said by
everyone and prove nothing. A group holds quotations from at least two articles, ordered by
article date (undated last); the earliest is marked and each other's wording changes from it
are listed.
"""

from __future__ import annotations

import difflib
import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.across import Stop, check
from reader.analysis import Analysis
from reader.analysis.quotes import find_quotes
from reader.analysis.text import segments
from reader.corpus.model import Article

MIN_WORDS = 5
MIN_CHARS = 28  # letters and spaces of the normalised quotation
SHINGLE = 2  # word pairs: two words changed in a dozen still leave most pairs shared
SAME_QUOTE = 0.6  # share of the shorter quotation's shingles found in the other
RAREST = 4  # pairs of a quotation through which its candidate copies are looked up
COMMON_SHINGLE = 50  # a pair in more quotations than this finds no candidates (bounded work);
# the same words in any number of articles are grouped without it

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@dataclass
class Occurrence:
    """One article's quotation (its first, when it repeats it)."""

    article: str
    title: str
    date: str | None
    start: int
    end: int
    text: str
    speaker: str | None
    words: list[str] = field(repr=False)
    earliest: bool = False
    changes: list[tuple[str, str]] = field(default_factory=list)  # (earliest's words, these words)

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "title": self.title,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": self.speaker,
            "earliest": self.earliest,
            "changes": [{"from": a, "to": b} for a, b in self.changes],
        }


@dataclass
class QuoteGroup:
    occurrences: list[Occurrence]  # earliest first

    @property
    def quote(self) -> str:
        return self.occurrences[0].text

    def to_json(self) -> dict[str, object]:
        return {
            "quote": self.quote,
            "articles": len(self.occurrences),
            "occurrences": [o.to_json() for o in self.occurrences],
        }


def quote_words(text: str) -> list[str]:
    """A quotation as compared: lower-case words, one kind of apostrophe, no punctuation."""
    return _WORD.findall(text.translate(_APOSTROPHES).casefold())


def worth_comparing(words: list[str]) -> bool:
    return len(words) >= MIN_WORDS and len(" ".join(words)) >= MIN_CHARS


def article_quotes(article: Article, analysis: Analysis | None) -> list[Occurrence]:
    """The article's quotations long enough to compare, each once (the first if repeated), with
    the speaker of the claim that holds it."""
    found: list[Occurrence] = []
    seen: set[tuple[str, ...]] = set()
    claims = analysis.claims if analysis is not None else []
    for quote in find_quotes(article.text, segments(article)):
        lo, hi = quote.inner
        text = article.text[lo:hi].strip().strip(",;: ")
        words = quote_words(text)
        if not worth_comparing(words) or tuple(words) in seen:
            continue
        seen.add(tuple(words))
        claim = next((c for c in claims if c.start <= quote.start < c.end), None)
        speaker = (claim.person or claim.speaker) if claim is not None else None
        found.append(Occurrence(article.id, article.title, article.date, lo, hi, text, speaker, words))
    return found


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def travelling_quotes(quotes: Iterable[Occurrence], stop: Stop = None) -> list[QuoteGroup]:
    """Groups of the same quotation in two or more articles, the most widely quoted first."""
    items = list(quotes)
    shingles = [_shingles(q.words) for q in items]
    holders: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, found in enumerate(shingles):
        for shingle in found:
            holders[shingle].append(index)
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    same_words: dict[tuple[str, ...], int] = {}
    for index, item in enumerate(items):  # the same words: one group at once, however many
        first = same_words.setdefault(tuple(item.words), index)
        if first != index:
            parent[root(index)] = root(first)
    for index, found in enumerate(shingles):
        if index % 256 == 0:
            check(stop)
        # Candidates come from the rarest pairs the quotation shares with others (its copies
        # share them, whatever else is common); each candidate is then checked on all pairs.
        shared = [shingle for shingle in found if 1 < len(holders[shingle]) <= COMMON_SHINGLE]
        rarest = heapq.nsmallest(RAREST, shared, key=lambda shingle: len(holders[shingle]))
        hits = Counter(other for shingle in rarest for other in holders[shingle])
        enough = min(2, len(rarest))  # a copy shares at least two of them
        candidates = [other for other, count in hits.items() if count >= enough]
        mine = root(index)
        for other in candidates:
            if items[other].article == items[index].article or root(other) == mine:
                continue
            if len(found & shingles[other]) >= SAME_QUOTE * min(len(found), len(shingles[other])):
                parent[root(other)] = mine
    members: dict[int, list[Occurrence]] = defaultdict(list)
    for index, item in enumerate(items):
        members[root(index)].append(item)
    groups = []
    for group in members.values():
        by_article: dict[str, Occurrence] = {}
        for item in group:
            by_article.setdefault(item.article, item)
        if len(by_article) < 2:
            continue
        ordered = sorted(by_article.values(), key=lambda o: (o.date is None, o.date or "", o.article))
        ordered[0].earliest = True
        for item in ordered[1:]:
            item.changes = _changes(ordered[0].words, item.words)
        groups.append(QuoteGroup(ordered))
    groups.sort(key=lambda g: (-len(g.occurrences), g.occurrences[0].date or "9999", g.quote))
    return groups


def _changes(first: list[str], later: list[str]) -> list[tuple[str, str]]:
    """Words replaced, added or dropped, from the earliest wording to a later one, within the
    stretch they share (a quotation cut shorter or longer at either end is not a change)."""
    matcher = difflib.SequenceMatcher(a=first, b=later, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return []
    lo_a, lo_b = blocks[0].a, blocks[0].b
    hi_a, hi_b = blocks[-1].a + blocks[-1].size, blocks[-1].b + blocks[-1].size
    inner = difflib.SequenceMatcher(a=first[lo_a:hi_a], b=later[lo_b:hi_b], autojunk=False)
    return [
        (" ".join(first[lo_a + i1 : lo_a + i2]), " ".join(later[lo_b + j1 : lo_b + j2]))
        for op, i1, i2, j1, j2 in inner.get_opcodes()
        if op != "equal"
    ]
