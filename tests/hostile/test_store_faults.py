"""Issue 9, items 9 to 13: the notes store and exports under faults (a full disk, an alias bomb,
a giant version number, two instances starting fresh, killed writers' temp files, exports onto
links and devices, spreadsheet formulas and Markdown structure in notes)."""

from __future__ import annotations

import csv
import errno
import io
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import quiet, wait_loaded

from reader.export import export, md_text
from reader.store import Store
from reader.store.model import Anchor, Note
from reader.store.store import StoreError, StoreReadOnly

PLAIN = """version: 1
bookmarks: []
notes:
- id: n-1
  target: article
  article: a1
  article_title: First
  paragraph: null
  quote: ''
  before: ''
  after: ''
  text: kept
  tags: []
  status: unverified
  created: '2026-01-01T00:00:00Z'
  updated: '2026-01-01T00:00:00Z'
"""


def note(text: str, article: str = "a1") -> Note:
    return Note(
        id="",
        anchor=Anchor(article=article, article_title="T", paragraph=None, quote="", before="", after=""),
        text=text,
        target="article",
    )


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


# --- 9. a write that fails ---------------------------------------------------------------------


def test_a_failed_write_leaves_memory_and_disk_as_they_were(tmp_path, monkeypatch) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(PLAIN)
    store = Store(path).load()
    before = path.read_bytes()
    monkeypatch.setattr("reader.store.store.write_atomic", disk_full)
    with pytest.raises(StoreError, match="No space left on device"):
        store.add_note(note("lost"))
    assert [n.text for n in store.notes()] == ["kept"]
    assert path.read_bytes() == before
    monkeypatch.undo()
    store.add_note(note("second"))
    assert [n.text for n in Store(path).load().notes()] == ["kept", "second"]  # never "lost"


