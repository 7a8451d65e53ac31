"""Round two, case 5: readers never wait on a writer's lock. With another process holding the
corpus's sync lock (a stopped or slow index build), `search` answers from what is indexed at
once; `index` waits its turn for a bounded time and then says it did not sync (rc 1), and a
`--rebuild` that could not run is never reported as done."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.search.catalog_db import index_folder

pytestmark = pytest.mark.unit


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    # A hang fails the test through this timeout (generous for a busy machine).
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120, env=env)


@contextmanager
def lock_held_elsewhere(corpus: Path, home: Path) -> Iterator[None]:
    """The sync lock held as a stopped `index` would hold it."""
    folder = index_folder(corpus, home)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / "sync.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def test_search_answers_from_what_is_indexed(seeds: Path, isolated_home: Path) -> None:
    assert run(isolated_home, "index").returncode == 0
    with lock_held_elsewhere(seeds, isolated_home):
        out = run(isolated_home, "search", "insider")
    assert out.returncode == 0, out.stderr
    assert "searched what is indexed" in out.stderr and "3 hits" in out.stderr


def test_search_with_no_index_yet_says_so(seeds: Path, isolated_home: Path) -> None:
    with lock_held_elsewhere(seeds, isolated_home):
        out = run(isolated_home, "search", "insider")
    assert out.returncode == 1
    assert "building this corpus's search index; nothing to search yet" in out.stderr


@pytest.mark.parametrize("rebuild", [False, True])
def test_index_waits_a_bounded_time_then_says_not_done(seeds: Path, isolated_home: Path, rebuild: bool) -> None:
    assert run(isolated_home, "index").returncode == 0
    with lock_held_elsewhere(seeds, isolated_home):
        out = run(isolated_home, "index", "--wait", "0.5", *(["--rebuild"] if rebuild else []))
    assert out.returncode == 1
    assert f"not {'rebuilt' if rebuild else 'synced'}" in out.stderr
    assert "articles indexed" not in out.stdout  # never "0 articles indexed" as if done
