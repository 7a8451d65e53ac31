"""Claims that disagree: facts about one person (or couple, or show) stated differently in two
articles, or an article dated before an event it describes. No UI here.

Facts are compared through what they imply, given when each held (`reader.across.facts`): an
age and its date give the days a person can have been born on; a marriage's length and the
article's date give when it began. Two facts whose implied spans do not meet are a
**contradiction**; stated values that differ but fit their articles' dates ("41" in March,
"42" in November) are **explained by the dates**; differing values where an article has no date
cannot be checked (**undated**). Equal values that fit are not reported.

A person's ages and birth dates are weighed together, not pair by pair (a person given an age
in a thousand articles would make half a million pairs): the days most of them allow for the
birth are the consensus, and the first passage that allows them is its anchor. Each dated
passage outside the consensus is one contradiction with the anchor; each other age the
consensus holds, and each differing age in an undated article, is reported once, with the
first passage that states it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.across import Stop, check
from reader.across.facts import Fact, Span, article_day
from reader.corpus.model import Article

CONTRADICTION, EXPLAINED, UNDATED = "contradiction", "explained by the dates", "undated"


@dataclass
class Conflict:
    kind: str  # "age", "marriage", "children" or "article date"
    subject: str
    verdict: str
    first: Fact
    second: Fact
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "verdict": self.verdict,
            "reason": self.reason,
            "passages": [_passage(self.first), _passage(self.second)],
        }


def _passage(fact: Fact) -> dict[str, object]:
    return {
        "article": fact.article,
        "start": fact.start,
        "end": fact.end,
        "text": fact.text,
        "value": fact.value,
        "when": str(fact.when) if fact.when else None,
    }


def birth_span(fact: Fact) -> Span | None:
    """The days the person can have been born on, by this fact."""
    if fact.when is None:
        return None
    if fact.kind == "born":
        return fact.when
    assert fact.value is not None
    if fact.turning:
        return fact.when.shifted(fact.value, fact.value)
    born = fact.when.shifted(fact.value + 1, fact.value)  # aged N: born over N, under N + 1 years before
    return Span(born.first + dt.timedelta(days=1), born.last)


def conflicts(facts: Iterable[Fact], articles: Iterable[Article], stop: Stop = None) -> list[Conflict]:
    """Every conflict between the facts, and between the articles' dates and the events."""
    articles = list(articles)
    order = {a.id: i for i, a in enumerate(articles)}
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        order.setdefault(fact.article, len(order))
        by_article[fact.article].append(fact)
    index = ConflictIndex(order.__getitem__)
    known = {a.id: a for a in articles}
    index.update([(known.get(i), i, by_article.get(i, [])) for i in order], stop)
    return index.conflicts()


_VERDICT_ORDER = {CONTRADICTION: 0, UNDATED: 1, EXPLAINED: 2}
_SHARED = ("marriage", "children")  # facts about people together, compared when they share one


