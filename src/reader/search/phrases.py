"""Quoted phrases as typed: a phrase whose stop words the analyzer dropped is checked against
the article's words, so `"when I'm talking"` (analysed to the one stem `talk`) does not match
an article that only says "talked".

The index keeps stems without stop words (schema.py), so such a phrase's candidates come from
the index as before and are then confirmed in the words as typed that the index keeps beside
each title and body (schema.typed_bytes; ranking.TypedPhraseNode): the words of the phrase,
lower case and accents folded, side by side (punctuation between words is ignored, so `I'm`
and `I’m` are the same two words)."""

from __future__ import annotations

from typing import Any

from whoosh import query as Q
from whoosh.qparser import PhrasePlugin

from reader.search.schema import WORD_RE, fold_accents

TEXT_FIELDS = ("title", "body")  # the fields analysed into stems without stop words


def typed_words(text: str) -> tuple[str, ...]:
    """The words of `text` as the reader typed them: lower case, accents folded, no stemming."""
    return tuple(w.lower() for w in WORD_RE.findall(fold_accents(text)))


class TypedPhrase(Q.Phrase):  # type: ignore[misc]  # Whoosh has no type information
    """Whoosh's phrase with the words as typed (`typed`). One that lost words to the analyzer
    stays a phrase when one stem is left (Whoosh would make it a plain word)."""

    typed: tuple[str, ...] = ()

    def lost_words(self) -> bool:
        return len(self.typed) > len(self.words)

    def normalize(self) -> Any:
        if len(self.words) == 1 and self.lost_words():
            return self
        found = super().normalize()  # Whoosh's makes a new phrase: the words as typed go with it
        if isinstance(found, TypedPhrase):
            found.typed = self.typed
        return found


class TypedPhrasePlugin(PhrasePlugin):  # type: ignore[misc]
    """Whoosh's phrase syntax, its phrases made TypedPhrase with the text inside the quotes."""

    class PhraseNode(PhrasePlugin.PhraseNode):  # type: ignore[misc]
        def query(self, parser: Any) -> Any:
            q = super().query(parser)
            if isinstance(q, TypedPhrase) and q.fieldname in TEXT_FIELDS:
                q.typed = typed_words(self.text)
            return q

    class PhraseTagger(PhrasePlugin.PhraseTagger):  # type: ignore[misc]
        def create(self, parser: Any, match: Any) -> Any:
            slop = match.group("slop")
            return TypedPhrasePlugin.PhraseNode(match.group("text"), match.start("text"), int(slop) if slop else 1)

    def taggers(self, parser: Any) -> list[tuple[Any, int]]:
        return [(self.PhraseTagger(self.expr), 0)]


def use_typed_phrases(parser: Any) -> None:
    """Put TypedPhrasePlugin in the place of Whoosh's phrase plugin (the order of the plugins
    decides how `date:2025-03` and the like are read)."""
    plugins = parser.plugins
    at = next(i for i, plugin in enumerate(plugins) if type(plugin) is PhrasePlugin)
    plugins[at] = TypedPhrasePlugin()
    parser.phraseclass = TypedPhrase
