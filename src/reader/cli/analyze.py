"""`baldreader analyze`: names and claims of the corpus or of given files, as JSON Lines or a
readable summary (no UI here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.helpers.textsafe import json_line, one_line

if TYPE_CHECKING:  # the analysis is imported when the command runs: `baldreader search` starts faster
    from reader.analysis import Analysis
    from reader.corpus import Article, Skipped


def add_parser(sub: Any, common: Any) -> None:
    parser = sub.add_parser("analyze", help="people named and claims made, per article")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: the corpus)")
    parser.add_argument(
        "--json", action="store_true", help="JSON Lines: one object per input, in input order (see README)"
    )
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the analysis cache")
    common(parser)


def _inputs(paths: list[str], corpus_path: Path) -> list[Article | Skipped]:
    from reader.corpus import Skipped, load_corpus, load_file
    from reader.corpus.load import find_article_files

    if not paths:
        corpus = load_corpus(corpus_path)
        return [*corpus.articles]
    out: list[Article | Skipped] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += [load_file(p) for p in find_article_files(path)]
        elif path.exists():
            out.append(load_file(path))
        else:
            out.append(Skipped(path, "not found"))
    return out


def run(args: argparse.Namespace, corpus_path: Path, home: Path) -> int:
    from reader.analysis import resolve_across
    from reader.analysis.cache import CACHE_NAME, AnalysisCache
    from reader.corpus import Article, CorpusError, Skipped

    try:
        inputs = _inputs(args.paths, corpus_path)
    except CorpusError as exc:
        print(f"baldreader: {exc}", file=sys.stderr)
        return 2
    cache = AnalysisCache(None if args.no_cache else home / CACHE_NAME)
    articles = [i for i in inputs if isinstance(i, Article)]
    analyses = {id(a): cache.get(a) for a in articles}
    resolve_across(list(analyses.values()))
    cache.close()
    failed = 0
    for item in inputs:
        if isinstance(item, Skipped):
            failed += 1
            if args.json:
                print(json_line({"path": str(item.path), "error": item.reason}))
            else:
                print(f"baldreader: {one_line(str(item.path))}: {one_line(item.reason)}", file=sys.stderr)
            continue
        analysis = analyses[id(item)]
        if args.json:
            record = {
                "path": str(item.path),
                "id": item.id,
                "title": item.title,
                "date": item.date,
                "outlet": item.outlet,
                "author": item.author,
                "url": item.url,
                "text": item.text,
                **analysis.to_json(),
            }
            print(json_line(record))
        else:
            _summary(item, analysis)
    return 1 if failed else 0


def _summary(article: Article, analysis: Analysis) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    console.print(
        Text(one_line(article.title), style="bold"),
        Text(one_line(f"  {article.date or 'undated'} · {article.id}"), style="dim"),
    )
    people = Table(title="People", title_justify="left", show_edge=False)
    people.add_column("person")
    people.add_column("mentions", justify="right")
    for person, count in analysis.people().items():
        people.add_row(Text(one_line(person)), str(count))
    claims = Table(title="Claims", title_justify="left", show_edge=False)
    for column in ("kind", "source", "speaker", "text"):
        claims.add_column(column, overflow="fold" if column == "text" else "ellipsis")
    for claim in analysis.claims:
        text = claim.text if len(claim.text) <= 140 else claim.text[:139] + "…"
        speaker = claim.speaker or "—"
        if claim.person and claim.person != claim.speaker:
            speaker += f" ({claim.person})"  # "The governor (Dana Fallon)", "TAPPER (Jake Tapper)"
        claims.add_row(claim.kind, claim.source, Text(one_line(speaker)), Text(one_line(text)))
    console.print(people)
    console.print(claims)
    console.print()