class ConflictIndex:
    """Conflicts as articles come, change and go: each article's facts are kept by person (and
    its events and date), so an article that changes is compared again with the facts about the
    same people only, and with the events and dates of the others; the rest are kept."""

    def __init__(self, position: Callable[[str], int]) -> None:
        """`position(article_id)`: the article's place in the corpus (the first of two
        passages is the earlier)."""
        self._position = position
        self._facts: dict[str, list[Fact]] = {}  # article id -> its facts
        self._index_in: dict[int, int] = {}  # id of a fact kept -> its place among its article's
        self._spans: dict[int, Span | None] = {}  # id of an age or birth -> the birth days it allows
        self._by_person: dict[str, list[Conflict]] = {}  # person -> conflicts of their ages
        self._articles: dict[str, Article] = {}  # dated articles
        self._ages: dict[str, dict[str, list[Fact]]] = defaultdict(dict)  # person -> article -> ages, births
        # marriages and counts of children, by kind: person -> article -> its facts of that kind
        self._shared: dict[str, dict[str, dict[str, list[Fact]]]] = {k: defaultdict(dict) for k in _SHARED}
        self._events: dict[str, list[Fact]] = {}  # article id -> its events
        self._found: dict[int, Conflict] = {}
        self._found_in: dict[str, set[int]] = defaultdict(set)  # article id -> its conflicts
        self._next = 0

    def update(self, changed: list[tuple[Article | None, str, list[Fact]]], stop: Stop = None) -> None:
        """Replace the facts of each (article, its id, facts); an article of None (its id
        given) is removed, or has facts but no date to check."""
        people: set[str] = set()  # whose ages are weighed again
        for _article, article_id, _facts in changed:
            people.update(f.subject for f in self._facts.get(article_id, ()) if f.kind in ("age", "born"))
            self._forget(article_id)
        for article, article_id, facts in changed:
            check(stop)
            if article is None and not facts:
                continue  # removed
            people.update(f.subject for f in facts if f.kind in ("age", "born"))
            self._compare_all(article, article_id, facts)
            self._keep(article, article_id, facts)
        for person in sorted(people):
            check(stop)
            told = sorted((f for held in self._ages.get(person, {}).values() for f in held), key=self._rank)
            found = _ages(person, [(f, self._spans[id(f)]) for f in told])
            self._by_person[person] = found
            if not found:
                del self._by_person[person]

    def conflicts(self) -> list[Conflict]:
        return sorted(
            [*self._found.values(), *(c for found in self._by_person.values() for c in found)],
            key=lambda c: (
                (_VERDICT_ORDER[c.verdict], c.kind, c.subject, c.first.article, c.second.article)
                + self._rank(c.first)
                + self._rank(c.second)
            ),
        )

    def _rank(self, fact: Fact) -> tuple[int, int]:
        """Where the fact is in the corpus: its article's place, its own in the article (-1 for
        a fact not kept: an article's date checked against an event)."""
        return self._position(fact.article), self._index_in.get(id(fact), -1)

    def _add(self, conflict: Conflict | None) -> None:
        if conflict is None:
            return
        key, self._next = self._next, self._next + 1
        self._found[key] = conflict
        self._found_in[conflict.first.article].add(key)
        self._found_in[conflict.second.article].add(key)

    def _forget(self, article_id: str) -> None:
        for key in self._found_in.pop(article_id, set()):
            conflict = self._found.pop(key)
            for other in (conflict.first.article, conflict.second.article):
                if other != article_id:
                    self._found_in[other].discard(key)
        for fact in self._facts.pop(article_id, ()):
            self._spans.pop(id(fact), None)
            del self._index_in[id(fact)]
            for person in fact.people():
                for index in (self._ages, *self._shared.values()):
                    held = index.get(person)
                    if held is not None and held.pop(article_id, None) is not None and not held:
                        del index[person]
        self._events.pop(article_id, None)
        self._articles.pop(article_id, None)

    def _keep(self, article: Article | None, article_id: str, facts: list[Fact]) -> None:
        if facts:
            self._facts[article_id] = facts
        for i, fact in enumerate(facts):
            self._index_in[id(fact)] = i
        for fact in facts:
            if fact.kind in ("age", "born"):
                self._ages[fact.subject].setdefault(article_id, []).append(fact)
                self._spans[id(fact)] = birth_span(fact)
            elif fact.kind in _SHARED:
                for person in fact.people():
                    self._shared[fact.kind][person].setdefault(article_id, []).append(fact)
        events = [f for f in facts if f.kind == "event"]
        if events:
            self._events[article_id] = events
        if article is not None and article_day(article) is not None:
            self._articles[article_id] = article

    def _ordered(self, mine: Fact, theirs: Fact, my_rank: tuple[int, int]) -> tuple[Fact, Fact]:
        return (mine, theirs) if my_rank < self._rank(theirs) else (theirs, mine)

    def _compare_all(self, article: Article | None, article_id: str, facts: list[Fact]) -> None:
        """This article's facts against those kept (it is not kept yet)."""
        position = self._position(article_id)
        for i, fact in enumerate(facts):
            mine = (position, i)
            if fact.kind in _SHARED:
                seen: set[int] = set()
                for person in sorted(fact.people()):
                    for theirs in self._shared[fact.kind].get(person, {}).values():
                        for other in theirs:
                            if id(other) not in seen:
                                seen.add(id(other))
                                a, b = self._ordered(fact, other, mine)
                                subject = " & ".join(sorted(a.people() | b.people()))
                                if fact.kind == "marriage":
                                    self._add(_compare("marriage", subject, a, b, a.when, b.when))
                                else:
                                    self._add(_compare_children(subject, a, b))
            elif fact.kind == "event":
                for dated in self._articles.values():
                    self._add(_dated_before(dated, fact))
        if article is not None and article_day(article) is not None:
            for events in self._events.values():
                for event in events:
                    self._add(_dated_before(article, event))


def _describe(fact: Fact) -> str:
    if fact.kind == "born":
        return f"born {fact.when}"
    if fact.kind == "marriage":
        return f"{fact.value}-year marriage" if fact.value is not None else f"married {fact.when}"
    if fact.kind == "children":
        return f"{fact.value} children" + (f" ({fact.when})" if fact.when else " (undated)")
    told = "turning" if fact.turning else "aged"
    return f"{told} {fact.value}" + (f" ({fact.when})" if fact.when else " (undated)")


