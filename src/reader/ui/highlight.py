"""Turning an article's analysis into styles: a colour per person (stable across articles, from
the theme), claims marked by kind, anonymous sourcing in its own colour, hedges emphasised.
Also the legend and the one-line description of a paragraph's claims.

Calm by default: most paragraphs of a tabloid article are claims, and a page of strong tints
tires the eye. A paragraph with claims gets a mark in its gutter, in the colour of its claims'
kind (anonymous sourcing first), and its anonymous claims are underlined; the full tints are
drawn on the paragraph under the cursor, or on every paragraph with the `tints` layer (key 4).
"""

from __future__ import annotations

import zlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from rich.style import Style
from rich.text import Text
from textual.color import Color

from reader.corpus.model import Block

if TYPE_CHECKING:  # the analysis is loaded by the workers, after the first frame
    from reader.analysis import Analysis
    from reader.analysis.names import Mention
    from reader.analysis.source_types import Claim

PERSON_COLOURS = 8
TINT_BLEND = 0.8  # a claim tint is its colour this far towards the background: pale enough that any
# name or hedge colour on it keeps 4.5:1 contrast (contrast.py)


@dataclass
class Layers:
    names: bool = True
    claims: bool = True
    hedges: bool = True
    tints: bool = False  # every claim tinted, not only those under the cursor


@dataclass
class Palette:
    people: list[str]
    kinds: dict[str, str]
    anonymous: str
    hedge: str
    background: str
    search: str
    tints: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_variables(cls, variables: dict[str, str]) -> Palette:
        def get(name: str, fallback: str) -> str:
            return variables.get(name) or fallback

        background = get("background", "#000000")
        palette = cls(
            people=[get(f"person-{i}", "#87d7ff") for i in range(1, PERSON_COLOURS + 1)],
            kinds={k: get(f"claim-{k}", "#888888") for k in ("quote", "attributed", "hedged")},
            anonymous=get("source-anonymous", "#ff5f87"),
            hedge=get("hedge", "#ffd75f"),
            background=background,
            search=get("search-hit", "#ffff5f"),
        )
        bg = Color.parse(background)
        for name, colour in [*palette.kinds.items(), ("anonymous", palette.anonymous)]:
            palette.tints[name] = Color.parse(colour).blend(bg, TINT_BLEND).hex
        return palette

    def person(self, person: str) -> str:
        return self.people[zlib.crc32(person.encode("utf-8")) % len(self.people)]


_T = TypeVar("_T", "Claim", "Mention")


class SpanIndex:
    """An analysis's claims, hedges and names in text order, found per block by bisection: the
    styles of one block cost what is in it, not what is in the whole article."""

    def __init__(self, analysis: Analysis) -> None:
        self.claims = sorted(analysis.claims, key=lambda c: (c.start, c.end))
        self.claim_ends = _running_max([c.end for c in self.claims])
        self.names = sorted(analysis.names, key=lambda m: (m.start, m.end))
        self.name_ends = _running_max([m.end for m in self.names])
        self._hedges: dict[int, list[tuple[int, int]]] = {}

    def claims_in(self, lo: int, hi: int) -> list[Claim]:
        return _overlapping(self.claims, self.claim_ends, lo, hi)

    def names_in(self, lo: int, hi: int) -> list[Mention]:
        return _overlapping(self.names, self.name_ends, lo, hi)

    def hedges_of(self, claim: Claim) -> list[tuple[int, int]]:
        """Where a claim's hedges are, as offsets in the article (the claim lowercased once)."""
        found = self._hedges.get(id(claim))
        if found is None:
            lower = claim.text.lower()
            found = []
            for hedge in claim.hedges:
                index = lower.find(hedge.lower())
                if index >= 0:
                    found.append((claim.start + index, claim.start + index + len(hedge)))
            self._hedges[id(claim)] = found
        return found


def _running_max(values: list[int]) -> list[int]:
    out, top = [], -1
    for value in values:
        top = max(top, value)
        out.append(top)
    return out


def _overlapping(items: list[_T], ends: list[int], lo: int, hi: int) -> list[_T]:
    """Items (sorted by start; `ends` their running maximum end) overlapping [lo, hi)."""
    from reader.analysis.text import overlapping_from  # loaded by then: there is an analysis

    return overlapping_from(items, bisect_right(ends, lo), lo, hi)


