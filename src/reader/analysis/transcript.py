"""Transcript turns: a paragraph opened by its speaker's name in capitals and a colon ("TAPPER:
Do you think …", "JAKE TAPPER: …"), as news prints interviews and debates. The words that
follow are the speaker's; a label counts only when it names someone the article names, or
opens two turns or more (a dialogue), so that "UPDATE:" or "EMAIL:" credit no one."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.analysis.name_resolution import Mention
from reader.analysis.text import Segment

_LABEL = re.compile(r"((?:[A-Z][A-Z'’.-]*[A-Z.] ){0,2}[A-Z][A-Z'’-]*[A-Z]):[ \t]+(?=\S)")
_NOT_SPEAKERS = frozenset(
    """update updated correction clarification email note editor editors editor's editor’s
    stat week source sources photo photos video watch read more related plus contributing answer
    question q a breaking exclusive warning advertisement disclaimer transcript""".split()
)


@dataclass(frozen=True)
class Turn:
    start: int  # where the paragraph starts: the label is part of the first claim
    end: int
    speaker: str  # the label as written, "TAPPER"
    person: str | None  # the person the article names so ("Jake Tapper"), if it does


def turns(text: str, segs: list[Segment], mentions: list[Mention]) -> dict[int, Turn]:
    """The transcript turns of the article's paragraphs, by the paragraph's start."""
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
