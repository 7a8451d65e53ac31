"""The index's fields and analyzers. Change SCHEMA_VERSION (in catalog_db, which loads without
Whoosh) whenever they change: an index built with another version is rebuilt."""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

from reader.search.catalog_db import SCHEMA_VERSION  # noqa: E402,F401 - kept where Whoosh is not needed


def fold_accents(text: str) -> str:
    """Accents folded over a whole text at C speed ("Hilária" → "Hilaria"). Indexed text and
    queries are folded this way before analysis, which is cheaper than folding every token."""
    return text if text.isascii() else text.translate(accent_map)


def text_analyzer():
    """Words (an apostrophe ends a word, so "Hilaria's" is "hilaria"), lower case, stop words
    dropped, English stems. Text reaches it with accents already folded (fold_accents)."""
    return RegexTokenizer(r"\w+(?:\.?\w+)*") | LowercaseFilter() | StopFilter(minsize=2) | StemFilter(cachesize=50000)


def highlight_analyzer():
    """The same words as text_analyzer, folding accents token by token, so that positions stay
    those of the original text (for highlighting hits in an article)."""
    return (RegexTokenizer(r"\w+(?:\.?\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)
            | StopFilter(minsize=2) | StemFilter(cachesize=50000))


def make_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        path=ID(stored=True, unique=True),
        id=ID(stored=True),
        title=TEXT(analyzer=analyzer, field_boost=2.0),  # indexed folded; shown from title_text
        title_text=STORED,
        body=TEXT(analyzer=analyzer, phrase=True),
        date=ID(stored=True),
        person=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        words=NUMERIC(stored=True),
    )
