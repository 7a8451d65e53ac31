"""Round two, case 8: the files beside the notes store. Its cache as a FIFO no longer hangs every
notes command; a cache whose hash matches but whose document is nested 100,000 deep or has the
wrong shape is checked like the file and set aside; the lock as a folder, or as a link (dangling
or not), is never followed, created through, or a traceback."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
SEED = "000_6942a464acb45268"


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    # A hang (a FIFO opened for reading) fails the test through this timeout.
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def noted(isolated_home: Path) -> Path:
    for text in ("first note", "second note"):
        out = run(isolated_home, "notes", "add", SEED, "--text", text)
        assert out.returncode == 0, out.stderr
    return isolated_home


def _listed(home: Path) -> list[str]:
    out = run(home, "notes", "list", "--json")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    return sorted(json.loads(line)["text"] for line in out.stdout.splitlines())


def _cache(home: Path) -> Path:
    return home / ".notes.yaml.cache.json"


def _sha(home: Path) -> str:
    return hashlib.sha256((home / "notes.yaml").read_bytes()).hexdigest()


def test_a_fifo_cache_never_hangs(noted: Path) -> None:
    _cache(noted).unlink(missing_ok=True)
    os.mkfifo(_cache(noted))
    assert _listed(noted) == ["first note", "second note"]
    out = run(noted, "notes", "add", SEED, "--text", "third note")
    assert out.returncode == 0, out.stderr
    assert len(_listed(noted)) == 3


@pytest.mark.parametrize(
    "doc",
    [
        "[" * 100_000 + "]" * 100_000,  # nested past the parser's depth
        json.dumps({"version": 1, "bookmarks": [], "notes": "not a list"}),
        json.dumps({"version": "x", "notes": []}),
        json.dumps({"version": 1, "bookmarks": {}, "notes": [7]}),
    ],
    ids=["deep", "notes-not-a-list", "version-not-a-number", "entries-not-mappings"],
)
def test_a_cache_that_matches_the_hash_is_still_checked(noted: Path, doc: str) -> None:
    _cache(noted).write_text(f'{{"sha": "{_sha(noted)}", "appendable": true, "doc": {doc}}}')
    assert _listed(noted) == ["first note", "second note"]


def test_a_lock_that_is_a_folder_says_so(noted: Path) -> None:
    lock = noted / "notes.yaml.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    assert _listed(noted) == ["first note", "second note"]  # reading goes on
    out = run(noted, "notes", "add", SEED, "--text", "third note")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "notes.yaml.lock is a folder" in out.stderr and "nothing was saved" in out.stderr


def test_a_dangling_link_as_the_lock_creates_nothing(noted: Path, tmp_path: Path) -> None:
    lock = noted / "notes.yaml.lock"
    lock.unlink(missing_ok=True)
    target = tmp_path / "planted-by-someone"
    lock.symlink_to(target)
    out = run(noted, "notes", "add", SEED, "--text", "third note")
    assert not target.exists()  # O_CREAT did not follow the link
    assert out.returncode == 2 and "symbolic link" in out.stderr and "Traceback" not in out.stderr
    assert _listed(noted) == ["first note", "second note"]
