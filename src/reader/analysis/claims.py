"""Claims: sentences that report something on someone's word (see docs/analysis.md).

Each paragraph sentence is read once, in order: a direct quotation makes it a `quote`; a speech
or belief verb with a source makes it `attributed`; a hedging construction makes it `hedged`.
The source is found next to the quotation or verb (the subject before it, or the words after
it in '"...," said X'), then classified as a named person (pronouns and role nouns resolved to
the person last mentioned), an anonymous source, a publication, the public, or none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from reader.analysis import claim_words as W
from reader.analysis import clause_split, quote_speakers, tail_speakers, transcript
from reader.analysis import speaker_shapes as shapes
from reader.analysis.claim_sources import Sources
from reader.analysis.names import Mention
from reader.analysis.quotes import Quote
from reader.analysis.sentence_map import SentenceMap
from reader.analysis.source_phrase import Source as _Source
from reader.analysis.source_types import Claim, ClaimKind
from reader.analysis.text import Segment, Token, overlapping_from, sentences
from reader.analysis.text import tokens as _tokens
from reader.corpus.parse import trim_span


def _claim(text: str, start: int, end: int, kind: ClaimKind, source: _Source, hedges: list[str]) -> Claim:
    organisation = source.organisation if source.source == "named" else None
    return Claim(start, end, text[start:end], kind, source.source, source.speaker, hedges, source.person, organisation)


def find_claims(
    text: str, segs: list[Segment], quotes: list[Quote], mentions: list[Mention], cache: dict[Any, Any] | None = None
) -> list[Claim]:
    reader = _Reader(text, quotes, mentions, cache, segs)
    turns = transcript.turns(text, segs, mentions)
    claims = []
    for seg in segs:
        if seg.kind != "paragraph":
            claim = reader.headline(seg.start, seg.end)
            if claim is not None:
                claims.append(claim)
            continue
        turn = turns.get(seg.start)
        said = None  # the turn's words so far: its sentences that credit no one else run on as one claim
        for start, end in sentences(text, seg.start, seg.end, reader.token_cache):
            labelled = reader.headline(start, end, label_only=True) if start == seg.start and not turn else None
            found = [labelled] if labelled is not None else reader.sentence(start, end)
            if turn is not None and not found:  # "TAPPER: Do you think …": the speaker's words
                hedges = [m.group() for m in W.hedges_in(text, start, end)]
                if said is not None:
                    claims.pop()
                    start, hedges = said.start, said.hedges + hedges
                said = _claim(text, start, end, "attributed", _Source("named", turn.speaker, turn.person), hedges)
                found = [said]
            else:
                said = None
            claims += found
    return claims


class _Reader:
    def __init__(
        self, text: str, quotes: list[Quote], mentions: list[Mention], cache: dict[Any, Any] | None, segs: list[Segment]
    ) -> None:
        self.token_cache: dict[Any, Any] = {} if cache is None else cache
        self._next_quote = 0
        self.text = text
        self.quotes = quotes
        self._quote_starts = [q.start for q in quotes]  # quotes come in text order
        self._chains: dict[int, list[Quote]] = {}
        for q in quotes:
            self._chains.setdefault(q.chain, []).append(q)
        self.places = SentenceMap(text, segs, self.token_cache)
        self.sources = Sources(text, mentions, self.token_cache, [(q.start, q.end) for q in quotes])
        self.chain_source: dict[int, _Source] = {}

    def tokens(self, text: str, start: int, end: int) -> list[Token]:
        return _tokens(text, start, end, self.token_cache)

    def _overlapping(self, start: int, end: int) -> list[Quote]:
        """Quotations overlapping [start, end); sentences come in text order."""
        quotes = self.quotes
        while self._next_quote < len(quotes) and quotes[self._next_quote].end <= start:
            self._next_quote += 1
        return overlapping_from(quotes, self._next_quote, start, end)

    # --- one sentence ----------------------------------------------------------------------

    def sentence(self, start: int, end: int) -> list[Claim]:
        """The claims of one sentence: none, one, or one per quotation when its quotations
        are credited to different speakers ("X admitted 'A', while Y added: 'B'")."""
        overlapping = self._overlapping(start, end)
        speech = [q for q in overlapping if self._is_speech(q, start, end)]
        scare = [q for q in overlapping if q not in speech and self._is_scare(q)]
        self.sources.remember_group_phrase(start, end)
        split = self._by_speaker(sorted(speech + scare, key=lambda q: q.start), start, end)
        if split:
            self.sources.last_claim = split[-1]
            return split
        claim, verb_at = self._one_claim(start, end, speech, scare)
        if verb_at is not None:  # attributed: two clauses may credit two sources
            parts = clause_split.by_clause(
                self.text, start, end, verb_at, lambda lo, hi: self.sources.verbs.verb_source(lo, hi, bool(scare))
            )
            if parts:
                claims = [
                    _claim(self.text, lo, hi, "attributed", source, [m.group() for m in W.hedges_in(self.text, lo, hi)])
                    for lo, hi, source in parts
                ]
                self.sources.last_claim = claims[-1]
                return claims
        return [claim] if claim is not None else []

    def headline(self, start: int, end: int, label_only: bool = False) -> Claim | None:
        """A headline or sub-heading that gives a speaker and their words (see
        `transcript.labelled_speaker`), as an attributed claim."""
        source = transcript.labelled_speaker(self.sources, start, end, label_only)
        if source is None:
            return None
        hedges = [m.group() for m in W.hedges_in(self.text, start, end)]
        return _claim(self.text, start, end, "attributed", source, hedges)

    def _by_speaker(self, quotes: list[Quote], start: int, end: int) -> list[Claim]:
        """One claim per quotation when each is introduced by its own speaker and there are
        two or more of them; the sentence is cut after each quotation but the last."""
        if len(quotes) < 2 or any(q.start < start or q.end > end for q in quotes):
            return []
        sources = []
        lead = start
        for quote in quotes:
            source = quote_speakers.attribution_before(self.sources, lead, quote.start)
            if source is None or source.source not in ("named", "anonymous"):
                return []
            sources.append(source)
            lead = quote.end
        if len({(s.source, s.speaker) for s in sources}) < 2:
            return []
        claims, piece_start = [], start
        for i, (quote, source) in enumerate(zip(quotes, sources, strict=True)):
            piece_end = end if i == len(quotes) - 1 else self._after_quote(quote.end, end)
            span = trim_span(self.text, piece_start, piece_end)
            if span is None:
                return []
            lo, hi = span
            hedges = [m.group() for m in W.hedges_in(self.text, lo, hi)]
            claims.append(_claim(self.text, lo, hi, "quote", source, hedges))
            self.chain_source.setdefault(quote.chain, source)
            piece_start = piece_end
        return claims

    def _after_quote(self, pos: int, end: int) -> int:
        """Past a quotation's closing mark and the punctuation that follows it (", while")."""
        while pos < end and self.text[pos] in ",;:.!? \t\"”’'":
            pos += 1
        return pos

    def _one_claim(
        self, start: int, end: int, speech: list[Quote], scare: list[Quote]
    ) -> tuple[Claim | None, int | None]:
        """The sentence's claim, and for an attributed one the offset of the verb it rests on."""
        text = self.text
        verb_at = None
        found = W.hedges_in(text, start, end, self.token_cache)  # run once
        hedges = [m.group() for m in found]
        claim = None
        if speech:
            source = self._quote_source(self._answer(speech, start), start, end)
            claim = _claim(text, start, end, "quote", source, hedges)
        else:
            verb_source = self.sources.verbs.verb_source(start, end, credited_scare=bool(scare))
            hedge_at = min((m.start() for m in found), default=None)
            if verb_source is not None and (
                hedge_at is None or verb_source[0] <= hedge_at or not W.is_suggest(text, hedge_at)
            ):
                verb_at, source = verb_source
                claim = _claim(text, start, end, "attributed", source, hedges)
            elif hedges:
                source = shapes.hedge_source(self.sources, start, hedge_at if hedge_at is not None else start)
                claim = _claim(text, start, end, "hedged", source, hedges)
        if claim is not None:
            self.sources.last_claim = claim
        return claim, verb_at

    # --- quotations ------------------------------------------------------------------------

    def _is_speech(self, quote: Quote, start: int, end: int) -> bool:
        lo, hi = quote.inner
        inner = self.text[lo:hi].strip()
        words = re.findall(r"[^\W_]+(?:['’][^\W_]+)*", inner)
        if len(words) < 3 and not re.search(r"[.!?]", inner[:-1] if inner.endswith((".", ",")) else inner):
            return False
        if W.title_like(words, inner) and (
            W.TITLE_CUES.search(self.text[max(0, quote.start - 40) : quote.start]) or len(words) <= 12
        ):
            return False
        return True

    def _is_scare(self, quote: Quote) -> bool:
        lo, hi = quote.inner
        words = re.findall(r"[^\W_]+", self.text[lo:hi])
        return 0 < len(words) <= 2 and not W.title_like(words, self.text[lo:hi])

    def _quote_source(self, quote: Quote, start: int, end: int) -> _Source:
        if quote.chain in self.chain_source:
            return self.chain_source[quote.chain]
        chain = self._chains[quote.chain]
        first, last = chain[0], chain[-1]
        lead = max(start, self.places.sentence_start(first.start))
        sentence_end = self.places.sentence_end(last.end)
        # Each way of finding the speaker in turn, the first that names one ("none" is no answer:
        # the after-quote reading of '"…" was a "tale," said X' finds no speaker, the tail does).
        ways: list[Callable[[], _Source | None]] = [
            lambda: quote_speakers.attribution_before(self.sources, lead, first.start),
            lambda: shapes.colon_speaker(self.sources, lead, first.start),
            lambda: quote_speakers.whose_words(self.sources, lead, first.start),
            lambda: quote_speakers.attribution_after(self.sources, last.end, sentence_end),
            lambda: quote_speakers.attribution_before(
                self.sources, self.places.sentence_start(first.start), first.start, loose=True
            ),
            lambda: self._previous_quote_source(first),
            lambda: self._tail_source(lead, sentence_end),  # '"…" was a "tale," said Susan Crawford, her agent.'
            # "Eric Trump knocked a statement …", "Silverman interjected, '…'"
            lambda: shapes.sentence_subject(self.sources, self.tokens(self.text, lead, first.start)),
        ]
        source = _Source("none", None)
        for way in ways:
            found = way()
            if found is not None and found.source != "none":
                source = found
                break
        self.chain_source[quote.chain] = source
        return source

    def _tail_source(self, start: int, end: int) -> _Source | None:
        toks = self.tokens(self.text, start, end)
        tail = tail_speakers.tail_attribution(self.sources, toks, shapes.verb_words(toks, self.text)) if toks else None
        return tail[1] if tail is not None else None

    def _previous_quote_source(self, quote: Quote) -> _Source | None:
        """'"We're fine," she said. "Really."': an unattributed quotation right after an
        attributed one in the same paragraph is the same speaker's."""
        para_start = self.places.line_start(quote.start)
        nearby = self.quotes[bisect_left(self._quote_starts, para_start) : bisect_left(self._quote_starts, quote.start)]
        earlier = [q for q in nearby if q.chain != quote.chain]
        if earlier:
            found = self.chain_source.get(earlier[-1].chain)
            if found is not None and found.source != "none":
                return found
        return None

    # --- phrases ---------------------------------------------------------------------------

    def _answer(self, speech: list[Quote], start: int) -> Quote:
        """The quotation a sentence is about: in "Asked by ExtraTV if it was hard to 'be
        yourself', Alec confirmed: 'It's so hard.'" the first is the question, the second the
        answer, whose speaker the claim rests on."""
        previous_end = start
        for quote in speech:
            if not W.QUESTION_LEAD.search(self.text, previous_end, quote.start):
                return quote
            previous_end = quote.end
        return speech[0]
