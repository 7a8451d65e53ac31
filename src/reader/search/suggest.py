"""Did you mean: for a searched word the index has never seen, the closest word it has, as
articles write it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.corpus.files import MAX_FILE_BYTES
from reader.helpers.safefile import read_regular
from reader.search.snippets import surface_form


def did_you_mean(searcher: Any, cleaned: str) -> str | None:
    """For each plain word the index has never seen, the closest indexed word (same first
    letter, one or two edits away). The index holds stems, so the suggestion is a stem
    ("drift" for "drifitng"), which finds every form of the word."""
    corrector = searcher.corrector("body")
    analyzer = searcher.schema["body"].analyzer
    changed, words = False, []
    for word in cleaned.split():
        bare = word.strip('"()+-').lower()
        stems = [t.text for t in analyzer(bare)]
        if re_word(bare) and stems and all(searcher.reader().doc_frequency("body", s) == 0 for s in stems):
            maxdist = 1 if len(bare) < 6 else 2
            suggestions = corrector.suggest(stems[0], limit=3, maxdist=maxdist, prefix=1)
            if suggestions:  # the quotes and brackets around the word stay
                lead = word[: len(word) - len(word.lstrip('"()+-'))]
                trail = word[len(word.rstrip('"()+-')) :]
                words.append(lead + _surface(searcher, suggestions[0]) + trail)
                changed = True
                continue
        words.append(word)
    return " ".join(words) if changed else None


def _surface(searcher: Any, stem: str) -> str:
    """The word as articles write it, for a stem ("insider" for "insid"): read in the first
    three articles holding it (a ranked search for them scored every one with Whoosh's
    matchers: ~0.2 s for a word in 53,000 of 100,000 articles, on every search with no hits)."""
    from whoosh.reading import TermNotFound

    try:
        postings = searcher.reader().postings("body", stem)
    except TermNotFound:  # the corrector's word is the index's: not expected, and not a failure
        return stem
    docs: list[int] = []
    while postings.is_active() and len(docs) < 3:
        docs.append(postings.id())
        postings.next()
    for docnum in docs:
        try:
            raw = read_regular(Path(searcher.stored_fields(docnum)["path"]), MAX_FILE_BYTES)
            found = surface_form(raw.decode("utf-8", errors="replace"), stem)
        except OSError:
            continue
        if found:
            return found
    return stem


def re_word(word: str) -> bool:
    return word.isalpha() and len(word) > 2
