"""Speaker labels. Transcript turns: a paragraph opened by its speaker's name in capitals and a
colon ("TAPPER: Do you think …", "JAKE TAPPER: …"), as news prints interviews and debates; the
words that follow are the speaker's, when the label names someone the article names or opens two
turns or more (a dialogue), so that "UPDATE:" or "EMAIL:" credit no one (`turns`); the answers
of a "Q: … A: …" interview are the interviewee's. Headlines
that give a speaker and their words ("John McCain: Anger Appeals to …", "Clinton Says …":
`labelled_speaker`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from reader.analysis import claim_words as W
from reader.analysis import lexicon
from reader.analysis.name_resolution import Mention
from reader.analysis.source_phrase import Source
from reader.analysis.source_reader import SourceReader
from reader.analysis.text import Segment
from reader.corpus.parse import SPEAKER_LABEL

_LABEL = re.compile("(" + SPEAKER_LABEL + r"):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset(
    """update updated correction clarification email note editor editors editor's editor’s
    stat week source sources photo photos video watch read more related plus contributing answer
    question breaking exclusive warning advertisement disclaimer transcript""".split()
)


@dataclass(frozen=True)
class Turn:
    start: int  # where the paragraph starts: the label is part of the first claim
    end: int
    speaker: str  # the label as written, "TAPPER"
    person: str | None  # the person the article names so ("Jake Tapper"), if it does


_ANSWER = re.compile(r"(?:A|Answer):[ \t]+(?=\S)")
_SPOKEN_WITH = re.compile(
    r"\b(?:with|to|interviews|interviewed|questions|questioned)\s+(?:[\w.’'-]+\s+){0,4}\Z", re.IGNORECASE
)
_QUESTION = re.compile(r"(?:Q|Question)(?:[:.][ \t]*|(?=[A-Z][a-z]))")


def turns(text: str, segs: list[Segment], mentions: list[Mention]) -> dict[int, Turn]:
    """The transcript turns of the article's paragraphs, by the paragraph's start: named labels,
    and the answers of a question-and-answer interview (`answers`)."""
    return {**_labelled_turns(text, segs, mentions), **answers(text, segs, mentions)}


def answers(text: str, segs: list[Segment], mentions: list[Mention]) -> dict[int, Turn]:
    """A question-and-answer interview ("Q: … A: …", two answers or more): each answer, and the
    paragraphs that go on with it up to the next question, is the interviewee's: the first person
    the title names, or else the first one its opening paragraph names, and of those the one
    spoken with ("Tom Reyes talks to Ana Berg"). Without either, no one's."""
    paragraphs = [seg for seg in segs if seg.kind == "paragraph"]
    if sum(1 for seg in paragraphs if _ANSWER.match(text, seg.start, seg.end)) < 2:
        return {}
    heads = [seg for seg in segs if seg.kind == "title"] + paragraphs[:1]
    named = [m for seg in heads for m in mentions if seg.start <= m.start and m.end <= seg.end]
    if not named:
        return {}
    # "Jake Tapper's interview with Ana Berg", "Tom Reyes talks to Ana Berg": the one spoken with
    who = next((m for m in named if _SPOKEN_WITH.search(text, max(0, m.start - 40), m.start)), named[0])
    found: dict[int, Turn] = {}
    answering = False
    for seg in paragraphs:
        if _ANSWER.match(text, seg.start, seg.end):
            answering = True
        elif _QUESTION.match(text, seg.start, seg.end) or _LABEL.match(text, seg.start, min(seg.end, seg.start + 60)):
            answering = False
        if answering:
            found[seg.start] = Turn(seg.start, seg.end, who.text, who.person)
    return found


def _labelled_turns(text: str, segs: list[Segment], mentions: list[Mention]) -> dict[int, Turn]:
    labelled: list[tuple[Segment, str]] = []
    for seg in segs:
        if seg.kind != "paragraph" or seg.end - seg.start < 8:
            continue
        match = _LABEL.match(text, seg.start, min(seg.end, seg.start + 60))
        if match is None:
            continue
        words = match.group(1).split()
        if any(w.lower().strip(".") in _NOT_SPEAKERS for w in words):
            continue
        labelled.append((seg, match.group(1)))
    if not labelled:
        return {}
    counts = Counter(label for _, label in labelled)
    by_last: dict[str, str] = {}
    for mention in mentions:
        if mention.tokens:
            by_last.setdefault(mention.tokens[-1].upper(), mention.person)
    found = {}
    for seg, label in labelled:
        person = by_last.get(label.split()[-1])
        if person is None and counts[label] < 2:
            continue
        found[seg.start] = Turn(seg.start, seg.end, label, person)
    return found


def labelled_speaker(sources: SourceReader, start: int, end: int, label_only: bool = False) -> Source | None:
    """A headline or sub-heading that gives a speaker and their words ("John McCain: Anger
    Appeals to 'Bad Angels'"): a claim when the speaker is a person the article names, a
    publication, or an unnamed official; a label ("EXCLUSIVE: …") is not. With `label_only`
    (a paragraph of a transcript, "Matthews: Here's the irony"), every word of the speaker
    is capitalised."""
    match = W.HEADLINE_SPEAKER.match(sources.text, start, end)
    if match is None and not label_only:
        match = W.HEADLINE_SAYS.match(sources.text, start, end)  # "Clinton Says Russians Hacked DNC"
    if match is None or match.group(1).isupper():
        return None
    if label_only and not all(w[:1].isupper() for w in match.group(1).split()):
        return None
    lo, hi = match.span(1)
    source = sources.classify(lo, hi)
    first, stop = bisect_left(sources.starts, lo), bisect_left(sources.starts, hi)
    named_here = any(m.end <= hi for m in sources.mentions[first:stop])
    if source.source == "named" and not named_here or source.source in ("none", "public"):
        return None
    if source.source == "anonymous" and not (
        set(re.findall(r"[a-z]+", sources.text[lo:hi].lower())) & (lexicon.ANONYMOUS_NOUNS | lexicon.OFFICIAL_NOUNS)
    ):
        return None  # "The Latest: Mourners say …": AP's label, not an unnamed official
    return source
