"""Lines of an article that are not running prose, for the names: which segments are read as
text (a paragraph not set in capitals, a headline written like a sentence, a results line, a
short question), and the writer's byline over a dateline or after "By"."""

from __future__ import annotations

import re

from reader.analysis import lexicon
from reader.analysis.name_spans import Group, a_question, in_capitals, reads_as_row, sentence_case, words_of
from reader.analysis.text import Segment


def read_as_text(text: str, seg: Segment) -> bool:
    """A paragraph not set in capitals, a headline written like a sentence, a results line."""
    if seg.kind == "paragraph":
        return not in_capitals(text, seg)
    return sentence_case(text, seg) or reads_as_row(text, seg) or a_question(text, seg)


# A dateline opens a wire story's text: "LONDON 1996-08-30", "LITTLE ROCK, Ark.", "PARIS (Reuters) -".
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:\s+\d|,|\s*\(|\s+-|\s*$)")
_BY = re.compile(r"By\s+", re.IGNORECASE)


def bylines(text: str, segs: list[Segment], heads: list[Group]) -> list[Group]:
    """The writer's name on a line of its own: after "By", or just before a dateline ("Peter
    Greste" over "BELGRADE 1996-08-29"), when it reads as a name (a known first name or surname)."""
    after = {a.start: b for a, b in zip(segs, segs[1:], strict=False)}
    out = []
    for group in heads:
        seg = group.segment
        line = text[seg.start : seg.end].strip()
        by = _BY.match(line)
        words = words_of(group)
        if not (
            2 <= len(words) <= 4
            and text[group.toks[-1].end : seg.end].strip() == ""
            and (by or text[seg.start : group.toks[0].start].strip() == "")
            and not any(t.text.isupper() and len(t.text) > 1 for t in group.toks)
            and (words[0] in lexicon.first_names() or words[-1] in lexicon.surnames())
        ):
            continue
        following = after.get(seg.start)
        if by or (following is not None and _DATELINE.match(text, following.start, following.end)):
            group.decision = True
            out.append(group)
    return out
