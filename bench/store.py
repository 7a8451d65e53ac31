"""Store speed with a large notes file: load and add-a-note times, median of several runs.

Builds a store of N notes (default 10,000) in a temp folder, then measures:
- load, warm: a new Store reading notes.yaml with its JSON cache valid (the usual launch);
- load, cold: the same after the cache is removed (first launch after a hand edit): full
  PyYAML safe parse;
- the first add after a cold load: the file's layout is not known, so it is rewritten whole;
- add one note from a running instance (lock, check the file is unchanged, append, fsync,
  replace, keep the backup);
- add one note after another process appended one (parse only the added bytes, append).

    python bench/store.py [--notes 10000] [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from reader.store import Note, Store
from reader.store.fileio import cache_path, dump_document
from reader.store.model import Anchor


def sample_note(i: int) -> Note:
    return Note(
        id="",
        anchor=Anchor(
            article=f"{i % 500:03d}_article",
            article_title=f"Headline number {i}",
            paragraph=i % 30 + 1,
            quote="Hilaria sharply rebuked Alec for interrupting her during the interview",
            before="embarrassed, quickly ",
            after=" telling him on camera",
        ),
        text=f"Note {i}: check against the video.\nSecond line with: colon",
        tags=["check", "video"],
        status="unverified",
        target="passage",
    )


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(label: str, values: list[float]) -> None:
    print(
        f"{label:<42} median {statistics.median(values):8.1f} ms   min {min(values):7.1f}   "
        f"max {max(values):7.1f}   ({len(values)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="baldreader store benchmark")
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notes.yaml"
        start = time.perf_counter()
        notes = [
            sample_note(i).to_dict()
            | {"id": f"n-{i:08x}", "created": "2026-11-22T03:00:00Z", "updated": "2026-11-22T03:00:00Z"}
            for i in range(args.notes)
        ]
        path.write_bytes(dump_document({"version": 1, "bookmarks": [], "notes": notes}))
        store = Store(path).load()  # parses once and writes the cache
        print(
            f"store of {len(store.notes())} notes, {path.stat().st_size / 1e6:.1f} MB, built in "
            f"{time.perf_counter() - start:.1f} s"
        )

        report("load, warm (JSON cache valid)", timed(lambda: Store(path).load(), args.runs))

        def cold() -> None:
            cache_path(path).unlink(missing_ok=True)
            Store(path).load()

        report("load, cold (full YAML parse)", timed(cold, max(3, args.runs // 5)))

        running = Store(path).load()
        counter = iter(range(10**9))
        report(
            "first add after a cold load (full rewrite)", timed(lambda: running.add_note(sample_note(next(counter))), 1)
        )
        running.flush_cache()
        running = Store(path).load()
        report("add a note (running instance)", timed(lambda: running.add_note(sample_note(next(counter))), args.runs))

        running.flush_cache()  # as the app does shortly after each change
        other = Store(path).load()

        def add_after_other_process() -> None:
            other.add_note(sample_note(next(counter)))  # the file changes under `running`
            running.add_note(sample_note(next(counter)))

        values = timed(add_after_other_process, max(3, args.runs // 5))
        report("add after another process wrote (x2 adds)", values)
        running.flush_cache()


if __name__ == "__main__":
    main()
