"""Full-text search over a corpus with Whoosh: a persistent index per corpus, synced
incrementally, and a catalog of what the article list shows. All of Whoosh stays behind this
package. No UI here."""

from reader.search.engine import Hit, SearchIndex, SearchResult, SyncReport

__all__ = ["Hit", "SearchIndex", "SearchResult", "SyncReport"]
