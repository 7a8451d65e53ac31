"""Checkable facts an article states, with the time they are true at. No UI here.

- an **age**: "Hilaria, 41,", "Alec Baldwin, 67,", "29-year-old Ireland", "Alec, who turns 67
  this week", "her husband, 66," (the spouse: the article's most named other person), "When they
  tied the knot in July 2012, Alec was 54";
- a **marriage's start**: "his 13-year marriage to Hilaria" (at the article's date), "married
  since 2012", "tied the knot in July 2012", with the people named in the sentence;
- a **birth**: "Ilaria, was born in 2022", "their first child, Carmen, in 2013";
- an **event's date**: '"The Baldwins" premiered in February 2025';
- a **count of children**: "They have seven children", "the couple had four children" (with
  "By 2019": when it held), "mother-of-seven", "their seven kids": the people named before it
  in the sentence, else the article's two most named people (a "they" or "the couple").

Each fact carries the span of its sentence and a `Span` of days when its value held (the
article's date, or the month or year the sentence names), so that facts from articles of
different dates can be compared (`reader.across.conflicts`).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from reader.analysis import Analysis
from reader.analysis.names import Mention
from reader.analysis.text import sentences
from reader.corpus.model import Article

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
_UNITS += "sixteen seventeen eighteen nineteen".split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER = r"(\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|" + "|".join(_UNITS[1:]) + r")"
_WHEN = re.compile(r"\b(?:in|on)\s+(?:(" + "|".join(MONTHS) + r")\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)

_APPOSITION = re.compile(r",\s*(?:now\s+|aged\s+)?" + _NUMBER + r"\s*(?=,|\.|\)|;|\s+and\b|\s+(?:was|is|has|had)\b)")
_TURNS = re.compile(
    r",?\s*who\s+(?:turns|turned|will\s+turn)\s+" + _NUMBER + r"(\s+(?:this|next)\s+(?:week|month)|\s+today)?"
)
_MONTH_YEAR = r"(?:(" + "|".join(MONTHS) + r")\s+)?((?:19|20)\d\d)\b"
_BORN = re.compile(r",?\s+(?:was\s+)?born\s+(?:in|on)\s+" + _MONTH_YEAR, re.IGNORECASE)
_CHILD_IN = re.compile(r",\s*in\s+" + _MONTH_YEAR, re.IGNORECASE)  # "their first child, Carmen, in 2013"
_CHILD_BEFORE = re.compile(r"\bchild\s*,\s*\Z")
_WAS = re.compile(r"\s+was\s+(?:just\s+|only\s+|then\s+)?" + _NUMBER + r"(?:\s+years?\s+old)?\b")
_YEAR_OLD = re.compile(_NUMBER + r"-year-old\s+(?=[A-Z])")
_SPOUSE = re.compile(r"\b(?:her\s+(?:husband|partner)|his\s+(?:wife|partner))\s*,\s*" + _NUMBER + r"\s*,")
_MARRIAGE_YEARS = re.compile(_NUMBER + r"-year(?:-long)?\s+marriage\b", re.IGNORECASE)
_MARRIED_SINCE = re.compile(r"\bmarried\s+since\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_MARRIED_IN = re.compile(
    r"\b(?:tied\s+the\s+knot|married|wed)\s+in\s+(?:(" + "|".join(MONTHS) + r")\s+)?((?:19|20)\d\d)\b", re.IGNORECASE
)
_EVENT_WORDS = ("premiered", "debuted", "launched", "aired")
_CHILD_COUNT = re.compile(
    r"\b(?:(?:has|have|had|share|shared|with|got|raising|raise|welcomed)\s+(?:their\s+|her\s+|his\s+)?"
    + _NUMBER
    + r"\s+(?:young\s+|little\s+|small\s+)?(?:children|kids)\b"
    + r"|\b(?:mother|father|mom|mum|dad|parents?)[- ]of[- ]"
    + _NUMBER
    + r"\b)",
    re.IGNORECASE,
)
_COUNT_WHEN = re.compile(r"\b(?:in|by|as\s+of)\s+(?:(" + "|".join(MONTHS) + r")\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_PREMIERED = re.compile(
    r"[\"“]([^\"”]{2,60})[\"”]\s+(?:premiered|debuted|launched|aired)\s+in\s+(?:(" + "|".join(MONTHS) + r")\s+)?"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """Days during which something held or happened (inclusive)."""

    first: dt.date
    last: dt.date

    def overlaps(self, other: Span) -> bool:
        return self.first <= other.last and other.first <= self.last

    def shifted(self, years_back_from: int, years_back_to: int) -> Span:
        """This span moved back in time: from `years_back_from` years (its first day) to
        `years_back_to` years (its last day)."""
        return Span(_years_before(self.first, years_back_from), _years_before(self.last, years_back_to))

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        if (self.first.month, self.first.day, self.last.month, self.last.day) == (1, 1, 12, 31):
            return str(self.first.year) if self.first.year == self.last.year else f"{self.first.year}–{self.last.year}"
        return f"{self.first.isoformat()}–{self.last.isoformat()}"


@dataclass
class Fact:
    kind: str  # "age", "born", "marriage" (its start) or "event"
    subject: str  # the person; for a marriage, the people joined by " & "; for an event, its name
    value: int | None  # the age, or the years of marriage; None for a date
    when: Span | None  # an age: when it held; a birth, a marriage's start, an event: when (None: undated)
    article: str
    start: int  # the sentence's span
    end: int
    text: str
    turning: bool = False  # an age reached during `when` ("who turns 67 this week")

    def people(self) -> set[str]:
        return set(self.subject.split(" & "))


def number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _UNITS:
        return _UNITS.index(word)
    tens, _, unit = word.partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_UNITS.index(unit) if unit in _UNITS[1:10] else 0)
    return None


def article_day(article: Article) -> Span | None:
    try:
        day = dt.date.fromisoformat(article.date or "")
    except ValueError:
        return None
    return Span(day, day)


def facts_of(article: Article, analysis: Analysis) -> list[Fact]:
    text = article.text
    day = article_day(article)
    mentions = sorted(analysis.names, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    counts = analysis.people()
    found: list[Fact] = []
    for block in article.blocks:
        if block.kind == "boilerplate":
            continue
        for lo, hi in sentences(text, block.start, block.end):
            here = mentions[bisect_left(starts, lo) : bisect_left(starts, hi)]
            said_when = _when_said(text, lo, hi)
            found += _ages(article, text, lo, hi, here, day, said_when, mentions, counts)
            low = text[lo:hi].lower()  # the costlier patterns only where their words are
            if "marri" in low or "knot" in low or " wed " in low:
                found += _marriage(article, text, lo, hi, here, day)
            if any(word in low for word in _EVENT_WORDS):
                found += _events(article, text, lo, hi)
            if "children" in low or "kids" in low or "-of-" in low or " of " in low:
                told = {(f.subject, f.value) for f in found if f.kind == "children"}
                found += [
                    f for f in _children(article, text, lo, hi, here, day, counts) if (f.subject, f.value) not in told
                ]
    return found


def _when_said(text: str, lo: int, hi: int) -> Span | None:
    match = _WHEN.search(text, lo, hi)
    return _month_or_year(match.group(1), match.group(2)) if match else None


def _month_or_year(month: str | None, year: str) -> Span:
    y = int(year)
    if month:
        m = MONTHS[month.lower()]
        return Span(dt.date(y, m, 1), dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return Span(dt.date(y, 1, 1), dt.date(y, 12, 31))


def _ages(
    article: Article,
    text: str,
    lo: int,
    hi: int,
    here: list[Mention],
    day: Span | None,
    said_when: Span | None,
    mentions: list[Mention],
    counts: dict[str, int],
) -> list[Fact]:
    out = []

    def add(person: str, age: int | None, when: Span | None) -> None:
        if age is not None and 0 < age < 120:
            out.append(Fact("age", person, age, when, article.id, lo, hi, text[lo:hi]))

    for mention in here:
        if m := _APPOSITION.match(text, mention.end, hi):
            add(mention.person, number(m.group(1)), day)
        elif m := _TURNS.match(text, mention.end, hi):
            age, soon = number(m.group(1)), (m.group(2) or "").strip().lower()
            if age is not None and day is not None and soon:
                slack = dt.timedelta(days=0 if soon == "today" else 7 if soon.endswith("week") else 31)
                # turning `age` around the article's date: `age - 1` until then, `age` after
                around = Span(day.first - slack, day.last + slack)
                out.append(Fact("age", mention.person, age, around, article.id, lo, hi, text[lo:hi], turning=True))
        elif (m := _WAS.match(text, mention.end, hi)) and said_when is not None:
            add(mention.person, number(m.group(1)), said_when)
    for mention in here:
        born = _BORN.match(text, mention.end, hi)
        if born is None and _CHILD_BEFORE.search(text, lo, mention.start):
            born = _CHILD_IN.match(text, mention.end, hi)
        if born is not None:
            when = _month_or_year(born.group(1), born.group(2))
            out.append(Fact("born", mention.person, None, when, article.id, lo, hi, text[lo:hi]))
    low = text[lo:hi].lower()
    for m in _YEAR_OLD.finditer(text, lo, hi) if "year-old" in low else ():
        named = next((x for x in here if x.start == m.end()), None)
        if named is not None:
            add(named.person, number(m.group(1)), day)
    for m in _SPOUSE.finditer(text, lo, hi) if "husband" in low or "wife" in low or "partner" in low else ():
        before = [x for x in mentions if x.end <= m.start()]
        if before:
            owner = before[-1].person
            spouse = next((p for p in counts if p != owner and len(p.split()) > 1), None)
            if spouse is not None:
                add(spouse, number(m.group(1)), day)
    return out


def _marriage(article: Article, text: str, lo: int, hi: int, here: list[Mention], day: Span | None) -> list[Fact]:
    people = sorted({m.person for m in here})
    if not people:
        return []
    subject = " & ".join(people)
    out = []
    for m in _MARRIAGE_YEARS.finditer(text, lo, hi):
        years = number(m.group(1))
        if years is not None and day is not None:
            # married `years` years (and less than a year more) before the article's date
            began = day.shifted(years + 1, years)
            began = Span(began.first + dt.timedelta(days=1), began.last)
            out.append(Fact("marriage", subject, years, began, article.id, lo, hi, text[lo:hi]))
        elif years is not None:
            out.append(Fact("marriage", subject, years, None, article.id, lo, hi, text[lo:hi]))
    for m in _MARRIED_SINCE.finditer(text, lo, hi):
        out.append(Fact("marriage", subject, None, _month_or_year(None, m.group(1)), article.id, lo, hi, text[lo:hi]))
    for m in _MARRIED_IN.finditer(text, lo, hi):
        out.append(
            Fact("marriage", subject, None, _month_or_year(m.group(1), m.group(2)), article.id, lo, hi, text[lo:hi])
        )
    return out


def _children(
    article: Article, text: str, lo: int, hi: int, here: list[Mention], day: Span | None, counts: dict[str, int]
) -> list[Fact]:
    out = []
    for m in _CHILD_COUNT.finditer(text, lo, hi):
        words = [w for w in m.groups() if w]
        value = number(words[0]) if words else None
        if value is None or not 0 < value < 30:
            continue
        named = sorted({x.person for x in here if x.end <= m.start()})
        if not named:  # "they", "the couple": the article's two most named people
            named = sorted([p for p in counts if " " in p][:2])
        if not named:
            continue
        said = _COUNT_WHEN.search(text, lo, hi)
        when = _month_or_year(said.group(1), said.group(2)) if said else day
        out.append(Fact("children", " & ".join(named), value, when, article.id, lo, hi, text[lo:hi]))
    return out


def _events(article: Article, text: str, lo: int, hi: int) -> list[Fact]:
    return [
        Fact("event", m.group(1).strip(), None, _month_or_year(m.group(2), m.group(3)), article.id, lo, hi, text[lo:hi])
        for m in _PREMIERED.finditer(text, lo, hi)
    ]


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
