"""The notes store: round trips, hand edits, corruption, refused tags, migration, concurrency."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reader.store import Bookmark, Note, Store, StoreCorrupt, StoreReadOnly
from reader.store.model import Anchor

WRITER = Path(__file__).parent / "store_writer.py"
TRICKY = [
    "yes",
    "no",
    "null",
    "~",
    "- x",
    "key: value",
    "#hash",
    "'single'",
    '"double"',
    "@at",
    "% percent",
    "1e3",
    "0x1F",
    "2025-03-31",
    "true",
    "[a, b]",
    "{a: 1}",
    "  leading",
    "trailing  ",
    "tab\there",
    "Ünïcødé ✓ 中文 🙂",
    "multi\nline\n\nwith blank",
    "a: b\n- c",
    "---",
    "...",
    "\\backslash",
    "",
]


def anchor(**kw) -> Anchor:
    base = {
        "article": "000_x",
        "article_title": "A Title: With Colon",
        "paragraph": 3,
        "quote": 'He said: "no"',
        "before": "before ",
        "after": " after",
    }
    base.update(kw)
    return Anchor(**base)


def test_every_field_round_trips_including_yaml_special_strings(tmp_path: Path) -> None:
    store = Store(tmp_path / "notes.yaml").load()
    added = []
    for text in TRICKY:
        note = Note(
            id="",
            anchor=anchor(quote=text, article_title=text),
            text=text,
            target="passage",
            tags=[text, "plain"],
            status="disputed",
            claim={"kind": "quote", "source": "anonymous", "speaker": text or None},
        )
        added.append(store.add_note(note))
    bookmark = store.add_bookmark(Bookmark(id="", anchor=anchor(paragraph=None), label="yes"))
    again = Store(tmp_path / "notes.yaml").load()
    assert [n.to_dict() for n in again.notes()] == [n.to_dict() for n in added]
    assert again.bookmarks()[0].label == "yes" and again.bookmarks()[0].id == bookmark.id
    assert again.bookmarks()[0].anchor.paragraph is None
    raw = (tmp_path / "notes.yaml").read_text()
    assert raw.count("version: 1") == 1 and "!!python" not in raw
    # The appended file is exactly what a full parse reads back (the fast append path is sound).
    assert yaml.safe_load(raw)["notes"] == [n.to_dict() for n in added]


def test_update_and_delete(tmp_path: Path) -> None:
    store = Store(tmp_path / "notes.yaml").load()
    note = store.add_note(Note(id="", anchor=anchor(), text="first"))
    updated = store.update_note(note.id, text="second\nline", tags=["x"], status="supported")
    assert updated.text == "second\nline" and updated.status == "supported"
    assert updated.updated >= note.created
    assert Store(store.path).load().note(note.id).tags == ["x"]
    store.delete_note(note.id)
    assert Store(store.path).load().notes() == []
    assert (tmp_path / "notes.yaml.bak").exists()  # the previous version is kept


def test_hand_edit_is_kept_unknown_fields_survive(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    store = Store(path).load()
    store.add_note(Note(id="", anchor=anchor(), text="mine"))
    data = yaml.safe_load(path.read_text())
    data["notes"][0]["text"] = "edited by hand"
    data["notes"][0]["my_field"] = {"nested": [1, 2]}
    data["notes"].append(
        {"article": "001_y", "text": "typed by hand, no id", "status": "maybe", "created": "2025-01-01T10:00:00Z"}
    )
    data["reviewer"] = "Sam"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    # The running instance re-reads before its next write and keeps the hand edit.
    store.add_note(Note(id="", anchor=anchor(), text="after edit"))
    again = Store(path).load()
    texts = [n.text for n in again.notes()]
    assert texts == ["edited by hand", "typed by hand, no id", "after edit"]
    assert again.notes()[0].extra == {"my_field": {"nested": [1, 2]}}
    assert again.notes()[1].id.startswith("n-") and again.notes()[1].status == "maybe"
    assert any("unknown status 'maybe'" in w for w in again.warnings)
    assert yaml.safe_load(path.read_text())["reviewer"] == "Sam"


def test_unquoted_timestamps_from_hand_edits_come_back_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("version: 1\nnotes:\n- id: n-1\n  article: a\n  text: hi\n  created: 2025-01-02 03:04:05\n")
    note = Store(path).load().notes()[0]
    assert note.created == "2025-01-02T03:04:05Z"


@pytest.mark.parametrize(
    "content, where",
    [
        ("version: 1\nnotes:\n- id: n-1\n  text: 'unclosed\n", "line 5, column 1"),
        ("version: 1\nnotes: [\n", "line 3"),
        ("version: 1\nnotes:\n  - a\n  b: c\n", "line 4"),
        ("version: 1\nnotes: 12\n", "'notes' must be a list"),
        ("- just\n- a list\n", "expected a mapping"),
        ("version: 1\nnotes:\n- plain string\n", "notes entry #1 is not a mapping"),
    ],
)
def test_corrupt_store_is_left_untouched_with_a_clear_message(tmp_path: Path, content, where) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text(content)
    before = path.read_bytes()
    store = Store(path)
    with pytest.raises(StoreCorrupt) as error:
        store.load()
    assert where in str(error.value) and str(path) in str(error.value)
    assert store.read_only
    with pytest.raises(StoreReadOnly):
        store.add_note(Note(id="", anchor=anchor(), text="x"))
    assert path.read_bytes() == before
    # Only on the user's word: the bad file is moved aside (kept), and a fresh store begins.
    moved = store.start_fresh()
    assert moved is not None and moved.read_bytes() == before
    store.add_note(Note(id="", anchor=anchor(), text="fresh"))
    assert [n.text for n in Store(path).load().notes()] == ["fresh"]


def test_python_object_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    marker = tmp_path / "pwned"
    path.write_text(f"version: 1\nnotes:\n- !!python/object/apply:os.system\n  args: ['touch {marker}']\n")
    with pytest.raises(StoreCorrupt, match=r"line 3, column 3: refused the tag .*python/object"):
        Store(path).load()
    assert not marker.exists()


def test_version_migration_and_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    path.write_text("notes:\n- id: n-old\n  article: a\n  text: from before versions\n")
    store = Store(path).load()
    assert store.notes()[0].text == "from before versions"
    store.add_bookmark(Bookmark(id="", anchor=Anchor(article="a")))
    assert yaml.safe_load(path.read_text())["version"] == 1
    path.write_text("version: 99\nnotes: []\nbookmarks: []\nfuture: stuff\n")
    newer = Store(path)
    newer.load()
    assert newer.read_only and "newer baldreader" in newer.read_only_reason
    with pytest.raises(StoreReadOnly):
        newer.add_note(Note(id="", anchor=anchor(), text="x"))
    assert "future: stuff" in path.read_text()


def test_cache_is_used_only_when_it_matches(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    store = Store(path).load()
    store.add_note(Note(id="", anchor=anchor(), text="one"))
    store.flush_cache()
    cache = path.with_name(".notes.yaml.cache.json")
    assert cache.exists()
    # A hand edit changes the file: the stale cache must not be believed.
    path.write_text(path.read_text().replace("text: one", "text: two"))
    assert Store(path).load().notes()[0].text == "two"


def test_second_instance_changes_are_merged_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    a, b = Store(path).load(), Store(path).load()
    a.add_note(Note(id="", anchor=anchor(), text="from a"))
    b.add_note(Note(id="", anchor=anchor(), text="from b"))
    note_a = a.notes()[0]
    b.delete_note(note_a.id)
    a.add_bookmark(Bookmark(id="", anchor=anchor(), label="from a"))
    final = Store(path).load()
    assert [n.text for n in final.notes()] == ["from b"]
    assert [x.label for x in final.bookmarks()] == ["from a"]


def test_two_processes_adding_100_notes_each_end_with_200(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    procs = [
        subprocess.Popen([sys.executable, str(WRITER), str(path), "100", label], stdout=subprocess.PIPE, text=True)
        for label in ("left", "right")
    ]
    acked = []
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        acked += [line.split()[1] for line in out.splitlines()]
    notes = Store(path).load().notes()
    assert len(acked) == 200 and len(notes) == 200
    assert {n.id for n in notes} == set(acked)
    assert sorted(n.tags[0] for n in notes).count("left") == 100


@pytest.mark.slow
def test_killing_a_writer_at_random_moments_never_loses_acknowledged_notes(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    rng = random.Random(20261122)
    acked: set[str] = set()
    for _ in range(100):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), "1000", "kill"], stdout=subprocess.PIPE, text=True
        )
        # Let it start and write a few notes, then kill it mid-stream.
        for _ in range(rng.randint(0, 4)):
            line = proc.stdout.readline()
            if line.startswith("ack "):
                acked.add(line.split()[1])
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate()
        acked |= {line.split()[1] for line in rest.splitlines() if line.startswith("ack ")}
        store = Store(path).load()  # parses
        ids = {n.id for n in store.notes()}
        missing = acked - ids
        assert not missing, f"acknowledged notes lost: {sorted(missing)[:5]}"
    assert len(acked) > 0