def test_the_shell_says_disk_full_in_one_line(tmp_path, seeds) -> None:
    """A real failed write: the file size limit (RLIMIT_FSIZE) makes the write fail (EFBIG)."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.yaml").write_text(PLAIN)

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    out = subprocess.run(
        [sys.executable, "-m", "reader", "--home", str(home), "notes", "add", "000", "--text", "x" * 500],
        capture_output=True,
        text=True,
        preexec_fn=limited,
        timeout=60,
    )
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and "could not save" in out.stderr
    assert (home / "notes.yaml").read_text() == PLAIN


async def test_the_app_keeps_the_typed_note_when_saving_fails(seeds, isolated_home, monkeypatch) -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.note_editor import NoteEditor

    app = ReaderApp(corpus=seeds, home=isolated_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter", "a")
        await pilot.pause()
        await pilot.press(*"Check the video")
        monkeypatch.setattr("reader.store.store.write_atomic", disk_full)
        await pilot.press("ctrl+s")
        await quiet(pilot)
        assert app.is_running
        editor = app.screen
        assert isinstance(editor, NoteEditor)  # open again, with what was typed
        assert editor.query_one("#note-text").text == "Check the video"
        assert any("No space left" in n.message for n in app.notices)
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await quiet(pilot)
    assert [n.text for n in Store(isolated_home / "notes.yaml").load().notes()] == ["Check the video"]


# --- 10. alias bombs and giant numbers -----------------------------------------------------------

BOMB = "version: 1\nbookmarks: []\nnotes: []\n" + "\n".join(
    [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9 if i else ["lol"] * 9) + "]" for i in range(9)]
)


def test_an_alias_bomb_is_refused_quickly_and_left_untouched(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(BOMB)
    with pytest.raises(StoreError, match="aliases"):  # refused by counting aliases, never expanded
        Store(path).load()
    assert path.read_text() == BOMB
    with pytest.raises(StoreReadOnly):
        Store(path).add_note(note("x"))


def test_a_giant_version_is_a_clear_error(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("version: " + "9" * 5000 + "\nnotes: []\n")
    with pytest.raises(StoreError, match="version|value"):
        Store(path).load()
    path.write_text("version: 123456789\nnotes: []\n")
    with pytest.raises(StoreError, match="small whole number"):
        Store(path).load()


# --- 11. two instances starting fresh; appended fragments ----------------------------------------


def test_two_instances_starting_fresh_lose_nothing(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("notes: [unclosed\n")
    first, second = Store(path), Store(path)
    for store in (first, second):
        with pytest.raises(StoreError):
            store.load()
    moved = first.start_fresh()
    assert moved is not None and moved.read_text() == "notes: [unclosed\n"
    first.add_note(note("from the first"))
    assert second.start_fresh() is None  # the file is readable now: nothing moved aside
    second.add_note(note("from the second"))
    assert [n.text for n in Store(path).load().notes()] == ["from the first", "from the second"]
    assert len(list(tmp_path.glob("notes.yaml.unreadable-*"))) == 1


def test_fresh_starts_in_the_same_second_never_overwrite_a_moved_file(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    moved = []
    for content in ("bad: [1\n", "bad: [2\n", "bad: [3\n"):
        path.write_text(content)
        store = Store(path)
        with pytest.raises(StoreError):
            store.load()
        moved.append(store.start_fresh())
    assert len(set(moved)) == 3
    assert sorted(p.read_text() for p in moved) == ["bad: [1\n", "bad: [2\n", "bad: [3\n"]


def test_a_hand_appended_fragment_that_breaks_the_file_is_not_taken_by_the_fast_path(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    store = Store(path)
    store.add_note(note("one"))
    store.add_note(note("two"))  # appended: the fast path is in use
    with open(path, "a") as handle:
        handle.write("  - stray: 1\n")  # parses alone as a list of one entry; breaks the whole file
    with pytest.raises(StoreError):
        store.add_note(note("three"))
    with pytest.raises(StoreError):
        Store(path).load()
    assert "three" not in path.read_text()


# --- 12. temp files of killed writers -------------------------------------------------------------


def test_stale_temp_files_are_removed_on_open(tmp_path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(PLAIN)
    stale = [tmp_path / ".notes.yaml.abc123xy.tmp", tmp_path / "notes.yaml.bak.tmp"]
    for leftover in stale:
        leftover.write_text("half a write")
    unrelated = tmp_path / "..notes.yaml.cache.json.q1w2e3r4.tmp"
    unrelated.write_text("{}")
    Store(path).load()
    assert not any(p.exists() for p in stale)
    assert unrelated.exists()  # the cache is written without the lock: not ours to remove


# --- 13. exports ----------------------------------------------------------------------------------


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--home", str(home), *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize("kind", ["fifo", "symlink", "dangling", "device"])
def test_export_never_replaces_what_is_not_a_regular_file(tmp_path, kind) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "notes.yaml").write_text(PLAIN)
    target = tmp_path / "out.md"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "real.md").write_text("precious")
        target.symlink_to(tmp_path / "real.md")
    elif kind == "dangling":
        target.symlink_to(tmp_path / "missing.md")
    else:
        target = device_node(tmp_path)
    for extra in ([], ["--force"]):
        out = _cli(home, "export", "-o", str(target), *extra)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        assert target.is_symlink() or target.is_fifo() or target.is_char_device()
    if kind == "symlink":
        assert (tmp_path / "real.md").read_text() == "precious"
    if kind == "device":
        assert target.is_char_device()


def device_node(folder: Path) -> Path:
    """A character device of our own (a copy of /dev/null's numbers) to aim at: a regression
    then replaces this node, never the system's /dev/null (which an old baldreader, run as root,
    did replace in this very test)."""
    node = folder / "device"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return node


def test_store_on_a_device_is_refused(tmp_path) -> None:
    node = device_node(tmp_path)
    out = _cli(tmp_path, "notes", "add", "000", "--text", "x", "--store", str(node))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert node.is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["device"]  # no lock, backup or cache beside it


def test_csv_cells_cannot_run_as_formulas_and_cr_stays_in_its_cell() -> None:
    hostile = [
        note('=HYPERLINK("http://x","y")'),
        note("+1+1"),
        note("-2"),
        note("@SUM(A1)"),
        note("\tindent"),
        note("line\rbreak"),
        note("plain"),
    ]
    rows = list(csv.DictReader(io.StringIO(export(hostile, "csv"))))
    assert len(rows) == len(hostile)
    texts = [r["note"] for r in rows]
    assert all(t[0] not in "=+-@\t\r" for t in texts)
    assert '\'=HYPERLINK("http://x","y")' in texts and "plain" in texts
    assert "'line\rbreak" not in texts and "line\rbreak" in texts


def test_markdown_escapes_what_would_change_the_document() -> None:
    hostile = note("# Heading\n```\n<script>alert(1)</script>\n[x](javascript:alert(1))\n- item")
    hostile.anchor.article_title = "Title <img src=x onerror=alert(1)> `code"
    md = export([hostile], "md")
    import re

    assert not re.search(r"(?<!\\)<(script|img)", md) and not re.search(r"(?<!\\)\]\(javascript:", md)
    assert "\n# Heading" not in md and "\n```" not in md
    assert "\\# Heading" in md and "\\<script\\>" in md
    assert md_text("a*b*_c_") == "a\\*b\\*\\_c\\_"
