"""Issue 29 (third part): sourcing compared by outlet, `profile --by outlet`, on a corpus of two
outlets written for this test (Markdown with front matter naming the site)."""

from __future__ import annotations

import json

import pytest
from conftest import write
from test_cli import run

from reader.across.outlets import bar

pytestmark = [pytest.mark.unit, pytest.mark.usefixtures("isolated_home")]

ANONYMOUS = (
    "One insider said the mayor would resign. Sources close to the council said the budget was late. "
    "The mayor reportedly refused.\n"
)
ON_RECORD = "Mayor Ana Ruiz said the budget was sound. The council said it agreed.\n"


def _corpus(folder) -> None:
    for n in range(3):
        write(folder, f"a{n}.md", f"---\ntitle: Story {n}\nsite: Valley Gazette\n---\n\n{ANONYMOUS}")
    for n in range(2):
        write(folder, f"b{n}.md", f"---\ntitle: Report {n}\nsite: Harbour News\n---\n\n{ON_RECORD}")
    write(folder, "plain.txt", f"Budget\n\n{ON_RECORD}")


def test_profile_by_outlet_counts_each_outlets_sourcing(corpus_dir) -> None:
    _corpus(corpus_dir)
    rows = [
        json.loads(line)
        for line in run("profile", "--by", "outlet", "--json", "--corpus", str(corpus_dir)).stdout.splitlines()
    ]
    assert [(r["outlet"], r["articles"], r["claims"], r["anonymous"]) for r in rows] == [
        ("Valley Gazette", 3, 9, 6),
        ("Harbour News", 2, 4, 0),
        ("(no outlet)", 1, 2, 0),
    ]
    assert rows[0]["anonymous_share"] == 0.667 and rows[0]["hedges"] == 3


def test_profile_by_outlet_draws_the_shares_as_bars(corpus_dir) -> None:
    _corpus(corpus_dir)
    lines = run("profile", "--by", "outlet", "--corpus", str(corpus_dir)).stdout.splitlines()
    gazette = next(line for line in lines if line.endswith("Valley Gazette"))
    harbour = next(line for line in lines if line.endswith("Harbour News"))
    assert bar(2 / 3) in gazette and "67%" in gazette
    assert "█" not in harbour and " 0%" in harbour


def test_a_bar_is_a_share_of_its_width_in_eighths() -> None:
    assert bar(0.0, 4) == "    " and bar(1.0, 4) == "████" and bar(0.5, 4) == "██  " and bar(0.5625, 4) == "██▎ "


def test_search_by_site_and_author(corpus_dir) -> None:
    """`site:` and `author:` find the articles of an outlet or an author, by the whole name or a
    word of it."""
    _corpus(corpus_dir)
    write(
        corpus_dir,
        "signed.md",
        f"---\ntitle: Signed\nsite: Harbour News\nauthor: [Jane Roe, Tom Baines]\n---\n\n{ON_RECORD}",
    )

    def ids(query: str) -> list[str]:
        found = run("search", "--json", query, "--corpus", str(corpus_dir))
        return sorted(json.loads(line)["id"] for line in found.stdout.splitlines())

    assert ids('site:"Valley Gazette"') == ["a0", "a1", "a2"]
    assert ids("site:harbour") == ["b0", "b1", "signed"]
    assert ids("author:baines") == ["signed"]
    assert ids('author:"jane roe" budget') == ["signed"]


def test_the_list_filters_and_sorts_by_outlet(tmp_path) -> None:
    from reader.corpus import load_corpus
    from reader.entries import Entry, filter_entries, sort_entries

    _corpus(tmp_path)
    entries = [Entry.of(a) for a in load_corpus(tmp_path).articles]
    assert sorted(e.id for e in filter_entries(entries, "gazette")) == ["a0", "a1", "a2"]
    ordered = [(e.outlet, e.id) for e in sort_entries(entries, "outlet")]
    assert [o for o, _ in ordered] == ["Harbour News"] * 2 + ["Valley Gazette"] * 3 + [None]
