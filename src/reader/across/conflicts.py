"""Claims that disagree: facts about one person (or couple, or show) stated differently in two
articles, or an article dated before an event it describes. No UI here.

Facts are compared through what they imply, given when each held (`reader.across.facts`): an
age and its date give the days a person can have been born on; a marriage's length and the
article's date give when it began. Two facts whose implied spans do not meet are a
**contradiction**; stated values that differ but fit their articles' dates ("41" in March,
"42" in November) are **explained by the dates**; differing values where an article has no date
cannot be checked (**undated**). Equal values that fit are not reported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from reader.across import Stop, check
from reader.across.facts import Fact, Span
from reader.corpus.model import Article

CONTRADICTION, EXPLAINED, UNDATED = "contradiction", "explained by the dates", "undated"


@dataclass
class Conflict:
    kind: str  # "age", "marriage" or "article date"
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
    facts = list(facts)
    found = _ages([f for f in facts if f.kind in ("age", "born")], stop)
    found += _marriages([f for f in facts if f.kind == "marriage"], stop)
    found += _article_dates([f for f in facts if f.kind == "event"], list(articles), stop)
    order = {CONTRADICTION: 0, UNDATED: 1, EXPLAINED: 2}
    found.sort(key=lambda c: (order[c.verdict], c.kind, c.subject, c.first.article, c.second.article))
    return found


def _describe(fact: Fact) -> str:
    if fact.kind == "born":
        return f"born {fact.when}"
    if fact.kind == "marriage":
        return f"{fact.value}-year marriage" if fact.value is not None else f"married {fact.when}"
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


def _ages(facts: list[Fact], stop: Stop) -> list[Conflict]:
    by_person: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        by_person[fact.subject].append(fact)
    out = []
    for person, told in by_person.items():
        for a, b in combinations(told, 2):  # a person named in many articles: many pairs
            check(stop)
            found = _compare("age", person, a, b, birth_span(a), birth_span(b))
            if found is not None:
                out.append(found)
    return out


def _marriages(facts: list[Fact], stop: Stop) -> list[Conflict]:
    out = []
    for a, b in combinations(facts, 2):
        check(stop)
        if a.people() & b.people():
            subject = " & ".join(sorted(a.people() | b.people()))
            found = _compare("marriage", subject, a, b, a.when, b.when)
            if found is not None:
                out.append(found)
    return out


def _article_dates(events: list[Fact], articles: list[Article], stop: Stop) -> list[Conflict]:
    """An article dated before an event it names ("The Baldwins", which another article says
    premiered in February 2025)."""
    from reader.across.facts import article_day

    out = []
    for event in events:
        check(stop)
        assert event.when is not None
        for article in articles:
            day = article_day(article)
            if article.id == event.article or day is None or day.last >= event.when.first:
                continue
            at = article.text.find(event.subject)
            if at < 0:
                continue
            end = article.text.find("\n", at)  # the line it is on
            end = len(article.text) if end < 0 else end
            mention = Fact("dated", event.subject, None, day, article.id, at, end, article.text[at:end])
            reason = f"dated {day} but names {event.subject!r}, which {event.article} says came in {event.when}"
            out.append(Conflict("article date", article.id, CONTRADICTION, mention, event, reason))
    return out
