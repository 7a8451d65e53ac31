"""Two versions of baldreader's search compared query by query on this noisy machine (issue 31):
the same index of bench/search.py, searched by two processes, one running the source tree
given (`--before`, e.g. a `git worktree` of an earlier commit), the other this checkout; each of
the bench's queries asked of both in turn, five rounds after a warming one, the order
alternating, and the fastest of the five kept per query. A whole-run figure on this machine
drifts by a third between two runs minutes apart; interleaving puts both versions in the same
drift. SQLite's FTS5 on the same articles (the database bench/search.py built) is asked in
turn with them when it is there. Prints p50, p95 and mean per kind.

    git worktree add /tmp/before <commit>
    python bench/search.py --sizes 100000 --work /tmp/bsw          # builds the index once
    python bench/search_ab.py --before /tmp/before/src --work /tmp/bsw [--size 100000] [kind ...]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from search import make_queries, pct

SERVE = """
import json, sys, time
from pathlib import Path
from reader.search import SearchIndex
index = SearchIndex(Path(sys.argv[1]), Path(sys.argv[2]))
assert index.open_existing(), "no index: run bench/search.py first"
index.search("warming", limit=10)
print("ready", flush=True)
for line in sys.stdin:
    started = time.perf_counter()
    index.search(line.rstrip("\\n"), limit=10)
    print(json.dumps((time.perf_counter() - started) * 1000), flush=True)
"""


SERVE_FTS5 = """
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
sql = ("SELECT id, snippet(docs, 2, '**', '**', ' … ', 24) FROM docs WHERE docs MATCH ? "
       "ORDER BY bm25(docs, 0, 2.0, 1.0) LIMIT 10")
db.execute(sql, ("warming",)).fetchall()
print("ready", flush=True)
for line in sys.stdin:
    started = time.perf_counter()
    db.execute(sql, (line.rstrip("\\n"),)).fetchall()
    print(json.dumps((time.perf_counter() - started) * 1000), flush=True)
"""


def _server(source: Path | None, corpus: Path, home: Path, fts5: Path | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ)
    if source is None:
        env.pop("PYTHONPATH", None)
    else:
        env["PYTHONPATH"] = str(source)
    args = [sys.executable, "-c", SERVE, str(corpus), str(home)]
    if fts5 is not None:  # SQLite's FTS5 on the same articles, as bench/search.py asks it
        args = [sys.executable, "-c", SERVE_FTS5, str(fts5)]
    served = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert served.stdout is not None and served.stdout.readline().strip() == "ready"
    return served


def _ask(served: subprocess.Popen[str], query: str) -> float:
    assert served.stdin is not None and served.stdout is not None
    served.stdin.write(query + "\n")
    served.stdin.flush()
    return float(json.loads(served.stdout.readline()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the src folder of the version to compare with")
    parser.add_argument("--work", type=Path, default=Path("/tmp/baldreader-bench"))
    parser.add_argument("--size", type=int, default=100000)
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("kinds", nargs="*", default=["term", "and", "phrase", "prefix", "frequent term"])
    args = parser.parse_args()
    corpus, home = args.work / f"corpus-{args.size}", args.work / f"home-{args.size}"
    queries = make_queries(corpus, args.queries)
    servers = {"before": _server(args.before, corpus, home), "after": _server(None, corpus, home)}
    fts5 = args.work / f"fts5-{args.size}.sqlite"
    if fts5.exists():
        servers["FTS5"] = _server(None, corpus, home, fts5)
    print(f"{args.size} articles; each query's fastest of 5 rounds, {', '.join(servers)} asked in turn")
    for kind in args.kinds:
        fastest: dict[str, dict[str, float]] = {name: {} for name in servers}
        for round_ in range(6):
            for query in queries[kind]:
                for name in list(servers)[:: 1 if round_ % 2 else -1]:
                    took = _ask(servers[name], query)
                    if round_:  # the first round warms both
                        fastest[name][query] = min(fastest[name].get(query, took), took)
        for name, times in fastest.items():
            values = list(times.values())
            print(
                f"  {kind:14} {name:6} p50 {pct(values, 0.5):6.2f}  p95 {pct(values, 0.95):6.2f}  "
                f"mean {sum(values) / len(values):6.2f} ms"
            )
    for served in servers.values():
        assert served.stdin is not None
        served.stdin.close()
        served.wait()


if __name__ == "__main__":
    main()
