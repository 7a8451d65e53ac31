"""A large corpus read lazily: the list comes from the search catalog, and an article's file is
read and parsed only when it is opened (the last few are kept)."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from reader.corpus.load import Skipped, load_file
from reader.corpus.model import Article

KEEP = 64


class LazyCorpus:
    complete = False  # not every article is in memory: features that need all of them skip

    def __init__(self, root: Path, paths: dict[str, str | Path]) -> None:
        self.root = root
        self.paths = paths
        self.skipped: list[Skipped] = []
        self._cache: OrderedDict[str, Article] = OrderedDict()

    @property
    def articles(self) -> list[Article]:
        """Only the articles read so far."""
        return list(self._cache.values())

    @property
    def flagged(self) -> list[Article]:
        return [a for a in self._cache.values() if a.problems]

    def by_id(self, article_id: str) -> Article | None:
        found = self._cache.get(article_id)
        if found is not None:
            self._cache.move_to_end(article_id)
            return found
        path = self.paths.get(article_id)
        if path is None:
            return None
        article = load_file(Path(path), article_id)
        if isinstance(article, Skipped):
            return None
        self._cache[article_id] = article
        while len(self._cache) > KEEP:
            self._cache.popitem(last=False)
        return article
