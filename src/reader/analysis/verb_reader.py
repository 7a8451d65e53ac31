"""The source of a sentence without a quotation (`Verbs.verb_source`): the first speech or
belief verb with a source as its subject or object, else a relay ("according to X"), else for
credited scare quotes the group that said them; for the `SourceReader` reading an article."""

from __future__ import annotations

import re

from reader.analysis import claim_words as W
from reader.analysis import lexicon, tail_speakers
from reader.analysis import speaker_shapes as shapes
from reader.analysis.source_reader import SourceReader
from reader.analysis.source_types import Source
from reader.analysis.text import Token

_SAY = frozenset("say says said tell tells told".split())
_OVER = frozenset("over in at for from into during since under after before".split())
_ASKED = ("asked", "questioned", "pressed", "quizzed")
_VERBS = (
    lexicon.STRONG_ATTRIBUTION | lexicon.SPEECH_VERBS | lexicon.EVIDENCE_VERBS | frozenset(lexicon.PARTICLE_VERBS)
)  # all verb_source reads


class Verbs:
    """The verb reader of one article's `SourceReader`."""

    def __init__(self, sources: SourceReader) -> None:
        self.sources = sources
        self.text = sources.text

    def verb_source(self, start: int, end: int, credited_scare: bool) -> tuple[int, Source] | None:
        """The first speech or belief verb with a source as its subject; else a relay such as
        'according to X', 'per X', 'X can reveal'; else, for credited scare quotes, the group
        that said them ('fans called her "rude"')."""
        sources = self.sources
        toks = sources.tokens(self.text, start, end)
        # No verb to read (most sentences; the words are those listed for the hedges): straight
        # to the relays. Nor when its verbs were capitalised names ("the United States").
        words = W.words_in(self.text, start, end, sources.token_cache)
        verbs = [] if _VERBS.isdisjoint(words) else shapes.verb_words(toks, self.text)
        if _VERBS.isdisjoint(verbs):
            verbs = []
        tail = tail_speakers.tail_attribution(sources, toks, verbs) if verbs else None
        if tail is not None:  # "…, the Sun-Times reported.": the source of the whole sentence
            return tail
        lead = self._question_lead(toks) if verbs and toks[0].text.lower() in _ASKED else -1
        for i, word in enumerate(verbs):  # no verbs: no loop
            if i <= lead:
                continue  # "Asked whether he would counsel Clinton to ask …, Reid said": the answer's
            found = self._source_of(toks, i, word, start, end, credited_scare)
            if found is not None:
                return toks[i].start, found
        relay = shapes.relay_source(sources, start, end, relays_only=True)
        if relay is not None:
            return relay
        if credited_scare:
            group = sources.group_noun(start, end)
            if group is not None:
                return start, group
        return None

    def _question_lead(self, toks: list[Token]) -> int:
        """The last word of an "Asked whether …," lead: the question, not the answer's source."""
        return next((k for k in range(len(toks) - 1) if "," in self.text[toks[k].end : toks[k + 1].start]), -1)

    def _source_of(
        self, toks: list[Token], i: int, word: str, start: int, end: int, credited_scare: bool
    ) -> Source | None:
        """The source the verb toks[i] credits, or None when it credits no one there. Asked of
        every word of a sentence with a verb in it: the word's kind first, the looks around it
        after (the same answers; in_relay for every word was 4% of the analysis)."""
        evidence = word in lexicon.EVIDENCE_VERBS
        reports_that = (
            (word in lexicon.SPEECH_VERBS or evidence) and i + 1 < len(toks) and toks[i + 1].text.lower() == "that"
        )  # "Ana said that …"; "He found that …", a finding credited to whoever found it
        if not (
            word in lexicon.STRONG_ATTRIBUTION
            or reports_that
            or evidence
            or (credited_scare and word in lexicon.SPEECH_VERBS)
        ):
            return None
        if shapes.in_relay(self.text, toks, i):
            return None  # "…, according to state records": a noun there, the relay's source
        if W.not_a_verb_of_saying(word, toks, i):
            return None  # "thanks to a big win", "flew back to Washington", "maintained his lead"
        if word in (lexicon.STANCE_VERBS | lexicon.INTENT_VERBS) - lexicon.REPORTING_VERBS and not reports_that:
            return self._stance_doer(toks, i, word, start)
        if _a_noun_here(toks, i, word):
            return None  # "amid claims", "the reports"; "is said to" (a hedge, not a speaker)
        previous = toks[i - 1].text.lower() if i else ""
        if i + 2 < len(toks) and toks[i + 1].text.lower() == "by" and previous != "as":  # "criticized by Miller"
            source = self.sources.object_after(toks, i + 1, end)
        else:
            source = self.sources.subject(toks, i, start)
        if evidence and not reports_that:  # "a new poll shows …": only polls, studies, records
            if source is not None and set(re.findall(r"[a-z]+", (source.speaker or "").lower())) & (
                lexicon.EVIDENCE_NOUNS | lexicon.PUBLICATION_NOUNS  # "a new poll shows", "reports show"
            ):
                return Source("publication", source.speaker)
            return None
        return self._subject_or_clause(toks, i, word, source)

    def _stance_doer(self, toks: list[Token], i: int, word: str, start: int) -> Source | None:
        """Only the one named or meant right before a stance verb; a group too, unless the verb
        is a hedge ("some viewers have suggested": hedged, as docs/analysis.md has it)."""
        sources = self.sources
        previous = toks[i - 1].text.lower() if i else ""
        doer = sources.doer_before(toks, i, groups=word not in W.HEDGE_LEADS)
        participle = i > 0 and "," in self.text[toks[i - 1].end : toks[i].start]  # "voted no, calling for"
        if doer is None:
            doer = sources.leading_participle_subject(toks, i)  # "Citing the attack, she …"
        if doer is None and (previous not in W.NOUN_CONTEXT or participle):
            doer = shapes.stance_subject(sources, toks, i, start)
            if doer is not None and word in W.HEDGE_LEADS and doer.source != "named":
                doer = None  # "Hillary Clinton, in her campaigning, suggested": hers; a group's stays a hedge
        return doer

    def _subject_or_clause(self, toks: list[Token], i: int, word: str, source: Source | None) -> Source | None:
        """The subject found, else the clause's or a long opening one ("Majorities of … say")."""
        sources = self.sources
        if source is None or source.source == "none":
            source = sources.clause_subject(toks, i) or sources.leading_participle_subject(toks, i) or source
        if word in _SAY and (
            source is None or source.source == "none" or (source.speaker or "").split(" ", 1)[0] in _OVER
        ):  # "Majorities of … say"; "people I have spoken with over the last weeks said": not "over …"
            source = shapes.long_opening_subject(sources, toks, i) or source
        return source if source is not None and source.source != "none" else None


def _a_noun_here(toks: list[Token], i: int, word: str) -> bool:
    """The verb's word is a noun where it stands: "amid claims", "the reports", "Lazar's
    claims", or a hedge's "is said to"."""
    previous = toks[i - 1].text.lower() if i else ""
    possessed = i > 0 and toks[i - 1].text.endswith(("'s", "’s", "s'", "s’"))
    return (
        previous in W.NOUN_CONTEXT
        or previous in W.BE
        or (previous in W.QUANTIFIERS and word.endswith("s"))
        or (possessed and word.endswith("s"))
    )
