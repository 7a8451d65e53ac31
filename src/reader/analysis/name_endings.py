"""What ends a name after its capitalised words: a generational suffix set off by a comma
("Richard L. Jones, Jr.") and an epithet after a one-word name ("Alfred the Great"), joined to
the mention before (`with_endings`)."""

from __future__ import annotations

import re

from reader.analysis import lexicon
from reader.analysis.name_resolution import Mention

_EPITHET = re.compile(r" the ([A-Z][a-z]+)(?=[,.;:!?)]|\s+[a-z(]|\s*\Z)")  # "Alfred the Great was"


def with_endings(text: str, mentions: list[Mention]) -> list[Mention]:
    """A "Jr." or "Sr." set off by a comma ends the name before it ("Richard L. Jones, Jr."); an
    epithet after a one-word name is part of it ("Alfred the Great", "William the Conqueror")."""
    out: list[Mention] = []
    for mention in mentions:
        if out and mention.text in ("Jr.", "Sr.") and text[out[-1].end : mention.start] == ", ":
            last = out[-1]
            out[-1] = Mention(last.start, mention.end, text[last.start : mention.end], tokens=last.tokens)
            continue
        epithet = _EPITHET.match(text, mention.end) if len(mention.tokens) == 1 else None
        if epithet is not None and epithet.group(1).lower() in lexicon.common_words():
            end = epithet.end(1)
            mention = Mention(mention.start, end, text[mention.start : end], tokens=mention.tokens)
        out.append(mention)
    return out
