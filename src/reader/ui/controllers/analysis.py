"""The analysis of names and claims for the screen: the open article first, in a thread worker
(the pane shows plain text meanwhile), then the whole corpus with progress, so people resolve
across articles. Owns the analyses, their cache, the palette (from the theme) and the layers
shown; posts what it finds.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from reader.corpus.model import Article
from reader.ui.controllers import Controller
from reader.ui.highlight import Layers, Palette
from reader.ui.messages import AnalysisProgress, ArticleAnalysed, CorpusAnalysed, HighlightsChanged, StateChanged

if TYPE_CHECKING:  # the analysis is imported by the workers, off the first paint's path
    from reader.across.profile import Profile
    from reader.analysis import Analysis
    from reader.analysis.cache import AnalysisCache


class AnalysisController(Controller):
    def __init__(self) -> None:
        super().__init__(id="analysis-controller")
        self.analyses: dict[str, Analysis] = {}
        self.highlight_layers = Layers()
        self._cache: AnalysisCache | None = None
        self._cache_lock = threading.Lock()
        self.profiles: dict[str, Profile] = {}  # article id -> sourcing profile, made by the workers
        self.palette = Palette.from_variables({})

    def on_mount(self) -> None:
        for layer, shown in self.reader_app.state.layers.items():
            setattr(self.highlight_layers, layer, shown)
        self.palette = Palette.from_variables(self.app.get_css_variables())
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: Any) -> None:
        self.palette = Palette.from_variables(self.app.get_css_variables())
        self.post_message(HighlightsChanged())

    def of(self, article: Article | None) -> Analysis | None:
        """The analysis of `article` if done (else None, and it is started)."""
        if article is None:
            return None
        found = self.analyses.get(article.id)
        if found is None:
            # Once the frame that shows the article is drawn: the worker's first step, importing
            # the analysis (a tenth of a second), would otherwise hold back the first paint.
            self.call_after_refresh(self._analyse_one, article)
        return found

    def toggle_layer(self, layer: str) -> None:
        shown = not getattr(self.highlight_layers, layer)
        setattr(self.highlight_layers, layer, shown)
        self.app.post_message(StateChanged({"layer": (layer, shown)}))
        self.post_message(HighlightsChanged())

    @property
    def cache(self) -> AnalysisCache:
        """The cache file, opened by the first worker that needs it."""
        with self._cache_lock:
            if self._cache is None:
                from reader.analysis.cache import CACHE_NAME, AnalysisCache

                self._cache = AnalysisCache(self.reader_app.home / CACHE_NAME)
            return self._cache

    def _cached(self, article: Article, stop: Any) -> Analysis:
        return self.cache.get(article, stop=stop)

    @work(thread=True, exclusive=True, group="analysis-one")
    def _analyse_one(self, article: Article) -> None:
        from reader.across.profile import profile
        from reader.analysis import AnalysisCancelled

        worker = get_current_worker()
        try:
            analysis = self._cached(article, lambda: worker.is_cancelled)
        except AnalysisCancelled:
            return
        self.post_message(ArticleAnalysed(article, analysis, profile(article, analysis)))

    def on_article_analysed(self, message: ArticleAnalysed) -> None:
        """Kept here, then passed on to the screen to draw."""
        self.analyses.setdefault(message.article.id, message.analysis)
        self.profiles.setdefault(message.article.id, message.profile)

    @work(thread=True, exclusive=True, group="analysis-corpus")
    def analyse_corpus(self, articles: list[Article]) -> None:
        """Every article, in the background, then people resolved across the corpus and each
        article's sourcing profile."""
        from reader.across.profile import profile
        from reader.analysis import AnalysisCancelled, resolve_across

        worker = get_current_worker()
        results: dict[str, Analysis] = {}
        for done, article in enumerate(articles, 1):
            if worker.is_cancelled:
                return
            try:
                results[article.id] = self._cached(article, lambda: worker.is_cancelled)
            except AnalysisCancelled:
                return
            if done % 100 == 0 and len(articles) > 200:
                self.post_message(AnalysisProgress(done, len(articles)))
        resolve_across(list(results.values()))
        profiles = {}
        for article in articles:
            if worker.is_cancelled:
                return
            profiles[article.id] = profile(article, results[article.id])
        self.post_message(CorpusAnalysed(results, profiles))

    def on_corpus_analysed(self, message: CorpusAnalysed) -> None:
        self.analyses = message.analyses
        self.profiles = message.profiles
