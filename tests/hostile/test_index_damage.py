"""Issue 9, item 7: any failure to read the index means: say so, rebuild, answer. Every kind of
file in an index folder is deleted, truncated or garbled; the search still gives the hits of the
undamaged index, never a traceback."""

from __future__ import annotations

import json
import marshal
import os
import shutil
from pathlib import Path

import pytest
from test_search_engine import _corpus

from reader.search import SearchIndex
from reader.search import build as build_module
from reader.search import indexing as indexing_module
from reader.search.catalog_db import LISTING_FORMAT, SCHEMA_VERSION, stored_listing
from reader.search.integrity import IndexDamaged

QUERIES = ["insider", "carpet OR yoga", '"red carpet"', '"alec baldwin said"', "sourc*", "divorse~"]
KINDS = ["*.toc", "*.seg", "*.pairs", "meta.json", "catalog.sqlite", "listing.marshal"]
DAMAGES = ["delete", "truncate", "garble"]


def answers(index: SearchIndex) -> dict[str, list[str]]:
    return {q: sorted(h.id for h in index.search(q, limit=1000, with_snippets=False).hits) for q in QUERIES}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """A corpus indexed in worker processes (so segments have .pairs files), and its answers."""
    root = tmp_path_factory.mktemp("damage")
    corpus = _corpus(root / "corpus", 240)
    home = root / "home"
    patch = pytest.MonkeyPatch()
    patch.setattr(indexing_module, "PARALLEL_MIN", 50)
    patch.setattr(build_module, "workers_available", lambda: 2)
    index = SearchIndex(corpus, home)
    index.sync()
    expected = answers(index)
    index.close()
    patch.undo()
    assert list((index.folder / "whoosh").glob("*.pairs"))
    assert all(expected[q] for q in QUERIES)
    return corpus, home, expected


def damage(folder: Path, kind: str, how: str) -> list[Path]:
    targets = sorted((folder / "whoosh").glob(kind)) if kind.startswith("*") else [folder / kind]
    targets = [t for t in targets if t.exists()]
    assert targets, kind
    for path in targets:
        if how == "delete":
            path.unlink()
        elif how == "truncate":
            path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 3)])
        else:
            raw = bytearray(path.read_bytes())
            for i in range(len(raw) // 4, len(raw), max(1, len(raw) // 97)):
                raw[i] ^= 0x5A
            path.write_bytes(bytes(raw))
    return targets


def fresh_copy(pristine, tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus, home, _ = pristine
    copy = tmp_path / "home"
    shutil.copytree(home, copy)
    folder = next((copy / "index").iterdir())
    return corpus, copy, folder


@pytest.mark.parametrize("how", DAMAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_sync_then_search_answers_as_before(pristine, tmp_path, kind, how) -> None:
    """The shell's path (`baldreader search` syncs first)."""
    corpus, home, folder = fresh_copy(pristine, tmp_path)
    damage(folder, kind, how)
    index = SearchIndex(corpus, home)
    index.sync()
    assert answers(index) == pristine[2]
    index.close()


@pytest.mark.parametrize("how", ["delete", "garble"])
@pytest.mark.parametrize("kind", ["*.seg", "*.pairs", "*.toc"])
def test_damage_under_an_open_index_is_reported_then_rebuilt(pristine, tmp_path, kind, how) -> None:
    """The app's path: the index is open and has answered; its files are damaged; the next
    search either still answers right or says the index is damaged, and a rebuild answers.
    (Not truncation: segment files are memory-mapped, and a mapped file cut short under a
    running process is a SIGBUS in any program that maps files; the next start's sync sees it.)"""
    corpus, home, folder = fresh_copy(pristine, tmp_path)
    index = SearchIndex(corpus, home)
    assert index.open_existing()
    index.search("insider")
    damage(folder, kind, how)
    try:
        got = answers(index)
    except IndexDamaged as exc:
        assert str(exc)
        index.close()
        index.sync(rebuild=True)
        got = answers(index)
    assert got == pristine[2]
    index.close()


def test_cli_search_on_a_damaged_index_says_so_and_answers(pristine, tmp_path, capsys) -> None:
    from reader.cli import main

    corpus, home, folder = fresh_copy(pristine, tmp_path)
    damage(folder, "*.seg", "garble")
    assert main(["--corpus", str(corpus), "--home", str(home), "search", "--json", "insider", "--limit", "1000"]) == 0
    out, err = capsys.readouterr()
    assert sorted(json.loads(line)["id"] for line in out.splitlines()) == pristine[2]["insider"]
    assert "index" in err


def test_a_garbled_pairs_file_with_its_old_timestamp_loses_no_hits(pristine, tmp_path) -> None:
    """Same size, same modification time: only the checksum inside tells."""
    corpus, home, folder = fresh_copy(pristine, tmp_path)
    for path in (folder / "whoosh").glob("*.pairs"):
        info = path.stat()
        raw = bytearray(path.read_bytes())
        for i in range(300_000, len(raw), 5):
            raw[i] = 0
        path.write_bytes(bytes(raw))
        os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    index = SearchIndex(corpus, home)
    index.sync()
    assert answers(index) == pristine[2]
    index.close()


@pytest.mark.parametrize("content", ["null", "[]", '"x"', "{", '{"schema": null}', '{"schema": 5, "files": 3}'])
def test_odd_meta_json(pristine, tmp_path, content) -> None:
    corpus, home, folder = fresh_copy(pristine, tmp_path)
    (folder / "meta.json").write_text(content)
    if "files" not in content:
        assert len(stored_listing(folder, SCHEMA_VERSION)) == 0
    index = SearchIndex(corpus, home)
    index.sync()
    assert answers(index) == pristine[2]
    index.close()


@pytest.mark.parametrize(
    "rows",
    [
        [("a", "b")],
        [("a", "b", None, 1, 0, 0)],
        [None],
        "text",
        [("a",) * 7],
        [("id", "title", None, 3, 0, 0, "/p")] + [("short",)],  # the first format, one row bad
        (LISTING_FORMAT, ["id"], ["title"], [None], [3], [0], [0], ["/p"]),  # numbers where flags belong
        (LISTING_FORMAT, ["id"], ["title"], [None], [3], [False], [False], []),  # a path missing
        (LISTING_FORMAT, ["id"], ["title"], [2024], [3], [False], [False], ["/p"]),  # a date not text
        (LISTING_FORMAT, ["id"], ["title"], [None], [3], [False], ["/p"]),  # a column missing
        (LISTING_FORMAT, ("id",), ["title"], [None], [3], [False], [False], ["/p"]),  # not a list
        (LISTING_FORMAT, ["id"], ["title"], [None], [3], [False], [False], [None]),
        ("listing-1", ["id"], ["title"], [None], [3], [False], [False], ["/p"]),  # another format
    ],
)
def test_a_crafted_listing_falls_back_to_the_catalog(pristine, tmp_path, rows) -> None:
    corpus, home, folder = fresh_copy(pristine, tmp_path)
    (folder / "listing.marshal").write_bytes(marshal.dumps(rows))
    listing = stored_listing(folder, SCHEMA_VERSION)
    assert len(listing) == 240 == len(listing.paths) and all(len(r) == 7 for r in listing.rows())  # an Entry's fields
    assert not (folder / "listing.marshal").exists()  # written anew by the next sync
