"""Answering one parsed query from an open searcher: the query expanded (prefixes, fuzzy
words), ranked by baldreader's evaluator (ranking.py) or, for what it does not handle, by
Whoosh's own matchers (the answer then says `engine: whoosh`), and the top hits read with
their snippets. The engine (engine.py) owns the searcher and the postings reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.search import query as Qm
from reader.search import ranking
from reader.search.postings import PostingsReader
from reader.search.ranking import Ranked
from reader.search.results import Hit, SearchResult
from reader.search.snippets import snippet
from reader.search.suggest import did_you_mean


def answer(
    searcher: Any,
    postings: PostingsReader,
    parsed: Any,
    cleaned: str,
    limit: int,
    with_snippets: bool,
    messages: list[str],
    stop: Callable[[], bool],
) -> SearchResult:
    q = Qm.expand(parsed, searcher.reader(), messages, stop)
    terms = Qm.hit_terms(q)
    ranked = rank(searcher, postings, q, limit)
    if stop():
        raise Qm.Stopped
    hits = []
    for docnum, score in ranked.top:
        stored = searcher.stored_fields(docnum)
        text = snippet(Path(stored["path"]), terms) if with_snippets else ""
        hits.append(
            Hit(stored["id"], stored["path"], stored["title_text"], stored["date"] or None, round(score, 4), text)
        )
    suggestion = did_you_mean(searcher, cleaned) if not hits else None
    return SearchResult(hits, ranked.total, messages + ranked.notes, suggestion, terms, ranked.exact, ranked.engine)


def rank(searcher: Any, postings: PostingsReader, q: Any, limit: int) -> Ranked:
    """Whole posting lists when the evaluator handles the query; Whoosh's matchers otherwise."""
    try:
        return ranking.run(q, postings, limit)
    except ranking.Unsupported:
        pass
    try:
        results = searcher.search(q, limit=limit)
    except Exception as exc:  # noqa: BLE001 - Whoosh's word on a query it cannot run
        return Ranked([], 0, True, [f"cannot run this query ({exc})"], "whoosh")
    top = [(hit.docnum, hit.score) for hit in results]
    if results.has_exact_length() or results.scored_length() < limit:
        total = len(results) if results.has_exact_length() else results.scored_length()
        return Ranked(top, total, True, engine="whoosh")
    return Ranked(top, results.estimated_length(), False, engine="whoosh")  # an upper bound
