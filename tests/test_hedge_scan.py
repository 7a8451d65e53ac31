"""The fast hedge scan (`hedges_in`, tried only where a hedge's first word stands) finds exactly
what the hedge pattern run at every character finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis import lexicon
from reader.analysis.claim_words import HEDGE, HEDGE_LEADS, hedges_in

pytestmark = pytest.mark.unit

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

WRITTEN = [
    "It seems that the couple reportedly split; rumours swirl, and it's safe to assume more.",
    "Speculation is growing amid fresh claims. Sources say she is said to be upset.",
    "He might well have been there, some say; many believe it. If reports are true, gossip abounds.",
    "Fans were fuelling wild speculation; whispers grew. It appears to be over, it was claimed.",
    "The report suggested, suggests and is suggesting so; it is widely expected to happen.",
    "ITS REPORTEDLY true: SOURCES SAY it; It’s fair to say. “Apparently,” she said.",
]


def _texts() -> list[str]:
    return WRITTEN + [path.read_text(encoding="utf-8") for path in sorted(SEEDS.iterdir())]


@pytest.mark.parametrize("text", _texts())
def test_the_fast_hedge_scan_finds_what_the_pattern_finds(text: str) -> None:
    for start, end in [(0, len(text)), (3, len(text) - 5), (len(text) // 3, len(text))]:
        slow = [(m.start(), m.end()) for m in HEDGE.finditer(text, start, end)]
        assert [(m.start(), m.end()) for m in hedges_in(text, start, end)] == slow


def test_every_hedge_starts_with_a_listed_word() -> None:
    """Each alternative of the hedge list begins with a word of HEDGE_LEADS (a new hedge
    whose first word is not listed would otherwise never be found)."""
    for alternative in lexicon.HEDGES:
        # the literal words an alternative can open with: its leading word, or each word of
        # a leading group "(?:a|b|c)", optional letters ("rumou?rs?") both ways
        head = re.match(r"\(\?:([^)]*)\)|[a-z?]+", alternative)
        assert head is not None, alternative
        options = head.group(1).split("|") if head.group(1) else [head.group()]
        for option in options:
            word = re.match(r"[a-z?]+", option)
            assert word is not None, alternative
            forms = {word.group().replace("?", "")}
            forms |= {re.sub(r"(.)\?", "", word.group())}  # each optional letter left out
            forms |= {re.sub(r"\?", "", word.group(), count=1)}
            assert any(f in HEDGE_LEADS for f in forms), (alternative, forms)


def test_every_multiword_attribution_starts_with_a_listed_word() -> None:
    """MULTIWORD is run only on text holding a word of MULTIWORD_LEADS: each phrase it matches
    must start with one (the phrases are read from its top-level alternatives)."""
    from reader.analysis.claim_words import MULTIWORD, MULTIWORD_LEADS

    body = MULTIWORD.pattern[len(r"\b(?:") : -len(r")\b")]
    depth, start, firsts = 0, 0, []
    for i, char in enumerate(body + "|"):
        depth += char == "("
        depth -= char == ")"
        if char == "|" and depth == 0:
            alternative = body[start:i]
            group = re.match(r"\(\?:([^)]*)\)", alternative)
            options = group.group(1).split("|") if group else [alternative]
            firsts += [re.match(r"[a-z]+", option).group() for option in options]  # type: ignore[union-attr]
            start = i + 1
    assert len(firsts) > 20
    assert set(firsts) <= MULTIWORD_LEADS, set(firsts) - MULTIWORD_LEADS
