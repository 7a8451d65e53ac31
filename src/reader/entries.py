"""The entries: what the article list shows for each article (title, date, word count), with
sorting and filtering. Kept apart from full articles so a large corpus can list without parsing."""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.corpus.model import Article
from reader.folding import fold

SORTS = ("date", "title", "anonymous")


class Entry(NamedTuple):
    """A tuple, not a dataclass: a large corpus lists 100,000 of them at start-up (40 ms
    instead of 130)."""

    id: str
    title: str
    date: str | None
    words: int
    title_derived: bool = False
    flagged: bool = False

    @classmethod
    def of(cls, article: Article) -> Entry:
        return cls(
            article.id, article.title, article.date, article.word_count, article.title_derived, bool(article.problems)
        )


_KEYS: dict[Entry, str] = {}


def _key(entry: Entry) -> str:
    """The folded text an entry is filtered on, computed once per entry."""
    key = _KEYS.get(entry)
    if key is None:
        if len(_KEYS) > 500_000:
            _KEYS.clear()
        key = _KEYS[entry] = fold(f"{entry.title} {entry.id} {entry.date or ''}")
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
}
Shares = dict[str, float]  # article id -> share of its claims resting on anonymous sources


def sort_entries(entries: list[Entry], by: str, anonymous: Shares | None = None) -> list[Entry]:
    """By date (newest first, undated last, then title), by title (A to Z by its words), or by
    the share of claims on anonymous sources (most first; articles not analysed yet last)."""
    if by == "title":
        return sorted(entries, key=lambda e: (title_key(e.title), e.id))
    if by == "anonymous":
        shares = anonymous or {}
        by_date = sort_entries(entries, "date")
        return sorted(by_date, key=lambda e: -shares.get(e.id, -1.0))  # stable: newest first within
    dated = sorted((e for e in entries if e.date), key=lambda e: (_key(e), e.id))
    dated.sort(key=lambda e: e.date or "", reverse=True)  # stable: titles stay A to Z within a day
    undated = sorted((e for e in entries if not e.date), key=lambda e: (_key(e), e.id))
    return dated + undated


_SHARE_TERM = re.compile(r"^anon(?:ymous)?([<>])(\d{1,3})%?$")


def filter_entries(entries: list[Entry], text: str, anonymous: Shares | None = None) -> list[Entry]:
    """Entries whose title, id or date contains every word of `text` (case and accents ignored);
    a word `anon>50` (or `anon<20`, `anonymous>50%`) keeps the articles whose share of claims on
    anonymous sources is over (under) that percentage (articles not analysed yet never match)."""
    words, limits = [], []
    for word in fold(text).split():
        term = _SHARE_TERM.match(word)
        if term:
            limits.append((term.group(1), int(term.group(2)) / 100))
        else:
            words.append(word)
    if not words and not limits:
        return list(entries)
    shares = anonymous or {}

    def within(entry: Entry) -> bool:
        share = shares.get(entry.id)
        return share is not None and all(share > v if op == ">" else share < v for op, v in limits)

    return [e for e in entries if all(w in _key(e) for w in words) and (not limits or within(e))]
