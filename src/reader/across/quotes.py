"""Quotes that travel: the same quotation found in several articles, grouped. No UI here.

Quotations are compared as words (case, quote marks, apostrophes and punctuation ignored): two
quotations that share two rare word pairs (shingles, found through an index) go together when
they are near-identical over the whole of the shorter one (`near_identical`: 80% of its words in
the longer one, in order, from its start to its end), so a quotation cut differently ("Oh my God.
When I'm talking…") or with a word or two changed still joins its group, and two quotations that
only share an opening do not. Only quotations long enough to be somebody's words count (at least
MIN_WORDS words and MIN_CHARS letters): short stock phrases ("I don't know") are said by
everyone and prove nothing. A group holds quotations from at least two articles, ordered by
article date (undated last); the earliest is marked and each other's wording changes from it
are listed.
"""

from __future__ import annotations

import difflib
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
SAME_QUOTE = 0.8  # share of the shorter quotation's words found, in order, in the other
SPAN = 0.2  # and those words run from its first fifth to its last: not only an opening shared
COMMON_SHINGLE = 50  # a pair in more quotations than this links none (bounded work); the same
# words in any number of articles are grouped without it

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


def near_identical(first: list[str], second: list[str]) -> bool:
    """Whether two quotations are the same words over the whole of the shorter one: at least
    SAME_QUOTE of its words found in the longer one in order (a word or two changed, a
    quotation cut differently at either end), running from within its first SPAN to within its
    last; where its first or last words differ from the other's, the other does not go on past
    them. "This is a big change in our policy" and "This is a big messy argument" share only an
    opening: not the same quotation."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    if not short:
        return False
    blocks = [b for b in difflib.SequenceMatcher(a=short, b=long, autojunk=False).get_matching_blocks() if b.size]
    if sum(b.size for b in blocks) < SAME_QUOTE * len(short):
        return False
    head_short, head_long = blocks[0].a, blocks[0].b
    tail_short = len(short) - blocks[-1].a - blocks[-1].size
    tail_long = len(long) - blocks[-1].b - blocks[-1].size
    if head_short > SPAN * len(short) or tail_short > SPAN * len(short):
        return False
    # Where the shorter one's first or last words differ, the longer one must not go on past
    # them: "She has been a wonderful friend" is not cut from "… a wonderful mother to our kids".
    return (not head_short or head_long <= head_short + 1) and (not tail_short or tail_long <= tail_short + 1)


def _shingles(words: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


class QuoteIndex:
    """Quotations grouped as articles come, change and go.

    Two quotations of different articles are linked when they have the same words, or when they
    share two pairs of words that few quotations have (at most COMMON_SHINGLE each) and are
    near-identical over the shorter one's whole length (`near_identical`); a group is a set of
    linked quotations (linked directly or through others). Links are symmetric and depend only
    on the two quotations and on which pairs are common, so replacing one article's quotations regroups only the groups
    they were or become part of (and those of quotations holding a pair that became common or
    rare): the rest of the corpus is not looked at.
    """

    def __init__(self) -> None:
        self._items: dict[int, Occurrence] = {}
        self._shingles: dict[int, frozenset[tuple[str, ...]]] = {}
        self._holders: dict[tuple[str, ...], set[int]] = defaultdict(set)  # word pair -> quotations
        self._same: dict[tuple[str, ...], set[int]] = defaultdict(set)  # words -> quotations
        self._of_article: dict[str, list[int]] = {}
        self._group_of: dict[int, int] = {}
        self._members: dict[int, list[int]] = {}
        self._made: dict[int, QuoteGroup] = {}  # group (of two articles or more) -> as shown
        self._unmade: set[int] = set()  # groups new since `groups()`
        self._next_item = self._next_group = 0

    def update(self, changed: dict[str, list[Occurrence]], stop: Stop = None) -> None:
        """Replace the quotations of each article in `changed` (an empty list removes them)."""
        touched: set[int] = set()
        old_groups: set[int] = set()
        for article_id in changed:
            for item in self._of_article.pop(article_id, ()):
                old_groups.add(self._group_of.pop(item))
                touched |= self._unindex(item)
        for article_id, quotes in changed.items():
            if quotes:
                self._of_article[article_id] = [self._index(q, touched) for q in quotes]
        self._regroup(touched, old_groups, stop)

    def groups(self) -> list[QuoteGroup]:
        """Groups of the same quotation in two or more articles, the most widely quoted first."""
        for group in self._unmade:
            if (made := self._make(self._members[group])) is not None:
                self._made[group] = made
        self._unmade.clear()
        found = list(self._made.values())
        found.sort(
            key=lambda g: (-len(g.occurrences), g.occurrences[0].date or "9999", g.quote, g.occurrences[0].article)
        )
        return found

    def _index(self, quote: Occurrence, touched: set[int]) -> int:
        item, self._next_item = self._next_item, self._next_item + 1
        self._items[item] = quote
        self._shingles[item] = found = _shingles(quote.words)
        for shingle in found:
            holders = self._holders[shingle]
            holders.add(item)
            if len(holders) == COMMON_SHINGLE + 1:  # just became common: its holders lose links
                touched |= holders
        self._same[tuple(quote.words)].add(item)
        touched.add(item)
        return item

    def _unindex(self, item: int) -> set[int]:
        """Forget a quotation (its group already left); the quotations whose links may change."""
        touched: set[int] = set()
        for shingle in self._shingles.pop(item):
            holders = self._holders[shingle]
            holders.discard(item)
            if len(holders) == COMMON_SHINGLE:  # rare again: its holders may gain links
                touched |= holders
            if not holders:
                del self._holders[shingle]
        words = tuple(self._items.pop(item).words)
        self._same[words].discard(item)
        if not self._same[words]:
            del self._same[words]
        return touched

    def _regroup(self, touched: set[int], old_groups: set[int], stop: Stop) -> None:
        """Group again every quotation linked, directly or not, to one touched, and the rest of
        the groups in `old_groups` (those of quotations removed: they may fall apart)."""
        old_groups |= {self._group_of[i] for i in touched if i in self._group_of}
        start = {i for i in touched if i in self._items}
        for group in old_groups:
            start.update(i for i in self._members[group] if i in self._items)
        seen: set[int] = set()
        words_done: set[tuple[str, ...]] = set()
        for first in sorted(start):
            if first in seen:
                continue
            seen.add(first)
            members, todo = [], [first]
            while todo:
                item = todo.pop()
                members.append(item)
                if len(seen) % 256 == 0:
                    check(stop)
                for other in self._links(item, words_done):
                    if other not in seen:
                        seen.add(other)
                        todo.append(other)
            group, self._next_group = self._next_group, self._next_group + 1
            members.sort()
            self._members[group] = members
            self._unmade.add(group)
            for item in members:
                old = self._group_of.get(item)
                if old is not None and old not in old_groups:
                    old_groups.add(old)  # reached through a new link: its group joins this one
                self._group_of[item] = group
        for group in old_groups:
            self._members.pop(group, None)
            self._made.pop(group, None)
            self._unmade.discard(group)

    def _links(self, item: int, words_done: set[tuple[str, ...]]) -> list[int]:
        quote, mine = self._items[item], self._shingles[item]
        words = tuple(quote.words)
        linked: list[int] = []
        if words not in words_done:  # the same words: all at once, however many
            words_done.add(words)
            linked += self._same[words]
        hits: Counter[int] = Counter()
        for shingle in mine:
            holders = self._holders[shingle]
            if len(holders) <= COMMON_SHINGLE:
                hits.update(holders)
        for other, shared in hits.items():
            if shared < 2 or other == item:
                continue
            if self._items[other].article != quote.article and near_identical(quote.words, self._items[other].words):
                linked.append(other)
        return linked

    def _make(self, members: list[int]) -> QuoteGroup | None:
        by_article: dict[str, Occurrence] = {}
        for item in members:  # the first quotation of each article (members are in the order indexed)
            by_article.setdefault(self._items[item].article, self._items[item])
        if len(by_article) < 2:
            return None
        ordered = sorted(by_article.values(), key=lambda o: (o.date is None, o.date or "", o.article))
        for quote in ordered:
            quote.earliest, quote.changes = False, []
        ordered[0].earliest = True
        for quote in ordered[1:]:
            quote.changes = _changes(ordered[0].words, quote.words)
        return QuoteGroup(ordered)


def travelling_quotes(quotes: Iterable[Occurrence], stop: Stop = None) -> list[QuoteGroup]:
    """Groups of the same quotation in two or more articles, the most widely quoted first."""
    by_article: dict[str, list[Occurrence]] = {}
    for quote in quotes:
        by_article.setdefault(quote.article, []).append(quote)
    index = QuoteIndex()
    index.update(by_article, stop)
    return index.groups()


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
