"""`baldreader quotes`: views across the whole corpus from the shell, as JSON Lines or text
(no UI here). Each article's analysis comes from the cache; people are resolved across the
corpus first, so a speaker is named as the corpus names them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.textsafe import json_line, one_line


def add_parsers(sub: Any, common: Any) -> None:
    quotes = sub.add_parser("quotes", help="quotations found in several articles, earliest first")
    quotes.add_argument("--json", action="store_true", help="one JSON object per group (JSON Lines, see README)")
    common(quotes)


def run(args: argparse.Namespace, corpus_path: Path, home: Path) -> int:
    from reader.across.quotes import article_quotes, travelling_quotes
    from reader.analysis import resolve_across
    from reader.analysis.cache import CACHE_NAME, AnalysisCache
    from reader.corpus import CorpusError, load_corpus

    try:
        corpus = load_corpus(corpus_path)
    except CorpusError as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return 2
    cache = AnalysisCache(home / CACHE_NAME)
    analyses = {a.id: cache.get(a) for a in corpus.articles}
    cache.close()
    resolve_across(list(analyses.values()))
    groups = travelling_quotes(q for a in corpus.articles for q in article_quotes(a, analyses[a.id]))
    out = sys.stdout
    for group in groups:
        if args.json:
            out.write(json_line(group.to_json()) + "\n")
            continue
        out.write(f"“{one_line(group.quote)}” — in {len(group.occurrences)} articles\n")
        for item in group.occurrences:
            mark = "earliest" if item.earliest else "        "
            said = f" ({one_line(item.speaker)})" if item.speaker else ""
            out.write(f"  {mark} {item.date or 'undated':10}  {one_line(item.article)}{said}\n")
            for before, after in item.changes:
                out.write(f"           “{one_line(before) or '…'}” → “{one_line(after) or '…'}”\n")
    if not groups and not args.json:
        out.write("No quotation was found in more than one article.\n")
    return 0
