"""The views across the corpus for the main screen: opens the across screen with the views kept
from its last opening (`reader.across.views.CorpusViews`, brought up to date there), and turns
what the reader chose in it into a place to go (`JumpToPlace`) or a note on a conflict
(`NoteOnConflict`, which the screen hands to the notes controller)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.corpus import Corpus
from reader.corpus.lazy import LazyCorpus
from reader.corpus.model import Article
from reader.ui.controllers import Controller
from reader.ui.messages import JumpToPlace, NoteOnConflict

if TYPE_CHECKING:
    from reader.across.conflicts import Conflict
    from reader.across.views import CorpusViews
    from reader.analysis import Analysis
    from reader.analysis.cache import AnalysisCache


class AcrossController(Controller):
    def __init__(self) -> None:
        super().__init__(id="across-controller")
        self._views: CorpusViews | None = None

    def open(self, corpus: Corpus | LazyCorpus | None, known: dict[str, Analysis], cache: AnalysisCache) -> None:
        """The across screen over the corpus's articles, from the analyses `known` so far, else
        `cache`; a corpus not read in full (a large one) is said to need it."""
        from reader.across.views import CorpusViews
        from reader.ui.screens.across import AcrossScreen

        if not isinstance(corpus, Corpus):
            self.notify("The views across the corpus need it read in full (up to 3,000 files).", severity="warning")
            return
        articles = corpus.articles

        if self._views is None:
            self._views = CorpusViews(with_profiles=False)  # the analysis workers make those
        by_id = {a.id: a for a in articles}

        def chosen(result: tuple[str, int] | Conflict | None) -> None:
            if isinstance(result, tuple):
                self._go_to(by_id.get(result[0]), result[1])
            elif result is not None and (article := by_id.get(result.first.article)) is not None:
                self._go_to(article, result.first.start)
                self.post_message(NoteOnConflict(article, _block_at(article, result.first.start), result))

        screen = AcrossScreen(articles, lambda a, stop: known.get(a.id) or cache.get(a, stop=stop), self._views)
        self.app.push_screen(screen, chosen)

    def _go_to(self, article: Article | None, offset: int) -> None:
        if article is not None:
            self.post_message(JumpToPlace(article.id, _block_at(article, offset)))


def _block_at(article: Article, offset: int) -> int:
    """The paragraph (block index) holding `offset`."""
    return next((i for i, b in enumerate(article.blocks) if offset < b.end), 0)
