"""The entries: what the article list shows for each article (title, date, word count), with
sorting and filtering. Kept apart from full articles so a large corpus can list without parsing."""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.corpus.model import Article
from reader.helpers.folding import fold

SORTS = ("date", "title", "anonymous", "hedges", "outlet")


class Entry(NamedTuple):
    """A tuple, not a dataclass: a large corpus lists 100,000 of them at start-up (40 ms
    instead of 130)."""

    id: str
    title: str
    date: str | None
    words: int
    title_derived: bool = False
    flagged: bool = False
    outlet: str | None = None  # as the page or front matter names it

    @classmethod
    def of(cls, article: Article) -> Entry:
        return cls(
            article.id,
            article.title,
            article.date,
            article.word_count,
            article.title_derived,
            bool(article.problems),
            article.outlet,
        )


_KEYS: dict[Entry, str] = {}


def _key(entry: Entry) -> str:
    """The folded text an entry is filtered on, computed once per entry."""
    key = _KEYS.get(entry)
    if key is None:
        if len(_KEYS) > 500_000:
            _KEYS.clear()
        key = _KEYS[entry] = fold(f"{entry.title} {entry.id} {entry.date or ''} {entry.outlet or ''}")
    return key


_LABEL = re.compile(r"^(?:[A-Z][A-Z'’ -]{2,30}:\s+)")  # "EXCLUSIVE: ", "WATCH: "
_LEADING = re.compile(r"^[^\w]+")


def title_key(title: str) -> str:
    """A title as it sorts: by its words, without a leading label ("EXCLUSIVE:") or quote marks."""
    return fold(_LEADING.sub("", _LABEL.sub("", title.strip())))


SORT_SHOWN = {
    "date": "by date ↓ newest first",
    "title": "by title ↓ A to Z",
    "anonymous": "by anonymous sourcing ↓ most first",
    "hedges": "by hedging ↓ most first",
    "outlet": "by outlet ↓ A to Z",
}
# article id -> its sourcing measures (`reader.across.profile.measures`): "anon" (the share of
# claims on anonymous sources, in %), "hedges" (per 1,000 words), "sources" (distinct), "claims",
# and the claims by source: "named", "publication", "public", "unsourced"
Measures = dict[str, dict[str, float]]
MEASURE_NAMES = ("anon", "hedges", "sources", "claims", "named", "publication", "public", "unsourced")
_SORT_MEASURE = {"anonymous": "anon", "hedges": "hedges"}


def sort_entries(entries: list[Entry], by: str, measures: Measures | None = None) -> list[Entry]:
    """By date (newest first, undated last, then title), by title (A to Z by its words), by the
    share of claims on anonymous sources or by hedges per 1,000 words (most first; articles not
    analysed yet last), by outlet (A to Z, articles naming none last; newest first within)."""
    if by == "title":
        return sorted(entries, key=lambda e: (title_key(e.title), e.id))
    if by == "outlet":  # outlets A to Z (none last), newest first within each
        by_date = sort_entries(entries, "date")
        return sorted(by_date, key=lambda e: (e.outlet is None, fold(e.outlet or "")))
    if by in _SORT_MEASURE:
        name, known = _SORT_MEASURE[by], measures or {}
        by_date = sort_entries(entries, "date")
        return sorted(by_date, key=lambda e: -known.get(e.id, {}).get(name, -1.0))  # stable: newest first within
    dated = sorted((e for e in entries if e.date), key=lambda e: (_key(e), e.id))
    dated.sort(key=lambda e: e.date or "", reverse=True)  # stable: titles stay A to Z within a day
    undated = sorted((e for e in entries if not e.date), key=lambda e: (_key(e), e.id))
    return dated + undated


_MEASURE_TERM = re.compile(r"^(anon|anonymous|" + "|".join(MEASURE_NAMES[1:]) + r")([<>])(\d{1,5}(?:\.\d+)?)%?$")


def measure_terms(text: str) -> tuple[list[str], list[tuple[str, str, float]]]:
    """The words of a filter, and its measure terms (`anon>50`, `hedges>5`, `sources<2` …)."""
    words, limits = [], []
    for word in fold(text).split():
        term = _MEASURE_TERM.match(word)
        if term:
            name = "anon" if term.group(1) == "anonymous" else term.group(1)
            limits.append((name, term.group(2), float(term.group(3))))
        else:
            words.append(word)
    return words, limits


def filter_entries(entries: list[Entry], text: str, measures: Measures | None = None) -> list[Entry]:
    """Entries whose title, id, date or outlet contains every word of `text` (case and accents ignored);
    a measure term keeps the articles whose measure is over (under) the value: `anon>50` (or
    `anonymous>50%`: the share of claims on anonymous sources, in %), `hedges>5` (per 1,000
    words), `sources<2` (distinct sources), `claims>10`, `named<1`, `publication>0`, `public>0`,
    `unsourced>3` (claims by source). Articles not analysed yet never match a measure term."""
    words, limits = measure_terms(text)
    if not words and not limits:
        return list(entries)
    known = measures or {}

    def within(entry: Entry) -> bool:
        found = known.get(entry.id)
        return found is not None and all(
            found[name] > value if op == ">" else found[name] < value for name, op, value in limits
        )

    return [e for e in entries if all(w in _key(e) for w in words) and (not limits or within(e))]
