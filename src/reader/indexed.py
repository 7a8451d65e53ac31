"""The search index of a corpus as the application opens it: each article's people (for
`person:`) and sourcing measures (for the catalog) read from the analysis cache, and articles
just written into the corpus (`add`, `update`, the app's add) made searchable at once."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.corpus.model import Article
from reader.search.catalog_db import index_folder

if TYPE_CHECKING:
    from reader.search import SearchIndex
    from reader.search.results import SyncReport


WARM_TEXT = (
    "Council Approves Budget\n\nMayor Jane Porter said on Monday that the budget was fair. "
    '"We listened," she said. Critics, who asked not to be named, said it might fall short, '
    "according to a report by The Daily Ledger.\n"
)


class IndexedAnalysis:
    """What the index keeps of each article's analysis (cached by content hash): its people,
    for `person:`, and its sourcing measures, for the catalog. The analysis is imported and
    its cache opened for the first article a sync reads, not before (in each worker process)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self._cache: Any = None

    def _analysis(self, article: Article) -> Any:
        if self._cache is None:
            from reader.analysis.cache import CACHE_NAME, AnalysisCache

            self._cache = AnalysisCache(self.home / CACHE_NAME)
        return self._cache.get(article)

    def warm(self) -> None:
        """The analysis's modules and word lists loaded in this process (before forking the
        workers of a sync, which then share them), by analysing a short text; the cache is not
        opened (an SQLite connection must not cross a fork)."""
        from reader.across.profile import profile
        from reader.analysis import analyze
        from reader.corpus.parse import parse_article

        article = parse_article(WARM_TEXT, article_id="warm", path=Path("warm.txt"), content_hash="")
        profile(article, analyze(article))

    def people(self, article: Article) -> list[str]:
        return [m.person for m in self._analysis(article).names]

    def measures(self, article: Article) -> dict[str, float]:
        from reader.across.profile import profile

        return profile(article, self._analysis(article)).measures()


def open_index(corpus: Path, home: Path) -> SearchIndex:
    from reader.search import SearchIndex

    analysis = IndexedAnalysis(home)
    return SearchIndex(corpus, home, people=analysis.people, measures=analysis.measures, warm=analysis.warm)


def index_new_files(
    corpus: Path,
    home: Path,
    paths: Sequence[Path],
    stop: Callable[[], bool] | None = None,
    waiting: Callable[[], None] | None = None,
) -> SyncReport | None:
    """Articles just written into `corpus` indexed on their own, when it has an index (without
    one, or when they cannot be indexed alone, the next sync does it: None). A people pass
    running lets them in after its batch in hand (`waiting()` is called once if they wait);
    `stop()` gives up waiting. Never raises for the index: what was written is in the corpus
    either way."""
    from reader.search.results import IndexUnwritable

    if not paths or not index_folder(Path(corpus).resolve(), home).exists():
        return None
    index = open_index(corpus, home)
    try:
        return index.index_files(paths, stop=stop, waiting=waiting)
    except (IndexUnwritable, OSError):
        return None
    finally:
        index.close()
