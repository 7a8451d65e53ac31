"""Analysis speed: articles per second over a generated corpus, the median time per article
scaled to 1,000 words, the same corpus again through the content-hash cache, and the cost per
1,000 words of one article that is a single paragraph of 1,000 to 1,000,000 words (flat when the
analysis is linear).

    python bench/analysis.py [--n 2000] [--paragraph-words 1000,10000,100000,1000000]
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
    parser.add_argument(
        "--paragraph-words", default="1000,10000,100000,1000000", help="sizes of the one-paragraph article, in words"
    )
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
        print(
            f"{len(articles)} generated articles, {words / len(articles):.0f} words on average, "
            f"{names} names and {claims} claims found"
        )
        print(
            f"analysis: {len(articles) / elapsed:.0f} articles/s ({elapsed:.2f} s); per 1,000 words: median "
            f"{statistics.median(per_1000):.2f} ms, p95 {sorted(per_1000)[int(len(per_1000) * 0.95)]:.2f} ms"
        )
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
        print(
            f"through the cache: first pass (analyse and store) {len(articles) / cold:.0f} articles/s; "
            f"second run, new process state (read back) {len(articles) / warm:.0f} articles/s "
            f"[{warm_cache.hits} hits, {warm_cache.misses} misses]"
        )
        one_paragraph([int(n) for n in args.paragraph_words.split(",") if n])


def one_paragraph(sizes: list[int]) -> None:
    """One article of one paragraph (no blank line, no line break) of n words, built from the
    generated corpus's sentences: parse and analysis time per 1,000 words."""
    from reader.corpus.parse import parse_article

    with tempfile.TemporaryDirectory() as tmp:
        sentences = " ".join(
            " ".join(b.text for b in a.blocks) for a in load_corpus(generate(Path(tmp) / "c", 40)).articles
        ).split(". ")
    print("one paragraph of n words: parse, analysis (ms per 1,000 words)")
    for n in sizes:
        words: list[str] = []
        i = 0
        while len(words) < n:
            words += (sentences[i % len(sentences)] + ".").split()
            i += 1
        text = "Generated Story\n\n" + " ".join(words[:n]) + "\n"
        t = time.perf_counter()
        article = parse_article(text, article_id="one", path=Path("one.txt"), content_hash="-", problems=[])
        parse = time.perf_counter() - t
        t = time.perf_counter()
        found = analyze(article)
        elapsed = time.perf_counter() - t
        print(
            f"  {n:>9,} words ({len(article.blocks):>4} blocks): parse {parse * 1e6 / n:6.2f}, "
            f"analysis {elapsed * 1e6 / n:6.2f} ms per 1,000 words ({elapsed:.2f} s; "
            f"{len(found.names)} names, {len(found.claims)} claims)",
            flush=True,
        )


if __name__ == "__main__":
    main()
