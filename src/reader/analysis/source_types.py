"""The answer to "on whose word" (`Source`) and the kinds of sources and claims as types, so
that a misspelt kind is a type error (docs/analysis.md, "Source")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["named", "anonymous", "publication", "public", "none"]
ClaimKind = Literal["quote", "attributed", "hedged"]
SOURCE_KINDS: tuple[SourceKind, ...] = ("named", "anonymous", "publication", "public", "none")


@dataclass
class Source:
    source: SourceKind
    speaker: str | None
    person: str | None = None  # whom a description ("the senator") refers to; `speaker` keeps its words
    organisation: str | None = None  # the body a named source speaks for ("A Treasury spokesperson": Treasury)
    rule: str = ""  # the rule of source_rules.RULES that decided it, when a phrase was read


@dataclass
class Claim:
    """A sentence (or quotation) reported on someone's word: what `analyze --json` lists."""

    start: int
    end: int
    text: str
    kind: ClaimKind
    source: SourceKind
    speaker: str | None
    hedges: list[str] = field(default_factory=list)
    person: str | None = None  # the resolved person when the source is named
    organisation: str | None = None  # the body a named source speaks for, as written ("Treasury")
