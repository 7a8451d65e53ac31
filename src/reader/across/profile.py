"""An article's sourcing profile and its headline check. No UI here.

The profile counts the article's claims by source (named, anonymous, publication, public, none),
its hedges per 1,000 words and its distinct sources. The headline check asks whether the
headline states as fact what the body only attributes to anonymous sources or hedges: the body
sentences that carry the headline's words (at least two of its significant words, or a phrase it
puts in quotes) are looked up; when every one of them is an anonymous or hedged claim (none is
named, a publication's, or the article's own unhedged statement) and the headline itself neither
hedges nor attributes, it is flagged. A phrase the headline quotes that the body never has is
flagged too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from reader.analysis import Analysis, lexicon
from reader.analysis.claim_words import hedges_in
from reader.analysis.source_types import Claim
from reader.analysis.text import sentences
from reader.corpus.model import Article

_LONGEST_CLAIM = 20_000  # characters: a claim is a sentence (the parser cuts longer paragraphs)
SOURCES = ("named", "anonymous", "publication", "public", "none")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"(?<!\w)[\"“‘']([^\s\"“”‘’'][^\"“”‘’]{2,}?)[\"”’'](?!\w)")  # not an apostrophe
# A headline that says where it comes from does not state a fact: it attributes or hedges.
_ATTRIBUTING = frozenset(
    """reportedly allegedly claims claim claimed says said sources source insiders insider report
reports rumours rumors rumoured rumored could may might possibly apparently seemingly""".split()
)


@dataclass
class Support:
    """A body sentence carrying the headline's words, and on whose word it stands."""

    start: int
    end: int
    source: str  # a claim's source, or "article" for the article's own statement
    hedged: bool

    @property
    def weak(self) -> bool:
        return self.source in ("anonymous", "public") or self.hedged

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "source": self.source, "hedged": self.hedged}


@dataclass
class HeadlineCheck:
    flagged: bool
    reason: str | None
    support: list[Support] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {"flagged": self.flagged, "reason": self.reason, "support": [s.to_json() for s in self.support]}


@dataclass
class Profile:
    article: str
    title: str
    date: str | None
    words: int
    by_source: dict[str, int]
    hedges: int
    sources: int  # distinct sources with a name or description
    headline: HeadlineCheck

    @property
    def claims(self) -> int:
        return sum(self.by_source.values())

    @property
    def anonymous_share(self) -> float:
        return self.by_source["anonymous"] / self.claims if self.claims else 0.0

    @property
    def hedges_per_1000_words(self) -> float:
        return 1000 * self.hedges / self.words if self.words else 0.0

    def measures(self) -> dict[str, float]:
        """What the article list sorts and filters on (`reader.entries.Measures`)."""
        return {
            "anon": 100 * self.anonymous_share,
            "hedges": self.hedges_per_1000_words,
            "sources": self.sources,
            "claims": self.claims,
            "named": self.by_source["named"],
            "publication": self.by_source["publication"],
            "public": self.by_source["public"],
            "unsourced": self.by_source["none"],
        }

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "title": self.title,
            "date": self.date,
            "words": self.words,
            "claims": self.claims,
            "by_source": dict(self.by_source),
            "anonymous_share": round(self.anonymous_share, 3),
            "hedges": self.hedges,
            "hedges_per_1000_words": round(self.hedges_per_1000_words, 2),
            "distinct_sources": self.sources,
            "headline": self.headline.to_json(),
        }


def profile(article: Article, analysis: Analysis) -> Profile:
    by_source = dict.fromkeys(SOURCES, 0)
    for claim in analysis.claims:
        by_source[claim.source] = by_source.get(claim.source, 0) + 1
    speakers = {
        (claim.person or claim.speaker or "").casefold()
        for claim in analysis.claims
        if claim.source != "none" and (claim.person or claim.speaker)
    }
    return Profile(
        article.id,
        article.title,
        article.date,
        article.word_count,
        by_source,
        sum(len(claim.hedges) for claim in analysis.claims),
        len(speakers),
        check_headline(article, analysis),
    )


def _significant(text: str, people_words: set[str]) -> set[str]:
    """The words that carry a statement: not function words, not the people's names."""
    out = set()
    for word in _WORD.findall(text.replace("’", "'")):
        lower = word.casefold().removesuffix("'s")
        if len(lower) < 4 or lower in lexicon.FUNCTION_WORDS or word in people_words:
            continue
        out.add(lower[:-1] if lower.endswith("s") and not lower.endswith("ss") else lower)
    return out


def check_headline(article: Article, analysis: Analysis) -> HeadlineCheck:
    if article.title_derived or article.title_span is None:
        return HeadlineCheck(False, None)  # no headline of its own: the first sentence stands in
    title = article.title
    if title.rstrip().endswith("?") or _ATTRIBUTING & {w.casefold() for w in _WORD.findall(title)}:
        return HeadlineCheck(False, None)
    title_start, title_end = article.title_span
    if hedges_in(article.text, title_start, title_end):
        return HeadlineCheck(False, None)
    people_words = {w for m in analysis.names for w in m.text.replace("’", "'").split()}
    wanted = _significant(title, people_words)
    quoted = {q.strip().casefold(): q.strip() for q in _QUOTED.findall(title.replace("’", "'"))}  # as written
    body_start = max((b.start for b in article.blocks[:1]), default=title_end)
    claims = sorted(analysis.claims, key=lambda c: c.start)
    support = []
    missing_quotes = set(quoted)
    for block in article.blocks:
        if block.start < body_start or block.kind in ("heading", "boilerplate"):
            continue
        for lo, hi in sentences(article.text, block.start, block.end):
            sentence = article.text[lo:hi].replace("’", "'").casefold()
            has_quote = [q for q in quoted if q in sentence]
            missing_quotes -= set(has_quote)
            # a headline word the sentence has is in its folded text: fewer than two there, no
            # need to take its words apart
            if not has_quote and (
                sum(w in sentence for w in wanted) < 2
                or len(wanted & _significant(article.text[lo:hi], people_words)) < 2
            ):
                continue
            claim = _claim_at(claims, lo, hi)
            if claim is None:
                support.append(Support(lo, hi, "article", bool(hedges_in(article.text, lo, hi))))
            else:
                support.append(Support(lo, hi, claim.source, claim.kind == "hedged" or bool(claim.hedges)))
    if missing_quotes:
        shown = ", ".join(f"“{quoted[q]}”" for q in sorted(missing_quotes))
        return HeadlineCheck(True, f"the headline quotes {shown}, which the body never says", support)
    if support and all(s.weak for s in support):
        kinds = sorted({"hedged" if s.hedged else s.source for s in support})
        return HeadlineCheck(
            True, f"the headline states as fact what the body only has from {', '.join(kinds)} claims", support
        )
    return HeadlineCheck(False, None, support)


def _claim_at(claims: list[Claim], lo: int, hi: int) -> Claim | None:
    """The claim overlapping the sentence most, if any (claims in text order, none longer than
    a paragraph: those starting up to a paragraph before are looked at)."""
    best, overlap = None, 0
    first = bisect_left(claims, lo - _LONGEST_CLAIM, key=lambda c: c.start)
    for claim in claims[first:]:
        if claim.start >= hi:
            break
        shared = min(hi, claim.end) - max(lo, claim.start)
        if shared > overlap:
            best, overlap = claim, shared
    return best
