"""The people pass on real news (issue 31, item 1): how fast a corpus of general news becomes
searchable by `person:`. Articles are taken from a folder of real news texts (PolNeAR's train
split, fetched into the git-ignored data-external/: political news from many outlets, real
names), copied COPIES times into a fresh corpus, each copy with a sentence of its own so that no
analysis is read from a cache. Then, each as a user would run it (new processes, 2 cores):

    baldreader index --no-people   the words indexed, people left pending (timed)
    baldreader index --people      the people pass (timed)

and prints articles per second for each and for both together, with the load average. A sync
of at most 5,000 new articles (PEOPLE_LIMIT) reads their people itself, leaving the pass nothing:
take COPIES so that there are more (7 copies of PolNeAR's 840 train texts: 5,880).

    python bench/people_pass.py data-external/polnear/data/train/text [--copies 7] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(corpus: Path, home: Path, *args: str) -> float:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--corpus", str(corpus), "--home", str(home), "index", *args],
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"index {' '.join(args)} failed: {done.stderr[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", type=Path, help="a folder of news articles as .txt files")
    parser.add_argument("--copies", type=int, default=7)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    sources = sorted(args.texts.glob("*.txt"))
    if not sources:
        raise SystemExit(f"no .txt files in {args.texts}")
    work = args.work or Path(tempfile.mkdtemp(prefix="people-pass-"))
    corpus, home = work / "corpus", work / "home"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)
    corpus.mkdir(parents=True)
    words = 0
    for copy in range(args.copies):
        for n, source in enumerate(sources):
            text = source.read_text(encoding="utf-8", errors="replace").rstrip("\n")
            text += f"\n\nThis is copy {copy} of article {n} in the benchmark.\n"
            words += len(text.split())
            (corpus / f"c{copy}-{source.name}").write_text(text, encoding="utf-8")
    total = args.copies * len(sources)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus; load average {os.getloadavg()[0]:.2f}")
    print(f"{total:,} articles ({len(sources)} texts of {args.texts} x {args.copies}), {words / total:.0f} words each")
    indexed = run(corpus, home, "--no-people")
    print(f"  index --no-people: {indexed:.1f} s, {total / indexed:.0f} articles/s")
    people = run(corpus, home, "--people")
    print(f"  index --people (the people pass): {people:.1f} s, {total / people:.0f} articles/s")
    both = indexed + people
    print(f"  searchable by person: {both:.1f} s in all, {total / both:.0f} articles/s")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.work is None:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
