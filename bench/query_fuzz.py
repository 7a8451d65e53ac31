"""How fast hostile queries answer: the known bad ones and 3,000 random ones from a fixed seed
(the same as tests/hostile/test_query_fuzz.py, which asserts only that they answer), on the
bundled seeds, or on a corpus given. Prints the slowest and the 95th percentile; target: every
query under 1 s.

    python bench/query_fuzz.py [--corpus PATH] [--random 3000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "hostile"))
from test_query_fuzz import BAD_QUERIES, random_queries  # noqa: E402

from reader.helpers.paths import bundled_seeds  # noqa: E402
from reader.search import SearchIndex  # noqa: E402


def timed(index: SearchIndex, queries: list[str]) -> list[tuple[float, str]]:
    out = []
    for query in queries:
        start = time.perf_counter()
        index.search(query, limit=10)
        out.append((time.perf_counter() - start, query))
    return out


def report(label: str, times: list[tuple[float, str]]) -> None:
    seconds = sorted(t for t, _ in times)
    slowest, query = max(times)
    p95 = seconds[int(0.95 * (len(seconds) - 1))]
    over = sum(1 for t in seconds if t >= 1.0)
    print(f"{label}: {len(times)} queries, p95 {p95 * 1000:.1f} ms, median {statistics.median(seconds) * 1000:.1f} ms,")
    print(f"  slowest {slowest * 1000:.1f} ms ({query[:50]!r}), {over} at 1 s or more (target 0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=bundled_seeds())
    parser.add_argument("--random", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        index = SearchIndex(args.corpus, Path(home))
        index.sync()
        report("known bad queries", timed(index, BAD_QUERIES))
        report("random queries", timed(index, list(random_queries(args.random))))
        index.close()


if __name__ == "__main__":
    main()
