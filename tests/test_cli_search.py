"""`baldreader search` and `baldreader index` from the shell."""

from __future__ import annotations

import json

from conftest import write
from test_cli import run


def test_search_json_on_seeds(isolated_home) -> None:
    result = run("search", "--json", "--limit", "2", "insider")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 2
    assert set(rows[0]) == {"id", "path", "title", "date", "score", "snippet", "engine"}
    assert rows[0]["engine"] == "baldreader"  # ranked by our own evaluator, not Whoosh's matchers
    assert rows[0]["score"] >= rows[1]["score"]
    assert "**insider**" in rows[0]["snippet"].lower()


def test_search_messages_go_to_stderr(isolated_home) -> None:
    result = run("search", '"red carpet')
    assert result.returncode == 0
    assert "note: unbalanced quote ignored" in result.stderr
    assert "3 hits" in result.stderr


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
    assert again.stderr.count("\n") <= 2 and "4 duplicate files shown once" in again.stderr
    verbose = run("index", "--corpus", str(corpus_dir), "--verbose")
    assert verbose.stderr.count("identical to") == 4


def _pending_index(corpus_dir, home, n: int):
    """An index synced with a people limit below `n`: its articles' people left pending."""
    from reader.indexed import open_index

    for i in range(n):
        write(corpus_dir, f"a{i}.txt", f"Story {i}\n\nNora Vale said on day {i} that the gallery was open.\n")
    index = open_index(corpus_dir, home)
    index.people_limit = 2
    index.sync()
    assert index.people_pending() == n
    return index


def test_index_people_reads_the_people_a_large_sync_left(corpus_dir, isolated_home) -> None:
    """Issue 13: `baldreader index --people` runs the people pass; after it person: finds every
    article (before it, none); `baldreader index` runs it after its sync."""
    index = _pending_index(corpus_dir, isolated_home, 4)
    assert run("search", "--json", "--corpus", str(corpus_dir), 'person:"Nora Vale"').stdout == ""
    result = run("index", "--people", "--corpus", str(corpus_dir))
    assert result.returncode == 0 and "people read for 4 articles; 0 left" in result.stdout
    hits = run("search", "--json", "--corpus", str(corpus_dir), 'person:"Nora Vale"').stdout.splitlines()
    assert sorted(json.loads(h)["id"] for h in hits) == ["a0", "a1", "a2", "a3"]
    index.close()


def test_the_apps_people_pass_runs_in_a_child_with_progress(corpus_dir, isolated_home) -> None:
    """The app's way: `people_in_child` runs `index --people --progress-json` and returns
    (done, left) with the progress it reported; the app's own index then finds the people."""
    from reader.search import SearchIndex
    from reader.search.background import people_in_child

    _pending_index(corpus_dir, isolated_home, 3).close()
    seen: list[tuple[int, int]] = []
    assert people_in_child(corpus_dir, isolated_home, lambda d, t: seen.append((d, t))) == (3, 0)
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    index = SearchIndex(corpus_dir, isolated_home)
    assert index.open_existing() and index.people_pending() == 0
    assert len(index.search('person:"Nora Vale"').hits) == 3
    index.close()


def test_index_no_people_leaves_the_people_pass_for_later(corpus_dir, isolated_home) -> None:
    index = _pending_index(corpus_dir, isolated_home, 3)
    write(corpus_dir, "late.txt", "Late Story\n\nNora Vale said so.\n")
    result = run("index", "--no-people", "--corpus", str(corpus_dir))
    assert result.returncode == 0 and "1 added" in result.stdout and "people read" not in result.stdout
    assert index.people_pending() == 3  # the new file was read with its people (under the limit)
    assert "people read for 3 articles; 0 left" in run("index", "--corpus", str(corpus_dir)).stdout
    index.close()


def test_a_british_politician_is_found_by_person(corpus_dir, isolated_home) -> None:
    """Issue 28: "Theresa May said" was read as "Theresa" and the month May; now she is a person,
    and `person:"Theresa May"` finds the article that names her."""
    write(corpus_dir, "brexit.txt", "Brexit talks\n\nTheresa May said the deal was the best available.\n")
    write(corpus_dir, "other.txt", "Budget day\n\nThe chancellor said the figures were sound in May.\n")
    hits = run("search", "--json", 'person:"Theresa May"', "--corpus", str(corpus_dir))
    assert [json.loads(line)["id"] for line in hits.stdout.splitlines()] == ["brexit"]


def test_index_files_indexes_those_alone_and_takes_removed_ones_out(corpus_dir, isolated_home) -> None:
    """`index FILE …` after editing a file: that file alone (a whole sync reads every stamp: 2.5 s
    at 100,000 articles), found or gone at once."""
    for n in range(3):
        write(corpus_dir, f"s{n}.txt", f"Story {n}\n\nThe council met on day {n}.\n")
    assert run("index", "--corpus", str(corpus_dir)).returncode == 0
    new = write(corpus_dir, "fresh.txt", "Quokka census\n\nRangers counted zanzibarquokka at dawn.\n")
    done = run("index", str(new), "--corpus", str(corpus_dir))
    assert done.returncode == 0 and done.stdout.startswith("1 added, 0 changed, 0 removed"), done.stdout
    found = run("search", "zanzibarquokka", "--json", "--corpus", str(corpus_dir))
    assert [json.loads(line)["title"] for line in found.stdout.splitlines()] == ["Quokka census"]
    new.unlink()
    gone = run("index", str(new), "--corpus", str(corpus_dir))
    assert gone.returncode == 0 and "1 removed" in gone.stdout and "no file" in gone.stderr
    mistyped = run("index", str(corpus_dir / "fresh.text"), "--corpus", str(corpus_dir))
    assert mistyped.returncode == 0 and "no file" in mistyped.stderr and "0 removed" in mistyped.stdout
    assert run("search", "zanzibarquokka", "--json", "--corpus", str(corpus_dir)).stdout == ""
    outside = write(corpus_dir.parent, "elsewhere.txt", "Elsewhere\n\nNot in the corpus.\n")
    refused = run("index", str(outside), "--corpus", str(corpus_dir))
    assert refused.returncode == 2 and "not in the corpus" in refused.stderr
    twin = write(corpus_dir, "twin.txt", (corpus_dir / "s1.txt").read_text())
    synced = run("index", str(twin), "--corpus", str(corpus_dir))  # a copy: shown once, as a sync says
    assert synced.returncode == 0 and "0 added" in synced.stdout and "identical to s1.txt" in synced.stderr
