"""A phrase naming a source as the rules of source_rules read it (`Phrase`, made by
`read_phrase` once per phrase): its words, its head and the people named in it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.analysis import claim_words as W
from reader.analysis.source_reader import SourceReader
from reader.analysis.source_types import Source

if TYPE_CHECKING:
    from reader.analysis.names import Mention


@dataclass
class Phrase:
    """A phrase naming a source, read once for every rule: its words, its head (the words before
    "of", "for", "to" …) and the people named in it."""

    sources: SourceReader
    start: int
    end: int
    text: str  # the phrase, without a leading "by"/"from", quotes or a trailing time
    lower: str
    words: list[str]
    head: str
    head_words: set[str]
    named: list[Mention]
    head_end: int

    @property
    def last(self) -> str:
        """The head's last word ("official" of "a senior administration official")."""
        return self.head.split()[-1] if self.head.split() else ""

    def owner_named(self) -> bool:
        """The last person named in it owns what follows ("Ivana Trump's brief")."""
        return bool(self.named) and self.sources.text[self.named[-1].end : self.named[-1].end + 1] in ("'", "’")


def read_phrase(sources: SourceReader, start: int, end: int) -> Phrase:
    text = re.sub(r"^(?:by|from)\s+", "", sources.text[start:end].strip(" ,:;\"'“”‘’"), flags=re.IGNORECASE)
    text = W.TRAILING_TIME.sub("", text)  # "The mayor on Tuesday": the mayor
    lower = text.lower()
    head = _HEAD_END.split(lower)[0]
    named = [
        m
        for m in sources.mentions[bisect_left(sources.starts, start) : bisect_left(sources.starts, end)]
        if m.end <= end
    ]
    return Phrase(
        sources,
        start,
        end,
        text,
        lower,
        re.findall(r"[a-z](?:[a-z\-']|\.(?=[a-z]))*", lower),  # "u.s" one word
        head,
        {re.sub(r"['’]s?$", "", w) for w in re.findall(r"[a-z][a-z\-'’]*", head)},  # "the government's"
        named,
        start + len(head.rstrip()),
    )


_HEAD_END = re.compile(r"\b(?:close to|of|for|with|at|from|in|on|near|familiar with|cited by|by|to)\b")
Rule = Callable[[Phrase], "Source | None"]
