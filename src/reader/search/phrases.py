"""Quoted phrases as typed: a phrase whose stop words the analyzer dropped is checked against
the article's words, so `"when I'm talking"` (analysed to the one stem `talk`) does not match
an article that only says "talked".

The index keeps stems without stop words (schema.py), so such a phrase's candidates come from
the index as before and are then confirmed in the text: the words of the phrase, lower case and
accents folded, side by side in the article's words (punctuation between words is ignored, so
`I'm` and `I’m` are the same two words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import query as Q
from whoosh.qparser import PhrasePlugin

from reader.corpus.files import MAX_FILE_BYTES
from reader.helpers.safefile import read_regular
from reader.search.schema import WORD_RE, fold_accents

TEXT_FIELDS = ("title", "body")  # the fields analysed into stems without stop words


def typed_words(text: str) -> tuple[str, ...]:
    """The words of `text` as the reader typed them: lower case, accents folded, no stemming."""
    return tuple(w.lower() for w in WORD_RE.findall(fold_accents(text)))


GAP = 200  # the most characters between two words of a phrase (spaces, punctuation) looked at


@dataclass(frozen=True)
class WordsPattern:
    """Words to find side by side, looked for from the places of the longest of them (the
    anchor): a substring search, then the words before it matched back from there and the
    words after it from there, rather than a pattern tried at every place its first word's
    first letter is (20x slower over an article)."""

    anchor: str
    before: re.Pattern[str] | None  # the words before the anchor, ending where it begins
    after: re.Pattern[str]  # the anchor and the words after it
    reach: int  # how far back the words before the anchor may begin

    def found_in(self, text: str) -> bool:
        at = text.find(self.anchor)
        while at >= 0:
            if self.after.match(text, at) and (
                self.before is None or self.before.search(text, max(0, at - self.reach), at)
            ):
                return True
            at = text.find(self.anchor, at + 1)
        return False


def words_pattern(words: tuple[str, ...]) -> WordsPattern:
    """A pattern for `words` side by side as whole words, anything but a word between them
    (at most GAP characters of it)."""
    # Lower-case words matched in lower-cased text: IGNORECASE made the check 3x slower.
    if not words:
        return WordsPattern("", None, re.compile(r"(?!)"), 0)
    k = max(range(len(words)), key=lambda i: len(words[i]))
    gap = rf"\W{{1,{GAP}}}"
    before = re.compile(r"\b" + gap.join(map(re.escape, words[:k])) + gap + r"\Z") if k else None
    after = re.compile(r"\b" + gap.join(map(re.escape, words[k:])) + r"\b")
    return WordsPattern(words[k], before, after, sum(len(w) + GAP for w in words[:k]))


def holds_words(text: str, pattern: WordsPattern) -> bool:
    """Whether the words of `pattern` (words_pattern) stand side by side in `text`."""
    lowered = text.lower()
    if pattern.found_in(lowered):
        return True
    return not text.isascii() and pattern.found_in(fold_accents(lowered))


def file_holds_words(path: str, pattern: WordsPattern) -> bool:
    """The same for an article file (title and body: a phrase is confirmed in either)."""
    try:
        text = read_regular(Path(path), MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return False
    return holds_words(text, pattern)


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