def _compare(kind: str, subject: str, a: Fact, b: Fact, span_a: Span | None, span_b: Span | None) -> Conflict | None:
    if a.article == b.article:
        return None
    # a date and a length (or age) say the same when their spans meet; two lengths or two ages
    # are the same when equal
    same_value = a.value == b.value or a.value is None or b.value is None
    if span_a is None or span_b is None:
        if same_value:
            return None
        verdict, why = UNDATED, "an article has no date, so the two cannot be checked"
    elif not span_a.overlaps(span_b):
        verdict, why = CONTRADICTION, f"they cannot both be true ({span_a} vs {span_b})"
    elif same_value:
        return None
    else:
        verdict, why = EXPLAINED, f"both fit the articles' dates ({span_a} and {span_b} meet)"
    return Conflict(kind, subject, verdict, a, b, f"{_describe(a)} vs {_describe(b)}: {why}")


def _ages(person: str, spans: list[tuple[Fact, Span | None]]) -> list[Conflict]:
    """The conflicts among a person's ages and births (in corpus order, each with the birth
    days it allows), weighed together."""
    dated = [(fact, span) for fact, span in spans if span is not None]
    undated = [fact for fact, span in spans if span is None]
    out: list[Conflict] = []
    anchor = None
    values: set[int | None] = set()
    if dated:
        # the earliest day the most spans hold (a span's first day counts before a last day)
        ends = sorted([(s.first, 0) for _, s in dated] + [(s.last, 1) for _, s in dated])
        most = held = 0
        day = ends[0][0]
        for when, is_last in ends:
            held += -1 if is_last else 1
            if held > most:
                most, day = held, when
        agree = [(f, s) for f, s in dated if s.first <= day <= s.last]
        anchor, anchor_span = agree[0]
        agreed = Span(max(s.first for _, s in agree), min(s.last for _, s in agree))
        values.add(anchor.value)
        for fact, span in dated:
            if fact is anchor or fact.article == anchor.article:
                continue
            if not span.first <= day <= span.last:
                more = f" (and {len(agree) - 1} more passages)" if len(agree) > 1 else ""
                why = f"they cannot both be true: born {agreed} by the first{more}, {span} by the second"
                out.append(_pair("age", person, CONTRADICTION, anchor, fact, why))
            elif fact.value not in values:
                values.add(fact.value)
                why = f"both fit the articles' dates ({anchor_span} and {span} meet)"
                out.append(_pair("age", person, EXPLAINED, anchor, fact, why))
    elif undated:
        anchor = undated[0]
        values.add(anchor.value)
    for fact in undated:
        if anchor is None or fact is anchor or fact.article == anchor.article or fact.value in values:
            continue
        values.add(fact.value)
        out.append(_pair("age", person, UNDATED, anchor, fact, "an article has no date, so the two cannot be checked"))
    return out


def _pair(kind: str, subject: str, verdict: str, anchor: Fact, other: Fact, why: str) -> Conflict:
    return Conflict(kind, subject, verdict, anchor, other, f"{_describe(anchor)} vs {_describe(other)}: {why}")


def _compare_children(subject: str, a: Fact, b: Fact) -> Conflict | None:
    """Two counts of a couple's children: more later is explained by births in between; fewer
    later, or different counts on the same day, cannot both be true."""
    if a.article == b.article or a.value == b.value:
        return None
    if a.when is None or b.when is None:
        verdict, why = UNDATED, "an article has no date, so the two cannot be checked"
    elif a.when.overlaps(b.when):
        if a.when.first == a.when.last == b.when.first == b.when.last:
            verdict, why = CONTRADICTION, "they cannot both be true on the same day"
        else:
            verdict, why = EXPLAINED, f"a child may have been born within {a.when} and {b.when}"
    else:
        early, late = (a, b) if a.when.last < b.when.first else (b, a)
        assert early.value is not None and late.value is not None
        if late.value < early.value:
            verdict, why = CONTRADICTION, f"fewer children later ({late.when}) than earlier ({early.when})"
        else:
            verdict, why = EXPLAINED, f"children born between {early.when} and {late.when}"
    return Conflict("children", subject, verdict, a, b, f"{_describe(a)} vs {_describe(b)}: {why}")


def _dated_before(article: Article, event: Fact) -> Conflict | None:
    """An article dated before an event it names ("The Baldwins", which another article says
    premiered in February 2025)."""
    day = article_day(article)
    assert event.when is not None
    if article.id == event.article or day is None or day.last >= event.when.first:
        return None
    at = article.text.find(event.subject)
    if at < 0:
        return None
    end = article.text.find("\n", at)  # the line it is on
    end = len(article.text) if end < 0 else end
    mention = Fact("dated", event.subject, None, day, article.id, at, end, article.text[at:end])
    reason = f"dated {day} but names {event.subject!r}, which {event.article} says came in {event.when}"
    return Conflict("article date", article.id, CONTRADICTION, mention, event, reason)
