"""Round two, case 1: a file whose name is not valid UTF-8 must not break search for the whole
corpus, nor any listing; its name is shown escaped (`caf\\xe9`) and names the article for good."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus.files import article_ids, find_article_paths

pytestmark = pytest.mark.unit

CAFE = b"caf\xe9.txt"  # Latin-1 bytes: not UTF-8
CSI = b"x\x9b\x9d\x9c.txt"  # 0x9B is the one-byte CSI of a terminal


@pytest.fixture
def odd_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "plain.txt").write_text("Plain Story\n\nAn insider said nothing.\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), CAFE), "wb") as f:
        f.write(b"Cafe Story\n\nThe insider revealed the menu.\n")
    with open(os.path.join(os.fsencode(folder), CSI), "wb") as f:
        f.write(b"Odd Story\n\nBody of the odd one.\n")
    return folder


def run(*args: str, home: Path, strict: bool = False) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    if strict:
        env["PYTHONIOENCODING"] = "utf-8:strict"
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, timeout=120, env=env)


def test_search_and_index_work_with_a_non_utf8_file_name(odd_corpus: Path, isolated_home: Path) -> None:
    index = run("index", "--corpus", str(odd_corpus), home=isolated_home)
    assert index.returncode == 0, index.stderr.decode()
    assert b"3 articles indexed" in index.stdout
    search = run("search", "--json", "--corpus", str(odd_corpus), "insider", home=isolated_home)
    assert search.returncode == 0, search.stderr.decode()
    hits = [json.loads(line) for line in search.stdout.decode("utf-8").splitlines()]
    assert sorted(h["id"] for h in hits) == ["caf\\xe9", "plain"]
    cafe = next(h for h in hits if h["id"] == "caf\\xe9")
    # The path is the file's own (a JSON escape of the byte), so the hit can be opened again.
    assert Path(cafe["path"]).read_bytes().startswith(b"Cafe Story")


def test_a_second_sync_keeps_the_odd_file_and_sees_it_change(odd_corpus: Path, isolated_home: Path) -> None:
    assert run("index", "--corpus", str(odd_corpus), home=isolated_home).returncode == 0
    path = os.path.join(os.fsencode(odd_corpus), CAFE)
    with open(path, "wb") as f:
        f.write(b"Cafe Story\n\nThe waiter revealed the menu, a longer text now.\n")
    again = run("index", "--corpus", str(odd_corpus), home=isolated_home)
    assert b"1 changed" in again.stdout, again.stdout
    found = run("search", "--json", "--corpus", str(odd_corpus), "waiter", home=isolated_home)
    assert [json.loads(line)["id"] for line in found.stdout.decode().splitlines()] == ["caf\\xe9"]
    os.unlink(path)
    gone = run("index", "--corpus", str(odd_corpus), home=isolated_home)
    assert b"1 removed" in gone.stdout, gone.stdout


@pytest.mark.parametrize("command", [["list"], ["list", "--json"], ["analyze"], ["analyze", "--json"]])
def test_listings_under_a_strict_utf8_stdout(odd_corpus: Path, isolated_home: Path, command: list[str]) -> None:
    out = run(*command, "--corpus", str(odd_corpus), home=isolated_home, strict=True)
    assert out.returncode == 0, out.stderr.decode()
    out.stdout.decode("utf-8")  # valid UTF-8 throughout
    assert b"\x9b" not in out.stdout and b"\xc2\x9b" not in out.stdout  # no CSI, in either form
    if "--json" not in command:
        assert b"caf\\xe9" in out.stdout and b"x\\x9b\\x9d\\x9c" in out.stdout


def test_ids_are_text_stable_and_unique(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    for name in (CAFE, CSI, b"a.txt", b"a.md"):
        with open(os.path.join(os.fsencode(folder), name), "wb") as f:
            f.write(b"T\n\nx.\n")
    paths = find_article_paths(folder)
    ids = article_ids(folder, paths)
    assert sorted(ids.values()) == ["a.md", "a.txt", "caf\\xe9", "x\\x9b\\x9d\\x9c"]
    for article_id in ids.values():
        article_id.encode("utf-8")  # storable and printable
    assert article_ids(folder, paths) == ids