_INDEXES: dict[int, tuple[Analysis, SpanIndex]] = {}


def span_index(analysis: Analysis) -> SpanIndex:
    """The (cached) index of `analysis`; the last few are kept."""
    found = _INDEXES.get(id(analysis))
    if found is not None and found[0] is analysis:
        return found[1]
    index = SpanIndex(analysis)
    if len(_INDEXES) >= 8:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(analysis)] = (analysis, index)
    return index


MARK_ORDER = ("anonymous", "attributed", "quote", "hedged")  # the gutter mark of a paragraph with several


def claim_mark(block: Block, analysis: Analysis | None, layers: Layers) -> str | None:
    """The kind whose colour marks a paragraph's gutter ("anonymous" for anonymous sourcing),
    or None for a paragraph without claims or with the claims layer off."""
    if analysis is None or not layers.claims or block.kind != "paragraph":
        return None
    claims = span_index(analysis).claims_in(block.start, block.end)
    kinds = {"anonymous" if c.source == "anonymous" else c.kind for c in claims}
    return next((kind for kind in MARK_ORDER if kind in kinds), None)


def block_styles(
    block: Block, analysis: Analysis | None, palette: Palette, layers: Layers, *, focused: bool = True
) -> list[tuple[int, int, Style]]:
    """(start, end, style) spans relative to the block's text, in the order to apply them.
    Claims are tinted when `focused` (the paragraph under the cursor) or with the tints layer;
    otherwise only anonymous claims are marked in the text, by an underline."""
    if analysis is None:
        return []
    index = span_index(analysis)
    out: list[tuple[int, int, Style]] = []
    lo, hi = block.start, block.end

    def clip(start: int, end: int) -> tuple[int, int] | None:
        s, e = max(start, lo), min(end, hi)
        return (s - lo, e - lo) if s < e else None

    claims = index.claims_in(lo, hi) if layers.claims or layers.hedges else []
    tinted = focused or layers.tints
    if layers.claims:
        for claim in claims:
            span = clip(claim.start, claim.end)
            if span is None:
                continue
            if claim.source == "anonymous":
                style = Style(bgcolor=palette.tints["anonymous"], underline=True) if tinted else Style(underline=True)
            elif tinted:
                style = Style(bgcolor=palette.tints[claim.kind])
            else:
                continue
            out.append((*span, style))
    if layers.hedges:
        for claim in claims:
            for start, end in index.hedges_of(claim):
                span = clip(start, end)
                if span:
                    out.append((*span, Style(color=palette.hedge, italic=True, bold=True)))
    if layers.names:
        for mention in index.names_in(lo, hi):
            span = clip(mention.start, mention.end)
            if span:
                out.append((*span, Style(color=palette.person(mention.person), bold=True)))
    return out


def legend(palette: Palette, layers: Layers) -> Text:
    """One line: what each colour means, and which key turns each layer on or off."""
    off = {True: "", False: " off"}
    text = Text()
    text.append("people", style=Style(color=palette.people[0], bold=True))
    text.append(f" 1{off[layers.names]} │ ", style="dim")
    for kind, label in (("quote", "quote"), ("attributed", "attributed"), ("hedged", "hedged")):
        text.append(f"{label}", style=Style(bgcolor=palette.tints[kind]))
        text.append(" ")
    text.append("anonymous", style=Style(bgcolor=palette.tints["anonymous"], underline=True))
    text.append(f" 2{off[layers.claims]} │ ", style="dim")
    text.append("hedge", style=Style(color=palette.hedge, italic=True, bold=True))
    text.append(f" 3{off[layers.hedges]}", style="dim")
    text.append(" │ ", style="dim")
    text.append("tints: " + ("all" if layers.tints else "cursor") + " 4", style="dim")
    return text


def describe_claims(block: Block, analysis: Analysis | None) -> str:
    """'quote · anonymous · "One insider"' for each claim in the block."""
    if analysis is None:
        return ""
    parts = []
    for claim in span_index(analysis).claims_in(block.start, block.end):
        who = f"“{claim.person or claim.speaker}”" if claim.speaker else "no source given"
        hedges = f" · hedges: {', '.join(claim.hedges)}" if claim.hedges else ""
        parts.append(f"{claim.kind} · {claim.source} · {who}{hedges}")
    unique = list(dict.fromkeys(parts))
    return " | ".join(unique)
