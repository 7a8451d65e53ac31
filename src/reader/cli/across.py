"""`baldreader people`, `quotes`, `profile` and `conflicts`: views across the whole corpus
from the shell, as JSON Lines or text (no UI here). Each article's analysis comes from the
cache; people are resolved across the corpus first, so a speaker is named as the corpus names
them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.helpers.textsafe import clipped, json_line, one_line

if TYPE_CHECKING:  # imported when a command runs
    from reader.analysis import Analysis
    from reader.corpus import Article


def add_parsers(sub: Any, common: Any) -> None:
    quotes = sub.add_parser("quotes", help="quotations found in several articles, earliest first")
    quotes.add_argument("--json", action="store_true", help="one JSON object per group (JSON Lines, see README)")
    common(quotes)
    profile = sub.add_parser("profile", help="how each article's claims are sourced, and its headline check")
    profile.add_argument("article", nargs="?", metavar="ID", help="one article (default: every article)")
    profile.add_argument("--json", action="store_true", help="one JSON object per article (JSON Lines, see README)")
    profile.add_argument("--by", choices=["article", "outlet"], default="article", help="one row per article or outlet")
    common(profile)
    conflicts = sub.add_parser("conflicts", help="facts stated differently in two articles (ages, marriages, dates)")
    conflicts.add_argument("--json", action="store_true", help="one JSON object per conflict (JSON Lines, see README)")
    common(conflicts)
    people = sub.add_parser("people", help="every person named, across articles, with quotes and what is said of them")
    people.add_argument("--json", action="store_true", help="one JSON object per person (JSON Lines, see README)")
    common(people)


def _analysed(corpus_path: Path, home: Path) -> tuple[list[Article], dict[str, Analysis]] | None:
    """The corpus's articles and their analyses (from the cache), people resolved across it;
    None (the problem said on stderr) when it cannot be opened."""
    from reader.analysis import resolve_across
    from reader.analysis.cache import CACHE_NAME, AnalysisCache
    from reader.corpus import CorpusError, load_corpus

    try:
        corpus = load_corpus(corpus_path)
    except CorpusError as exc:
        print(f"baldreader: {one_line(str(exc))}", file=sys.stderr)
        return None
    cache = AnalysisCache(home / CACHE_NAME)
    analyses = {a.id: cache.get(a) for a in corpus.articles}
    cache.close()
    resolve_across(list(analyses.values()))
    return corpus.articles, analyses


def run(args: argparse.Namespace, corpus_path: Path, home: Path) -> int:
    opened = _analysed(corpus_path, home)
    if opened is None:
        return 2
    articles, analyses = opened
    if args.command == "profile":
        return _profile(args, articles, analyses)
    if args.command == "conflicts":
        return _conflicts(args, articles, analyses)
    if args.command == "people":
        return _people(args, articles, analyses)
    from reader.across.quotes import article_quotes, travelling_quotes

    groups = travelling_quotes(q for a in articles for q in article_quotes(a, analyses[a.id]))
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


def _profile(args: argparse.Namespace, articles: list[Article], analyses: dict[str, Analysis]) -> int:
    from reader.across.profile import profile

    if args.article is not None:
        articles = [a for a in articles if a.id == args.article]
        if not articles:
            print(f"baldreader: no article with the id {one_line(args.article)!r}", file=sys.stderr)
            return 2
    out = sys.stdout
    if args.by == "outlet":
        return _by_outlet(args, articles, analyses)
    if not args.json:
        out.write("claims  named anon publ public none  anon%  hedges/1k  sources  headline  article\n")
    for article in articles:
        found = profile(article, analyses[article.id])
        if args.json:
            out.write(json_line(found.to_json()) + "\n")
            continue
        counts = found.by_source
        flag = "FLAGGED" if found.headline.flagged else "-"
        out.write(
            f"{found.claims:6}  {counts['named']:5} {counts['anonymous']:4} {counts['publication']:4} "
            f"{counts['public']:6} {counts['none']:4}  {found.anonymous_share:5.0%}  {found.hedges_per_1000_words:9.1f}"
            f"  {found.sources:7}  {flag:8}  {one_line(article.id)}\n"
        )
        if found.headline.reason:
            out.write(f"        headline: {one_line(found.headline.reason)}\n")
    return 0


def _by_outlet(args: argparse.Namespace, articles: list[Article], analyses: dict[str, Analysis]) -> int:
    from reader.across.outlets import bar, by_outlet
    from reader.across.profile import profile

    rows = by_outlet((a, profile(a, analyses[a.id])) for a in articles)
    out = sys.stdout
    if args.json:
        for row in rows:
            out.write(json_line(row.to_json()) + "\n")
        return 0
    worst_hedging = max((r.hedges_per_1000_words for r in rows), default=0.0) or 1.0
    out.write("articles  claims  anonymous                   hedges/1k                   flagged  outlet\n")
    for row in rows:
        out.write(
            f"{row.articles:8}  {row.claims:6}  {bar(row.anonymous_share)} {row.anonymous_share:4.0%}  "
            f"{bar(row.hedges_per_1000_words / worst_hedging)} {row.hedges_per_1000_words:5.1f}  "
            f"{row.flagged:7}  {one_line(row.outlet)}\n"
        )
    return 0


def _conflicts(args: argparse.Namespace, articles: list[Article], analyses: dict[str, Analysis]) -> int:
    from reader.across.conflicts import conflicts
    from reader.across.facts import facts_of

    found = conflicts((f for a in articles for f in facts_of(a, analyses[a.id])), articles)
    out = sys.stdout
    for conflict in found:
        if args.json:
            out.write(json_line(conflict.to_json()) + "\n")
            continue
        out.write(f"{conflict.verdict.upper()}  {conflict.kind}: {one_line(conflict.subject)}\n")
        out.write(f"  {one_line(conflict.reason)}\n")
        for fact in (conflict.first, conflict.second):
            out.write(f"  {one_line(fact.article)}: {clipped(fact.text, 150)}\n")
    if not found and not args.json:
        out.write("No conflicting facts found.\n")
    return 0


def _people(args: argparse.Namespace, articles: list[Article], analyses: dict[str, Analysis]) -> int:
    from reader.across.people import people

    out = sys.stdout
    if not args.json:
        out.write("articles  mentions  quoted  said about  first       last        person\n")
    for person in people((a, analyses[a.id]) for a in articles):
        if args.json:
            out.write(json_line(person.to_json()) + "\n")
            continue
        out.write(
            f"{person.article_count:8}  {person.mentions:8}  {person.quoted:6}  {person.spoken_of:10}  "
            f"{person.first or '-':10}  {person.last or '-':10}  {one_line(person.name)}\n"
        )
    return 0
