"""The index's fields and analyzers. Change SCHEMA_VERSION (in catalog_db, which loads without
Whoosh) whenever they change: an index built with another version is rebuilt."""

from __future__ import annotations

import re
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator
from operator import not_
from typing import Any

from whoosh.analysis import STOP_WORDS, CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.codec.whoosh3 import W3Codec
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint

from reader.search.catalog_db import SCHEMA_VERSION as SCHEMA_VERSION  # kept where Whoosh is not needed

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_accents(text: str) -> str:
    """Accents folded over a whole text ("Hilária" → "Hilaria"). Indexed text and queries are
    folded this way before analysis, which is cheaper than folding every token. Only the runs
    of non-ASCII characters go through str.translate (a dictionary look-up per character): an
    article whose only such characters are curly quotes folds 20x faster."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda m: m.group().translate(accent_map), text)


WORD = r"\w+(?:\.?\w+)*"
WORD_RE = re.compile(WORD)
_STEMS: dict[str, str] = {}  # lower-case word -> stem, "" for a stop word
_HASHES: dict[str, int] = {}  # stem (or word as typed) -> crc32
# The last text analysed (a body, then its sequence of stems, then its words as typed)
_LAST: tuple[str | None, list[str], list[str]] = (None, [], [])
_TYPED_LAST: list[tuple[str, tuple[array[int], bytes]]] = []  # typed_hashes of the last two texts


def text_analyzer() -> Any:
    """Words (an apostrophe ends a word, so "Hilaria's" is "hilaria"), lower case, stop words
    dropped, English stems. Text reaches it with accents already folded (fold_accents)."""
    return RegexTokenizer(WORD) | LowercaseFilter() | StopFilter(minsize=2) | StemFilter(cachesize=50000)


def _stem_all(words: list[str]) -> dict[str, str]:
    stems = _STEMS
    if len(stems) > 400_000:
        stems.clear()
    for word in set(words).difference(stems):
        stems[word] = "" if len(word) < 2 or word in STOP_WORDS else stem(word)
    return stems


def word_sequence(text: str) -> list[str]:
    """The stems of `text` in order, stop words left out: the positions the analyzer gives
    (text_analyzer renumbers positions over stop words)."""
    global _LAST
    last = _LAST
    if last[0] is text:
        return last[1]
    words = " ".join(WORD_RE.findall(text)).lower().split(" ")  # each word lowered, in one call
    if words == [""]:
        words = []
    stems = _stem_all(words)
    sequence = [s for s in map(stems.__getitem__, words) if s]
    _LAST = (text, sequence, words)
    return sequence


def word_hash(word: str) -> int:
    found = _HASHES.get(word)
    if found is None:
        found = _HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return found


def sequence_bytes(text: str) -> bytes:
    """The word sequence as 32-bit hashes, 4 bytes a word, kept in a column beside the index:
    a phrase is there wherever the bytes of its words' hashes are (at a multiple of 4)."""
    sequence = word_sequence(text)
    hashes = _HASHES
    if len(hashes) > 400_000:
        hashes.clear()
    for word in set(sequence).difference(hashes):
        hashes[word] = zlib.crc32(word.encode("utf-8"))
    return array("I", map(hashes.__getitem__, sequence)).tobytes()


def typed_hashes(text: str) -> tuple[array[int], bytes]:
    """The words of `text` as typed (lower case, not stemmed, stop words kept), in order, as
    32-bit hashes, and for each a byte saying whether the index drops it (1: a stop word or a
    one-letter word): the pair buckets of phrases that hold such words (pairs.py). The words
    of the text word_sequence read last are not read again, nor the last two texts' hashes
    (an article's title and body: typed_bytes, then its pairs)."""
    for seen, found in _TYPED_LAST:
        if seen is text:
            return found
    last = _LAST
    if last[0] is text:
        words = last[2]
    else:
        words = " ".join(WORD_RE.findall(text)).lower().split(" ")
        if words == [""]:
            words = []
    found = typed_words_hashes(words)
    _TYPED_LAST[:] = [(text, found), *_TYPED_LAST[:1]]
    return found


def typed_bytes(text: str) -> bytes:
    """The words of `text` as typed (typed_hashes), 2 bytes a word: a phrase with stop words is
    there wherever its words' bytes are (at an even place). A 16-bit hash per word: two words
    side by side that are not the phrase's look like it once in 4 billion places."""
    hashes, _dropped = typed_hashes(text)
    return _folded16(hashes)


def typed_phrase_bytes(words: tuple[str, ...]) -> bytes:
    """typed_bytes of a phrase's words as typed (phrases.typed_words)."""
    hashes, _dropped = typed_words_hashes(words)
    return _folded16(hashes)


