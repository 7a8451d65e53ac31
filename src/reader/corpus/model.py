"""The article model: what a parsed article file holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

_WORD = re.compile(r"[^\W_][\w'’-]*")


def count_words(text: str) -> int:
    """Words as the list and the reading time count them."""
    return len(_WORD.findall(text))


BlockKind = Literal["paragraph", "heading", "boilerplate"]


@dataclass(frozen=True)
class Block:
    """One displayed unit of an article: a paragraph, a sub-heading, or collapsed site boilerplate.

    `start`/`end` are offsets into `Article.text`; `text` is the display form of that span
    (inner newlines turned into spaces, Markdown heading marks dropped).
    """

    kind: BlockKind
    text: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    path: Path
    text: str
    title: str
    title_derived: bool
    date: str | None
    blocks: list[Block]
    word_count: int
    content_hash: str
    problems: list[str] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    outlet: str | None = None  # where it was published, as its page or front matter says
    author: str | None = None
    url: str | None = None  # the address it came from

    @property
    def reading_minutes(self) -> int:
        """Reading time at 230 words a minute, at least one minute."""
        return max(1, round(self.word_count / 230))

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def boilerplate_words(self) -> int:
        return sum(count_words(b.text) for b in self.blocks if b.kind == "boilerplate")
