"""People across the corpus: each person named, merged across articles by the full name the
corpus resolves them to ("Hilaria" in one article is "Hilaria Baldwin" named in another), with
their articles and mentions, the first and last article dates, what they are quoted saying
(claims whose source is that person) and what is said about them and on whose word (claims that
name them, from another source). No UI here; analyses must be resolved across the corpus first
(`reader.analysis.resolve_across`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from reader.across import Stop, check
from reader.analysis import Analysis
from reader.analysis.source_types import Claim
from reader.corpus.model import Article


@dataclass
class Passage:
    article: str
    start: int
    end: int
    text: str
    kind: str
    source: str
    speaker: str | None

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "source": self.source,
            "speaker": self.speaker,
        }


@dataclass
class _Part:
    """What one article says of one person."""

    mentions: int
    date: str | None
    says: list[Passage] = field(default_factory=list)
    said_about: list[Passage] = field(default_factory=list)


class Person:
    """A person across the corpus, kept up to date article by article: counts and first and last
    dates at once, the lists of articles and passages (in corpus order) made when first asked for."""

    def __init__(self, name: str, position: Callable[[str], int] | None = None) -> None:
        self.name = name
        self._position = position
        self._parts: dict[str, _Part] = {}
        self.mentions = self.quoted = self.spoken_of = 0
        self._dates: list[str] = []  # sorted
        self._lists: tuple[list[str], list[str], list[Passage], list[Passage]] | None = None

    def put(self, article_id: str, part: _Part) -> None:
        self.take(article_id)
        self._parts[article_id] = part
        self.mentions += part.mentions
        self.quoted += len(part.says)
        self.spoken_of += len(part.said_about)
        if part.date:
            insort(self._dates, part.date)
        self._lists = None

    def take(self, article_id: str) -> None:
        part = self._parts.pop(article_id, None)
        if part is None:
            return
        self.mentions -= part.mentions
        self.quoted -= len(part.says)
        self.spoken_of -= len(part.said_about)
        if part.date:
            del self._dates[bisect_left(self._dates, part.date)]
        self._lists = None

    @property
    def article_count(self) -> int:
        return len(self._parts)

    @property
    def first(self) -> str | None:
        return self._dates[0] if self._dates else None

    @property
    def last(self) -> str | None:
        return self._dates[-1] if self._dates else None

    def _made(self) -> tuple[list[str], list[str], list[Passage], list[Passage]]:
        if self._lists is None:
            order = list(self._parts) if self._position is None else sorted(self._parts, key=self._position)
            parts = [self._parts[i] for i in order]
            self._lists = (
                order,
                [p.date for p in parts if p.date],
                [x for p in parts for x in p.says],
                [x for p in parts for x in p.said_about],
            )
        return self._lists

    def first_place(self) -> tuple[str, int]:
        """Where to go for this person (article id, offset): what they say first in the
        corpus, else the first thing said about them, else their first article. Found without
        making their lists."""
        rank = self._position or list(self._parts).index
        for passages_of in (_says, _said_about):
            found = [(rank(a), a) for a, part in self._parts.items() if passages_of(part)]
            if found:
                first = passages_of(self._parts[min(found)[1]])[0]
                return first.article, first.start
        return min(self._parts, key=rank), 0

    @property
    def articles(self) -> list[str]:
        """Ids, in corpus order."""
        return self._made()[0]

    @property
    def dates(self) -> list[str]:
        """The articles' dates, in corpus order."""
        return self._made()[1]

    @property
    def says(self) -> list[Passage]:
        return self._made()[2]

    @property
    def said_about(self) -> list[Passage]:
        return self._made()[3]

    def to_json(self) -> dict[str, object]:
        return {
            "person": self.name,
            "articles": self.article_count,
            "mentions": self.mentions,
            "first": self.first,
            "last": self.last,
            "article_ids": list(self.articles),
            "says": [p.to_json() for p in self.says],
            "said_about": [p.to_json() for p in self.said_about],
        }


def _says(part: _Part) -> list[Passage]:
    return part.says


def _said_about(part: _Part) -> list[Passage]:
    return part.said_about


def _passage(article: Article, claim: Claim) -> Passage:
    return Passage(
        article.id, claim.start, claim.end, claim.text, claim.kind, claim.source, claim.person or claim.speaker
    )


class PeopleIndex:
    """People as articles come, change and go: each article's part is put in (or taken from)
    the people it names, whose counts follow at once."""

    def __init__(self, position: Callable[[str], int]) -> None:
        """`position(article_id)`: the article's place in the corpus (people list theirs in
        that order)."""
        self._position = position
        self._people: dict[str, Person] = {}
        self._names_of: dict[str, list[str]] = {}  # article id -> its people

    def update(self, article: Article, analysis: Analysis) -> None:
        """Add an article, or replace what was known of it (analysis resolved across the corpus)."""
        self.remove(article.id)
        counts = analysis.people()
        parts = {name: _Part(count, article.date) for name, count in counts.items()}
        for claim in analysis.claims:
            if claim.person in parts:
                parts[claim.person].says.append(_passage(article, claim))
            named = {m.person for m in analysis.names if claim.start <= m.start < claim.end}
            for name in sorted(named - {claim.person}):
                parts[name].said_about.append(_passage(article, claim))
        for name, part in parts.items():
            person = self._people.get(name)
            if person is None:
                person = self._people[name] = Person(name, self._position)
            person.put(article.id, part)
        self._names_of[article.id] = list(parts)

    def remove(self, article_id: str) -> None:
        for name in self._names_of.pop(article_id, ()):
            person = self._people[name]
            person.take(article_id)
            if not person.article_count:
                del self._people[name]

    def people(self) -> list[Person]:
        """Every person, the most widely named first."""
        return sorted(self._people.values(), key=lambda p: (-p.article_count, -p.mentions, p.name))


def people(analysed: Iterable[tuple[Article, Analysis]], stop: Stop = None) -> list[Person]:
    """Every person, the most widely named first (analyses resolved across the corpus)."""
    order: dict[str, int] = {}
    index = PeopleIndex(order.__getitem__)
    for article, analysis in analysed:
        check(stop)
        order.setdefault(article.id, len(order))
        index.update(article, analysis)
    return index.people()
