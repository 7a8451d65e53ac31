"""Where the sentence and the line holding a position start and end, for the claim reader's
quotations, which may open in one sentence and close in another. Lines are read within their
segment: a single-line article of 5 MB is cut into segments, and a line is never longer than its
segment. Each line is split into sentences once, however many quotations in it ask."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from reader.analysis.text import Segment, sentences


class SentenceMap:
    def __init__(self, text: str, segs: list[Segment], token_cache: dict[Any, Any]) -> None:
        self.text = text
        self._token_cache = token_cache
        self._segments = sorted((seg.start, seg.end) for seg in segs)
        self._segment_starts = [start for start, _ in self._segments]
        self._sentence_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def sentences(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The sentences of a line, split once however many quotations in it ask."""
        found = self._sentence_cache.get((lo, hi))
        if found is None:
            found = self._sentence_cache[(lo, hi)] = sentences(self.text, lo, hi, self._token_cache)
        return found

    def segment(self, pos: int) -> tuple[int, int]:
        """The segment holding `pos` (or the stretch between segments), as (start, end)."""
        i = bisect_right(self._segment_starts, pos) - 1
        if i >= 0 and pos <= self._segments[i][1]:
            return self._segments[i]
        lo = self._segments[i][1] if i >= 0 else 0
        hi = self._segments[i + 1][0] if i + 1 < len(self._segments) else len(self.text)
        return lo, hi

    def line_start(self, pos: int) -> int:
        lo = self.segment(pos)[0]
        return max(lo, self.text.rfind("\n", lo, pos) + 1)

    def sentence_start(self, pos: int) -> int:
        para_start = self.line_start(pos)
        for s, e in self.sentences(para_start, self.para_end(pos)):
            if s <= pos < e or pos < s:
                return s
        return para_start

    def sentence_end(self, pos: int) -> int:
        para_start = self.line_start(max(0, pos - 1))
        for s, e in self.sentences(para_start, self.para_end(pos)):
            if s < pos <= e:
                return e
        return self.para_end(pos)

    def para_end(self, pos: int) -> int:
        hi = self.segment(pos)[1]
        nl = self.text.find("\n", pos, hi)
        return hi if nl == -1 else nl
