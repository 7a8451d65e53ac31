"""What a phrase naming a source is (`phrase_source`): a named person or body, an anonymous
source, a publication, the public, or none, the kinds of docs/analysis.md, decided by the first
rule of source_rules.RULES that answers; pronouns, "it" and role words ("the senator") resolved
through the `SourceReader` reading the article (`Source` is the answer)."""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.source_phrase_reading import read_phrase
from reader.analysis.source_reader import SourceReader
from reader.analysis.source_rules import RULES
from reader.analysis.source_types import Source

__all__ = ["Source", "phrase_source"]


def phrase_source(sources: SourceReader, start: int, end: int) -> Source:
    """Who the phrase text[start:end] names, as a source: a pronoun's or a role word's person, an
    unnamed insider, an outlet or report, the public, a named person or body, or none."""
    phrase = read_phrase(sources, start, end)
    for name, rule in RULES:
        found = rule(phrase)
        if found is not None:
            return replace(found, rule=name)
    return Source("none", None, rule="nothing")
