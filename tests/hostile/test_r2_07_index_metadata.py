"""Round two, case 7: damage to the index's own files and folders (metadata as a FIFO, nested
100,000 deep, with a NUL in a name, as a folder; the catalog or the sync lock as a folder;
`whoosh/`, `index/<key>`, `index/` as files; a killed worker; a full disk) gives an index that
works again or one line saying why, never a hang or a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.search import SearchIndex
from reader.search import build as build_module
from reader.search import indexing as indexing_module
from reader.search.catalog_db import index_folder

pytestmark = pytest.mark.unit


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


def _deep(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000)


def _nul(path: Path) -> None:
    meta = json.loads(path.read_text())
    meta["files"]["a\0b"] = [1, 2]
    path.write_text(json.dumps(meta))


def _folder_for(path: Path) -> None:
    for extra in path.parent.glob(path.name + "*"):
        extra.unlink()
    path.mkdir()


def _file_for(path: Path) -> None:
    shutil.rmtree(path)
    path.write_text("not a folder")


DAMAGES = {
    "meta.json as a FIFO": lambda f: _fifo(f / "meta.json"),
    "meta.json nested 100,000 deep": lambda f: _deep(f / "meta.json"),
    "meta.json naming a file with a NUL": lambda f: _nul(f / "meta.json"),
    "meta.json as a folder": lambda f: _folder_for(f / "meta.json"),
    "catalog.sqlite as a folder": lambda f: _folder_for(f / "catalog.sqlite"),
    "sync.lock as a folder": lambda f: _folder_for(f / "sync.lock"),
    "listing.marshal as a FIFO": lambda f: _fifo(f / "listing.marshal"),
    "whoosh/ as a file": lambda f: _file_for(f / "whoosh"),
    "index/<key> as a file": lambda f: _file_for(f),
    "index/ as a file": lambda f: _file_for(f.parent),
}


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, BALDREADER_HOME=str(home))
    # A hang (a FIFO read) fails the test through this timeout.
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_search_and_index_recover(seeds: Path, isolated_home: Path, damage: str) -> None:
    assert run(isolated_home, "index").returncode == 0
    folder = index_folder(seeds, isolated_home)
    DAMAGES[damage](folder)
    search = run(isolated_home, "search", "insider")
    assert search.returncode == 0 and "Traceback" not in search.stderr, search.stderr
    assert "3 hits" in search.stderr
    index = run(isolated_home, "index")
    assert index.returncode == 0 and "5 articles indexed" in index.stdout, index.stderr
    if damage == "index/ as a file":
        assert "moved aside" in search.stderr
        assert [p.name.startswith("index.not-a-folder-") for p in isolated_home.iterdir()].count(True) == 1


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}\n\nThe insider said story {i} was true.\n")
    return folder


def test_a_killed_worker_means_indexing_again(tmp_path: Path, monkeypatch) -> None:
    corpus = _corpus(tmp_path / "corpus", 120)
    monkeypatch.setattr(indexing_module, "PARALLEL_MIN", 50)
    monkeypatch.setattr(build_module, "workers_available", lambda: 2)
    real_work, killed = build_module._work, tmp_path / "killed-once"

    def work_then_die(*args):
        if not killed.exists():
            killed.write_text("")
            os._exit(137)  # as kill -9 would end it
        return real_work(*args)

    monkeypatch.setattr(build_module, "_work", work_then_die)
    index = SearchIndex(corpus, tmp_path / "home")
    report = index.sync()
    assert report.added == 120 and index.doc_count() == 120
    assert any("indexing worker process ended" in r and "indexing again" in r for r in index.repairs)
    assert len(index.search("insider", limit=200).hits) == 120


def _can_mount() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount(), reason="needs root and mount namespaces for a small file system")
def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 400)
    home = tmp_path / "small-home"
    home.mkdir()
    script = (
        f'mount -t tmpfs -o size=96k tmpfs "{home}" && '
        f'"{sys.executable}" -m reader --home "{home}" index --corpus "{corpus}"; echo "index:$?"; '
        f'"{sys.executable}" -m reader --home "{home}" search insider --corpus "{corpus}"; echo "search:$?"'
    )
    out = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    assert "index:1" in out.stdout and "search:1" in out.stdout, out.stdout + out.stderr
    assert "No space left on device" in out.stderr and "Traceback" not in out.stderr, out.stderr


@pytest.mark.app
async def test_the_app_says_search_is_unavailable_instead_of_indexing_for_ever(seeds, isolated_home, monkeypatch):
    import asyncio

    from conftest import settled

    from reader.search import background
    from reader.ui.app import ReaderApp
    from reader.ui.screens.main import MainScreen

    def full_disk(*args, **kwargs):
        raise RuntimeError("baldreader: cannot write the search index in /x (No space left on device)")

    monkeypatch.setattr(background, "sync_in_child", full_disk)
    app = ReaderApp(corpus=seeds, home=isolated_home)

    async def run_app() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            while not isinstance(app.screen, MainScreen) or app.screen.search.unavailable is None:
                await pilot.pause(0.05)
            await pilot.press("/", *"insider")
            shown = ""
            while "search is unavailable" not in shown:  # what the screen shows, awaited
                await pilot.pause(0.05)
                shown = app.export_screenshot().replace("&#160;", " ")
            await settled(pilot)
            assert "indexing" not in app.export_screenshot().replace("&#160;", " ")
            await pilot.press("escape", "escape", "q")

    await asyncio.wait_for(run_app(), timeout=120)
