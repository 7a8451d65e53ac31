"""The index's fields and analyzers. Change SCHEMA_VERSION (in catalog_db, which loads without
Whoosh) whenever they change: an index built with another version is rebuilt."""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.support.charset import accent_map

from reader.search.catalog_db import SCHEMA_VERSION  # noqa: E402,F401 - kept where Whoosh is not needed


def text_analyzer():
    """Words (an apostrophe ends a word, so "Hilaria's" is "hilaria"), lower case, accents
    folded, stop words dropped, English stems."""
    return (RegexTokenizer(r"\w+(?:\.?\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)
            | StopFilter(minsize=2) | StemFilter(cachesize=50000))


def make_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        path=ID(stored=True, unique=True),
        id=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        body=TEXT(analyzer=analyzer, phrase=True),
        date=ID(stored=True),
        person=KEYWORD(stored=True, commas=True, lowercase=True, scorable=True),
        words=NUMERIC(stored=True),
    )
