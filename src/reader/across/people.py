"""People across the corpus: each person named, merged across articles by the full name the
corpus resolves them to ("Hilaria" in one article is "Hilaria Baldwin" named in another), with
their articles and mentions, the first and last article dates, what they are quoted saying
(claims whose source is that person) and what is said about them and on whose word (claims that
name them, from another source). No UI here; analyses must be resolved across the corpus first
(`reader.analysis.resolve_across`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.across import Stop, check
from reader.analysis import Analysis
from reader.analysis.claims import Claim
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
class Person:
    name: str
    articles: list[str] = field(default_factory=list)  # ids, in corpus order
    mentions: int = 0
    dates: list[str] = field(default_factory=list)
    says: list[Passage] = field(default_factory=list)
    said_about: list[Passage] = field(default_factory=list)

    @property
    def first(self) -> str | None:
        return min(self.dates) if self.dates else None

    @property
    def last(self) -> str | None:
        return max(self.dates) if self.dates else None

    def to_json(self) -> dict[str, object]:
        return {
            "person": self.name,
            "articles": len(self.articles),
            "mentions": self.mentions,
            "first": self.first,
            "last": self.last,
            "article_ids": list(self.articles),
            "says": [p.to_json() for p in self.says],
            "said_about": [p.to_json() for p in self.said_about],
        }


def _passage(article: Article, claim: Claim) -> Passage:
    return Passage(
        article.id, claim.start, claim.end, claim.text, claim.kind, claim.source, claim.person or claim.speaker
    )


def people(analysed: Iterable[tuple[Article, Analysis]], stop: Stop = None) -> list[Person]:
    """Every person, the most widely named first."""
    found: dict[str, Person] = {}
    for article, analysis in analysed:
        check(stop)
        counts = analysis.people()
        for name, count in counts.items():
            person = found.setdefault(name, Person(name))
            person.articles.append(article.id)
            person.mentions += count
            if article.date:
                person.dates.append(article.date)
        for claim in analysis.claims:
            if claim.person in counts:
                found[claim.person].says.append(_passage(article, claim))
            named = {m.person for m in analysis.names if claim.start <= m.start < claim.end}
            for name in named - {claim.person}:
                found[name].said_about.append(_passage(article, claim))
    return sorted(found.values(), key=lambda p: (-len(p.articles), -p.mentions, p.name))
