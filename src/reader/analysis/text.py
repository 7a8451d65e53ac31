"""Segments, sentences and word tokens of an article, all as offsets into its text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, TypeVar

from reader.corpus.model import Article
from reader.corpus.parse import spans_between

_TOKEN = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*")
# A sentence ends at . ! ? … (and closing marks) before a capital, a digit or the end; an opening
# mark may come between, or two apostrophes, which some newswires write for a double one.
_BOUNDARY = re.compile(
    r"[.!?…]+[\"'”’)\]]*(?=\s+(?:''|[\"'“‘(\[])?(?:[A-Z]|[^\W\d_a-z](?<=[À-ÖØ-Þ]))|\s+(?:''|[\"“‘'])?\d|\s*$)|\n"
)
ABBREVIATIONS = frozenset(
    """
mr mrs ms dr st jr sr vs etc prof rev gen sen rep gov lt col capt sgt mt ft no inc ltd co corp
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e a.m p.m approx dept est fig
""".split()
)


@dataclass(frozen=True)
class Segment:
    """A stretch of article text read on its own: the title, a sub-heading, or a paragraph."""

    kind: str  # "title", "heading" or "paragraph"
    start: int
    end: int
    index: int  # the block index (-1 for the title)


class Token(NamedTuple):  # a tuple: made for every word, ~5 times faster than a frozen dataclass
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def segments(article: Article) -> list[Segment]:
    out = []
    if article.title_span and not article.title_derived:
        start, end = article.title_span
        out.append(Segment("title", start, end, -1))
    for index, block in enumerate(article.blocks):
        if block.kind == "boilerplate":
            continue
        kind = "heading" if block.kind == "heading" else "paragraph"
        out.append(Segment(kind, block.start, block.end, index))
    return out


def tokens(text: str, start: int, end: int, cache: dict[Any, Any] | None = None) -> list[Token]:
    """Word tokens of text[start:end]; `cache` (one dict per article analysed) saves names and
    claims from tokenising the same sentences twice."""
    if cache is None:
        return _tokenise(text, start, end)
    found = cache.get((start, end))
    if found is None:
        found = cache[(start, end)] = _tokenise(text, start, end)
    return found


_new_tuple = tuple.__new__


def _tokenise(text: str, start: int, end: int) -> list[Token]:
    # Tokens made by tuple.__new__ through map, without a Python call per word (a third faster).
    found = list(_TOKEN.finditer(text, start, end))
    fields = [(m.start(), m.end(), m.group()) for m in found]
    return list(map(_new_tuple, [Token] * len(fields), fields))


def sentences(text: str, start: int, end: int, cache: dict[Any, Any] | None = None) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], not split after abbreviations or initials; `cache`
    (one dict per article analysed) saves names and claims from splitting a segment twice."""
    if cache is None:
        return _split(text, start, end)
    key = ("sentences", start, end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _split(text, start, end)
    return found


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    stops = (
        match.end()
        for match in _BOUNDARY.finditer(text, start, end)
        if match.group() == "\n" or not after_abbreviation(text, start, match.start())
    )
    return spans_between(text, start, end, stops)


def after_abbreviation(text: str, lo: int, dot: int) -> bool:
    """Whether the dot at `dot` ends an abbreviation ("Gov.", "U.S.", an initial), not a sentence."""
    if text[dot] != ".":
        return False
    begin = dot
    while begin > lo and (text[begin - 1].isalpha() or text[begin - 1] == "."):
        begin -= 1
    word = text[begin:dot].lower()
    # "L.A. Confidential", "the U.S. Senate": single letters joined by dots are an abbreviation.
    initials = len(word) >= 3 and all(len(part) == 1 for part in word.split("."))
    return word in ABBREVIATIONS or initials or (len(word) == 1 and text[dot - 1].isupper())


class _HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Span = TypeVar("_Span", bound=_HasSpan)


def overlapping_from(items: list[_Span], first: int, lo: int, hi: int) -> list[_Span]:
    """Of `items` (anything with `start` and `end`, sorted by start), those from index `first` on
    that overlap [lo, hi); the walk stops at the first that starts at `hi` or later."""
    out = []
    for i in range(first, len(items)):  # by index: a slice would copy the rest each time
        item = items[i]
        if item.start >= hi:
            break
        if item.end > lo:
            out.append(item)
    return out
