"""Peak memory of `baldreader index` across its processes (the parent and the worker processes
it forks), on a generated corpus (bench/corpus.py) of N articles, from scratch.

The process tree is sampled every 50 ms from /proc: the sum over its processes of the resident
set (RSS, which counts pages a fork shares with its parent once per process) and of the
proportional set (PSS, from smaps_rollup: a shared page split between the processes sharing it,
so the sum is the memory the tree really holds). Both peaks are printed, with the wall time.

    python bench/index_memory.py [--articles 20000] [--work /tmp/baldreader-memory] [--people]

Without --people the sync is run as `index --no-people` (text only); with it, the people pass
runs too (each article analysed). Linux only.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402


def tree(root: int) -> list[int]:
    """`root` and every process below it, from /proc's parent links."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def memory(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) once it has gone."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
    except OSError:
        return 0, 0
    kb = lambda name: int(fields.get(name, "0 kB").split()[0])  # noqa: E731
    return kb("Rss") * 1024, kb("Pss") * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/baldreader-memory"))
    parser.add_argument("--people", action="store_true", help="run the people pass too")
    args = parser.parse_args()
    corpus = args.work / f"corpus-{args.articles}"
    if not corpus.is_dir():
        print(f"generating {args.articles:,} articles in {corpus} …", flush=True)
        generate(corpus, args.articles)
    home = args.work / "home"
    subprocess.run(["rm", "-rf", str(home)], check=True)
    command = [sys.executable, "-m", "reader", "--home", str(home), "index", "--corpus", str(corpus)]
    if not args.people:
        command.append("--no-people")
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = most = 0
    while child.poll() is None:
        pids = tree(child.pid)
        rss, pss = (sum(values) for values in zip(*(memory(p) for p in pids), strict=True))
        peak_rss, peak_pss, most = max(peak_rss, rss), max(peak_pss, pss), max(most, len(pids))
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    out, err = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"index failed ({child.returncode}): {err.strip()[-500:]}")
    print(out.strip().splitlines()[0])
    print(
        f"index of {args.articles:,} articles{' with people' if args.people else ''}: {seconds:.1f} s; "
        f"peak across its processes (at most {most}): RSS {peak_rss / 2**20:.0f} MiB ({peak_rss / 1e6:.0f} MB), "
        f"PSS {peak_pss / 2**20:.0f} MiB ({peak_pss / 1e6:.0f} MB) (target: 500 MB)"
    )


if __name__ == "__main__":
    main()
