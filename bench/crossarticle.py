"""The views across the corpus (people, quotes that travel, conflicts, sourcing profiles): how
long each takes over generated corpora, once every article's analysis is in the cache.

For each size it generates a corpus (bench/corpus.py), analyses it once through the cache (the
time is printed but is the analysis's, not the views'), then times, best of `--runs`:
- `analyses`: reading the analyses back from the cache and resolving people across the corpus;
- `people`, `quotes`, `conflicts`, `profiles`: each view from the analyses;
- one article changed (a quotation added), its analysis redone, then people resolved and the
  four views computed again: there is no incremental update yet, so everything is recomputed
  (the figure the target of 200 ms at 10,000 articles is measured against).

    python bench/crossarticle.py [--sizes 1000 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

from reader.across.conflicts import conflicts  # noqa: E402
from reader.across.facts import facts_of  # noqa: E402
from reader.across.people import people  # noqa: E402
from reader.across.profile import profile  # noqa: E402
from reader.across.quotes import article_quotes, travelling_quotes  # noqa: E402
from reader.analysis import Analysis, analyze, resolve_across  # noqa: E402
from reader.analysis.cache import AnalysisCache  # noqa: E402
from reader.corpus import load_corpus  # noqa: E402
from reader.corpus.model import Article  # noqa: E402
from reader.corpus.parse import parse_article  # noqa: E402


def best(runs: int, work: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return min(times), result


def views(articles: list[Article], analyses: list[Analysis]) -> dict[str, float]:
    pairs = list(zip(articles, analyses, strict=True))
    timings = {}
    start = time.perf_counter()
    found_people = people(pairs)
    timings["people"] = time.perf_counter() - start
    start = time.perf_counter()
    groups = travelling_quotes(q for a, an in pairs for q in article_quotes(a, an))
    timings["quotes"] = time.perf_counter() - start
    start = time.perf_counter()
    found = conflicts((f for a, an in pairs for f in facts_of(a, an)), articles)
    timings["conflicts"] = time.perf_counter() - start
    start = time.perf_counter()
    profiles = [profile(a, an) for a, an in pairs]
    timings["profiles"] = time.perf_counter() - start
    timings["found"] = (len(found_people), len(groups), len(found), len(profiles))  # type: ignore[assignment]
    return timings


def measure(n: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = generate(Path(tmp) / "corpus", n)
        articles = load_corpus(folder).articles
        words = sum(a.word_count for a in articles)
        cache = AnalysisCache(Path(tmp) / "analysis.sqlite")
        start = time.perf_counter()
        for article in articles:
            cache.get(article)
        analysed = time.perf_counter() - start
        cache.close()

        def read_back() -> list[Analysis]:
            again = AnalysisCache(Path(tmp) / "analysis.sqlite")
            found = [again.get(a) for a in articles]
            again.close()
            resolve_across(found)
            return found

        read, analyses = best(runs, read_back)
        assert isinstance(analyses, list)
        each = [views(articles, analyses) for _ in range(runs)]
        fastest = {k: min(t[k] for t in each) for k in ("people", "quotes", "conflicts", "profiles")}
        print(f"{n:,} articles ({words:,} words); analysis into the cache {analysed:.1f} s (not the views')")
        print(f"  analyses read back and resolved across the corpus  {read * 1000:8.0f} ms")
        for name, seconds in fastest.items():
            print(f"  {name:<10} {seconds * 1000:8.0f} ms")
        print(
            f"  all four   {sum(fastest.values()) * 1000:8.0f} ms   found (people, quote groups, conflicts, profiles): "
            f"{each[0]['found']}"
        )
        changed = parse_article(
            articles[0].text + '\n"I never said that, not once," Alec Baldwin said.\n',
            article_id=articles[0].id,
            path=articles[0].path,
            content_hash="changed",
        )
        new_articles = [changed, *articles[1:]]
        new_analyses = [analyze(changed), *analyses[1:]]
        start = time.perf_counter()
        resolve_across(new_analyses)
        views(new_articles, new_analyses)
        again = time.perf_counter() - start
        print(f"  one article changed, the four views again: {again * 1000:.0f} ms (recomputed in full)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for n in args.sizes:
        measure(n, args.runs)


if __name__ == "__main__":
    main()
