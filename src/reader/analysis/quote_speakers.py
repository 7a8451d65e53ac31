"""Who a quotation is credited to by the words around it: the speech verb in its lead ('Alec
joked: "…"', 'Said Comey, "…"'), or the words after it ('"…," Ban recalled', '"…," Ana Ruiz, a
lawyer, said', '"…," Trump shot back'). The claim reader (`claims.py`) tries these among the
other ways of finding a quotation's speaker."""

from __future__ import annotations

import re

from reader.analysis import claim_words as W
from reader.analysis import lexicon, tail_speakers
from reader.analysis import speaker_shapes as shapes
from reader.analysis.source_phrase import Source
from reader.analysis.source_reader import SourceReader
from reader.analysis.text import Token

_TEXT_READS = frozenset({"read", "reads"})  # after a quotation: '"…," the email read.'
_SAID_FIRST = frozenset("Said Says Added Wrote".split())  # not "Asked by ExtraTV if …": the question


def attribution_before(sources: SourceReader, lo: int, hi: int, loose: bool = False) -> Source | None:
    """The speaker a quotation's lead gives: the subject or object of the speech verb before it
    (with `loose`, of any attribution verb), or a relay ("according to X")."""
    toks = sources.tokens(sources.text, lo, hi)
    if toks and toks[0].text in _SAID_FIRST and len(toks) > 1:
        return sources.object_after(toks, 0, hi)  # 'Said Comey, "…"'
    verbs = shapes.verb_words(toks, sources.text)
    for i in range(len(toks) - 1, -1, -1):
        word = verbs[i]
        if W.not_a_verb_of_saying(word, toks, i):
            continue  # "As the Rainmakers sang back in the 1980s, '…'"
        found_that = word in lexicon.EVIDENCE_VERBS and i + 1 < len(toks) and toks[i + 1].text.lower() == "that"
        if word in lexicon.SPEECH_VERBS or (loose and word in lexicon.STRONG_ATTRIBUTION) or found_that:
            source = _speaker_of(sources, toks, i, word, lo, hi)
            if source is not None:
                return source
        if not loose and len(toks) - i > 12:
            break
    found = shapes.relay_source(sources, lo, hi)
    return found[1] if found is not None else None


def _speaker_of(sources: SourceReader, toks: list[Token], i: int, word: str, lo: int, hi: int) -> Source | None:
    """Who speaks by the verb toks[i]: its subject, the clause's, or the one after it when the
    verb comes first (', said Ana')."""
    source = sources.subject(toks, i, lo)
    if source is None or source.source == "none":
        source = sources.clause_subject(toks, i) or source
    inverted = i == 0 or bool(sources.text[toks[i - 1].end : toks[i].start].strip())  # ', said Ana'
    if (source is None or source.source == "none") and not word.endswith("ing") and inverted:
        source = sources.object_after(toks, i, hi) or source  # not "saying Ana's …"
    return source if source is not None and source.source != "none" else None


_INVERTED = frozenset("said says added adds wrote writes explained noted argued".split())


def attribution_after(sources: SourceReader, lo: int, hi: int) -> Source | None:
    """The speaker named by the words after a quotation: around the speech verb that follows it,
    a short ending with any verb, or a relay."""
    toks = sources.tokens(sources.text, lo, hi)[:20]
    for i, word in enumerate(shapes.verb_words(toks, sources.text)):
        if word in lexicon.SPEECH_VERBS or (i and word in _TEXT_READS):  # '"…," the email read.'
            if i == 0:
                return sources.object_after(toks, 0, hi)
            if "," in sources.text[toks[i - 1].end : toks[i].start] and word in _INVERTED:
                # '"…" and Clevelanders get nervous, said Christine Link, …': the one after the verb
                inverted = sources.object_after(toks, i, hi)
                if inverted is not None and inverted.source != "none":
                    return inverted
            if i >= 8 and not shapes.apposition_before(sources.text, toks, i):
                named = sources.mention_ending(toks[i - 1].end)
                if named is not None and "," in sources.text[toks[i - 2].end : toks[i - 1].start]:
                    return named  # '"…" by the United States, NATO and others, Clinton said at …'
                break  # far on, and not '"…," Ana Ruiz, a lawyer for the city, said'
            phrase_toks = toks[:i]
            phrase_toks = [t for t in phrase_toks if t.text.lower() not in W.SKIP_ADVERBS] or phrase_toks
            return shapes.after_quote(sources, phrase_toks)
    short = tail_speakers.short_tail(sources, toks, lo, hi)
    if short is not None:  # '"…," Trump shot back.': any verb, so short an ending
        return short
    found = shapes.relay_source(sources, lo, hi)
    return found[1] if found is not None else None


_WHOSE_WORDS = re.compile(
    r"\s*(?:(?:but|and|yet|so|still)\s+)?(.{2,60}?)['’]s?\s+(?:\w+\s+){0,2}"
    r"(?:response|answer|reply|retort|message|verdict|comment|reaction|advice|view|catchphrase|catch phrase|"
    r"slogan|argument|explanation|excuse|defen[cs]e|promise|pitch|warning|motto|mantra)"
    r"(?:\s+(?:\w+\s+){0,4}?)?\s*(?:was|is|has been|had been|:)\s*(?:that\s*)?:?\s*\Z",
    re.IGNORECASE,
)


def whose_words(sources: SourceReader, lo: int, hi: int) -> Source | None:
    """'Clinton's response was: "…"', "The senator's answer was that '…'": the words are the
    possessor's."""
    match = _WHOSE_WORDS.fullmatch(sources.text, lo, hi)
    if match is None:
        return None
    source = sources.classify(match.start(1), match.end(1))
    return source if source.source != "none" else None
