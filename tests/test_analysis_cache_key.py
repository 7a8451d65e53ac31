"""Issue 10, item 4: the analysis cache cannot serve a result made by other rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.analysis import cache as cache_module
from reader.helpers import rules_version


def test_the_key_changes_with_the_code_and_the_word_lists(tmp_path, monkeypatch) -> None:
    package = Path(cache_module.__file__).parent
    copy = tmp_path / "analysis"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rules_version, "ANALYSIS_FOLDER", copy)

    def key() -> str:
        cache_module.rules_hash.cache_clear()
        return cache_module.text_key("Alec said so.")

    original = key()
    assert key() == original  # stable
    rules = copy / "claim_words.py"
    rules.write_text(rules.read_text() + "\n# a changed rule\n")
    changed_code = key()
    assert changed_code != original
    names = copy / "data" / "first_names.txt"
    names.write_text(names.read_text() + "zzyzx\n")
    assert key() not in (original, changed_code)
    cache_module.rules_hash.cache_clear()


def test_a_changed_rule_has_the_people_pass_read_every_article_again(seeds, isolated_home, monkeypatch) -> None:
    """Issue 28: the list's sourcing signs, sorts and profile read the catalog's measures; after
    an analysis rule changes, every article is left to the people pass, which reads them again,
    so no measure of an older rule stays."""
    from reader.indexed import open_index
    from reader.search import catalog_db

    index = open_index(seeds, isolated_home)
    index.sync()
    assert index.people_pending() == 0
    index.close()
    monkeypatch.setattr(catalog_db, "rules_hash", lambda: "another-rule")
    again = open_index(seeds, isolated_home)
    again.sync()
    assert again.people_pending() == len(list(seeds.iterdir()))
    result = again.fill_people()
    assert result is not None and again.people_pending() == 0
    assert len(again.measures_by_id()) == len(list(seeds.iterdir()))
    again.close()


def test_writing_an_analysis_does_not_scan_the_whole_cache(tmp_path) -> None:
    """Each analysis written deletes the file's earlier ones by its path: without an index on
    the path that was a scan of every cached analysis per article (6.6 ms at 1,680 articles and
    growing with the cache, the people pass of a large corpus slowing as it went)."""
    import sqlite3

    from conftest import write

    from reader.corpus.load import load_file

    cache = cache_module.AnalysisCache(tmp_path / "analysis.sqlite")
    article = load_file(write(tmp_path, "a.txt", "Story\n\nNora Vale said the gallery was open.\n"))
    cache.get(article)
    cache.close()
    db = sqlite3.connect(tmp_path / "analysis.sqlite")
    plan = " ".join(
        str(row[-1])
        for row in db.execute("EXPLAIN QUERY PLAN DELETE FROM analysis WHERE source = ? AND key != ?", (b"x", "k"))
    )
    db.close()
    assert "USING INDEX" in plan, plan
