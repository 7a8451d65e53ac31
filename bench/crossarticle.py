"""The views across the corpus (people, quotes that travel, conflicts, sourcing profiles): how
long they take to build over generated corpora, and to update when one article changes.

For each size it generates a corpus (bench/corpus.py) and adds to every article a paragraph that
the views have something to find in: a quotation from a pool of 300 (one in five with a word
changed) and an age for one of a few people born on fixed days (one in ten wrong by three years),
so there are quote groups and conflicts of every verdict. It analyses the corpus once through
the cache (timed, but the analysis's cost, not the views'), reads the analyses back, then times:
- `build`: `CorpusViews.update` with every article (people resolved across the corpus, each
  article's parts, the four views), then the lists shown (people, quote groups, conflicts);
- `one article changed`: an article's text changed (a quotation and an age added), its analysis
  redone (not timed: the app has it from the analysis worker), then `CorpusViews.update` with it
  and the three lists made again; the median and worst over `--changes` different articles
  (the target: under 200 ms at 10,000 articles);
- `new full name`: the same with an article that brings a full name new to the corpus whose first
  word is the one-word name most articles use ("Hilaria Quill"): every article naming a bare
  "Hilaria" is redone (it no longer stands for one person), so this is the slow case.

    python bench/crossarticle.py [--sizes 1000 10000] [--changes 9]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

from reader.across.views import CorpusViews  # noqa: E402
from reader.analysis import analyze  # noqa: E402
from reader.analysis.cache import AnalysisCache  # noqa: E402
from reader.corpus import load_corpus  # noqa: E402
from reader.corpus.model import Article  # noqa: E402
from reader.corpus.parse import parse_article  # noqa: E402

BORN = {
    "Alec Baldwin": dt.date(1958, 4, 3),
    "Hilaria Baldwin": dt.date(1984, 1, 14),
    "Kim Basinger": dt.date(1953, 12, 8),
}


def enrich(folder: Path, seed: int = 3) -> None:
    rng = random.Random(seed)
    words = "house camera kitchen never always family love talking children morning story truth".split()
    pool = [" ".join(rng.choice(words) for _ in range(rng.randint(7, 14))) for _ in range(300)]
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_text()
        day = dt.date.fromisoformat(text.split()[1])
        quote = rng.choice(pool).split()
        if rng.random() < 0.2:
            quote[rng.randrange(len(quote))] = rng.choice(words)
        person = rng.choice(sorted(BORN))
        born = BORN[person]
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        age += 3 if rng.random() < 0.1 else 0
        extra = f'\n\n"{" ".join(quote).capitalize()}," {person} said. {person}, {age}, smiled.\n'
        path.write_text(text + extra)


def lists(views: CorpusViews) -> tuple[int, int, int]:
    return len(views.people()), len(views.quotes()), len(views.conflicts())


def changed(article: Article, extra: str) -> Article:
    return parse_article(article.text + extra, article_id=article.id, path=article.path, content_hash="changed")


def measure(n: int, changes: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = generate(Path(tmp) / "corpus", n)
        enrich(folder)
        articles = load_corpus(folder).articles
        words = sum(a.word_count for a in articles)
        cache = AnalysisCache(Path(tmp) / "analysis.sqlite")
        start = time.perf_counter()
        analyses = [cache.get(a) for a in articles]
        analysed = time.perf_counter() - start
        print(f"{n:,} articles ({words:,} words); analysis into the cache {analysed:.1f} s (not the views')")

        views = CorpusViews()
        start = time.perf_counter()
        views.update(zip(articles, analyses, strict=True))
        found = lists(views)
        built = time.perf_counter() - start
        print(f"  build: {built * 1000:,.0f} ms; people, quote groups, conflicts: {found}")

        rng = random.Random(5)
        times = []
        for _ in range(changes):
            article = rng.choice(articles)
            extra = '\n\n"I never said that about the house, not once," Alec Baldwin said. Alec Baldwin, 60, left.\n'
            new = changed(article, extra)
            analysis = analyze(new)
            start = time.perf_counter()
            views.update([(new, analysis)])
            found = lists(views)
            times.append(time.perf_counter() - start)
        print(
            f"  one article changed: median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
            f"over {changes} articles; now {found}"
        )
        # the one-word name most articles use, given a second full name: all those articles are redone
        word = max((w for w in views._one_word if w.isalpha()), key=lambda w: len(views._one_word[w]))  # noqa: SLF001
        new = changed(articles[0], f"\n\n{word} Quill, a neighbour, said nothing.\n")
        analysis = analyze(new)
        start = time.perf_counter()
        views.update([(new, analysis)])
        found = lists(views)
        took = time.perf_counter() - start
        print(
            f"  new full name ({word} Quill): {took * 1000:,.0f} ms, {views.last_update[1]:,} other articles redone; "
            f"now {found}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--changes", type=int, default=9)
    args = parser.parse_args()
    for n in args.sizes:
        measure(n, args.changes)


if __name__ == "__main__":
    main()
