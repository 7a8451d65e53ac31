"""Two attributions in one sentence, one claim each: "Clinton backed the deal, while Trump has
threatened to tear it up." The sentence is cut where its second clause begins: after a comma
and "while", "whereas", "but", "and", "though" or "although"; at "but", "while" or "whereas"
without a comma; after a semicolon. Only when each part credits its own words to its own source
by the rules of a whole sentence, and the two sources differ; not when the second part's
subject is a pronoun ("Beck said …, but he said …"), which most often is the first part's source.
Quotations are cut by `quote_speakers` instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis.source_phrase import Source

_BREAK = re.compile(r"(?:,\s+(while|whereas|but|and|though|although)|\s+(but|while|whereas)|;)\s+", re.IGNORECASE)

_PRONOUN_NEXT = re.compile(r"(?:he|she|they|it)\b", re.IGNORECASE)

VerbSource = Callable[[int, int], "tuple[int, Source] | None"]


def by_clause(text: str, start: int, end: int, verb_at: int, verb_source: VerbSource) -> list[tuple[int, int, Source]]:
    """[(start, end, source)] of the two parts, or [] when the sentence is one attribution.
    `verb_at` is where the verb the whole sentence is credited by stands, which must be the first
    part's; `verb_source(lo, hi)` reads [lo, hi) as a sentence: (the verb's offset, its source)
    or None. The second part starts at its conjunction ("while Trump has threatened …")."""
    for found in _BREAK.finditer(text, start, end):
        first = verb_source(start, found.start())
        if first is None:
            continue
        if first[0] != verb_at:
            return []  # the sentence's attribution is not this part's
        if _PRONOUN_NEXT.match(text, found.end()):
            return []  # "Powell said little, but he did remember …": he is most likely the first part's
        second = verb_source(found.end(), end)
        if second is None:
            return []
        a, b = first[1], second[1]
        if (a.source, a.speaker) == (b.source, b.speaker) or "none" in (a.source, b.source):
            return []
        conjunction = next((found.start(g) for g in (1, 2) if found.group(g)), found.end())
        cut = found.start() + 1 if text[found.start()] in ",;" else found.start()  # the mark stays with the first
        return [(start, cut, a), (conjunction, end, b)]
    return []
