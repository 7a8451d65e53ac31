"""Search at scale, side by side with SQLite FTS5 (standard library) on the same articles.

For each N (default 1,000, 10,000 and 100,000 generated articles, see corpus.py) it prints:
full build time and articles/s; sync time with nothing changed and with one file changed;
index size; the time to prepare the searcher (what the app does once its index is ready: the
first search need not); query latency p50/p95 (ms, top 10 with snippets) for term, two-term AND,
phrase, prefix and fuzzy queries, for baldreader's index and for FTS5; and, unless --no-app, the real
app in a pseudo-terminal: time to first paint, resident memory, and key-press-to-repaint in the
article list, and memory after two searches typed into the app.

    python bench/search.py [--sizes 1000 10000 100000] [--queries 40] [--no-app]

Corpora and indexes are kept under --work (default /tmp/baldreader-bench) between runs.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402
from whoosh.analysis import STOP_WORDS  # noqa: E402

from reader.corpus import load_file  # noqa: E402
from reader.search import SearchIndex  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def _read_through(path: Path) -> int:
    with open(path, "rb") as f:
        return sum(len(block) for block in iter(lambda: f.read(1 << 20), b""))


def make_queries(corpus: Path, n: int, seed: int = 7) -> dict[str, list[str]]:
    """Queries drawn from the corpus's own text. Words are drawn uniformly from the distinct
    words (of five letters or more) of 200 sampled articles, as a reader searches for
    distinctive words; phrases are adjacent pairs of whole words of four letters or more; phrases with stop words are
    three adjacent words, one of them a stop word (which the index leaves out, so each candidate is confirmed as
    typed); the "frequent term" kind uses the 20 most frequent words, the worst case."""
    rng = random.Random(seed)
    files = sorted(corpus.rglob("*.txt"))
    sample = [f.read_text(encoding="utf-8") for f in rng.sample(files, min(len(files), 200))]
    words = [w.lower() for text in sample for w in re.findall(r"[A-Za-z]{5,}", text)]
    counts: dict[str, int] = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    ranked = [w for w, c in sorted(counts.items(), key=lambda kv: -kv[1])]
    frequent, typical = ranked[:20], ranked[20:]
    pairs = []
    common = set(frequent)
    for text in sample:
        tokens = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
        pairs += [
            f"{a} {b}"
            for a, b in zip(tokens, tokens[1:], strict=False)
            if min(len(a), len(b)) >= 4 and a not in common and b not in common
        ]
    stop = set(STOP_WORDS)
    with_stop_words = []  # a stop word beside another word: checked as typed (phrases.py)
    for text in sample:
        tokens = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
        with_stop_words += [
            f"{a} {b} {c}"
            for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
            if (a in stop) + (b in stop) + (c in stop) == 1 and max(len(a), len(b), len(c)) >= 4
        ]
    kinds = ("term", "and", "phrase", "phrase, stop words", "prefix", "fuzzy", "frequent term")
    out: dict[str, list[str]] = {kind: [] for kind in kinds}
    for _ in range(n):
        out["term"].append(rng.choice(typical))
        out["and"].append(f"{rng.choice(typical)} AND {rng.choice(typical)}")
        out["phrase"].append(f'"{rng.choice(pairs)}"')
        out["phrase, stop words"].append(f'"{rng.choice(with_stop_words)}"')
        out["prefix"].append(rng.choice(typical)[:4] + "*")
        word = rng.choice(typical)
        i = rng.randrange(1, len(word))
        out["fuzzy"].append(word[:i] + rng.choice("aeiou") + word[i + 1 :] + "~")
        out["frequent term"].append(rng.choice(frequent))
    return out


def fts5_build(corpus: Path, db_path: Path) -> tuple[sqlite3.Connection, float]:
    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    start = time.perf_counter()
    rows = []
    for path in sorted(corpus.rglob("*.txt")):
        article = load_file(path)
        rows.append((article.id, article.title, "\n".join(b.text for b in article.blocks)))
        if len(rows) >= 2000:
            db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
            rows = []
    db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    db.commit()
    return db, time.perf_counter() - start


def fts5_query(q: str) -> str | None:
    if q.endswith("~"):
        return None  # FTS5 has no fuzzy matching
    return q


def time_queries(run, queries: list[str]) -> tuple[float, float] | None:
    times = []
    for q in queries:
        t = time.perf_counter()
        if run(q) is None:
            return None
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), pct(times, 0.95)


def bench_size(n: int, work: Path, nq: int, app: bool, keep: bool = False) -> None:
    corpus = work / f"corpus-{n}"
    if not (corpus / ".complete").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        t = time.perf_counter()
        generate(corpus, n)
        (corpus / ".complete").write_text("ok")
        print(f"  generated {n} articles in {time.perf_counter() - t:.0f} s")
    home = work / f"home-{n}"
    reuse = keep and (home / "index").exists()
    if not reuse:
        shutil.rmtree(home, ignore_errors=True)
    index = SearchIndex(corpus, home)
    t = time.perf_counter()
    report = index.sync()
    build = time.perf_counter() - t
    if reuse:
        print(
            f"  build: reused the index of an earlier run (--keep-index), {folder_size(index.folder) / 2**20:.0f} MiB"
        )
    else:
        print(
            f"  build: {build:.1f} s, {report.added / build:.0f} articles/s ({report.added} indexed), "
            f"index {folder_size(index.folder) / 2**20:.0f} MiB"
        )
    index.close()
    fresh = SearchIndex(corpus, home)
    t = time.perf_counter()
    nothing = fresh.sync()
    print(f"  sync, nothing changed (open + compare {nothing.unchanged} files): {time.perf_counter() - t:.2f} s")
    victim = sorted(corpus.rglob("*.txt"))[n // 2]
    victim.write_text(
        victim.read_text(encoding="utf-8") + f"\nA late paragraph about a quokka {time.time()}.\n", encoding="utf-8"
    )
    t = time.perf_counter()
    one = fresh.sync()
    print(f"  sync, one file changed: {time.perf_counter() - t:.2f} s ({one.changed} re-indexed)")
    queries = make_queries(corpus, nq)
    fts_path = work / f"fts5-{n}.sqlite"
    if keep and fts_path.exists():
        fts_db = sqlite3.connect(fts_path)
        print("  FTS5 build: reused (--keep-index)")
        # Both engines' files and the articles (snippets are cut from them) read once, as a
        # build leaves them in the page cache: a reused index was timed cold, FTS5's the more.
        files = [fts_path, *index.folder.rglob("*"), *corpus.rglob("*")]
        warmed = sum(_read_through(f) for f in files if f.is_file())
        print(f"  page cache warmed for both: {warmed / 2**20:.0f} MiB read")
    else:
        fts_db, fts_build = fts5_build(corpus, fts_path)
        print(f"  FTS5 build: {fts_build:.1f} s, {n / fts_build:.0f} articles/s")

    # What the app does once its index is ready (SearchIndex.prepare: the searcher opened, what
    # a first search reads of each segment read), timed here; FTS5 gets one query, untimed.
    t = time.perf_counter()
    fresh.prepare()
    print(f"  searcher prepared (the app does it in a worker once the index is ready): {time.perf_counter() - t:.3f} s")
    fts_db.execute("SELECT id FROM docs WHERE docs MATCH 'zzzzqx' LIMIT 1").fetchall()

    def ours(q: str):
        return fresh.search(q, limit=10)

    def fts(q: str):
        expr = fts5_query(q)
        if expr is None:
            return None
        return fts_db.execute(
            "SELECT id, snippet(docs, 2, '**', '**', ' … ', 24) FROM docs WHERE docs MATCH ? "
            "ORDER BY bm25(docs, 0, 2.0, 1.0) LIMIT 10",
            (expr,),
        ).fetchall()

    print(f"  {'query (ms, top 10 + snippets)':32} {'baldreader p50/p95':>20} {'FTS5 p50/p95':>16}  Whoosh's matchers")
    for kind, qs in queries.items():
        mine = time_queries(ours, qs)
        theirs = time_queries(fts, qs)
        theirs_text = f"{theirs[0]:7.1f}/{theirs[1]:7.1f}" if theirs else "     n/a (no fuzzy)"
        fallback = sum(ours(q).engine == "whoosh" for q in qs)  # queries our evaluator left to Whoosh
        print(f"  {kind:32} {mine[0]:9.1f}/{mine[1]:8.1f} {theirs_text:>18}  {fallback} of {len(qs)}")
    fresh.close()
    fts_db.close()
    if app:
        bench_app(corpus, home, n)


def bench_app(corpus: Path, home: Path, n: int) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    import fcntl
    import pty  # noqa: E401
    import select
    import struct
    import termios

    from startup import BALDREADER, one_run  # noqa: F401

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, BALDREADER_HOME=str(home), TERM="xterm-256color", COLUMNS="120", LINES="40")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [BALDREADER, "--corpus", str(corpus)], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
    )
    os.close(slave)
    marker = f"{n} of {n} articles".encode()
    seen, painted = b"", None
    while painted is None and time.perf_counter() - start < 300:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            seen = (seen + os.read(master, 65536))[-8192:]
            if marker in seen:
                painted = time.perf_counter() - start
    time.sleep(2.0)
    rss = int(re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{proc.pid}/status").read_text()).group(1)) / 1024
    presses = []
    for _ in range(20):
        while select.select([master], [], [], 0.05)[0]:
            os.read(master, 65536)
        t = time.perf_counter()
        os.write(master, b"j")
        if select.select([master], [], [], 5)[0]:
            os.read(master, 65536)
            presses.append((time.perf_counter() - t) * 1000)
        time.sleep(0.05)
    # Memory once searching has loaded its structures: a phrase and a word, typed as a reader would.
    for text in ('/"source close"', "\x1b", "/insider"):
        for ch in text:
            os.write(master, ch.encode())
            time.sleep(0.05)
        deadline = time.perf_counter() + 4
        while time.perf_counter() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                os.read(master, 65536)
    status = Path(f"/proc/{proc.pid}/status").read_text()
    searched_rss, searched_anon, searched_file = (
        int(re.search(rf"{key}:\s+(\d+)", status).group(1)) / 1024 for key in ("VmRSS", "RssAnon", "RssFile")
    )
    os.write(master, b"\x1b")
    time.sleep(0.3)
    os.write(master, b"q")
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    os.close(master)
    paint = f"{painted:.2f} s" if painted else "not within 300 s"
    print(
        f"  app: list painted {paint}; RSS {rss:.0f} MiB two seconds later, {searched_rss:.0f} MiB after two "
        f"searches ({searched_anon:.0f} MiB heap and other private memory, {searched_file:.0f} MiB pages of "
        f"memory-mapped index files); key press to repaint p50 {statistics.median(presses):.0f} ms, "
        f"p95 {pct(presses, 0.95):.0f} ms ({len(presses)} presses of j)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="baldreader search benchmark")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--queries", type=int, default=40)
    parser.add_argument("--work", type=Path, default=Path("/tmp/baldreader-bench"))
    parser.add_argument("--no-app", action="store_true")
    parser.add_argument("--keep-index", action="store_true", help="reuse an index built by an earlier run")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")
    for n in args.sizes:
        print(f"N = {n}")
        bench_size(n, args.work, args.queries, not args.no_app, args.keep_index)


if __name__ == "__main__":
    main()
