"""`baldreader notes`, `bookmarks` and `export` from the shell, on the seeds."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_cli import run


def test_notes_add_list_rm_with_id_prefix(isolated_home: Path) -> None:
    added = run(
        "notes",
        "add",
        "004",
        "--paragraph",
        "3",
        "--text",
        "Age gap: 26 years\nsecond line",
        "--tag",
        "timeline",
        "--tag",
        "yes",
        "--status",
        "supported",
    )
    assert added.returncode == 0, added.stderr
    note_id = added.stdout.strip()
    assert note_id.startswith("n-")
    quote = run("notes", "add", "003_a6", "--quote", "sources close to the couple say", "--text", "anon")
    assert quote.returncode == 0, quote.stderr
    rows = [json.loads(line) for line in run("notes", "list", "--json").stdout.splitlines()]
    assert [r["id"] for r in rows][0] == note_id
    first = rows[0]
    assert first["article"] == "004_25a13360c7f408e7" and first["paragraph"] == 3
    assert first["quote"] == "There's a big age gap" and first["tags"] == ["timeline", "yes"]
    assert first["text"] == "Age gap: 26 years\nsecond line" and first["status"] == "supported"
    assert rows[1]["target"] == "passage" and rows[1]["paragraph"] == 5 and not rows[1]["detached"]
    assert "timeline" in run("notes", "list", "--tag", "timeline").stdout
    assert run("notes", "rm", note_id).returncode == 0
    assert note_id not in run("notes", "list").stdout
    assert (isolated_home / "notes.yaml").exists()


def test_ambiguous_or_unknown_article_and_bad_quote(isolated_home: Path) -> None:
    ambiguous = run("notes", "add", "00", "--text", "x")
    assert ambiguous.returncode == 2 and "matches 5 articles" in ambiguous.stderr
    unknown = run("notes", "add", "zzz", "--text", "x")
    assert unknown.returncode == 2 and "no article with id or id prefix 'zzz'" in unknown.stderr
    bad = run("notes", "add", "000", "--quote", "never written anywhere", "--text", "x")
    assert bad.returncode == 2 and "is not in article" in bad.stderr
    assert run("notes", "rm", "n-nothere").returncode == 2


def test_bookmarks_add_list_rm(isolated_home: Path) -> None:
    whole = run("bookmarks", "add", "001", "--label", "read later").stdout.strip()
    para = run("bookmarks", "add", "002", "--paragraph", "2").stdout.strip()
    rows = [json.loads(line) for line in run("bookmarks", "list", "--json").stdout.splitlines()]
    assert [r["id"] for r in rows] == [whole, para]
    assert rows[0]["paragraph"] is None and rows[0]["label"] == "read later"
    assert rows[1]["paragraph"] == 2 and rows[1]["quote"].startswith("Alec Baldwin’s wife")
    assert run("bookmarks", "rm", whole).returncode == 0
    assert whole not in run("bookmarks", "list").stdout


def test_export_takes_its_format_from_the_file_name_and_refuses_an_unknown_article(
    isolated_home: Path, tmp_path: Path
) -> None:
    """Issue 12, item 12: `-o x.json` wrote Markdown into a .json file; `--article 999` exported
    nothing with status 0."""
    run("notes", "add", "000", "--paragraph", "4", "--text", "Check video")

    def exported(name: str) -> str:
        assert run("export", "-o", str(tmp_path / name)).returncode == 0
        return (tmp_path / name).read_text(encoding="utf-8")

    assert json.loads(exported("n.json"))["notes"][0]["text"] == "Check video"
    assert [r["note"] for r in csv.DictReader(io.StringIO(exported("n.csv")))] == ["Check video"]
    assert exported("n.txt").startswith("#")  # any other name: Markdown
    unknown = run("export", "--article", "999")
    assert unknown.returncode != 0 and "no article" in unknown.stderr and unknown.stdout == ""
    assert "extension" in run("export", "--help").stdout


def test_the_same_bookmark_added_twice_is_one_bookmark(isolated_home: Path) -> None:
    """Issue 12, item 13: `bookmarks add` twice made two identical bookmarks (the app's B toggles)."""
    first = run("bookmarks", "add", "002", "--paragraph", "2").stdout.strip()
    again = run("bookmarks", "add", "002", "--paragraph", "2", "--label", "later").stdout.strip()
    other = run("bookmarks", "add", "002", "--paragraph", "3").stdout.strip()
    rows = [json.loads(line) for line in run("bookmarks", "list", "--json").stdout.splitlines()]
    assert again == first and other != first
    assert [(r["paragraph"], r["label"]) for r in rows] == [(2, "later"), (3, "")]


def test_export_formats_force_and_stdout(isolated_home: Path, tmp_path: Path) -> None:
    run("notes", "add", "000", "--paragraph", "4", "--text", "Check video", "--tag", "video")
    run("notes", "add", "004", "--text", "Whole piece is opinion", "--tag", "opinion")
    out = tmp_path / "notes.md"
    first = run("export", "-o", str(out))
    assert first.returncode == 0 and "## Alec and Hilaria Baldwin 'Headed for Divorce'" in out.read_text()
    again = run("export", "-o", str(out))
    assert again.returncode == 2 and "--force" in again.stderr
    assert run("export", "-o", str(out), "--force", "--tag", "video").returncode == 0
    assert "Whole piece is opinion" not in out.read_text()
    data = json.loads(run("export", "--format", "json", "-o", "-").stdout)
    assert len(data["notes"]) == 2
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--article", "004").stdout)))
    assert [r["note"] for r in rows] == ["Whole piece is opinion"]


def test_store_flag_and_corrupt_store(tmp_path: Path) -> None:
    store = tmp_path / "elsewhere.yaml"
    assert run("notes", "add", "000", "--text", "x", "--store", str(store)).returncode == 0
    assert "text: x" in store.read_text()
    store.write_text("version: 1\nnotes: [\n")
    broken = run("notes", "add", "000", "--text", "y", "--store", str(store))
    assert broken.returncode == 2 and "line 3" in broken.stderr and "not valid YAML" in broken.stderr
    assert store.read_text() == "version: 1\nnotes: [\n"


def test_note_and_bookmark_listings_show_titles(isolated_home: Path) -> None:
    """Issue 12, item 13: `notes list` and `bookmarks list` showed only article ids."""
    run("notes", "add", "000", "--paragraph", "4", "--text", "Check video")
    run("bookmarks", "add", "002")
    assert "Alec and Hilaria Baldwin 'Headed for Divorce'" in run("notes", "list").stdout
    assert "Alec Baldwin’s wife Hilaria" in run("bookmarks", "list").stdout


def test_notes_set_changes_verdict_tags_and_text(isolated_home: Path) -> None:
    """Issue 12, item 13: there was no shell command to change a note's status and tags."""
    note = run("notes", "add", "000", "--text", "Check", "--tag", "video", "--tag", "age").stdout.strip()
    changed = run("notes", "set", note, "--status", "disputed", "--add-tag", "Follow-up", "--remove-tag", "AGE")
    assert changed.returncode == 0, changed.stderr
    row = json.loads(run("notes", "list", "--json").stdout)
    assert row["status"] == "disputed" and row["tags"] == ["video", "Follow-up"] and row["text"] == "Check"
    assert run("notes", "set", note, "--tag", "only", "--text", "Checked").returncode == 0
    row = json.loads(run("notes", "list", "--json").stdout)
    assert row["tags"] == ["only"] and row["text"] == "Checked" and row["updated"] >= row["created"]
    nothing = run("notes", "set", note)
    assert nothing.returncode == 2 and "nothing to change" in nothing.stderr
    unknown = run("notes", "set", "n-nope", "--status", "false")
    assert unknown.returncode == 2 and "no note" in unknown.stderr
    bad = run("notes", "set", note, "--status", "maybe")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_markdown_export_keeps_line_breaks_and_lists_bookmarks(isolated_home: Path) -> None:
    """Issue 12, item 12: Markdown joined a multi-line note into one line and left out bookmarks."""
    run("notes", "add", "000", "--paragraph", "2", "--text", "first line\nsecond line", "--tag", "x")
    run("bookmarks", "add", "001", "--paragraph", "3", "--label", "*key* paragraph")
    run("bookmarks", "add", "002")
    text = run("export").stdout
    assert "first line\\\nsecond line" in text  # a hard line break, not "first line second line"
    assert "1 bookmark" not in text and "2 bookmarks" in text
    bookmarks = text.split("## Bookmarks", 1)[1]
    assert "¶3" in bookmarks and "\\*key\\* paragraph" in bookmarks and "whole article" in bookmarks
    assert "> The incident, which instantly went viral" in bookmarks
    assert "## Bookmarks" not in run("export", "--tag", "x").stdout  # bookmarks have no tags


def test_a_note_placed_on_another_paragraph_than_asked_says_so(isolated_home: Path) -> None:
    """Issue 30, papercut 5: the passage was found in another paragraph than the one given."""
    added = run(
        "notes", "add", "002_14", "--paragraph", "2", "--quote", "When I'm talking, you're not talking.", "--text", "x"
    )
    assert added.returncode == 0
    assert "note: the passage is not in ¶2 but in ¶" in added.stderr
    listed = run("notes", "list").stdout
    assert "¶2 " not in listed and "¶" in listed