def _folded16(hashes: array[int]) -> bytes:
    """Each 32-bit hash's low half XOR its high half, 2 bytes each, for all at once on big
    integers (a Python call per word cost a build 2%)."""
    if not hashes:
        return b""
    halves = array("H")
    halves.frombytes(hashes.tobytes())
    if sys.byteorder == "big":
        halves.byteswap()  # as a little-endian machine lays them out: low half first
    lows, highs = halves[0::2], halves[1::2]
    mixed = int.from_bytes(lows.tobytes(), "little") ^ int.from_bytes(highs.tobytes(), "little")
    out = array("H")
    out.frombytes(mixed.to_bytes(2 * len(lows), "little"))
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes()


def typed_words_hashes(words: list[str] | tuple[str, ...]) -> tuple[array[int], bytes]:
    """typed_hashes for words already split and lowered."""
    hashes = _HASHES
    if len(hashes) > 400_000:
        hashes.clear()
    for word in set(words).difference(hashes):
        hashes[word] = zlib.crc32(word.encode("utf-8"))
    stems = _stem_all(list(words))
    return array("I", map(hashes.__getitem__, words)), bytes(map(not_, map(stems.__getitem__, words)))


def phrase_bytes(stems: list[str]) -> bytes:
    return array("I", map(word_hash, stems)).tobytes()


def index_words(text: str) -> Counter[str]:
    """How often each stem occurs in `text`: the words text_analyzer yields, counted with
    C-speed tools (one regex pass, a stem per distinct word, a Counter) instead of a token
    object per word through four generator stages (4x faster; a test keeps them equal)."""
    return Counter(word_sequence(text))


class CountedText(TEXT):  # type: ignore[misc]  # Whoosh has no type information
    """A TEXT field without positions whose words are counted by index_words. Phrases are
    checked in the word-hash sequences of the *_seq columns instead (ranking.py): Whoosh keeps
    positions inside every posting, which made the postings 4x slower to read and the index
    2.6x larger, and its phrase matcher walks them in Python."""

    def __init__(self, field_boost: float = 1.0) -> None:
        super().__init__(analyzer=text_analyzer(), phrase=False, field_boost=field_boost)

    def counted_words(self, value: Any) -> Counter[str]:
        """The words Whoosh's index() yields, with their frequencies (whoosh_internals.TermPool
        takes them as they are)."""
        return index_words(value)

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        boost = self.format.field_boost
        for word, freq in index_words(value).items():
            yield word.encode("utf-8"), freq, freq * boost, pack_uint(freq)


def highlight_analyzer() -> Any:
    """The same words as text_analyzer, folding accents token by token, so that positions stay
    those of the original text (for highlighting hits in an article)."""
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(minsize=2)
        | StemFilter(cachesize=50000)
    )


def writer_codec() -> W3Codec:
    """Whoosh's codec without block length statistics: writing them looked up the length of
    every posting's document at commit (a third of the commit's time), and only Whoosh's own
    matchers use them to skip blocks; queries run in ranking.py."""
    codec = W3Codec()
    codec.length_stats = False
    return codec


class PathID(ID):  # type: ignore[misc]  # Whoosh has no type information
    """The article file's path as one term. A path is text as `os.fsdecode` gives it, so a name
    that is not UTF-8 holds lone surrogates, which Whoosh's UTF-8 encoding refuses (one such
    file made every sync fail): its term keeps them (`surrogatepass`), one term per file."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        yield value.encode("utf-8", "surrogatepass"), 1, 1.0, b""

    def to_bytes(self, value: Any) -> bytes:
        if isinstance(value, list | tuple):
            value = value[0]
        return value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")

    def from_bytes(self, bs: bytes) -> str:
        return bs.decode("utf-8", "surrogatepass")


def make_schema() -> Schema:
    return Schema(
        path=PathID(stored=True, unique=True),
        id=ID(stored=True),
        title=CountedText(field_boost=2.0),  # indexed folded; shown from title_text
        title_text=STORED,
        body=CountedText(),
        title_seq=COLUMN(VarBytesColumn()),  # sequence_bytes of the title, for phrases
        body_seq=COLUMN(VarBytesColumn()),  # ... and of the body
        title_typed=COLUMN(VarBytesColumn()),  # typed_bytes of the title, for phrases with stop words
        body_typed=COLUMN(VarBytesColumn()),  # ... and of the body
        date=ID(stored=True),
        person=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        site=KEYWORD(commas=True, lowercase=True),  # the outlet, as its page or front matter says
        author=KEYWORD(commas=True, lowercase=True),  # the authors, comma separated
        words=NUMERIC(stored=True),
    )
