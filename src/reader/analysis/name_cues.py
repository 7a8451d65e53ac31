"""The cue the words around a capitalised phrase give that it names a person (`context_cue`):
an age, a role noun before it, a speech verb or what only people do after it. `names.py`
weighs the cue with the phrase's own shape and the document's other mentions."""

from __future__ import annotations

import re

from reader.analysis import lexicon
from reader.analysis import name_evidence as evidence
from reader.analysis.name_spans import Group

_AGE_AFTER = re.compile(
    r"\A\s*(?:,|\()\s*(?:now\s+|aged\s+|age\s+)?(?:\d{1,3}|"
    + "|".join(lexicon.NUMBER_WORDS)
    + r")\b(?!\s*(?:%|percent|million|billion|years? ago|days?|weeks?|"
    r"months?|hours?|minutes?|km|miles?|metres?|meters?|feet|ft|kg|am|pm|[ap]\.m\.|-))"
    # the age ends its phrase ("Alec, 66, said"; "(41)"): "However, one source said" is no age
    r"(?=\s*(?:[,;:.)!?]|\Z|and\b|or\b))",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b(?:\d{1,3}|(?:"
    + "|".join(lexicon.NUMBER_WORDS)
    + r")(?:-(?:"
    + "|".join(lexicon.NUMBER_WORDS)
    + r"))?)-(?:year|month|week)-old\s+"
    r"(?:(?!(?:from|in|at|of|near|to|with)\b)(?-i:[a-z])[\w-]*\s+){0,2}\Z",  # not "48-year-old Gore gave X"
    re.IGNORECASE,
)
ROLE_NOUNS = frozenset(
    """
child children daughter daughters son sons wife husband ex ex-wife ex-husband partner boyfriend girlfriend
fiance fiancé fiancee fiancée mother father mom mum dad sister brother twin baby grandson granddaughter
niece nephew cousin stepdaughter stepson actor actress singer rapper star superstar host presenter model
cinematographer director producer writer author novelist journalist reporter comedian chef designer
dancer professional pro player coach lawyer attorney spokesperson spokesman spokeswoman publicist
manager agent officer detective ceo founder chairman chairwoman candidate influencer youtuber co-star
costar alum veteran legend icon musician guitarist drummer boxer golfer athlete footballer quarterback
senator congressman congresswoman governor mayor prosecutor defendant plaintiff victim suspect doctor
nurse teacher professor student scientist economist analyst pastor priest bishop friend colleague companion
ally rival mentor pupil disciple protégé protege successor predecessor opponent teammate classmate
""".split()
)
_PERSON_NOUN_NEXT = re.compile(
    r"\s+(?:woman|women|man|men|boy|boys|girl|girls|mother|father|nurse|student|teacher|resident|native|"
    r"farmer|worker|soldier|policeman|doctor|lawyer|businessman|businesswoman|tourist|pensioner)\b"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_LOWER_WORD = re.compile(r"[a-z]+")
_CONTINUES_TO = re.compile(r"\s*continu(?:e|es|ed)\s+to\b")  # not speech: a thing goes on doing


def context_cue(text: str, group: Group) -> str | None:
    """What the words around a phrase say of it: "age" ("Carmen, 11", "a 40-year-old X"), "human"
    (what only people do after it, a party to a case, a player in a scorecard), "speech" (a
    speech verb after it, or '"…," said X'), "role" ("the actor, X"), or None."""
    seg = group.segment
    after = text[group.toks[-1].end : min(seg.end, group.toks[-1].end + 40)]
    after = _SENTENCE_END.split(after, maxsplit=1)[0]  # this sentence only
    before = text[max(seg.start, group.toks[0].start - 40) : group.toks[0].start]
    if (after.lstrip()[:1] in (",", "(") and _AGE_AFTER.match(after)) or (
        "-old" in before and _AGE_BEFORE.search(before) and not _PERSON_NOUN_NEXT.match(after)
    ):
        return "age"  # not "a 40-year-old Missouri woman": the phrase tells where she is from
    if evidence.human_after(after):
        return "human"
    if evidence.a_player_in_a_scorecard(before, after, before.rfind("(") > before.rfind(")")):
        return "human"
    if evidence.a_party_to_a_case(text, group.toks[-1].end, seg.end, before):  # (`after` ends at the dot of "v.")
        return "human"
    next_words = _LOWER_WORD.findall(after.lower())[:3]
    if next_words and next_words[0] in lexicon.NAME_CUE_VERBS and not _CONTINUES_TO.match(after):
        return "speech"  # not "Cleveland continues to play"
    if (
        len(next_words) > 1
        and next_words[0] in ("also", "then", "later", "once", "has", "had")
        and next_words[1] in lexicon.NAME_CUE_VERBS
    ):
        return "speech"
    stripped = before.rstrip()
    if len(stripped) < len(before):  # a role word, a comma maybe, and a space: "the actor, X"
        role = evidence.trailing_run(stripped.lower().removesuffix(","), _ROLE_CHARS.__contains__)
        if role in ROLE_NOUNS:
            return "role"
    if evidence.trailing_run(stripped, _LOWER_CHARS.__contains__) in (
        "said",
        "says",
        "added",
        "explained",
        "wrote",
        "insisted",
    ):
        return "speech"  # '"…," said X'
    return None


_LOWER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz")
_ROLE_CHARS = _LOWER_CHARS | {"é", "-"}
