"""Round two, case 9: an edit that keeps the file's size and puts its modification time back
(`touch -r`, an editor that preserves times) is re-indexed: the sync compares the status-change
time, which every write sets and nothing can set back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.search import SearchIndex

pytestmark = pytest.mark.unit


def _ids(index: SearchIndex, query: str) -> list[str]:
    return [h.id for h in index.search(query, limit=10).hits]


def test_a_same_size_edit_with_its_time_put_back_is_seen(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = corpus / "story.txt"
    story.write_text("A Story\n\nThe waiter said hello.\n")
    (corpus / "other.txt").write_text("Other\n\nNothing here.\n")
    index = SearchIndex(corpus, tmp_path / "home")
    index.sync()
    assert _ids(index, "waiter") == ["story"]
    before = os.stat(story)
    story.write_text("A Story\n\nThe porter said hello.\n")  # "porter": as long as "waiter"
    os.utime(story, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(story)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    report = index.sync()
    assert report.changed == 1
    assert _ids(index, "porter") == ["story"] and _ids(index, "waiter") == []


def test_a_change_of_mode_alone_is_a_touch_not_a_change(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = corpus / "story.txt"
    story.write_text("A Story\n\nThe waiter said hello.\n")
    index = SearchIndex(corpus, tmp_path / "home")
    index.sync()
    os.chmod(story, 0o600)
    report = index.sync()
    assert (report.changed, report.touched) == (0, 1)
    assert index.sync().unchanged == 1  # its new stamp kept: no reread the next time
