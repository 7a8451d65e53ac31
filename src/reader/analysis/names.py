"""Person names: which capitalised phrases name a person (`find_people`).

The judgement uses general evidence only, never a list of anyone's people: known first names and
surnames (US census and world lists), titles and roles (Mr, Foreign Minister), an age after the
name ("Carmen, 11"), a speech verb or what only people do after it ("X, who", "X died"), the
phrase's position ("in X", "X, Texas" mark a place), and what the rest of the document says of
the same words (a word seen only as a place is a place everywhere in it; a surname of someone
named in full is that person). Outlets, organisations, places, nationalities, titles of works and
ordinary capitalised words are not people. Spans come from `name_spans`, cues from
`name_cues`, evidence from `name_evidence`, and which person each mention means from
`name_resolution`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reader.analysis import known_names, lexicon
from reader.analysis import name_evidence as evidence
from reader.analysis.cancel import Interruptible, check
from reader.analysis.name_cues import context_cue
from reader.analysis.name_endings import with_endings
from reader.analysis.name_judge import blocked, judge, placed, quoted_title
from reader.analysis.name_lines import bylines, read_as_text
from reader.analysis.name_resolution import Mention, gender, resolve
from reader.analysis.name_roles import name_like
from reader.analysis.name_spans import (
    POSSESSIVE,
    Group,
    groups_in,
    norm,
    words_of,
)
from reader.analysis.release import let_go
from reader.analysis.text import Segment, sentences, tokens

__all__ = ["Mention", "find_people", "gender", "norm"]


def find_people(
    text: str, segs: list[Segment], cache: dict[Any, Any] | None = None, stop: Callable[[], bool] | None = None
) -> list[Mention]:
    """Every person mention in the segments, each with `person` set to the resolved name; with
    `stop`, each pass over the name candidates can be abandoned (AnalysisCancelled)."""
    groups: list[Group] = []
    body: list[Group] = []
    heads: list[Group] = []
    try:
        for seg in segs:
            for s_start, s_end in sentences(text, seg.start, seg.end, cache):
                groups += groups_in(text, seg, tokens(text, s_start, s_end, cache))
        prose = {seg.start for seg in segs if read_as_text(text, seg)}
        body = [g for g in groups if g.segment.start in prose]
        if stop is not None:
            body = Interruptible(body, stop, every=256)  # 400,000 candidates in a huge article: seconds a pass
        heads = [g for g in groups if g.segment.start not in prose]
        doc = _observe(text, body)
        for group in heads:
            doc.observe_business(words_of(group))
        for group in body:
            group.decision = judge(text, group, doc)
        people = known_names.people(body)
        _known_again(text, body, people, doc)
        _coordinated(text, body, doc)
        named_words = {w for g in body if g.decision for w in words_of(g)}
        head_groups = bylines(text, segs, heads)
        unjudged = [g for g in heads if not g.decision]
        head_groups += [sub for g in unjudged for sub in known_names.known_within(g, people, named_words)]
        chosen = sorted([g for g in body if g.decision] + head_groups, key=lambda g: g.toks[0].start)
        if stop is not None:
            chosen = Interruptible(chosen, stop, every=256)
        mentions = [_mention(text, g) for g in chosen]
        check(stop)
        mentions = with_endings(text, mentions)
        check(stop)
        resolve(text, mentions)
        return mentions
    finally:
        let_go(groups, body, heads)  # a huge article's candidates: freed in the background


def _known_again(
    text: str, body: list[Group], people: list[known_names.Person], doc: evidence.DocumentEvidence
) -> None:
    """The second pass: a phrase not judged a name on its own is one when the article names that
    person elsewhere (a known first name, surname or full name, or a short form of a first
    name), or when it is a known surname that is also a title ("Mr. King")."""
    known_words, full_names, surnames, short_forms = _known_forms(body, people)
    for group in body:
        if group.decision:
            continue
        if (
            (known_names.known(group, known_words, full_names) or known_names.short_form(group, short_forms))
            and not placed(text, group, None)
            and not (len(group.toks) == 1 and doc.never_a_person(norm(group.toks[0].text)))
            and not blocked(text, group, known=True)
        ):
            group.decision = True
        elif _surname_as_word(text, group, surnames):
            group.decision = True  # "Mr. King added", "Dean, a former chairman," after "Charlie King"


def _known_forms(body: list[Group], people: list[known_names.Person]) -> tuple[set[str], set[str], set[str], set[str]]:
    """The words and names the first pass found: first names and surnames (and one-word names
    with a cue), full names, surnames of full names, and short forms of first names ("Alex")."""
    known_words = {w for p in people for w in (p.words[0], p.words[-1])}
    known_words |= {
        g.toks[0].text for g in body if g.decision and len(g.toks) == 1 and g.cue in ("human", "speech", "title")
    }
    known_words = {w for w in known_words if len(w) > 1 and w.lower() not in lexicon.FUNCTION_WORDS}
    surnames = {p.words[-1] for p in people if len(p.words) > 1}
    named_firsts = {g.toks[0].text for g in body if g.decision and len(g.toks) == 1} | {p.words[0] for p in people}
    short_forms = {name[:k] for name in named_firsts for k in range(4, len(name))}
    return known_words, {p.name for p in people}, surnames, short_forms


def _surname_as_word(text: str, group: Group, surnames: set[str]) -> bool:
    """A surname that is also a title or a role ("King", "Dean", "Judge") standing alone, of a
    person the article names in full, where it can only be that person: after a form of address
    ("Mr. King") or set off by an apposition or a speech verb ("Dean, a former chairman,", "King
    said")."""
    words = words_of(group)
    if len(words) != 1 or words[0] not in surnames or quoted_title(text, group):
        return False
    before = text[max(0, group.toks[0].start - 20) : group.toks[0].start]
    if evidence.determiner_before(before) or evidence.word_before(before) == "the":
        return False  # "The King said": the office
    addressed = _ADDRESSED.search(text, max(0, group.toks[0].start - 6), group.toks[0].start)
    return addressed is not None or bool(_SET_OFF.match(text, group.toks[-1].end))


_ADDRESSED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+\Z")
_SET_OFF = re.compile(r"(?:,\s+(?:a|an|the|who)\s|\s+(?:said|says|told|added|wrote)\b)")
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?\Z", re.IGNORECASE)


def _coordinated(text: str, body: list[Group], doc: evidence.DocumentEvidence) -> None:
    """A name listed with a person's is a person's: "Carrano and Biewener", "Zeus, Hera,
    Poseidon", "(Marsden & Mackey, 2014)"; unless it is a place or an ordinary word."""

    def eligible(group: Group) -> bool:
        words = words_of(group)
        return (
            not group.decision
            and all(name_like(w) and len(w) > 1 and w not in lexicon.MONTHS_DAYS for w in words)
            and not evidence.is_place(" ".join(words))
            # "OM Stockholm", but "Jack London"
            and not (words[0] not in lexicon.first_names() and any(w in lexicon.PLACES for w in words[1:]))
            and not doc.a_business(words)
            and words[-1] not in lexicon.NON_PERSON_HEADS  # "Liliana Semerdjieva, Sofia Newsroom"
            and not placed(text, group, None)
            and not (len(group.toks) == 1 and doc.never_a_person(norm(group.toks[0].text)))
            and not blocked(text, group, known=True)
            and not (group.sentence_start and words[0].lower() in lexicon.common_words())
            and " ".join(words) not in lexicon.OUTLETS
        )

    for _ in range(2):
        for a, b in zip(body, body[1:], strict=False):
            if a.segment is not b.segment or not _COORDINATION.fullmatch(text[a.toks[-1].end : b.toks[0].start]):
                continue
            if _ACCORDING_TO.search(text, max(a.segment.start, a.toks[0].start - 16), a.toks[0].start):
                continue  # "According to Page Six, Aisha Hutchins …": a source, then the subject
            if a.decision and eligible(b):
                b.decision = True
            elif b.decision and eligible(a):
                a.decision = True


_INITIAL_END = re.compile(r"[A-Z](?:\.[A-Z])*")  # "Jerzy L.", "Dhiraj K.C."
_PARTICLE_BEFORE = re.compile(
    r"(?<![\w.])((?:van der|van den|van|von|de la|de|der|den|del|della|di|da|du|dal|al|el|bin)) \Z"
)


def _observe(text: str, body: list[Group]) -> evidence.DocumentEvidence:
    """Each group's own cue, and what the document as a whole says of each single word."""
    doc = evidence.DocumentEvidence()
    for group in body:
        group.cue = "title" if group.has_title else context_cue(text, group)
        doc.observe_business(words_of(group))
        if len(group.toks) == 1:
            weight = 1.0 if group.cue in ("human", "title", "age", "role") else 0.5 if group.cue == "speech" else 0.0
            doc.observe(norm(group.toks[0].text), placed(text, group, None), weight)
    return doc


def _mention(text: str, group: Group) -> Mention:
    start, end = group.toks[0].start, group.toks[-1].end
    match = POSSESSIVE.search(text[start:end])
    if match:
        end -= len(match.group())
    elif text.startswith(".", end) and (
        group.toks[-1].text in ("Jr", "Sr") or (len(group.toks) > 1 and _INITIAL_END.fullmatch(group.toks[-1].text))
    ):
        end += 1  # "Martin Luther King Jr.", "Jerzy L.": the suffix's or the initial's dot is the name's
    particle = _PARTICLE_BEFORE.search(text, max(0, start - 12), start) if len(group.toks) == 1 else None
    if particle is not None and not group.sentence_start:
        start = particle.start(1)  # "de Klerk", "van Gogh": the surname with its particle
    return Mention(start, end, text[start:end], tokens=tuple(words_of(group)))
