"""How an article's claims are sourced, in one character for the article list: the share of its
claims that rest on anonymous sources ("a source close to the couple", "insiders")."""

from __future__ import annotations

from reader.analysis import Analysis

BADGES = "○◔◑◕●"  # none, up to a third, up to two thirds, more, all
NO_CLAIMS = "·"


def anonymous_share(analysis: Analysis) -> tuple[int, int]:
    """(claims resting on anonymous sources, all claims)."""
    claims = analysis.claims
    return sum(1 for c in claims if c.source == "anonymous"), len(claims)


def sourcing_badge(analysis: Analysis) -> str:
    anonymous, total = anonymous_share(analysis)
    if total == 0:
        return NO_CLAIMS
    if anonymous == 0:
        return BADGES[0]
    if anonymous == total:
        return BADGES[4]
    share = anonymous / total
    return BADGES[1] if share <= 1 / 3 else BADGES[2] if share <= 2 / 3 else BADGES[3]
