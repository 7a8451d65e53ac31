"""The corpus: article files read from a folder and parsed into articles (no UI here). The
names below are loaded when first used, so that `reader.corpus.files` (finding files, which a
sync of the search index does on every run) comes without the parsing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.corpus.load import Corpus, CorpusError, Skipped, load_corpus, load_file
    from reader.corpus.model import Article, Block

__all__ = ["Article", "Block", "Corpus", "CorpusError", "Skipped", "load_corpus", "load_file"]


def __getattr__(name: str) -> Any:
    if name in ("Article", "Block"):
        from reader.corpus import model

        return getattr(model, name)
    if name in __all__:
        from reader.corpus import load

        return getattr(load, name)
    raise AttributeError(name)
