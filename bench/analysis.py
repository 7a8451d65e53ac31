"""Analysis speed: articles per second over a generated corpus, the median time per article
scaled to 1,000 words, and the same corpus again through the content-hash cache.

    python bench/analysis.py [--n 2000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

from reader.analysis import analyze, resolve_across  # noqa: E402
from reader.analysis.cache import AnalysisCache  # noqa: E402
from reader.corpus import load_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description="baldreader analysis benchmark")
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = generate(Path(tmp) / "corpus", args.n)
        articles = load_corpus(folder).articles
        words = sum(a.word_count for a in articles)
        analyze(articles[0])  # load the word lists once
        per_1000 = []
        start = time.perf_counter()
        results = []
        for article in articles:
            t = time.perf_counter()
            results.append(analyze(article))
            per_1000.append((time.perf_counter() - t) * 1000 * 1000 / max(1, article.word_count))
        elapsed = time.perf_counter() - start
        t = time.perf_counter()
        resolve_across(results)
        resolve = time.perf_counter() - t
        names = sum(len(r.names) for r in results)
        claims = sum(len(r.claims) for r in results)
        print(f"{len(articles)} generated articles, {words / len(articles):.0f} words on average, "
              f"{names} names and {claims} claims found")
        print(f"analysis: {len(articles) / elapsed:.0f} articles/s ({elapsed:.2f} s); per 1,000 words: median "
              f"{statistics.median(per_1000):.2f} ms, p95 {sorted(per_1000)[int(len(per_1000) * 0.95)]:.2f} ms")
        print(f"cross-article resolution: {resolve * 1000:.0f} ms")

        cache = AnalysisCache(Path(tmp) / "analysis.sqlite")
        t = time.perf_counter()
        for article in articles:
            cache.get(article)
        cold = time.perf_counter() - t
        cache.close()
        warm_cache = AnalysisCache(Path(tmp) / "analysis.sqlite")
        t = time.perf_counter()
        for article in articles:
            warm_cache.get(article)
        warm = time.perf_counter() - t
        print(f"through the cache: first pass (analyse and store) {len(articles) / cold:.0f} articles/s; "
              f"second run, new process state (read back) {len(articles) / warm:.0f} articles/s "
              f"[{warm_cache.hits} hits, {warm_cache.misses} misses]")


if __name__ == "__main__":
    main()
