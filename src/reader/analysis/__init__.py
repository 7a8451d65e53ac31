"""Names and claims (see docs/analysis.md): who is named in an article, and what it reports on whose
word. Pure Python, no UI; `analyze(article)` for one article, `analyze_corpus` to also resolve
people across articles ("Hilaria" in one article is "Hilaria Baldwin" named in another)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from reader.analysis.cancel import AnalysisCancelled as AnalysisCancelled  # where callers catch it
from reader.analysis.cancel import Interruptible, check
from reader.analysis.claims import find_claims
from reader.analysis.names import Mention, find_people
from reader.analysis.quotes import find_quotes
from reader.analysis.release import collector_paused, let_go
from reader.analysis.source_types import Claim
from reader.analysis.text import Segment, segments
from reader.corpus.model import Article
from reader.helpers.naming import across_name, by_first_and_last


@dataclass
class Analysis:
    names: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def people(self) -> dict[str, int]:
        """Person to mention count, most mentioned first."""
        counts: dict[str, int] = {}
        for mention in self.names:
            counts[mention.person] = counts.get(mention.person, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def to_json(self) -> dict[str, Any]:
        return {
            "names": [{"start": m.start, "end": m.end, "text": m.text, "person": m.person} for m in self.names],
            "claims": [
                {
                    "start": c.start,
                    "end": c.end,
                    "text": c.text,
                    "kind": c.kind,
                    "source": c.source,
                    "speaker": c.speaker,
                    "person": c.person,
                    "organisation": c.organisation,
                    "hedges": list(c.hedges),
                }
                for c in self.claims
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Analysis:
        names = [
            Mention(n["start"], n["end"], n["text"], n["person"], tuple(n["person"].split())) for n in data["names"]
        ]
        claims = [
            Claim(
                c["start"],
                c["end"],
                c["text"],
                c["kind"],
                c["source"],
                c["speaker"],
                list(c["hedges"]),
                c.get("person"),
                c.get("organisation"),
            )
            for c in data["claims"]
        ]
        return cls(names, claims)


def analyze(article: Article, stop: Callable[[], bool] | None = None) -> Analysis:
    """People and claims of `article`; with `stop`, raises AnalysisCancelled once it is true.
    Linear in the text: segments are bounded in length (the parser cuts huge paragraphs)."""
    if len(article.text) > PAUSE_GC_ABOVE:
        with collector_paused():
            return _analyze(article, stop)
    return _analyze(article, stop)


PAUSE_GC_ABOVE = 200_000  # characters: a long article's millions of tokens made every
# collection of the cycle collector slower, so that its cost grew faster than the text


def _analyze(article: Article, stop: Callable[[], bool] | None) -> Analysis:
    segs: list[Segment] = segments(article)
    if stop is not None:
        segs = Interruptible(segs, stop)
    cache: dict[Any, Any] = {}
    try:
        mentions = find_people(article.text, segs, cache, stop)
        walked = mentions if stop is None else Interruptible(mentions, stop, every=256)
        quotes = find_quotes(article.text, segs)
        claims = find_claims(article.text, segs, quotes, walked, cache)
    finally:
        let_go(cache)  # a huge article's tokens: freed in the background, finished or abandoned
    check(stop)
    attach_people(claims, walked)
    return Analysis(mentions, claims)


def attach_people(claims: list[Claim], mentions: list[Mention]) -> None:
    """Each claim with a named source gets the person its speaker is: the speaker itself when
    it is already a resolved person (a pronoun's), else the person of the mention with the
    speaker's words nearest the claim ("Hilaria" there is "Hilaria Baldwin")."""
    people = {m.person for m in mentions}
    by_text: dict[str, tuple[list[Mention], list[int]]] = {}
    for mention in mentions:  # in text order
        found, starts = by_text.setdefault(mention.text, ([], []))
        found.append(mention)
        starts.append(mention.start)
    for claim in claims:
        if claim.source != "named" or not claim.speaker:
            claim.person = claim.organisation = None
            continue
        if claim.person is not None:
            continue  # a description's person, found when its source was ("the senator said")
        if claim.speaker in people:
            claim.person = claim.speaker
            continue
        if claim.speaker in by_text:
            found, starts = by_text[claim.speaker]
            i = bisect_left(starts, claim.start)
            best = min(
                found[max(0, i - 1) : i + 2],
                key=lambda m: (
                    0
                    if claim.start <= m.start < claim.end
                    else min(abs(m.start - claim.start), abs(m.start - claim.end))
                ),
            )
            claim.person = best.person


def resolve_across(analyses: list[Analysis]) -> None:
    """A one-word person ("Hilaria") becomes the one full name in the corpus that starts with
    that word, or else ends with it ("Basinger" → "Kim Basinger"); ambiguous words stay."""
    by_first, by_last = by_first_and_last({m.person for a in analyses for m in a.names if " " in m.person})
    mapping: dict[str, str] = {}
    for analysis in analyses:
        for mention in analysis.names:
            word = mention.person
            if " " in word or word in mapping:
                continue
            if (full_name := across_name(word, by_first, by_last)) is not None:
                mapping[word] = full_name
    for analysis in analyses:
        _rename(analysis, mapping)


def _rename(analysis: Analysis, mapping: Mapping[str, str]) -> None:
    for mention in analysis.names:
        mention.person = mapping.get(mention.person, mention.person)
    for claim in analysis.claims:
        if claim.source == "named" and claim.speaker is not None and claim.speaker in mapping:
            claim.speaker = mapping[claim.speaker]
        if claim.person is not None and claim.person in mapping:
            claim.person = mapping[claim.person]


_Item = TypeVar("_Item", Mention, Claim)


def renamed(analysis: Analysis, mapping: Mapping[str, str]) -> Analysis:
    """A copy of `analysis` with its one-word people named as `mapping` says (the analysis
    given is left as it was)."""
    copy = Analysis([_copied(m) for m in analysis.names], [_copied(c) for c in analysis.claims])
    _rename(copy, mapping)
    return copy


def _copied(item: _Item) -> _Item:
    copy = object.__new__(type(item))
    copy.__dict__.update(item.__dict__)
    return copy


def analyze_corpus(articles: list[Article]) -> list[Analysis]:
    analyses = [analyze(a) for a in articles]
    resolve_across(analyses)
    return analyses
