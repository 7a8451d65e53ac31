"""The corpus: article files read from a folder and parsed into articles (no UI here)."""

from reader.corpus.load import Corpus, CorpusError, Skipped, load_corpus, load_file
from reader.corpus.model import Article, Block

__all__ = ["Article", "Block", "Corpus", "CorpusError", "Skipped", "load_corpus", "load_file"]
