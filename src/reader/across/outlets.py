"""Sourcing by outlet (`by_outlet`): for each outlet the corpus's articles come from (their page's
or front matter's site), its articles, claims, share of claims on anonymous sources, hedges per
1,000 words and headlines flagged; and a bar to draw a share in a terminal (`bar`). No UI here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.across.profile import Profile
from reader.corpus.model import Article

NO_OUTLET = "(no outlet)"


@dataclass
class OutletProfile:
    outlet: str
    articles: int = 0
    claims: int = 0
    anonymous: int = 0
    hedges: int = 0
    words: int = 0
    flagged: int = 0  # headlines the headline check flags

    @property
    def anonymous_share(self) -> float:
        return self.anonymous / self.claims if self.claims else 0.0

    @property
    def hedges_per_1000_words(self) -> float:
        return 1000 * self.hedges / self.words if self.words else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "claims": self.claims,
            "anonymous": self.anonymous,
            "anonymous_share": round(self.anonymous_share, 3),
            "hedges": self.hedges,
            "hedges_per_1000_words": round(self.hedges_per_1000_words, 2),
            "headlines_flagged": self.flagged,
        }


def by_outlet(profiles: Iterable[tuple[Article, Profile]]) -> list[OutletProfile]:
    """One row per outlet, the one with most articles first; articles with no outlet together."""
    rows: dict[str, OutletProfile] = {}
    for article, found in profiles:
        name = article.outlet or NO_OUTLET
        row = rows.setdefault(name, OutletProfile(name))
        row.articles += 1
        row.claims += found.claims
        row.anonymous += found.by_source["anonymous"]
        row.hedges += found.hedges
        row.words += found.words
        row.flagged += found.headline.flagged
    return sorted(rows.values(), key=lambda r: (r.outlet == NO_OUTLET, -r.articles, r.outlet.casefold()))


def bar(share: float, width: int = 20) -> str:
    """`share` (0 to 1) as a bar of `width` cells, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, share)) * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + ("▏▎▍▌▋▊▉"[part - 1] if part else "")).ljust(width)
