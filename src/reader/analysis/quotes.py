"""Quotations: spans between quote marks, straight or curly, double or single (and '' for a
double mark, as some newswires write it), followed across
sentences and across paragraphs (a paragraph that opens with a quote mark while the previous
paragraph's quotation never closed continues that quotation)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.text import Segment

DOUBLE_OPEN, DOUBLE_CLOSE = "“", "”"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_MARKS = re.compile("''|[\"“”'‘’]")  # '' : two apostrophes as a double mark (newswire style)


@dataclass
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or the end of the paragraph when never closed)
    chain: int  # quotations continued across paragraphs share a chain number
    closed: bool
    double: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def find_quotes(text: str, segs: list[Segment]) -> list[Quote]:
    quotes: list[Quote] = []
    chain = 0
    open_chain_at_paragraph_end: int | None = None
    for seg in segs:
        if seg.kind != "paragraph":
            open_chain_at_paragraph_end = None
            continue
        found, left_open = _in_paragraph(text, seg.start, seg.end)
        found.sort()
        for i, (start, end, closed, double) in enumerate(found):
            carried = open_chain_at_paragraph_end if i == 0 and start == seg.start else None
            if carried is None:
                chain += 1
            quotes.append(Quote(start, end, carried if carried is not None else chain, closed, double))
        open_chain_at_paragraph_end = quotes[-1].chain if (found and left_open) else None
    return sorted(quotes, key=lambda q: q.start)


def _in_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int, bool, bool]], bool]:
    """(start, end, closed, double) spans; whether the paragraph ends inside a double quote."""
    spans = []
    open_double: int | None = None
    open_single: int | None = None
    for match in _MARKS.finditer(text, start, end):
        i = match.start()
        ch = match.group()
        if ch == "''":
            ch = '"'
        if ch == DOUBLE_OPEN or (ch == '"' and open_double is None):
            if open_double is None:
                open_double = i
            continue
        if ch == DOUBLE_CLOSE or ch == '"':
            if open_double is not None:
                spans.append((open_double, match.end(), True, True))
                open_double = None
                open_single = None
            continue
        if open_double is not None:
            continue  # single quotes inside a double quotation are part of it
        if ch in ("'", SINGLE_OPEN) and open_single is None and _opens_single(text, i, start, end):
            open_single = i
        elif ch in ("'", SINGLE_CLOSE) and open_single is not None and _closes_single(text, i, end):
            spans.append((open_single, i + 1, True, False))
            open_single = None
    if open_double is not None:
        spans.append((open_double, end, False, True))
    return spans, open_double is not None


def _opens_single(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return (before.isspace() or before in "([{—–-:;,") and (after.isalnum() or after in "…")


def _closes_single(text: str, i: int, hi: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < hi else " "
    if before.isalpha() and after.isalpha():
        return False  # an apostrophe inside a word: don't, I'm
    return not before.isspace() and (after.isspace() or after in '.,;:!?)—–-"”')
