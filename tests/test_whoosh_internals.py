"""Whoosh's private internals are used in one module; these tests fail when an index would not
take one of its fast paths (a different Whoosh build, a changed layout), and show the search
still answering, and saying so once, when it falls back to Whoosh's public paths."""

from __future__ import annotations

import pytest
from test_search_engine import _corpus, in_workers  # noqa: F401 - in_workers is a fixture

from reader.search import SearchIndex
from reader.search import whoosh_internals as internals


@pytest.fixture
def index(tmp_path, isolated_home, in_workers):  # noqa: F811 - the fixture imported above
    corpus = _corpus(tmp_path / "corpus", 120)
    built = SearchIndex(corpus, isolated_home)
    built.sync()
    yield built
    built.close()


def test_every_fast_path_is_taken(index) -> None:
    assert internals.self_check(index._current_searcher()) == []
    result = index.search("insider")
    assert result.hits and not any("compatibility mode" in m for m in result.messages)
    assert index.slow_paths == []


def test_a_fast_path_not_taken_is_said_once_and_search_still_answers(index, monkeypatch) -> None:
    expected = {hit.id for hit in index.search("insider", limit=200).hits}
    index.slow_paths = None
    index._drop_searcher()
    # As if another Whoosh build read its postings with a matcher of another class.
    monkeypatch.setattr(internals, "W3LeafMatcher", type("OtherLeafMatcher", (), {}))
    first = index.search("insider", limit=200)
    assert any("compatibility mode" in m and "block at a time" in m for m in first.messages), first.messages
    assert {hit.id for hit in first.hits} == expected  # the public path finds the same
    assert not any("compatibility mode" in m for m in index.search("insider", limit=200).messages)


def test_the_compound_file_patch_is_in_place() -> None:
    from whoosh.filedb import compound

    assert compound.BufferFile is internals.ViewBufferFile


def test_no_other_module_touches_whoosh_privates() -> None:
    import re
    from pathlib import Path

    folder = Path(internals.__file__).parent
    private = re.compile(
        r"(?<!self)\.(_read_ids|_read_weights|_next_block|_perdoc|_cached_reader|_dbfile|_basepos|"
        r"_finalize_segment|_close_segment|_merge_segments|_flush_segment|_commit_toc|"
        r"_segment\b|_offsets|_lengths)"
    )
    offenders = [
        p.name
        for p in folder.glob("*.py")
        if p.name != "whoosh_internals.py" and private.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_whoosh_is_imported_without_its_unused_modules_and_they_still_work() -> None:
    """search/whoosh_import.py: the stand-ins used while Whoosh is first imported are gone
    afterwards, and what Whoosh took from them imports the real module when called."""
    import subprocess
    import sys

    probe = (
        "import sys; from reader.search import SearchIndex;"
        "print('urllib.request' in sys.modules, 'whoosh.lang.morph_en' in sys.modules);"
        "from whoosh.query.terms import variations; print(sorted(variations('rendering'))[:2]);"
        "import whoosh.lang.morph_en as m; print(m.__file__.endswith('morph_en.py'));"
        "import urllib.request as u; print(hasattr(u, 'Request'))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[:4] == ["False False", "['render', 'rendering']", "True", "True"], out
