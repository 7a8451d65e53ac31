"""Cost of `baldreader search` on a corpus where nothing changed, against `baldreader --version`.

Generates a corpus of N articles (bench/corpus.py) plus D exact copies of some of them (files a
sync must recognise as duplicates), indexes it once, then alternates `baldreader --version` and
`baldreader search WORD` (each a fresh process, as from a shell) and prints the median of each
and the difference. Issue 12, item 15 asks for at most 150 ms more than --version on a
2,225-article corpus with 98 duplicates.

    python bench/shell_search.py [--articles 2127] [--duplicates 98] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

BALDREADER = shutil.which("baldreader") or str(Path(sys.executable).parent / "baldreader")


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2127)
    parser.add_argument("--duplicates", type=int, default=98)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--word", default="baldwin")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, home = Path(tmp) / "corpus", Path(tmp) / "home"
        generate(corpus, args.articles, seed=1)
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        for path in files[: args.duplicates]:
            shutil.copy2(path, path.with_name("copy-" + path.name))
        env = dict(os.environ, BALDREADER_HOME=str(home))
        search = [BALDREADER, "--corpus", str(corpus), "search", args.word]
        first = timed([BALDREADER, "--corpus", str(corpus), "index"], env)
        timed(search, env)  # and once more, as any earlier session would have
        version, searched = [], []
        for _ in range(args.runs):
            version.append(timed([BALDREADER, "--version"], env))
            searched.append(timed(search, env))
        v, s = statistics.median(version), statistics.median(searched)
        total = len(files) + args.duplicates
        print(f"corpus: {total} files ({args.duplicates} duplicates); first index {first:.1f} s")
        print(f"baldreader --version      median {v * 1000:6.0f} ms  (min {min(version) * 1000:.0f})")
        print(f"baldreader search {args.word:8} median {s * 1000:6.0f} ms  (min {min(searched) * 1000:.0f})")
        print(f"difference                median {(s - v) * 1000:6.0f} ms  (target: at most 150 ms)")


if __name__ == "__main__":
    main()
