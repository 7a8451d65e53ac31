"""The main screen's analysis: highlighting names and claims in the reading pane, the legend,
the line describing the claims under the cursor, the side panel, and the layer keys. Analysis
runs in thread workers: the open article first (the pane shows plain text meanwhile), then the
whole corpus with progress, so people resolve across articles.

A mixin of `MainScreen`, kept in its own module.
"""

from __future__ import annotations

from textual import work
from textual.binding import Binding
from textual.widgets import Static
from textual.worker import get_current_worker

from reader.analysis import Analysis, AnalysisCancelled, resolve_across
from reader.analysis.cache import CACHE_NAME, AnalysisCache
from reader.analysis.sourcing import sourcing_badge
from reader.corpus.model import Article
from reader.textsafe import one_line
from reader.ui.highlight import Layers, Palette, block_styles, describe_claims, legend
from reader.ui.widgets.analysis_panel import AnalysisPanel
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane

ANALYSIS_BINDINGS = [
    Binding(
        "1",
        "toggle_layer('names')",
        "Names",
        show=False,
        id="analysis.names",
        tooltip="Show or hide the people highlighted",
    ),
    Binding(
        "2",
        "toggle_layer('claims')",
        "Claims",
        show=False,
        id="analysis.claims",
        tooltip="Show or hide the claims marked by kind and source",
    ),
    Binding(
        "3",
        "toggle_layer('hedges')",
        "Hedges",
        show=False,
        id="analysis.hedges",
        tooltip="Show or hide the hedging words emphasised",
    ),
    Binding(
        "i",
        "toggle_panel",
        "People & claims",
        id="analysis.panel",
        tooltip="Show or hide the side panel of the article's people and claims",
    ),
    Binding(
        "c",
        "note_on_claim",
        "Note on claim",
        show=False,
        id="notes.claim",
        tooltip="Add a note on the claim under the cursor, with a verdict",
    ),
]


class AnalysisActions:
    """Needs from its host: `corpus`, `_edit` (notes), Textual's screen API."""

    highlight_layers: Layers
    analyses: dict[str, Analysis]

    def start_analysis(self) -> None:
        self.highlight_layers = Layers()
        self.analyses = {}
        self.analysis_cache = AnalysisCache(self.app.home / CACHE_NAME)
        self.palette = Palette.from_variables(self.app.get_css_variables())
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme) -> None:
        self.palette = Palette.from_variables(self.app.get_css_variables())
        self.apply_analysis()

    def analysis_for(self, article: Article) -> Analysis | None:
        found = self.analyses.get(article.id)
        if found is None:
            self._analyse_one(article)
        return found

    @work(thread=True, exclusive=True, group="analysis-one")
    def _analyse_one(self, article: Article) -> None:
        worker = get_current_worker()
        try:
            analysis = self.analysis_cache.get(article, stop=lambda: worker.is_cancelled)
        except AnalysisCancelled:
            return
        self.app.call_from_thread(self._analysed, article, analysis)

    def _analysed(self, article: Article, analysis: Analysis) -> None:
        self.analyses.setdefault(article.id, analysis)
        self.query_one(ArticleList).set_sourcing({article.id: sourcing_badge(analysis)})
        reader = self.query_one(ReadingPane)
        if reader.article is article:
            self.apply_analysis()

    @work(thread=True, exclusive=True, group="analysis-corpus")
    def analyse_corpus(self, articles: list[Article]) -> None:
        """Every article, in the background, then people resolved across the corpus."""
        worker = get_current_worker()
        results: dict[str, Analysis] = {}
        status = self.query_one("#list-status", Static)
        for done, article in enumerate(articles, 1):
            if worker.is_cancelled:
                return
            try:
                results[article.id] = self.analysis_cache.get(article, stop=lambda: worker.is_cancelled)
            except AnalysisCancelled:
                return
            if done % 100 == 0 and len(articles) > 200:
                self.app.call_from_thread(status.update, f"analysing {done}/{len(articles)}…")
        resolve_across(list(results.values()))
        self.app.call_from_thread(self._corpus_analysed, results)

    def _corpus_analysed(self, results: dict[str, Analysis]) -> None:
        self.analyses = results
        self.query_one(ArticleList).set_sourcing({i: sourcing_badge(a) for i, a in results.items()})
        self._refresh_list_status()
        self.apply_analysis()

    def apply_analysis(self) -> None:
        reader = self.query_one(ReadingPane)
        article = reader.article
        analysis = self.analyses.get(article.id) if article else None
        if article is not None:
            palette, layers = self.palette, self.highlight_layers

            def styles(index: int) -> list:
                block = article.blocks[index]
                return block_styles(block, analysis, palette, layers) + self.search_styles(article, index)

            reader.set_block_styles(styles)
        self.query_one("#legend", Static).update(legend(self.palette, self.highlight_layers))
        self.query_one(AnalysisPanel).show(article, analysis, self.palette)
        self.describe_cursor()

    def describe_cursor(self) -> None:
        reader = self.query_one(ReadingPane)
        info = self.query_one("#claim-info", Static)
        article = reader.article
        if article is None or not article.blocks:
            info.update("")
            return
        analysis = self.analyses.get(article.id)
        block = article.blocks[reader.cursor]
        text = describe_claims(block, analysis) if analysis else "analysing…"
        info.update(one_line(f"¶{reader.cursor + 1}: {text or 'no claim in this paragraph'}"))

    def action_toggle_layer(self, layer: str) -> None:
        setattr(self.highlight_layers, layer, not getattr(self.highlight_layers, layer))
        self.apply_analysis()

    def action_toggle_panel(self) -> None:
        panel = self.query_one(AnalysisPanel)
        panel.display = not panel.display

    def on_analysis_panel_jump(self, message: AnalysisPanel.Jump) -> None:
        reader = self.query_one(ReadingPane)
        if reader.article is None:
            return
        for index, block in enumerate(reader.article.blocks):
            if block.start <= message.offset < block.end:
                reader.cursor = index
                break

    def action_note_on_claim(self) -> None:
        reader = self.query_one(ReadingPane)
        article = reader.article
        if article is None or not article.blocks:
            return
        analysis = self.analyses.get(article.id)
        block = article.blocks[reader.cursor]
        claims = [c for c in (analysis.claims if analysis else []) if c.start < block.end and c.end > block.start]
        if not claims:
            self.notify("No claim in this paragraph: a adds a note on the paragraph.", timeout=4)
            return
        from reader.ui.screens.note_editor import NoteDraft

        claim = claims[0]
        quote = article.text[max(claim.start, block.start) : min(claim.end, block.end)].replace("\n", " ")
        self._edit(
            article,
            reader.cursor,
            NoteDraft("", [], "unverified", quote),
            note=None,
            claim={"kind": claim.kind, "source": claim.source, "speaker": claim.speaker},
        )
