"""One article added to a large indexed corpus (issue 31, item 2): from the file written to the
article searchable, by a whole sync (the walk, every file's stamp; the list's change to the listing's journal) and
by `index_files` (that file alone), by the app's folder watch (corpus.watching's
`article_changes`, then `index_new_files`, as the app's corpus controller calls them: from the
file written to the article found by a search), and end to end in a new process: `baldreader
index FILE` (a text file written into the corpus) and `baldreader add FILE` (a saved web page,
extracted).

    python bench/add_one.py CORPUS HOME [--times 5]

CORPUS must already be indexed in HOME (`baldreader --corpus CORPUS --home HOME index`, e.g. on
a corpus from bench/corpus.py). Each run writes a new article into CORPUS/added-by-bench/ and
removes it afterwards (a sync puts the index back as it was)."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from reader.corpus.watching import article_changes
from reader.indexed import index_new_files, open_index

PAGE = (
    "<html><head><title>Shell page {n}</title></head><body><article><h1>Shell page {n}</h1>"
    "<p>The mayor said on Monday that zanzibarquokkap{n} was fine, and that the council would meet again "
    "next week to talk about the budget and the new harbour wall.</p></article></body></html>"
)
ARTICLE = "date 2024-06-{day:02d}\nBench article number {n}\n\nThe mayor said that zanzibarquokka{n} would be built.\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("home", type=Path)
    parser.add_argument("--times", type=int, default=5)
    args = parser.parse_args()
    corpus, home, folder = args.corpus.resolve(), args.home, args.corpus.resolve() / "added-by-bench"
    index = open_index(corpus, home)
    if not index.open_existing():
        print("no index of this corpus in HOME: `baldreader --corpus CORPUS --home HOME index` first")
        return 2
    print(f"{index.doc_count():,} articles indexed; load average {os.getloadavg()[0]:.2f}")
    folder.mkdir(exist_ok=True)
    synced, alone, shell, shell_index = [], [], [], []
    written: list[Path] = []
    watch = _Watch(corpus, home)
    try:
        watched = watch.times(folder, args.times, index)
        for n in range(args.times):
            path = folder / f"sync-{n}.txt"
            path.write_text(ARTICLE.format(day=n + 1, n=f"s{n}"))
            started = time.perf_counter()
            report = index.sync()
            synced.append(time.perf_counter() - started)
            assert report.added == 1 and index.search(f"zanzibarquokkas{n}").total == 1
            path = folder / f"alone-{n}.txt"
            path.write_text(ARTICLE.format(day=n + 1, n=f"a{n}"))
            started = time.perf_counter()
            report = index.index_files([path])
            found = index.search(f"zanzibarquokkaa{n}").total
            alone.append(time.perf_counter() - started)
            assert report is not None and report.added == 1 and found == 1
            path = folder / f"cli-{n}.txt"
            path.write_text(ARTICLE.format(day=n + 1, n=f"c{n}"))
            command = [sys.executable, "-m", "reader", "--corpus", str(corpus), "--home", str(home), "index", str(path)]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            shell_index.append(time.perf_counter() - started)
            assert done.returncode == 0, done.stderr
            assert index.search(f"zanzibarquokkac{n}").total == 1  # searchable without a sync
            page = Path(tempfile.mkdtemp()) / f"page-{n}.html"
            page.write_text(PAGE.format(n=n))
            command = [sys.executable, "-m", "reader", "--corpus", str(corpus), "--home", str(home), "add", str(page)]
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True)
            shell.append(time.perf_counter() - started)
            assert done.returncode == 0, done.stderr
            written.append(corpus / done.stdout.split("added ", 1)[1].split(":", 1)[0])
            shutil.rmtree(page.parent)
            assert index.search(f"zanzibarquokkap{n}").total == 1  # searchable without a sync
    finally:
        watch.stop.set()
        shutil.rmtree(folder, ignore_errors=True)
        for path in written:
            path.unlink(missing_ok=True)
        index.sync()  # the bench's articles out again
        index.close()
    for label, times in (
        ("whole sync, one file added", synced),
        ("index_files, the file alone", alone),
        ("the app's folder watch, written to found", watched),
    ):
        print(f"{label}: median {statistics.median(times):.3f} s, max {max(times):.3f} s ({len(times)} runs)")
    for label, times in (
        ("`baldreader index FILE` (a text file)", shell_index),
        ("`baldreader add FILE` (a web page)", shell),
    ):
        print(f"{label} end to end, a new process: median {statistics.median(times):.3f} s, max {max(times):.3f} s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


class _Watch:
    """The app's folder watch, in a thread: each burst of changes indexed on its own, the time
    it was done kept."""

    def __init__(self, corpus: Path, home: Path) -> None:
        self.corpus, self.home = corpus, home
        self.stop = threading.Event()
        self.done: list[tuple[list[Path], float]] = []
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        for paths in article_changes(self.corpus, self.stop):
            report = index_new_files(self.corpus, self.home, paths, stop=self.stop.is_set)
            self.done.append((paths, time.perf_counter()))
            assert report is not None and report.added == len(paths), report
            self.ready.set()

    def times(self, folder: Path, runs: int, index: Any) -> list[float]:
        """From each file written to its article found by a search of an index open since
        before (as the app's; the first file, written while the watch starts, is left out: the
        watch walks the corpus's folders first)."""
        self.thread.start()
        found = []
        for n in range(runs + 1):
            self.ready.clear()
            path = folder / f"watched-{n}.txt"
            started = time.perf_counter()
            path.write_text(ARTICLE.format(day=n + 1, n=f"w{n}"))
            while not self.ready.wait(30 if n == 0 else 5):
                path.touch()  # written before the watch began: seen when written again
            assert index.search(f"zanzibarquokkaw{n}").total == 1
            if n:
                found.append(time.perf_counter() - started)
        self.stop.set()  # the other measurements' files are not the watch's to index
        self.thread.join()
        return found


if __name__ == "__main__":
    sys.exit(main())
