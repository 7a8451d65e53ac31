"""Issue 10, item 4: the analysis cache cannot serve a result made by other rules."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.analysis import cache as cache_module


def test_the_key_changes_with_the_code_and_the_word_lists(tmp_path, monkeypatch) -> None:
    package = Path(cache_module.__file__).parent
    copy = tmp_path / "analysis"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    fake_file = copy / "cache.py"
    monkeypatch.setattr(cache_module, "__file__", str(fake_file))

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
