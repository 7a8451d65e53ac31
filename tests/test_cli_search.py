"""`baldreader search` and `baldreader index` from the shell."""

from __future__ import annotations

import json

from conftest import write
from test_cli import run


def test_search_json_on_seeds(isolated_home) -> None:
    result = run("search", "--json", "--limit", "2", "insider")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2
    assert set(rows[0]) == {"id", "path", "title", "date", "score", "snippet"}
    assert rows[0]["score"] >= rows[1]["score"]
    assert "**insider**" in rows[0]["snippet"].lower()


def test_search_messages_go_to_stderr(isolated_home) -> None:
    result = run("search", '"red carpet')
    assert result.returncode == 0
    assert "note: unbalanced quote ignored" in result.stderr
    assert "3 hit(s)" in result.stderr


def test_index_reports_counts_and_rebuild(corpus_dir, isolated_home) -> None:
    write(corpus_dir, "a.txt", "First Story\nThe walrus sang.\n")
    first = run("index", "--corpus", str(corpus_dir))
    assert "1 articles indexed: 1 added" in first.stdout
    again = run("index", "--corpus", str(corpus_dir))
    assert "1 unchanged" in again.stdout
    rebuilt = run("index", "--corpus", str(corpus_dir), "--rebuild")
    assert "1 added" in rebuilt.stdout and "rebuild requested" in rebuilt.stderr
    hits = run("search", "walrus", "--json", "--corpus", str(corpus_dir))
    assert json.loads(hits.stdout.splitlines()[0])["id"] == "a"


def test_index_counts_duplicates_in_one_line_and_lists_them_with_verbose(corpus_dir, isolated_home) -> None:
    """Issue 12, item 15: one line per duplicate file on every run."""
    write(corpus_dir, "a.txt", "First Story\nThe walrus sang.\n")
    for i in range(4):
        write(corpus_dir, f"copy{i}.txt", "First Story\nThe walrus sang.\n")
    run("index", "--corpus", str(corpus_dir))
    again = run("index", "--corpus", str(corpus_dir))
    assert again.stderr.count("\n") <= 2 and "4 duplicate file(s) shown once" in again.stderr
    verbose = run("index", "--corpus", str(corpus_dir), "--verbose")
    assert verbose.stderr.count("identical to") == 4
