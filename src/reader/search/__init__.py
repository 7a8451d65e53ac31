"""Full-text search over a corpus with Whoosh: a persistent index per corpus, synced
incrementally, and a catalog of what the article list shows. All of Whoosh stays behind this
package, and is imported only when an index is opened (`catalog_db` reads the catalog without
it, so a large corpus lists before Whoosh has loaded). No UI here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.search.engine import SearchIndex
    from reader.search.results import Hit, SearchResult, SyncReport

__all__ = ["Hit", "SearchIndex", "SearchResult", "SyncReport"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from reader.search.whoosh_import import import_whoosh

        import_whoosh()
        from reader.search import engine

        return getattr(engine, name)
    raise AttributeError(name)
